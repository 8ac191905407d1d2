package htmlpage

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"flag"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bitext/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func render(t testing.TB, b *doc.Bitext, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// handBitext is a small bitext built by hand, independent of the segmenter
// and glossary matcher, for golden and unit tests.
func handBitext() *doc.Bitext {
	src := "قمة بوتين وكيم\n\nوقال جيك سوليفان إن بوتين سيلتقي كيم. وأضاف أن نظام Windows 10 قديم.\n\nشاركها."
	d := &doc.Document{Name: "hand.txt", Lang: "ar", Source: src}
	add := func(kind doc.Kind, start, end int, segs ...[2]int) {
		b := doc.Block{Kind: kind, Start: start, End: end}
		for _, s := range segs {
			b.Segments = append(b.Segments, doc.Segment{Start: s[0], End: s[1], Text: src[s[0]:s[1]]})
		}
		d.Blocks = append(d.Blocks, b)
	}
	h := strings.Index(src, "\n\n")
	p := h + 2
	p2 := strings.Index(src[p:], "\n\n") + p
	s1 := strings.Index(src[p:], ". ") + p + 1
	add(doc.Heading, 0, h, [2]int{0, h})
	add(doc.Paragraph, p, p2, [2]int{p, s1}, [2]int{s1 + 1, p2})
	add(doc.Boilerplate, p2+2, len(src), [2]int{p2 + 2, len(src)})
	hit := func(surface, ar, en, typ, note string, from int) doc.TermHit {
		at := strings.Index(src[from:], surface) + from
		return doc.TermHit{Start: at, End: at + len(surface), StemStart: at, Surface: surface, Ar: ar, En: en, Type: typ, Note: note}
	}
	seg := func(b, s int) string { return d.Blocks[b].Segments[s].Text }
	units := []doc.Unit{
		{ID: "u1", Block: 0, Kind: doc.Heading, Source: seg(0, 0), Target: "A Putin–Kim summit", State: doc.StateMachine,
			Segments: []int{0}, Terms: []doc.TermHit{hit("بوتين", "بوتين", "Putin", "person", "", 0), hit("كيم", "كيم", "Kim", "person", "", 0)}},
		{ID: "u2", Block: 1, Kind: doc.Paragraph, Source: seg(1, 0), Target: "Jake Sullivan said Putin would meet Kim.", State: doc.StateMachine,
			Segments: []int{0}, Confidence: 0.9, Terms: []doc.TermHit{
				hit("جيك سوليفان", "جيك سوليفان", "Jake Sullivan", "person", "US national security adviser", p),
				hit("بوتين", "بوتين", "Putin", "person", "", p), hit("كيم", "كيم", "Kim", "person", "", p)}},
		{ID: "u3", Block: 1, Kind: doc.Paragraph, Source: seg(1, 1), State: doc.StateNew, Segments: []int{0 + 1},
			Flags: []doc.Flag{doc.FlagUntranslated}},
		{ID: "u4", Block: 2, Kind: doc.Boilerplate, Source: seg(2, 0), State: doc.StateNew, Segments: []int{0}},
	}
	return &doc.Bitext{SourceLang: "ar", TargetLang: "en", Name: "hand.txt", Engine: "test", Source: d, Units: units}
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"hand.golden.html", Options{Title: "Putin and Kim", Source: "AFP", SourceURL: "https://example.com/a", Date: "2023-09-05"}},
		{"hand.clean.golden.html", Options{Clean: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, handBitext(), tc.opts)
			path := filepath.Join("testdata", tc.name)
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./htmlpage -run TestGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the output; rerun with -update after checking the change:\n%s", path, got)
			}
		})
	}
}

func TestTermsMarkedInBothColumns(t *testing.T) {
	out := render(t, handBitext(), Options{})
	for _, want := range []string{
		`<span class="term" title="Jake Sullivan — جيك سوليفان (person): US national security adviser">جيك سوليفان</span>`,
		`<span class="term" title="Jake Sullivan — جيك سوليفان (person): US national security adviser">Jake Sullivan</span>`,
		`<span class="term" title="Putin — بوتين (person)">Putin</span>`,
		`<span class="term" title="Kim — كيم (person)">كيم</span>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s", want)
		}
	}
}

func TestTermRangesEnglish(t *testing.T) {
	u := &doc.Unit{
		Source: "بوتين وفلاديمير بوتين",
		Target: "Putin and Vladimir Putin met; Putinism is not Putin.",
		Terms: []doc.TermHit{
			{Surface: "فلاديمير بوتين", En: "Vladimir Putin"},
			{Surface: "بوتين", En: "Putin"},
		},
	}
	src, tgt := termRanges(nil, u)
	var gotSrc, gotTgt []string
	for _, m := range src {
		gotSrc = append(gotSrc, u.Source[m.start:m.end])
	}
	for _, m := range tgt {
		gotTgt = append(gotTgt, u.Target[m.start:m.end])
	}
	if strings.Join(gotSrc, "|") != "بوتين|فلاديمير بوتين" {
		t.Errorf("source marks %q", gotSrc)
	}
	// "Vladimir Putin" first, then the first free whole-word "Putin".
	if strings.Join(gotTgt, "|") != "Putin|Vladimir Putin" || tgt[0].start != 0 {
		t.Errorf("target marks %q at %v", gotTgt, tgt)
	}
}

func TestIsolate(t *testing.T) {
	for _, tc := range []struct {
		text, dir string
		want      string // isolated runs in [brackets]
	}{
		{"نظام Windows 10 قديم", "rtl", "نظام [Windows 10] قديم"},
		{"قال \"Apple Inc.\" أمس", "rtl", "قال [\"Apple Inc.\"] أمس"},
		{"قال Apple Inc. أمس", "rtl", "قال [Apple Inc]. أمس"},
		{"في عامي 2018 و2019", "rtl", "في عامي 2018 و2019"},
		{"The word سلام means peace.", "ltr", "The word سلام means peace."},
		{"The greeting السلام عليكم means peace.", "ltr", "The greeting [السلام عليكم] means peace."},
		// whole tokens: digits, brackets, @ and a URL's punctuation glued to
		// the Latin go with it; the sentence's own brackets and stops do not
		{"رمز &amp; هنا", "rtl", "رمز [&amp;] هنا"},
		{"و&amp; كذلك", "rtl", "و[&amp;] كذلك"},
		{"نظام Windows 11 (الإصدار 23H2) قريبا", "rtl", "نظام [Windows 11] (الإصدار [23H2]) قريبا"},
		{"الخبر <img src=x onerror=alert(2)> ثم", "rtl", "الخبر [<img src=x onerror=alert(2)>] ثم"},
		{"قال: </p></div><h1>hacked</h1> انتهى.", "rtl", "قال: [</p></div><h1>hacked</h1>] انتهى."},
		{"عبر تويتر @Kremlin https://example.com/path?a=1&b=<2> و&amp; كذلك.", "rtl", "عبر تويتر [@Kremlin https://example.com/path?a=1&b=<2>] و[&amp;] كذلك."},
		{"(المسبب لـCOVID-19) ما زال", "rtl", "(المسبب لـ[COVID-19]) ما زال"},
		{"منظمة الصحة (WHO) أن", "rtl", "منظمة الصحة [(WHO)] أن"},
		{"على منصة @UN_News_Arabic.", "rtl", "على منصة [@UN_News_Arabic]."},
		{"باسم (Microsoft Corp.) إن", "rtl", "باسم [(Microsoft Corp.)] إن"},
		{"موقعها who.int/ar يوم", "rtl", "موقعها [who.int/ar] يوم"},
		{"النسخة Windows-الجديدة", "rtl", "النسخة Windows-الجديدة"},
		{"قمة <b>بوتين</b> & كيم", "rtl", "قمة [<b>]بوتين[</b>] & كيم"},
		{"دولار 🚀🇷🇺 ووصف", "rtl", "دولار 🚀🇷🇺 ووصف"},
		{"the party (حزب الله) said", "ltr", "the party [(حزب الله)] said"},
		{"He said كلا، لا 12 times", "ltr", "He said [كلا، لا 12] times"},
		{"plain English", "ltr", "plain English"},
		{"", "rtl", ""},
	} {
		var sb strings.Builder
		for _, r := range isolate(tc.text, tc.dir) {
			if r.Isolate {
				sb.WriteString("[" + r.Text + "]")
			} else {
				sb.WriteString(r.Text)
			}
		}
		if sb.String() != tc.want {
			t.Errorf("isolate(%q, %s) = %q, want %q", tc.text, tc.dir, sb.String(), tc.want)
		}
	}
}

func TestEscapesEverything(t *testing.T) {
	evil := `<img src=x onerror=alert(1)> </script> {{.}} &lt; "quote' <b>`
	b := handBitext()
	b.Units[1].Target = evil + " Jake Sullivan"
	b.Units[1].Terms[0].Note = evil
	b.Units[2].Notes = []string{evil}
	b.Units[2].Flags = append(b.Units[2].Flags, doc.FlagGlossaryViolation)
	b.Units[2].Notes = []string{"glossary: " + evil}
	b.Units[0].ID = `x" onmouseover="alert(1)`
	b.Engine = evil
	out := render(t, b, Options{Title: evil, Source: evil, SourceURL: "javascript:alert(1)", Date: evil})
	for _, bad := range []string{"<img", "</script>", "<b>", "javascript:", `" onmouseover="`} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q unescaped", bad)
		}
	}
	if !strings.Contains(out, "&lt;img src=x onerror=alert(1)&gt;") || !strings.Contains(out, "&amp;lt;") {
		t.Error("escaped payload not shown as text")
	}
}

func TestCleanAndFlags(t *testing.T) {
	draft := render(t, handBitext(), Options{})
	clean := render(t, handBitext(), Options{Clean: true})
	for _, want := range []string{`class="u flagged"><p class="c tgt" id="u3"`, `<span class="flag untranslated"`, "no translation", "شاركها", `class="fl"`} {
		if !strings.Contains(draft, want) {
			t.Errorf("draft page lacks %q", want)
		}
	}
	for _, bad := range []string{"شاركها", `class="fl"`} {
		if strings.Contains(clean, bad) {
			t.Errorf("clean page contains %q", bad)
		}
	}
	// Readers are still told that a sentence has no translation, and only that.
	withNames := handBitext()
	withNames.Units[1].AddFlag(doc.FlagGlossaryViolation)
	withNames.Units[1].AddFlag(doc.FlagLowConfidence)
	clean = render(t, withNames, Options{Clean: true})
	if n := strings.Count(clean, `class="flag `); n != 1 || !strings.Contains(clean, `<p class="c tgt" id="u3" lang="en" dir="ltr" tabindex="0"><span class="flags"> <span class="flag untranslated"`) {
		t.Errorf("clean page shows %d marks; want one, \"no translation\" on u3", n)
	}
	gist := handBitext()
	gist.Units[1].State = doc.StateGist
	if out := render(t, gist, Options{}); !strings.Contains(out, `<span class="flag gist"`) {
		t.Error("gist unit not flagged")
	}
}

func TestMetadata(t *testing.T) {
	for _, tc := range []struct {
		opts Options
		want []string
		bad  []string
	}{
		{Options{}, []string{"<title>A Putin–Kim summit</title>", `<div class="c tgt" id="u1" lang="en" dir="ltr" tabindex="0"><h1>A <span`}, []string{`class="byline"`}},
		{Options{Title: "T", Source: "AFP", SourceURL: "https://afp.com/x", Date: "2023-09-05"},
			[]string{"<h1>T</h1>", `<a href="https://afp.com/x" rel="noopener noreferrer">AFP</a>`, `<time datetime="2023-09-05">2023-09-05</time>`}, nil},
		{Options{Source: "AFP", SourceURL: "javascript:alert(1)", Date: "5 September 2023"},
			[]string{`<span class="source">AFP</span>`, `<span class="date">5 September 2023</span>`}, []string{"<a href", "<time"}},
	} {
		out := render(t, handBitext(), tc.opts)
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%+v: missing %s", tc.opts, w)
			}
		}
		for _, b := range tc.bad {
			if strings.Contains(out, b) {
				t.Errorf("%+v: unexpected %s", tc.opts, b)
			}
		}
	}
}

func TestTitleFallsBackToFileName(t *testing.T) {
	b := handBitext()
	b.Units[0].Target = ""
	if out := render(t, b, Options{}); !strings.Contains(out, "<h1>hand</h1>") {
		t.Error("untranslated headline: title is not the file name")
	}
	b.Name, b.Source.Name = "", ""
	if out := render(t, b, Options{}); !strings.Contains(out, "<h1>Bilingual article</h1>") {
		t.Error("no name at all: no generic title")
	}
}

// The CSP must allow exactly the stylesheet in the page, and nothing else.
func TestCSPAllowsTheStylesheet(t *testing.T) {
	out := render(t, handBitext(), Options{})
	m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no <style> element")
	}
	sum := sha256.Sum256([]byte(m[1]))
	want := "style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	c := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(out)
	if c == nil {
		t.Fatal("no CSP meta tag")
	}
	policy := html.UnescapeString(c[1]) // as the browser reads the attribute
	if !strings.Contains(policy, want) || !strings.Contains(policy, "default-src 'none'") || strings.Contains(policy, "unsafe") {
		t.Errorf("CSP %q does not pin the stylesheet (%s)", policy, want)
	}
	if strings.Contains(out, "<script") || strings.Contains(out, " style=") {
		t.Error("page has a script or an inline style attribute")
	}
}

func TestNewsroomTemplate(t *testing.T) {
	tmpl, err := ParseTemplate("site.html", `<!DOCTYPE html><html><head>{{template "bitext-head" .}}<title>Site — {{.Title}}</title></head>
<body><nav>Newsroom</nav>{{template "bitext-article" .}}<footer>© Newsroom</footer></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, handBitext(), Options{Template: tmpl, Title: "<T>"})
	for _, w := range []string{"<title>Site — &lt;T&gt;</title>", "<nav>Newsroom</nav>", `id="u2"`, "Content-Security-Policy"} {
		if !strings.Contains(out, w) {
			t.Errorf("missing %s", w)
		}
	}
	// The default page is unchanged by the clone.
	if strings.Contains(render(t, handBitext(), Options{}), "Newsroom") {
		t.Error("newsroom template leaked into the default")
	}
	own, err := ParseTemplate("own-csp.html", `<head>{{template "bitext-meta" .}}<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' {{.StyleHash}}">{{template "bitext-style" .}}</head>`)
	if err != nil {
		t.Fatal(err)
	}
	out = render(t, handBitext(), Options{Template: own})
	if !strings.Contains(out, "style-src 'self' &#39;sha256-") || strings.Count(out, "Content-Security-Policy") != 1 {
		t.Errorf("own policy with the style hash not written: %s", out)
	}
	_, err = ParseTemplate("dir/bad.html", "<p>\n{{.Title</p>")
	if err == nil || !strings.Contains(err.Error(), "bad.html:2") {
		t.Errorf("parse error %v does not name file and line", err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "site.html")
	if err := os.WriteFile(path, []byte(`{{template "bitext-blocks" .}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	lt, err := LoadTemplate(path)
	if err != nil {
		t.Fatal(err)
	}
	// the headline is the title, which bitext-header shows: the blocks start after it
	if out := render(t, handBitext(), Options{Template: lt}); !strings.HasPrefix(strings.TrimSpace(out), `<section class="bitext block paragraph"`) {
		t.Errorf("LoadTemplate output starts %.60q", out)
	}
	if _, err := LoadTemplate(filepath.Join(dir, "missing.html")); err == nil {
		t.Error("missing template file: no error")
	}
	bad, _ := ParseTemplate("x.html", `{{.NoSuchField}}`)
	if err := Write(&bytes.Buffer{}, handBitext(), Options{Template: bad}); err == nil {
		t.Error("template execution error not returned")
	}
}

func TestSplitFrontMatter(t *testing.T) {
	// Where each bad front matter's problem is: the YAML starts on line 2.
	errAt := map[string]string{
		"bad yaml":       "a.txt:2: front matter: ",
		"bad yaml later": "a.txt:3: front matter: did not find expected ',' or ']'",
		"not text":       "a.txt:3: front matter: cannot unmarshal !!seq into string",
	}
	for _, tc := range []struct {
		name, text string
		want       Meta
		wantErr    bool
		unchanged  bool
	}{
		{"none", "نص المقال.\n", Meta{}, false, true},
		{"full", "---\ntitle: عنوان\nsource: AFP\nurl: https://x.org/a\ndate: 2023-09-05\n---\nنص.\n",
			Meta{Title: "عنوان", Source: "AFP", URL: "https://x.org/a", Date: "2023-09-05"}, false, false},
		{"crlf and bom", "\ufeff---\r\ntitle: T\r\n...\r\nنص", Meta{Title: "T"}, false, false},
		{"empty", "---\n---\nنص", Meta{}, false, false},
		{"unclosed", "---\ntitle: T\nنص", Meta{}, false, true},
		{"bad yaml", "---\ntitle: [\n---\nنص", Meta{}, true, true},
		{"bad yaml later", "\ufeff---\ntitle: T\nsource: [AFP\nurl: x\n---\nنص", Meta{}, true, true},
		{"not text", "---\ntitle: T\nsource: [AFP]\n---\nنص", Meta{}, true, true},
		{"dashes later", "نص\n---\ntitle: T\n---\n", Meta{}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, body, err := SplitFrontMatter("a.txt", tc.text)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if want := errAt[tc.name]; err != nil && !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error %q, want it to start %q", err, want)
			}
			if m != tc.want {
				t.Errorf("meta = %+v, want %+v", m, tc.want)
			}
			if (body == tc.text) != tc.unchanged {
				t.Errorf("body = %q", body)
			}
			if len(body) != len(tc.text) || strings.Count(body, "\n") != strings.Count(tc.text, "\n") {
				t.Errorf("offsets moved: %q", body)
			}
			if !tc.unchanged && !strings.HasSuffix(body, tc.text[len(tc.text)-len("نص"):]) {
				t.Errorf("article text lost: %q", body)
			}
		})
	}
}

func TestSampleArticle(t *testing.T) {
	for _, b := range []*doc.Bitext{sampleUntranslated(t), sampleTranslated(t)} {
		out := render(t, b, Options{})
		rows := strings.Count(out, `<div class="u`)
		if rows != len(b.Units) {
			t.Errorf("%d rows for %d units", rows, len(b.Units))
		}
		if strings.Count(out, `<h2 class="c src"`) == 0 || strings.Count(out, `class="term"`) == 0 {
			t.Error("sample page has no headings or no glossary names")
		}
	}
}

func FuzzSpans(f *testing.F) {
	f.Add("نظام Windows 10 قديم", "Windows", 0)
	f.Add("He said كلا", "كلا", 1)
	f.Add("\xff\xfe<img>", "<", 0)
	f.Fuzz(func(t *testing.T, text, term string, dir int) {
		d := "ltr"
		if dir%2 != 0 {
			d = "rtl"
		}
		var marks []marked
		if at := findFree(text, term, nil, dir%3 == 0, dir%5 == 0); at >= 0 {
			marks = append(marks, marked{at, at + len(term), &Term{}})
		}
		var sb strings.Builder
		for _, s := range spans(text, marks, d, "") {
			for _, r := range s.Runs {
				if r.Text == "" {
					t.Fatal("empty run")
				}
				sb.WriteString(r.Text)
			}
		}
		if sb.String() != text {
			t.Fatalf("spans of %q give back %q", text, sb.String())
		}
	})
}

func FuzzWrite(f *testing.F) {
	f.Add("<img src=x onerror=alert(1)>", "</script>{{.}}&lt;", "كيم", "Kim")
	f.Add("وقال بوتين", "Putin said", "بوتين", "Putin")
	f.Fuzz(func(t *testing.T, src, tgt, ar, en string) {
		b := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Units: []doc.Unit{{
			ID: "u1", Kind: doc.Paragraph, Source: src, Target: tgt, State: doc.StateMachine,
			Terms: []doc.TermHit{{Surface: ar, Ar: ar, En: en, Note: tgt}},
		}}}
		var buf bytes.Buffer
		if err := Write(&buf, b, Options{Title: src, Source: tgt, Date: en}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		// the one element the page adds for the unit: the link to it
		const own = `<a class="permalink" href="#u1" aria-label="Link to this sentence"></a>`
		if strings.Count(out, own) != 1 {
			t.Fatalf("the sentence's link is not written once: %q", out)
		}
		out = strings.Replace(out, own, "", 1)
		for _, tag := range []string{"<script", "<img", "<iframe", "<svg", "<a ", "<style>", "<b>"} {
			if strings.Count(strings.ToLower(out), tag) != strings.Count(strings.ToLower(render(t, &doc.Bitext{}, Options{})), tag) {
				t.Fatalf("input created a %s element: %q", tag, out)
			}
		}
	})
}

func FuzzSplitFrontMatter(f *testing.F) {
	f.Add("---\ntitle: T\n---\nنص")
	f.Add("---\r\n: [\r\n...\r\n")
	f.Add("\ufeff---\n---")
	f.Fuzz(func(t *testing.T, text string) {
		_, body, err := SplitFrontMatter("f.txt", text)
		if err != nil && body != text {
			t.Fatal("error but text changed")
		}
		if len(body) != len(text) {
			t.Fatalf("length %d, want %d", len(body), len(text))
		}
		for i := range text {
			if (text[i] == '\n') != (body[i] == '\n') {
				t.Fatalf("line end moved at %d", i)
			}
		}
	})
}

// BenchmarkWrite reports how fast the sample article's page is written, in
// MB of Arabic source per second.
func BenchmarkWrite(b *testing.B) {
	bt := sampleTranslated(b)
	var n int
	for _, u := range bt.Units {
		n += len(u.Source)
	}
	var buf bytes.Buffer
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, bt, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
	b.ReportMetric(float64(len(bt.Units))*float64(b.N)/b.Elapsed().Seconds(), "units/s")
}

func TestGistBanner(t *testing.T) {
	b := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Units: []doc.Unit{
		{ID: "u1", Kind: doc.Paragraph, Source: "قال.", Target: "said.", State: doc.StateGist},
		{ID: "u2", Kind: doc.Paragraph, Block: 1, Source: "ذهب.", Target: "He went.", State: doc.StateMachine},
	}}
	for _, clean := range []bool{false, true} {
		var buf bytes.Buffer
		if err := Write(&buf, b, Options{Clean: clean}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "Word-by-word gist, not a translation.") || !strings.Contains(buf.String(), "The English of one sentence on this page") {
			t.Errorf("clean=%v: a page with a gist unit lacks the gist banner, or miscounts it", clean)
		}
	}
	b.Units[0].State = doc.StateMachine
	var buf bytes.Buffer
	if err := Write(&buf, b, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "gist-banner\"") {
		t.Error("a page without gist units shows the gist banner")
	}
}

func TestDropsCharactersHTMLForbids(t *testing.T) {
	forbidden := []string{"\x01", "\x7f", "\u0085", "\ufdd0", "\ufffe", "\U0001ffff", "\xff"}
	b := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Name: "cc.txt", Units: []doc.Unit{
		{ID: "u1", Kind: doc.Heading, Source: "قمة\x01 بوتين", Target: "Putin\u0085 summit", State: doc.StateMachine},
		{ID: "u2", Block: 1, Kind: doc.Paragraph, Source: "وقال\x01 المسؤول إن بوتين\ufdd0 سيزور موسكو\ufffe.",
			Target: "The official\x01 said\x7f Putin\xff would visit \U0001ffffMoscow.\ttab", State: doc.StateGist,
			Flags: []doc.Flag{"odd\x02flag"},
			Terms: []doc.TermHit{{Surface: "بوتين", Ar: "بوتين", En: "Putin", Note: "President\x03 of Russia"}}},
	}}
	var warnings []string
	got := render(t, b, Options{Source: "AFP\x04", Warn: func(msg string) { warnings = append(warnings, msg) }})
	for _, c := range forbidden {
		if strings.Contains(got, c) {
			t.Errorf("the page contains %q", c)
		}
	}
	for _, want := range []string{"وقال المسؤول", "The official said ", "would visit Moscow.\ttab", "Putin summit", "President of Russia"} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lost the text around a dropped character: no %q", want)
		}
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "cc.txt: dropped 16 character(s)") || !strings.Contains(warnings[0], "U+0001, in the source of unit u1") {
		t.Errorf("want one warning counting 16 characters, first in u1's source; got %q", warnings)
	}
	warnings = nil
	render(t, handBitext(), Options{Warn: func(msg string) { warnings = append(warnings, msg) }})
	if len(warnings) != 0 {
		t.Errorf("warnings for a clean bitext: %q", warnings)
	}
}

func TestGistHeadlineIsNotTheTitle(t *testing.T) {
	b := handBitext()
	b.Units[0].State, b.Units[0].Target = doc.StateGist, "summit of Putin and Kim"
	got := render(t, b, Options{})
	for _, want := range []string{
		`<title lang="ar" dir="rtl">قمة بوتين وكيم</title>`,
		`<h1 class="c src" lang="ar" dir="rtl" tabindex="0">قمة <span`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the page has no %s", want)
		}
	}
	if regexp.MustCompile(`<(title|h1)[^>]*>summit of Putin`).MatchString(got) {
		t.Error("the gist is the page title")
	}
	// a reviewed translation of the headline is the title again, in English
	b.Units[0].State = doc.StateReviewed
	if got := render(t, b, Options{}); !strings.Contains(got, "<title>summit of Putin and Kim</title>") {
		t.Errorf("a reviewed headline is not the title:\n%.1500s", got)
	}
}

// A title given in Arabic (by flag or front matter) is marked right-to-left
// and Arabic; an English one keeps the page's language and direction.
func TestArabicTitleDirection(t *testing.T) {
	cases := []struct {
		title string
		want  []string
	}{
		{"عنوان ‹عربي>", []string{`<title lang="ar" dir="rtl">عنوان ‹عربي&gt;</title>`, `<h1 lang="ar" dir="rtl">عنوان ‹عربي&gt;</h1>`}},
		{"«قمة» Putin", []string{`<title lang="ar" dir="rtl">«قمة» Putin</title>`}},
		{"2023: Putin–Kim «قمة»", []string{`<title>2023: Putin–Kim «قمة»</title>`, `<h1>2023: Putin–Kim «قمة»</h1>`}},
	}
	for _, c := range cases {
		got := render(t, handBitext(), Options{Title: c.title})
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("title %q: the page has no %s", c.title, w)
			}
		}
	}
}

// The credit describes the English on the page: an editor's work is credited
// to the editor even when the file names the engine of the drafts it replaced.
func TestCredit(t *testing.T) {
	for _, tc := range []struct {
		engine string
		states []doc.State
		want   string // "": no credit at all
	}{
		{"gist", []doc.State{doc.StateReviewed, doc.StateFinal}, "Translation reviewed by an editor."},
		{"deepl", []doc.State{doc.StateMachine, doc.StateMachine}, "Translated by machine (deepl)."},
		{"deepl", []doc.State{doc.StateMemory}, "Translated from the translation memory."},
		{"gist", []doc.State{doc.StateGist, doc.StateGist}, ""},
		{"gist", []doc.State{doc.StateFinal, doc.StateFinal, doc.StateGist, doc.StateNew},
			"Of the 3 translated sentences, 2 reviewed by an editor; 1 only a word-by-word gist."},
		{"deepl", []doc.State{doc.StateReviewed, doc.StateMachine, doc.StateMemory},
			"Of the 3 translated sentences, 1 reviewed by an editor; 1 translated by machine (deepl), not reviewed; 1 from the translation memory, not reviewed."},
	} {
		b := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Engine: tc.engine}
		for i, st := range tc.states {
			b.Units = append(b.Units, doc.Unit{ID: "u" + strconv.Itoa(i), Block: i, Kind: doc.Paragraph, Source: "قال.", Target: "said.", State: st})
		}
		out := render(t, b, Options{Clean: true})
		if tc.want != "" && !strings.Contains(out, tc.want) {
			t.Errorf("%v: page lacks the credit %q", tc.states, tc.want)
		}
		for _, other := range []string{"Translated by machine", "Translation reviewed", "Of the ", "translation memory"} {
			if !strings.Contains(tc.want, other) && strings.Contains(out, other) {
				t.Errorf("%v: page credits %q; want %q", tc.states, other, tc.want)
			}
		}
	}
}

// An empty template would write an empty page; a parse error names the
// file and line once, without a doubled "template".
func TestTemplateErrors(t *testing.T) {
	for _, text := range []string{"", " \n\t"} {
		if _, err := ParseTemplate("dir/bad5.html", text); err == nil || err.Error() != "template dir/bad5.html is empty" {
			t.Errorf("template %q: error %v, want it refused as empty", text, err)
		}
	}
	_, err := ParseTemplate("bad2.html", `<html><body>{{if .Title}}{{template "bitext-article" .}}</body></html>`)
	if err == nil || !strings.HasPrefix(err.Error(), "template: bad2.html:1: ") {
		t.Errorf("parse error %q, want it to start %q", err, "template: bad2.html:1: ")
	}
}

// A source URL the page cannot link to is left off with a warning.
func TestSourceURLWarning(t *testing.T) {
	for _, tc := range []struct {
		url  string
		warn bool
	}{{"javascript:alert(1)", true}, {"ftp://example.com/a", true}, {"https://example.com/a", false}, {"", false}} {
		var warnings []string
		out := render(t, handBitext(), Options{Source: "AFP", SourceURL: tc.url, Warn: func(m string) { warnings = append(warnings, m) }})
		if got := len(warnings) == 1 && strings.Contains(warnings[0], strconv.Quote(tc.url)); got != tc.warn || (!tc.warn && len(warnings) > 0) {
			t.Errorf("source URL %q: warnings %q", tc.url, warnings)
		}
		if tc.warn && strings.Contains(out, tc.url) {
			t.Errorf("source URL %q is on the page", tc.url)
		}
	}
}

// The flag legend explains the flags on the page: none, no legend.
func TestFlagLegendOnlyWithFlags(t *testing.T) {
	b := handBitext()
	if out := render(t, b, Options{}); !strings.Contains(out, `class="fl"`) {
		t.Error("a page with flagged units lacks the flag legend")
	}
	b.Units[2].Target, b.Units[2].State, b.Units[2].Flags = "He added that Windows 10 was old.", doc.StateReviewed, nil
	for _, clean := range []bool{false, true} {
		if out := render(t, b, Options{Clean: clean}); strings.Contains(out, `class="fl"`) {
			t.Errorf("clean=%v: a page with nothing flagged shows the flag legend", clean)
		}
	}
}

// The headline the title comes from is shown once, as the title, with its
// original beside it; a title of its own leaves the headline among the blocks.
func TestHeadlineShownOnce(t *testing.T) {
	for _, tc := range []struct {
		opts     Options
		headline bool // the headline row is the <h1>
	}{
		{Options{}, true},
		{Options{Title: "A Putin–Kim summit", Clean: true}, true},
		{Options{Title: "Putin and Kim"}, false},
	} {
		out := render(t, handBitext(), tc.opts)
		if n := strings.Count(out, "summit</h"); tc.headline && n != 1 {
			t.Errorf("%+v: the headline's English is shown %d times", tc.opts, n)
		}
		if n := strings.Count(out, `id="u1"`); n != 1 {
			t.Errorf("%+v: the headline row is on the page %d times", tc.opts, n)
		}
		if n := strings.Count(out, "<h1"); n != 1 {
			t.Errorf("%+v: %d <h1>", tc.opts, n)
		}
		header, _, _ := strings.Cut(out, "</header>")
		if got := strings.Contains(header, `id="u1"`); got != tc.headline {
			t.Errorf("%+v: headline row in the header: %v, want %v", tc.opts, got, tc.headline)
		}
		if !tc.headline && !strings.Contains(out, "<h1>"+tc.opts.Title+"</h1>") {
			t.Errorf("%+v: the title is not the <h1>", tc.opts)
		}
	}
}

// TestIsolatedRunLanguage: text in the other side's script (Latin inside the
// Arabic, Arabic inside the English) is marked with the other side's
// language, so that a screen reader reads it with that language's voice
// instead of spelling it out in the cell's; not when both sides are written
// in the same direction, where the script says nothing of the language.
func TestIsolatedRunLanguage(t *testing.T) {
	bt := func(tgtLang string) *doc.Bitext {
		return &doc.Bitext{SourceLang: "ar", TargetLang: tgtLang, Name: "x.txt", Units: []doc.Unit{{
			ID: "u1", Kind: doc.Paragraph, State: doc.StateMachine,
			Source: "قالت إن نظام Windows 11 متاح",
			Target: "She said the party (حزب الله) agreed.",
		}}}
	}
	out := render(t, bt("en"), Options{})
	for _, want := range []string{
		`<p class="c src" lang="ar" dir="rtl" tabindex="0">قالت إن نظام <bdi lang="en">Windows 11</bdi> متاح</p>`,
		`She said the party <bdi lang="ar">(حزب الله)</bdi> agreed.`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	out = render(t, bt("fa"), Options{})
	if !strings.Contains(out, `<bdi>Windows 11</bdi>`) || strings.Contains(out, `<bdi lang=`) {
		t.Errorf("Arabic→Persian page: Latin run marked with a language:\n%s", out)
	}
}

// TestBylineLanguage: a publication name or a date written in Arabic (from
// the front matter of an Arabic newsroom) is marked as Arabic, right to
// left, so that a screen reader does not read it with the English voice of
// the byline around it; a Latin one is left as the byline's English.
func TestBylineLanguage(t *testing.T) {
	out := render(t, handBitext(), Options{Source: "وكالة فرانس برس", SourceURL: "https://example.com/a", Date: "٥ أيلول ٢٠٢٣"})
	for _, want := range []string{
		`<span class="source" lang="ar" dir="rtl"><a href="https://example.com/a" rel="noopener noreferrer">وكالة فرانس برس</a></span>`,
		`<span class="date" lang="ar" dir="rtl">٥ أيلول ٢٠٢٣</span>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	out = render(t, handBitext(), Options{Source: "AFP", Date: "2023-09-05"})
	if !strings.Contains(out, `<span class="source">AFP</span>`) || !strings.Contains(out, `<time datetime="2023-09-05">2023-09-05</time>`) {
		t.Errorf("Latin byline marked with a language:\n%s", out)
	}
}

// TestLegendReadingOrder: the legend tells a listener, who cannot see the
// columns, in which order the page reads: each English sentence, then its
// Arabic original. The sentence is hidden from sight only.
func TestLegendReadingOrder(t *testing.T) {
	for _, clean := range []bool{false, true} {
		out := render(t, handBitext(), Options{Clean: clean})
		legend := out[strings.Index(out, `<aside class="bitext legend"`):strings.Index(out, "</aside>")]
		if !strings.Contains(legend, `<span class="vh">Read aloud, each English sentence is followed by its Arabic original.</span>`) {
			t.Errorf("clean=%v: the legend does not tell a listener the reading order:\n%s", clean, legend)
		}
	}
	if !regexp.MustCompile(`\.bitext \.vh\{position:absolute;[^}]*clip-path:inset\(50%\)`).MatchString(css) {
		t.Error("the stylesheet does not hide .vh text from sight")
	}
}
