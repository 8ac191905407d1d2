package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// Chromium returns the browser the browser tests drive: $CHROMIUM, else the
// first Chromium-family browser in PATH. Without one, and in -short mode,
// the test is skipped (see BrowserUnavailable).
func Chromium(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	BrowserUnavailable(t, "no chromium found in PATH")
	return ""
}

// BrowserUnavailable skips a browser test that cannot run, or fails it under
// CI=true, where scripts/test-deps installs the browser and it must work.
func BrowserUnavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("browser test cannot run under CI: %s (scripts/test-deps installs chromium)", msg)
	}
	t.Skipf("browser test skipped: %s (install Debian's chromium, or set CHROMIUM=/path)", msg)
}
