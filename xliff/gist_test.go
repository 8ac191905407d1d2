package xliff

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"bitext/doc"
	"bitext/translate"
)

// fakeGist stands for the gist engine: what it makes of a source.
func fakeGist(source string, terms []Term) []string { return []string{"gist of " + source} }

// gistBitext is a bitext of word-by-word gists, as translate writes it with
// the gist engine.
func gistBitext() *doc.Bitext {
	src := "جملة أولى. جملة ثانية. جملة ثالثة. جملة رابعة. جملة خامسة. جملة سادسة. جملة سابعة."
	bt := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Name: "gist.txt", Engine: "gist",
		Source: &doc.Document{Name: "gist.txt", Lang: "ar", Source: src}}
	for _, s := range strings.SplitAfter(src, ". ") {
		s = strings.TrimSpace(s)
		bt.Units = append(bt.Units, doc.Unit{Kind: doc.Paragraph, Source: s, Target: fakeGist(s, nil)[0],
			State: doc.StateGist, Origin: GistOrigin, Notes: []string{doc.GistNote}})
	}
	translate.AssignIDs(bt.Units)
	return bt
}

// TestGistWithoutDraft: when the editor's tool dropped bitext's draft, or
// where it came from, a unit is still the untouched gist by what survives:
// the gist's state, or a target (or draft) equal to the gist made again. The
// gist's note alone says what the draft was, so that an edited unit is
// edited.
func TestGistWithoutDraft(t *testing.T) {
	b := gistBitext()
	id := func(i int) string { return b.Units[i].ID }
	type form struct {
		write              func(*bytes.Buffer) error
		elem               string
		draft, state, note *regexp.Regexp
		translated         string // the state a tool writes on a translated target
		approve            func(unit string) string
	}
	forms := map[string]form{
		"1.2": {func(w *bytes.Buffer) error { return Write12(w, b, Options{}) }, "trans-unit",
			regexp.MustCompile(`(?s)\s*<alt-trans .*?</alt-trans>`),
			regexp.MustCompile(`state="needs-translation" state-qualifier="leveraged-glossary"`),
			regexp.MustCompile(`\s*<note from="bitext">word-by-word gist[^<]*</note>`), `state="translated"`,
			func(u string) string {
				return strings.Replace(u, `xml:space="preserve"`, `xml:space="preserve" approved="yes"`, 1)
			}},
		"2.1": {func(w *bytes.Buffer) error { return Write21(w, b, Options{}) }, "unit",
			regexp.MustCompile(`(?s)\s*<mtc:matches>.*?</mtc:matches>`),
			regexp.MustCompile(`state="initial" subState="bitext:glossary"`),
			regexp.MustCompile(`(?s)\s*<notes>\s*<note category="bitext">word-by-word gist[^<]*</note>\s*</notes>`), `state="translated"`,
			func(u string) string {
				return strings.Replace(u, `state="initial" subState="bitext:glossary"`, `state="final"`, 1)
			}},
	}
	for name, fm := range forms {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := fm.write(&buf); err != nil {
				t.Fatal(err)
			}
			text := buf.String()
			unmark := func(u string) string { return fm.state.ReplaceAllString(u, fm.translated) }
			edit := func(u string) string { return strings.Replace(u, ">gist of ", ">An editor's translation of ", 1) }
			// Drafts dropped: 0: untouched, marks kept; 1: marks gone, target
			// untouched; 2: edited, note kept; 3: edited, every mark gone;
			// 4: approved untouched. Drafts said to be another engine's (as
			// an update writes a gist it carries on): 5: marks kept; 6: marks
			// gone.
			for i := range 5 {
				text = editUnit(t, text, fm.elem, id(i), func(u string) string { return fm.draft.ReplaceAllString(u, "") })
			}
			text = editUnit(t, text, fm.elem, id(5), func(u string) string { return strings.Replace(u, `origin="gist"`, `origin="none"`, 1) })
			text = editUnit(t, text, fm.elem, id(6), func(u string) string {
				return fm.note.ReplaceAllString(unmark(strings.Replace(u, `origin="gist"`, `origin="google"`, 1)), "")
			})
			text = editUnit(t, text, fm.elem, id(1), func(u string) string { return fm.note.ReplaceAllString(unmark(u), "") })
			text = editUnit(t, text, fm.elem, id(2), func(u string) string { return edit(unmark(u)) })
			text = editUnit(t, text, fm.elem, id(3), func(u string) string { return fm.note.ReplaceAllString(edit(unmark(u)), "") })
			text = editUnit(t, text, fm.elem, id(4), fm.approve)
			f, err := Read(strings.NewReader(text), "reviewed.xlf")
			if err != nil {
				t.Fatal(err)
			}
			rv, err := f.Resolve(ResolveOptions{Gist: fakeGist})
			if err != nil {
				t.Fatal(err)
			}
			want := []doc.State{doc.StateGist, doc.StateGist, doc.StateReviewed, doc.StateReviewed, doc.StateFinal, doc.StateGist, doc.StateGist}
			for i, u := range rv.Units {
				if u.State != want[i] {
					t.Errorf("unit %d: state %q, want %q (target %q)", i, u.State, want[i], u.Target)
				}
			}
			if u := rv.Units[2]; !u.HasDraft || !u.Edited || u.Draft != b.Units[2].Target {
				t.Errorf("unit 2: draft %q (%v), edited %v; want the gist made again, edited", u.Draft, u.HasDraft, u.Edited)
			}
			if u := rv.Units[3]; u.HasDraft {
				t.Errorf("unit 3: draft %q; nothing says what it was", u.Draft)
			}
			for i := range f.Units {
				want := i != 2 && i != 3
				if got := f.StillGist(&f.Units[i], fakeGist); got != want {
					t.Errorf("StillGist(unit %d) = %v, want %v", i, got, want)
				}
			}
		})
	}
}
