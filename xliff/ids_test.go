package xliff

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"bitext/doc"
)

// A bitext built by the caller (not by translate.Run) may lack unit ids or
// repeat one. Such a file could not be read back (Read refuses units without
// an id and duplicate ids), so the writers refuse it before writing a byte,
// naming the unit.
func TestWritersRefuseUnitsThatCannotBeReadBack(t *testing.T) {
	unit := func(id, src string, block int) doc.Unit {
		return doc.Unit{ID: id, Block: block, Kind: doc.Paragraph, Segments: []int{0}, Source: src, Target: "An English sentence.", State: doc.StateMachine}
	}
	cases := []struct {
		name  string
		units []doc.Unit
		want  string
	}{
		{"no id", []doc.Unit{unit("u1", "جملة أولى.", 0), unit("", "جملة ثانية.", 1)}, "unit 2 (جملة ثانية.) has no id"},
		{"duplicate id", []doc.Unit{unit("u1", "جملة أولى.", 0), unit("u1", "جملة ثانية.", 1)}, "unit u1: id of unit 1 used again by unit 2"},
	}
	writers := map[string]func(io.Writer, *doc.Bitext, Options) error{"1.2": Write12, "2.1": Write21}
	for _, c := range cases {
		for v, write := range writers {
			t.Run(c.name+" "+v, func(t *testing.T) {
				b := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Name: "cms-42", Units: c.units}
				var buf bytes.Buffer
				err := write(&buf, b, Options{})
				var xe *Error
				if !errors.As(err, &xe) || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "cms-42: ") {
					t.Fatalf("err = %v, want an *Error naming %q", err, c.want)
				}
				if buf.Len() != 0 {
					t.Errorf("wrote %d bytes before refusing", buf.Len())
				}
			})
		}
	}
}

// A file read from an upload may have no name; errors then say "line N"
// rather than starting with a bare colon.
func TestErrorWithoutName(t *testing.T) {
	_, err := Read(strings.NewReader("<html/>"), "")
	if err == nil || !strings.HasPrefix(err.Error(), "line 1: not an XLIFF file") {
		t.Errorf("err = %q", err)
	}
	if got := (&Error{Unit: "u1", Err: ErrNotXLIFF}).Error(); got != "unit u1: not an XLIFF file" {
		t.Errorf("no name, no line: %q", got)
	}
}

func TestReviewErrorWithoutName(t *testing.T) {
	e := &ReviewError{Problems: []Problem{{Line: 39, Unit: "u1", Msg: "source text differs"}, {Msg: "no provenance"}}}
	want := "2 problem(s)\n  line 39: unit u1: source text differs\n  no provenance"
	if got := e.Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	e.File = "r.xlf"
	want = "r.xlf: 2 problem(s)\n  r.xlf:39: unit u1: source text differs\n  r.xlf: no provenance"
	if got := e.Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
