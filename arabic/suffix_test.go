package arabic

import "testing"

func TestCutPronoun(t *testing.T) {
	tests := []struct {
		word, stem, suffix string
		ok                 bool
	}{
		{"كتابهما", "كتاب", "هما", true}, // longest suffix first
		{"كتابهم", "كتاب", "هم", true},
		{"كتابه", "كتاب", "ه", true},
		{"عليها", "علي", "ها", true},
		{"كتاب", "كتاب", "", false},
		{"به", "به", "", false}, // nothing would be left of the stem
	}
	for _, tt := range tests {
		stem, p, ok := CutPronoun(tt.word, 2)
		if stem != tt.stem || p.Suffix != tt.suffix || ok != tt.ok {
			t.Errorf("CutPronoun(%q) = %q, %q, %v; want %q, %q, %v", tt.word, stem, p.Suffix, ok, tt.stem, tt.suffix, tt.ok)
		}
	}
	for _, p := range Pronouns {
		if p.Possessive == "" || p.Object == "" {
			t.Errorf("pronoun %q lacks English", p.Suffix)
		}
	}
}
