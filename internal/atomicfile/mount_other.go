//go:build !unix

package atomicfile

import "os"

// renameRefusedByMount is false where files are not mounted one by one.
func renameRefusedByMount(error) bool { return false }

// ownedByUser is true where files have no owner to tell.
func ownedByUser(os.FileInfo) bool { return true }

// ownedByRoot is false where files have no owner to tell.
func ownedByRoot(os.FileInfo) bool { return false }
