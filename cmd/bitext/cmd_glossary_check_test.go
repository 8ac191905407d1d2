package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

func TestGlossaryCheck(t *testing.T) {
	root := testenv.RepoRoot(t)
	r := runBitext(t, root, "", "glossary", "check", "testdata/article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "glossary-check.txt", []byte(r.stdout))

	dir := t.TempDir()
	bad := filepath.Join(dir, "g.yaml")
	os.WriteFile(bad, []byte("terms:\n  - ar: بوتين\n    en: Putin\n  - ar: بوتين\n    en: Poutine\n  - ar: Moscow\n    en: Moscow\n"), 0o644)
	r = runBitext(t, dir, "", "glossary", "check", "--glossary", "g.yaml")
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	for _, want := range []string{`g.yaml:4: duplicate term "بوتين" (first at line 2)`, `g.yaml:6: ar "Moscow": want Arabic script`} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}
