package main

import (
	"fmt"
	"os"
	"testing"
)

// TestMain gives the tests a translation cache of their own: answers that a
// test engine gave in an earlier version of the tests must not come back
// from the user's cache, nor fill it.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "bitext-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
