package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/gist"
	"bitext/internal/testenv"
)

// TestGoals checks the figures the gist engine promises. It reads the shared
// evaluation data and takes a few seconds.
func TestGoals(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the evaluation data")
	}
	testenv.Shared(t, "data")
	root := testenv.RepoRoot(t)
	r, err := Evaluate(context.Background(), root, false)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	r.Print(&out)
	t.Log("\n" + out.String())
	for _, set := range r.Sets {
		g, n, c := r.Chrf["gist built-in+FreeDict"][set], r.Chrf["naive FreeDict"][set], r.Chrf["copy source"][set]
		if g < n+10 {
			t.Errorf("%s: gist chrF %.1f does not beat the naive lookup (%.1f) by 10 points", set, g, n)
		}
		if n <= c {
			t.Errorf("%s: naive lookup %.1f not above copying the source %.1f: the baseline is broken", set, n, c)
		}
		if r.Pairs[set] < 500 {
			t.Errorf("%s: only %d sentence pairs read", set, r.Pairs[set])
		}
	}
	if cov := r.Coverage["built-in + FreeDict + glossary"]; cov < 95 {
		t.Errorf("coverage with built-in + FreeDict = %.1f%%, want >= 95%%", cov)
	}
	if cov := r.Coverage["built-in + glossary"]; cov < 80 {
		t.Errorf("coverage with the built-in list = %.1f%%, want >= 80%%", cov)
	}
}

func TestNaive(t *testing.T) {
	l := gist.NewLexicon("t")
	l.Add("الكتاب", gist.Entry{Gloss: "the book"})
	l.Add("بيت", gist.Entry{Gloss: "house"})
	tests := []struct{ in, want string }{
		{"الكتاب، بيت.", "the book، house."},
		{"وبيت", "وبيت"},  // no clitic splitting
		{"بيتٌ", "house"}, // diacritics folded
		{"", ""},
	}
	for _, tt := range tests {
		if got := Naive(l, tt.in); got != tt.want {
			t.Errorf("Naive(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLoaders(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "gold.jsonl"), []byte(`{"paragraphs": [["أ", "ب"]], "paragraphs_en": [["A", "B"]]}`+"\n"+`{"paragraphs": [["ج"]], "paragraphs_en": [["C", "D"]]}`+"\n"), 0o644)
	if _, err := loadPUD(filepath.Join(dir, "gold.jsonl")); err == nil || !strings.Contains(err.Error(), "gold.jsonl:2:") {
		t.Errorf("mismatched PUD paragraph: err = %v", err)
	}
	doc := filepath.Join(dir, "set", "d1")
	os.MkdirAll(doc, 0o755)
	os.WriteFile(filepath.Join(doc, "src.txt"), []byte("أ\nب\nج\n"), 0o644)
	os.WriteFile(filepath.Join(doc, "tgt.txt"), []byte("A\nBC\n"), 0o644)
	os.WriteFile(filepath.Join(doc, "gold.txt"), []byte("0<=>0\n1,2<=>1\n"), 0o644)
	pairs, err := loadFlores(filepath.Join(dir, "set"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 2 || pairs[1].Src != "ب ج" || pairs[1].Ref != "BC" {
		t.Errorf("pairs = %+v", pairs)
	}
	os.WriteFile(filepath.Join(doc, "gold.txt"), []byte("0<=>7\n"), 0o644)
	if _, err := loadFlores(filepath.Join(dir, "set")); err == nil || !strings.Contains(err.Error(), "gold.txt:1") {
		t.Errorf("bad bead: err = %v", err)
	}
}

// TestSet scores the gist of the dev alignment set, as -set dev does.
func TestSet(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the evaluation data")
	}
	testenv.Shared(t, "data")
	r, err := EvaluateSet(context.Background(), testenv.RepoRoot(t), "dev")
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	r.Print(&out, 10)
	t.Log(out.String())
	if r.Pairs != 785 || len(r.Hyps) != r.Pairs {
		t.Errorf("%d pairs, %d glossed, want 785 each", r.Pairs, len(r.Hyps))
	}
	if r.Words < 10000 || r.Glossed > r.Words {
		t.Errorf("%d Arabic words, %d glossed", r.Words, r.Glossed)
	}
	if r.Chrf < 35 {
		t.Errorf("chrF %.1f on dev, want >= 35", r.Chrf)
	}
	if _, err := EvaluateSet(context.Background(), testenv.RepoRoot(t), "no-such-set"); err == nil {
		t.Error("an unknown set gave no error")
	}
}
