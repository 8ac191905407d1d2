package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	if !strings.Contains(string(page), "<ins>The editor&#39;s own words &amp; more</ins>.") {
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
