package tm

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"bitext/arabic"
)

// Match is a memory entry similar to a looked-up text.
type Match struct {
	Entry // the memory's pair, with its provenance
	// Score is the similarity of the normalised sources in [0,1]: one minus
	// the character edit distance divided by the longer length, a number
	// counting as one character (a placeable: another figure is one edit).
	Score float64
	// Diff turns the entry's source into the looked-up text.
	Diff []diffmatchpatch.Diff
	// Numbers are the figures the entry's source and the text do not
	// share: the translation must not be taken with the old ones.
	Numbers []NumberChange
}

// FuzzyOptions configure Fuzzy. The zero value is useful.
type FuzzyOptions struct {
	MinScore   float64 // lowest score returned; 0 means 0.75
	Max        int     // most matches returned; 0 means 5
	Candidates int     // most candidates scored; 0 means 60
	// Trigrams is how many of the text's rarest trigrams select candidates;
	// 0 means 24.
	Trigrams int
}

func (o FuzzyOptions) withDefaults() FuzzyOptions {
	if o.MinScore <= 0 {
		o.MinScore = 0.75
	}
	if o.Max <= 0 {
		o.Max = 5
	}
	if o.Candidates <= 0 {
		o.Candidates = 60
	}
	if o.Trigrams <= 0 {
		o.Trigrams = 24
	}
	return o
}

// postingBudget bounds the row ids read from the trigram index per lookup,
// so that a text made only of common trigrams stays fast.
const postingBudget = 12000

// maxFuzzyRunes is the longest text looked up by similarity: the edit
// distance runs without a deadline, so that a score never depends on how
// busy the machine is, and a longer text is matched only exactly.
const maxFuzzyRunes = 2000

// Fuzzy returns the entries whose source is most similar to source, best
// first as every lookup ranks them (by score, then approved pairs first; see
// compareMatches). Candidates are the entries that share the most of the text's rarest
// trigrams (the FTS5 trigram index); each is scored by the edit distance of
// the normalised sources (go-diff).
func (m *Memory) Fuzzy(ctx context.Context, sourceLang, targetLang, source string, opts FuzzyOptions) ([]Match, error) {
	opts = opts.withDefaults()
	q := normalize(source)
	if n := utf8.RuneCountInString(q); n < 3 || n > maxFuzzyRunes {
		return m.exactAsMatches(ctx, sourceLang, targetLang, source)
	}
	entries, norms, err := m.candidates(ctx, q, opts)
	if err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	if len(entries) == 0 {
		return nil, nil
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: a score must not depend on how busy the machine is
	sp, tp := primary(sourceLang), primary(targetLang)
	var nums placeholders
	q = nums.mark(q)
	qLen := utf8.RuneCountInString(q)
	var qp *profile
	var out []Match
	for i, e := range entries {
		if primary(e.SourceLang) != sp || primary(e.TargetLang) != tp {
			continue
		}
		n := nums.mark(norms[i])
		nLen := utf8.RuneCountInString(n)
		longer := max(qLen, nLen)
		// The length difference alone bounds the score: skip hopeless ones.
		if 1-float64(longer-min(qLen, nLen))/float64(longer) < opts.MinScore {
			continue
		}
		score := 1.0
		if n != q {
			// So do the letters and trigrams the two do not share, far
			// more cheaply than the diff; the diff's distance is never
			// below this bound, so no match is lost.
			if qp == nil {
				qp = newProfile(q)
			}
			if 1-float64(qp.distanceBound(n))/float64(longer) < opts.MinScore {
				continue
			}
			d := dmp.DiffMain(n, q, false)
			score = 1 - float64(dmp.DiffLevenshtein(d))/float64(longer)
		}
		if score < opts.MinScore {
			continue
		}
		out = append(out, Match{Entry: e, Score: score})
	}
	slices.SortStableFunc(out, func(a, b Match) int {
		if a.Score == b.Score {
			if c := compareSame(a.Source, b.Source, source); c != 0 {
				return c
			}
		}
		return compareMatches(&a.Entry, a.Score, &b.Entry, b.Score)
	})
	if len(out) > opts.Max {
		out = out[:opts.Max]
	}
	for i := range out {
		out[i].Diff = WordDiff(out[i].Source, source)
		out[i].Numbers = NumberChanges(out[i].Source, out[i].Target, source)
	}
	return out, nil
}

func (m *Memory) exactAsMatches(ctx context.Context, sourceLang, targetLang, source string) ([]Match, error) {
	es, err := m.Exact(ctx, sourceLang, targetLang, source)
	if err != nil {
		return nil, err
	}
	var out []Match
	for _, e := range es {
		out = append(out, Match{Entry: e, Score: 1, Diff: Diff(e.Source, source)})
	}
	return out, nil
}

// postingsSQL reads the row ids of the entries holding each FTS5 phrase of
// the JSON array ?1, one comma-separated list per phrase: counting them in
// Go is several times faster than SQLite's GROUP BY, and one statement of
// fixed text is prepared once, where a statement built per lookup cost more
// to parse than to run.
const postingsSQL = `SELECT (SELECT group_concat(rowid) FROM tu_fts WHERE tu_fts MATCH j.value) FROM json_each(?1) AS j`

// entriesSQL reads the entries with the ids in the JSON array ?1, in id order.
const entriesSQL = `SELECT ` + entryCols + `, norm FROM tu WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id`

// docFreqSQL reads the counts of the trigram keys in the JSON array ?1.
const docFreqSQL = `SELECT g, n FROM gram WHERE g IN (SELECT value FROM json_each(?1))`

// candidates returns the entries sharing most of q's rarest trigrams, in id
// order, and their normalised sources.
func (m *Memory) candidates(ctx context.Context, q string, opts FuzzyOptions) ([]Entry, []string, error) {
	grams := trigrams(q)
	freq, err := m.docFreq(ctx, grams)
	if err != nil {
		return nil, nil, err
	}
	// Rarest first: they select few rows and say most. (sort.Slice, not a
	// stable sort: among trigrams as rare as each other it picks the ones
	// it always picked, so the same memory gives the same candidates.)
	use := make([]int, 0, len(grams)) // indexes into grams
	for k := range grams {
		if freq[k] > 0 {
			use = append(use, k)
		}
	}
	sort.Slice(use, func(i, j int) bool { return freq[use[i]] < freq[use[j]] })
	if len(use) > opts.Trigrams {
		use = use[:opts.Trigrams]
	}
	// Within the posting budget, rarest first.
	read := 0
	for k, g := range use {
		if k > 0 && read+freq[g] > postingBudget {
			use = use[:k]
			break
		}
		read += freq[g]
	}
	if len(use) == 0 {
		return nil, nil, nil
	}
	phrases := make([]string, len(use))
	for k, g := range use {
		phrases[k] = `"` + strings.ReplaceAll(string(grams[g][:]), `"`, `""`) + `"`
	}
	ids, err := m.topShared(ctx, phrases, opts.Candidates)
	if err != nil || len(ids) == 0 {
		return nil, nil, err
	}
	return m.entries(ctx, ids)
}

// topShared returns the ids of the (at most limit) entries that hold the
// most of phrases, ties broken by the larger id.
func (m *Memory) topShared(ctx context.Context, phrases []string, limit int) ([]int64, error) {
	arg, err := json.Marshal(phrases)
	if err != nil {
		return nil, err
	}
	stmt, err := m.stmt(ctx, postingsSQL)
	if err != nil {
		return nil, err
	}
	rows, err := stmt.QueryContext(ctx, string(arg))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	shared := map[int64]int{}
	for rows.Next() {
		var list sql.RawBytes
		if err := rows.Scan(&list); err != nil {
			return nil, err
		}
		for len(list) > 0 {
			var field []byte
			field, list, _ = bytes.Cut(list, []byte{','})
			id, err := strconv.ParseInt(string(field), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("trigram index: %w", err)
			}
			shared[id]++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	type hit struct {
		id int64
		n  int
	}
	hits := make([]hit, 0, len(shared))
	for id, n := range shared {
		hits = append(hits, hit{id, n})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return cmp.Compare(b.id, a.id)
	})
	ids := make([]int64, min(limit, len(hits)))
	for i := range ids {
		ids[i] = hits[i].id
	}
	return ids, nil
}

// entries reads the entries with the given ids, in id order, and their
// normalised sources.
func (m *Memory) entries(ctx context.Context, ids []int64) ([]Entry, []string, error) {
	buf := make([]byte, 0, 12*len(ids)+2)
	buf = append(buf, '[')
	for i, id := range ids {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, id, 10)
	}
	buf = append(buf, ']')
	stmt, err := m.stmt(ctx, entriesSQL)
	if err != nil {
		return nil, nil, err
	}
	rows, err := stmt.QueryContext(ctx, string(buf))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var es []Entry
	var norms []string
	for rows.Next() {
		var n string
		e, err := scanEntry(scanFunc(func(dest ...any) error { return rows.Scan(append(dest, &n)...) }))
		if err != nil {
			return nil, nil, err
		}
		es = append(es, e)
		norms = append(norms, n)
	}
	return es, norms, rows.Err()
}

// trigrams returns the distinct trigrams of s, in order, as the FTS5
// trigram tokenizer makes them.
func trigrams(s string) [][3]rune {
	var out [][3]rune
	seen := map[[3]rune]bool{}
	var g [3]rune
	n := 0
	for _, r := range s {
		g[0], g[1], g[2] = g[1], g[2], r
		if n++; n >= 3 && !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// docFreq returns how often each of grams occurs in the memory.
func (m *Memory) docFreq(ctx context.Context, grams [][3]rune) ([]int, error) {
	freq := make([]int, len(grams))
	if len(grams) == 0 {
		return freq, nil
	}
	at := make(map[int64]int, len(grams))
	buf := make([]byte, 0, 20*len(grams)+2)
	buf = append(buf, '[')
	for i, g := range grams {
		k := gramKey(g[0], g[1], g[2])
		at[k] = i
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, k, 10)
	}
	buf = append(buf, ']')
	stmt, err := m.stmt(ctx, docFreqSQL)
	if err != nil {
		return nil, err
	}
	rows, err := stmt.QueryContext(ctx, string(buf))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k int64
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		if i, ok := at[k]; ok {
			freq[i] = n
		}
	}
	return freq, rows.Err()
}

// profile holds a normalised text's letters and trigrams, counted, for
// distanceBound.
type profile struct {
	chars     map[rune]int
	grams     map[[3]rune]int
	nChars    int
	nGrams    int
	seenChars map[rune]int // scratch
	seenGrams map[[3]rune]int
}

func newProfile(s string) *profile {
	p := &profile{chars: map[rune]int{}, grams: map[[3]rune]int{}, seenChars: map[rune]int{}, seenGrams: map[[3]rune]int{}}
	var g [3]rune
	for _, r := range s {
		p.chars[r]++
		p.nChars++
		g[0], g[1], g[2] = g[1], g[2], r
		if p.nChars >= 3 {
			p.grams[g]++
			p.nGrams++
		}
	}
	return p
}

// distanceBound returns a lower bound of the edit distance between p's text
// and s. An edit changes the count of one letter on each side by at most
// one, and breaks at most three trigrams of either side; so at least as many
// edits are needed as letters are in one text and not the other, and a
// third as many as trigrams.
func (p *profile) distanceBound(s string) int {
	clear(p.seenChars)
	clear(p.seenGrams)
	extraChars, extraGrams, sChars := 0, 0, 0
	var g [3]rune
	for _, r := range s {
		if p.seenChars[r] < p.chars[r] {
			p.seenChars[r]++
		} else {
			extraChars++
		}
		sChars++
		g[0], g[1], g[2] = g[1], g[2], r
		if sChars >= 3 {
			if p.seenGrams[g] < p.grams[g] {
				p.seenGrams[g]++
			} else {
				extraGrams++
			}
		}
	}
	sGrams := max(sChars-2, 0)
	// What p has and s lacks: p's total less what s matched.
	missingChars := p.nChars - (sChars - extraChars)
	missingGrams := p.nGrams - (sGrams - extraGrams)
	return max(extraChars, missingChars, (max(extraGrams, missingGrams)+2)/3)
}

type scanFunc func(...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// Diff returns the character differences that turn from into to, cleaned up
// to read as whole words where possible.
func Diff(from, to string) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: a score must not depend on how busy the machine is
	d := dmp.DiffMain(from, to, false)
	return dmp.DiffCleanupSemantic(d)
}

// DiffText renders a diff as plain text: deletions as [-text-], insertions as
// {+text+}, the rest as it is.
func DiffText(diffs []diffmatchpatch.Diff) string {
	var b strings.Builder
	for _, d := range diffs {
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			b.WriteString("[-" + d.Text + "-]")
		case diffmatchpatch.DiffInsert:
			b.WriteString("{+" + d.Text + "+}")
		default:
			b.WriteString(d.Text)
		}
	}
	return b.String()
}

// WordDiff is Diff by whole words: a changed word or figure is shown whole
// ([-الجرحى-]{+القتلى+}, [-2022-]{+2023+}), not as letters cut out of it,
// which in Arabic also breaks the joining of the letters around the cut.
// White space and punctuation are words of their own.
func WordDiff(from, to string) []diffmatchpatch.Diff {
	// Each distinct word becomes one rune of the private use planes, and
	// the rune strings are diffed.
	const first, last = 0xF0000, 0x10FFFD
	var words []string
	ids := map[string]rune{}
	encode := func(s string) []rune {
		var out []rune
		for len(s) > 0 {
			n := wordLen(s)
			id, ok := ids[s[:n]]
			if !ok {
				id = first + rune(len(words))
				ids[s[:n]] = id
				words = append(words, s[:n])
			}
			out = append(out, id)
			s = s[n:]
		}
		return out
	}
	a, b := encode(from), encode(to)
	if first+len(words) > last {
		return Diff(from, to)
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: a diff must not depend on how busy the machine is
	var out []diffmatchpatch.Diff
	for _, d := range dmp.DiffMainRunes(a, b, false) {
		var text strings.Builder
		for _, id := range d.Text {
			text.WriteString(words[id-first])
		}
		out = append(out, diffmatchpatch.Diff{Type: d.Type, Text: text.String()})
	}
	return out
}

// wordLen is the length in bytes of the word (a run of arabic.IsWordRune
// runes) or the single other rune at the start of s.
func wordLen(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !arabic.IsWordRune(r) {
			break
		}
		n += size
	}
	if n == 0 {
		_, n = utf8.DecodeRuneInString(s)
	}
	return n
}
