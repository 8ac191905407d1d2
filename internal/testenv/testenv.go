// Package testenv locates, for tests, the repository and the shared folder of
// evaluation data and tools that lies beside it.
package testenv

import (
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

// Shared returns a path inside ../shared beside the repository (data, tools, schemas).
func Shared(t testing.TB, parts ...string) string {
	t.Helper()
	return filepath.Join(append([]string{RepoRoot(t), "..", "shared"}, parts...)...)
}
