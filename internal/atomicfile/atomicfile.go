// Package atomicfile writes files so that readers see either the old file or
// the complete new one, never a partial write.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// Write creates path by calling fill with a temporary file in the same folder,
// then renaming it over path. If fill fails, path is left untouched and the
// temporary file is removed. A symbolic link of the user's own (or root's:
// /dev/stdout) is followed, so that the file it points to is replaced and
// the link stays; another user's link (one put in a shared output folder)
// is replaced, never written through, and so is another user's named pipe
// or socket there, unless root's link (/dev/stdout) leads to it. Any other
// path that is not a regular file (/dev/null, your own named pipe) gets the
// complete output written to it instead, since renaming over it would
// replace the device. A file that is a mount
// point of its own (a single file mounted into a container), which rename
// cannot replace, gets the complete output copied into it. A read-only file
// is not replaced; a replaced file keeps its permissions, another user's no
// more than the umask allows a new file.
func Write(path string, fill func(w io.Writer) error) (err error) {
	stat := os.Stat        // what the output is: a followed link's target
	var theirs os.FileInfo // another user's entry, replaced by a new file
	viaRoot := false       // reached through root's link: a file the process has open
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if !ownedByUser(fi) {
			theirs = fi
		} else if target, err := filepath.EvalSymlinks(path); err == nil {
			path, viaRoot = target, ownedByRoot(fi)
		}
	}
	if fi, err := os.Lstat(path); theirs == nil && !viaRoot && err == nil &&
		fi.Mode()&(fs.ModeNamedPipe|fs.ModeSocket) != 0 && !ownedByUser(fi) {
		// A pipe another user put in a shared output folder would hand
		// them the article (and, with no reader, hang the run).
		theirs = fi
	}
	if theirs != nil {
		stat = noFile // the entry itself is replaced, its mode not copied
	}
	if fi, err := stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return fmt.Errorf("%s is a folder", path)
		}
		return writeSpecial(path, fill)
	} else if err == nil && fi.Mode().Perm()&0o222 == 0 {
		// Renaming over a file needs only the folder's permission: a file
		// its owner made read-only would be replaced, by root too.
		return fmt.Errorf("%s is read-only: make it writable to replace it", path)
	}
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".tmp-")
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
	// A new file has the permissions the umask gives (created 0666, as
	// any tool's output); a replaced one keeps its own, another user's no
	// more than the umask gives: they may have opened it to all beforehand.
	if fi, statErr := stat(path); statErr == nil {
		mode := fi.Mode().Perm()
		if tfi, err := os.Lstat(tmp.Name()); err == nil && !ownedByUser(fi) {
			mode &= tfi.Mode().Perm()
		}
		if err = os.Chmod(tmp.Name(), mode); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp.Name(), path); err != nil && theirs != nil && errors.Is(err, fs.ErrPermission) {
		// a folder with the sticky bit (/tmp) lets only its owner replace it
		return fmt.Errorf("%s is a %s that belongs to another user: not written through, and the folder does not let you replace it: choose another output, or have its owner remove it", path, kind(theirs))
	} else if err != nil && renameRefusedByMount(err) {
		// path is a mount point of its own (a file mounted into a
		// container): it cannot be replaced, only written to. The new
		// content is complete on disk by now; copy it in.
		if err = copyInto(path, tmp.Name()); err == nil {
			os.Remove(tmp.Name())
		}
	}
	return err
}

// kind names what fi is, for a message.
func kind(fi os.FileInfo) string {
	switch m := fi.Mode(); {
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "file"
}

// noFile is the stat of an output that is to be replaced as if it were not
// there: another user's link, pipe or socket.
func noFile(string) (fs.FileInfo, error) { return nil, fs.ErrNotExist }

// createTemp creates a new file named prefix and a random number in dir
// with mode 0666 less the umask. os.CreateTemp makes it 0600, and a chmod
// to a fixed mode would ignore the umask: a newsroom whose umask keeps
// embargoed articles from other users (027) would get them world-readable.
func createTemp(dir, prefix string) (*os.File, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, err
	}
}

// copyInto writes the complete file src over the file at path, in place.
func copyInto(path, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return out.Close()
}

// writeSpecial fills a buffer and writes it whole to the device or pipe at
// path, so that a failed fill writes nothing there either.
func writeSpecial(path string, fill func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := fill(&buf); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// missingFolderError names the folder an output was to go in; it is an
// fs.ErrNotExist.
type missingFolderError struct{ dir string }

func (e missingFolderError) Error() string { return "the folder " + e.dir + " does not exist" }
func (e missingFolderError) Unwrap() error { return fs.ErrNotExist }
