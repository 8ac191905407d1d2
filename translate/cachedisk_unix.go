//go:build unix

package translate

import (
	"io/fs"
	"syscall"
)

// diskUsage is the space fi takes on disk, as du counts it: a short answer
// takes a whole block. It is never less than the file's length: a file
// system that keeps short files inside its own records (btrfs) counts no
// block for them, and --max-size must still see them.
func diskUsage(fi fs.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return max(int64(st.Blocks)*512, fi.Size())
	}
	return roundToBlock(fi.Size())
}
