package translate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"bitext/align"
	"bitext/doc"
	"bitext/figures"
	"bitext/glossary"
	"bitext/segment"
)

// Batches cuts segs into [start, end) runs that respect lim. A segment larger
// than the limits alone goes in a batch of its own.
func Batches(segs []Segment, lim Limits) [][2]int {
	var out [][2]int
	start, chars := 0, 0
	for i, s := range segs {
		n := utf8.RuneCountInString(s.Text)
		full := (lim.MaxItems > 0 && i-start >= lim.MaxItems) || (lim.MaxChars > 0 && chars+n > lim.MaxChars)
		if full && i > start {
			out = append(out, [2]int{start, i})
			start, chars = i, 0
		}
		chars += n
	}
	if start < len(segs) {
		out = append(out, [2]int{start, len(segs)})
	}
	return out
}

// blockHits finds glossary terms in every block, with offsets into d.Source.
func blockHits(d *doc.Document, m *glossary.Matcher) [][]doc.TermHit {
	out := make([][]doc.TermHit, len(d.Blocks))
	if m == nil {
		return out
	}
	for i, b := range d.Blocks {
		if b.Kind == doc.Boilerplate {
			continue
		}
		for _, h := range m.MatchIn(d.Text(i), d.Source) {
			e := h.Entry
			out[i] = append(out[i], doc.TermHit{
				Start: b.Start + h.Start, End: b.Start + h.End, StemStart: b.Start + h.StemStart,
				Surface: d.Source[b.Start+h.Start : b.Start+h.End], Clitic: h.Clitic,
				Ar: e.Ar, En: e.En, Type: e.Type, Note: e.Note, NoTranslate: !e.Translatable(),
			})
		}
	}
	return out
}

// GistNote is the note on every unit whose target is a word-by-word gist.
const GistNote = doc.GistNote

// isGist reports whether eng says its output is a word-by-word gist rather
// than a translation (see gist.Engine); its units get doc.StateGist.
func isGist(eng Engine) bool {
	g, ok := eng.(interface{ Gist() bool })
	return ok && g.Gist()
}

// blockUnits pairs the source sentences of block i with the sentences of its
// translation. When the translation has one line for each line of the block,
// as the pipeline sends them, lines are paired first: no unit spans a line
// break, so a list item or a heading line stays a unit of its own.
func blockUnits(d *doc.Document, i int, target, tgtLang, engine string, gist bool) []doc.Unit {
	b := d.Blocks[i]
	src := make([]string, len(b.Segments))
	for k, s := range b.Segments {
		src[k] = s.Text
	}
	lines := sourceLines(d.Source, b.Segments)
	tgtLines := strings.Split(target, "\n")
	if len(lines) < 2 || len(tgtLines) != len(lines) || b.Wrapped {
		target = strings.TrimSpace(target)
		all := make([]int, len(src))
		for k := range all {
			all[k] = k
		}
		return alignUnits(i, b.Kind, src, all, target, tgtLang, engine, gist)
	}
	var units []doc.Unit
	for l, idx := range lines {
		units = append(units, alignUnits(i, b.Kind, src, idx, strings.TrimSpace(tgtLines[l]), tgtLang, engine, gist)...)
	}
	return units
}

// sourceLines groups the indexes of segs by the line they are on: a line
// break in the text between two segments starts a new group.
func sourceLines(source string, segs []doc.Segment) [][]int {
	var out [][]int
	for k, s := range segs {
		if k == 0 || strings.ContainsFunc(source[segs[k-1].End:s.Start], isLineBreak) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], k)
	}
	return out
}

// alignUnits pairs the source sentences src[idx...] of block i with the
// sentences of target, their translation.
func alignUnits(i int, kind doc.Kind, src []string, idx []int, target, tgtLang, engine string, gist bool) []doc.Unit {
	unit := func(segIdx []int) doc.Unit {
		u := doc.Unit{Block: i, Kind: kind, Segments: segIdx, State: doc.StateNew}
		parts := make([]string, len(segIdx))
		for k, s := range segIdx {
			parts[k] = src[s]
		}
		u.Source = strings.Join(parts, " ")
		return u
	}
	if target == "" {
		units := make([]doc.Unit, len(idx))
		for k, s := range idx {
			units[k] = unit([]int{s})
			if kind != doc.Boilerplate {
				units[k].AddFlag(doc.FlagUntranslated)
			}
		}
		return units
	}
	lineSrc := make([]string, len(idx))
	for k, s := range idx {
		lineSrc[k] = src[s]
	}
	var tgt []string
	for _, s := range segment.Sentences(target, tgtLang) {
		tgt = append(tgt, s.Text)
	}
	var beads []align.Bead
	if gist && len(tgt) == len(lineSrc) {
		// The gist glosses sentence by sentence, each starting with a
		// capital: as many sentences as the Arabic means each is its own
		// sentence's gloss. The aligner's length model expects a
		// translation, not a gloss half as long again, and would pair them
		// one sentence off.
		beads = make([]align.Bead, len(tgt))
		for k := range beads {
			beads[k] = align.Bead{Source: []int{k}, Target: []int{k}, Confidence: 1}
		}
	} else {
		beads = align.Sentences(lineSrc, tgt, align.Options{})
	}
	var units []doc.Unit
	var pending []string // target sentences with no source partner, joined to the next unit
	for _, bead := range beads {
		var parts []string
		for _, t := range bead.Target {
			parts = append(parts, tgt[t])
		}
		if len(bead.Source) == 0 {
			if len(units) > 0 {
				last := &units[len(units)-1]
				last.Target = strings.TrimSpace(last.Target + " " + strings.Join(parts, " "))
			} else {
				pending = append(pending, parts...)
			}
			continue
		}
		segIdx := make([]int, len(bead.Source))
		for k, s := range bead.Source {
			segIdx[k] = idx[s]
		}
		u := unit(segIdx)
		u.Target = strings.Join(append(pending, parts...), " ")
		pending = nil
		u.Confidence = bead.Confidence
		if u.Target != "" {
			u.State, u.Origin = doc.StateMachine, engine
			if gist {
				u.State = doc.StateGist
				u.Notes = append(u.Notes, GistNote)
			}
		} else {
			u.AddFlag(doc.FlagUntranslated)
		}
		units = append(units, u)
	}
	return units
}

// scripts are the writing systems whose letters inSourceScript counts, by
// their ISO 15924 code.
var scripts = map[string]*unicode.RangeTable{
	"Arab": unicode.Arabic, "Latn": unicode.Latin, "Cyrl": unicode.Cyrillic, "Hebr": unicode.Hebrew,
	"Grek": unicode.Greek, "Hans": unicode.Han, "Hant": unicode.Han, "Deva": unicode.Devanagari,
}

// inSourceScript reports whether most letters of target are in the script
// of the source language, when the target language is written in another:
// the engine echoed the text, or answered in the wrong language.
func inSourceScript(target, srcLang, tgtLang string) bool {
	ss, _ := language.Make(srcLang).Script()
	ts, _ := language.Make(tgtLang).Script()
	table := scripts[ss.String()]
	if table == nil || ss == ts || target == "" {
		return false
	}
	letters, in := 0, 0
	for _, c := range target {
		if unicode.IsLetter(c) {
			letters++
			if unicode.Is(table, c) {
				in++
			}
		}
	}
	return in*2 > letters
}

// otherLanguage names the language a unit's answer is written in when the
// target is English and the answer reads as another language in the same
// script: mostly the little words of French, Spanish or German, few of
// English. "" when it reads as English or is too short to tell.
func otherLanguage(target, tgtLang string) string {
	if b, _ := language.Make(tgtLang).Base(); b.String() != "en" {
		return ""
	}
	words := strings.FieldsFunc(strings.ToLower(target), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) < 6 {
		return ""
	}
	english := 0
	counts := map[string]int{}
	for _, w := range words {
		if englishWords[w] {
			english++
		}
		if l := otherWords[w]; l != "" {
			counts[l]++
		}
	}
	for l, n := range counts {
		if n >= 3 && n > 2*english {
			return l
		}
	}
	return ""
}

// englishWords are English function words; otherWords those of the
// languages an engine answers in by mistake, none of them English words.
var (
	englishWords = setOfWords("the of and to in a is that for on with was said by as at from it his her their has have be are were will not this which an")
	otherWords   = func() map[string]string {
		m := map[string]string{}
		for lang, ws := range map[string]string{
			"French":  "le la les des du et est une dans pour que qui sur avec pas au aux ce cette sont été il elle",
			"Spanish": "el los las del y en que por una es con para su al lo como más pero sus fue",
			"German":  "der die das und ist nicht mit von zu den dem des ein eine auf für sich wurde auch",
		} {
			for _, w := range strings.Fields(ws) {
				if m[w] == "" {
					m[w] = lang
				}
			}
		}
		return m
	}()
)

func setOfWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// withoutKept is target without the glossary names that its terms keep in
// the source's own writing (translate: false, no English form): they are
// meant to be there, and say nothing of the language of the rest.
func withoutKept(target string, terms []doc.TermHit) string {
	for _, h := range terms {
		if h.En == "" {
			target = strings.ReplaceAll(target, h.Ar, " ")
			if h.StemStart >= h.Start && h.StemStart-h.Start <= len(h.Surface) {
				target = strings.ReplaceAll(target, h.Surface[h.StemStart-h.Start:], " ")
			}
		}
	}
	return target
}

// termsIn returns the hits that fall inside the unit's source segments.
func termsIn(hits []doc.TermHit, b doc.Block, segIdx []int) []doc.TermHit {
	out := []doc.TermHit{}
	for _, h := range hits {
		for _, s := range segIdx {
			if h.Start >= b.Segments[s].Start && h.End <= b.Segments[s].End {
				out = append(out, h)
				break
			}
		}
	}
	return out
}

// checkTerms flags a unit whose target lacks the English rendering of one of
// its source terms, notes each term for the translator and returns the number
// of terms missing.
func checkTerms(u *doc.Unit) int {
	missing := 0
	for _, h := range u.Terms {
		want := h.En
		if want == "" {
			want = h.Ar
		}
		u.Notes = append(u.Notes, fmt.Sprintf("glossary: %s → %s", h.Surface, want))
		// Whole words, as review and publish check: "Kim" is not in "Kimberly".
		ok := doc.ContainsTerm(u.Target, want)
		if h.En == "" && h.StemStart >= h.Start && h.StemStart-h.Start <= len(h.Surface) {
			ok = ok || doc.ContainsTerm(u.Target, h.Surface[h.StemStart-h.Start:])
		}
		if u.Target != "" && !ok {
			u.AddFlag(doc.FlagGlossaryViolation)
			u.Notes = append(u.Notes, fmt.Sprintf("glossary violation: %q is not in the translation", want))
			missing++
		}
	}
	return missing
}

// checkNumbers flags a unit whose target lacks a number of its source, or
// has one the source lacks, with a note for each, and reports whether it
// did. A unit with no target has nothing to check. The notes and flag of an
// earlier check (a unit kept from the editor's file by --update) go first:
// they may be fixed, and would come twice.
func checkNumbers(u *doc.Unit) bool {
	var ms []figures.Mismatch
	if u.Target != "" && u.Kind != doc.Boilerplate {
		ms = figures.Check(u.Source, u.Target)
	}
	figures.Mark(u, ms)
	return len(ms) > 0
}

// AssignIDs gives every unit an id derived from its source text, so that ids
// stay the same when paragraphs are inserted elsewhere; repeated texts get a
// numbered suffix in document order.
func AssignIDs(units []doc.Unit) {
	seen := map[string]int{}
	for k := range units {
		sum := sha256.Sum256([]byte(strings.TrimSpace(units[k].Source)))
		id := "u" + hex.EncodeToString(sum[:6])
		seen[id]++
		if n := seen[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		units[k].ID = id
	}
}
