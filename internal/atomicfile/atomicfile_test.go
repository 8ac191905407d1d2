package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplaces(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.html")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	if string(got) != "new" || fi.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want new content and the old file's mode", got, fi.Mode().Perm())
	}
}

func TestWriteFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.html")
	os.WriteFile(p, []byte("old"), 0o644)
	boom := errors.New("boom")
	err := Write(p, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "old" {
		t.Errorf("failed write changed the file: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestWriteNamesAMissingFolder(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nodir", "out.html")
	err := Write(p, func(w io.Writer) error { return nil })
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "nodir does not exist") || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("err = %v, want the missing folder named", err)
	}
}

// A link to the output is followed: the file it points to is replaced and
// the link stays a link.
func TestWriteFollowsLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.html")
	link := filepath.Join(dir, "link.html")
	os.WriteFile(target, []byte("old"), 0o644)
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if err := Write(link, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target holds %q", got)
	}
}

func TestWriteToFolderFails(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, func(w io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("err = %v", err)
	}
}

func TestWriteRefusesReadOnlyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "glossary.yaml")
	os.WriteFile(path, []byte("old"), 0o444)
	err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("error %v, want read-only", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("file now %q", data)
	}
}
