package segment_test

import (
	"sync"
	"testing"

	"bitext/segment"
)

// One Rules serves several goroutines: segmenting only reads it (run with
// -race to check).
func TestRulesSharedBetweenGoroutines(t *testing.T) {
	rules := segment.DefaultRules()
	text := "قال الرئيس إن موسكو مستعدة. وأضاف أن العلاقات قوية.\n\nوصل الوفد مساء الأحد.\n"
	want := segment.SplitWith("a", text, segment.Options{Rules: rules}).SegmentCount()
	var wg sync.WaitGroup
	counts := make([]int, 8)
	for i := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i] = segment.SplitWith("a", text, segment.Options{Rules: rules}).SegmentCount()
		}()
	}
	wg.Wait()
	for i, n := range counts {
		if n != want || n != 3 {
			t.Errorf("goroutine %d: %d segments, want %d (3)", i, n, want)
		}
	}
}
