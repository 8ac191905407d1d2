package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"bitext/translate"
	"bitext/translate/enginetest"
)

// ageCache sets every file under dir to age old.
func ageCache(t *testing.T, dir string, age time.Duration) {
	t.Helper()
	at := time.Now().Add(-age)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, at, at)
	})
	if err != nil {
		t.Fatal(err)
	}
}

type cacheStatsJSON struct {
	Entries   int
	Bytes     int64
	DiskBytes int64 `json:"disk_bytes"`
	Oldest    time.Time
}

type pruneJSON struct {
	DryRun  bool `json:"dry_run"`
	Removed int
	Kept    int
}

// A news desk's cron: an article translated long ago and again today after
// one edit. Pruning what no run used for 90 days keeps the answers today's
// run read, so running again sends nothing.
func TestCachePruneKeepsAnswersRunsStillUse(t *testing.T) {
	dir := sampleDir(t)
	f := &enginetest.Fake{Answer: enginetest.English}
	t.Setenv("BITEXT_ENGINE_URL", libreServer(t, f))
	t.Setenv("BITEXT_ENGINE_KEY", testKey)
	cache := filepath.Join(dir, "cache")
	translateArgs := []string{"translate", "--engine", "libretranslate", "--cache", cache, "--quiet", "article.txt"}
	if r := runBitext(t, dir, "", translateArgs...); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	r := runBitext(t, dir, "", "cache", "stats", "--cache", cache, "--json")
	var first cacheStatsJSON
	if err := json.Unmarshal([]byte(r.stdout), &first); r.code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s%s", r.code, err, r.stdout, r.stderr)
	}
	if first.Entries < 20 || first.Bytes < 3000 || first.DiskBytes < first.Bytes {
		t.Errorf("stats after one article: %+v", first)
	}

	ageCache(t, cache, 200*24*time.Hour)
	text, _ := os.ReadFile(filepath.Join(dir, "article.txt"))
	edited := strings.Replace(string(text), "حذر مسؤول كبير", "حذر مسؤول رفيع", 1)
	os.WriteFile(filepath.Join(dir, "article.txt"), []byte(edited), 0o644)
	if r := runBitext(t, dir, "", translateArgs...); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}

	r = runBitext(t, dir, "", "cache", "prune", "--cache", cache, "--older-than", "90d", "--json")
	var p pruneJSON
	if err := json.Unmarshal([]byte(r.stdout), &p); r.code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s%s", r.code, err, r.stdout, r.stderr)
	}
	if p.Removed != 1 || p.Kept != first.Entries {
		t.Errorf("prune removed %d and kept %d, want 1 (the edited paragraph's old answer) and %d", p.Removed, p.Kept, first.Entries)
	}
	calls := f.Calls()
	if r := runBitext(t, dir, "", translateArgs...); r.code != 0 || f.Calls() != calls {
		t.Errorf("after the prune the run sent %d requests: %s", f.Calls()-calls, r.stderr)
	}
}

func TestCachePruneOutput(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // never the user's own cache
	dir := t.TempDir()
	for _, k := range []string{strings.Repeat("ab", 32), strings.Repeat("cd", 32)} {
		os.MkdirAll(filepath.Join(dir, k[:2]), 0o755)
		os.WriteFile(filepath.Join(dir, k[:2], k), []byte("answer"), 0o644)
	}
	ageCache(t, dir, 100*24*time.Hour)

	r := runBitext(t, "", "", "cache", "--cache", dir, "prune", "--older-than", "90d", "--dry-run")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "bitext: would remove 2 entries (") {
		t.Errorf("dry run: exit %d: %q %s", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "cache", "stats", "--cache", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "entries:  2\n") || !strings.Contains(r.stdout, "(100 days ago)") {
		t.Errorf("stats after a dry run: exit %d: %q %s", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "cache", "prune", "--cache", dir, "--max-size", "1kB", "--quiet")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("quiet prune: exit %d: %q %s", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "cache", "stats", "--cache", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "entries:  0\n") {
		t.Errorf("stats after the prune: exit %d: %q %s", r.code, r.stdout, r.stderr)
	}
}

func TestCacheCommandErrors(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // never the user's own cache
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"prune"}, 2, "want --older-than, --max-size or both"},
		{[]string{"prune", "--older-than", "3 months"}, 2, `"3 months" is not an age`},
		{[]string{"prune", "--max-size", "2 GBytes"}, 2, `"2 GBytes" is not a size`},
		{[]string{"prune", "--max-size", "0"}, 2, "more than 0"},
		{[]string{"prune", "--older-than", "-5d"}, 2, "more than 0"},
		{[]string{"stats", "extra"}, 2, "takes no arguments"},
		{[]string{"stats", "--cache", filepath.Join(dir, "typo")}, 1, "no such folder"},
		{[]string{"prune", "--older-than", "90d", "--cache", filepath.Join(dir, "typo")}, 1, "no such folder"},
	} {
		args := append([]string{"cache"}, c.args...)
		if !strings.Contains(strings.Join(c.args, " "), "--cache") {
			args = append(args, "--cache", dir)
		}
		r := runBitext(t, "", "", args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
}

func TestParseSizeAndAge(t *testing.T) {
	for s, want := range map[string]int64{
		"4096": 4096, "2GB": 2e9, "500 MB": 5e8, "1.5kB": 1500, "2GiB": 2 << 30, "2G": 2 << 30, "100m": 100 << 20,
	} {
		if got, err := parseSize(s); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for s, want := range map[string]time.Duration{
		"90d": 90 * 24 * time.Hour, "12w": 84 * 24 * time.Hour, "36h": 36 * time.Hour, "1.5d": 36 * time.Hour,
	} {
		if got, err := parseAge(s); err != nil || got != want {
			t.Errorf("parseAge(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "GB", "2PB", "1e400", "-1GB", "0.1"} {
		if got, err := parseSize(s); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", s, got)
		}
	}
	for _, s := range []string{"", "d", "90", "90days", "0d", "1e300d"} {
		if got, err := parseAge(s); err == nil {
			t.Errorf("parseAge(%q) = %v, want an error", s, got)
		}
	}
}

// failingCache is a cache whose every store fails with err.
type failingCache struct {
	translate.MemCache
	err error
}

func (c *failingCache) Put(key, value string) error {
	return fmt.Errorf("translation cache: cannot create a file in the folder /var/cache/bitext/ab: %w", c.err)
}

// A cache that fills its disk says, beside the warning, how to free room;
// another user's folder does not.
func TestFullCacheWarningNamesPrune(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{{syscall.ENOSPC, true}, {fs.ErrPermission, false}} {
		var stderr strings.Builder
		s := &storeOrWarn{Cache: &failingCache{err: c.err}}
		s.Put("k", "v")
		s.warn(&env{stderr: &stderr})
		if got := strings.Contains(stderr.String(), "'bitext cache prune' frees room"); got != c.want || !strings.Contains(stderr.String(), "answers not cached") {
			t.Errorf("warning %q: names prune %v, want %v", stderr.String(), got, c.want)
		}
	}
}

// Without $HOME (a cron job's bare environment) the command says which flag
// names the folder, and only flags it has.
func TestCacheWithoutHome(t *testing.T) {
	t.Setenv("HOME", "")
	t.Setenv("XDG_CACHE_HOME", "")
	r := runBitext(t, "", "", "cache", "stats")
	if r.code != 1 || !strings.Contains(r.stderr, "use --cache DIR") || strings.Contains(r.stderr, "--no-cache") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
}
