package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/arabic"
)

// Hit is one glossary term found in a text. Offsets are bytes into the text given to Match.
type Hit struct {
	Start     int    // start of the surface form, clitic included
	End       int    // end of the surface form
	StemStart int    // start of the term itself, after the clitic
	Clitic    string // the proclitic glued to the term ("" when none)
	Entry     *Entry
}

// Matcher finds glossary terms in text.
type Matcher struct {
	forms []form // longest first
}

type form struct {
	folded []string // the term's folded words
	entry  *Entry
}

// proclitics that may be glued to a name, longest first.
var proclitics = []string{"وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"}

// NewMatcher prepares g for matching.
func NewMatcher(g *Glossary) *Matcher {
	m := &Matcher{}
	for _, e := range g.Entries {
		for _, s := range append([]string{e.Ar}, e.Variants...) {
			m.forms = append(m.forms, form{folded: strings.Fields(arabic.Fold(s)), entry: e})
		}
	}
	sort.SliceStable(m.forms, func(i, j int) bool { return len(m.forms[i].folded) > len(m.forms[j].folded) })
	return m
}

type token struct {
	start, end int
	folded     string
}

func tokens(text string) []token {
	var out []token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r2) {
				break
			}
			j += n2
		}
		out = append(out, token{start: i, end: j, folded: arabic.Fold(text[i:j])})
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 'ـ'
}

// Match returns the hits in text, in text order, longest match first and without overlaps.
func (m *Matcher) Match(text string) []Hit {
	toks := tokens(text)
	var hits []Hit
	for i := 0; i < len(toks); {
		matched := false
		for _, f := range m.forms {
			if i+len(f.folded) > len(toks) {
				continue
			}
			clitic, ok := matchFirst(toks[i].folded, f.folded[0])
			if !ok {
				continue
			}
			all := true
			for k := 1; k < len(f.folded); k++ {
				if toks[i+k].folded != f.folded[k] {
					all = false
					break
				}
			}
			if !all {
				continue
			}
			last := toks[i+len(f.folded)-1]
			stem := toks[i].start + len(cliticSurface(text[toks[i].start:], clitic))
			hits = append(hits, Hit{Start: toks[i].start, End: last.end, StemStart: stem, Clitic: text[toks[i].start:stem], Entry: f.entry})
			i += len(f.folded)
			matched = true
			break
		}
		if !matched {
			i++
		}
	}
	return hits
}

// matchFirst reports whether tok is word, possibly with a proclitic, and returns the folded clitic.
func matchFirst(tok, word string) (string, bool) {
	if tok == word {
		return "", true
	}
	for _, p := range proclitics {
		if strings.HasPrefix(tok, p) && tok[len(p):] == word {
			return p, true
		}
		// ل + ال contracts to لل: للصين is ل + الصين.
		if strings.HasSuffix(p, "لل") && strings.HasPrefix(word, "ال") && strings.HasPrefix(tok, p) && tok[len(p):] == word[len("ال"):] {
			return p[:len(p)-len("ل")], true
		}
	}
	return "", false
}

// cliticSurface returns the prefix of s that folds to clitic.
func cliticSurface(s, clitic string) string {
	if clitic == "" {
		return ""
	}
	n := 0
	for i, r := range s {
		if n >= utf8.RuneCountInString(clitic) {
			return s[:i]
		}
		if arabic.FoldRune(r) >= 0 {
			n++
		}
	}
	return s
}
