package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/translate/enginetest"
)

// TestTranslateNumberMismatch: an engine that drops a figure gets the unit
// marked on the page and in the XLIFF, with the figure named, and counted
// in the summary line and the --json report.
func TestTranslateNumberMismatch(t *testing.T) {
	dir := t.TempDir()
	article := "قالت الوزارة إن ١٬٢٥٠ شخصا قتلوا وأصيب 3 آلاف.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	f := &enginetest.Fake{Answer: func(string) string { return "The ministry said 125 people were killed and 3,000 injured." }}
	url := libreServer(t, f)
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", url, "--no-cache", "-o", "-", "a.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"check numbers", "the source&#39;s ١٬٢٥٠ is 125 in the translation"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "the source&#39;s 3") {
		t.Errorf("3 آلاف against 3,000 called a mismatch")
	}
	if !strings.Contains(r.stderr, "0 glossary violations, 1 number mismatch, 0 damaged") {
		t.Errorf("summary line: %q", r.stderr)
	}
	r = runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", url, "--no-cache", "-f", "xliff", "-o", "-", "a.txt")
	for _, want := range []string{`<note from="bitext">number mismatch: the source's ١٬٢٥٠ is 125 in the translation</note>`, ">number-mismatch</note>"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("XLIFF lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", url, "--no-cache", "--json", "-o", "a.html", "a.txt")
	for _, want := range []string{`"number_mismatches": 1`, `"number-mismatch": 1`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--json report lacks %q:\n%s", want, r.stdout)
		}
	}
	// the flag survives JSON → XLIFF 2.1 → JSON
	r = runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", url, "--no-cache", "-q", "-f", "json", "-o", "a.json", "a.txt")
	for _, args := range [][]string{{"-f", "xliff2", "-o", "a.xlf", "a.json"}, {"-f", "json", "-o", "back.json", "a.xlf"}} {
		if r = runBitext(t, dir, "", append([]string{"convert"}, args...)...); r.code != 0 {
			t.Fatalf("convert %v: exit %d: %s", args, r.code, r.stderr)
		}
	}
	back, err := os.ReadFile(filepath.Join(dir, "back.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(back), `"number-mismatch"`) || strings.Count(string(back), "number mismatch: ") != 1 {
		t.Errorf("after JSON → XLIFF → JSON:\n%s", back)
	}
}

// TestPublishRefusesNumberMismatch: an editor who types 2017 for the
// article's 2018 is stopped, with the unit and line named; with
// --allow-number-mismatch the page is written, the unit marked and a warning
// says which figure; review lists it.
func TestPublishRefusesNumberMismatch(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "xliff")
	data, err := os.ReadFile(filepath.Join(dir, "article.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	var id string
	for _, m := range xlUnitID.FindAllStringSubmatchIndex(text, -1) {
		end := strings.Index(text[m[0]:], "</trans-unit>") + m[0]
		u := text[m[0]:end]
		if !strings.Contains(u, "2018") {
			continue
		}
		id = text[m[2]:m[3]]
		edited := xlTarget.ReplaceAllStringFunc(u, func(tg string) string { return strings.Replace(tg, "2018", "2017", 1) })
		text = text[:m[0]] + edited + text[end:]
		break
	}
	if id == "" {
		t.Fatal("no unit with 2018 in the sample")
	}
	if err := os.WriteFile(filepath.Join(dir, "reviewed.xlf"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "publish", "--no-tm", "-o", "page.html", "reviewed.xlf")
	want := "unit " + id + ": number mismatch: the source's 2018 is 2017 in the translation; correct the figure, or publish with --allow-number-mismatch"
	if r.code != 1 || !strings.Contains(r.stderr, want) || strings.Count(r.stderr, "number mismatch") != 1 {
		t.Errorf("publish: exit %d, %q; want 1 and %q", r.code, r.stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "page.html")); err == nil {
		t.Error("page written though publish refused")
	}
	r = runBitext(t, dir, "", "publish", "--no-tm", "--allow-number-mismatch", "-o", "page.html", "reviewed.xlf")
	if r.code != 0 || !strings.Contains(r.stderr, "warning: reviewed.xlf:") || !strings.Contains(r.stderr, "the source's 2018 is 2017 in the translation; published as the editor wrote it") {
		t.Errorf("publish --allow-number-mismatch: exit %d, %q", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(page), `class="flag number-mismatch"`); n != 1 {
		t.Errorf("%d units marked for numbers on the page, want 1", n)
	}
	r = runBitext(t, dir, "", "review", "reviewed.xlf")
	if !strings.Contains(r.stdout, ": number mismatch: the source's 2018 is 2017 in the translation (publish refuses it unless --allow-number-mismatch)") {
		t.Errorf("review:\n%s", r.stdout)
	}
}

// TestAlignNumberMismatch: an English version that gives another toll than
// the Arabic article is flagged pair by pair, the figure named; the pairs
// that agree are not.
func TestAlignNumberMismatch(t *testing.T) {
	dir := t.TempDir()
	ar := "قالت وزارة الصحة إن ١٬٢٥٠ شخصا قتلوا.\nووقع الزلزال في الساعة 10:30 صباحا.\nوخصصت الحكومة 2.5 مليار دولار لإعادة الإعمار.\n"
	en := "The health ministry said 125 people had been killed.\nThe earthquake struck at 10.30 a.m.\nThe government set aside $2.5bn for reconstruction.\n"
	for name, text := range map[string]string{"ar.txt": ar, "en.txt": en} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := runBitext(t, dir, "", "align", "-q", "--segmented", "--lexicon", "none", "-f", "xliff", "-o", "-", "ar.txt", "en.txt")
	if r.code != 0 {
		t.Fatalf("align: exit %d: %s", r.code, r.stderr)
	}
	if n := strings.Count(r.stdout, ">number-mismatch</note>"); n != 1 || !strings.Contains(r.stdout, "number mismatch: the source's ١٬٢٥٠ is 125 in the translation") {
		t.Errorf("%d units flagged, want the toll's alone:\n%s", n, r.stdout)
	}
}
