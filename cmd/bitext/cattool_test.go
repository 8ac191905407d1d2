package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tradosReturn turns the gist XLIFF 1.2 of the sample article into the file
// Trados gives back: its namespace, each target cut into a mrk segment, and
// its segment definitions with the confirmation level conf(id) gives each
// unit, the XLIFF state left as bitext wrote it, and the editor's targets
// where given; Windows line ends.
func tradosReturn(t *testing.T, dir, name string, conf func(id string) string, targets map[string]string) {
	t.Helper()
	if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "gist", "-f", "xliff", "-o", name, "article.txt"); r.code != 0 {
		t.Fatalf("translate: %s", r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), `<xliff version="1.2"`, `<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2"`, 1)
	unit := regexp.MustCompile(`(?s)<trans-unit id="([^"]+)"[^>]*>.*?</trans-unit>`)
	target := regexp.MustCompile(`(?s)(<target xml:lang="en" state="[^"]*"[^>]*>)(.*?)(</target>)`)
	text = unit.ReplaceAllStringFunc(text, func(u string) string {
		id := unit.FindStringSubmatch(u)[1]
		c := conf(id)
		if c == "" || !target.MatchString(u) {
			return u
		}
		text := "${2}"
		if tg, ok := targets[id]; ok {
			text = tg
		}
		u = target.ReplaceAllString(u, `${1}<mrk mtype="seg" mid="`+id+`">`+text+`</mrk>${3}`)
		return strings.Replace(u, "</trans-unit>", `<sdl:seg-defs><sdl:seg id="`+id+`" conf="`+c+`" origin="mt"/></sdl:seg-defs></trans-unit>`, 1)
	})
	if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.ReplaceAll(text, "\n", "\r\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Gists the editor approved in Trados, whose XLIFF state still says
// needs-translation, are the editor's translations: publish takes them (with
// its warning for an approved gist) and review counts them approved. A unit
// a reviewer rejected is not published, whatever its XLIFF state says, until
// --allow-rejected.
func TestPublishReadsTradosApproval(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	const rejected = "u2d08be18d5d0"
	tradosReturn(t, dir, "rev.xlf", func(id string) string {
		if id == rejected {
			return "RejectedSignOff"
		}
		return "ApprovedTranslation"
	}, map[string]string{rejected: "North Korea will pay for this, said Sullivan."})
	r := runBitext(t, dir, "", "review", "--json", "rev.xlf")
	if r.code != 0 {
		t.Fatalf("review: exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Summary struct {
			Translatable, Approved, Rejected int
			Gist                             int `json:"gist_untouched"`
		}
		Units []struct {
			ID         string
			Rejected   bool
			ToolStatus string `json:"tool_status"`
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	s := rep.Summary
	if s.Approved != s.Translatable-1 || s.Rejected != 1 || s.Gist != 0 {
		t.Errorf("review: %d approved, %d rejected, %d untouched gists of %d; want all approved but the rejected one", s.Approved, s.Rejected, s.Gist, s.Translatable)
	}
	for _, u := range rep.Units {
		if u.Rejected != (u.ID == rejected) {
			t.Errorf("unit %s: rejected %v", u.ID, u.Rejected)
		}
	}
	r = runBitext(t, dir, "", "publish", "-o", "page.html", "rev.xlf")
	if r.code != 1 || !regexp.MustCompile(`rev\.xlf:\d+: unit `+rejected+`: a reviewer rejected this translation \(Trados RejectedSignOff\)`).MatchString(r.stderr) {
		t.Fatalf("publish of a rejected unit: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "page.html")); err == nil {
		t.Error("publish wrote a page with a rejected translation")
	}
	r = runBitext(t, dir, "", "publish", "--allow-rejected", "-o", "page.html", "rev.xlf")
	if r.code != 0 {
		t.Fatalf("publish --allow-rejected: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "approved as the word-by-word gist") {
		t.Errorf("publish did not warn of the gists approved as they were: %s", r.stderr)
	}
}

// memoQ may leave out the units marked translate="no" (web boilerplate): the
// file is still the editor's, so review and publish take it, saying which
// units are missing, with their text from the article when it is found; a
// missing unit of the article's own text is still refused.
func TestPublishAcceptsDroppedBoilerplate(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "test-draft", "-f", "xliff", "-o", "rev.xlf", "article.txt"); r.code != 0 {
		t.Fatalf("translate: %s", r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "rev.xlf"))
	noTranslate := regexp.MustCompile(`(?s)\s*<trans-unit id="([^"]+)" xml:space="preserve" translate="no">.*?</trans-unit>`)
	dropped := noTranslate.FindAllStringSubmatch(string(data), -1)
	if len(dropped) < 2 {
		t.Fatalf("the sample has %d boilerplate units; want some", len(dropped))
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("units.xlf", noTranslate.ReplaceAllString(string(data), ""))
	r := runBitext(t, dir, "", "publish", "-o", "page.html", "units.xlf")
	if r.code != 0 {
		t.Fatalf("publish without the boilerplate units: exit %d: %s", r.code, r.stderr)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "page.html"))
	for _, d := range dropped {
		if !regexp.MustCompile(`units\.xlf:\d+: unit ` + d[1] + `, boilerplate not for translation, is missing`).MatchString(r.stderr) {
			t.Errorf("publish did not name the missing unit %s with its line: %s", d[1], r.stderr)
		}
		src := regexp.MustCompile(`<source>(.*?)</source>`).FindStringSubmatch(d[0])[1]
		if !strings.Contains(string(page), src) {
			t.Errorf("the page lacks the boilerplate %q, which the article has", src)
		}
	}
	// the whole boilerplate group gone too
	group := regexp.MustCompile(`(?s)\s*<group id="[^"]+" restype="x-boilerplate"[^>]*>.*?</group>`)
	write("groups.xlf", group.ReplaceAllString(string(data), ""))
	if r := runBitext(t, dir, "", "review", "groups.xlf"); r.code != 0 || !strings.Contains(r.stderr, "boilerplate not for translation, which the CAT tool left out") {
		t.Errorf("review without the boilerplate groups: exit %d: %s", r.code, r.stderr)
	}
	// a unit of the article's own text is the editor's to lose
	unit := regexp.MustCompile(`(?s)\s*<trans-unit id="(u2d08be18d5d0)".*?</trans-unit>`)
	write("text.xlf", unit.ReplaceAllString(string(data), ""))
	if r := runBitext(t, dir, "", "review", "text.xlf"); r.code != 1 || !strings.Contains(r.stderr, "unit u2d08be18d5d0: missing from the file") {
		t.Errorf("review without a unit of the text: exit %d: %s", r.code, r.stderr)
	}
}

// A sentence the CAT tool cut in two, of which the editor translated only
// the first part, is not published as if the English were the whole of it:
// publish names the unit, its line and the Arabic left untranslated.
func TestPublishRefusesPartlyTranslatedUnit(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "test-draft", "-f", "xliff2", "-o", "rev.xlf", "article.txt"); r.code != 0 {
		t.Fatalf("translate: %s", r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "rev.xlf"))
	seg := regexp.MustCompile(`(?s)(<unit id="u2d08be18d5d0">.*?)<segment id="s1"[^>]*>\s*<source xml:space="preserve">(.*?)</source>\s*<target xml:space="preserve">.*?</target>\s*</segment>`)
	m := seg.FindStringSubmatch(string(data))
	if m == nil {
		t.Fatal("no unit u2d08be18d5d0 with one segment in the file")
	}
	words := strings.Fields(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[2], ""))
	first, rest := strings.Join(words[:4], " "), strings.Join(words[4:], " ")
	text := seg.ReplaceAllString(string(data), `${1}<segment id="s1" state="final"><source>`+first+`</source><target>"North Korea will pay</target></segment>`+
		`<ignorable><source> </source></ignorable><segment id="s2" state="initial"><source>`+rest+`</source></segment>`)
	os.WriteFile(filepath.Join(dir, "rev.xlf"), []byte(text), 0o644)
	r := runBitext(t, dir, "", "publish", "-o", "page.html", "rev.xlf")
	if r.code != 1 || !regexp.MustCompile(`rev\.xlf:\d+: unit u2d08be18d5d0: the segment "`+regexp.QuoteMeta(words[4])).MatchString(r.stderr) {
		t.Errorf("publish of a half-translated unit: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "page.html")); err == nil {
		t.Error("publish wrote the page")
	}
}

// The approvals and rejections kept in Trados's segment definitions, which a
// new file does not carry, survive translate --update and convert in the
// XLIFF state: the next review counts the same units approved, and a
// rejected unit whose state still said signed-off is not approved there.
func TestUpdateKeepsTradosApproval(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	const rejected = "u2d08be18d5d0"
	tradosReturn(t, dir, "rev.xlf", func(id string) string {
		if id == rejected {
			return "RejectedTranslation"
		}
		return "ApprovedSignOff"
	}, map[string]string{rejected: "North Korea will pay for this, said Sullivan."})
	data, _ := os.ReadFile(filepath.Join(dir, "rev.xlf"))
	// the rejected unit's state says signed-off, from an earlier round
	stale := regexp.MustCompile(`(<trans-unit id="` + rejected + `"[^>]*>(?s:.*?)<target xml:lang="en" state=")[^"]*"`)
	os.WriteFile(filepath.Join(dir, "rev.xlf"), stale.ReplaceAll(data, []byte(`${1}signed-off" approved="yes"`)), 0o644)
	approved := func(name string) (int, int) {
		t.Helper()
		r := runBitext(t, dir, "", "review", "--json", "--force", name)
		if r.code != 0 {
			t.Fatalf("review %s: exit %d: %s", name, r.code, r.stderr)
		}
		var rep struct {
			Summary struct{ Translatable, Approved int }
		}
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatal(err)
		}
		return rep.Summary.Approved, rep.Summary.Translatable
	}
	before, n := approved("rev.xlf")
	if before != n-1 {
		t.Fatalf("the Trados file has %d approved units of %d; want all but the rejected one", before, n)
	}
	if r := runBitext(t, dir, "", "convert", "-f", "xliff", "-o", "conv.xlf", "rev.xlf"); r.code != 0 {
		t.Fatalf("convert: %s", r.stderr)
	}
	if got, _ := approved("conv.xlf"); got != before {
		t.Errorf("after convert: %d approved, want %d", got, before)
	}
	if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "gist", "--update", "rev.xlf", "-o", "v2.xlf", "article.txt"); r.code != 0 {
		t.Fatalf("update: %s", r.stderr)
	}
	if got, _ := approved("v2.xlf"); got != before {
		t.Errorf("after translate --update: %d approved, want %d", got, before)
	}
}

// translate --update does not carry a unit the editor translated only in
// part (a Trados segment left empty) as the editor's translation, which the
// next publish would print for the whole sentence: it is translated again,
// with the editor's part in a note.
func TestUpdateRetranslatesPartlyTranslatedUnit(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "test-draft", "-f", "xliff", "-o", "rev.xlf", "article.txt"); r.code != 0 {
		t.Fatalf("translate: %s", r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "rev.xlf"))
	unit := regexp.MustCompile(`(?s)(<trans-unit id="u2d08be18d5d0"[^>]*>\s*<source>)(.*?)(</source>\s*<target[^>]*>).*?(</target>)`)
	m := unit.FindStringSubmatch(string(data))
	if m == nil {
		t.Fatal("no unit u2d08be18d5d0")
	}
	words := strings.Fields(m[2])
	segSource := `<seg-source><mrk mtype="seg" mid="1">` + strings.Join(words[:4], " ") + `</mrk> <mrk mtype="seg" mid="2">` + strings.Join(words[4:], " ") + `</mrk></seg-source>`
	const part = "Sullivan said North Korea"
	text := unit.ReplaceAllString(string(data), "${1}${2}</source>"+segSource+strings.TrimPrefix(m[3], "</source>")+
		`<mrk mtype="seg" mid="1">`+part+`</mrk> <mrk mtype="seg" mid="2"></mrk>${4}`)
	os.WriteFile(filepath.Join(dir, "rev.xlf"), []byte(text), 0o644)
	// nor does the memory take it as a pair, even with --all
	r := runBitext(t, dir, "", "tm", "import", "--all", "--json", "--tm", filepath.Join(dir, "m.db"), "rev.xlf")
	if r.code != 0 || !strings.Contains(r.stdout, `"skipped_untranslated": 1`) {
		t.Errorf("tm import --all: exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, dir, "", "translate", "--no-tm", "--engine", "test-draft", "--update", "rev.xlf", "-o", "v2.xlf", "article.txt")
	if r.code != 0 || !strings.Contains(r.stderr, "1 untranslated before") {
		t.Fatalf("update: exit %d: %s", r.code, r.stderr)
	}
	// convert (for another CAT tool) writes no target for it either
	if r := runBitext(t, dir, "", "convert", "-f", "xliff", "-o", "conv.xlf", "rev.xlf"); r.code != 0 {
		t.Fatalf("convert: exit %d: %s", r.code, r.stderr)
	}
	for _, name := range []string{"v2.xlf", "conv.xlf"} {
		out, _ := os.ReadFile(filepath.Join(dir, name))
		got := regexp.MustCompile(`(?s)<trans-unit id="u2d08be18d5d0".*?</trans-unit>`).FindString(string(out))
		if regexp.MustCompile(`<target[^>]*>` + part + `\s*</target>`).MatchString(got) {
			t.Errorf("%s: the part the editor translated is the unit's target again:\n%s", name, got)
		}
		if !strings.Contains(got, "translating part of the sentence only") || !strings.Contains(got, part) {
			t.Errorf("%s: the editor's part is not kept in a note:\n%s", name, got)
		}
	}
}
