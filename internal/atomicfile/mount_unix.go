//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// renameRefusedByMount reports whether a rename failed because its target
// is a mount point (EBUSY) or on another mount than the folder (EXDEV).
func renameRefusedByMount(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV)
}

// ownedByUser reports whether the link fi belongs to the user running the
// program, who may then follow it without being led by someone else, or to
// root, whose links (/dev/stdout) nobody else can make.
func ownedByUser(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return !ok || st.Uid == 0 || int(st.Uid) == os.Getuid()
}

// ownedByRoot reports whether fi belongs to root, whose links (/dev/stdout)
// lead to files the process was given open.
func ownedByRoot(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Uid == 0
}
