package segment

import (
	"os"
	"strings"
	"testing"
)

// newsText is Arabic news text of about 1 MB: the sample article repeated.
func newsText(b *testing.B) string {
	data, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	return strings.Repeat(string(data)+"\n\n", 1<<20/len(data)+1)
}

func reportMBs(b *testing.B, n int) {
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
}

func BenchmarkSplitArabic(b *testing.B) {
	text := newsText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split("bench", text, "ar")
	}
	reportMBs(b, len(text))
}
