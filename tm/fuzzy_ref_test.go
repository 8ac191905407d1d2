package tm

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// fuzzyReference is the plain form of Memory.Fuzzy, which must give the same
// matches: SQL built per lookup, the trigram hits ranked in SQL, and every
// candidate scored by a full diff.
func fuzzyReference(ctx context.Context, m *Memory, sourceLang, targetLang, source string, opts FuzzyOptions) ([]Match, error) {
	opts = opts.withDefaults()
	q := normalize(source)
	if utf8.RuneCountInString(q) < 3 {
		return refExactAsMatches(ctx, m, sourceLang, targetLang, source)
	}
	ids, err := refCandidates(ctx, m, q, opts)
	if err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	entries, norms, err := refEntries(ctx, m, ids)
	if err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: a score must not depend on how busy the machine is
	sp, tp := primary(sourceLang), primary(targetLang)
	var nums placeholders
	q = nums.mark(q)
	qLen := utf8.RuneCountInString(q)
	var out []Match
	for i, e := range entries {
		if primary(e.SourceLang) != sp || primary(e.TargetLang) != tp {
			continue
		}
		n := nums.mark(norms[i])
		longer := max(qLen, utf8.RuneCountInString(n))
		// The length difference alone bounds the score: skip hopeless ones.
		if 1-float64(longer-min(qLen, utf8.RuneCountInString(n)))/float64(longer) < opts.MinScore {
			continue
		}
		score := 1.0
		if n != q {
			d := dmp.DiffMain(n, q, false)
			score = 1 - float64(dmp.DiffLevenshtein(d))/float64(longer)
		}
		if score < opts.MinScore {
			continue
		}
		out = append(out, Match{Entry: e, Score: score})
	}
	slices.SortStableFunc(out, func(a, b Match) int { return compareMatches(&a.Entry, a.Score, &b.Entry, b.Score) })
	if len(out) > opts.Max {
		out = out[:opts.Max]
	}
	for i := range out {
		out[i].Diff = WordDiff(out[i].Source, source)
		out[i].Numbers = NumberChanges(out[i].Source, out[i].Target, source)
	}
	return out, nil
}

func refExactAsMatches(ctx context.Context, m *Memory, sourceLang, targetLang, source string) ([]Match, error) {
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

// refCandidates returns the ids of the entries sharing most of q's rarest trigrams.
func refCandidates(ctx context.Context, m *Memory, q string, opts FuzzyOptions) ([]int64, error) {
	grams := refTrigrams(q)
	freq, err := refDocFreq(ctx, m, grams)
	if err != nil {
		return nil, err
	}
	// Rarest first: they select few rows and say most.
	var use []string
	for _, g := range grams {
		if freq[g] > 0 {
			use = append(use, g)
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
		return nil, nil
	}
	// One statement counts, per entry, how many of the trigrams it holds.
	args := make([]any, 0, len(use)+1)
	parts := make([]string, len(use))
	for k, g := range use {
		parts[k] = `SELECT rowid FROM tu_fts WHERE tu_fts MATCH ?`
		args = append(args, `"`+strings.ReplaceAll(g, `"`, `""`)+`"`)
	}
	args = append(args, opts.Candidates)
	rows, err := m.db.QueryContext(ctx, `SELECT rowid FROM (`+strings.Join(parts, " UNION ALL ")+
		`) GROUP BY rowid ORDER BY count(*) DESC, rowid DESC LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// refTrigrams returns the distinct three-character substrings of s, in order,
// as the FTS5 trigram tokenizer makes them.
func refTrigrams(s string) []string {
	r := []rune(s)
	seen := map[string]bool{}
	var out []string
	for i := 0; i+3 <= len(r); i++ {
		g := string(r[i : i+3])
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// refDocFreq returns how often each trigram occurs in the memory (by gramKey).
func refDocFreq(ctx context.Context, m *Memory, grams []string) (map[string]int, error) {
	freq := make(map[string]int, len(grams))
	byKey := make(map[int64]string, len(grams))
	const chunk = 200
	for start := 0; start < len(grams); start += chunk {
		part := grams[start:min(start+chunk, len(grams))]
		args := make([]any, len(part))
		for i, g := range part {
			r := []rune(g)
			k := gramKey(r[0], r[1], r[2])
			byKey[k] = g
			args[i] = k
		}
		rows, err := m.db.QueryContext(ctx, `SELECT g, n FROM gram WHERE g IN (?`+strings.Repeat(",?", len(part)-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k int64
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return nil, err
			}
			freq[byKey[k]] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return freq, nil
}

// refEntries reads the entries with the given ids, and their normalised sources.
func refEntries(ctx context.Context, m *Memory, ids []int64) ([]Entry, []string, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := m.db.QueryContext(ctx, `SELECT `+entryCols+`, norm FROM tu WHERE id IN (?`+strings.Repeat(",?", len(ids)-1)+`)`, args...)
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
