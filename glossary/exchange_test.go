package glossary

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
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
    variants: [قناة الجزيرة]
    translate: false
  - ar: يونهاب
    en: Yonhap
    translate: true
  - ar: الأمن
    en: Security Service
    always: true
  - ar: كوريا الشمالية
    en: '"North Korea" (DPRK)'
    note: '"The hermit kingdom"'
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
			back, _, err := ReadFormat(&buf, "x."+format, format)
			if err != nil {
				t.Fatalf("%v\n%s", err, buf.String())
			}
			if len(back) != len(g.Entries) {
				t.Fatalf("%d entries back, want %d", len(back), len(g.Entries))
			}
			for i, e := range g.Entries {
				want := *e
				if format == "csv" {
					// CSV holds the spellings and their rendering only.
					want = Entry{Ar: e.Ar, En: e.En, Variants: e.Variants}
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
	es, _, err := ReadCSV(strings.NewReader("ar,en\nبوتين,Putin\n\"موسكو\",\"Moscow\"\n"), "g.csv")
	if err != nil || len(es) != 2 || es[1].En != "Moscow" || es[1].Line != 3 {
		t.Fatalf("ReadCSV = %v, %v", es, err)
	}
	if _, _, err := ReadCSV(strings.NewReader("بوتين,Putin,extra\n"), "g.csv"); err == nil || !strings.Contains(err.Error(), "g.csv:1: want 2 columns") {
		t.Errorf("three columns: err = %v", err)
	}
}

func TestReadTSVErrors(t *testing.T) {
	for src, want := range map[string]string{
		"ar\tcolour\n":                   "g.tsv:1: unknown column \"colour\"",
		"en\nPutin\n":                    "g.tsv:1: no ar column",
		"ar\ten\nبوتين\tPutin\tx\n":      "g.tsv:2: 3 columns",
		"ar\ttranslate\nبوتين\tmaybe\n":  "g.tsv:2: translate",
		"ar\talways\nبوتين\tsometimes\n": "g.tsv:2: always",
	} {
		if _, _, err := ReadTSV(strings.NewReader(src), "g.tsv"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadTSV(%q) error = %v, want %q", src, err, want)
		}
	}
}

// Excel saves a cell holding a quote, tab or line break in quotes, with
// inner quotes doubled, and booleans as TRUE and FALSE.
func TestReadTSVFromExcel(t *testing.T) {
	hdr := "ar\ten\tvariants\ttype\tnote\ttranslate\tcontext\talways\r\n"
	src := hdr +
		"كوريا الشمالية\t\"North Korea \"\"DPRK\"\"\"\t\tplace\t\"multi\r\nline\tnote\"\t\t\t\r\n" +
		"الجزيرة\t\t\tmedia\t\tFALSE\t\tTRUE\r\n" +
		"يونهاب\tYonhap\t\t\t\"Seoul\" agency\tTrue\t\tno\r\n"
	es, _, err := ReadTSV(strings.NewReader(src), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	f, tr := false, true
	want := []Entry{
		{Ar: "كوريا الشمالية", En: `North Korea "DPRK"`, Type: "place", Note: "multi\nline\tnote", Line: 2},
		{Ar: "الجزيرة", Type: "media", Translate: &f, Always: true, Line: 4},
		// A quote that does not close the field is read as it stands.
		{Ar: "يونهاب", En: "Yonhap", Note: `"Seoul" agency`, Translate: &tr, Line: 5},
	}
	if len(es) != len(want) {
		t.Fatalf("%d entries, want %d: %v", len(es), len(want), es)
	}
	for i := range want {
		if !reflect.DeepEqual(*es[i], want[i]) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, *es[i], want[i])
		}
	}
	// bitext writes a field that starts with a quote as Excel would, so
	// that Excel and ReadTSV read it back as it was.
	var b strings.Builder
	if err := WriteTSV(&b, &Glossary{Entries: []*Entry{{Ar: "يونهاب", En: "Yonhap", Note: `"Seoul" agency`}}}); err != nil {
		t.Fatal(err)
	}
	if want := "يونهاب\tYonhap\t\t\t\"\"\"Seoul\"\" agency\"\t\t\t\n"; !strings.HasSuffix(b.String(), want) {
		t.Errorf("WriteTSV wrote\n%q\nwant\n%q", b.String(), want)
	}
}

// Problems of an imported entry name the imported file and the entry's line.
func TestReadFormatErrorsNameTheEntryLine(t *testing.T) {
	tbx := `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX">
  <text>
    <body>
      <termEntry id="t1">
        <langSet xml:lang="ar"><tig><term>بوتين</term></tig></langSet>
        <langSet xml:lang="en"><tig><term>Putin</term></tig></langSet>
      </termEntry>
      <termEntry id="t2">
        <langSet xml:lang="ar"><tig><term>لندن</term></tig></langSet>
        <langSet xml:lang="en"><tig><term>London</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
`
	for _, tc := range []struct{ format, src, want string }{
		{"tsv", "ar\ten\ttype\nبوتين\tPutin\tperson\nلندن\tLondon\ttown hall\n", `b.tsv:3: entry "لندن": unknown type "town hall"`},
		{"csv", "ar,en\nبوتين,Putin\nMoscow,موسكو\n", `b.csv:3: ar "Moscow": want Arabic script`},
		{"tbx", strings.Replace(tbx, "<term>London</term>", "<term>لندن</term>", 1), `b.tbx:9: en "لندن" for "لندن": English rendering contains Arabic letters`},
		{"tbx", "<martif>\n<text>\n<body>\n<termEntry>\n</body>", "b.tbx:5: "},
		{"tbx", "<xliff/>", "b.tbx:1: root element <xliff>, want <martif> (TBX 2) or <tbx> (TBX 3)"},
		{"tbx", "ar,en\n", "b.tbx: no <martif> (TBX 2) or <tbx> (TBX 3) element"},
	} {
		_, _, err := ReadFormat(strings.NewReader(tc.src), "b."+tc.format, tc.format)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s %q:\nerror %v\nwant  %s…", tc.format, tc.src, err, tc.want)
		}
	}
}

// A multilingual termbase has entries with no Arabic term, and Arabic terms
// with no English one: they are left out, each with its line and the
// languages it has, and the problems of the other entries are all reported.
func TestReadTBXSkipsEntriesWithoutArabicOrEnglish(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
<text><body>
<termEntry id="a"><langSet xml:lang="ar"><tig><term>دمشق</term></tig></langSet><langSet xml:lang="en"><tig><term>Damascus</term></tig></langSet></termEntry>
<termEntry id="b"><langSet xml:lang="en"><tig><term>Paris</term></tig></langSet><langSet xml:lang="fr"><tig><term>Paris</term></tig></langSet></termEntry>
<termEntry id="c"><langSet xml:lang="ar-SA"><tig><term>بيروت</term></tig></langSet><langSet xml:lang="fr-FR"><tig><term>Beyrouth</term></tig></langSet></termEntry>
<termEntry id="d"><langSet xml:lang="ar"><tig><term>Beirut</term></tig></langSet><langSet xml:lang="en"><tig><term>بيروت</term></tig></langSet></termEntry>
<termEntry id="e"><langSet xml:lang="en"><tig><term>Rome</term></tig></langSet></termEntry>
<termEntry id="f"><langSet xml:lang="ar"><tig><term>القدس</term><termNote type="transferComment">do not translate</termNote></tig></langSet></termEntry>
</body></text></martif>
`
	_, rep, err := ReadTBX(strings.NewReader(src), "p.tbx")
	want := []Skip{{Line: 5, Langs: []string{"en", "fr"}}, {Line: 6, Ar: "بيروت", Langs: []string{"ar-SA", "fr-FR"}}, {Line: 8, Langs: []string{"en"}}}
	if !reflect.DeepEqual(rep.Skipped, want) {
		t.Errorf("skipped %+v, want %+v", rep.Skipped, want)
	}
	if got := rep.Skipped[1].Why(); got != "no English term (only ar-SA, fr-FR)" {
		t.Errorf("Why() = %q", got)
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 || list[0].Line != 7 || list[1].Line != 7 {
		t.Errorf("want the problems of entry d, got %v", err)
	}
	src = strings.Replace(src, "<term>Beirut</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>بيروت</term>", "<term>حمص</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>Homs</term>", 1)
	es, rep, err := ReadTBX(strings.NewReader(src), "p.tbx")
	if err != nil || len(es) != 3 || len(rep.Skipped) != 3 || es[2].Ar != "القدس" || es[2].Translatable() {
		t.Errorf("without problems: %v, skipped %v, %v", es, rep.Skipped, err)
	}
}

// A spreadsheet row with no English (not yet translated, or only in other
// languages of a Google glossary) or no Arabic is skipped, not an error.
func TestReadCSVSkipsRowsWithoutArabicOrEnglish(t *testing.T) {
	src := "en,ar,fr,pos,description\nGaza,غزة,Gaza,noun,\n,القدس,Jérusalem,noun,\nWest Bank,,Cisjordanie,noun,\nAmman,عمان,,,\n"
	es, rep, err := ReadCSV(strings.NewReader(src), "g.csv")
	want := []Skip{{Line: 3, Ar: "القدس"}, {Line: 4}}
	if err != nil || len(es) != 2 || !reflect.DeepEqual(rep.Skipped, want) {
		t.Errorf("ReadCSV = %v, skipped %+v, %v; want 2 entries, skipped %+v", es, rep.Skipped, err, want)
	}
	if want := map[string]int{"column fr": 1, "column pos": 1}; !reflect.DeepEqual(rep.Unread, want) {
		t.Errorf("unread %v, want %v", rep.Unread, want)
	}
	es, rep, err = ReadTSV(strings.NewReader("ar\ten\ttranslate\nموسكو\t\t\nحماس\t\tfalse\n"), "g.tsv")
	if err != nil || len(es) != 1 || es[0].Ar != "حماس" || !reflect.DeepEqual(rep.Skipped, []Skip{{Line: 2, Ar: "موسكو"}}) {
		t.Errorf("ReadTSV = %v, skipped %+v, %v", es, rep.Skipped, err)
	}
}

// Spreadsheets save UTF-8 with a byte order mark; it is not part of the
// first field, and lines are counted as without it.
func TestReadFormatSkipsByteOrderMark(t *testing.T) {
	for format, src := range map[string]string{
		"csv": "ar,en\nبوتين,Putin\nموسكو,Moscow\n",
		"tsv": "ar\ten\nبوتين\tPutin\nموسكو\tMoscow\n",
		"tbx": "<martif><text><body>\n<termEntry><langSet xml:lang=\"ar\"><tig><term>بوتين</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>Putin</term></tig></langSet></termEntry>\n" +
			"<termEntry><langSet xml:lang=\"ar\"><tig><term>موسكو</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>Moscow</term></tig></langSet></termEntry>\n</body></text></martif>\n",
	} {
		es, _, err := ReadFormat(strings.NewReader("\ufeff"+src), "b."+format, format)
		if err != nil || len(es) != 2 || es[0].Ar != "بوتين" || es[1].En != "Moscow" || es[1].Line != 3 {
			t.Errorf("%s with a byte order mark: %v, %v", format, es, err)
			continue
		}
		bad := strings.Replace(src, "Moscow", "موسكوف", 1)
		if _, _, err := ReadFormat(strings.NewReader("\ufeff"+bad), "b."+format, format); err == nil || !strings.HasPrefix(err.Error(), "b."+format+":3: ") {
			t.Errorf("%s with a byte order mark: error %v, want it at line 3", format, err)
		}
	}
}

// Excel's "Unicode Text" is UTF-16; a file in Windows-1256, the Arabic code
// page, is named as such with the command that converts it.
func TestReadFormatEncodings(t *testing.T) {
	utf16le := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	utf16be := func(s string) []byte {
		b := []byte{0xfe, 0xff}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return b
	}
	for _, tc := range []struct {
		format string
		data   []byte
	}{
		{"csv", utf16le("دمشق,Damascus\r\nحمص,\"Homs, Syria\"\r\n")},
		{"tsv", utf16le("ar\ten\r\nدمشق\tDamascus\r\nحمص\tHoms, Syria\r\n")},
		{"tsv", utf16be("ar\ten\nدمشق\tDamascus\nحمص\tHoms, Syria\n")},
	} {
		es, _, err := ReadFormat(bytes.NewReader(tc.data), "u."+tc.format, tc.format)
		if err != nil || len(es) != 2 || es[0].Ar != "دمشق" || es[1].En != "Homs, Syria" {
			t.Errorf("UTF-16 %s: %v, %v", tc.format, es, err)
		}
	}
	// دمشق and حلب in Windows-1256, the second on line 3.
	for format, src := range map[string]string{
		"csv": "ar,en\r\nDamascus,Damascus\r\n\xcd\xe1\xc8,Aleppo\r\n",
		"tsv": "ar\ten\r\nDamascus\tDamascus\r\n\xcd\xe1\xc8\tAleppo\r\n",
		"tbx": "<martif>\n<text><body>\n<termEntry><langSet xml:lang=\"ar\"><tig><term>\xcd\xe1\xc8</term></tig></langSet></termEntry></body></text></martif>",
	} {
		_, _, err := ReadFormat(strings.NewReader(src), "w."+format, format)
		if err == nil || !strings.HasPrefix(err.Error(), "w."+format+":3: not UTF-8") ||
			!strings.Contains(err.Error(), "Windows-1256") || !strings.Contains(err.Error(), "iconv -f CP1256 -t UTF-8") {
			t.Errorf("%s in Windows-1256: error %v", format, err)
		}
	}
	// Converted with iconv, a TBX still declares the encoding it had.
	tbx := `<?xml version="1.0" encoding="windows-1256"?><martif><text><body><termEntry><langSet xml:lang="ar"><tig><term>حلب</term></tig></langSet>` +
		`<langSet xml:lang="en"><tig><term>Aleppo</term></tig></langSet></termEntry></body></text></martif>`
	if es, _, err := ReadTBX(strings.NewReader(tbx), "c.tbx"); err != nil || len(es) != 1 {
		t.Errorf("converted TBX: %v, %v", es, err)
	}
}

// An imported term that clashes with the glossary or another imported term
// is reported at its own line, naming where the other one is.
func TestCheckAdditions(t *testing.T) {
	g, err := Parse("g.yaml", []byte(editGlossary))
	if err != nil {
		t.Fatal(err)
	}
	es, _, err := ReadTSV(strings.NewReader("ar\ten\tvariants\nكييف\tKyiv\tموسكو\nلندن\tLondon\t\nباريس\tParis\tلندن\n"), "b.tsv")
	if err != nil {
		t.Fatal(err)
	}
	err = g.CheckAdditions("b.tsv", es)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("want 2 errors, got %v", err)
	}
	if got, want := list[0].Error(), `b.tsv:2: variant "موسكو" of "كييف" is already the term at g.yaml:9`; !strings.HasPrefix(got, want) {
		t.Errorf("got  %s\nwant %s…", got, want)
	}
	if got, want := list[1].Error(), `b.tsv:4: variant "لندن" of "باريس" is already the term at line 3`; !strings.HasPrefix(got, want) {
		t.Errorf("got  %s\nwant %s…", got, want)
	}
	if err := g.CheckAdditions("b.tsv", es[1:2]); err != nil {
		t.Errorf("a new term: %v", err)
	}
}

// Term bases from CAT tools write terms as ntig (memoQ, MultiTerm) as well as
// tig, definitions as descrip, MultiTerm in UTF-16; TBX 3 has conceptEntry,
// langSec and termSec.
func TestReadTBXFromCATTools(t *testing.T) {
	tr := false
	for file, want := range map[string][]Entry{
		"memoq.tbx": {
			{Ar: "عبد الفتاح السيسي", En: "Abdel Fattah el-Sisi", Variants: []string{"السيسى"}, Type: "person",
				Note: "President of Egypt since 2014", Line: 16},
			{Ar: "قناة السويس", En: "Suez Canal", Line: 43},
			{Ar: "تميم بن حمد", En: "Tamim bin Hamad", Note: "Spelling of the Emir's office\nRuler of Qatar", Line: 59},
		},
		"multiterm.tbx": {
			{Ar: "مسعود البارزاني", En: "Masoud Barzani", Note: "Iraqi Kurdish politician", Line: 12},
		},
		"tbx3-basic.tbx": {
			{Ar: "كردستان", En: "Kurdistan", Variants: []string{"كوردستان"}, Type: "place", Note: "Region of northern Iraq", Line: 13},
			{Ar: "الجزيرة", Translate: &tr, Line: 34},
		},
	} {
		f, err := os.Open(filepath.Join("testdata", "tbx", file))
		if err != nil {
			t.Fatal(err)
		}
		es, _, err := ReadTBX(f, file)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if len(es) != len(want) {
			t.Errorf("%s: %d entries, want %d", file, len(es), len(want))
			continue
		}
		for i := range want {
			if !reflect.DeepEqual(*es[i], want[i]) {
				t.Errorf("%s entry %d:\n got %+v\nwant %+v", file, i, *es[i], want[i])
			}
		}
	}
}

// The main term is the full form wherever it stands; in TBX 3's DCT style
// data categories are elements of their own.
func TestReadTBXMainTerm(t *testing.T) {
	src := `<tbx style="dct" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic"><text><body>
<conceptEntry id="x"><min:subjectField>person</min:subjectField>
<langSec xml:lang="ar"><termSec><term>السيسى</term><basic:termType>variant</basic:termType></termSec>
<termSec><term>السيسي</term></termSec>
<termSec><term>عبد الفتاح السيسي</term><basic:termType>fullForm</basic:termType></termSec></langSec>
<langSec xml:lang="en"><basic:definition>President of Egypt</basic:definition><termSec><term>Sisi</term><basic:termType>shortForm</basic:termType></termSec>
<termSec><term>Abdel Fattah el-Sisi</term></termSec></langSec></conceptEntry></body></text></tbx>`
	es, _, err := ReadTBX(strings.NewReader(src), "x.tbx")
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{Ar: "عبد الفتاح السيسي", En: "Abdel Fattah el-Sisi", Variants: []string{"السيسى", "السيسي"},
		Type: "person", Note: "President of Egypt\nAlso: Sisi", Line: 2}
	wantOneEntry(t, es, want)
}

// What MultiTerm and memoQ termbases say in fields of their own is read: a
// Status or Usage of Forbidden, a descrip of type Subject or Note, notes on
// a term; and the English terms not chosen are kept in the note, the
// forbidden ones apart, so that nothing of the entry is lost.
func TestReadTBXFromTermbaseFields(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c12">
<descripGrp><descrip type="Subject">Organization</descrip></descripGrp>
<descripGrp><descrip type="Note">Spelling agreed with the Beirut desk</descrip></descripGrp>
<langSet xml:lang="AR"><tig><term>حزب الله</term><descripGrp><descrip type="Status">Preferred</descrip></descripGrp></tig></langSet>
<langSet xml:lang="EN-GB">
<tig><term>Hizbullah</term><termNote type="Usage">Forbidden</termNote></tig>
<tig><term>Hezbollah</term><note>Use Hezbollah on first reference</note><termNote type="partOfSpeech">noun</termNote></tig>
<tig><term>Hizb Allah</term><termNote type="termType">variant</termNote></tig>
</langSet>
<langSet xml:lang="en-US"><tig><term>Hezbollah</term></tig><tig><term>Party of God</term></tig></langSet>
<langSet xml:lang="fr"><tig><term>Hezbollah</term><note>ignored: French</note></tig></langSet>
</termEntry>
</body></text></martif>
`
	es, rep, err := ReadTBX(strings.NewReader(src), "m.tbx")
	if err != nil {
		t.Fatal(err)
	}
	// What no field keeps is counted, not dropped unsaid.
	if want := map[string]int{"partOfSpeech": 1, "terms in fr": 1}; !reflect.DeepEqual(rep.Unread, want) {
		t.Errorf("unread %v, want %v", rep.Unread, want)
	}
	want := Entry{Ar: "حزب الله", En: "Hezbollah", Type: "organisation",
		Note: "Spelling agreed with the Beirut desk\nUse Hezbollah on first reference\nAlso: Hizb Allah; Party of God\nNot: Hizbullah", Line: 3}
	wantOneEntry(t, es, want)
}

// A deprecated or superseded term never names the entry while a preferred
// or admitted one can; a deprecated Arabic spelling is still a variant.
func TestReadTBXAdministrativeStatus(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="e1">
<descrip type="subjectField">person</descrip>
<langSet xml:lang="ar"><tig><term>أردوغان</term></tig></langSet>
<langSet xml:lang="en">
<tig><term>Erdoğan</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
<tig><term>Erdogan</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
</langSet>
</termEntry>
<termEntry id="e2">
<langSet xml:lang="ar">
<tig><term>الأسد</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
<tig><term>بشار الأسد</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
</langSet>
<langSet xml:lang="en"><tig><term>Bashar al-Assad</term></tig></langSet>
</termEntry>
<termEntry id="e3">
<langSet xml:lang="ar-SA">
<ntig><termGrp><term>حزب الله اللبناني</term><termNote type="termType">fullForm</termNote><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig>
<ntig><termGrp><term>حزب الله</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
</langSet>
<langSet xml:lang="en-US">
<ntig><termGrp><term>Hizbollah</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
<ntig><termGrp><term>Hezbollah</term></termGrp></ntig>
</langSet>
</termEntry>
<termEntry id="e4">
<langSet xml:lang="ar"><tig><term>غزة</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Ghazza</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></tig></langSet>
</termEntry>
</body></text></martif>
`
	es, _, err := ReadTBX(strings.NewReader(src), "s.tbx")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Ar: "أردوغان", En: "Erdogan", Type: "person", Note: "Not: Erdoğan", Line: 3},
		{Ar: "بشار الأسد", En: "Bashar al-Assad", Variants: []string{"الأسد"}, Line: 11},
		{Ar: "حزب الله", En: "Hezbollah", Variants: []string{"حزب الله اللبناني"}, Note: "Not: Hizbollah", Line: 18},
		// With nothing better, a deprecated term is still the rendering.
		{Ar: "غزة", En: "Ghazza", Line: 28},
	}
	if len(es) != len(want) {
		t.Fatalf("%d entries, want %d", len(es), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(*es[i], want[i]) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, *es[i], want[i])
		}
	}
	// TBX 3 in DCT style names the category by its element.
	dct := `<tbx style="dct" xmlns:min="http://www.tbxinfo.net/ns/min"><text><body><conceptEntry id="c1">
<langSec xml:lang="ar"><termSec><term>أردوغان</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>Erdoğan</term><min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>
<termSec><term>Erdogan</term></termSec></langSec></conceptEntry></body></text></tbx>`
	if es, _, err := ReadTBX(strings.NewReader(dct), "d.tbx"); err != nil || len(es) != 1 || es[0].En != "Erdogan" {
		t.Errorf("DCT style: %v, %v", es, err)
	}
}

// Arabic is tagged ar, ar-EG, ara or arb (ISO 639-3's Standard Arabic).
func TestReadTBXArabicTags(t *testing.T) {
	for _, tag := range []string{"ar", "AR", "ar-EG", "ar_SA", "ara", "arb", "ARB-EG"} {
		src := `<martif><text><body><termEntry><langSet xml:lang="` + tag + `"><tig><term>القاهرة</term></tig></langSet>` +
			`<langSet xml:lang="eng"><tig><term>Cairo</term></tig></langSet></termEntry></body></text></martif>`
		es, rep, err := ReadTBX(strings.NewReader(src), "l.tbx")
		if err != nil || len(es) != 1 || es[0].Ar != "القاهرة" || len(rep.Skipped) != 0 {
			t.Errorf("xml:lang %q: %v, skipped %v, %v", tag, es, rep.Skipped, err)
		}
	}
	for _, tag := range []string{"arc", "fa", "ur", "a"} {
		if isArabic(tag) {
			t.Errorf("isArabic(%q)", tag)
		}
	}
}

// An empty file holds no entries in every format; what to make of that is
// the caller's business.
func TestReadFormatEmpty(t *testing.T) {
	for _, format := range Formats {
		for _, src := range []string{"", "\ufeff", "\n \r\n"} {
			es, rep, err := ReadFormat(strings.NewReader(src), "e."+format, format)
			if len(es) != 0 || len(rep.Skipped) != 0 || err != nil {
				t.Errorf("%s %q: %v, %v, %v", format, src, es, rep.Skipped, err)
			}
		}
	}
}

func TestDetectFormat(t *testing.T) {
	for src, want := range map[string]string{
		"":                                "csv",
		"ar,en\nدمشق,Damascus\n":          "csv",
		"دمشق;Damascus\n":                 "csv",
		"ar\ten\nدمشق\tDamascus\n":        "tsv",
		"\ufeff\r\nدمشق\tDamascus\r\n":    "tsv",
		"دمشق,Damascus\nحمص\tHoms\n":      "csv",
		"<?xml version=\"1.0\"?>\n<tbx/>": "tbx",
		"\ufeff\n  <martif>":              "tbx",
		"\xff\xfe<\x00m\x00":              "tbx",
		"\xff\xfea\x00\t\x00b\x00":        "tsv",
	} {
		if got := DetectFormat([]byte(src)); got != want {
			t.Errorf("DetectFormat(%q) = %s, want %s", src, got, want)
		}
	}
}

// A crafted TBX nesting elements by the million would take the reader's
// stack and memory: nesting deeper than any TBX dialect needs is an error
// naming the entry's line, inside an entry or around it.
func TestReadTBXRefusesDeepNesting(t *testing.T) {
	deep := strings.Repeat("<a>", 5000) + strings.Repeat("</a>", 5000)
	for name, src := range map[string]string{
		"entry":  "<martif><text><body>\n<termEntry><langSet xml:lang=\"ar\"><tig><term>دمشق" + deep + "</term></tig></langSet></termEntry></body></text></martif>",
		"around": "<martif><text>\n" + deep + "<body/></text></martif>",
	} {
		_, _, err := ReadTBX(strings.NewReader(src), "deep.tbx")
		var e *Error
		if !errors.As(err, &e) || e.Line != 2 || !strings.Contains(err.Error(), "nested deeper than 256") {
			t.Errorf("%s: %v; want deep.tbx:2: elements nested deeper than 256", name, err)
		}
	}
}

// encoding/xml reads a start tag whole, at fifteen times its size: an
// element with more attributes than any TBX dialect gives one is an error
// naming its line, inside an entry or around it.
func TestReadTBXRefusesManyAttributes(t *testing.T) {
	many := strings.Repeat(` a=""`, 100000)
	for name, src := range map[string]string{
		"entry":  "<martif><text><body>\n<termEntry><langSet xml:lang=\"ar\"><tig><term" + many + ">دمشق</term></tig></langSet></termEntry></body></text></martif>",
		"around": "<martif><text>\n<body" + many + "/></text></martif>",
	} {
		_, _, err := ReadTBX(strings.NewReader(src), "many.tbx")
		var e *Error
		if !errors.As(err, &e) || e.Line != 2 || !strings.Contains(err.Error(), "more than 1000 attributes") {
			t.Errorf("%s: %v; want many.tbx:2: an element with more than 1000 attributes", name, err)
		}
	}
}

// Text nested deep in an entry is kept once, not once per level: a 1 MB
// text 200 levels down took 200 MB to read.
func TestReadTBXKeepsNestedTextOnce(t *testing.T) {
	src := "<martif><text><body><termEntry><langSet xml:lang=\"ar\"><tig><term>دمشق</term></tig></langSet>" +
		strings.Repeat("<a>", 200) + strings.Repeat("x", 1<<20) + strings.Repeat("</a>", 200) + "</termEntry></body></text></martif>"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, _, err := ReadTBX(strings.NewReader(src), "deep.tbx"); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 40<<20 {
		t.Errorf("reading a 1 MB file allocated %d MB", got>>20)
	}
}

func FuzzReadFormats(f *testing.F) {
	f.Add("ar,en\nبوتين,Putin\n")
	f.Add("ar\ten\tvariants\nبوتين\tPutin\tپوتین | بوتن\n")
	f.Add(`<martif type="TBX"><text><body><termEntry><langSet xml:lang="ar"><tig><term>بوتين</term></tig></langSet></termEntry></body></text></martif>`)
	f.Add("ar\ten\tnote\nكوريا\t\"Korea \"\"DPRK\"\"\"\t\"two\r\nlines\"\n")
	f.Add("ar-SA;en-US;pos\r\n\"دمشق\";Damascus;noun\r\n")
	f.Add("sep=;\r\nالمصطلح العربي;المقابل الإنجليزي;ملاحظات;;\r\nدمشق;Damascus;;;\r\n")
	f.Add(`<martif><text><body><termEntry><descripGrp><descrip type="Subject">Organization</descrip></descripGrp><langSet xml:lang="AR"><tig><term>حزب الله</term></tig></langSet><langSet xml:lang="EN"><tig><term>Hizbullah</term><termNote type="Usage">Forbidden</termNote><note>x</note></tig><tig><term>Hezbollah</term></tig></langSet></termEntry></body></text></martif>`)
	f.Add("الجزيره,الجزيرة\nالجزيرة,الجزيرة\nالقاهرة,Cairo\nالقاهره,Cairo\n")
	f.Add("ar,en-US,en-GB,note\nحزب العمال,Labor Party,Labour Party,x\nلندن,,London,\n")
	// shapes of hostile files: entities, an external DTD, deep nesting
	f.Add(`<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><martif><text><body><termEntry><langSet xml:lang="ar"><tig><term>&b;</term></tig></langSet></termEntry></body></text></martif>`)
	f.Add(`<!DOCTYPE martif SYSTEM "file:///etc/passwd"><martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&xxe;</term></tig></langSet></termEntry></body></text></martif>`)
	f.Add(`<martif><text><body><termEntry>` + strings.Repeat("<langSet>", 300) + `</termEntry></body></text></martif>`)
	f.Fuzz(func(t *testing.T, s string) {
		for _, format := range Formats {
			ReadFormat(strings.NewReader(s), "f", format)
			ReadOptions{English: "en-GB"}.Read(strings.NewReader(s), "f", format)
		}
		ReadFormat(strings.NewReader(s), "f", DetectFormat([]byte(s)))
	})
}

func TestImportMapsOtherToolsTypes(t *testing.T) {
	tbx := `<martif type="TBX"><text><body>
<termEntry><descrip type="subjectField">Politics</descrip>
<langSet xml:lang="ar"><tig><term>بوتين</term></tig></langSet><langSet xml:lang="en"><tig><term>Putin</term></tig></langSet></termEntry>
<termEntry><descrip type="subjectField">Organization</descrip>
<langSet xml:lang="ar"><tig><term>حماس</term></tig></langSet><langSet xml:lang="en"><tig><term>Hamas</term></tig></langSet></termEntry>
</body></text></martif>`
	es, _, err := ReadFormat(strings.NewReader(tbx), "b.tbx", "tbx")
	if err != nil {
		t.Fatal(err)
	}
	if es[0].Type != "" || es[0].Note != "Subject: Politics" {
		t.Errorf("subject field Politics: type %q note %q, want no type and the subject kept in the note", es[0].Type, es[0].Note)
	}
	if es[1].Type != "organisation" {
		t.Errorf("subject field Organization: type %q, want organisation", es[1].Type)
	}
	// What is read back is written and read the same way.
	var b strings.Builder
	if err := WriteTBX(&b, &Glossary{Entries: es}); err != nil {
		t.Fatal(err)
	}
	again, _, err := ReadFormat(strings.NewReader(b.String()), "c.tbx", "tbx")
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Note != es[0].Note || again[1].Type != es[1].Type {
		t.Errorf("round trip: %+v %+v", again[0], again[1])
	}
	es, _, err = ReadFormat(strings.NewReader("ar\ten\ttype\nبوتين\tPutin\tPerson\nلندن\tLondon\tLocation\n"), "b.tsv", "tsv")
	if err != nil {
		t.Fatal(err)
	}
	if es[0].Type != "person" || es[1].Type != "place" {
		t.Errorf("tsv types Person, Location: got %q, %q", es[0].Type, es[1].Type)
	}
}

// wantOneEntry checks that es is the one entry want.
func wantOneEntry(t *testing.T, es []*Entry, want Entry) {
	t.Helper()
	if len(es) != 1 || !reflect.DeepEqual(*es[0], want) {
		for _, e := range es {
			t.Logf("got %+v", *e)
		}
		t.Fatalf("want %+v", want)
	}
}

// A termbase with British and American English: the kind asked for is the
// English wherever the entry has it, the other kind goes to the note, and the
// report says what was taken where they differ.
func TestReadEnglishKinds(t *testing.T) {
	const tbx = `<martif type="TBX"><text><body>
<termEntry id="1">
  <langSet xml:lang="ar"><tig><term>وزارة الدفاع</term></tig></langSet>
  <langSet xml:lang="en-US"><tig><term>Ministry of Defense</term></tig></langSet>
  <langSet xml:lang="en-GB"><tig><term>Ministry of Defence</term></tig></langSet>
</termEntry>
<termEntry id="2">
  <langSet xml:lang="ar"><tig><term>لندن</term></tig></langSet>
  <langSet xml:lang="en_gb"><tig><term>London</term></tig></langSet>
  <langSet xml:lang="en-US"><tig><term>London</term></tig></langSet>
</termEntry>
<termEntry id="3">
  <langSet xml:lang="ar"><tig><term>مركز التجارة العالمي</term></tig></langSet>
  <langSet xml:lang="en-US"><tig><term>World Trade Center</term></tig></langSet>
</termEntry>
</body></text></martif>`
	const csv = "ar,en-US,en-GB\nوزارة الدفاع,Ministry of Defense,Ministry of Defence\nلندن,London,London\nمركز التجارة العالمي,World Trade Center,\n"
	for _, tc := range []struct {
		format, src, want string
		wantEn            []string
		wantNote          string
		choice            EnglishChoice
	}{
		{"tbx", tbx, "", []string{"Ministry of Defense", "London", "World Trade Center"}, "Also: Ministry of Defence",
			EnglishChoice{Kinds: []string{"en-US", "en-GB"}, Differ: 1, Taken: map[string]int{"en-US": 1}}},
		{"tbx", tbx, "en-GB", []string{"Ministry of Defence", "London", "World Trade Center"}, "Also: Ministry of Defense",
			EnglishChoice{Kinds: []string{"en-US", "en-GB"}, Wanted: "en-GB", Differ: 1, Taken: map[string]int{"en-GB": 1}, Without: 1}},
		{"tbx", tbx, "eng-gb", []string{"Ministry of Defence", "London", "World Trade Center"}, "Also: Ministry of Defense",
			EnglishChoice{Kinds: []string{"en-US", "en-GB"}, Wanted: "eng-gb", Differ: 1, Taken: map[string]int{"en-GB": 1}, Without: 1}},
		{"csv", csv, "", []string{"Ministry of Defense", "London", "World Trade Center"}, "Also: Ministry of Defence",
			EnglishChoice{Kinds: []string{"en-US", "en-GB"}, Differ: 1, Taken: map[string]int{"en-US": 1}}},
		{"csv", csv, "en-GB", []string{"Ministry of Defence", "London", "World Trade Center"}, "Also: Ministry of Defense",
			EnglishChoice{Kinds: []string{"en-US", "en-GB"}, Wanted: "en-GB", Differ: 1, Taken: map[string]int{"en-GB": 1}, Without: 1}},
	} {
		t.Run(tc.format+" "+tc.want, func(t *testing.T) {
			es, rep, err := ReadOptions{English: tc.want}.Read(strings.NewReader(tc.src), "b."+tc.format, tc.format)
			if err != nil {
				t.Fatal(err)
			}
			var en []string
			for _, e := range es {
				en = append(en, e.En)
			}
			if !reflect.DeepEqual(en, tc.wantEn) || es[0].Note != tc.wantNote || es[1].Note != "" {
				t.Errorf("English %q, notes %q, %q; want %q, %q", en, es[0].Note, es[1].Note, tc.wantEn, tc.wantNote)
			}
			if rep.English == nil || !reflect.DeepEqual(*rep.English, tc.choice) {
				t.Errorf("report %+v, want %+v", rep.English, tc.choice)
			}
		})
	}
}
