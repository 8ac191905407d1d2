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
