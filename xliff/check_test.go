package xliff

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bitext/doc"
)

// writeSample writes the sample article in the given format to dir and returns the path.
func writeSample(t *testing.T, dir, name string, b *doc.Bitext, write func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSampleFilesPassXliffCheck(t *testing.T) {
	b := sampleBitext(t)
	dir := t.TempDir()
	opts := Options{Created: fixedTime}
	omegat := Options{Created: fixedTime, Flavour: OmegaT}
	files := []string{
		writeSample(t, dir, "article-12.xlf", b, func(w *bytes.Buffer) error { return Write12(w, b, opts) }),
		writeSample(t, dir, "article-21.xlf", b, func(w *bytes.Buffer) error { return Write21(w, b, opts) }),
		writeSample(t, dir, "article-omegat.xlf", b, func(w *bytes.Buffer) error { return Write12(w, b, omegat) }),
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			verdict, out, ok := runTool(t, "xliff-check", f)
			t.Log(verdict)
			if !ok {
				t.Fatalf("xliff-check failed:\n%s", out)
			}
		})
	}
}

func TestKeepSample(t *testing.T) {
	dir := os.Getenv("XLIFF_KEEP")
	if dir == "" {
		t.Skip("set XLIFF_KEEP=dir to write the sample files there")
	}
	b := sampleBitext(t)
	writeSample(t, dir, "article-12.xlf", b, func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime}) })
	writeSample(t, dir, "article-21.xlf", b, func(w *bytes.Buffer) error { return Write21(w, b, Options{Created: fixedTime}) })
	writeSample(t, dir, "article-omegat.xlf", b, func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime, Flavour: OmegaT}) })
}

// A note is text only in XLIFF 2: a character XML forbids in one (a
// partner's glossary note, an engine's or editor's note) is dropped with a
// warning, not written as <cp>, which the schema refuses there.
func TestWrite21NotesStayValid(t *testing.T) {
	b := handBitext()
	b.Units[1].Notes = append(b.Units[1].Notes, "check\u0007 this")
	b.Units[1].Terms[0].Note = "Kremlin\u0008 spokesman"
	var warnings []string
	opts := Options{Created: fixedTime, Warn: func(m string) { warnings = append(warnings, m) }}
	p := writeSample(t, t.TempDir(), "notes-21.xlf", b, func(w *bytes.Buffer) error { return Write21(w, b, opts) })
	data, _ := os.ReadFile(p)
	if regexp.MustCompile(`<note[^>]*>[^<]*<cp`).Match(data) {
		t.Errorf("a <cp> in a note:\n%s", data)
	}
	if !bytes.Contains(data, []byte("check this")) {
		t.Errorf("the note lost more than the character")
	}
	if !strings.Contains(strings.Join(warnings, "\n"), "U+0007 from the note") {
		t.Errorf("warnings %q, want one for the note", warnings)
	}
	if verdict, out, ok := runTool(t, "xliff-check", p); !ok {
		t.Errorf("xliff-check: %s\n%s", verdict, out)
	}
}

// A unit id that came from another tool's XLIFF 1.2, where an id is any
// string, is refused by the 2.1 writer when it is no NMTOKEN: the file would
// not be valid XLIFF 2.
func TestWrite21RefusesIDsXLIFF2Cannot(t *testing.T) {
	for _, id := range []string{`u1"x`, "u 1", "u1<b>", "u/1"} {
		b := handBitext()
		b.Units[1].ID = id
		var buf bytes.Buffer
		err := Write21(&buf, b, Options{Created: fixedTime})
		var xe *Error
		if !errors.As(err, &xe) || xe.Unit != id || !strings.Contains(err.Error(), "XLIFF 2 id") {
			t.Errorf("id %q: %v", id, err)
		}
	}
	b := handBitext()
	b.Units[1].ID = "tu-1.2_a:b"
	if err := Write21(&bytes.Buffer{}, b, Options{Created: fixedTime}); err != nil {
		t.Errorf("a valid id refused: %v", err)
	}
}
