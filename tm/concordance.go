package tm

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/arabic"
)

// ConcordanceOptions configure Concordance. The zero value is useful.
type ConcordanceOptions struct {
	Max int // most hits returned; 0 means 10
}

// Hit is a memory entry that holds a searched word or phrase.
type Hit struct {
	Entry // the pair, with its provenance
	// InTarget says the term was found in the translation (a term without
	// Arabic letters is searched there), not in the source.
	InTarget bool
	// Start and End are the byte range of the term as written in Source
	// (or in Target when InTarget), clitics and the article outside it.
	Start, End int
	// Whole says the term is a whole word or words there (with the Arabic
	// proclitics and article a word takes), not the start or middle of one.
	Whole bool
	// Spelled says a term typed with accents (São Paulo, Straße) is written
	// there with them, not only found as its letters without them (Sao
	// Paulo, Strasse).
	Spelled bool
}

// Concordance is what a concordance search found: the best hits and how
// many entries hold the term in all.
type Concordance struct {
	Hits  []Hit // the best hits, best first, at most ConcordanceOptions.Max
	Total int   // entries holding the term; at most concordanceScan when Capped
	// Searched is the term searched for when it is not the one given: a
	// term written with a proclitic that no pair holds (لموسكو) is searched
	// without it (موسكو).
	Searched string
	// Capped says that more entries may hold the term than were read: a
	// very common word.
	Capped bool
}

// concordanceScan bounds the entries read by one search, newest first.
const concordanceScan = 5000

// Concordance finds the entries from sourceLang into targetLang that hold
// term: in the source when term has Arabic letters, folded as lookups fold
// (hamza, ta marbuta, alef maqsura, diacritics) and whether or not a word
// carries a proclitic (و ف ب ل ك) or the article (الكرملين finds
// للكرملين and وبالكرملين; كرملين finds الكرملين too); else in the
// translation, ignoring case and accents (Erdogan finds Erdoğan, Strasse
// Straße, and the other way round). The best come first: whole words before
// parts of words, then, for a term typed with accents, the pairs that
// write it with them, then what an editor approved, then the newest.
func (m *Memory) Concordance(ctx context.Context, sourceLang, targetLang, term string, opts ConcordanceOptions) (Concordance, error) {
	res, err := m.concordance(ctx, sourceLang, targetLang, term, opts)
	if err != nil || res.Total > 0 || !arabic.HasArabic(term) {
		return res, err
	}
	term = strings.TrimSpace(term)
	splits := arabic.SplitProclitics(term)
	// للكرملين is ل + الكرملين before it is ل + لكرملين
	slices.SortStableFunc(splits, func(a, b arabic.Split) int {
		if a.Article != b.Article && a.Article {
			return -1
		}
		if a.Article != b.Article {
			return 1
		}
		return 0
	})
	for _, sp := range splits {
		stem := sp.Stem(term)
		if utf8.RuneCountInString(stem) < 2 {
			continue
		}
		r, err := m.concordance(ctx, sourceLang, targetLang, stem, opts)
		if err != nil {
			return res, err
		}
		if r.Total > 0 && r.Hits[0].Whole { // a stem found only inside other words is no reading of the term
			r.Searched = stem
			return r, nil
		}
	}
	return res, nil
}

func (m *Memory) concordance(ctx context.Context, sourceLang, targetLang, term string, opts ConcordanceOptions) (Concordance, error) {
	if opts.Max <= 0 {
		opts.Max = 10
	}
	var res Concordance
	inTarget := !arabic.HasArabic(term)
	key, _ := foldOffsets(term, inTarget)
	var spelled string // the term as written, when its accents make it more than key
	if inTarget {
		edge := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }
		key = strings.TrimFunc(key, edge)
		if spelled = strings.TrimFunc(spelling(term), edge); spelled == key {
			spelled = ""
		}
	}
	if utf8.RuneCountInString(key) < 2 {
		return res, fmt.Errorf("search term %q: too short, want at least two letters", term)
	}
	core, article := key, false
	if !inTarget {
		core, article = strings.CutPrefix(key, "ال")
		if !article || utf8.RuneCountInString(core) < 2 {
			core, article = key, false
		}
	}
	ids, capped, err := m.holding(ctx, core, inTarget)
	if err != nil {
		return res, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	res.Capped = capped
	sp, tp := primary(sourceLang), primary(targetLang)
	for start := 0; start < len(ids); start += 500 {
		es, _, err := m.entries(ctx, ids[start:min(start+500, len(ids))])
		if err != nil {
			return res, fmt.Errorf("translation memory %s: %w", m.path, err)
		}
		for _, e := range es {
			if primary(e.SourceLang) != sp || primary(e.TargetLang) != tp {
				continue
			}
			text := e.Source
			if inTarget {
				text = e.Target
			}
			s, end, whole, ok := findTerm(text, core, article, inTarget, spelled)
			if !ok {
				continue
			}
			res.Total++
			res.Hits = append(res.Hits, Hit{Entry: e, InTarget: inTarget, Start: s, End: end, Whole: whole,
				Spelled: spelled != "" && spelling(text[s:end]) == spelled})
		}
	}
	slices.SortStableFunc(res.Hits, func(a, b Hit) int {
		if a.Whole != b.Whole {
			if a.Whole {
				return -1
			}
			return 1
		}
		if a.Spelled != b.Spelled {
			if a.Spelled {
				return -1
			}
			return 1
		}
		return compareMatches(&a.Entry, 1, &b.Entry, 1)
	})
	if len(res.Hits) > opts.Max {
		res.Hits = res.Hits[:opts.Max]
	}
	return res, nil
}

// holding returns the ids of the entries (newest first, at most
// concordanceScan) whose folded source may hold core, or whose translation
// holds it: the trigram index finds them in the sources; a core too short
// for it is searched row by row; a translation is found through the word
// index of the translations (holdingTarget).
func (m *Memory) holding(ctx context.Context, core string, inTarget bool) ([]int64, bool, error) {
	if inTarget {
		return m.holdingTarget(ctx, core, m.targetIndexed)
	}
	var query string
	var arg any
	switch {
	case utf8.RuneCountInString(core) >= 3:
		// The index keeps no positions (detail=none): it finds the
		// entries holding every trigram of core, and findTerm keeps those
		// that hold core itself.
		var all []string
		for _, g := range trigrams(core) {
			all = append(all, `"`+strings.ReplaceAll(string(g[:]), `"`, `""`)+`"`)
		}
		query, arg = `SELECT rowid FROM tu_fts WHERE tu_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2`, strings.Join(all, " AND ")
	default:
		query, arg = `SELECT id FROM tu WHERE instr(norm, ?1) > 0 ORDER BY id DESC LIMIT ?2`, core
	}
	rows, err := m.db.QueryContext(ctx, query, arg, concordanceScan+1)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, false, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	ids, capped := capScan(ids)
	return ids, capped, nil
}

// capScan keeps the first concordanceScan ids, and says whether there were
// more.
func capScan(ids []int64) ([]int64, bool) {
	if len(ids) > concordanceScan {
		return ids[:concordanceScan], true
	}
	return ids, false
}

// holdingTarget returns the ids of the entries (newest first, at most
// concordanceScan) whose translation, folded as findTerm folds it, holds
// core. With indexed, the candidates come from the word index of the
// translations (targetMatch); else, or when core cannot be looked up there,
// every translation is read. Either way each candidate is checked, so both
// find the same entries.
func (m *Memory) holdingTarget(ctx context.Context, core string, indexed bool) ([]int64, bool, error) {
	// LIKE sees ASCII only: a translation with other characters (more
	// bytes than characters) may hold core written with accents, and is
	// read
	scan := `SELECT id, target FROM tu WHERE target LIKE ?1 ESCAPE '\' OR length(target) != length(CAST(target AS BLOB)) ORDER BY id DESC`
	var rows *sql.Rows
	if indexed {
		expr, ok, err := m.targetMatch(ctx, core)
		if err != nil {
			return nil, false, err
		}
		if ok {
			rows, err = m.db.QueryContext(ctx, `SELECT tu.id, tu.target FROM tu_tfts JOIN tu ON tu.id = tu_tfts.rowid
				WHERE tu_tfts MATCH ?1 ORDER BY tu_tfts.rowid DESC`, expr)
			if err != nil && ctx.Err() != nil {
				return nil, false, err
			}
			// else a word the index splits in two (a letter newer than
			// its Unicode tables) makes a phrase it cannot look up: read
		}
	}
	if rows == nil {
		var err error
		if rows, err = m.db.QueryContext(ctx, scan, likePattern(core)); err != nil {
			return nil, false, err
		}
	}
	defer rows.Close()
	var ids []int64
	var target string
	var folded []byte
	want := []byte(core)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &target); err != nil {
			return nil, false, err
		}
		if folded = foldLatin(folded[:0], target); !bytes.Contains(folded, want) {
			continue
		}
		ids = append(ids, id)
		if len(ids) > concordanceScan {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	ids, capped := capScan(ids)
	return ids, capped, nil
}

// likePattern is a LIKE pattern that every translation of ASCII holding
// core (as foldOffsets folds it) matches: an apostrophe or hyphen matches
// any one character, and a space any run of white space.
func likePattern(core string) string {
	var b strings.Builder
	b.WriteByte('%')
	for _, r := range core {
		switch {
		case r == ' ':
			b.WriteByte('%')
		case r == '\'' || r == '-': // or what latinFold made one
			b.WriteByte('_')
		case r == '%' || r == '_' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	b.WriteByte('%')
	return b.String()
}

// targetMatch returns the FTS5 query of tu_tfts that finds every
// translation holding core (folded by latinBase), or false when it cannot
// make one. The index holds words (runs of letters and digits) folded to
// lower case without diacritics: each word of core is a word of the
// translation, but for the last, which may begin one (a prefix, as a user
// types), and the first, which may end one, or, alone, lie anywhere in one;
// the words of the index that hold it so are looked up in its vocabulary,
// as are those that its tokenizer does not fold as latinBase does (Straße
// for strasse, Łódź for lodz).
func (m *Memory) targetMatch(ctx context.Context, core string) (string, bool, error) {
	// the index's tokenizer splits words at spaces, punctuation and symbols
	words := strings.FieldsFunc(core, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) })
	if len(words) == 0 {
		return "", false, nil
	}
	alts, ok, err := m.wordsHolding(ctx, words)
	if err != nil || !ok {
		return "", false, err
	}
	quote := func(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"` }
	var b strings.Builder
	for k, w := range words {
		if k > 0 {
			b.WriteString(" AND ")
		}
		b.WriteString("(" + quote(w))
		if k == len(words)-1 {
			b.WriteByte('*')
		}
		for _, t := range alts[k] {
			b.WriteString(" OR " + quote(t))
		}
		b.WriteByte(')')
	}
	return b.String(), true, nil
}

// foldOffsets folds s as lookups compare it (Arabic folding, or, for a
// translation, latinBase: lower case without diacritics), with each run of
// white space made one space, and returns for each byte of the result the
// offset in s of the rune it came from, with len(s) appended.
func foldOffsets(s string, latin bool) (string, []int) {
	var b []byte
	var at []int
	space := -1 // offset of the white space run seen since the last word
	for i, r := range s {
		if unicode.IsSpace(r) {
			if space < 0 && len(b) > 0 {
				space = i
			}
			continue
		}
		if latin {
			f := latinBase(r)
			if f == "" { // a combining accent
				continue
			}
			if space >= 0 {
				b = append(b, ' ')
				at = append(at, space)
				space = -1
			}
			b = append(b, f...)
			for range len(f) {
				at = append(at, i)
			}
			continue
		}
		if space >= 0 {
			b = append(b, ' ')
			at = append(at, space)
			space = -1
		}
		n := len(b)
		b = arabic.AppendFoldRune(b, r)
		for range len(b) - n {
			at = append(at, i)
		}
	}
	return string(b), append(at, len(s))
}

// foldLatin appends to dst what foldOffsets(s, true) returns, without the
// offsets.
func foldLatin(dst []byte, s string) []byte {
	start, space := len(dst), false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = len(dst) > start
			continue
		}
		if r < utf8.RuneSelf {
			if space {
				dst = append(dst, ' ')
				space = false
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		f := latinBase(r)
		if f == "" {
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, f...)
	}
	return dst
}

// findTerm finds core in text as findTerm's caller folded it and returns the
// byte range in text of its best occurrence: a whole word (words) first,
// and among those, when spelled is set, one written as spelled (a
// translation that writes a name both with accents and without).
// In Arabic, the word may carry proclitics and, when article is set, must
// carry the article (ال, or the ل of لل); without it, the article may be
// there or not.
func findTerm(text, core string, article, latin bool, spelled string) (start, end int, whole, ok bool) {
	folded, at := foldOffsets(text, latin)
	best := -1 // rank of start:end, 2 for a whole word, +1 spelled as spelled
	want := 2
	if spelled != "" {
		want = 3
	}
	for from := 0; from < len(folded); {
		i := strings.Index(folded[from:], core)
		if i < 0 {
			break
		}
		i += from
		j := i + len(core)
		from = i + 1
		w := wordStart(folded, i)
		prefixOK := prefixAllowed(folded[w:i], article, latin)
		if !prefixOK && article {
			continue // the article is what the translator asked for
		}
		atEnd := j == len(folded) || !isWordByte(folded, j)
		s, e := at[i], at[j]
		if article && prefixOK { // the article the translator typed is part of the term shown
			art := "ال"
			if !strings.HasSuffix(folded[w:i], art) {
				art = "ل"
			}
			s = at[i-len(art)]
		}
		rank := 0
		if prefixOK && atEnd {
			rank = 2
		}
		if rank+1 > best && spelled != "" && spelling(text[s:e]) == spelled {
			rank++
		}
		if rank > best {
			start, end, whole, ok, best = s, e, rank >= 2, true, rank
		}
		if best == want {
			break
		}
	}
	return start, end, whole, ok
}

// wordStart returns the offset where the word holding folded[i] begins.
func wordStart(folded string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(folded[:i])
		if !arabic.IsWordRune(r) {
			break
		}
		i -= size
	}
	return i
}

// isWordByte reports whether the rune at folded[j] continues a word.
func isWordByte(folded string, j int) bool {
	r, _ := utf8.DecodeRuneInString(folded[j:])
	return arabic.IsWordRune(r)
}

// prefixAllowed reports whether p, what comes between the start of a word
// and the searched term, is a run of proclitics (with the article when the
// term had it): و ب وب ال وال بال لل ولل…
func prefixAllowed(p string, article, latin bool) bool {
	if latin {
		return p == ""
	}
	if article {
		if rest, ok := strings.CutSuffix(p, "ال"); ok {
			return rest == "" || isProclitics(rest)
		}
		if rest, ok := strings.CutSuffix(p, "لل"); ok { // li + al: للكرملين
			return rest == "" || rest == "و" || rest == "ف"
		}
		return false
	}
	if p == "" || isProclitics(p) {
		return true
	}
	return prefixAllowed(p, true, false)
}

// isProclitics reports whether p is one of arabic.Proclitics.
func isProclitics(p string) bool {
	return slices.Contains(arabic.Proclitics, p)
}

// maxInside bounds the words of the translations that hold a searched word
// inside them which a search looks up: more of them make a query slower
// than reading the translations, which then soon find enough pairs.
const maxInside = 200

// wordsHolding returns, for each of words (the words of a term, folded
// by latinBase), the words of the translations (tu_words, and those of the
// rows waiting to be added to it) other than it that a translation holding
// the term may hold in its place: for the first word, those that end with
// it, or, when it is the only one, that hold it after their first letter;
// and those, written with letters other than ASCII ones, that are it (or,
// for the last, begin with it) once folded. It returns false when there are
// more than maxInside.
func (m *Memory) wordsHolding(ctx context.Context, words []string) ([][]string, bool, error) {
	w0 := words[0]
	single := len(words) == 1
	// the vocabulary's words of ASCII are folded already
	inside := func(t string) bool { return strings.HasSuffix(t, w0) && t != w0 }
	query := `SELECT w FROM tu_words WHERE w LIKE '%' || ?1 AND w != ?1 OR length(w) != length(CAST(w AS BLOB))`
	if single {
		inside = func(t string) bool {
			_, size := utf8.DecodeRuneInString(t)
			return t != "" && strings.Contains(t[size:], w0)
		}
		query = `SELECT w FROM tu_words WHERE instr(substr(w, 2), ?1) > 0 OR length(w) != length(CAST(w AS BLOB))`
	}
	found := make([]map[string]struct{}, len(words))
	for k := range found {
		found[k] = map[string]struct{}{}
	}
	n := 0
	var buf []byte
	add := func(t string) {
		f := t
		for i := 0; i < len(t); i++ {
			if t[i] >= utf8.RuneSelf {
				buf = foldLatin(buf[:0], t)
				f = string(buf)
				break
			}
		}
		for k, w := range words {
			var ok bool
			switch {
			case k == 0 && inside(f):
				ok = f != t || t != w
			case k == len(words)-1:
				ok = f != t && strings.HasPrefix(f, w)
			default:
				ok = f != t && f == w
			}
			if _, seen := found[k][t]; ok && !seen {
				found[k][t] = struct{}{}
				n++
			}
		}
	}
	rows, err := m.db.QueryContext(ctx, query, w0)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	for rows.Next() && n <= maxInside {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, false, err
		}
		add(t)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	pending := map[string]struct{}{}
	prows, err := m.db.QueryContext(ctx, `SELECT tu.target FROM tu_tpending JOIN tu ON tu.id = tu_tpending.id`)
	if err != nil {
		return nil, false, err
	}
	defer prows.Close()
	for prows.Next() {
		var t string
		if err := prows.Scan(&t); err != nil {
			return nil, false, err
		}
		buf = targetWords(pending, t, buf)
	}
	if err := prows.Err(); err != nil {
		return nil, false, err
	}
	for t := range pending {
		add(t)
	}
	if n > maxInside {
		return nil, false, nil
	}
	alts := make([][]string, len(words))
	for k := range words {
		for t := range found[k] {
			alts[k] = append(alts[k], t)
		}
		slices.Sort(alts[k])
	}
	return alts, true, nil
}
