package glossary

import (
	"bufio"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats are the exchange formats of ReadFormat and WriteFormat:
//
//   - csv: two columns, Arabic and English, no header — the form Google's
//     glossary API ingests (a term kept untranslated has its Arabic in both
//     columns);
//   - tsv: a header row, then ar, en, variants, type, note, translate,
//     context; lists are separated by " | ", and tab, newline and backslash
//     are written \t, \n and \\;
//   - tbx: TermBase eXchange (TBX 2, martif) for CAT tools: one termEntry per
//     entry, the variants as further Arabic terms (termType variant), type as
//     subjectField, note as note, context words as context, translate: false
//     as the transferComment "do not translate".
var Formats = []string{"csv", "tsv", "tbx"}

// WriteFormat writes g in the named exchange format.
func WriteFormat(w io.Writer, format string, g *Glossary) error {
	switch format {
	case "csv":
		return WriteCSV(w, g)
	case "tsv":
		return WriteTSV(w, g)
	case "tbx":
		return WriteTBX(w, g)
	}
	return fmt.Errorf("unknown glossary format %q (want %s)", format, strings.Join(Formats, ", "))
}

// ReadFormat reads entries in the named exchange format; name is used in
// error messages. A leading byte order mark is skipped. Each entry's fields
// are checked as Parse checks them, and every problem names the line of the
// entry in the file; the entries are not checked against each other (see
// CheckAdditions).
func ReadFormat(r io.Reader, name, format string) ([]*Entry, error) {
	switch format {
	case "csv":
		return ReadCSV(r, name)
	case "tsv":
		return ReadTSV(r, name)
	case "tbx":
		return ReadTBX(r, name)
	}
	return nil, fmt.Errorf("unknown glossary format %q (want %s)", format, strings.Join(Formats, ", "))
}

// WriteCSV writes one "arabic,english" row per entry.
func WriteCSV(w io.Writer, g *Glossary) error {
	cw := csv.NewWriter(w)
	for _, e := range g.Entries {
		if err := cw.Write([]string{e.Ar, e.Rendering()}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadCSV reads two-column rows; a first row "ar,en" (or "source,target")
// is a header. A row whose two columns are equal is a term kept untranslated.
func ReadCSV(r io.Reader, name string) ([]*Entry, error) {
	cr := csv.NewReader(skipBOM(r))
	cr.FieldsPerRecord = -1
	var out []*Entry
	for first := true; ; first = false {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return checkRead(name, out)
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				// csv says "record on line N; parse error on line M": a quote
				// left open runs on to a much later line, so name both.
				if pe.StartLine != pe.Line {
					return nil, fmt.Errorf("%s:%d: %v (the row starting here runs on to line %d: a quote left open?)", name, pe.StartLine, pe.Err, pe.Line)
				}
				return nil, fmt.Errorf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if first && len(rec) >= 2 && isHeader(rec[0], rec[1]) {
			continue
		}
		if len(rec) != 2 {
			return nil, fmt.Errorf("%s:%d: want 2 columns (Arabic, English), got %d", name, line, len(rec))
		}
		e := &Entry{Ar: strings.TrimSpace(rec[0]), En: strings.TrimSpace(rec[1]), Line: line}
		if e.Ar == e.En {
			f := false
			e.Translate, e.En = &f, ""
		}
		out = append(out, e)
	}
}

func isHeader(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	return a == "ar" && b == "en" || a == "source" && b == "target" || a == "arabic" && b == "english"
}

var tsvHeader = []string{"ar", "en", "variants", "type", "note", "translate", "context", "always"}

const listSep = " | "

// WriteTSV writes a header row and one row per entry with every field.
func WriteTSV(w io.Writer, g *Glossary) error {
	var b strings.Builder
	b.WriteString(strings.Join(tsvHeader, "\t") + "\n")
	for _, e := range g.Entries {
		tr := ""
		if e.Translate != nil {
			tr = strconv.FormatBool(*e.Translate)
		}
		always := ""
		if e.Always {
			always = "true"
		}
		fields := []string{e.Ar, e.En, joinList(e.Variants), e.Type, e.Note, tr, joinList(e.Context), always}
		for i, f := range fields {
			fields[i] = tsvEscape(f)
		}
		b.WriteString(strings.Join(fields, "\t") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ReadTSV reads what WriteTSV writes; the header names the columns, in any
// order, and must include ar.
func ReadTSV(r io.Reader, name string) ([]*Entry, error) {
	data, err := io.ReadAll(skipBOM(r))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	lines := strings.Split(strings.TrimSuffix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n"), "\n")
	if len(lines) == 0 || lines[0] == "" {
		return nil, nil
	}
	cols := map[string]int{}
	for i, h := range strings.Split(lines[0], "\t") {
		h = strings.ToLower(strings.TrimSpace(h))
		if !contains(tsvHeader, h) {
			return nil, fmt.Errorf("%s:1: unknown column %q (want %s)", name, h, strings.Join(tsvHeader, ", "))
		}
		cols[h] = i
	}
	if _, ok := cols["ar"]; !ok {
		return nil, fmt.Errorf("%s:1: no ar column in the header", name)
	}
	var out []*Entry
	for n, l := range lines[1:] {
		line := n + 2
		if strings.TrimSpace(l) == "" {
			continue
		}
		raw := strings.Split(l, "\t")
		if len(raw) > len(cols) {
			return nil, fmt.Errorf("%s:%d: %d columns, the header has %d", name, line, len(raw), len(cols))
		}
		get := func(k string) string {
			i, ok := cols[k]
			if !ok || i >= len(raw) {
				return ""
			}
			return tsvUnescape(raw[i])
		}
		e := &Entry{Ar: get("ar"), En: get("en"), Variants: splitList(get("variants")), Type: get("type"),
			Note: get("note"), Context: splitList(get("context")), Line: line}
		switch tr := get("translate"); tr {
		case "":
		case "true", "false":
			b := tr == "true"
			e.Translate = &b
		default:
			return nil, fmt.Errorf("%s:%d: translate: want true, false or nothing, got %q", name, line, tr)
		}
		switch a := get("always"); a {
		case "", "false":
		case "true":
			e.Always = true
		default:
			return nil, fmt.Errorf("%s:%d: always: want true, false or nothing, got %q", name, line, a)
		}
		out = append(out, e)
	}
	return checkRead(name, out)
}

// checkRead returns es, or the problems of their fields.
func checkRead(name string, es []*Entry) ([]*Entry, error) {
	var errs ErrorList
	for _, e := range es {
		keys := make([]string, 0, 1+len(e.Variants))
		for _, f := range e.Forms() {
			keys = append(keys, Key(f))
		}
		checkFields(e, keys, func(format string, args ...any) {
			errs = append(errs, &Error{File: name, Line: e.Line, Err: fmt.Errorf(format, args...)})
		})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return es, nil
}

// skipBOM returns r without the UTF-8 byte order mark it may start with
// (spreadsheets write one); line numbers do not change.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(len(bom)); err == nil && string(b) == bom {
		br.Discard(len(bom))
	}
	return br
}

const bom = "\ufeff"

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func joinList(items []string) string { return strings.Join(items, listSep) }

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, listSep)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

var (
	tsvEscaper   = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	tsvUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r")
)

func tsvEscape(s string) string   { return tsvEscaper.Replace(s) }
func tsvUnescape(s string) string { return tsvUnescaper.Replace(s) }

// TBX 2 (martif) structures: only what a glossary entry needs.
type tbxFile struct {
	XMLName xml.Name   `xml:"martif"`
	Type    string     `xml:"type,attr"`
	Lang    string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Header  tbxHeader  `xml:"martifHeader"`
	Entries []tbxEntry `xml:"text>body>termEntry"`
}

type tbxHeader struct {
	Source string `xml:"fileDesc>sourceDesc>p"`
}

type tbxEntry struct {
	ID       string       `xml:"id,attr,omitempty"`
	Descrips []tbxDescrip `xml:"descrip"`
	Notes    []string     `xml:"note"`
	LangSets []tbxLangSet `xml:"langSet"`
}

type tbxDescrip struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type tbxLangSet struct {
	Lang     string       `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Descrips []tbxDescrip `xml:"descrip"`
	Tigs     []tbxTig     `xml:"tig"`
}

type tbxTig struct {
	Term      string       `xml:"term"`
	TermNotes []tbxDescrip `xml:"termNote"`
}

const doNotTranslate = "do not translate"

// WriteTBX writes g as a TBX 2 (martif) file.
func WriteTBX(w io.Writer, g *Glossary) error {
	f := tbxFile{Type: "TBX", Lang: "en", Header: tbxHeader{Source: "bitext glossary"}}
	for i, e := range g.Entries {
		te := tbxEntry{ID: fmt.Sprintf("t%d", i+1)}
		if e.Type != "" {
			te.Descrips = append(te.Descrips, tbxDescrip{"subjectField", e.Type})
		}
		if e.Note != "" {
			te.Notes = []string{e.Note}
		}
		ar := tbxLangSet{Lang: "ar"}
		for _, c := range e.Context {
			ar.Descrips = append(ar.Descrips, tbxDescrip{"context", c})
		}
		if e.Always {
			ar.Descrips = append(ar.Descrips, tbxDescrip{"matching", "always"})
		}
		main := tbxTig{Term: e.Ar, TermNotes: []tbxDescrip{{"termType", "fullForm"}}}
		if e.Translate != nil {
			status := doNotTranslate
			if *e.Translate {
				status = "translate"
			}
			main.TermNotes = append(main.TermNotes, tbxDescrip{"transferComment", status})
		}
		ar.Tigs = append(ar.Tigs, main)
		for _, v := range e.Variants {
			ar.Tigs = append(ar.Tigs, tbxTig{Term: v, TermNotes: []tbxDescrip{{"termType", "variant"}}})
		}
		te.LangSets = append(te.LangSets, ar)
		if e.En != "" {
			te.LangSets = append(te.LangSets, tbxLangSet{Lang: "en", Tigs: []tbxTig{{Term: e.En}}})
		}
		f.Entries = append(f.Entries, te)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// ReadTBX reads termEntry elements of a TBX 2 file: the first Arabic term is
// the entry's term, further Arabic terms its variants, the first English term
// its rendering. An entry's line is that of its termEntry tag.
func ReadTBX(r io.Reader, name string) ([]*Entry, error) {
	dec := xml.NewDecoder(skipBOM(r))
	var out []*Entry
	var path []string // local names of the open elements
	sawRoot := false
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if !sawRoot {
				return nil, &Error{File: name, Err: errors.New("no <martif> element: not a TBX 2 file")}
			}
			break
		}
		if err != nil {
			return nil, xmlError(name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(path) == 0 && t.Name.Local != "martif" {
				return nil, &Error{File: name, Line: line, Err: fmt.Errorf("root element <%s>, want <martif> (TBX 2)", t.Name.Local)}
			}
			sawRoot = true
			if t.Name.Local != "termEntry" || strings.Join(path, ">") != "martif>text>body" {
				path = append(path, t.Name.Local)
				continue
			}
			var te tbxEntry
			if err := dec.DecodeElement(&te, &t); err != nil {
				return nil, xmlError(name, line, err)
			}
			e, err := tbxEntryOf(te, line)
			if err != nil {
				return nil, &Error{File: name, Line: line, Err: err}
			}
			out = append(out, e)
		case xml.EndElement:
			path = path[:len(path)-1]
		}
	}
	return checkRead(name, out)
}

// xmlError places err at its own line when it is a syntax error, else at line.
func xmlError(name string, line int, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &Error{File: name, Line: se.Line, Err: errors.New(se.Msg)}
	}
	return &Error{File: name, Line: line, Err: err}
}

// tbxEntryOf reads one termEntry found at line.
func tbxEntryOf(te tbxEntry, line int) (*Entry, error) {
	e := &Entry{Line: line}
	for _, d := range te.Descrips {
		if d.Type == "subjectField" {
			e.Type = strings.TrimSpace(d.Value)
		}
	}
	if len(te.Notes) > 0 {
		e.Note = strings.TrimSpace(strings.Join(te.Notes, "\n"))
	}
	for _, ls := range te.LangSets {
		lang := strings.ToLower(ls.Lang)
		switch {
		case lang == "ar" || strings.HasPrefix(lang, "ar-"):
			for _, d := range ls.Descrips {
				switch {
				case d.Type == "context":
					e.Context = append(e.Context, strings.TrimSpace(d.Value))
				case d.Type == "matching" && strings.TrimSpace(d.Value) == "always":
					e.Always = true
				}
			}
			for _, t := range ls.Tigs {
				term := strings.TrimSpace(t.Term)
				if term == "" {
					continue
				}
				for _, n := range t.TermNotes {
					if n.Type == "transferComment" && (n.Value == doNotTranslate || n.Value == "translate") {
						b := n.Value == "translate"
						e.Translate = &b
					}
				}
				if e.Ar == "" {
					e.Ar = term
				} else {
					e.Variants = append(e.Variants, term)
				}
			}
		case lang == "en" || strings.HasPrefix(lang, "en-"):
			for _, t := range ls.Tigs {
				if e.En == "" {
					e.En = strings.TrimSpace(t.Term)
				}
			}
		}
	}
	if e.Ar == "" {
		id := ""
		if te.ID != "" {
			id = " " + te.ID
		}
		return nil, fmt.Errorf("termEntry%s has no Arabic term", id)
	}
	return e, nil
}
