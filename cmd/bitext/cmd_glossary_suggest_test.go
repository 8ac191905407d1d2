package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

func TestGlossarySuggest(t *testing.T) {
	root := testenv.RepoRoot(t)
	empty := filepath.Join(t.TempDir(), "empty.yaml")
	os.WriteFile(empty, []byte("terms:\n"), 0o644)
	r := runBitext(t, root, "", "glossary", "suggest", "--glossary", empty, "testdata/article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "glossary-suggest.txt", []byte(r.stdout))

	russia := filepath.Join(t.TempDir(), "russia.yaml")
	os.WriteFile(russia, []byte("terms:\n  - ar: روسيا\n    en: Russia\n"), 0o644)
	r = runBitext(t, root, "", "glossary", "suggest", "--glossary", russia, "--json", "--max", "3", "testdata/article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "glossary-suggest.json", []byte(r.stdout))
	if !strings.Contains(r.stdout, `"ar": "كوريا الشمالية"`) || strings.Contains(r.stdout, `"ar": "روسيا"`) {
		t.Error("proposed a term the glossary has")
	}
	if r := runBitext(t, root, "", "glossary", "suggest", "--glossary", "missing.yaml", "testdata/article.txt"); r.code != 1 {
		t.Errorf("missing --glossary: exit %d, want 1", r.code)
	}
}

func TestGlossarySuggestNegativeMax(t *testing.T) {
	r := runBitext(t, testenv.RepoRoot(t), "", "glossary", "suggest", "--max", "-1", "testdata/article.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "--max") {
		t.Errorf("exit %d, stderr %q; want a usage error naming --max", r.code, r.stderr)
	}
}
