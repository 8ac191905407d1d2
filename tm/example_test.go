package tm_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"bitext/segment"
	"bitext/tm"
	"bitext/translate"
)

// refuse is an engine that must not be reached: every sentence below is in
// the memory.
type refuse struct{}

func (refuse) Name() string             { return "refuse" }
func (refuse) Limits() translate.Limits { return translate.Limits{} }
func (refuse) Translate(context.Context, translate.Request) ([]string, error) {
	return nil, fmt.Errorf("the engine was called")
}

// A memory stores approved pairs; given to the pipeline through Leverage, it
// translates every paragraph it knows whole, without the engine.
func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "tm-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	m, err := tm.Open(ctx, filepath.Join(dir, "memory.db"), tm.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer m.Close()
	res, err := m.Add(ctx, []tm.Entry{{
		SourceLang: "ar", TargetLang: "en",
		Source: "وصل الوفد إلى موسكو.", Target: "The delegation arrived in Moscow.",
		State: "final", Creator: "editor", Created: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC),
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("added", res.Added)

	d := segment.Split("article-43", "وصل الوفد إلى موسكو.\n", "ar")
	bt, err := translate.Run(ctx, refuse{}, d, translate.Options{Memory: tm.Leverage{Memory: m}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range bt.Units {
		fmt.Printf("[%s] %s\n", u.State, u.Target)
	}
	// Output:
	// added 1
	// [memory] The delegation arrived in Moscow.
}
