package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/doc"
	"bitext/internal/textfile"
	"bitext/internal/xmlattr"
)

// Limits that keep a hostile or broken file from taking the machine down.
const (
	maxReadBytes = 64 << 20 // larger files are refused
	maxDepth     = 256      // element nesting deeper than this is refused
)

// File is what the reader found in an XLIFF 1.2 or 2.x file: bitext's
// provenance (when the file still carries it), the groups and the units.
// Its methods only read it, so goroutines may share one.
type File struct {
	Name          string // file name, for messages
	Version       string // "1.2", "2.0" or "2.1"
	Original      string // the article the file claims to come from
	SourceLang    string // 1.2 source-language of the first <file>, 2.x srcLang
	TargetLang    string // 1.2 target-language of the first <file>, 2.x trgLang
	Engine        string // engine of the machine drafts, when recorded
	Created       string // when bitext wrote the file, when recorded
	Tool          string // "bitext <version>", when recorded
	ArticleSHA256 string // SHA-256 of the article text, when recorded
	UnitCount     int    // number of units bitext wrote; 0 when not recorded
	GroupCount    int    // number of groups bitext wrote; 0 when not recorded
	// Groups are the <group> elements in file order; Unit.Group indexes them.
	Groups []Group
	// Units are the units in file order, bitext's and any the editor's tool
	// added.
	Units []Unit
}

// Group is one <group> element.
type Group struct {
	ID         string   // the group's id attribute; "" when it has none
	Kind       doc.Kind // heading, paragraph or boilerplate; paragraph when unknown
	Block      int      // block number in the article; -1 when unknown
	UnitIDs    []string // the units bitext wrote in this group, in order
	Hashes     []string // SourceHash of each of those units' source
	Provenance bool     // the group carries bitext's unit list
	Line       int      // 1-based line of the <group> start tag
}

// Unit is one <trans-unit> (1.2) or <unit> (2.x) as the editor left it.
type Unit struct {
	ID        string // the id attribute, unique in the file
	Line      int    // 1-based line of the unit's start tag
	Group     int    // index into File.Groups; -1 outside any group
	Source    string // text of the source (all segments), inline codes dropped
	Target    string // text of the target (all segments), inline codes dropped
	HasTarget bool   // the unit has a <target>, which may be empty
	Draft     string // the machine draft bitext stored with the unit
	HasDraft  bool   // bitext's draft is there, which may be ""
	DraftFrom string // engine or memory of the draft
	State     string // state attribute of the (first) target or segment
	Approved  bool   // approved="yes", or a final/signed-off/reviewed state, or the CAT tool's own approval
	// Rejected says the CAT tool marks the translation as rejected by a
	// reviewer (Trados RejectedTranslation or RejectedSignOff, memoQ
	// Rejected), whatever the XLIFF state says; such a unit is not approved.
	Rejected bool
	// ToolStatus is the CAT tool's own status of the unit, in its words
	// ("Trados ApprovedSignOff", "memoQ Rejected"), when it recorded one.
	ToolStatus string
	// MissingSegments is the source text of each segment the tool cut the
	// unit into (1.2 <mrk mtype="seg">, 2.x <segment>) whose target is
	// missing or empty while another segment of the unit has one: a
	// translation of part of the sentence.
	MissingSegments []string
	Translate       bool        // false for translate="no"
	Terms           []Term      // glossary terms bitext recorded for the unit
	Flags           []doc.Flag  // bitext's flags on the unit (its "bitext-flag" notes)
	Matches         []doc.Match // translation memory candidates (1.2 alt-trans with a match-quality, 2.x mtc:match with a similarity)
	Notes           []string    // all but bitext's glossary and flag notes, with the comments on the text
	NoteFrom        []string    // author of each of Notes: 1.2 from, 2.x category ("" when not given)
	Segments        int         // number of segments the tool cut the unit into
	InlineTags      int         // inline codes found in the target
	// TargetCodes is the target as XML content with the paired codes the
	// editor's tool put in it (1.2 <g>, 2.x <pc>: formatting around text),
	// when it has any; other inline codes are left out of it as of Target.
	TargetCodes string

	// The rest of the editor's marks, to write them back as they were.
	Qualifier    string // 1.2 state-qualifier of the target, 2.x subState of the (first) segment
	ApprovedAttr bool   // 1.2 approved="yes" itself, whatever the state
	// Attrs are the attributes of the unit element the reader does not
	// read itself (1.2 resname, 2.x name, a CAT tool's own), in the file's
	// order; namespace declarations and xml:space are left out.
	Attrs []xml.Attr
}

// Term is a glossary hit recorded with a unit: the Arabic surface form, what
// the target must contain, and what the glossary says of the name.
type Term struct {
	Source string // the name as the article writes it, clitic included
	Target string // what the target must contain: the English, or the Arabic when kept
	Entry  string // the glossary's own Arabic term; Source when the file does not say
	Type   string // person, place, organisation, media or other; "" when not given
	Note   string // the glossary's note
	Keep   bool   // the name is kept as it is (glossary translate: false)
}

// termTypes are the glossary's types of names (glossary.Types), told apart
// from a note in the text the writers give a term.
var termTypes = map[string]bool{"person": true, "place": true, "organisation": true, "media": true, "other": true}

// keepAsIs is how the writers say a term is kept as it is.
const keepAsIs = "keep as is"

// Error is a problem at a place in a file.
type Error struct {
	File string // the file's name; "" when read without one
	Line int    // 0 when unknown
	Unit string // "" when not about a unit
	Err  error  // what was wrong
}

// Error formats the problem as "file:line: unit id: message", or with
// "line N: " for a file read without a name.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(where(e.File, e.Line))
	if e.Unit != "" {
		fmt.Fprintf(&b, "unit %s: ", e.Unit)
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// where is the "file:line: " prefix of a message: "line N: " for a file
// read without a name, "" when neither is known.
func where(file string, line int) string {
	switch {
	case file == "" && line > 0:
		return fmt.Sprintf("line %d: ", line)
	case file == "":
		return ""
	case line > 0:
		return fmt.Sprintf("%s:%d: ", file, line)
	}
	return file + ": "
}

// ErrNotXLIFF is returned (wrapped) for input that is not an XLIFF document.
var ErrNotXLIFF = errors.New("not an XLIFF file")

// ErrOldXLIFF is returned (wrapped) for XLIFF 1.0 and 1.1 documents.
var ErrOldXLIFF = errors.New("XLIFF version")

type limited struct {
	r io.Reader
	n int64
}

var errTooLarge = fmt.Errorf("larger than %d MiB", maxReadBytes>>20)

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

type reader struct {
	dec  *xml.Decoder
	name string
	f    *File
	ns   string // the XLIFF core namespace of the file
	seen map[string]int
	// termMarks collects, while an XLIFF 2 unit is read, the text of each
	// <mrk type="term"> of its source by id; inSource says a source is read.
	termMarks map[string]string
	inSource  bool
	// segMarks, when set, collects the text of each 1.2 <mrk mtype="seg">
	// the inline call reads, by mid.
	segMarks *segTexts
	// comments collects the editor's comments written on the text itself
	// (1.2 <mrk comment="…">, 2.x <mrk type="comment" value="…">, Trados
	// <mrk mtype="x-sdl-comment">), with the words they are on.
	comments []string
	// sdlComments are Trados's comment threads (<cmt-def> in <doc-info>) by
	// id, which its comment marks name.
	sdlComments map[string]string
	// codes is the content the last inline call read, as XML with its
	// paired codes (<g>, <pc>) kept; "" when it had none.
	codes string
}

// Read parses an XLIFF 1.2, 2.0 or 2.1 file as CAT tools leave it: UTF-8 with
// or without a byte order mark or UTF-16 with one, attributes in any order,
// extra namespaces and metadata, alt-trans and match blocks, segments split
// by the tool, inline tags in targets. It refuses what is not XLIFF,
// malformed XML, units without an id and duplicate unit ids, with an *Error
// naming the line.
func Read(r io.Reader, name string) (*File, error) {
	rd := &reader{name: name, f: &File{Name: name}, seen: map[string]int{}}
	// Windows CAT tools save XLIFF with a byte order mark, or as UTF-16.
	rd.dec = xml.NewDecoder(xmlattr.Limit(textfile.UTF8Reader(&limited{r: r, n: maxReadBytes}), xmlattr.Max))
	// The text is UTF-8 by now, whatever the declaration says (a file turned
	// into UTF-8 may still say UTF-16), as for TMX.
	rd.dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf16", "utf-16le", "utf-16be":
			return in, nil
		}
		return nil, fmt.Errorf("encoding %q: save the file as UTF-8", label)
	}
	for {
		before := rd.line()
		tok, err := rd.token()
		if err == io.EOF {
			return nil, &Error{File: name, Err: fmt.Errorf("%w: no XML element in the file", ErrNotXLIFF)}
		}
		if err != nil {
			var xe *Error
			var ae *xmlattr.Error
			if errors.As(err, &xe) && !errors.Is(err, errTooLarge) && !errors.As(err, &ae) {
				xe.Err = fmt.Errorf("%w: %w", ErrNotXLIFF, xe.Err)
			}
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if cd, isText := tok.(xml.CharData); isText && strings.TrimSpace(string(cd)) != "" {
				// The decoder stands at the end of the text: point at its start.
				lead := len(cd) - len(strings.TrimLeft(string(cd), " \t\r\n"))
				line := before + strings.Count(string(cd[:lead]), "\n")
				return nil, &Error{File: name, Line: line, Err: fmt.Errorf("%w: text before the root element", ErrNotXLIFF)}
			}
			continue
		}
		if se.Name.Local != "xliff" {
			return nil, rd.errf("", "%w: the root element is <%s>", ErrNotXLIFF, se.Name.Local)
		}
		if err := rd.root(se); err != nil {
			return nil, err
		}
		return rd.f, nil
	}
}

// Sniff tells from the start of a file (its first KiB or so, in any encoding
// Read accepts) whether it is an XLIFF document, and its major version, "1"
// or "2", when the root element says it ("" otherwise). Reading the file
// properly is left to Read.
func Sniff(head []byte) (isXLIFF bool, major string) {
	data, _ := io.ReadAll(textfile.UTF8Reader(bytes.NewReader(head))) // a UTF-16 head cut in a character: what was decoded
	root := sniffRoot.FindIndex(data)
	if root == nil {
		return false, ""
	}
	if m := sniffVersion.FindSubmatch(data[root[0]:]); m != nil {
		major = string(m[1])
	}
	return true, major
}

var (
	sniffRoot    = regexp.MustCompile(`<(?:[\w.-]+:)?xliff\b`)
	sniffVersion = regexp.MustCompile(`^<(?:[\w.-]+:)?xliff\b[^>]*?\bversion\s*=\s*["']([12])\.`)
)

func (rd *reader) line() int {
	l, _ := rd.dec.InputPos()
	return l
}

func (rd *reader) errf(unit, format string, args ...any) error {
	return &Error{File: rd.name, Line: rd.line(), Unit: unit, Err: fmt.Errorf(format, args...)}
}

func (rd *reader) token() (xml.Token, error) {
	tok, err := rd.dec.Token()
	if err != nil && err != io.EOF {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, &Error{File: rd.name, Line: se.Line, Err: fmt.Errorf("not well-formed XML: %s", se.Msg)}
		}
		if errors.Is(err, errTooLarge) {
			return nil, &Error{File: rd.name, Err: fmt.Errorf("file is %w", errTooLarge)}
		}
		var ae *xmlattr.Error
		if errors.As(err, &ae) {
			return nil, &Error{File: rd.name, Line: ae.Line, Err: ae}
		}
		return nil, &Error{File: rd.name, Line: rd.line(), Err: err}
	}
	return tok, err
}

// children calls fn for every child element of the current element and skips
// its text; fn must consume the child (children, skip or text).
func (rd *reader) children(depth int, fn func(se xml.StartElement, depth int) error) error {
	if depth > maxDepth {
		return rd.errf("", "elements nested deeper than %d", maxDepth)
	}
	for {
		tok, err := rd.token()
		if err == io.EOF {
			return rd.errf("", "not well-formed XML: unexpected end of file")
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t, depth+1); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// skip consumes the current element.
func (rd *reader) skip(depth int) error {
	return rd.children(depth, func(_ xml.StartElement, d int) error { return rd.skip(d) })
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && (a.Name.Space == "" || a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
			return a.Value
		}
	}
	return ""
}

// core reports whether se is the XLIFF core element local (namespace as the root's, or none).
func (rd *reader) core(se xml.StartElement, local string) bool {
	return se.Name.Local == local && (se.Name.Space == rd.ns || se.Name.Space == "")
}

func (rd *reader) root(se xml.StartElement) error {
	rd.ns = se.Name.Space
	v := attr(se, "version")
	switch {
	case rd.ns == NS12 || (rd.ns == "" && strings.HasPrefix(v, "1.")):
		rd.f.Version = "1.2"
	case rd.ns == NS20 || (rd.ns == "" && strings.HasPrefix(v, "2.")):
		rd.f.Version = v
		if v != "2.0" && v != "2.1" {
			rd.f.Version = "2.1"
		}
		rd.f.SourceLang, rd.f.TargetLang = attr(se, "srcLang"), attr(se, "trgLang")
	case se.Name.Local == "xliff" && (strings.HasPrefix(rd.ns, "urn:oasis:names:tc:xliff:document:1.") || rd.ns == "" && v != ""):
		// 1.0 and 1.1 (Translate Toolkit's po2xliff writes 1.1)
		return rd.errf("", "%w %s, which bitext does not read: it reads XLIFF 1.2 and 2.x; save or export the file as XLIFF 1.2", ErrOldXLIFF, v)
	default:
		return rd.errf("", "%w: unknown namespace %q (version %q)", ErrNotXLIFF, rd.ns, v)
	}
	err := rd.children(1, func(c xml.StartElement, d int) error {
		if c.Name.Space == nsSDL && c.Name.Local == "doc-info" {
			return rd.sdlDocInfo(d)
		}
		if !rd.core(c, "file") {
			return rd.skip(d)
		}
		if rd.f.Original == "" {
			rd.f.Original = attr(c, "original")
		}
		if rd.f.Version == "1.2" {
			if rd.f.SourceLang == "" {
				rd.f.SourceLang = attr(c, "source-language")
			}
			if rd.f.TargetLang == "" {
				rd.f.TargetLang = attr(c, "target-language")
			}
			return rd.file12(d)
		}
		return rd.container2(d, -1)
	})
	if err != nil {
		return err
	}
	return nil
}

// ---- XLIFF 1.2

func (rd *reader) file12(depth int) error {
	tools := map[string]string{}
	mtTool := ""
	return rd.children(depth, func(se xml.StartElement, d int) error {
		switch {
		case rd.core(se, "header"):
			err := rd.walk(d, func(e xml.StartElement) {
				switch e.Name.Local {
				case "phase":
					if attr(e, "phase-name") == "mt" {
						mtTool = attr(e, "tool-id")
					}
				case "tool":
					tools[attr(e, "tool-id")] = attr(e, "tool-name")
					if attr(e, "tool-id") == "bitext" {
						rd.f.Tool = strings.TrimSpace("bitext " + attr(e, "tool-version"))
					}
				case "external-file":
					if crc := attr(e, "crc"); strings.HasPrefix(crc, "sha256-") {
						rd.f.ArticleSHA256 = strings.TrimPrefix(crc, "sha256-")
					}
				}
			}, func(e xml.StartElement, text string) {
				if e.Name.Local == "count" && attr(e, "count-type") == "total" {
					n, _ := strconv.Atoi(strings.TrimSpace(text))
					switch attr(e, "unit") {
					case "trans-unit":
						rd.f.UnitCount = n
					case "paragraph":
						rd.f.GroupCount = n
					}
				}
			})
			if mtTool != "" {
				rd.f.Engine = tools[mtTool]
			}
			return err
		case rd.core(se, "body"):
			return rd.body12(d, -1)
		}
		return rd.skip(d)
	})
}

// walk visits every element below the current one: start for each start tag,
// end with the element's direct text when it closes.
func (rd *reader) walk(depth int, start func(xml.StartElement), end func(xml.StartElement, string)) error {
	var visit func(se xml.StartElement, d int) error
	visit = func(se xml.StartElement, d int) error {
		start(se)
		if d > maxDepth {
			return rd.errf("", "elements nested deeper than %d", maxDepth)
		}
		var text strings.Builder
		for {
			tok, err := rd.token()
			if err == io.EOF {
				return rd.errf("", "not well-formed XML: unexpected end of file")
			}
			if err != nil {
				return err
			}
			switch t := tok.(type) {
			case xml.StartElement:
				if err := visit(t, d+1); err != nil {
					return err
				}
			case xml.CharData:
				text.Write(t)
			case xml.EndElement:
				end(se, text.String())
				return nil
			}
		}
	}
	return rd.children(depth, visit)
}

func (rd *reader) body12(depth, group int) error {
	return rd.children(depth, func(se xml.StartElement, d int) error {
		switch {
		case rd.core(se, "group"):
			g := rd.newGroup(se, attr(se, "extradata"), strings.TrimPrefix(attr(se, "restype"), "x-"))
			return rd.body12(d, g)
		case rd.core(se, "trans-unit"):
			return rd.unit12(se, d, group)
		}
		return rd.skip(d)
	})
}

func (rd *reader) newGroup(se xml.StartElement, meta, kind string) int {
	g := Group{ID: attr(se, "id"), Kind: doc.Paragraph, Block: -1, Line: rd.line()}
	switch doc.Kind(kind) {
	case doc.Heading, doc.Boilerplate:
		g.Kind = doc.Kind(kind)
	}
	if b, ids, hashes, ok := parseGroupMeta(meta); ok {
		g.Block, g.UnitIDs, g.Hashes, g.Provenance = b, ids, hashes, true
	}
	rd.f.Groups = append(rd.f.Groups, g)
	return len(rd.f.Groups) - 1
}

func (rd *reader) newUnit(se xml.StartElement, group int) (*Unit, error) {
	id := attr(se, "id")
	line := rd.line()
	if id == "" {
		return nil, rd.errf("", "<%s> without an id", se.Name.Local)
	}
	if first, dup := rd.seen[id]; dup {
		return nil, rd.errf(id, "duplicate unit id (first at line %d)", first)
	}
	rd.seen[id] = line
	u := &Unit{ID: id, Line: line, Group: group, Translate: attr(se, "translate") != "no"}
	for _, a := range se.Attr {
		switch {
		case a.Name.Space == "xmlns", a.Name.Space == "" && a.Name.Local == "xmlns", a.Name.Space == nsXML:
		case a.Name.Space == "" && (a.Name.Local == "id" || a.Name.Local == "translate" || a.Name.Local == "approved" && rd.f.Version == "1.2"):
		default:
			u.Attrs = append(u.Attrs, a)
		}
	}
	return u, nil
}

func (rd *reader) unit12(se xml.StartElement, depth, group int) error {
	u, err := rd.newUnit(se, group)
	if err != nil {
		return err
	}
	rd.comments = nil
	u.ApprovedAttr = attr(se, "approved") == "yes"
	u.Approved = u.ApprovedAttr
	var tool toolStatus
	for _, a := range se.Attr {
		if a.Name.Space == nsMQ && a.Name.Local == "status" {
			tool.memoQ(a.Value)
		}
	}
	var srcParts, tgtParts []string // joined once at the end: no quadratic concatenation
	var srcSegs, tgtSegs *segTexts  // the text of each <mrk mtype="seg"> of seg-source and target
	firstTarget := 0
	err = rd.children(depth, func(c xml.StartElement, d int) error {
		switch {
		case rd.core(c, "source"):
			s, _, _, err := rd.inline(d)
			srcParts = append(srcParts, s)
			return err
		case rd.core(c, "seg-source"):
			rd.segMarks = newSegTexts(nil)
			_, _, _, err := rd.inline(d)
			srcSegs, rd.segMarks = rd.segMarks, nil
			return err
		case rd.core(c, "target"):
			if u.HasTarget {
				return rd.errf(u.ID, "a second <target> in the unit (the first is at line %d): XLIFF 1.2 allows one; keep the translation and delete the other", firstTarget)
			}
			firstTarget = rd.line()
			rd.segMarks = newSegTexts(srcSegs)
			defer func() { tgtSegs, rd.segMarks = rd.segMarks, nil }()
			st := attr(c, "state")
			u.State, u.Qualifier = st, attr(c, "state-qualifier")
			if st == "final" || st == "signed-off" {
				u.Approved = true
			}
			t, parts, tags, err := rd.inline(d)
			tgtParts = append(tgtParts, t)
			u.TargetCodes = rd.codes
			u.HasTarget = true
			u.Segments += max(parts, 1)
			u.InlineTags += tags
			return err
		case rd.core(c, "alt-trans"):
			ours := attr(c, "tool-id") == "bitext"
			origin := attr(c, "origin")
			score, isMatch := matchScore(attr(c, "match-quality"))
			var m doc.Match
			err := rd.children(d, func(a xml.StartElement, d2 int) error {
				switch {
				case ours && !u.HasDraft && rd.core(a, "target"):
					t, _, _, err := rd.inline(d2)
					u.Draft, u.HasDraft, u.DraftFrom = t, true, origin
					return err
				case !ours && isMatch && rd.core(a, "source"):
					t, _, _, err := rd.inline(d2)
					m.Source = t
					return err
				case !ours && isMatch && rd.core(a, "target"):
					t, _, _, err := rd.inline(d2)
					m.Target = t
					return err
				}
				return rd.skip(d2)
			})
			u.addMatch(m, score, origin)
			return err
		case c.Name.Space == nsSDL && c.Name.Local == "seg-defs":
			return rd.walk(d, func(e xml.StartElement) {
				if e.Name.Space == nsSDL && e.Name.Local == "seg" {
					tool.sdlSegment(e)
				}
			}, func(xml.StartElement, string) {})
		case rd.core(c, "note"):
			t, _, _, err := rd.inline(d)
			switch attr(c, "from") {
			case "glossary":
				if term, ok := parseTermNote(t); ok {
					u.Terms = append(u.Terms, term)
				}
			case "bitext-flag":
				u.addFlag(t)
			default:
				u.Notes = append(u.Notes, t)
				u.NoteFrom = append(u.NoteFrom, attr(c, "from"))
			}
			return err
		}
		return rd.skip(d)
	})
	if err != nil {
		return err
	}
	tool.apply(u)
	rd.takeComments(u)
	u.Source, u.Target = strings.Join(srcParts, ""), strings.Join(tgtParts, "")
	if srcSegs != nil && tgtSegs != nil && len(tgtSegs.order) > 0 && strings.TrimSpace(u.Target) != "" {
		for _, mid := range srcSegs.order {
			if src := strings.TrimSpace(srcSegs.text[mid]); src != "" && strings.TrimSpace(tgtSegs.text[mid]) == "" {
				u.MissingSegments = append(u.MissingSegments, src)
			}
		}
	}
	if len(u.MissingSegments) > 0 {
		u.Approved = false // part of the sentence: not an approved translation of it
	}
	rd.f.Units = append(rd.f.Units, *u)
	return nil
}

// unitFlags are the flags a "bitext-flag" note may name.
var unitFlags = map[doc.Flag]bool{doc.FlagUntranslated: true, doc.FlagGlossaryViolation: true, doc.FlagLowConfidence: true, doc.FlagPlaceholderDamaged: true, doc.FlagNumberMismatch: true}

// addFlag records the flag a "bitext-flag" note names; other text is not
// bitext's and is left out.
func (u *Unit) addFlag(note string) {
	f := doc.Flag(strings.TrimSpace(note))
	if unitFlags[f] && !slices.Contains(u.Flags, f) {
		u.Flags = append(u.Flags, f)
	}
}

// matchScore reads a 1.2 match-quality ("80%", "80") or a 2.x similarity
// ("80.0") as a score from 0 to 1; ok is false when s is not a number.
func matchScore(s string) (score float64, ok bool) {
	q, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%")), 64)
	if err != nil || q != q { // not a number, or NaN
		return 0, false
	}
	return min(max(q/100, 0), 1), true
}

// addMatch records a memory candidate found with the unit, when it has both
// its texts.
func (u *Unit) addMatch(m doc.Match, score float64, origin string) {
	if strings.TrimSpace(m.Source) == "" || strings.TrimSpace(m.Target) == "" {
		return
	}
	m.Score, m.Origin = score, origin
	u.Matches = append(u.Matches, m)
}

// parseTermNote reads "SURFACE (ENTRY) → EXPECTED (keep as is; TYPE; NOTE)"
// as written by termNote; every part in brackets may be absent.
func parseTermNote(s string) (Term, bool) {
	src, rest, ok := strings.Cut(s, " → ")
	if !ok {
		return Term{}, false
	}
	var t Term
	src = strings.TrimSpace(src)
	if strings.HasSuffix(src, ")") {
		if i := strings.LastIndex(src, " ("); i > 0 {
			t.Entry = strings.TrimSpace(src[i+2 : len(src)-1])
			src = strings.TrimSpace(src[:i])
		}
	}
	t.Source = src
	rest = strings.TrimSpace(rest)
	if strings.HasSuffix(rest, ")") {
		if i := extrasStart(rest); i > 0 {
			parts := strings.Split(rest[i+2:len(rest)-1], "; ")
			if parts[0] == keepAsIs {
				t.Keep, parts = true, parts[1:]
			}
			if len(parts) > 0 && termTypes[parts[0]] {
				t.Type, parts = parts[0], parts[1:]
			}
			t.Note = strings.Join(parts, "; ")
			rest = rest[:i]
		}
	}
	t.Target = strings.TrimSpace(rest)
	if t.Entry == "" {
		t.Entry = t.Source
		if t.Keep {
			t.Entry = t.Target
		}
	}
	return t, true
}

// extrasStart returns where the bracketed "(keep as is; TYPE; NOTE)" that
// ends s begins, or -1: the first " (" whose text opens with a keep or a
// type, so that brackets in the English name or in the note stay where they
// are, else the last " (".
func extrasStart(s string) int {
	for i := 0; ; {
		k := strings.Index(s[i:], " (")
		if k < 0 {
			break
		}
		i += k
		first, _, _ := strings.Cut(strings.TrimSuffix(s[i+2:], ")"), "; ")
		if first == keepAsIs || termTypes[first] {
			return i
		}
		i += 2
	}
	return strings.LastIndex(s, " (")
}

// parseTermDefinition reads the "TYPE; NOTE; keep as is" of an XLIFF 2
// glossary entry's definition into t.
func parseTermDefinition(t *Term, def string) {
	parts := strings.Split(strings.TrimSpace(def), "; ")
	if n := len(parts); n > 0 && parts[n-1] == keepAsIs {
		t.Keep, parts = true, parts[:n-1]
	}
	if len(parts) > 0 && termTypes[parts[0]] {
		t.Type, parts = parts[0], parts[1:]
	}
	t.Note = strings.Join(parts, "; ")
}

// inline returns the text of the current source or target element without its
// inline codes, the number of segments it is marked into (1.2 <mrk
// mtype="seg">) and the number of inline codes.
func (rd *reader) inline(depth int) (text string, parts, tags int, err error) {
	var b, mk strings.Builder // mk: the same content as XML, paired codes kept
	codes := false
	var walk func(d int) error
	walk = func(d int) error {
		if d > maxDepth {
			return rd.errf("", "elements nested deeper than %d", maxDepth)
		}
		for {
			tok, err := rd.token()
			if err == io.EOF {
				return rd.errf("", "not well-formed XML: unexpected end of file")
			}
			if err != nil {
				return err
			}
			switch t := tok.(type) {
			case xml.CharData:
				b.Write(t)
				mk.WriteString(escText(string(t), dropRune))
			case xml.EndElement:
				return nil
			case xml.StartElement:
				switch t.Name.Local {
				case "bpt", "ept", "ph", "it", "x", "bx", "ex", "sc", "ec", "sm", "em", "sub":
					// native codes and placeholders: not text
					tags++
					if err := rd.skip(d + 1); err != nil {
						return err
					}
				case "cp":
					n, perr := strconv.ParseUint(attr(t, "hex"), 16, 32)
					if perr == nil && n <= utf8.MaxRune {
						b.WriteRune(rune(n))
						mk.WriteString(escText(string(rune(n)), cpWriter))
					}
					if err := rd.skip(d + 1); err != nil {
						return err
					}
				default: // g, pc, mrk and whatever a tool invents: keep the text
					if t.Name.Local == "mrk" && attr(t, "mtype") == "seg" {
						parts++
					} else if t.Name.Local == "g" || t.Name.Local == "pc" {
						tags++
					}
					isSeg := rd.segMarks != nil && t.Name.Local == "mrk" && attr(t, "mtype") == "seg"
					if isSeg && rd.segMarks.needsSpace(attr(t, "mid"), b.String()) {
						// the source has white space between this segment and the one
						// before; the target has nothing between them
						b.WriteByte(' ')
						mk.WriteByte(' ')
					}
					start := b.Len()
					paired := codeAttrs[t.Name.Local] != nil
					if paired {
						codes = true
						mk.WriteString("<" + t.Name.Local + codeAttributes(t) + ">")
					}
					if err := walk(d + 1); err != nil {
						return err
					}
					if paired {
						mk.WriteString("</" + t.Name.Local + ">")
					}
					if c := rd.markComment(t); c != "" {
						if on := strings.TrimSpace(b.String()[start:]); on != "" {
							c += " (on «" + on + "»)"
						}
						rd.comments = append(rd.comments, c)
					}
					if isSeg {
						rd.segMarks.add(attr(t, "mid"), b.String(), start)
					}
					if rd.inSource && rd.termMarks != nil && t.Name.Local == "mrk" && attr(t, "type") == "term" {
						rd.termMarks[attr(t, "id")] = b.String()[start:]
					}
				}
			}
		}
	}
	err = walk(depth)
	rd.codes = ""
	if codes {
		rd.codes = mk.String()
	}
	return b.String(), parts, tags, err
}

// takeComments gives u the comments read on its text, as notes whose
// author is "comment".
func (rd *reader) takeComments(u *Unit) {
	for _, c := range rd.comments {
		u.Notes = append(u.Notes, c)
		u.NoteFrom = append(u.NoteFrom, "comment")
	}
	rd.comments = nil
}

// markComment returns the comment an editor's tool wrote on an inline <mrk>:
// 1.2 its comment attribute, 2.x the value of a comment annotation (one
// that refers to a note instead is read with the notes), Trados the thread
// its comment mark names.
func (rd *reader) markComment(t xml.StartElement) string {
	if t.Name.Local != "mrk" {
		return ""
	}
	if attr(t, "mtype") == "x-sdl-comment" {
		for _, a := range t.Attr {
			if a.Name.Local == "cid" {
				if c, ok := rd.sdlComments[a.Value]; ok {
					return c
				}
				return "a Trados comment whose text the file does not hold (id " + a.Value + ")"
			}
		}
	}
	if c := strings.TrimSpace(attr(t, "comment")); c != "" {
		return c
	}
	if attr(t, "type") == "comment" {
		return strings.TrimSpace(attr(t, "value"))
	}
	return ""
}

// segTexts is the text of each 1.2 segment (<mrk mtype="seg">) of a
// seg-source or target, by mid, in the order met.
type segTexts struct {
	order []string
	text  map[string]string
	// spaceBefore says, of each segment but the first, whether white space
	// separates it from the one before (in the segment or between them).
	spaceBefore map[string]bool
	end         int       // where the last segment ended in the element's text; -1 before the first
	src         *segTexts // a target's: the segments of the seg-source
}

func newSegTexts(src *segTexts) *segTexts {
	return &segTexts{text: map[string]string{}, spaceBefore: map[string]bool{}, end: -1, src: src}
}

// add records segment mid, the text from start to the end of all (the
// element's text read so far).
func (s *segTexts) add(mid, all string, start int) {
	text := all[start:]
	if _, ok := s.text[mid]; !ok {
		s.order = append(s.order, mid)
	}
	if s.end >= 0 {
		s.spaceBefore[mid] = strings.ContainsFunc(all[s.end:start], unicode.IsSpace) || endsSpace(all[:s.end]) || startsSpace(text)
	}
	s.text[mid] += text
	s.end = len(all)
}

// needsSpace reports whether target segment mid, starting after text, must
// be set apart from the segment before it by a space: the seg-source has
// white space between them, and the target nothing at all.
func (s *segTexts) needsSpace(mid, text string) bool {
	return s.src != nil && s.end >= 0 && s.end == len(text) && text != "" && !endsSpace(text) && s.src.spaceBefore[mid]
}

// ---- XLIFF 2.x

// slot is the target content of one segment or ignorable of a 2.x unit.
type slot struct {
	text, code string // the target's text, and as XML with its paired codes
	src        string // the source's text
	segment    bool   // a segment with a target, not an ignorable
	order      int    // the target's order attribute; 0 when it has none
	line       int
}

// spaceBetweenSegments puts a space between the targets of two segments
// that follow each other, in the order of their sources, when the sources
// have white space between them and the targets none: a tool that cut a
// sentence in two and left the space in the first segment's source, not in
// an ignorable, would otherwise run two words of the English together.
func spaceBetweenSegments(slots []slot) {
	for _, sl := range slots {
		if sl.order != 0 {
			return // reordered: the targets' neighbours are not the sources'
		}
	}
	for i := 1; i < len(slots); i++ {
		a, b := &slots[i-1], &slots[i]
		if !a.segment || !b.segment || a.text == "" || b.text == "" {
			continue
		}
		srcSpace := endsSpace(a.src) || startsSpace(b.src)
		if srcSpace && !endsSpace(a.text) && !startsSpace(b.text) {
			b.text, b.code = " "+b.text, " "+b.code
		}
	}
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

// targetOrder puts the targets of a unit's segments and ignorables where
// their order attributes say (a tool that reorders sentences within a unit
// writes order="2" on the target that comes second), the others staying at
// their own place; it refuses orders that are not a rearrangement of the
// unit's places, giving the line of the target at fault.
func targetOrder(slots []slot) ([]slot, int, error) {
	out := make([]slot, len(slots))
	taken := make([]bool, len(slots))
	for i, sl := range slots {
		pos := i + 1
		if sl.order != 0 {
			pos = sl.order
		}
		if pos > len(slots) {
			return nil, sl.line, fmt.Errorf("target order=\"%d\", but the unit has %d segments and ignorables", sl.order, len(slots))
		}
		if taken[pos-1] {
			return nil, sl.line, fmt.Errorf("target order=\"%d\" takes the place of another target of the unit", pos)
		}
		taken[pos-1] = true
		out[pos-1] = sl
	}
	return out, 0, nil
}

// container2 reads the children of a <file> or <group>.
func (rd *reader) container2(depth, group int) error {
	return rd.children(depth, func(se xml.StartElement, d int) error {
		switch {
		case se.Name.Space == nsMDA && se.Name.Local == "metadata":
			meta, err := rd.metadata(d)
			if err != nil {
				return err
			}
			if group < 0 {
				rd.f.Tool, rd.f.Created, rd.f.Engine = meta["tool"], meta["created"], meta["engine"]
				rd.f.ArticleSHA256 = meta["article-sha256"]
				rd.f.UnitCount, _ = strconv.Atoi(meta["units"])
				rd.f.GroupCount, _ = strconv.Atoi(meta["groups"])
			} else if b, ids, hashes, ok := parseGroupMeta(meta["provenance"]); ok {
				g := &rd.f.Groups[group]
				g.Block, g.UnitIDs, g.Hashes, g.Provenance = b, ids, hashes, true
			}
			return nil
		case rd.core(se, "group"):
			g := rd.newGroup(se, "", strings.TrimPrefix(attr(se, "type"), "bitext:"))
			return rd.container2(d, g)
		case rd.core(se, "unit"):
			return rd.unit2(se, d, group)
		}
		return rd.skip(d)
	})
}

func (rd *reader) metadata(depth int) (map[string]string, error) {
	meta := map[string]string{}
	err := rd.walk(depth, func(xml.StartElement) {}, func(e xml.StartElement, text string) {
		if e.Name.Local == "meta" && attr(e, "type") != "" {
			meta[attr(e, "type")] = text
		}
	})
	return meta, err
}

func (rd *reader) unit2(se xml.StartElement, depth, group int) error {
	u, err := rd.newUnit(se, group)
	if err != nil {
		return err
	}
	rd.comments = nil
	approvedAll := true
	var srcParts, tgtParts []string // joined once at the end: no quadratic concatenation
	var codeParts []string          // the target as XML, paired codes kept
	var slots []slot                // each segment's and ignorable's target, in document order
	var missing []string            // the source of each segment without a translation
	hasCodes := false
	// each glossary entry refers to the <mrk> that holds the article's spelling
	var termRefs []string
	rd.termMarks = map[string]string{}
	defer func() { rd.termMarks = nil }()
	err = rd.children(depth, func(c xml.StartElement, d int) error {
		switch {
		case c.Name.Space == nsMTC && c.Name.Local == "matches":
			return rd.children(d, func(m xml.StartElement, d2 int) error {
				ours := m.Name.Local == "match" && attr(m, "subType") == "bitext:draft"
				origin := attr(m, "origin")
				score, isMatch := matchScore(attr(m, "similarity"))
				isMatch = isMatch && m.Name.Local == "match" && !ours
				var mt doc.Match
				err := rd.children(d2, func(x xml.StartElement, d3 int) error {
					switch {
					case ours && !u.HasDraft && rd.core(x, "target"):
						t, _, _, err := rd.inline(d3)
						u.Draft, u.HasDraft, u.DraftFrom = t, true, origin
						return err
					case isMatch && rd.core(x, "source"):
						t, _, _, err := rd.inline(d3)
						mt.Source = t
						return err
					case isMatch && rd.core(x, "target"):
						t, _, _, err := rd.inline(d3)
						mt.Target = t
						return err
					}
					return rd.skip(d3)
				})
				if isMatch {
					u.addMatch(mt, score, origin)
				}
				return err
			})
		case c.Name.Space == nsGLS && c.Name.Local == "glossary":
			return rd.children(d, func(e xml.StartElement, d2 int) error {
				var term Term
				err := rd.walk(d2, func(xml.StartElement) {}, func(x xml.StartElement, text string) {
					switch x.Name.Local {
					case "term":
						term.Entry = strings.TrimSpace(text)
					case "translation":
						if term.Target == "" {
							term.Target = strings.TrimSpace(text)
						}
					case "definition":
						parseTermDefinition(&term, text)
					}
				})
				if term.Entry != "" && term.Target != "" {
					u.Terms = append(u.Terms, term)
					termRefs = append(termRefs, attr(e, "ref"))
				}
				return err
			})
		case rd.core(c, "notes"):
			return rd.children(d, func(n xml.StartElement, d2 int) error {
				t, _, _, err := rd.inline(d2)
				switch {
				case !rd.core(n, "note"):
				case attr(n, "category") == "bitext-flag":
					u.addFlag(t)
				default:
					u.Notes = append(u.Notes, t)
					u.NoteFrom = append(u.NoteFrom, attr(n, "category"))
				}
				return err
			})
		case rd.core(c, "segment"), rd.core(c, "ignorable"):
			seg := rd.core(c, "segment")
			st := attr(c, "state")
			if seg {
				u.Segments++
				if u.Segments == 1 {
					u.State, u.Qualifier = st, attr(c, "subState")
				}
				if st != "reviewed" && st != "final" {
					approvedAll = false
				}
			}
			var src, tgt, tgtCodes []string
			hasTgt := false
			sl := slot{line: rd.line()}
			err := rd.children(d, func(x xml.StartElement, d2 int) error {
				switch {
				case rd.core(x, "source"):
					rd.inSource = true
					t, _, _, err := rd.inline(d2)
					rd.inSource = false
					src = append(src, t)
					return err
				case rd.core(x, "target"):
					if hasTgt {
						return rd.errf(u.ID, "a second <target> in segment %q (the first is at line %d): XLIFF 2 allows one; keep the translation and delete the other", attr(c, "id"), sl.line)
					}
					sl.line = rd.line()
					if o := attr(x, "order"); o != "" {
						n, err := strconv.Atoi(strings.TrimSpace(o))
						if err != nil || n < 1 {
							return rd.errf(u.ID, "target order=%q is not a position in the unit (1, 2, …)", o)
						}
						sl.order = n
					}
					t, _, tags, err := rd.inline(d2)
					tgt = append(tgt, t)
					if rd.codes != "" {
						hasCodes = true
						tgtCodes = append(tgtCodes, rd.codes)
					} else {
						tgtCodes = append(tgtCodes, escText(t, cpWriter))
					}
					hasTgt = true
					u.InlineTags += tags
					return err
				}
				return rd.skip(d2)
			})
			srcParts = append(srcParts, src...)
			if s := strings.TrimSpace(strings.Join(src, "")); seg && s != "" && strings.TrimSpace(strings.Join(tgt, "")) == "" {
				missing = append(missing, s)
			}
			switch {
			case hasTgt:
				sl.text, sl.code = strings.Join(tgt, ""), strings.Join(tgtCodes, "")
				if seg {
					u.HasTarget = true
				}
			case !seg:
				sl.text = strings.Join(src, "") // an ignorable without target stands for itself
				for _, t := range src {
					sl.code += escText(t, cpWriter)
				}
			}
			sl.src, sl.segment = strings.Join(src, ""), seg && hasTgt
			slots = append(slots, sl)
			return err
		}
		return rd.skip(d)
	})
	if err != nil {
		return err
	}
	u.Approved = u.Segments > 0 && approvedAll
	rd.takeComments(u)
	ordered, line, err := targetOrder(slots)
	if err != nil {
		return &Error{File: rd.name, Line: line, Unit: u.ID, Err: err}
	}
	spaceBetweenSegments(ordered)
	for _, sl := range ordered {
		tgtParts = append(tgtParts, sl.text)
		codeParts = append(codeParts, sl.code)
	}
	u.Source, u.Target = strings.Join(srcParts, ""), strings.Join(tgtParts, "")
	if strings.TrimSpace(u.Target) != "" && len(missing) > 0 {
		u.MissingSegments, u.Approved = missing, false // part of the sentence: not an approved translation of it
	}
	if hasCodes {
		u.TargetCodes = strings.Join(codeParts, "")
	}
	for k := range u.Terms {
		t := &u.Terms[k]
		ref := strings.TrimPrefix(termRefs[k], "#")
		if i := strings.LastIndexByte(ref, '/'); i >= 0 {
			ref = ref[i+1:]
		}
		t.Source = rd.termMarks[ref]
		if t.Source == "" {
			t.Source = t.Entry
		}
	}
	rd.f.Units = append(rd.f.Units, *u)
	return nil
}
