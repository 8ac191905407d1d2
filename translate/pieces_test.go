package translate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitPieces(t *testing.T) {
	for _, tc := range []struct {
		text string
		max  int
		want int // pieces
	}{
		{"قال الرئيس.", 0, 1},
		{"قال الرئيس.", 100, 1},
		{"قال الرئيس. زار موسكو. في موسكو.", 12, 3},
		{"قال ⟦1:Kim Jong Un⟧ إن ⟦2:Vladimir Putin⟧ زار موسكو", 20, 4},
		{strings.Repeat("ا", 25), 10, 3},
		{"- رفع الأجور\n- دعم الصحة", 0, 2},
		{"- رفع الأجور\r\n- دعم الصحة. وأضاف.", 12, 3},
	} {
		got, seps := splitPieces(tc.text, "ar", tc.max)
		checkPieces(t, tc.text, tc.max, got, seps)
		if len(got) != tc.want {
			t.Errorf("splitPieces(%q, %d) = %q, want %d pieces", tc.text, tc.max, got, tc.want)
		}
		if want := strings.Count(tc.text, "\n"); strings.Count(join(got, seps), "\n") != want {
			t.Errorf("splitPieces(%q, %d) = %q %q, want %d line breaks", tc.text, tc.max, got, seps, want)
		}
	}
}

func join(pieces, seps []string) string {
	var b strings.Builder
	for i, p := range pieces {
		b.WriteString(seps[i] + p)
	}
	return b.String()
}

func checkPieces(t *testing.T, text string, max int, got, seps []string) {
	t.Helper()
	for _, p := range got {
		if max > 0 && utf8.RuneCountInString(p) > max && !strings.Contains(p, "⟦") {
			t.Errorf("piece %q longer than %d", p, max)
		}
		if strings.Count(p, "⟦") != strings.Count(p, "⟧") {
			t.Errorf("piece %q cuts a placeholder", p)
		}
	}
	if strings.Join(strings.Fields(join(got, seps)), " ") != strings.Join(strings.Fields(text), " ") {
		t.Errorf("pieces %q do not add up to %q", got, text)
	}
}

func FuzzSplitPieces(f *testing.F) {
	f.Add("قال الرئيس. زار موسكو. في ⟦1:Moscow⟧.", 8)
	f.Fuzz(func(t *testing.T, text string, max int) {
		if !utf8.ValidString(text) || max < 0 || max > 1000 || strings.ContainsAny(text, "⟦⟧") {
			return
		}
		got, seps := splitPieces(text, "ar", max)
		for _, p := range got {
			if max > 0 && utf8.RuneCountInString(p) > max {
				t.Fatalf("piece %q longer than %d", p, max)
			}
		}
		if strings.Join(strings.Fields(join(got, seps)), " ") != strings.Join(strings.Fields(text), " ") {
			t.Fatalf("pieces %q do not add up to %q", got, text)
		}
	})
}
