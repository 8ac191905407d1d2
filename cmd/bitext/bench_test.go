package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

// longArticle returns the sample article repeated to about size bytes, each
// copy's paragraphs numbered so that no two units share an id.
func longArticle(tb testing.TB, size int) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.RepoRoot(tb), "testdata", "article.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	var b strings.Builder
	for n := 0; b.Len() < size; n++ {
		for _, p := range paras {
			fmt.Fprintf(&b, "%s %d\n\n", p, n)
		}
	}
	return b.String()
}

// BenchmarkTranslateLongArticle translates one long article offline (gist
// engine) to XLIFF, the whole command: MB/s of Arabic text, and the CPU
// seconds a megabyte takes (steadier than wall time on a busy machine). The
// time per megabyte should not grow with the article.
func BenchmarkTranslateLongArticle(b *testing.B) {
	for _, size := range []int{1 << 20, 8 << 20} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			dir := b.TempDir()
			text := longArticle(b, size)
			if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			cpu0 := testenv.CPUTime()
			for b.Loop() {
				r := runBitext(b, dir, "", "translate", "-q", "--no-tm", "--no-cache", "--engine", "gist", "--format", "xliff", "--force", "-o", "out.xlf", "article.txt")
				if r.code != 0 {
					b.Fatalf("exit %d: %s", r.code, r.stderr)
				}
			}
			mb := float64(len(text)) / (1 << 20)
			b.ReportMetric((testenv.CPUTime()-cpu0).Seconds()/float64(b.N)/mb, "cpu-s/MB")
		})
	}
}
