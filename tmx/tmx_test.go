package tmx

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestReadSample(t *testing.T) {
	f, err := os.Open("testdata/sample.tmx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if d.Header.SrcLang != "ar" || d.Header.CreationTool != "OtherTool" || len(d.Header.Notes) != 1 || d.Header.Props[0].Value != "news" {
		t.Errorf("header = %+v", d.Header)
	}
	if len(d.Units) != 2 {
		t.Fatalf("got %d units, want 2", len(d.Units))
	}
	u := d.Units[0]
	if u.ID != "u1" || u.CreationID != "editor1" || u.ChangeID != "editor2" || u.UsageCount != 3 {
		t.Errorf("unit 1 attributes = %+v", u)
	}
	if want := time.Date(2023, 9, 12, 10, 15, 0, 0, time.UTC); !u.CreationDate.Equal(want) {
		t.Errorf("creation date %v, want %v", u.CreationDate, want)
	}
	if u.Prop("x-bitext-article") != "article.txt" || u.Notes[0].Text != "checked" {
		t.Errorf("props/notes = %+v %+v", u.Props, u.Notes)
	}
	if v := u.Variant("AR"); v == nil || v.Text != "قمة بوتين وكيم" {
		t.Errorf("ar variant = %+v", v)
	}
	u = d.Units[1]
	if v := u.Variant("ar"); v == nil || v.Text != "وقال سوليفان للصحفيين" {
		t.Errorf("inline codes not dropped: %+v", v)
	}
	if v := u.Variant("en_gb"); v == nil || v.Text != "Sullivan told reporters & others" {
		t.Errorf("hi text not kept: %+v", v)
	}
}

func sampleDoc() *Document {
	day := time.Date(2024, 2, 29, 23, 59, 58, 0, time.UTC)
	return &Document{
		Version: "1.4",
		Header: Header{CreationTool: "bitext", CreationToolVersion: "1", SegType: "sentence", OTMF: "bitext",
			AdminLang: "en", SrcLang: "ar", DataType: "plaintext", CreationDate: day,
			Notes: []Note{{Text: "a <note> & more"}}, Props: []Prop{{Type: "x-a", Value: "b"}}},
		Units: []Unit{
			{ID: "u1", CreationDate: day, CreationID: "ed\"itor", ChangeDate: day.Add(time.Hour), ChangeID: "eng",
				UsageCount: 2, LastUsage: day,
				Props: []Prop{{Type: "x-bitext-article", Value: "a.txt"}, {Type: "x-lang", Lang: "en", Value: "v"}},
				Notes: []Note{{Text: "line1\nline2"}},
				Variants: []Variant{
					{Lang: "ar", Text: "  مرحبا\tبالعالم  ", Notes: []Note{{Text: "n"}}, Props: []Prop{{Type: "x-s", Value: "1"}}},
					{Lang: "en", Text: "Hello <world> & \"you\"\r\nnext", CreationID: "x", CreationDate: day},
				}},
			{SrcLang: "ar", Variants: []Variant{{Lang: "ar", Text: ""}, {Lang: "en", Text: "empty source"}, {Lang: "fr", Text: "vide"}}},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	d := sampleDoc()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "roundtrip.golden.tmx")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("output differs from %s (run with -update to refresh):\n%s", golden, buf.String())
	}
	got, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("round trip changed the document:\n got %+v\nwant %+v", got, d)
	}
}

// TestReadUTF16: a TMX saved with a byte order mark, or as UTF-16 in either
// byte order, reads as its UTF-8 original, and errors name the same line
// (as for XLIFF).
func TestReadUTF16(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sampleDoc()); err != nil {
		t.Fatal(err)
	}
	utf16 := func(s string, order unicode.Endianness) string {
		s = strings.Replace(s, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
		enc, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return enc
	}
	bad := strings.Replace(buf.String(), "</seg>", "</tuv>", 1)
	_, wantErr := Read(strings.NewReader(bad))
	var want *ParseError
	if !errors.As(wantErr, &want) || want.Line < 2 {
		t.Fatalf("broken UTF-8 file: %v", wantErr)
	}
	for _, tc := range []struct {
		name   string
		encode func(string) string
	}{
		{"UTF-8 BOM", func(s string) string { return "\uFEFF" + s }},
		{"UTF-16LE", func(s string) string { return utf16(s, unicode.LittleEndian) }},
		{"UTF-16BE", func(s string) string { return utf16(s, unicode.BigEndian) }},
	} {
		d, err := Read(strings.NewReader(tc.encode(buf.String())))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(d.Units) != 2 || d.Units[0].Variant("ar").Text != "  مرحبا\tبالعالم  " {
			t.Errorf("%s read wrong: %+v", tc.name, d.Units)
		}
		_, err = Read(strings.NewReader(tc.encode(bad)))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != want.Line {
			t.Errorf("%s: error %v, want one at line %d", tc.name, err, want.Line)
		}
	}
}

func TestReadErrors(t *testing.T) {
	head := `<tmx version="1.4"><header srclang="ar"/><body>`
	tail := `</body></tmx>`
	tests := []struct {
		name, in, want string
		line           int
	}{
		{"empty", "", "not a TMX file", 1},
		{"not tmx", `<xliff/>`, "not a TMX file", 1},
		{"no body", `<tmx><header/></tmx>`, "no <body>", 1},
		{"body first", `<tmx><body/></tmx>`, "<body> before <header>", 1},
		{"tu without tuv", head + "\n<tu tuid=\"a\"></tu>" + tail, `tu "a": <tu> without <tuv>`, 2},
		{"tuv without lang", head + "\n\n<tu><tuv><seg>x</seg></tuv></tu>" + tail, "<tuv> without xml:lang", 3},
		{"tuv without seg", head + `<tu><tuv xml:lang="ar"></tuv></tu>` + tail, "tuv ar without <seg>", 1},
		{"two segs", head + `<tu><tuv xml:lang="ar"><seg>a</seg><seg>b</seg></tuv></tu>` + tail, "more than one <seg>", 1},
		{"bad date", head + `<tu tuid="d" creationdate="yesterday"><tuv xml:lang="ar"><seg>a</seg></tuv></tu>` + tail, `bad date "yesterday"`, 1},
		{"bad usage", head + `<tu usagecount="-1"><tuv xml:lang="ar"><seg>a</seg></tuv></tu>` + tail, `usagecount "-1"`, 1},
		{"truncated", head + `<tu><tuv xml:lang="ar"><seg>a`, "unexpected EOF", 1},
		{"bad xml", head + "\n<tu><tuv xml:lang=\"ar\"><seg>a</tuv></tu>" + tail, "element <seg> closed by </tuv>", 2},
		{"encoding", `<?xml version="1.0" encoding="latin1"?><tmx/>`, `unsupported encoding "latin1"`, 1},
		// a crafted file nesting elements by the million takes the memory
		// (and, for <hi>, the stack) of a reader that follows them
		{"deep hi", head + `<tu><tuv xml:lang="ar"><seg>` + strings.Repeat("<hi>", 5000) + "x" + strings.Repeat("</hi>", 5000) + `</seg></tuv></tu>` + tail, "nested deeper than 256", 1},
		{"deep unknown", head + `<tu><tuv xml:lang="ar"><seg>x</seg></tuv><x-a>` + strings.Repeat("<a>", 5000) + strings.Repeat("</a>", 5000) + `</x-a></tu>` + tail, "nested deeper than 256", 1},
		{"huge seg", head + `<tu><tuv xml:lang="ar"><seg>` + strings.Repeat("x", 5<<20) + `</seg></tuv></tu>` + tail, "text longer than 4 MiB", 1},
		{"huge note", head + `<tu><note>` + strings.Repeat("x", 5<<20) + `</note><tuv xml:lang="ar"><seg>x</seg></tuv></tu>` + tail, "text longer than 4 MiB", 1},
		{"deep header", `<tmx><header>` + strings.Repeat("<a>", 5000) + strings.Repeat("</a>", 5000) + `</header><body/></tmx>`, "nested deeper than 256", 1},
		// the decoder reads a start tag whole, at fifteen times its size
		{"many attributes", head + "\n\n  <tu" + strings.Repeat(` a=""`, 100000) + `><tuv xml:lang="ar"><seg>a</seg></tuv></tu>` + tail, "3:3: an element with more than 1000 attributes", 3},
		{"many attributes in a seg", head + `<tu tuid="h"><tuv xml:lang="ar"><seg>a <hi` + strings.Repeat(` a=""`, 100000) + `>b</hi></seg></tuv></tu>` + tail, `tu "h": an element with more than 1000 attributes`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if pe.Line != tt.line {
				t.Errorf("error %q at line %d, want %d", err, pe.Line, tt.line)
			}
		})
	}
}

func TestWriteRejectsBadText(t *testing.T) {
	for _, text := range []string{"a\x00b", "a\x1bb", "bad \xff utf8"} {
		u := Unit{ID: "x", Variants: []Variant{{Lang: "ar", Text: text}}}
		w, err := NewWriter(&bytes.Buffer{}, Header{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(&u); err == nil || !strings.Contains(err.Error(), `tu "x"`) {
			t.Errorf("Write(%q) error = %v, want one naming the unit", text, err)
		}
	}
	w, _ := NewWriter(&bytes.Buffer{}, Header{})
	if err := w.Write(&Unit{ID: "y"}); err == nil {
		t.Error("unit without variants written")
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := Write(&buf, sampleDoc()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.String())
	if b, err := os.ReadFile("testdata/sample.tmx"); err == nil {
		f.Add(string(b))
	}
	f.Add(`<tmx><header/><body><tu><tuv xml:lang="ar"><seg>x</seg></tuv></tu></body></tmx>`)
	// shapes of hostile files: entities, an external DTD, deep nesting
	f.Add(`<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><tmx><header/><body><tu><tuv xml:lang="ar"><seg>&b;</seg></tuv></tu></body></tmx>`)
	f.Add(`<!DOCTYPE tmx SYSTEM "file:///etc/passwd"><tmx><header/><body><tu><tuv xml:lang="ar"><seg>&xxe;</seg></tuv></tu></body></tmx>`)
	f.Add(`<tmx><header/><body><tu><tuv xml:lang="ar"><seg>` + strings.Repeat("<hi>", 300) + `x</seg></tuv></tu></body></tmx>`)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		// What was read must write, unless its text cannot be XML, and read back the same.
		var out bytes.Buffer
		if err := Write(&out, d); err != nil {
			return
		}
		d2, err := Read(&out)
		if err != nil {
			t.Fatalf("re-reading written output: %v\n%s", err, out.String())
		}
		if len(d2.Units) != len(d.Units) {
			t.Fatalf("units %d after round trip, want %d", len(d2.Units), len(d.Units))
		}
		for i := range d.Units {
			for j := range d.Units[i].Variants {
				if d.Units[i].Variants[j].Text != d2.Units[i].Variants[j].Text {
					t.Fatalf("unit %d variant %d: %q became %q", i, j, d.Units[i].Variants[j].Text, d2.Units[i].Variants[j].Text)
				}
			}
		}
	})
}

func benchDoc(n int) *Document {
	d := &Document{Header: Header{SrcLang: "ar"}}
	for i := 0; i < n; i++ {
		d.Units = append(d.Units, Unit{ID: "u" + strings.Repeat("x", i%7), CreationDate: time.Unix(int64(i), 0),
			Props: []Prop{{Type: "x-bitext-article", Value: "article.txt"}},
			Variants: []Variant{
				{Lang: "ar", Text: "وقال مستشار الأمن القومي جيك سوليفان للصحفيين إن كوريا الشمالية ستدفع ثمن ذلك."},
				{Lang: "en", Text: "National security adviser Jake Sullivan told reporters North Korea would pay a price."},
			}})
	}
	return d
}

func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, benchDoc(2000)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Read(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "units/s")
}

func BenchmarkWrite(b *testing.B) {
	d := benchDoc(2000)
	var buf bytes.Buffer
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := Write(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "units/s")
}

// A placeholder that stands for a line break separates the words around it:
// dropping it would glue them ("إلىموسكو"), and the pair would match nothing.
func TestReadLineBreakPlaceholder(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ar" datatype="html"/><body>
<tu><tuv xml:lang="ar"><seg>وصل الوفد إلى<ph x="2" type="lb"/>موسكو</seg></tuv>
<tuv xml:lang="en"><seg>The delegation arrived in<ph x="1">&lt;br/&gt;</ph>Moscow<ph x="3">&lt;BR&gt;</ph> today<it pos="begin">\line </it>again</seg></tuv></tu>
<tu><tuv xml:lang="ar"><seg>قال <bpt i="1">&lt;b&gt;</bpt>بوتين<ept i="1">&lt;/b&gt;</ept>،<ph x="4">&lt;img src="a.png"/&gt;</ph></seg></tuv>
<tuv xml:lang="en"><seg><bpt i="1">&lt;b&gt;</bpt>Putin<ept i="1">&lt;/b&gt;</ept>'s words</seg></tuv></tu>
</body></tmx>`
	d, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		unit int
		lang string
		want string
	}{
		{0, "ar", "وصل الوفد إلى موسكو"},
		{0, "en", "The delegation arrived in Moscow today again"},
		{1, "ar", "قال بوتين،"},
		{1, "en", "Putin's words"},
	} {
		if v := d.Units[c.unit].Variant(c.lang); v == nil || v.Text != c.want {
			t.Errorf("unit %d %s = %+v, want %q", c.unit, c.lang, v, c.want)
		}
	}
}
