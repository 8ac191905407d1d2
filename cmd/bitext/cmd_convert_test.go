package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"bitext/doc"
)

func TestConvert(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "json")
	steps := []struct {
		args []string
		out  string
	}{
		{[]string{"--format", "xliff2", "-o", "a21.xlf", "article.json"}, "a21.xlf"},
		{[]string{"--format", "xliff", "-o", "a12.xlf", "a21.xlf"}, "a12.xlf"},
		{[]string{"--format", "xliff", "--flavour", "omegat", "-o", "om.xlf", "a12.xlf"}, "om.xlf"},
		{[]string{"--format", "json", "-o", "back.json", "a12.xlf"}, "back.json"},
		{[]string{"--format", "html", "-o", "page.html", "a21.xlf"}, "page.html"},
	}
	for _, s := range steps {
		r := runBitext(t, dir, "", append([]string{"convert"}, s.args...)...)
		if r.code != 0 {
			t.Fatalf("convert %v: exit %d: %s", s.args, r.code, r.stderr)
		}
		if strings.HasSuffix(s.out, ".xlf") {
			t.Log(xliffCheck(t, filepath.Join(dir, s.out)))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "om.tmx")); err != nil {
		t.Errorf("omegat flavour: %v", err)
	}
	back, _ := os.ReadFile(filepath.Join(dir, "back.json"))
	if !strings.Contains(string(back), `"target": "Draft sentence A`) {
		t.Errorf("drafts lost in the conversions:\n%.500s", back)
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"--format", "json", "-o", "article.json", "article.json"}, 2},
		{[]string{"--format", "pdf", "article.json"}, 2},
		{[]string{"--format", "json", "article.txt"}, 1},
	} {
		if r := runBitext(t, dir, "", append([]string{"convert"}, c.args...)...); r.code != c.code {
			t.Errorf("convert %v: exit %d, want %d: %s", c.args, r.code, c.code, r.stderr)
		}
	}
}

func TestConvertUsage(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "json")
	if err := os.Symlink("article.json", filepath.Join(dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "--format is required"},
		{[]string{"article.json"}, 2, "--format is required"},
		{[]string{"-f", "json", "nope.json"}, 1, "nope.json: no such file"},
		{[]string{"-f", "json", "-o", "nope.json", "nope.json"}, 1, "nope.json: no such file"},
		{[]string{"-f", "json", "-o", "./article.json", "article.json"}, 2, "would overwrite the input"},
		{[]string{"-f", "json", "-o", "link.json", "article.json"}, 2, "would overwrite the input"},
	} {
		r := runBitext(t, dir, "", append([]string{"convert"}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("convert %q: exit %d, stderr %q; want exit %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
		if strings.Contains(r.stderr, "unknown command") {
			t.Errorf("convert %q: %s", c.args, r.stderr)
		}
	}
}

func TestConvertChecksJSON(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bad.json", `{"units":[{"id":"x"}]}`)
	r := runBitext(t, dir, "", "convert", "-f", "xliff", "bad.json")
	if r.code != 1 || !strings.Contains(r.stderr, `bad.json:1: unit 0 (id "x"): empty source`) || !strings.Contains(r.stderr, `state ""`) {
		t.Errorf("invalid unit: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.xlf")); err == nil {
		t.Error("an output was written for an invalid input")
	}
	write("weird.json", "{\"units\": [\n{\"id\": \"u1\", \"kind\": \"paragraph\", \"state\": \"weird\", \"source\": \"س\"}]}")
	if r := runBitext(t, dir, "", "convert", "-f", "xliff", "weird.json"); r.code != 1 || !strings.Contains(r.stderr, `weird.json:2: unit 0 (id "u1"): state "weird"`) {
		t.Errorf("unknown state: exit %d: %s", r.code, r.stderr)
	}

	// original names the article when the JSON does, else the converted file
	unit := `"units": [{"id": "u1", "kind": "paragraph", "state": "new", "source": "س"}]`
	write("named.json", `{"name": "news/summit.txt", `+unit+`}`)
	write("unnamed.json", `{`+unit+`}`)
	for in, want := range map[string]string{"named.json": `original="news/summit.txt"`, "unnamed.json": `original="unnamed.json"`} {
		r := runBitext(t, dir, "", "convert", "-f", "xliff", "-o", "-", in)
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("convert %s: exit %d, want %s: %s%.300s", in, r.code, want, r.stderr, r.stdout)
		}
	}
}

// convert does not replace an XLIFF file that holds an editor's work, as
// translate does not: only -o elsewhere or --force proceed.
func TestConvertKeepsReviewedXLIFF(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "json")
	for _, format := range []string{"xliff", "xliff2"} {
		t.Run(format, func(t *testing.T) {
			if r := runBitext(t, dir, "", "convert", "--force", "-f", format, "article.json"); r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			// Converting again over an untouched draft is fine.
			if r := runBitext(t, dir, "", "convert", "-f", format, "article.json"); r.code != 0 {
				t.Fatalf("second conversion over an unreviewed draft: exit %d: %s", r.code, r.stderr)
			}
			path := filepath.Join(dir, "article.xlf")
			edited := editFirstTarget(t, path, "The editor's sentence.")
			for _, f := range []string{format, "json"} {
				r := runBitext(t, dir, "", "convert", "-f", f, "-o", "article.xlf", "article.json")
				if r.code != 1 || !strings.Contains(r.stderr, "article.xlf holds an editor's work") ||
					!strings.Contains(r.stderr, "-o to write elsewhere, or --force") || strings.Contains(r.stderr, "--update") {
					t.Fatalf("-f %s: exit %d, stderr %s; want a refusal naming the file, -o and --force", f, r.code, r.stderr)
				}
			}
			if got, _ := os.ReadFile(path); string(got) != string(edited) {
				t.Fatal("the reviewed file was changed")
			}
			if r := runBitext(t, dir, "", "convert", "-f", format, "-o", "other.xlf", "article.json"); r.code != 0 {
				t.Fatalf("-o elsewhere: exit %d: %s", r.code, r.stderr)
			}
			if r := runBitext(t, dir, "", "convert", "-f", format, "--force", "article.json"); r.code != 0 {
				t.Fatalf("--force: exit %d: %s", r.code, r.stderr)
			}
			if got, _ := os.ReadFile(path); strings.Contains(string(got), "The editor's sentence.") {
				t.Error("--force did not replace the file")
			}
		})
	}
}

// The article's checksum travels through JSON and convert, so that publish
// refuses an XLIFF file made from JSON once the article has changed, as it
// refuses one written by translate; a file without it is published with a
// warning that the article cannot be checked.
func TestConvertKeepsArticleChecksum(t *testing.T) {
	privateMemory(t)
	dir := draftedXLIFF(t, "--format", "json")
	data, err := os.ReadFile(filepath.Join(dir, "article.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"article_sha256": "`) {
		t.Fatalf("translate -f json recorded no article checksum:\n%.400s", data)
	}
	steps := [][]string{
		{"-f", "xliff", "-o", "c12.xlf", "article.json"},
		{"-f", "xliff2", "-o", "c21.xlf", "article.json"},
		{"-f", "json", "-o", "back.json", "c21.xlf"},
		{"-f", "xliff", "-o", "again.xlf", "back.json"},
	}
	for _, s := range steps {
		if r := runBitext(t, dir, "", append([]string{"convert"}, s...)...); r.code != 0 {
			t.Fatalf("convert %v: exit %d: %s", s, r.code, r.stderr)
		}
	}
	for _, f := range []string{"c12.xlf", "c21.xlf", "again.xlf"} {
		if r := runBitext(t, dir, "", "publish", "--no-tm", "-o", "ok.html", f); r.code != 0 || strings.Contains(r.stderr, "checksum") {
			t.Errorf("publish %s before any change: exit %d: %s", f, r.code, r.stderr)
		}
	}
	c12, _ := os.ReadFile(filepath.Join(dir, "c12.xlf"))
	bare := regexp.MustCompile(`(?s)<reference>.*?</reference>`).ReplaceAll(c12, nil)
	if err := os.WriteFile(filepath.Join(dir, "bare.xlf"), bare, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBitext(t, dir, "", "publish", "--no-tm", "-o", "bare.html", "bare.xlf"); r.code != 0 ||
		!strings.Contains(r.stderr, "bare.xlf records no checksum of the article it was made from: whether article.txt changed since cannot be checked") {
		t.Errorf("publish without a checksum: exit %d, want a warning: %s", r.code, r.stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte("مقال آخر.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"c12.xlf", "c21.xlf", "again.xlf"} {
		if r := runBitext(t, dir, "", "publish", "--no-tm", "-o", "changed.html", f); r.code != 1 || !strings.Contains(r.stderr, "does not match") {
			t.Errorf("publish %s after the article changed: exit %d, want a refusal: %s", f, r.code, r.stderr)
		}
	}
}

// JSON → XLIFF → JSON keeps what XLIFF carries: a memory draft stays a
// memory draft, the glossary notes, flags and memory candidates come back,
// and term offsets, which XLIFF does not record, are left out rather than
// given as 0.
func TestConvertJSONRoundTrip(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "json")
	path := filepath.Join(dir, "article.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var orig doc.Bitext
	if err := json.Unmarshal(data, &orig); err != nil {
		t.Fatal(err)
	}
	memory, flagged := 0, 0
	for i := range orig.Units {
		switch u := &orig.Units[i]; {
		case u.State != doc.StateMachine:
		case i%2 == 0:
			u.State, u.Origin = doc.StateMemory, "memory:earlier.txt"
			memory++
		case i%3 == 1:
			u.AddFlag(doc.FlagLowConfidence)
			flagged++
			u.Matches = []doc.Match{{Source: "مصدر قريب", Target: "A close source.", Score: 0.8, Origin: "memory:other.txt"}}
		}
	}
	if memory == 0 || flagged == 0 {
		t.Fatalf("%d memory drafts and %d flagged drafts made: want some of each", memory, flagged)
	}
	var buf bytes.Buffer
	if err := doc.WriteJSON(&buf, &orig); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"xliff", "xliff2"} {
		t.Run(format, func(t *testing.T) {
			for _, args := range [][]string{{"-f", format, "-o", format + ".xlf", "article.json"}, {"-f", "json", "-o", format + ".json", format + ".xlf"}} {
				if r := runBitext(t, dir, "", append([]string{"convert"}, args...)...); r.code != 0 {
					t.Fatalf("convert %v: exit %d: %s", args, r.code, r.stderr)
				}
			}
			data, err := os.ReadFile(filepath.Join(dir, format+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(data), `"start"`) || strings.Contains(string(data), `"stem_start"`) {
				t.Errorf("term offsets written though XLIFF does not carry them")
			}
			var back doc.Bitext
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatal(err)
			}
			if len(back.Units) != len(orig.Units) {
				t.Fatalf("%d units, want %d", len(back.Units), len(orig.Units))
			}
			terms := 0
			for i, u := range back.Units {
				o := orig.Units[i]
				if u.State != o.State {
					t.Errorf("unit %s: state %s, want %s", u.ID, u.State, o.State)
				}
				if !reflect.DeepEqual(u.Notes, o.Notes) {
					t.Errorf("unit %s: notes %q, want %q", u.ID, u.Notes, o.Notes)
				}
				if !reflect.DeepEqual(u.Flags, o.Flags) || !reflect.DeepEqual(u.Matches, o.Matches) {
					t.Errorf("unit %s: flags %q and matches %+v, want %q and %+v", u.ID, u.Flags, u.Matches, o.Flags, o.Matches)
				}
				terms += len(u.Terms)
				for k, h := range u.Terms {
					want := o.Terms[k]
					want.Start, want.End, want.StemStart, want.Clitic = 0, 0, 0, "" // not in XLIFF
					if h != want {
						t.Errorf("unit %s: term %+v, want %+v", u.ID, h, want)
					}
				}
			}
			if terms == 0 {
				t.Error("no glossary term in the sample")
			}
		})
	}
}

// A reviewed XLIFF file converted (to change CAT tool, or XLIFF version)
// keeps what tells the editor's work from the machine's: the drafts, so that
// a review of the converted file counts the same edits, and the editor's
// notes with their author.
func TestConvertReviewedKeepsDraftsAndNotes(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "xliff")
	ids := editReviewed(t, dir)
	path := filepath.Join(dir, "reviewed.xlf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Index(string(data), `<trans-unit id="`+ids[0]+`"`)
	e := strings.Index(string(data)[s:], "</trans-unit>") + s
	data = []byte(string(data[:e]) + `<note from="desk">check the date</note>` + string(data[e:]))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	summary := func(file string) map[string]any {
		t.Helper()
		r := runBitext(t, dir, "", "review", "--json", file)
		if r.code != 0 {
			t.Fatalf("review %s: exit %d: %s", file, r.code, r.stderr)
		}
		var rep struct{ Summary map[string]any }
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatalf("review %s: %v", file, err)
		}
		return rep.Summary
	}
	want := summary("reviewed.xlf")
	for _, c := range []struct{ format, note string }{
		{"xliff", `<note from="desk">check the date</note>`},
		{"xliff2", `<note category="desk">check the date</note>`},
	} {
		out := "c-" + c.format + ".xlf"
		if r := runBitext(t, dir, "", "convert", "-f", c.format, "-o", out, "reviewed.xlf"); r.code != 0 {
			t.Fatalf("convert -f %s: exit %d: %s", c.format, r.code, r.stderr)
		}
		got := summary(out)
		for _, k := range []string{"edited", "unchanged", "translated_without_draft", "with_draft", "word_edits"} {
			if got[k] != want[k] {
				t.Errorf("-f %s: review of the converted file: %s = %v, want %v as in the reviewed file", c.format, k, got[k], want[k])
			}
		}
		conv, _ := os.ReadFile(filepath.Join(dir, out))
		if !strings.Contains(string(conv), c.note) {
			t.Errorf("-f %s: the editor's note lost its author", c.format)
		}
		t.Log(xliffCheck(t, filepath.Join(dir, out)))
	}
}
