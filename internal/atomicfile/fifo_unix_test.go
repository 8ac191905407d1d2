//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A path that is not a regular file (/dev/null, a named pipe) is written to,
// never replaced: renaming over /dev/null would replace the device.
func TestWriteToPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(p)
		if err != nil {
			got <- err.Error()
			return
		}
		data, _ := io.ReadAll(f)
		f.Close()
		got <- string(data)
	}()
	if err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, "through"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v %v", fi.Mode(), err) // the reader waits in vain: do not wait for it
	}
	if s := <-got; s != "through" {
		t.Errorf("read %q from the pipe", s)
	}
}

// A new file gets the permissions the umask leaves of 0666, as a shell
// redirection would give it: a newsroom whose umask keeps unpublished
// articles from other users (027) does not get them world-readable.
func TestWriteNewFileFollowsUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	p := filepath.Join(t.TempDir(), "article.html")
	if err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, "page"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("new file mode %v (%v), want -rw-r----- under umask 027", fi.Mode().Perm(), err)
	}
}
