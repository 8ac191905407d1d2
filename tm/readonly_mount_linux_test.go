package tm

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"bitext/internal/testenv"
)

// A memory on a read-only file system (a volume mounted read-only into a
// container, a read-only share) serves lookups and stats as a read-only file
// does, though SQLite cannot make the files WAL needs beside it. The mount is
// made in a mount namespace of its own (unshare -m), which needs root.
func TestOpenOnReadOnlyFileSystem(t *testing.T) {
	ctx := context.Background()
	if dir := os.Getenv("TM_READONLY_MOUNT_TEST"); dir != "" {
		if err := syscall.Mount(dir, dir, "", syscall.MS_BIND, ""); err != nil {
			t.Skipf("bind mount: %v", err)
		}
		defer syscall.Unmount(dir, 0)
		if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, ""); err != nil {
			t.Skipf("read-only remount: %v", err)
		}
		m, err := Open(ctx, filepath.Join(dir, "memory.db"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		if !m.ReadOnly() {
			t.Error("not said read-only")
		}
		if es, err := m.Exact(ctx, "ar", "en", "وصل الوفد إلى موسكو."); err != nil || len(es) != 1 {
			t.Errorf("exact: %v %v", es, err)
		}
		return
	}
	dir := filepath.Join(t.TempDir(), "shared")
	m, err := Open(ctx, filepath.Join(dir, "memory.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "وصل الوفد إلى موسكو.", Target: "The delegation arrived in Moscow."}}); err != nil {
		t.Fatal(err)
	}
	m.Close() // the last connection checkpoints: no -wal or -shm is left
	testenv.InMountNamespace(t, "TestOpenOnReadOnlyFileSystem", "TM_READONLY_MOUNT_TEST", dir)
}
