package translate

import (
	"slices"
	"testing"

	"bitext/doc"
)

// TestCheckNumbersAgain: a unit checked before (kept from the editor's file
// by --update) gets its number note once, and none once the editor fixed
// the figure.
func TestCheckNumbersAgain(t *testing.T) {
	u := doc.Unit{Kind: doc.Paragraph, Source: "قتل ١٬٢٥٠ شخصا", Target: "125 people were killed"}
	checkNumbers(&u)
	checkNumbers(&u)
	want := []string{"number mismatch: the source's ١٬٢٥٠ is 125 in the translation"}
	if !slices.Equal(u.Notes, want) || !slices.Equal(u.Flags, []doc.Flag{doc.FlagNumberMismatch}) {
		t.Errorf("checked twice: notes %q flags %v, want %q once", u.Notes, u.Flags, want)
	}
	u.Target = "1,250 people were killed"
	if checkNumbers(&u) || len(u.Notes) != 0 || len(u.Flags) != 0 {
		t.Errorf("after the fix: notes %q flags %v, want none", u.Notes, u.Flags)
	}
}
