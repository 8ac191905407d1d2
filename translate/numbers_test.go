package translate_test

import (
	"context"
	"slices"
	"testing"

	"bitext/doc"
	"bitext/translate"
	"bitext/translate/enginetest"
)

// TestNumberMismatchFlagged: an engine that turns a toll of 1,250 into 125
// gets that unit flagged, with a note saying which figure, and counted; the
// unit whose time came through (10:30 as 10.30 a.m.) is not flagged.
func TestNumberMismatchFlagged(t *testing.T) {
	f := &enginetest.Fake{Answer: func(string) string {
		return "The ministry said 125 people were killed. The earthquake struck at 10.30 a.m."
	}}
	eng := &enginetest.Engine{Fake: f}
	text := "قالت الوزارة إن ١٬٢٥٠ شخصا قتلوا. ووقع الزلزال في الساعة 10:30 صباحا."
	res, err := translate.RunMany(context.Background(), eng, docs(text), translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	units := res.Bitexts[0].Units
	if len(units) != 2 {
		t.Fatalf("%d units, want 2: %+v", len(units), units)
	}
	if !slices.Contains(units[0].Flags, doc.FlagNumberMismatch) {
		t.Errorf("toll unit flags %v, want %s", units[0].Flags, doc.FlagNumberMismatch)
	}
	if want := "number mismatch: the source's ١٬٢٥٠ is 125 in the translation"; !slices.Contains(units[0].Notes, want) {
		t.Errorf("toll unit notes %q, want %q", units[0].Notes, want)
	}
	if slices.Contains(units[1].Flags, doc.FlagNumberMismatch) {
		t.Errorf("time unit flagged: %v %q", units[1].Flags, units[1].Notes)
	}
	if res.Stats.NumberMismatches != 1 {
		t.Errorf("stats count %d number mismatches, want 1", res.Stats.NumberMismatches)
	}
}
