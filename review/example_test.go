package review_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"bitext/review"
	"bitext/segment"
	"bitext/translate"
	"bitext/xliff"
)

// draft is a stand-in engine giving one machine draft.
type draft struct{}

func (draft) Name() string             { return "draft" }
func (draft) Limits() translate.Limits { return translate.Limits{} }
func (draft) Translate(_ context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i := range out {
		out[i] = "The delegation arrived on Sunday."
	}
	return out, nil
}

// Compute measures what the editor changed against the machine draft in a
// file resolved by xliff; the report can be written as text, JSON or HTML.
func ExampleCompute() {
	d := segment.Split("article-42", "وصل الوفد مساء الأحد.\n", "ar")
	bt, err := translate.Run(context.Background(), draft{}, d, translate.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var x bytes.Buffer
	if err := xliff.Write21(&x, bt, xliff.Options{Created: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)}); err != nil {
		fmt.Println(err)
		return
	}
	// The editor's correction, in the target of the segment.
	saved := strings.Replace(x.String(), `<target xml:space="preserve">The delegation arrived on Sunday.`,
		`<target xml:space="preserve">The delegation arrived on Sunday evening.`, 1)
	f, err := xliff.Read(strings.NewReader(saved), "article-42.xlf")
	if err != nil {
		fmt.Println(err)
		return
	}
	rv, err := f.Resolve(xliff.ResolveOptions{Article: d})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := review.Compute(rv)
	fmt.Printf("edited %d of %d units, %d word edit(s)\n", rep.Summary.Edited, rep.Summary.Units, rep.Summary.WordEdits)
	for _, op := range review.WordDiff(rv.Units[0].Draft, rv.Units[0].Target) {
		if op.Kind != review.Equal {
			fmt.Printf("%s %q\n", op.Kind, op.Text)
		}
	}
	// Output:
	// edited 1 of 1 units, 1 word edit(s)
	// insert " evening"
}
