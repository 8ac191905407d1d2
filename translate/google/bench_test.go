package google_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"bitext/doc"
	"bitext/glossary"
	"bitext/segment"
	"bitext/translate"
	"bitext/translate/enginetest"
	"bitext/translate/google"
)

func repoFile(b *testing.B, name string) []byte {
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", name))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkSampleArticle translates the sample article through the v3 client
// against the gRPC fake with 100 ms per call, reporting API calls and
// characters billed per run; ns/op is the wall time of a run.
func BenchmarkSampleArticle(b *testing.B) {
	article := string(repoFile(b, "testdata/article.txt"))
	g, err := glossary.Parse("glossary.yaml", repoFile(b, "glossary.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	m := glossary.NewMatcher(g)
	// The edit changes one paragraph, the first.
	edited := strings.Replace(article, "حذر مسؤول كبير", "حذر مسؤول رفيع", 1)
	if edited == article {
		b.Fatal("the edit did not apply")
	}

	for _, bc := range []struct {
		name    string
		options map[string]string
		warm    string // article whose answers are cached before each run; "" for none
		text    string
	}{
		{"FirstRun", nil, "", article},
		{"SecondRun", nil, article, article},
		{"OneParagraphEdited", nil, article, edited},
		{"FirstRunOneParagraphPerCall", map[string]string{"max-items": "1"}, "", article},
	} {
		b.Run(bc.name, func(b *testing.B) {
			f := &enginetest.Fake{Latency: 100 * time.Millisecond}
			srv := newFakeServer(f)
			cfg := translate.Config{Project: "proj", Options: bc.options}
			eng, err := google.New(cfg, startGRPC(b, srv)...)
			if err != nil {
				b.Fatal(err)
			}
			defer eng.Close()
			run := func(text string, cache translate.Cache) *translate.Result {
				d := segment.Split("article.txt", text, "ar")
				res, err := translate.RunMany(context.Background(), eng, []*doc.Document{d}, translate.Options{Glossary: m, Cache: cache, Concurrency: 4})
				if err != nil {
					b.Fatal(err)
				}
				return res
			}
			var calls, chars int
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				cache := &translate.MemCache{}
				if bc.warm != "" {
					run(bc.warm, cache)
				}
				before := f.Calls()
				b.StartTimer()
				res := run(bc.text, cache)
				b.StopTimer()
				calls += f.Calls() - before
				chars += res.Stats.Characters
				if res.Stats.Requests != f.Calls()-before {
					b.Fatalf("stats say %d requests, the fake saw %d", res.Stats.Requests, f.Calls()-before)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(calls)/float64(b.N), "calls/op")
			b.ReportMetric(float64(chars)/float64(b.N), "chars-billed/op")
		})
	}
}
