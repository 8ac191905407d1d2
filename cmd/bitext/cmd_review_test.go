package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"bitext/review"
)

func TestReviewReports(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "xliff")
	ids := editReviewed(t, dir)
	r := runBitext(t, dir, "", "review", "--html", "report.html", "reviewed.xlf")
	if r.code != 0 {
		t.Fatalf("review: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, ids[0]+"  edited") || !strings.Contains(r.stdout, "{+The editor's own words & more+}.") {
		t.Errorf("text report lacks the edit:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, ids[1]+"  ") {
		t.Errorf("a unit that only gained a tag is listed as edited:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "post-edit distance") {
		t.Errorf("no summary:\n%s", r.stdout)
	}
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `[inserted: </span>The editor&#39;s own words &amp; more<span class="vh">]</span></ins>.`) {
		t.Errorf("HTML report does not mark the insertion")
	}

	r = runBitext(t, dir, "", "review", "--json", "reviewed.xlf")
	if r.code != 0 {
		t.Fatalf("review --json: exit %d: %s", r.code, r.stderr)
	}
	var rep review.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("review --json: %v\n%s", err, r.stdout)
	}
	s := rep.Summary
	if s.Edited != 1 || s.Translated != 1 || s.WordEdits == 0 || s.WordPED <= 0 || s.WordPED > 1 {
		t.Errorf("summary: %+v", s)
	}
	// the drafts keep every protected name; the editor's new text drops the
	// names of its unit
	if s.DraftViol != 0 || s.Introduced == 0 || s.Fixed != 0 || !strings.Contains(r.stdout, `"glossary_introduced": [`) {
		t.Errorf("glossary figures: %+v", s)
	}
}

func TestReviewRefusesAndNeverWrites(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "xliff2")
	if r := runBitext(t, dir, "", "review", "--html", "article.xlf", "article.xlf"); r.code != 2 {
		t.Errorf("review over its input: exit %d: %s", r.code, r.stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.xlf"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBitext(t, dir, "", "review", "x.xlf"); r.code != 1 || !strings.Contains(r.stderr, "x.xlf") {
		t.Errorf("review of JSON: exit %d: %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "review", "article.xlf"); r.code != 0 || !strings.Contains(r.stdout, "0 edited") {
		t.Errorf("unreviewed 2.1 file: exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
}

// TestReviewNamesAMissingParagraph: a group deleted from the reviewed file is
// named by its group id, its first words and its line in the article (front
// matter included), also by publish; without the article, by the groups
// around it.
func TestReviewNamesAMissingParagraph(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	article, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	article = append([]byte("---\ntitle: Summit\n---\n"), article...)
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), article, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBitext(t, dir, "", "translate", "-q", "--engine", "test-draft", "--format", "xliff", "article.txt"); r.code != 0 {
		t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "article.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	const para = "وأقر سوليفان بأنه ليس بوسعه"
	at := strings.Index(text, para)
	s := strings.LastIndex(text[:at], "<group ")
	e := strings.Index(text[at:], "</group>") + at + len("</group>")
	gid := regexp.MustCompile(`<group id="([^"]+)"`).FindStringSubmatch(text[s:])[1]
	if err := os.WriteFile(filepath.Join(dir, "miss.xlf"), []byte(text[:s]+text[e:]), 0o644); err != nil {
		t.Fatal(err)
	}
	line := strings.Count(string(article[:strings.Index(string(article), para)]), "\n") + 1

	want := regexp.MustCompile(`miss\.xlf:\d+: paragraph \d+ of the \d+ bitext wrote \(block \d+\) is missing from the file: group ` + gid +
		`, "` + para + `[^"]*…" \(article\.txt:` + fmt.Sprint(line) + `\); it came between groups g\w+ and g\w+`)
	for _, cmd := range []string{"review", "publish"} {
		r := runBitext(t, dir, "", cmd, "miss.xlf")
		if r.code != 1 || !want.MatchString(r.stderr) {
			t.Errorf("%s: exit %d, stderr %q; want the paragraph named as %s", cmd, r.code, r.stderr, want)
		}
	}

	elsewhere := t.TempDir()
	if err := os.WriteFile(filepath.Join(elsewhere, "miss.xlf"), []byte(text[:s]+text[e:]), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, elsewhere, "", "review", "miss.xlf")
	if r.code != 1 || !regexp.MustCompile(`is missing from the file; it came between groups g\w+ and g\w+`).MatchString(r.stderr) {
		t.Errorf("review without the article: exit %d, stderr %q", r.code, r.stderr)
	}
}

// A reviewed XLIFF file that a Windows CAT tool saved with a byte order mark,
// or as UTF-16, is read by every command that reads one, and translate does
// not replace it when it holds the editor's work.
func TestReviewedXLIFFWithBOMOrUTF16(t *testing.T) {
	privateMemory(t)
	utf16 := func(s string) string {
		s = strings.Replace(s, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
		enc, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return enc
	}
	for _, format := range []string{"xliff", "xliff2"} {
		for _, enc := range []struct {
			name   string
			encode func(string) string
		}{
			{"BOM", func(s string) string { return "\uFEFF" + s }},
			{"UTF-16", utf16},
		} {
			t.Run(format+" "+enc.name, func(t *testing.T) {
				dir := sampleDir(t)
				markedXLIFF(t, dir, format, "rev.xlf", sampleMarks(format))
				data, err := os.ReadFile(filepath.Join(dir, "rev.xlf"))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "article.xlf"), []byte(enc.encode(string(data))), 0o644); err != nil {
					t.Fatal(err)
				}
				for _, args := range [][]string{
					{"review", "article.xlf"},
					{"publish", "--allow-gist", "--no-tm", "-o", "x.html", "article.xlf"},
					{"tm", "import", "--tm", "m.db", "article.xlf"},
					{"convert", "--format", "json", "-o", "conv.json", "article.xlf"},
					{"translate", "--no-tm", "--engine", "gist", "--update", "article.xlf", "-o", "v2.xlf", "article.txt"},
				} {
					if r := runBitext(t, dir, "", args...); r.code != 0 {
						t.Errorf("%s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
					}
				}
				// the update kept the file's XLIFF version and the editor's work
				out, _ := os.ReadFile(filepath.Join(dir, "v2.xlf"))
				if want := map[string]string{"xliff": `version="1.2"`, "xliff2": `version="2.1"`}[format]; !strings.Contains(string(out), want) {
					t.Errorf("the update is not %s: %.300s", want, out)
				}
				if !strings.Contains(string(out), "consequences.") {
					t.Error("the update lost the editor's target")
				}
				r := runBitext(t, dir, "", "translate", "--no-tm", "--engine", "gist", "-f", format, "article.txt")
				if r.code != 1 || !strings.Contains(r.stderr, "holds an editor's work") {
					t.Errorf("translate over the reviewed file: exit %d: %s", r.code, r.stderr)
				}
			})
		}
	}
}

// TestReviewCountsUntouchedGistApart: in a gist file where the editor
// translated one unit, the others are still the gist publish refuses: review
// counts them apart, not as drafts accepted unchanged, and measures the
// post-edit distance over the one edited unit only.
func TestReviewCountsUntouchedGistApart(t *testing.T) {
	dir := sampleDir(t)
	data, target := gistXLIFF(t, dir)
	total := len(target.FindAllString(data, -1))
	first := target.FindString(data)
	edited := strings.Replace(data, first, target.ReplaceAllString(first, "${1}The editor's headline.${3}"), 1)
	if err := os.WriteFile(filepath.Join(dir, "reviewed.xlf"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "review", "--json", "reviewed.xlf")
	if r.code != 0 {
		t.Fatalf("review: exit %d: %s", r.code, r.stderr)
	}
	var rep review.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if s := rep.Summary; s.Gist != total-1 || s.Unchanged != 0 || s.Edited != 1 || s.WithDraft != 1 {
		t.Errorf("summary %+v; want %d untouched gist units apart and 1 edited draft", s, total-1)
	}
	r = runBitext(t, dir, "", "review", "reviewed.xlf")
	if want := fmt.Sprintf("%d still the untouched gist", total-1); !strings.Contains(r.stdout, want) || !strings.Contains(r.stdout, "over 1 drafted units") {
		t.Errorf("text report lacks %q and the distance over the 1 edited unit:\n%s", want, r.stdout)
	}
}

// TestReviewHTMLKeepsOtherFiles: --html replaces an earlier report, never
// a page publish wrote (article.html, the name publish gives it by
// default) or any other file: review stops before writing anything.
func TestReviewHTMLKeepsOtherFiles(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "xliff")
	editReviewed(t, dir)
	const page = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>North Korea warned</title></head><body>published</body></html>\n"
	path := filepath.Join(dir, "article.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "review", "--html", "article.html", "reviewed.xlf")
	if r.code != 1 || !strings.Contains(r.stderr, "article.html exists and is not a review report") || r.stdout != "" {
		t.Errorf("review --html over a published page: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if got, _ := os.ReadFile(path); string(got) != page {
		t.Error("the published page was replaced")
	}
	// an earlier report is replaced, as before
	for range 2 {
		if r := runBitext(t, dir, "", "review", "--html", "report.html", "reviewed.xlf"); r.code != 0 {
			t.Fatalf("review --html report.html: exit %d: %s", r.code, r.stderr)
		}
	}
}
