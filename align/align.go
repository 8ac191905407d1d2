// Package align pairs source and target sentences into beads.
package align

import (
	"math"
	"unicode/utf8"
)

// Bead pairs consecutive source sentences with consecutive target sentences.
// Either side may be empty (a sentence with no partner).
type Bead struct {
	Source     []int   // indexes into the source sentences, ascending
	Target     []int   // indexes into the target sentences, ascending
	Confidence float64 // in [0,1]
}

// Options tune the aligner. The zero value is ready to use.
type Options struct {
	// CharRatio is the expected target/source length ratio in characters; 0 means 1.1,
	// the ratio of English to Arabic news text.
	CharRatio float64
}

type move struct{ ds, dt int }

var moves = []move{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}

// Sentences aligns src with tgt monotonically, minimising a length-based cost.
func Sentences(src, tgt []string, opts Options) []Bead {
	ratio := opts.CharRatio
	if ratio == 0 {
		ratio = 1.1
	}
	ls := lengths(src)
	lt := lengths(tgt)
	n, m := len(src), len(tgt)
	cost := make([][]float64, n+1)
	back := make([][]move, n+1)
	for i := range cost {
		cost[i] = make([]float64, m+1)
		back[i] = make([]move, m+1)
		for j := range cost[i] {
			cost[i][j] = math.Inf(1)
		}
	}
	cost[0][0] = 0
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if i == 0 && j == 0 {
				continue
			}
			for _, mv := range moves {
				pi, pj := i-mv.ds, j-mv.dt
				if pi < 0 || pj < 0 || math.IsInf(cost[pi][pj], 1) {
					continue
				}
				c := cost[pi][pj] + beadCost(sum(ls[pi:i]), sum(lt[pj:j]), mv, ratio)
				if c < cost[i][j] {
					cost[i][j] = c
					back[i][j] = mv
				}
			}
		}
	}
	var beads []Bead
	for i, j := n, m; i > 0 || j > 0; {
		mv := back[i][j]
		b := Bead{Confidence: math.Exp(-beadCost(sum(ls[i-mv.ds:i]), sum(lt[j-mv.dt:j]), mv, ratio) / 4)}
		for k := i - mv.ds; k < i; k++ {
			b.Source = append(b.Source, k)
		}
		for k := j - mv.dt; k < j; k++ {
			b.Target = append(b.Target, k)
		}
		beads = append(beads, b)
		i, j = i-mv.ds, j-mv.dt
	}
	for l, r := 0, len(beads)-1; l < r; l, r = l+1, r-1 {
		beads[l], beads[r] = beads[r], beads[l]
	}
	return beads
}

func lengths(ss []string) []int {
	out := make([]int, len(ss))
	for i, s := range ss {
		out[i] = utf8.RuneCountInString(s)
	}
	return out
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// beadCost is a Gale–Church style cost: the squared normalised length
// difference plus a penalty for beads other than 1-1.
func beadCost(ls, lt int, mv move, ratio float64) float64 {
	penalty := map[move]float64{{1, 1}: 0, {2, 1}: 2.5, {1, 2}: 2.5, {1, 0}: 6, {0, 1}: 6}[mv]
	if ls == 0 || lt == 0 {
		return penalty
	}
	mean := (float64(ls)*ratio + float64(lt)) / 2
	d := (float64(lt) - float64(ls)*ratio) / math.Sqrt(6.8*mean)
	return d*d + penalty
}
