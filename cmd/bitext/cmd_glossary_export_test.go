package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

func TestGlossaryExport(t *testing.T) {
	root := testenv.RepoRoot(t)
	for _, format := range []string{"csv", "tsv", "tbx"} {
		r := runBitext(t, root, "", "glossary", "export", "--format", format)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", format, r.code, r.stderr)
		}
		checkGolden(t, "glossary."+format, []byte(r.stdout))
	}
	if r := runBitext(t, root, "", "glossary", "export", "--format", "xls"); r.code != 2 {
		t.Errorf("unknown format: exit %d, want 2", r.code)
	}
	// An extension that names no format: say which exist and how to choose.
	dir := t.TempDir()
	r := runBitext(t, root, "", "glossary", "export", "-o", filepath.Join(dir, "out.txt"))
	if r.code != 2 || !strings.Contains(r.stderr, ".csv, .tsv, .tbx") || !strings.Contains(r.stderr, "-f csv|tsv|tbx") {
		t.Errorf("export -o out.txt: exit %d, stderr %s", r.code, r.stderr)
	}
	if r := runBitext(t, root, "", "glossary", "export", "-f", "tsv", "-o", filepath.Join(dir, "out.txt")); r.code != 0 {
		t.Errorf("export -f tsv -o out.txt: exit %d, stderr %s", r.code, r.stderr)
	}
}

// TestGlossaryImportRoundTrip exports the project glossary and imports it
// into an empty one: what the format holds comes back.
func TestGlossaryImportRoundTrip(t *testing.T) {
	root := testenv.RepoRoot(t)
	for _, format := range []string{"csv", "tsv", "tbx"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			exported := filepath.Join(dir, "names."+format)
			if r := runBitext(t, root, "", "glossary", "export", "-o", exported); r.code != 0 {
				t.Fatalf("export: %s", r.stderr)
			}
			empty := filepath.Join(dir, "new.yaml")
			if r := runBitext(t, root, "", "glossary", "import", "--glossary", empty, exported); r.code != 0 {
				t.Fatalf("import: %s", r.stderr)
			}
			again := filepath.Join(dir, "again."+format)
			if r := runBitext(t, root, "", "glossary", "export", "--glossary", empty, "-o", again); r.code != 0 {
				t.Fatalf("export again: %s", r.stderr)
			}
			a, _ := os.ReadFile(exported)
			b, _ := os.ReadFile(again)
			if string(a) != string(b) {
				t.Errorf("round trip through %s changed the glossary:\n%s", format, firstDiff(string(a), string(b)))
			}
			// Importing again adds nothing.
			r := runBitext(t, root, "", "glossary", "import", "--glossary", empty, exported)
			if r.code != 0 {
				t.Fatalf("import again: %s", r.stderr)
			}
			if c, _ := os.ReadFile(empty); len(c) == 0 {
				t.Error("glossary emptied")
			}
		})
	}
}

// Excel opens a CSV as UTF-8 only when it starts with a byte order mark;
// Google's file has none unless asked, and import reads either.
func TestGlossaryExportBOM(t *testing.T) {
	root := testenv.RepoRoot(t)
	plain := runBitext(t, root, "", "glossary", "export", "-f", "csv")
	if plain.code != 0 || strings.HasPrefix(plain.stdout, "\ufeff") {
		t.Fatalf("export -f csv: exit %d, starts %q", plain.code, plain.stdout[:min(len(plain.stdout), 8)])
	}
	for _, format := range []string{"csv", "tsv"} {
		want := runBitext(t, root, "", "glossary", "export", "-f", format).stdout
		r := runBitext(t, root, "", "glossary", "export", "-f", format, "--bom")
		if r.code != 0 || r.stdout != "\ufeff"+want {
			t.Errorf("export -f %s --bom: exit %d, %s, starts %q", format, r.code, r.stderr, r.stdout[:min(len(r.stdout), 8)])
		}
		dir := t.TempDir()
		file := filepath.Join(dir, "names."+format)
		if r := runBitext(t, root, "", "glossary", "export", "--excel", "-o", file); r.code != 0 {
			t.Fatalf("export --excel -o %s: %s", file, r.stderr)
		}
		if data, _ := os.ReadFile(file); string(data) != "\ufeff"+want {
			t.Errorf("%s lacks the byte order mark", file)
		}
		if r := runBitext(t, root, "", "glossary", "import", "-g", filepath.Join(dir, "new.yaml"), file); r.code != 0 {
			t.Errorf("import %s: exit %d: %s", file, r.code, r.stderr)
		}
	}
	if r := runBitext(t, root, "", "glossary", "export", "-f", "tbx", "--bom"); r.code != 2 || !strings.Contains(r.stderr, "--bom") {
		t.Errorf("export -f tbx --bom: exit %d, %s", r.code, r.stderr)
	}
}
