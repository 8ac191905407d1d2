package glossary

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const editGlossary = `# People
terms:
  # first
  - ar: بوتين
    en: Putin   # short form
    type: person

  # Places
  - ar: موسكو
    en: Moscow
  - ar: عمان
    en: Amman
    context: [الأردن]
  - ar: عُمان
    en: Oman
    context: [مسقط]
`

func TestAppendEntry(t *testing.T) {
	f := false
	out, err := AppendEntries("g.yaml", []byte(editGlossary), &Entry{Ar: "الجزيرة", En: "Al Jazeera", Type: "media", Variants: []string{"قناة الجزيرة"}, Note: "Qatari channel: news", Translate: &f})
	if err != nil {
		t.Fatal(err)
	}
	want := editGlossary + `  - ar: الجزيرة
    en: Al Jazeera
    variants: [قناة الجزيرة]
    type: media
    note: "Qatari channel: news"
    translate: false
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if _, err := AppendEntries("g.yaml", []byte(editGlossary), &Entry{Ar: "موسكو", En: "Moskva"}); err == nil || !strings.Contains(err.Error(), "g.yaml:17: duplicate term") {
		t.Errorf("duplicate: err = %v", err)
	}
	for src, want := range map[string]string{
		"":                  "terms:\n  - ar: بوتين\n    en: Putin\n",
		"# c\n":             "# c\nterms:\n  - ar: بوتين\n    en: Putin\n",
		"terms: []\n":       "terms:\n  - ar: بوتين\n    en: Putin\n",
		"terms:\n- ar: x\n": "",
		// the plain form, read without the YAML tree: indent, byte order mark and line ends kept
		"terms:\n    - ar: موسكو\n      en: Moscow\n":     "terms:\n    - ar: موسكو\n      en: Moscow\n    - ar: بوتين\n      en: Putin\n",
		"\ufeffterms:\r\n  - ar: موسكو\r\n    en: Moscow": "\ufeffterms:\r\n  - ar: موسكو\r\n    en: Moscow\r\n  - ar: بوتين\r\n    en: Putin\r\n",
	} {
		out, err := AppendEntries("g.yaml", []byte(src), &Entry{Ar: "بوتين", En: "Putin"})
		if want == "" {
			if err == nil {
				t.Errorf("AppendEntry to %q: want an error", src)
			}
			continue
		}
		if err != nil || string(out) != want {
			t.Errorf("AppendEntry to %q = %q, %v; want %q", src, out, err, want)
		}
	}
}

// A file that is not YAML is reported at the line of the problem.
func TestAppendEntryToBrokenFile(t *testing.T) {
	_, err := AppendEntries("g.yaml", []byte("terms:\n  - ar: بوتين\n    en: [Putin\n  - ar: موسكو\n"), &Entry{Ar: "كييف", En: "Kyiv"})
	if err == nil || !strings.HasPrefix(err.Error(), "g.yaml:3: did not find expected ',' or ']'") {
		t.Errorf("err = %v", err)
	}
}

func TestRemoveEntry(t *testing.T) {
	out, e, err := RemoveEntry("g.yaml", []byte(editGlossary), "بوتين", "")
	if err != nil {
		t.Fatal(err)
	}
	if e.En != "Putin" {
		t.Errorf("removed %+v", e)
	}
	want := strings.Replace(editGlossary, "  - ar: بوتين\n    en: Putin   # short form\n    type: person\n", "", 1)
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	// The last entry, found through a spelling variant.
	out, _, err = RemoveEntry("g.yaml", []byte(editGlossary), "عمان", "Oman")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSuffix(editGlossary, "  - ar: عُمان\n    en: Oman\n    context: [مسقط]\n"); string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if _, _, err := RemoveEntry("g.yaml", []byte(editGlossary), "عمان", ""); err == nil || !strings.Contains(err.Error(), "say which") {
		t.Errorf("homographs: err = %v", err)
	}
	if _, _, err := RemoveEntry("g.yaml", []byte(editGlossary), "باريس", ""); err == nil || !strings.Contains(err.Error(), "not in the glossary") {
		t.Errorf("missing: err = %v", err)
	}
	// The term is there with another English rendering: not "not in the glossary".
	for _, tc := range []struct{ term, en, want string }{
		{"بوتين", "Wrong", `g.yaml:4: "بوتين" is in the glossary with the English rendering "Putin", not "Wrong"`},
		{"عمان", "Muscat", `g.yaml: "عمان" is in the glossary with the English rendering "Amman" (line 11) or "Oman" (line 14), not "Muscat"`},
	} {
		if _, _, err := RemoveEntry("g.yaml", []byte(editGlossary), tc.term, tc.en); err == nil || err.Error() != tc.want || errors.Is(err, ErrNotFound) {
			t.Errorf("%s --en %s: err = %v\nwant %s", tc.term, tc.en, err, tc.want)
		}
	}
}

// A glossary with Windows line ends gets its new entries with the same.
func TestAppendEntriesKeepsCRLF(t *testing.T) {
	data := []byte("# names\r\nterms:\r\n  - ar: بوتين\r\n    en: Putin\r\n")
	out, err := AppendEntries("g.yaml", data, &Entry{Ar: "موسكو", En: "Moscow"})
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(out, []byte("\n")); bytes.Count(out, []byte("\r\n")) != n || !bytes.HasPrefix(out, data) {
		t.Errorf("line ends mixed or old lines changed:\n%q", out)
	}
}

// The clash that check reports (the same term twice) is fixed by removing
// one of the two entries.
func TestRemoveEntryFixesDuplicate(t *testing.T) {
	data := []byte("terms:\n  - ar: موسكو\n    en: Moscow\n  - ar: موسكو\n    en: Moskva\n")
	if _, err := Parse("g.yaml", data); err == nil {
		t.Fatal("the duplicate is not reported")
	}
	out, removed, err := RemoveEntry("g.yaml", data, "موسكو", "Moskva")
	if err != nil {
		t.Fatal(err)
	}
	if removed.En != "Moskva" {
		t.Errorf("removed %+v", removed)
	}
	if g, err := Parse("g.yaml", out); err != nil || len(g.Entries) != 1 || g.Entries[0].En != "Moscow" {
		t.Errorf("after removal: %v, %v\n%s", g, err, out)
	}
}

// YAML reads U+2028 and U+2029 as line breaks: written bare, a note holding
// one would break the file for the next edit while Parse still accepted it.
func TestAppendEntryQuotesUnicodeLineSeparators(t *testing.T) {
	for _, sep := range []string{"\u2028", "\u2029"} {
		note := "first" + sep + "second"
		out, err := AppendEntries("g.yaml", []byte(editGlossary), &Entry{Ar: "لافروف", En: "Lavrov", Note: note, Context: []string{"روسيا" + sep + "موسكو"}})
		if err != nil {
			t.Fatalf("%U: %v", []rune(sep)[0], err)
		}
		g, err := Parse("g.yaml", out)
		if err != nil {
			t.Fatalf("%U: %v", []rune(sep)[0], err)
		}
		if e := g.Entries[len(g.Entries)-1]; e.Note != note || len(e.Context) != 1 {
			t.Errorf("%U: note %q, context %q", []rune(sep)[0], e.Note, e.Context)
		}
		if _, err := AppendEntries("g.yaml", out, &Entry{Ar: "شويغو", En: "Shoigu"}); err != nil {
			t.Errorf("%U: the next edit: %v", []rune(sep)[0], err)
		}
	}
}

// A file written by hand with a bare U+2028 is read as yaml reads it.
func TestParseUnicodeLineSeparatorAsYAML(t *testing.T) {
	data := "terms:\n  - ar: بوتين\n    en: Putin\n    note: a\u2028b\n"
	_, err := Parse("g.yaml", []byte(data))
	_, yerr := documentNode("g.yaml", []byte(data))
	if (err == nil) != (yerr == nil) {
		t.Errorf("Parse: %v; yaml: %v", err, yerr)
	}
}

// Items written with the dash on a line of its own lose their dash with them,
// and the next item keeps its own.
func TestRemoveEntryDashOnItsOwnLine(t *testing.T) {
	data := "terms:\n  -\n    ar: بوتين\n    en: Putin\n  - # the capital\n    ar: موسكو\n    en: Moscow\n  -\n    ar: روسيا\n    en: Russia\n"
	for _, tc := range []struct{ term, want string }{
		{"بوتين", "terms:\n  - # the capital\n    ar: موسكو\n    en: Moscow\n  -\n    ar: روسيا\n    en: Russia\n"},
		{"موسكو", "terms:\n  -\n    ar: بوتين\n    en: Putin\n  -\n    ar: روسيا\n    en: Russia\n"},
		{"روسيا", "terms:\n  -\n    ar: بوتين\n    en: Putin\n  - # the capital\n    ar: موسكو\n    en: Moscow\n"},
	} {
		out, _, err := RemoveEntry("g.yaml", []byte(data), tc.term, "")
		if err != nil || string(out) != tc.want {
			t.Errorf("remove %s: %v\ngot\n%s\nwant\n%s", tc.term, err, out, tc.want)
		}
	}
}

// Text that is not UTF-8 cannot be written as YAML: strconv-style escapes
// would read back as other letters (\xff as ÿ). It is refused.
func TestCheckAdditionsRefusesInvalidUTF8(t *testing.T) {
	g, err := Parse("g.yaml", []byte(editGlossary))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []*Entry{
		{Ar: "روسيا", En: "Ru\xffssia"},
		{Ar: "روسيا", En: "Russia", Note: "bad \xc8\xe6"},
		{Ar: "روسيا", En: "Russia", Variants: []string{"روسي\xffا"}},
		{Ar: "روسيا", En: "Russia", Context: []string{"\xe4"}},
	} {
		err := g.CheckAdditions("glossary add", []*Entry{e})
		if err == nil || !strings.Contains(err.Error(), "not UTF-8") {
			t.Errorf("%+v: err = %v", e, err)
		}
	}
}

// An entry replaced in place keeps its place, the comments around it and
// those inside it, and the file's line ends.
func TestReplaceEntries(t *testing.T) {
	src := "# names\r\nterms:\r\n  # people\r\n  - ar: بوتين\r\n    # checked\r\n    en: Putin  # short\r\n\r\n  # places\r\n  - ar: موسكو\r\n    en: Moscow\r\n"
	out, err := ReplaceEntries("g.yaml", []byte(src), map[int]*Entry{
		4: {Ar: "بوتين", En: "Vladimir Putin", Variants: []string{"بوتن"}},
		9: {Ar: "موسكو", En: "Moscow", Type: "place"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "# names\r\nterms:\r\n  # people\r\n    # checked\r\n  - ar: بوتين\r\n    en: Vladimir Putin\r\n    variants: [بوتن]\r\n\r\n  # places\r\n  - ar: موسكو\r\n    en: Moscow\r\n    type: place\r\n"
	if string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	// A replacement that clashes with another entry changes nothing.
	if _, err := ReplaceEntries("g.yaml", []byte(src), map[int]*Entry{9: {Ar: "موسكو", En: "Moscow", Variants: []string{"بوتين"}}}); err == nil {
		t.Error("a variant that is another entry's term was written")
	}
	if _, err := ReplaceEntries("g.yaml", []byte(src), map[int]*Entry{5: {Ar: "موسكو", En: "Moscow"}}); err == nil || !strings.Contains(err.Error(), "g.yaml:5: no entry starts here") {
		t.Errorf("line 5: %v", err)
	}
}
