package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bitext/figures"
	"bitext/internal/testenv"
	"bitext/segment"
	"bitext/translate"
	"bitext/xliff"
)

// reviewDraftEngine writes one English sentence per Arabic sentence, naming
// the glossary terms it was given and keeping its figures, so that the
// review commands have machine drafts to compare with.
type reviewDraftEngine struct{}

func (reviewDraftEngine) Name() string             { return "test-draft" }
func (reviewDraftEngine) Limits() translate.Limits { return translate.Limits{} }
func (reviewDraftEngine) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		var sents []string
		for k, ss := range segment.Sentences(s.Text, "ar") {
			sent := fmt.Sprintf("Draft sentence %c", 'A'+k) // a letter: numbers are checked
			for _, n := range figureRE.FindAllString(placeholderRE.ReplaceAllString(ss.Text, ""), -1) {
				sent += " in " + n
			}
			for _, n := range figures.Words(ss.Text) { // ثلاثة: 3
				sent += " in " + n.Values[0]
			}
			// protected names come as placeholders: keep them for the pipeline to restore
			for _, p := range placeholderRE.FindAllString(ss.Text, -1) {
				sent += " about " + p
			}
			sents = append(sents, sent+".")
		}
		out[i] = strings.Join(sents, " ")
	}
	return out, nil
}

var (
	placeholderRE = regexp.MustCompile(`⟦[^⟦⟧]*⟧`)
	figureRE      = regexp.MustCompile(`[0-9]+`)
)

func init() {
	translate.Register(translate.Registration{
		Name:        "test-draft",
		Description: "test engine of the review commands",
		New:         func(translate.Config) (translate.Engine, error) { return reviewDraftEngine{}, nil },
	})
}

// xliffCheck runs ../shared/tools/xliff-check on path and fails the test on
// anything but a PASS verdict. It skips when the tool cannot run at all.
func xliffCheck(t *testing.T, path string) string {
	t.Helper()
	tool := testenv.Shared(t, "tools", "xliff-check")
	out, err := exec.Command(tool, path).CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	verdict := lines[len(lines)-1]
	if !strings.HasPrefix(verdict, "VERDICT:") {
		t.Skipf("xliff-check could not run: %v\n%s", err, out)
	}
	if err != nil {
		t.Fatalf("xliff-check %s:\n%s", filepath.Base(path), out)
	}
	return verdict
}

// draftedXLIFF translates the sample in a fresh folder with the test engine
// and returns the folder.
func draftedXLIFF(t *testing.T, args ...string) string {
	t.Helper()
	dir := sampleDir(t)
	r := runBitext(t, dir, "", append([]string{"translate", "--engine", "test-draft"}, append(args, "article.txt")...)...)
	if r.code != 0 {
		t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
	}
	return dir
}

var (
	xlTarget = regexp.MustCompile(`(?s)(<target xml:lang="en" state=[^>]*>)(.*?)(</target>)`)
	xlUnitID = regexp.MustCompile(`<trans-unit id="([^"]+)"`)
)

// editReviewed edits article.xlf as an editor would and saves it as
// reviewed.xlf: new words in the first drafted unit, an <x/> in the second,
// the third split in two by the tool. It returns the edited units' ids.
func editReviewed(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "article.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	var ids []string
	for _, m := range xlUnitID.FindAllStringSubmatchIndex(text, -1) {
		end := strings.Index(text[m[0]:], "</trans-unit>") + m[0]
		if xlTarget.MatchString(text[m[0]:end]) && strings.Contains(text[m[0]:end], "alt-trans") {
			ids = append(ids, text[m[2]:m[3]])
		}
		if len(ids) == 3 {
			break
		}
	}
	edit := func(id string, fn func(string) string) {
		s := strings.Index(text, `<trans-unit id="`+id+`"`)
		e := strings.Index(text[s:], "</trans-unit>") + s + len("</trans-unit>")
		text = text[:s] + fn(text[s:e]) + text[e:]
	}
	edit(ids[0], func(u string) string {
		return xlTarget.ReplaceAllString(u, "${1}The editor's <g id=\"b\">own</g> words &amp; more.${3}")
	})
	edit(ids[1], func(u string) string { return xlTarget.ReplaceAllString(u, `${1}<x id="1"/>${2}${3}`) })
	edit(ids[2], func(u string) string {
		src := regexp.MustCompile(`(?s)<source>(.*?)</source>`).FindStringSubmatch(u)[1]
		w := strings.Fields(src)
		k := len(w) / 2
		return fmt.Sprintf(`<trans-unit id="%[1]s_1"><source>%[2]s</source><target state="translated">First half.</target></trans-unit>`+
			`<trans-unit id="%[1]s_2"><source>%[3]s</source><target state="translated">Second half.</target></trans-unit>`,
			ids[2], strings.Join(w[:k], " "), strings.Join(w[k:], " "))
	})
	if err := os.WriteFile(filepath.Join(dir, "reviewed.xlf"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestTranslateWritesCheckedXLIFF(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		file string
	}{
		{"xliff 1.2", []string{"--format", "xliff"}, "article.xlf"},
		{"xliff 2.1", []string{"--format", "xliff2"}, "article.xlf"},
		{"omegat", []string{"--format", "xliff", "--flavour", "omegat"}, "article.xlf"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := draftedXLIFF(t, c.args...)
			t.Log(xliffCheck(t, filepath.Join(dir, c.file)))
			_, err := os.Stat(filepath.Join(dir, "article.tmx"))
			if (c.name == "omegat") != (err == nil) {
				t.Errorf("companion TMX: %v", err)
			}
		})
	}
}

func TestTranslateFlavourUsage(t *testing.T) {
	dir := sampleDir(t)
	for _, args := range [][]string{
		{"--format", "xliff2", "--flavour", "omegat"},
		{"--format", "xliff", "--flavour", "trados"},
		{"--format", "xliff", "--flavour", "omegat", "-o", "-"},
	} {
		r := runBitext(t, dir, "", append(append([]string{"translate"}, args...), "article.txt")...)
		if r.code != 2 || !strings.Contains(r.stderr, "flavour") {
			t.Errorf("%v: exit %d, %q", args, r.code, r.stderr)
		}
	}
}

func TestPublishRoundTrip(t *testing.T) {
	privateMemory(t)
	dir := draftedXLIFF(t, "--format", "xliff")
	ids := editReviewed(t, dir)
	before, _ := os.ReadFile(filepath.Join(dir, "reviewed.xlf"))
	r := runBitext(t, dir, "", "publish", "-o", "page.html", "--tmx", "memory.tmx", "reviewed.xlf")
	if r.code != 0 {
		t.Fatalf("publish: exit %d: %s", r.code, r.stderr)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "reviewed.xlf"))
	if !bytes.Equal(before, after) {
		t.Error("publish changed the reviewed file")
	}
	page, err := os.ReadFile(filepath.Join(dir, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"The editor&#39;s own words &amp; more.", "First half. Second half."} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q", want)
		}
	}
	tmx, err := os.ReadFile(filepath.Join(dir, "memory.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	// the edited and the split unit are in the memory; the unit whose draft only gained a tag is not
	for k, want := range []bool{true, false, true} {
		if got := strings.Contains(string(tmx), `tuid="`+ids[k]+`"`); got != want {
			t.Errorf("unit %s in the TMX: %v, want %v", ids[k], got, want)
		}
	}
	if !strings.Contains(r.stderr, "1 edited") { // the split pieces lost their alt-trans: translated without a draft
		t.Errorf("summary: %q", r.stderr)
	}
	// 2.1 and the omegat flavour publish too
	for _, args := range [][]string{{"--format", "xliff2"}, {"--format", "xliff", "--flavour", "omegat"}} {
		d := draftedXLIFF(t, args...)
		if r := runBitext(t, d, "", "publish", "article.xlf"); r.code != 0 {
			t.Errorf("%v: publish exit %d: %s", args, r.code, r.stderr)
		}
	}
	// Trados and memoQ save article.xlf as article.xlf.sdlxliff or
	// article.xlf.mqxliff: the page is the article's, article.html.
	for _, name := range []string{"article.xlf.sdlxliff", "article.xlf.mqxliff"} {
		if err := os.Rename(filepath.Join(dir, "reviewed.xlf"), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		os.Remove(filepath.Join(dir, "article.html"))
		if r := runBitext(t, dir, "", "publish", "--no-tm", name); r.code != 0 || !fileExists(filepath.Join(dir, "article.html")) {
			t.Errorf("publish %s: exit %d, article.html written: %v: %s", name, r.code, fileExists(filepath.Join(dir, "article.html")), r.stderr)
		}
		os.Rename(filepath.Join(dir, name), filepath.Join(dir, "reviewed.xlf"))
	}
}

func TestPublishRefuses(t *testing.T) {
	privateMemory(t)
	dir := draftedXLIFF(t, "--format", "xliff")
	data, _ := os.ReadFile(filepath.Join(dir, "article.xlf"))
	ids := xlUnitID.FindAllStringSubmatch(string(data), 2)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("page.xlf", "<!DOCTYPE html><html><body>not xliff</body></html>")
	write("dup.xlf", strings.Replace(string(data), `id="`+ids[1][1]+`"`, `id="`+ids[0][1]+`"`, 1))
	src := regexp.MustCompile(`<source>[^<]*</source>`)
	loc := src.FindStringIndex(string(data))
	write("changed.xlf", string(data[:loc[0]])+"<source>نص مختلف</source>"+string(data[loc[1]:]))
	cases := []struct {
		args  []string
		code  int
		want  string
		force bool // passes with --force
	}{
		{[]string{"page.xlf"}, 1, "page.xlf:1: not an XLIFF file", false},
		{[]string{"dup.xlf"}, 1, "unit " + ids[0][1] + ": duplicate unit id", false},
		{[]string{"changed.xlf"}, 1, "unit " + ids[0][1] + ": source text differs", true},
		{[]string{"missing.xlf"}, 1, "no such file", false},
		{[]string{"-o", "article.xlf", "article.xlf"}, 2, "never overwritten", false},
	}
	for _, c := range cases {
		r := runBitext(t, dir, "", append([]string{"publish"}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
		r = runBitext(t, dir, "", append([]string{"publish", "--force", "-o", "forced.html"}, c.args...)...)
		if (r.code == 0) != c.force {
			t.Errorf("%v --force: exit %d: %s", c.args, r.code, r.stderr)
		}
	}
	// what --force would accept is offered in the command's terms
	if r := runBitext(t, dir, "", "publish", "changed.xlf"); !strings.Contains(r.stderr, "use --force to accept these changes") {
		t.Errorf("changed source: no --force hint: %s", r.stderr)
	}
	if r := runBitext(t, dir, "", "publish", "dup.xlf"); strings.Contains(r.stderr, "--force") {
		t.Errorf("duplicate ids cannot be forced, yet: %s", r.stderr)
	}
	// the article changed after the file was written
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte("مقال آخر.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "publish", "article.xlf")
	if r.code != 1 || !strings.Contains(r.stderr, "does not match") {
		t.Errorf("changed article: exit %d: %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "publish", "--force", "article.xlf"); r.code != 0 || !strings.Contains(r.stderr, "accepted with --force") {
		t.Errorf("changed article with --force: exit %d: %s", r.code, r.stderr)
	}
}

func TestForbiddenCharactersAndFrontMatter(t *testing.T) {
	privateMemory(t)
	dir := t.TempDir()
	article := "---\ntitle: Summit page\nsource: AFP\n---\nقال بيسكوف\x01 إن الكرملين لا يؤكد القمة.\n\nوأضاف أن القمة\x0b ممكنة.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "translate", "--engine", "test-draft", "--format", "xliff", "--glossary", filepath.Join(testenv.RepoRoot(t), "glossary.yaml"), "a.txt")
	if r.code != 0 || !strings.Contains(r.stderr, "U+0001") || !strings.Contains(r.stderr, "U+000B") {
		t.Fatalf("translate: exit %d, stderr %q (want a warning for each dropped character)", r.code, r.stderr)
	}
	t.Log(xliffCheck(t, filepath.Join(dir, "a.xlf")))
	r = runBitext(t, dir, "", "translate", "--engine", "test-draft", "--format", "xliff2", "-o", "a21.xlf", "a.txt")
	if r.code != 0 {
		t.Fatalf("translate xliff2: %s", r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "a21.xlf"))
	if !strings.Contains(string(data), `<cp hex="0001"/>`) || !strings.Contains(string(data), `<cp hex="000B"/>`) {
		t.Error("2.1 does not write the forbidden characters as <cp>")
	}
	t.Log(xliffCheck(t, filepath.Join(dir, "a21.xlf")))
	for _, f := range []string{"a.xlf", "a21.xlf"} {
		r = runBitext(t, dir, "", "publish", "-o", f+".html", f)
		if r.code != 0 {
			t.Fatalf("publish %s: exit %d: %s", f, r.code, r.stderr)
		}
		page, _ := os.ReadFile(filepath.Join(dir, f+".html"))
		if !strings.Contains(string(page), "Summit page") || !strings.Contains(string(page), "AFP") {
			t.Errorf("publish %s: the article's front matter is not on the page", f)
		}
	}
}

func TestUnitIDsStableWhenAParagraphIsInserted(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "xliff2")
	before, _ := os.ReadFile(filepath.Join(dir, "article.xlf"))
	text, _ := os.ReadFile(filepath.Join(dir, "article.txt"))
	edited := "فقرة جديدة في أول المقال.\n\n" + string(text)
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBitext(t, dir, "", "translate", "--engine", "test-draft", "--format", "xliff2", "article.txt"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "article.xlf"))
	ids := regexp.MustCompile(`<(?:unit|group) id="([^"]+)"`)
	now := map[string]bool{}
	for _, m := range ids.FindAllStringSubmatch(string(after), -1) {
		now[m[1]] = true
	}
	old := ids.FindAllStringSubmatch(string(before), -1)
	for _, m := range old {
		if !now[m[1]] {
			t.Errorf("id %s changed when a paragraph was inserted before it", m[1])
		}
	}
	if len(now) != len(old)+2 {
		t.Errorf("%d ids after inserting one paragraph, %d before", len(now), len(old))
	}
}

func TestPublishRefusesUntouchedGist(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	if r := runBitext(t, dir, "", "translate", "-q", "--engine", "gist", "--format", "xliff", "article.txt"); r.code != 0 {
		t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
	}
	r := runBitext(t, dir, "", "publish", "article.xlf")
	if r.code != 1 || !strings.Contains(r.stderr, "gist") || !strings.Contains(r.stderr, "--allow-gist") {
		t.Fatalf("publish of a gist-only file: exit %d, stderr %q; want a refusal naming --allow-gist", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "article.html")); err == nil {
		t.Error("a refused publish wrote the page")
	}
	if r := runBitext(t, dir, "", "publish", "--allow-gist", "article.xlf"); r.code != 0 {
		t.Fatalf("publish --allow-gist: exit %d: %s", r.code, r.stderr)
	}
}

// TestPublishMarksNamesTheEditorBroke: a unit the editor approved with a
// glossary name spelled otherwise is published as written (exit 0), with a
// warning naming the file, line, unit and name, and the page marks it as
// translate's page marks a glossary violation. The page's name tooltips are
// translate's, in XLIFF 1.2 and 2.1.
func TestPublishMarksNamesTheEditorBroke(t *testing.T) {
	termTitles := func(page []byte) map[string]bool {
		out := map[string]bool{}
		for _, m := range regexp.MustCompile(`class="term" title="([^"]*)"`).FindAllSubmatch(page, -1) {
			out[string(m[1])] = true
		}
		return out
	}
	for _, c := range []struct {
		format string
		target *regexp.Regexp // the editor's target, not the draft kept beside it
		unit   *regexp.Regexp // a unit and its id
	}{
		{"xliff", xlTarget, regexp.MustCompile(`(?s)<trans-unit id="([^"]+)".*?</trans-unit>`)},
		{"xliff2", regexp.MustCompile(`(?s)(<segment[^>]*>\s*<source[^>]*>.*?</source>\s*<target[^>]*>)(.*?)(</target>)`),
			regexp.MustCompile(`(?s)<unit id="([^"]+)".*?</unit>`)},
	} {
		t.Run(c.format, func(t *testing.T) {
			privateMemory(t) // each its own: the first publish would feed the second translate
			dir := draftedXLIFF(t, "--format", c.format)
			if r := runBitext(t, dir, "", "translate", "-q", "--engine", "test-draft", "-o", "translated.html", "article.txt"); r.code != 0 {
				t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
			}
			data, err := os.ReadFile(filepath.Join(dir, "article.xlf"))
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			var id string
			for _, m := range c.unit.FindAllStringSubmatchIndex(text, -1) {
				u := text[m[0]:m[1]]
				if !strings.Contains(u, "جيك سوليفان") {
					continue
				}
				id = text[m[2]:m[3]]
				edited := c.target.ReplaceAllStringFunc(u, func(tg string) string {
					return strings.Replace(tg, "Jake Sullivan", "Jack Sullivan", 1)
				})
				if edited == u {
					t.Fatalf("unit %s: no Jake Sullivan in the target to break:\n%s", id, u)
				}
				text = text[:m[0]] + edited + text[m[1]:]
				break
			}
			if id == "" {
				t.Fatal("no unit with جيك سوليفان in the sample")
			}
			if err := os.WriteFile(filepath.Join(dir, "reviewed.xlf"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}

			r := runBitext(t, dir, "", "publish", "-o", "page.html", "reviewed.xlf")
			if r.code != 0 {
				t.Fatalf("publish: exit %d: %s", r.code, r.stderr)
			}
			warn := regexp.MustCompile(`warning: reviewed\.xlf:\d+: unit ` + id + `: name not as in the glossary: "Jake Sullivan" for جيك سوليفان`)
			if !warn.MatchString(r.stderr) || strings.Count(r.stderr, "not as in the glossary") != 1 {
				t.Errorf("publish said %q; want one warning naming unit %s and Jake Sullivan", r.stderr, id)
			}
			if w, p := strings.Index(r.stderr, "not as in the glossary"), strings.Index(r.stderr, "bitext: published"); p < w {
				t.Errorf("publish said %q; want the summary after the warnings", r.stderr)
			}
			page, err := os.ReadFile(filepath.Join(dir, "page.html"))
			if err != nil {
				t.Fatal(err)
			}
			m := regexp.MustCompile(`(?s)<div class="u flagged"><p class="c tgt" id="` + id + `".*?</div>`).Find(page)
			if m == nil || !strings.Contains(string(m), `class="flag glossary-violation" title="A name is not spelled as the glossary says. Expected: جيك سوليفان → Jake Sullivan`) {
				t.Errorf("the page does not mark unit %s:\n%s", id, m)
			}
			if n := strings.Count(string(page), "flag glossary-violation"); n != 1 {
				t.Errorf("%d units marked for names, want 1", n)
			}
			translated, err := os.ReadFile(filepath.Join(dir, "translated.html"))
			if err != nil {
				t.Fatal(err)
			}
			got, want := termTitles(page), termTitles(translated)
			for k := range want {
				if !got[k] {
					t.Errorf("translate's tooltip %q is not on the published page", k)
				}
			}
			for k := range got {
				if !want[k] {
					t.Errorf("the published page has the tooltip %q, which translate's page does not", k)
				}
			}
		})
	}
}

// TestPublishOpensTheMemoryFirst: a memory that cannot be opened stops
// publish before it writes the page or the TMX; a run that succeeds names
// every output it wrote.
func TestPublishOpensTheMemoryFirst(t *testing.T) {
	mem := privateMemory(t)
	dir := draftedXLIFF(t, "--format", "xliff2")
	blocker := filepath.Join(dir, "not-a-folder")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(memoryEnv, filepath.Join(blocker, "bitext", "memory.db"))
	r := runBitext(t, dir, "", "publish", "-o", "o.html", "--tmx", "o.tmx", "article.xlf")
	if r.code != 1 || !strings.Contains(r.stderr, "memory.db") {
		t.Fatalf("publish with a memory that cannot be opened: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, name := range []string{"o.html", "o.tmx"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("a failed publish wrote %s", name)
		}
	}
	t.Setenv(memoryEnv, mem)
	r = runBitext(t, dir, "", "publish", "-o", "o.html", "--tmx", "o.tmx", "article.xlf")
	if r.code != 0 {
		t.Fatalf("publish: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"published o.html", "wrote o.tmx", "new translation memory " + mem} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, r.stderr)
		}
	}
}

// gistStripped is how CAT tools lose what bitext wrote around a gist, in
// XLIFF 1.2 and 2.1: the draft kept beside the target, and then also the
// gist's state and note.
var gistStripped = map[string]struct{ draft, state, note *regexp.Regexp }{
	"xliff": {regexp.MustCompile(`(?s)\s*<alt-trans .*?</alt-trans>`),
		regexp.MustCompile(`state="needs-translation" state-qualifier="leveraged-glossary"`),
		regexp.MustCompile(`\s*<note from="bitext">word-by-word gist[^<]*</note>`)},
	"xliff2": {regexp.MustCompile(`(?s)\s*<mtc:matches>.*?</mtc:matches>`),
		regexp.MustCompile(`state="initial" subState="bitext:glossary"`),
		regexp.MustCompile(`(?s)\s*<notes>\s*<note category="bitext">word-by-word gist[^<]*</note>\s*</notes>`)},
}

// TestPublishRefusesGistWithoutDraft: a file whose targets are still the
// gist is refused when the editor's tool dropped bitext's draft, and also
// its state and note: the target equals the gist of its source. A unit the
// editor translated is the only pair that reaches the memory.
func TestPublishRefusesGistWithoutDraft(t *testing.T) {
	for _, format := range []string{"xliff", "xliff2"} {
		t.Run(format, func(t *testing.T) {
			dir := sampleDir(t)
			if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "gist", "--format", format, "article.txt"); r.code != 0 {
				t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
			}
			data, err := os.ReadFile(filepath.Join(dir, "article.xlf"))
			if err != nil {
				t.Fatal(err)
			}
			strip := gistStripped[format]
			noDraft := strip.draft.ReplaceAllString(string(data), "")
			noMarks := strip.note.ReplaceAllString(strip.state.ReplaceAllString(noDraft, `state="translated"`), "")
			if noDraft == string(data) || noMarks == noDraft {
				t.Fatal("nothing stripped: the test no longer matches what translate writes")
			}
			for name, text := range map[string]string{"nodraft.xlf": noDraft, "nomarks.xlf": noMarks} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				db := filepath.Join(dir, name+".db")
				r := runBitext(t, dir, "", "publish", "--tm", db, "-o", name+".html", name)
				if r.code != 1 || !strings.Contains(r.stderr, "still hold the word-by-word gist") {
					t.Errorf("publish %s: exit %d, stderr %q; want the gist refused", name, r.code, r.stderr)
				}
				if _, err := os.Stat(filepath.Join(dir, name+".html")); err == nil {
					t.Errorf("publish %s wrote the page", name)
				}
				// an update carries the gist on as another engine's draft
				up := "up-" + name
				if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "none", "--update", name, "-o", up, "article.txt"); r.code != 0 {
					t.Fatalf("translate --update %s: exit %d: %s", name, r.code, r.stderr)
				}
				r = runBitext(t, dir, "", "publish", "--tm", db, "-o", up+".html", up)
				if r.code != 1 || !strings.Contains(r.stderr, "still hold the word-by-word gist") {
					t.Errorf("publish %s: exit %d, stderr %q; want the gist refused", up, r.code, r.stderr)
				}
			}
			// the editor translates one unit; the tool marks it translated
			target := map[string]*regexp.Regexp{
				"xliff":  regexp.MustCompile(`(?s)(<target xml:lang="en" state="translated"[^>]*>)([^<]*)(</target>)`),
				"xliff2": regexp.MustCompile(`(?s)(<segment id="s1" state="translated">\s*<source[^>]*>.*?</source>\s*<target[^>]*>)([^<]*)(</target>)`),
			}[format]
			loc := target.FindStringSubmatchIndex(noMarks)
			if loc == nil {
				t.Fatal("no target to edit")
			}
			edited := noMarks[:loc[4]] + "The editor's own translation." + noMarks[loc[5]:]
			if err := os.WriteFile(filepath.Join(dir, "edited.xlf"), []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(dir, "edited.db")
			r := runBitext(t, dir, "", "publish", "--allow-gist", "--tm", db, "--tmx", "edited.tmx", "edited.xlf")
			if r.code != 0 {
				t.Fatalf("publish --allow-gist: exit %d: %s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, "(1 pairs)") || !strings.Contains(r.stderr, ": 1 pairs added") {
				t.Errorf("publish --allow-gist: %q; want the one translated unit in the TMX and the memory, no gist", r.stderr)
			}
			page, _ := os.ReadFile(filepath.Join(dir, "edited.html"))
			if !strings.Contains(string(page), "gist only") {
				t.Error("the page does not mark the gist")
			}
		})
	}
}

// TestPublishCreditsTheEditor: a gist file whose every unit the editor
// rewrote is published as the editor's translation, not the machine's; with
// one unit rewritten and the rest left as gist, the credit says which is which.
func TestPublishCreditsTheEditor(t *testing.T) {
	dir := sampleDir(t)
	data, target := gistXLIFF(t, dir)
	n, total := 0, len(target.FindAllString(data, -1))
	all := target.ReplaceAllStringFunc(data, func(m string) string {
		n++
		return target.ReplaceAllString(m, "${1}The editor's sentence "+strings.Repeat("I", n)+".${3}") // no figure: numbers are checked
	})
	one := strings.Replace(data, target.FindString(data), target.ReplaceAllString(target.FindString(data), "${1}The editor's headline.${3}"), 1)
	for name, text := range map[string]string{"all.xlf": all, "one.xlf": one} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// the editor's stand-in sentences drop the article's years
	if r := runBitext(t, dir, "", "publish", "--no-tm", "--clean", "--allow-number-mismatch", "all.xlf"); r.code != 0 {
		t.Fatalf("publish: exit %d: %s", r.code, r.stderr)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "all.html"))
	if !strings.Contains(string(page), "Translation reviewed by an editor.") || strings.Contains(string(page), "by machine") {
		t.Errorf("page of a fully rewritten gist file: credit %q; want the editor's", credit(page))
	}
	if r := runBitext(t, dir, "", "publish", "--no-tm", "--clean", "--allow-gist", "one.xlf"); r.code != 0 {
		t.Fatalf("publish: exit %d: %s", r.code, r.stderr)
	}
	page, _ = os.ReadFile(filepath.Join(dir, "one.html"))
	want := fmt.Sprintf("1 reviewed by an editor; %d only a word-by-word gist.", total-1)
	if !strings.Contains(string(page), want) || strings.Contains(string(page), "by machine") {
		t.Errorf("page with one unit rewritten: credit %q; want %q", credit(page), want)
	}
}

// credit is the legend's line on who made the English.
func credit(page []byte) string {
	_, after, _ := strings.Cut(string(page), `<p class="credit">`)
	before, _, _ := strings.Cut(after, "</p>")
	return before
}

// TestPublishRefusesPlaceholders: a target in which the editor left a
// protected name's placeholder is refused, naming the file, line and unit,
// even with --allow-gist and --force; review flags it too.
func TestPublishRefusesPlaceholders(t *testing.T) {
	dir := draftedXLIFF(t, "--no-tm", "--format", "xliff")
	data, err := os.ReadFile(filepath.Join(dir, "article.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	var ids []string
	var lines []int
	for _, m := range xlUnitID.FindAllStringSubmatchIndex(text, -1) {
		if len(ids) < 2 {
			ids = append(ids, text[m[2]:m[3]])
			lines = append(lines, strings.Count(text[:m[0]], "\n")+1)
		}
	}
	for k, tok := range []string{"⟦1⟧", "⟦2:Kim Jong Un⟧"} {
		s := strings.Index(text, `<trans-unit id="`+ids[k]+`"`)
		loc := xlTarget.FindStringSubmatchIndex(text[s:])
		text = text[:s+loc[4]] + "The editor met " + tok + " today." + text[s+loc[5]:]
	}
	if err := os.WriteFile(filepath.Join(dir, "reviewed.xlf"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "publish", "--no-tm", "--allow-gist", "--force", "reviewed.xlf")
	if r.code != 1 {
		t.Fatalf("publish: exit %d: %s; want a refusal", r.code, r.stderr)
	}
	for k, tok := range []string{"⟦1⟧", "⟦2:Kim Jong Un⟧"} {
		if want := fmt.Sprintf("reviewed.xlf:%d: unit %s: the target holds %s", lines[k], ids[k], tok); !strings.Contains(r.stderr, want) {
			t.Errorf("publish: %q; want %q", r.stderr, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "reviewed.html")); err == nil {
		t.Error("a refused publish wrote the page")
	}
	r = runBitext(t, dir, "", "review", "reviewed.xlf")
	if !strings.Contains(r.stdout, "placeholder left: ⟦1⟧") || !strings.Contains(r.stdout, "placeholders: 2 units hold") {
		t.Errorf("review does not flag the placeholders:\n%s", r.stdout)
	}
}

// The TMX publish writes carries the provenance the memory keeps (article,
// unit, state, editor, date): imported into an empty memory, it gives the
// same stats and lookups as the memory publish filled itself.
func TestPublishTMXKeepsProvenance(t *testing.T) {
	privateMemory(t)
	dir := draftedXLIFF(t, "--format", "xliff")
	ids := editReviewed(t, dir)
	r := runBitext(t, dir, "", "publish", "--tm", "published.db", "--editor", "ed", "-o", "page.html", "--tmx", "memory.tmx", "reviewed.xlf")
	if r.code != 0 {
		t.Fatalf("publish: exit %d: %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "tm", "import", "--tm", "imported.db", "memory.tmx"); r.code != 0 {
		t.Fatalf("tm import: exit %d: %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "reviewed.xlf"))
	f, err := xliff.Read(bytes.NewReader(data), "reviewed.xlf")
	if err != nil {
		t.Fatal(err)
	}
	var source string
	for _, u := range f.Units {
		if u.ID == ids[0] {
			source = u.Source
		}
	}
	type stats struct {
		Entries  int `json:"entries"`
		Articles int `json:"articles"`
	}
	type hit struct {
		Article string `json:"article"`
		UnitID  string `json:"unit_id"`
		State   string `json:"state"`
		Creator string `json:"creator"`
		Created string `json:"created"`
	}
	var st [2]stats
	var hits [2][]hit
	for i, db := range []string{"published.db", "imported.db"} {
		r := runBitext(t, dir, "", "tm", "stats", "--json", "--tm", db)
		if err := json.Unmarshal([]byte(r.stdout), &st[i]); err != nil {
			t.Fatalf("%s: stats: %v: %s%s", db, err, r.stdout, r.stderr)
		}
		r = runBitext(t, dir, "", "tm", "lookup", "--json", "--tm", db, source)
		if err := json.Unmarshal([]byte(r.stdout), &hits[i]); err != nil {
			t.Fatalf("%s: lookup: %v: %s%s", db, err, r.stdout, r.stderr)
		}
	}
	if st[0].Articles != 1 || st[1] != st[0] {
		t.Errorf("stats: imported %+v, published %+v", st[1], st[0])
	}
	if len(hits[0]) == 0 || hits[0][0].Article != "article.txt" || hits[0][0].State == "" || hits[0][0].Creator != "ed" {
		t.Fatalf("the published memory's lookup: %+v", hits[0])
	}
	if len(hits[1]) == 0 || hits[1][0] != hits[0][0] {
		t.Errorf("lookup in the imported memory: %+v, want %+v", hits[1], hits[0])
	}
}

// TestPublishWarnsOfApprovedGist: a unit approved with the gist unchanged is
// the editor's to publish, but publish names it, as an "approve all" in a
// CAT tool approves the gist too; approved units the editor rewrote are not named.
func TestPublishWarnsOfApprovedGist(t *testing.T) {
	for _, format := range []string{"xliff", "xliff2"} {
		t.Run(format, func(t *testing.T) {
			dir := sampleDir(t)
			markedXLIFF(t, dir, format, "rev.xlf", sampleMarks(format))
			r := runBitext(t, dir, "", "publish", "--allow-gist", "--tm", filepath.Join(dir, "m.db"), "rev.xlf")
			if r.code != 0 {
				t.Fatalf("publish: exit %d: %s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, "rev.xlf: 1 unit approved as the word-by-word gist, unchanged (u2d08be18d5d0)") {
				t.Errorf("publish said %q; want the approved, unchanged gist unit named", r.stderr)
			}
		})
	}
}

// A job without $HOME (a service, a bare container) has no default memory:
// publish stops before writing, saying how to name one, instead of creating
// bitext-memory.db in whatever folder the job runs from, a new memory each
// time it runs from another; translate runs without a memory.
func TestPublishWithoutHomeNamesNoMemory(t *testing.T) {
	dir := sampleDir(t)
	if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "gist", "--format", "xliff", "article.txt"); r.code != 0 {
		t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
	}
	editFirstTarget(t, filepath.Join(dir, "article.xlf"), "A senior White House official warned on Tuesday.")
	for _, v := range []string{"HOME", "XDG_DATA_HOME", "BITEXT_TM"} {
		t.Setenv(v, "")
	}
	r := runBitext(t, dir, "", "publish", "--allow-gist", "-o", "page.html", "article.xlf")
	if r.code != 1 || !strings.Contains(r.stderr, "--tm FILE or set BITEXT_TM") || !strings.Contains(r.stderr, "--no-tm") {
		t.Errorf("publish without a home: exit %d: %s", r.code, r.stderr)
	}
	entries, _ := os.ReadDir(dir)
	for _, en := range entries {
		if strings.HasSuffix(en.Name(), ".db") || en.Name() == "page.html" {
			t.Errorf("publish without a home left %s in the folder it ran from", en.Name())
		}
	}
	if r := runBitext(t, dir, "", "tm", "stats"); r.code != 1 || !strings.Contains(r.stderr, "BITEXT_TM") {
		t.Errorf("tm stats without a home: exit %d: %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "translate", "-q", "--engine", "gist", "-o", "t.html", "article.txt"); r.code != 0 {
		t.Errorf("translate without a home: exit %d: %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "publish", "--allow-gist", "--no-tm", "-o", "page.html", "article.xlf"); r.code != 0 {
		t.Errorf("publish --no-tm without a home: exit %d: %s", r.code, r.stderr)
	}

	// A home where the memory's folder cannot be made (here a file stands
	// in its way, as a read-only home would): the error says how to move it.
	t.Setenv("HOME", filepath.Join(dir, "article.txt"))
	r = runBitext(t, dir, "", "publish", "--allow-gist", "-o", "page2.html", "article.xlf")
	if r.code != 1 || !strings.Contains(r.stderr, "$BITEXT_TM puts the memory elsewhere") {
		t.Errorf("publish with an unusable home: exit %d: %s", r.code, r.stderr)
	}
}
