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

// A named pipe another user put where an output goes (a shared output
// folder) is replaced by the output, as their link would be: written to, it
// would hand them the article, or hang the run with no one reading.
func TestWriteReplacesAnotherUsersPipe(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("only root can make a pipe owned by another user")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "article.html")
	if err := syscall.Mkfifo(p, 0o666); err != nil {
		t.Skip(err)
	}
	if err := os.Chown(p, 4242, 4242); err != nil {
		t.Skip(err)
	}
	os.Chmod(p, 0o666)
	// their reader, opened before the run; it must get nothing
	r, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, "embargoed"); return err }); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	if n, _ := r.Read(buf); n > 0 {
		t.Errorf("the other user read %q from their pipe", buf[:n])
	}
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("the output is not a regular file: %v %v", fi, err)
	}
	ref := filepath.Join(dir, "new.txt") // a new file's mode, as the umask gives it
	os.WriteFile(ref, nil, 0o666)
	if rfi, err := os.Stat(ref); err != nil || fi.Mode().Perm() != rfi.Mode().Perm() {
		t.Errorf("the output has mode %v, a new file's: the pipe's was copied", fi.Mode().Perm())
	}
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != 0 {
		t.Errorf("the output belongs to uid %d", st.Uid)
	}
	if got, _ := os.ReadFile(p); string(got) != "embargoed" {
		t.Errorf("the output holds %q", got)
	}
}

// Root's links (/dev/stdout) lead to a file the process was given open: a
// pipe there is written to, whoever made it (bitext -o /dev/stdout >pipe).
func TestWriteThroughRootsLinkToPipe(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("only root can make a pipe owned by another user")
	}
	dir := t.TempDir()
	p, link := filepath.Join(dir, "pipe"), filepath.Join(dir, "stdout")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	if err := os.Chown(p, 4242, 4242); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(p, link); err != nil {
		t.Skip(err)
	}
	r, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := Write(link, func(w io.Writer) error { _, err := io.WriteString(w, "through"); return err }); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	if n, _ := r.Read(buf); string(buf[:n]) != "through" {
		t.Errorf("read %q from the pipe", buf[:n])
	}
	if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", fi, err)
	}
}

// Another user's file at the output path lends the output no more than the
// umask gives a new one: a file made world-readable in a shared folder
// before the run does not make the article world-readable.
func TestWriteOverAnotherUsersFileKeepsUmask(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("only root can make a file owned by another user")
	}
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	p := filepath.Join(t.TempDir(), "article.html")
	if err := os.WriteFile(p, []byte("bait"), 0o666); err != nil {
		t.Fatal(err)
	}
	os.Chmod(p, 0o666)
	if err := os.Chown(p, 4242, 4242); err != nil {
		t.Skip(err)
	}
	if err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, "embargoed"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("the output has mode %v (%v), want -rw-r----- under umask 027", fi.Mode().Perm(), err)
	}
}
