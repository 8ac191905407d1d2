package glossary

import (
	"reflect"
	"strings"
	"testing"
)

// A quote left open swallows the rows after it: the error names the row where
// it starts, not only the far line where csv noticed.
func TestReadCSVOpenQuoteNamesItsRow(t *testing.T) {
	src := "ar,en\nبوتين,Putin\n\"موسكو,Moscow\nلندن,London\nباريس,Paris\n"
	_, _, err := ReadFormat(strings.NewReader(src), "b.csv", "csv")
	if err == nil || !strings.HasPrefix(err.Error(), "b.csv:3: ") || !strings.Contains(err.Error(), "quote") {
		t.Errorf("error %v, want b.csv:3 and a word about the open quote", err)
	}
	_, _, err = ReadFormat(strings.NewReader("ar,en\nبوتين,Pu\"tin\n"), "c.csv", "csv")
	if err == nil || !strings.HasPrefix(err.Error(), "c.csv:2:") {
		t.Errorf("error %v, want c.csv:2:column", err)
	}
}

// The layouts spreadsheets and Google's glossaries use: semicolons (Excel
// where the comma is the decimal sign), tabs (Excel's "Unicode Text"), a
// header of language codes with pos and description columns, a TSV of two
// columns without a header.
func TestReadLayouts(t *testing.T) {
	three := []Entry{{Ar: "دمشق", En: "Damascus"}, {Ar: "حلب", En: "Aleppo"}, {Ar: "حمص", En: "Homs, Syria"}}
	for _, tc := range []struct {
		name, format, src string
		want              []Entry
	}{
		{"semicolons", "csv", "\ufeffar;en\r\nدمشق;Damascus\r\nحلب;Aleppo\r\nحمص;Homs, Syria\r\n", three},
		{"semicolons, no header", "csv", "دمشق;Damascus\r\nحلب;Aleppo\r\nحمص;Homs, Syria\r\n", three},
		{"semicolon in quotes", "csv", "\"دمشق\";\"Damascus; capital\"\n", []Entry{{Ar: "دمشق", En: "Damascus; capital"}}},
		{"comma after a quoted semicolon", "csv", "\"دمشق;\",Damascus\n", []Entry{{Ar: "دمشق;", En: "Damascus"}}},
		{"tabs", "csv", "دمشق\tDamascus\r\nحلب\tAleppo\r\nحمص\tHoms, Syria\r\n", three},
		{"Google, equivalent term sets", "csv", "ar,en,pos,description\nدمشق,\"Damascus\",noun,capital of Syria\nحلب,\"Aleppo\",noun,\nحمص,\"Homs, Syria\",noun,\n",
			[]Entry{{Ar: "دمشق", En: "Damascus", Note: "capital of Syria"}, three[1], three[2]}},
		{"Google, language codes", "csv", "ar-SA,en-US\nدمشق,\"Damascus\"\nحلب,\"Aleppo\"\nحمص,\"Homs, Syria\"\n", three},
		{"Google, other languages", "csv", "en,fr,ar\nDamascus,Damas,دمشق\nAleppo,Alep,حلب\nHoms, Syria,Homs,حمص\n", nil},
		{"Arabic, English", "csv", "Arabic,English\nدمشق,\"Damascus\"\nحلب,\"Aleppo\"\nحمص,\"Homs, Syria\"\n", three},
		{"TSV without a header", "tsv", "دمشق\tDamascus\nحلب\tAleppo\nحمص\tHoms, Syria\n", three},
		{"TSV, empty header cells", "tsv", "ar\ten\t\t\nدمشق\tDamascus\t\t\n", []Entry{{Ar: "دمشق", En: "Damascus"}}},
		{"TSV, Arabic, English, Notes", "tsv", "Arabic\tEnglish\tNotes\nدمشق\tDamascus\tcapital\n", []Entry{{Ar: "دمشق", En: "Damascus", Note: "capital"}}},
		// Excel on Windows with an Arabic locale: a header in Arabic, semicolons,
		// CRLF, a quoted cell with a comma and a line break, empty columns after.
		{"Excel, Arabic header", "csv", "\ufeffالمصطلح العربي;المقابل الإنجليزي;ملاحظات;النوع;;\r\n" +
			"دمشق;Damascus;\"عاصمة سوريا، أقدم مدينة\r\nمأهولة\";مدينة;;\r\nحلب;Aleppo;;;;\r\n;;;;;\r\n",
			[]Entry{{Ar: "دمشق", En: "Damascus", Note: "عاصمة سوريا، أقدم مدينة\nمأهولة", Type: "place"}, three[1]}},
		// A term kept untranslated is its Arabic twice: a row, not a header.
		{"untranslated first", "csv", "الجزيرة,الجزيرة\nدمشق,Damascus\n", []Entry{{Ar: "الجزيرة", Translate: new(bool)}, three[0]}},
		{"Excel's sep= line", "csv", "\ufeffsep=;\r\nar;en\r\nدمشق;Damascus\r\nحلب;Aleppo\r\nحمص;Homs, Syria\r\n", three},
		{"Excel, no header, empty columns after", "csv", "دمشق;Damascus;;\r\nحلب;Aleppo;;\r\n", three[:2]},
		{"English names with words", "csv", "Arabic term,English translation,Comment\nدمشق,Damascus,\n", three[:1]},
		{"a note and a definition", "csv", "Term;Translation;Definition;Notes\nدمشق;Damascus;capital of Syria;\"checked, 2026\"\nحلب;Aleppo;;\n",
			[]Entry{{Ar: "دمشق", En: "Damascus", Note: "capital of Syria\nchecked, 2026"}, three[1]}},
		// Text copied from an Arabic page carries invisible direction marks.
		{"direction marks", "csv", "\u200fدمشق\u200f,\u200eDamascus\u200e\nحلب\u00a0,\u202aAleppo\u202c\n", three[:2]},
		{"direction marks, TBX", "tbx", "<martif><text><body><termEntry><langSet xml:lang=\"ar\"><tig><term>\u200fدمشق</term></tig></langSet>" +
			"<langSet xml:lang=\"en\"><tig><term>\u2066Damascus\u2069</term></tig></langSet></termEntry></body></text></martif>", three[:1]},
		{"TSV, Arabic header", "tsv", "العربية\tالإنكليزية\tملاحظة\nدمشق\tDamascus\tعاصمة\n", []Entry{{Ar: "دمشق", En: "Damascus", Note: "عاصمة"}}},
	} {
		es, _, err := ReadFormat(strings.NewReader(tc.src), "l."+tc.format, tc.format)
		if tc.want == nil {
			// "Homs, Syria" is three cells here: the error is that row's.
			if err == nil || !strings.HasPrefix(err.Error(), "l.csv:4: 4 columns, the header has 3") {
				t.Errorf("%s: error %v", tc.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var got []Entry
		for _, e := range es {
			e.Line = 0
			got = append(got, *e)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
	for _, tc := range []struct{ format, src, want string }{
		{"tsv", "دمشق\tDamascus\tcapital\n", "l.tsv:1: want 2 columns (Arabic, English) or a header naming the columns, got 3"},
		{"tsv", "ar\ten\ttype\tnte\nدمشق\tDamascus\tplace\tcapital\n", `l.tsv:1: unknown column "nte"`},
		{"tsv", "ar\ten\tArabic\n", "l.tsv:1: columns 1 and 3 are both ar"},
		{"csv", "sep=|\nar|en\nدمشق|Damascus\nMoscow|موسكو\n", `l.csv:4: ar "Moscow": want Arabic script`},
		// A header in Arabic with a name bitext does not know is said to be one.
		{"csv", "الكلمة;الترجمة\nدمشق;Damascus\n", `l.csv:1: unknown column "الكلمة" in the header`},
		{"tsv", "الكلمة\tالترجمة\nدمشق\tDamascus\n", `l.tsv:1: unknown column "الكلمة" in the header`},
		{"tsv", "ar\ten\t\nدمشق\tDamascus\tcapital\n", `l.tsv:2: column 3 holds "capital" but has no name in the header`},
		// Every row's problem is told, not the first only.
		{"tsv", "ar\ten\talways\nدمشق\tDamascus\tsometimes\nحلب\tAleppo\tx\ty\nMoscow\tموسكو\n",
			"l.tsv:2: always: want true, false or nothing, got \"sometimes\"\nl.tsv:3: 4 columns, the header has 3\nl.tsv:4: ar \"Moscow\": want Arabic script"},
	} {
		_, _, err := ReadFormat(strings.NewReader(tc.src), "l."+tc.format, tc.format)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\nerror %v\nwant  %s…", tc.src, err, tc.want)
		}
	}
}

// Google matches a glossary's Arabic exactly: CSV gives every spelling of an
// entry a row of its own, and reads rows of one English back as one entry.
func TestCSVVariantRows(t *testing.T) {
	g, err := Parse("g.yaml", []byte(`terms:
  - ar: إيطاليا
    en: Italy
    variants: [ايطاليا]
  - ar: القاهرة
    en: Cairo
    variants: [القاهره]
  - ar: الجزيرة
    variants: [الجزيره]
    translate: false
`))
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := WriteCSV(&buf, g); err != nil {
		t.Fatal(err)
	}
	want := "إيطاليا,Italy\nايطاليا,Italy\nالقاهرة,Cairo\nالقاهره,Cairo\nالجزيرة,الجزيرة\nالجزيره,الجزيرة\n"
	if buf.String() != want {
		t.Errorf("WriteCSV:\n%s\nwant\n%s", buf.String(), want)
	}
	no := false
	for _, tc := range []struct {
		name, format, src string
		want              []Entry
	}{
		{"as written", "csv", want, []Entry{{Ar: "إيطاليا", En: "Italy", Variants: []string{"ايطاليا"}},
			{Ar: "القاهرة", En: "Cairo", Variants: []string{"القاهره"}}, {Ar: "الجزيرة", Variants: []string{"الجزيره"}, Translate: &no}}},
		// Sorted, as glossary push writes its TSV: a variant may come first.
		{"sorted TSV", "tsv", "الجزيره\tالجزيرة\nالجزيرة\tالجزيرة\nالقاهرة\tCairo\nالقاهره\tCairo\n",
			[]Entry{{Ar: "الجزيرة", Variants: []string{"الجزيره"}, Translate: &no}, {Ar: "القاهرة", En: "Cairo", Variants: []string{"القاهره"}}}},
		// A spelling given twice is one; rows that say other things stay apart.
		{"with notes", "csv", "ar,en,note\nالقاهرة,Cairo,\nالقاهرة,Cairo,\nالقاهره,Cairo,capital of Egypt\nمصر القاهرة,Cairo,the province\n",
			[]Entry{{Ar: "القاهرة", En: "Cairo", Variants: []string{"القاهره"}, Note: "capital of Egypt"}, {Ar: "مصر القاهرة", En: "Cairo", Note: "the province"}}},
		// bitext's TSV says its variants: rows of one English are two entries.
		{"variants column", "tsv", "ar\ten\tvariants\nالقاهرة\tCairo\t\nالقاهره\tCairo\t\n",
			[]Entry{{Ar: "القاهرة", En: "Cairo"}, {Ar: "القاهره", En: "Cairo"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := ReadFormat(strings.NewReader(tc.src), "g."+tc.format, tc.format)
			if err != nil {
				t.Fatal(err)
			}
			var es []Entry
			for _, e := range got {
				e.Line = 0
				es = append(es, *e)
			}
			if !reflect.DeepEqual(es, tc.want) {
				t.Errorf("got  %+v\nwant %+v", es, tc.want)
			}
		})
	}
}

// Google writes a glossary term wherever it occurs: the spellings bitext
// matches only in context stay out of what goes to Google.
func TestForGoogle(t *testing.T) {
	g, err := Parse("g.yaml", []byte(`terms:
  - ar: عمان
    en: Amman
    context: [الأردن]
  - ar: عمان
    en: Oman
    variants: [سلطنة عمان]
    context: [مسقط]
  - ar: المصري
    en: al-Masri
    context: [أبو أيوب]
  - ar: الأمن
    en: Security Service
    always: true
  - ar: القاهرة
    en: Cairo
`))
	if err != nil {
		t.Fatal(err)
	}
	google, held := ForGoogle(g)
	var buf strings.Builder
	if err := WriteCSV(&buf, google); err != nil {
		t.Fatal(err)
	}
	if want := "سلطنة عمان,Oman\nالأمن,Security Service\nالقاهرة,Cairo\n"; buf.String() != want {
		t.Errorf("CSV for Google:\n%s\nwant\n%s", buf.String(), want)
	}
	var got []string
	for _, h := range held {
		got = append(got, h.Form+" "+h.Entry.En)
	}
	if want := []string{"عمان Amman", "عمان Oman", "المصري al-Masri"}; !reflect.DeepEqual(got, want) {
		t.Errorf("withheld %q, want %q", got, want)
	}
	if len(g.Entries) != 5 || g.Entries[1].Ar != "عمان" {
		t.Error("ForGoogle changed the glossary it was given")
	}
}
