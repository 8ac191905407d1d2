package doc

import "testing"

func TestContainsTerm(t *testing.T) {
	cases := []struct {
		text, term string
		want       bool
	}{
		{"Kim's summit", "Kim", true},
		{"Kimberly said", "Kim", false},
		{"the kremlin", "Kremlin", true},
		{"قناة الجزيرة نقلت", "الجزيرة", true},
		{"anything", "", true},
		{"no", "Putin", false},
	}
	for _, c := range cases {
		if got := ContainsTerm(c.text, c.term); got != c.want {
			t.Errorf("ContainsTerm(%q, %q) = %v", c.text, c.term, got)
		}
	}
}
