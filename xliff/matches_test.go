package xliff

import (
	"bytes"
	"strings"
	"testing"

	"bitext/doc"
)

// TestMemoryMatchesWritten: translation memory candidates become 1.2
// alt-trans and 2.1 mtc:match elements, the files stay valid, and reading
// them back does not take a candidate for the machine draft. Scores are
// rounded down, so that a near match never reads as an exact 100%.
func TestMemoryMatchesWritten(t *testing.T) {
	b := sampleBitext(t)
	var u *doc.Unit
	for k := range b.Units {
		if b.Units[k].Kind != doc.Boilerplate && b.Units[k].Target != "" {
			u = &b.Units[k]
			break
		}
	}
	u.Matches = []doc.Match{{Source: "مصدر قريب & <مشابه>", Target: "A close \"match\"", Score: 0.875, Origin: "memory:older.txt"},
		{Source: "مصدر قريب جدا", Target: "A near match", Score: 0.9996, Origin: "memory:older.txt"}}
	dir := t.TempDir()
	opts := Options{Created: fixedTime}
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  []string
	}{
		{"matches-12.xlf", func(w *bytes.Buffer) error { return Write12(w, b, opts) },
			[]string{`origin="memory:older.txt"`, `match-quality="87%"`, `match-quality="99%"`, `A close "match"`, `مصدر قريب &amp; &lt;مشابه&gt;`}},
		{"matches-21.xlf", func(w *bytes.Buffer) error { return Write21(w, b, opts) },
			[]string{`subType="bitext:memory"`, `similarity="87.5"`, `similarity="99.9"`, `type="tm"`, `A close "match"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := writeSample(t, dir, tt.name, b, tt.write)
			var buf bytes.Buffer
			tt.write(&buf)
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q", w)
				}
			}
			f, err := Read(bytes.NewReader(buf.Bytes()), tt.name)
			if err != nil {
				t.Fatal(err)
			}
			for _, ru := range f.Units {
				if ru.ID == u.ID && (ru.Draft != u.Target || strings.Contains(ru.Target, "close")) {
					t.Errorf("read back: draft %q, target %q", ru.Draft, ru.Target)
				}
			}
			if verdict, out, ok := runTool(t, "xliff-check", p); !ok {
				t.Fatalf("xliff-check: %s\n%s", verdict, out)
			}
		})
	}
}
