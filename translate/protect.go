package translate

import (
	"sort"
	"strconv"
	"strings"

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
