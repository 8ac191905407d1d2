package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"bitext/gist"
	"bitext/internal/chrf"
)

// SetReport scores the gist of one alignment set (../shared/data/alignment/NAME)
// as a user sees it: the built-in list and FreeDict, no glossary.
type SetReport struct {
	Name           string         // the set's folder name: dev, test, test-pud
	Pairs          int            // gold beads with both an Arabic and an English side
	Chrf           float64        // corpus chrF of the gist against the English of each gold bead
	Words, Glossed int            // Arabic words, and those the gist gave English for
	Unknown        map[string]int // the words left transliterated, by surface form
	Hyps           []string       // the gist of each pair, in order
	Items          []Pair         // the pairs scored
}

// EvaluateSet glosses every bead of an alignment set that has both sides and
// scores it with chrF; the Arabic words left unglossed are counted by the
// engine's own Stats.
func EvaluateSet(ctx context.Context, root, name string) (*SetReport, error) {
	shared := filepath.Join(root, "..", "shared", "data")
	pairs, err := loadFlores(filepath.Join(shared, "alignment", name))
	if err != nil {
		return nil, err
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("alignment set %q: no sentence pairs", name)
	}
	e, err := defaultEngine(ctx, shared)
	if err != nil {
		return nil, err
	}
	r := &SetReport{Name: name, Pairs: len(pairs), Unknown: map[string]int{}, Items: pairs}
	var st chrf.Stats
	for _, p := range pairs {
		hyp := e.Gloss(p.Src, nil)
		r.Hyps = append(r.Hyps, hyp)
		st.Add(chrf.Sentence(hyp, p.Ref))
		cov := e.Coverage(p.Src, nil)
		r.Words += cov.Words
		r.Glossed += cov.Glossed
		for k, v := range cov.Unknown {
			r.Unknown[k] += v
		}
	}
	r.Chrf = st.Score()
	return r, ctx.Err()
}

// defaultEngine is the engine bitext uses with no options where FreeDict is
// installed: the built-in list, then FreeDict (read from the shared TSV so
// that the figures do not depend on the machine).
func defaultEngine(ctx context.Context, shared string) (*gist.Engine, error) {
	core, err := gist.Core()
	if err != nil {
		return nil, err
	}
	fd, err := gist.LoadLexicon(ctx, filepath.Join(shared, "lexicon", "freedict-ara-eng", "freedict-ara-eng.tsv"))
	if err != nil {
		return nil, err
	}
	return gist.NewWithLexicons(gist.Options{}, core, fd), nil
}

// Print writes the set's figures and its most frequent unglossed words.
func (r *SetReport) Print(w io.Writer, top int) {
	fmt.Fprintf(w, "%s: %d pairs, chrF %.2f, %d Arabic words, %.2f%% left unglossed\n", r.Name, r.Pairs, r.Chrf,
		r.Words, 100*float64(r.Words-r.Glossed)/float64(max(r.Words, 1)))
	if top > 0 {
		fmt.Fprintf(w, "most frequent unglossed: %s\n", strings.Join(topUnknown(r.Unknown, top), ", "))
	}
}

// dump writes each pair's Arabic, gist and reference, for reading the errors.
func (r *SetReport) dump(path string) error {
	var b strings.Builder
	for i, p := range r.Items {
		fmt.Fprintf(&b, "AR  %s\nGI  %s\nEN  %s\n\n", p.Src, r.Hyps[i], p.Ref)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
