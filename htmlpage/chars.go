package htmlpage

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"bitext/doc"
)

// allowedInHTML reports whether r may appear in HTML text and attribute
// values: HTML forbids controls other than ASCII white space, and
// noncharacters. html/template escapes markup but passes these through.
func allowedInHTML(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\f' || r == '\r':
		return true
	case r < 0x20 || (r >= 0x7F && r <= 0x9F):
		return false
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return false
	}
	return true
}

// dropper removes the characters HTML does not allow from the page's text
// and remembers what it dropped, for one warning per page.
type dropper struct {
	count int
	first rune
	where string // where the first one was, e.g. "the source of unit u1"
}

// clean returns s without the characters HTML does not allow; where says
// what s is, for the warning. Bytes that are not UTF-8 are dropped too.
func (d *dropper) clean(s, where string) string {
	ok := true
	for i, r := range s {
		if !allowedInHTML(r) || (r == utf8.RuneError && invalidAt(s, i)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if allowedInHTML(r) && !(r == utf8.RuneError && invalidAt(s, i)) {
			b.WriteRune(r)
			continue
		}
		if d.count == 0 {
			d.first, d.where = r, where
		}
		d.count++
	}
	return b.String()
}

func invalidAt(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n == 1
}

// warning is the one message for the page, "" when nothing was dropped.
func (d *dropper) warning(name string) string {
	if d.count == 0 {
		return ""
	}
	prefix := ""
	if name != "" {
		prefix = name + ": "
	}
	return fmt.Sprintf("%sdropped %d character(s) that HTML does not allow from the page (first U+%04X, in %s)", prefix, d.count, d.first, d.where)
}

// cleanPage drops the characters HTML does not allow from every text of p
// that came from the bitext or the options.
func cleanPage(p *Page, d *dropper) {
	terms := map[*Term]bool{}
	for i := range p.Blocks {
		blk := &p.Blocks[i]
		blk.Kind = doc.Kind(d.clean(string(blk.Kind), "a block kind"))
		for j := range blk.Rows {
			r := &blk.Rows[j]
			r.ID = d.clean(r.ID, "a unit id")
			unit := "unit " + r.ID
			r.Source.Lang = d.clean(r.Source.Lang, "the source language")
			r.Target.Lang = d.clean(r.Target.Lang, "the target language")
			r.Source.Spans = cleanSpans(r.Source.Spans, d, "the source of "+unit, terms)
			r.Target.Spans = cleanSpans(r.Target.Spans, d, "the target of "+unit, terms)
			for k := range r.Flags {
				f := &r.Flags[k]
				f.Name = d.clean(f.Name, "a flag of "+unit)
				f.Label = d.clean(f.Label, "a flag of "+unit)
				f.Title = d.clean(f.Title, "a flag of "+unit)
			}
		}
	}
	// after the units, so that the warning points at a unit first
	p.Title = d.clean(p.Title, "the title")
	p.TitleLang = d.clean(p.TitleLang, "the source language")
	p.SourceNameLang = d.clean(p.SourceNameLang, "the source language")
	p.DateLang = d.clean(p.DateLang, "the source language")
	p.Source = d.clean(p.Source, "the source name")
	p.SourceURL = d.clean(p.SourceURL, "the source URL")
	p.Date = d.clean(p.Date, "the date")
	p.DateTime = d.clean(p.DateTime, "the date")
	p.SourceLang = d.clean(p.SourceLang, "the source language")
	p.TargetLang = d.clean(p.TargetLang, "the target language")
	p.Engine = d.clean(p.Engine, "the engine name")
	p.Credit = d.clean(p.Credit, "the engine name")
}

// cleanSpans cleans the runs and glossary names of a cell, leaving out the
// runs and spans nothing is left of. A Term shared by both cells is cleaned once.
func cleanSpans(spans []Span, d *dropper, where string, terms map[*Term]bool) []Span {
	out := spans[:0]
	for _, s := range spans {
		if s.Term != nil && !terms[s.Term] {
			terms[s.Term] = true
			t := s.Term
			t.Ar, t.En = d.clean(t.Ar, "a glossary name in "+where), d.clean(t.En, "a glossary name in "+where)
			t.Type, t.Note = d.clean(t.Type, "a glossary name in "+where), d.clean(t.Note, "a glossary note in "+where)
			t.Tooltip = d.clean(t.Tooltip, "a glossary note in "+where)
		}
		runs := s.Runs[:0]
		for _, r := range s.Runs {
			r.Text = d.clean(r.Text, where)
			if r.Text != "" {
				runs = append(runs, r)
			}
		}
		if len(runs) > 0 {
			s.Runs = runs
			out = append(out, s)
		}
	}
	return out
}
