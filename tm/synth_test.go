package tm

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"bitext/internal/testenv"
	"bitext/tmx"
)

type pair struct{ ar, en string }

// sentencePairs reads the one-to-one sentence pairs of the alignment sets in
// ../shared/data (gold beads "i<=>j"). It skips the test when they are missing.
func sentencePairs(t testing.TB) []pair {
	t.Helper()
	golds, _ := filepath.Glob(filepath.Join(testenv.Shared(t, "data", "alignment"), "*", "*", "gold.txt"))
	if len(golds) == 0 {
		t.Skip("no ../shared/data/alignment sets")
	}
	var out []pair
	for _, g := range golds {
		dir := filepath.Dir(g)
		src, err1 := os.ReadFile(filepath.Join(dir, "src.txt"))
		tgt, err2 := os.ReadFile(filepath.Join(dir, "tgt.txt"))
		gold, err3 := os.ReadFile(g)
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		ar := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
		en := strings.Split(strings.TrimRight(string(tgt), "\n"), "\n")
		for _, line := range strings.Split(string(gold), "\n") {
			a, b, ok := strings.Cut(line, "<=>")
			i, e1 := strconv.Atoi(a)
			j, e2 := strconv.Atoi(b)
			if ok && e1 == nil && e2 == nil && i < len(ar) && j < len(en) {
				out = append(out, pair{ar[i], en[j]})
			}
		}
	}
	return out
}

// newsWords reads the distinct Arabic words of the ANERcorp news corpus in
// ../shared/data (one token per line, then its tag), or nil.
func newsWords(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "..", "shared", "data", "names", "anercorp", "ANERcorp_train.txt"))
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		w, _, _ := strings.Cut(line, " ")
		if len([]rune(w)) >= 3 && !seen[w] && strings.IndexFunc(w, func(r rune) bool { return r >= 0x0621 && r <= 0x064A }) >= 0 {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// synth makes n distinct, natural-looking pairs by joining the first half of
// one sentence pair to the second half of another (both sides alike). With
// words, it also puts a random news word in place of about one source word
// in five, so that the memory has a news vocabulary rather than the few
// thousand sentences it is made from repeated hundreds of times.
type synth struct {
	pairs []pair
	words []string
	rng   *rand.Rand
	seen  map[string]bool
}

func newSynth(pairs []pair, seed uint64) *synth {
	return &synth{pairs: pairs, rng: rand.New(rand.NewPCG(seed, 1)), seen: map[string]bool{}}
}

func halves(s string, first bool) string {
	w := strings.Fields(s)
	if first {
		return strings.Join(w[:len(w)/2], " ")
	}
	return strings.Join(w[len(w)/2:], " ")
}

func (s *synth) next() pair {
	for {
		a := s.pairs[s.rng.IntN(len(s.pairs))]
		b := s.pairs[s.rng.IntN(len(s.pairs))]
		p := pair{halves(a.ar, true) + " " + halves(b.ar, false), halves(a.en, true) + " " + halves(b.en, false)}
		if len(s.words) > 0 {
			w := strings.Fields(p.ar)
			for k := range w {
				if s.rng.IntN(5) == 0 {
					w[k] = s.words[s.rng.IntN(len(s.words))]
				}
			}
			p.ar = strings.Join(w, " ")
		}
		if !s.seen[p.ar] {
			s.seen[p.ar] = true
			return p
		}
	}
}

type pairSource interface{ next() pair }

// numbered makes distinct pairs from a few by numbering them.
type numbered struct {
	pairs []pair
	i     int
}

func (n *numbered) next() pair {
	p := n.pairs[n.i%len(n.pairs)]
	n.i++
	return pair{fmt.Sprintf("%s %d", p.ar, n.i), fmt.Sprintf("%s %d", p.en, n.i)}
}

// writeSynthTMX writes n synthesised pairs as TMX.
func writeSynthTMX(t testing.TB, w io.Writer, s pairSource, n int) {
	t.Helper()
	bw := bufio.NewWriter(w)
	tw, err := tmx.NewWriter(bw, tmx.Header{SrcLang: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		p := s.next()
		u := tmx.Unit{ID: fmt.Sprintf("s%d", i), CreationID: "bench",
			Props:    []tmx.Prop{{Type: PropArticle, Value: fmt.Sprintf("article-%d.txt", i/30)}},
			Variants: []tmx.Variant{{Lang: "ar", Text: p.ar}, {Lang: "en", Text: p.en}}}
		if err := tw.Write(&u); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
}
