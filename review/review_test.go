package review

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"bitext/doc"
	"bitext/xliff"
)

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Putin's summit.", []string{"Putin", "'", "s", " ", "summit", "."}},
		{"وقال بوتين، إن", []string{"وقال", " ", "بوتين", "،", " ", "إن"}},
		{"مُحَمَّد  ـــ 12", []string{"مُحَمَّد", "  ", "ـــ", " ", "12"}},
		{"", nil},
	}
	for _, c := range cases {
		got := Tokens(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEdits(t *testing.T) {
	cases := []struct {
		from, to     string
		words, chars int
	}{
		{"the cat sat", "the cat sat", 0, 0},
		{"the cat sat", "the dog sat", 1, 3},
		{"the cat sat", "the cat sat down", 1, 5},
		{"the cat sat.", "cat sat", 2, 5},
		{"", "new text", 2, 8},
		{"قال بوتين", "قال الرئيس بوتين", 1, 7},
	}
	for _, c := range cases {
		if got := WordEdits(c.from, c.to); got != c.words {
			t.Errorf("WordEdits(%q, %q) = %d, want %d", c.from, c.to, got, c.words)
		}
		if got := CharEdits(c.from, c.to); got != c.chars {
			t.Errorf("CharEdits(%q, %q) = %d, want %d", c.from, c.to, got, c.chars)
		}
	}
}

func TestWordDiff(t *testing.T) {
	ops := WordDiff("Sullivan said North Korea would pay.", "Sullivan warned that North Korea would pay a price.")
	var del, ins []string
	for _, op := range ops {
		switch op.Kind {
		case Delete:
			del = append(del, op.Text)
		case Insert:
			ins = append(ins, op.Text)
		}
	}
	if strings.Join(del, "|") != "said" || !strings.Contains(strings.Join(ins, "|"), "warned that") || !strings.Contains(strings.Join(ins, "|"), "a price") {
		t.Errorf("diff: deleted %q inserted %q (%v)", del, ins, ops)
	}
}

func reviewed() *xliff.Reviewed {
	unit := func(id, src, draft, tgt string, terms ...xliff.Term) xliff.ReviewedUnit {
		u := xliff.ReviewedUnit{Draft: draft, HasDraft: draft != "", ExpectedTerms: terms}
		u.ID, u.Source, u.Target, u.Kind = id, src, tgt, doc.Paragraph
		u.Untranslated = tgt == ""
		u.Edited = u.HasDraft && !u.Untranslated && tgt != draft
		return u
	}
	putin := xliff.Term{Source: "بوتين", Target: "Putin"}
	kim := xliff.Term{Source: "كيم", Target: "Kim"}
	return &xliff.Reviewed{File: &xliff.File{Name: "r.xlf"}, Units: []xliff.ReviewedUnit{
		unit("u1", "قال بوتين", "Vladimir said", "Putin said", putin),                     // fixed
		unit("u2", "التقى كيم", "He met Kim", "He met the leader", kim),                   // introduced
		unit("u3", "نص", "Same text", "Same text"),                                        // unchanged
		unit("u4", "نص آخر", "", "Written by hand"),                                       // translated
		unit("u5", "نص ثالث", "Draft", ""),                                                // untranslated
		unit("<u6>", "<b>&", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"), // hostile
	}}
}

func TestCompute(t *testing.T) {
	r := Compute(reviewed())
	s := r.Summary
	if s.Units != 6 || s.Edited != 3 || s.Unchanged != 1 || s.Translated != 1 || s.Untranslated != 1 || s.WithDraft != 4 {
		t.Errorf("counts: %+v", s)
	}
	if s.Fixed != 1 || s.Introduced != 1 || s.DraftViol != 1 || s.FinalViol != 1 {
		t.Errorf("glossary: %+v", s)
	}
	// u1: 1 word edit of 2; u2: 1 substitution of 4 words (Kim→leader) + 1 insertion (the) = 2; u3: 0 of 2;
	// hostile: the tokens differ entirely
	if r.Units[0].WordEdits != 1 || r.Units[1].WordEdits != 2 || r.Units[2].WordEdits != 0 {
		t.Errorf("word edits: %d %d %d", r.Units[0].WordEdits, r.Units[1].WordEdits, r.Units[2].WordEdits)
	}
	if s.WordPED <= 0 || s.WordPED != float64(s.WordEdits)/float64(s.Words) {
		t.Errorf("word PED %v from %d/%d", s.WordPED, s.WordEdits, s.Words)
	}
	var text bytes.Buffer
	if err := r.WriteText(&text, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "[-Vladimir-]{+Putin+} said") || strings.Contains(text.String(), "u3  unchanged") {
		t.Errorf("text report:\n%s", text.String())
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Summary != s {
		t.Errorf("JSON round trip: %v", err)
	}
}

// A reviewed file from outside may hold terminal commands in its text:
// U+009B (a terminal's CSI) or a carriage return that writes over the line.
// The text report shows them instead of sending them to the terminal.
func TestWriteTextShowsControlCharacters(t *testing.T) {
	rv := reviewed()
	u := &rv.Units[0]
	u.Target = "Putin said\u009b2J\rall fine"
	var text bytes.Buffer
	if err := Compute(rv).WriteText(&text, false); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	if strings.ContainsAny(out, "\u009b\r") {
		t.Errorf("control characters reached the report:\n%q", out)
	}
	if !strings.Contains(out, "<U+009B>2J<U+000D>all fine") {
		t.Errorf("the target's controls are not shown:\n%s", out)
	}
}

func TestHTMLEscapesEverything(t *testing.T) {
	rv := reviewed()
	rv.File.Name = `<script>alert("file")</script>`
	rv.Warnings = []string{"<b>warning</b>"}
	var buf bytes.Buffer
	if err := Compute(rv).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<img", "<b>", `id="<u6>"`} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML report contains %q unescaped", bad)
		}
	}
	if !strings.Contains(out, `[deleted: </span>Vladimir<span class="vh">]</span></del>`) || !strings.Contains(out, `[inserted: </span>Putin<span class="vh">]</span></ins>`) {
		t.Errorf("HTML report does not mark the changes")
	}
}

// FuzzWordDiff checks that the diff of any two texts rebuilds both of them.
func FuzzWordDiff(f *testing.F) {
	f.Add("Putin said.", "Putin warned, yesterday.")
	f.Add("قال بوتين، إن", "وقال الرئيس بوتين")
	f.Add("", "x")
	f.Add("a\u0640\u200c b", "\xff\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		var from, to strings.Builder
		for _, op := range WordDiff(a, b) {
			if op.Kind != Insert {
				from.WriteString(op.Text)
			}
			if op.Kind != Delete {
				to.WriteString(op.Text)
			}
		}
		if from.String() != a || to.String() != b {
			t.Fatalf("diff of %q → %q rebuilds %q → %q", a, b, from.String(), to.String())
		}
		if WordEdits(a, b) > WordCount(a)+WordCount(b) {
			t.Fatal("more word edits than words")
		}
	})
}

func BenchmarkCompute(b *testing.B) {
	rv := reviewed()
	long := strings.Repeat("The spokesman said the Kremlin could not confirm the summit. ", 20)
	for i := range rv.Units {
		rv.Units[i].Draft = long
		rv.Units[i].Target = strings.ReplaceAll(long, "said", "stated")
		rv.Units[i].HasDraft, rv.Units[i].Edited, rv.Units[i].Untranslated = true, true, false
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Compute(rv)
	}
	b.ReportMetric(float64(len(rv.Units)*b.N)/b.Elapsed().Seconds(), "units/s")
}

func TestCheckNames(t *testing.T) {
	jake := doc.TermHit{Surface: "جيك سوليفان", Ar: "جيك سوليفان", En: "Jake Sullivan", Type: "person"}
	korea := doc.TermHit{Surface: "كوريا الشمالية", Ar: "كوريا الشمالية", En: "North Korea", Type: "place"}
	jazeera := doc.TermHit{Surface: "الجزيرة", Ar: "الجزيرة", NoTranslate: true}
	b := &doc.Bitext{Units: []doc.Unit{
		{ID: "u1", Kind: doc.Paragraph, Target: "Jack Sullivan said north korea will pay.", Terms: []doc.TermHit{jake, korea}},
		{ID: "u2", Kind: doc.Paragraph, Target: "Jake Sullivan spoke of North Korea.", Terms: []doc.TermHit{jake, korea}},
		{ID: "u3", Kind: doc.Paragraph, Target: "", Terms: []doc.TermHit{jake}},                         // untranslated: nothing to check
		{ID: "u4", Kind: doc.Boilerplate, Target: "share", Terms: []doc.TermHit{korea}},                 // never translated
		{ID: "u5", Kind: doc.Heading, Target: "Al Jazeera reports", Terms: []doc.TermHit{jazeera}},      // kept as is: wants the Arabic
		{ID: "u6", Kind: doc.Paragraph, Target: "North Koreans protested", Terms: []doc.TermHit{korea}}, // not the whole word
	}}
	got := CheckNames(b)
	var summary []string
	for _, g := range got {
		for _, h := range g.Names {
			summary = append(summary, b.Units[g.Unit].ID+":"+Expected(h))
		}
	}
	if want := []string{"u1:Jake Sullivan", "u5:الجزيرة", "u6:North Korea"}; strings.Join(summary, " ") != strings.Join(want, " ") {
		t.Errorf("CheckNames found %v, want %v", summary, want)
	}
	u1 := b.Units[0]
	if !u1.HasFlag(doc.FlagGlossaryViolation) || b.Units[1].HasFlag(doc.FlagGlossaryViolation) {
		t.Errorf("flags: u1 %v, u2 %v", u1.Flags, b.Units[1].Flags)
	}
	if strings.Join(u1.Notes, "|") != "glossary: جيك سوليفان → Jake Sullivan|glossary: كوريا الشمالية → North Korea" {
		t.Errorf("u1 notes: %q", u1.Notes)
	}
	if u1.Target != "Jack Sullivan said north korea will pay." {
		t.Errorf("the editor's target was changed: %q", u1.Target)
	}
	if CheckNames(b); len(b.Units[0].Notes) != 2 {
		t.Errorf("a second check repeats the notes: %q", b.Units[0].Notes)
	}
}

// TestComputeNamesWithoutDraft: a target with no draft to compare (written by
// hand, or the editor's tool dropped the draft) still counts the glossary
// names it lacks after review.
func TestComputeNamesWithoutDraft(t *testing.T) {
	u := xliff.ReviewedUnit{ExpectedTerms: []xliff.Term{{Source: "كيم", Target: "Kim"}, {Source: "بوتين", Target: "Putin"}}}
	u.ID, u.Source, u.Target, u.Kind = "u1", "التقى بوتين كيم", "Putin met the leader", doc.Paragraph
	r := Compute(&xliff.Reviewed{File: &xliff.File{Name: "r.xlf"}, Units: []xliff.ReviewedUnit{u}})
	s := r.Summary
	if s.Translated != 1 || s.FinalViol != 1 || s.DraftViol != 0 || s.Fixed != 0 || s.Introduced != 0 {
		t.Errorf("summary: %+v; want the missing name counted after review", s)
	}
	if got := r.Units[0].Missing; len(got) != 1 || got[0] != "Kim" {
		t.Errorf("missing: %q, want [Kim]", got)
	}
}

// TestHTMLRightToLeft: the Arabic column of the HTML report aligns to its
// own start (the right), and Latin inside it is isolated whole and read as
// English (the report's other language), so that
// "23H2" does not read "H223".
func TestHTMLRightToLeft(t *testing.T) {
	rv := reviewed()
	rv.Units[0].Source = "إن نظام Windows 11 (الإصدار 23H2) سيصدر"
	var buf bytes.Buffer
	if err := Compute(rv).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, physical := range []string{"text-align: left", "text-align:left", "text-align: right", "text-align:right"} {
		if strings.Contains(out, physical) {
			t.Errorf("report CSS has %q, which overrides the cells' direction", physical)
		}
	}
	if want := `<td class="src" dir="rtl" lang="ar">إن نظام <bdi lang="en">Windows 11</bdi> (الإصدار <bdi lang="en">23H2</bdi>) سيصدر</td>`; !strings.Contains(out, want) {
		t.Errorf("report lacks %s", want)
	}
}

// TestComputeUntouchedGist: a unit still holding the untouched gist (as
// publish judges it) is not an accepted draft: it is counted apart and left
// out of the post-edit distance and the glossary counts.
func TestComputeUntouchedGist(t *testing.T) {
	rv := reviewed()
	base := Compute(rv).Summary
	g := xliff.ReviewedUnit{Draft: "Said Putin that", HasDraft: true, ExpectedTerms: []xliff.Term{{Source: "بوتين", Target: "Vladimir Putin"}}}
	g.ID, g.Source, g.Target, g.Kind, g.State, g.Origin = "g1", "قال بوتين إن", "Said Putin that", doc.Paragraph, doc.StateGist, xliff.GistOrigin
	rv.Units = append(rv.Units, g)
	r := Compute(rv)
	s := r.Summary
	if s.Gist != 1 || s.Unchanged != base.Unchanged || s.WithDraft != base.WithDraft || s.Translatable != base.Translatable+1 {
		t.Errorf("counts: %+v; want the gist apart from the %d unchanged of %d drafts", s, base.Unchanged, base.WithDraft)
	}
	if s.Words != base.Words || s.WordPED != base.WordPED || s.CharPED != base.CharPED || s.DraftViol != base.DraftViol || s.FinalViol != base.FinalViol {
		t.Errorf("the gist counts in the distances or glossary figures: %+v, without it %+v", s, base)
	}
	if got := r.Units[len(r.Units)-1].Status; got != Gist {
		t.Errorf("status %q, want %q", got, Gist)
	}
	var text, page bytes.Buffer
	if err := r.WriteText(&text, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "1 still the untouched gist") {
		t.Errorf("text report does not count the gist:\n%s", text.String())
	}
	if err := r.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), "Still the word-by-word gist") {
		t.Error("HTML report does not count the gist")
	}
}

func TestPlaceholders(t *testing.T) {
	for _, tc := range []struct {
		source, target string
		want           string
	}{
		{"قال بوتين", "Putin said", ""},
		{"قال الكرملين", "The Kremlin ⟦1⟧ declined", "⟦1⟧"},
		{"قال", "⟦1:Vladimir Putin⟧ met ⟦ 2 ⟧", "⟦1:Vladimir Putin⟧|⟦ 2 ⟧"},
		{"قال", "met ⟦2:Kim", "⟦"},                            // a token cut short
		{"الرمز ⟦1⟧ في النص", "the sign ⟦1⟧ in the text", ""}, // the article's own
	} {
		if got := strings.Join(Placeholders(tc.source, tc.target), "|"); got != tc.want {
			t.Errorf("Placeholders(%q) = %q, want %q", tc.target, got, tc.want)
		}
	}
	rv := reviewed()
	rv.Units[0].Target = "⟦1⟧ said"
	r := Compute(rv)
	if r.Summary.Placeholders != 1 || strings.Join(r.Units[0].Placeholders, "") != "⟦1⟧" {
		t.Errorf("summary %+v, unit %q: want the placeholder flagged", r.Summary, r.Units[0].Placeholders)
	}
	var text, page bytes.Buffer
	if err := r.WriteText(&text, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "placeholder left: ⟦1⟧") || !strings.Contains(text.String(), "placeholders: 1 unit holds") {
		t.Errorf("text report does not flag the placeholder:\n%s", text.String())
	}
	if err := r.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), "placeholder left: ⟦1⟧") {
		t.Error("HTML report does not flag the placeholder")
	}
}

// After an update, a unit whose Arabic changed holds a new draft and the
// notes saying what changed and what the editor had written. Until the
// editor edits or approves it, review shows it with both and counts it; an
// edited one shows the notes but is no longer counted.
func TestComputeSourceChangedByUpdate(t *testing.T) {
	rv := reviewed()
	changed := func(id, draft, tgt string) xliff.ReviewedUnit {
		u := xliff.ReviewedUnit{Draft: draft, HasDraft: true, Edited: tgt != draft}
		u.ID, u.Source, u.Target, u.Kind, u.State = id, "نقلت نحو 1800 حاوية", tgt, doc.Paragraph, doc.StateMachine
		u.Notes = []string{doc.NoteSourceChanged + "نقلت نحو [-1500-]{+1800+} حاوية", doc.NotePreviousTarget + "About 1,500 containers were moved"}
		return u
	}
	rv.Units = append(rv.Units,
		changed("c1", "About 1800 container moved", "About 1800 container moved"), // the new draft, untouched
		changed("c2", "About 1800 container moved", "About 1,800 containers were moved"))
	r := Compute(rv)
	if r.Summary.Recheck != 1 {
		t.Errorf("%d units to check again, want 1 (c1)", r.Summary.Recheck)
	}
	c1 := r.Units[len(r.Units)-2]
	if c1.SourceChanged != "نقلت نحو [-1500-]{+1800+} حاوية" || c1.PreviousTarget != "About 1,500 containers were moved" {
		t.Errorf("c1: source changed %q, previous %q", c1.SourceChanged, c1.PreviousTarget)
	}
	var text bytes.Buffer
	if err := r.WriteText(&text, false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"c1  unchanged",
		"    source changed: نقلت نحو [-1500-]{+1800+} حاوية\n    previous translation: About 1,500 containers were moved\n",
		"source changed: 1 unit whose Arabic changed in an update was not looked at since",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	var page bytes.Buffer
	if err := r.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"previous translation: About 1,500 containers were moved", "Source changed</th><td>1 unit whose Arabic",
		`نقلت نحو <del><span class="vh">[deleted: </span>1500<span class="vh">]</span></del><ins><span class="vh">[inserted: </span>1800<span class="vh">]</span></ins> حاوية`} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
}

func TestMarkedOps(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []Op
	}{
		{"", nil},
		{"بلا تغيير", []Op{{Equal, "بلا تغيير"}}},
		{"نحو [-1500-]{+1800+} حاوية", []Op{{Equal, "نحو "}, {Delete, "1500"}, {Insert, "1800"}, {Equal, " حاوية"}}},
		{"{+جديد+}[-قديم-]", []Op{{Insert, "جديد"}, {Delete, "قديم"}}},
		{"a [-b c", []Op{{Equal, "a [-b c"}}},
	} {
		if got := markedOps(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("markedOps(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
