// Package arabic holds the Arabic text rules shared by segmentation, glossary
// matching and alignment: letter normalisation and clitics.
package arabic

import (
	"strings"
	"unicode"
)

// FoldRune maps r to the form used for matching: hamza-carrying alefs to bare alef,
// alef maqsura to ya, ta marbuta to ha. It returns -1 for runes that matching
// ignores (tatweel and diacritics).
func FoldRune(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ـ':
		return -1
	}
	if r >= 0x064B && r <= 0x065F || r == 0x0670 {
		return -1
	}
	return unicode.ToLower(r)
}

// Fold returns s with every rune folded by FoldRune.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f := FoldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// IsArabicLetter reports whether r is a letter of the Arabic script.
func IsArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}
