package main

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"bitext/doc"
	"bitext/internal/testenv"
	"bitext/tmx"
)

// sampleDir returns a temporary folder holding the sample article and the
// project's glossary, as a newsroom's working folder would.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"testdata/article.txt", "glossary.yaml"} {
		data, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestTranslateSampleGolden(t *testing.T) {
	for _, tc := range []struct{ format, file string }{
		{"html", "article.html"},
		{"xliff", "article.xlf"},
		{"json", "article.json"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			dir := sampleDir(t)
			r := runBitext(t, dir, "", "translate", "--engine", "none", "--format", tc.format, "article.txt")
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.file) {
				t.Errorf("stderr does not say where the output went: %q", r.stderr)
			}
			got, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.file, got)
		})
	}
}

func TestTranslateJSONContract(t *testing.T) {
	dir := sampleDir(t)
	r := runBitext(t, dir, "", "translate", "--engine", "none", "--format", "json", "-o", "-", "article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		SourceLang string `json:"source_lang"`
		TargetLang string `json:"target_lang"`
		Units      []map[string]json.RawMessage
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	if out.SourceLang != "ar" || out.TargetLang != "en" {
		t.Errorf("langs = %q, %q", out.SourceLang, out.TargetLang)
	}
	if len(out.Units) == 0 {
		t.Fatal("no units")
	}
	lastBlock := -1
	kinds := map[string]int{}
	for i, u := range out.Units {
		for _, key := range []string{"id", "block", "kind", "source", "target", "state", "terms"} {
			if _, ok := u[key]; !ok {
				t.Fatalf("unit %d lacks %q", i, key)
			}
		}
		var block int
		var kind string
		json.Unmarshal(u["block"], &block)
		json.Unmarshal(u["kind"], &kind)
		if block < lastBlock {
			t.Errorf("unit %d: block %d after block %d: not in document order", i, block, lastBlock)
		}
		if block != lastBlock {
			kinds[kind]++
		}
		lastBlock = block
	}
	if kinds["heading"] != 3 || kinds["heading"]+kinds["paragraph"] != 29 || kinds["boilerplate"] == 0 {
		t.Errorf("blocks by kind = %v, want 3 headings, 29 content blocks and boilerplate", kinds)
	}
}

func TestTranslateNoneKeepsGlossaryNotes(t *testing.T) {
	dir := sampleDir(t)
	r := runBitext(t, dir, "", "translate", "--engine", "none", "--format", "json", "-o", "-", "article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	b, err := doc.ReadJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, u := range b.Units {
		if u.Target != "" {
			t.Errorf("unit %s: engine none produced target %q", u.ID, u.Target)
		}
		if u.Kind != doc.Boilerplate && (u.State != doc.StateNew || !u.HasFlag(doc.FlagUntranslated)) {
			t.Errorf("unit %s: state %q flags %v, want new and untranslated", u.ID, u.State, u.Flags)
		}
		for _, h := range u.Terms {
			found[h.En] = true
		}
		if len(u.Terms) > 0 && !strings.Contains(strings.Join(u.Notes, "\n"), u.Terms[0].En) {
			t.Errorf("unit %s: notes %q lack the glossary rendering %q", u.ID, u.Notes, u.Terms[0].En)
		}
	}
	for _, want := range []string{"Jake Sullivan", "Pyongyang", "Linda Thomas-Greenfield", "Yonhap", "Vladimir Putin"} {
		if !found[want] {
			t.Errorf("glossary name %q not found in the sample", want)
		}
	}
}

func TestTranslateBoilerplateNeverSent(t *testing.T) {
	dir := sampleDir(t)
	r := runBitext(t, dir, "", "translate", "--format", "json", "-o", "-", "article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	b, err := doc.ReadJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	var boiler []string
	for _, u := range b.Units {
		if u.Kind == doc.Boilerplate {
			boiler = append(boiler, u.Source)
			if u.Target != "" || u.State == doc.StateMachine {
				t.Errorf("boilerplate unit %q was translated: %q", u.Source, u.Target)
			}
		}
	}
	if got := strings.Join(boiler, "|"); got != "شاركها.|اترك تعليقاً|Exit mobile version" {
		t.Errorf("boilerplate units = %q", got)
	}
}

func TestTranslateEscapesMarkup(t *testing.T) {
	dir := t.TempDir()
	article := "قال المسؤول <script>alert(1)</script> إن &amp; ليست رمزا.\n"
	if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"html", "xliff"} {
		r := runBitext(t, dir, "", "translate", "--format", format, "-o", "-", "x.txt")
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", format, r.code, r.stderr)
		}
		if strings.Contains(strings.ToLower(r.stdout), "<script") {
			t.Errorf("%s: the article's <script> reached the output as markup", format)
		}
		// The text a reader sees (markup removed, entities decoded once) must be the article's text.
		seen := html.UnescapeString(tagRE.ReplaceAllString(r.stdout, ""))
		for _, want := range []string{"<script>alert(1)</script>", "إن &amp; ليست"} {
			if !strings.Contains(seen, want) {
				t.Errorf("%s: the reader does not see %q as text", format, want)
			}
		}
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

func TestTranslateStdinToStdout(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, t.TempDir(), string(data), "translate", "--format", "json", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "{") {
		t.Errorf("stdin input did not go to stdout: %.80q", r.stdout)
	}
}

func TestTranslateBadInput(t *testing.T) {
	cp1256 := []byte{0xC7, 0xE1, 0xD1, 0xC6, 0xED, 0xD3, 0x20, 0xC7, 0xE1, 0xD1, 0xE6, 0xD3, 0xED, 0x0A}
	cases := []struct {
		name    string
		files   map[string][]byte
		args    []string
		code    int
		wantErr []string
	}{
		{"empty file", map[string][]byte{"a.txt": {}}, []string{"a.txt"}, 1, []string{"a.txt", "nothing to translate"}},
		{"white space only", map[string][]byte{"a.txt": []byte(" \n\t\n  \n")}, []string{"a.txt"}, 1, []string{"a.txt", "nothing to translate"}},
		{"windows-1256", map[string][]byte{"a.txt": cp1256}, []string{"a.txt"}, 1, []string{"a.txt:1", "not UTF-8", "Windows-1256"}},
		{"utf-16", map[string][]byte{"a.txt": {0xFF, 0xFE, 0x27, 0x06}}, []string{"a.txt"}, 1, []string{"a.txt", "UTF-16"}},
		{"missing file", nil, []string{"nosuch.txt"}, 1, []string{"nosuch.txt", "no such file"}},
		{"directory without articles", map[string][]byte{"d/x.md": []byte("x")}, []string{"d"}, 1, []string{"d", "directory", ".txt"}},
		{"glossary syntax error", map[string][]byte{"a.txt": []byte("قال.\n"), "g.yaml": []byte("terms:\n  - ar: بوتين\n    en: [Putin\n")},
			[]string{"--glossary", "g.yaml", "a.txt"}, 1, []string{"g.yaml:3: did not find expected ',' or ']'"}},
		{"glossary entry without English", map[string][]byte{"a.txt": []byte("قال.\n"), "g.yaml": []byte("terms:\n  - ar: بوتين\n  - ar: موسكو\n")},
			[]string{"--glossary", "g.yaml", "a.txt"}, 1, []string{"g.yaml:2", "English"}},
		{"no input", nil, []string{}, 2, []string{"want one input file"}},
		{"unknown format", map[string][]byte{"a.txt": []byte("قال.\n")}, []string{"--format", "pdf", "a.txt"}, 2, []string{"pdf"}},
		{"unknown engine", map[string][]byte{"a.txt": []byte("قال.\n")}, []string{"--engine", "nosuch", "a.txt"}, 2, []string{"nosuch"}},
		{"unknown flag", nil, []string{"--nosuch", "a.txt"}, 2, []string{"nosuch"}},
		{"output is the article", map[string][]byte{"a.txt": []byte("قال.\n")}, []string{"-o", "a.txt", "a.txt"}, 2, []string{"a.txt", "overwrite the article"}},
		{"stdin into a folder", nil, []string{"--out-dir", "out", "-"}, 2, []string{"stdin", "-o"}},
		{"negative price", map[string][]byte{"a.txt": []byte("قال.\n")}, []string{"--price", "-1", "a.txt"}, 2, []string{"--price"}},
		{"fuzzy out of range", map[string][]byte{"a.txt": []byte("قال.\n")}, []string{"--fuzzy", "2", "a.txt"}, 2, []string{"--fuzzy"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tc.files {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// An earlier output must survive a failed run untouched.
			const previous = "previous output\n"
			os.WriteFile(filepath.Join(dir, "a.html"), []byte(previous), 0o644)
			r := runBitext(t, dir, "", append([]string{"translate"}, tc.args...)...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", r.code, tc.code, r.stderr)
			}
			// A glossary with several bad entries lists them all, one per line.
			if !strings.HasPrefix(tc.name, "glossary") && strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
				t.Errorf("error is not one line: %q", r.stderr)
			}
			for _, w := range tc.wantErr {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q lacks %q", r.stderr, w)
				}
			}
			for name, data := range tc.files {
				if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != string(data) {
					t.Errorf("a failed run changed its input %s: %q", name, got)
				}
			}
			if got, _ := os.ReadFile(filepath.Join(dir, "a.html")); string(got) != previous {
				t.Errorf("a failed run changed the earlier output: %q", got)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp") {
					t.Errorf("left a temporary file behind: %s", e.Name())
				}
			}
		})
	}
}

// A deployment script reads the version as the second word of one line,
// from `bitext version` or `bitext --version` alike, or from --json.
func TestVersion(t *testing.T) {
	r := runBitext(t, "", "", "version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "bitext ") || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("version: exit %d, stdout %q", r.code, r.stdout)
	}
	if flag := runBitext(t, "", "", "--version"); flag.code != 0 || flag.stdout != r.stdout {
		t.Errorf("--version printed %q (exit %d), version %q", flag.stdout, flag.code, r.stdout)
	}
	j := runBitext(t, "", "", "version", "--json")
	var v versionInfo
	if err := json.Unmarshal([]byte(j.stdout), &v); err != nil || j.code != 0 {
		t.Fatalf("version --json: exit %d, %v: %q", j.code, err, j.stdout)
	}
	if words := strings.Fields(r.stdout); v.Version != words[1] || v.Go != runtime.Version() || v.OS+"/"+v.Arch != runtime.GOOS+"/"+runtime.GOARCH {
		t.Errorf("version --json %+v does not match %q", v, r.stdout)
	}
	line := versionLine(versionInfo{Version: "v1.4.0", Commit: "3f2a1b9", Modified: true, Go: "go1.26.1", OS: "linux", Arch: "arm64"})
	if line != "bitext v1.4.0 (go1.26.1, linux/arm64, commit 3f2a1b9, modified)" {
		t.Errorf("version line %q", line)
	}
}

func TestFlagsAfterArguments(t *testing.T) {
	dir := sampleDir(t)
	r := runBitext(t, dir, "", "translate", "article.txt", "-o", "out.json", "--format=json", "-q")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.json")); err != nil {
		t.Errorf("flags after the file were ignored: %v", err)
	}
	if r.stderr != "" {
		t.Errorf("--quiet after the file was ignored: %q", r.stderr)
	}
}

func TestTranslateTMX(t *testing.T) {
	count := func(dir string, engine string) (units, pairs int) {
		t.Helper()
		r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", engine, "--format", "json", "-o", "article.json", "article.txt")
		if r.code != 0 {
			t.Fatalf("%s json: exit %d: %s", engine, r.code, r.stderr)
		}
		data, _ := os.ReadFile(filepath.Join(dir, "article.json"))
		b, err := doc.ReadJSON(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range b.Units {
			if u.Kind != doc.Boilerplate && u.Target != "" {
				units++
			}
		}
		r = runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", engine, "--format", "tmx", "article.txt")
		if r.code != 0 {
			t.Fatalf("%s tmx: exit %d: %s", engine, r.code, r.stderr)
		}
		f, err := os.Open(filepath.Join(dir, "article.tmx"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		tm, err := tmx.Read(f)
		if err != nil {
			t.Fatalf("%s: article.tmx does not read back: %v", engine, err)
		}
		return units, len(tm.Units)
	}
	dir := sampleDir(t)
	if units, pairs := count(dir, "test-draft"); units == 0 || pairs != units {
		t.Errorf("machine drafts: %d translated units, %d TMX pairs; want all of them", units, pairs)
	}
	if units, pairs := count(dir, "gist"); units == 0 || pairs != 0 {
		t.Errorf("gist: %d glossed units, %d TMX pairs; a gist must never go into a TMX", units, pairs)
	}
}

// An editor's reviewed XLIFF is never replaced by a second run that would
// wipe the review: only --update (which keeps it), -o or --force proceed.
func TestTranslateKeepsReviewedXLIFF(t *testing.T) {
	for _, format := range []string{"xliff", "xliff2"} {
		t.Run(format, func(t *testing.T) {
			dir := sampleDir(t)
			if r := runBitext(t, dir, "", "translate", "--engine", "gist", "-f", format, "article.txt"); r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			// Running again over an untouched draft is fine.
			if r := runBitext(t, dir, "", "translate", "--engine", "gist", "-f", format, "article.txt"); r.code != 0 {
				t.Fatalf("second run over an unreviewed draft: exit %d: %s", r.code, r.stderr)
			}
			path := filepath.Join(dir, "article.xlf")
			edited := editFirstTarget(t, path, "The editor's sentence.")
			r := runBitext(t, dir, "", "translate", "--engine", "gist", "-f", format, "article.txt")
			if r.code != 1 || !strings.Contains(r.stderr, "article.xlf holds an editor's work") || !strings.Contains(r.stderr, "--update") {
				t.Fatalf("exit %d, stderr %s; want a refusal naming the file and --update", r.code, r.stderr)
			}
			if got, _ := os.ReadFile(path); string(got) != string(edited) {
				t.Fatal("the reviewed file was changed")
			}
			if r := runBitext(t, dir, "", "translate", "--engine", "gist", "-f", format, "--update", "article.xlf", "article.txt"); r.code != 0 {
				t.Fatalf("--update over its own file: exit %d: %s", r.code, r.stderr)
			}
			if got, _ := os.ReadFile(path); !strings.Contains(string(got), "The editor's sentence.") {
				t.Error("--update lost the editor's sentence")
			}
			if r := runBitext(t, dir, "", "translate", "--engine", "gist", "-f", format, "--force", "article.txt"); r.code != 0 {
				t.Fatalf("--force: exit %d: %s", r.code, r.stderr)
			}
			if got, _ := os.ReadFile(path); strings.Contains(string(got), "The editor's sentence.") {
				t.Error("--force did not replace the file")
			}
		})
	}
}

// In a batch, an article that cannot be read is reported and skipped; the
// others are still translated and the run fails at the end.
func TestTranslateBatchSkipsBadArticle(t *testing.T) {
	dir := sampleDir(t)
	articleFolder(t, dir, "b.txt", "a.txt", "b.txt", "c.txt")
	r := runBitext(t, dir, "", "translate", "--engine", "gist", "--out-dir", "out", "in")
	if r.code != 1 || !strings.Contains(r.stderr, "in/b.txt") || !strings.Contains(r.stderr, "1 of 3 articles skipped") {
		t.Fatalf("exit %d, stderr %s; want exit 1 naming in/b.txt", r.code, r.stderr)
	}
	for _, name := range []string{"a.html", "c.html"} {
		if _, err := os.Stat(filepath.Join(dir, "out", name)); err != nil {
			t.Errorf("the good article's output: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "b.html")); err == nil {
		t.Error("an output was written for the empty article")
	}
	// A pipeline reading the JSON report sees the same exit code.
	r = runBitext(t, dir, "", "translate", "--engine", "gist", "--json", "--out-dir", "out2", "in")
	if r.code != 1 || !strings.Contains(r.stderr, "1 of 3 articles skipped") || !strings.Contains(r.stdout, `"skipped"`) {
		t.Errorf("--json: exit %d, stderr %s", r.code, r.stderr)
	}
	os.WriteFile(filepath.Join(dir, "in", "a.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "in", "c.txt"), nil, 0o644)
	if r := runBitext(t, dir, "", "translate", "--engine", "gist", "--out-dir", "out", "in"); r.code != 1 || !strings.Contains(r.stderr, "no article to translate") {
		t.Errorf("all empty: exit %d, stderr %s", r.code, r.stderr)
	}
}

// --update without --format writes the XLIFF version of the file it updates.
func TestTranslateUpdateKeepsTheXLIFFVersion(t *testing.T) {
	for format, version := range map[string]string{"xliff": `version="1.2"`, "xliff2": `version="2.1"`} {
		t.Run(format, func(t *testing.T) {
			dir := sampleDir(t)
			if r := runBitext(t, dir, "", "translate", "--no-tm", "--engine", "gist", "-f", format, "article.txt"); r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if r := runBitext(t, dir, "", "translate", "--no-tm", "--engine", "gist", "--update", "article.xlf", "-o", "v2.xlf", "article.txt"); r.code != 0 {
				t.Fatalf("--update: exit %d: %s", r.code, r.stderr)
			}
			data, err := os.ReadFile(filepath.Join(dir, "v2.xlf"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data[:min(len(data), 400)]), version) {
				t.Errorf("updated file does not say %s: %.300s", version, data)
			}
		})
	}
}

// --update writes a kept unit as the editor left it: the editor's notes with
// their author, the machine draft (so that review still counts the unit as
// edited), no gist note once the gist is replaced, and the target's paired
// codes when the new file is of the same XLIFF version (their text otherwise).
func TestTranslateUpdateKeepsNotesDraftAndCodes(t *testing.T) {
	privateMemory(t)
	const id = "u2d08be18d5d0" // the second paragraph's sentence, unchanged in v2
	unitRE := regexp.MustCompile(`(?s)<(?:trans-unit|unit) id="` + id + `".*?</(?:trans-unit|unit)>`)
	for _, tc := range []struct {
		format, other, code, note, author, tgtRE string
	}{
		{"xliff", "xliff2", `<g id="1">own</g>`, `<note from="editor">check the name</note>`, `from="bitext"`,
			`(?s)(<target xml:lang="en" )state="[^"]*" state-qualifier="[^"]*" phase-name="mt">.*?(</target>)`},
		{"xliff2", "xliff", `<pc id="p1">own</pc>`, `<note category="editor">check the name</note>`, `category="bitext"`,
			`(?s)(<segment id="s1" )state="[^"]*" subState="[^"]*">(\s*<source.*?</source>\s*<target xml:space="preserve">).*?(</target>)`},
	} {
		t.Run(tc.format, func(t *testing.T) {
			dir := sampleDir(t)
			if r := runBitext(t, dir, "", "translate", "-q", "--engine", "gist", "-f", tc.format, "-o", "rev.xlf", "article.txt"); r.code != 0 {
				t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
			}
			data, err := os.ReadFile(filepath.Join(dir, "rev.xlf"))
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			unit := unitRE.FindString(text)
			edited := "The editor's " + tc.code + " words."
			if tc.format == "xliff" {
				edited = regexp.MustCompile(tc.tgtRE).ReplaceAllString(unit, `${1}state="translated">`+edited+`${2}`)
				edited = strings.Replace(edited, "</trans-unit>", tc.note+"</trans-unit>", 1)
			} else {
				edited = regexp.MustCompile(tc.tgtRE).ReplaceAllString(unit, `${1}state="reviewed">${2}`+edited+`${3}`)
				edited = strings.Replace(edited, "</notes>", tc.note+"</notes>", 1)
			}
			if edited == unit || !strings.Contains(edited, tc.note) {
				t.Fatalf("the edit did not apply:\n%s", unit)
			}
			text = strings.Replace(text, unit, edited, 1)
			write := func(name, s string) {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("rev.xlf", text)
			article, _ := os.ReadFile(filepath.Join(dir, "article.txt"))
			write("v2.txt", strings.Replace(string(article), "حذر مسؤول كبير", "حذر مسؤول رفيع", 1))

			for _, format := range []string{tc.format, tc.other} {
				out := format + ".xlf"
				if r := runBitext(t, dir, "", "translate", "-q", "--engine", "gist", "-f", format, "--update", "rev.xlf", "-o", out, "v2.txt"); r.code != 0 {
					t.Fatalf("--update -f %s: exit %d: %s", format, r.code, r.stderr)
				}
				xliffCheck(t, filepath.Join(dir, out))
				data, _ := os.ReadFile(filepath.Join(dir, out))
				got := unitRE.FindString(string(data))
				note := tc.note
				if format != tc.format { // the author goes where the other version keeps it
					note = map[string]string{"xliff": `<note from="editor">check the name</note>`, "xliff2": `<note category="editor">check the name</note>`}[format]
				}
				if !strings.Contains(got, note) {
					t.Errorf("-f %s: the editor's note lost its author:\n%s", format, got)
				}
				if strings.Contains(got, "word-by-word gist") {
					t.Errorf("-f %s: the edited unit still says it is a gist:\n%s", format, got)
				}
				if !strings.Contains(got, "And adviser of the national security") {
					t.Errorf("-f %s: the kept unit lost its machine draft:\n%s", format, got)
				}
				wantTarget := "The editor's own words."
				if format == tc.format {
					wantTarget = "The editor's " + tc.code + " words."
				}
				if !strings.Contains(got, wantTarget) {
					t.Errorf("-f %s: target is not %q:\n%s", format, wantTarget, got)
				}
				// bitext's own notes on the other units stay bitext's
				if gist := regexp.MustCompile(`<note [^>]*>word-by-word gist`).FindString(string(data)); !strings.Contains(gist, map[string]string{"xliff": `from="bitext"`, "xliff2": `category="bitext"`}[format]) {
					t.Errorf("-f %s: the gist note is written as %q", format, gist)
				}
				r := runBitext(t, dir, "", "review", out)
				if !strings.Contains(r.stdout+r.stderr, "1 edited") || !strings.Contains(r.stdout+r.stderr, "0 translated without a draft") {
					t.Errorf("-f %s: review: %s%s", format, r.stdout, r.stderr)
				}
			}
		})
	}
}

// An English text given as the Arabic article is refused, naming the file.
func TestTranslateRefusesEnglishArticle(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "en.txt"), []byte("The president said the talks would go on.\n"), 0o644)
	r := runBitext(t, dir, "", "translate", "--engine", "gist", "--no-tm", "en.txt")
	if r.code != 1 || !strings.Contains(r.stderr, "en.txt: almost no Arabic letters") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "en.html")); err == nil {
		t.Error("an output was written for the English text")
	}
}

// A run from a folder without glossary.yaml says that no glossary is used.
func TestTranslateSaysWhenNoGlossary(t *testing.T) {
	dir := sampleDir(t)
	os.Remove(filepath.Join(dir, "glossary.yaml"))
	r := runBitext(t, dir, "", "translate", "--engine", "gist", "--no-tm", "article.txt")
	if r.code != 0 || !strings.Contains(r.stderr, "no glossary") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	os.WriteFile(filepath.Join(dir, "names.yaml"), []byte("terms:\n  - ar: بوتين\n    en: Putin\n"), 0o644)
	if r := runBitext(t, dir, "", "translate", "--engine", "gist", "--no-tm", "-g", "names.yaml", "--force", "article.txt"); r.code != 0 || strings.Contains(r.stderr, "no glossary") {
		t.Errorf("-g names.yaml: exit %d, stderr %s", r.code, r.stderr)
	}
}

// In a folder run, an article whose XLIFF holds an editor's work is skipped
// and named with the command that updates it; the others are translated.
func TestTranslateFolderSkipsReviewedXLIFF(t *testing.T) {
	dir := sampleDir(t)
	articleFolder(t, dir, "", "a.txt", "b.txt")
	args := []string{"translate", "--engine", "gist", "--no-tm", "-f", "xliff", "--out-dir", "out", "in"}
	if r := runBitext(t, dir, "", args...); r.code != 0 {
		t.Fatalf("first run: %s", r.stderr)
	}
	a := filepath.Join(dir, "out", "a.xlf")
	data, _ := os.ReadFile(a)
	edited := []byte(strings.Replace(string(data), `<trans-unit id=`, `<trans-unit approved="yes" id=`, 1))
	if string(edited) == string(data) {
		t.Fatal("no unit to approve in the draft")
	}
	os.WriteFile(a, edited, 0o644)
	os.Remove(filepath.Join(dir, "out", "b.xlf"))
	r := runBitext(t, dir, "", args...)
	if r.code != 1 || !strings.Contains(r.stderr, "out/a.xlf holds an editor's work") || !strings.Contains(r.stderr, "--update out/a.xlf in/a.txt") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(a); string(got) != string(edited) {
		t.Error("the reviewed file was replaced")
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "b.xlf")); err != nil {
		t.Errorf("the other article was not translated: %v", err)
	}
}

// A web page saved as the article is refused rather than sent as text.
func TestTranslateRefusesHTMLPage(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "page.txt"), []byte("<!DOCTYPE html>\n<html><body><p>قال الرئيس إن المحادثات مستمرة.</p></body></html>\n"), 0o644)
	r := runBitext(t, dir, "", "translate", "--engine", "gist", "--no-tm", "page.txt")
	if r.code != 1 || !strings.Contains(r.stderr, "page.txt: an HTML page") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
}

// TestTranslateBatchGoesOnAfterAFailedWrite: an output that cannot be
// written (here a folder in its place; a full disk does the same) costs
// only its own article: the others are written, the run exits 1 naming
// the file, and --json still prints the report a pipeline resumes from.
func TestTranslateBatchGoesOnAfterAFailedWrite(t *testing.T) {
	dir := sampleDir(t)
	articleFolder(t, dir, "", "a.txt", "b.txt", "c.txt")
	if err := os.MkdirAll(filepath.Join(dir, "out", "b.html"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "translate", "--engine", "gist", "--json", "--out-dir", "out", "in")
	if r.code != 1 || !strings.Contains(r.stderr, filepath.Join("out", "b.html")) || !strings.Contains(r.stderr, "1 of 3 articles") {
		t.Errorf("exit %d, stderr %s; want exit 1 naming out/b.html", r.code, r.stderr)
	}
	for _, name := range []string{"a.html", "c.html"} {
		if _, err := os.Stat(filepath.Join(dir, "out", name)); err != nil {
			t.Errorf("the other articles' outputs: %v", err)
		}
	}
	var rep struct {
		Files []struct {
			Input, Output string
		}
		Skipped []string
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("--json report: %v\n%s", err, r.stdout)
	}
	if len(rep.Files) != 2 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0], "b.html") {
		t.Errorf("report lists %+v written and %q skipped; want a and c written, b skipped", rep.Files, rep.Skipped)
	}
	// One article: its own error, and the report too.
	r = runBitext(t, dir, "", "translate", "--engine", "gist", "--json", "-o", filepath.Join("out", "b.html"), filepath.Join("in", "b.txt"))
	if r.code != 1 || !strings.Contains(r.stderr, filepath.Join("out", "b.html")) || !json.Valid([]byte(r.stdout)) || r.stdout == "" {
		t.Errorf("one article: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
}

// TestTranslateReportKeepsItsShape: a pipeline reads the --json report's
// keys without checking whether each is there: a run with skipped articles
// and one without have the same keys.
func TestTranslateReportKeepsItsShape(t *testing.T) {
	dir := sampleDir(t)
	articleFolder(t, dir, "b.txt", "a.txt", "b.txt")
	keys := func(r result) (map[string]json.RawMessage, string) {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
			t.Fatalf("exit %d, report %q: %v", r.code, r.stdout, err)
		}
		var names []string
		for k := range m {
			names = append(names, k)
		}
		sort.Strings(names)
		return m, strings.Join(names, " ")
	}
	clean, cleanKeys := keys(runBitext(t, dir, "", "translate", "--engine", "gist", "--json", "--out-dir", "out", "in/a.txt"))
	_, skippedKeys := keys(runBitext(t, dir, "", "translate", "--engine", "gist", "--json", "--out-dir", "out", "in"))
	if cleanKeys != skippedKeys {
		t.Errorf("report keys %q without skipped articles, %q with", cleanKeys, skippedKeys)
	}
	if string(clean["skipped"]) != "[]" || string(clean["interrupted"]) != "false" || string(clean["error"]) != `""` {
		t.Errorf("skipped %s, interrupted %s, error %s; want [], false and \"\"", clean["skipped"], clean["interrupted"], clean["error"])
	}
}

// TestTranslateReportWhenEveryArticleIsSkipped: a folder whose every article
// is skipped still gets its --json report, as one with a single bad article
// does, so that the pipeline reads why.
func TestTranslateReportWhenEveryArticleIsSkipped(t *testing.T) {
	dir := sampleDir(t)
	os.Mkdir(filepath.Join(dir, "in"), 0o755)
	os.WriteFile(filepath.Join(dir, "in", "a.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "in", "b.txt"), []byte("An English text, given by mistake.\n"), 0o644)
	r := runBitext(t, dir, "", "translate", "--engine", "gist", "--json", "--out-dir", "out", "in")
	if r.code != 1 || !strings.Contains(r.stderr, "no article to translate") || !strings.Contains(r.stderr, "in/a.txt") || !strings.Contains(r.stderr, "in/b.txt") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	var rep struct {
		Engine  string
		Files   []json.RawMessage
		Skipped []string
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("report %q: %v", r.stdout, err)
	}
	if rep.Engine != "gist" || rep.Files == nil || len(rep.Files) != 0 || len(rep.Skipped) != 2 {
		t.Errorf("report %+v; want engine gist, no files, 2 skipped", rep)
	}
}

// TestTranslateDryRunWritesNothing: a dry run (a cost estimate in CI, say)
// leaves the disk as it was: not even the --out-dir folder is made.
func TestTranslateDryRunWritesNothing(t *testing.T) {
	dir := sampleDir(t)
	r := runBitext(t, dir, "", "translate", "--engine", "gist", "--dry-run", "--out-dir", "en", "article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "en")); err == nil {
		t.Error("the dry run made the --out-dir folder")
	}
}

// TestOutputNameAndFormatAgree: -o article.xlf without --format wrote an
// HTML page under an XLIFF name, which the CAT tool then refuses. Without
// --format, the format is the one the name says; with --format given, the
// name is the user's choice.
func TestOutputNameAndFormatAgree(t *testing.T) {
	dir := alignDir(t)
	for _, tc := range []struct {
		args []string
		want string // the start of what is written
	}{
		{[]string{"translate", "--engine", "gist", "-o", "out.xlf", "article.txt"}, `<?xml`},
		{[]string{"translate", "--engine", "gist", "-o", "out.JSON", "article.txt"}, `{`},
		{[]string{"translate", "--engine", "gist", "-f", "xliff2", "-o", "out.xlf", "article.txt"}, `<?xml`},
		{[]string{"translate", "--engine", "gist", "-f", "html", "-o", "out.xlf", "article.txt"}, `<!DOCTYPE html>`},
		{[]string{"translate", "--engine", "gist", "-o", "out.htm", "article.txt"}, `<!DOCTYPE html>`},
		{[]string{"align", "--lexicon", "none", "-o", "out.tmx", "article.txt", "article.en.txt"}, `<?xml`},
		{[]string{"align", "--lexicon", "none", "-o", "out.txt", "article.txt", "article.en.txt"}, `0<=>0`},
		{[]string{"segment", "-o", "out.json", "article.txt"}, `{`},
	} {
		r := runBitext(t, dir, "", tc.args...)
		out := tc.args[len(tc.args)-2]
		if tc.args[0] == "align" {
			out = tc.args[len(tc.args)-3]
		}
		data, err := os.ReadFile(filepath.Join(dir, out))
		if r.code != 0 || err != nil || !strings.HasPrefix(strings.TrimSpace(string(data)), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; %s starts %.40q, want %q", tc.args, r.code, r.stderr, out, data, tc.want)
		}
		os.Remove(filepath.Join(dir, out))
	}
}

// TestTranslateDryRunReportNamesOutputs: a dry run's report lists each
// article with the output it would write, in the shape of a real run's.
func TestTranslateDryRunReportNamesOutputs(t *testing.T) {
	dir := sampleDir(t)
	var files [2][]map[string]json.RawMessage
	for k, extra := range [][]string{{"--dry-run"}, nil} {
		r := runBitext(t, dir, "", append([]string{"translate", "--engine", "gist", "--json", "--out-dir", "en", "article.txt"}, extra...)...)
		var rep struct {
			Files []map[string]json.RawMessage
		}
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || r.code != 0 || len(rep.Files) != 1 {
			t.Fatalf("%v: exit %d, report %s: %v", extra, r.code, r.stdout, err)
		}
		files[k] = rep.Files
	}
	dry, real := files[0][0], files[1][0]
	if string(dry["output"]) != `"en/article.html"` {
		t.Errorf("dry run output = %s, want \"en/article.html\"", dry["output"])
	}
	for key := range real {
		if _, ok := dry[key]; !ok {
			t.Errorf("the dry run's file lacks %q", key)
		}
	}
}

// articleFolder writes the sample article under each name in dir/in, and an
// empty file under the name empty.
func articleFolder(t *testing.T, dir, empty string, names ...string) {
	t.Helper()
	article, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "in"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		text := article
		if name == empty {
			text = nil
		}
		if err := os.WriteFile(filepath.Join(dir, "in", name), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// editFirstTarget rewrites the first <target> of the XLIFF file at path, as
// an editor would, with text, and returns the new file. It is the unit's
// own target (a match candidate's carries no attributes).
func editFirstTarget(t *testing.T, path, text string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	loc := regexp.MustCompile(`(<target [^>]*>)[^<]+`).FindSubmatchIndex(data)
	if loc == nil {
		t.Fatal("no target in the draft")
	}
	edited := append(append(append([]byte{}, data[:loc[3]]...), text...), data[loc[1]:]...)
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	return edited
}

// gistXLIFF translates the sample in dir into article.xlf with the gist and
// returns the file's text and the pattern of its units' targets (not the
// drafts kept beside them): prefix, text, end tag.
func gistXLIFF(t *testing.T, dir string) (string, *regexp.Regexp) {
	t.Helper()
	if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "gist", "--format", "xliff", "article.txt"); r.code != 0 {
		t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "article.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data), regexp.MustCompile(`(?s)(<target xml:lang="en" state=[^>]*>)([^<]*)(</target>)`)
}
