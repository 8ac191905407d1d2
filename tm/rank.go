package tm

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"bitext/doc"
	"bitext/tmx"
)

// PropFlag is the TMX property type of a unit's flags, as align writes the
// low-confidence flag of an uncertain pair and the number-mismatch flag of a
// pair whose figures differ.
const PropFlag = "x-flag"

// LowConfidence reports whether the entry is a pair an aligner flagged as
// uncertain that no editor has approved since.
func (e *Entry) LowConfidence() bool {
	return !approved(e.State) && e.TMX != nil && lowConfidence(e.TMX.Props)
}

// NumberMismatch reports whether the entry is a pair an aligner flagged as
// giving other figures than its source (another toll, another date) that no
// editor has approved since: imported only when asked for, it is offered
// last.
func (e *Entry) NumberMismatch() bool {
	return !approved(e.State) && e.TMX != nil && flagged(e.TMX.Props, doc.FlagNumberMismatch)
}

// lowConfidence reports whether TMX properties flag a pair as uncertain.
func lowConfidence(props []tmx.Prop) bool {
	return flagged(props, doc.FlagLowConfidence)
}

// flagged reports whether TMX properties give a pair flag f.
func flagged(props []tmx.Prop, f doc.Flag) bool {
	for _, p := range props {
		if p.Type == PropFlag && p.Value == string(f) {
			return true
		}
	}
	return false
}

// approved reports whether an entry's state says an editor approved it.
func approved(state string) bool {
	return state == string(doc.StateFinal) || state == string(doc.StateReviewed)
}

// trust ranks how far an entry can be trusted: what an editor approved
// (final above reviewed), then the rest, and last the pairs an aligner
// flagged as uncertain or as giving other figures than their source.
func trust(e *Entry) int {
	switch {
	case e.State == string(doc.StateFinal):
		return 3
	case e.State == string(doc.StateReviewed):
		return 2
	case e.LowConfidence() || e.NumberMismatch():
		return 0
	}
	return 1
}

// compareMatches orders the pairs a lookup finds, best first, for every
// lookup alike (translate's exact matches, its candidates, tm lookup): the
// higher score, then the more trusted, then the newer, then the one stored
// last. Among the pairs of one source the editor's final one comes first;
// a closer match comes before a more trusted but less similar one, as CAT
// tools list them.
func compareMatches(a *Entry, aScore float64, b *Entry, bScore float64) int {
	if c := cmp.Compare(bScore, aScore); c != 0 {
		return c
	}
	if c := cmp.Compare(trust(b), trust(a)); c != 0 {
		return c
	}
	if c := newest(b).Compare(newest(a)); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

// newest is when the entry was last changed, else when it was made.
func newest(e *Entry) time.Time {
	if e.Changed.IsZero() {
		return e.Created
	}
	return e.Changed
}

// sameText reports whether a stored source is the looked-up text itself,
// white space aside, not only the same once folded (another hamza, ى for
// ي, diacritics): a lookup lists such a pair before those that are only
// alike when folded.
func sameText(stored, query string) bool {
	return strings.Join(strings.Fields(stored), " ") == strings.Join(strings.Fields(query), " ")
}

// preferSame moves the entries whose source is the query itself, white space
// aside, before those that equal it only once folded, keeping each group's
// order.
func preferSame(es []Entry, query string) {
	slices.SortStableFunc(es, func(a, b Entry) int { return compareSame(a.Source, b.Source, query) })
}

// compareSame orders a before b when a is the query itself and b is not.
func compareSame(a, b, query string) int {
	sa, sb := sameText(a, query), sameText(b, query)
	switch {
	case sa && !sb:
		return -1
	case sb && !sa:
		return 1
	}
	return 0
}
