package tm

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// xliffUnit is one source/target pair read from an XLIFF file: a 1.2
// trans-unit or a 2.x segment.
type xliffUnit struct {
	ID        string
	Line      int
	Original  string // the file element's original attribute
	SrcLang   string
	TgtLang   string
	Source    string
	Target    string
	State     string // "final", "reviewed", or "" when not approved
	Translate bool
}

// readXLIFF calls fn for each unit of an XLIFF 1.2 or 2.x file. It reads only
// what a memory needs: languages, ids, source and target text (inline
// markup's text kept, codes dropped) and approval. Alternative translations
// and match candidates are not units and are skipped.
func readXLIFF(r io.Reader, fn func(xliffUnit) error) error {
	x := &xliffReader{dec: xml.NewDecoder(r), fn: fn}
	x.dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q (want UTF-8)", label)
	}
	return x.run()
}

type xliffReader struct {
	dec     *xml.Decoder
	fn      func(xliffUnit) error
	version string
	srcLang string
	tgtLang string
	orig    string
	units   int
}

func (x *xliffReader) errorf(format string, args ...any) error {
	line, _ := x.dec.InputPos()
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...))
}

func (x *xliffReader) wrap(err error) error {
	line, _ := x.dec.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("line %d: %s", se.Line, se.Msg)
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("line %d: %w", line, err)
}

func (x *xliffReader) run() error {
	sawRoot := false
	for {
		tok, err := x.dec.Token()
		if errors.Is(err, io.EOF) {
			if !sawRoot {
				return errors.New("not an XLIFF file (no <xliff> root element)")
			}
			return nil
		}
		if err != nil {
			return x.wrap(err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "xliff":
			if sawRoot {
				return x.errorf("nested <xliff>")
			}
			sawRoot = true
			x.version = attr(el, "version")
			if x.version == "" {
				return x.errorf("<xliff> without version")
			}
			x.srcLang, x.tgtLang = attr(el, "srcLang"), attr(el, "trgLang")
		case "file":
			if !sawRoot {
				return x.errorf("<file> outside <xliff>")
			}
			x.orig = attr(el, "original")
			if s := attr(el, "source-language"); s != "" {
				x.srcLang = s
			}
			if t := attr(el, "target-language"); t != "" {
				x.tgtLang = t
			}
		case "trans-unit":
			if err := x.unit12(el); err != nil {
				return err
			}
		case "unit":
			if err := x.unit2(el); err != nil {
				return err
			}
		case "alt-trans", "bin-unit", "matches", "originalData", "skeleton", "header":
			if err := x.dec.Skip(); err != nil {
				return x.wrap(err)
			}
		default:
			if !sawRoot {
				return errors.New("not an XLIFF file (root element is not <xliff>)")
			}
		}
	}
}

func (x *xliffReader) base(id string) xliffUnit {
	line, _ := x.dec.InputPos()
	return xliffUnit{ID: id, Line: line, Original: x.orig, SrcLang: x.srcLang, TgtLang: x.tgtLang, Translate: true}
}

func (x *xliffReader) unit12(el xml.StartElement) error {
	u := x.base(attr(el, "id"))
	u.Translate = attr(el, "translate") != "no"
	approved := attr(el, "approved") == "yes"
	sawSource := false
	for {
		tok, err := x.dec.Token()
		if err != nil {
			return x.wrap(err)
		}
		switch c := tok.(type) {
		case xml.StartElement:
			switch c.Name.Local {
			case "source":
				if u.Source, err = x.inline(); err != nil {
					return x.wrap(err)
				}
				sawSource = true
			case "target":
				switch attr(c, "state") {
				case "final", "signed-off":
					u.State = "final"
				case "translated":
					u.State = "reviewed"
				}
				if t := attr(c, "xml:lang"); t != "" {
					u.TgtLang = t
				}
				for _, a := range c.Attr {
					if a.Name.Local == "lang" {
						u.TgtLang = a.Value
					}
				}
				if u.Target, err = x.inline(); err != nil {
					return x.wrap(err)
				}
			default: // seg-source, alt-trans, note, context-group, ...
				if err := x.dec.Skip(); err != nil {
					return x.wrap(err)
				}
			}
		case xml.EndElement:
			if !sawSource {
				return fmt.Errorf("line %d: trans-unit %q without <source>", u.Line, u.ID)
			}
			if approved && u.State == "" {
				u.State = "reviewed"
			}
			return x.emit(u)
		}
	}
}

func (x *xliffReader) unit2(el xml.StartElement) error {
	id := attr(el, "id")
	translate := attr(el, "translate") != "no"
	var segs []xliffUnit
	for {
		tok, err := x.dec.Token()
		if err != nil {
			return x.wrap(err)
		}
		switch c := tok.(type) {
		case xml.StartElement:
			if c.Name.Local != "segment" {
				if err := x.dec.Skip(); err != nil { // notes, ignorable, originalData, mtc:matches
					return x.wrap(err)
				}
				continue
			}
			s, err := x.segment2(id, c)
			if err != nil {
				return err
			}
			s.Translate = translate
			segs = append(segs, s)
		case xml.EndElement:
			if len(segs) == 0 {
				line, _ := x.dec.InputPos()
				return fmt.Errorf("line %d: unit %q without <segment>", line, id)
			}
			for i, s := range segs {
				if len(segs) > 1 {
					s.ID = id + "#" + strconv.Itoa(i+1)
				}
				if err := x.emit(s); err != nil {
					return err
				}
			}
			return nil
		}
	}
}

func (x *xliffReader) segment2(id string, el xml.StartElement) (xliffUnit, error) {
	u := x.base(id)
	switch attr(el, "state") {
	case "final":
		u.State = "final"
	case "reviewed":
		u.State = "reviewed"
	}
	sawSource := false
	for {
		tok, err := x.dec.Token()
		if err != nil {
			return u, x.wrap(err)
		}
		switch c := tok.(type) {
		case xml.StartElement:
			var err error
			switch c.Name.Local {
			case "source":
				u.Source, err = x.inline()
				sawSource = true
			case "target":
				u.Target, err = x.inline()
			default:
				err = x.dec.Skip()
			}
			if err != nil {
				return u, x.wrap(err)
			}
		case xml.EndElement:
			if !sawSource {
				return u, fmt.Errorf("line %d: unit %q: segment without <source>", u.Line, id)
			}
			return u, nil
		}
	}
}

// inline returns the text of the current element: character data and the
// text of 1.2 <g>/<mrk> and 2.x <pc>/<mrk>; 2.x <cp hex="..."/> becomes its
// character; codes (<x>, <ph>, <bpt>, ...) are dropped.
func (x *xliffReader) inline() (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := x.dec.Token()
		if err != nil {
			return "", err
		}
		switch c := tok.(type) {
		case xml.CharData:
			b.Write(c)
		case xml.StartElement:
			switch c.Name.Local {
			case "g", "mrk", "pc":
				depth++
			case "cp":
				n, err := strconv.ParseUint(attr(c, "hex"), 16, 32)
				if err != nil {
					return "", fmt.Errorf("<cp hex=%q>: not a code point", attr(c, "hex"))
				}
				b.WriteRune(rune(n))
				if err := x.dec.Skip(); err != nil {
					return "", err
				}
			default:
				if err := x.dec.Skip(); err != nil {
					return "", err
				}
			}
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

func (x *xliffReader) emit(u xliffUnit) error {
	x.units++
	return x.fn(u)
}

func attr(el xml.StartElement, name string) string {
	prefix, local, ok := strings.Cut(name, ":")
	if !ok {
		local, prefix = name, ""
	}
	for _, a := range el.Attr {
		if a.Name.Local != local {
			continue
		}
		if prefix == "" && a.Name.Space == "" || prefix == "xml" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
			return a.Value
		}
	}
	return ""
}
