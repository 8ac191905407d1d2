package xliff

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"bitext/doc"
)

// state21 maps a unit state to the XLIFF 2 segment state and a subState that
// says where the target came from.
func state21(s doc.State) (state, sub string) {
	switch s {
	case doc.StateMachine:
		return "translated", "bitext:machine"
	case doc.StateMemory:
		return "translated", "bitext:memory"
	case doc.StateGist:
		return "initial", "bitext:glossary"
	case doc.StateReviewed:
		return "reviewed", ""
	case doc.StateFinal:
		return "final", ""
	}
	return "initial", ""
}

// Write21 writes b as XLIFF 2.1: one <group> per block, one <unit> (with one
// <segment>) per aligned sentence pair, glossary hits as <mrk type="term">
// with glossary-module entries, the machine draft as a matches-module
// candidate and provenance in the metadata module. Characters XML 1.0 forbids
// are written as <cp hex="…"/>, but dropped from notes (with a warning), where
// the schema allows no <cp>.
//
// Every unit needs an id of its own (translate.Run gives them; see
// translate.AssignIDs): a bitext with a unit without one, or two with the
// same, is refused with an *Error before anything is written.
func Write21(w io.Writer, b *doc.Bitext, opts Options) error {
	if opts.Flavour == OmegaT {
		return fmt.Errorf("xliff: the omegat flavour is XLIFF 1.2 only (OmegaT 3.6 has no XLIFF 2 filter)")
	}
	if err := checkIDs(b); err != nil {
		return err
	}
	for _, u := range b.Units {
		if !nmtoken(u.ID) {
			return &Error{File: fileName(b), Unit: u.ID, Err: fmt.Errorf("id %q cannot be an XLIFF 2 id (letters, digits, . - _ : only): write XLIFF 1.2 instead", u.ID)}
		}
	}
	x := newXMLW(w)
	srcLang, tgtLang := langs(b)
	gs := blocks(b)
	x.open("xliff", "xmlns", NS20, "xmlns:mtc", nsMTC, "xmlns:gls", nsGLS, "xmlns:mda", nsMDA,
		"version", "2.1", "srcLang", srcLang, "trgLang", tgtLang)
	x.open("file", "id", "f1", "original", fileName(b), "srcDir", "rtl", "trgDir", "ltr")
	meta := [][2]string{
		{"tool", "bitext " + opts.version()},
		{"created", opts.created().Format(time.RFC3339)},
		{"engine", b.Engine},
		{"units", strconv.Itoa(len(b.Units))},
		{"groups", strconv.Itoa(len(gs))},
	}
	if sum := b.ArticleSum(); sum != "" {
		meta = append(meta, [2]string{"article-sha256", sum})
	}
	writeMeta21(x, meta)
	for _, g := range gs {
		x.open("group", "id", g.id, "type", "bitext:"+string(g.kind))
		writeMeta21(x, [][2]string{{"provenance", groupMeta(g)}})
		for _, u := range g.units {
			writeUnit21(x, u, b, opts)
		}
		x.close("group")
	}
	x.close("file")
	x.close("xliff")
	return x.flush()
}

func writeMeta21(x *xmlw, meta [][2]string) {
	x.open("mda:metadata")
	x.open("mda:metaGroup", "category", "bitext")
	for _, m := range meta {
		if m[1] == "" {
			continue
		}
		x.elem("mda:meta", escText(m[1], dropRune), "type", m[0])
	}
	x.close("mda:metaGroup")
	x.close("mda:metadata")
}

func dropRune(rune) string { return "" }

func writeUnit21(x *xmlw, u *doc.Unit, b *doc.Bitext, opts Options) {
	attrs := []string{"id", u.ID}
	if !translatable(u) {
		attrs = append(attrs, "translate", "no")
	}
	attrs = append(attrs, keptAttrs(u, "2.1")...)
	x.open("unit", attrs...)
	draftText, origin, draft := draftOf(u, b.Engine)
	if draft || len(u.Matches) > 0 {
		x.open("mtc:matches")
	}
	if draft {
		typ := "mt"
		if u.State == doc.StateMemory || strings.HasPrefix(origin, "memory") {
			typ = "tm"
		}
		x.open("mtc:match", "ref", "#s1", "type", typ, "subType", "bitext:draft", "origin", origin)
		x.elem("source", escText(u.Source, cpWriter))
		x.elem("target", escText(draftText, cpWriter))
		x.close("mtc:match")
	}
	// Translation memory candidates, for the editor to pick from.
	for _, m := range u.Matches {
		x.open("mtc:match", "ref", "#s1", "type", "tm", "subType", "bitext:memory", "origin", m.Origin,
			"similarity", matchPercent(m.Score, 1))
		x.elem("source", escText(m.Source, cpWriter))
		x.elem("target", escText(m.Target, cpWriter))
		x.close("mtc:match")
	}
	if draft || len(u.Matches) > 0 {
		x.close("mtc:matches")
	}
	spans := termSpans(u)
	if len(spans) > 0 {
		x.open("gls:glossary")
		for k, s := range spans {
			x.open("gls:glossEntry", "ref", "#t"+strconv.Itoa(k+1))
			// the glossary's term; the article's spelling is the <mrk> the entry refers to
			x.elem("gls:term", escText(entryTerm(s.hit), dropRune), "source", "bitext")
			x.elem("gls:translation", escText(expectedTerm(s.hit), dropRune), "source", "bitext")
			if def := termDefinition(s.hit); def != "" {
				x.elem("gls:definition", escText(def, dropRune))
			}
			x.close("gls:glossEntry")
		}
		x.close("gls:glossary")
	}
	notes, theirs := otherNotes(u), editorNotes(u)
	if len(notes) > 0 || len(theirs) > 0 || len(u.Flags) > 0 {
		x.open("notes")
		// A note is text only: the schema allows no <cp> in it.
		strip := stripper(opts, u.ID, "note")
		for _, n := range notes {
			x.elem("note", escText(n, strip), "category", "bitext")
		}
		for _, n := range theirs {
			x.elem("note", escText(n.Text, strip), "category", n.From)
		}
		for _, f := range u.Flags {
			x.elem("note", escText(string(f), strip), "category", "bitext-flag", "priority", "2")
		}
		x.close("notes")
	}
	st, sub := unitState21(u)
	target := strings.TrimSpace(u.Target) != "" && translatable(u)
	if !target {
		st, sub = "initial", ""
	}
	x.open("segment", "id", "s1", "state", st, "subState", sub)
	x.elem("source", source21(u, spans), "xml:space", "preserve")
	if target {
		content, ok := keptTarget(u, "2.1", cpWriter)
		if !ok {
			content = escText(u.Target, cpWriter)
		}
		x.elem("target", content, "xml:space", "preserve")
	}
	x.close("segment")
	x.close("unit")
}

func termDefinition(h doc.TermHit) string {
	var parts []string
	if h.Type != "" {
		parts = append(parts, h.Type)
	}
	if h.Note != "" {
		parts = append(parts, h.Note)
	}
	if h.NoTranslate {
		parts = append(parts, "keep as is")
	}
	return strings.Join(parts, "; ")
}

// source21 is the unit's source as XLIFF 2 inline content, every glossary hit
// in a <mrk type="term">, with translate="no" for terms kept as they are.
func source21(u *doc.Unit, spans []span) string {
	var b strings.Builder
	pos := 0
	for k, s := range spans {
		b.WriteString(escText(u.Source[pos:s.start], cpWriter))
		tr := ""
		if s.hit.NoTranslate {
			tr = ` translate="no"`
		}
		fmt.Fprintf(&b, `<mrk id="t%d" type="term"%s>%s</mrk>`, k+1, tr, escText(u.Source[s.start:s.end], cpWriter))
		pos = s.end
	}
	b.WriteString(escText(u.Source[pos:], cpWriter))
	return b.String()
}

// matchPercent writes a memory match's score as a percentage with the given
// decimals, rounded down: CAT tools take 100% for an exact match, and a near
// one must never pass for it.
func matchPercent(score float64, decimals int) string {
	scale := math.Pow(10, float64(decimals))
	return strconv.FormatFloat(math.Floor(score*100*scale+1e-6)/scale, 'f', decimals, 64)
}

// nmtoken reports whether id is an XML NMTOKEN, as XLIFF 2 wants a unit's id
// to be; an id that came from another tool's XLIFF 1.2 (any string there)
// may not be one.
func nmtoken(id string) bool {
	for _, r := range id {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.In(r, unicode.Mn, unicode.Mc),
			r == '.', r == '-', r == '_', r == ':', r == '\u00B7':
		default:
			return false
		}
	}
	return id != ""
}
