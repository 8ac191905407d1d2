package update

import (
	"slices"
	"unicode/utf8"
)

// pattern is a text prepared for levenshtein against many others: for each
// letter, the bit mask of the positions where it occurs, 64 positions a word
// (Myers' bit-parallel edit distance, in Hyyrö's block form).
type pattern struct {
	n int // letters
	// Masks by letter: Arabic script and below in a table, the rest in a
	// map, so that the lookup for each letter of the other text is cheap.
	low  [lowRunes][]uint64
	used []rune // the letters set in low
	high map[rune][]uint64
	pv   []uint64 // scratch: the vertical deltas of a column
	mv   []uint64
}

// lowRunes bounds the letters pattern keeps in its table: up to the end of
// the Arabic block.
const lowRunes = 0x700

// set prepares p for the text s, reusing what it held for the last one.
func (p *pattern) set(s string) {
	for _, r := range p.used {
		p.low[r] = nil
	}
	p.used = p.used[:0]
	clear(p.high)
	p.n = utf8.RuneCountInString(s)
	blocks := (p.n + 63) / 64
	i := 0
	for _, r := range s {
		m := p.masks(r)
		if m == nil {
			m = make([]uint64, blocks)
			if r >= 0 && r < lowRunes {
				p.low[r] = m
				p.used = append(p.used, r)
			} else {
				if p.high == nil {
					p.high = map[rune][]uint64{}
				}
				p.high[r] = m
			}
		}
		m[i/64] |= 1 << (i % 64)
		i++
	}
	p.pv, p.mv = make([]uint64, blocks), make([]uint64, blocks)
}

// masks returns the masks of letter r, nil when p's text lacks it.
func (p *pattern) masks(r rune) []uint64 {
	if r >= 0 && r < lowRunes {
		return p.low[r]
	}
	return p.high[r]
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
		eqs := p.masks(r)
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

// letters is a text's letters, counted, in the order of their code points,
// and their number.
type letters struct {
	count []letterCount
	n     int
}

type letterCount struct {
	r rune
	n int
}

func newLetters(s string) letters {
	rs := []rune(s)
	slices.Sort(rs)
	l := letters{n: len(rs)}
	for i, r := range rs {
		if i > 0 && r == rs[i-1] {
			l.count[len(l.count)-1].n++
		} else {
			l.count = append(l.count, letterCount{r, 1})
		}
	}
	return l
}

// maxSimilarity is an upper bound of similarity between the two texts: an
// edit adds, removes or replaces one letter, so a distance is at least the
// number of letters one text has beyond the other's, and the diff distance
// similarity uses is never below the edit distance.
func (l letters) maxSimilarity(o letters) float64 {
	longer := max(l.n, o.n)
	if longer == 0 {
		return 1
	}
	shared := 0
	for i, j := 0, 0; i < len(l.count) && j < len(o.count); {
		switch a, b := l.count[i], o.count[j]; {
		case a.r < b.r:
			i++
		case a.r > b.r:
			j++
		default:
			shared += min(a.n, b.n)
			i++
			j++
		}
	}
	return 1 - float64(longer-shared)/float64(longer)
}
