package segment_test

import (
	"fmt"

	"bitext/segment"
)

// Split segments an article held in memory. Offsets are bytes into the text
// given, so a service can map every sentence back to its place in the CMS
// field.
func ExampleSplit() {
	article := "بوتين يزور الصين\n\nقال الرئيس إن موسكو مستعدة. وأضاف أن العلاقات قوية.\n"
	d := segment.Split("article-42", article, "ar")
	for _, b := range d.Blocks {
		for _, s := range b.Segments {
			fmt.Printf("%s %d-%d %s\n", b.Kind, s.Start, s.End, article[s.Start:s.End])
		}
	}
	// Output:
	// heading 0-30 بوتين يزور الصين
	// paragraph 32-81 قال الرئيس إن موسكو مستعدة.
	// paragraph 82-124 وأضاف أن العلاقات قوية.
}
