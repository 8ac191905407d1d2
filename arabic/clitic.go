package arabic

import "unicode/utf8"

// Conjunctions are the one-letter conjunction proclitics (wa "and", fa "so"),
// which come first when several proclitics are glued to a word.
var Conjunctions = []rune{'و', 'ف'}

// Prepositions are the one-letter preposition proclitics (bi "with/in",
// li "to/for", ka "like"), which follow an optional conjunction.
var Prepositions = []rune{'ب', 'ل', 'ك'}

// Proclitics lists every proclitic sequence a word may carry: a conjunction,
// a preposition, or a conjunction followed by a preposition (وب, فل …).
var Proclitics = func() []string {
	var out []string
	for _, c := range Conjunctions {
		out = append(out, string(c))
	}
	for _, p := range Prepositions {
		out = append(out, string(p))
	}
	for _, c := range Conjunctions {
		for _, p := range Prepositions {
			out = append(out, string(c)+string(p))
		}
	}
	return out
}()

// Split is one reading of a word as proclitics + stem.
type Split struct {
	// CliticEnd is the byte offset in the word where the proclitics end and
	// the stem begins (diacritics on the proclitics belong to them).
	CliticEnd int
	// Clitic is the folded proclitic sequence: one of Proclitics.
	Clitic string
	// Article marks the li + al contraction: للصين is ل + الصين, written with
	// the alef of the article dropped. The stem is then "ا" + word[CliticEnd:].
	Article bool
}

// Stem returns the stem of word under this reading, with the article's alef
// restored for the li + al contraction.
func (s Split) Stem(word string) string {
	if s.Article {
		return "ا" + word[s.CliticEnd:]
	}
	return word[s.CliticEnd:]
}

// MinStemLetters is the fewest letters a stem keeps after its proclitics are
// removed; shorter remainders are not read as words.
const MinStemLetters = 2

// SplitProclitics returns the readings of word as proclitics + stem, fewest
// proclitic letters first; the bare reading (no proclitic) is not included.
// Only the grammar is applied here: whether a reading is right depends on
// whether its stem is a known word, which the caller decides. A name that
// begins with one of these letters (ليبيا, واشنطن) is therefore never cut
// unless the caller's lexicon says so.
func SplitProclitics(word string) []Split {
	return AppendSplits(nil, word)
}

// AppendSplits is SplitProclitics appending to dst, for callers that reuse a
// buffer.
func AppendSplits(dst []Split, word string) []Split {
	// letters[i] is the i-th letter (folded) and ends[i] the byte offset after
	// it and the marks that follow it; three letters are all we look at.
	var letters [3]rune
	var ends [3]int
	n, i := 0, 0
	for i < len(word) && n < 3 {
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		f := FoldRune(r)
		if f < 0 {
			if n > 0 {
				ends[n-1] = i
			}
			continue
		}
		letters[n] = f
		ends[n] = i
		n++
	}
	// Skip marks after the last letter looked at.
	for n > 0 && i < len(word) {
		r, size := utf8.DecodeRuneInString(word[i:])
		if FoldRune(r) >= 0 {
			break
		}
		i += size
		ends[n-1] = i
	}
	isConj := func(r rune) bool { return r == 'و' || r == 'ف' }
	isPrep := func(r rune) bool { return r == 'ب' || r == 'ل' || r == 'ك' }
	long := func(k int) bool { return stemLetters(word[ends[k-1]:]) >= MinStemLetters }
	if n >= 1 && isConj(letters[0]) && long(1) {
		dst = append(dst, Split{CliticEnd: ends[0], Clitic: procliticName(letters[0], 0)})
	}
	if n >= 1 && isPrep(letters[0]) && long(1) {
		dst = append(dst, Split{CliticEnd: ends[0], Clitic: procliticName(letters[0], 0)})
		if letters[0] == 'ل' && n >= 2 && letters[1] == 'ل' && stemLetters(word[ends[0]:]) >= MinStemLetters+1 {
			dst = append(dst, Split{CliticEnd: ends[0], Clitic: "ل", Article: true})
		}
	}
	if n >= 2 && isConj(letters[0]) && isPrep(letters[1]) && long(2) {
		dst = append(dst, Split{CliticEnd: ends[1], Clitic: procliticName(letters[0], letters[1])})
		if letters[1] == 'ل' && n >= 3 && letters[2] == 'ل' && stemLetters(word[ends[1]:]) >= MinStemLetters+1 {
			dst = append(dst, Split{CliticEnd: ends[1], Clitic: procliticName(letters[0], 'ل'), Article: true})
		}
	}
	return dst
}

// procliticName returns the entry of Proclitics for the letters a (and b),
// without allocating.
func procliticName(a, b rune) string {
	for _, p := range Proclitics {
		r, size := utf8.DecodeRuneInString(p)
		if r != a {
			continue
		}
		rest := p[size:]
		if b == 0 && rest == "" {
			return p
		}
		if b != 0 && rest != "" {
			if r2, _ := utf8.DecodeRuneInString(rest); r2 == b {
				return p
			}
		}
	}
	return ""
}

// stemLetters counts the letters of s that folding keeps, up to MinStemLetters+1.
func stemLetters(s string) int {
	n := 0
	for _, r := range s {
		if FoldRune(r) >= 0 {
			n++
			if n > MinStemLetters {
				break
			}
		}
	}
	return n
}

// maqsuraParticles are the particles written with a final alef maqsura that
// fold to the spelling of a name: على "on" folds like علي "Ali".
var maqsuraParticles = map[string]bool{"على": true, "إلى": true, "الى": true, "حتى": true, "لدى": true, "متى": true, "سوى": true, "أنى": true}

// IsMaqsuraParticle reports whether word, as written (diacritics and tatweel
// are ignored), is a particle ending in alef maqsura such as على or إلى.
// Folding ى to ي makes these equal to names (على and علي), so a matcher
// should not read them as names.
func IsMaqsuraParticle(word string) bool {
	if len(word) > 12 {
		return false
	}
	var buf [24]byte
	b := buf[:0]
	for _, r := range word {
		if FoldRune(r) >= 0 {
			b = utf8.AppendRune(b, r)
		}
	}
	return maqsuraParticles[string(b)]
}
