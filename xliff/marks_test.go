package xliff

import (
	"bytes"
	"reflect"
	"testing"

	"bitext/doc"
)

// TestEditorMarksWrittenBack: a unit carrying an editor's marks is written
// with them, unchanged in the same XLIFF version and mapped by meaning in
// the other.
func TestEditorMarksWrittenBack(t *testing.T) {
	type marks = doc.XLIFFMarks
	tests := []struct {
		name  string
		state doc.State // what bitext made of the unit
		in    marks
		out   string // "1.2" or "2.1"
		want  marks  // as read back: Version is not compared
	}{
		{"1.2 approved translated", doc.StateReviewed, marks{Version: "1.2", State: "translated", Approved: true}, "1.2", marks{State: "translated", Approved: true}},
		{"1.2 signed-off", doc.StateFinal, marks{Version: "1.2", State: "signed-off"}, "1.2", marks{State: "signed-off"}},
		{"1.2 own state and qualifier", doc.StateMachine, marks{Version: "1.2", State: "x-checked", Qualifier: "x-desk"}, "1.2", marks{State: "x-checked", Qualifier: "x-desk"}},
		{"2.1 reviewed", doc.StateReviewed, marks{Version: "2.1", State: "reviewed"}, "2.1", marks{State: "reviewed"}},
		{"2.1 translated with subState", doc.StateMachine, marks{Version: "2.1", State: "translated", Qualifier: "desk:checked"}, "2.1", marks{State: "translated", Qualifier: "desk:checked"}},

		{"1.2 approved to 2.1", doc.StateReviewed, marks{Version: "1.2", State: "translated", Approved: true}, "2.1", marks{State: "reviewed"}},
		{"1.2 signed-off to 2.1", doc.StateFinal, marks{Version: "1.2", State: "signed-off"}, "2.1", marks{State: "reviewed"}},
		{"1.2 final to 2.1", doc.StateFinal, marks{Version: "1.2", State: "final", Approved: true}, "2.1", marks{State: "final"}},
		{"1.2 translated to 2.1", doc.StateReviewed, marks{Version: "1.2", State: "translated"}, "2.1", marks{State: "translated"}},
		{"1.2 machine draft to 2.1", doc.StateMachine, marks{Version: "1.2", State: "needs-review-translation", Qualifier: "leveraged-mt"}, "2.1", marks{State: "translated", Qualifier: "bitext:machine"}},
		{"1.2 approved machine draft to 2.1", doc.StateReviewed, marks{Version: "1.2", State: "needs-review-translation", Qualifier: "leveraged-mt", Approved: true}, "2.1", marks{State: "reviewed"}},
		{"1.2 needs-translation to 2.1", doc.StateMachine, marks{Version: "1.2", State: "needs-translation"}, "2.1", marks{State: "initial"}},

		{"2.1 reviewed to 1.2", doc.StateReviewed, marks{Version: "2.1", State: "reviewed"}, "1.2", marks{State: "signed-off", Approved: true}},
		{"2.1 final to 1.2", doc.StateFinal, marks{Version: "2.1", State: "final"}, "1.2", marks{State: "final", Approved: true}},
		{"2.1 translated to 1.2", doc.StateReviewed, marks{Version: "2.1", State: "translated"}, "1.2", marks{State: "translated"}},
		{"2.1 memory draft to 1.2", doc.StateMemory, marks{Version: "2.1", State: "translated", Qualifier: "bitext:memory"}, "1.2", marks{State: "needs-review-translation", Qualifier: "leveraged-tm"}},
		{"2.1 initial to 1.2", doc.StateMachine, marks{Version: "2.1", State: "initial"}, "1.2", marks{State: "needs-translation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			b := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Units: []doc.Unit{{ID: "u1", Kind: doc.Paragraph,
				Source: "قال المتحدث", Target: "The spokesman said", State: tt.state, XLIFF: &in}}}
			var buf bytes.Buffer
			write := Write12
			if tt.out == "2.1" {
				write = Write21
			}
			if err := write(&buf, b, Options{}); err != nil {
				t.Fatal(err)
			}
			f, err := Read(bytes.NewReader(buf.Bytes()), "marks.xlf")
			if err != nil {
				t.Fatal(err)
			}
			u := f.Units[0]
			got := marks{State: u.State, Qualifier: u.Qualifier, Approved: u.ApprovedAttr}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("read back %+v, want %+v\n%s", got, tt.want, buf.String())
			}
		})
	}
}
