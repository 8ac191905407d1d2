package doc

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ContainsTerm reports whether text contains term as whole words, ignoring
// case: "Kim" is in "Kim's summit" but not in "Kimberly".
func ContainsTerm(text, term string) bool {
	term = strings.TrimSpace(term)
	if term == "" {
		return true
	}
	lt, lterm := strings.ToLower(text), strings.ToLower(term)
	for from := 0; from <= len(lt); {
		i := strings.Index(lt[from:], lterm)
		if i < 0 {
			return false
		}
		s, e := from+i, from+i+len(lterm)
		before, _ := utf8.DecodeLastRuneInString(lt[:s])
		after, _ := utf8.DecodeRuneInString(lt[e:])
		if (s == 0 || !termRune(before)) && (e == len(lt) || !termRune(after)) {
			return true
		}
		_, n := utf8.DecodeRuneInString(lt[s:])
		from = s + n
	}
	return false
}

// termRune is a rune that continues a word: a term found next to one is part
// of a longer word.
func termRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || unicode.Is(unicode.Cf, r)
}

// PlaceholderToken matches the token that stands for a protected glossary
// name in the text sent to an engine, ⟦1⟧ or ⟦1:Vladimir Putin⟧, with the
// spaces an engine may add inside the brackets; group 1 is its number.
var PlaceholderToken = regexp.MustCompile(`⟦\s*(\d+)\s*(?::[^⟦⟧]*)?⟧`)
