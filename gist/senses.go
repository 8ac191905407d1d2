package gist

import (
	"bufio"
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"bitext/arabic"
)

// senses collects every English gloss an outside dictionary gives each
// headword, so that the gloss kept is chosen among all of them rather than
// being the first listed: FreeDict lists a headword's glosses in alphabetical
// order (ممتاز "A1 | A-one | … | Excellent"), so the first is no better a
// sense than any other.
type senses struct {
	order   []string            // folded headwords, first seen first
	glosses map[string][]string // folded headword → cleaned glosses, in the dictionary's order
	article map[string]bool     // headwords written with the article ال
	// headwords whose glosses all read as a verb's third person present
	presentGlosses map[string]bool
}

// newSenses makes room for about n headwords: the maps of a whole
// dictionary would otherwise be rebuilt many times as they grow.
func newSenses(n int) *senses {
	return &senses{order: make([]string, 0, n), glosses: make(map[string][]string, n), article: map[string]bool{}, presentGlosses: map[string]bool{}}
}

// add records the glosses of one headword (raw, as the dictionary spells it).
func (s *senses) add(head string, glosses []string) {
	k := arabic.Fold(strings.TrimSpace(head))
	if k == "" {
		return
	}
	old, seen := s.glosses[k]
	if !seen {
		s.order = append(s.order, k)
	}
	for _, g := range glosses {
		if g = cleanGloss(g); g != "" {
			old = append(old, g)
		}
	}
	s.glosses[k] = old
	if strings.HasPrefix(k, "ال") && writtenWithArticle(head) {
		s.article[k] = true
	}
}

// writtenWithArticle reports whether head starts with the letters ال (not
// أل or إل, which fold the same), diacritics aside.
func writtenWithArticle(head string) bool {
	want := []rune{'ا', 'ل'}
	for _, r := range strings.TrimSpace(head) {
		if isDiacritic(r) {
			continue
		}
		if r != want[0] {
			return false
		}
		if want = want[1:]; len(want) == 0 {
			return true
		}
	}
	return false
}

// into adds each headword to l with its best gloss. A headword written with
// the article (الدقة) is also entered without it (دقة) when the dictionary
// has no entry of its own for the bare word: the engine takes the article
// off words itself and looks up the stem, which FreeDict often lists only
// with the article.
func (s *senses) into(l *Lexicon) {
	if len(l.words) == 0 {
		l.words = make(map[string]Entry, len(s.order)+len(s.article))
	}
	for _, k := range s.order {
		if strings.HasPrefix(k, "ي") && allPresent(s.glosses[k]) {
			s.presentGlosses[k] = true
		}
		g := bestGloss(s.glosses[k])
		s.glosses[k] = append(s.glosses[k][:0], g)
		if g != "" {
			l.addWord(k, Entry{Gloss: g})
		}
	}
	for _, k := range s.order {
		if stem, ok := s.presentStem(k); ok {
			g := s.glosses[k][0]
			l.AddPresent(stem, Entry{Gloss: g, Present: g, POS: Verb})
		}
		if !s.article[k] {
			continue
		}
		bare := strings.TrimPrefix(k, "ال")
		if utf8.RuneCountInString(bare) < 3 {
			continue
		}
		if _, has := s.glosses[bare]; has {
			continue
		}
		if g := s.glosses[k][0]; g != "" {
			l.addWord(bare, Entry{Gloss: g})
		}
	}
}

// presentStem returns the present-tense stem of a headword that is a verb in
// the third person present (يهاجر "migrates"): it starts with ي and every
// gloss is one English word in -s. The engine then reads the verb's other
// persons and moods too (تهاجر, سيهاجرون). Call it once glosses holds the
// chosen gloss only.
func (s *senses) presentStem(k string) (string, bool) {
	stem, ok := strings.CutPrefix(k, "ي")
	if !ok || utf8.RuneCountInString(stem) < 3 || !s.presentGlosses[k] {
		return "", false
	}
	return stem, true
}

// allPresent reports whether every gloss is a single English word in -s
// (not -ss): the third person present of a verb.
func allPresent(gs []string) bool {
	for _, g := range gs {
		if len(g) < 3 || g[len(g)-1] != 's' || g[len(g)-2] == 's' || g[len(g)-2] == 'u' {
			return false
		}
		for _, r := range g {
			if r < 'A' || r > 'z' || r > 'Z' && r < 'a' {
				return false
			}
		}
	}
	return len(gs) > 0
}

// bestGloss picks the gloss a reader most likely needs: a word the built-in
// list uses (its English is everyday news English) before a rarer one, and
// the plain form of a word before its derived forms (raw before rawer and
// rawest); codes such as A1 come last. On equal terms the dictionary's order
// decides.
func bestGloss(gs []string) string {
	switch len(gs) {
	case 0:
		return ""
	case 1:
		return gs[0]
	}
	lower := make([]string, len(gs))
	codes := make([]bool, len(gs))
	for i, g := range gs {
		lower[i], codes[i] = strings.ToLower(g), code(g)
	}
	best, bestScore := 0, -1<<30
	for i, g := range lower {
		score := 0
		if commonEnglish(g) {
			score += 4
		}
		if codes[i] {
			score -= 8
		}
		for j, h := range lower {
			if j != i && !codes[j] && derivedFrom(g, h) {
				score -= 2
				break
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return gs[best]
}

// derivedFrom reports whether the lower-case g looks like a derived form of
// the shorter word h: it starts with h less h's last letter (rawest, raw;
// oldish, old). A plural is not taken as derived: the Arabic can
// be a plural too.
func derivedFrom(g, h string) bool {
	if len(h) < 3 || len(g) <= len(h) || g[:len(h)-1] != h[:len(h)-1] || strings.IndexByte(g, ' ') >= 0 {
		return false
	}
	return g != h+"s" && g != pluralise(h)
}

// code reports whether g is an acronym or a code rather than a word: ATTN,
// A1, A-one.
func code(g string) bool {
	upper, letters := 0, 0
	for _, r := range g {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLetter(r):
			letters++
		case r != ' ' && r != '\'':
			return true
		}
	}
	return letters > 1 && upper == letters
}

// commonEnglish reports whether every word of the lower-case g occurs in the English of the
// built-in list.
func commonEnglish(g string) bool {
	v := coreEnglish()
	if v[g] {
		return true
	}
	if strings.IndexByte(g, ' ') < 0 {
		return false
	}
	for _, w := range strings.Fields(g) {
		if !v[w] {
			return false
		}
	}
	return true
}

// coreEnglish is the set of English words in the built-in list's glosses.
var coreEnglish = sync.OnceValue(func() map[string]bool {
	v := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(coreTSV))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(f[1]), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			v[w] = true
		}
	}
	return v
})
