// Package chrf computes chrF, the character n-gram F-score used to compare a
// machine output with a reference translation (Popović 2015), in the form most
// tools report: character n-grams up to 6, whitespace ignored, recall weighted
// by β = 2, the F-scores of each order averaged, 0–100.
package chrf

import "unicode"

// Order and Beta are the usual chrF parameters.
const (
	Order = 6
	Beta  = 2.0
)

// Stats are the n-gram counts of one or more sentence pairs. Summing the stats
// of sentences and scoring the sum gives the corpus score.
type Stats struct {
	Hyp, Ref, Match [Order]int // n-grams of order k+1 in the hypothesis, the reference, and in both
}

// Add sums o into s.
func (s *Stats) Add(o Stats) {
	for k := range Order {
		s.Hyp[k] += o.Hyp[k]
		s.Ref[k] += o.Ref[k]
		s.Match[k] += o.Match[k]
	}
}

// Sentence counts the n-grams of one hypothesis against its reference.
func Sentence(hyp, ref string) Stats {
	h, r := squeeze(hyp), squeeze(ref)
	var s Stats
	hc, rc := map[gram]int{}, map[gram]int{}
	for n := 1; n <= Order; n++ {
		clear(hc)
		clear(rc)
		ngrams(hc, h, n)
		ngrams(rc, r, n)
		for g, c := range hc {
			s.Hyp[n-1] += c
			s.Match[n-1] += min(c, rc[g])
		}
		for _, c := range rc {
			s.Ref[n-1] += c
		}
	}
	return s
}

// Score is the chrF of the counts, 0–100.
func (s Stats) Score() float64 {
	const eps = 1e-16
	f := Beta * Beta
	sum, orders := 0.0, 0
	for k := range Order {
		prec, rec := eps, eps
		if s.Hyp[k] > 0 {
			prec = float64(s.Match[k]) / float64(s.Hyp[k])
		}
		if s.Ref[k] > 0 {
			rec = float64(s.Match[k]) / float64(s.Ref[k])
		}
		if d := f*prec + rec; d > 0 {
			sum += (1 + f) * prec * rec / d
		}
		if s.Hyp[k] > 0 && s.Ref[k] > 0 {
			orders++
		}
	}
	if orders == 0 {
		return 0
	}
	return 100 * sum / float64(orders)
}

// Corpus scores hypotheses against references pair by pair, summing the
// counts. The slices must have the same length.
func Corpus(hyps, refs []string) float64 {
	var s Stats
	for i := range hyps {
		s.Add(Sentence(hyps[i], refs[i]))
	}
	return s.Score()
}

func squeeze(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}

// gram is an n-gram of up to Order runes, zero-padded: a map key that needs
// no allocation.
type gram [Order]rune

func ngrams(m map[gram]int, rs []rune, n int) {
	for i := 0; i+n <= len(rs); i++ {
		var g gram
		copy(g[:], rs[i:i+n])
		m[g]++
	}
}
