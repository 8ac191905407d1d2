package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/review"
)

// articleEnglish is a newsroom's English of testdata/article.txt, one entry
// per translatable unit in document order (from testdata/align/article.en.txt).
var articleEnglish = []string{
	"A senior White House official warned on Tuesday that North Korea would face consequences if it supplied Russia with weapons for its war against Ukraine.",
	`"North Korea will pay a price for this in the international community," National Security Adviser Jake Sullivan told reporters.`,
	`Sullivan acknowledged that he could not say which weapons might be delivered, adding that "this remains an open question about the type and quality of the equipment that could be delivered", and stressed that it said a great deal about Russia, which now has to turn to a country like North Korea to shore up its defence capabilities.`,
	"Putin-Kim summit",
	"In a related development, the Kremlin on Tuesday declined to confirm a possible upcoming summit between Russian President Vladimir Putin and North Korean leader Kim Jong Un that US officials expect to take place.",
	`"No, we cannot confirm that," Kremlin spokesman Dmitry Peskov said when asked whether Kim would meet Putin soon, adding: "We have nothing to say on this matter."`,
	`The White House announced on Monday that the North Korean leader intends to hold talks with Putin in Russia as part of the "arms negotiations" under way between the two countries to supply Moscow with North Korean weapons.`,
	`"As we have warned publicly, arms negotiations between Russia and the DPRK are actively advancing," said Adrienne Watson, spokeswoman for the US National Security Council.`,
	`"We have information that Kim Jong Un expects these discussions to continue, to include leader-level diplomatic engagement in Russia," she told the media.`,
	`Last Wednesday, National Security Council spokesman John Kirby voiced concern about the rapid progress of these negotiations over future arms shipments from Pyongyang to Moscow, and called on the North Korean authorities to "cease" the discussions.`,
	`Kirby revealed that "these potential deals would result in Russia receiving significant quantities" of weapons, especially artillery ammunition, as well as raw materials for its defence industry.`,
	`For her part, US Ambassador to the United Nations Linda Thomas-Greenfield said the weapons "will be used against Ukraine".`,
	"According to The New York Times, Kim Jong Un is expected to travel to Vladivostok on Russia's eastern coast by armoured train later this September to meet Putin.",
	"An official at South Korea's Ministry of Unification said several factors pointed to progress in talks between Pyongyang and Moscow on future arms deliveries.",
	`"Any form of cooperation between North Korea and neighbouring countries must be carried out in a manner that does not violate international norms and peace," he added.`,
	"The North Korean leader rarely travels abroad. Besides his trips to Singapore and Vietnam in 2018 and 2019 for meetings with former US President Donald Trump, Kim has made four visits to China. He also met Putin in Vladivostok in 2019.",
	"Artillery shells and missiles",
	"The New York Times reported that Putin wants to obtain artillery shells and anti-tank missiles from North Korea, while Kim wants advanced satellite and submarine technology as well as food aid.",
	"Washington announced last week that North Korea had supplied Russia with rockets and shells in 2022 that were used by the Wagner group in Ukraine.",
	`On Monday, the White House again denounced the visit of Russian Defence Minister Sergei Shoigu to North Korea at the end of July, where he attended a military parade alongside Kim Jong Un, calling it "an attempt to persuade Pyongyang to sell artillery ammunition to Russia".`,
	"Shoigu said on Monday that Moscow was discussing joint exercises with North Korea.",
	`"Why not? These are our neighbours," Shoigu was quoted as saying by the Interfax news agency. "There is an old Russian saying: you don't choose your neighbours, and it is better to live with your neighbours in peace and harmony."`,
	"South Korea's Yonhap news agency reported on Monday, citing the South Korean intelligence service, that Shoigu had proposed to North Korean leader Kim Jong Un that the two countries hold naval exercises together with China.",
	"Sanctions on three entities",
	"In a joint statement at the United Nations last week, the United States, Britain, South Korea and Japan said any agreement to increase bilateral cooperation between Russia and North Korea would violate UN Security Council resolutions banning arms deals with Pyongyang, resolutions that Moscow itself supported.",
	"The four countries added that after Shoigu's visit to Pyongyang, another group of Russian officials travelled to North Korea to follow up on talks about buying weapons.",
	"In August, Washington imposed sanctions on three entities accused of trying to facilitate arms sales between North Korea and Russia.",
	"The entities turned out to be linked to a Slovak national whom the US Treasury Department had sanctioned in March for facilitating arms sales between Pyongyang and Moscow, according to the Treasury.",
	"According to the same source, Russia is facing a shortage of ammunition and losses of heavy equipment in Ukraine, forcing it to turn to its main allies for help.",
}

// gistReviewed translates the sample article with the gist engine and
// returns the folder and the file's text with the ids of its drafted units.
func gistReviewed(t *testing.T) (string, string, []string) {
	t.Helper()
	privateMemory(t)
	dir := sampleDir(t)
	text, _ := gistXLIFF(t, dir)
	var ids []string
	for _, m := range xlUnitID.FindAllStringSubmatchIndex(text, -1) {
		end := strings.Index(text[m[0]:], "</trans-unit>") + m[0]
		if strings.Contains(text[m[0]:end], "alt-trans") {
			ids = append(ids, text[m[2]:m[3]])
		}
	}
	if len(ids) != len(articleEnglish) {
		t.Fatalf("%d drafted units, want %d", len(ids), len(articleEnglish))
	}
	return dir, text, ids
}

// withTargets writes text with the given targets (escaped) in place of the
// drafts, in unit order, as reviewed.xlf.
func withTargets(t *testing.T, dir, text string, ids, targets []string) {
	t.Helper()
	for i, id := range ids {
		s := strings.Index(text, `<trans-unit id="`+id+`"`)
		e := strings.Index(text[s:], "</trans-unit>") + s
		esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(targets[i])
		u := xlTarget.ReplaceAllLiteralString(text[s:e], `<target xml:lang="en" state="translated">`+esc+`</target>`)
		text = text[:s] + u + text[e:]
	}
	if err := os.WriteFile(filepath.Join(dir, "reviewed.xlf"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func shiftsOf(t *testing.T, dir string) []review.Shift {
	t.Helper()
	r := runBitext(t, dir, "", "review", "--json", "-q", "reviewed.xlf")
	if r.code != 0 {
		t.Fatalf("review: exit %d: %s", r.code, r.stderr)
	}
	var rep review.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	return rep.Shifts
}

// TestReviewLeavesOrdinaryEditsAlone: the newsroom's English in place of
// the gist, then shortened, then its words reordered, holds no shift.
func TestReviewLeavesOrdinaryEditsAlone(t *testing.T) {
	dir, text, ids := gistReviewed(t)
	edits := map[string]func(string) string{
		"rewrite": func(s string) string { return s },
		"shorten": func(s string) string {
			w := strings.Fields(s)
			return strings.Join(w[:(len(w)+1)/2], " ")
		},
		"reorder": func(s string) string {
			w := strings.Fields(s)
			for i, j := 0, len(w)-1; i < j; i, j = i+1, j-1 {
				w[i], w[j] = w[j], w[i]
			}
			return strings.Join(w, " ")
		},
		"shorten the end": func(s string) string {
			w := strings.Fields(s)
			return strings.Join(w[len(w)/2:], " ")
		},
	}
	for name, fn := range edits {
		targets := make([]string, len(articleEnglish))
		for i, s := range articleEnglish {
			targets[i] = fn(s)
		}
		withTargets(t, dir, text, ids, targets)
		if s := shiftsOf(t, dir); len(s) > 0 {
			t.Errorf("%s: %d shifts reported, want none: %+v", name, len(s), s)
		}
	}
}

// TestReviewFindsShiftedTranslations: two sentences' English in one unit
// with the next left empty or repeating its own, and every translation
// moved one unit up, are reported naming both units; publish refuses them
// until --allow-shifted.
func TestReviewFindsShiftedTranslations(t *testing.T) {
	dir, text, ids := gistReviewed(t)
	for _, k := range []int{0, 5, 9, 12, 17, 24, 26} {
		for _, dup := range []bool{false, true} {
			targets := append([]string(nil), articleEnglish...)
			targets[k] = articleEnglish[k] + " " + articleEnglish[k+1]
			targets[k+1] = ""
			if dup {
				targets[k+1] = articleEnglish[k+1]
			}
			withTargets(t, dir, text, ids, targets)
			s := shiftsOf(t, dir)
			if len(s) != 1 || s[0].Unit != ids[k] || s[0].Other != ids[k+1] || !s[0].Own {
				t.Errorf("unit %d holding %d too (next repeated %v): shifts %+v", k, k+1, dup, s)
			}
		}
	}
	// unit 9's English deleted: every later translation moves one unit up
	targets := append(append([]string(nil), articleEnglish[:9]...), articleEnglish[10:]...)
	targets = append(targets, "")
	withTargets(t, dir, text, ids, targets)
	s := shiftsOf(t, dir)
	got := map[string]bool{}
	for _, x := range s {
		got[x.Unit] = true
	}
	missed := 0
	for k := 9; k < len(ids)-1; k++ {
		if !got[ids[k]] {
			missed++
		}
	}
	if !got[ids[9]] || missed > 3 || len(s) > len(ids)-9 {
		t.Errorf("shift up from unit 9: %d of %d units found, %d shifts: %+v", len(ids)-10-missed, len(ids)-10, len(s), s)
	}

	r := runBitext(t, dir, "", "review", "reviewed.xlf")
	if !strings.Contains(r.stdout, ids[9]+"  edited") || !strings.Contains(r.stdout, "the translation of the next unit, "+ids[10]+" (line ") ||
		!strings.Contains(r.stdout, "shifted: ") {
		t.Errorf("text report does not name the shift:\n%s", r.stdout)
	}
	if r := runBitext(t, dir, "", "review", "--html", "report.html", "reviewed.xlf"); r.code != 0 {
		t.Fatalf("review --html: exit %d: %s", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<a href="#`+ids[10]+`">`) || !strings.Contains(string(page), "Shifted translations") {
		t.Error("HTML report does not name the shift")
	}
	r = runBitext(t, dir, "", "publish", "--no-tm", "reviewed.xlf")
	if r.code != 1 || !strings.Contains(r.stderr, "unit "+ids[9]+": ") || !strings.Contains(r.stderr, ids[10]) || !strings.Contains(r.stderr, "--allow-shifted") {
		t.Errorf("publish of a shifted file: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "reviewed.html")); err == nil {
		t.Error("a refused publish wrote the page")
	}
	if r := runBitext(t, dir, "", "publish", "--no-tm", "--allow-shifted", "--allow-number-mismatch", "reviewed.xlf"); r.code != 0 {
		t.Errorf("publish --allow-shifted: exit %d: %s", r.code, r.stderr)
	}
}

// TestReviewFindsTranslationsMovedDown: a sentence the translator added in
// unit 9 pushes every later translation one unit down; those units are
// reported as holding the previous unit's translation.
func TestReviewFindsTranslationsMovedDown(t *testing.T) {
	dir, text, ids := gistReviewed(t)
	targets := append(append([]string(nil), articleEnglish[:9]...), "Officials gave no further details.")
	targets = append(targets, articleEnglish[9:len(articleEnglish)-1]...)
	withTargets(t, dir, text, ids, targets)
	s := shiftsOf(t, dir)
	got := map[string]review.Shift{}
	for _, x := range s {
		got[x.Unit] = x
	}
	if x, ok := got[ids[10]]; !ok || !x.Before || x.Other != ids[9] {
		t.Errorf("unit 10 holding unit 9's translation: shifts %+v", s)
	}
	missed := 0
	for k := 10; k < len(ids); k++ {
		if x, ok := got[ids[k]]; !ok || !x.Before || x.Other != ids[k-1] {
			missed++
		}
	}
	if missed > 3 || len(s) > len(ids)-10 {
		t.Errorf("shift down from unit 10: %d of %d units found, %d shifts: %+v", len(ids)-10-missed, len(ids)-10, len(s), s)
	}
	r := runBitext(t, dir, "", "review", "reviewed.xlf")
	if !strings.Contains(r.stdout, "the translation of the previous unit, "+ids[9]+" (line ") {
		t.Errorf("text report does not name the shift:\n%s", r.stdout)
	}
	if r := runBitext(t, dir, "", "publish", "--no-tm", "reviewed.xlf"); r.code != 1 || !strings.Contains(r.stderr, "unit "+ids[10]+": ") {
		t.Errorf("publish of a file shifted down: exit %d: %s", r.code, r.stderr)
	}
}
