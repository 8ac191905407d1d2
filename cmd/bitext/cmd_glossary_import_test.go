package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGlossaryImportCSV imports the two-column CSV form into a new glossary.
func TestGlossaryImportCSV(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "names.csv")
	os.WriteFile(csv, []byte("ar,en\nبوتين,Putin\n\"كيم جونغ أون\",Kim Jong Un\nالجزيرة,الجزيرة\n"), 0o644)
	g := filepath.Join(dir, "glossary.yaml")
	r := runBitext(t, dir, "", "glossary", "import", csv)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(g)
	checkGolden(t, "glossary-import.yaml", data)

	// A second import with a different rendering keeps the glossary's and says so.
	os.WriteFile(csv, []byte("بوتين,Poutine\nموسكو,Moscow\n"), 0o644)
	r = runBitext(t, dir, "", "glossary", "import", csv)
	if r.code != 0 || !strings.Contains(r.stderr, `kept "Putin"`) || !strings.Contains(r.stderr, "imported 1 terms") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	// A bad file changes nothing.
	before, _ := os.ReadFile(g)
	os.WriteFile(csv, []byte("بوتين,Putin,x\n"), 0o644)
	if r := runBitext(t, dir, "", "glossary", "import", csv); r.code != 1 || !strings.Contains(r.stderr, "names.csv:1") {
		t.Errorf("bad CSV: exit %d, stderr %s", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(g); string(after) != string(before) {
		t.Error("a failed import changed the glossary")
	}
}
