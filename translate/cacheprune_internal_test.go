package translate

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A run that reads an entry between prune's scan and its removal keeps it.
func TestRemoveUnusedKeepsEntryUsedSinceScan(t *testing.T) {
	p := filepath.Join(t.TempDir(), "entry")
	os.WriteFile(p, []byte("answer"), 0o644)
	old := time.Now().Add(-100 * 24 * time.Hour)
	os.Chtimes(p, old, old)
	seen := old.UnixNano()
	now := time.Now()
	os.Chtimes(p, now, now) // the run's read
	gone, err := removeUnused(p, seen)
	if err != nil || gone {
		t.Errorf("removeUnused = %v, %v", gone, err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Error("an entry used since the scan was removed")
	}
	if gone, err := removeUnused(p, now.UnixNano()); err != nil || !gone {
		t.Errorf("an unused entry: removeUnused = %v, %v", gone, err)
	}
	if _, err := os.Stat(p); err == nil {
		t.Error("an unused entry was kept")
	}
}
