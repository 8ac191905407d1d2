package translate

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"bitext/doc"
	"bitext/glossary"
	"bitext/segment"
)

// tableEngine answers from a fixed table of paragraph translations and records requests.
type tableEngine struct {
	answers  map[string]string
	limits   Limits
	requests []Request
}

func (e *tableEngine) Name() string   { return "table" }
func (e *tableEngine) Limits() Limits { return e.limits }
func (e *tableEngine) Translate(ctx context.Context, req Request) ([]string, error) {
	e.requests = append(e.requests, req)
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		a, ok := e.answers[s.Text]
		if !ok {
			return nil, errors.New("no answer for " + s.Text)
		}
		out[i] = a
	}
	return out, nil
}

const testArticle = `قمة بوتين وكيم

وقال بوتين إنه سيلتقي كيم. وأضاف أن اللقاء في موسكو.

شاركها.
`

func TestRunAlignsSentencesAndChecksTerms(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - ar: بوتين\n    en: Putin\n  - ar: كيم\n    en: Kim\n  - ar: موسكو\n    en: Moscow\n"))
	if err != nil {
		t.Fatal(err)
	}
	eng := &tableEngine{answers: map[string]string{
		"قمة ⟦1:Putin⟧ و ⟦2:Kim⟧": "⟦1:Putin⟧-⟦2:Kim⟧ summit",
		// The engine drops the third placeholder, named and bare: the
		// sentence that lost its name is flagged.
		"وقال ⟦1:Putin⟧ إنه سيلتقي ⟦2:Kim⟧. وأضاف أن اللقاء في ⟦3:Moscow⟧.": "⟦1:Putin⟧ said he would meet ⟦2:Kim⟧. He added that the meeting would be in Moskva.",
		"وقال ⟦1⟧ إنه سيلتقي ⟦2⟧. وأضاف أن اللقاء في ⟦3⟧.":                  "⟦1⟧ said he would meet ⟦2⟧. He added that the meeting would be in Moskva.",
	}}
	d := segment.Split("t.txt", testArticle, "ar")
	bt, err := Run(context.Background(), eng, d, Options{Glossary: glossary.NewMatcher(g)})
	if err != nil {
		t.Fatal(err)
	}
	if len(eng.requests) != 2 || len(eng.requests[0].Segments) != 2 || len(eng.requests[1].Segments) != 1 {
		t.Fatalf("want one request with the heading and the paragraph, then the paragraph alone, got %+v", eng.requests)
	}
	for _, s := range eng.requests[0].Segments {
		if strings.Contains(s.Text, "شاركها") {
			t.Error("boilerplate sent to the engine")
		}
	}
	if len(bt.Units) != 4 {
		t.Fatalf("got %d units, want 4 (heading, two sentences, boilerplate): %+v", len(bt.Units), bt.Units)
	}
	want := []struct {
		kind   doc.Kind
		target string
		state  doc.State
		flag   doc.Flag
	}{
		{doc.Heading, "Putin-Kim summit", doc.StateMachine, ""},
		{doc.Paragraph, "Putin said he would meet Kim.", doc.StateMachine, ""},
		{doc.Paragraph, "He added that the meeting would be in Moskva.", doc.StateMachine, doc.FlagGlossaryViolation},
		{doc.Boilerplate, "", doc.StateNew, ""},
	}
	for i, w := range want {
		u := bt.Units[i]
		if u.Kind != w.kind || u.Target != w.target || u.State != w.state {
			t.Errorf("unit %d = %s %q %s, want %s %q %s", i, u.Kind, u.Target, u.State, w.kind, w.target, w.state)
		}
		if w.flag != "" && !u.HasFlag(w.flag) {
			t.Errorf("unit %d lacks flag %s: %v", i, w.flag, u.Flags)
		}
		if w.flag == "" && u.HasFlag(doc.FlagGlossaryViolation) {
			t.Errorf("unit %d wrongly flagged: %v", i, u.Flags)
		}
		for _, h := range u.Terms {
			if d.Source[h.Start:h.End] != h.Surface {
				t.Errorf("unit %d: hit %q does not match the source bytes %d-%d", i, h.Surface, h.Start, h.End)
			}
		}
	}
	if n := len(bt.Units[1].Terms); n != 2 {
		t.Errorf("first sentence has %d terms, want 2 (بوتين, كيم)", n)
	}
}

func TestBatchesRespectLimits(t *testing.T) {
	segs := []Segment{{Text: "aaaa"}, {Text: "bbbb"}, {Text: "cccccccccc"}, {Text: "d"}, {Text: "e"}}
	cases := []struct {
		lim  Limits
		want [][2]int
	}{
		{Limits{}, [][2]int{{0, 5}}},
		{Limits{MaxItems: 2}, [][2]int{{0, 2}, {2, 4}, {4, 5}}},
		{Limits{MaxChars: 8}, [][2]int{{0, 2}, {2, 3}, {3, 5}}},
	}
	for _, tc := range cases {
		got := Batches(segs, tc.lim)
		if len(got) != len(tc.want) {
			t.Errorf("Batches(%+v) = %v, want %v", tc.lim, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Batches(%+v) = %v, want %v", tc.lim, got, tc.want)
			}
		}
	}
}

func TestAssignIDsStableUnderInsertion(t *testing.T) {
	units := []doc.Unit{{Source: "أ"}, {Source: "ب"}, {Source: "أ"}}
	AssignIDs(units)
	if units[0].ID == units[2].ID {
		t.Fatalf("repeated source got the same id %s", units[0].ID)
	}
	inserted := []doc.Unit{{Source: "جديد"}, {Source: "أ"}, {Source: "ب"}, {Source: "أ"}}
	AssignIDs(inserted)
	for i, u := range units {
		if inserted[i+1].ID != u.ID {
			t.Errorf("unit %q changed id after an insertion: %s → %s", u.Source, u.ID, inserted[i+1].ID)
		}
	}
}

func TestRunCountMismatchIsAnError(t *testing.T) {
	d := segment.Split("t.txt", "جملة أولى.\n\nجملة ثانية.\n", "ar")
	_, err := Run(context.Background(), badCountEngine{}, d, Options{})
	if err == nil || !strings.Contains(err.Error(), "1 translations for 2 segments") {
		t.Errorf("err = %v", err)
	}
}

type badCountEngine struct{}

func (badCountEngine) Name() string   { return "bad" }
func (badCountEngine) Limits() Limits { return Limits{} }
func (badCountEngine) Translate(context.Context, Request) ([]string, error) {
	return []string{"one"}, nil
}

func TestLocalEngineBillsNothing(t *testing.T) {
	d := segment.Split("t.txt", "جملة أولى.\n\nجملة ثانية.\n", "ar")
	none, err := New("none", Config{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := RunMany(context.Background(), none, []*doc.Document{d}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Characters != 0 {
		t.Errorf("engine none billed %d characters", res.Stats.Characters)
	}
	eng := &tableEngine{answers: map[string]string{"جملة أولى.": "First.", "جملة ثانية.": "Second."}}
	res, err = RunMany(context.Background(), eng, []*doc.Document{d}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := len([]rune("جملة أولى.جملة ثانية.")); res.Stats.Characters != want {
		t.Errorf("a remote engine billed %d characters, want %d", res.Stats.Characters, want)
	}
}

// A headline has too few words to show whether its writer writes ى; the
// body decides, so that علي in the headline is Ali as it is in the body.
func TestBlockHitsJudgeTheWriterOnTheWholeArticle(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - ar: علي\n    en: Ali\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := glossary.NewMatcher(g)
	const headline = "عودة علي"
	if hits := m.Match(headline); len(hits) != 0 {
		t.Fatalf("the headline alone: %d hits, want none (على spelled with ي)", len(hits))
	}
	d := segment.Split("t.txt", headline+"\n\nوصل علي أمس إلى الملعب.\n", "ar")
	hits := blockHits(d, m)
	if len(hits) != 2 || len(hits[0]) != 1 || hits[0][0].En != "Ali" || len(hits[1]) != 1 {
		t.Errorf("hits per block %+v, want Ali in the headline and in the body", hits)
	}
}

// A name counts as rendered only as whole words, as review and publish
// count it: "Kim" is in "Kim's visit" but not in "Kimberly".
func TestCheckTermsWholeWords(t *testing.T) {
	for target, wantMissing := range map[string]int{
		"Kim's visit to Moscow":    0,
		"Kimberly went to Moscow":  1,
		"kim went to moscow":       0,
		"Kim went to Moscowitz":    1,
		"Kimberly went to Moscows": 2,
	} {
		u := doc.Unit{Target: target, Terms: []doc.TermHit{{Surface: "كيم", Ar: "كيم", En: "Kim"}, {Surface: "موسكو", Ar: "موسكو", En: "Moscow"}}}
		if got := checkTerms(&u); got != wantMissing {
			t.Errorf("%q: %d names missing, want %d", target, got, wantMissing)
		}
		if flagged := u.HasFlag(doc.FlagGlossaryViolation); flagged != (wantMissing > 0) {
			t.Errorf("%q: flagged %v", target, flagged)
		}
	}
}

func TestRunKeepsLinesApart(t *testing.T) {
	const article = "1. النقطة الأولى: خفض التضخم.\n2. النقطة الثانية.\n- رفع الأجور\n- دعم الصحة\n\nالمحور الثالث\nوقال المتحدث إن العمل مستمر. وأضاف أنه سيعود.\n"
	eng := &tableEngine{answers: map[string]string{
		"1. النقطة الأولى: خفض التضخم.": "1. The first point: lowering inflation.",
		"2. النقطة الثانية.":            "2. The second point.",
		// An engine that breaks a line in two gives one line all the same.
		"- رفع الأجور":  "- Raising\nwages",
		"- دعم الصحة":   "- Supporting health",
		"المحور الثالث": "The third axis",
		"وقال المتحدث إن العمل مستمر. وأضاف أنه سيعود.": "The spokesman said work goes on. He added that he would return.",
	}}
	d := segment.Split("t.txt", article, "ar")
	bt, err := Run(context.Background(), eng, d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{
		{"1. النقطة الأولى: خفض التضخم.", "1. The first point: lowering inflation."},
		{"2. النقطة الثانية.", "2. The second point."},
		{"- رفع الأجور", "- Raising wages"},
		{"- دعم الصحة", "- Supporting health"},
		{"المحور الثالث", "The third axis"},
		{"وقال المتحدث إن العمل مستمر.", "The spokesman said work goes on."},
		{"وأضاف أنه سيعود.", "He added that he would return."},
	}
	var got [][2]string
	for _, u := range bt.Units {
		got = append(got, [2]string{u.Source, u.Target})
	}
	if len(got) != len(want) {
		t.Fatalf("units\n got %q\nwant %q", got, want)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("unit %d: got %q, want %q", k, got[k], want[k])
		}
	}
	if len(eng.requests) != 1 {
		t.Errorf("%d requests, want the lines of both paragraphs in one", len(eng.requests))
	}
}

// An engine that answers nothing for a paragraph with names has not
// damaged them: the paragraph is not sent again, and its units are counted
// untranslated, not damaged.
func TestEmptyAnswerIsUntranslatedNotDamaged(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - ar: بوتين\n    en: Putin\n  - ar: كيم\n    en: Kim\n  - ar: موسكو\n    en: Moscow\n"))
	if err != nil {
		t.Fatal(err)
	}
	eng := &tableEngine{answers: map[string]string{
		"قمة ⟦1:Putin⟧ و ⟦2:Kim⟧": "",
		"وقال ⟦1:Putin⟧ إنه سيلتقي ⟦2:Kim⟧. وأضاف أن اللقاء في ⟦3:Moscow⟧.": "⟦1:Putin⟧ said he would meet ⟦2:Kim⟧. He added that the meeting would be in ⟦3:Moscow⟧.",
	}}
	res, err := RunMany(context.Background(), eng, []*doc.Document{segment.Split("t.txt", testArticle, "ar")}, Options{Glossary: glossary.NewMatcher(g)})
	if err != nil {
		t.Fatal(err)
	}
	if len(eng.requests) != 1 || res.Stats.SafeRetries != 0 || res.Stats.PlaceholderDamaged != 0 {
		t.Fatalf("%d requests, stats %+v", len(eng.requests), res.Stats)
	}
	u := res.Bitexts[0].Units[0]
	if u.Target != "" || !u.HasFlag(doc.FlagUntranslated) || u.HasFlag(doc.FlagPlaceholderDamaged) {
		t.Errorf("heading unit: %+v", u)
	}
}

// An answer in the source language (a server echoing the text, a model
// answering in Arabic) is not kept as the English: its units are flagged
// untranslated with a note, and count no glossary violations.
func TestAnswerInSourceLanguageIsDropped(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - ar: بوتين\n    en: Putin\n  - ar: كيم\n    en: Kim\n  - ar: موسكو\n    en: Moscow\n"))
	if err != nil {
		t.Fatal(err)
	}
	eng := &tableEngine{answers: map[string]string{
		"قمة ⟦1:Putin⟧ و ⟦2:Kim⟧": "⟦1:Putin⟧-⟦2:Kim⟧ summit",
		"وقال ⟦1:Putin⟧ إنه سيلتقي ⟦2:Kim⟧. وأضاف أن اللقاء في ⟦3:Moscow⟧.": "وقال ⟦1:Putin⟧ إنه سيلتقي ⟦2:Kim⟧. وأضاف أن اللقاء في ⟦3:Moscow⟧.",
	}}
	res, err := RunMany(context.Background(), eng, []*doc.Document{segment.Split("t.txt", testArticle, "ar")}, Options{Glossary: glossary.NewMatcher(g)})
	if err != nil {
		t.Fatal(err)
	}
	units := res.Bitexts[0].Units
	if units[0].Target != "Putin-Kim summit" || units[0].HasFlag(doc.FlagUntranslated) {
		t.Errorf("heading: %+v", units[0])
	}
	for _, u := range units[1:3] {
		if u.Target != "" || u.State != doc.StateNew || !u.HasFlag(doc.FlagUntranslated) || !strings.Contains(strings.Join(u.Notes, "|"), "script of ar") {
			t.Errorf("echoed unit: %+v", u)
		}
	}
	if res.Stats.GlossaryViolations != 0 {
		t.Errorf("stats %+v", res.Stats)
	}
}

// An engine that keeps the names it was shown but not the brackets around
// them ([1: Putin], or the bare name) gave the glossary's names: its answer
// is used, not sent again. A name it changed is still damage.
func TestNamesKeptWithoutBrackets(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - ar: بوتين\n    en: Putin\n  - ar: كيم\n    en: Kim\n  - ar: موسكو\n    en: Moscow\n"))
	if err != nil {
		t.Fatal(err)
	}
	const heading, body = "قمة ⟦1:Putin⟧ و ⟦2:Kim⟧", "وقال ⟦1:Putin⟧ إنه سيلتقي ⟦2:Kim⟧. وأضاف أن اللقاء في ⟦3:Moscow⟧."
	for _, tc := range []struct {
		answer, want string
		requests     int
	}{
		{"[1: Putin] said he would meet Kim. He added that the meeting would be in ⟦ 3 ⟧.", "Putin said he would meet Kim. He added that the meeting would be in Moscow.", 1},
		{"[1:putin] said he would meet ⟦2:Kim⟧. He added that the meeting would be in Moscow.", "Putin said he would meet Kim. He added that the meeting would be in Moscow.", 1},
		{"[1: Poutine] said he would meet Kim. He added that the meeting would be in Moscow.", "", 2},
		{"Putin said he would meet Kim. He added that the meeting would be in Moskva.", "", 2},
		{"【1:Putin】 said he would meet Kim. He added that the meeting would be in Moscow.", "", 2},
		{"[1: Putin's] said he would meet Kim. He added that the meeting would be in Moscow.", "", 2},
	} {
		eng := &tableEngine{answers: map[string]string{heading: "⟦1:Putin⟧-⟦2:Kim⟧ summit", body: tc.answer,
			"وقال ⟦1⟧ إنه سيلتقي ⟦2⟧. وأضاف أن اللقاء في ⟦3⟧.": "⟦1⟧ said he would meet ⟦2⟧. He added that the meeting would be in ⟦3⟧."}}
		res, err := RunMany(context.Background(), eng, []*doc.Document{segment.Split("t.txt", testArticle, "ar")}, Options{Glossary: glossary.NewMatcher(g)})
		if err != nil {
			t.Fatal(err)
		}
		got := res.Bitexts[0].Units[1].Target + " " + res.Bitexts[0].Units[2].Target
		if len(eng.requests) != tc.requests || tc.want != "" && got != tc.want || res.Stats.PlaceholderDamaged != 0 || res.Stats.GlossaryViolations != 0 {
			t.Errorf("%q: %d requests, got %q, stats %+v", tc.answer, len(eng.requests), got, res.Stats)
		}
	}
}

// An answer judged to keep its names holds every name it dropped the
// placeholder of as whole words, whatever the engine wrote.
func FuzzNamesKept(f *testing.F) {
	f.Add("[1: Putin] met ⟦2⟧ and Putin", "Putin", "Kim")
	f.Add("⟦1:x⟧ [2:kim]", "x", "Kim")
	f.Fuzz(func(t *testing.T, out, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			t.Skip("glossary names are text")
		}
		phs := []Placeholder{{N: 1, Target: a}, {N: 2, Target: b}}
		raw := unmangle(out, phs)
		if !CheckPlaceholders(raw, phs) && namesKept(raw, phs) {
			restored := strings.ToLower(Restore(raw, phs))
			for _, p := range phs {
				if strings.Contains(raw, "⟦"+strconv.Itoa(p.N)) {
					continue // kept as a token: Restore writes it
				}
				if !doc.ContainsTerm(restored, strings.ToLower(p.Target)) {
					t.Fatalf("%q judged to keep %q: %q", out, p.Target, restored)
				}
			}
		}
	})
}

// A heading that is only a name the glossary keeps in Arabic is a
// translation all the same, not an echo.
func TestKeptNameIsNotAnEcho(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - ar: الأهرام\n    translate: false\n"))
	if err != nil {
		t.Fatal(err)
	}
	eng := &tableEngine{answers: map[string]string{"⟦1:الأهرام⟧": "⟦1:الأهرام⟧", "قالت ⟦1:الأهرام⟧.": "⟦1:الأهرام⟧ said."}}
	res, err := RunMany(context.Background(), eng, []*doc.Document{segment.Split("t.txt", "الأهرام\n\nقالت الأهرام.\n", "ar")}, Options{Glossary: glossary.NewMatcher(g)})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range res.Bitexts[0].Units {
		if u.HasFlag(doc.FlagUntranslated) || u.Target == "" {
			t.Errorf("unit %+v", u)
		}
	}
}

// An answer in French or Spanish for English is no translation; English,
// with a French name or quote in it, is.
func TestOtherLanguage(t *testing.T) {
	for _, tc := range []struct{ text, tgt, want string }{
		{"Le responsable a averti que la Corée du Nord sera confrontée à des conséquences.", "en", "French"},
		{"El funcionario advirtió que Corea del Norte enfrentará consecuencias por las armas.", "en", "Spanish"},
		{"Der Beamte warnte, dass Nordkorea mit Konsequenzen rechnen muss und die Waffen nicht liefern darf.", "en", "German"},
		{"The official warned that North Korea would face consequences, said Le Monde.", "en", ""},
		{"Macron said \"la France est là\" to the crowd in the square on Tuesday.", "en", ""},
		{"Le responsable a averti.", "en", ""}, // too short to tell
		{"Le responsable a averti que la Corée du Nord sera confrontée à des conséquences.", "fr", ""},
	} {
		if got := otherLanguage(tc.text, tc.tgt); got != tc.want {
			t.Errorf("otherLanguage(%q, %s) = %q, want %q", tc.text, tc.tgt, got, tc.want)
		}
	}
}

// An answer in another language of the same script (French for English) is
// dropped as an echo is, its units flagged untranslated with a note.
func TestAnswerInOtherLanguageIsDropped(t *testing.T) {
	g, err := glossary.Parse("g.yaml", []byte("terms:\n  - ar: بوتين\n    en: Putin\n  - ar: كيم\n    en: Kim\n  - ar: موسكو\n    en: Moscow\n"))
	if err != nil {
		t.Fatal(err)
	}
	eng := &tableEngine{answers: map[string]string{
		"قمة ⟦1:Putin⟧ و ⟦2:Kim⟧": "⟦1:Putin⟧-⟦2:Kim⟧ summit",
		"وقال ⟦1:Putin⟧ إنه سيلتقي ⟦2:Kim⟧. وأضاف أن اللقاء في ⟦3:Moscow⟧.": "⟦1:Putin⟧ a dit qu'il rencontrerait ⟦2:Kim⟧ dans la ville et que les discussions sont prévues. Il a ajouté que la réunion aurait lieu à ⟦3:Moscow⟧ dans une salle du palais.",
	}}
	res, err := RunMany(context.Background(), eng, []*doc.Document{segment.Split("t.txt", testArticle, "ar")}, Options{Glossary: glossary.NewMatcher(g)})
	if err != nil {
		t.Fatal(err)
	}
	units := res.Bitexts[0].Units
	if units[0].Target != "Putin-Kim summit" {
		t.Errorf("heading: %+v", units[0])
	}
	body := 0
	for _, u := range units {
		if u.Block != units[1].Block {
			continue
		}
		body++
		if u.Target != "" || !u.HasFlag(doc.FlagUntranslated) || !strings.Contains(strings.Join(u.Notes, "|"), "answered in French") {
			t.Errorf("French unit: %+v", u)
		}
	}
	if body == 0 {
		t.Error("no unit for the paragraph")
	}
}

// gistTableEngine is a tableEngine that says its answers are word-by-word
// gists, as gist.Engine does.
type gistTableEngine struct{ tableEngine }

func (e *gistTableEngine) Gist() bool { return true }

// A gist runs half as long again as the Arabic, so the length model of the
// aligner would pair its sentences one off (two Arabic sentences with the
// first gloss, the third with the second, the third gloss joined to it).
// A gist has one sentence per Arabic sentence: each unit gets its own.
func TestGistSentencesPairedInOrder(t *testing.T) {
	const para = "وقال مستشار الأمن القومي جيك سوليفان للصحفيين إن نحو 1500 حاوية من الذخيرة نقلت منذ أغسطس. وأضاف أن الشحنات شملت قذائف مدفعية. وأكد أن العقوبات ستشمل ثلاث شركات."
	glosses := []string{
		"And adviser of the national security Jake Sullivan said for the journalists that towards 1500 container from the ammunition quoted since August.",
		"And added that shipments included shells artillery.",
		"And stressed that sanctions will include three companies.",
	}
	eng := &gistTableEngine{tableEngine{answers: map[string]string{para: strings.Join(glosses, " ")}}}
	bt, err := Run(context.Background(), eng, segment.Split("t.txt", para+"\n", "ar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bt.Units) != 3 {
		t.Fatalf("%d units, want 3: %+v", len(bt.Units), bt.Units)
	}
	for k, u := range bt.Units {
		if u.Target != glosses[k] {
			t.Errorf("unit %d (%s): target %q, want %q", k, u.Source, u.Target, glosses[k])
		}
		if u.State != doc.StateGist {
			t.Errorf("unit %d: state %v, want gist", k, u.State)
		}
	}
}
