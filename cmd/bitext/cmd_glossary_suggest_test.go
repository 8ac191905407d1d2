package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

func TestGlossarySuggest(t *testing.T) {
	root := testenv.RepoRoot(t)
	empty := filepath.Join(t.TempDir(), "empty.yaml")
	os.WriteFile(empty, []byte("terms:\n"), 0o644)
	r := runBitext(t, root, "", "glossary", "suggest", "--glossary", empty, "testdata/article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "glossary-suggest.txt", []byte(r.stdout))

	russia := filepath.Join(t.TempDir(), "russia.yaml")
	os.WriteFile(russia, []byte("terms:\n  - ar: روسيا\n    en: Russia\n"), 0o644)
	r = runBitext(t, root, "", "glossary", "suggest", "--glossary", russia, "--json", "--max", "3", "testdata/article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "glossary-suggest.json", []byte(r.stdout))
	if !strings.Contains(r.stdout, `"ar": "كوريا الشمالية"`) || strings.Contains(r.stdout, `"ar": "روسيا"`) {
		t.Error("proposed a term the glossary has")
	}
	if r := runBitext(t, root, "", "glossary", "suggest", "--glossary", "missing.yaml", "testdata/article.txt"); r.code != 1 {
		t.Errorf("missing --glossary: exit %d, want 1", r.code)
	}
}

func TestGlossarySuggestNegativeMax(t *testing.T) {
	r := runBitext(t, testenv.RepoRoot(t), "", "glossary", "suggest", "--max", "-1", "testdata/article.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "--max") {
		t.Errorf("exit %d, stderr %q; want a usage error naming --max", r.code, r.stderr)
	}
}

// shellWords splits a command line as a POSIX shell does for the quoting
// that suggest --add writes: single quotes, and a comment after an unquoted #.
func shellWords(t *testing.T, line string) []string {
	var words []string
	var w strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case quoted && ch == '\'':
			quoted = false
		case quoted:
			w.WriteByte(ch)
		case ch == '\'':
			quoted, inWord = true, true
		case ch == '\\' && i+1 < len(line):
			i++
			w.WriteByte(line[i])
			inWord = true
		case ch == ' ' || ch == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case ch == '#' && !inWord:
			i = len(line)
		default:
			w.WriteByte(ch)
			inWord = true
		}
	}
	if quoted {
		t.Fatalf("unclosed quote in %q", line)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

func TestGlossarySuggestAdd(t *testing.T) {
	root := testenv.RepoRoot(t)
	dir := t.TempDir()
	g := filepath.Join(dir, "my glossary.yaml")
	os.WriteFile(g, []byte("terms:\n"), 0o644)
	article := filepath.Join(dir, "article.txt")
	text, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text = append(text, "\nوقالت جمهورية كوريا الديمقراطية الشعبية إنها سترد.\n"...)
	os.WriteFile(article, text, 0o644)

	r := runBitext(t, root, "", "glossary", "suggest", "--add", "--glossary", g, article)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	added := 0
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		args := shellWords(t, line)
		if len(args) == 0 {
			continue // a comment
		}
		if args[0] != "bitext" {
			t.Fatalf("line %q is no bitext command", line)
		}
		if args[3] == "جمهورية كوريا الديمقراطية الشعبية" && args[4] != "Democratic People's Republic of Korea" {
			t.Errorf("the English with an apostrophe came back as %q", args[4])
		}
		if a := runBitext(t, root, "", args[1:]...); a.code != 0 {
			t.Fatalf("%s: exit %d: %s", line, a.code, a.stderr)
		}
		added++
	}
	if added < 20 {
		t.Fatalf("only %d suggestions added:\n%s", added, r.stdout)
	}
	if !strings.Contains(r.stdout, "Democratic People") {
		t.Error("the name with an apostrophe was not suggested")
	}
	if r := runBitext(t, root, "", "glossary", "suggest", "--glossary", g, article); r.code != 0 || r.stdout != "" {
		t.Errorf("after adding every suggestion, suggest printed %q (exit %d)", r.stdout, r.code)
	}
	empty := filepath.Join(dir, "empty.yaml")
	os.WriteFile(empty, []byte("terms:\n"), 0o644)
	if r := runBitext(t, root, string(text), "glossary", "suggest", "--add", "--glossary", empty, "-"); r.code != 0 ||
		!strings.HasPrefix(r.stdout, "# Names for the article on stdin ") {
		t.Errorf("--add from stdin: exit %d, first line %q", r.code, strings.SplitN(r.stdout, "\n", 2)[0])
	}
	if r := runBitext(t, root, "", "glossary", "suggest", "--add", "--json", article); r.code != 2 {
		t.Errorf("--add --json: exit %d, want 2", r.code)
	}
}
