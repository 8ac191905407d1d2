package review

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"bitext/doc"
	"bitext/xliff"
)

// Shift is a unit whose reviewed target holds the translation of a
// neighbouring unit: the translator put the English of two sentences into
// one unit, or moved every translation one unit up (after deleting one) or
// down (after adding one). The page would print English beside the wrong
// Arabic.
type Shift struct {
	Unit      string `json:"unit"`                 // the unit whose target is wrong
	Line      int    `json:"line,omitempty"`       // its line in the reviewed file
	Other     string `json:"other_unit"`           // the unit whose translation is here
	OtherLine int    `json:"other_line,omitempty"` // the other unit's line in the reviewed file
	// Before is true when the other unit comes before this one (translations
	// moved down), false when it comes after (moved up, or joined).
	Before bool `json:"other_before,omitempty"`
	// Own is true when the target also holds its own unit's translation
	// (two sentences in one unit); false when it holds only the other one's.
	Own bool `json:"keeps_own"`
	// Evidence is the share of the words only the other unit's draft has
	// that turn up in this unit's target, and in the other unit's own target.
	Evidence      float64 `json:"other_draft_words_here"`
	OtherEvidence float64 `json:"other_draft_words_there"`      // that share in the other unit's own target
	OtherEmpty    bool    `json:"other_untranslated,omitempty"` // the other unit has no target
}

// Message says what is wrong in the editor's words, naming both units.
func (s Shift) Message() string {
	which := "next"
	if s.Before {
		which = "previous"
	}
	what := "the translation of the " + which + " unit"
	if s.Own {
		what = "its own translation and that of the " + which + " unit"
	}
	there := fmt.Sprintf("%.0f%% in its own target", 100*s.OtherEvidence)
	if s.OtherEmpty {
		there = "and it has no target"
	}
	return fmt.Sprintf("the target holds %s, %s (line %d): %.0f%% of the words only that unit's machine draft has are here, %s; put each sentence's English in its own unit",
		what, s.Other, s.OtherLine, 100*s.Evidence, there)
}

// Thresholds of the shift check. A draft needs minShiftWords words of its
// own (absent from the neighbouring draft) to be told apart at all; a target
// holds a draft's sentence when it has shiftCover of those words, and at
// least minShiftHits of them. The share in the unit the words belong to must
// not beat it by shiftMargin. On the sample article with gist drafts, a
// newsroom's English (rewritten, halved, reordered) holds at most 7% of the
// next draft's own words; the next sentence's English 44% to 92%.
const (
	minShiftWords = 4
	minShiftHits  = 3
	shiftCover    = 0.3
	shiftMargin   = 0.15
)

// Shifts finds, among consecutive translatable units with machine drafts,
// each unit whose target holds the sentence that a neighbour's draft
// translates: the next unit's (translations moved up, or two in one unit)
// or, failing that, the previous unit's (moved down). Words shared by the
// two drafts (names, the topic) are left out: only the words that tell one
// sentence from the other count, so an edit within a unit, however heavy,
// takes none of them in. A unit left as its draft never counts, nor does a
// target that holds the neighbour's words no more than the neighbour's own
// target does by a margin.
func Shifts(units []xliff.ReviewedUnit) []Shift {
	var out []Shift
	flagged := map[int]bool{}
	for i := 0; i+1 < len(units); i++ {
		if s, ok := shiftFrom(&units[i], &units[i+1]); ok {
			out = append(out, s)
			flagged[i] = true
		}
	}
	for i := 1; i < len(units); i++ {
		// A unit already found holding the next one's sentence, or whose
		// own sentence moved up into the unit before, is told once.
		if flagged[i] || flagged[i-1] {
			continue
		}
		if s, ok := shiftFrom(&units[i], &units[i-1]); ok {
			s.Before = true
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Line < out[b].Line })
	return out
}

// shiftFrom reports whether u's target holds the sentence of its neighbour
// o, judged by the words only o's draft has.
func shiftFrom(u, o *xliff.ReviewedUnit) (Shift, bool) {
	if !shiftable(u) || !shiftable(o) || u.Untranslated || !u.Edited {
		return Shift{}, false
	}
	du, do := contentWords(u.Draft), contentWords(o.Draft)
	otherOnly, ownOnly := minus(do, du), minus(du, do)
	if len(otherOnly) < minShiftWords {
		return Shift{}, false
	}
	tu := contentWords(u.Target)
	here := cover(tu, otherOnly)
	there := 0.0
	if !o.Untranslated {
		there = cover(contentWords(o.Target), otherOnly)
	}
	if here < shiftCover || here*float64(len(otherOnly)) < minShiftHits-0.5 || there > here+shiftMargin {
		return Shift{}, false
	}
	return Shift{Unit: u.ID, Line: u.Line, Other: o.ID, OtherLine: o.Line,
		Own: len(ownOnly) >= minShiftWords && cover(tu, ownOnly) >= shiftCover, Evidence: here, OtherEvidence: there, OtherEmpty: o.Untranslated}, true
}

// shiftable is a translatable unit with a machine draft, in its own place.
func shiftable(u *xliff.ReviewedUnit) bool {
	return u.Kind != doc.Boilerplate && u.MergedInto == "" && u.HasDraft && u.Draft != ""
}

// stopWords are English words too common to tell one sentence from another.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of in on at to for from by with about as into over
	after before than that this these those it its he she his her him they them their we our you your
	is are was were be been being has have had will would can could may might must should shall do does did
	not no nor so if then there here which who whom whose what when where while also said says say told
	mr mrs ms one two`) {
		stopWords[w] = true
	}
}

// contentWords is the set of word stems of an English text less the stop
// words. A stem is the first five letters, lower-cased, so that the
// editor's "warns" meets the draft's "warned"; digits count as words, as
// the dates and figures of a sentence tell it apart.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if stopWords[w] || (len([]rune(w)) < 3 && !unicode.IsDigit([]rune(w)[0])) {
			continue
		}
		if r := []rune(w); len(r) > 5 {
			w = string(r[:5])
		}
		out[w] = true
	}
	return out
}

func minus(a, b map[string]bool) map[string]bool {
	out := map[string]bool{}
	for w := range a {
		if !b[w] {
			out[w] = true
		}
	}
	return out
}

// cover is the share of words that text holds.
func cover(text, words map[string]bool) float64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for w := range words {
		if text[w] {
			n++
		}
	}
	return float64(n) / float64(len(words))
}
