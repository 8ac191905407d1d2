package tm

import (
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
	path := filepath.Join(os.TempDir(), fmt.Sprintf("bitext-tm-bench-%d-v1.db", n))
	s := newSynth(pairs, 42)
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

const bigN = 1000000

// BenchmarkExactLookup1M looks up sources present in a memory of a million
// entries.
func BenchmarkExactLookup1M(b *testing.B) {
	m, kept := bigMemory(b, bigN)
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
	reportLatency(b, lat)
	s, _ := m.Stats(ctx)
	b.ReportMetric(s.BytesPerEntry(), "file-bytes/segment")
}

// BenchmarkFuzzyLookup1M looks up edited versions of stored sources (one word
// dropped, one replaced) in a memory of a million entries.
func BenchmarkFuzzyLookup1M(b *testing.B) {
	m, kept := bigMemory(b, bigN)
	defer m.Close()
	ctx := context.Background()
	queries := make([]string, len(kept))
	for i, p := range kept {
		w := strings.Fields(p.ar)
		if len(w) > 6 {
			w = append(w[:2], w[3:]...)                          // drop a word
			w[len(w)-2] = kept[(i+1)%len(kept)].ar[:0] + "تغيير" // replace one
		}
		queries[i] = strings.Join(w, " ")
	}
	lat := make([]time.Duration, 0, b.N)
	found := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		ms, err := m.Fuzzy(ctx, "ar", "en", queries[i%len(queries)], FuzzyOptions{})
		lat = append(lat, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		for _, mt := range ms {
			if mt.Source == kept[i%len(kept)].ar {
				found++
				break
			}
		}
	}
	reportLatency(b, lat)
	b.ReportMetric(float64(found)/float64(b.N), "recall")
}

func reportLatency(b *testing.B, lat []time.Duration) {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(q(0.5), "p50-ms")
	b.ReportMetric(q(0.95), "p95-ms")
}
