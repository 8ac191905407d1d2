package align

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/arabic"
)

// atom is one thing in a sentence that may find a partner on the other side:
// a word, a number, a name, a punctuation mark. On the English side ids are the
// atom's own vocabulary ids; on the Arabic side they are the English ids it
// may be rendered by.
type atom struct {
	w   float32
	ids []int32
}

// unit is one sentence (or paragraph) as the scorer sees it.
type unit struct {
	chars int
	atoms []atom
}

// vocab interns the English-side keys of one alignment run.
type vocab struct {
	ids map[string]int32
}

func (v *vocab) id(s string) int32 {
	if id, ok := v.ids[s]; ok {
		return id
	}
	id := int32(len(v.ids))
	v.ids[s] = id
	return id
}

// lookup returns the id of s when the English side has it.
func (v *vocab) lookup(s string) (int32, bool) {
	id, ok := v.ids[s]
	return id, ok
}

// stemLen is the prefix length English words are cut to: truncation is a crude
// but robust stemmer for matching glosses against running text.
const stemLen = 5

// englishStopwords carry no alignment signal.
var englishStopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of to in on at by for from with and or but nor not no as is are was were be been
	being am do does did done have has had having it its it's this that these those there their they them he him his she her
	hers we us our you your i me my mine which who whom whose what when where why how than then so such very can could
	may might must shall should will would into onto over under about after before also just only more most other some any
	each all both many much one if while because though although up down out off again further once here own same too s t
	per via upon until within without between against during through among said says say`) {
		englishStopwords[w] = true
	}
}

// englishStem returns the matching key of an English word, "" for a stopword.
func englishStem(w string) string {
	var buf [32]byte
	if k, ok := appendStem(buf[:0], w); ok {
		return string(k)
	}
	return ""
}

// appendStem appends the matching key of an English word to dst: lower case,
// without a possessive 's, cut to stemLen characters. ok is false for
// stopwords and one-letter words.
func appendStem(dst []byte, w string) ([]byte, bool) {
	start := len(dst)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return appendStemSlow(dst[:start], w)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	if n := len(dst); n-start > 2 && dst[n-2] == '\'' && dst[n-1] == 's' {
		dst = dst[:n-2]
	}
	if len(dst)-start < 2 || englishStopwords[string(dst[start:])] {
		return dst[:start], false
	}
	if len(dst)-start > stemLen {
		dst = dst[:start+stemLen]
	}
	return dst, true
}

func appendStemSlow(dst []byte, w string) ([]byte, bool) {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if englishStopwords[w] || utf8.RuneCountInString(w) < 2 {
		return dst, false
	}
	r := []rune(w)
	if len(r) > stemLen {
		r = r[:stemLen]
	}
	return append(dst, string(r)...), true
}

// digitValue maps ASCII, Arabic-Indic and Extended Arabic-Indic digits to 0-9.
func digitValue(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r - '0'), true
	case r >= 0x0660 && r <= 0x0669:
		return byte(r - 0x0660), true
	case r >= 0x06F0 && r <= 0x06F9:
		return byte(r - 0x06F0), true
	}
	return 0, false
}

// scanNumber reads the number starting at s[0] (a digit) and returns its key
// and byte length. Group separators are dropped so 1,000 and ١٠٠٠ agree.
func scanNumber(s string) (string, int) {
	var b strings.Builder
	b.WriteByte('#')
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if d, ok := digitValue(r); ok {
			b.WriteByte('0' + d)
			i += n
			continue
		}
		// a separator counts only between digits
		if r == ',' || r == '.' || r == '٬' || r == '٫' || r == '،' {
			if i+n < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[i+n:])
				if _, ok := digitValue(r2); ok {
					if r == '.' || r == '٫' {
						b.WriteByte('.')
					}
					i += n
					continue
				}
			}
		}
		break
	}
	return b.String(), i
}

// punctKey maps the punctuation marks both languages share to a common key.
func punctKey(r rune) string {
	switch r {
	case '?', '؟':
		return "P?"
	case '!':
		return "P!"
	case '"', '“', '”', '«', '»', '„':
		return "P\""
	case '(', ')':
		return "P("
	case '%', '٪':
		return "P%"
	case ':':
		return "P:"
	case '$', '€', '£':
		return "P$"
	}
	return ""
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == 'ـ' || r == '\''
}

type rawTok struct {
	text  string
	kind  byte // 'w' word, 'n' number, 'p' punctuation
	start int
}

// scan cuts text into words, numbers and shared punctuation marks.
func scan(out []rawTok, text string) []rawTok {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if _, ok := digitValue(r); ok {
			key, l := scanNumber(text[i:])
			out = append(out, rawTok{key, 'n', i})
			i += l
			continue
		}
		if isWordRune(r) && r != '\'' {
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			out = append(out, rawTok{text[i:j], 'w', i})
			i = j
			continue
		}
		if k := punctKey(r); k != "" {
			out = append(out, rawTok{k, 'p', i})
		}
		i += n
	}
	return out
}

// skeleton reduces a name to consonant classes so that a transliterated name
// matches across scripts (بوتين and Putin both give "BTN").
func skeleton(word string, ar bool) string {
	var b []byte
	add := func(c byte) {
		if len(b) == 0 || b[len(b)-1] != c {
			b = append(b, c)
		}
	}
	if ar {
		for _, r := range word {
			switch r {
			case 'ب', 'پ':
				add('B')
			case 'ت', 'ط', 'ث':
				add('T')
			case 'د', 'ض', 'ذ':
				add('D')
			case 'ج', 'غ', 'گ':
				add('G')
			case 'خ', 'ق', 'ك':
				add('K')
			case 'ر':
				add('R')
			case 'ز', 'ظ':
				add('Z')
			case 'س', 'ش', 'ص':
				add('S')
			case 'ف', 'ڤ':
				add('F')
			case 'ل':
				add('L')
			case 'م':
				add('M')
			case 'ن':
				add('N')
			}
		}
		return string(b)
	}
	w := strings.ToLower(word)
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch c {
		case 'b', 'p':
			add('B')
		case 't':
			add('T')
		case 'd':
			add('D')
		case 'g', 'j':
			add('G')
		case 'k', 'q':
			add('K')
		case 'c':
			if next == 'h' {
				add('S')
				i++
			} else if next == 'e' || next == 'i' || next == 'y' {
				add('S')
			} else {
				add('K')
			}
		case 'x':
			add('K')
			add('S')
		case 'r':
			add('R')
		case 'z':
			add('Z')
		case 's':
			if next == 'h' {
				i++
			}
			add('S')
		case 'f', 'v':
			add('F')
		case 'l':
			add('L')
		case 'm':
			add('M')
		case 'n':
			add('N')
		}
	}
	return string(b)
}

// arabicProclitics may be glued to a word, longest first.
var arabicProclitics = []string{"وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك", "س"}

// arabicSuffixes are endings stripped to find a dictionary form.
var arabicSuffixes = []string{"هما", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "وا", "يه", "ه", "ي", "ك", "ت"}

// arabicStems returns the folded forms to look a word up under, most specific first.
func arabicStems(folded string) []string {
	out := []string{folded}
	bases := []string{folded}
	for _, p := range arabicProclitics {
		if rest, ok := strings.CutPrefix(folded, p); ok && utf8.RuneCountInString(rest) >= 2 {
			out = append(out, rest)
			bases = append(bases, rest)
			if p == "لل" {
				out = append(out, "ال"+rest)
			}
		}
	}
	for _, b := range bases {
		for _, s := range arabicSuffixes {
			if rest, ok := strings.CutSuffix(b, s); ok && utf8.RuneCountInString(rest) >= 2 {
				out = append(out, rest)
				if s == "ت" || s == "ه" {
					out = append(out, rest+"ه")
				}
			}
		}
	}
	return out
}

// builder turns sentences into units against one English vocabulary.
type builder struct {
	voc  vocab
	opts *Options
	memo map[string]arabicWord // by folded word
	akey map[string]int32      // Arabic-side idf keys
	toks []rawTok              // scan buffer
	buf  []byte                // key buffer
	df   []int32               // document frequency per key
	seen []int32               // last unit (+1) a key was counted in
}

// arabicWord is what the builder knows of one folded Arabic word.
type arabicWord struct {
	key int32
	ids []int32
	// known is set when the lexicon has English for the word: when none of
	// it is in the English text, the word is evidence against every pairing.
	known bool
}

// stemID returns the vocabulary id of an English word's stem; with insert a
// missing stem is added. Stopwords have none.
func (b *builder) stemID(w string, insert bool) (int32, bool) {
	var ok bool
	if b.buf, ok = appendStem(b.buf[:0], w); !ok {
		return 0, false
	}
	if id, ok := b.voc.ids[string(b.buf)]; ok {
		return id, true
	}
	if !insert {
		return 0, false
	}
	return b.voc.id(string(b.buf)), true
}

// count adds one to the document frequency of key for unit k, once per unit.
func (b *builder) count(key int32, k int) {
	for int(key) >= len(b.df) {
		b.df = append(b.df, 0)
		b.seen = append(b.seen, 0)
	}
	if b.seen[key] != int32(k+1) {
		b.seen[key] = int32(k + 1)
		b.df[key]++
	}
}

// idf weights the atoms of units by the rarity of their keys.
func (b *builder) idf(units []unit, keys [][]int32) {
	n := float64(len(units))
	for k := range units {
		for a := range units[k].atoms {
			units[k].atoms[a].w = float32(math.Log(1 + n/float64(b.df[keys[k][a]])))
		}
	}
}

// english builds the units of the English sentences and fills the vocabulary.
func (b *builder) english(sents []string) []unit {
	units := make([]unit, len(sents))
	keys := make([][]int32, len(sents))
	b.df, b.seen = b.df[:0], b.seen[:0]
	for k, s := range sents {
		u := unit{chars: utf8.RuneCountInString(s)}
		var ks []int32
		b.toks = scan(b.toks[:0], s)
		for _, t := range b.toks {
			var ids []int32
			switch t.kind {
			case 'n', 'p':
				ids = append(ids, b.voc.id(t.text))
			case 'w':
				if id, ok := b.stemID(t.text, true); ok {
					ids = append(ids, id)
				}
				if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsUpper(r) {
					if sk := skeleton(t.text, false); len(sk) >= 2 {
						ids = append(ids, b.voc.id("~"+sk))
					}
				}
				if strings.EqualFold(t.text, "percent") {
					ids = append(ids, b.voc.id("P%"))
				}
			}
			if len(ids) == 0 {
				continue
			}
			u.atoms = append(u.atoms, atom{ids: ids})
			ks = append(ks, ids[0])
			b.count(ids[0], k)
		}
		units[k], keys[k] = u, ks
	}
	b.idf(units, keys)
	return units
}

// keyID interns an Arabic-side idf key.
func (b *builder) keyID(key string) int32 {
	if id, ok := b.akey[key]; ok {
		return id
	}
	if b.akey == nil {
		b.akey = map[string]int32{}
	}
	id := int32(len(b.akey))
	b.akey[key] = id
	return id
}

// arabic builds the units of the Arabic sentences; the English side must be built first.
func (b *builder) arabic(sents []string, translations []string) []unit {
	units := make([]unit, len(sents))
	keys := make([][]int32, len(sents)) // per atom, the key its idf is counted under
	b.df, b.seen = b.df[:0], b.seen[:0]
	var article string // the sentences together, for the writer's spelling habits
	if b.opts.Glossary != nil {
		article = strings.Join(sents, "\n")
	}
	for k, s := range sents {
		u := unit{chars: utf8.RuneCountInString(s)}
		var ks []int32
		addAtom := func(key int32, ids []int32) {
			if len(ids) == 0 {
				return
			}
			u.atoms = append(u.atoms, atom{ids: ids})
			ks = append(ks, key)
			b.count(key, k)
		}
		// a word the lexicon knows whose English the text lacks: an atom
		// with no ids, that no bead covers
		addMissing := func(key int32) {
			u.atoms = append(u.atoms, atom{})
			ks = append(ks, key)
			b.count(key, k)
		}
		// glossary names first; their words are not looked up again
		var skip [][2]int
		if b.opts.Glossary != nil {
			for _, h := range b.opts.Glossary.MatchIn(s, article) {
				skip = append(skip, [2]int{h.Start, h.End})
				addAtom(b.keyID("g:"+h.Entry.Ar), b.englishIDs(h.Entry.En))
			}
		}
		b.toks = scan(b.toks[:0], s)
		for _, t := range b.toks {
			if inSpans(skip, t.start) {
				continue
			}
			switch t.kind {
			case 'n', 'p':
				if id, ok := b.voc.lookup(t.text); ok {
					addAtom(b.keyID(t.text), []int32{id})
				}
			case 'w':
				r, _ := utf8.DecodeRuneInString(t.text)
				if r < 0x80 || unicode.Is(unicode.Latin, r) {
					// a Latin word inside the Arabic: BBC, iPhone
					if id, ok := b.stemID(t.text, false); ok {
						addAtom(b.keyID("l:"+strings.ToLower(t.text)), []int32{id})
					}
					continue
				}
				w := b.arabicWord(t.text)
				if len(w.ids) == 0 && w.known {
					addMissing(w.key)
				}
				addAtom(w.key, w.ids)
			}
		}
		if k < len(translations) {
			b.toks = scan(b.toks[:0], translations[k])
			for _, t := range b.toks {
				if t.kind != 'w' {
					continue
				}
				if id, ok := b.stemID(t.text, false); ok {
					addAtom(b.keyID("m:"+strconv.Itoa(int(id))), []int32{id})
				}
			}
		}
		units[k], keys[k] = u, ks
	}
	b.idf(units, keys)
	return units
}

// arabicWord folds an Arabic word and returns its idf key and the English
// ids it may stand for, computed once per distinct folded form.
func (b *builder) arabicWord(word string) arabicWord {
	b.buf = arabic.AppendFold(b.buf[:0], word)
	if w, ok := b.memo[string(b.buf)]; ok {
		return w
	}
	if b.memo == nil {
		b.memo = map[string]arabicWord{}
	}
	folded := string(b.buf)
	w := arabicWord{key: b.keyID(folded)}
	w.ids, w.known = b.lookupIDs(folded)
	b.memo[folded] = w
	return w
}

func inSpans(spans [][2]int, pos int) bool {
	for _, s := range spans {
		if pos >= s[0] && pos < s[1] {
			return true
		}
	}
	return false
}

// englishIDs returns the ids of the content words of an English phrase present in the vocabulary.
func (b *builder) englishIDs(phrase string) []int32 {
	var ids []int32
	for _, t := range scan(nil, phrase) {
		key := t.text
		if t.kind == 'w' {
			key = englishStem(t.text)
		}
		if key == "" {
			continue
		}
		if id, ok := b.voc.lookup(key); ok {
			ids = append(ids, id)
		}
		if t.kind == 'w' {
			if sk := skeleton(t.text, false); len(sk) >= 2 {
				if id, ok := b.voc.lookup("~" + sk); ok {
					ids = append(ids, id)
				}
			}
		}
	}
	return ids
}

// maxCandidates bounds the English words one Arabic word may stand for.
const maxCandidates = 48

// lookupIDs returns the English ids an Arabic word (folded) may be rendered by:
// lexicon glosses of its stems and its transliteration skeleton. known
// reports whether the lexicon has a gloss for the word, in the text or not.
func (b *builder) lookupIDs(folded string) (ids []int32, known bool) {
	seen := map[int32]bool{}
	add := func(id int32) {
		if !seen[id] && len(ids) < maxCandidates {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	stems := arabicStems(folded)
	if lex := b.opts.Lexicon; lex != nil {
		for _, st := range stems {
			for _, g := range lex.words[st] {
				known = true
				if id, ok := b.voc.lookup(g); ok {
					add(id)
				}
			}
		}
	}
	// transliterated names: try the word and the word without a proclitic
	for k, st := range stems {
		if k > 0 && !isProcliticStrip(folded, st) {
			continue
		}
		if sk := skeleton(st, true); len(sk) >= 2 {
			if id, ok := b.voc.lookup("~" + sk); ok {
				add(id)
			}
		}
	}
	return ids, known
}

func isProcliticStrip(word, stem string) bool {
	return strings.HasSuffix(word, stem) && len(stem) < len(word)
}
