package update

import (
	"math/rand/v2"
	"strings"
	"testing"

	"bitext/segment"
	"bitext/tm"
)

// naiveLevenshtein is the textbook dynamic programme.
func naiveLevenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range ra {
		cur := make([]int, len(rb)+1)
		cur[0] = i + 1
		for j := range rb {
			sub := prev[j]
			if ra[i] != rb[j] {
				sub++
			}
			cur[j+1] = min(sub, prev[j+1]+1, cur[j]+1)
		}
		prev = cur
	}
	return prev[len(rb)]
}

func TestLevenshtein(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ابتثجحخ ءaب–😀")
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	cases := [][2]string{{"", ""}, {"", "abc"}, {"abc", ""}, {"kitten", "sitting"}, {"بوتين", "وبوتين"}}
	for range 400 {
		a := word(rng.IntN(200))
		b := word(rng.IntN(200))
		if rng.IntN(2) == 0 && len(a) > 0 { // a near copy, the case that matters
			r := []rune(a)
			for range rng.IntN(5) {
				r[rng.IntN(len(r))] = alphabet[rng.IntN(len(alphabet))]
			}
			b = string(r[rng.IntN(len(r)):]) + word(rng.IntN(3))
		}
		cases = append(cases, [2]string{a, b})
	}
	for _, c := range cases {
		if got, want := newPattern(c[0]).levenshtein(c[1]), naiveLevenshtein(c[0], c[1]); got != want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", c[0], c[1], got, want)
		}
	}
	// One pattern serves many texts, and is set again for each new one.
	p := &pattern{}
	for i, c := range cases {
		p.set(c[0])
		for _, text := range []string{c[1], cases[(i+1)%len(cases)][1]} {
			if got, want := p.levenshtein(text), naiveLevenshtein(c[0], text); got != want {
				t.Errorf("pattern set again to %q: levenshtein(%q) = %d, want %d", c[0], text, got, want)
			}
		}
	}
}

// The bounds Run uses to skip pairs are never below the similarity they
// stand in for: no pair that similarity accepts is skipped.
func TestSimilarityBounds(t *testing.T) {
	v1, v2 := longVersions(t, 2)
	var sents []string
	for _, text := range []string{v1, v2} {
		for _, s := range segment.Sentences(text, "ar") {
			sents = append(sents, tm.Normalize(s.Text))
		}
	}
	sents = sents[:min(len(sents), 120)]
	for _, a := range sents {
		p, la := newPattern(a), newLetters(a)
		for _, b := range sents {
			s := similarity(a, b)
			lb := newLetters(b)
			if bound := lengthBound(la.n, lb.n); bound < s {
				t.Errorf("length bound %.3f below similarity %.3f of %q and %q", bound, s, a, b)
			}
			if bound := la.maxSimilarity(lb); bound < s {
				t.Errorf("letters bound %.3f below similarity %.3f of %q and %q", bound, s, a, b)
			}
			if bound := levBound(p, b, lb.n); bound < s {
				t.Errorf("edit distance bound %.3f below similarity %.3f of %q and %q", bound, s, a, b)
			}
		}
	}
}

func newPattern(s string) *pattern {
	p := &pattern{}
	p.set(s)
	return p
}
