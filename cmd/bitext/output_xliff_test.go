package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Both XLIFF versions are written as .xlf: an output that replaces a file of
// the other version says so, and one of the same version does not.
func TestXLIFFOutputReplacingTheOtherVersion(t *testing.T) {
	dir := sampleDir(t)
	run := func(args ...string) string {
		t.Helper()
		r := runBitext(t, dir, "", append([]string{"translate", "--no-tm", "--engine", "gist"}, args...)...)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		return r.stderr
	}
	run("-f", "xliff", "article.txt")
	stderr := run("-f", "xliff2", "article.txt")
	if want := "warning: replaced article.xlf, an XLIFF 1.2 file, with XLIFF 2.1 (--format xliff2)"; !strings.Contains(stderr, want) {
		t.Errorf("1.2 replaced by 2.1: stderr lacks %q:\n%s", want, stderr)
	}
	if !strings.Contains(stderr, "--format xliff writes XLIFF 1.2 again") {
		t.Errorf("the warning does not say how to write 1.2 again:\n%s", stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "article.xlf"))
	if !strings.Contains(string(data), `version="2.1"`) {
		t.Error("article.xlf is not XLIFF 2.1")
	}
	if stderr := run("-q", "-f", "xliff2", "article.txt"); stderr != "" {
		t.Errorf("2.1 replaced by 2.1: %q", stderr)
	}
	// an update written as the other version over its own file
	if stderr := run("-f", "xliff", "--update", "article.xlf", "article.txt"); !strings.Contains(stderr, "warning: replaced article.xlf, an XLIFF 2 file, with XLIFF 1.2 (--format xliff)") {
		t.Errorf("2.1 replaced by 1.2: %s", stderr)
	}
	if stderr := run("-q", "--update", "article.xlf", "article.txt"); stderr != "" {
		t.Errorf("an update in its own version: %q", stderr)
	}
	// a file that is not XLIFF is replaced as before
	os.WriteFile(filepath.Join(dir, "notes.xlf"), []byte("version=\"1.2\" notes\n"), 0o644)
	if stderr := run("-q", "-f", "xliff2", "-o", "notes.xlf", "article.txt"); stderr != "" {
		t.Errorf("a file that is not XLIFF: %q", stderr)
	}
}
