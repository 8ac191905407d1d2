package doc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestPosition(t *testing.T) {
	d := &Document{Source: "سطر أول\nسطر ثانٍ"}
	off := strings.Index(d.Source, "ثانٍ")
	if line, col := d.Position(off); line != 2 || col != 5 {
		t.Errorf("Position = %d:%d, want 2:5", line, col)
	}
	bom := &Document{Source: "\uFEFFسطر أول"}
	if line, col := bom.Position(strings.Index(bom.Source, "أول")); line != 1 || col != 5 {
		t.Errorf("after a byte order mark: Position = %d:%d, want 1:5", line, col)
	}
}

// The line index answers as Position does, at every offset: line starts,
// line breaks, a byte order mark, empty lines, past the end.
func TestLinesPosition(t *testing.T) {
	for _, src := range []string{"", "\n", "سطر أول\nسطر ثانٍ", "\uFEFFسطر\n\n\nثالث\r\nرابع\n", "a\nb"} {
		d := &Document{Source: src}
		lines := d.Lines()
		for off := 0; off <= len(src)+1; off++ {
			wl, wc := d.Position(off)
			if gl, gc := lines.Position(off); gl != wl || gc != wc {
				t.Errorf("%q at %d: Lines().Position = %d:%d, Position = %d:%d", src, off, gl, gc, wl, wc)
			}
		}
	}
}

func TestValidate(t *testing.T) {
	src := "أ ب. ج د."
	good := &Document{Source: src, Blocks: []Block{{Kind: Paragraph, Start: 0, End: len(src), Segments: []Segment{
		{Start: 0, End: 6, Text: src[:6]}, {Start: 7, End: len(src), Text: src[7:]},
	}}}}
	if err := good.Validate(); err != nil {
		t.Errorf("valid document: %v", err)
	}
	bad := *good
	bad.Blocks = []Block{{Kind: Paragraph, Start: 0, End: len(src), Segments: []Segment{{Start: 0, End: 6, Text: "x"}}}}
	if err := bad.Validate(); err == nil {
		t.Error("segment text that does not match the source was accepted")
	}
}

func TestJSONRoundTrip(t *testing.T) {
	b := &Bitext{SourceLang: "ar", TargetLang: "en", Units: []Unit{{ID: "u1", Kind: Paragraph, Source: "<b>&amp;", Target: "x", State: StateMachine}}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"terms": []`) {
		t.Errorf("terms must be an empty list, not null: %s", buf.String())
	}
	got, err := ReadJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Units[0].Source != "<b>&amp;" || got.Units[0].State != StateMachine {
		t.Errorf("round trip changed the unit: %+v", got.Units[0])
	}
}

func TestReadJSONProblems(t *testing.T) {
	const good = `{"id": "u1", "block": 0, "kind": "paragraph", "state": "machine", "source": "س", "target": "t"}`
	for _, c := range []struct {
		name, json string
		want       []string // each in the error
	}{
		{"bare unit", `{"units":[{"id":"x"}]}`, []string{`f.json:1: unit 0 (id "x"): kind ""`, `unit 0 (id "x"): state ""`, `unit 0 (id "x"): empty source`}},
		{"unknown state", "{\"units\": [\n" + strings.Replace(good, "machine", "weird", 1) + "]}", []string{`f.json:2: unit 0 (id "u1"): state "weird"`}},
		{"unknown kind", `{"units": [` + strings.Replace(good, "paragraph", "weird", 1) + `]}`, []string{`unit 0 (id "u1"): kind "weird"`}},
		{"duplicate id", "{\"units\": [\n" + good + ",\n" + good + "]}", []string{`f.json:3: unit 1 (id "u1"): id used before by unit 0`}},
		{"no id", `{"units": [` + strings.Replace(good, `"u1"`, `""`, 1) + `]}`, []string{`unit 0: no id`}},
		{"id with a space", `{"units": [` + strings.Replace(good, `"u1"`, `"u 1"`, 1) + `]}`, []string{`id "u 1": only letters`}},
		{"unknown flag", `{"units": [` + strings.Replace(good, `"block"`, `"flags": ["odd"], "block"`, 1) + `]}`, []string{`flag "odd"`}},
		{"unknown field", `{"units": [` + strings.Replace(good, `"block"`, `"sorce": "x", "block"`, 1) + `]}`, []string{`unit 0 (id "u1"): unknown field "sorce"`}},
		{"wrong type", `{"units": [` + strings.Replace(good, `"block": 0`, `"block": "0"`, 1) + `]}`, []string{`"block": want a number, got string`}},
		{"block again", `{"units": [` + good + `,` + strings.Replace(strings.Replace(good, `"block": 0`, `"block": 1`, 1), "u1", "u2", 1) + `,` + strings.Replace(good, "u1", "u3", 1) + `]}`, []string{`unit 2 (id "u3"): block 0 again after block 1`}},
		{"score", `{"units": [` + strings.Replace(good, `"block"`, `"confidence": 2, "block"`, 1) + `]}`, []string{`confidence 2`}},
		{"term without English", `{"units": [` + strings.Replace(good, `"block"`, `"terms": [{"surface": "س"}], "block"`, 1) + `]}`, []string{`term 0 (س): no English`}},
		{"bad language", `{"source_lang": "ar arabic", "units": []}`, []string{`source_lang "ar arabic" is not a language tag`}},
		{"no units", `{"unit": []}`, []string{`unknown field "unit"`, `no "units" list`}},
		{"units not a list", `{"units": {}}`, []string{`"units" is not a list`}},
		{"not a unit", `{"units": ["x"]}`, []string{`unit 0: not a unit object (string)`}},
		{"trailing data", `{"units": []} {}`, []string{`more data after`}},
		{"truncated", "{\n\"units\": [", []string{`f.json:2: not valid JSON`}},
		{"not an object", `[]`, []string{`not bitext JSON`}},
	} {
		_, err := ReadJSONNamed(strings.NewReader(c.json), "f.json")
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error does not say %q:\n%v", c.name, w, err)
			}
		}
	}
}

func TestReadJSONAccepts(t *testing.T) {
	// an English sentence the alignment found no Arabic for; terms read back
	// from XLIFF notes, which have no offsets
	in := `{"source_lang": "ar", "target_lang": "en-GB", "name": "a.txt", "units": [
	  {"id": "u1", "block": 0, "kind": "heading", "state": "gist", "source": "قمة", "target": "summit", "terms": [{"start": 0, "end": 0, "stem_start": 0, "surface": "قمة", "ar": "", "en": "Summit"}]},
	  {"id": "u2", "block": 1, "kind": "paragraph", "state": "reviewed", "source": "", "target": "An added sentence.", "confidence": 0.4, "flags": ["low-confidence"]},
	  {"id": "u2-2", "block": 1, "kind": "paragraph", "state": "new", "source": "جملة", "target": ""}
	]}`
	b, err := ReadJSONNamed(strings.NewReader(in), "a.json")
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "a.txt" || len(b.Units) != 3 || b.Units[1].Target != "An added sentence." {
		t.Errorf("read %+v", b)
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add(`{"units":[{"id":"x"}]}`)
	f.Add(`{"source_lang": "ar", "units": [{"id": "u1", "block": 0, "kind": "paragraph", "state": "machine", "source": "س", "target": "t", "terms": [{"surface": "س", "en": "S"}]}]}`)
	f.Add(`{"units": [{"id": "u1", "kind": "heading", "state": "new", "source": "س"}, "x"]} x`)
	f.Fuzz(func(t *testing.T, in string) {
		b, err := ReadJSON(strings.NewReader(in))
		if err != nil {
			var je *JSONError
			if !errors.As(err, &je) || len(je.Problems) == 0 {
				t.Fatalf("error is not a JSONError with problems: %v", err)
			}
			return
		}
		// what is accepted is written and read back the same
		var buf bytes.Buffer
		if err := WriteJSON(&buf, b); err != nil {
			t.Fatal(err)
		}
		again, err := ReadJSON(&buf)
		if err != nil {
			t.Fatalf("written JSON refused: %v\n%s", err, buf.String())
		}
		if len(again.Units) != len(b.Units) {
			t.Fatalf("round trip: %d units, want %d", len(again.Units), len(b.Units))
		}
	})
}

// The article's checksum is written from the source document, read back,
// written again from what was read, and checked for its form.
func TestJSONArticleChecksum(t *testing.T) {
	b := &Bitext{SourceLang: "ar", TargetLang: "en", Source: &Document{Source: "نص."},
		Units: []Unit{{ID: "u1", Kind: Paragraph, Source: "نص.", State: StateNew}}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	want := ArticleHash("نص.")
	if !strings.Contains(buf.String(), `"article_sha256": "`+want+`"`) {
		t.Fatalf("no checksum written:\n%s", buf.String())
	}
	back, err := ReadJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.ArticleSum() != want {
		t.Errorf("read back: %q, want %q", back.ArticleSum(), want)
	}
	var again bytes.Buffer
	if err := WriteJSON(&again, back); err != nil || again.String() != buf.String() {
		t.Errorf("written again (%v):\n%s\nwant\n%s", err, again.String(), buf.String())
	}
	bad := strings.Replace(buf.String(), want, "abc", 1)
	if _, err := ReadJSON(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "not a SHA-256") {
		t.Errorf("a malformed checksum: %v", err)
	}
}

// A term's offsets are written when it has them, 0 included, and left out
// when it has none (read back from XLIFF), rather than written as 0.
func TestTermOffsetsInJSON(t *testing.T) {
	b := &Bitext{Units: []Unit{{ID: "u1", Kind: Paragraph, Source: "بوتين قال", State: StateNew, Terms: []TermHit{
		{Start: 0, End: 10, StemStart: 0, Surface: "بوتين", Ar: "بوتين", En: "Putin <P&>"},
		{Surface: "قال", Ar: "قال", En: "said"},
	}}}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Count(out, `"start": 0,`) != 1 || strings.Count(out, `"stem_start"`) != 1 || !strings.Contains(out, `"Putin <P&>"`) {
		t.Errorf("offsets of the placed term not written as they are, or of the other written:\n%s", out)
	}
	back, err := ReadJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if h := back.Units[0].Terms; !h[0].Placed() || h[0].End != 10 || h[1].Placed() {
		t.Errorf("read back: %+v", h)
	}
}

// encodeWhole is how WriteJSON encoded a bitext before it wrote the units
// one at a time: its output must not change.
func encodeWhole(t testing.TB, b *Bitext) []byte {
	out := *b
	out.ArticleSHA256 = b.ArticleSum()
	out.Units = append([]Unit{}, b.Units...)
	for i := range out.Units {
		if out.Units[i].Terms == nil {
			out.Units[i].Terms = []TermHit{}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jsonBitexts() []*Bitext {
	units := []Unit{
		{ID: "u1", Kind: Heading, Source: "قمة <بوتين> & كيم", Target: "Putin\u2028Kim", State: StateGist,
			Terms: []TermHit{{Ar: "بوتين", En: "Putin", Start: 4, End: 14}}, Notes: []string{"a \"note\""}},
		{ID: "u2", Block: 1, Kind: Paragraph, Source: "جملة.", Target: "", State: StateNew, Flags: []Flag{FlagUntranslated},
			Matches: []Match{{Source: "جملة", Target: "A sentence", Score: 0.8, Origin: "memory"}}},
		{ID: "u3", Block: 2, Kind: Boilerplate, Source: "شاركها", Target: "شاركها", State: StateReviewed, Confidence: 0.5,
			XLIFF: &XLIFFMarks{Version: "1.2", State: "final", Approved: true, Notes: []XLIFFNote{{Text: "ok", From: "ed"}}}},
	}
	return []*Bitext{
		{SourceLang: "ar", TargetLang: "en"},
		{SourceLang: "ar", TargetLang: "en", Units: []Unit{}},
		{SourceLang: "ar", TargetLang: "en", Name: "a.txt", Engine: "gist", Units: units[:1]},
		{SourceLang: "ar", TargetLang: "en", Name: "a.txt", Source: &Document{Source: "قمة"}, Units: units},
	}
}

func TestWriteJSONAsWhole(t *testing.T) {
	for i, b := range jsonBitexts() {
		var got bytes.Buffer
		if err := WriteJSON(&got, b); err != nil {
			t.Fatal(err)
		}
		if want := encodeWhole(t, b); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("bitext %d:\ngot\n%s\nwant\n%s", i, got.Bytes(), want)
		}
	}
}

// BenchmarkWriteJSON writes the units of a long article (30,000): MB/s of
// JSON, and the memory a write takes (B/op).
func BenchmarkWriteJSON(b *testing.B) {
	base := jsonBitexts()[3]
	bt := &Bitext{SourceLang: "ar", TargetLang: "en", Name: "long.txt"}
	for i := range 30000 {
		u := base.Units[i%len(base.Units)]
		u.ID = fmt.Sprintf("u%d", i)
		u.Source = strings.Repeat(u.Source+" ", 20)
		bt.Units = append(bt.Units, u)
	}
	var size int64
	for b.Loop() {
		n := &countWriter{}
		if err := WriteJSON(n, bt); err != nil {
			b.Fatal(err)
		}
		size = n.n
	}
	b.SetBytes(size)
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
