//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// A link another user put where an output goes (a shared output folder) is
// not followed: the output replaces the link, and the file it points to,
// which that user could not write, stays as it was.
func TestWriteReplacesAnotherUsersLink(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("only root can make a link owned by another user")
	}
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	link := filepath.Join(dir, "article.html")
	os.WriteFile(victim, []byte("precious"), 0o600)
	if err := os.Symlink(victim, link); err != nil {
		t.Skip(err)
	}
	if err := os.Lchown(link, 4242, 4242); err != nil {
		t.Skip(err)
	}
	if err := Write(link, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "precious" {
		t.Errorf("the file the link points to now holds %q", got)
	}
	fi, err := os.Lstat(link)
	if err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("the output is not a regular file: %v %v", fi, err)
	}
	ref := filepath.Join(dir, "new.txt") // a new file's mode, as the umask gives it
	os.WriteFile(ref, nil, 0o666)
	if rfi, err := os.Stat(ref); err != nil || fi.Mode().Perm() != rfi.Mode().Perm() {
		t.Errorf("the output has mode %v, a new file's: the link's target's was copied", fi.Mode().Perm())
	}
	if got, _ := os.ReadFile(link); string(got) != "new" {
		t.Errorf("the output holds %q", got)
	}
}
