package main

import (
	"context"
	"strings"

	"bitext/doc"
	"bitext/gist"
	"bitext/glossary"
	"bitext/segment"
	"bitext/translate"
	"bitext/xliff"
)

// remakeGist returns the xliff.GistFunc with which publish, review and tm
// import tell an untouched gist from a translation in a file whose CAT tool
// dropped bitext's draft (or an update that made it another engine's): it runs the gist engine again, as translate ran
// it, on the unit's source, once with the glossary names the file recorded
// for the unit (the glossary translate used) and once with ./glossary.yaml
// when present. The engine is made at the first unit that needs it; when it
// cannot be, warn says so once and units are judged by their marks alone.
func remakeGist(ctx context.Context, warn func(format string, args ...any)) xliff.GistFunc {
	var eng *gist.Engine
	var here *glossary.Matcher
	failed := false
	run := func(source string, m *glossary.Matcher) string {
		d := segment.Split("unit", source, "ar")
		bt, err := translate.Run(ctx, eng, d, translate.Options{Glossary: m})
		if err != nil || bt == nil {
			return ""
		}
		parts := make([]string, 0, len(bt.Units))
		for _, u := range bt.Units {
			if u.State == doc.StateGist {
				parts = append(parts, u.Target)
			}
		}
		return strings.Join(parts, " ")
	}
	return func(source string, terms []xliff.Term) []string {
		if failed {
			return nil
		}
		if eng == nil {
			var err error
			if eng, err = gist.New(ctx, gist.Options{}); err != nil {
				failed = true
				warn("cannot run the gist engine to tell an untouched gist without its draft: %v; units are judged by their marks alone", err)
				return nil
			}
			// a glossary that cannot be read is translate's error to report
			here, _, _ = loadGlossary("")
		}
		out := []string{run(source, recordedGlossary(terms))}
		if here != nil {
			out = append(out, run(source, here))
		}
		return out
	}
}

// recordedGlossary is a glossary of the names a file recorded for a unit.
func recordedGlossary(terms []xliff.Term) *glossary.Matcher {
	g := &glossary.Glossary{Name: "recorded"}
	seen := map[[2]string]bool{}
	for _, t := range terms {
		e := &glossary.Entry{Ar: t.Entry, En: t.Target, Type: t.Type}
		if t.Keep {
			no := false
			e.Translate, e.En = &no, ""
			if e.Ar == "" {
				e.Ar = t.Target
			}
		}
		if e.Ar == "" || seen[[2]string{e.Ar, e.En}] {
			continue
		}
		seen[[2]string{e.Ar, e.En}] = true
		g.Entries = append(g.Entries, e)
	}
	return glossary.NewMatcher(g)
}
