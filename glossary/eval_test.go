package glossary

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

var evalSplit = flag.String("eval-split", "dev", "names/matching split that TestMatchingEval scores (dev, test, or train: built from the ANERcorp training corpus)")

// Figures reached on the dev split; the test fails below them.
const (
	minDevPrecision = 0.98
	minDevRecall    = 0.985
)

type evalSentence struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Mentions []struct {
		StartByte int    `json:"start_byte"`
		EndByte   int    `json:"end_byte"`
		Surface   string `json:"surface"`
		Lemma     string `json:"lemma"`
	} `json:"mentions"`
	Misc []struct {
		StartByte int `json:"start_byte"`
		EndByte   int `json:"end_byte"`
	} `json:"misc"`
}

// sharedData returns the path of a file under ../shared/data, skipping the
// test outside CI when the shared folder is absent.
func sharedData(t testing.TB, parts ...string) string {
	return testenv.Shared(t, append([]string{"data"}, parts...)...)
}

func readEval(t testing.TB, split string) []evalSentence {
	if split == "train" {
		return readTrainEval(t)
	}
	f, err := os.Open(sharedData(t, "names", "matching", split+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []evalSentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var s evalSentence
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("%s.jsonl:%d: %v", split, line, err)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

type evalResult struct {
	tp, fp, fn, ignored int
	errors              []string
}

func (r evalResult) precision() float64 { return float64(r.tp) / float64(r.tp+r.fp) }
func (r evalResult) recall() float64    { return float64(r.tp) / float64(r.tp+r.fn) }

// evaluate matches every sentence with a glossary of the split's gold lemmas.
// A hit counts when its span equals a gold mention's span; hits that overlap
// a MISC span are not scored.
func evaluate(sents []evalSentence, distractors ...*Entry) evalResult {
	g := &Glossary{Name: "gold"}
	seen := map[string]bool{}
	for _, s := range sents {
		for _, m := range s.Mentions {
			if !seen[m.Lemma] {
				seen[m.Lemma] = true
				g.Entries = append(g.Entries, &Entry{Ar: m.Lemma, En: m.Lemma})
			}
		}
	}
	gold := map[string]bool{}
	for _, e := range g.Entries {
		gold[Key(e.Ar)] = true
	}
	for _, d := range distractors {
		if !gold[Key(d.Ar)] {
			g.Entries = append(g.Entries, d)
		}
	}
	m := NewMatcher(g)
	var r evalResult
	for _, s := range sents {
		gold := map[[2]int]bool{}
		for _, mn := range s.Mentions {
			gold[[2]int{mn.StartByte, mn.EndByte}] = true
		}
		found := map[[2]int]bool{}
		for _, h := range m.Match(s.Text) {
			span := [2]int{h.Start, h.End}
			if gold[span] {
				r.tp++
				found[span] = true
				continue
			}
			misc := false
			for _, x := range s.Misc {
				if h.Start < x.EndByte && x.StartByte < h.End {
					misc = true
				}
			}
			if misc {
				r.ignored++
				continue
			}
			r.fp++
			r.errors = append(r.errors, fmt.Sprintf("FP %s %q", s.ID, s.Text[h.Start:h.End]))
		}
		for _, mn := range s.Mentions {
			if !found[[2]int{mn.StartByte, mn.EndByte}] {
				r.fn++
				r.errors = append(r.errors, fmt.Sprintf("FN %s %q", s.ID, mn.Surface))
			}
		}
	}
	return r
}

// TestMatchingEval scores the matcher on names/matching (dev by default;
// -eval-split=test for the held-out figure).
func TestMatchingEval(t *testing.T) {
	r := evaluate(readEval(t, *evalSplit))
	t.Logf("%s: precision %.3f recall %.3f (tp %d fp %d fn %d, %d hits on MISC not scored; counting those as errors, precision %.3f)",
		*evalSplit, r.precision(), r.recall(), r.tp, r.fp, r.fn, r.ignored, float64(r.tp)/float64(r.tp+r.fp+r.ignored))
	if testing.Verbose() && *evalSplit != "test" { // the test split is scored, never studied
		for _, e := range r.errors {
			t.Log(e)
		}
	}
	if *evalSplit == "dev" && (r.precision() < minDevPrecision || r.recall() < minDevRecall) {
		t.Errorf("dev: precision %.3f recall %.3f, want at least %.3f and %.3f", r.precision(), r.recall(), minDevPrecision, minDevRecall)
	}
}

// TestMatchingEvalDistractors adds the ANETAC names (about 67,000 Arabic
// forms) to the gold glossary, as a large real glossary would, and logs the
// figures; the names that are also ordinary words cost precision.
func TestMatchingEvalDistractors(t *testing.T) {
	sents := readEval(t, *evalSplit)
	f, err := os.Open(sharedData(t, "names", "translit", "anetac_en-ar_named_entities.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ds []*Entry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) == 3 {
			ds = append(ds, &Entry{Ar: fields[2], En: fields[1]})
		}
	}
	r := evaluate(sents, ds...)
	t.Logf("%s with %d distractor names: precision %.3f recall %.3f (tp %d fp %d fn %d)", *evalSplit, len(ds), r.precision(), r.recall(), r.tp, r.fp, r.fn)
	if r.recall() < minDevRecall-0.01 {
		t.Errorf("recall %.3f: distractors must not hide gold names", r.recall())
	}
}
