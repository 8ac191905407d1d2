//go:build unix

package tm

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// The memory holds translations of articles not yet published: the folders
// Open creates for it are its user's alone, whatever the umask, as the XDG
// rules ask of a data folder. A folder that exists keeps its mode.
func TestOpenMakesPrivateFolders(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	base := t.TempDir()
	shared := filepath.Join(base, "desk")
	if err := os.Mkdir(shared, 0o775); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o775); err != nil { // past the umask
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(base, "share", "bitext", "memory.db"), filepath.Join(shared, "memory.db")} {
		m, err := Open(context.Background(), p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		m.Close()
	}
	for d, want := range map[string]os.FileMode{"share": 0o700, "share/bitext": 0o700, "desk": 0o775} {
		if fi, err := os.Stat(filepath.Join(base, d)); err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", d, fi.Mode().Perm(), err, want)
		}
	}
}
