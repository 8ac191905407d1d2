package xliff

import (
	"io"
	"strconv"
	"strings"
	"time"

	"bitext/doc"
)

// state12 maps a unit state to the XLIFF 1.2 strict state and state-qualifier
// that say where the target came from.
func state12(s doc.State) (state, qualifier string) {
	switch s {
	case doc.StateMachine:
		return "needs-review-translation", "leveraged-mt"
	case doc.StateMemory:
		return "needs-review-translation", "leveraged-tm"
	case doc.StateGist:
		return "needs-translation", "leveraged-glossary"
	case doc.StateReviewed:
		return "translated", ""
	case doc.StateFinal:
		return "final", ""
	}
	return "needs-translation", ""
}

// Write12 writes b as XLIFF 1.2 (strict schema): one <group> per heading,
// paragraph or boilerplate block and one <trans-unit> per aligned sentence
// pair. Machine drafts are the targets and are kept in an <alt-trans> so that
// the draft survives the editor's changes; with the OmegaT flavour the target
// is a copy of the source instead.
//
// Every unit needs an id of its own (translate.Run gives them; see
// translate.AssignIDs): a bitext with a unit without one, or two with the
// same, is refused with an *Error before anything is written.
func Write12(w io.Writer, b *doc.Bitext, opts Options) error {
	if err := checkIDs(b); err != nil {
		return err
	}
	x := newXMLW(w)
	created := opts.created().Format(time.RFC3339)
	srcLang, tgtLang := langs(b)
	x.open("xliff", "version", "1.2", "xmlns", NS12)
	x.open("file", "original", fileName(b), "source-language", srcLang, "target-language", tgtLang,
		"datatype", "plaintext", "date", created, "tool-id", "bitext", "category", "x-bitext-"+flavourName(opts.Flavour))
	x.open("header")
	if b.Engine != "" {
		x.open("phase-group")
		x.empty("phase", "phase-name", "mt", "process-name", "translation", "tool-id", engineToolID(b.Engine), "date", created)
		x.close("phase-group")
	}
	x.empty("tool", "tool-id", "bitext", "tool-name", "bitext", "tool-version", opts.version())
	if b.Engine != "" {
		x.empty("tool", "tool-id", engineToolID(b.Engine), "tool-name", b.Engine)
	}
	if sum := b.ArticleSum(); sum != "" {
		x.open("reference")
		x.empty("external-file", "href", fileName(b), "crc", "sha256-"+sum)
		x.close("reference")
	}
	gs := blocks(b)
	x.open("count-group", "name", "bitext")
	x.elem("count", strconv.Itoa(len(b.Units)), "count-type", "total", "unit", "trans-unit")
	x.elem("count", strconv.Itoa(len(gs)), "count-type", "total", "unit", "paragraph")
	x.close("count-group")
	x.close("header")
	x.open("body")
	for _, g := range gs {
		x.open("group", "id", g.id, "restype", "x-"+string(g.kind), "extradata", groupMeta(g))
		for _, u := range g.units {
			writeUnit12(x, u, b, opts)
		}
		x.close("group")
	}
	x.close("body")
	x.close("file")
	x.close("xliff")
	return x.flush()
}

func writeUnit12(x *xmlw, u *doc.Unit, b *doc.Bitext, opts Options) {
	srcLang, tgtLang := langs(b)
	attrs := []string{"id", u.ID, "xml:space", "preserve"}
	if !translatable(u) {
		attrs = append(attrs, "translate", "no")
	}
	st, q, approved := unitState12(u)
	if approved {
		attrs = append(attrs, "approved", "yes")
	}
	attrs = append(attrs, keptAttrs(u, "1.2")...)
	x.open("trans-unit", attrs...)
	strip := stripper(opts, u.ID, "source")
	x.elem("source", source12(u, strip))
	draft, draftOrigin, hasDraftText := draftOf(u, b.Engine)
	switch {
	case !translatable(u):
	case opts.Flavour == OmegaT:
		// OmegaT translates the text of <target>: give it the source.
		x.elem("target", source12(u, stripper(opts, u.ID, "target")), "xml:lang", tgtLang, "state", "needs-translation")
	case strings.TrimSpace(u.Target) != "":
		phase := ""
		if hasDraft(u) && b.Engine != "" {
			phase = "mt"
		}
		content, ok := keptTarget(u, "1.2", stripper(opts, u.ID, "target"))
		if !ok {
			content = escText(u.Target, stripper(opts, u.ID, "target"))
		}
		x.elem("target", content, "xml:lang", tgtLang, "state", st, "state-qualifier", q, "phase-name", phase)
	}
	if hasDraftText {
		x.open("alt-trans", "tool-id", "bitext", "origin", draftOrigin, "alttranstype", "proposal")
		x.elem("target", escText(draft, stripper(opts, u.ID, "machine draft")), "xml:lang", tgtLang)
		x.close("alt-trans")
	}
	// Translation memory candidates, for the editor to pick from. No tool-id:
	// bitext's own alt-trans is the machine draft.
	for _, m := range u.Matches {
		x.open("alt-trans", "origin", m.Origin, "alttranstype", "proposal",
			"match-quality", matchPercent(m.Score, 0)+"%")
		x.elem("source", escText(m.Source, stripper(opts, u.ID, "memory match source")), "xml:lang", srcLang)
		x.elem("target", escText(m.Target, stripper(opts, u.ID, "memory match")), "xml:lang", tgtLang)
		x.close("alt-trans")
	}
	for _, h := range u.Terms {
		x.elem("note", escText(termNote(h), stripper(opts, u.ID, "note")), "from", "glossary", "annotates", "source")
	}
	for _, n := range otherNotes(u) {
		x.elem("note", escText(n, stripper(opts, u.ID, "note")), "from", "bitext")
	}
	for _, n := range editorNotes(u) {
		x.elem("note", escText(n.Text, stripper(opts, u.ID, "note")), "from", n.From)
	}
	for _, f := range u.Flags {
		x.elem("note", escText(string(f), stripper(opts, u.ID, "note")), "from", "bitext-flag", "priority", "2")
	}
	x.close("trans-unit")
}

// source12 is the unit's source as 1.2 inline content: glossary terms that
// must be kept as they are are wrapped in <mrk mtype="protected">.
func source12(u *doc.Unit, bad func(rune) string) string {
	var b strings.Builder
	pos := 0
	for _, s := range termSpans(u) {
		if !s.hit.NoTranslate {
			continue
		}
		b.WriteString(escText(u.Source[pos:s.start], bad))
		b.WriteString(`<mrk mtype="protected">` + escText(u.Source[s.start:s.end], bad) + `</mrk>`)
		pos = s.end
	}
	b.WriteString(escText(u.Source[pos:], bad))
	return b.String()
}

func langs(b *doc.Bitext) (string, string) {
	s, t := b.SourceLang, b.TargetLang
	if s == "" {
		s = "ar"
	}
	if t == "" {
		t = "en"
	}
	return s, t
}

func fileName(b *doc.Bitext) string {
	if b.Name == "" {
		return "article.txt"
	}
	return b.Name
}

func flavourName(f Flavour) string {
	if f == "" {
		return "standard"
	}
	return string(f)
}
