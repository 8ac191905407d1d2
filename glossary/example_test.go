package glossary_test

import (
	"errors"
	"fmt"

	"bitext/glossary"
)

// A service that keeps its glossary in a database or a CMS field parses the
// bytes directly; the name only labels error messages.
func ExampleParse() {
	data := []byte(`terms:
  - ar: فلاديمير بوتين
    en: Vladimir Putin
    type: person
  - ar: موسكو
    en: Moscow
    type: place
`)
	g, err := glossary.Parse("cms:glossary", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range g.Entries {
		fmt.Println(e.Ar, "→", e.En)
	}
	// Output:
	// فلاديمير بوتين → Vladimir Putin
	// موسكو → Moscow
}

// Every problem in a glossary is reported at once; each one is a *Error
// naming the line.
func ExampleParse_errors() {
	data := []byte(`terms:
  - ar: موسكو
    en: Moscow
  - ar: موسكو
    en: Moskva
`)
	_, err := glossary.Parse("cms:glossary", data)
	var list glossary.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Printf("line %d: %v\n", e.Line, e.Err)
		}
	}
	// Output:
	// line 4: duplicate term "موسكو" (first at line 2)
}

// Match returns byte offsets into the text it was given, the surface form
// with any proclitic (لموسكو is ل + موسكو) and the entry that matched.
func ExampleMatcher_Match() {
	g, err := glossary.Parse("cms:glossary", []byte(`terms:
  - ar: فلاديمير بوتين
    en: Vladimir Putin
  - ar: موسكو
    en: Moscow
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	m := glossary.NewMatcher(g) // build once, share between goroutines
	text := "قال فلاديمير بوتين إن لموسكو دورا."
	for _, h := range m.Match(text) {
		fmt.Printf("%d-%d %s (clitic %q) → %s\n", h.Start, h.End, text[h.Start:h.End], h.Clitic, h.Entry.En)
	}
	// Output:
	// 7-34 فلاديمير بوتين (clitic "") → Vladimir Putin
	// 40-52 لموسكو (clitic "ل") → Moscow
}
