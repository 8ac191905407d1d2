package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runIn runs bitext in dir with stdin and returns the exit code, stdout and stderr.
func runIn(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var out, errOut bytes.Buffer
	code := run(context.Background(), append([]string{"bitext"}, args...), &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut})
	return code, out.String(), errOut.String()
}

const frontMatterArticle = "---\ntitle: عنوان من الملف\nsource: AFP\nurl: https://example.com/a\ndate: 2023-09-05\n---\n" +
	"قمة بوتين وكيم\n\nوقال بيسكوف إن بوتين سيلتقي كيم.\n\nشاركها.\n"

func TestTranslatePageFlags(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		want     []string
		unwanted []string
		stderr   string
	}{
		{"front matter", []string{"translate", "-q", "-o", "-", "a.txt"}, 0,
			[]string{`<h1 lang="ar" dir="rtl">عنوان من الملف</h1>`, `<title lang="ar" dir="rtl">عنوان من الملف</title>`, `<a href="https://example.com/a" rel="noopener noreferrer">AFP</a>`, `<time datetime="2023-09-05">`, "no translation"},
			[]string{"title:", "---"}, ""},
		{"flags win", []string{"translate", "-o", "-", "--title", "Putin & Kim", "--source-name", "Reuters", "--date", "5 Sept", "a.txt"}, 0,
			[]string{"<h1>Putin &amp; Kim</h1>", "Reuters</a>", `<span class="date">5 Sept</span>`}, []string{">AFP<"}, ""},
		{"clean", []string{"translate", "-o", "-", "--clean", "--engine", "none", "a.txt"}, 0,
			[]string{"قمة", `<span class="flag untranslated"`}, []string{`class="fl"`, "check names", "شاركها"}, ""},
		{"clean gist", []string{"translate", "-o", "-", "--clean", "--engine", "gist", "a.txt"}, 0,
			[]string{`<span class="flag gist"`, "gist only"}, []string{`class="fl"`, "شاركها"}, ""},
		{"template", []string{"translate", "-o", "-", "--template", "site.html", "a.txt"}, 0,
			[]string{"<nav>Newsroom</nav>", `<section class="bitext block heading"`}, nil, ""},
		{"bad template", []string{"translate", "-o", "out.html", "--template", "bad.html", "a.txt"}, 1, nil, nil, "bad.html:1"},
		{"missing template", []string{"translate", "-o", "-", "--template", "none.html", "a.txt"}, 1, nil, nil, "none.html"},
		{"page flag with xliff", []string{"translate", "-f", "xliff", "-o", "-", "--clean", "a.txt"}, 2, nil, nil, "--clean applies only to --format html"},
		{"bad front matter", []string{"translate", "-o", "-", "b.txt"}, 1, nil, nil, "b.txt:2: front matter: "},
		{"stdin", []string{"translate", "-o", "-", "--title", "T", "-"}, 0, []string{"<h1>T</h1>"}, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"a.txt":     frontMatterArticle,
				"b.txt":     "---\ntitle: [\n---\nنص.\n",
				"site.html": `<!DOCTYPE html><html><head>{{template "bitext-head" .}}<title>{{.Title}}</title></head><body><nav>Newsroom</nav>{{template "bitext-blocks" .}}</body></html>`,
				"bad.html":  `{{.Title`,
			}
			for name, text := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, out, errOut := runIn(t, dir, frontMatterArticle, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q", w)
				}
			}
			for _, u := range tc.unwanted {
				if strings.Contains(out, u) {
					t.Errorf("output contains %q", u)
				}
			}
			if tc.stderr != "" && !strings.Contains(errOut, tc.stderr) {
				t.Errorf("stderr %q lacks %q", errOut, tc.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "out.html")); err == nil && code != 0 {
				t.Error("failed run left an output file")
			}
		})
	}
}

func TestPageDropsControlCharacters(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cc.txt"), []byte("وقال\x01 المسؤول إن بوتين سيزور موسكو.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runIn(t, dir, "", "translate", "--engine", "gist", "--no-tm", "-f", "json", "cc.txt"); code != 0 {
		t.Fatalf("translate to JSON: exit %d: %s", code, stderr)
	}
	for _, c := range []struct {
		page string
		args []string
	}{
		{"cc.html", []string{"translate", "--engine", "gist", "--no-tm", "cc.txt"}},
		{"converted.html", []string{"convert", "-f", "html", "-o", "converted.html", "cc.json"}},
	} {
		code, _, stderr := runIn(t, dir, "", c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		if n := strings.Count(stderr, "HTML does not allow"); n != 1 {
			t.Errorf("%v: %d warnings, want 1:\n%s", c.args, n, stderr)
		}
		data, err := os.ReadFile(filepath.Join(dir, c.page))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.ContainsRune(data, 1) {
			t.Errorf("%s keeps U+0001", c.page)
		}
	}
}
