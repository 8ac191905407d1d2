package update_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"bitext/segment"
	"bitext/translate"
	"bitext/update"
	"bitext/xliff"
)

// fixed is a stand-in engine that answers every segment with one sentence.
type fixed string

func (fixed) Name() string             { return "fixed" }
func (fixed) Limits() translate.Limits { return translate.Limits{} }
func (f fixed) Translate(_ context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i := range out {
		out[i] = string(f)
	}
	return out, nil
}

// When a published article is updated, Run keeps the editor's translation of
// every paragraph that did not change and sends only the new text to the
// engine.
func ExampleRun() {
	ctx := context.Background()
	v1 := "وصل الوفد إلى موسكو.\n\nوبدأت المحادثات.\n"
	d1 := segment.Split("article-42", v1, "ar")
	bt, err := translate.Run(ctx, fixed("Draft."), d1, translate.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var x bytes.Buffer
	if err := xliff.Write12(&x, bt, xliff.Options{Created: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)}); err != nil {
		fmt.Println(err)
		return
	}
	// The editor translates the first paragraph.
	saved := strings.Replace(x.String(), ">Draft.</target>", ">The delegation arrived in Moscow.</target>", 1)
	f, err := xliff.Read(strings.NewReader(saved), "article-42.xlf")
	if err != nil {
		fmt.Println(err)
		return
	}

	v2 := "وصل الوفد إلى موسكو.\n\nوانتهت المحادثات مساء.\n"
	d2 := segment.Split("article-42", v2, "ar")
	nb, rep, err := update.Run(ctx, fixed("The talks ended in the evening."), d2, update.Earlier(f), update.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range nb.Units {
		fmt.Printf("%s: %s\n", rep.Units[u.ID], u.Target)
	}
	// Output:
	// kept: The delegation arrived in Moscow.
	// changed: The talks ended in the evening.
}
