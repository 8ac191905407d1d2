package htmlpage

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"

	"bitext/doc"
)

// marked is a glossary name's byte range in a unit's source or target text.
type marked struct {
	start, end int
	term       *Term
}

// termRanges finds the unit's glossary names in its source text (from the hit
// offsets when the source document is at hand, else by searching the surface
// form) and their renderings in its target text.
func termRanges(d *doc.Document, u *doc.Unit) (src, tgt []marked) {
	offsets := segmentOffsets(d, u)
	for i := range u.Terms {
		h := &u.Terms[i]
		t := &Term{Ar: h.Ar, En: h.En, Type: h.Type, Note: h.Note, Tooltip: tooltip(h)}
		if h.Surface == "" {
			continue
		}
		start := -1
		if offsets != nil {
			for k, s := range u.Segments {
				seg := d.Blocks[u.Block].Segments[s]
				if h.Start >= seg.Start && h.End <= seg.End {
					start = offsets[k] + h.Start - seg.Start
					break
				}
			}
			if start >= 0 && (start+len(h.Surface) > len(u.Source) || u.Source[start:start+len(h.Surface)] != h.Surface) {
				start = -1
			}
		}
		if start < 0 {
			start = findFree(u.Source, h.Surface, src, false, false)
		}
		if start >= 0 && !overlaps(src, start, start+len(h.Surface)) {
			src = append(src, marked{start, start + len(h.Surface), t})
		}
		want := h.En
		if h.NoTranslate {
			want = h.Ar
		}
		if want != "" {
			if at := findFree(u.Target, want, tgt, true, true); at >= 0 {
				tgt = append(tgt, marked{at, at + len(want), t})
			}
		}
	}
	sortMarks(src)
	sortMarks(tgt)
	return src, tgt
}

// segmentOffsets returns where each of the unit's segments starts in
// u.Source, or nil when the unit's source is not the join of its segments.
func segmentOffsets(d *doc.Document, u *doc.Unit) []int {
	if d == nil || u.Block < 0 || u.Block >= len(d.Blocks) || len(u.Segments) == 0 {
		return nil
	}
	segs := d.Blocks[u.Block].Segments
	out := make([]int, len(u.Segments))
	pos := 0
	var sb strings.Builder
	for k, s := range u.Segments {
		if s < 0 || s >= len(segs) {
			return nil
		}
		if k > 0 {
			sb.WriteByte(' ')
			pos++
		}
		out[k] = pos
		sb.WriteString(segs[s].Text)
		pos += len(segs[s].Text)
	}
	if sb.String() != u.Source {
		return nil
	}
	return out
}

func tooltip(h *doc.TermHit) string {
	var sb strings.Builder
	sb.WriteString(h.En)
	if h.En != h.Ar && h.Ar != "" {
		sb.WriteString(" — ")
		sb.WriteString(h.Ar)
	}
	if h.Type != "" {
		sb.WriteString(" (" + h.Type + ")")
	}
	if h.Note != "" {
		sb.WriteString(": " + h.Note)
	}
	return sb.String()
}

// findFree returns the first occurrence of want in text that overlaps no
// range in taken, or -1. fold makes the search case-insensitive; words asks
// for whole words (not in Arabic source text, where a clitic may be glued on).
func findFree(text, want string, taken []marked, fold, words bool) int {
	if want == "" {
		return -1
	}
	for i := 0; i+len(want) <= len(text); {
		var ok bool
		if fold {
			ok = strings.EqualFold(text[i:i+len(want)], want)
		} else {
			ok = text[i:i+len(want)] == want
		}
		if ok && (!words || wordEdge(text, i, i+len(want))) && !overlaps(taken, i, i+len(want)) {
			return i
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return -1
}

// wordEdge reports whether text[start:end] is not glued to letters or digits.
func wordEdge(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func overlaps(taken []marked, start, end int) bool {
	for _, m := range taken {
		if start < m.end && m.start < end {
			return true
		}
	}
	return false
}

func sortMarks(m []marked) {
	sort.Slice(m, func(i, j int) bool { return m[i].start < m[j].start })
}

// spans cuts text into plain and marked pieces, each cut into bidi runs for a
// cell written in direction dir; the isolated runs are in language other.
func spans(text string, marks []marked, dir, other string) []Span {
	if text == "" {
		return nil
	}
	var out []Span
	pos := 0
	for _, m := range marks {
		if m.start < pos || m.end > len(text) {
			continue
		}
		if m.start > pos {
			out = append(out, Span{Runs: tagged(isolate(text[pos:m.start], dir), other)})
		}
		out = append(out, Span{Term: m.term, Runs: tagged(isolate(text[m.start:m.end], dir), other)})
		pos = m.end
	}
	if pos < len(text) {
		out = append(out, Span{Runs: tagged(isolate(text[pos:], dir), other)})
	}
	return out
}

// tagged gives the isolated runs the language lang.
func tagged(runs []Run, lang string) []Run {
	for i := range runs {
		if runs[i].Isolate {
			runs[i].Lang = lang
		}
	}
	return runs
}

// Isolate cuts text, written in a cell of direction dir ("rtl" or "ltr"),
// into runs as the page does: the runs marked Isolate are text in the other
// direction, whole tokens, to be written inside <bdi> so they keep their
// own order.
func Isolate(text, dir string) []Run { return isolate(text, dir) }

// isolate cuts text into runs, marking for isolation each stretch of text
// in the other direction (Latin in an rtl cell, Arabic or Hebrew in an ltr
// cell) that is more than one plain word: from a letter of that direction
// over its words, numbers and the neutrals between them, widened to whole
// tokens (see widen and trim). Isolated, "Windows 11", "23H2" or a URL inside
// Arabic keeps its own order and cannot pull the surrounding punctuation along.
func isolate(text, dir string) []Run {
	foreign := func(c bidi.Class) bool { return c == bidi.L }
	native := func(c bidi.Class) bool { return c == bidi.R || c == bidi.AL }
	if dir != "rtl" {
		foreign, native = native, foreign
	}
	var out []Run
	plain := 0
	for i := 0; i < len(text); {
		p, n := bidi.LookupString(text[i:])
		if n == 0 {
			n = 1
		}
		// a letter, not just a strong character: flags (regional indicators) are L too
		if r, _ := utf8.DecodeRuneInString(text[i:]); !foreign(p.Class()) || !unicode.IsLetter(r) {
			i += n
			continue
		}
		start, end := i, i+n
		for j := end; j < len(text); {
			q, m := bidi.LookupString(text[j:])
			if m == 0 {
				m = 1
			}
			c := q.Class()
			if foreign(c) || c == bidi.EN || c == bidi.AN || c == bidi.NSM {
				end = j + m
			} else if c != bidi.WS && c != bidi.CS && c != bidi.ES && c != bidi.ET && c != bidi.ON && c != bidi.BN {
				break
			}
			j += m
		}
		next := end
		start, end = widen(text, plain, start, end, native)
		start, end = trim(text, start, end)
		if end <= start || singleWord(text[start:end]) {
			// One word cannot be reordered inside itself: leave the text as written.
			i = next
			continue
		}
		if start > plain {
			out = append(out, Run{Text: text[plain:start]})
		}
		out = append(out, Run{Text: text[start:end], Isolate: true})
		plain, i = end, max(end, next)
	}
	if plain < len(text) {
		out = append(out, Run{Text: text[plain:]})
	}
	return out
}

// widen moves start back and end forward to the token's edges: over what is
// glued to the run (digits, brackets, @ and #, a URL's punctuation) up to
// white space or a letter of the cell's own direction, never before from.
// Backwards it stops at such a letter too, as at "و" in "و&amp;" (a clitic
// glued in front). Forwards, when the token runs into such a letter, the run
// grows only to its last closing bracket ("<b>" of "<b>بوتين"), so that a
// hyphen or slash between it and the native word stays between them.
func widen(text string, from, start, end int, native func(bidi.Class) bool) (int, int) {
	edge := func(r rune) bool {
		p, _ := bidi.LookupRune(r)
		return unicode.IsSpace(r) || native(p.Class())
	}
	for start > from {
		r, m := utf8.DecodeLastRuneInString(text[:start])
		if edge(r) {
			break
		}
		start -= m
	}
	e := end
	for e < len(text) {
		r, m := utf8.DecodeRuneInString(text[e:])
		if edge(r) {
			if !unicode.IsSpace(r) {
				for e > end {
					r, m := utf8.DecodeLastRuneInString(text[:e])
					if closers[r] != 0 {
						break
					}
					e -= m
				}
			}
			break
		}
		e += m
	}
	return start, e
}

// closers pairs each closing bracket or quote with its opening one.
var closers = map[rune]rune{')': '(', ']': '[', '}': '{', '>': '<', '»': '«', '”': '“'}

// trim takes off the ends of text[start:end] what belongs to the sentence
// around it rather than to the token: punctuation ending the token (not the
// ";" of an entity such as "&amp;"), and brackets or quotes whose partner is
// outside it, as the ")" of "(الإصدار 23H2)".
func trim(text string, start, end int) (int, int) {
	for end > start {
		r, m := utf8.DecodeLastRuneInString(text[start:end])
		if !strings.ContainsRune(".,:;!?…،؛؟", r) || (r == ';' && entityEnd(text[start:end-m])) {
			break
		}
		end -= m
	}
	for end > start {
		s := text[start:end]
		first, fm := utf8.DecodeRuneInString(s)
		last, lm := utf8.DecodeLastRuneInString(s)
		switch {
		case first == '"' && strings.Count(s, `"`)%2 == 1:
			start += fm
		case last == '"' && strings.Count(s, `"`)%2 == 1:
			end -= lm
		case closers[last] != 0 && strings.Count(s, string(closers[last])) < strings.Count(s, string(last)):
			end -= lm
		case isOpener(first) && strings.Count(s, string(first)) > strings.Count(s, string(closerOf(first))):
			start += fm
		default:
			return start, end
		}
	}
	return start, end
}

func isOpener(r rune) bool { return closerOf(r) != 0 }

func closerOf(open rune) rune {
	for c, o := range closers {
		if o == open {
			return c
		}
	}
	return 0
}

// entityEnd reports whether s ends with "&" and a name or number, so that a
// ";" after it closes an HTML character reference written out as text.
func entityEnd(s string) bool {
	amp := strings.LastIndexByte(s, '&')
	if amp < 0 || amp == len(s)-1 {
		return false
	}
	for _, r := range s[amp+1:] {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '#')) {
			return false
		}
	}
	return true
}

// singleWord reports whether s is letters and marks only.
func singleWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}
