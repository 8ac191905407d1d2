package tm

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// latinLetters are the letters that carry no decomposable diacritic but
// that English news writes a name with or without all the same (Straße and
// Strasse, Łódź and Lodz, Øresund and Oresund): they are searched as the
// letters they stand for.
var latinLetters = map[rune]string{
	'ß': "ss", 'ı': "i", 'ł': "l", 'ø': "o", 'æ': "ae", 'œ': "oe", 'đ': "d", 'ð': "d",
	'þ': "th", 'ħ': "h", 'ŧ': "t", 'ĳ': "ij", 'ŀ': "l", 'ŉ': "n", 'ſ': "s",
}

// latinTableSize bounds the letters whose folding is computed once: the
// Latin, Greek and Cyrillic blocks and the Latin letters with diacritics
// that Vietnamese writes.
const latinTableSize = 0x2000

// latinTable holds latinBase of the letters below latinTableSize, made on
// first use.
var latinTable = sync.OnceValue(func() []string {
	t := make([]string, latinTableSize)
	for r := range rune(latinTableSize) {
		t[r] = computeLatinBase(r)
	}
	return t
})

// latinBase returns what a letter of a translation is searched as: lower
// case, without its diacritics (é, ğ and ç as e, g and c; a combining mark
// as nothing), latinLetters as the letters they stand for, and the curly
// apostrophes and the hyphens word processors write as the ones a user
// types.
func latinBase(r rune) string {
	if r >= 0 && r < latinTableSize {
		return latinTable()[r]
	}
	return computeLatinBase(r)
}

func computeLatinBase(r rune) string {
	if !utf8.ValidRune(r) {
		return string(utf8.RuneError)
	}
	r = latinCase(r)
	if s, ok := latinLetters[r]; ok {
		return s
	}
	if r < utf8.RuneSelf {
		return string(r)
	}
	stripped, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn))), string(r))
	if err != nil {
		return string(r)
	}
	out := make([]rune, 0, len(stripped))
	for _, c := range stripped {
		c = unicode.ToLower(c)
		if s, ok := latinLetters[c]; ok {
			out = append(out, []rune(s)...)
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// latinCase folds a letter of a translation as an exact spelling is
// compared: lower case, and the curly apostrophes and the hyphens word
// processors write made the ones a user types: Russia’s is found as
// Russia's, and al-Assad as typed though written with a no-break hyphen.
func latinCase(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u02bc':
		return '\''
	case '\u2010', '\u2011':
		return '-'
	}
	return unicode.ToLower(r)
}

// spelling returns s as an exact spelling of it is compared: lower case,
// composed (a letter and its combining accent as the accented letter),
// white space runs as one space.
func spelling(s string) string {
	var b []byte
	space := false
	for _, r := range norm.NFC.String(s) {
		if unicode.IsSpace(r) {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, latinCase(r))
	}
	return string(b)
}
