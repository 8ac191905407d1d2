package main

import (
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

// TestGoals checks what the number check promises on the dev set: few false
// alarms on human translations, and most corrupted figures caught. It reads
// the shared evaluation data.
func TestGoals(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the evaluation data")
	}
	r, err := Evaluate(filepath.Join(testenv.Shared(t, "data", "alignment"), "dev"), false)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	r.Print(&out)
	t.Log("\n" + out.String())
	if r.Pairs < 700 {
		t.Fatalf("only %d pairs read", r.Pairs)
	}
	if r.PerThousand(r.Flagged) > 5 {
		t.Errorf("%.1f false alarms per 1000 human pairs, want at most 5", r.PerThousand(r.Flagged))
	}
	if r.Naive <= r.Flagged {
		t.Errorf("the naive check flags %d, no more than figures.Check (%d): the baseline is broken", r.Naive, r.Flagged)
	}
	for kind, want := range map[string]float64{"digit": 0.95, "transpose": 0.95, "x10": 0.95, "drop": 0.75} {
		if got := float64(r.Caught[kind]) / float64(max(r.Tried[kind], 1)); r.Tried[kind] < 100 || got < want {
			t.Errorf("%s: caught %d of %d, want at least %.0f%% of 100 or more", kind, r.Caught[kind], r.Tried[kind], 100*want)
		}
	}
	// fewer pairs give a figure in Arabic words
	for _, kind := range []string{"word-drop", "word-change"} {
		if got := float64(r.Caught[kind]) / float64(max(r.Tried[kind], 1)); r.Tried[kind] < 50 || got < 0.9 {
			t.Errorf("%s: caught %d of %d, want at least 90%% of 50 or more", kind, r.Caught[kind], r.Tried[kind])
		}
	}
}
