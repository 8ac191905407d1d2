// Package update re-translates a new version of an article against the
// reviewed translation of an earlier one: sentences whose source did not
// change keep the editor's translation, state and approval, changed ones are
// re-translated with a note showing how the source changed and what the
// previous translation was, new ones are translated, and removed ones are
// reported.
//
// Start with Run, given the new version segmented and the earlier version's
// units from Earlier (an editor's XLIFF as xliff.Read returns it).
package update

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"bitext/doc"
	"bitext/tm"
	"bitext/translate"
	"bitext/xliff"
)

// Options configure Run. The zero value is useful.
type Options struct {
	// Translate configures the pipeline. Its Memory, when set, is consulted
	// after the earlier version's units.
	Translate translate.Options
	// MinSimilarity is the lowest similarity (in [0,1]) at which a new
	// sentence counts as a changed version of an old one rather than a new
	// sentence; 0 means 0.5.
	MinSimilarity float64
}

// Change is what happened to one unit.
type Change string

// Changes.
const (
	Kept    Change = "kept"    // same source: the earlier target, state and approval are kept
	Changed Change = "changed" // the source was edited: re-translated, with a diff note
	Added   Change = "added"   // a new sentence: translated
	// Retranslated is a sentence the earlier file left untranslated (no
	// target, or the source copied into it), unchanged since: translated.
	Retranslated Change = "retranslated"
	Deleted      Change = "deleted" // in the earlier version only
)

// Report says what Run did with each unit.
type Report struct {
	Units   map[string]Change // new unit id → what happened to it
	Kept    int               // units whose sentence is unchanged: their earlier target is kept
	Changed int               // units whose sentence was edited, translated again
	Added   int               // units whose sentence is new
	// Retranslated counts the unchanged sentences the earlier file left
	// untranslated.
	Retranslated int
	Deleted      []doc.Unit      // earlier units whose sentence is gone
	Stats        translate.Stats // what the pipeline did: requests, characters billed
}

// Notes Run adds to changed units start with these.
const (
	NoteSourceChanged  = doc.NoteSourceChanged
	NotePreviousTarget = doc.NotePreviousTarget
)

// OriginPrevious is the origin of the candidate Run gives a changed unit:
// the editor's translation of the sentence before it changed.
const OriginPrevious = "previous version"

// noteAuthor is the author (1.2 from, 2.x category) of bitext's own notes.
const noteAuthor = "bitext"

type oldUnit struct {
	unit *doc.Unit
	used bool
	// unit.Source normalised, and its letters counted: for the similarity
	// of changed sentences
	norm string
	bag  letters
}

// Run translates d, re-using the units of old (the reviewed translation of
// the earlier version) for every sentence whose source is unchanged. Only the
// blocks with changed or new sentences go to eng. On a dry run
// (opts.Translate.DryRun) it returns no bitext, only the report's Stats.
func Run(ctx context.Context, eng translate.Engine, d *doc.Document, old *doc.Bitext, opts Options) (*doc.Bitext, *Report, error) {
	minSim := opts.MinSimilarity
	if minSim <= 0 {
		minSim = 0.5
	}
	olds := make([]*oldUnit, 0, len(old.Units))
	bySource := map[string][]*oldUnit{}
	boilerplate := map[string][]*doc.Unit{} // earlier boilerplate by source
	for k := range old.Units {
		u := &old.Units[k]
		if u.Kind == doc.Boilerplate {
			key := tm.Normalize(u.Source)
			boilerplate[key] = append(boilerplate[key], u)
			continue
		}
		if strings.TrimSpace(u.Source) == "" {
			continue
		}
		o := &oldUnit{unit: u, norm: tm.Normalize(u.Source)}
		o.bag = newLetters(o.norm)
		olds = append(olds, o)
		if strings.TrimSpace(u.Target) != "" {
			key := tm.Normalize(u.Source)
			bySource[key] = append(bySource[key], o)
		}
	}
	// take returns the first unused earlier unit with this source, or any used one.
	take := func(src string) *oldUnit {
		cands := bySource[tm.Normalize(src)]
		for _, o := range cands {
			if !o.used {
				return o
			}
		}
		if len(cands) > 0 {
			return cands[0] // a repeated sentence: the same translation again
		}
		return nil
	}

	topts := opts.Translate
	mem := &earlier{take: take, next: topts.Memory}
	topts.Memory = mem
	res, err := translate.RunMany(ctx, eng, []*doc.Document{d}, topts)
	if err != nil {
		return nil, nil, err
	}
	rep := &Report{Units: map[string]Change{}, Stats: res.Stats}
	if len(res.Bitexts) == 0 {
		return nil, rep, nil
	}
	bt := res.Bitexts[0]
	var fresh []int // units of re-translated blocks with no unchanged earlier unit
	for k := range bt.Units {
		u := &bt.Units[k]
		if u.Kind == doc.Boilerplate {
			// Not translated, but the editor's notes and the unit's
			// attributes stay with the same text.
			key := tm.Normalize(u.Source)
			if same := boilerplate[key]; len(same) > 0 {
				u.XLIFF, boilerplate[key] = same[0].XLIFF, same[1:]
			}
			continue
		}
		if mem.covered[u.Block] {
			rep.Units[u.ID] = Kept
			rep.Kept++
			continue
		}
		// A re-translated block may still hold unchanged sentences.
		if o := take(u.Source); o != nil {
			keep(u, o)
			rep.Units[u.ID] = Kept
			rep.Kept++
			continue
		}
		fresh = append(fresh, k)
	}

	// A sentence the earlier file left untranslated has not changed when
	// its source is the same: it is translated, with no diff note.
	untranslated := map[string][]*oldUnit{}
	for _, o := range olds {
		if strings.TrimSpace(o.unit.Target) == "" {
			key := tm.Normalize(o.unit.Source)
			untranslated[key] = append(untranslated[key], o)
		}
	}
	rest := fresh[:0]
	for _, k := range fresh {
		u := &bt.Units[k]
		key := tm.Normalize(u.Source)
		if same := untranslated[key]; len(same) > 0 {
			same[0].used, untranslated[key] = true, same[1:]
			keepNotes(u, same[0].unit)
			rep.Units[u.ID] = Retranslated
			rep.Retranslated++
			continue
		}
		rest = append(rest, k)
	}
	fresh = rest

	// Pair each fresh unit with the most similar unused earlier unit.
	type cand struct {
		unit  int
		old   *oldUnit
		score float64
	}
	var cands []cand
	pat := &pattern{}
	for _, k := range fresh {
		src := tm.Normalize(bt.Units[k].Source)
		bag := newLetters(src)
		pat.set(src)
		for _, o := range olds {
			if o.used {
				continue
			}
			// Every fresh unit meets every unused earlier one, and a diff of
			// two unrelated sentences is slow: in a long article edited
			// throughout, the pairs that cannot reach minSim are left out
			// by their lengths, their letters, then their edit distance
			// (far cheaper than the diff, and never above its distance).
			if lengthBound(bag.n, o.bag.n) < minSim || bag.maxSimilarity(o.bag) < minSim || levBound(pat, o.norm, o.bag.n) < minSim {
				continue
			}
			if s := similarity(src, o.norm); s >= minSim {
				cands = append(cands, cand{k, o, s})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	paired := map[int]bool{}
	for _, c := range cands {
		if paired[c.unit] || c.old.used {
			continue
		}
		paired[c.unit] = true
		c.old.used = true
		u := &bt.Units[c.unit]
		u.Notes = append(u.Notes, NoteSourceChanged+tm.DiffText(tm.WordDiff(c.old.unit.Source, u.Source)))
		if strings.TrimSpace(c.old.unit.Target) != "" {
			u.Notes = append(u.Notes, NotePreviousTarget+c.old.unit.Target)
			if !stillGist(c.old.unit) {
				// The editor's translation, first among the candidates: a CAT
				// tool offers it as a match, to insert and correct where the
				// Arabic changed rather than to retype from the note.
				m := doc.Match{Source: c.old.unit.Source, Target: c.old.unit.Target, Score: c.score, Origin: OriginPrevious}
				u.Matches = append([]doc.Match{m}, u.Matches...)
			}
		}
		keepNotes(u, c.old.unit)
		rep.Units[u.ID] = Changed
		rep.Changed++
	}
	for _, k := range fresh {
		if !paired[k] {
			rep.Units[bt.Units[k].ID] = Added
			rep.Added++
		}
	}
	for _, o := range olds {
		if !o.used {
			rep.Deleted = append(rep.Deleted, *o.unit)
		}
	}
	return bt, rep, nil
}

// keep gives u the earlier unit's translation, state, XLIFF marks (with the
// editor's notes and the machine draft), origin and the notes of bitext that
// still hold.
func keep(u *doc.Unit, o *oldUnit) {
	o.used = true
	u.Target, u.State, u.Origin, u.XLIFF = o.unit.Target, o.unit.State, o.unit.Origin, o.unit.XLIFF
	u.Flags = nil
	u.Notes = nil // the pipeline's notes are about a target that is not kept
	for _, n := range o.unit.Notes {
		switch {
		case strings.HasPrefix(n, "glossary: "), strings.HasPrefix(n, NoteSourceChanged), strings.HasPrefix(n, NotePreviousTarget):
		case n == translate.GistNote && !stillGist(o.unit):
			// the editor replaced the gist with a translation
		default:
			u.Notes = append(u.Notes, n)
		}
	}
}

// keepNotes gives u, translated anew, the notes of the earlier unit o that
// are not bitext's (an editor's), with their author: they are about the
// sentence, which is still there. The state stays u's.
func keepNotes(u, o *doc.Unit) {
	if o.XLIFF == nil || len(o.XLIFF.Notes) == 0 {
		return
	}
	m := xliff.Marks(o.XLIFF.Version, u.State)
	m.Notes = o.XLIFF.Notes
	u.XLIFF = m
}

// stillGist reports whether the earlier unit's target is still the gist its
// file kept as the draft (approved or not).
func stillGist(u *doc.Unit) bool {
	if u.State == doc.StateGist {
		return true
	}
	m := u.XLIFF
	return m != nil && m.HasDraft && sameText(u.Target, m.Draft)
}

func sameText(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// earlier is the translate.Memory made of the earlier version's units,
// falling back to next.
type earlier struct {
	take    func(src string) *oldUnit
	next    translate.Memory
	covered map[int]bool // blocks translated from earlier units
}

func (e *earlier) BlockUnits(ctx context.Context, d *doc.Document, i int, srcLang, tgtLang string) ([]doc.Unit, error) {
	var picked []*oldUnit
	units, err := tm.CoverBlock(ctx, d, i, func(ctx context.Context, src string) (tm.Found, bool, error) {
		o := e.take(src)
		if o == nil {
			return tm.Found{}, false, nil
		}
		picked = append(picked, o)
		return tm.Found{Target: o.unit.Target, State: o.unit.State, Origin: o.unit.Origin}, true, nil
	})
	if err != nil {
		return nil, err
	}
	if units != nil {
		if e.covered == nil {
			e.covered = map[int]bool{}
		}
		e.covered[i] = true
		// Every successful lookup became a unit, in order.
		for k := range units {
			keep(&units[k], picked[k])
		}
		return units, nil
	}
	if e.next != nil {
		return e.next.BlockUnits(ctx, d, i, srcLang, tgtLang)
	}
	return nil, nil
}

func similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len([]rune(a)), len([]rune(b))
	longer := max(la, lb)
	if longer == 0 {
		return 1
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: a score must not depend on how busy the machine is
	return 1 - float64(dmp.DiffLevenshtein(dmp.DiffMain(a, b, false)))/float64(longer)
}

// lengthBound is an upper bound of similarity between texts of m and n
// letters: the difference is at least that many edits. (Every bound is
// written as similarity is, one less a distance over the length, so that
// rounding never puts a bound below the similarity it stands for.)
func lengthBound(m, n int) float64 {
	if longer := max(m, n); longer > 0 {
		return 1 - float64(longer-min(m, n))/float64(longer)
	}
	return 1
}

// levBound is an upper bound of similarity between p's text and t, of tLen
// letters: the diff
// similarity scores is an edit script whose every run of insertions and
// deletions costs its longer side, so it costs at least the edit distance.
func levBound(p *pattern, t string, tLen int) float64 {
	longer := max(p.n, tLen)
	if longer == 0 {
		return 1
	}
	return 1 - float64(p.levenshtein(t))/float64(longer)
}

// Summary is a one-line account of the report, saying how many deleted
// units held an editor's work.
func (r *Report) Summary() string {
	s := fmt.Sprintf("%d kept, ", r.Kept)
	if r.Retranslated > 0 {
		s += fmt.Sprintf("%d untranslated before, ", r.Retranslated)
	}
	s += fmt.Sprintf("%d changed, %d added, %d deleted", r.Changed, r.Added, len(r.Deleted))
	if n := r.DeletedWork(); n > 0 {
		s += fmt.Sprintf(" (%d of them reviewed or approved by the editor)", n)
	}
	return s
}

// DeletedWork is the number of deleted units whose target an editor had
// reviewed or approved: work that the new version no longer holds.
func (r *Report) DeletedWork() int {
	n := 0
	for _, u := range r.Deleted {
		if u.State == doc.StateReviewed || u.State == doc.StateFinal {
			n++
		}
	}
	return n
}

// Earlier turns a reviewed XLIFF file into the earlier version's units for
// Run: every unit with its source, the editor's target, bitext's notes, a
// state (see tm.XLIFFState) and the file's own marks, which a kept unit is
// written with again: state and approval, the other notes with their author,
// the machine draft, the target's paired codes and the unit element's other
// attributes (resname); units marked translate="no" are boilerplate, and a
// target that is a copy of the source is no target.
func Earlier(f *xliff.File) *doc.Bitext {
	bt := &doc.Bitext{SourceLang: f.SourceLang, TargetLang: f.TargetLang, Name: f.Original, Engine: f.Engine}
	for i := range f.Units {
		u := &f.Units[i]
		state := doc.State(tm.XLIFFState(f.Version, u))
		if state == doc.StateMachine && u.HasDraft {
			// The state attribute may still be the draft's: what the editor
			// did decides, as in a review.
			switch {
			case !sameText(u.Target, u.Draft):
				state = doc.StateReviewed
			case u.DraftFrom == xliff.GistOrigin:
				state = doc.StateGist
			}
		}
		st, q, approved := u.EditorMarks(f.Version)
		marks := &doc.XLIFFMarks{Version: f.Version, State: st, Qualifier: q, Approved: approved,
			Draft: u.Draft, DraftOrigin: u.DraftFrom, HasDraft: u.HasDraft, TargetCodes: u.TargetCodes}
		for _, a := range u.Attrs {
			marks.Attrs = append(marks.Attrs, doc.XLIFFAttr{Space: a.Name.Space, Name: a.Name.Local, Value: a.Value})
		}
		du := doc.Unit{ID: u.ID, Kind: doc.Paragraph, Source: u.Source, Target: u.Target,
			State: state, Origin: u.DraftFrom, XLIFF: marks}
		if u.HasTarget && sameText(u.Target, u.Source) {
			// a copy of the source is what a CAT tool starts from, not a translation
			du.Target, du.State = "", doc.StateNew
		}
		for k, n := range u.Notes {
			// bitext's own notes are written again as bitext's; the others
			// keep their author
			if from := u.NoteFrom[k]; from == noteAuthor {
				du.Notes = append(du.Notes, n)
			} else {
				marks.Notes = append(marks.Notes, doc.XLIFFNote{Text: n, From: from})
			}
		}
		if len(u.MissingSegments) > 0 && strings.TrimSpace(du.Target) != "" {
			// a translation of part of the sentence is no translation of it:
			// translated again, the editor's part kept in a note
			marks.Notes = append(marks.Notes, doc.XLIFFNote{From: noteAuthor, Text: xliff.PartNote(u.MissingSegments, du.Target)})
			du.Target, du.State = "", doc.StateNew
		}
		if !u.Translate {
			du.Kind = doc.Boilerplate
		}
		bt.Units = append(bt.Units, du)
	}
	return bt
}
