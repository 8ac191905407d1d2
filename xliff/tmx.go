package xliff

import (
	"io"
	"strings"

	"bitext/doc"
	"bitext/tmx"
)

// WriteTMX writes the units of b that keep(u) accepts and that have both a
// source and a target as TMX 1.4b translation units (with the tmx package),
// and returns how many it wrote. With keep nil it writes every machine or
// memory draft, which is what OmegaT offers as matches next to an
// omegat-flavour XLIFF file. A word-by-word gist is never written, whatever
// keep says: a TMX is a translation memory. Each unit carries its article
// and state as tm export writes them, so that tm import restores them.
// Characters XML 1.0 forbids are dropped with a warning.
func WriteTMX(w io.Writer, b *doc.Bitext, opts Options, keep func(u *doc.Unit) bool) (int, error) {
	if keep == nil {
		keep = hasDraft
	}
	srcLang, tgtLang := langs(b)
	created := opts.created()
	t, err := tmx.NewWriter(w, tmx.Header{
		CreationTool: "bitext", CreationToolVersion: opts.version(), SegType: "sentence",
		SrcLang: srcLang, CreationDate: created,
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range b.Units {
		u := &b.Units[i]
		if !translatable(u) || u.State == doc.StateGist || strings.TrimSpace(u.Source) == "" || strings.TrimSpace(u.Target) == "" || !keep(u) {
			continue
		}
		origin := u.Origin
		if origin == "" && hasDraft(u) {
			origin = b.Engine
		}
		tu := tmx.Unit{ID: u.ID, CreationDate: created, Variants: []tmx.Variant{
			{Lang: srcLang, Text: xmlText(u.Source, opts, u.ID, "TMX source")},
			{Lang: tgtLang, Text: xmlText(u.Target, opts, u.ID, "TMX target")},
		}}
		if b.Name != "" {
			tu.Props = append(tu.Props, tmx.Prop{Type: tmx.PropArticle, Value: xmlText(b.Name, Options{}, u.ID, "")})
		}
		if origin != "" {
			tu.Props = append(tu.Props, tmx.Prop{Type: "x-origin", Value: xmlText(origin, Options{}, u.ID, "")})
		}
		tu.Props = append(tu.Props, tmx.Prop{Type: tmx.PropState, Value: string(u.State)})
		if err := t.Write(&tu); err != nil {
			return n, err
		}
		n++
	}
	return n, t.Close()
}

// xmlText drops the characters XML 1.0 forbids, with a warning naming the unit.
func xmlText(s string, opts Options, unit, side string) string {
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		opts.warn("unit %s: dropped character U+%04X from the %s (XML 1.0 does not allow it)", unit, r, side)
		return -1
	}, s)
}
