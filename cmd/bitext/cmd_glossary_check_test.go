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

// An entry that is an ordinary word gets a note from check, is left out by
// scan, and shows in scan --all; context words or always bring it back.
func TestGlossaryOrdinaryWords(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "g.yaml"), []byte(`terms:
  - ar: الأمن
    en: Security Service
  - ar: المصري
    en: al-Masri
    context: [أبو أيوب]
  - ar: بوتين
    en: Putin
`), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("قال بوتين إن الأمن مستتب، وقتل أبو أيوب المصري.\n"), 0o644)

	r := runBitext(t, dir, "", "glossary", "check", "--glossary", "g.yaml")
	if r.code != 0 {
		t.Fatalf("check: exit %d: %s", r.code, r.stderr)
	}
	if want := `g.yaml:2: note: "الأمن" is an ordinary word in most news text`; !strings.Contains(r.stdout, want) {
		t.Errorf("check output lacks %q:\n%s", want, r.stdout)
	}
	if strings.Contains(r.stdout, "المصري") {
		t.Errorf("an entry with context words got a note:\n%s", r.stdout)
	}

	r = runBitext(t, dir, "", "glossary", "scan", "--glossary", "g.yaml", "a.txt")
	if r.code != 0 {
		t.Fatalf("scan: exit %d: %s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "Security Service") || !strings.Contains(r.stdout, "Putin") || !strings.Contains(r.stdout, "al-Masri") {
		t.Errorf("scan output:\n%s", r.stdout)
	}
	r = runBitext(t, dir, "", "glossary", "scan", "--all", "--glossary", "g.yaml", "a.txt")
	if !strings.Contains(r.stdout, "Security Service\t(ordinary word: left out)") {
		t.Errorf("scan --all output:\n%s", r.stdout)
	}
}

// An entry pasted from an Arabic page with its invisible direction marks is
// pointed out, with the marks shown.
func TestGlossaryCheckDirectionMarks(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "g.yaml"), []byte("terms:\n  - ar: دمشق\n    en: Damascus\n  - ar: حلب\n    en: \"\\u200eAleppo\"\n"), 0o644)
	r := runBitext(t, dir, "", "glossary", "check", "-g", "g.yaml")
	want := `g.yaml:4: note: "حلب" "\u200eAleppo" holds invisible direction marks`
	if r.code != 0 || !strings.Contains(r.stdout, want) || strings.Contains(r.stdout, "g.yaml:2:") {
		t.Errorf("exit %d, stdout lacks %q or names line 2:\n%s", r.code, want, r.stdout)
	}
}
