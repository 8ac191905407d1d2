package xliff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/doc"
	"bitext/tmx"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenCases are the files written from handBitext: every format and flavour.
func goldenCases() []struct {
	name  string
	write func(w *bytes.Buffer, b *doc.Bitext, warn func(string)) error
} {
	return []struct {
		name  string
		write func(w *bytes.Buffer, b *doc.Bitext, warn func(string)) error
	}{
		{"hand-12.xlf", func(w *bytes.Buffer, b *doc.Bitext, warn func(string)) error {
			return Write12(w, b, Options{Created: fixedTime, Warn: warn})
		}},
		{"hand-21.xlf", func(w *bytes.Buffer, b *doc.Bitext, warn func(string)) error {
			return Write21(w, b, Options{Created: fixedTime, Warn: warn})
		}},
		{"hand-omegat.xlf", func(w *bytes.Buffer, b *doc.Bitext, warn func(string)) error {
			return Write12(w, b, Options{Created: fixedTime, Flavour: OmegaT, Warn: warn})
		}},
		{"hand-omegat.tmx", func(w *bytes.Buffer, b *doc.Bitext, warn func(string)) error {
			_, err := WriteTMX(w, b, Options{Created: fixedTime, Warn: warn}, nil)
			return err
		}},
	}
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			var warnings []string
			if err := c.write(&buf, handBitext(), func(m string) { warnings = append(warnings, m) }); err != nil {
				t.Fatal(err)
			}
			// U+0001 cannot be written in 1.2 or TMX: it is dropped with a warning; 2.1 writes <cp hex="0001"/>
			// (the TMX does not hold that unit: it is a gist; see TestTMXDropsForbiddenCharacters)
			if strings.HasSuffix(c.name, "-21.xlf") {
				if len(warnings) != 0 || !strings.Contains(buf.String(), `<cp hex="0001"/>`) {
					t.Errorf("2.1: warnings %v, cp written %v", warnings, strings.Contains(buf.String(), "<cp"))
				}
			} else if strings.HasSuffix(c.name, ".tmx") {
				if len(warnings) != 0 {
					t.Errorf("TMX: warnings %v for a unit it does not hold", warnings)
				}
			} else if len(warnings) == 0 || !strings.Contains(warnings[0], "U+0001") {
				t.Errorf("no warning for the dropped U+0001: %v", warnings)
			}
			path := filepath.Join("testdata", c.name)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the golden file (run go test -update and review the diff)", c.name)
			}
		})
	}
}

// TestGoldenPassXliffCheck runs the checker on every golden XLIFF file.
func TestGoldenPassXliffCheck(t *testing.T) {
	for _, c := range goldenCases() {
		if !strings.HasSuffix(c.name, ".xlf") {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			verdict, out, ok := runTool(t, "xliff-check", filepath.Join("testdata", c.name))
			t.Log(verdict)
			if !ok {
				t.Fatalf("xliff-check failed:\n%s", out)
			}
		})
	}
}

// TestTMXReadsBack reads the companion TMX with the tmx package.
func TestTMXReadsBack(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "hand-omegat.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := tmx.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	b := handBitext()
	want := 0
	for i := range b.Units {
		if hasDraft(&b.Units[i]) && translatable(&b.Units[i]) && b.Units[i].State != doc.StateGist {
			want++
		}
	}
	if len(d.Units) != want {
		t.Fatalf("%d units in the TMX, want %d drafts (no gist)", len(d.Units), want)
	}
	for _, u := range d.Units {
		if v := u.Variant("en"); v == nil || v.Text == "" || strings.ContainsRune(v.Text, 1) {
			t.Errorf("tu %s: bad English variant %+v", u.ID, v)
		}
	}
}

// TestTMXDropsForbiddenCharacters: a character XML 1.0 forbids is dropped
// from a TMX pair with a warning naming the unit; a gist is never written.
func TestTMXDropsForbiddenCharacters(t *testing.T) {
	b := handBitext()
	var id string
	for i := range b.Units {
		if strings.ContainsRune(b.Units[i].Target, 1) {
			b.Units[i].State, id = doc.StateMachine, b.Units[i].ID
		}
	}
	var buf bytes.Buffer
	var warnings []string
	n, err := WriteTMX(&buf, b, Options{Created: fixedTime, Warn: func(m string) { warnings = append(warnings, m) }}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) == 0 || !strings.Contains(warnings[0], "unit "+id) || !strings.Contains(warnings[0], "U+0001") {
		t.Errorf("warnings %v, want one for U+0001 in unit %s", warnings, id)
	}
	if strings.ContainsRune(buf.String(), 1) || !strings.Contains(buf.String(), `tuid="`+id+`"`) {
		t.Errorf("unit %s not written without the character:\n%s", id, buf.String())
	}
	for i := range b.Units {
		if b.Units[i].ID == id {
			b.Units[i].State = doc.StateGist
		}
	}
	buf.Reset()
	m, err := WriteTMX(&buf, b, Options{Created: fixedTime}, func(*doc.Unit) bool { return true })
	if err != nil || m != n-1 || strings.Contains(buf.String(), `tuid="`+id+`"`) {
		t.Errorf("a gist written to the TMX (keep accepting everything): %d pairs, want %d (%v)", m, n-1, err)
	}
}
