package review

import (
	"bytes"
	"strings"
	"testing"

	"bitext/xliff"
)

// The editor's comments reach the review: notes of others than bitext
// (memoQ's <note from="…"> in 1.2, a 2.x note a comment annotation refers
// to) and comments written on the text (1.2 <mrk comment>, 2.x <mrk
// type="comment" value>), each under its unit, with the words it is on.
func TestReviewShowsEditorComments(t *testing.T) {
	for _, tc := range []struct{ name, doc string }{
		{"1.2", `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="ar" target-language="en" datatype="plaintext"><body>
<trans-unit id="u1"><source>قال.</source><target state="translated">He <mrk mtype="x-note" comment="or: added">said</mrk>.</target>
<note from="bitext">word-by-word gist, not a translation</note><note from="sara">Who is he?</note></trans-unit>
<trans-unit id="u2"><source>ذهب.</source><target state="translated">He went.</target></trans-unit>
</body></file></xliff>`},
		{"2.1", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en"><file id="f1">
<unit id="u1"><notes><note category="bitext">word-by-word gist, not a translation</note><note id="n1" category="sara">Who is he?</note></notes>
<segment id="s1" state="translated"><source>قال.</source><target>He <mrk id="m1" type="comment" value="or: added">said</mrk>.</target></segment></unit>
<unit id="u2"><segment id="s1"><source>ذهب.</source><target>He went.</target></segment></unit>
</file></xliff>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := xliff.Read(strings.NewReader(tc.doc), "r.xlf")
			if err != nil {
				t.Fatal(err)
			}
			rv, err := f.Resolve(xliff.ResolveOptions{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			r := Compute(rv)
			if r.Summary.Commented != 1 {
				t.Errorf("%d units commented, want 1", r.Summary.Commented)
			}
			var text bytes.Buffer
			if err := r.WriteText(&text, false); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"u1  translated", "    comment (sara): Who is he?", "    comment: or: added (on «said»)"} {
				if !strings.Contains(text.String(), want) {
					t.Errorf("the review lacks %q:\n%s", want, text.String())
				}
			}
			var page bytes.Buffer
			if err := r.WriteHTML(&page); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"comment (sara): Who is he?", "comment: or: added (on «said»)"} {
				if !strings.Contains(page.String(), want) {
					t.Errorf("the HTML report lacks %q", want)
				}
			}
			if strings.Contains(text.String(), "gist, not a translation") || strings.Contains(text.String(), "u2 ") {
				t.Errorf("the review shows bitext's notes or an uncommented unit:\n%s", text.String())
			}
		})
	}
}
