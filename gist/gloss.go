package gist

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/arabic"
	"bitext/translate"
)

// termForm is a glossary term as it stands in the text, with the English of
// any proclitic glued to it.
type termForm struct {
	surface string
	lead    []string
	en      string
}

// termForms prepares the terms of one segment, longest surface first. A
// surface that is another surface of the same term plus a proclitic chain
// (وبوتين beside بوتين) gets that chain's English in front.
func termForms(terms, all []translate.Term) []termForm {
	var out []termForm
	for _, t := range terms {
		if strings.TrimSpace(t.Source) == "" || strings.TrimSpace(t.Target) == "" {
			continue
		}
		tf := termForm{surface: t.Source, en: t.Target}
		tf.lead = termLead(t, all)
		out = append(out, tf)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].surface) > len(out[j].surface) })
	return out
}

func termLead(t translate.Term, all []translate.Term) []string {
	for _, p := range proclitics {
		if p.ar == "" || p.the || p.future || !strings.HasPrefix(t.Source, p.ar) {
			continue
		}
		rest := strings.TrimPrefix(t.Source, p.ar)
		for _, u := range all {
			if u.Target == t.Target && u.Source == rest {
				return p.lead
			}
		}
		// a chain before the article is safe to read off: والكرملين, للكرملين
		if strings.HasPrefix(rest, "ال") && utf8.RuneCountInString(rest) >= 5 {
			return p.lead
		}
		if strings.HasSuffix(p.ar, "ل") && strings.HasPrefix(rest, "ل") && utf8.RuneCountInString(rest) >= 4 {
			return p.lead // للكرملين = ل + الكرملين
		}
	}
	return nil
}

type tokKind byte

const (
	tokWord        tokKind = iota // Arabic word
	tokNumber                     // digits in any script
	tokOther                      // Latin words, placeholders, anything kept as it is
	tokPunct                      // one punctuation mark
	tokTerm                       // a glossary term
	tokPlaceholder                // a protected span the pipeline put in: ⟦1:Putin⟧
)

type token struct {
	kind  tokKind
	start int // byte offset in the segment
	text  string
	space bool // whitespace before it
	term  *termForm
}

func isDiacritic(r rune) bool { return r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640 }

func isArabicWordRune(r rune) bool {
	switch {
	case r < 0x0600:
		return false
	case r >= 0x0621 && r <= 0x063A, r >= 0x0641 && r <= 0x065F, r == 0x0640, r == 0x0670:
		return true // the common letters and marks, without a table lookup
	}
	return arabic.IsArabicLetter(r) || isDiacritic(r)
}

func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹'
}

// tokenize cuts text into tokens, glossary terms first.
func tokenize(text string, terms []termForm) []token {
	toks := make([]token, 0, len(text)/7+4) // Arabic words average some 7 bytes with their space
	space := false
	for i := 0; i < len(text); {
		if tf := termAt(text, i, terms); tf != nil {
			toks = append(toks, token{kind: tokTerm, start: i, text: tf.surface, space: space, term: tf})
			i += len(tf.surface)
			space = false
			continue
		}
		if n := placeholderAt(text[i:]); n > 0 {
			toks = append(toks, token{kind: tokPlaceholder, start: i, text: text[i : i+n], space: space})
			i += n
			space = false
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case isArabicWordRune(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isArabicWordRune(r2) {
					break
				}
				j += n2
			}
			toks = append(toks, token{kind: tokWord, start: i, text: text[i:j], space: space})
			i = j
		case isDigit(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isDigit(r2) {
					j += n2
					continue
				}
				// a separator between digits stays in the number
				if strings.ContainsRune(".,:/٫٬", r2) && j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if isDigit(r3) {
						j += n2
						continue
					}
				}
				break
			}
			toks = append(toks, token{kind: tokNumber, start: i, text: text[i:j], space: space})
			i = j
		case unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_':
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isArabicWordRune(r2) || unicode.IsSpace(r2) || !(unicode.IsLetter(r2) || unicode.IsNumber(r2) || r2 == '_' || r2 == '-' || r2 == '\'') {
					break
				}
				j += n2
			}
			toks = append(toks, token{kind: tokOther, start: i, text: text[i:j], space: space})
			i = j
		default:
			toks = append(toks, token{kind: tokPunct, start: i, text: text[i : i+n], space: space})
			i += n
		}
		space = false
	}
	return toks
}

// placeholderAt returns the length of the placeholder ⟦…⟧ that s starts
// with, or 0.
func placeholderAt(s string) int {
	if !strings.HasPrefix(s, "⟦") {
		return 0
	}
	end := strings.Index(s, "⟧")
	if end < 0 || strings.Contains(s[len("⟦"):end], "⟦") {
		return 0
	}
	return end + len("⟧")
}

// termAt returns the longest term whose surface starts at text[i:] on word
// boundaries.
func termAt(text string, i int, terms []termForm) *termForm {
	if len(terms) == 0 {
		return nil
	}
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if isArabicWordRune(r) || unicode.IsLetter(r) {
			return nil
		}
	}
	for k := range terms {
		s := terms[k].surface
		if !strings.HasPrefix(text[i:], s) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[i+len(s):]); i+len(s) < len(text) && (isArabicWordRune(r) || unicode.IsLetter(r)) {
			continue
		}
		return &terms[k]
	}
	return nil
}

// item is one glossed piece of the English gist.
type item struct {
	punct   bool
	lead    []string // conjunction/preposition English
	the     bool     // English "the"
	text    string
	pos     POS
	def     bool   // definite: article, name or a definite genitive
	past    bool   // a 3rd person past verb with no object
	plain   bool   // no attached pronoun, no merged words
	perfect bool   // a past-tense verb
	qad     bool   // the particle قد, which before a past verb only marks it as done
	elative bool   // the Arabic has the shape أفعل of "bigger" and "biggest"
	poss    string // possessive pronoun before the noun: "her" budget
	space   bool   // whitespace before it in the source
}

var punctMap = map[string]string{"،": ",", "؛": ";", "؟": "?", "«": "“", "»": "”", "٪": "%", "۔": "."}

func (e *Engine) gloss(text string, terms []termForm, st *Stats) string {
	toks := tokenize(text, terms)
	numerals := numberPhrases(text, toks)
	items := make([]item, 0, len(toks))
	wi := &wordInfo{}
	var folds []string // folded words, made and filled when a phrase needs them
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tokTerm:
			items = append(items, item{lead: t.term.lead, text: t.term.en, pos: Name, def: true, plain: true})
			if st != nil {
				n := countArabicWords(t.text)
				st.Words += n
				st.Glossed += n
			}
		case tokPlaceholder:
			// kept as it is for the pipeline to put the name back
			items = append(items, item{text: t.text, pos: Name, def: true, plain: true})
		case tokNumber:
			items = append(items, item{text: westernDigits(t.text), pos: Other})
		case tokOther:
			items = append(items, item{text: t.text, pos: Other})
		case tokPunct:
			p := t.text
			if m, ok := punctMap[p]; ok {
				p = m
			}
			items = append(items, item{punct: true, text: p})
		case tokWord:
			if np, ok := numerals[i]; ok {
				items = append(items, np.item)
				if st != nil {
					st.Words += np.words
					st.Glossed += np.words
				}
				items[len(items)-1].space = t.space
				i += np.words - 1
				continue
			}
			wi.reset(t.text)
			if it, n := e.phrase(toks, &folds, i, wi); n > 0 {
				items = append(items, it)
				if st != nil {
					st.Words += n
					st.Glossed += n
				}
				items[len(items)-1].space = t.space
				i += n - 1
				continue
			}
			if lead, ok := standalone[string(wi.folded)]; ok {
				// a proclitic the pipeline cut off a protected name (و ⟦1:Kim⟧),
				// or one written apart with a tatweel before a figure or a
				// Latin word: الـ 16, بـ GPS
				items = append(items, item{text: lead, pos: Other, space: t.space})
				if st != nil {
					st.Words++
					st.Glossed++
				}
				continue
			}
			if string(wi.folded) == "كلا" && (i+1 == len(toks) || toks[i+1].kind == tokPunct) {
				// كلا standing alone is "no"; before a noun it is "both"
				items = append(items, item{text: "no", pos: Other, space: t.space})
				if st != nil {
					st.Words++
					st.Glossed++
				}
				continue
			}
			a, ok := e.analyse(wi)
			if st != nil {
				st.Words++
				if ok {
					st.Glossed++
				} else {
					st.Unknown[t.text]++
				}
			}
			if !ok {
				items = append(items, e.unknown(t.text))
				items[len(items)-1].space = t.space
				continue
			}
			it := itemOf(a)
			it.qad = qadForms[string(wi.folded)]
			it.elative = elative(wi, a)
			if len(items) > 0 && items[len(items)-1].qad && a.pron == nil && len(a.lead) == 0 {
				// after قد a verb that can be present is: قد تكون "may be",
				// not "may consisted"
				if ent, ok := e.presentReading(wi); ok {
					it.text, it.pos, it.perfect, it.past = baseForm(ent.Present), Verb, false, false
				}
			}
			items = append(items, it)
		}
		items[len(items)-1].space = t.space
	}
	for i := range items {
		if it := &items[i]; it.pos == Name && !it.the && takesThe(placeholderName(it.text)) {
			it.the = true
		}
	}
	items = dropQad(items)
	if !e.opts.NoReorder {
		items = reorder(items)
	}
	return render(items)
}

// qadForms are the spellings of the particle قد (folded).
var qadForms = map[string]bool{"قد": true, "وقد": true}

// dropQad leaves out قد before a past verb, where it says the action is
// done rather than "may" (كانت الوزارة قد فرضت "the ministry had
// imposed"); its conjunction goes to the verb.
func dropQad(items []item) []item {
	out := items[:0]
	for i := 0; i < len(items); i++ {
		it := items[i]
		if it.qad && i+1 < len(items) && items[i+1].perfect {
			next := &items[i+1]
			next.lead = append(append([]string(nil), it.lead...), next.lead...)
			next.space = it.space
			continue
		}
		out = append(out, it)
	}
	return out
}

func countArabicWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, arabic.IsArabicLetter) >= 0 {
			n++
		}
	}
	return n
}

func itemOf(a analysis) item {
	it := item{lead: a.lead, the: a.the, text: a.word, pos: a.pos, def: a.the || a.def || a.pos == Name, past: a.past, plain: a.pron == nil, perfect: a.perfect}
	if a.pron != nil {
		switch a.pos {
		case Verb, Particle:
			it.text = a.word + " " + a.pron.Object
		default:
			it.poss = a.pron.Possessive
			it.def = true
		}
	}
	return it
}

// phrase matches a multi-word lexicon entry starting at toks[i], allowing a
// conjunction or preposition on its first word. It returns the item and the
// number of words it covers (0: none).
func (e *Engine) phrase(toks []token, folds *[]string, i int, w *wordInfo) (item, int) {
	if i+1 >= len(toks) || toks[i+1].kind != tokWord || !toks[i+1].space {
		return item{}, 0
	}
	for _, p := range w.procs {
		if p.the || p.future {
			continue
		}
		pl := p.n
		if e.firsts[string(w.sub(pl, len(w.bare)))] == 0 && !strings.HasSuffix(p.ar, "ل") {
			continue
		}
		if it, n := e.phraseFrom(toks, folds, i, w.with(pl, len(w.bare), ""), p, w); n > 0 {
			return it, n
		}
		if strings.HasSuffix(p.ar, "ل") && w.bare[pl] == 'ل' {
			// للأمم المتحدة = ل + الأمم المتحدة
			key := append([]byte("ا"), w.sub(pl, len(w.bare))...)
			if it, n := e.phraseFrom(toks, folds, i, key, p, w); n > 0 {
				return it, n
			}
		}
	}
	return item{}, 0
}

// phraseFrom matches the longest phrase whose first folded word is key.
func (e *Engine) phraseFrom(toks []token, foldsp *[]string, i int, key []byte, p *proclitic, w *wordInfo) (item, int) {
	for _, l := range e.lexicons {
		max := l.firsts[string(key)]
		if max == 0 {
			continue
		}
		if *foldsp == nil {
			*foldsp = make([]string, len(toks))
		}
		folds := *foldsp
		buf := append(w.pbuf[:0], key...)
		defer func() { w.pbuf = buf[:0] }()
		var found Entry
		best := 0
		for n := 2; n <= max && i+n-1 < len(toks); n++ {
			k := i + n - 1
			if toks[k].kind != tokWord || !toks[k].space {
				break
			}
			if folds[k] == "" {
				folds[k] = arabic.Fold(toks[k].text)
			}
			buf = append(append(buf, ' '), folds[k]...)
			if ent, ok := l.phrases[string(buf)]; ok {
				found, best = ent, n
			}
		}
		if best > 0 {
			def := bytes.HasPrefix(key, []byte("ال")) || found.POS == Name
			return item{lead: p.lead, text: found.Gloss, pos: found.POS, def: def, plain: true, past: found.POS == Verb}, best
		}
	}
	return item{}, 0
}

// westernDigits converts Arabic-Indic digits and separators to ASCII.
func westernDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		case r == '٫':
			return '.'
		case r == '٬':
			return ','
		}
		return r
	}, s)
}

// unknown renders a word found in no lexicon: its proclitics glossed when the
// article shows where the stem starts, the rest transliterated.
func (e *Engine) unknown(word string) item {
	it := item{pos: Unknown}
	w := word
	for _, p := range proclitics {
		if !p.the || !strings.HasPrefix(w, p.ar) || utf8.RuneCountInString(w)-utf8.RuneCountInString(p.ar) < 3 {
			continue
		}
		it.lead, it.the = p.lead, true
		w = strings.TrimPrefix(w, p.ar)
		break
	}
	if e.opts.KeepUnknown {
		it.text = w
	} else {
		it.text = Transliterate(w)
	}
	return it
}

var translit = map[rune]string{
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "aa", 'ٱ': "a", 'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h",
	'خ': "kh", 'د': "d", 'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t",
	'ظ': "z", 'ع': "", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h",
	'ى': "a", 'ة': "a", 'ء': "", 'ؤ': "u", 'ئ': "i", 'پ': "p", 'چ': "ch", 'ڤ': "v", 'گ': "g", 'ژ': "zh",
}

// Transliterate writes an Arabic word in plain Latin letters, capitalised, for
// names and words no lexicon knows (سوليفان → Sulifan).
func Transliterate(word string) string {
	var b strings.Builder
	var letters []rune
	for _, r := range word {
		if !isDiacritic(r) {
			letters = append(letters, r)
		}
	}
	consonant := func(k int) bool {
		if k < 0 || k >= len(letters) {
			return false
		}
		switch letters[k] {
		case 'ا', 'أ', 'إ', 'آ', 'و', 'ي', 'ى', 'ة':
			return false
		}
		return true
	}
	for k, r := range letters {
		switch r {
		case 'و':
			if k > 0 && consonant(k-1) && (consonant(k+1) || k == len(letters)-1) {
				b.WriteString("u")
			} else {
				b.WriteString("w")
			}
		case 'ي':
			if k > 0 && consonant(k-1) && (consonant(k+1) || k == len(letters)-1) {
				b.WriteString("i")
			} else {
				b.WriteString("y")
			}
		default:
			if s, ok := translit[r]; ok {
				b.WriteString(s)
			} else if !arabic.IsArabicLetter(r) {
				b.WriteRune(r)
			}
		}
	}
	s := b.String()
	if s == "" {
		return "?" // letters with no Latin spelling
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// reorder applies the safe English ordering rules: noun–adjective becomes
// adjective–noun, the idafa chain gets "of", and a past verb before its
// definite subject moves after it.
func reorder(items []item) []item {
	for i := 0; i+1 < len(items); i++ {
		x, y := &items[i], &items[i+1]
		if x.punct || y.punct {
			continue
		}
		// أكبر من: Arabic has one form for "bigger" and "biggest"; before
		// من it compares: "bigger than", not "biggest from"
		if y.text == "from" && len(y.lead) == 0 && x.elative && !x.the && len(x.lead) <= 1 {
			if c, ok := comparative(x.text); ok {
				x.text, y.text = c, "than"
			}
		}
		// نفس الطريقة: "the same way", not "same the way"
		if x.text == "same" && x.pos == Other && !x.the && y.the && len(y.lead) == 0 {
			x.the, y.the = true, false
		}
		// هذه المسألة: "this issue", not "this the issue"
		if x.pos == Other && demonstrative[x.text] && len(x.lead) == 0 && y.the && len(y.lead) == 0 {
			y.the = false
		}
		// وفقا لـ: "according to", not "according to for"
		if strings.HasSuffix(x.text, " to") && len(y.lead) > 0 && y.lead[0] == "for" {
			y.lead = y.lead[1:]
		}
	}
	// noun + adjectives of the same definiteness → adjectives (reversed) + noun
	a := items[:0] // rewritten in place: the output never runs ahead of the input
	for i := 0; i < len(items); i++ {
		it := items[i]
		if !it.punct && it.pos == Noun && (it.plain || it.poss != "") {
			j := i + 1
			for j < len(items) && !items[j].punct && items[j].pos == Adjective && len(items[j].lead) == 0 &&
				(items[j].the == it.the || it.poss != "" && items[j].the) && items[j].plain {
				j++
			}
			if j > i+1 {
				var b strings.Builder
				for k := j - 1; k > i; k-- {
					b.WriteString(items[k].text)
					b.WriteByte(' ')
				}
				b.WriteString(it.text)
				it.text = b.String()
				it.plain = false
				a = append(a, it)
				i = j - 1
				continue
			}
		}
		a = append(a, it)
	}
	// idafa, right to left: noun (indefinite) + definite noun → "noun of the
	// noun"; merged items are written from the end of a backwards
	w := len(a)
	for i := len(a) - 1; i >= 0; i-- {
		x := a[i]
		if w < len(a) {
			y := a[w]
			if !x.punct && !y.punct && x.pos == Noun && !x.the && !x.def && len(y.lead) == 0 && y.def &&
				(y.pos == Noun || y.pos == Name) {
				x.text = x.text + " of " + render([]item{{the: y.the, text: y.text}})
				x.def, x.plain = true, false
				a[w] = x
				continue
			}
		}
		w--
		a[w] = x
	}
	a = a[w:]
	// verb-first: 3rd person verb + definite subject → subject + verb
	out := a[:0]
	for i := 0; i < len(a); i++ {
		v := a[i]
		if i+1 < len(a) {
			s := a[i+1]
			if !v.punct && !s.punct && v.pos == Verb && v.past && len(s.lead) == 0 && s.def && (s.pos == Noun || s.pos == Name) {
				subj := []item{s}
				subj[0].lead, subj[0].space = nil, false
				j := i + 2
				for s.pos == Noun && j < len(a) && !a[j].punct && a[j].pos == Name && len(a[j].lead) == 0 {
					subj = append(subj, a[j]) // the spokesman Dmitry Peskov
					j++
				}
				out = append(out, item{lead: v.lead, text: render(subj) + " " + v.text, pos: Other, space: v.space})
				i = j - 1
				continue
			}
			// news says who spoke with an indefinite subject: قال مسؤول
			// "an official said" (another indefinite noun may be the object)
			if !v.punct && !s.punct && v.pos == Verb && v.past && speechVerbs[v.text] && len(s.lead) == 0 && !s.def && s.pos == Noun && s.poss == "" && speaker(s.text) {
				out = append(out, item{lead: v.lead, text: indefinite(s.text) + " " + v.text, pos: Other, space: v.space})
				i++
				continue
			}
		}
		out = append(out, v)
	}
	return out
}

// elative reports whether the word read as a has the shape أفعل (أكبر,
// أصغر, أهم) with no article or pronoun.
func elative(w *wordInfo, a analysis) bool {
	if a.the || a.pron != nil || a.procLen >= len(w.bare) || w.bare[a.procLen] != 'أ' && w.bare[a.procLen] != 'ا' {
		return false
	}
	n := len(w.bare) - a.procLen
	return n == 3 || n == 4
}

// comparative turns a one-word English superlative into the comparative:
// biggest → bigger, easiest → easier, best → better, most … → more ….
func comparative(sup string) (string, bool) {
	switch {
	case sup == "best":
		return "better", true
	case sup == "worst":
		return "worse", true
	case strings.HasPrefix(sup, "most "):
		return "more " + sup[len("most "):], true
	case strings.ContainsRune(sup, ' ') || len(sup) < 6 || !strings.HasSuffix(sup, "est"):
		return "", false
	case strings.HasSuffix(sup, "iest"):
		return sup[:len(sup)-4] + "ier", true
	}
	return sup[:len(sup)-3] + "er", true // biggest → bigger, largest → larger
}

// speechVerbs are the verbs of saying that put the speaker after them.
var speechVerbs = map[string]bool{"said": true, "warned": true, "added": true, "announced": true, "stressed": true,
	"confirmed": true, "stated": true, "revealed": true, "explained": true, "told": true, "indicated": true,
	"emphasized": true, "emphasised": true, "noted": true, "denied": true, "affirmed": true}

// speakerNouns are the English heads of the indefinite subjects news quotes.
var speakerNouns = map[string]bool{"official": true, "officials": true, "source": true, "sources": true,
	"spokesman": true, "spokeswoman": true, "diplomat": true, "diplomats": true}

// speaker reports whether the noun phrase en is headed by one of speakerNouns.
func speaker(en string) bool {
	return speakerNouns[en[strings.LastIndexByte(en, ' ')+1:]]
}

// indefinite puts "a" or "an" before a singular noun phrase.
func indefinite(en string) string {
	if strings.HasSuffix(en, "s") {
		return en // officials, sources
	}
	if strings.ContainsRune("aeiou", rune(en[0])) {
		return "an " + en
	}
	return "a " + en
}

// standalone holds the proclitic chains written as words of their own.
var standalone = func() map[string]string {
	m := map[string]string{}
	for _, p := range proclitics {
		switch {
		case p.ar == "" || p.future:
		case p.the:
			m[p.ar] = strings.Join(append(append([]string(nil), p.lead...), "the"), " ")
		case len(p.lead) > 0:
			m[p.ar] = strings.Join(p.lead, " ")
		}
	}
	return m
}()

var demonstrative = map[string]bool{"this": true, "that": true, "these": true, "those": true}

// capitalise starts each sentence of a gist with a capital, as English
// writes it: the sentence splitter then finds the gist's sentences, and each
// Arabic sentence is paired with its own. A sentence starts at the beginning
// and after . ! or ? and a space (closing quotes and brackets between).
func capitalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start, ended := true, false // ended: after . ! or ?, before the space
	for _, r := range s {
		switch {
		case start && unicode.IsLetter(r):
			r, start = unicode.ToUpper(r), false
		case r == '.' || r == '!' || r == '?':
			ended = true
		case unicode.IsSpace(r):
			start = start || ended
			ended = false
		case strings.ContainsRune("\"'“”‘’«»()[]{}", r):
			// quotes and brackets around a sentence's edges
		default:
			start, ended = false, false // a digit or a placeholder begins it
		}
		b.WriteRune(r)
	}
	return b.String()
}

// render joins items into English. Words are separated by one space;
// punctuation keeps the spacing it had in the source, except that no space is
// left before a closing mark.
func render(items []item) string {
	var b strings.Builder
	prevWord := false
	for _, it := range items {
		if it.punct {
			if it.space && !strings.ContainsAny(it.text, ",.;:!?)]}”’%…") && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(it.text)
			prevWord = false
			continue
		}
		if b.Len() > 0 && (prevWord || it.space) {
			b.WriteByte(' ')
		}
		for _, l := range it.lead {
			b.WriteString(l)
			b.WriteByte(' ')
		}
		if it.the {
			b.WriteString("the ")
		}
		if it.poss != "" {
			b.WriteString(it.poss)
			b.WriteByte(' ')
		}
		b.WriteString(it.text)
		prevWord = true
	}
	return b.String()
}
