package tm

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"bitext/internal/testenv"

	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// BenchmarkImportTMX imports 20,000 synthesised pairs into a new memory per
// iteration and reports segments per second and file bytes per segment.
func BenchmarkImportTMX(b *testing.B) {
	const n = 20000
	var buf bytes.Buffer
	writeSynthTMX(b, &buf, newSynth(sentencePairs(b), 1), n)
	ctx := context.Background()
	dir := b.TempDir()
	var perSeg float64
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		m, err := Open(ctx, filepath.Join(dir, fmt.Sprintf("m%d.db", i)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := m.Import(ctx, bytes.NewReader(buf.Bytes()), ImportOptions{})
		if err != nil || res.Added != n {
			b.Fatalf("import = %+v, %v", res, err)
		}
		b.StopTimer()
		s, _ := m.Stats(ctx)
		perSeg = s.BytesPerEntry()
		m.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "segments/s")
	b.ReportMetric(perSeg, "file-bytes/segment")
}

// bigMemory opens (building it on first use, which takes minutes) a memory
// of n synthesised pairs in the temporary folder, kept between runs.
// It returns the memory and the synthesiser that made it, so that callers
// can make queries from the same pairs.
func bigMemory(b *testing.B, n int) (*Memory, []pair) {
	b.Helper()
	pairs := sentencePairs(b)
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("bitext-tm-bench-%d-v4.db", n))
	s := newSynth(pairs, 42)
	s.words = newsWords(b)
	const keep = 2000 // pairs returned to make queries from
	var kept []pair
	m, err := Open(ctx, path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	have := count(b, m)
	if have == n {
		for len(kept) < keep {
			kept = append(kept, s.next())
		}
		return m, kept
	}
	if have != 0 {
		m.Close()
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		if m, err = Open(ctx, path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	start := time.Now()
	const batch = 50000
	for done := 0; done < n; done += batch {
		es := make([]Entry, 0, batch)
		for i := done; i < min(done+batch, n); i++ {
			p := s.next()
			if len(kept) < keep {
				kept = append(kept, p)
			}
			es = append(es, Entry{SourceLang: "ar", TargetLang: "en", Source: p.ar, Target: p.en,
				Article: fmt.Sprintf("article-%d.txt", i/30), UnitID: fmt.Sprintf("u%d", i), State: "final", Creator: "bench"})
		}
		if _, err := m.Add(ctx, es); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("built %s with %d entries in %v", path, n, time.Since(start).Round(time.Second))
	return m, kept
}

// bigN is the size of the lookup benchmarks' memory: a million entries, or
// $BITEXT_TM_BENCH_N. The file is built once (minutes) in the temporary
// folder and reused.
func bigN() int {
	if n, err := strconv.Atoi(os.Getenv("BITEXT_TM_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 1000000
}

// BenchmarkExactLookup1M looks up sources present in a memory of a million
// entries.
func BenchmarkExactLookup1M(b *testing.B) {
	m, kept := bigMemory(b, bigN())
	defer m.Close()
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := kept[i%len(kept)]
		t0 := time.Now()
		es, err := m.Exact(ctx, "ar", "en", p.ar)
		lat = append(lat, time.Since(t0))
		if err != nil || len(es) == 0 {
			b.Fatalf("Exact(%q) = %d entries, %v", p.ar, len(es), err)
		}
	}
	b.StopTimer()
	reportLatency(b, lat)
	s, _ := m.Stats(ctx)
	b.ReportMetric(s.BytesPerEntry(), "file-bytes/segment")
}

// BenchmarkFuzzyLookup1M looks up edited versions of stored sources (one word
// dropped, one replaced) in a memory of a million entries.
func BenchmarkFuzzyLookup1M(b *testing.B) {
	m, kept := bigMemory(b, bigN())
	defer m.Close()
	ctx := context.Background()
	queries := make([]string, len(kept))
	for i, p := range kept {
		w := strings.Fields(p.ar)
		if len(w) > 6 {
			w = append(w[:2], w[3:]...) // drop a word
			w[len(w)-2] = "تغيير"       // replace one
		}
		queries[i] = strings.Join(w, " ")
	}
	// A query can find its entry only when they are at least 75% alike.
	reachable := make([]bool, len(queries))
	for i, q := range queries {
		a, c := normalize(kept[i].ar), normalize(q)
		reachable[i] = similarity(a, c) >= 0.75
	}
	lat := make([]time.Duration, 0, b.N)
	found, want := 0, 0
	b.ResetTimer()
	cpu := testenv.CPUTime()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		ms, err := m.Fuzzy(ctx, "ar", "en", queries[i%len(queries)], FuzzyOptions{})
		lat = append(lat, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		if !reachable[i%len(queries)] {
			continue
		}
		want++
		for _, mt := range ms {
			if mt.Source == kept[i%len(kept)].ar {
				found++
				break
			}
		}
	}
	b.StopTimer()
	if used := testenv.CPUTime() - cpu; used > 0 {
		b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu-ms/lookup")
	}
	reportLatency(b, lat)
	b.ReportMetric(float64(found)/float64(max(want, 1)), "recall")
}

func reportLatency(b *testing.B, lat []time.Duration) {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(q(0.5), "p50-ms")
	b.ReportMetric(q(0.95), "p95-ms")
}

func similarity(a, b string) float64 {
	dmp := diffmatchpatch.New()
	longer := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	if longer == 0 {
		return 1
	}
	return 1 - float64(dmp.DiffLevenshtein(dmp.DiffMain(a, b, false)))/float64(longer)
}

// lookupSegments looks up every query as a translate run does: exactly (the
// pipeline's leverage), then fuzzily (the editor's candidates). It reports
// segments looked up per second and the latency of one segment's lookups.
func lookupSegments(b *testing.B, m *Memory, queries []string) {
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		t0 := time.Now()
		if _, err := m.Exact(ctx, "ar", "en", q); err != nil {
			b.Fatal(err)
		}
		if _, err := m.Fuzzy(ctx, "ar", "en", q, FuzzyOptions{}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "segments/s")
	reportLatency(b, lat)
}

// BenchmarkLookup20K looks up distinct segments, exactly and fuzzily, in a
// memory of 20,000 pairs: a third stored ones, a third edited ones, a third
// sentences of an article the memory has never seen.
func BenchmarkLookup20K(b *testing.B) {
	m, kept := bigMemory(b, 20000)
	defer m.Close()
	rng := rand.New(rand.NewPCG(3, 3))
	sents := articleSentences(b)
	var queries []string
	for i, p := range kept {
		switch i % 3 {
		case 0:
			queries = append(queries, p.ar)
		case 1:
			queries = append(queries, edit(rng, p.ar))
		default:
			queries = append(queries, edit(rng, sents[i%len(sents)]))
		}
	}
	lookupSegments(b, m, queries)
}

// BenchmarkLookupTiny looks up the sample article's sentences and edited
// ones in a memory of ten of them, as after the first published article.
func BenchmarkLookupTiny(b *testing.B) {
	m := openTemp(b)
	sents := articleSentences(b)
	var es []Entry
	for i, s := range sents[:10] {
		es = append(es, Entry{SourceLang: "ar", TargetLang: "en", Source: s, Target: fmt.Sprint("target ", i)})
	}
	if _, err := m.Add(context.Background(), es); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(4, 4))
	queries := slices.Clone(sents)
	for _, s := range sents {
		queries = append(queries, edit(rng, s))
	}
	lookupSegments(b, m, queries)
}

// BenchmarkFolder20K looks up the segments of 200 copies of the sample
// article, each edited in two sentences, through one Cache, as 'bitext
// translate' does for a folder; it reports milliseconds per article.
func BenchmarkFolder20K(b *testing.B) {
	m, _ := bigMemory(b, 20000)
	defer m.Close()
	ctx := context.Background()
	sents := articleSentences(b)
	rng := rand.New(rand.NewPCG(5, 5))
	const articles = 200
	docs := make([][]string, articles)
	for a := range docs {
		docs[a] = slices.Clone(sents)
		docs[a][0] += fmt.Sprint(" ", a)
		k := 1 + rng.IntN(len(sents)-1)
		docs[a][k] = edit(rng, docs[a][k])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := NewCache(m)
		for _, d := range docs {
			for _, s := range d {
				if _, err := c.Exact(ctx, "ar", "en", s); err != nil {
					b.Fatal(err)
				}
				if _, err := c.Fuzzy(ctx, "ar", "en", s, FuzzyOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*articles), "ms/article")
}

// BenchmarkConcordance1M searches a memory of a million entries for words
// of stored pairs, as tm search does: Arabic words (with their clitics and
// article, through the trigram index), English words and phrases (the
// second word cut short, as a user types it; through the word index of the
// translations), and the same English words read from every translation,
// as a memory is searched that could not be indexed (read-only, made by an
// older bitext), and English words typed with an accent they are not
// written with (Sécurity); it reports the latency of each kind.
func BenchmarkConcordance1M(b *testing.B) {
	m, kept := bigMemory(b, bigN())
	defer m.Close()
	ctx := context.Background()
	var ar, en, phrases, accented []string
	for _, p := range kept {
		if w := strings.Fields(p.ar); len(w) > 3 {
			ar = append(ar, w[3])
		}
		ws := strings.Fields(p.en)
		for k, w := range ws[1:] {
			if w = strings.Trim(w, ".,;:\"'“”"); len(w) >= 4 { // a word a translator looks for
				en = append(en, w)
				accented = append(accented, accent(w))
				if k+2 < len(ws) && utf8.RuneCountInString(ws[k+2]) >= 4 {
					phrases = append(phrases, w+" "+string([]rune(ws[k+2])[:3]))
				}
				break
			}
		}
	}
	for _, kind := range []struct {
		name    string
		terms   []string
		indexed bool
	}{{"arabic", ar, true}, {"english", en, true}, {"english-phrase", phrases, true}, {"english-unindexed", en, false}, {"english-accented", accented, true}} {
		b.Run(kind.name, func(b *testing.B) {
			m.targetIndexed = kind.indexed
			defer func() { m.targetIndexed = true }()
			lat := make([]time.Duration, 0, b.N)
			hits := 0
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				res, err := m.Concordance(ctx, "ar", "en", kind.terms[i%len(kind.terms)], ConcordanceOptions{})
				lat = append(lat, time.Since(t0))
				if err != nil {
					b.Fatal(err)
				}
				hits += res.Total
			}
			b.StopTimer()
			reportLatency(b, lat)
			b.ReportMetric(float64(hits)/float64(b.N), "pairs/search")
		})
	}
}

// accent puts an acute accent on the first vowel of w after its first
// letter, the way a name is written in one language and not in another.
func accent(w string) string {
	for i, r := range w {
		if i > 0 && strings.ContainsRune("aeiou", r) {
			return w[:i] + string([]rune("áéíóú")[strings.IndexRune("aeiou", r)]) + w[i+1:]
		}
	}
	return w
}
