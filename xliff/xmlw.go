package xliff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// xmlw writes indented XML by hand, which gives exact control over inline
// content (mixed text and <mrk>/<cp> elements) that encoding/xml does not.
type xmlw struct {
	w     *bufio.Writer
	depth int
	err   error
}

func newXMLW(w io.Writer) *xmlw {
	x := &xmlw{w: bufio.NewWriter(w)}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	return x
}

func (x *xmlw) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

func (x *xmlw) indent() { x.raw(strings.Repeat("  ", x.depth)) }

// tag writes "<name a="v" ...", skipping attributes with an empty value.
func (x *xmlw) tag(name string, attrs []string) {
	x.raw("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		x.raw(" " + attrs[i] + `="` + escAttr(attrs[i+1]) + `"`)
	}
}

// open starts an element on its own line; its children are indented.
func (x *xmlw) open(name string, attrs ...string) {
	x.indent()
	x.tag(name, attrs)
	x.raw(">\n")
	x.depth++
}

func (x *xmlw) close(name string) {
	x.depth--
	x.indent()
	x.raw("</" + name + ">\n")
}

func (x *xmlw) empty(name string, attrs ...string) {
	x.indent()
	x.tag(name, attrs)
	x.raw("/>\n")
}

// elem writes <name attrs>content</name> on one line; content is already XML.
func (x *xmlw) elem(name, content string, attrs ...string) {
	x.indent()
	x.tag(name, attrs)
	x.raw(">" + content + "</" + name + ">\n")
}

func (x *xmlw) flush() error {
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}

// xmlChar reports whether XML 1.0 allows r in a document at all.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// escText escapes s for element content. Characters XML 1.0 forbids are
// passed to bad, which returns what to write instead.
func escText(s string, bad func(r rune) string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				b.WriteString(bad(r))
				continue
			}
		}
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case !xmlChar(r):
			b.WriteString(bad(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escAttr escapes s for a double-quoted attribute; forbidden characters are dropped.
func escAttr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\n':
			b.WriteString("&#xA;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == '\t':
			b.WriteString("&#x9;")
		case r == utf8.RuneError || !xmlChar(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stripper returns the replacement function for XLIFF 1.2 and TMX, where a
// forbidden character cannot be written at all: it is dropped, with a warning
// naming the unit.
func stripper(opts Options, unit, side string) func(r rune) string {
	return func(r rune) string {
		opts.warn("unit %s: dropped character U+%04X from the %s (XML 1.0 does not allow it)", unit, r, side)
		return ""
	}
}

// cpWriter returns the replacement function for XLIFF 2, which writes a
// forbidden character as <cp hex="…"/>.
func cpWriter(r rune) string {
	if r == utf8.RuneError {
		return ""
	}
	return fmt.Sprintf(`<cp hex="%04X"/>`, r)
}
