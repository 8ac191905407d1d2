package translate_test

import (
	"context"
	"errors"
	"fmt"

	"bitext/glossary"
	"bitext/segment"
	"bitext/translate"
)

// phrasebook is a service's own engine: here a fixed table, elsewhere a call
// to an in-house translation service. It keeps the placeholders the pipeline
// puts in place of glossary names, and keeps no state, so that concurrent
// calls are safe.
type phrasebook map[string]string

var errNoPhrase = errors.New("no phrase")

func (phrasebook) Name() string             { return "phrasebook" }
func (phrasebook) Limits() translate.Limits { return translate.Limits{MaxItems: 10} }

func (p phrasebook) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		en, ok := p[s.Text]
		if !ok {
			return nil, fmt.Errorf("%w for %q", errNoPhrase, s.Text)
		}
		out[i] = en
	}
	return out, nil
}

// Run takes a segmented document and any Engine; glossary names reach the
// engine as placeholders and come back as the glossary's English.
func ExampleRun() {
	g, err := glossary.Parse("cms:glossary", []byte("terms:\n  - ar: موسكو\n    en: Moscow\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	eng := phrasebook{
		"زيارة إلى ⟦1:Moscow⟧": "A visit to ⟦1:Moscow⟧",
		"وصل الوفد إلى ⟦1:Moscow⟧ مساء الأحد. وقال إن المحادثات بدأت.": "The delegation arrived in ⟦1:Moscow⟧ on Sunday evening. He said the talks had begun.",
	}
	article := "زيارة إلى موسكو\n\nوصل الوفد إلى موسكو مساء الأحد. وقال إن المحادثات بدأت.\n"
	d := segment.Split("article-42", article, "ar")
	bt, err := translate.Run(context.Background(), eng, d, translate.Options{Glossary: glossary.NewMatcher(g)})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range bt.Units {
		fmt.Printf("%s [%s] %s\n", u.Kind, u.State, u.Target)
	}
	// Output:
	// heading [machine] A visit to Moscow
	// paragraph [machine] The delegation arrived in Moscow on Sunday evening.
	// paragraph [machine] He said the talks had begun.
}

// An engine's error comes back in a *PositionError naming the article and
// the line of the paragraph it was translating (the first of the request,
// when the engine took several at once); errors.Is and errors.As still find
// the engine's own error.
func ExampleRun_error() {
	d := segment.Split("article-42", "خبر عاجل\n\nوصل الوفد.\n", "ar")
	eng := phrasebook{"خبر عاجل": "Breaking news"}
	_, err := translate.Run(context.Background(), eng, d, translate.Options{})
	fmt.Println(err)
	var pe *translate.PositionError
	if errors.As(err, &pe) {
		fmt.Printf("%s line %d and %d more paragraph(s)\n", pe.Name, pe.Line, pe.More)
	}
	fmt.Println(errors.Is(err, errNoPhrase))
	// Output:
	// article-42:1: no phrase for "وصل الوفد." (a request of 2 paragraphs starting here)
	// article-42 line 1 and 1 more paragraph(s)
	// true
}
