package glossary

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"
)

var suggestEvalList = flag.Bool("suggest-list", false, "TestSuggestEval: log every proposal that is not exactly a name")

// Figures reached on the ANERcorp training corpus; the test fails below them.
const (
	minSuggestExact   = 0.735
	maxSuggestNotName = 0.09
	minSuggestRecall  = 0.51
)

// suggestScore counts the proposals of Suggest against ANERcorp's name tags.
type suggestScore struct {
	exact, partial, misc, wrong int
	names, found                int            // distinct names of each article, and those proposed as they are
	missed                      map[string]int // names not proposed
	wrongs                      map[string]int // "ar → en" of proposals that are no name
	partials                    map[string]int // and of those that are part of a name or longer
}

func (s suggestScore) total() int { return s.exact + s.partial + s.misc + s.wrong }

// recall is the share of an article's distinct names (their lemmas) that
// are proposed as they are: a name missed is spelled as each translator
// chooses.
func (s suggestScore) recall() float64 { return float64(s.found) / float64(s.names) }

func (s suggestScore) String() string {
	n := float64(s.total())
	return fmt.Sprintf("%d proposals: %d exact names (%.3f), %d parts of names or longer (%.3f), %d MISC (%.3f), %d no name (%.3f); "+
		"%d of %d names proposed (%.3f)",
		s.total(), s.exact, float64(s.exact)/n, s.partial, float64(s.partial)/n, s.misc, float64(s.misc)/n, s.wrong, float64(s.wrong)/n,
		s.found, s.names, s.recall())
}

// scoreSuggest runs Suggest on articles of size sentences. A proposal is an
// exact name when its occurrence ends where a PER, LOC or ORG mention ends
// and starts in the mention's first word (a proclitic is not proposed); a
// partial one when it overlaps a mention; MISC when it overlaps only MISC
// spans (nationalities, events); else no name.
func scoreSuggest(sents []evalSentence, size int, names *NameTable) suggestScore {
	sc := suggestScore{wrongs: map[string]int{}, partials: map[string]int{}, missed: map[string]int{}}
	for lo := 0; lo < len(sents); lo += size {
		part := sents[lo:min(lo+size, len(sents))]
		var text strings.Builder
		type span struct{ start, end, firstEnd int }
		var ments, miscs []span
		lemmas := map[string]string{}
		for _, s := range part {
			off := text.Len()
			for _, m := range s.Mentions {
				lemmas[Key(m.Lemma)] = m.Lemma
				fe := m.EndByte
				if i := strings.IndexByte(s.Text[m.StartByte:m.EndByte], ' '); i >= 0 {
					fe = m.StartByte + i
				}
				ments = append(ments, span{off + m.StartByte, off + m.EndByte, off + fe})
			}
			for _, m := range s.Misc {
				miscs = append(miscs, span{off + m.StartByte, off + m.EndByte, 0})
			}
			text.WriteString(s.Text)
			text.WriteString("\n")
		}
		proposed := Suggest(text.String(), SuggestOptions{Names: names})
		keys := map[string]bool{}
		for _, p := range proposed {
			keys[Key(p.Ar)] = true
		}
		for k, lemma := range lemmas {
			sc.names++
			if keys[k] {
				sc.found++
			} else {
				sc.missed[lemma]++
			}
		}
		for _, p := range proposed {
			kind := "wrong"
			for _, m := range ments {
				if p.End == m.end && p.Start >= m.start && p.Start < m.firstEnd {
					kind = "exact"
					break
				}
				if p.Start < m.end && m.start < p.End {
					kind = "partial"
				}
			}
			if kind == "wrong" {
				for _, m := range miscs {
					if p.Start < m.end && m.start < p.End {
						kind = "misc"
					}
				}
			}
			switch kind {
			case "exact":
				sc.exact++
			case "partial":
				sc.partial++
				sc.partials[p.Ar+" → "+p.En]++
			case "misc":
				sc.misc++
			default:
				sc.wrong++
				sc.wrongs[p.Ar+" → "+p.En]++
			}
		}
	}
	return sc
}

// TestSuggestEval scores suggestions on the ANERcorp training corpus and on
// the dev split of names/matching, cut into articles of 20 sentences
// (news-article size); the floor is checked on the training corpus.
func TestSuggestEval(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	names, err := LoadNames()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("dev: %v", scoreSuggest(readEval(t, "dev"), 20, names))
	sc := scoreSuggest(readTrainEval(t), 20, names)
	t.Logf("train: %v", sc)
	if *suggestEvalList {
		for _, list := range []struct {
			what string
			m    map[string]int
		}{{"no name", sc.wrongs}, {"part of a name or longer", sc.partials}, {"missed", sc.missed}} {
			keys := make([]string, 0, len(list.m))
			for k := range list.m {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(i, j int) bool {
				if list.m[keys[i]] != list.m[keys[j]] {
					return list.m[keys[i]] > list.m[keys[j]]
				}
				return keys[i] < keys[j]
			})
			for _, k := range keys {
				t.Logf("%s: %4d  %s", list.what, list.m[k], k)
			}
		}
	}
	n := float64(sc.total())
	if float64(sc.exact)/n < minSuggestExact || float64(sc.wrong)/n > maxSuggestNotName || sc.recall() < minSuggestRecall {
		t.Errorf("want at least %.2f exact names, at most %.2f no name and at least %.2f of the names proposed",
			minSuggestExact, maxSuggestNotName, minSuggestRecall)
	}
}
