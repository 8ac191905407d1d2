package tmx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/internal/textfile"
	"bitext/internal/xmlattr"
)

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// maxDepth is the deepest nesting of elements read or skipped: a crafted
// file nesting millions would take the reader's memory (and, for <hi>, its
// stack) with it.
const maxDepth = 256

// maxText is the longest text of one segment, note or property: the file is
// read as a stream, but a single element holding a gigabyte would be kept
// whole. A sentence is never a thousandth of it.
const maxText = 4 << 20

// Reader reads a TMX file one unit at a time.
type Reader struct {
	dec     *xml.Decoder
	version string
	header  Header
	done    bool
	err     error
}

// NewReader reads the start of a TMX file up to its first unit. UTF-8 and
// UTF-16 (with a byte order mark) are accepted. Errors are *ParseError.
func NewReader(r io.Reader) (*Reader, error) {
	dec := xml.NewDecoder(xmlattr.Limit(textfile.UTF8Reader(r), xmlattr.Max)) // as the XLIFF reader: a BOM, or UTF-16
	// The text is UTF-8 by now, whatever the declaration says.
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q (want UTF-8 or UTF-16)", label)
	}
	t := &Reader{dec: dec}
	if err := t.readHead(); err != nil {
		return nil, err
	}
	return t, nil
}

// Header returns the file's header.
func (r *Reader) Header() Header { return r.header }

// Version returns the file's TMX version attribute.
func (r *Reader) Version() string { return r.version }

func (r *Reader) errorf(unit string, format string, args ...any) error {
	line, col := r.dec.InputPos()
	return &ParseError{Line: line, Col: col, Unit: unit, Err: fmt.Errorf(format, args...)}
}

func (r *Reader) wrap(unit string, err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return err
	}
	line, col := r.dec.InputPos()
	var se *xml.SyntaxError
	var ae *xmlattr.Error
	if errors.As(err, &se) {
		line = se.Line
	} else if errors.As(err, &ae) {
		line, col = ae.Line, ae.Col
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return &ParseError{Line: line, Col: col, Unit: unit, Err: err}
}

// token returns the next start or end element, skipping everything else.
func (r *Reader) element() (xml.Token, error) {
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return nil, err
		}
		switch tok.(type) {
		case xml.StartElement, xml.EndElement:
			return tok, nil
		}
	}
}

func (r *Reader) readHead() error {
	tok, err := r.element()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return r.wrap("", ErrNotTMX)
		}
		return r.wrap("", err)
	}
	root, ok := tok.(xml.StartElement)
	if !ok || root.Name.Local != "tmx" {
		return r.wrap("", ErrNotTMX)
	}
	r.version = attr(root, "version")
	sawHeader := false
	for {
		tok, err := r.element()
		if err != nil {
			return r.wrap("", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "header":
				if err := r.readHeader(el); err != nil {
					return err
				}
				sawHeader = true
			case "body":
				if !sawHeader {
					return r.errorf("", "<body> before <header>")
				}
				return nil
			default:
				if err := r.skip(); err != nil {
					return r.wrap("", err)
				}
			}
		case xml.EndElement:
			return r.errorf("", "no <body> in <tmx>")
		}
	}
}

func (r *Reader) readHeader(el xml.StartElement) error {
	h := &r.header
	h.CreationTool = attr(el, "creationtool")
	h.CreationToolVersion = attr(el, "creationtoolversion")
	h.SegType = attr(el, "segtype")
	h.OTMF = attr(el, "o-tmf")
	h.AdminLang = attr(el, "adminlang")
	h.SrcLang = attr(el, "srclang")
	h.DataType = attr(el, "datatype")
	h.CreationID = attr(el, "creationid")
	h.ChangeID = attr(el, "changeid")
	var err error
	if h.CreationDate, err = parseDate(attr(el, "creationdate")); err != nil {
		return r.errorf("", "header creationdate: %w", err)
	}
	if h.ChangeDate, err = parseDate(attr(el, "changedate")); err != nil {
		return r.errorf("", "header changedate: %w", err)
	}
	for {
		tok, err := r.element()
		if err != nil {
			return r.wrap("", err)
		}
		switch c := tok.(type) {
		case xml.StartElement:
			switch c.Name.Local {
			case "prop":
				p, err := r.readProp(c)
				if err != nil {
					return r.wrap("", err)
				}
				h.Props = append(h.Props, p)
			case "note":
				n, err := r.readNote(c)
				if err != nil {
					return r.wrap("", err)
				}
				h.Notes = append(h.Notes, n)
			default: // <ude> and unknown elements
				if err := r.skip(); err != nil {
					return r.wrap("", err)
				}
			}
		case xml.EndElement:
			return nil
		}
	}
}

// Next returns the next unit, or io.EOF after the last one.
func (r *Reader) Next() (*Unit, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.done {
		return nil, io.EOF
	}
	for {
		tok, err := r.element()
		if err != nil {
			r.err = r.wrap("", err)
			return nil, r.err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local != "tu" {
				if err := r.skip(); err != nil {
					r.err = r.wrap("", err)
					return nil, r.err
				}
				continue
			}
			u, err := r.readUnit(el)
			if err != nil {
				r.err = err
				return nil, err
			}
			return u, nil
		case xml.EndElement: // </body>
			r.done = true
			return nil, io.EOF
		}
	}
}

func (r *Reader) readUnit(el xml.StartElement) (*Unit, error) {
	u := &Unit{ID: attr(el, "tuid"), SrcLang: attr(el, "srclang")}
	u.CreationID = attr(el, "creationid")
	u.ChangeID = attr(el, "changeid")
	var err error
	if u.CreationDate, err = parseDate(attr(el, "creationdate")); err != nil {
		return nil, r.errorf(u.ID, "creationdate: %w", err)
	}
	if u.ChangeDate, err = parseDate(attr(el, "changedate")); err != nil {
		return nil, r.errorf(u.ID, "changedate: %w", err)
	}
	if u.LastUsage, err = parseDate(attr(el, "lastusagedate")); err != nil {
		return nil, r.errorf(u.ID, "lastusagedate: %w", err)
	}
	if s := attr(el, "usagecount"); s != "" {
		if u.UsageCount, err = strconv.Atoi(s); err != nil || u.UsageCount < 0 {
			return nil, r.errorf(u.ID, "usagecount %q is not a count", s)
		}
	}
	for {
		tok, err := r.element()
		if err != nil {
			return nil, r.wrap(u.ID, err)
		}
		switch c := tok.(type) {
		case xml.StartElement:
			switch c.Name.Local {
			case "prop":
				p, err := r.readProp(c)
				if err != nil {
					return nil, r.wrap(u.ID, err)
				}
				u.Props = append(u.Props, p)
			case "note":
				n, err := r.readNote(c)
				if err != nil {
					return nil, r.wrap(u.ID, err)
				}
				u.Notes = append(u.Notes, n)
			case "tuv":
				v, err := r.readVariant(u.ID, c)
				if err != nil {
					return nil, err
				}
				u.Variants = append(u.Variants, v)
			default:
				if err := r.skip(); err != nil {
					return nil, r.wrap(u.ID, err)
				}
			}
		case xml.EndElement:
			if len(u.Variants) == 0 {
				return nil, r.errorf(u.ID, "<tu> without <tuv>")
			}
			return u, nil
		}
	}
}

func (r *Reader) readVariant(unit string, el xml.StartElement) (Variant, error) {
	v := Variant{Lang: lang(el)}
	if v.Lang == "" {
		return v, r.errorf(unit, "<tuv> without xml:lang")
	}
	v.CreationID = attr(el, "creationid")
	v.ChangeID = attr(el, "changeid")
	var err error
	if v.CreationDate, err = parseDate(attr(el, "creationdate")); err != nil {
		return v, r.errorf(unit, "tuv %s creationdate: %w", v.Lang, err)
	}
	if v.ChangeDate, err = parseDate(attr(el, "changedate")); err != nil {
		return v, r.errorf(unit, "tuv %s changedate: %w", v.Lang, err)
	}
	sawSeg := false
	for {
		tok, err := r.element()
		if err != nil {
			return v, r.wrap(unit, err)
		}
		switch c := tok.(type) {
		case xml.StartElement:
			switch c.Name.Local {
			case "prop":
				p, err := r.readProp(c)
				if err != nil {
					return v, r.wrap(unit, err)
				}
				v.Props = append(v.Props, p)
			case "note":
				n, err := r.readNote(c)
				if err != nil {
					return v, r.wrap(unit, err)
				}
				v.Notes = append(v.Notes, n)
			case "seg":
				if sawSeg {
					return v, r.errorf(unit, "tuv %s: more than one <seg>", v.Lang)
				}
				var b strings.Builder
				if err := r.segText(&b, 1); err != nil {
					return v, r.wrap(unit, err)
				}
				v.Text = b.String()
				sawSeg = true
			default:
				if err := r.skip(); err != nil {
					return v, r.wrap(unit, err)
				}
			}
		case xml.EndElement:
			if !sawSeg {
				return v, r.errorf(unit, "tuv %s without <seg>", v.Lang)
			}
			return v, nil
		}
	}
}

// segText collects the text of a <seg> or <hi> up to its end tag; inline
// codes are skipped, but one that stands for a line break (see lineBreak)
// leaves a space between the words it separated.
func (r *Reader) segText(b *strings.Builder, depth int) error {
	if depth > maxDepth {
		return r.errorf("", "elements nested deeper than %d", maxDepth)
	}
	brk := false // a line break was dropped since the last text
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		switch c := tok.(type) {
		case xml.CharData:
			if len(c) == 0 {
				continue
			}
			if brk && b.Len() > 0 && !endsInSpace(b.String()) && !startsWithSpace(c) {
				b.WriteByte(' ')
			}
			brk = false
			if b.Write(c); b.Len() > maxText {
				return r.errorf("", "text longer than %d MiB in one element", maxText>>20)
			}
		case xml.StartElement:
			switch c.Name.Local {
			case "hi":
				if err := r.segText(b, depth+1); err != nil {
					return err
				}
			case "ph", "it", "ut":
				code, err := r.text()
				if err != nil {
					return err
				}
				brk = brk || lineBreak(attr(c, "type"), code)
			default:
				if err := r.skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			return nil
		}
	}
}

// lineBreak reports whether a standalone inline code is a line break: TMX's
// type "lb", or native code that is an HTML <br>, or RTF's \line or \par.
func lineBreak(typ, code string) bool {
	if typ == "lb" {
		return true
	}
	code = strings.ToLower(strings.TrimSpace(code))
	switch {
	case strings.HasPrefix(code, "<br") && strings.HasSuffix(code, ">"):
		rest := strings.TrimSuffix(strings.TrimSuffix(code[3:], ">"), "/")
		return rest == "" || rest[0] == ' ' || rest[0] == '\t'
	case code == `\line`, code == `\par`, code == `{\line}`, code == `{\par}`:
		return true
	}
	return false
}

func endsInSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

func startsWithSpace(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.IsSpace(r)
}

// skip consumes the rest of the element just started, as xml.Decoder.Skip
// does, but refuses nesting deeper than maxDepth.
func (r *Reader) skip() error {
	depth := 1
	for depth > 0 {
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return r.errorf("", "elements nested deeper than %d", maxDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func (r *Reader) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return "", err
		}
		switch c := tok.(type) {
		case xml.CharData:
			if b.Write(c); b.Len() > maxText {
				return "", r.errorf("", "text longer than %d MiB in one element", maxText>>20)
			}
		case xml.StartElement:
			if err := r.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

func (r *Reader) readProp(el xml.StartElement) (Prop, error) {
	p := Prop{Type: attr(el, "type"), Lang: lang(el)}
	var err error
	p.Value, err = r.text()
	return p, err
}

func (r *Reader) readNote(el xml.StartElement) (Note, error) {
	n := Note{Lang: lang(el)}
	var err error
	n.Text, err = r.text()
	return n, err
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// lang returns xml:lang, or the TMX 1.1 lang attribute.
func lang(el xml.StartElement) string {
	for _, a := range el.Attr {
		if a.Name.Local == "lang" && (a.Name.Space == xmlNS || a.Name.Space == "xml") {
			return a.Value
		}
	}
	return attr(el, "lang")
}

// Read reads a whole TMX file. Errors are *ParseError.
func Read(r io.Reader) (*Document, error) {
	tr, err := NewReader(r)
	if err != nil {
		return nil, err
	}
	d := &Document{Version: tr.Version(), Header: tr.Header()}
	for {
		u, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return d, nil
		}
		if err != nil {
			return nil, err
		}
		d.Units = append(d.Units, *u)
	}
}
