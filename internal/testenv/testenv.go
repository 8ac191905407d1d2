// Package testenv locates, for tests, the repository and the shared folder of
// evaluation data and tools that lies beside it.
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// RepoRoot returns the folder that holds go.mod, whatever the test's working directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testenv: cannot locate the source tree")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Shared returns a path inside ../shared beside the repository (data, tools,
// schemas). When it is missing the test is skipped, except under CI (CI set),
// where the folder is always laid out and a missing path is a failure.
func Shared(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{RepoRoot(t), "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared folder beside the repository: %v", err)
		}
		t.Skipf("shared folder beside the repository: %v", err)
	}
	return p
}
