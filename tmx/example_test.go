package tmx_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"bitext/tmx"
)

// A Writer streams units to any io.Writer and a Reader streams them back, so
// that a memory of millions of units never has to fit in memory.
func Example() {
	var buf bytes.Buffer
	w, err := tmx.NewWriter(&buf, tmx.Header{CreationTool: "newsroom-cms", SegType: "sentence", SrcLang: "ar"})
	if err != nil {
		fmt.Println(err)
		return
	}
	err = w.Write(&tmx.Unit{ID: "1", Variants: []tmx.Variant{
		{Lang: "ar", Text: "وصل الوفد إلى موسكو."},
		{Lang: "en", Text: "The delegation arrived in Moscow."},
	}})
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		fmt.Println(err)
		return
	}

	r, err := tmx.NewReader(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	for {
		u, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %s → %s\n", u.ID, u.Variant("ar").Text, u.Variant("en").Text)
	}
	// Output:
	// 1: وصل الوفد إلى موسكو. → The delegation arrived in Moscow.
}
