package chrf

import (
	"math"
	"testing"
)

func TestSentence(t *testing.T) {
	// Each want is worked out by hand from the definition.
	tests := []struct {
		hyp, ref string
		want     float64
	}{
		{"ab", "ab", 100},
		{"a b", "ab", 100}, // whitespace is ignored
		{"xyz", "abc", 0},
		// orders 1..3 effective; F1 = 2/3, F2 = 1/2, F3 = 0 → (2/3 + 1/2 + 0) / 3
		{"abc", "abd", 100 * (2.0/3 + 0.5) / 3},
		// hyp "a", ref "ab": order 1 P = 1, R = 1/2, F = 5·1·0.5/(4·1 + 0.5) = 5/9; order 2 not effective
		{"a", "ab", 100 * 5.0 / 9},
		// hyp "aa", ref "a": order 1 P = 1/2, R = 1, F = 5·0.5/(4·0.5 + 1) = 5/6
		{"aa", "a", 100 * 5.0 / 6},
		{"", "abc", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		got := Sentence(tt.hyp, tt.ref).Score()
		if math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("chrF(%q, %q) = %.6f, want %.6f", tt.hyp, tt.ref, got, tt.want)
		}
	}
}

func TestCorpusSumsCounts(t *testing.T) {
	// The corpus score is the score of the summed counts, not the mean of sentence scores.
	got := Corpus([]string{"ab", "xy"}, []string{"ab", "ab"})
	// order 1: match 2, hyp 4, ref 4 → F = 1/2; order 2: match 1, hyp 2, ref 2 → F = 1/2
	if math.Abs(got-50) > 1e-9 {
		t.Errorf("Corpus = %.6f, want 50", got)
	}
}

func FuzzSentence(f *testing.F) {
	f.Add("the house", "the white house")
	f.Add("ال", "")
	f.Fuzz(func(t *testing.T, hyp, ref string) {
		s := Sentence(hyp, ref).Score()
		if s < 0 || s > 100 || math.IsNaN(s) {
			t.Fatalf("score %v out of range", s)
		}
		if hyp != "" && squeezeEq(hyp, ref) && Sentence(hyp, ref).Score() < 100-1e-9 && len(squeeze(hyp)) > 0 {
			t.Fatalf("identical texts score %v", s)
		}
	})
}

func squeezeEq(a, b string) bool { return string(squeeze(a)) == string(squeeze(b)) }
