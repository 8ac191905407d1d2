//go:build unix

package filelock

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Goroutines that each read a counter file, add one and write it back lose
// no update while they hold the lock (flock locks are per open file, so
// goroutines of one process contend as processes do).
func TestLockSerialisesReadChangeWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n")
	os.WriteFile(path, []byte("0"), 0o644)
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unlock, err := LockFolderOf(path)
			if err != nil {
				t.Error(err)
				return
			}
			defer unlock()
			data, _ := os.ReadFile(path)
			n, _ := strconv.Atoi(strings.TrimSpace(string(data)))
			tmp := path + ".tmp"
			os.WriteFile(tmp, []byte(strconv.Itoa(n+1)), 0o644)
			os.Rename(tmp, path)
		}()
	}
	wg.Wait()
	if data, _ := os.ReadFile(path); string(data) != "20" {
		t.Errorf("counter %s, want 20", data)
	}
}
