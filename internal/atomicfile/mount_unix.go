//go:build unix

package atomicfile

import (
	"errors"
	"syscall"
)

// renameRefusedByMount reports whether a rename failed because its target
// is a mount point (EBUSY) or on another mount than the folder (EXDEV).
func renameRefusedByMount(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV)
}
