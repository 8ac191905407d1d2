package doc

import (
	"bytes"
	"strings"
	"testing"
)

func TestPosition(t *testing.T) {
	d := &Document{Source: "سطر أول\nسطر ثانٍ"}
	off := strings.Index(d.Source, "ثانٍ")
	if line, col := d.Position(off); line != 2 || col != 5 {
		t.Errorf("Position = %d:%d, want 2:5", line, col)
	}
	bom := &Document{Source: "\uFEFFسطر أول"}
	if line, col := bom.Position(strings.Index(bom.Source, "أول")); line != 1 || col != 5 {
		t.Errorf("after a byte order mark: Position = %d:%d, want 1:5", line, col)
	}
}

func TestValidate(t *testing.T) {
	src := "أ ب. ج د."
	good := &Document{Source: src, Blocks: []Block{{Kind: Paragraph, Start: 0, End: len(src), Segments: []Segment{
		{Start: 0, End: 6, Text: src[:6]}, {Start: 7, End: len(src), Text: src[7:]},
	}}}}
	if err := good.Validate(); err != nil {
		t.Errorf("valid document: %v", err)
	}
	bad := *good
	bad.Blocks = []Block{{Kind: Paragraph, Start: 0, End: len(src), Segments: []Segment{{Start: 0, End: 6, Text: "x"}}}}
	if err := bad.Validate(); err == nil {
		t.Error("segment text that does not match the source was accepted")
	}
}

func TestJSONRoundTrip(t *testing.T) {
	b := &Bitext{SourceLang: "ar", TargetLang: "en", Units: []Unit{{ID: "u1", Kind: Paragraph, Source: "<b>&amp;", Target: "x", State: StateMachine}}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"terms": []`) {
		t.Errorf("terms must be an empty list, not null: %s", buf.String())
	}
	got, err := ReadJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Units[0].Source != "<b>&amp;" || got.Units[0].State != StateMachine {
		t.Errorf("round trip changed the unit: %+v", got.Units[0])
	}
}
