package align_test

import (
	"fmt"

	"bitext/align"
	"bitext/glossary"
)

// Sentences pairs the sentences of an Arabic article with those of its
// English version; glossary names, numbers and lengths guide the pairing.
// Here the English joins two Arabic sentences into one.
func ExampleSentences() {
	ar := []string{
		"وصل الرئيس فلاديمير بوتين إلى بكين يوم الثلاثاء.",
		"والتقى نظيره الصيني.",
		"وبحث الجانبان التجارة بين البلدين التي بلغت 240 مليار دولار العام الماضي.",
	}
	en := []string{
		"President Vladimir Putin arrived in Beijing on Tuesday and met his Chinese counterpart.",
		"The two sides discussed trade between the countries, which reached $240 billion last year.",
	}
	g, err := glossary.Parse("cms:glossary", []byte("terms:\n  - ar: فلاديمير بوتين\n    en: Vladimir Putin\n  - ar: بكين\n    en: Beijing\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range align.Sentences(ar, en, align.Options{Glossary: glossary.NewMatcher(g)}) {
		fmt.Printf("ar %v ↔ en %v, low confidence: %v\n", b.Source, b.Target, b.Low())
	}
	// Output:
	// ar [0 1] ↔ en [0], low confidence: false
	// ar [2] ↔ en [1], low confidence: false
}
