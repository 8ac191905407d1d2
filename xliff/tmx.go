package xliff

import (
	"io"
	"strings"

	"bitext/doc"
)

// WriteTMX writes the units of b that keep(u) accepts and that have both a
// source and a target as TMX 1.4b translation units. With keep nil it writes
// every machine or memory draft, which is what OmegaT offers as matches next
// to an omegat-flavour XLIFF file.
func WriteTMX(w io.Writer, b *doc.Bitext, opts Options, keep func(u *doc.Unit) bool) error {
	if keep == nil {
		keep = hasDraft
	}
	srcLang, tgtLang := langs(b)
	created := opts.created().Format("20060102T150405Z")
	x := newXMLW(w)
	x.open("tmx", "version", "1.4")
	x.empty("header", "creationtool", "bitext", "creationtoolversion", opts.version(), "datatype", "plaintext",
		"segtype", "sentence", "adminlang", "en", "srclang", srcLang, "o-tmf", "bitext", "creationdate", created)
	x.open("body")
	for i := range b.Units {
		u := &b.Units[i]
		if !translatable(u) || strings.TrimSpace(u.Source) == "" || strings.TrimSpace(u.Target) == "" || !keep(u) {
			continue
		}
		x.open("tu", "tuid", u.ID, "creationdate", created)
		origin := u.Origin
		if origin == "" && hasDraft(u) {
			origin = b.Engine
		}
		if origin != "" {
			x.elem("prop", escText(origin, dropRune), "type", "x-origin")
		}
		x.elem("prop", string(u.State), "type", "x-state")
		x.open("tuv", "xml:lang", srcLang)
		x.elem("seg", escText(u.Source, stripper(opts, u.ID, "TMX source")))
		x.close("tuv")
		x.open("tuv", "xml:lang", tgtLang)
		x.elem("seg", escText(u.Target, stripper(opts, u.ID, "TMX target")))
		x.close("tuv")
		x.close("tu")
	}
	x.close("body")
	x.close("tmx")
	return x.flush()
}
