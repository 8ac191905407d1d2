package xmlattr

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// mostAttrs decodes data as encoding/xml does and returns the most
// attributes an element has, or ok false when data is not well-formed.
func mostAttrs(r io.Reader) (most int, err error) {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) { return in, nil }
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return most, nil
		}
		if err != nil {
			return most, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			most = max(most, len(se.Attr))
		}
	}
}

func TestLimit(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		line, col int // 0: within the limit of 2
	}{
		{"two", `<a x="1" y='2'><b z="="/></a>`, 0, 0},
		{"three", "<a>\n  <b x=\"1\"\n y=\"2\" z=\"3\"/></a>", 2, 3},
		{"quoted", `<a x="a=b=c" y='">=&lt;'/>`, 0, 0},
		{"comment", `<!-- <a x="1" y="2" z="3"> --><a/>`, 0, 0},
		{"cdata", `<a><![CDATA[<b x="1" y="2" z="3">]]]></a>`, 0, 0},
		{"pi", `<?x <a x="1" y="2" z="3"> ?><a/>`, 0, 0},
		{"doctype", `<!DOCTYPE a [<!ENTITY e "<b x=1 y=2 z=3>"><!-- ' " --><!ATTLIST a x CDATA "1">]><a x="1" y="2"/>`, 0, 0},
		{"after doctype", `<!DOCTYPE a [<!-- ' --><!ELEMENT a ANY>]><a x="1" y="2" z="3"/>`, 1, 42},
		{"after comment", `<!-- a - b -> --><a x="1" y="2" z="3"/>`, 1, 18},
		{"after cdata", `<a><![CDATA[]]]]><b x="1" y="2" z="3"/></a>`, 1, 18},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// a byte at a time: states carry across reads
			_, err := mostAttrs(Limit(iotest.OneByteReader(strings.NewReader(tc.doc)), 2))
			var e *Error
			if tc.line == 0 && err != nil || tc.line != 0 && (!errors.As(err, &e) || e.Line != tc.line || tc.col > 0 && e.Col != tc.col) {
				t.Errorf("error %v (%+v), want one at %d:%d", err, e, tc.line, tc.col)
			}
		})
	}
}

func FuzzLimit(f *testing.F) {
	files, _ := filepath.Glob("../../*/testdata/*.[xt][lm][fx]")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<!DOCTYPE a [<!ENTITY e "x"><!-- ' -->]><a x="1" y='2'><![CDATA[<b c="d">]]><?p <e f="g"> ?></a>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		most, err := mostAttrs(bytes.NewReader(data))
		if err != nil {
			mostAttrs(Limit(bytes.NewReader(data), 1)) // must not panic
			return
		}
		if _, err := mostAttrs(Limit(bytes.NewReader(data), most)); err != nil {
			t.Fatalf("limit %d, the most an element has: %v", most, err)
		}
		if most > 0 {
			var e *Error
			if _, err := mostAttrs(Limit(bytes.NewReader(data), most-1)); !errors.As(err, &e) {
				t.Fatalf("limit %d, one less than an element has: %v", most-1, err)
			}
		}
	})
}
