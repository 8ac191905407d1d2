package htmlpage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/doc"
	"bitext/glossary"
	"bitext/segment"
	"bitext/translate"
)

// repoRoot walks up from the package directory to go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// sampleUntranslated runs the sample article through the pipeline with the
// engine "none" and the repository's glossary: every unit new and flagged.
func sampleUntranslated(t testing.TB) *doc.Bitext {
	t.Helper()
	root := repoRoot(t)
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
