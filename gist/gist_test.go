package gist

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"bitext/arabic"
	"bitext/doc"
	"bitext/glossary"
	"bitext/internal/testenv"
	"bitext/segment"
	"bitext/translate"
)

// testLexicon is a small word list so the tests do not depend on the
// built-in one.
const testLexicon = `# test list
قال	said|says	v	قول
أعلن	announced|announces	v	علن
كتب	wrote|writes	v	كتب
كتاب	book	n
بيت	house	n
حكومة	government	n
مسؤول	official	n
صحفي	journalist	n
سيارة	car	n
رئيس	president	n
أمن	security	n
مجلس	council	n
أبيض	white	a
كبير	senior	a
جديد	new	a
روسي	Russian	a
على	on	p
في	in	p
بوتين	Boutin	x
هذه	this	x
وفقا	according to	x
صحيفة	newspaper	n
الأول	first	a
الأسبوع	week	n
ميزانية	budget	n
سنوي	annual	a
تشارك	shared|shares	v
اعتقل	arrested|arrests	v
يوم	day	n
اليوم	today	x
الأمم المتحدة	United Nations	name
`

// glossCase is a text and the gist wanted for it.
type glossCase struct{ in, want string }

// checkGloss glosses each case's text with terms and compares.
func checkGloss(t *testing.T, e *Engine, terms []translate.Term, tests []glossCase) {
	t.Helper()
	for _, tt := range tests {
		if got := e.Gloss(tt.in, terms); got != tt.want {
			t.Errorf("Gloss(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func testEngine(t testing.TB, opts Options) *Engine {
	t.Helper()
	l, err := ReadCore("test.tsv", strings.NewReader(testLexicon))
	if err != nil {
		t.Fatal(err)
	}
	return NewWithLexicons(opts, l)
}

func TestGlossClitics(t *testing.T) {
	e := testEngine(t, Options{NoReorder: true})
	tests := []glossCase{
		{"كتاب", "book"},
		{"وكتاب", "and book"},
		{"فكتاب", "so book"},
		{"بكتاب", "with book"},
		{"لكتاب", "for book"},
		{"ككتاب", "as book"},
		{"الكتاب", "the book"},
		{"والكتاب", "and the book"},
		{"بالكتاب", "with the book"},
		{"وبالكتاب", "and with the book"},
		{"للكتاب", "for the book"},
		{"وللكتاب", "and for the book"},
		{"كتابه", "his book"},
		{"كتابها", "her book"},
		{"كتابهم", "their book"},
		{"كتابنا", "our book"},
		{"كتابكم", "your book"},
		{"وبكتابهم", "and with their book"},
		{"حكومته", "his government"},        // ta marbuta written ت before a pronoun
		{"حكومتهما", "their government"},    // dual pronoun
		{"سيارات", "cars"},                  // -ات plural
		{"مسؤولون", "officials"},            // -ون plural
		{"للصحفيين", "for the journalists"}, // ل + ال + -ين plural
		{"الروسية", "the Russian"},          // nisba feminine
		{"كبيرة", "senior"},                 // feminine adjective
		{"قال", "said"},
		{"وقال", "and said"},
		{"قالت", "said"},
		{"قالوا", "said"},
		{"يقول", "says"},
		{"تقول", "says"},
		{"يقولون", "say"},
		{"سيقول", "will say"},
		{"وسيقولون", "and will say"},
		{"نقول", "we say"},
		{"ليقول", "to say"},
		{"يتشاركون", "share"},   // present of a derived form from its past stem
		{"يعتقل", "arrests"},    // يعتقل ← اعتقل
		{"اليومين", "the days"}, // not اليوم + ين
		{"اليوم", "today"},
		{"وليكتبوا", "and to write"},
		{"أعلنت", "announced"},
		{"كتبه", "wrote him"},
		{"عليه", "on him"},
		{"عليها", "on her"},
		{"فيهم", "in them"},
		{"٢٠٢٣", "2023"},
		{"٣٥٫٥", "35.5"},
		{"بالأمم المتحدة", "with the United Nations"},
		{"للأمم المتحدة", "for the United Nations"},
		{"كتاب، بيت؟", "book, house?"},
		{"«كتاب»", "“book”"},
		{"كِتَابٌ", "book"}, // diacritics ignored
		{"كتـــاب", "book"}, // tatweel ignored
		{"", ""},
	}
	checkGloss(t, e, nil, tests)
}

func TestReorder(t *testing.T) {
	e := testEngine(t, Options{})
	tests := []glossCase{
		{"البيت الأبيض", "the white house"},                         // noun–adjective
		{"مسؤول كبير", "senior official"},                           // indefinite too
		{"كتاب جديد كبير", "senior new book"},                       // adjectives reversed
		{"مجلس الأمن", "council of the security"},                   // idafa
		{"رئيس مجلس الأمن", "president of council of the security"}, // idafa chain
		{"قال المسؤول", "the official said"},                        // verb-first
		{"وقال المسؤول الكبير", "and the senior official said"},     // with conjunction and adjective
		{"قال مسؤول", "an official said"},                           // an indefinite speaker
		{"اعتقل مسؤول", "arrested official"},                        // another verb: left alone (also "was arrested")
		{"البيت أبيض", "the house white"},                           // definiteness differs: left alone
		{"قال في البيت", "said in the house"},                       // preposition: left alone
		{"يقول المسؤول", "the official says"},                       // present verb too
		{"هذه الحكومة", "this government"},                          // no article after a demonstrative
		{"وفقا لصحيفة", "according to newspaper"},                   // لـ after "according to"
		{"الأسبوع الأول", "the first week"},                         // entry with its own article
	}
	checkGloss(t, e, nil, tests)
}

func TestGlossaryNamesWin(t *testing.T) {
	e := testEngine(t, Options{})
	terms := []translate.Term{
		{Source: "بوتين", Target: "Putin"},
		{Source: "وبوتين", Target: "Putin"},
		{Source: "فلاديمير بوتين", Target: "Vladimir Putin"},
		{Source: "والكرملين", Target: "Kremlin"},
	}
	tests := []glossCase{
		{"بوتين", "Putin"},                   // the lexicon's Boutin loses
		{"وبوتين", "and Putin"},              // the clitic read off the other surface
		{"فلاديمير بوتين", "Vladimir Putin"}, // longest term first
		{"والكرملين", "and the Kremlin"},     // clitic before the article
		{"قال بوتين", "Putin said"},          // names take part in the ordering rules
	}
	checkGloss(t, e, terms, tests)
	// a term surface inside a longer word is not a match
	if got := e.Gloss("بوتينات", terms); strings.Contains(got, "Putin") {
		t.Errorf("term matched inside a word: %q", got)
	}
}

func TestUnknownWords(t *testing.T) {
	e := testEngine(t, Options{})
	if got := e.Gloss("سوليفان", nil); got != "Sulifan" {
		t.Errorf("transliteration = %q, want Sulifan", got)
	}
	if got := e.Gloss("والكابيتول", nil); got != "and the Kabitul" {
		t.Errorf("unknown with article = %q", got)
	}
	keep := testEngine(t, Options{KeepUnknown: true})
	if got := keep.Gloss("سوليفان كتاب", nil); got != "سوليفان book" {
		t.Errorf("KeepUnknown = %q", got)
	}
	st := e.Coverage("كتاب سوليفان ٢٠ بوتين", []translate.Term{{Source: "بوتين", Target: "Putin"}})
	if st.Words != 3 || st.Glossed != 2 || st.Unknown["سوليفان"] != 1 {
		t.Errorf("Coverage = %+v, want 3 words, 2 glossed, سوليفان unknown", st)
	}
}

// The same cases every engine meets: empty input, Arabic punctuation,
// protected names, one output per segment, cancellation.
func TestEngineContract(t *testing.T) {
	e := testEngine(t, Options{})
	var _ translate.Engine = e
	ctx := context.Background()

	out, err := e.Translate(ctx, translate.Request{SourceLang: "ar", TargetLang: "en"})
	if err != nil || len(out) != 0 {
		t.Fatalf("empty request: %v, %v", out, err)
	}
	req := translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{
		{ID: "a", Text: ""},
		{ID: "b", Text: "   "},
		{ID: "c", Text: "قال بوتين؛ الكتاب؟ نعم، «جديد»!", Terms: []translate.Term{{Source: "بوتين", Target: "Putin"}}},
		{ID: "d", Text: "Keep ⟦1⟧ and {0} as they are: كتاب"},
	}}
	out, err = e.Translate(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(req.Segments) {
		t.Fatalf("got %d outputs for %d segments", len(out), len(req.Segments))
	}
	if out[0] != "" || out[1] != "" {
		t.Errorf("empty segments glossed as %q, %q", out[0], out[1])
	}
	if !strings.Contains(out[2], "Putin") || !strings.Contains(out[2], ";") || !strings.Contains(out[2], "?") || strings.ContainsAny(out[2], "؛؟،") {
		t.Errorf("punctuation or name lost: %q", out[2])
	}
	if !strings.Contains(out[3], "⟦1⟧") || !strings.Contains(out[3], "{0}") || !strings.HasSuffix(out[3], "book") {
		t.Errorf("placeholders not kept: %q", out[3])
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := e.Translate(cctx, req); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	if !e.Gist() || e.Name() != "gist" {
		t.Error("the engine must say it makes a gist")
	}
}

func TestRegistered(t *testing.T) {
	eng, err := translate.New("gist", translate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if g, ok := eng.(interface{ Gist() bool }); !ok || !g.Gist() {
		t.Error("registered engine does not report Gist")
	}
}

// The pipeline marks every unit the gist engine fills as a gist, with a note.
func TestPipelineMarksGist(t *testing.T) {
	root := testenv.RepoRoot(t)
	text, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Load(filepath.Join(root, "glossary.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(context.Background(), Options{NoSystemLexicon: true})
	if err != nil {
		t.Fatal(err)
	}
	d := segment.Split("article.txt", string(text), "ar")
	bt, err := translate.Run(context.Background(), e, d, translate.Options{Glossary: glossary.NewMatcher(g)})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, u := range bt.Units {
		if u.Target == "" {
			continue
		}
		n++
		if u.State != doc.StateGist {
			t.Errorf("unit %s: state %q, want gist", u.ID, u.State)
		}
		found := false
		for _, note := range u.Notes {
			found = found || note == translate.GistNote
		}
		if !found {
			t.Errorf("unit %s: no gist note in %q", u.ID, u.Notes)
		}
		if u.HasFlag(doc.FlagGlossaryViolation) {
			t.Errorf("unit %s: glossary name missing from gist %q (terms %v)", u.ID, u.Target, u.Terms)
		}
	}
	if n == 0 {
		t.Fatal("no unit was glossed")
	}
}

// The analyser counts the letters of its affix tables as two bytes each.
func TestAffixesAreTwoByteLetters(t *testing.T) {
	var all []string
	for _, e := range nounEndings {
		all = append(all, e.ar)
	}
	all = append(append(all, pastEndings...), presentEndings...)
	for _, s := range all {
		if len(s) != 2*utf8.RuneCountInString(s) {
			t.Errorf("affix %q is not made of two-byte letters", s)
		}
	}
}

func TestProcliticTable(t *testing.T) {
	if proclitics[0].ar != "" {
		t.Fatalf("the empty chain must come first, got %q", proclitics[0].ar)
	}
	for i := 1; i < len(proclitics); i++ {
		if proclitics[i].n < proclitics[i-1].n {
			t.Fatalf("proclitics not sorted by length at %q", proclitics[i].ar)
		}
	}
}

func TestCore(t *testing.T) {
	l, err := Core()
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() < 2000 {
		t.Errorf("built-in list has %d forms, want a few thousand", l.Len())
	}
	for _, w := range []string{"قال", "أضاف", "أعلن", "أكد"} {
		if _, ok := l.verbs[arabic.Fold(w)]; !ok {
			t.Errorf("reporting verb %s missing", w)
		}
	}
	// news phrases whose words alone gloss wrong: كبير is "big", not "senior"
	e := NewWithLexicons(Options{}, l)
	checkGloss(t, e, nil, []glossCase{
		{"مسؤول كبير", "senior official"},
		{"مسؤولون كبار", "senior officials"},
	})
}

func TestReadCoreErrors(t *testing.T) {
	tests := []glossCase{
		{"كتاب", "x.tsv:1: want arabic"},
		{"# c\nكتاب\tbook\tq", "x.tsv:2: unknown tag"},
		{"قال\tsaid\tv", "x.tsv:1: verb gloss"},
		{"book\tbook", "x.tsv:1: no Arabic"},
		{"كتاب\tbook|books\tn", "x.tsv:1: gloss"},
		{"كتاب\tbook\tn\tكتب", "x.tsv:1: a present stem"},
	}
	for _, tt := range tests {
		_, err := ReadCore("x.tsv", strings.NewReader(tt.in))
		var pe *ParseError
		if err == nil || !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ReadCore(%q) error = %v, want %q…", tt.in, err, tt.want)
		}
	}
}

func TestOutsideLexicons(t *testing.T) {
	ctx := context.Background()
	lex := testenv.Shared(t, "data", "lexicon")
	fd, err := LoadLexicon(ctx, filepath.Join(lex, "freedict-ara-eng", "freedict-ara-eng.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := fd.Lookup(arabic.Fold("موسكو")); !ok || e.Gloss != "moscow" && e.Gloss != "Moscow" {
		t.Errorf("FreeDict موسكو = %+v, %v", e, ok)
	}
	bw, err := LoadLexicon(ctx, filepath.Join(lex, "bama-1.0"))
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := bw.Lookup(arabic.Fold("بوتين")); !ok || e.Gloss != "Putin" || e.POS != Name {
		t.Errorf("Buckwalter بوتين = %+v, %v", e, ok)
	}
	if _, ok := bw.present[arabic.Fold("قول")]; !ok {
		t.Error("Buckwalter present stem قول missing")
	}

	// a dictd dictionary written here: index with base64 offsets, gzip text
	dir := t.TempDir()
	body := "كتاب /kitaːb/\n1. Book\n2. Volume\nبيت /bajt/\nHouse\n"
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(body))
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "t.dict.dz"), z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	first := len("كتاب /kitaːb/\n1. Book\n2. Volume\n")
	index := "00databaseinfo\tA\tB\nكتاب\tA\t" + b64(first) + "\nبيت\t" + b64(first) + "\t" + b64(len(body)-first) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "t.index"), []byte(index), 0o644); err != nil {
		t.Fatal(err)
	}
	dd, err := LoadLexicon(ctx, filepath.Join(dir, "t.index"))
	if err != nil {
		t.Fatal(err)
	}
	e := NewWithLexicons(Options{}, dd)
	if got := e.Gloss("الكتاب وبيتهم", nil); got != "the book and their house" {
		t.Errorf("dictd gloss = %q", got)
	}
	os.WriteFile(filepath.Join(dir, "bad.index"), []byte("كتاب\tA\tzzzz\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.dict"), []byte("x"), 0o644)
	if _, err := LoadLexicon(ctx, filepath.Join(dir, "bad.index")); err == nil || !strings.Contains(err.Error(), "bad.index:1:") {
		t.Errorf("bad dictd index: err = %v", err)
	}
	if _, err := LoadLexicon(ctx, filepath.Join(dir, "missing.tsv")); err == nil {
		t.Error("missing lexicon: no error")
	}
}

func b64(n int) string {
	if n == 0 {
		return "A"
	}
	var s []byte
	for n > 0 {
		s = append([]byte{dictdDigits[n%64]}, s...)
		n /= 64
	}
	return string(s)
}

func FuzzGloss(f *testing.F) {
	f.Add("وقال مستشار الأمن القومي جيك سوليفان للصحفيين “ستدفع كوريا الشمالية ثمن ذلك”.")
	f.Add("٣٥٫٥٪ ، ؟ ؛ «» abc ⟦0⟧")
	f.Add("ﻻ ـ ً")
	e := testEngine(f, Options{})
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		out := e.Gloss(s, nil)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if arabic.IsArabicLetter(r) && r >= 0x0600 && r <= 0x06FF {
				t.Fatalf("Arabic letter %q left in %q (from %q)", r, out, s)
			}
		}
	})
}

func FuzzReadCore(f *testing.F) {
	f.Add(testLexicon)
	f.Add("قال\tsaid|says\tv\tقول|\n")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ReadCore("f.tsv", strings.NewReader(s))
		if err == nil && l == nil {
			t.Fatal("nil lexicon without error")
		}
	})
}

func BenchmarkGloss(b *testing.B) {
	text, err := os.ReadFile(filepath.Join(testenv.RepoRoot(b), "testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	e, err := New(context.Background(), Options{Lexicons: []string{testenv.Shared(b, "data", "lexicon", "freedict-ara-eng", "freedict-ara-eng.tsv")}})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	cpu0 := testenv.CPUTime()
	for b.Loop() {
		e.Gloss(string(text), nil)
	}
	// CPU time as well as wall time: on a shared machine the wall clock
	// counts other people's work too.
	if cpu := testenv.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(text))*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

// reportLoad reports seconds per load, by the wall clock and in CPU time.
func reportLoad(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/load")
	b.ReportMetric((testenv.CPUTime()-cpu0).Seconds()/float64(b.N), "cpu-s/load")
}

func BenchmarkLoadFreeDictTSV(b *testing.B) {
	path := testenv.Shared(b, "data", "lexicon", "freedict-ara-eng", "freedict-ara-eng.tsv")
	cpu0 := testenv.CPUTime()
	for b.Loop() {
		if _, err := LoadLexicon(context.Background(), path); err != nil {
			b.Fatal(err)
		}
	}
	reportLoad(b, cpu0)
}

func BenchmarkLoadBuckwalter(b *testing.B) {
	dir := testenv.Shared(b, "data", "lexicon", "bama-1.0")
	cpu0 := testenv.CPUTime()
	for b.Loop() {
		if _, err := LoadLexicon(context.Background(), dir); err != nil {
			b.Fatal(err)
		}
	}
	reportLoad(b, cpu0)
}

func BenchmarkLoadDebianDictd(b *testing.B) {
	if _, err := os.Stat(DebianFreeDict); err != nil {
		b.Skip("dict-freedict-ara-eng not installed")
	}
	cpu0 := testenv.CPUTime()
	for b.Loop() {
		if _, err := LoadLexicon(context.Background(), DebianFreeDict); err != nil {
			b.Fatal(err)
		}
	}
	reportLoad(b, cpu0)
}

// BenchmarkNewEngine is what a run waits for before glossing: the built-in
// list, FreeDict (Debian's when installed, else the shared TSV) and the merge.
func BenchmarkNewEngine(b *testing.B) {
	opts := Options{}
	if _, err := os.Stat(DebianFreeDict); err != nil {
		opts.Lexicons = []string{testenv.Shared(b, "data", "lexicon", "freedict-ara-eng", "freedict-ara-eng.tsv")}
	}
	cpu0 := testenv.CPUTime()
	for b.Loop() {
		if _, err := New(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	reportLoad(b, cpu0)
}

func BenchmarkLoadCore(b *testing.B) {
	cpu0 := testenv.CPUTime()
	for b.Loop() {
		if _, err := Core(); err != nil {
			b.Fatal(err)
		}
	}
	reportLoad(b, cpu0)
}

// The gist starts each sentence with a capital, so that the English
// splitter finds as many sentences as the Arabic has and pairs them one to
// one; glossary names and placeholders keep their own spelling.
func TestCapitalise(t *testing.T) {
	for in, want := range map[string]string{
		"and said the president. and added that": "And said the president. And added that",
		"the talks. “and then” he said":          "The talks. “And then” he said",
		"in 2023. 27 houses were built":          "In 2023. 27 houses were built",
		"⟦1⟧ said. the end":                      "⟦1⟧ said. The end",
		"version 3.5 was released":               "Version 3.5 was released",
	} {
		if got := capitalise(in); got != want {
			t.Errorf("capitalise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGlossNumberPhrases(t *testing.T) {
	e := testEngine(t, Options{})
	checkGloss(t, e, nil, []glossCase{
		{"ثلاثة آلاف وخمسمائة", "3500"},
		{"مئتين وخمسين", "250"},
		{"وخمسة وعشرين", "and 25"}, // the conjunction read off
		{"وواحد وعشرون", "and 21"}, // واحد keeps its own و
		{"واحد وعشرون", "21"},
		{"في الخامس عشر", "in the 15th"},       // an ordinal, with its article
		{"الكتاب الحادي عشر", "the 11th book"}, // after its noun, as an adjective
		{"الميزانية الثانية والعشرين", "the 22nd budget"},
		{"كتاب ثالث عشر", "13th book"},
	})
	st := &Stats{Unknown: map[string]int{}}
	e.gloss("ثلاثة آلاف وخمسمائة", nil, st)
	if st.Words != 3 || st.Glossed != 3 {
		t.Errorf("stats of a number phrase: %d words, %d glossed; want 3 and 3", st.Words, st.Glossed)
	}
}
