package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/segment"
)

func runSegment(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(context.Background(), append([]string{"bitext", "segment"}, args...), e)
	return code, out.String(), errb.String()
}

const article = "../../testdata/article.txt"

func TestSegmentText(t *testing.T) {
	src, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	// Flags may come before or after the file.
	for _, args := range [][]string{{article, "--format", "text"}, {"--format", "text", article}, {article}} {
		code, out, stderr := runSegment(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		blocks := strings.Split(strings.TrimSuffix(out, "\n"), "\n\n")
		if len(blocks) != 31 {
			t.Errorf("%v: %d blocks, want 31 (29 content, 2 boilerplate)", args, len(blocks))
		}
		if blocks[3] != "قمة بوتين وكيم" || blocks[len(blocks)-1] != "Exit mobile version" {
			t.Errorf("%v: unexpected blocks %q ... %q", args, blocks[3], blocks[len(blocks)-1])
		}
		for _, line := range strings.Split(out, "\n") {
			if line != "" && !strings.Contains(string(src), line) {
				t.Errorf("line %q is not text of the article", line)
			}
		}
	}
}

func TestSegmentJSON(t *testing.T) {
	code, out, stderr := runSegment(t, "عنوان\n\nوصل د. محمد. وغادر.", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var d struct {
		Name, Lang string
		Blocks     []struct {
			Kind       string
			Start, End int
			Segments   []struct {
				Start, End int
				Text       string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if d.Name != "stdin" || d.Lang != "ar" || len(d.Blocks) != 2 || d.Blocks[0].Kind != "heading" || len(d.Blocks[1].Segments) != 2 {
		t.Fatalf("unexpected document: %+v", d)
	}
	if s := d.Blocks[1].Segments[1]; s.Text != "وغادر." || s.Start != 33 || s.End != 44 {
		t.Errorf("second sentence %+v, want وغادر. at 33-44", s)
	}
}

func TestSegmentJSONL(t *testing.T) {
	in := `{"id": "a", "text": "وصل. وغادر.\n\nعنوان"}` + "\n" + `{"id": 7, "text": "He left. Mr. Smith stayed."}` + "\n"
	code, out, stderr := runSegment(t, in, "--format", "jsonl", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := `{"id":"a","paragraphs":[["وصل.","وغادر."],["عنوان"]]}` + "\n" + `{"id":7,"paragraphs":[["He left.","Mr. Smith stayed."]]}` + "\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	code, out, _ = runSegment(t, `{"id": 7, "text": "He left. Mr. Smith stayed."}`, "--format", "jsonl", "--lang", "en", "-")
	if code != 0 || !strings.Contains(out, `["He left.","Mr. Smith stayed."]`) {
		t.Errorf("--lang en: exit %d, %s", code, out)
	}
	code, _, stderr = runSegment(t, "{\"id\": 1, \"text\": \"x\"}\nnot json\n", "--format", "jsonl", "-")
	if code != 1 || !strings.Contains(stderr, "stdin:2: not a JSON object") {
		t.Errorf("bad line: exit %d, %q", code, stderr)
	}
}

func TestSegmentSRX(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rules.srx")
	code, _, stderr := runSegment(t, "", "--export-srx", "-o", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := segment.ParseSRX(path, bytes.NewReader(data)); err != nil {
		t.Fatalf("exported rules do not load: %v", err)
	}
	code, out, _ := runSegment(t, "", "--format", "srx")
	if code != 0 || out != string(data) {
		t.Errorf("--format srx differs from --export-srx (exit %d)", code)
	}
	// Edited rules change the segmentation: drop the Arabic rule for "د.".
	edited := strings.Replace(string(data), `<beforebreak>(?:^|[\s(\[{«»"“”'‘’،,:;؛])و?(?:\p{L}\p{M}*\.)*\p{L}\p{M}*\s?\.[)\]]?</beforebreak>`, `<beforebreak>QQQ</beforebreak>`, 1)
	if edited == string(data) {
		t.Fatal("the single-letter rule is not in the exported file")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = runSegment(t, "التقى د. محمد.", "--rules", path, "-")
	if code != 0 || out != "التقى د.\nمحمد.\n" {
		t.Errorf("--rules: exit %d, %q %s", code, out, stderr)
	}
}

func TestSegmentErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.srx")
	if err := os.WriteFile(bad, []byte("<srx>\n<body>\n<languagerules><languagerule languagerulename=\"x\">\n<rule><beforebreak>(?&lt;=a)</beforebreak><afterbreak/></rule></languagerule></languagerules>\n<maprules><languagemap languagepattern=\".*\" languagerulename=\"x\"/></maprules></body></srx>"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.txt")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no file", nil, 2, "want one input file"},
		{"two files", []string{"a", "b"}, 2, "want one input file"},
		{"unknown format", []string{"--format", "xml", article}, 2, `unknown --format "xml"`},
		{"unknown flag after file", []string{article, "--bogus"}, 2, "flag provided but not defined"},
		{"missing file", []string{filepath.Join(dir, "none.txt")}, 1, "none.txt: no such file"},
		{"directory", []string{dir}, 1, "is a directory"},
		{"missing rules", []string{"--rules", filepath.Join(dir, "none.srx"), article}, 1, "none.srx: no such file"},
		{"bad rules", []string{"--rules", bad, "-o", out, article}, 1, "bad.srx: languagerule \"x\": line 4: beforebreak"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runSegment(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.msg)
			}
		})
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed run left %s behind", out)
	}
}

// Front matter is page settings, not text: segment leaves it out as
// translate does, and offsets stay those of the file.
func TestSegmentSkipsFrontMatter(t *testing.T) {
	dir := t.TempDir()
	text := "---\ntitle: North Korea warned\n---\n\nقال الرئيس إن المحادثات مستمرة.\n"
	os.WriteFile(filepath.Join(dir, "fm.txt"), []byte(text), 0o644)
	r := runBitext(t, dir, "", "segment", "fm.txt")
	if r.code != 0 || r.stdout != "قال الرئيس إن المحادثات مستمرة.\n" {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
	r = runBitext(t, dir, "", "segment", "-f", "json", "fm.txt")
	if want := fmt.Sprintf(`"start": %d`, strings.Index(text, "قال")); !strings.Contains(r.stdout, want) {
		t.Errorf("json offsets: want %s in\n%s", want, r.stdout)
	}
}

// Rules with no language map for the text's language would split nothing:
// that is an error, not a silent one-line output.
func TestSegmentRulesMustCoverTheLanguage(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "fr.srx"), []byte(`<srx xmlns="http://www.lisa.org/srx20" version="2.0"><body><languagerules><languagerule languagerulename="x"><rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern="fr" languagerulename="x"/></maprules></body></srx>`), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("قال الرئيس. وأضاف الوزير.\n"), 0o644)
	if r := runBitext(t, dir, "", "segment", "--rules", "fr.srx", "a.txt"); r.code != 1 || !strings.Contains(r.stderr, `no language map of these rules applies to "ar"`) {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "segment", "--rules", "fr.srx", "--lang", "fr", "a.txt"); r.code != 0 || strings.Count(r.stdout, "\n") != 2 {
		t.Errorf("--lang fr: exit %d, stdout %q", r.code, r.stdout)
	}
}

// TestSegmentRefusesToOverwriteItsInput: -o naming the article would replace
// it with its sentences.
func TestSegmentRefusesToOverwriteItsInput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	const text = "عنوان\n\nوصل د. محمد. وغادر.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runSegment(t, "", "-o", path, path)
	if code != 2 || !strings.Contains(stderr, path) {
		t.Errorf("exit %d, stderr %q; want a usage error naming %s", code, stderr, path)
	}
	if data, _ := os.ReadFile(path); string(data) != text {
		t.Errorf("the article was overwritten: %q", data)
	}
}

// TestSegmentJSONLByteOrderMark: Notepad and Excel save JSON Lines with a
// byte order mark, which must not make the first line unreadable.
func TestSegmentJSONLByteOrderMark(t *testing.T) {
	code, out, stderr := runSegment(t, "\ufeff{\"id\":\"a\",\"text\":\"وصل. وغادر.\"}\r\n{\"id\":\"b\",\"text\":\"جملة.\"}\r\n", "--format", "jsonl", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "{\"id\":\"a\",\"paragraphs\":[[\"وصل.\",\"وغادر.\"]]}\n{\"id\":\"b\",\"paragraphs\":[[\"جملة.\"]]}\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

// TestSegmentJSONEmptyText: a text with no blocks still has a list of
// blocks, so that a reader iterates over it without a null check.
func TestSegmentJSONEmptyText(t *testing.T) {
	code, out, stderr := runSegment(t, " \n\n", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var d map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if string(d["blocks"]) != "[]" {
		t.Errorf("blocks = %s, want []", d["blocks"])
	}
}
