// Package tmx reads and writes translation memories in TMX 1.4b, the exchange
// format every CAT tool imports and exports.
//
// A TMX file is a header and a list of translation units (<tu>), each holding
// one variant (<tuv>) per language. The reader streams units one at a time so
// that memories of millions of units need not fit in memory; Read and Write are
// the whole-file conveniences.
//
// Segment text is kept as plain text: the character data of <seg> and of any
// <hi> inside it. Inline codes (<bpt>, <ept>, <it>, <ph>, <ut>) hold native
// markup of the original document, not text, and are dropped on reading; one
// that stands for a line break (type "lb", <br>) leaves a space, so that the
// words on either side stay apart.
package tmx

import (
	"errors"
	"fmt"
	"time"
)

// DateFormat is the TMX date format (ISO 8601 basic, UTC).
const DateFormat = "20060102T150405Z"

// Prop is a tool-specific property: <prop type="...">value</prop>.
type Prop struct {
	Type  string // what the property is, in the tool's own terms, e.g. "x-alignment-confidence"
	Lang  string // xml:lang, usually empty
	Value string // the element's text
}

// Note is a comment: <note>text</note>.
type Note struct {
	Lang string // xml:lang, usually empty
	Text string // the comment, as plain text
}

// Header describes the file and the tool that wrote it.
type Header struct {
	CreationTool        string    // the tool that wrote the file; NewWriter's default "bitext"
	CreationToolVersion string    // its version
	SegType             string    // block, paragraph, sentence or phrase
	OTMF                string    // format of the original translation memory
	AdminLang           string    // language of the notes and properties; NewWriter's default "en"
	SrcLang             string    // source language of every unit, or "*all*"
	DataType            string    // format of the text, e.g. "plaintext"
	CreationDate        time.Time // zero when the file does not say
	CreationID          string    // who created the file; "" when not said
	ChangeDate          time.Time // last change; zero when the file does not say
	ChangeID            string    // who made the last change; "" when not said
	Props               []Prop    // the header's <prop> elements, in file order
	Notes               []Note    // the header's <note> elements, in file order
}

// Variant is the text of a unit in one language (<tuv>).
type Variant struct {
	Lang         string    // xml:lang of the <tuv>, e.g. "ar", as the file writes it
	Text         string    // the <seg> as plain text, inline codes dropped (see the package comment)
	CreationDate time.Time // zero when the file does not say
	CreationID   string    // who created the variant; "" when not said
	ChangeDate   time.Time // last change; zero when the file does not say
	ChangeID     string    // who made the last change; "" when not said
	Props        []Prop    // the variant's <prop> elements, in file order
	Notes        []Note    // the variant's <note> elements, in file order
}

// Unit is one translation unit (<tu>): the same text in several languages.
type Unit struct {
	ID           string    // tuid
	SrcLang      string    // empty: the header's
	CreationDate time.Time // zero when the file does not say
	CreationID   string    // who created the unit; "" when not said
	ChangeDate   time.Time // last change; zero when the file does not say
	ChangeID     string    // who made the last change; "" when not said
	UsageCount   int       // how many times a tool has reused the unit; 0 when not said
	LastUsage    time.Time // lastusagedate; zero when the file does not say
	Props        []Prop    // the unit's <prop> elements, in file order
	Notes        []Note    // the unit's <note> elements, in file order
	Variants     []Variant // its <tuv> elements, in file order
}

// Variant returns the unit's variant in lang (compared case-insensitively), or nil.
func (u *Unit) Variant(lang string) *Variant {
	for i := range u.Variants {
		if sameLang(u.Variants[i].Lang, lang) {
			return &u.Variants[i]
		}
	}
	return nil
}

// Prop returns the value of the unit's first property of type typ, or "".
func (u *Unit) Prop(typ string) string {
	for _, p := range u.Props {
		if p.Type == typ {
			return p.Value
		}
	}
	return ""
}

// Document is a whole TMX file.
type Document struct {
	Version string // "1.4" when written by this package
	Header  Header // the <header> element
	Units   []Unit // the <tu> elements, in file order
}

// ParseError is a problem in a TMX file, with the position where it was found.
type ParseError struct {
	Line int    // 1-based line in the file
	Col  int    // 1-based column in the line, counted in bytes
	Unit string // tuid of the unit being read, when known
	Err  error  // what was wrong
}

// Error says "line:col: tu "id": problem", without the tu when the unit is
// not known.
func (e *ParseError) Error() string {
	loc := fmt.Sprintf("%d:%d", e.Line, e.Col)
	if e.Unit != "" {
		return fmt.Sprintf("%s: tu %q: %v", loc, e.Unit, e.Err)
	}
	return fmt.Sprintf("%s: %v", loc, e.Err)
}

// Unwrap returns Err, so that errors.Is sees io.ErrUnexpectedEOF and the like.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrNotTMX reports a file whose root element is not <tmx>.
var ErrNotTMX = errors.New("not a TMX file (root element is not <tmx>)")

func sameLang(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x == '_' {
			x = '-'
		}
		if y == '_' {
			y = '-'
		}
		if x != y {
			return false
		}
	}
	return true
}

// SameLang reports whether two language tags name the same language,
// ignoring case and treating "_" as "-" (en_US = en-us).
func SameLang(a, b string) bool { return sameLang(a, b) }

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{DateFormat, "20060102T150405", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q (want YYYYMMDDThhmmssZ)", s)
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(DateFormat)
}

// The properties bitext writes on a unit, in every TMX it writes, so that a
// memory import restores them.
const (
	PropArticle = "x-bitext-article" // the article the pair comes from
	PropState   = "x-bitext-state"   // the unit's state: final, reviewed, machine, memory …
)
