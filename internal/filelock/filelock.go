// Package filelock serialises the read-change-write of a file between
// processes: two glossary edits run at once must not lose one another's
// entries.
package filelock

import (
	"os"
	"path/filepath"
)

// LockFolderOf waits until no other process holds the lock of the folder
// that holds path, takes it, and returns the function that releases it. The
// folder is locked rather than the file, because a file replaced by rename
// is a new file, whose lock a waiting process would not see.
func LockFolderOf(path string) (unlock func(), err error) {
	dir, err := os.Open(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	if err := lock(dir); err != nil {
		dir.Close()
		return nil, err
	}
	return func() {
		unlockFile(dir)
		dir.Close()
	}, nil
}
