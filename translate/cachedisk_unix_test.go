//go:build unix

package translate

import (
	"io/fs"
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
