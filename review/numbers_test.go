package review

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"bitext/doc"
	"bitext/figures"
	"bitext/xliff"
)

// numbersReviewed: the editor mistyped a toll in u1, fixed the draft's
// wrong year in u2 and wrote the time another way in u3.
func numbersReviewed() *xliff.Reviewed {
	unit := func(id string, line int, src, draft, tgt string) xliff.ReviewedUnit {
		u := xliff.ReviewedUnit{Draft: draft, HasDraft: true, Line: line, Edited: tgt != draft}
		u.ID, u.Source, u.Target, u.Kind = id, src, tgt, doc.Paragraph
		return u
	}
	return &xliff.Reviewed{File: &xliff.File{Name: "r.xlf"}, Units: []xliff.ReviewedUnit{
		unit("u1", 12, "قتل ١٬٢٥٠ شخصا", "1,250 people were killed", "125 people were killed"),
		unit("u2", 18, "في عام 2024", "in 2023", "in 2024"),
		unit("u3", 24, "في الساعة 10:30 صباحا", "at 10:30 in the morning", "at 10.30 a.m."),
	}}
}

func TestComputeNumbers(t *testing.T) {
	r := Compute(numbersReviewed())
	want := []Numbers{{Unit: "u1", Line: 12, Mismatches: []figures.Mismatch{{Source: "١٬٢٥٠", Target: "125"}}}}
	if !reflect.DeepEqual(r.Numbers, want) || r.Summary.Numbers != 1 {
		t.Fatalf("numbers %+v (summary %d), want %+v", r.Numbers, r.Summary.Numbers, want)
	}
	if len(r.Units[0].Numbers) != 1 || len(r.Units[1].Numbers) != 0 {
		t.Errorf("unit numbers: %+v, %+v", r.Units[0].Numbers, r.Units[1].Numbers)
	}
	var text bytes.Buffer
	if err := r.WriteText(&text, false); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"line 12: number mismatch: the source's ١٬٢٥٠ is 125 in the translation", "numbers: 1 unit holds figures that differ"} {
		if !strings.Contains(text.String(), w) {
			t.Errorf("text report lacks %q:\n%s", w, text.String())
		}
	}
	var page bytes.Buffer
	if err := r.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), "line 12: number mismatch: the source&#39;s ١٬٢٥٠ is 125 in the translation") {
		t.Errorf("HTML report lacks the mismatch:\n%s", page.String())
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || !reflect.DeepEqual(back.Numbers, want) {
		t.Errorf("JSON numbers %+v (%v), want %+v", back.Numbers, err, want)
	}
}

// TestMarkNumbers: the page marks the unit whose reviewed target is wrong,
// and no longer the one whose draft was wrong and the editor fixed.
func TestMarkNumbers(t *testing.T) {
	rv := numbersReviewed()
	b := rv.Bitext()
	b.Units[1].Flags = []doc.Flag{doc.FlagNumberMismatch}
	b.Units[1].Notes = []string{"number mismatch: the source's 2024 is 2023 in the translation"}
	MarkNumbers(b, NumberMismatches(rv.Units))
	if !slices.Contains(b.Units[0].Flags, doc.FlagNumberMismatch) || !slices.Contains(b.Units[0].Notes, "number mismatch: the source's ١٬٢٥٠ is 125 in the translation") {
		t.Errorf("u1: flags %v notes %q", b.Units[0].Flags, b.Units[0].Notes)
	}
	if len(b.Units[1].Flags) != 0 || len(b.Units[1].Notes) != 0 {
		t.Errorf("u2 fixed by the editor, yet flags %v notes %q", b.Units[1].Flags, b.Units[1].Notes)
	}
}
