package update

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"bitext/doc"
	"bitext/internal/testenv"
	"bitext/segment"
	"bitext/translate"
	"bitext/xliff"
)

// countingEngine is a fake engine that renders each Arabic sentence as an
// English sentence of as many words, and counts what it is asked.
type countingEngine struct {
	mu       sync.Mutex
	calls    int
	segments []string
	chars    int
	prefix   string
}

func (e *countingEngine) Name() string             { return "counting" }
func (e *countingEngine) Limits() translate.Limits { return translate.Limits{} }
func (e *countingEngine) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.calls++
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		e.segments = append(e.segments, s.Text)
		e.chars += utf8.RuneCountInString(s.Text)
		var sents []string
		for _, sent := range segment.Sentences(s.Text, "ar") {
			n := len(strings.Fields(sent.Text))
			words := make([]string, n)
			for k := range words {
				words[k] = fmt.Sprintf("w%d", utf8.RuneCountInString(sent.Text)%97+k)
			}
			sents = append(sents, e.prefix+strings.Join(words, " ")+".")
		}
		out[i] = strings.Join(sents, " ")
	}
	return out, nil
}

func readArticle(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// editArticle changes one word in the fourth paragraph and adds a paragraph
// after the second; it returns the new text and the two paragraphs.
func editArticle(t testing.TB, v1 string) (v2, edited, added string) {
	paras := strings.Split(v1, "\n\n")
	old := paras[4]
	edited = strings.Replace(old, "اليوم", "مساء اليوم", 1)
	if edited == old {
		t.Fatal("edit did not apply")
	}
	paras[4] = edited
	added = "وأعلن الكرملين مساء اليوم أن الرئيس الروسي سيلتقي الزعيم الكوري الشمالي في الأسبوع المقبل."
	paras = append(paras[:3], append([]string{added}, paras[3:]...)...)
	return strings.Join(paras, "\n\n"), edited, added
}

// reviewed is v1 translated and approved by an editor, who rewrote each target.
func reviewed(t testing.TB, v1 string) *doc.Bitext {
	eng := &countingEngine{}
	bt, err := translate.Run(context.Background(), eng, segment.Split("article.txt", v1, "ar"), translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for k := range bt.Units {
		u := &bt.Units[k]
		if u.Target != "" {
			u.Target = "Edited: " + u.Target
			u.State = doc.StateReviewed
			u.Notes = append(u.Notes, "editor: checked with the desk")
		}
	}
	return bt
}

func TestUpdateScenario(t *testing.T) {
	ctx := context.Background()
	v1 := readArticle(t)
	old := reviewed(t, v1)
	v2, edited, added := editArticle(t, v1)
	eng := &countingEngine{prefix: "New "}
	bt, rep, err := Run(ctx, eng, segment.Split("article-v2.txt", v2, "ar"), old, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The engine saw the two paragraphs and nothing else.
	if len(eng.segments) != 2 || eng.segments[0] != added || eng.segments[1] != edited {
		t.Errorf("engine was sent %d segments: %q", len(eng.segments), eng.segments)
	}
	if want := utf8.RuneCountInString(added) + utf8.RuneCountInString(edited); eng.chars != want {
		t.Errorf("characters billed %d, want %d", eng.chars, want)
	}
	// The edited paragraph has one changed sentence; its other sentences and
	// every other paragraph keep the editor's work.
	editedSents := segment.Sentences(edited, "ar")
	if rep.Changed != 1 || rep.Added != 1 || len(rep.Deleted) != 0 {
		t.Errorf("report %s, want 1 changed, 1 added, 0 deleted", rep.Summary())
	}
	if rep.Kept != len(old.Units)-1-countBoilerplate(old) {
		t.Errorf("kept %d, want %d", rep.Kept, len(old.Units)-1)
	}
	oldBySource := map[string]doc.Unit{}
	for _, u := range old.Units {
		oldBySource[u.Source] = u
	}
	changedSeen := false
	for _, u := range bt.Units {
		switch rep.Units[u.ID] {
		case Kept:
			o, ok := oldBySource[u.Source]
			if !ok || u.Target != o.Target || u.State != doc.StateReviewed || !strings.HasPrefix(u.Target, "Edited: ") {
				t.Errorf("kept unit %s lost the editor's target: %+v", u.ID, u)
			}
			if !contains(u.Notes, "editor: checked with the desk") {
				t.Errorf("kept unit %s lost the editor's note: %q", u.ID, u.Notes)
			}
		case Changed:
			changedSeen = true
			if !strings.HasPrefix(u.Target, "New ") || u.State != doc.StateMachine {
				t.Errorf("changed unit not re-translated: %+v", u)
			}
			var diff, prev string
			for _, n := range u.Notes {
				if strings.HasPrefix(n, NoteSourceChanged) {
					diff = n
				}
				if strings.HasPrefix(n, NotePreviousTarget) {
					prev = n
				}
			}
			if !strings.Contains(diff, "{+مساء +}") || !strings.HasPrefix(prev, NotePreviousTarget+"Edited: ") {
				t.Errorf("changed unit notes %q", u.Notes)
			}
			if !strings.Contains(edited, u.Source) || len(editedSents) < 1 {
				t.Errorf("changed unit %q is not from the edited paragraph", u.Source)
			}
		case Added:
			if u.Source != added || !strings.HasPrefix(u.Target, "New ") {
				t.Errorf("added unit %+v", u)
			}
		default:
			if u.Kind != doc.Boilerplate {
				t.Errorf("unit %s not in the report", u.ID)
			}
		}
	}
	if !changedSeen {
		t.Error("no changed unit")
	}
}

func TestUpdateDeleted(t *testing.T) {
	ctx := context.Background()
	v1 := readArticle(t)
	old := reviewed(t, v1)
	paras := strings.Split(v1, "\n\n")
	gone := paras[2]
	v2 := strings.Join(append(paras[:2:2], paras[3:]...), "\n\n")
	eng := &countingEngine{}
	_, rep, err := Run(ctx, eng, segment.Split("v2", v2, "ar"), old, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if eng.calls != 0 {
		t.Errorf("engine called %d times for a pure deletion", eng.calls)
	}
	if len(rep.Deleted) == 0 || rep.Changed != 0 || rep.Added != 0 {
		t.Fatalf("report %s", rep.Summary())
	}
	for _, u := range rep.Deleted {
		if !strings.Contains(gone, u.Source) {
			t.Errorf("deleted unit %q is not from the removed paragraph", u.Source)
		}
		// what the editor did with it goes with it, to be shown
		if !strings.HasPrefix(u.Target, "Edited: ") || u.State != doc.StateReviewed {
			t.Errorf("deleted unit %s lost the editor's work: %+v", u.ID, u)
		}
	}
	if want := fmt.Sprintf("%d deleted (%d of them reviewed or approved by the editor)", len(rep.Deleted), len(rep.Deleted)); !strings.HasSuffix(rep.Summary(), want) {
		t.Errorf("report %q does not end in %q", rep.Summary(), want)
	}
}

func TestUpdateUnchanged(t *testing.T) {
	v1 := readArticle(t)
	old := reviewed(t, v1)
	eng := &countingEngine{}
	bt, rep, err := Run(context.Background(), eng, segment.Split("v1", v1, "ar"), old, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if eng.calls != 0 || rep.Changed+rep.Added+len(rep.Deleted) != 0 {
		t.Errorf("unchanged article: %d engine calls, report %s", eng.calls, rep.Summary())
	}
	for k, u := range bt.Units {
		if u.Target != old.Units[k].Target || u.State != old.Units[k].State || u.ID != old.Units[k].ID {
			t.Errorf("unit %d changed: %+v", k, u)
		}
	}
}

func countBoilerplate(bt *doc.Bitext) int {
	n := 0
	for _, u := range bt.Units {
		if u.Kind == doc.Boilerplate {
			n++
		}
	}
	return n
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// BenchmarkUpdate updates the sample article after one paragraph is edited
// and one added, and reports what the engine was asked.
func BenchmarkUpdate(b *testing.B) {
	v1 := readArticle(b)
	old := reviewed(b, v1)
	v2, edited, added := editArticle(b, v1)
	d := segment.Split("v2", v2, "ar")
	var eng *countingEngine
	for i := 0; i < b.N; i++ {
		eng = &countingEngine{}
		if _, _, err := Run(context.Background(), eng, d, old, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(eng.calls), "engine-calls")
	b.ReportMetric(float64(len(eng.segments)), "paragraphs-sent")
	b.ReportMetric(float64(eng.chars), "chars-billed")
	b.ReportMetric(float64(utf8.RuneCountInString(edited)+utf8.RuneCountInString(added)), "chars-changed")
	b.ReportMetric(float64(utf8.RuneCountInString(v2)), "chars-article")
}

// FuzzUpdate: any new version of the article updates without error, every
// unit is accounted for, and earlier units are used at most once.
func FuzzUpdate(f *testing.F) {
	v1 := readArticle(f)
	old := reviewed(f, v1)
	v2, _, _ := editArticle(f, v1)
	f.Add(v2)
	f.Add("")
	f.Add("قمة بوتين وكيم\n\nفقرة جديدة تماما.")
	f.Add(strings.Repeat("وقال سوليفان. ", 50))
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		bt, rep, err := Run(context.Background(), &countingEngine{}, segment.Split("v2", text, "ar"), old, Options{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, u := range bt.Units {
			if u.Kind != doc.Boilerplate {
				n++
			}
		}
		if rep.Kept+rep.Changed+rep.Added != n {
			t.Errorf("report %s accounts for %d units, want %d", rep.Summary(), rep.Kept+rep.Changed+rep.Added, n)
		}
		if rep.Changed+len(rep.Deleted) > len(old.Units) {
			t.Errorf("report %s uses more earlier units than the %d there are", rep.Summary(), len(old.Units))
		}
	})
}

// TestEarlierReadsWhatTheEditorDid: a unit keeps the file's marks, and its
// state says what the editor did even where the state attribute is still
// the draft's.
func TestEarlierReadsWhatTheEditorDid(t *testing.T) {
	const in = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="ar" target-language="en"><body>
<trans-unit id="edited"><source>أ</source><target state="needs-review-translation" state-qualifier="leveraged-mt">The editor's text</target>
<alt-trans tool-id="bitext" origin="google"><target>The draft</target></alt-trans></trans-unit>
<trans-unit id="gist"><source>ب</source><target state="needs-translation" state-qualifier="leveraged-glossary">word by word</target>
<alt-trans tool-id="bitext" origin="gist"><target>word  by word</target></alt-trans></trans-unit>
<trans-unit id="approved" approved="yes"><source>ج</source><target state="translated">Approved</target></trans-unit>
</body></file></xliff>`
	f, err := xliff.Read(strings.NewReader(in), "in.xlf")
	if err != nil {
		t.Fatal(err)
	}
	bt := Earlier(f)
	want := map[string]struct {
		state doc.State
		marks doc.XLIFFMarks
	}{
		"edited": {doc.StateReviewed, doc.XLIFFMarks{Version: "1.2", State: "needs-review-translation", Qualifier: "leveraged-mt",
			Draft: "The draft", DraftOrigin: "google", HasDraft: true}},
		"gist": {doc.StateGist, doc.XLIFFMarks{Version: "1.2", State: "needs-translation", Qualifier: "leveraged-glossary",
			Draft: "word  by word", DraftOrigin: "gist", HasDraft: true}},
		"approved": {doc.StateReviewed, doc.XLIFFMarks{Version: "1.2", State: "translated", Approved: true}},
	}
	for _, u := range bt.Units {
		w := want[u.ID]
		if u.State != w.state || u.XLIFF == nil || !reflect.DeepEqual(*u.XLIFF, w.marks) {
			t.Errorf("unit %s: state %s, marks %+v; want %s, %+v", u.ID, u.State, u.XLIFF, w.state, w.marks)
		}
	}
}

// untranslated is v1 as a translator gets it with no machine translation:
// every target empty.
func untranslated(t testing.TB, v1 string) *doc.Bitext {
	bt := reviewed(t, v1)
	for k := range bt.Units {
		bt.Units[k].Target, bt.Units[k].State, bt.Units[k].Notes = "", doc.StateNew, nil
	}
	return bt
}

// A sentence the earlier file left untranslated and the new version keeps as
// it was has not changed: it is translated, without a "source changed" note.
func TestUpdateUntranslatedIsNotChanged(t *testing.T) {
	v1 := readArticle(t)
	old := untranslated(t, v1)
	paras := strings.Split(v1, "\n\n")
	v2 := strings.Join(append(paras[:2:2], paras[3:]...), "\n\n")
	eng := &countingEngine{prefix: "New "}
	bt, rep, err := Run(context.Background(), eng, segment.Split("v2", v2, "ar"), old, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changed != 0 || rep.Added != 0 || rep.Retranslated == 0 || len(rep.Deleted) == 0 || rep.DeletedWork() != 0 {
		t.Errorf("report %s, want only untranslated sentences translated and deleted ones", rep.Summary())
	}
	if !strings.Contains(rep.Summary(), fmt.Sprintf("%d untranslated before", rep.Retranslated)) {
		t.Errorf("report %q does not count the untranslated sentences", rep.Summary())
	}
	for _, u := range bt.Units {
		if u.Kind == doc.Boilerplate {
			continue
		}
		if rep.Units[u.ID] != Retranslated || !strings.HasPrefix(u.Target, "New ") {
			t.Errorf("unit %s: %s, target %q", u.ID, rep.Units[u.ID], u.Target)
		}
		for _, n := range u.Notes {
			if strings.HasPrefix(n, NoteSourceChanged) || strings.HasPrefix(n, NotePreviousTarget) {
				t.Errorf("unit %s: note %q on an unchanged sentence", u.ID, n)
			}
		}
	}
}

// A target that is a copy of the source (OmegaT's flavour, a CAT tool's
// "copy source") is no translation: not the editor's work to keep.
func TestEarlierSourceCopyIsUntranslated(t *testing.T) {
	const in = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="ar" target-language="en"><body>
<trans-unit id="copy"><source>قمة بوتين وكيم</source><target state="needs-translation">قمة بوتين  وكيم</target>
<alt-trans tool-id="bitext" origin="gist"><target>Summit of Putin and Kim</target></alt-trans></trans-unit>
</body></file></xliff>`
	f, err := xliff.Read(strings.NewReader(in), "in.xlf")
	if err != nil {
		t.Fatal(err)
	}
	u := Earlier(f).Units[0]
	if u.Target != "" || u.State != doc.StateNew {
		t.Errorf("source copy read as target %q, state %s; want no target, state new", u.Target, u.State)
	}
}

// The editor's notes on a sentence stay with it when its source changes (or
// when it was left untranslated), with their author; its state is the new
// translation's, not the one the editor gave the old text.
func TestUpdateChangedKeepsEditorNotes(t *testing.T) {
	v1 := readArticle(t)
	note := doc.XLIFFNote{Text: "keep the date as the agency wrote it", From: "desk"}
	old := reviewed(t, v1)
	for k := range old.Units {
		old.Units[k].XLIFF = &doc.XLIFFMarks{Version: "1.2", State: "translated", Approved: true, Notes: []doc.XLIFFNote{note}}
	}
	old.Units[0].Target, old.Units[0].State = "", doc.StateNew // the first sentence left untranslated
	v2, _, _ := editArticle(t, v1)
	bt, rep, err := Run(context.Background(), &countingEngine{prefix: "New "}, segment.Split("v2", v2, "ar"), old, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changed != 1 || rep.Retranslated != 1 {
		t.Fatalf("report %s, want 1 changed, 1 untranslated before", rep.Summary())
	}
	for _, u := range bt.Units {
		if c := rep.Units[u.ID]; c == Changed || c == Retranslated {
			m := u.XLIFF
			if m == nil || !reflect.DeepEqual(m.Notes, []doc.XLIFFNote{note}) {
				t.Errorf("%s unit %s lost the editor's note: %+v", c, u.ID, m)
				continue
			}
			if m.Approved || m.State != "needs-review-translation" || m.Qualifier != "leveraged-mt" || m.HasDraft {
				t.Errorf("%s unit %s: marks %+v, want the new machine translation's", c, u.ID, m)
			}
		}
	}
}

// longVersions returns a long article (the sample repeated, each copy's
// paragraphs numbered) and a new version of it in which every 20th paragraph
// has a word changed, every 40th is followed by a new one and every 97th is
// deleted: the edits of a long live report.
func longVersions(t testing.TB, copies int) (v1, v2 string) {
	paras := strings.Split(strings.TrimSpace(readArticle(t)), "\n\n")
	var p1, p2 []string
	for n := range copies {
		for _, p := range paras {
			p1 = append(p1, fmt.Sprintf("%s %d", p, n))
		}
	}
	for i, p := range p1 {
		switch {
		case i%97 == 96:
			continue
		case i%20 == 19:
			p = strings.Replace(p, " ", " جدا ", 1)
		}
		p2 = append(p2, p)
		if i%40 == 39 {
			p2 = append(p2, fmt.Sprintf("وأعلن الكرملين مساء اليوم أن الرئيس سيلتقي الزعيم في الأسبوع %d.", i))
		}
	}
	return strings.Join(p1, "\n\n"), strings.Join(p2, "\n\n")
}

// BenchmarkUpdateLong updates a long reviewed article (about 1 MB, 3,600
// units) after edits throughout: the CPU time of the whole update.
func BenchmarkUpdateLong(b *testing.B) {
	v1, v2 := longVersions(b, 120)
	old := reviewed(b, v1)
	d := segment.Split("v2", v2, "ar")
	var rep *Report
	cpu := testenv.CPUTime()
	for b.Loop() {
		var err error
		if _, rep, err = Run(context.Background(), &countingEngine{}, d, old, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((testenv.CPUTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(old.Units)), "units")
	b.ReportMetric(float64(rep.Changed), "changed")
	b.ReportMetric(float64(rep.Added), "added")
}

// The note on a changed sentence shows whole words changed: a corrected
// figure or a respelled name reads as the old and the new word, not as
// digits or letters cut out of them (which in Arabic also breaks the
// joining of the letters around the cut).
func TestUpdateChangedNoteShowsWholeWords(t *testing.T) {
	const v1 = "قال بيسكوف إن نحو 1500 حاوية نقلت منذ أغسطس.\n"
	const v2 = "قال بسكوف إن نحو 1800 حاوية نقلت منذ أغسطس.\n"
	old := reviewed(t, v1)
	bt, rep, err := Run(context.Background(), &countingEngine{prefix: "New "}, segment.Split("v2", v2, "ar"), old, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changed != 1 {
		t.Fatalf("report %s, want 1 changed", rep.Summary())
	}
	const want = NoteSourceChanged + "قال [-بيسكوف-]{+بسكوف+} إن نحو [-1500-]{+1800+} حاوية نقلت منذ أغسطس."
	if !contains(bt.Units[0].Notes, want) {
		t.Errorf("notes %q, want %q", bt.Units[0].Notes, want)
	}
}

// A changed sentence's earlier translation by the editor is offered as the
// first candidate, with the similarity of the two Arabic sentences, so that
// a CAT tool inserts it to correct; an earlier gist or untouched machine
// draft is not.
func TestUpdateChangedOffersPreviousTranslation(t *testing.T) {
	const v1 = "قال بيسكوف إن نحو 1500 حاوية نقلت منذ أغسطس.\n"
	const v2 = "قال بيسكوف إن نحو 1800 حاوية نقلت منذ أغسطس.\n"
	old := reviewed(t, v1)
	bt, _, err := Run(context.Background(), &countingEngine{prefix: "New "}, segment.Split("v2", v2, "ar"), old, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ms := bt.Units[0].Matches
	if len(ms) == 0 || ms[0].Origin != OriginPrevious || ms[0].Target != old.Units[0].Target || ms[0].Source != old.Units[0].Source || ms[0].Score < 0.9 || ms[0].Score >= 1 {
		t.Errorf("candidates %+v, want first the editor's %q", ms, old.Units[0].Target)
	}

	// the same change, the earlier target being the engine's draft untouched
	draft := reviewed(t, v1)
	draft.Units[0].Target, draft.Units[0].State = strings.TrimPrefix(draft.Units[0].Target, "Edited: "), doc.StateGist
	bt, _, err = Run(context.Background(), &countingEngine{prefix: "New "}, segment.Split("v2", v2, "ar"), draft, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range bt.Units[0].Matches {
		if m.Origin == OriginPrevious {
			t.Errorf("the earlier gist is offered as a candidate: %+v", m)
		}
	}
}
