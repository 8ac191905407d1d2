package review

import (
	"strings"

	"bitext/doc"
	"bitext/figures"
	"bitext/xliff"
)

// Numbers is a unit whose reviewed target does not carry the figures of its
// source: a toll, a sum or a date the page would print differently in
// English and Arabic.
type Numbers struct {
	Unit       string             `json:"unit"`           // the unit's id
	Line       int                `json:"line,omitempty"` // its line in the reviewed file
	Mismatches []figures.Mismatch `json:"mismatches"`     // the figures that differ, in the order they come
}

// Message says which figures differ: "number mismatch: the source's 1250
// is 125 in the translation".
func (n Numbers) Message() string {
	var parts []string
	for _, m := range n.Mismatches {
		parts = append(parts, m.String())
	}
	return strings.TrimSuffix(figures.NotePrefix, " ") + " " + strings.Join(parts, "; ")
}

// NumberMismatches checks the target of every translated unit against its
// source with figures.Check, as translate checks machine drafts: the
// editor's text is what will be published. Boilerplate, untranslated and
// merged units have no target of their own to check.
func NumberMismatches(units []xliff.ReviewedUnit) []Numbers {
	var out []Numbers
	for _, u := range units {
		if u.Kind == doc.Boilerplate || u.Untranslated || u.MergedInto != "" || u.Target == "" {
			continue
		}
		// a placeholder's number (⟦1⟧) is no figure: Placeholders reports it
		if ms := figures.Check(u.Source, placeholderRE.ReplaceAllString(u.Target, " ")); len(ms) > 0 {
			out = append(out, Numbers{Unit: u.ID, Line: u.Line, Mismatches: ms})
		}
	}
	return out
}

// MarkNumbers gives each unit of b that ns names the flag
// doc.FlagNumberMismatch and a note for each figure, for the page; the
// number notes and flag a unit had from its machine draft go first, since
// the editor's target is what the page prints.
func MarkNumbers(b *doc.Bitext, ns []Numbers) {
	of := map[string][]figures.Mismatch{}
	for _, n := range ns {
		of[n.Unit] = n.Mismatches
	}
	for i := range b.Units {
		figures.Mark(&b.Units[i], of[b.Units[i].ID])
	}
}
