package xliff

import (
	"bytes"
	"encoding/xml"
	"reflect"
	"strings"
	"testing"

	"bitext/doc"
)

// keptAttrs writes the editor's unit attributes back where the version
// allows them: the resource name across versions, the rest only in the same
// version, a tool's namespaced ones declared on the element, never a name or
// duplicate that would break the XML (marks can come from a JSON file).
func TestKeptAttrs(t *testing.T) {
	const mq = "MQXliff"
	attrs := []doc.XLIFFAttr{
		{Name: "resname", Value: "lead-1"},
		{Name: "maxwidth", Value: "80"},
		{Name: "phase-name", Value: "p1"}, // refers to the editor's header
		{Name: "canResegment", Value: "no"},
		{Name: "name", Value: "lead"},
		{Name: "x-tool", Value: "1"}, // not XLIFF
		{Space: mq, Name: "status", Value: "ManuallyConfirmed"},
		{Space: mq, Name: "percent", Value: "100"},
		{Space: "urn:other", Name: "a", Value: `"<&>`},
		{Space: nsXML, Name: "space", Value: "default"},
		{Space: NS12, Name: "id", Value: "u0"},
		{Name: `bad" onload="x`, Value: "1"},
		{Name: "xmlns", Value: "urn:evil"},
		{Name: "resname", Value: "again"},
	}
	tests := []struct {
		from, to string
		want     []string
	}{
		{"1.2", "1.2", []string{"resname", "lead-1", "maxwidth", "80",
			"xmlns:ns1", mq, "ns1:status", "ManuallyConfirmed", "ns1:percent", "100", "xmlns:ns2", "urn:other", "ns2:a", `"<&>`}},
		{"2.0", "2.1", []string{"canResegment", "no", "name", "lead",
			"xmlns:ns1", mq, "ns1:status", "ManuallyConfirmed", "ns1:percent", "100", "xmlns:ns2", "urn:other", "ns2:a", `"<&>`}},
		{"1.2", "2.1", []string{"name", "lead-1"}},
		{"2.1", "1.2", []string{"resname", "lead"}},
	}
	for _, tt := range tests {
		u := &doc.Unit{XLIFF: &doc.XLIFFMarks{Version: tt.from, Attrs: attrs}}
		if got := keptAttrs(u, tt.to); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s to %s:\n got %q\nwant %q", tt.from, tt.to, got, tt.want)
		}
	}
	if got := keptAttrs(&doc.Unit{}, "1.2"); got != nil {
		t.Errorf("a unit of no file: %q", got)
	}
}

// The attributes read from a unit element are written back on it, and read
// back the same.
func TestUnitAttrsRoundTrip(t *testing.T) {
	b := sampleBitext(t)
	for _, tc := range []struct {
		version string
		write   func(*bytes.Buffer, *doc.Bitext) error
		attr    string
	}{
		{"1.2", func(w *bytes.Buffer, b *doc.Bitext) error { return Write12(w, b, Options{Created: fixedTime}) }, "resname"},
		{"2.1", func(w *bytes.Buffer, b *doc.Bitext) error { return Write21(w, b, Options{Created: fixedTime}) }, "name"},
	} {
		id := b.Units[1].ID
		b.Units[1].XLIFF = &doc.XLIFFMarks{Version: tc.version, Attrs: []doc.XLIFFAttr{
			{Name: tc.attr, Value: "lead & more"}, {Space: "urn:tool", Name: "status", Value: "done"}}}
		var buf bytes.Buffer
		if err := tc.write(&buf, b); err != nil {
			t.Fatal(err)
		}
		f, err := Read(strings.NewReader(buf.String()), "a.xlf")
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range f.Units {
			var want []xml.Attr
			if u.ID == id {
				want = []xml.Attr{{Name: xml.Name{Local: tc.attr}, Value: "lead & more"}, {Name: xml.Name{Space: "urn:tool", Local: "status"}, Value: "done"}}
			}
			if !reflect.DeepEqual(u.Attrs, want) {
				t.Errorf("%s: unit %s has attributes %v, want %v", tc.version, u.ID, u.Attrs, want)
			}
		}
		b.Units[1].XLIFF = nil
	}
}
