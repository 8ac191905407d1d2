package htmlpage_test

import (
	"bytes"
	"fmt"
	"strings"

	"bitext/doc"
	"bitext/htmlpage"
	"bitext/segment"
)

// Write renders a bitext (from translate.Run, align, or an editor's XLIFF
// through xliff's Resolve) to any io.Writer. Clean leaves out what is meant
// for editors; text from the bitext is escaped, never taken as markup.
func ExampleWrite() {
	d := segment.Split("article-42", "وصل الوفد إلى موسكو.\n", "ar")
	seg := d.Blocks[0].Segments[0]
	bt := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Name: "article-42", Source: d, Units: []doc.Unit{{
		ID: "u1", Kind: doc.Paragraph, Segments: []int{0}, Source: seg.Text,
		Target: "The delegation arrived in <Moscow>.", State: doc.StateReviewed,
	}}}
	var buf bytes.Buffer
	if err := htmlpage.Write(&buf, bt, htmlpage.Options{Title: "Delegation arrives", Clean: true}); err != nil {
		fmt.Println(err)
		return
	}
	page := buf.String()
	fmt.Println(strings.Contains(page, "<title>Delegation arrives</title>"))
	fmt.Println(strings.Contains(page, "arrived in &lt;Moscow&gt;."))
	// Output:
	// true
	// true
}
