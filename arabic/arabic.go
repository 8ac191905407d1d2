// Package arabic holds the Arabic text rules shared by segmentation, glossary
// matching and alignment: letter normalisation ("folding") and proclitics.
//
// Folding maps the spellings that Arabic writers use interchangeably to one
// form, so that two spellings of a word compare equal:
//
//   - hamza-carrying alefs and wasla (أ إ آ ٱ) become bare alef ا;
//   - alef maqsura ى and Persian/Urdu yeh (ی ې) become ya ي, and hamza on ya ئ
//     becomes ي; hamza on waw ؤ becomes و;
//   - ta marbuta ة and the Persian/Urdu he forms (ۀ ە ھ ۃ) become ha ه;
//   - Persian letters become their Arabic neighbours: ک→ك, گ→ك, پ→ب, چ→ج,
//     ژ→ز, ڤ→ف, ڨ→ق;
//   - tatweel, harakat (fatha … sukun, shadda), superscript alef, Quranic
//     marks and the invisible joiners and direction marks are dropped;
//   - Arabic-Indic and Persian digits become ASCII digits;
//   - presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) and full-width forms
//     are first decomposed with NFKC, so ﻻ becomes لا;
//   - other letters are lower-cased (Latin names in Arabic text).
//
// Folding never reorders text and works rune by rune, so a caller can map a
// folded word back to its original bytes.
package arabic

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tatweel is the Arabic elongation mark (kashida), ignored by folding.
const Tatweel = 'ـ'

// arabicFold maps U+0600–U+06FF; 0 means "not special", -1 means "dropped".
var arabicFold = func() (t [256]rune) {
	set := func(to rune, from ...rune) {
		for _, r := range from {
			t[r-0x0600] = to
		}
	}
	set('ا', 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ')
	set('ي', 'ى', 'ی', 'ې', 'ئ')
	set('و', 'ؤ')
	set('ه', 'ة', 'ۀ', 'ە', 'ھ', 'ۃ')
	set('ك', 'ک', 'ڪ', 'گ')
	set('ب', 'پ')
	set('ج', 'چ')
	set('ز', 'ژ')
	set('ف', 'ڤ')
	set('ق', 'ڨ')
	set(-1, Tatweel, '\u0670', '\u061C')
	for r := rune(0x064B); r <= 0x065F; r++ {
		set(-1, r)
	}
	for r := rune(0x06D6); r <= 0x06ED; r++ {
		if r != 0x06E5 && r != 0x06E6 { // small waw/ya are letters
			set(-1, r)
		}
	}
	for d := rune(0); d < 10; d++ {
		set('0'+d, 0x0660+d, 0x06F0+d)
	}
	return t
}()

// isPresentationForm reports whether r is folded through NFKC first.
func isPresentationForm(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF || r >= 0xFF01 && r <= 0xFF5E
}

// isIgnorable reports the invisible format characters that folding drops:
// joiners, the zero-width no-break space, and direction controls.
func isIgnorable(r rune) bool {
	return r == 0x200C || r == 0x200D || r == 0xFEFF || IsDirectionControl(r)
}

// IsDirectionControl reports the invisible characters that only steer the
// direction of text: LRM, RLM, ALM, and the embeddings, overrides and
// isolates (U+202A–202E, U+2066–2069) that word processors and web pages
// leave in Arabic text.
func IsDirectionControl(r rune) bool {
	return r == 0x200E || r == 0x200F || r == 0x061C || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// FoldRune maps r to its matching form, or returns -1 for runes that
// matching ignores (tatweel, diacritics, joiners). A presentation-form
// ligature that stands for several letters (ﻻ) folds to its first letter
// here; use AppendFold to get all of them.
func FoldRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r >= 0x0600 && r <= 0x06FF {
		if f := arabicFold[r-0x0600]; f != 0 {
			return f
		}
		return r
	}
	if isIgnorable(r) {
		return -1
	}
	if isPresentationForm(r) {
		for _, c := range norm.NFKC.String(string(r)) {
			if c == r {
				break // not decomposable: an ordinary rune
			}
			if f := FoldRune(c); f >= 0 {
				return f
			}
		}
	}
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	return unicode.ToLower(r)
}

// AppendFoldRune appends the folded form of r to dst: nothing for ignored
// runes, several letters for a presentation-form ligature.
func AppendFoldRune(dst []byte, r rune) []byte {
	if isPresentationForm(r) {
		if s := norm.NFKC.String(string(r)); s != string(r) {
			for _, c := range s {
				if f := FoldRune(c); f >= 0 {
					dst = utf8.AppendRune(dst, f)
				}
			}
			return dst
		}
	}
	if f := FoldRune(r); f >= 0 {
		if f < 0x80 {
			return append(dst, byte(f))
		}
		return utf8.AppendRune(dst, f)
	}
	return dst
}

// AppendFold appends the folded form of s to dst.
func AppendFold(dst []byte, s string) []byte {
	for _, r := range s {
		dst = AppendFoldRune(dst, r)
	}
	return dst
}

// Fold returns the folded form of s (see the package documentation).
func Fold(s string) string {
	return string(AppendFold(make([]byte, 0, len(s)), s))
}

// IsArabicLetter reports whether r is a letter of the Arabic script.
func IsArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// IsLatinLetter reports whether r is a letter of the Latin script.
func IsLatinLetter(r rune) bool {
	return unicode.Is(unicode.Latin, r) && unicode.IsLetter(r)
}

// IsWordRune reports whether r belongs inside a word: letters, digits,
// combining marks (harakat), tatweel and the zero-width joiners.
func IsWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r >= 0x0621 && r <= 0x064A || r >= 0x064B && r <= 0x065F || r == 0x0670 {
		return true
	}
	return r == Tatweel || r == 0x200C || r == 0x200D ||
		unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// HasArabic reports whether s holds at least one Arabic letter.
func HasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0621 && r <= 0x064A && r != Tatweel || r >= 0x0600 && IsArabicLetter(r) {
			return true
		}
	}
	return false
}

// HasLatin reports whether s holds at least one Latin letter.
func HasLatin(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				return true
			}
		case r >= 0x0600 && r <= 0x06FF:
		case IsLatinLetter(r):
			return true
		}
	}
	return false
}
