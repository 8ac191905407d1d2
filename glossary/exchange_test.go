package glossary

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

const exchangeGlossary = `terms:
  - ar: فلاديمير بوتين
    en: Vladimir Putin
    variants: [فلاديمير پوتين, فلادیمیر بوتين]
    type: person
    note: "President of Russia,\tsince 2000 | \"quoted\"\nsecond line"
  - ar: عمان
    en: Amman
    type: place
    context: [الأردن, الأردنية]
  - ar: عُمان
    en: Oman
    context: [مسقط]
  - ar: الجزيرة
    translate: false
  - ar: يونهاب
    en: Yonhap
    translate: true
  - ar: الأمن
    en: Security Service
    always: true
`

// TestRoundTrip writes the glossary in each format and reads it back: what
// the format can hold comes back unchanged.
func TestRoundTrip(t *testing.T) {
	g, err := Parse("g.yaml", []byte(exchangeGlossary))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteFormat(&buf, format, g); err != nil {
				t.Fatal(err)
			}
			back, err := ReadFormat(&buf, "x."+format, format)
			if err != nil {
				t.Fatalf("%v\n%s", err, buf.String())
			}
			if len(back) != len(g.Entries) {
				t.Fatalf("%d entries back, want %d", len(back), len(g.Entries))
			}
			for i, e := range g.Entries {
				want := *e
				if format == "csv" {
					// CSV holds the term and its rendering only.
					want = Entry{Ar: e.Ar, En: e.En}
					if !e.Translatable() {
						want.Translate = e.Translate
					}
				}
				got := *back[i]
				got.Line, want.Line = 0, 0
				if !reflect.DeepEqual(got, want) {
					t.Errorf("entry %d:\n got %+v\nwant %+v", i, got, want)
				}
			}
		})
	}
}

func TestReadCSV(t *testing.T) {
	es, err := ReadCSV(strings.NewReader("ar,en\nبوتين,Putin\n\"موسكو\",\"Moscow\"\n"), "g.csv")
	if err != nil || len(es) != 2 || es[1].En != "Moscow" || es[1].Line != 3 {
		t.Fatalf("ReadCSV = %v, %v", es, err)
	}
	if _, err := ReadCSV(strings.NewReader("بوتين,Putin,extra\n"), "g.csv"); err == nil || !strings.Contains(err.Error(), "g.csv:1: want 2 columns") {
		t.Errorf("three columns: err = %v", err)
	}
}

func TestReadTSVErrors(t *testing.T) {
	for src, want := range map[string]string{
		"ar\tcolour\n":                "g.tsv:1: unknown column \"colour\"",
		"en\nPutin\n":                 "g.tsv:1: no ar column",
		"ar\ten\nبوتين\tPutin\tx\n":   "g.tsv:2: 3 columns",
		"ar\ttranslate\nبوتين\tyes\n": "g.tsv:2: translate",
		"ar\talways\nبوتين\tyes\n":    "g.tsv:2: always",
	} {
		if _, err := ReadTSV(strings.NewReader(src), "g.tsv"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadTSV(%q) error = %v, want %q", src, err, want)
		}
	}
}

func FuzzReadFormats(f *testing.F) {
	f.Add("ar,en\nبوتين,Putin\n")
	f.Add("ar\ten\tvariants\nبوتين\tPutin\tپوتین | بوتن\n")
	f.Add(`<martif type="TBX"><text><body><termEntry><langSet xml:lang="ar"><tig><term>بوتين</term></tig></langSet></termEntry></body></text></martif>`)
	f.Fuzz(func(t *testing.T, s string) {
		for _, format := range Formats {
			ReadFormat(strings.NewReader(s), "f", format)
		}
	})
}
