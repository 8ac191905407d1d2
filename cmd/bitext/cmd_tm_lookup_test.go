package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tmxOf writes a TMX file of Arabic–English pairs (source, target, source,
// target…) in dir and returns its path.
func tmxOf(t *testing.T, dir, name string, pairs ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="desk" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ar" datatype="plaintext"/><body>
`)
	for i := 0; i+1 < len(pairs); i += 2 {
		fmt.Fprintf(&b, `<tu tuid="t%d" creationdate="202309%02dT100000Z" creationid="omar"><tuv xml:lang="ar"><seg>%s</seg></tuv><tuv xml:lang="en"><seg>%s</seg></tuv></tu>`+"\n",
			i/2+1, i/2+1, pairs[i], pairs[i+1])
	}
	b.WriteString("</body></tmx>\n")
	return writeTestFile(t, dir, name, b.String())
}

// memoryOf makes a memory of the pairs and returns its path.
func memoryOf(t *testing.T, pairs ...string) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	if r := runBitext(t, "", "", "tm", "import", "--tm", db, tmxOf(t, dir, "in.tmx", pairs...)); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	return db
}

// TestTMLookupWarnsOfNumbers: a match that differs in a figure says which,
// and how its translation writes the old one; a long sentence that differs
// only in a figure is not shown as 100%.
func TestTMLookupWarnsOfNumbers(t *testing.T) {
	long := strings.Repeat("وكانت الولايات المتحدة وبريطانيا وكوريا الجنوبية واليابان أعلنت في بيان مشترك ", 3)
	db := memoryOf(t,
		"وقالت وزارة الصحة إن عدد القتلى ارتفع إلى 1250 شخصا.", "The health ministry said the death toll had risen to 1,250.",
		long+"في عام 2022.", "In 2022, the four countries said in a joint statement.")
	r := runBitext(t, "", "", "tm", "lookup", "--tm", db, "وقالت وزارة الصحة إن عدد القتلى ارتفع إلى 987 شخصا.")
	if r.code != 0 || !strings.Contains(r.stdout, "! number 1250 in the memory, 987 here; the translation says 1,250") {
		t.Errorf("lookup: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "tm", "lookup", "--tm", db, long+"في عام 2023.")
	if r.code != 0 || !strings.HasPrefix(r.stdout, " 99%  ") || !strings.Contains(r.stdout, "! number 2022 in the memory, 2023 here; the translation says 2022") {
		t.Errorf("lookup of a long sentence: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "tm", "lookup", "--tm", db, "--json", "وقالت وزارة الصحة إن عدد القتلى ارتفع إلى 987 شخصا.")
	var ms []struct {
		Numbers []struct{ Memory, Text, Target string } `json:"numbers"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &ms); err != nil || len(ms) != 1 || len(ms[0].Numbers) != 1 ||
		ms[0].Numbers[0].Memory != "1250" || ms[0].Numbers[0].Text != "987" || ms[0].Numbers[0].Target != "1,250" {
		t.Errorf("lookup --json: %q: %+v %v", r.stdout, ms, err)
	}
}

// TestTMSearch: tm search shows the pairs holding a word, with the word
// marked, how many hold it and how many are shown; --json says the same.
func TestTMSearch(t *testing.T) {
	db := memoryOf(t,
		"وقال الناطق باسم الكرملين ديمتري بيسكوف.", "Kremlin spokesman Dmitry Peskov said.",
		"وأعلن للكرملين أمس.", "He told the Kremlin yesterday.",
		"وقال مسؤول بالكرملين إن المحادثات مستمرة.", "A Kremlin official said the talks continue.",
		"زار الوفد موسكو.", "The delegation visited Moscow.")
	r := runBitext(t, "", "", "tm", "search", "--tm", db, "--max", "2", "الكرملين")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "3 pairs hold it (2 shown; --max shows more)\n") ||
		!strings.Contains(r.stdout, "وقال مسؤول ب[الكرملين] إن") {
		t.Errorf("search: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "tm", "search", "--tm", db, "--json", "moscow")
	var out struct {
		Total int `json:"total"`
		Pairs []struct {
			ID     int64  `json:"id"`
			Found  string `json:"found"`
			In     string `json:"in"`
			Target string `json:"target"`
		} `json:"pairs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || out.Total != 1 || len(out.Pairs) != 1 ||
		out.Pairs[0].Found != "Moscow" || out.Pairs[0].In != "target" || out.Pairs[0].ID == 0 {
		t.Errorf("search --json: %q: %+v %v", r.stdout, out, err)
	}
	r = runBitext(t, "", "", "tm", "search", "--tm", db, "وموسكو")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "no pair holds وموسكو; searched for موسكو: 1 pair holds it\n") {
		t.Errorf("search with a proclitic: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runBitext(t, "", "", "tm", "search", "--tm", db, "طهران"); r.code != 0 || r.stdout != "no pair holds it\n" {
		t.Errorf("search for nothing: %d %q", r.code, r.stdout)
	}
	if r := runBitext(t, "", "", "tm", "search", "--tm", db); r.code != 2 {
		t.Errorf("search without a term: exit %d", r.code)
	}
	// a phrase typed without quotes is searched as one, and so is a
	// sentence looked up
	r = runBitext(t, "", "", "tm", "search", "--tm", db, "Kremlin", "official")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "1 pair holds it\n") || !strings.Contains(r.stdout, "A [Kremlin official] said") {
		t.Errorf("search Kremlin official: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "tm", "lookup", "--tm", db, "زار", "الوفد", "موسكو.")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "100%") || !strings.Contains(r.stdout, "The delegation visited Moscow.") {
		t.Errorf("lookup of words typed without quotes: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

// TestTMRemoveAndCorrect: a wrong translation found by tm lookup is corrected
// or removed by the id lookup shows, or removed by its source and
// translation; an unknown id is an error that removes nothing.
func TestTMRemoveAndCorrect(t *testing.T) {
	const src = "وقال الناطق باسم الكرملين إن بوتين سيزور بكين."
	db := memoryOf(t,
		src, "The Kremlin spokesman said Putin would visit Tehran.",
		"زار الوفد موسكو.", "The delegation visited Moscow.",
		"زار الوفد موسكو.", "The delegation went to Kyiv.")
	r := runBitext(t, "", "", "tm", "lookup", "--tm", db, src)
	id := regexp.MustCompile(`(?m)^      #(\d+), unit t1`).FindStringSubmatch(r.stdout)
	if id == nil {
		t.Fatalf("lookup shows no id: %q", r.stdout)
	}
	r = runBitext(t, "", "", "tm", "correct", "--tm", db, "--editor", "rana", "#"+id[1], "--target", "The Kremlin spokesman said Putin would visit Beijing.")
	if r.code != 0 || !strings.Contains(r.stdout, "was: The Kremlin spokesman said Putin would visit Tehran.") {
		t.Fatalf("correct: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "tm", "lookup", "--tm", db, "--json", src)
	if !strings.Contains(r.stdout, `"target": "The Kremlin spokesman said Putin would visit Beijing."`) || !strings.Contains(r.stdout, `"state": "final"`) ||
		!strings.Contains(r.stdout, `"creator": "omar"`) || strings.Contains(r.stdout, "Tehran") || !strings.Contains(r.stdout, `"id": `+id[1]) {
		t.Errorf("lookup after correct: %q", r.stdout)
	}
	if r := runBitext(t, "", "", "tm", "remove", "--tm", db, "--source", "زار الوفد موسكو.", "--target", "The delegation went to Moscow."); r.code != 1 ||
		!strings.Contains(r.stderr, "none of the 2 pairs of this source has this translation") {
		t.Errorf("remove of a translation not there: %d %q", r.code, r.stderr)
	}
	r = runBitext(t, "", "", "tm", "remove", "--tm", db, "--source", "زار الوفد موسكو.", "--target", "The delegation went to Kyiv.")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "removed 1 pair:\n") {
		t.Errorf("remove by source: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "tm", "lookup", "--tm", db, "زار الوفد موسكو.")
	if strings.Contains(r.stdout, "Kyiv") || !strings.Contains(r.stdout, "visited Moscow") {
		t.Errorf("lookup after remove: %q", r.stdout)
	}
	if r := runBitext(t, "", "", "tm", "remove", "--tm", db, id[1], "9999"); r.code != 1 || !strings.Contains(r.stderr, "#9999: no such entry") {
		t.Errorf("remove of an unknown id: %d %q", r.code, r.stderr)
	}
	if r := runBitext(t, "", "", "tm", "lookup", "--tm", db, src); !strings.Contains(r.stdout, "Beijing") {
		t.Errorf("an unknown id removed the known one: %q", r.stdout)
	}
	if r := runBitext(t, "", "", "tm", "remove", "--tm", db, "x1"); r.code != 2 {
		t.Errorf("remove x1: exit %d", r.code)
	}
}

// TestTMLookupWarnsOfNames: with a glossary, a match whose names differ from
// the text's says which, paired by kind, and whether its translation has
// the old one.
func TestTMLookupWarnsOfNames(t *testing.T) {
	db := memoryOf(t, "وكان شويغو قال أمس إن موسكو تناقش إجراء تدريبات مشتركة مع كوريا الشمالية.",
		"Shoigu said yesterday that Moscow is discussing joint exercises with North Korea.")
	g := writeTestFile(t, t.TempDir(), "glossary.yaml", `terms:
  - ar: شويغو
    en: Shoigu
    type: person
  - ar: بيسكوف
    en: Peskov
    type: person
  - ar: كوريا الشمالية
    en: North Korea
    type: place
  - ar: كوريا الجنوبية
    en: South Korea
    type: place
`)
	text := "وكان بيسكوف قال أمس إن موسكو تناقش إجراء تدريبات مشتركة مع كوريا الجنوبية."
	r := runBitext(t, "", "", "tm", "lookup", "--tm", db, "--glossary", g, "--min-score", "0.5", text)
	for _, want := range []string{
		"! name شويغو (Shoigu) in the memory, بيسكوف (Peskov) here; the translation says Shoigu\n",
		"! name كوريا الشمالية (North Korea) in the memory, كوريا الجنوبية (South Korea) here; the translation says North Korea\n",
	} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("lookup: %d %q %q; want %q", r.code, r.stdout, r.stderr, want)
		}
	}
	r = runBitext(t, "", "", "tm", "lookup", "--tm", db, "--glossary", g, "--min-score", "0.5", "--json", text)
	if !strings.Contains(r.stdout, `"memory_en": "Shoigu"`) || !strings.Contains(r.stdout, `"text_en": "Peskov"`) {
		t.Errorf("lookup --json: %q", r.stdout)
	}
	// the same name is no change
	if r := runBitext(t, "", "", "tm", "lookup", "--tm", db, "--glossary", g, "وكان شويغو قال أمس إن موسكو تناقش إجراء تدريبات مشتركة مع كوريا الشمالية"); strings.Contains(r.stdout, "! name") {
		t.Errorf("lookup with the same names: %q", r.stdout)
	}
}

// TestTMRemoveArticle: the pairs of a withdrawn article are removed by its
// name, and only they.
func TestTMRemoveArticle(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	a := tmxOf(t, dir, "a.tmx", "زار الوفد موسكو.", "The delegation visited Moscow.", "وقال بيسكوف للصحفيين.", "Peskov told reporters.")
	b := tmxOf(t, dir, "b.tmx", "زار الوفد كييف.", "The delegation visited Kyiv.")
	for _, f := range []struct{ file, article string }{{a, "withdrawn.txt"}, {b, "kept.txt"}} {
		if r := runBitext(t, "", "", "tm", "import", "--tm", db, "--article", f.article, f.file); r.code != 0 {
			t.Fatalf("import: %d %s", r.code, r.stderr)
		}
	}
	r := runBitext(t, "", "", "tm", "remove", "--tm", db, "--article", "withdrawn.txt")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "removed 2 pairs:\n") {
		t.Errorf("remove --article: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "tm", "stats", "--tm", db, "--json")
	if !strings.Contains(r.stdout, `"entries": 1`) {
		t.Errorf("stats after the removal: %q", r.stdout)
	}
	if r := runBitext(t, "", "", "tm", "remove", "--tm", db, "--article", "withdrawn.txt"); r.code != 1 || !strings.Contains(r.stderr, `no pair came from article "withdrawn.txt"`) {
		t.Errorf("second removal: %d %q", r.code, r.stderr)
	}
	if r := runBitext(t, "", "", "tm", "remove", "--tm", db, "--article", "kept.txt", "1"); r.code != 2 {
		t.Errorf("--article with ids: exit %d", r.code)
	}
}
