package tm

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"bitext/internal/testenv"
)

// articleSentences returns the sentences of the sample article, cut at full
// stops and line ends.
func articleSentences(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		for _, s := range strings.SplitAfter(line, ".") {
			if s = strings.TrimSpace(s); utf8.RuneCountInString(s) >= 12 {
				out = append(out, s)
			}
		}
	}
	return out
}

// edit changes s a little: a word dropped, doubled, replaced or swapped
// with the next.
func edit(rng *rand.Rand, s string) string {
	w := strings.Fields(s)
	if len(w) < 3 {
		return s + " جدا"
	}
	k := rng.IntN(len(w) - 1)
	switch rng.IntN(4) {
	case 0:
		w = append(w[:k], w[k+1:]...)
	case 1:
		w = append(w[:k+1], w[k:]...)
	case 2:
		w[k] = "تغيير"
	default:
		w[k], w[k+1] = w[k+1], w[k]
	}
	return strings.Join(w, " ")
}

// fixedMemory fills a memory with the article's sentences, edited versions
// of them (some more than once, some into other languages, some with dates
// so that ties are broken by them), and sentences of shuffled article words
// that share many trigrams with everything.
func fixedMemory(t testing.TB) (*Memory, []string) {
	t.Helper()
	sents := articleSentences(t)
	rng := rand.New(rand.NewPCG(7, 7))
	var words []string
	for _, s := range sents {
		words = append(words, strings.Fields(s)...)
	}
	var es []Entry
	add := func(src, tgt, lang string, changed time.Time) {
		es = append(es, Entry{SourceLang: "ar", TargetLang: lang, Source: src, Target: tgt, Changed: changed,
			Article: fmt.Sprintf("a%d.txt", len(es)%7)})
	}
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, s := range sents {
		add(s, fmt.Sprintf("sentence %d", i), "en", time.Time{})
		e := s
		for k := 0; k < 6; k++ {
			e = edit(rng, e)
			add(e, fmt.Sprintf("sentence %d edit %d", i, k), []string{"en", "en-GB", "fr"}[k%3], day.AddDate(0, 0, rng.IntN(3)))
		}
	}
	for range 300 {
		n := 6 + rng.IntN(25)
		w := make([]string, n)
		for k := range w {
			w[k] = words[rng.IntN(len(words))]
		}
		add(strings.Join(w, " "), "shuffled", "en", time.Time{})
	}
	m := openTemp(t)
	if _, err := m.Add(context.Background(), es); err != nil {
		t.Fatal(err)
	}
	var queries []string
	for _, s := range sents {
		queries = append(queries, s, edit(rng, s), edit(rng, edit(rng, s)))
	}
	for range 10 {
		queries = append(queries, es[rng.IntN(len(es))].Source, edit(rng, es[rng.IntN(len(es))].Source))
	}
	queries = append(queries, "", "ab", "قمة", "\"\"\"", strings.Repeat("ال", 300), "a\x00b\xff")
	return m, queries
}

// TestFuzzySameAsReference looks up sentences, edited ones and others in a
// fixed memory with several options: the matches, their order, scores and
// diffs are those of the earlier implementation (fuzzyReference), which
// scored every candidate with a full diff.
func TestFuzzySameAsReference(t *testing.T) {
	ctx := context.Background()
	m, queries := fixedMemory(t)
	optss := []FuzzyOptions{{}, {MinScore: 0.5, Max: 20}, {MinScore: 0.4, Max: 100, Candidates: 100},
		{MinScore: 0.6, Candidates: 10, Trigrams: 4}, {MinScore: 0.95}}
	matched := 0
	for i, opts := range optss {
		for k, q := range queries {
			// Every query with the default options, one in four with
			// the others and into French: the reference is slow.
			if i > 0 && k%4 != 0 {
				continue
			}
			for _, lang := range []string{"en", "fr"} {
				if lang == "fr" && k%4 != 0 {
					continue
				}
				want, err := fuzzyReference(ctx, m, "ar", lang, q, opts)
				if err != nil {
					t.Fatal(err)
				}
				got, err := m.Fuzzy(ctx, "ar", lang, q, opts)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("Fuzzy(%q, %s, %+v):\n got  %s\n want %s", q, lang, opts, describe(got), describe(want))
				}
				matched += len(got)
			}
		}
	}
	if matched < len(queries) {
		t.Errorf("only %d matches in all: the test memory does not exercise scoring", matched)
	}
}

func describe(ms []Match) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "[%d %.4f %q] ", m.ID, m.Score, m.Target)
	}
	return b.String()
}

// FuzzDistanceBound: the bound is never above the distance of the diff
// that scores a match, nor above the true edit distance.
func FuzzDistanceBound(f *testing.F) {
	for _, s := range [][2]string{{"", ""}, {"abc", "abd"}, {"قمة بوتين وكيم", "قمة كيم وبوتين"}, {"aaaa", "aaa"},
		{"abcabc", "cbacba"}, {"\xff\xfe", "\ufffd\ufffd"}} {
		f.Add(s[0], s[1])
	}
	dmp := diffmatchpatch.New()
	f.Fuzz(func(t *testing.T, a, b string) {
		bound := newProfile(a).distanceBound(b)
		if d := dmp.DiffLevenshtein(dmp.DiffMain(b, a, false)); bound > d {
			t.Errorf("bound %d above diff distance %d", bound, d)
		}
		if d := levenshtein([]rune(a), []rune(b)); bound > d {
			t.Errorf("bound %d above edit distance %d", bound, d)
		}
		// The bound is symmetric and zero for equal texts.
		if back := newProfile(b).distanceBound(a); back != bound {
			t.Errorf("bound %d one way, %d the other", bound, back)
		}
		if newProfile(a).distanceBound(a) != 0 {
			t.Error("bound of a text to itself is not 0")
		}
	})
}

// levenshtein is the textbook edit distance.
func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
