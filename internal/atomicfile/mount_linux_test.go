package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"bitext/internal/testenv"
)

// A file mounted by itself over the output (docker run -v
// page.html:/out/article.html, a Kubernetes subPath) cannot be renamed over:
// the complete output is copied into it, and no temporary file stays. The
// mount is made in a mount namespace of its own (unshare -m), which needs root.
func TestWriteOverMountedFile(t *testing.T) {
	if dir := os.Getenv("ATOMICFILE_MOUNT_TEST"); dir != "" {
		writeOverMountedFile(t, dir)
		return
	}
	dir := t.TempDir()
	testenv.InMountNamespace(t, "TestWriteOverMountedFile", "ATOMICFILE_MOUNT_TEST", dir)
	if got, _ := os.ReadFile(filepath.Join(dir, "volume.html")); string(got) != "new page" {
		t.Errorf("the mounted file holds %q", got)
	}
}

func writeOverMountedFile(t *testing.T, dir string) {
	host, out := filepath.Join(dir, "volume.html"), filepath.Join(dir, "out")
	target := filepath.Join(out, "article.html")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{host, target} {
		if err := os.WriteFile(p, []byte("old page, longer than the new one"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mount(host, target, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("bind mount: %v", err)
	}
	defer syscall.Unmount(target, 0)
	if err := Write(target, func(w io.Writer) error { _, err := io.WriteString(w, "new page"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new page" {
		t.Errorf("the output holds %q", got)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("a temporary file stayed: %v", entries)
	}
}
