package align

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"bitext/doc"
	"bitext/glossary"
	"bitext/segment"
)

// Sentences from a news story; ar[k] translates en[k].
var (
	arSents = []string{
		"أعلنت وزارة الصحة يوم الاثنين تسجيل 245 إصابة جديدة بفيروس كورونا.",
		"وقال الوزير إن المستشفيات في العاصمة تعمل بكامل طاقتها منذ أسبوعين.",
		"وأضاف أن الحكومة ستفتح ثلاثة مستشفيات ميدانية جديدة قبل نهاية الشهر.",
		"وزار رئيس الوزراء مستشفى في مدينة حلب يوم الثلاثاء.",
		"هل تستطيع البلاد مواجهة موجة جديدة؟",
		"ويقول الخبراء إن اللقاحات متوفرة بكميات كافية لجميع السكان في عام ٢٠٢٢.",
		"وطلبت منظمة الصحة العالمية WHO من الدول المجاورة تقديم المساعدة.",
	}
	enSents = []string{
		"The Ministry of Health announced on Monday 245 new cases of coronavirus.",
		"The minister said hospitals in the capital have been working at full capacity for two weeks.",
		"He added that the government would open three new field hospitals before the end of the month.",
		"The prime minister visited a hospital in the city of Aleppo on Tuesday.",
		"Can the country face a new wave?",
		"Experts say vaccines are available in sufficient quantities for the whole population in 2022.",
		"The World Health Organization (WHO) asked neighbouring countries to provide assistance.",
	}
)

// miniLexicon is a handful of entries written for these tests.
func miniLexicon(t testing.TB) *Lexicon {
	lex, err := ReadLexiconTSV("mini.tsv", strings.NewReader("arabic\tipa\tenglish\n"+
		"وزارة\t\tMinistry\nصحة\t\tHealth\nإصابة\t\tCase | Injury\nوزير\t\tMinister\nمستشفى\t\tHospital\n"+
		"مستشفيات\t\tHospitals\nعاصمة\t\tCapital\nحكومة\t\tGovernment\nمدينة\t\tCity\nبلاد\t\tCountry\n"+
		"خبير\t\tExpert\nخبراء\t\tExperts\nلقاح\t\tVaccine\nسكان\t\tPopulation\nمنظمة\t\tOrganization\n"+
		"موجة\t\tWave\nأسبوع\t\tWeek\nشهر\t\tMonth\nجديد\t\tNew\nمساعدة\t\tAssistance | Help\n"))
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func beadsString(beads []Bead) string {
	var parts []string
	for _, b := range beads {
		parts = append(parts, FormatBead(b))
	}
	return strings.Join(parts, " ")
}

func join(ss ...string) string { return strings.Join(ss, " ") }

func TestSentencesBeadTypes(t *testing.T) {
	ar, en := arSents, enSents
	tests := []struct {
		name     string
		src, tgt []string
		want     string
	}{
		{"1-1", ar, en, "0<=>0 1<=>1 2<=>2 3<=>3 4<=>4 5<=>5 6<=>6"},
		{"2-1", ar, []string{en[0], join(en[1], en[2]), en[3], en[4], en[5], en[6]},
			"0<=>0 1,2<=>1 3<=>2 4<=>3 5<=>4 6<=>5"},
		{"1-2", []string{ar[0], ar[1] + " " + ar[2], ar[3], ar[4], ar[5], ar[6]}, en,
			"0<=>0 1<=>1,2 2<=>3 3<=>4 4<=>5 5<=>6"},
		{"3-1", ar, []string{en[0], join(en[1], en[2], en[3]), en[4], en[5], en[6]},
			"0<=>0 1,2,3<=>1 4<=>2 5<=>3 6<=>4"},
		{"1-3", []string{ar[0], join(ar[1], ar[2], ar[3]), ar[4], ar[5], ar[6]}, en,
			"0<=>0 1<=>1,2,3 2<=>4 3<=>5 4<=>6"},
		{"1-0", ar, []string{en[0], en[1], en[3], en[4], en[5], en[6]},
			"0<=>0 1<=>1 2<=> 3<=>2 4<=>3 5<=>4 6<=>5"},
		{"0-1", []string{ar[0], ar[1], ar[3], ar[4], ar[5], ar[6]}, en,
			"0<=>0 1<=>1 <=>2 2<=>3 3<=>4 4<=>5 5<=>6"},
		{"empty source", nil, en[:2], "<=>0 <=>1"},
		{"empty target", ar[:2], nil, "0<=> 1<=>"},
		{"both empty", nil, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := beadsString(Sentences(tc.src, tc.tgt, Options{Lexicon: miniLexicon(t)}))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestAnchorsWithoutLexicon checks that numbers (Arabic-Indic too), Latin
// words, punctuation and glossary names pair sentences of similar length that
// lengths alone could not tell apart.
func TestAnchorsWithoutLexicon(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - ar: سوليفان\n    en: Sullivan\n  - ar: كيربي\n    en: Kirby\n"))
	if err != nil {
		t.Fatal(err)
	}
	src := []string{
		"قال سوليفان إن الاجتماع سيعقد غدا.",
		"وصل عدد الضحايا إلى ١٢٥ شخصا.",
		"ونقلت شبكة CNN الخبر؟",
		"وأكد كيربي أن الأمر ما زال مفتوحا.",
	}
	tgt := []string{
		"Kirby said the question is still open.",
		"Did CNN carry the news?",
		"The death toll has reached 125 people.",
		"Sullivan said the meeting will take place tomorrow.",
	}
	// The English sentences in reverse order cannot be aligned monotonically
	// except by leaving them out; with anchors the aligner must pair the two
	// middle ones the right way round (1 with 2 is impossible after 0 with 3).
	got := Sentences(src, []string{tgt[3], tgt[2], tgt[1], tgt[0]}, Options{Glossary: glossary.NewMatcher(g)})
	if s := beadsString(got); s != "0<=>0 1<=>1 2<=>2 3<=>3" {
		t.Errorf("in order: got %s", s)
	}
	for _, b := range got {
		if b.Low() {
			t.Errorf("anchored bead %s has low confidence %.2f", FormatBead(b), b.Confidence)
		}
	}
	// Two English sentences swapped: whatever the aligner does with them, it
	// must not be confident about it.
	got = Sentences(src, []string{tgt[3], tgt[1], tgt[2], tgt[0]}, Options{Glossary: glossary.NewMatcher(g)})
	for _, b := range got {
		if len(b.Source) == 1 && len(b.Target) == 1 && (b.Source[0] == 1 && b.Target[0] == 1 || b.Source[0] == 2 && b.Target[0] == 2) && !b.Low() {
			t.Errorf("swapped sentences paired with confidence %.2f: %s", b.Confidence, FormatBead(b))
		}
	}
}

// TestTransliteratedNames checks the name skeletons used when no glossary has the name.
func TestTransliteratedNames(t *testing.T) {
	for _, tc := range []struct{ ar, en string }{
		{"بوتين", "Putin"}, {"سوليفان", "Sullivan"}, {"بيسكوف", "Peskov"}, {"موسكو", "Moscow"}, {"شويغو", "Shoigu"},
	} {
		if a, e := skeleton(tc.ar, true), skeleton(tc.en, false); a != e {
			t.Errorf("%s → %q, %s → %q", tc.ar, a, tc.en, e)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1,000", "#1000"}, {"١٬٠٠٠", "#1000"}, {"3.5", "#3.5"}, {"٣٫٥", "#3.5"}, {"۲۰۲۳", "#2023"}, {"12،", "#12"},
	} {
		got, _ := scanNumber(tc.in)
		if got != tc.want {
			t.Errorf("scanNumber(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestConfidence(t *testing.T) {
	beads := Sentences(arSents, enSents, Options{Lexicon: miniLexicon(t)})
	for _, b := range beads {
		if b.Low() {
			t.Errorf("good 1-1 bead %s has low confidence %.2f", FormatBead(b), b.Confidence)
		}
	}
	beads = Sentences(arSents[:3], []string{enSents[0], enSents[1]}, Options{Lexicon: miniLexicon(t)})
	for _, b := range beads {
		if len(b.Target) == 0 && !b.Low() {
			t.Errorf("unpaired sentence %s not flagged", FormatBead(b))
		}
	}
}

// checkPartition fails unless beads cover 0..n-1 and 0..m-1 exactly once, in order.
func checkPartition(t *testing.T, beads []Bead, n, m int) {
	t.Helper()
	ni, nj := 0, 0
	for _, b := range beads {
		if len(b.Source) == 0 && len(b.Target) == 0 {
			t.Fatalf("empty bead")
		}
		for _, i := range b.Source {
			if i != ni {
				t.Fatalf("source %d out of order (want %d) in %s", i, ni, beadsString(beads))
			}
			ni++
		}
		for _, j := range b.Target {
			if j != nj {
				t.Fatalf("target %d out of order (want %d) in %s", j, nj, beadsString(beads))
			}
			nj++
		}
		if b.Confidence < 0 || b.Confidence > 1 {
			t.Fatalf("confidence %v out of [0,1]", b.Confidence)
		}
	}
	if ni != n || nj != m {
		t.Fatalf("beads cover %d/%d source and %d/%d target sentences", ni, n, nj, m)
	}
}

// TestBandedMatchesFull checks that the banded search finds the same
// alignment as the full one on a long input.
func TestBandedMatchesFull(t *testing.T) {
	var src, tgt []string
	for k := 0; k < 60; k++ {
		for i := range arSents {
			if (k+i)%11 != 3 {
				src = append(src, arSents[i])
			}
			if (k+i)%13 != 5 {
				tgt = append(tgt, enSents[i])
			}
		}
	}
	opts := Options{Lexicon: miniLexicon(t)}
	banded := Sentences(src, tgt, opts)
	checkPartition(t, banded, len(src), len(tgt))
	b := &builder{voc: vocab{ids: map[string]int32{}}, opts: &opts}
	tu := b.english(tgt)
	su := b.arabic(src, nil)
	sc := newScorer(su, tu, newMarker(b), &opts, sentenceMoves)
	path, _ := sc.search(fullBand(len(src), len(tgt)), true)
	full := sc.beads(path)
	if got, want := beadsString(banded), beadsString(full); got != want {
		t.Errorf("banded and full searches differ")
	}
}

func FuzzSentences(f *testing.F) {
	f.Add(strings.Join(arSents, "\n"), strings.Join(enSents, "\n"))
	f.Add("", "one")
	f.Add("١٢٣\n\n؟", "123\n?\n\n")
	f.Add("ا\nب\nت", "\x00\xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		src := strings.Split(a, "\n")
		tgt := strings.Split(b, "\n")
		if len(src) > 200 || len(tgt) > 200 || !utf8.ValidString(a+b) {
			return
		}
		checkPartition(t, Sentences(src, tgt, Options{Lexicon: miniLexicon(t)}), len(src), len(tgt))
	})
}

func TestLexiconTSV(t *testing.T) {
	lex := miniLexicon(t)
	if got := lex.words["مستشفي"]; !reflect.DeepEqual(got, []string{"hospi"}) {
		t.Errorf("مستشفى → %v", got)
	}
	if _, err := ReadLexiconTSV("bad.tsv", strings.NewReader("arabic\tenglish\nكلمة\n")); err == nil || !strings.Contains(err.Error(), "bad.tsv:2") {
		t.Errorf("one-column line: got error %v, want bad.tsv:2", err)
	}
}

func TestLexiconDictd(t *testing.T) {
	dir := t.TempDir()
	entries := []struct{ head, body string }{
		{"00databaseinfo", "00-database-info\nabout\n"},
		{"كتاب", "كتاب /kitaːb/\n1. Book\n2. Volume\n"},
		{"مدرسة", "مدرسة /madrasa/\nSchool\n"},
	}
	var dict bytes.Buffer
	var index strings.Builder
	for _, e := range entries {
		index.WriteString(e.head + "\t" + b64(dict.Len()) + "\t" + b64(len(e.body)) + "\n")
		dict.WriteString(e.body)
	}
	var dz bytes.Buffer
	zw := gzip.NewWriter(&dz)
	zw.Write(dict.Bytes())
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "x.index"), []byte(index.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.dict.dz"), dz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(filepath.Join(dir, "x.index"))
	if err != nil {
		t.Fatal(err)
	}
	if got := lex.words["كتاب"]; !reflect.DeepEqual(got, []string{"book", "volum"}) {
		t.Errorf("كتاب → %v", got)
	}
	if got := lex.words["مدرسه"]; !reflect.DeepEqual(got, []string{"schoo"}) {
		t.Errorf("مدرسة → %v", got)
	}
	if lex.Len() != 2 {
		t.Errorf("Len = %d, want 2", lex.Len())
	}
	if err := os.WriteFile(filepath.Join(dir, "y.index"), []byte("كتاب\tA\tZZZZ\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "y.dict"), []byte("short"), 0o644)
	if _, err := LoadLexicon(filepath.Join(dir, "y.index")); err == nil || !strings.Contains(err.Error(), "y.index:1") {
		t.Errorf("entry past the end: got %v", err)
	}
}

func b64(n int) string {
	if n == 0 {
		return "A"
	}
	var out []byte
	for n > 0 {
		out = append([]byte{b64digits[n%64]}, out...)
		n /= 64
	}
	return string(out)
}

// TestDevScore runs align-score on the development set; it fails when the
// strict F1 falls below what the aligner reaches.
func TestDevScore(t *testing.T) {
	for _, tc := range []struct {
		name string
		mode evalMode
		min  float64
	}{
		{"lexicon", evalMode{lexicon: true}, 0.99},
		{"no lexicon", evalMode{}, 0.93},
		{"paragraphs", evalMode{paragraphs: true, lexicon: true}, 0.95},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := evaluate(t, "dev", tc.mode, Options{})
			if f1 := summaryF1(t, out); f1 < tc.min {
				t.Errorf("dev strict F1 %.3f < %.3f\n%s", f1, tc.min, out)
			}
		})
	}
}

// TestTranslations checks the machine-translation score: with the Arabic
// translated, a dropped English sentence is found without any lexicon, and
// the beads are more confident than on lengths and anchors alone.
func TestTranslations(t *testing.T) {
	mt := []string{
		"The Health Ministry announced Monday 245 new coronavirus infections.",
		"The minister said that hospitals in the capital have worked at full capacity for two weeks.",
		"He added the government will open three new field hospitals before the month ends.",
		"The prime minister visited a hospital in Aleppo city on Tuesday.",
		"Can the country confront a new wave?",
		"Experts say that vaccines are available in sufficient quantities for all the population in 2022.",
		"The World Health Organization WHO asked the neighbouring countries to provide help.",
	}
	tgt := []string{enSents[0], enSents[1], enSents[3], enSents[4], enSents[5], enSents[6]}
	with := Sentences(arSents, tgt, Options{Translations: mt})
	if got, want := beadsString(with), "0<=>0 1<=>1 2<=> 3<=>2 4<=>3 5<=>4 6<=>5"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	without := Sentences(arSents, tgt, Options{})
	mean := func(bs []Bead) float64 {
		s, n := 0.0, 0
		for _, b := range bs {
			if len(b.Source) > 0 && len(b.Target) > 0 {
				s += b.Confidence
				n++
			}
		}
		return s / float64(max(n, 1))
	}
	if mean(with) <= mean(without) {
		t.Errorf("mean confidence with translations %.3f, without %.3f", mean(with), mean(without))
	}
}

// paraDoc builds a document whose blocks hold the given sentences.
func paraDoc(lang string, blocks ...[]string) *doc.Document {
	d := &doc.Document{Lang: lang}
	var src strings.Builder
	for _, sents := range blocks {
		if src.Len() > 0 {
			src.WriteString("\n\n")
		}
		b := doc.Block{Kind: doc.Paragraph, Start: src.Len()}
		for k, s := range sents {
			if k > 0 {
				src.WriteString(" ")
			}
			b.Segments = append(b.Segments, doc.Segment{Start: src.Len(), End: src.Len() + len(s), Text: s})
			src.WriteString(s)
		}
		b.End = src.Len()
		d.Blocks = append(d.Blocks, b)
	}
	d.Source = src.String()
	return d
}

func TestDocument(t *testing.T) {
	ar, en := arSents, enSents
	heading := "الحكومة تواجه الموجة"
	tests := []struct {
		name     string
		src, tgt *doc.Document
		want     string
	}{
		{"same paragraphs", paraDoc("ar", ar[:3], ar[3:5], ar[5:]), paraDoc("en", en[:3], en[3:5], en[5:]),
			"0<=>0 1<=>1 2<=>2 3<=>3 4<=>4 5<=>5 6<=>6"},
		{"merged and split", paraDoc("ar", ar[:2], ar[2:4], ar[4:]), paraDoc("en", en[:4], en[4:5], en[5:]),
			"0<=>0 1<=>1 2<=>2 3<=>3 4<=>4 5<=>5 6<=>6"},
		// English paragraph breaks fall inside the Arabic paragraphs: no
		// grouping of whole paragraphs is right, the last pass must fix the edges.
		{"breaks elsewhere", paraDoc("ar", ar[:3], ar[3:6], ar[6:]), paraDoc("en", en[:1], en[1:4], en[4:]),
			"0<=>0 1<=>1 2<=>2 3<=>3 4<=>4 5<=>5 6<=>6"},
		{"heading dropped", paraDoc("ar", ar[:3], []string{heading}, ar[3:]), paraDoc("en", en[:3], en[3:]),
			"0<=>0 1<=>1 2<=>2 3<=> 4<=>3 5<=>4 6<=>5 7<=>6"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "heading dropped" {
				tc.src.Blocks[1].Kind = doc.Heading
			}
			got := Document(tc.src, tc.tgt, Options{Lexicon: miniLexicon(t)})
			if s := beadsString(got); s != tc.want {
				t.Errorf("got  %s\nwant %s", s, tc.want)
			}
		})
	}
}

// TestDocumentAnyParagraphs cuts both sides into paragraphs in many ways,
// most of which no grouping of whole paragraphs can pair: the sentences must
// still pair 1-1.
func TestDocumentAnyParagraphs(t *testing.T) {
	cuts := [][]int{{}, {3}, {4}, {5}, {1, 2}, {1, 4}, {2, 4}, {2, 5}, {3, 6}, {4, 5}, {1, 3, 5}, {2, 3, 5}}
	split := func(ss []string, c []int) [][]string {
		var out [][]string
		prev := 0
		for _, x := range c {
			out = append(out, ss[prev:x])
			prev = x
		}
		return append(out, ss[prev:])
	}
	want := "0<=>0 1<=>1 2<=>2 3<=>3 4<=>4 5<=>5 6<=>6"
	for _, ca := range cuts {
		for _, ce := range cuts {
			got := beadsString(Document(paraDoc("ar", split(arSents, ca)...), paraDoc("en", split(enSents, ce)...), Options{Lexicon: miniLexicon(t)}))
			if got != want {
				t.Errorf("Arabic cut at %v, English at %v: got %s", ca, ce, got)
			}
		}
	}
}

func FuzzDocument(f *testing.F) {
	f.Add(strings.Join(arSents[:3], " ")+"\n\n"+strings.Join(arSents[3:], " "), strings.Join(enSents, "\n\n"))
	f.Add("", "one. two.\n\nthree")
	f.Add("عنوان\n\nفقرة. أخرى.", "\n\n\nx")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 4000 || len(b) > 4000 || !utf8.ValidString(a+b) {
			return
		}
		src := segment.Split("a", a, "ar")
		tgt := segment.Split("b", b, "en")
		beads := Document(src, tgt, Options{Lexicon: miniLexicon(t)})
		checkPartition(t, beads, src.SegmentCount(), tgt.SegmentCount())
	})
}

// TestDocumentEnglishRunsOn: an Arabic article cut short against its whole
// English version, or an English version with a section of its own, pairs
// what both have and leaves the rest unpaired: a long run of English with no
// Arabic must not make the whole alignment fall back to pairing nothing.
func TestDocumentEnglishRunsOn(t *testing.T) {
	ar, en := arSents, enSents
	added := []string{
		"Background: the outbreak began in the north of the country last winter.",
		"Schools were closed for six weeks and reopened in March.",
		"Football matches were played without spectators.",
		"Several airlines suspended their flights to the capital.",
		"Tourism, a large part of the economy, has not recovered.",
		"Hotels in the old city report half their usual bookings.",
		"Some shops have closed for good.",
		"Officials hope the summer season will be better.",
	}
	for _, tc := range []struct {
		name     string
		src, tgt *doc.Document
		want     string
	}{
		{"English runs on", paraDoc("ar", ar[:2], ar[2:3]), paraDoc("en", en[:2], en[2:3], en[3:5], en[5:]),
			"0<=>0 1<=>1 2<=>2 <=>3 <=>4 <=>5 <=>6"},
		{"English adds a section", paraDoc("ar", ar[:3], ar[3:]), paraDoc("en", en[:3], added[:4], added[4:], en[3:]),
			"0<=>0 1<=>1 2<=>2 <=>3 <=>4 <=>5 <=>6 <=>7 <=>8 <=>9 <=>10 3<=>11 4<=>12 5<=>13 6<=>14"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := beadsString(Document(tc.src, tc.tgt, Options{Lexicon: miniLexicon(t)})); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestDocumentKeepsBoilerplateApart: a share bar under the English (web
// furniture the Arabic lacks) stays unpaired instead of joining the last
// sentence, whose pair a translation memory would keep with "Share this:"
// in its translation; boilerplate on both sides still pairs.
func TestDocumentKeepsBoilerplateApart(t *testing.T) {
	ar, en := arSents, enSents
	share := []string{"Share this:", "Facebook"}
	for _, tc := range []struct {
		name     string
		src, tgt *doc.Document
		want     string
	}{
		{"English only", paraDoc("ar", ar[:3], ar[3:]), paraDoc("en", en[:3], en[3:], share),
			"0<=>0 1<=>1 2<=>2 3<=>3 4<=>4 5<=>5 6<=>6 <=>7 <=>8"},
		{"one paragraph", paraDoc("ar", ar[4:]), paraDoc("en", en[4:], share),
			"0<=>0 1<=>1 2<=>2 <=>3 <=>4"},
		{"both sides", paraDoc("ar", ar[:3], ar[3:], []string{"شاركها."}), paraDoc("en", en[:3], en[3:], []string{"Share"}),
			"0<=>0 1<=>1 2<=>2 3<=>3 4<=>4 5<=>5 6<=>6 7<=>7"},
	} {
		// the last block holds the furniture when it is not the article's
		for _, d := range []*doc.Document{tc.src, tc.tgt} {
			last := &d.Blocks[len(d.Blocks)-1]
			if t0 := last.Segments[0].Text; t0 == share[0] || t0 == "شاركها." || t0 == "Share" {
				last.Kind = doc.Boilerplate
			}
		}
		for _, lex := range []*Lexicon{nil, miniLexicon(t)} {
			t.Run(fmt.Sprintf("%s/lexicon=%v", tc.name, lex != nil), func(t *testing.T) {
				got := Document(tc.src, tc.tgt, Options{Lexicon: lex})
				if s := beadsString(got); s != tc.want {
					t.Errorf("got  %s\nwant %s", s, tc.want)
				}
			})
		}
	}
}
