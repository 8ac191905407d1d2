package htmlpage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/doc"
	"bitext/glossary"
	"bitext/internal/testenv"
	"bitext/segment"
	"bitext/translate"
)

// sampleUntranslated runs the sample article through the pipeline with the
// engine "none" and the repository's glossary: every unit new and flagged.
func sampleUntranslated(t testing.TB) *doc.Bitext {
	t.Helper()
	root := testenv.RepoRoot(t)
	src, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Load(filepath.Join(root, "glossary.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := translate.New("none", translate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := segment.Split("article.txt", string(src), "ar")
	bt, err := translate.Run(context.Background(), eng, d, translate.Options{Glossary: glossary.NewMatcher(g)})
	if err != nil {
		t.Fatal(err)
	}
	return bt
}

// sampleTranslated is sampleUntranslated with English filled in from
// testdata/article.en.txt (one paragraph per translatable block, in order):
// each unit of a block takes the next English sentence, the last unit the rest.
func sampleTranslated(t testing.TB) *doc.Bitext {
	t.Helper()
	bt := sampleUntranslated(t)
	en, err := os.ReadFile(filepath.Join("testdata", "article.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(en)), "\n\n")
	byBlock := map[int][]int{} // block -> unit indexes
	var blocks []int
	for i, u := range bt.Units {
		if u.Kind == doc.Boilerplate {
			continue
		}
		if _, ok := byBlock[u.Block]; !ok {
			blocks = append(blocks, u.Block)
		}
		byBlock[u.Block] = append(byBlock[u.Block], i)
	}
	for k, b := range blocks {
		if k >= len(paras) {
			break
		}
		var sents []string
		for _, s := range segment.Sentences(paras[k], "en") {
			sents = append(sents, s.Text)
		}
		units := byBlock[b]
		for j, ui := range units {
			u := &bt.Units[ui]
			switch {
			case j == len(units)-1 && j < len(sents):
				u.Target = strings.Join(sents[j:], " ")
			case j < len(sents):
				u.Target = sents[j]
			}
			if u.Target == "" {
				continue
			}
			u.State, u.Origin, u.Flags = doc.StateMachine, "test", nil
			for _, h := range u.Terms {
				if !strings.Contains(strings.ToLower(u.Target), strings.ToLower(h.En)) {
					u.AddFlag(doc.FlagGlossaryViolation)
				}
			}
		}
	}
	bt.Engine = "test"
	return bt
}

// sampleUneven merges the sample's paragraphs three by three, so that each
// paragraph holds several sentence rows, and gives the rows English of very
// different lengths: a short translation beside a long original and the reverse.
func sampleUneven(t testing.TB) *doc.Bitext {
	t.Helper()
	root := testenv.RepoRoot(t)
	src, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(src)), "\n\n")[:12]
	var merged []string
	for i := 0; i < len(paras); i += 3 {
		merged = append(merged, strings.Join(paras[i:min(i+3, len(paras))], " "))
	}
	eng, err := translate.New("none", translate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := segment.Split("uneven.txt", strings.Join(merged, "\n\n"), "ar")
	bt, err := translate.Run(context.Background(), eng, d, translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bt.Units) < 2*len(d.Blocks) {
		t.Fatalf("%d units in %d blocks: paragraphs did not get several rows", len(bt.Units), len(d.Blocks))
	}
	long := "This English sentence is deliberately much longer than its original, so that the row grows on the English side and the next Arabic sentence would drift out of level if the rows were not tied together."
	for i := range bt.Units {
		u := &bt.Units[i]
		u.State, u.Flags = doc.StateMachine, nil
		if i%2 == 0 {
			u.Target = "Short."
		} else {
			u.Target = long
		}
	}
	return bt
}
