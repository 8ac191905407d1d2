package align

import (
	"unicode/utf8"

	"bitext/doc"
	"bitext/segment"
)

// Document aligns two segmented documents: blocks (headings, paragraphs)
// first, so that paragraphs the English editor merged, split, dropped or added
// are found, then the sentences inside each group of aligned blocks, then a
// last banded pass over the whole document that may move a group's edge by a
// few sentences when the paragraph pass cut in the wrong place. Indexes in the
// beads count segments in document order across all blocks, as SegmentIndex
// lists them. opts.Translations, when set, has one entry per source segment in
// that order. A dateline that is a segment of its own at the start of the
// first paragraph (see segment.SplitDateline) pairs only with the other
// side's dateline, or with nothing.
func Document(src, tgt *doc.Document, opts Options) []Bead {
	ds, dt := datelineAt(src), datelineAt(tgt)
	if ds < 0 && dt < 0 {
		return document(src, tgt, opts)
	}
	if ds >= 0 && opts.Translations != nil {
		opts.Translations = append(append([]string(nil), opts.Translations[:ds]...), opts.Translations[ds+1:]...)
	}
	out := document(without(src, ds), without(tgt, dt), opts)
	shift := func(idx []int, at int) {
		for k := range idx {
			if at >= 0 && idx[k] >= at {
				idx[k]++
			}
		}
	}
	for _, b := range out {
		shift(b.Source, ds)
		shift(b.Target, dt)
	}
	// each dateline goes before the first bead that comes after it
	before := func(b Bead) bool {
		return ds >= 0 && len(b.Source) > 0 && b.Source[0] > ds || dt >= 0 && len(b.Target) > 0 && b.Target[0] > dt
	}
	at := len(out)
	for k, b := range out {
		if before(b) {
			at = k
			break
		}
	}
	crossed := false // a bead before the place holds text after a dateline
	for _, b := range out[:at] {
		crossed = crossed || ds >= 0 && len(b.Source) > 0 && b.Source[len(b.Source)-1] > ds ||
			dt >= 0 && len(b.Target) > 0 && b.Target[len(b.Target)-1] > dt
	}
	insert := func(k int, b Bead) { out = append(out[:k], append([]Bead{b}, out[k:]...)...) }
	switch {
	case ds >= 0 && dt >= 0 && !crossed:
		insert(at, Bead{Source: []int{ds}, Target: []int{dt}, Confidence: 1})
	default:
		for _, d := range []struct {
			at  int
			src bool
		}{{ds, true}, {dt, false}} {
			if d.at < 0 {
				continue
			}
			k := len(out)
			for i, b := range out {
				if d.src && len(b.Source) > 0 && b.Source[0] > d.at || !d.src && len(b.Target) > 0 && b.Target[0] > d.at {
					k = i
					break
				}
			}
			b := Bead{Source: []int{d.at}, Confidence: 1}
			if !d.src {
				b = Bead{Target: []int{d.at}, Confidence: 1}
			}
			insert(k, b)
		}
	}
	return out
}

// datelineAt is the index, as SegmentIndex counts, of the segment that is
// only a dateline and opens d's first paragraph, or -1.
func datelineAt(d *doc.Document) int {
	n := 0
	for _, b := range d.Blocks {
		if b.Kind != doc.Paragraph || len(b.Segments) == 0 {
			n += len(b.Segments)
			continue
		}
		t := b.Segments[0].Text
		if t != "" && segment.Dateline(t, d.Lang) == len(t) {
			return n
		}
		return -1
	}
	return -1
}

// without is d with the segment at index k (as SegmentIndex counts) left
// out; k < 0 gives d itself.
func without(d *doc.Document, k int) *doc.Document {
	if k < 0 {
		return d
	}
	c := *d
	c.Blocks = append([]doc.Block(nil), d.Blocks...)
	for bi := range c.Blocks {
		b := &c.Blocks[bi]
		if k < len(b.Segments) {
			b.Segments = append(append([]doc.Segment(nil), b.Segments[:k]...), b.Segments[k+1:]...)
			return &c
		}
		k -= len(b.Segments)
	}
	return &c
}

// document aligns src and tgt as Document says, datelines aside.
func document(src, tgt *doc.Document, opts Options) []Bead {
	ss, sb := SegmentIndex(src)
	ts, tb := SegmentIndex(tgt)
	b := &builder{voc: vocab{ids: map[string]int32{}}, opts: &opts}
	tu := b.english(ts)
	su := b.arabic(ss, opts.Translations)
	mk := newMarker(b)
	ks, kt := segmentsOfKind(src, sb, doc.Boilerplate), segmentsOfKind(tgt, tb, doc.Boilerplate)
	if blockCount(sb) <= 1 || blockCount(tb) <= 1 {
		// nothing to gain from a paragraph pass
		sc := newScorer(su, tu, mk, &opts, sentenceMoves)
		sc.ks, sc.kt = ks, kt
		return sc.align()
	}

	sp, sRange := paragraphs(su, sb)
	tp, tRange := paragraphs(tu, tb)
	ps := newScorer(sp, tp, mk, &opts, paragraphMoves)
	ps.hs, ps.ht = headings(src, sRange, sb), headings(tgt, tRange, tb)
	ps.ks, ps.kt = firstOfRanges(ks, sRange), firstOfRanges(kt, tRange)
	hs, ht := segmentsOfKind(src, sb, doc.Heading), segmentsOfKind(tgt, tb, doc.Heading)

	// sentences inside each group, joined into one path
	path := [][2]int{{0, 0}}
	sConf := make([]float64, len(su)) // confidence of the group of each segment
	tConf := make([]float64, len(tu))
	sCur, tCur := 0, 0
	for _, pb := range ps.align() {
		s0, s1 := spanOf(pb.Source, sRange, sCur)
		t0, t1 := spanOf(pb.Target, tRange, tCur)
		sCur, tCur = s1, t1
		for k := s0; k < s1; k++ {
			sConf[k] = pb.Confidence
		}
		for k := t0; k < t1; k++ {
			tConf[k] = pb.Confidence
		}
		sc := newScorer(su[s0:s1], tu[t0:t1], mk, &opts, sentenceMoves)
		sc.hs, sc.ht = hs[s0:s1], ht[t0:t1]
		sc.ks, sc.kt = ks[s0:s1], kt[t0:t1]
		for _, bd := range sc.align() {
			last := path[len(path)-1]
			path = append(path, [2]int{last[0] + len(bd.Source), last[1] + len(bd.Target)})
		}
	}

	// the last pass sees block edges: a bead that merges a heading with other
	// text or runs across a paragraph break costs more
	gs := newScorer(su, tu, mk, &opts, sentenceMoves)
	gs.hs, gs.ht = hs, ht
	gs.bs, gs.bt = sb, tb
	gs.ks, gs.kt = ks, kt
	path, _ = gs.search(bandAround(path, len(su), len(tu), edgeSlack), true)
	out := gs.beads(path)
	for k, bd := range out {
		if len(bd.Source) > 0 {
			out[k].Confidence = min(bd.Confidence, sConf[bd.Source[0]])
		} else {
			out[k].Confidence = min(bd.Confidence, tConf[bd.Target[0]])
		}
	}
	return out
}

// edgeSlack is how many sentences the last pass may move a group's edge.
const edgeSlack = 3

// segmentsOfKind marks the segments that belong to blocks of kind.
func segmentsOfKind(d *doc.Document, blockOf []int, kind doc.Kind) []bool {
	out := make([]bool, len(blockOf))
	for k, b := range blockOf {
		out[k] = d.Blocks[b].Kind == kind
	}
	return out
}

// firstOfRanges gives each range the mark of its first segment (a block's
// segments share their block's kind).
func firstOfRanges(marks []bool, ranges [][2]int) []bool {
	out := make([]bool, len(ranges))
	for k, r := range ranges {
		out[k] = marks[r[0]]
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

// blockCount is the number of distinct blocks in blockOf (which is sorted).
func blockCount(blockOf []int) int {
	n := 0
	for k := range blockOf {
		if k == 0 || blockOf[k] != blockOf[k-1] {
			n++
		}
	}
	return n
}

// ConfidentShare is the share of the characters of both sides, src and tgt
// being the segment texts the beads index, that lie in paired beads of at
// least LowConfidence. A translation and its original pair most of their
// text with confidence; an English text that is another article pairs little
// of it, whatever path the aligner found.
func ConfidentShare(src, tgt []string, beads []Bead) float64 {
	total, sure := 0, 0
	for _, b := range beads {
		n := 0
		for _, k := range b.Source {
			n += utf8.RuneCountInString(src[k])
		}
		for _, k := range b.Target {
			n += utf8.RuneCountInString(tgt[k])
		}
		total += n
		if len(b.Source) > 0 && len(b.Target) > 0 && !b.Low() {
			sure += n
		}
	}
	if total == 0 {
		return 0
	}
	return float64(sure) / float64(total)
}
