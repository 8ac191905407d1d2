package update

import "unicode/utf8"

// pattern is a text prepared for levenshtein against many others: for each
// letter, the bit mask of the positions where it occurs, 64 positions a word
// (Myers' bit-parallel edit distance, in Hyyrö's block form).
type pattern struct {
	n  int               // letters
	eq map[rune][]uint64 // letter → one mask a block
	pv []uint64          // scratch: the vertical deltas of a column
	mv []uint64
}

func newPattern(s string) *pattern {
	p := &pattern{eq: map[rune][]uint64{}}
	p.n = utf8.RuneCountInString(s)
	blocks := (p.n + 63) / 64
	i := 0
	for _, r := range s {
		m := p.eq[r]
		if m == nil {
			m = make([]uint64, blocks)
			p.eq[r] = m
		}
		m[i/64] |= 1 << (i % 64)
		i++
	}
	p.pv, p.mv = make([]uint64, blocks), make([]uint64, blocks)
	return p
}

// levenshtein returns the edit distance (insertions, deletions and
// substitutions of letters) between p's text and t, in time proportional to
// the length of t and the number of 64-letter blocks of p's text.
func (p *pattern) levenshtein(t string) int {
	if p.n == 0 {
		return utf8.RuneCountInString(t)
	}
	blocks := len(p.pv)
	for b := range blocks {
		p.pv[b], p.mv[b] = ^uint64(0), 0
	}
	high := uint64(1) << ((p.n - 1) % 64) // the last letter's bit in the last block
	score := p.n
	for _, r := range t {
		eqs := p.eq[r]
		hin := 1 // the top row grows by one a letter of t
		for b := range blocks {
			var eq uint64
			if eqs != nil {
				eq = eqs[b]
			}
			pv, mv := p.pv[b], p.mv[b]
			xv := eq | mv
			if hin < 0 {
				eq |= 1
			}
			xh := (((eq & pv) + pv) ^ pv) | eq
			ph := mv | ^(xh | pv)
			mh := pv & xh
			bit := uint64(1) << 63
			if b == blocks-1 {
				bit = high
			}
			hout := 0
			if ph&bit != 0 {
				hout = 1
			} else if mh&bit != 0 {
				hout = -1
			}
			ph, mh = ph<<1, mh<<1
			if hin < 0 {
				mh |= 1
			} else if hin > 0 {
				ph |= 1
			}
			p.pv[b], p.mv[b] = mh|^(xv|ph), ph&xv
			hin = hout
		}
		score += hin
	}
	return score
}
