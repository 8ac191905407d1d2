//go:build unix

package atomicfile

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// In a folder with the sticky bit (/tmp, a shared drop folder) only an
// entry's owner may replace it: another user's pipe there is not written
// through, and the error names the output and says why, not the temporary
// file's rename. The test runs itself again as a user of its own, which
// needs root.
func TestWriteInStickyFolderRefusesAnotherUsersPipe(t *testing.T) {
	if dir := os.Getenv("ATOMICFILE_STICKY_TEST"); dir != "" {
		p := filepath.Join(dir, "article.html")
		err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, "embargoed"); return err })
		if err == nil || !strings.HasPrefix(err.Error(), p+" is a named pipe that belongs to another user") || !strings.Contains(err.Error(), "choose another output") {
			t.Fatalf("error %v, want %s named as another user's pipe", err, p)
		}
		return
	}
	if os.Getuid() != 0 {
		t.Skip("needs root to run as two other users")
	}
	dir, err := os.MkdirTemp("", "sticky")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777|os.ModeSticky)
	bin := filepath.Join(dir, "atomicfile.test") // where the other user may run it
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Skip(err)
	}
	os.WriteFile(bin, data, 0o755)
	p := filepath.Join(dir, "article.html")
	if err := syscall.Mkfifo(p, 0o622); err != nil {
		t.Skip(err)
	}
	os.Chmod(p, 0o622)
	if err := os.Chown(p, 4242, 4242); err != nil {
		t.Skip(err)
	}
	r, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command(bin, "-test.run=^TestWriteInStickyFolderRefusesAnotherUsersPipe$", "-test.v")
	cmd.Env = append(os.Environ(), "ATOMICFILE_STICKY_TEST="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 4243, Gid: 4243}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("as another user: %v\n%s", err, out)
	}
	buf := make([]byte, 64)
	if n, _ := r.Read(buf); n > 0 {
		t.Errorf("the pipe's owner read %q", buf[:n])
	}
	if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe is gone: %v %v", fi, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".article.html.tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
