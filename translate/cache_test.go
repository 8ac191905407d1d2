package translate_test

import (
	"fmt"
	"os"
	"path/filepath"
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
