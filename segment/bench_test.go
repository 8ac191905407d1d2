package segment

import (
	"os"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

// newsText is Arabic news text of about 1 MB: the sample article repeated.
func newsText(b *testing.B) string {
	data, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	return strings.Repeat(string(data)+"\n\n", 1<<20/len(data)+1)
}

// speed measures the throughput of a benchmark that processes n bytes per
// iteration: call it before the loop and call the result after it. It reports
// MB/s by the clock and MB per CPU-second ("per core", which stays meaningful
// on a busy machine where the clock also counts time spent waiting for a core).
func speed(b *testing.B, n int) func() {
	cpu0 := testenv.CPUTime()
	return func() {
		mb := float64(n) * float64(b.N) / 1e6
		b.ReportMetric(mb/b.Elapsed().Seconds(), "MB/s")
		if cpu := testenv.CPUTime() - cpu0; cpu > 0 {
			b.ReportMetric(mb/cpu.Seconds(), "MB/cpu-s")
		}
	}
}

func BenchmarkSplitArabic(b *testing.B) {
	text := newsText(b)
	done := speed(b, len(text))
	for b.Loop() {
		Split("bench", text, "ar")
	}
	done()
}

// BenchmarkSentencesEnglish splits engine-output-like English paragraphs one
// by one, as the translation pipeline does.
func BenchmarkSentencesEnglish(b *testing.B) {
	paras := []string{
		"A senior White House official warned on Tuesday that North Korea would face consequences if it supplied Russia with weapons. U.S. National Security Adviser Jake Sullivan told reporters: “North Korea will pay a price for this in the international community.”",
		"Mr. Sullivan said at 10 a.m. that he could not say which weapons might be delivered. Donald J. Trump met Kim Jong Un in 2018 and 2019... The talks ended.",
		"The Kremlin declined to confirm a summit. “No, we cannot confirm that,” Peskov said. Why? Nobody knows.",
	}
	n, sents := 0, 0
	for _, p := range paras {
		n += len(p)
	}
	done := speed(b, n)
	for b.Loop() {
		for _, p := range paras {
			sents += len(Sentences(p, "en"))
		}
	}
	done()
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkSentencesArabic splits the sample's paragraphs one by one.
func BenchmarkSentencesArabic(b *testing.B) {
	data, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	paras := strings.Split(string(data), "\n\n")
	sents := 0
	done := speed(b, len(data))
	for b.Loop() {
		for _, p := range paras {
			sents += len(Sentences(p, "ar"))
		}
	}
	done()
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLongQuotedLine splits one long line (a paragraph pasted without
// breaks) with a quotation mark at its start and a question in every sentence:
// the case where "before" patterns look furthest back.
func BenchmarkLongQuotedLine(b *testing.B) {
	text := "قال \"مرحبا\" " + strings.Repeat("هل هذا الكلام صحيح يا صديقي العزيز؟ ", 3000)
	done := speed(b, len(text))
	for b.Loop() {
		Sentences(text, "ar")
	}
	done()
}
