package gist

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"bitext/arabic"
	"bitext/figures"
)

// numberPhrase is a number written in several Arabic words, glossed as one
// numeral: word by word, الخامس عشر would read "the fifth ten" and ثلاثة آلاف
// وخمسمائة "three thousands and five hundred", which a reader (and the
// number check) takes for other figures.
type numberPhrase struct {
	item  item
	words int // tokens it covers
}

// numberPhrases finds the numbers figures reads in toks' words that span
// more than one word, keyed by the index of their first token. Only runs of
// words that hold the letters of number words are read: figures reads a
// whole text far slower than the gist glosses it.
func numberPhrases(text string, toks []token) map[int]numberPhrase {
	var out map[int]numberPhrase
	for from := 0; from < len(toks); {
		if !numberLike(toks[from]) {
			from++
			continue
		}
		to := from + 1
		for to < len(toks) && numberLike(toks[to]) {
			to++
		}
		if to-from >= 2 {
			out = phrasesIn(text, toks[from:to], from, out)
		}
		from = to
	}
	return out
}

// phrasesIn adds to out the number phrases of run, the tokens from first on.
func phrasesIn(text string, run []token, first int, out map[int]numberPhrase) map[int]numberPhrase {
	base := run[0].start
	last := run[len(run)-1]
	k := 0
	for _, w := range figures.Words(text[base : last.start+len(last.text)]) {
		start, end := base+w.Start, base+w.Start+len(w.Text)
		for k < len(run) && run[k].start < start {
			k++
		}
		if k == len(run) || run[k].start != start {
			continue
		}
		n := 0
		for k+n < len(run) && run[k+n].start < end {
			n++
		}
		value := numeral(w.Values)
		if n < 2 || value == "" || run[k+n-1].start+len(run[k+n-1].text) != end {
			continue
		}
		it := item{text: value, pos: Other, plain: true}
		word := run[k].text
		if lead, n, ok := numberLead(w.Text, value); ok {
			it.lead, word = lead, word[n:]
		}
		if stem, the := strings.CutPrefix(arabic.Fold(word), "ال"); isOrdinal(stem) {
			// an adjective after its noun: الذكرى الخامسة عشرة → "the 15th anniversary"
			it.text, it.pos, it.the = value+ordinalSuffix(value), Adjective, the
		}
		if out == nil {
			out = map[int]numberPhrase{}
		}
		out[first+k] = numberPhrase{item: it, words: n}
	}
	return out
}

// numberLike reports an Arabic word that holds the letters of a number word.
func numberLike(t token) bool { return t.kind == tokWord && hasNumberRoot(t.text) }

// numberRoots are letters that every Arabic number word holds one of, in
// the spellings written (hamza or not), by their first letter.
var numberRoots = func() (by [0x100][]string) {
	for _, r := range strings.Fields("حد حادي ثالث رابع خامس سادس سابع ثامن تاسع عاشر اثن إثن ثنت ثنا ثان ثلاث ربع خمس ست سبع ثمان تسع عشر مئ مائ ألف الف آلاف الاف ألاف مليو ملاي مليا بليو") {
		first, _ := utf8.DecodeRuneInString(r)
		by[first-0x0600] = append(by[first-0x0600], r)
	}
	return by
}()

func hasNumberRoot(word string) bool {
	for i, c := range word {
		if c < 0x0600 || c > 0x06FF {
			continue
		}
		for _, r := range numberRoots[c-0x0600] {
			if strings.HasPrefix(word[i:], r) {
				return true
			}
		}
	}
	return false
}

// numeral is the first of a figure's values that is a whole number.
func numeral(values []string) string {
	for _, v := range values {
		if _, err := strconv.ParseUint(v, 10, 64); err == nil {
			return v
		}
	}
	return ""
}

// numberLead reads a conjunction or preposition on a number's first word
// (وخمسة وعشرين "and 25"), returning its English and its length in bytes,
// when the phrase without it is still the same number; واحد keeps its و.
func numberLead(phrase, value string) ([]string, int, bool) {
	if first, _, _ := strings.Cut(phrase, " "); ownWaw[arabic.Fold(first)] {
		return nil, 0, false
	}
	for _, p := range proclitics {
		if p.ar == "" || p.the || p.future || !strings.HasPrefix(phrase, p.ar) {
			continue
		}
		rest := phrase[len(p.ar):]
		if ws := figures.Words(rest); len(ws) == 0 || ws[0].Start != 0 || len(ws[0].Text) != len(rest) || numeral(ws[0].Values) != value {
			continue
		}
		return p.lead, len(p.ar), true
	}
	return nil, 0, false
}

// ownWaw are the number words whose و is their own: واحد is not و + أحد,
// though both count 1.
var ownWaw = map[string]bool{arabic.Fold("واحد"): true, arabic.Fold("واحدة"): true}

// ordinalStems are the ordinals' first words, folded and without the
// article, masculine and feminine.
var ordinalStems = func() map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields("حادي ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر") {
		out[arabic.Fold(w)] = true
		out[arabic.Fold(w+"ة")] = true
	}
	out[arabic.Fold("حادية")] = true
	return out
}()

func isOrdinal(folded string) bool { return ordinalStems[folded] }

// ordinalSuffix is the English ending of the ordinal of n: 21st, 12th.
func ordinalSuffix(n string) string {
	switch {
	case strings.HasSuffix(n, "11"), strings.HasSuffix(n, "12"), strings.HasSuffix(n, "13"):
		return "th"
	case strings.HasSuffix(n, "1"):
		return "st"
	case strings.HasSuffix(n, "2"):
		return "nd"
	case strings.HasSuffix(n, "3"):
		return "rd"
	}
	return "th"
}
