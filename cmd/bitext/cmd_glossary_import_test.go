package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// TestGlossaryImportCSV imports the two-column CSV form into a new glossary.
func TestGlossaryImportCSV(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "names.csv")
	os.WriteFile(csv, []byte("ar,en\nبوتين,Putin\n\"كيم جونغ أون\",Kim Jong Un\nالجزيرة,الجزيرة\n"), 0o644)
	g := filepath.Join(dir, "glossary.yaml")
	r := runBitext(t, dir, "", "glossary", "import", csv)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(g)
	checkGolden(t, "glossary-import.yaml", data)

	// A second import with a different rendering keeps the glossary's and says so.
	os.WriteFile(csv, []byte("بوتين,Poutine\nموسكو,Moscow\n"), 0o644)
	r = runBitext(t, dir, "", "glossary", "import", csv)
	if r.code != 0 || !strings.Contains(r.stderr, `kept "Putin"`) || !strings.Contains(r.stderr, "imported 1 term") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	// A bad file changes nothing.
	before, _ := os.ReadFile(g)
	os.WriteFile(csv, []byte("بوتين,Putin,x\n"), 0o644)
	if r := runBitext(t, dir, "", "glossary", "import", csv); r.code != 1 || !strings.Contains(r.stderr, "names.csv:1") {
		t.Errorf("bad CSV: exit %d, stderr %s", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(g); string(after) != string(before) {
		t.Error("a failed import changed the glossary")
	}
}

// An imported row with a problem is named by its own file and line, not by
// the glossary being written; a byte order mark (spreadsheets' "CSV UTF-8")
// is not part of the header.
func TestGlossaryImportErrorsNameTheImportedFile(t *testing.T) {
	dir := t.TempDir()
	g := filepath.Join(dir, "glossary.yaml")
	os.WriteFile(g, []byte("terms:\n  - ar: بوتين\n    en: Putin\n"), 0o644)
	for file, src := range map[string]string{
		"b.tsv": "ar\ten\ttype\nكيم\tKim\tperson\nلندن\tLondon\ttown hall\n",
		"b.csv": "ar,en\nكيم,Kim\nMoscow,موسكو\n",
		"v.tsv": "ar\ten\tvariants\nكيم\tKim\t\nلندن\tLondon\tبوتين\n",
	} {
		os.WriteFile(filepath.Join(dir, file), []byte(src), 0o644)
		r := runBitext(t, dir, "", "glossary", "import", "-g", g, file)
		if r.code != 1 || !strings.HasPrefix(r.stderr, "bitext: "+file+":3: ") || strings.Contains(r.stderr, "glossary.yaml:") && file != "v.tsv" {
			t.Errorf("%s: exit %d, stderr %s", file, r.code, r.stderr)
		}
	}
	if r := runBitext(t, dir, "", "glossary", "import", "-g", g, "v.tsv"); !strings.Contains(r.stderr, "glossary.yaml:2") {
		t.Errorf("a clash does not say where the glossary has the term: %s", r.stderr)
	}

	os.WriteFile(filepath.Join(dir, "excel.csv"), []byte("\ufeffar,en\nموسكو,Moscow\n"), 0o644)
	if r := runBitext(t, dir, "", "glossary", "import", "-g", g, "excel.csv"); r.code != 0 || !strings.Contains(r.stderr, "imported 1 term") {
		t.Errorf("CSV with a byte order mark: exit %d, stderr %s", r.code, r.stderr)
	}
	// A term given twice in the imported file: the first row is kept.
	os.WriteFile(filepath.Join(dir, "twice.csv"), []byte("كييف,Kyiv\nكييف,Kiev\n"), 0o644)
	if r := runBitext(t, dir, "", "glossary", "import", "-g", g, "twice.csv"); r.code != 0 || !strings.Contains(r.stderr, `twice.csv:2: كييف: kept "Kyiv" from twice.csv:1, not "Kiev"`) {
		t.Errorf("term twice: exit %d, stderr %s", r.code, r.stderr)
	}
}

// Homographs told apart by context words (عمان, Amman and Oman) survive an
// export and import in the formats that hold context words, and importing
// the file again adds nothing.
func TestGlossaryImportKeepsHomographs(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.yaml")
	os.WriteFile(src, []byte("terms:\n  - ar: عمان\n    en: Amman\n    context: [الأردن]\n  - ar: عُمان\n    en: Oman\n    context: [مسقط]\n"), 0o644)
	for _, format := range []string{"tsv", "tbx"} {
		out := filepath.Join(dir, "g."+format)
		if r := runBitext(t, dir, "", "glossary", "export", "-g", src, "-o", out); r.code != 0 {
			t.Fatalf("export: %s", r.stderr)
		}
		g := filepath.Join(dir, format+".yaml")
		r := runBitext(t, dir, "", "glossary", "import", "-g", g, out)
		if r.code != 0 || !strings.Contains(r.stderr, "imported 2 terms") {
			t.Errorf("%s: exit %d, stderr %s", format, r.code, r.stderr)
		}
		r = runBitext(t, dir, "", "glossary", "import", "-g", g, out)
		if !strings.Contains(r.stderr, "imported 0 terms") || strings.Contains(r.stderr, "kept") {
			t.Errorf("%s imported again: %s", format, r.stderr)
		}
		os.WriteFile(filepath.Join(dir, "muscat.txt"), []byte("وصل الوفد إلى مسقط عاصمة عمان.\n"), 0o644)
		if r := runBitext(t, dir, "", "glossary", "scan", "-g", g, "muscat.txt"); !strings.Contains(r.stdout, "Oman") {
			t.Errorf("%s: after the round trip, عمان beside مسقط is %s", format, r.stdout)
		}
	}
}

// A multilingual termbase's entries with no Arabic term are left out and
// counted; the problems of the others are all told.
func TestGlossaryImportTBXSkipsOtherLanguages(t *testing.T) {
	dir := t.TempDir()
	entry := func(id, langSets string) string { return `<termEntry id="` + id + `">` + langSets + "</termEntry>\n" }
	ls := func(lang, term string) string {
		return `<langSet xml:lang="` + lang + `"><tig><term>` + term + "</term></tig></langSet>"
	}
	head := "<?xml version=\"1.0\"?>\n<martif type=\"TBX\">\n<text><body>\n"
	tail := "</body></text></martif>\n"
	pos := `<langSet xml:lang="en"><tig><term>Beirut</term><termNote type="partOfSpeech">properNoun</termNote></tig></langSet>`
	good := head + entry("a", ls("ar", "دمشق")+strings.Replace(pos, "Beirut", "Damascus", 1)) + entry("b", ls("en", "Paris")+ls("fr", "Paris")) +
		entry("c", ls("ar", "بيروت")+pos+ls("fr", "Beyrouth")) + entry("d", ls("en", "Rome")+ls("it", "Roma")) + tail
	os.WriteFile(filepath.Join(dir, "good.tbx"), []byte(good), 0o644)
	r := runBitext(t, dir, "", "glossary", "import", "good.tbx")
	if r.code != 0 || !strings.Contains(r.stderr, "skipped 2 entries with no Arabic term (first at good.tbx:5)") || !strings.Contains(r.stderr, "imported 2 terms") ||
		!strings.Contains(r.stderr, "bitext: left out of good.tbx, as no glossary field holds them: partOfSpeech (2 entries), terms in fr (1 entry)\n") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	bad := head + entry("a", ls("ar", "دمشق")+ls("en", "Damascus")) + entry("b", ls("en", "Paris")) +
		entry("c", ls("ar", "بيروت")+ls("fr", "Beyrouth")) + entry("d", ls("ar", "Beirut")+ls("en", "بيروت")) + tail
	os.WriteFile(filepath.Join(dir, "bad.tbx"), []byte(bad), 0o644)
	r = runBitext(t, dir, "", "glossary", "import", "-g", "other.yaml", "bad.tbx")
	if r.code != 1 || !strings.Contains(r.stderr, "skipped 1 entry with no Arabic term (first at bad.tbx:5)") ||
		!strings.Contains(r.stderr, "bad.tbx:6: skipped بيروت: no English term (only ar, fr)\n") || !strings.Contains(r.stderr, "bad.tbx:7: ") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	// An Arabic term with no English is no error: the rest is imported.
	fixed := head + entry("a", ls("ar", "دمشق")+ls("en", "Damascus")) + entry("b", ls("en", "Paris")) +
		entry("c", ls("ar", "بيروت")+ls("fr", "Beyrouth")) + entry("d", ls("ar", "حمص")+ls("en", "Homs")) + tail
	os.WriteFile(filepath.Join(dir, "fixed.tbx"), []byte(fixed), 0o644)
	r = runBitext(t, dir, "", "glossary", "import", "-g", "other.yaml", "fixed.tbx")
	if r.code != 0 || !strings.Contains(r.stderr, "fixed.tbx:6: skipped بيروت: no English term (only ar, fr)\n") || !strings.Contains(r.stderr, "imported 2 terms") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
}

// A file with no terms is a failure that says so, and the glossary is not
// touched.
func TestGlossaryImportNoTerms(t *testing.T) {
	dir := t.TempDir()
	for file, src := range map[string]string{
		"empty.csv":   "",
		"empty.tsv":   "",
		"empty.tbx":   "",
		"blank.tbx":   "\ufeff\n  \n",
		"header.csv":  "ar,en\n",
		"header.tsv":  "ar\ten\tnote\n",
		"nobody.tbx":  "<martif><text><body></body></text></martif>\n",
		"english.tbx": `<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>Paris</term></tig></langSet></termEntry></body></text></martif>`,
	} {
		os.WriteFile(filepath.Join(dir, file), []byte(src), 0o644)
		r := runBitext(t, dir, "", "glossary", "import", file)
		if r.code != 1 || !strings.Contains(r.stderr, "bitext: "+file+": no terms\n") {
			t.Errorf("%s: exit %d, stderr %s", file, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "glossary.yaml")); err == nil {
		t.Error("an import of no terms wrote the glossary")
	}
}

// A file whose extension names no format, or stdin, is judged by its
// content: a termbase saved as .xml, Excel's "Unicode Text" (.txt, UTF-16,
// tabs), bitext's own TSV piped in.
func TestGlossaryImportFormatFromContent(t *testing.T) {
	dir := t.TempDir()
	tbx := `<?xml version="1.0"?><martif type="TBX"><text><body><termEntry><langSet xml:lang="ar"><tig><term>دمشق</term></tig></langSet>` +
		`<langSet xml:lang="en"><tig><term>Damascus</term></tig></langSet></termEntry></body></text></martif>`
	os.WriteFile(filepath.Join(dir, "termbase.xml"), []byte(tbx), 0o644)
	text := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune("حلب\tAleppo\r\nحمص\tHoms, Syria\r\n")) {
		text = append(text, byte(u), byte(u>>8))
	}
	os.WriteFile(filepath.Join(dir, "names.txt"), text, 0o644)
	os.WriteFile(filepath.Join(dir, "plain"), []byte("بيروت,Beirut\n"), 0o644)
	for _, file := range []string{"termbase.xml", "names.txt", "plain"} {
		if r := runBitext(t, dir, "", "glossary", "import", file); r.code != 0 || !strings.Contains(r.stderr, "imported") {
			t.Errorf("%s: exit %d, stderr %s", file, r.code, r.stderr)
		}
	}
	r := runBitext(t, dir, "ar\ten\tnote\nطرابلس\tTripoli\tLibya\n", "glossary", "import", "-")
	if r.code != 0 || !strings.Contains(r.stderr, "imported 1 term") {
		t.Errorf("TSV on stdin: exit %d, stderr %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "glossary.yaml"))
	for _, want := range []string{"en: Damascus", "en: Aleppo", "en: Homs, Syria", "en: Beirut", "note: Libya"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("glossary lacks %q:\n%s", want, data)
		}
	}
	// XML that is not a termbase says so.
	os.WriteFile(filepath.Join(dir, "article.xml"), []byte(`<?xml version="1.0"?><xliff version="1.2"/>`), 0o644)
	if r := runBitext(t, dir, "", "glossary", "import", "article.xml"); r.code != 1 || !strings.Contains(r.stderr, "article.xml:1: root element <xliff>") {
		t.Errorf("XLIFF: exit %d, stderr %s", r.code, r.stderr)
	}
}

// An import into a glossary that has some of its terms keeps the glossary's
// entries and names, with the file's line, everything of the file it left
// out; --update takes it into the entries in place.
func TestGlossaryImportIntoExistingEntries(t *testing.T) {
	dir := t.TempDir()
	g := filepath.Join(dir, "glossary.yaml")
	orig := "terms:\n  # Russia\n  - ar: فلاديمير بوتين\n    en: Vladimir Putin\n    type: person\n  - ar: بوتين\n    en: Putin\n  - ar: موسكو\n    en: Moscow\n"
	os.WriteFile(g, []byte(orig), 0o644)
	tsv := "ar\ten\tvariants\ttype\tnote\n" +
		"بوتين\tVladimir Putin\t\tperson\t\n" + // another English
		"فلاديمير بوتين\tVladimir Putin\tفلاديمير بوتن\tperson\tPresident of Russia\n" + // more of the same
		"موسكو\tMoscow\t\t\t\n" + // nothing new
		"لافروف\tSergei Lavrov\t\tperson\t\n" // new
	os.WriteFile(filepath.Join(dir, "names.tsv"), []byte(tsv), 0o644)
	r := runBitext(t, dir, "", "glossary", "import", "names.tsv")
	for _, want := range []string{
		`names.tsv:2: بوتين: kept "Putin" from glossary.yaml:6, not "Vladimir Putin"; left out type person (--update takes them)`,
		`names.tsv:3: فلاديمير بوتين: already at glossary.yaml:3; left out variant "فلاديمير بوتن", note "President of Russia" (--update takes them)`,
		"imported 1 term into glossary.yaml (3 already there)",
	} {
		if r.code != 0 || !strings.Contains(r.stderr, want) {
			t.Errorf("exit %d, stderr lacks %q:\n%s", r.code, want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "names.tsv:4") {
		t.Errorf("a row with nothing new is reported:\n%s", r.stderr)
	}
	data, _ := os.ReadFile(g)
	if !strings.HasPrefix(string(data), orig) {
		t.Errorf("the glossary's entries changed:\n%s", data)
	}

	os.WriteFile(g, []byte(orig), 0o644)
	r = runBitext(t, dir, "", "glossary", "import", "--update", "names.tsv")
	if r.code != 0 || !strings.Contains(r.stderr, `names.tsv:2: بوتين: updated glossary.yaml:6: English "Vladimir Putin" (was "Putin"), type person`) ||
		!strings.Contains(r.stderr, "imported 1 term into glossary.yaml (3 already there, 2 entries updated)") {
		t.Errorf("--update: exit %d, stderr %s", r.code, r.stderr)
	}
	data, _ = os.ReadFile(g)
	want := "terms:\n  # Russia\n  - ar: فلاديمير بوتين\n    en: Vladimir Putin\n    variants: [فلاديمير بوتن]\n    type: person\n    note: President of Russia\n" +
		"  - ar: بوتين\n    en: Vladimir Putin\n    type: person\n  - ar: موسكو\n    en: Moscow\n  - ar: لافروف\n    en: Sergei Lavrov\n    type: person\n"
	if string(data) != want {
		t.Errorf("--update wrote\n%s\nwant\n%s", data, want)
	}
	// Nothing left to take: the file is not written again.
	r = runBitext(t, dir, "", "glossary", "import", "--update", "names.tsv")
	if r.code != 0 || !strings.Contains(r.stderr, "(4 already there, 0 entries updated)") || strings.Contains(r.stderr, "names.tsv:") {
		t.Errorf("second --update: exit %d, stderr %s", r.code, r.stderr)
	}
	// Of two rows for one entry the first updates it; the second is named.
	os.WriteFile(filepath.Join(dir, "twice.csv"), []byte("موسكو,Moskva\nموسكو,Moscou\n"), 0o644)
	r = runBitext(t, dir, "", "glossary", "import", "--update", "twice.csv")
	if r.code != 0 || !strings.Contains(r.stderr, `twice.csv:2: موسكو: kept "Moskva" from twice.csv:1, not "Moscou"`+"\n") {
		t.Errorf("two rows: exit %d, stderr %s", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(g); !strings.Contains(string(data), "  - ar: موسكو\n    en: Moskva\n") {
		t.Errorf("two rows wrote\n%s", data)
	}
}

// Excel on a Windows machine with an Arabic locale saves "CSV" in
// Windows-1256: it is read as such, and said so.
func TestGlossaryImportWindows1256(t *testing.T) {
	dir := t.TempDir()
	src, err := charmap.Windows1256.NewEncoder().String("العربية;الإنجليزية;ملاحظات;;\r\nدمشق;Damascus;\"عاصمة سوريا، أقدم مدينة\";;\r\nحلب;Aleppo – Halab;;;\r\n")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "names.csv"), []byte(src), 0o644)
	r := runBitext(t, dir, "", "glossary", "import", "names.csv")
	if r.code != 0 || !strings.Contains(r.stderr, "names.csv is not UTF-8: read it as Windows-1256 (Arabic)") || !strings.Contains(r.stderr, "imported 2 terms") {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "glossary.yaml"))
	for _, want := range []string{"- ar: دمشق\n    en: Damascus\n    note: عاصمة سوريا، أقدم مدينة\n", "- ar: حلب\n    en: Aleppo – Halab\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("glossary lacks %q:\n%s", want, data)
		}
	}
	// UTF-8 with a stray Latin-1 letter is not taken for Arabic.
	os.WriteFile(filepath.Join(dir, "latin.csv"), []byte("ar,en\nمقهى فلور,Caf\xe9 de Flore\n"), 0o644)
	if r := runBitext(t, dir, "", "glossary", "import", "latin.csv"); r.code != 1 || !strings.Contains(r.stderr, "latin.csv:2: not UTF-8") {
		t.Errorf("Latin-1: exit %d, stderr %s", r.code, r.stderr)
	}
}

// A workbook or a CAT tool's own termbase is named for what it is, with what
// to do, instead of being read as text in some odd encoding.
func TestGlossaryImportWorkbook(t *testing.T) {
	dir := t.TempDir()
	for file, data := range map[string]string{
		"names.xlsx":  "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xee",
		"names.csv":   "PK\x03\x04\x14\x00\x06\x00",
		"old.xls":     "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
		"names.sdltb": "SQLite format 3\x00\x10\x00",
	} {
		os.WriteFile(filepath.Join(dir, file), []byte(data), 0o644)
		r := runBitext(t, dir, "", "glossary", "import", file)
		if r.code != 1 || !strings.Contains(r.stderr, "bitext: "+file+": not a CSV, TSV or TBX file but ") ||
			!strings.Contains(r.stderr, "save it from Excel") && !strings.Contains(r.stderr, "export it from MultiTerm as TBX") {
			t.Errorf("%s: exit %d, stderr %s", file, r.code, r.stderr)
		}
	}
}

// Among homographs told apart by context words, --update changes none on a
// guess when the row has no context words to say which it means.
func TestGlossaryImportUpdateHomographs(t *testing.T) {
	dir := t.TempDir()
	orig := "terms:\n  - ar: عمان\n    en: Amman\n    context: [الأردن]\n  - ar: عُمان\n    en: Oman\n    context: [مسقط]\n"
	os.WriteFile(filepath.Join(dir, "glossary.yaml"), []byte(orig), 0o644)
	os.WriteFile(filepath.Join(dir, "names.csv"), []byte("عمان,Muscat\nعمان,Oman\n"), 0o644)
	r := runBitext(t, dir, "", "glossary", "import", "--update", "names.csv")
	if r.code != 0 || !strings.Contains(r.stderr, `names.csv:1: عمان: not updated: the glossary has "Amman" (glossary.yaml:2) and "Oman" (glossary.yaml:5)`) {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "glossary.yaml")); string(data) != orig {
		t.Errorf("glossary changed:\n%s", data)
	}
}

// Google's glossary CSV has no place for variants: export gives each spelling
// a row with the entry's English, and import reads those rows back as one
// entry; rows of two entries that share an English are judged each against
// the entry the glossary has for it.
func TestGlossaryCSVVariantsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "glossary.yaml")
	os.WriteFile(src, []byte(`terms:
  - ar: إيطاليا
    en: Italy
    variants: [ايطاليا]
  - ar: الولايات المتحدة
    en: United States
    type: place
  - ar: أمريكا
    en: United States
    note: colloquial
`), 0o644)
	if r := runBitext(t, dir, "", "glossary", "export", "-o", "names.csv"); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "names.csv"))
	if want := "إيطاليا,Italy\nايطاليا,Italy\nالولايات المتحدة,United States\nأمريكا,United States\n"; string(data) != want {
		t.Errorf("names.csv:\n%s\nwant\n%s", data, want)
	}
	// Into an empty glossary: one entry for each English.
	r := runBitext(t, dir, "", "glossary", "import", "-g", "new.yaml", "names.csv")
	got, _ := os.ReadFile(filepath.Join(dir, "new.yaml"))
	if r.code != 0 || !strings.Contains(string(got), "variants: [ايطاليا]") || !strings.Contains(string(got), "variants: [أمريكا]") ||
		!strings.Contains(r.stderr, "imported 2 terms") {
		t.Errorf("import into new.yaml: exit %d, %s\n%s", r.code, r.stderr, got)
	}
	// Back into the glossary it came from: everything is there already.
	before, _ := os.ReadFile(src)
	r = runBitext(t, dir, "", "glossary", "import", "names.csv")
	if after, _ := os.ReadFile(src); r.code != 0 || r.stderr != "bitext: read 2 rows of names.csv as other spellings of a term with the same English\nbitext: imported 0 terms into glossary.yaml (3 already there)\n" || string(after) != string(before) {
		t.Errorf("import into glossary.yaml: exit %d, %s\n%s", r.code, r.stderr, after)
	}
	// A glossary that has only the second spelling, with another English:
	// the first is added, the second named with its own row.
	os.WriteFile(filepath.Join(dir, "other.yaml"), []byte("terms:\n  - ar: أمريكا\n    en: America\n"), 0o644)
	r = runBitext(t, dir, "", "glossary", "import", "-g", "other.yaml", "names.csv")
	if r.code != 0 || !strings.Contains(r.stderr, `names.csv:4: أمريكا: kept "America" from other.yaml:2, not "United States"`) ||
		!strings.Contains(r.stderr, "imported 2 terms") {
		t.Errorf("import into other.yaml: exit %d, %s", r.code, r.stderr)
	}
}

// A newsroom writes one English: --lang takes it from a termbase that has
// en-GB and en-US, and the summary says which kind was taken.
func TestGlossaryImportEnglishKind(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "names.csv"), []byte("ar,en-US,en-GB\nحزب العمال,Labor Party,Labour Party\nلندن,London,London\n"), 0o644)
	r := runBitext(t, dir, "", "glossary", "import", "-g", "a.yaml", "names.csv")
	got, _ := os.ReadFile(filepath.Join(dir, "a.yaml"))
	if r.code != 0 || !strings.Contains(r.stderr, "names.csv has English in en-US and en-GB, different in 1 entry: took the first of each entry, en-US in 1; choose one with --lang en-US|en-GB") ||
		!strings.Contains(string(got), "en: Labor Party\n    note: \"Also: Labour Party\"") {
		t.Errorf("import: exit %d, %s\n%s", r.code, r.stderr, got)
	}
	r = runBitext(t, dir, "", "glossary", "import", "-g", "b.yaml", "--lang", "en-GB", "names.csv")
	got, _ = os.ReadFile(filepath.Join(dir, "b.yaml"))
	if r.code != 0 || !strings.Contains(r.stderr, "names.csv has English in en-US and en-GB, different in 1 entry: took en-GB in 1\n") ||
		!strings.Contains(string(got), "en: Labour Party\n    note: \"Also: Labor Party\"") {
		t.Errorf("import --lang en-GB: exit %d, %s\n%s", r.code, r.stderr, got)
	}
	if r := runBitext(t, dir, "", "glossary", "import", "-g", "c.yaml", "--lang", "fr-FR", "names.csv"); r.code != 2 {
		t.Errorf("--lang fr-FR: exit %d, %s", r.code, r.stderr)
	}
}
