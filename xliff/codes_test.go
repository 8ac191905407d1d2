package xliff

import (
	"testing"

	"bitext/doc"
)

// keptTarget writes an editor's paired codes again only when they are codes
// of the file's version wrapping exactly the target, and rebuilds them from
// the parsed content, so that marks from a JSON file cannot inject XML.
func TestKeptTarget(t *testing.T) {
	const target = "The editor's own words & more."
	tests := []struct {
		name, version, codes, out string
		want                      string // "" when the target is to be written as text
	}{
		{"1.2 g", "1.2", `The editor's <g id="1" ctype="bold">own</g> words &amp; more.`, "1.2",
			`The editor's <g id="1" ctype="bold">own</g> words &amp; more.`},
		{"2.1 pc without its data references", "2.1", `The editor's <pc id="p1" dataRefStart="d1" subType="x:b">own</pc> words &amp; more.`, "2.1",
			`The editor's <pc id="p1">own</pc> words &amp; more.`},
		{"2.0 to 2.1", "2.0", `The editor's <pc id="p1" type="fmt">own</pc> words &amp; more.`, "2.1",
			`The editor's <pc id="p1" type="fmt">own</pc> words &amp; more.`},
		{"other version", "1.2", `The editor's <g id="1">own</g> words &amp; more.`, "2.1", ""},
		{"text changed since", "1.2", `The editor's <g id="1">own</g> words.`, "1.2", ""},
		{"another element", "1.2", `The editor's <script>own</script> words &amp; more.`, "1.2", ""},
		{"not well-formed", "1.2", `The editor's <g id="1">own words &amp; more.`, "1.2", ""},
		{"clashes with a term mark", "2.1", `The editor's <pc id="t1">own</pc> words &amp; more.`, "2.1", ""},
		{"attribute injection", "1.2", `The editor's <g id="1&quot; onload=&quot;x">own</g> words &amp; more.`, "1.2",
			`The editor's <g id="1&quot; onload=&quot;x">own</g> words &amp; more.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := &doc.Unit{Target: target, XLIFF: &doc.XLIFFMarks{Version: tt.version, TargetCodes: tt.codes}}
			got, ok := keptTarget(u, tt.out, dropRune)
			if tt.want == "" {
				if ok {
					t.Errorf("kept %q", got)
				}
				return
			}
			if !ok || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}
