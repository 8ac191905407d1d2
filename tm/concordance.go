package tm

import (
	"context"
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
// translation, ignoring case. The best come first: whole words before parts
// of words, then what an editor approved, then the newest.
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
	if inTarget {
		key = strings.TrimFunc(key, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
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
			s, end, whole, ok := findTerm(text, core, article, inTarget)
			if !ok {
				continue
			}
			res.Total++
			res.Hits = append(res.Hits, Hit{Entry: e, InTarget: inTarget, Start: s, End: end, Whole: whole})
		}
	}
	slices.SortStableFunc(res.Hits, func(a, b Hit) int {
		if a.Whole != b.Whole {
			if a.Whole {
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
// concordanceScan) whose folded source, or whose translation, may hold
// core: the trigram index finds them in the sources; a core too short for
// it, and a translation, are searched row by row.
func (m *Memory) holding(ctx context.Context, core string, inTarget bool) ([]int64, bool, error) {
	var query string
	var arg any
	switch {
	case inTarget:
		// LIKE ignores the case of ASCII letters, and reads the rows
		// faster than lower() and instr(); the exact check is findTerm's
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(core)
		query, arg = `SELECT id FROM tu WHERE target LIKE ?1 ESCAPE '\' ORDER BY id DESC LIMIT ?2`, "%"+esc+"%"
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
	capped := len(ids) > concordanceScan
	if capped {
		ids = ids[:concordanceScan]
	}
	return ids, capped, nil
}

// foldOffsets folds s as lookups compare it (Arabic folding, or only lower
// case for a translation), with each run of white space made one space, and
// returns for each byte of the result the offset in s of the rune it came
// from, with len(s) appended.
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
		if space >= 0 {
			b = append(b, ' ')
			at = append(at, space)
			space = -1
		}
		n := len(b)
		if latin {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		} else {
			b = arabic.AppendFoldRune(b, r)
		}
		for range len(b) - n {
			at = append(at, i)
		}
	}
	return string(b), append(at, len(s))
}

// findTerm finds core in text as findTerm's caller folded it and returns the
// byte range in text of its best occurrence: a whole word (words) first.
// In Arabic, the word may carry proclitics and, when article is set, must
// carry the article (ال, or the ل of لل); without it, the article may be
// there or not.
func findTerm(text, core string, article, latin bool) (start, end int, whole, ok bool) {
	folded, at := foldOffsets(text, latin)
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
		if prefixOK && atEnd {
			return s, e, true, true
		}
		if !ok {
			start, end, ok = s, e, true
		}
	}
	return start, end, false, ok
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
