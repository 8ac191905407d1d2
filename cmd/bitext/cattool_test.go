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
