//go:build unix

package translate

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

type statInfo struct{ size, blocks int64 }

func (s statInfo) Name() string       { return "entry" }
func (s statInfo) Size() int64        { return s.size }
func (s statInfo) Mode() fs.FileMode  { return 0o644 }
func (s statInfo) ModTime() time.Time { return time.Time{} }
func (s statInfo) IsDir() bool        { return false }
func (s statInfo) Sys() any           { return &syscall.Stat_t{Blocks: s.blocks} }

func TestDiskUsage(t *testing.T) {
	for _, c := range []struct{ size, blocks, want int64 }{
		{100, 8, 4096}, // a short answer takes a 4 kB block
		{100, 0, 100},  // kept inside the file system's records: its length still counts
		{0, 0, 0},
	} {
		if got := diskUsage(statInfo{c.size, c.blocks}); got != c.want {
			t.Errorf("size %d, %d blocks: diskUsage = %d, want %d", c.size, c.blocks, got, c.want)
		}
	}
}

// The cache holds the translations of articles not yet published: the
// folders it creates are its user's alone, whatever the umask, as the XDG
// rules ask of a cache folder.
func TestOpenDirCacheMakesPrivateFolders(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	base := t.TempDir()
	if _, err := OpenDirCache(filepath.Join(base, "cache", "bitext", "translations")); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"cache", "cache/bitext", "cache/bitext/translations"} {
		if fi, err := os.Stat(filepath.Join(base, d)); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("%s: mode %v (%v), want drwx------", d, fi.Mode().Perm(), err)
		}
	}
}
