// Package align pairs Arabic sentences with the English sentences that
// translate them.
//
// An alignment is a list of beads: each bead pairs a run of consecutive source
// sentences with a run of consecutive target sentences (1-1, 2-1, 1-2, 3-1,
// 1-3, 2-2, or 1-0 and 0-1 for a sentence with no partner). The aligner finds
// the monotone bead sequence of least cost by dynamic programming. A bead's cost
// adds
//   - a length term (Gale and Church: English runs about 1.13 characters per
//     Arabic character, with variance growing with length),
//   - a lexical term: Arabic words, numbers (Arabic-Indic digits included),
//     glossary names, shared punctuation, Latin words and transliterated names
//     that find their English counterpart in the bead lower its cost, each
//     weighted by its rarity in the document; a bilingual lexicon and machine
//     translations add more such pairs,
//   - a prior per bead type.
//
// The search is banded: a first pass on lengths alone finds a guide path in a
// band around the diagonal, the full scorer then searches a narrow band around
// that guide, widening it where the best path touches its edge. Time and memory
// grow linearly with the input.
package align

import (
	"math"
	"strconv"

	"bitext/glossary"
)

// Bead pairs consecutive source sentences with consecutive target sentences.
// Either side may be empty (a sentence with no partner).
type Bead struct {
	Source     []int   // indexes into the source sentences, ascending
	Target     []int   // indexes into the target sentences, ascending
	Confidence float64 // in [0,1]; below LowConfidence the bead deserves an editor's look
}

// LowConfidence is the confidence below which a bead is flagged for review.
const LowConfidence = 0.5

// Low reports whether the bead's confidence is below LowConfidence.
func (b Bead) Low() bool { return b.Confidence < LowConfidence }

// Options tune the aligner. The zero value aligns on lengths, numbers,
// punctuation, Latin words and transliterated names.
type Options struct {
	// CharRatio is the expected target/source length ratio in characters; 0
	// means 1.13, the ratio of English to Arabic news text.
	CharRatio float64
	// Lexicon, when set, supplies English renderings of Arabic words.
	Lexicon *Lexicon
	// Glossary, when set, matches names in the Arabic; their English
	// renderings are anchors.
	Glossary *glossary.Matcher
	// Translations, when set, holds a machine translation of each source
	// sentence (same indexes); shared words between it and the target count
	// like lexicon matches.
	Translations []string
	// LexWeight scales the lexical term against the length term; 0 means the default.
	LexWeight float64
}

func (o *Options) ratio() float64 {
	if o.CharRatio > 0 {
		return o.CharRatio
	}
	return 1.13
}

func (o *Options) lexWeight() float64 {
	if o.LexWeight > 0 {
		return o.LexWeight
	}
	// A lexicon or machine translations find more pairs, coincidental ones
	// included, so each counts for less.
	if o.Lexicon != nil || len(o.Translations) > 0 {
		return 0.2
	}
	return 0.3
}

// move is one bead shape with its prior cost (-log probability).
type move struct {
	ds, dt int
	prior  float64
}

// sentenceMoves are the bead shapes between sentences; the priors follow the
// rough frequencies of translated news (three quarters 1-1).
var sentenceMoves = []move{
	{1, 1, 0.3}, {2, 1, 2.4}, {1, 2, 2.6}, {1, 0, 3.5}, {0, 1, 3.5},
	{3, 1, 4.6}, {1, 3, 4.8}, {2, 2, 8},
}

// paragraphMoves are the bead shapes between paragraphs: editors merge and
// split paragraphs and drop headings more freely than translators do sentences.
var paragraphMoves = []move{
	{1, 1, 0.3}, {2, 1, 2.0}, {1, 2, 2.0}, {1, 0, 3.0}, {0, 1, 3.0},
	{3, 1, 3.5}, {1, 3, 3.5}, {2, 2, 3.5},
}

// Sentences aligns src with tgt monotonically. Every index of both sides is in
// exactly one bead, in order.
func Sentences(src, tgt []string, opts Options) []Bead {
	b := &builder{voc: vocab{ids: map[string]int32{}}, opts: &opts}
	tu := b.english(tgt)
	su := b.arabic(src, opts.Translations)
	sc := newScorer(su, tu, newMarker(b), &opts, sentenceMoves)
	return sc.align()
}

// side is one language's units laid out flat for fast scoring: unit k owns
// atoms atom[k]..atom[k+1], atom a owns ids idx[a]..idx[a+1].
type side struct {
	chars []int     // prefix sums of characters per unit
	wsum  []float64 // prefix sums of atom weights per unit
	miss  []float64 // prefix sums of the weights of atoms without ids (no partner anywhere)
	atom  []int32
	idx   []int32
	w     []float32
	ids   []int32
}

func (d *side) len() int { return len(d.atom) - 1 }

// flatten lays us out as a side, keeping only the atoms keep accepts (nil: all).
func flatten(us []unit, keep func(atom) bool) *side {
	d := &side{chars: make([]int, len(us)+1), wsum: make([]float64, len(us)+1), miss: make([]float64, len(us)+1),
		atom: make([]int32, 1, len(us)+1), idx: []int32{0}}
	for k, u := range us {
		d.chars[k+1] = d.chars[k] + u.chars
		d.wsum[k+1] = d.wsum[k]
		d.miss[k+1] = d.miss[k]
		for _, a := range u.atoms {
			if len(a.ids) == 0 {
				d.miss[k+1] += float64(a.w)
				continue
			}
			if keep != nil && !keep(a) {
				continue
			}
			d.ids = append(d.ids, a.ids...)
			d.idx = append(d.idx, int32(len(d.ids)))
			d.w = append(d.w, a.w)
			d.wsum[k+1] += float64(a.w)
		}
		d.atom = append(d.atom, int32(len(d.w)))
	}
	return d
}

// scorer holds the units of both sides and scores beads between them.
type scorer struct {
	src, tgt *side
	*marker
	ratio, lexW float64
	moves       []move
	// hs and ht mark headings: a heading is rarely merged with the text
	// around it. bs and bt give each unit's block, when known: a sentence bead
	// rarely runs across a paragraph break.
	hs, ht []bool
	bs, bt []int
	// ks and kt mark web boilerplate (share buttons, "Exit mobile version"):
	// it pairs with boilerplate or nothing, never with article text.
	ks, kt []bool
}

// marker holds stamped marks per vocabulary id, shared by the scorers of one run.
type marker struct {
	marks, markt []uint32
	stamp        uint32
}

func newMarker(b *builder) *marker {
	nv := len(b.voc.ids)
	return &marker{marks: make([]uint32, nv), markt: make([]uint32, nv)}
}

// newScorer prepares src and tgt for scoring. English atoms that no Arabic
// atom can ever match are dropped: they cost the same on every path.
func newScorer(src, tgt []unit, mk *marker, opts *Options, moves []move) *scorer {
	s := &scorer{marker: mk, ratio: opts.ratio(), lexW: opts.lexWeight(), moves: moves}
	s.src = flatten(src, nil)
	s.stamp++
	st := s.stamp
	for _, id := range s.src.ids {
		s.marks[id] = st
	}
	s.tgt = flatten(tgt, func(a atom) bool {
		for _, id := range a.ids {
			if s.marks[id] == st {
				return true
			}
		}
		return false
	})
	return s
}

// lengthCost is the Gale–Church cost of pairing ls source with lt target characters.
func (s *scorer) lengthCost(ls, lt int) float64 {
	if ls == 0 && lt == 0 {
		return 0
	}
	mean := (float64(ls) + float64(lt)/s.ratio) / 2
	d := math.Abs(float64(lt)-s.ratio*float64(ls)) / math.Sqrt(3.3*math.Max(mean, 1))
	return tailCost(d)
}

// tailCost is -log P(|X| >= d) for a standard normal X, from a table.
func tailCost(d float64) float64 {
	x := d * tailSteps
	k := int(x)
	if k >= len(tailTable)-1 {
		return d*d/2 + 2.3 // ln(8·sqrt(π/2)): past 8 the cost is prohibitive anyway
	}
	f := x - float64(k)
	return tailTable[k]*(1-f) + tailTable[k+1]*f
}

const tailSteps = 64 // table entries per unit of d

var tailTable = func() []float64 {
	t := make([]float64, 8*tailSteps+1)
	for k := range t {
		t[k] = -math.Log(math.Erfc(float64(k) / tailSteps / math.Sqrt2))
	}
	return t
}()

// baseCost is the prior plus the length term of a bead.
func (s *scorer) baseCost(mv move, i, j int) float64 {
	if mv.ds == 0 || mv.dt == 0 {
		return mv.prior
	}
	return mv.prior + s.lengthCost(s.src.chars[i]-s.src.chars[i-mv.ds], s.tgt.chars[j]-s.tgt.chars[j-mv.dt])
}

// editCost is what a bead costs for the document structure it ignores:
// merging a heading with other text, running across a paragraph break.
func (s *scorer) editCost(mv move, i, j int) float64 {
	c := 0.0
	if (mv.ds > 1 && anyTrue(s.hs, i-mv.ds, i)) || (mv.dt > 1 && anyTrue(s.ht, j-mv.dt, j)) {
		c += headingMerge
	}
	if (mv.ds > 1 && s.bs != nil && s.bs[i-mv.ds] != s.bs[i-1]) || (mv.dt > 1 && s.bt != nil && s.bt[j-mv.dt] != s.bt[j-1]) {
		c += blockCross
	}
	if mv.ds > 0 && mv.dt > 0 && (s.ks != nil || s.kt != nil) {
		n := countTrue(s.ks, i-mv.ds, i) + countTrue(s.kt, j-mv.dt, j)
		if n > 0 && n < mv.ds+mv.dt {
			c += boilerplateMix
		}
	}
	return c
}

// boilerplateMix is the extra cost of a bead that pairs web boilerplate with
// article text: a translation memory would keep "Share this: Facebook" as
// part of a sentence's translation.
const boilerplateMix = 20

func countTrue(xs []bool, a, b int) int {
	n := 0
	if xs == nil {
		return 0
	}
	for _, x := range xs[a:b] {
		if x {
			n++
		}
	}
	return n
}

// blockCross is the extra cost of a sentence bead that runs across a paragraph break.
const blockCross = 2

// headingMerge is the extra cost of a bead that merges a heading with other blocks.
const headingMerge = 10

func anyTrue(xs []bool, a, b int) bool {
	if xs == nil {
		return false
	}
	for _, x := range xs[a:b] {
		if x {
			return true
		}
	}
	return false
}

// covered returns the weight of the atoms of src[i0:i1] and tgt[j0:j1] that
// find a partner on the other side of the bead.
func (s *scorer) covered(i0, i1, j0, j1 int) float64 {
	s.stamp++
	st := s.stamp
	src, tgt := s.src, s.tgt
	marks, markt := s.marks, s.markt
	t0, t1 := tgt.idx[tgt.atom[j0]], tgt.idx[tgt.atom[j1]]
	for _, id := range tgt.ids[t0:t1] {
		markt[id] = st
	}
	cov := 0.0
	for a := src.atom[i0]; a < src.atom[i1]; a++ {
		ids := src.ids[src.idx[a]:src.idx[a+1]]
		for _, id := range ids {
			if markt[id] == st {
				cov += float64(src.w[a])
				break
			}
		}
		for _, id := range ids {
			marks[id] = st
		}
	}
	for a := tgt.atom[j0]; a < tgt.atom[j1]; a++ {
		for _, id := range tgt.ids[tgt.idx[a]:tgt.idx[a+1]] {
			if marks[id] == st {
				cov += float64(tgt.w[a])
				break
			}
		}
	}
	return cov
}

// weight is the total atom weight of the bead src[i0:i1], tgt[j0:j1].
func (s *scorer) weight(i0, i1, j0, j1 int) float64 {
	return s.src.wsum[i1] - s.src.wsum[i0] + s.tgt.wsum[j1] - s.tgt.wsum[j0]
}

// align runs the banded search and returns the beads with confidences.
func (s *scorer) align() []Bead {
	n, m := s.src.len(), s.tgt.len()
	var path [][2]int
	if (n+1)*(m+1) <= fullLimit {
		path, _ = s.search(fullBand(n, m), true)
	} else {
		path = s.guide()
		for k := 4; ; k *= 2 {
			var touch bool
			path, touch = s.search(bandAround(path, n, m, k), true)
			if !touch || k >= 64 {
				break
			}
		}
	}
	return s.beads(path)
}

// fullLimit is the matrix size below which the whole matrix is searched.
const fullLimit = 40000

// guide finds a path on lengths alone in a band around the diagonal, widening
// the band while the path runs along its edge.
func (s *scorer) guide() [][2]int {
	n, m := s.src.len(), s.tgt.len()
	center := diagonal(s.src.chars, s.tgt.chars)
	for w := 64; ; w *= 2 {
		lo := make([]int32, n+1)
		hi := make([]int32, n+1)
		for i := 0; i <= n; i++ {
			lo[i] = int32(max(0, center[i]-w))
			hi[i] = int32(min(m, center[i]+w))
		}
		lo[n] = int32(min(int(lo[n]), m))
		hi[0] = int32(max(int(hi[0]), 0))
		moves := s.moves
		s.moves = moves[:5] // the common shapes are enough for a guide
		path, touch := s.search(band{lo, hi}, false)
		s.moves = moves
		if !touch || w >= max(n, m) {
			return path
		}
	}
}

// diagonal maps each source position to the target position at the same
// share of the text, measured in characters.
func diagonal(ps, pt []int) []int {
	n, m := len(ps)-1, len(pt)-1
	out := make([]int, n+1)
	ts, tt := float64(ps[n]), float64(pt[m])
	j := 0
	for i := 0; i <= n; i++ {
		if ts == 0 || tt == 0 {
			out[i] = i * m / max(n, 1)
			continue
		}
		want := float64(ps[i]) / ts * tt
		for j < m && float64(pt[j+1]) <= want {
			j++
		}
		out[i] = j
	}
	out[n] = m
	return out
}

// band is an inclusive column range [lo[i], hi[i]] per row i.
type band struct{ lo, hi []int32 }

func fullBand(n, m int) band {
	lo := make([]int32, n+1)
	hi := make([]int32, n+1)
	for i := range hi {
		hi[i] = int32(m)
	}
	return band{lo, hi}
}

// bandAround is the band of half-width k around path (columns the path
// visits in rows near i, widened by k).
func bandAround(path [][2]int, n, m, k int) band {
	lo := make([]int32, n+1)
	hi := make([]int32, n+1)
	for i := range lo {
		lo[i] = math.MaxInt32
		hi[i] = -1
	}
	for p, pt := range path {
		i, j := pt[0], pt[1]
		// rows a multi-sentence bead skips over belong to it too; a 0-1
		// bead stays in its row, which must still reach its column
		i0 := i
		if p > 0 {
			i0 = min(i, path[p-1][0]+1)
		}
		for r := i0; r <= i; r++ {
			for rr := max(0, r-k); rr <= min(n, r+k); rr++ {
				lo[rr] = min(lo[rr], int32(max(0, j-k)))
				hi[rr] = max(hi[rr], int32(min(m, j+k)))
			}
		}
	}
	return band{lo, hi}
}

// search finds the least-cost path through b from (0,0) to (n,m). With full
// set, lexical scores are used; otherwise lengths and priors only. touch
// reports whether the path runs near an edge of the band that is not the
// edge of the matrix.
func (s *scorer) search(b band, full bool) (path [][2]int, touch bool) {
	n, m := s.src.len(), s.tgt.len()
	off := make([]int, n+2)
	for i := 0; i <= n; i++ {
		w := int(b.hi[i]) - int(b.lo[i]) + 1
		off[i+1] = off[i] + max(w, 0)
	}
	cost := make([]float32, off[n+1])
	back := make([]uint8, off[n+1])
	inf := float32(math.Inf(1))
	for k := range cost {
		cost[k] = inf
	}
	at := func(i, j int) int {
		if i < 0 || j < int(b.lo[i]) || j > int(b.hi[i]) {
			return -1
		}
		return off[i] + j - int(b.lo[i])
	}
	if k := at(0, 0); k >= 0 {
		cost[k] = 0
	}
	lexW := s.lexW
	edit := s.hs != nil || s.ht != nil || s.bs != nil || s.bt != nil || s.ks != nil || s.kt != nil
	// pair caches the coverage of the 1-1 bead ending at each cell; the sum
	// over a bead's sentence pairs bounds its coverage from above, which
	// spares most multi-sentence beads the full count.
	var pairs []float32
	if full {
		pairs = make([]float32, len(cost))
		for k := range pairs {
			pairs[k] = -1
		}
	}
	pair := func(i, j int) float64 { // the 1-1 bead src[i-1], tgt[j-1]
		if j < int(b.lo[i]) || j > int(b.hi[i]) {
			return s.covered(i-1, i, j-1, j)
		}
		k := off[i] + j - int(b.lo[i])
		if pairs[k] < 0 {
			pairs[k] = float32(s.covered(i-1, i, j-1, j))
		}
		return float64(pairs[k])
	}
	for i := 0; i <= n; i++ {
		loI := int(b.lo[i])
		for j := loI; j <= int(b.hi[i]); j++ {
			if i == 0 && j == 0 {
				continue
			}
			best := float64(inf)
			bm := uint8(0)
			for mi, mv := range s.moves {
				pi, pj := i-mv.ds, j-mv.dt
				if pi < 0 || pj < int(b.lo[pi]) || pj > int(b.hi[pi]) {
					continue
				}
				pc := cost[off[pi]+pj-int(b.lo[pi])]
				if pc == inf {
					continue
				}
				prev := float64(pc)
				if prev+mv.prior >= best && (!full || mv.ds == 0 || mv.dt == 0) {
					continue
				}
				// the lexical term can lower the cost by at most the bead's weight
				w := 0.0
				if full && mv.ds > 0 && mv.dt > 0 {
					w = lexW * s.weight(pi, i, pj, j)
					if prev+mv.prior-w >= best {
						continue
					}
				}
				c := prev + s.baseCost(mv, i, j)
				if edit {
					c += s.editCost(mv, i, j)
				}
				if w > 0 {
					if c-w >= best {
						continue
					}
					if mv.ds == 1 && mv.dt == 1 {
						c -= lexW * pair(i, j)
					} else {
						ub := 0.0
						for a := pi + 1; a <= i; a++ {
							for b := pj + 1; b <= j; b++ {
								ub += pair(a, b)
							}
						}
						if c-lexW*ub >= best {
							continue
						}
						c -= lexW * s.covered(pi, i, pj, j)
					}
				}
				if c < best {
					best, bm = c, uint8(mi+1)
				}
			}
			k := off[i] + j - loI
			cost[k] = float32(best)
			back[k] = bm
		}
	}
	margin := 2
	for i, j := n, m; ; {
		path = append(path, [2]int{i, j})
		if (int(b.lo[i]) > 0 && j-int(b.lo[i]) < margin) || (int(b.hi[i]) < m && int(b.hi[i])-j < margin) {
			touch = true
		}
		if i == 0 && j == 0 {
			break
		}
		k := at(i, j)
		if k < 0 || back[k] == 0 {
			// unreachable inside the band: fall back to a straight run of null beads
			touch = true
			return fallbackPath(n, m), true
		}
		mv := s.moves[back[k]-1]
		i, j = i-mv.ds, j-mv.dt
	}
	for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
		path[l], path[r] = path[r], path[l]
	}
	return path, touch
}

// fallbackPath pairs nothing: all sources, then all targets, as null beads.
func fallbackPath(n, m int) [][2]int {
	var p [][2]int
	for i := 0; i <= n; i++ {
		p = append(p, [2]int{i, 0})
	}
	for j := 1; j <= m; j++ {
		p = append(p, [2]int{n, j})
	}
	return p
}

// beads turns a path into beads with confidences. A paired bead's confidence
// grows with the share of its words, numbers and names that found a partner
// (when it has any to find) and falls with its length mismatch and the rarity
// of its shape. Beads with an empty side get a fixed low confidence: an
// omission is always worth an editor's look.
func (s *scorer) beads(path [][2]int) []Bead {
	out := make([]Bead, 0, len(path))
	for p := 1; p < len(path); p++ {
		i0, j0 := path[p-1][0], path[p-1][1]
		i1, j1 := path[p][0], path[p][1]
		b := Bead{Source: seq(i0, i1), Target: seq(j0, j1)}
		if i0 == i1 || j0 == j1 {
			b.Confidence = 0.4
		} else {
			mv := move{i1 - i0, j1 - j0, 0}
			for _, m := range s.moves {
				if m.ds == mv.ds && m.dt == mv.dt {
					mv.prior = m.prior
				}
			}
			// words the lexicon knows whose English is nowhere in the
			// text count as unmatched: without them a bead between two
			// unrelated texts looks well covered by its few chance matches
			w := s.weight(i0, i1, j0, j1) + missWeight*(s.src.miss[i1]-s.src.miss[i0])
			e := 3 - s.baseCost(mv, i1, j1)
			if w > 0 {
				r := s.covered(i0, i1, j0, j1) / w
				e += 10 * (r - 0.3) * math.Min(1, w/4)
			}
			b.Confidence = 1 / (1 + math.Exp(-e))
		}
		out = append(out, b)
	}
	return out
}

func seq(a, b int) []int {
	if a == b {
		return nil
	}
	out := make([]int, b-a)
	for k := range out {
		out[k] = a + k
	}
	return out
}

// FormatBead writes b as one line of a bead list: "0,1<=>2".
func FormatBead(b Bead) string {
	return joinInts(b.Source) + "<=>" + joinInts(b.Target)
}

func joinInts(xs []int) string {
	var sb []byte
	for k, x := range xs {
		if k > 0 {
			sb = append(sb, ',')
		}
		sb = strconv.AppendInt(sb, int64(x), 10)
	}
	return string(sb)
}

// missWeight scales the words without a partner anywhere in a bead's
// confidence: translators often choose words the lexicon does not give.
const missWeight = 0.75
