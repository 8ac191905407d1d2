package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	if !strings.Contains(string(back), `"target": "Draft sentence 1`) {
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
