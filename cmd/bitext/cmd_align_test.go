package main

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bitext/internal/testenv"
	"bitext/segment"
	"bitext/translate/enginetest"
)

// alignDir is a working folder with the sample article, its English version
// and the glossary, and the user cache folder inside it.
func alignDir(t *testing.T) string {
	t.Helper()
	dir := sampleDir(t)
	// An engine's answers are cached: each test starts with its own cache.
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "xdg"))
	data, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "testdata", "align", "article.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.en.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

type beadJSON struct {
	Beads []struct {
		Source []struct {
			Block int    `json:"block"`
			Text  string `json:"text"`
		} `json:"source"`
		Target []struct {
			Block int    `json:"block"`
			Text  string `json:"text"`
		} `json:"target"`
		Confidence    float64 `json:"confidence"`
		LowConfidence bool    `json:"low_confidence"`
	} `json:"beads"`
}

// TestAlignArticleParagraphs aligns the sample with an English version whose
// editor merged paragraphs (1+2, 7+8, 20+21), split one (15), dropped a
// heading (3) and kept the boilerplate: every Arabic block must land in the
// right English blocks, with or without the lexicon.
func TestAlignArticleParagraphs(t *testing.T) {
	want := map[int][]int{0: {0}, 1: {1}, 2: {1}, 3: nil, 4: {2}, 5: {3}, 6: {4}, 7: {5}, 8: {5}, 9: {6}, 10: {7},
		11: {8}, 12: {9}, 13: {10}, 14: {11}, 15: {12, 13}, 16: {14}, 17: {15}, 18: {16}, 19: {17}, 20: {18}, 21: {18},
		22: {19}, 23: {20}, 24: {21}, 25: {22}, 26: {23}, 27: {24}, 28: {25}, 29: {26}, 30: {27}}
	lexicons := map[string]string{"none": "none"}
	if p := filepath.Join(testenv.RepoRoot(t), "..", "shared", "data", "lexicon", "freedict-ara-eng", "freedict-ara-eng.tsv"); fileExists(p) {
		lexicons["freedict"] = p
	}
	for name, lex := range lexicons {
		t.Run(name, func(t *testing.T) {
			r := runBitext(t, alignDir(t), "", "align", "--format", "json", "--lexicon", lex, "article.txt", "article.en.txt")
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			var v beadJSON
			if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
				t.Fatal(err)
			}
			got := map[int][]int{}
			for _, b := range v.Beads {
				for _, s := range b.Source {
					for _, tg := range b.Target {
						if !containsInt(got[s.Block], tg.Block) {
							got[s.Block] = append(got[s.Block], tg.Block)
						}
					}
					if _, ok := got[s.Block]; !ok {
						got[s.Block] = nil
					}
				}
			}
			for k, w := range want {
				if !reflect.DeepEqual(got[k], w) {
					t.Errorf("Arabic block %d paired with English blocks %v, want %v", k, got[k], w)
				}
			}
		})
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func TestAlignBeadsGolden(t *testing.T) {
	r := runBitext(t, alignDir(t), "", "align", "--lexicon", "none", "article.txt", "article.en.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "align-article.beads", []byte(r.stdout))
}

// TestAlignJSONContract checks that every segment of both sides appears in
// exactly one bead, in document order, with the block numbers segment.Split gives.
func TestAlignJSONContract(t *testing.T) {
	dir := alignDir(t)
	r := runBitext(t, dir, "", "align", "-f", "json", "--lexicon", "none", "article.txt", "article.en.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var v beadJSON
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	type seg struct {
		block int
		text  string
	}
	var srcGot, tgtGot []seg
	low := 0
	for _, b := range v.Beads {
		if len(b.Source)+len(b.Target) == 0 {
			t.Fatal("empty bead")
		}
		if b.Confidence < 0 || b.Confidence > 1 {
			t.Errorf("confidence %v", b.Confidence)
		}
		if b.LowConfidence {
			low++
		}
		for _, s := range b.Source {
			srcGot = append(srcGot, seg{s.Block, s.Text})
		}
		for _, s := range b.Target {
			tgtGot = append(tgtGot, seg{s.Block, s.Text})
		}
	}
	if low == 0 {
		t.Error("the dropped heading's bead is not flagged low-confidence")
	}
	for _, side := range []struct {
		file, lang string
		got        []seg
	}{{"article.txt", "ar", srcGot}, {"article.en.txt", "en", tgtGot}} {
		data, _ := os.ReadFile(filepath.Join(dir, side.file))
		d := segment.Split(side.file, string(data), side.lang)
		var want []seg
		for bi, b := range d.Blocks {
			for _, s := range b.Segments {
				want = append(want, seg{bi, s.Text})
			}
		}
		if !reflect.DeepEqual(side.got, want) {
			t.Errorf("%s: beads hold %d segments, the document %d, or order/blocks differ", side.file, len(side.got), len(want))
		}
	}
}

func TestAlignFormats(t *testing.T) {
	for _, f := range []string{"html", "xliff", "tmx"} {
		t.Run(f, func(t *testing.T) {
			dir := alignDir(t)
			out := filepath.Join(dir, "out."+f)
			r := runBitext(t, dir, "", "align", "-f", f, "--lexicon", "none", "-o", out, "article.txt", "article.en.txt")
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			for _, want := range []string{"Jake Sullivan told reporters", "جيك سوليفان"} {
				if !strings.Contains(text, want) {
					t.Errorf("output lacks %q", want)
				}
			}
			if f != "html" {
				dec := xml.NewDecoder(strings.NewReader(text))
				for {
					if _, err := dec.Token(); err == io.EOF {
						break
					} else if err != nil {
						t.Fatalf("not well-formed XML: %v", err)
					}
				}
			}
			if flag := map[string]string{"html": "flagged", "xliff": "alignment confidence 0.40", "tmx": "x-alignment-confidence"}[f]; !strings.Contains(text, flag) {
				t.Errorf("low-confidence beads not flagged")
			}
			if !strings.Contains(r.stderr, "low-confidence") {
				t.Errorf("summary on stderr: %q", r.stderr)
			}
		})
	}
}

// TestAlignInputFormats checks how each input format cuts a text into blocks and segments.
func TestAlignInputFormats(t *testing.T) {
	dir := t.TempDir()
	ar := "جملة أولى. جملة ثانية.\nسطر ثالث.\n\nفقرة أخرى.\n"
	en := "First sentence. Second sentence.\nThird line.\n\nAnother paragraph.\n"
	os.WriteFile(filepath.Join(dir, "ar.txt"), []byte(ar), 0o644)
	os.WriteFile(filepath.Join(dir, "en.txt"), []byte(en), 0o644)
	for _, tc := range []struct {
		format     string
		blocks     []int // block of each segment
		nSegments  int
		segmented  bool
		wantSource string
	}{
		{format: "article", blocks: []int{0, 0, 0, 1}},
		{format: "lines", blocks: []int{0, 0, 1, 2}},
		{format: "segments", blocks: []int{0, 0, 1}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			r := runBitext(t, dir, "", "align", "-f", "json", "--lexicon", "none", "--source-format", tc.format, "--target-format", tc.format, "ar.txt", "en.txt")
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			var v beadJSON
			if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
				t.Fatal(err)
			}
			var blocks []int
			for _, b := range v.Beads {
				for _, s := range b.Target {
					blocks = append(blocks, s.Block)
				}
			}
			if !reflect.DeepEqual(blocks, tc.blocks) {
				t.Errorf("English segments in blocks %v, want %v", blocks, tc.blocks)
			}
		})
	}
	r := runBitext(t, dir, "", "align", "--segmented", "ar.txt", "en.txt")
	if r.code != 0 || r.stdout != "0<=>0\n1<=>1\n2<=>2\n" {
		t.Errorf("--segmented: exit %d, beads %q", r.code, r.stdout)
	}
}

func TestAlignBadInput(t *testing.T) {
	dir := alignDir(t)
	os.WriteFile(filepath.Join(dir, "empty.txt"), []byte(" \n"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"one file", []string{"align", "article.txt"}, 2, "want two input files"},
		{"bad format", []string{"align", "-f", "pdf", "article.txt", "article.en.txt"}, 2, "unknown --format"},
		{"bad input format", []string{"align", "--source-format", "xml", "article.txt", "article.en.txt"}, 2, "unknown input format"},
		{"missing file", []string{"align", "article.txt", "nope.txt"}, 1, "nope.txt: no such file"},
		{"empty file", []string{"align", "empty.txt", "article.en.txt"}, 1, "empty.txt: the file is empty"},
		{"missing lexicon", []string{"align", "--lexicon", "nope.tsv", "article.txt", "article.en.txt"}, 1, "lexicon nope.tsv"},
		{"unknown engine", []string{"align", "--engine", "nope", "article.txt", "article.en.txt"}, 2, "unknown engine"},
		{"two stdins", []string{"align", "-", "-"}, 2, "only one input"},
		{"swapped", []string{"align", "article.en.txt", "article.txt"}, 2, "article.en.txt looks English and article.txt Arabic"},
		{"English twice", []string{"align", "article.en.txt", "article.en.txt"}, 2, "almost no Arabic"},
		{"Arabic twice", []string{"align", "article.txt", "article.txt"}, 2, "mostly Arabic"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runBitext(t, dir, "", tc.args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", r.code, r.stderr, tc.code, tc.msg)
			}
		})
	}
	// a failed run leaves an existing output alone
	out := filepath.Join(dir, "keep.txt")
	os.WriteFile(out, []byte("keep"), 0o644)
	runBitext(t, dir, "", "align", "-o", out, "article.txt", "nope.txt")
	if data, _ := os.ReadFile(out); string(data) != "keep" {
		t.Errorf("output overwritten after a failure: %q", data)
	}
}

// TestAlignEngine checks that --engine runs the engine over the Arabic
// segments (engine none adds nothing, so the beads stay the same).
func TestAlignEngine(t *testing.T) {
	dir := alignDir(t)
	a := runBitext(t, dir, "", "align", "--lexicon", "none", "article.txt", "article.en.txt")
	b := runBitext(t, dir, "", "align", "--lexicon", "none", "--engine", "none", "article.txt", "article.en.txt")
	if a.code != 0 || b.code != 0 || a.stdout != b.stdout {
		t.Errorf("engine none changed the alignment (exit %d/%d)", a.code, b.code)
	}
}

// TestAlignEngineSettings checks that align reads the engine settings as
// translate does: flags, and the environment a user follows the README with.
func TestAlignEngineSettings(t *testing.T) {
	dir := alignDir(t)
	f := &enginetest.Fake{}
	t.Setenv("BITEXT_ENGINE_URL", libreServer(t, f))
	t.Setenv("BITEXT_ENGINE_KEY", testKey)
	r := runBitext(t, dir, "", "align", "--lexicon", "none", "--engine", "libretranslate", "--engine-option", "max-items=7",
		"article.txt", "article.en.txt")
	if r.code != 0 || f.Calls() == 0 {
		t.Fatalf("exit %d, %d requests: %s", r.code, f.Calls(), r.stderr)
	}
	for _, req := range f.Requests() {
		if req.Auth != testKey || req.SourceLang != "ar" || req.TargetLang != "en" || len(req.Texts) > 7 {
			t.Fatalf("request %s→%s of %d texts, key sent %v", req.SourceLang, req.TargetLang, len(req.Texts), req.Auth == testKey)
		}
	}
	if strings.Contains(r.stdout+r.stderr, testKey) {
		t.Error("the key was printed")
	}

	// The glossary's names reach the engine protected, as translate sends them.
	protected := false
	for _, req := range f.Requests() {
		protected = protected || strings.Contains(strings.Join(req.Texts, " "), "⟦")
	}
	if !protected {
		t.Error("no glossary name was sent protected")
	}

	// A passing failure is retried, as translate retries it (--no-cache:
	// the first run's answers are cached).
	f = &enginetest.Fake{Script: []enginetest.Fault{enginetest.Unavailable}}
	r = runBitext(t, dir, "", "align", "--lexicon", "none", "--engine", "libretranslate", "--engine-url", libreServer(t, f),
		"--no-cache", "article.txt", "article.en.txt")
	if r.code != 0 || f.Calls() < 2 {
		t.Errorf("after a 503: exit %d, %d requests: %s", r.code, f.Calls(), r.stderr)
	}

	// The engine's failure names the article and hides the key.
	f = &enginetest.Fake{Script: []enginetest.Fault{enginetest.BadRequest}}
	r = runBitext(t, dir, "", "align", "--lexicon", "none", "--engine", "libretranslate", "--engine-url", libreServer(t, f),
		"--no-cache", "article.txt", "article.en.txt")
	if r.code != 1 || !strings.Contains(r.stderr, "article.txt") || !strings.Contains(r.stderr, "400") || strings.Contains(r.stderr, testKey) {
		t.Errorf("failure: exit %d: %s", r.code, r.stderr)
	}

	// Missing settings are usage errors, as in translate.
	t.Setenv("BITEXT_ENGINE_URL", "")
	t.Setenv("GOOGLE_CLOUD_PROJECT", "")
	for engine, want := range map[string]string{"libretranslate": "--engine-url", "openai": "--model", "google": "GOOGLE_CLOUD_PROJECT"} {
		r := runBitext(t, dir, "", "align", "--engine", engine, "article.txt", "article.en.txt")
		if r.code != 2 || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: exit %d, %q lacks %q", engine, r.code, r.stderr, want)
		}
	}
}

// TestAlignRefusesToOverwriteAnInput: -o naming one of the texts would
// replace it with the alignment, and the text would be lost.
func TestAlignRefusesToOverwriteAnInput(t *testing.T) {
	dir := alignDir(t)
	for _, out := range []string{"article.txt", "article.en.txt", "./article.en.txt"} {
		before, _ := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(out, "./")))
		r := runBitext(t, dir, "", "align", "-o", out, "article.txt", "article.en.txt")
		if r.code != 2 || !strings.Contains(r.stderr, out) {
			t.Errorf("-o %s: exit %d, stderr %q; want a usage error naming it", out, r.code, r.stderr)
		}
		if after, _ := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(out, "./"))); string(after) != string(before) {
			t.Errorf("-o %s: the input was overwritten", out)
		}
	}
}

// TestAlignEngineFailureNamesTheLine: the engine's failure points at a line
// of the Arabic file, as translate's does, not into the text align sends.
func TestAlignEngineFailureNamesTheLine(t *testing.T) {
	dir := alignDir(t)
	f := &enginetest.Fake{Script: []enginetest.Fault{enginetest.BadRequest}}
	r := runBitext(t, dir, "", "align", "--lexicon", "none", "--engine", "libretranslate", "--engine-url", libreServer(t, f),
		"article.txt", "article.en.txt")
	m := regexp.MustCompile(`^bitext: article\.txt:(\d+): libretranslate`).FindStringSubmatch(r.stderr)
	if r.code != 1 || m == nil || strings.Contains(r.stderr, "align:") {
		t.Fatalf("exit %d, stderr %q; want article.txt:LINE: first", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	n, _ := strconv.Atoi(m[1])
	if n < 1 || n > len(lines) || strings.TrimSpace(lines[n-1]) == "" {
		t.Errorf("line %d is no line of text of article.txt", n)
	}
}

// TestAlignFrontMatter: an article's front matter (title, source, date) is
// page settings for translate and segment, not text: align must not pair
// "---" with "---", and its blocks are counted as segment counts them.
func TestAlignFrontMatter(t *testing.T) {
	dir := alignDir(t)
	for _, f := range []struct{ name, front, body string }{
		{"fm.txt", "---\ntitle: \"تحذير أمريكي\"\nsource: AFP\ndate: 2023-09-05\n---\n\n", "article.txt"},
		{"fm.en.txt", "---\ntitle: US warning\n---\n\n", "article.en.txt"},
	} {
		body, err := os.ReadFile(filepath.Join(dir, f.body))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), append([]byte(f.front), body...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "json", "fm.txt", "fm.en.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got beadJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	for _, b := range got.Beads {
		for _, s := range append(b.Source, b.Target...) {
			if s.Text == "---" || strings.HasPrefix(s.Text, "title:") || strings.HasPrefix(s.Text, "source:") {
				t.Fatalf("front matter aligned as text: %q", s.Text)
			}
		}
	}
	plain := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "json", "article.txt", "article.en.txt")
	if plain.stdout != r.stdout {
		t.Errorf("with front matter the beads differ from the article's without it")
	}
}

// TestAlignTMXLeavesOutBoilerplate: web furniture paired with its English
// ("شاركها." with "Share") is no translation to remember: align's TMX leaves
// it out, as translate's TMX and tm import of XLIFF do.
func TestAlignTMXLeavesOutBoilerplate(t *testing.T) {
	dir := alignDir(t)
	r := runBitext(t, dir, "", "align", "-f", "tmx", "--lexicon", "none", "article.txt", "article.en.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Jake Sullivan told reporters") {
		t.Fatal("the TMX lacks the article's pairs")
	}
	for _, furniture := range []string{"شاركها", "اترك تعليقاً", "Exit mobile version"} {
		if strings.Contains(r.stdout, furniture) {
			t.Errorf("the TMX holds the boilerplate %q", furniture)
		}
	}
}

// TestAlignEngineUsesTheCache: align's machine translations are cached as
// translate's are: aligning the same article again sends nothing.
func TestAlignEngineUsesTheCache(t *testing.T) {
	dir := alignDir(t)
	f := &enginetest.Fake{}
	args := []string{"align", "--lexicon", "none", "--engine", "libretranslate", "--engine-url", libreServer(t, f),
		"--cache", filepath.Join(dir, "cache"), "article.txt", "article.en.txt"}
	first := runBitext(t, dir, "", args...)
	calls := f.Calls()
	if first.code != 0 || calls == 0 {
		t.Fatalf("first run: exit %d, %d requests: %s", first.code, calls, first.stderr)
	}
	second := runBitext(t, dir, "", args...)
	if second.code != 0 || f.Calls() != calls || second.stdout != first.stdout {
		t.Errorf("second run: exit %d, %d more requests, same beads %v", second.code, f.Calls()-calls, second.stdout == first.stdout)
	}
	// --no-cache sends again.
	if r := runBitext(t, dir, "", append(args[:len(args)-2:len(args)-2], "--no-cache", "article.txt", "article.en.txt")...); r.code != 0 || f.Calls() == calls {
		t.Errorf("--no-cache: exit %d, %d more requests: %s", r.code, f.Calls()-calls, r.stderr)
	}
}

// TestAlignJSONBeadsKeepTheirShape: every bead has the same keys, so that a
// reader takes b["low_confidence"] without checking it is there.
func TestAlignJSONBeadsKeepTheirShape(t *testing.T) {
	dir := alignDir(t)
	r := runBitext(t, dir, "", "align", "-f", "json", "--lexicon", "none", "article.txt", "article.en.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var v struct {
		Beads []map[string]json.RawMessage `json:"beads"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	for k, b := range v.Beads {
		for _, key := range []string{"source", "target", "confidence", "low_confidence"} {
			if _, ok := b[key]; !ok {
				t.Fatalf("bead %d lacks %q", k, key)
			}
		}
	}
}

// TestAlignRefusesAnotherArticle: an English file that is another article
// (the wrong file picked from an archive) is refused instead of aligned into
// pairs of unrelated sentences; --force aligns it anyway.
func TestAlignRefusesAnotherArticle(t *testing.T) {
	lex := filepath.Join(testenv.RepoRoot(t), "..", "shared", "data", "lexicon", "freedict-ara-eng", "freedict-ara-eng.tsv")
	if !fileExists(lex) {
		t.Skip("no FreeDict lexicon in ../shared")
	}
	dir := alignDir(t)
	other := `Heavy rain is expected across the north of the country this weekend

Forecasters warned on Friday that heavy rain and strong winds would sweep across northern regions over the weekend, bringing the risk of flooding to low-lying towns.

The national weather service said up to 80 millimetres of rain could fall in some areas by Sunday evening, and urged residents to avoid unnecessary travel.

Schools in three provinces will stay closed on Saturday, local authorities said in a statement.

Farmers welcomed the rain after months of drought, but said it had come too late to save much of this year's wheat harvest.

Temperatures are expected to drop sharply after the storm passes, with frost possible in mountain areas early next week.

Emergency teams have been placed on alert, and the civil defence agency said it had prepared shelters for families forced to leave their homes.
`
	if err := os.WriteFile(filepath.Join(dir, "weather.en.txt"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "align", "--lexicon", lex, "-f", "tmx", "-o", "out.tmx", "article.txt", "weather.en.txt")
	if r.code != 1 || !strings.Contains(r.stderr, "weather.en.txt does not look like a translation of article.txt") {
		t.Errorf("exit %d, stderr %q; want exit 1 and the files named", r.code, r.stderr)
	}
	if fileExists(filepath.Join(dir, "out.tmx")) {
		t.Error("a refused pair was written out")
	}
	if r := runBitext(t, dir, "", "align", "--lexicon", lex, "--force", "article.txt", "weather.en.txt"); r.code != 0 {
		t.Errorf("--force: exit %d: %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "align", "--lexicon", lex, "article.txt", "article.en.txt"); r.code != 0 {
		t.Errorf("the article's own English: exit %d: %s", r.code, r.stderr)
	}
}

// TestAlignTMXNamesTheArticle: the pairs of align's TMX say which article
// they come from, so that a memory filled from a whole archive can tell
// where a match was published.
func TestAlignTMXNamesTheArticle(t *testing.T) {
	dir := alignDir(t)
	if r := runBitext(t, dir, "", "align", "--lexicon", "none", "-o", "al.tmx", "article.txt", "article.en.txt"); r.code != 0 {
		t.Fatalf("align: exit %d: %s", r.code, r.stderr)
	}
	mem := filepath.Join(dir, "memory.db")
	if r := runBitext(t, dir, "", "tm", "import", "--tm", mem, "al.tmx"); r.code != 0 {
		t.Fatalf("tm import: exit %d: %s", r.code, r.stderr)
	}
	r := runBitext(t, dir, "", "tm", "lookup", "--tm", mem, "--json", "وأضاف “أي شكل من أشكال التعاون بين كوريا الشمالية والدول المجاورة يجب أن يتم بطريقة لا تخل بالأعراف الدولية والسلام”.")
	if r.code != 0 {
		t.Fatalf("tm lookup: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, `"article": "article.txt"`) {
		t.Errorf("the memory's pair names no article: %s", r.stdout)
	}
}

// TestAlignFolders aligns an archive folder by folder: each Arabic file with
// the English file of the same name, one output per pair in --out-dir; a
// pair without its English is told and skipped while the others are written.
func TestAlignFolders(t *testing.T) {
	dir := alignDir(t)
	ar, en := filepath.Join(dir, "ar"), filepath.Join(dir, "en")
	for _, d := range []string{ar, en} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	copyFile := func(from, to string) {
		data, err := os.ReadFile(filepath.Join(dir, from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("article.txt", filepath.Join(ar, "2023-09-05.txt"))
	copyFile("article.en.txt", filepath.Join(en, "2023-09-05.txt"))
	copyFile("article.txt", filepath.Join(ar, "2023-09-06.txt")) // its English is missing

	r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "tmx", "--out-dir", "out", "ar", "en")
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (one pair not aligned): %s", r.code, r.stderr)
	}
	for _, want := range []string{"no English file " + filepath.Join("en", "2023-09-06.txt"), "aligned 1 pair into out", "1 of 2 pairs not aligned"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr %q lacks %q", r.stderr, want)
		}
	}
	one := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "tmx", filepath.Join("ar", "2023-09-05.txt"), filepath.Join("en", "2023-09-05.txt"))
	got, err := os.ReadFile(filepath.Join(dir, "out", "2023-09-05.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != one.stdout {
		t.Error("the folder run's TMX differs from aligning the pair alone")
	}
	if fileExists(filepath.Join(dir, "out", "2023-09-06.tmx")) {
		t.Error("an output was written for the pair without English")
	}

	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"align", "ar", filepath.Join("en", "2023-09-05.txt")}, "two files or two folders"},
		{[]string{"align", "-o", "x.tmx", "ar", "en"}, "with two folders use --out-dir"},
		{[]string{"align", "--out-dir", "out", "article.txt", "article.en.txt"}, "--out-dir is for two folders"},
	} {
		if r := runBitext(t, dir, "", tc.args...); r.code != 2 || !strings.Contains(r.stderr, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, r.code, r.stderr, tc.msg)
		}
	}
}

// TestAlignFoldersLanguageTags: archives name the two sides story.ar.txt and
// story.en.txt (or _ar/_en, or an untagged English file), in two folders or
// in one; each Arabic file finds its English file by those names.
func TestAlignFoldersLanguageTags(t *testing.T) {
	dir := alignDir(t)
	arText, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	enText, err := os.ReadFile(filepath.Join(dir, "article.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(path string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "ar", "a.ar.txt"), arText)
	write(filepath.Join(dir, "en", "a.en.txt"), enText)
	write(filepath.Join(dir, "ar", "b_ar.txt"), arText)
	write(filepath.Join(dir, "en", "b_en.txt"), enText)
	write(filepath.Join(dir, "ar", "c-ar.txt"), arText)
	write(filepath.Join(dir, "en", "c.txt"), enText)
	write(filepath.Join(dir, "ar", "d.ar.txt"), arText) // no English
	r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "tmx", "--out-dir", "out", "ar", "en")
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (d has no English): %s", r.code, r.stderr)
	}
	want := "no English file " + strings.Join([]string{filepath.Join("en", "d.ar.txt"), filepath.Join("en", "d.en.txt"), filepath.Join("en", "d.txt")}, " or ")
	for _, w := range []string{want, "aligned 3 pairs into out"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr %q lacks %q", r.stderr, w)
		}
	}
	for _, out := range []string{"a.ar.tmx", "b_ar.tmx", "c-ar.tmx"} {
		data, err := os.ReadFile(filepath.Join(dir, "out", out))
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.Contains(string(data), "Jake Sullivan") {
			t.Errorf("%s holds no English of the sample article", out)
		}
	}

	// One folder holding both sides: the ar-tagged files are the Arabic.
	write(filepath.Join(dir, "both", "x.ar.txt"), arText)
	write(filepath.Join(dir, "both", "x.en.txt"), enText)
	write(filepath.Join(dir, "both", "notes.txt"), []byte("not an article\n"))
	r = runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "tmx", "--out-dir", "out2", "both", "both")
	if r.code != 0 || !strings.Contains(r.stderr, "aligned 1 pair into out2") {
		t.Errorf("one folder: exit %d, stderr %q; want exit 0 and 1 pair", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "out2")); len(entries) != 1 || entries[0].Name() != "x.ar.tmx" {
		t.Errorf("one folder wrote %v, want x.ar.tmx only", entries)
	}
	r = runBitext(t, dir, "", "align", "--lexicon", "none", "--out-dir", "out3", "en", "en")
	if r.code != 1 || !strings.Contains(r.stderr, "no Arabic file named with an ar tag") {
		t.Errorf("folder without Arabic given twice: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestAlignTMXPlainSpaces: an article pair copied from web pages (no-break
// spaces, a direction mark, Windows line ends) goes into align's TMX with
// plain spaces, so that the memory matches the same sentence typed anew
// exactly and hands no invisible characters on to new translations.
func TestAlignTMXPlainSpaces(t *testing.T) {
	dir := alignDir(t)
	ar := "وصل الوفد\u00a0الروسي إلى العاصمة\u200f السورية دمشق اليوم.\n\nوقال المتحدث إن المحادثات ستستمر ثلاثة أيام.\n"
	en := "The Russian\u00a0delegation arrived in the Syrian capital Damascus\u202f today.\r\n\r\n\r\nThe spokesman said the talks would last three days.\r\n"
	os.WriteFile(filepath.Join(dir, "web.ar.txt"), []byte(ar), 0o644)
	os.WriteFile(filepath.Join(dir, "web.en.txt"), []byte(en), 0o644)
	r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "tmx", "web.ar.txt", "web.en.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"<seg>وصل الوفد الروسي إلى العاصمة السورية دمشق اليوم.</seg>",
		"<seg>The Russian delegation arrived in the Syrian capital Damascus today.</seg>"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("TMX lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.ContainsAny(r.stdout, "\u00a0\u200f\u202f\r") {
		t.Errorf("TMX keeps invisible characters: %q", r.stdout)
	}
}

// TestAlignTMXKeepsDatelinesOffSentences fills a memory from an article whose
// English version opens with a dateline the Arabic lacks, and from one where
// both have their own: the first sentence is remembered without any
// dateline, and a dateline is only ever remembered with a dateline.
func TestAlignTMXKeepsDatelinesOffSentences(t *testing.T) {
	dir := alignDir(t)
	ar, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	en, err := os.ReadFile(filepath.Join(dir, "article.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	first := "حذر مسؤول كبير في البيت الأبيض اليوم الثلاثاء من أن كوريا الشمالية ستواجه عواقب إذا زودت روسيا بالأسلحة في حربها ضد أوكرانيا."
	firstEn := "A senior White House official warned on Tuesday that North Korea would face consequences if it supplied Russia with weapons for its war against Ukraine."
	for _, c := range []struct{ name, arDL, enDL string }{
		{"English only", "", "WASHINGTON, Sept. 5 — "},
		{"both", "واشنطن – رويترز: ", "WASHINGTON (Reuters) - "},
		{"Arabic only", "واشنطن - (أ ف ب) - ", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.HasPrefix(string(ar), first) || !strings.HasPrefix(string(en), firstEn) {
				t.Fatal("the sample article no longer starts with the sentence this test expects")
			}
			write := func(name, text string) {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("dl.txt", c.arDL+string(ar))
			write("dl.en.txt", c.enDL+string(en))
			if r := runBitext(t, dir, "", "align", "--lexicon", "none", "-f", "tmx", "-o", "dl.tmx", "dl.txt", "dl.en.txt"); r.code != 0 {
				t.Fatalf("align: exit %d: %s", r.code, r.stderr)
			}
			mem := filepath.Join(dir, c.name+".db")
			if r := runBitext(t, dir, "", "tm", "import", "--tm", mem, "dl.tmx"); r.code != 0 {
				t.Fatalf("tm import: exit %d: %s", r.code, r.stderr)
			}
			r := runBitext(t, dir, "", "tm", "lookup", "--tm", mem, "--json", first)
			if r.code != 0 {
				t.Fatalf("tm lookup: exit %d: %s", r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, strconv.Quote(firstEn)) {
				t.Errorf("the memory does not give the first sentence's English alone:\n%s", r.stdout)
			}
			if strings.Contains(r.stdout, "WASHINGTON") || strings.Contains(r.stdout, "واشنطن") {
				t.Errorf("the memory offers the dateline with the first sentence:\n%s", r.stdout)
			}
			tmx, err := os.ReadFile(filepath.Join(dir, "dl.tmx"))
			if err != nil {
				t.Fatal(err)
			}
			for _, seg := range regexp.MustCompile(`<seg>([^<]*)</seg>`).FindAllStringSubmatch(string(tmx), -1) {
				s := strings.TrimSpace(seg[1])
				for _, dl := range []string{c.arDL, c.enDL} {
					dl = strings.TrimSpace(dl)
					if dl != "" && strings.Contains(s, dl) && s != dl {
						t.Errorf("the dateline %q is glued to %q in the memory", dl, s)
					}
				}
			}
		})
	}
}
