package tm

import (
	"context"
	"fmt"
	"strings"
	"time"

	"bitext/doc"
	"bitext/glossary"
)

// Found is a translation a lookup found for a run of source segments.
type Found struct {
	Target string    // the translation of the run's segments
	State  doc.State // the unit's state: doc.StateMemory, or the state the earlier translation had
	Origin string    // the unit's origin, e.g. "memory"
	Notes  []string  // for the editor: where the translation came from, how its source differs
}

// CoverBlock translates block i of d from lookup alone: it walks the
// block's segments, at each one taking the longest run of segments (joined
// by one space, as the pipeline joins them) that lookup knows. It returns
// one unit per run, or nil when some segment is in no known run.
func CoverBlock(ctx context.Context, d *doc.Document, i int, lookup func(ctx context.Context, source string) (Found, bool, error)) ([]doc.Unit, error) {
	b := d.Blocks[i]
	n := len(b.Segments)
	if n == 0 {
		return nil, nil
	}
	var units []doc.Unit
	for k := 0; k < n; {
		matched := false
		for l := n - k; l >= 1; l-- {
			parts := make([]string, l)
			idx := make([]int, l)
			for j := 0; j < l; j++ {
				parts[j] = b.Segments[k+j].Text
				idx[j] = k + j
			}
			src := strings.Join(parts, " ")
			f, ok, err := lookup(ctx, src)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			units = append(units, doc.Unit{Block: i, Kind: b.Kind, Segments: idx, Source: src, Target: f.Target,
				State: f.State, Origin: f.Origin, Notes: f.Notes, Confidence: 1})
			k += l
			matched = true
			break
		}
		if !matched {
			return nil, nil
		}
	}
	return units, nil
}

// Leverage offers the memory's exact matches to the translation pipeline
// (it satisfies translate.Memory): a block whose every sentence is in the
// memory is translated from it, in state memory, without the engine.
type Leverage struct {
	Memory Lookup // a *Memory, or a *Cache over one for a run of many articles
}

// BlockUnits translates block i of d from the memory's exact matches, or
// returns nil when some sentence has none.
func (l Leverage) BlockUnits(ctx context.Context, d *doc.Document, i int, sourceLang, targetLang string) ([]doc.Unit, error) {
	return CoverBlock(ctx, d, i, func(ctx context.Context, src string) (Found, bool, error) {
		es, err := l.Memory.Exact(ctx, sourceLang, targetLang, src)
		if err != nil || len(es) == 0 {
			return Found{}, false, err
		}
		e := es[0] // the text itself when the memory has it, else a spelling that folds alike
		notes := []string{Provenance(&e)}
		if !sameText(e.Source, src) {
			// folding made them equal; the editor sees what it overlooked
			notes = append(notes, "memory: its source is spelled otherwise: "+DiffText(Diff(e.Source, src)))
		}
		if n := Alternatives(es); n != "" {
			notes = append(notes, n)
		}
		return Found{Target: e.Target, State: doc.StateMemory, Origin: "memory", Notes: notes}, true, nil
	})
}

// maxAlternatives is how many other translations a note quotes.
const maxAlternatives = 3

// Alternatives says what other translations the memory holds for the source
// of es[0], the pair a lookup takes (es as Exact returns them, best first),
// or "" when it holds none: the editor is told that the memory's choice
// was one of several, and what the others say.
func Alternatives(es []Entry) string {
	if len(es) < 2 {
		return ""
	}
	taken := strings.TrimSpace(es[0].Target)
	seen := map[string]bool{taken: true}
	var others []string
	for _, e := range es[1:] {
		t := strings.TrimSpace(e.Target)
		if !seen[t] {
			seen[t] = true
			others = append(others, t)
		}
	}
	if len(others) == 0 {
		return ""
	}
	what := "1 other translation"
	if len(others) > 1 {
		what = fmt.Sprintf("%d other translations", len(others))
	}
	quoted := make([]string, 0, maxAlternatives)
	for _, t := range others[:min(len(others), maxAlternatives)] {
		quoted = append(quoted, "“"+t+"”")
	}
	more := ""
	if len(others) > maxAlternatives {
		more = "; …"
	}
	return "memory: " + what + " of this source (tm lookup lists them): " + strings.Join(quoted, "; ") + more
}

// Provenance describes where an entry came from, for a note to the editor
// on a unit translated from the memory's exact match.
func Provenance(e *Entry) string {
	if d := Describe(e); d != "" {
		return "memory: exact match " + d
	}
	return "memory: exact match"
}

// Describe says where an entry came from (article, unit, state, who and
// when, a low-confidence or number-mismatch flag), or "" when the memory knows none of it. It
// does not say how the entry matched: a lookup tells that by its score.
func Describe(e *Entry) string {
	var parts []string
	if e.Article != "" {
		parts = append(parts, "from "+e.Article)
	}
	if e.UnitID != "" {
		parts = append(parts, "unit "+e.UnitID)
	}
	who := e.Changer
	if who == "" {
		who = e.Creator
	}
	when := e.Changed
	if when.IsZero() {
		when = e.Created
	}
	if e.State != "" || who != "" {
		s := e.State
		if s == "" {
			s = "made"
		}
		if who != "" {
			s += " by " + who
		}
		if !when.IsZero() {
			s += " " + when.Format("2006-01-02")
		}
		parts = append(parts, s)
	}
	if e.LowConfidence() {
		parts = append(parts, "pairing flagged low-confidence")
	}
	if e.NumberMismatch() {
		parts = append(parts, "figures flagged number-mismatch")
	}
	return strings.Join(parts, ", ")
}

// AttachFuzzy adds to each unit of bt that the memory did not translate the
// memory's fuzzy matches scoring at least minScore (0 means 0.75), as
// candidates for the editor. A candidate whose figures, or glossary names
// (names not nil), differ from the unit's gets a note saying which, as a
// CAT tool shows only its score.
func AttachFuzzy(ctx context.Context, m Lookup, bt *doc.Bitext, minScore float64, names *glossary.Matcher) error {
	for k := range bt.Units {
		u := &bt.Units[k]
		if u.Kind == doc.Boilerplate || u.State == doc.StateMemory || u.State == doc.StateReviewed || u.State == doc.StateFinal {
			continue
		}
		ms, err := m.Fuzzy(ctx, bt.SourceLang, bt.TargetLang, u.Source, FuzzyOptions{MinScore: minScore})
		if err != nil {
			return fmt.Errorf("unit %s: %w", u.ID, err)
		}
		for _, mt := range ms {
			origin := "memory"
			if mt.Article != "" {
				origin += ":" + mt.Article
			}
			u.Matches = append(u.Matches, doc.Match{Source: mt.Source, Target: mt.Target, Score: mt.Score,
				Origin: origin, Diff: DiffText(mt.Diff)})
			for _, n := range mt.Numbers {
				u.Notes = append(u.Notes, fmt.Sprintf("memory match %d%%: %s", int(mt.Score*100), n))
			}
			for _, n := range NameChanges(names, mt.Source, mt.Target, u.Source) {
				u.Notes = append(u.Notes, fmt.Sprintf("memory match %d%%: %s", int(mt.Score*100), n))
			}
		}
	}
	return nil
}

// Approved returns the entries an editor approved in bt: units in state
// reviewed or final with source and target text. who and when are the
// provenance (when zero: now).
func Approved(bt *doc.Bitext, who string, when time.Time) []Entry {
	if when.IsZero() {
		when = time.Now().UTC().Truncate(time.Second)
	}
	var out []Entry
	for _, u := range bt.Units {
		if u.State != doc.StateReviewed && u.State != doc.StateFinal || u.Kind == doc.Boilerplate ||
			strings.TrimSpace(u.Source) == "" || strings.TrimSpace(u.Target) == "" {
			continue
		}
		out = append(out, Entry{SourceLang: bt.SourceLang, TargetLang: bt.TargetLang, Source: u.Source, Target: u.Target,
			Article: bt.Name, UnitID: u.ID, State: string(u.State), Creator: who, Created: when})
	}
	return out
}

// AddApproved stores the approved units of bt (see Approved) in one transaction.
func (m *Memory) AddApproved(ctx context.Context, bt *doc.Bitext, who string, when time.Time) (AddResult, error) {
	es := Approved(bt, who, when)
	if len(es) == 0 {
		return AddResult{}, nil
	}
	return m.Add(ctx, es)
}
