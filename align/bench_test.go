package align

import (
	"os"
	"path/filepath"
	"testing"
)

// scaleInput concatenates every document of the three alignment sets, times
// copies over: about 2,750 × 2,650 sentences per copy.
func scaleInput(b *testing.B, copies int) (src, tgt []string) {
	var s1, t1 []string
	for _, set := range []string{"dev", "test", "test-pud"} {
		dir := sharedPath(b, "data", "alignment", set)
		entries, err := os.ReadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				s1 = append(s1, readLines(b, filepath.Join(dir, e.Name(), "src.txt"))...)
				t1 = append(t1, readLines(b, filepath.Join(dir, e.Name(), "tgt.txt"))...)
			}
		}
	}
	for range copies {
		src = append(src, s1...)
		tgt = append(tgt, t1...)
	}
	return src, tgt
}

func benchScale(b *testing.B, copies int, lexicon bool) {
	src, tgt := scaleInput(b, copies)
	var opts Options
	if lexicon {
		opts.Lexicon = testLexicon(b)
	}
	b.ResetTimer()
	for b.Loop() {
		Sentences(src, tgt, opts)
	}
	b.ReportMetric(float64(len(src)+len(tgt))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(len(src)), "src-lines")
}

func BenchmarkScale11k(b *testing.B)          { benchScale(b, 4, true) }
func BenchmarkScale22k(b *testing.B)          { benchScale(b, 8, true) }
func BenchmarkScale11kNoLexicon(b *testing.B) { benchScale(b, 4, false) }

func BenchmarkLoadLexicon(b *testing.B) {
	path := sharedPath(b, "data", "lexicon", "freedict-ara-eng", "freedict-ara-eng.tsv")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := LoadLexicon(path); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(fi.Size())
}
