package align

import (
	"bitext/doc"
)

// Document aligns two segmented documents: blocks (headings, paragraphs)
// first, so that paragraphs the English editor merged, split, dropped or added
// are found, then the sentences inside each group of aligned blocks. Indexes
// in the beads count segments in document order across all blocks, as
// SegmentIndex lists them. opts.Translations, when set, has one entry per
// source segment in that order.
func Document(src, tgt *doc.Document, opts Options) []Bead {
	ss, sb := SegmentIndex(src)
	ts, tb := SegmentIndex(tgt)
	b := &builder{voc: vocab{ids: map[string]int32{}}, opts: &opts}
	tu := b.english(ts)
	su := b.arabic(ss, opts.Translations)
	mk := newMarker(b)

	sp, sRange := paragraphs(su, sb)
	tp, tRange := paragraphs(tu, tb)
	type group struct {
		s0, s1, t0, t1 int
		conf           float64
	}
	var groups []group
	if len(sp) <= 1 || len(tp) <= 1 {
		groups = append(groups, group{0, len(su), 0, len(tu), 1})
	} else {
		ps := newScorer(sp, tp, mk, &opts, paragraphMoves)
		ps.hs, ps.ht = headings(src, sRange, sb), headings(tgt, tRange, tb)
		sCur, tCur := 0, 0
		for _, pb := range ps.align() {
			g := group{conf: pb.Confidence}
			g.s0, g.s1 = spanOf(pb.Source, sRange, sCur)
			g.t0, g.t1 = spanOf(pb.Target, tRange, tCur)
			sCur, tCur = g.s1, g.t1
			groups = append(groups, g)
		}
	}
	var out []Bead
	for _, g := range groups {
		sc := newScorer(su[g.s0:g.s1], tu[g.t0:g.t1], mk, &opts, sentenceMoves)
		for _, bd := range sc.align() {
			for k := range bd.Source {
				bd.Source[k] += g.s0
			}
			for k := range bd.Target {
				bd.Target[k] += g.t0
			}
			bd.Confidence = min(bd.Confidence, g.conf)
			out = append(out, bd)
		}
	}
	return out
}

// SegmentIndex lists the segment texts of d in document order with the block
// each belongs to.
func SegmentIndex(d *doc.Document) (texts []string, blocks []int) {
	for bi, b := range d.Blocks {
		for _, s := range b.Segments {
			texts = append(texts, s.Text)
			blocks = append(blocks, bi)
		}
	}
	return texts, blocks
}

// paragraphs merges the units of each block into one; ranges[k] is the
// [start, end) segment range of paragraph k. Blocks without segments vanish.
func paragraphs(us []unit, blockOf []int) ([]unit, [][2]int) {
	var ps []unit
	var ranges [][2]int
	for k := 0; k < len(us); {
		e := k
		var p unit
		for e < len(us) && blockOf[e] == blockOf[k] {
			p.chars += us[e].chars
			p.atoms = append(p.atoms, us[e].atoms...)
			e++
		}
		ps = append(ps, p)
		ranges = append(ranges, [2]int{k, e})
		k = e
	}
	return ps, ranges
}

// spanOf returns the segment range covered by paragraphs idx; an empty idx
// gives the empty range at cur.
func spanOf(idx []int, ranges [][2]int, cur int) (int, int) {
	if len(idx) == 0 {
		return cur, cur
	}
	return ranges[idx[0]][0], ranges[idx[len(idx)-1]][1]
}

// headings marks the paragraphs that are headings.
func headings(d *doc.Document, ranges [][2]int, blockOf []int) []bool {
	out := make([]bool, len(ranges))
	for k, r := range ranges {
		out[k] = d.Blocks[blockOf[r[0]]].Kind == doc.Heading
	}
	return out
}
