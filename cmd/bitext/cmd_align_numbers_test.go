package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// arabic2022 is the sentence of the sample article that gives the year
// North Korea's shells reached Russia.
const arabic2022 = "وكانت واشنطن أعلنت الأسبوع الماضي أن كوريا الشمالية زودت روسيا بصواريخ وقذائف في عام 2022 استخدمتها مجموعة فاغنر في أوكرانيا."

// changedEnglishDir is alignDir with changed.en.txt beside the English
// version: the same text, but the year of the shells given as 2021.
func changedEnglishDir(t *testing.T) string {
	t.Helper()
	dir := alignDir(t)
	data, err := os.ReadFile(filepath.Join(dir, "article.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), "shells in 2022", "shells in 2021", 1)
	if changed == string(data) {
		t.Fatal("the English version no longer says shells in 2022")
	}
	if err := os.WriteFile(filepath.Join(dir, "changed.en.txt"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestAlignSummaryCountsNumberMismatches: the line on stderr says how many
// pairs give other figures, as translate's does, for one pair and for a
// folder; when none do it says nothing of them, and --quiet prints nothing.
func TestAlignSummaryCountsNumberMismatches(t *testing.T) {
	dir := changedEnglishDir(t)
	for _, f := range []string{"beads", "json", "tmx", "html"} {
		r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", f, "-o", "out."+f, "article.txt", "changed.en.txt")
		if r.code != 0 || !regexp.MustCompile(`bitext: wrote out\.`+f+` \(\d+ beads, \d+ low-confidence, 1 number mismatch\)\n$`).MatchString(r.stderr) {
			t.Errorf("%s: exit %d, stderr %q; want the summary to count 1 number mismatch", f, r.code, r.stderr)
		}
	}
	r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "tmx", "-o", "same.tmx", "article.txt", "article.en.txt")
	if r.code != 0 || strings.Contains(r.stderr, "mismatch") || !strings.Contains(r.stderr, "low-confidence)") {
		t.Errorf("same figures: exit %d, stderr %q; want no mismatch counted", r.code, r.stderr)
	}
	r = runBitext(t, dir, "", "align", "--quiet", "--lexicon", "none", "-f", "tmx", "-o", "quiet.tmx", "article.txt", "changed.en.txt")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("--quiet: exit %d, stderr %q; want nothing", r.code, r.stderr)
	}

	for _, d := range []string{"ar", "en"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for from, to := range map[string]string{"article.txt": "ar/a.txt", "changed.en.txt": "en/a.txt"} {
		data, err := os.ReadFile(filepath.Join(dir, from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r = runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "tmx", "--out-dir", "out", "ar", "en")
	if r.code != 0 || !strings.Contains(r.stderr, "low-confidence, 1 number mismatch)") {
		t.Errorf("folders: exit %d, stderr %q; want the summary to count 1 number mismatch", r.code, r.stderr)
	}
}

// TestAlignJSONNumbers: a bead whose English gives another figure says which
// in "numbers"; the others have none.
func TestAlignJSONNumbers(t *testing.T) {
	dir := changedEnglishDir(t)
	for _, tc := range []struct {
		english string
		want    map[string][]string // numbers by the bead's first Arabic sentence
	}{
		{"changed.en.txt", map[string][]string{arabic2022: {"the source's 2022 is 2021 in the translation"}}},
		{"article.en.txt", map[string][]string{}},
	} {
		r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "json", "article.txt", tc.english)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.english, r.code, r.stderr)
		}
		var v struct {
			Beads []struct {
				Source []struct {
					Text string `json:"text"`
				} `json:"source"`
				Numbers []string `json:"numbers"`
			} `json:"beads"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
			t.Fatal(err)
		}
		got := map[string][]string{}
		for _, b := range v.Beads {
			if b.Numbers != nil && len(b.Source) > 0 {
				got[b.Source[0].Text] = b.Numbers
			}
		}
		if len(got) != len(tc.want) || (len(tc.want) > 0 && strings.Join(got[arabic2022], "|") != strings.Join(tc.want[arabic2022], "|")) {
			t.Errorf("%s: beads with numbers %q, want %q", tc.english, got, tc.want)
		}
	}
}

// TestAlignTMXNumberMismatchStaysOutOfTheMemory: a pair whose English gives
// another year is flagged in the TMX, and tm import leaves it out unless
// --all, as it leaves out an uncertain pairing: the memory must not offer
// 2021 for the Arabic's 2022.
func TestAlignTMXNumberMismatchStaysOutOfTheMemory(t *testing.T) {
	dir := changedEnglishDir(t)
	if r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "tmx", "-o", "al.tmx", "article.txt", "changed.en.txt"); r.code != 0 {
		t.Fatalf("align: exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "al.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), `<prop type="x-flag">number-mismatch</prop>`); n != 1 {
		t.Errorf("the TMX flags %d pairs number-mismatch, want 1", n)
	}
	db := filepath.Join(dir, "m.db")
	r := runBitext(t, dir, "", "tm", "import", "--tm", db, "al.tmx")
	if r.code != 0 || !strings.Contains(r.stdout, "1 flagged number-mismatch, which --all imports") {
		t.Errorf("tm import: exit %d, %q; want the pair told as left out", r.code, r.stdout)
	}
	r = runBitext(t, dir, "", "tm", "lookup", "--tm", db, "--json", arabic2022)
	if r.code != 0 || strings.Contains(r.stdout, "2021") {
		t.Errorf("tm lookup: exit %d, the memory holds the pair that gives 2021: %s", r.code, r.stdout)
	}
	if r := runBitext(t, dir, "", "tm", "import", "--all", "--tm", db, "al.tmx"); r.code != 0 || strings.Contains(r.stdout, "number-mismatch") {
		t.Errorf("tm import --all: exit %d, %q; want the flagged pair imported", r.code, r.stdout)
	}
	r = runBitext(t, dir, "", "tm", "lookup", "--tm", db, arabic2022)
	if r.code != 0 || !strings.Contains(r.stdout, "2021") || !strings.Contains(r.stdout, "figures flagged number-mismatch") {
		t.Errorf("tm lookup after --all: exit %d; want the pair, said to be flagged: %s", r.code, r.stdout)
	}
}

// TestAlignXLIFF2DoubtedPairsStayOutOfTheMemory: in XLIFF 2 "reviewed" is an
// approval, so align writes a pair it doubts (other figures, an uncertain
// pairing) as "translated", and tm import leaves it out without --all, as
// from its XLIFF 1.2 and TMX; the pairs it does not doubt stay reviewed.
func TestAlignXLIFF2DoubtedPairsStayOutOfTheMemory(t *testing.T) {
	dir := changedEnglishDir(t)
	if r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "xliff2", "-o", "al.xlf", "article.txt", "changed.en.txt"); r.code != 0 {
		t.Fatalf("align: exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "al.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `state="reviewed"`) {
		t.Error("no pair of the XLIFF 2 is reviewed")
	}
	db := filepath.Join(dir, "m.db")
	if r := runBitext(t, dir, "", "tm", "import", "--tm", db, "al.xlf"); r.code != 0 {
		t.Fatalf("tm import: exit %d: %s", r.code, r.stderr)
	}
	r := runBitext(t, dir, "", "tm", "lookup", "--tm", db, "--json", arabic2022)
	if r.code != 0 || strings.Contains(r.stdout, "2021") {
		t.Errorf("tm lookup: exit %d, the memory holds the pair that gives 2021: %s", r.code, r.stdout)
	}
}
