package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGlossaryPushWritesTSV(t *testing.T) {
	dir := sampleDir(t)
	r := runBitext(t, dir, "", "glossary", "push", "--tsv", "names.tsv")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "names.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"جيك سوليفان\tJake Sullivan\n", "كيم جونغ اون\tKim Jong Un\n"} {
		if !strings.Contains(string(data), row) {
			t.Errorf("TSV lacks %q", row)
		}
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.Count(line, "\t") != 1 {
			t.Errorf("line %d is not two columns: %q", i+1, line)
		}
	}
}

func TestGlossaryPushNeedsSettings(t *testing.T) {
	dir := sampleDir(t)
	t.Setenv("GOOGLE_CLOUD_PROJECT", "")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"glossary", "push"}, "GOOGLE_CLOUD_PROJECT"},
		{[]string{"glossary", "push", "--project", "p"}, "--gcs-uri"},
		{[]string{"glossary", "push", "--glossary", "nosuch.yaml", "--project", "p"}, "nosuch.yaml"},
		// Cloud Translation reads the object by its extension: TSV read as CSV is one column.
		{[]string{"glossary", "push", "--project", "p", "--gcs-uri", "gs://b/names.csv"}, "name the object .tsv"},
	} {
		r := runBitext(t, dir, "", tc.args...)
		if r.code == 0 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, %q lacks %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	// A project variable holding only a line break is no project, and one
	// with a control character inside is named as the culprit.
	for env, want := range map[string]string{"\n": "no Google Cloud project", "my\x1bproj": "$GOOGLE_CLOUD_PROJECT holds a control character"} {
		t.Setenv("GOOGLE_CLOUD_PROJECT", env)
		r := runBitext(t, dir, "", "glossary", "push", "--gcs-uri", "gs://b/names.tsv")
		if r.code != 2 || !strings.Contains(r.stderr, want) {
			t.Errorf("GOOGLE_CLOUD_PROJECT=%q: exit %d, %q lacks %q", env, r.code, r.stderr, want)
		}
	}
}

// Homographs and ordinary words, which bitext matches only in context, stay
// out of what goes to Google, which would write them everywhere: the push
// and the CSV name them, and the rest goes.
func TestGlossaryForGoogleLeavesOutContextTerms(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "glossary.yaml"), []byte(`terms:
  - ar: عمان
    en: Amman
    context: [الأردن]
  - ar: عمان
    en: Oman
    context: [مسقط]
  - ar: المصري
    en: al-Masri
    context: [أبو أيوب]
  - ar: القاهرة
    en: Cairo
    variants: [القاهره]
`), 0o644)
	r := runBitext(t, dir, "", "glossary", "push", "--tsv", "names.tsv")
	data, _ := os.ReadFile(filepath.Join(dir, "names.tsv"))
	if r.code != 0 || string(data) != "القاهرة\tCairo\nالقاهره\tCairo\n" {
		t.Fatalf("push --tsv: exit %d, %s\n%s", r.code, r.stderr, data)
	}
	for _, want := range []string{"glossary.yaml:2: عمان: left out of the Google glossary: Amman or Oman",
		"glossary.yaml:5: عمان: left out", "glossary.yaml:8: المصري: left out of the Google glossary: mostly an ordinary word"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("push --tsv: stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	r = runBitext(t, dir, "", "glossary", "export", "-f", "csv")
	if r.code != 0 || r.stdout != "القاهرة,Cairo\nالقاهره,Cairo\n" || !strings.Contains(r.stderr, "المصري: left out of the CSV") {
		t.Errorf("export -f csv: exit %d, %s\n%s", r.code, r.stderr, r.stdout)
	}
}
