//go:build !unix

package translate

import "io/fs"

// diskUsage is the space fi takes on disk, estimated: whole 4 KiB blocks.
func diskUsage(fi fs.FileInfo) int64 { return roundToBlock(fi.Size()) }
