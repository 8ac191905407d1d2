package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

func TestGlossaryScan(t *testing.T) {
	root := testenv.RepoRoot(t)
	r := runBitext(t, root, "", "glossary", "scan", "testdata/article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "glossary-scan.txt", []byte(r.stdout))

	r = runBitext(t, root, "", "glossary", "scan", "--glossary", "glossary.yaml", "--json", "testdata/article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "glossary-scan.json", []byte(r.stdout))
	var hits []struct {
		Start, End      int
		Surface, Ar, En string
	}
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil {
		t.Fatal(err)
	}
	article, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	prev := 0
	for _, h := range hits {
		if h.Start < prev || string(article[h.Start:h.End]) != h.Surface || h.Ar == "" || h.En == "" {
			t.Errorf("bad hit %+v", h)
		}
		prev = h.End
	}
	if len(hits) < 100 {
		t.Errorf("only %d hits", len(hits))
	}
}

func TestGlossaryScanStdinAndErrors(t *testing.T) {
	root := testenv.RepoRoot(t)
	r := runBitext(t, root, "زار وبوتين للصين", "glossary", "scan", "--json", "-")
	if r.code != 0 || !strings.Contains(r.stdout, `"surface": "وبوتين"`) || !strings.Contains(r.stdout, `"clitic": "ل"`) {
		t.Errorf("stdin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Offsets count the byte order mark, as the file holds it; columns do not.
	r = runBitext(t, root, "\uFEFFقال بوتين\r\nوبوتين", "glossary", "scan", "--json", "-")
	var hits []struct{ Start, Line, Column int }
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 2 ||
		hits[0] != (struct{ Start, Line, Column int }{3 + len("قال "), 1, 5}) || hits[1].Line != 2 || hits[1].Column != 1 {
		t.Errorf("with a byte order mark: %v %+v\n%s", err, hits, r.stdout)
	}
	if r := runBitext(t, root, "", "glossary", "scan"); r.code != 2 {
		t.Errorf("no article: exit %d, want 2", r.code)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("terms:\n  - ar: بوتين\n    en: Putin\n    colour: red\n"), 0o644)
	if r := runBitext(t, root, "", "glossary", "scan", "--glossary", bad, "testdata/article.txt"); r.code != 1 || !strings.Contains(r.stderr, "bad.yaml:4: unknown key \"colour\"") {
		t.Errorf("bad glossary: exit %d, stderr %s", r.code, r.stderr)
	}
}

// Front matter is page settings, not text: scan, check and suggest leave it
// out as translate does, and lines and offsets stay those of the file.
func TestGlossaryCommandsSkipFrontMatter(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "g.yaml"), []byte("terms:\n  - ar: بوتين\n    en: Putin\n  - ar: موسكو\n    en: Moscow\n"), 0o644)
	article := "---\ntitle: بوتين في موسكو مع جون بولتون\nsource: AFP\n---\nقال بوتين إن الوضع صعب.\n"
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644)

	r := runBitext(t, dir, "", "glossary", "scan", "-g", "g.yaml", "--json", "a.txt")
	var hits []struct{ Start, Line int }
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 1 || hits[0].Line != 5 ||
		hits[0].Start != strings.Index(article, "بوتين إن") {
		t.Errorf("scan: exit %d, %v %+v\n%s%s", r.code, err, hits, r.stdout, r.stderr)
	}
	r = runBitext(t, dir, "", "glossary", "check", "-g", "g.yaml", "a.txt")
	if r.code != 0 || !strings.Contains(r.stdout, "g.yaml:4: unused: موسكو") {
		t.Errorf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, dir, "", "glossary", "suggest", "-g", "g.yaml", "a.txt")
	if r.code != 0 || strings.Contains(r.stdout, "بولتون") {
		t.Errorf("suggest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
