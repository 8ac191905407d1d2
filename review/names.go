package review

import (
	"slices"

	"bitext/doc"
)

// BrokenNames is a unit whose target lacks the rendering of one or more of
// the glossary names in its source.
type BrokenNames struct {
	Unit  int           // index of the unit in the bitext
	Names []doc.TermHit // the names whose rendering is missing
}

// Expected is what a target must contain for a glossary name: the English,
// or the Arabic itself for a name kept as it is (or given no English).
func Expected(h doc.TermHit) string {
	if h.NoTranslate || h.En == "" {
		return h.Ar
	}
	return h.En
}

// CheckNames looks in the target of every translated unit of b for the
// rendering of each glossary name of its source (doc.ContainsTerm: whole words, any
// case), as translate checks machine drafts. A unit that lacks one is flagged
// doc.FlagGlossaryViolation and gets translate's "glossary: SURFACE →
// EXPECTED" note for each of its names, which the page shows with the flag.
// Targets are left as they are: the editor's text stands.
func CheckNames(b *doc.Bitext) []BrokenNames {
	var out []BrokenNames
	for i := range b.Units {
		u := &b.Units[i]
		if u.Kind == doc.Boilerplate || u.Target == "" {
			continue
		}
		var missing []doc.TermHit
		for _, h := range u.Terms {
			if !doc.ContainsTerm(u.Target, Expected(h)) {
				missing = append(missing, h)
			}
		}
		if len(missing) == 0 {
			continue
		}
		u.AddFlag(doc.FlagGlossaryViolation)
		for _, h := range u.Terms {
			if note := "glossary: " + h.Surface + " → " + Expected(h); !slices.Contains(u.Notes, note) {
				u.Notes = append(u.Notes, note)
			}
		}
		out = append(out, BrokenNames{Unit: i, Names: missing})
	}
	return out
}
