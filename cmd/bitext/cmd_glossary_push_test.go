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
