package glossary

import (
	"strings"
	"unicode/utf8"

	"bitext/arabic"
)

// Hit is one glossary term found in a text. Offsets are bytes into the text given to Match.
type Hit struct {
	Start     int    // start of the surface form, clitic included
	End       int    // end of the surface form
	StemStart int    // start of the term itself, after the clitic
	Clitic    string // the proclitic glued to the term as written ("" when none)
	Entry     *Entry // the matched entry of the glossary itself, not a copy
	// Article marks the li + al contraction: the stem text[StemStart:End] is
	// written without the article's alef (للصين is ل + الصين).
	Article bool
	// Ordinary marks a one-word term that reads as an ordinary word here (see
	// WordUsage), with none of its context words near and nothing around it
	// that marks a name; only MatchAll returns such hits.
	Ordinary bool
}

// Stem returns the term as it stands in text without its clitic, with the
// article's alef restored after the li + al contraction.
func (h Hit) Stem(text string) string {
	if h.Article {
		return "ا" + text[h.StemStart:h.End]
	}
	return text[h.StemStart:h.End]
}

// Matcher finds glossary terms in text. It folds text and terms the same way
// (package arabic), reads a word's proclitics (و ف ب ل ك, لل) only when what
// remains is a term, and prefers the longest term at each place. Its speed
// depends on the text's length, not on the glossary's size: terms are kept
// in a trie over folded words.
//
// A Matcher is safe for concurrent use.
type Matcher struct {
	vocab   map[string]uint32   // folded word → word id (from 1)
	edges   map[uint64]uint32   // node<<32 | word id → child node
	entries []*Entry            // the entry whose term ends at a node, by node
	homo    map[uint32][]*Entry // all entries of nodes shared by homographs
	context map[*Entry][]string // context keys of the entries that have them
}

// contextWindow is how many words on each side of a homograph are searched
// for its context words.
const contextWindow = 60

// NewMatcher prepares g for matching; g may be nil (no terms).
func NewMatcher(g *Glossary) *Matcher {
	n := 0
	if g != nil {
		n = len(g.Entries)
	}
	m := &Matcher{
		vocab:   make(map[string]uint32, n),
		edges:   make(map[uint64]uint32, n*2),
		entries: make([]*Entry, 1, n*2+1),
		homo:    map[uint32][]*Entry{},
		context: map[*Entry][]string{},
	}
	if g == nil {
		return m
	}
	for _, e := range g.Entries {
		var ctx []string
		for _, c := range e.Context {
			if k := Key(c); k != "" {
				ctx = append(ctx, k)
			}
		}
		for _, k := range g.formKeys(e) {
			m.add(k, e, ctx)
		}
	}
	return m
}

// add puts the term with the given key (folded words separated by spaces)
// into the trie.
func (m *Matcher) add(key string, e *Entry, ctx []string) {
	if key == "" || utf8.RuneCountInString(key) < 2 {
		return // a one-letter term would match every stray letter
	}
	node := uint32(0)
	for rest := key; rest != ""; {
		w := rest
		if sp := strings.IndexByte(rest, ' '); sp >= 0 {
			w, rest = rest[:sp], rest[sp+1:]
		} else {
			rest = ""
		}
		id, ok := m.vocab[w]
		if !ok {
			id = uint32(len(m.vocab) + 1)
			m.vocab[w] = id
		}
		key := uint64(node)<<32 | uint64(id)
		child, ok := m.edges[key]
		if !ok {
			child = uint32(len(m.entries))
			m.edges[key] = child
			m.entries = append(m.entries, nil)
		}
		node = child
	}
	if len(ctx) > 0 {
		m.context[e] = ctx
	}
	switch old := m.entries[node]; {
	case old == nil:
		m.entries[node] = e
	case old == e:
		// A variant that folds to a form already listed.
	default:
		hs := m.homo[node]
		if hs == nil {
			hs = []*Entry{old}
		}
		for _, h := range hs {
			if h == e {
				return
			}
		}
		m.homo[node] = append(hs, e)
	}
}

// Words returns the folded words of s, as the matcher sees them.
func Words(s string) []string {
	k := Key(s)
	if k == "" {
		return nil
	}
	return strings.Split(k, " ")
}

// token is one word of a text.
type token struct {
	start, end int32  // bytes in the text
	fs, fe     int32  // bytes of its folded form in tokens.folded
	id         uint32 // the folded word's id in Matcher.vocab, 0 if none
	joined     bool   // only a space or hyphen separates it from the word before
}

type tokens struct {
	toks   []token
	folded string // the folded words, concatenated
}

// tokenize splits text into words (runs of arabic.IsWordRune) and folds them.
func tokenize(text string) tokens {
	toks := make([]token, 0, len(text)/8+1)
	buf := make([]byte, 0, len(text))
	gapStart := 0
	i := 0
	for i < len(text) {
		r, n := decodeRune(text, i)
		if !arabic.IsWordRune(r) {
			i += n
			continue
		}
		start := i
		fs := len(buf)
		for i < len(text) {
			r, n = decodeRune(text, i)
			if r >= 0x0621 && r <= 0x065F {
				// Arabic letters and harakat: the common case, folded inline.
				if f := arabic.FoldRune(r); f >= 0x0600 {
					buf = append(buf, byte(0xC0|f>>6), byte(0x80|f&0x3F))
				}
				i += n
				continue
			}
			if !arabic.IsWordRune(r) {
				break
			}
			buf = arabic.AppendFoldRune(buf, r)
			i += n
		}
		if len(buf) == fs {
			continue // only marks or tatweel
		}
		joined := false
		if n := len(toks); n > 0 {
			gap := text[gapStart:start]
			joined = joinable(gap) || abbreviationGap(gap) && isLetterName(buf[toks[n-1].fs:toks[n-1].fe])
		}
		toks = append(toks, token{start: int32(start), end: int32(i), fs: int32(fs), fe: int32(len(buf)), joined: joined})
		gapStart = i
	}
	return tokens{toks: toks, folded: string(buf)}
}

// decodeRune decodes the rune at text[i], with a fast path for the one- and
// two-byte sequences of Latin and Arabic text.
func decodeRune(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

// joinable reports whether the gap between two words lets them be read as
// one multi-word term: white space within a paragraph, optionally around one
// hyphen (بان كي - مون) or a lone tatweel.
func joinable(gap string) bool {
	if gap == " " {
		return true
	}
	newlines, dashes := 0, 0
	for _, r := range gap {
		switch r {
		case ' ', '\t', '\r', '\u00A0', '\u200F', '\u200E', arabic.Tatweel:
		case '\n':
			newlines++
		case '-', '\u2010', '\u2011':
			dashes++
		default:
			return false
		}
	}
	return newlines <= 1 && dashes <= 1
}

// abbreviationGap reports a full stop between the letters of an abbreviation
// (بي.بي.سي, بي. بي. سي): one dot, at most one space after it.
func abbreviationGap(gap string) bool {
	return gap == "." || gap == ". "
}

// isLetterName reports a folded word short enough to be the name of a letter
// in an abbreviation (بي, سي, ان, ايه, جي), with the proclitics and the
// article that may lead the abbreviation (والسي. آي. ايه, الكي. جي. بي).
func isLetterName(folded []byte) bool {
	if utf8.RuneCount(folded) <= 3 {
		return true
	}
	rest := string(folded)
	for _, set := range []string{"وف", "بلك"} {
		if r, n := utf8.DecodeRuneInString(rest); strings.ContainsRune(set, r) {
			rest = rest[n:]
		}
	}
	rest, ok := strings.CutPrefix(rest, "ال")
	return ok && rest != "" && utf8.RuneCountInString(rest) <= 3
}

// Match returns the hits in text, in text order, longest match first and
// without overlaps. A one-word term that news text mostly uses as an ordinary
// word (الأمن "security", فاز "won") is left out unless one of its entry's
// context words is near, the entry says always, or the words around it mark
// a name (see nameCue and coordinated): a wrong name in a translation is
// worse than a name left to the engine.
func (m *Matcher) Match(text string) []Hit {
	return m.match(text, text, false)
}

// MatchIn is Match for text that is part of article (a headline, a
// paragraph, a sentence): what depends on the writer's habits, such as
// whether ى is written, is judged on the whole article, so that a short
// headline reads a name as the body does.
func (m *Matcher) MatchIn(text, article string) []Hit {
	return m.match(text, article, false)
}

// MatchAll is Match with the ordinary-word hits kept, marked Ordinary.
func (m *Matcher) MatchAll(text string) []Hit {
	return m.match(text, text, true)
}

// match finds the hits in text, a part of article.
func (m *Matcher) match(text, article string, all bool) []Hit {
	if len(m.vocab) == 0 {
		return nil
	}
	if len(text) > maxText {
		return m.matchLong(text, article, all)
	}
	t := tokenize(text)
	for i := range t.toks {
		tk := &t.toks[i]
		tk.id = m.vocab[t.folded[tk.fs:tk.fe]]
	}
	var hits []Hit
	var splits []arabic.Split
	var scratch []byte
	var whole *tokens // the article's words, when a homograph needs them
	wholeArticle := func() *tokens {
		if article == text {
			return nil
		}
		if whole == nil {
			at := tokenize(article)
			whole = &at
		}
		return whole
	}
	maqsura := -1 // whether the article writes ى: 1 yes, 0 no, -1 not looked yet
	writesMaqsura := func() bool {
		if maqsura < 0 {
			maqsura = 0
			if strings.Contains(article, "ى") {
				maqsura = 1
			}
		}
		return maqsura == 1
	}
	for i := 0; i < len(t.toks); {
		tk := t.toks[i]
		word := t.folded[tk.fs:tk.fe]
		bestNode, bestLen := uint32(0), 0
		var bestSplit arabic.Split
		if tk.id != 0 {
			bestNode, bestLen = m.walk(tk.id, t.toks, i)
		}
		if couldHaveProclitic(word) {
			splits = arabic.AppendSplits(splits[:0], word)
			for _, s := range splits {
				var id uint32
				if s.Article {
					scratch = append(append(scratch[:0], "ا"...), word[s.CliticEnd:]...)
					id = m.vocab[string(scratch)]
				} else {
					id = m.vocab[word[s.CliticEnd:]]
				}
				if id == 0 {
					continue
				}
				if node, n := m.walk(id, t.toks, i); n > bestLen {
					bestNode, bestLen, bestSplit = node, n, s
				}
			}
		}
		if bestLen == 0 || bestLen == 1 && inDate(t, i, word[bestSplit.CliticEnd:]) {
			i++
			continue
		}
		start, end := int(tk.start), int(tk.end)
		stem := start
		if bestSplit.CliticEnd > 0 {
			stem = originalOffset(text[start:end], bestSplit.CliticEnd) + start
		}
		if bestLen == 1 && arabic.IsMaqsuraParticle(text[stem:end]) {
			i++ // على "on", not علي "Ali"
			continue
		}
		e := m.choose(bestNode, t, i, i+bestLen, wholeArticle)
		ordinary := bestLen == 1 && !e.Always && ordinaryWord(word, text[start:end], writesMaqsura) &&
			!m.contextNear(e, t, i, i+1) && !nameCue(text, t, i)
		hits = append(hits, Hit{
			Start:     start,
			End:       int(t.toks[i+bestLen-1].end),
			StemStart: stem,
			Clitic:    text[start:stem],
			Entry:     e,
			Article:   bestSplit.Article,
			Ordinary:  ordinary,
		})
		i += bestLen
	}
	coordinated(text, hits)
	if !all {
		hits = dropOrdinary(hits)
	}
	return hits
}

// dropOrdinary removes the hits marked Ordinary, in place.
func dropOrdinary(hits []Hit) []Hit {
	kept := hits[:0]
	for _, h := range hits {
		if !h.Ordinary {
			kept = append(kept, h)
		}
	}
	return kept
}

// inDate reports a one-word term that is a month name written as part of a
// date: next to a number or a Gregorian month name (أبريل / نيسان 2004). Names
// such as نيسان (Nissan) or تموز are then read as months.
func inDate(t tokens, i int, stem string) bool {
	if !arabic.IsMonthWord(stem) {
		return false
	}
	for _, k := range []int{i - 1, i + 1} {
		if k < 0 || k >= len(t.toks) {
			continue
		}
		w := t.folded[t.toks[k].fs:t.toks[k].fe]
		if isNumber(w) || arabic.IsGregorianMonth(w) || w == "الاول" || w == "الثاني" {
			return true
		}
	}
	return false
}

// maxText is the longest text matched in one piece: offsets are kept in
// 32 bits.
const maxText = 1<<31 - 1

// matchLong matches a text too long for one piece, paragraph by paragraph.
func (m *Matcher) matchLong(text, article string, all bool) []Hit {
	var hits []Hit
	for off := 0; off < len(text); {
		end := min(len(text), off+maxText)
		if end < len(text) {
			if k := strings.LastIndex(text[off:end], "\n"); k > 0 {
				end = off + k + 1
			} else {
				for end > off && !utf8.RuneStart(text[end]) {
					end--
				}
			}
		}
		for _, h := range m.match(text[off:end], article, all) {
			h.Start += off
			h.End += off
			h.StemStart += off
			hits = append(hits, h)
		}
		off = end
	}
	return hits
}

// walk follows the trie from the first word id through the words after
// toks[i] and returns the deepest node that ends a term and its word count.
func (m *Matcher) walk(first uint32, toks []token, i int) (uint32, int) {
	node, ok := m.edges[uint64(first)]
	if !ok {
		return 0, 0
	}
	best, bestLen := uint32(0), 0
	if m.entries[node] != nil {
		best, bestLen = node, 1
	}
	for k := i + 1; k < len(toks) && toks[k].joined && toks[k].id != 0; k++ {
		node, ok = m.edges[uint64(node)<<32|uint64(toks[k].id)]
		if !ok {
			break
		}
		if m.entries[node] != nil {
			best, bestLen = node, k-i+1
		}
	}
	return best, bestLen
}

// couldHaveProclitic is a quick test before the proclitic readings are tried.
func couldHaveProclitic(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return r == 'و' || r == 'ف' || r == 'ب' || r == 'ل' || r == 'ك'
}

// originalOffset maps n bytes of the folded form of word to a byte offset in
// word, skipping the marks that follow the last folded rune.
func originalOffset(word string, n int) int {
	folded := 0
	var buf [16]byte
	for i, r := range word {
		if folded >= n {
			if arabic.FoldRune(r) >= 0 {
				return i
			}
			continue
		}
		folded += len(arabic.AppendFoldRune(buf[:0], r))
	}
	return len(word)
}

// choose picks the entry among homographs by their context words around
// toks[from:to], or else anywhere in the article (whole returns its words,
// or nil when t is the whole article): an article means one عمان throughout,
// and its headline may name it far from the words that tell which. Without
// context, the first entry listed wins.
func (m *Matcher) choose(node uint32, t tokens, from, to int, whole func() *tokens) *Entry {
	es := m.homo[node]
	if len(es) == 0 {
		return m.entries[node]
	}
	best, bestScore := m.bestByContext(es, t, max(0, from-contextWindow), min(len(t.toks), to+contextWindow))
	if bestScore == 0 {
		if w := whole(); w != nil {
			best, bestScore = m.bestByContext(es, *w, 0, len(w.toks))
		}
	}
	if bestScore == 0 {
		// No context found: prefer an entry that asks for none.
		for _, e := range es {
			if len(m.context[e]) == 0 {
				return e
			}
		}
	}
	return es[best]
}

// bestByContext returns the index of the entry of es with the most context
// words in toks[lo:hi], and how many it has.
func (m *Matcher) bestByContext(es []*Entry, t tokens, lo, hi int) (best, bestScore int) {
	for k, e := range es {
		score := 0
		for _, c := range m.context[e] {
			if windowHas(t, lo, hi, c) {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = k, score
		}
	}
	return best, bestScore
}

// contextNear reports whether one of e's context words occurs near toks[from:to].
func (m *Matcher) contextNear(e *Entry, t tokens, from, to int) bool {
	ctx := m.context[e]
	if len(ctx) == 0 {
		return false
	}
	lo, hi := max(0, from-contextWindow), min(len(t.toks), to+contextWindow)
	for _, c := range ctx {
		if windowHas(t, lo, hi, c) {
			return true
		}
	}
	return false
}

// windowHas reports whether the words key (folded, space-separated) occur in
// toks[lo:hi], bare or after a proclitic.
func windowHas(t tokens, lo, hi int, key string) bool {
	words := strings.Split(key, " ")
	for i := lo; i+len(words) <= hi; i++ {
		w := t.folded[t.toks[i].fs:t.toks[i].fe]
		if w != words[0] && !hasStem(w, words[0]) {
			continue
		}
		all := true
		for k := 1; k < len(words); k++ {
			tk := t.toks[i+k]
			if t.folded[tk.fs:tk.fe] != words[k] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func hasStem(word, stem string) bool {
	for _, s := range arabic.SplitProclitics(word) {
		if s.Stem(word) == stem {
			return true
		}
	}
	return false
}
