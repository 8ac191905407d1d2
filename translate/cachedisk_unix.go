//go:build unix

package translate

import (
	"io/fs"
	"syscall"
)

// diskUsage is the space fi takes on disk, as du counts it: a short answer
// takes a whole block.
func diskUsage(fi fs.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int64(st.Blocks) * 512
	}
	return roundToBlock(fi.Size())
}
