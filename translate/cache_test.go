package translate_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"bitext/translate"
)

// BenchmarkDirCacheGet reads back the answers of one article (31 segments)
// from a folder cache, as a run of an article translated before does:
// "recent" entries were used within the day, "stale" ones long ago, so
// every read also refreshes the entry's time.
func BenchmarkDirCacheGet(b *testing.B) {
	for _, stale := range []bool{false, true} {
		name := "recent"
		if stale {
			name = "stale"
		}
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			c, err := translate.OpenDirCache(dir)
			if err != nil {
				b.Fatal(err)
			}
			keys := make([]string, 31)
			for i := range keys {
				keys[i] = translate.CacheKey("libretranslate", "", "", "ar", "en", fmt.Sprint("paragraph ", i))
				if err := c.Put(keys[i], fmt.Sprint("The answer of paragraph ", i)); err != nil {
					b.Fatal(err)
				}
			}
			old := time.Now().Add(-100 * 24 * time.Hour)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if stale {
					b.StopTimer()
					for _, k := range keys {
						os.Chtimes(filepath.Join(dir, k[:2], k), old, old)
					}
					b.StartTimer()
				}
				for _, k := range keys {
					if _, ok := c.Get(k); !ok {
						b.Fatal("cached answer missing")
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/article")
		})
	}
}

// agedCache is a folder cache holding one entry per age, oldest first,
// each entry's time set to that long ago.
func agedCache(t *testing.T, ages ...time.Duration) (*translate.DirCache, []string) {
	t.Helper()
	c, err := translate.OpenDirCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for i, age := range ages {
		k := translate.CacheKey("google", "", "", "ar", "en", fmt.Sprint("paragraph ", i))
		if err := c.Put(k, fmt.Sprint("answer ", i)); err != nil {
			t.Fatal(err)
		}
		setAge(t, entryPath(c, k), age)
		keys = append(keys, k)
	}
	return c, keys
}

func entryPath(c *translate.DirCache, k string) string { return filepath.Join(c.Dir, k[:2], k) }

func setAge(t *testing.T, path string, age time.Duration) {
	t.Helper()
	at := time.Now().Add(-age)
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

const day = 24 * time.Hour

func TestDirCacheGetRefreshesStaleEntries(t *testing.T) {
	c, keys := agedCache(t, 30*day, time.Hour)
	for _, k := range keys {
		if _, ok := c.Get(k); !ok {
			t.Fatal("entry missing")
		}
	}
	fi, _ := os.Stat(entryPath(c, keys[0]))
	if age := time.Since(fi.ModTime()); age > time.Minute {
		t.Errorf("an entry read now still looks %v old: prune would remove an answer runs use", age.Round(time.Hour))
	}
	// A recent entry is not written to on every read: a cached run stays
	// a run of reads.
	fi, _ = os.Stat(entryPath(c, keys[1]))
	if age := time.Since(fi.ModTime()); age < 50*time.Minute {
		t.Errorf("an entry used an hour ago was refreshed (now %v old)", age)
	}
}

func TestPruneOlderThan(t *testing.T) {
	c, keys := agedCache(t, 200*day, 100*day, 50*day, time.Hour)
	before, err := c.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if before.Entries != 4 || before.Bytes != int64(4*len("answer 0")) || before.DiskBytes < before.Bytes {
		t.Errorf("stats %+v", before)
	}
	if age := time.Since(before.Oldest); age < 199*day || age > 201*day {
		t.Errorf("oldest entry %v old, want 200 days", age)
	}
	if age := time.Since(before.Newest); age < 59*time.Minute || age > 61*time.Minute {
		t.Errorf("newest entry %v old, want an hour", age)
	}
	per := before.DiskBytes / 4

	dry, err := c.Prune(context.Background(), translate.PruneOptions{OlderThan: 90 * day, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if dry.Removed != 2 || dry.Kept != 2 || !exists(entryPath(c, keys[0])) {
		t.Errorf("dry run: %+v, oldest entry there: %v", dry, exists(entryPath(c, keys[0])))
	}

	r, err := c.Prune(context.Background(), translate.PruneOptions{OlderThan: 90 * day})
	if err != nil {
		t.Fatal(err)
	}
	if r.Removed != 2 || r.Kept != 2 || r.RemovedDiskBytes != 2*per || r.KeptDiskBytes != 2*per {
		t.Errorf("prune: %+v", r)
	}
	for i, k := range keys {
		if want := i >= 2; exists(entryPath(c, k)) != want {
			t.Errorf("entry %d there: %v, want %v", i, !want, want)
		}
	}
	if _, ok := c.Get(keys[2]); !ok {
		t.Error("a kept entry does not answer")
	}
}

func TestPruneMaxSizeRemovesLeastRecentlyUsed(t *testing.T) {
	c, keys := agedCache(t, 50*day, 40*day, 30*day, 20*day, 10*day)
	s, _ := c.Stats(context.Background())
	per := s.DiskBytes / 5
	if s.FolderDiskBytes <= 0 {
		t.Errorf("stats %+v: no space for the folders", s)
	}
	// A run reads the oldest entry: it is the most recently used now.
	if _, ok := c.Get(keys[0]); !ok {
		t.Fatal("entry missing")
	}
	r, err := c.Prune(context.Background(), translate.PruneOptions{MaxSize: s.FolderDiskBytes + 2*per + per/2}) // du of the folder after: at most this
	if err != nil {
		t.Fatal(err)
	}
	if r.Removed != 3 || r.KeptDiskBytes != 2*per {
		t.Errorf("prune: %+v (each entry %d bytes on disk)", r, per)
	}
	for i, want := range []bool{true, false, false, false, true} {
		if exists(entryPath(c, keys[i])) != want {
			t.Errorf("entry %d there: %v, want %v", i, !want, want)
		}
	}
}

func TestPruneTouchesOnlyCacheFiles(t *testing.T) {
	c, keys := agedCache(t, 100*day)
	k := keys[0]
	old := time.Now().Add(-400 * day)
	others := []string{
		filepath.Join(c.Dir, "notes.txt"),                     // someone's file beside the cache
		filepath.Join(c.Dir, k[:2], "README"),                 // in a shard folder
		filepath.Join(c.Dir, "zz", k),                         // not a shard name
		filepath.Join(c.Dir, "ff", "ab"+k[2:]),                // a key in the wrong shard
		filepath.Join(c.Dir, k[:2], strings.ToUpper(k)),       // not as CacheKey writes keys
		filepath.Join(c.Dir, k[:2], "."+k+".tmp-12x"),         // not our temporary name
		filepath.Join(c.Dir, "photos", "2025", "holiday.jpg"), // a folder of its own
	}
	for _, p := range others {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("keep me"), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
	}
	s, err := c.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s.Entries != 1 || s.OtherFiles != 5 {
		t.Errorf("stats %+v, want 1 entry and 5 other files (folders not of the cache are not read)", s)
	}
	r, err := c.Prune(context.Background(), translate.PruneOptions{OlderThan: day, MaxSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Removed != 1 || exists(entryPath(c, k)) {
		t.Errorf("prune %+v left the old entry", r)
	}
	for _, p := range others {
		if !exists(p) {
			t.Errorf("prune removed %s, not a cache entry", p)
		}
	}
}

func TestPruneLeavesRunningWritesAlone(t *testing.T) {
	c, keys := agedCache(t, 100*day)
	k := keys[0]
	running := filepath.Join(c.Dir, k[:2], "."+k+".tmp-123456") // a write under way
	killed := filepath.Join(c.Dir, k[:2], "."+k+".tmp-987654")  // left by a killed run
	for _, p := range []string{running, killed} {
		if err := os.WriteFile(p, []byte("half an ans"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setAge(t, running, time.Minute)
	setAge(t, killed, 3*day)
	s, _ := c.Stats(context.Background())
	if s.Entries != 1 || s.TempFiles != 2 || s.OtherFiles != 0 {
		t.Errorf("stats %+v, want 1 entry and 2 unfinished writes", s)
	}
	r, err := c.Prune(context.Background(), translate.PruneOptions{OlderThan: time.Second, MaxSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.TempRemoved != 1 || exists(killed) {
		t.Errorf("prune %+v left the killed run's temporary file", r)
	}
	if !exists(running) {
		t.Error("prune removed the temporary file of a write under way")
	}
}

// TestPruneWhileRunsWrite prunes the whole cache over and over while runs
// write and read it: every write must succeed (prune removed no folder and
// no temporary file under a writer) and every answer read must be whole.
func TestPruneWhileRunsWrite(t *testing.T) {
	c, err := translate.OpenDirCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	value := func(k string) string { return strings.Repeat(k, 200) } // 12.8 kB: more than one write
	var keys []string
	for i := range 300 {
		keys = append(keys, translate.CacheKey("google", "", "", "ar", "en", fmt.Sprint(i)))
	}
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ctx.Err() == nil {
			if _, err := c.Prune(ctx, translate.PruneOptions{MaxSize: 1}); err != nil && ctx.Err() == nil {
				t.Errorf("prune: %v", err)
				return
			}
		}
	}()
	var writers sync.WaitGroup
	for w := range 3 {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for round := range 5 {
				for i, k := range keys {
					if (i+w+round)%3 == 0 {
						if err := c.Put(k, value(k)); err != nil {
							t.Errorf("write while pruning: %v", err)
							return
						}
					} else if v, ok := c.Get(k); ok && v != value(k) {
						t.Errorf("read a half answer: %d of %d bytes", len(v), len(value(k)))
						return
					}
				}
			}
		}()
	}
	writers.Wait()
	stop()
	wg.Wait()
}
