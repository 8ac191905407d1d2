// Package xmlattr bounds the number of attributes an XML element may have
// before encoding/xml reads it. The decoder reads a start tag whole, all its
// attributes at once, at about fifteen times their size in memory: a crafted
// file of one element with millions of attributes would take gigabytes,
// whatever the reader keeps afterwards.
package xmlattr

import (
	"fmt"
	"io"
)

// Max is the most attributes (namespace declarations included) an element
// of the files bitext reads has: real ones have a few dozen at most.
const Max = 1000

// Error is an element with more attributes than allowed.
type Error struct {
	Line, Col int // 1-based line and byte column of the element's '<'
	Max       int // the most allowed
}

// Error says what, leaving where (Line, Col) to the error of the file.
func (e *Error) Error() string {
	return fmt.Sprintf("an element with more than %d attributes", e.Max)
}

// Limit returns a reader of r's bytes that fails with an *Error at an
// element with more than max attributes, before the bytes past the last
// one allowed are read. It tells tags from text, comments, CDATA sections,
// processing instructions and the DOCTYPE; for text that is not
// well-formed XML it may miscount, which the decoder then reports.
func Limit(r io.Reader, max int) io.Reader {
	return &limiter{r: r, max: max, line: 1}
}

type state uint8

const (
	text         state = iota
	open               // after '<'
	bang               // after "<!"
	bangDash           // after "<!-"
	tag                // in a start or end tag
	comment            // in "<!-- … -->"
	cdata              // in "<![CDATA[ … ]]>"
	pi                 // in "<? … ?>"
	decl               // in "<!DOCTYPE …>", its internal subset included
	declOpen           // after '<' in a declaration: maybe "<!--"
	declBang           // after "<!" in a declaration
	declBangDash       // after "<!-" in a declaration
)

type limiter struct {
	r      io.Reader
	max    int
	err    error
	st     state
	quote  byte   // the quote an attribute value (or a declaration's literal) is in, or 0
	run    int    // '-' or ']' just seen in a comment or CDATA section, '?' in a PI
	depth  int    // '<' open in a declaration, as encoding/xml counts them
	inDecl bool   // the comment is in a declaration, which goes on after it
	attrs  int    // '=' seen in the current tag
	line   int    // line of the byte being read
	col    int    // its column
	start  [2]int // line and column of the current tag's '<'
}

func (l *limiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for i := 0; i < n; i++ {
		c := p[i]
		l.col++
		if c == '\n' {
			l.line, l.col = l.line+1, 0
		}
		switch l.st {
		case text:
			if c == '<' {
				l.st, l.start = open, [2]int{l.line, l.col}
			}
		case open:
			switch c {
			case '!':
				l.st = bang
			case '?':
				l.st, l.run = pi, 0
			default:
				l.st, l.attrs, l.quote = tag, 0, 0
			}
		case bang:
			switch c {
			case '-':
				l.st, l.inDecl = bangDash, false
			case '[':
				l.st, l.run = cdata, 0
			default:
				// as encoding/xml, the declaration's first byte is not looked at
				l.st, l.depth, l.quote = decl, 0, 0
			}
		case bangDash:
			l.st, l.run = comment, 0
		case comment, cdata:
			end := byte('-')
			if l.st == cdata {
				end = ']'
			}
			switch {
			case c == end:
				l.run++
			case c == '>' && l.run >= 2:
				if l.st == comment && l.inDecl {
					l.st = decl
				} else {
					l.st = text
				}
			default:
				l.run = 0
			}
		case pi:
			if c == '>' && l.run > 0 {
				l.st = text
			}
			l.run = 0
			if c == '?' {
				l.run = 1
			}
		case declOpen, declBang, declBangDash:
			// "<!--" opens a comment; anything else is one more '<' open,
			// and its byte is looked at as any other
			want := "!--"[l.st-declOpen]
			switch {
			case c == want && l.st == declBangDash:
				l.st, l.run, l.inDecl = comment, 0, true
			case c == want:
				l.st++
			default:
				l.st = decl
				l.depth++
				l.declByte(c)
			}
		case decl:
			l.declByte(c)
		case tag:
			switch {
			case l.quoted(c):
			case c == '=':
				l.attrs++
				if l.attrs > l.max {
					l.err = &Error{Line: l.start[0], Col: l.start[1], Max: l.max}
					return i, l.err
				}
			case c == '>':
				l.st = text
			}
		}
	}
	return n, err
}

// quoted reads byte c as part of a quoted value, opening or closing it,
// and reports whether it was one.
func (l *limiter) quoted(c byte) bool {
	switch {
	case l.quote != 0:
		if c == l.quote {
			l.quote = 0
		}
	case c == '"' || c == '\'':
		l.quote = c
	default:
		return false
	}
	return true
}

// declByte reads byte c of a declaration as encoding/xml does: quotes
// hide '<' and '>', which otherwise nest; a '>' with none open ends it.
func (l *limiter) declByte(c byte) {
	switch {
	case l.quoted(c):
	case c == '>':
		if l.depth == 0 {
			l.st = text
		} else {
			l.depth--
		}
	case c == '<':
		l.st = declOpen
	}
}
