// Package atomicfile writes files so that readers see either the old file or
// the complete new one, never a partial write.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write creates path by calling fill with a temporary file in the same folder,
// then renaming it over path. If fill fails, path is left untouched and the
// temporary file is removed.
func Write(path string, fill func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		// The temporary file's name means nothing to the user: name the folder.
		var pe *fs.PathError
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return missingFolderError{dir}
		case errors.As(err, &pe):
			return fmt.Errorf("cannot create a file in the folder %s: %w", dir, pe.Err)
		}
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	mode := os.FileMode(0o644)
	if fi, statErr := os.Stat(path); statErr == nil {
		mode = fi.Mode().Perm()
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// missingFolderError names the folder an output was to go in; it is an
// fs.ErrNotExist.
type missingFolderError struct{ dir string }

func (e missingFolderError) Error() string { return "the folder " + e.dir + " does not exist" }
func (e missingFolderError) Unwrap() error { return fs.ErrNotExist }
