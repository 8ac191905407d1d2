package xliff

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"bitext/doc"
	"bitext/glossary"
)

// roundTrip writes b with write and reads it back resolved.
func roundTrip(t *testing.T, b *doc.Bitext, write func(*bytes.Buffer) error, edit func(string) string, opts ResolveOptions) (*Reviewed, error) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	if edit != nil {
		text = edit(text)
	}
	f, err := Read(strings.NewReader(text), "reviewed.xlf")
	if err != nil {
		return nil, err
	}
	return f.Resolve(opts)
}

func TestReadBackUnchanged(t *testing.T) {
	b := sampleBitext(t)
	writers := map[string]func(*bytes.Buffer) error{
		"1.2":    func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime}) },
		"2.1":    func(w *bytes.Buffer) error { return Write21(w, b, Options{Created: fixedTime}) },
		"omegat": func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime, Flavour: OmegaT}) },
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			rv, err := roundTrip(t, b, write, nil, ResolveOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rv.Warnings) > 0 {
				t.Errorf("warnings: %v", rv.Warnings)
			}
			if len(rv.Units) != len(b.Units) {
				t.Fatalf("got %d units, want %d", len(rv.Units), len(b.Units))
			}
			if rv.File.Engine != "draft" || rv.File.ArticleSHA256 != ArticleHash(b.Source.Source) {
				t.Errorf("provenance: engine %q sha %q", rv.File.Engine, rv.File.ArticleSHA256)
			}
			for i, u := range rv.Units {
				w := b.Units[i]
				if u.ID != w.ID || u.Source != normSpace(w.Source) || u.Kind != w.Kind || u.Block != w.Block {
					t.Errorf("unit %d: got %s %q %s %d, want %s %q %s %d", i, u.ID, u.Source, u.Kind, u.Block, w.ID, w.Source, w.Kind, w.Block)
				}
				if u.Draft != normSpace(hasDraftText(&w)) {
					t.Errorf("unit %s: draft %q, want %q", u.ID, u.Draft, w.Target)
				}
				if u.Edited {
					t.Errorf("unit %s: edited without an edit", u.ID)
				}
				if len(u.ExpectedTerms) != len(w.Terms) {
					t.Errorf("unit %s: %d terms, want %d", u.ID, len(u.ExpectedTerms), len(w.Terms))
				}
				if name == "omegat" && !u.Untranslated && w.Kind != doc.Boilerplate {
					t.Errorf("unit %s: a copied source should read as untranslated", u.ID)
				}
			}
		})
	}
}

func hasDraftText(u *doc.Unit) string {
	if hasDraft(u) {
		return u.Target
	}
	return ""
}

func TestReadRefuses(t *testing.T) {
	b := sampleBitext(t)
	var buf bytes.Buffer
	if err := Write12(&buf, b, Options{Created: fixedTime}); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	first := b.Units[0].ID
	second := b.Units[1].ID
	cases := []struct {
		name, text string
		want       string
	}{
		{"html", "<html><body>hi</body></html>", "not an XLIFF file"},
		{"empty", "", "no XML element"},
		{"text", "just words", "not an XLIFF file"},
		{"text points at its first line", "\n\nقال الرئيس.\nسطر ثان.\nسطر ثالث.\n", "reviewed.xlf:3: not an XLIFF file"},
		{"xliff 1.1", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1"><file/></xliff>`, "XLIFF version 1.1, which bitext does not read"},
		{"unknown version", `<xliff version="3.0"><file/></xliff>`, "save or export the file as XLIFF 1.2"},
		{"broken", good[:len(good)/2], "not well-formed XML"},
		{"bad xml", strings.Replace(good, "<body>", "<body><<", 1), "not well-formed"},
		{"duplicate", strings.Replace(good, `id="`+second+`"`, `id="`+first+`"`, 1), "duplicate unit id"},
		{"no id", strings.Replace(good, `<trans-unit id="`+first+`"`, `<trans-unit`, 1), "without an id"},
		{"latin1", strings.Replace(good, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1), "save the file as UTF-8"},
		{"deep", "<xliff xmlns='" + NS12 + "' version='1.2'><file>" + strings.Repeat("<group>", 5000), "nested deeper"},
		// the decoder reads a start tag whole, at fifteen times its size
		{"many attributes", "<xliff xmlns='" + NS12 + "' version='1.2'>\n<file" + strings.Repeat(` a=""`, 100000), "reviewed.xlf:2: an element with more than 1000 attributes"},
		{"many attributes on the root", "\n<xliff" + strings.Repeat(` a=""`, 100000), "reviewed.xlf:2: an element with more than 1000 attributes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(c.text), "reviewed.xlf")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "reviewed.xlf") {
				t.Errorf("error does not name the file: %v", err)
			}
		})
	}
	var xe *Error
	_, err := Read(strings.NewReader(strings.Replace(good, `id="`+second+`"`, `id="`+first+`"`, 1)), "r.xlf")
	if !errors.As(err, &xe) || xe.Line == 0 || xe.Unit != first {
		t.Errorf("duplicate id error should name line and unit: %#v", err)
	}
}

// TestReadBOMAndUTF16: a file a Windows CAT tool saved with a byte order
// mark, or as UTF-16, reads as its UTF-8 original does, and errors in it
// name the same lines.
func TestReadBOMAndUTF16(t *testing.T) {
	b := sampleBitext(t)
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, *doc.Bitext, Options) error
	}{{"1.2", func(w *bytes.Buffer, b *doc.Bitext, o Options) error { return Write12(w, b, o) }},
		{"2.1", func(w *bytes.Buffer, b *doc.Bitext, o Options) error { return Write21(w, b, o) }}} {
		var buf bytes.Buffer
		if err := tc.write(&buf, b, Options{Created: fixedTime}); err != nil {
			t.Fatal(err)
		}
		good := buf.String()
		want, err := Read(strings.NewReader(good), "reviewed.xlf")
		if err != nil {
			t.Fatal(err)
		}
		second := `id="` + b.Units[1].ID + `"`
		dup := strings.Replace(good, second, `id="`+b.Units[0].ID+`"`, 1)
		_, wantErr := Read(strings.NewReader(dup), "reviewed.xlf")
		if wantErr == nil {
			t.Fatal("no error for a duplicate id")
		}
		utf16 := func(s string, order unicode.Endianness) string {
			s = strings.Replace(s, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
			enc, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().String(s)
			if err != nil {
				t.Fatal(err)
			}
			return enc
		}
		for _, enc := range []struct {
			name   string
			encode func(string) string
		}{
			{"UTF-8 BOM", func(s string) string { return "\uFEFF" + s }},
			// converted to UTF-8 without changing the declaration
			{"UTF-8 said UTF-16", func(s string) string { return strings.Replace(s, `encoding="UTF-8"`, `encoding="UTF-16"`, 1) }},
			{"UTF-16LE", func(s string) string { return utf16(s, unicode.LittleEndian) }},
			{"UTF-16BE", func(s string) string { return utf16(s, unicode.BigEndian) }},
		} {
			t.Run(tc.name+" "+enc.name, func(t *testing.T) {
				got, err := Read(strings.NewReader(enc.encode(good)), "reviewed.xlf")
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("read differs from the UTF-8 file's:\n got %+v\nwant %+v", got, want)
				}
				_, err = Read(strings.NewReader(enc.encode(dup)), "reviewed.xlf")
				if err == nil || err.Error() != wantErr.Error() {
					t.Errorf("error %v, want %v", err, wantErr)
				}
			})
		}
	}
}

func TestSniff(t *testing.T) {
	utf16 := func(s string) string {
		enc, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return enc
	}
	decl := `<?xml version="1.0" encoding="UTF-8"?>` + "\n<!-- saved by a CAT tool -->\n"
	for _, tc := range []struct {
		name, head string
		isXLIFF    bool
		major      string
	}{
		{"1.2", decl + `<xliff version="1.2" xmlns="` + NS12 + `"><file>`, true, "1"},
		{"2.1 namespace first", decl + `<xliff xmlns="` + NS20 + `" version="2.1" srcLang="ar">`, true, "2"},
		{"prefixed", `<x:xliff xmlns:x="` + NS12 + `" version='1.2'>`, true, "1"},
		{"no version", `<xliff>`, true, ""},
		{"UTF-8 BOM", "\uFEFF" + decl + `<xliff version="2.0">`, true, "2"},
		{"UTF-16", utf16(decl + `<xliff version="2.1">`), true, "2"},
		{"UTF-16 cut in a character", utf16(decl + `<xliff version="1.2">`)[:len(utf16(decl+`<xliff vers`))+1], true, ""},
		{"TMX", decl + `<tmx version="1.4">`, false, ""},
		{"HTML", `<html><body>xliff version="1.2"</body></html>`, false, ""},
		{"empty", "", false, ""},
	} {
		isXLIFF, major := Sniff([]byte(tc.head))
		if isXLIFF != tc.isXLIFF || major != tc.major {
			t.Errorf("%s: Sniff = %v, %q; want %v, %q", tc.name, isXLIFF, major, tc.isXLIFF, tc.major)
		}
	}
}

// TestTermsReadBack: what the writers record of each glossary hit (the
// article's spelling, the glossary's own term when it differs, the English,
// type, note, kept as is) comes back with the resolved units, so that a
// published page shows the names as translate's page does.
func TestTermsReadBack(t *testing.T) {
	b := handBitext()
	writers := map[string]func(*bytes.Buffer) error{
		"1.2": func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime}) },
		"2.1": func(w *bytes.Buffer) error { return Write21(w, b, Options{Created: fixedTime}) },
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			rv, err := roundTrip(t, b, write, nil, ResolveOptions{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for i, u := range rv.Units {
				want := b.Units[i].Terms
				if len(u.Terms) != len(want) {
					t.Fatalf("unit %s: %d terms, want %d", u.ID, len(u.Terms), len(want))
				}
				for k, got := range u.Terms {
					w := want[k]
					w.Start, w.End, w.StemStart, w.Clitic = 0, 0, 0, "" // offsets into the article are not recorded
					if w.NoTranslate {
						w.En = "" // a kept name is expected as its Arabic
					}
					if got != w {
						t.Errorf("unit %s term %d:\n got %+v\nwant %+v", u.ID, k, got, w)
					}
					n++
				}
			}
			if n == 0 {
				t.Fatal("no terms read back")
			}
		})
	}
}

func TestParseTermNote(t *testing.T) {
	cases := []struct {
		note string
		want Term
	}{
		// written by bitext before the glossary's term was recorded
		{"وكيم → Kim (person)", Term{Source: "وكيم", Entry: "وكيم", Target: "Kim", Type: "person"}},
		{"وكيم (كيم) → Kim (person)", Term{Source: "وكيم", Entry: "كيم", Target: "Kim", Type: "person"}},
		{"بيسكوف → Peskov (person; Kremlin spokesman; since 2012)", Term{Source: "بيسكوف", Entry: "بيسكوف", Target: "Peskov", Type: "person", Note: "Kremlin spokesman; since 2012"}},
		{"الجزيرة → الجزيرة (keep as is; media)", Term{Source: "الجزيرة", Entry: "الجزيرة", Target: "الجزيرة", Type: "media", Keep: true}},
		{"حماس → Hamas (Islamic Resistance Movement) (organisation; rules Gaza (since 2007))",
			Term{Source: "حماس", Entry: "حماس", Target: "Hamas (Islamic Resistance Movement)", Type: "organisation", Note: "rules Gaza (since 2007)"}},
		{"روسيا → Russia", Term{Source: "روسيا", Entry: "روسيا", Target: "Russia"}},
	}
	for _, c := range cases {
		got, ok := parseTermNote(c.note)
		if !ok || got != c.want {
			t.Errorf("parseTermNote(%q) = %+v, %v; want %+v", c.note, got, ok, c.want)
		}
	}
}

func TestTermTypesAreTheGlossarys(t *testing.T) {
	if len(termTypes) != len(glossary.Types) {
		t.Errorf("xliff knows %d types of names, the glossary %d", len(termTypes), len(glossary.Types))
	}
	for _, ty := range glossary.Types {
		if !termTypes[ty] {
			t.Errorf("xliff does not know the glossary's type %q", ty)
		}
	}
}
