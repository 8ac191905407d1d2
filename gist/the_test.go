package gist

import (
	"testing"

	"bitext/translate"
)

func TestTakesThe(t *testing.T) {
	tests := []struct {
		en   string
		want bool
	}{
		{"White House", true},
		{"United Nations", true},
		{"UN Security Council", true},
		{"Bank of England", true},                       // head before "of"
		{"Democratic People's Republic of Korea", true}, // People's is no owner
		{"Gaza Strip", true},
		{"Kremlin", true},
		{"New York Times", true},
		{"the Pentagon", false}, // already written with it
		{"The Hague", false},
		{"South Korea's National Intelligence Service", false},
		{"Iraq", false},
		{"North Korea", false},
		{"Vladimir Putin", false},
		{"NATO", false},
		{"Congress", false},
		{"House", false}, // a one-word name needs to be listed
		{"", false},
	}
	for _, tt := range tests {
		if got := takesThe(tt.en); got != tt.want {
			t.Errorf("takesThe(%q) = %v, want %v", tt.en, got, tt.want)
		}
	}
}

func TestNamesTakeThe(t *testing.T) {
	e := testEngine(t, Options{})
	terms := []translate.Term{
		{Source: "البيت الأبيض", Target: "White House"},
		{Source: "والبيت الأبيض", Target: "White House"},
		{Source: "العراق", Target: "Iraq"},
	}
	tests := []glossCase{
		{"في البيت الأبيض", "in the White House"},
		{"والبيت الأبيض", "and the White House"},
		{"قال البيت الأبيض", "the White House said"},
		{"في العراق", "in Iraq"},
		{"في ⟦1:White House⟧", "in the ⟦1:White House⟧"}, // a protected name
		{"في ⟦1⟧", "in ⟦1⟧"},                             // a bare placeholder tells nothing
		{"هذه ⟦1:White House⟧", "this ⟦1:White House⟧"},
		{"صحيفة ⟦1:New York Times⟧", "newspaper of the ⟦1:New York Times⟧"},
	}
	checkGloss(t, e, terms, tests)
}
