package translate

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/doc"
)

// Mode says how protected spans are written into the text sent to an engine.
type Mode int

// Protection modes.
const (
	// ModeNamed writes ⟦n:English name⟧, so that the engine sees the name and
	// can build the sentence around it.
	ModeNamed Mode = iota
	// ModeBare writes ⟦n⟧ alone: nothing inside for the engine to translate or
	// drop. Used for the retry when the named placeholders came back damaged.
	ModeBare
)

// Placeholder is one protected span of a segment.
type Placeholder struct {
	N       int    // 1-based number within the segment
	Target  string // the text that replaces it in the translation
	Surface string // the source text it stands for
}

// tokenRE finds placeholders in engine output.
var tokenRE = doc.PlaceholderToken

// Protect replaces every glossary hit in text (offsets relative to text) by a
// placeholder and returns the text to send and the placeholders. A proclitic
// glued to a term (و in وبوتين) stays in the text as a word of its own, for the
// engine to translate. Overlapping hits keep the first.
func Protect(text string, hits []doc.TermHit, base int, mode Mode) (string, []Placeholder) {
	hs := append([]doc.TermHit(nil), hits...)
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].Start < hs[j].Start })
	var b strings.Builder
	var phs []Placeholder
	prev := 0
	for _, h := range hs {
		start, stem, end := h.Start-base, h.StemStart-base, h.End-base
		if start < prev || end > len(text) || stem < start || stem > end {
			continue
		}
		if stem == start && h.Clitic != "" {
			stem = start + len(h.Clitic)
		}
		ph := Placeholder{N: len(phs) + 1, Target: h.En, Surface: text[stem:end]}
		if ph.Target == "" { // kept as it is (translate: false without an English form)
			ph.Target = ph.Surface
		}
		b.WriteString(plain(text[prev:start]))
		if stem > start {
			b.WriteString(text[start:stem])
			b.WriteByte(' ')
		}
		b.WriteString(ph.token(mode))
		phs = append(phs, ph)
		prev = end
	}
	b.WriteString(plain(text[prev:]))
	return b.String(), phs
}

// plain turns the placeholder brackets that the text itself may hold into
// ordinary ones, so that only our placeholders use them.
var plain = strings.NewReplacer("⟦", "[", "⟧", "]").Replace

func (p Placeholder) token(mode Mode) string {
	if mode == ModeBare {
		return "⟦" + strconv.Itoa(p.N) + "⟧"
	}
	return "⟦" + strconv.Itoa(p.N) + ":" + p.Target + "⟧"
}

// CheckPlaceholders reports whether out holds every placeholder exactly once
// and no other.
func CheckPlaceholders(out string, phs []Placeholder) bool {
	seen := make(map[int]int, len(phs))
	for _, m := range tokenRE.FindAllStringSubmatch(out, -1) {
		n, err := strconv.Atoi(m[1])
		if err != nil || n < 1 || n > len(phs) {
			return false
		}
		seen[n]++
	}
	if strings.ContainsAny(tokenRE.ReplaceAllString(out, ""), "⟦⟧") {
		return false // a broken token: one bracket kept, the other lost
	}
	for _, p := range phs {
		if seen[p.N] != 1 {
			return false
		}
	}
	return true
}

// mangledRE finds a named placeholder whose brackets an engine turned into
// ordinary ones: [1: Vladimir Putin].
var mangledRE = regexp.MustCompile(`\[\s*(\d+)\s*:\s*([^\[\]\n]*?)\s*\]`)

// unmangle turns the named placeholders an engine wrote with ordinary
// brackets back into tokens, when the name inside is still the one sent:
// then the bracket cannot be the article's own.
func unmangle(out string, phs []Placeholder) string {
	return mangledRE.ReplaceAllStringFunc(out, func(s string) string {
		m := mangledRE.FindStringSubmatch(s)
		n, err := strconv.Atoi(m[1])
		if err != nil || n < 1 || n > len(phs) || !strings.EqualFold(m[2], phs[n-1].Target) {
			return s
		}
		return "⟦" + m[1] + "⟧"
	})
}

// residueRE finds what is left of a placeholder whose brackets an engine
// changed ([1: Putin's], 【1:Putin】, (1)): shown to a reader, it would be
// garbage, so such an answer is damaged whatever names it holds.
var residueRE = regexp.MustCompile(`[\[(【〚〔［（]\s*\d+\s*[:：\])】〛〕］）]`)

// namesKept reports whether out, whose placeholders are not all intact,
// still gives every protected name as the glossary spells it: each
// placeholder the engine dropped left its name in the text as whole words
// (an engine that writes the names it was shown and drops the brackets).
// Unknown, repeated or broken placeholders are still damage.
func namesKept(out string, phs []Placeholder) bool {
	out = strings.ToValidUTF8(out, "\uFFFD") // as Restore reads it
	seen := map[int]int{}
	// The answer as Restore writes it, with where each kept name went: a
	// dropped name is looked for outside them, as whole words there.
	var b strings.Builder
	var spans [][2]int
	prev := 0
	for _, m := range tokenRE.FindAllStringSubmatchIndex(out, -1) {
		n, err := strconv.Atoi(out[m[2]:m[3]])
		if err != nil || n < 1 || n > len(phs) {
			return false
		}
		seen[n]++
		b.WriteString(out[prev:m[0]])
		spans = append(spans, [2]int{b.Len(), b.Len() + len(phs[n-1].Target)})
		b.WriteString(phs[n-1].Target)
		prev = m[1]
	}
	b.WriteString(out[prev:])
	if rest := tokenRE.ReplaceAllString(out, ""); strings.ContainsAny(rest, "⟦⟧") || residueRE.MatchString(rest) {
		return false
	}
	text := b.String()
	missing := map[string]int{}
	for _, p := range phs {
		switch seen[p.N] {
		case 0:
			missing[p.Target]++
		case 1:
		default:
			return false
		}
	}
	for name, n := range missing {
		if countTerm(text, name, spans) < n {
			return false
		}
	}
	return true
}

// countTerm counts the places outside skip where term stands in text as
// whole words, ignoring case.
func countTerm(text, term string, skip [][2]int) int {
	term = strings.TrimSpace(term)
	if term == "" {
		return 0
	}
	count := 0
	for from := 0; from < len(text); {
		i := indexFold(text[from:], term)
		if i < 0 {
			break
		}
		s, e := from+i, from+i+len(term)
		before, _ := utf8.DecodeLastRuneInString(text[:s])
		after, _ := utf8.DecodeRuneInString(text[e:])
		inside := slices.ContainsFunc(skip, func(sp [2]int) bool { return s < sp[1] && e > sp[0] })
		if !inside && (s == 0 || !wordRune(before)) && (e == len(text) || !wordRune(after)) {
			count++
			from = e
			continue
		}
		_, size := utf8.DecodeRuneInString(text[s:])
		from = s + size
	}
	return count
}

// indexFold is strings.Index ignoring case, for a match as long as term.
func indexFold(s, term string) int {
	for i := 0; i+len(term) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(term)], term) {
			return i
		}
	}
	return -1
}

// wordRune is a rune that continues a word, as doc.ContainsTerm sees it.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || unicode.Is(unicode.Cf, r)
}

// Restore replaces the placeholders in out by their targets. Unknown or
// repeated placeholders are dropped, so that damaged output never shows
// brackets to a reader; the caller flags it. Runs of white space become one
// space, except line breaks, which are kept: each stands for a line break of
// the source.
func Restore(out string, phs []Placeholder) string {
	used := make(map[int]bool, len(phs))
	out = strings.ToValidUTF8(out, "\uFFFD")
	s := tokenRE.ReplaceAllStringFunc(out, func(tok string) string {
		n, err := strconv.Atoi(tokenRE.FindStringSubmatch(tok)[1])
		if err != nil || n < 1 || n > len(phs) || used[n] {
			return ""
		}
		used[n] = true
		return phs[n-1].Target
	})
	s = strings.NewReplacer("⟦", "", "⟧", "").Replace(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}
