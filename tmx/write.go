package tmx

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"
)

// Writer writes a TMX 1.4b file one unit at a time. Call Close to finish it.
type Writer struct {
	w   *bufio.Writer
	err error
}

// NewWriter writes the XML declaration, the header and the start of the body.
// Required header attributes left empty get defaults: creation tool "bitext",
// segment type "sentence", admin language "en", source language "*all*", data
// type "plaintext".
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	t := &Writer{w: bufio.NewWriterSize(w, 64<<10)}
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&h.CreationTool, "bitext")
	def(&h.CreationToolVersion, "1")
	def(&h.SegType, "sentence")
	def(&h.OTMF, "bitext")
	def(&h.AdminLang, "en")
	def(&h.SrcLang, "*all*")
	def(&h.DataType, "plaintext")
	t.str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header")
	t.attr("creationtool", h.CreationTool)
	t.attr("creationtoolversion", h.CreationToolVersion)
	t.attr("segtype", h.SegType)
	t.attr("o-tmf", h.OTMF)
	t.attr("adminlang", h.AdminLang)
	t.attr("srclang", h.SrcLang)
	t.attr("datatype", h.DataType)
	t.date("creationdate", h.CreationDate)
	t.attr("creationid", h.CreationID)
	t.date("changedate", h.ChangeDate)
	t.attr("changeid", h.ChangeID)
	if len(h.Notes)+len(h.Props) == 0 {
		t.str("/>\n")
	} else {
		t.str(">\n")
		t.notesProps("    ", h.Notes, h.Props)
		t.str("  </header>\n")
	}
	t.str("  <body>\n")
	if t.err != nil {
		return nil, t.err
	}
	return t, nil
}

// Write writes one unit. It fails on a unit without variants or with text
// that XML cannot hold (control characters, invalid UTF-8).
func (t *Writer) Write(u *Unit) error {
	if t.err != nil {
		return t.err
	}
	if len(u.Variants) == 0 {
		return fmt.Errorf("tu %q: no variants", u.ID)
	}
	if err := checkUnit(u); err != nil {
		return fmt.Errorf("tu %q: %w", u.ID, err)
	}
	t.str("    <tu")
	t.attr("tuid", u.ID)
	t.attr("srclang", u.SrcLang)
	t.date("creationdate", u.CreationDate)
	t.attr("creationid", u.CreationID)
	t.date("changedate", u.ChangeDate)
	t.attr("changeid", u.ChangeID)
	if u.UsageCount > 0 {
		t.attr("usagecount", strconv.Itoa(u.UsageCount))
	}
	t.date("lastusagedate", u.LastUsage)
	t.str(">\n")
	t.notesProps("      ", u.Notes, u.Props)
	for i := range u.Variants {
		v := &u.Variants[i]
		t.str("      <tuv")
		t.attr("xml:lang", v.Lang)
		t.date("creationdate", v.CreationDate)
		t.attr("creationid", v.CreationID)
		t.date("changedate", v.ChangeDate)
		t.attr("changeid", v.ChangeID)
		t.str(">\n")
		t.notesProps("        ", v.Notes, v.Props)
		t.str("        <seg>")
		t.text(v.Text)
		t.str("</seg>\n      </tuv>\n")
	}
	t.str("    </tu>\n")
	return t.err
}

// Close ends the body and the file and flushes what is buffered.
// It does not close the underlying writer.
func (t *Writer) Close() error {
	t.str("  </body>\n</tmx>\n")
	if t.err != nil {
		return t.err
	}
	return t.w.Flush()
}

// Write writes d as a TMX 1.4b file.
func Write(w io.Writer, d *Document) error {
	t, err := NewWriter(w, d.Header)
	if err != nil {
		return err
	}
	for i := range d.Units {
		if err := t.Write(&d.Units[i]); err != nil {
			return err
		}
	}
	return t.Close()
}

func (t *Writer) notesProps(indent string, notes []Note, props []Prop) {
	// TMX 1.4b wants notes and props in that order, before any <tuv>.
	for _, n := range notes {
		t.str(indent + "<note")
		t.attr("xml:lang", n.Lang)
		t.str(">")
		t.text(n.Text)
		t.str("</note>\n")
	}
	for _, p := range props {
		t.str(indent + "<prop")
		t.attr("type", p.Type)
		t.attr("xml:lang", p.Lang)
		t.str(">")
		t.text(p.Value)
		t.str("</prop>\n")
	}
}

func (t *Writer) str(s string) {
	if t.err == nil {
		_, t.err = t.w.WriteString(s)
	}
}

func (t *Writer) date(name string, v time.Time) {
	if !v.IsZero() {
		t.attr(name, formatDate(v))
	}
}

// attr writes ` name="value"`, or nothing for an empty value.
func (t *Writer) attr(name, value string) {
	if value == "" || t.err != nil {
		return
	}
	t.str(" " + name + "=\"")
	t.escape(value, true)
	t.str("\"")
}

func (t *Writer) text(s string) { t.escape(s, false) }

func (t *Writer) escape(s string, inAttr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			if !inAttr {
				continue
			}
			rep = "&quot;"
		case '\r':
			rep = "&#xD;"
		case '\n':
			if !inAttr {
				continue
			}
			rep = "&#xA;"
		case '\t':
			if !inAttr {
				continue
			}
			rep = "&#x9;"
		default:
			continue
		}
		t.str(s[last:i])
		t.str(rep)
		last = i + 1
	}
	t.str(s[last:])
}

// checkText reports text that cannot appear in XML 1.0.
func checkText(s string) error {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Errorf("invalid UTF-8 at byte %d", i)
			}
		}
		if !isXMLChar(r) {
			return fmt.Errorf("character %U at byte %d is not allowed in XML", r, i)
		}
	}
	return nil
}

// XMLChar reports whether r may appear in XML 1.0 text, and so in a TMX
// file: the writer refuses any other.
func XMLChar(r rune) bool { return isXMLChar(r) }

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func checkUnit(u *Unit) error {
	check := func(what, s string) error {
		if err := checkText(s); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		return nil
	}
	for _, s := range []string{u.ID, u.SrcLang, u.CreationID, u.ChangeID} {
		if err := check("attribute", s); err != nil {
			return err
		}
	}
	for _, p := range u.Props {
		if err := check("prop "+p.Type, p.Type+p.Lang+p.Value); err != nil {
			return err
		}
	}
	for _, n := range u.Notes {
		if err := check("note", n.Lang+n.Text); err != nil {
			return err
		}
	}
	for _, v := range u.Variants {
		if v.Lang == "" {
			return fmt.Errorf("variant without language")
		}
		if err := check("tuv "+v.Lang, v.Lang+v.Text+v.CreationID+v.ChangeID); err != nil {
			return err
		}
		for _, p := range v.Props {
			if err := check("prop "+p.Type, p.Type+p.Lang+p.Value); err != nil {
				return err
			}
		}
		for _, n := range v.Notes {
			if err := check("note", n.Lang+n.Text); err != nil {
				return err
			}
		}
	}
	return nil
}
