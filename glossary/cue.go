package glossary

import (
	"bitext/arabic"
	"strings"
	"unicode/utf8"
)

// nameCue reports whether the words around toks[i], a one-word term that
// news text mostly uses as an ordinary word, mark it as a name here: it
// stands alone in quotation marks (صحيفة "السفير"), it follows a title
// (الأمير فان, نادي النصر), or it is the subject right after a verb of
// saying (وقال رمضان). These are the cues Arabic news gives where a name
// looks like a word; capital letters do it in English.
func nameCue(text string, t tokens, i int) bool {
	tk := t.toks[i]
	if quoted(text, int(tk.start), int(tk.end)) {
		return true
	}
	if i+1 < len(t.toks) && t.toks[i+1].joined && quoting[t.folded[t.toks[i+1].fs:t.toks[i+1].fe]] {
		return true // عن رمضان قوله "quoted Ramadan as saying"
	}
	if i == 0 || !tk.joined {
		return false
	}
	prev := t.folded[t.toks[i-1].fs:t.toks[i-1].fe]
	word := t.folded[tk.fs:tk.fe]
	if title, ok := stemIn(prev, nameTitles); ok {
		// After a title with the article, a word with the article agrees
		// with it: الرئيس المصري is "the Egyptian president".
		return !hasArticle(title) || !hasArticle(word)
	}
	if _, ok := stemIn(prev, sayingVerbs); !ok {
		return false
	}
	// A two-letter word after قال is nearly always a preposition with a
	// pronoun (قال لي "he told me"), a word with the article is a noun, and
	// a word followed by one with the article begins a construct (قال رئيس
	// الوزراء "the prime minister said").
	if utf8.RuneCountInString(word) <= 2 || hasArticle(word) {
		return false
	}
	if i+1 < len(t.toks) && t.toks[i+1].joined {
		next := t.folded[t.toks[i+1].fs:t.toks[i+1].fe]
		return !hasArticle(next)
	}
	return true
}

// quoted reports whether text[start:end] is all that stands between a pair
// of quotation marks, spaces aside.
func quoted(text string, start, end int) bool {
	i := start
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	j := end
	for j < len(text) && text[j] == ' ' {
		j++
	}
	after, _ := utf8.DecodeRuneInString(text[j:])
	return isQuoteMark(before) && isQuoteMark(after)
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '«', '»', '“', '”', '„', '‘', '’':
		return true
	}
	return false
}

// stemIn returns word, or its stem after a proclitic (وجريدة), when set
// holds it.
func stemIn(word string, set map[string]bool) (string, bool) {
	if set[word] {
		return word, true
	}
	for _, sp := range arabic.SplitProclitics(word) {
		if stem := sp.Stem(word); set[stem] {
			return stem, true
		}
	}
	return "", false
}

func hasArticle(folded string) bool {
	return len(folded) > len("ال") && folded[:len("ال")] == "ال"
}

// nameTitles are the words that stand right before a name: the person and
// media titles that suggest looks for, and titles of sports and religion.
// A proclitic may be glued to them (وجريدة).
var nameTitles = func() map[string]bool {
	out := foldBool("الإمام", "اللاعب", "المدرب", "نادي", "جريدة")
	for k, kind := range triggers {
		if kind == "person" || kind == "media" {
			out[k] = true
		}
	}
	return out
}()

// sayingVerbs introduce what somebody said; the subject follows the verb.
// A proclitic may be glued to them (وقال).
var sayingVerbs = foldBool("قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "أكد", "أكدت",
	"أعرب", "أعربت", "أوضح", "أوضحت", "صرح", "صرحت")

// quoting are the words after a name in "quoted X as saying" (عن X قوله).
var quoting = foldBool("قوله", "قولها", "قولهم")

// coordinated clears Ordinary on a hit joined by the conjunction و to a name
// hit beside it: names come in pairs and lists (ليرنر و لو, الاتفاق والنصر).
// A comma is not enough: a clause often starts after one (سيتروين ، فإن).
func coordinated(text string, hits []Hit) {
	for k := range hits {
		if !hits[k].Ordinary {
			continue
		}
		if k > 0 && !hits[k-1].Ordinary && listGap(text[hits[k-1].End:hits[k].Start], hits[k].Clitic) ||
			k+1 < len(hits) && !hits[k+1].Ordinary && listGap(text[hits[k].End:hits[k+1].Start], hits[k+1].Clitic) {
			hits[k].Ordinary = false
		}
	}
}

// listGap reports whether gap, before a word with proclitic clitic, joins
// two words with و, standing alone or glued to the second word.
func listGap(gap, clitic string) bool {
	g := strings.Trim(gap, " ")
	switch {
	case g == "" && clitic == "و":
		return true
	case g == "و":
		return clitic == ""
	}
	return false
}
