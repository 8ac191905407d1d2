package xliff_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"bitext/segment"
	"bitext/translate"
	"bitext/xliff"
)

// echo is a stand-in engine answering one fixed sentence.
type echo struct{}

func (echo) Name() string             { return "echo" }
func (echo) Limits() translate.Limits { return translate.Limits{} }
func (echo) Translate(_ context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i := range out {
		out[i] = "The delegation arrived on Sunday."
	}
	return out, nil
}

// A service writes the XLIFF for the editor to any io.Writer (an HTTP
// response, a buffer, object storage), reads the editor's file back from an
// io.Reader, and resolves it against the units it wrote.
func Example() {
	article := "وصل الوفد مساء الأحد.\n"
	d := segment.Split("article-42", article, "ar")
	bt, err := translate.Run(context.Background(), echo{}, d, translate.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer
	opts := xliff.Options{Created: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC), ToolVersion: "v1"}
	if err := xliff.Write12(&out, bt, opts); err != nil {
		fmt.Println(err)
		return
	}

	// The editor corrects the draft in a CAT tool and approves it.
	saved := strings.Replace(out.String(), `state="needs-review-translation" state-qualifier="leveraged-mt" phase-name="mt">The delegation arrived on Sunday.`,
		`state="final">The delegation arrived on Sunday evening.`, 1)
	saved = strings.Replace(saved, `<trans-unit id=`, `<trans-unit approved="yes" id=`, 1)

	f, err := xliff.Read(strings.NewReader(saved), "article-42.xlf")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := f.CheckArticle(article); err != nil {
		fmt.Println(err)
		return
	}
	rv, err := f.Resolve(xliff.ResolveOptions{Article: d})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range rv.Units {
		fmt.Printf("%s approved=%v edited=%v\n  draft:  %s\n  target: %s\n", u.State, u.Approved, u.Edited, u.Draft, u.Target)
	}
	// Output:
	// final approved=true edited=true
	//   draft:  The delegation arrived on Sunday.
	//   target: The delegation arrived on Sunday evening.
}

// Read's errors are *Error values naming the file and line; a file that is
// not XLIFF at all also matches ErrNotXLIFF.
func ExampleRead_errors() {
	_, err := xliff.Read(strings.NewReader("<html><body>saved page</body></html>"), "upload.xlf")
	var xe *xliff.Error
	fmt.Println(errors.Is(err, xliff.ErrNotXLIFF), errors.As(err, &xe), xe.File, xe.Line)
	// Output:
	// true true upload.xlf 1
}
