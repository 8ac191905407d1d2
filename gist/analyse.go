package gist

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"bitext/arabic"
)

// proclitic is one prefix chain a word may carry, with what it says in English.
type proclitic struct {
	ar      string   // as written (bare letters)
	n       int      // letters in ar
	lead    []string // conjunction and preposition English, in order
	the     bool     // carries the article ال
	future  bool     // carries سـ (will): only before a present verb
	prep    bool     // carries a preposition: the word is a noun
	lam     bool     // the preposition is لـ, which also reads "to" before a present verb
	penalty int      // extra cost for a reading that is often wrong
}

// proclitics lists every chain conjunction? (preposition | future)? article?.
var proclitics = buildProclitics()

func buildProclitics() []proclitic {
	type part struct {
		ar      string
		en      string
		penalty int
	}
	// the letters come from the shared rules; the English and the readings
	// that often mislead (كـ, فـ) are the gist's own
	english := map[rune]part{'و': {"", "and", 0}, 'ف': {"", "so", 1}, 'ب': {"", "with", 0}, 'ل': {"", "for", 0}, 'ك': {"", "as", 1}}
	conjs := []part{{"", "", 0}}
	for _, r := range arabic.Conjunctions {
		p := english[r]
		conjs = append(conjs, part{string(r), p.en, p.penalty})
	}
	mids := []part{{"", "", 0}, {"س", "", 1}} // سـ: future, before a present verb
	for _, r := range arabic.Prepositions {
		p := english[r]
		mids = append(mids, part{string(r), p.en, p.penalty})
	}
	var out []proclitic
	defer func() {
		sort.SliceStable(out, func(i, j int) bool {
			return out[i].n < out[j].n
		})
	}()
	for _, c := range conjs {
		for _, m := range mids {
			for _, art := range []bool{false, true} {
				p := proclitic{penalty: c.penalty + m.penalty}
				if c.en != "" {
					p.lead = append(p.lead, c.en)
				}
				if m.en != "" {
					p.lead = append(p.lead, m.en)
					p.prep = true
				}
				p.future = m.ar == "س"
				p.lam = m.ar == "ل"
				if p.future && art {
					continue
				}
				p.the = art
				p.ar = c.ar + m.ar
				if art {
					if m.ar == "ل" {
						p.ar = c.ar + "لل" // ل + ال loses its alef
					} else {
						p.ar += "ال"
					}
				}
				p.n = utf8.RuneCountInString(p.ar)
				out = append(out, p)
			}
		}
	}
	return out
}

// inflection is a nominal or verbal ending between the stem and a pronoun.
type inflection struct {
	ar      string
	plural  bool   // English plural for nouns
	nisba   string // restored stem ending: ية → ي
	penalty int
}

var nounEndings = []inflection{
	{ar: ""},
	{ar: "ات", plural: true},
	{ar: "ون", plural: true},
	{ar: "ين", plural: true, penalty: 1},
	{ar: "ان", penalty: 1},
	{ar: "ة"},
	{ar: "ية", nisba: "ي"},
	{ar: "ي", penalty: 1}, // nisba adjective of a noun: اقتصادي from اقتصاد
	{ar: "ا", penalty: 1}, // accusative -an written with alef
}

// pronLen holds the letters of each arabic.Pronouns suffix.
var pronLen = func() []int {
	out := make([]int, len(arabic.Pronouns))
	for i, p := range arabic.Pronouns {
		out[i] = utf8.RuneCountInString(p.Suffix)
	}
	return out
}()

// personPrefixes mark the present tense: he/she/you, we, I.
var personPrefixes = []string{"ي", "ت", "ن", "أ", "ا"}

var pastEndings = []string{"", "ت", "وا", "ا", "تا", "نا", "تم", "ن", "تن", "و"}
var presentEndings = []string{"", "ون", "ان", "ين", "وا", "ن", "و"}

// analysis is one reading of a word.
type analysis struct {
	lead    []string
	the     bool
	word    string // English of the stem, inflected
	pron    *arabic.Pronoun
	pos     POS
	past    bool // a 3rd person verb with no object: its definite subject may move before it
	def     bool // the entry itself carries the article (الأول)
	cost    int
	rank    int // lexicon the stem came from: on equal cost the built-in list wins
	matched bool
	procLen int  // letters of the proclitic chain
	perfect bool // a past-tense verb
}

// wordInfo holds a word's letters in two spellings of equal length: bare
// (diacritics removed) for affixes and folded for lookup. Its buffers are
// reused from word to word.
type wordInfo struct {
	bare   []rune
	bareB  []byte // bare as UTF-8
	boffs  []int  // byte offset in bareB of each rune, plus the end
	folded []byte
	offs   []int  // byte offset in folded of each rune, plus the end
	tmp    []byte // scratch for keys built from a stem
	pbuf   []byte // scratch for phrase keys
	procs  []*proclitic
}

func (w *wordInfo) reset(word string) {
	w.bare, w.bareB, w.boffs, w.folded, w.offs = w.bare[:0], w.bareB[:0], w.boffs[:0], w.folded[:0], w.offs[:0]
	var lig [8]byte
	for _, r := range word {
		if r >= 0x0600 && r <= 0x06FF || r < 0x80 {
			f := arabic.FoldRune(r)
			if f < 0 {
				continue
			}
			w.bare = append(w.bare, r)
			w.boffs = append(w.boffs, len(w.bareB))
			w.bareB = appendRune(w.bareB, r)
			w.offs = append(w.offs, len(w.folded))
			w.folded = appendRune(w.folded, f)
			continue
		}
		// a ligature (ﻻ) folds to several letters: each becomes a letter of its own
		for _, f := range string(arabic.AppendFoldRune(lig[:0], r)) {
			w.bare = append(w.bare, f)
			w.boffs = append(w.boffs, len(w.bareB))
			w.bareB = appendRune(w.bareB, f)
			w.offs = append(w.offs, len(w.folded))
			w.folded = appendRune(w.folded, f)
		}
	}
	w.boffs = append(w.boffs, len(w.bareB))
	w.offs = append(w.offs, len(w.folded))
	// the proclitic chains the word starts with, shortest first, leaving a
	// stem of two letters at least
	w.procs = w.procs[:0]
	if len(w.bare) >= 2 && !procliticLetter[w.bare[0]] {
		w.procs = append(w.procs, &proclitics[0]) // the empty chain only
		return
	}
	for k := range proclitics {
		if p := &proclitics[k]; len(w.bare)-p.n >= 2 && w.hasPrefix(p.ar, 0) {
			w.procs = append(w.procs, p)
		}
	}
}

// appendRune is utf8.AppendRune with the two-byte case of Arabic letters
// written out.
func appendRune(b []byte, r rune) []byte {
	if r >= 0x80 && r < 0x800 {
		return append(b, byte(0xC0|r>>6), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(b, r)
}

// procliticLetter holds the letters a proclitic chain can start with.
var procliticLetter = func() map[rune]bool {
	m := map[rune]bool{}
	for _, p := range proclitics {
		for _, r := range p.ar {
			m[r] = true
			break
		}
	}
	return m
}()

// sub returns the folded runes [i, j). The slice is w's own: do not append to it.
func (w *wordInfo) sub(i, j int) []byte { return w.folded[w.offs[i]:w.offs[j]] }

// with returns the folded runes [i, j) followed by extra, in w's scratch buffer.
func (w *wordInfo) with(i, j int, extra string) []byte {
	w.tmp = append(append(w.tmp[:0], w.sub(i, j)...), extra...)
	return w.tmp
}

// hasPrefix reports whether the bare letters from rune at start with p.
func (w *wordInfo) hasPrefix(p string, at int) bool {
	if at > len(w.bare) {
		return false
	}
	b := w.bareB[w.boffs[at]:]
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

// hasSuffix reports whether the bare letters before rune end end with s.
func (w *wordInfo) hasSuffix(s string, end int) bool {
	b := w.bareB[:w.boffs[end]]
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// analyse finds the cheapest reading of word in the lexicons: the fewest affix
// letters, the highest-priority lexicon. ok is false when no reading is found.
func (e *Engine) analyse(w *wordInfo) (analysis, bool) {
	n := len(w.bare)
	// most words stand in the built-in list as they are: nothing is cheaper
	if len(e.lexicons) > 0 && n >= 2 {
		if r := e.nouns[string(w.folded)]; r.ok && r.rank == 0 {
			return withArticle(analysis{word: r.Gloss, pos: r.POS, matched: true}, w.folded), true
		}
	}
	best := analysis{cost: 1 << 30}
	try := func(a analysis) {
		// on equal cost and lexicon, a reading with a shorter proclitic and
		// no pronoun wins: كميات is كمية + ات "quantities", not ك + مئات "as
		// hundreds" (a pronoun is no surer a cut than a proclitic: فإنها)
		if a.cost < best.cost || a.cost == best.cost && (a.rank < best.rank || a.rank == best.rank && a.procLen < best.procLen && a.pron == nil) {
			best = a
			best.matched = true
		}
	}
	// first the readings with proclitics only (وقال, بالكتاب), to set a bound
	// that cuts the search below short
	for _, p := range w.procs {
		pl := p.n
		if pl > best.cost {
			break
		}
		if p.future {
			continue
		}
		if ent, rank, ok := e.lookupNoun(w.sub(pl, n), n-pl); ok {
			a := analysis{lead: p.lead, the: p.the, pos: ent.POS, word: ent.Gloss, cost: pl + p.penalty + 3*rank, rank: rank, procLen: pl}
			if !p.the {
				a = withArticle(a, w.sub(pl, n))
			}
			try(a)
		}
	}
	for _, p := range w.procs { // shortest first
		pl := p.n
		if pl > best.cost {
			break // every reading from here on costs more than the best
		}
		base := pl + p.penalty
		if base > best.cost {
			continue
		}
		if !p.future {
			e.nominal(w, p, pl, base, &best.cost, try)
		}
		if !p.the && (!p.prep || p.lam) {
			e.verbal(w, p, pl, base, &best.cost, try)
		}
	}
	return best, best.matched
}

// nominal tries stem + ending + pronoun readings after proclitic p.
func (e *Engine) nominal(w *wordInfo, p *proclitic, pl, base int, bound *int, try func(analysis)) {
	n := len(w.bare)
	for pi := -1; pi < len(arabic.Pronouns); pi++ {
		end := n
		var pron *arabic.Pronoun
		cost := base
		if pi >= 0 {
			if p.the {
				break // a word with the article takes no pronoun
			}
			pr := arabic.Pronouns[pi]
			if !w.hasSuffix(pr.Suffix, n) {
				continue
			}
			pron = &arabic.Pronouns[pi]
			end = n - pronLen[pi]
			cost += pronLen[pi]
			if pr.Suffix == "ي" || pr.Suffix == "ك" {
				cost += 2
			}
		}
		if cost > *bound {
			continue
		}
		for _, inf := range nounEndings {
			if !w.hasSuffix(inf.ar, end) {
				continue
			}
			il := len(inf.ar) / 2 // Arabic letters are two bytes each
			stemEnd := end - il
			if stemEnd-pl < 2 {
				continue
			}
			c := cost + il + inf.penalty
			key := w.sub(pl, stemEnd)
			if !p.the && stemEnd < len(w.bare) && bytes.HasPrefix(key, []byte("ال")) {
				c += 3 // اليومين is ال + يوم + ين, not اليوم + ين
			}
			if c > *bound {
				continue
			}
			var ent Entry
			var rank int
			var ok bool
			adjective := false // a nisba adjective made from a noun: منزلية "house (adj.)"
			if inf.nisba != "" || inf.ar == "ي" {
				if inf.nisba != "" {
					ent, rank, ok = e.lookupNoun(w.with(pl, stemEnd, "ي"), stemEnd-pl+1)
				}
				if !ok {
					ent, rank, ok = e.lookupNoun(key, stemEnd-pl)
					adjective, c = ok, c+1
				}
			} else {
				ent, rank, ok = e.lookupNoun(key, stemEnd-pl)
			}
			// the stem with ta marbuta restored is tried too while the stem as
			// it stands is unknown or only an outside lexicon's: كميات is the
			// built-in كمية + ات, not FreeDict's كمي "quantitative" + ات
			if (!ok || rank > 0) && inf.ar == "ات" {
				if ent2, rank2, ok2 := e.lookupNoun(w.with(pl, stemEnd, "ه"), stemEnd-pl+1); ok2 && (!ok || rank2 < rank) {
					ent, rank, ok = ent2, rank2, ok2 // سيارات → سيارة
				}
			}
			if (!ok || rank > 0) && inf.ar == "" && w.bare[stemEnd-1] == 'ت' && (pron != nil || stemEnd < n) {
				// ta marbuta is written ت before a pronoun: حكومته
				if ent2, rank2, ok2 := e.lookupNoun(w.with(pl, stemEnd-1, "ه"), stemEnd-pl); ok2 && (!ok || rank2 < rank) {
					ent, rank, ok = ent2, rank2, ok2
				}
			}
			if (!ok || rank > 0) && stemEnd < n && (w.bare[stemEnd-1] == 'ئ' || w.bare[stemEnd-1] == 'ؤ') {
				// a final hamza is written on a seat before a suffix:
				// حلفائها is حلفاء + ها, أبناؤه is أبناء + ه
				if ent2, rank2, ok2 := e.lookupNoun(w.with(pl, stemEnd-1, "ء"), stemEnd-pl); ok2 && (!ok || rank2 < rank) {
					ent, rank, ok = ent2, rank2, ok2
				}
			}
			if !ok && inf.ar == "ة" {
				continue // the ة itself is part of the folded key tried with no ending
			}
			if !ok {
				continue
			}
			a := analysis{lead: p.lead, the: p.the, pron: pron, pos: ent.POS, cost: c + 3*rank, rank: rank, procLen: pl}
			a.word = ent.Gloss
			if adjective || inf.nisba != "" && ent.POS == Unknown {
				a.pos = Adjective
			}
			if inf.plural && ent.POS == Noun {
				a.word = pluralise(a.word)
			}
			if f, ok := fractions[ent.Gloss]; ok && pron != nil && inf.ar == "" && w.bare[stemEnd-1] != 'ت' {
				// a number spelled as its fraction takes the pronoun as what
				// it divides: خمسهم "a fifth of them", not "their five"
				a.word, a.pos = f, Particle
			}
			if !p.the && pron == nil {
				a = withArticle(a, key)
			}
			try(a)
		}
	}
}

// verbal tries past and present verb readings after proclitic p (which holds
// no article or preposition).
func (e *Engine) verbal(w *wordInfo, p *proclitic, pl, base int, bound *int, try func(analysis)) {
	n := len(w.bare)
	for pi := -1; pi < len(arabic.Pronouns); pi++ {
		end := n
		var pron *arabic.Pronoun
		cost := base
		if pi >= 0 {
			pr := arabic.Pronouns[pi]
			if pr.Suffix == "ي" || !w.hasSuffix(pr.Suffix, n) {
				continue
			}
			pron = &arabic.Pronouns[pi]
			end = n - pronLen[pi]
			cost += pronLen[pi]
		}
		if cost > *bound {
			continue
		}
		if !p.future && !p.prep {
			for _, suf := range pastEndings {
				if !w.hasSuffix(suf, end) {
					continue
				}
				sl := len(suf) / 2
				stemEnd := end - sl
				if stemEnd-pl < 2 || cost+sl > *bound {
					continue
				}
				ent, rank, ok := e.lookupVerb(w.sub(pl, stemEnd), stemEnd-pl)
				if !ok {
					continue
				}
				a := analysis{lead: p.lead, pron: pron, pos: Verb, word: ent.Gloss, cost: cost + sl + 3*rank, rank: rank, procLen: pl, perfect: true}
				switch suf {
				case "", "ت", "وا", "ا", "تا", "و":
					a.past = pron == nil
				case "نا":
					a.word = "we " + ent.Gloss
				}
				try(a)
			}
		}
		for _, pre := range personPrefixes {
			if !w.hasPrefix(pre, pl) {
				continue
			}
			for _, suf := range presentEndings {
				if !w.hasSuffix(suf, end) {
					continue
				}
				if suf != "" && (pre == "أ" || pre == "ا") {
					continue // "I" takes no ending: انتظروا is the past "they waited"
				}
				sl := len(suf) / 2
				stemEnd := end - sl
				if stemEnd-pl-1 < 2 || cost+1+sl > *bound {
					continue
				}
				ent, rank, ok := e.lookupPresent(w.sub(pl+1, stemEnd))
				extra := 0
				if !ok {
					// derived forms keep the past stem's shape: يتشارك ← تشارك,
					// يعتقل ← اعتقل, يعلن ← أعلن, يستخدم ← استخدم
					ent, rank, ok = e.lookupVerb(w.sub(pl+1, stemEnd), stemEnd-pl-1)
					if !ok {
						w.tmp = append(append(w.tmp[:0], "ا"...), w.sub(pl+1, stemEnd)...)
						ent, rank, ok = e.lookupVerb(w.tmp, stemEnd-pl)
					}
					extra = 1
				}
				if !ok {
					continue
				}
				a := analysis{lead: p.lead, pron: pron, pos: Verb, cost: cost + 1 + sl + extra + 3*rank, rank: rank, procLen: pl}
				switch {
				case p.lam:
					a.lead = toLead(p.lead)
					a.word = baseForm(ent.Present)
				case p.future:
					a.word = "will " + baseForm(ent.Present)
				case pre == "ن":
					a.word = "we " + baseForm(ent.Present)
				case pre == "أ" || pre == "ا":
					a.word = "I " + baseForm(ent.Present)
				case suf == "ون" || suf == "وا" || suf == "و" || suf == "ن":
					a.word = baseForm(ent.Present)
				default:
					a.word = ent.Present
					a.past = pron == nil && suf == "" && (pre == "ي" || pre == "ت")
				}
				try(a)
			}
		}
	}
}

// presentReading returns the present-tense entry of the word read with no
// proclitic or pronoun (تكون, يقولون), whatever reading analyse chose. The
// first person is left out.
func (e *Engine) presentReading(w *wordInfo) (Entry, bool) {
	n := len(w.bare)
	for _, pre := range personPrefixes[:3] { // not أ: أعلن is a past verb far more often than "I announce"
		if !w.hasPrefix(pre, 0) {
			continue
		}
		for _, suf := range presentEndings {
			if stemEnd := n - len(suf)/2; stemEnd-1 >= 2 && w.hasSuffix(suf, n) {
				if ent, _, ok := e.lookupPresent(w.sub(1, stemEnd)); ok {
					return ent, true
				}
			}
		}
	}
	return Entry{}, false
}

// fractions are the English of the numbers whose letters, with a pronoun
// suffix, spell a fraction (خمس "fifth", ربع "quarter").
var fractions = map[string]string{"five": "a fifth of", "seven": "a seventh of", "nine": "a ninth of",
	"ten": "a tenth of", "quarter": "a quarter of", "third": "a third of"}

// withArticle marks a reading whose entry itself starts with the article
// (الأول "first"): definite, and "the" in English unless the gloss has it or
// the word is a name.
func withArticle(a analysis, key []byte) analysis {
	if !bytes.HasPrefix(key, []byte("ال")) || len(key) <= len("ال")+2 {
		return a
	}
	a.def = true
	if (a.pos == Noun || a.pos == Adjective) && !strings.HasPrefix(a.word, "the ") {
		a.the = true
	}
	return a
}

// toLead replaces the "for" of لـ with "to", as before a verb.
func toLead(lead []string) []string {
	out := append([]string(nil), lead...)
	if n := len(out); n > 0 && out[n-1] == "for" {
		out[n-1] = "to"
	}
	return out
}

// lookupNoun finds a non-verb reading of a folded stem of n runes. Stems of
// two letters are only taken from the first (built-in) lexicon.
func (e *Engine) lookupNoun(key []byte, n int) (Entry, int, bool) {
	return found(e.nouns[string(key)], n)
}

func (e *Engine) lookupVerb(key []byte, n int) (Entry, int, bool) {
	return found(e.verbs[string(key)], n)
}

func (e *Engine) lookupPresent(key []byte) (Entry, int, bool) {
	return found(e.present[string(key)], 3)
}

// found unpacks a merged-map entry; stems of n < 3 letters are taken from
// the built-in list only, outside lexicons being full of short junk.
func found(r ranked, n int) (Entry, int, bool) {
	if !r.ok || n < 3 && r.rank > 0 {
		return Entry{}, 0, false
	}
	return r.Entry, r.rank, true
}

// pluralise makes a regular English plural of the last word of g.
func pluralise(g string) string {
	i := strings.LastIndexByte(g, ' ')
	head, w := g[:i+1], g[i+1:]
	switch {
	case w == "" || strings.ToUpper(w[:1]) == w[:1] && w[:1] != strings.ToLower(w[:1]):
		return g // a name or an acronym
	case strings.HasSuffix(w, "man"):
		w = strings.TrimSuffix(w, "man") + "men"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		w = w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		w += "es"
	default:
		w += "s"
	}
	return head + w
}

// baseForm turns a third-person present ("says", "goes to") into the bare
// verb ("say", "go to") for "will", "we" and "they".
func baseForm(present string) string {
	first, rest, _ := strings.Cut(present, " ")
	switch {
	case strings.HasSuffix(first, "ies") && len(first) > 4:
		first = first[:len(first)-3] + "y"
	case strings.HasSuffix(first, "sses"), strings.HasSuffix(first, "shes"), strings.HasSuffix(first, "ches"),
		strings.HasSuffix(first, "xes"), strings.HasSuffix(first, "oes"), strings.HasSuffix(first, "zes"):
		first = first[:len(first)-2]
	case first == "is":
		first = "be"
	case first == "has":
		first = "have"
	case strings.HasSuffix(first, "s") && !strings.HasSuffix(first, "ss"):
		first = first[:len(first)-1]
	}
	if rest == "" {
		return first
	}
	return first + " " + rest
}
