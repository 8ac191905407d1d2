// Package doc is the document model that travels through the whole bitext flow:
// a source text cut into blocks and segments, and the bilingual units that pair
// source segments with their translation.
//
// Every stage reads and writes these types; none re-segments or re-matches on its own.
package doc

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Kind says what a block is.
type Kind string

// Block kinds.
const (
	Heading     Kind = "heading"
	Paragraph   Kind = "paragraph"
	Boilerplate Kind = "boilerplate" // web furniture around an article: kept, shown, never translated
)

// Segment is one sentence (or sentence-like piece) of a block: the bytes
// Source[Start:End] of its document.
type Segment struct {
	Start int    `json:"start"` // byte offset of the segment's first byte in Document.Source
	End   int    `json:"end"`   // byte offset just past its last byte
	Text  string `json:"text"`  // Source[Start:End], kept so that a reader needs no Source
}

// Block is a heading, paragraph or boilerplate line group, made of segments.
// Start and End delimit the block's text in the source, without surrounding blank lines.
type Block struct {
	Kind     Kind      `json:"kind"`     // heading, paragraph or boilerplate
	Start    int       `json:"start"`    // byte offset in Document.Source
	End      int       `json:"end"`      // byte offset just past the block
	Segments []Segment `json:"segments"` // the block's sentences, in source order, inside Start:End
	// Wrapped marks a paragraph wrapped at a fixed width: its line breaks
	// are spaces, and a sentence may run across them.
	Wrapped bool `json:"wrapped,omitempty"`
}

// Document is a source text and its segmentation.
type Document struct {
	Name   string  `json:"name,omitempty"` // file name, used in error messages
	Lang   string  `json:"lang"`           // BCP 47 language tag, e.g. "ar"
	Source string  `json:"-"`              // the text as read; all offsets point into it
	Blocks []Block `json:"blocks"`         // in source order, not overlapping
}

// Text returns the source text of block i.
func (d *Document) Text(i int) string {
	b := d.Blocks[i]
	return d.Source[b.Start:b.End]
}

// SegmentCount returns the number of segments in all blocks.
func (d *Document) SegmentCount() int {
	n := 0
	for _, b := range d.Blocks {
		n += len(b.Segments)
	}
	return n
}

// Position converts a byte offset in Source into a 1-based line and column
// (column counted in characters, a leading byte order mark not counted, as
// editors do not show it), for messages that point an editor at the text.
func (d *Document) Position(offset int) (line, col int) {
	if offset > len(d.Source) {
		offset = len(d.Source)
	}
	before := d.Source[:offset]
	line = strings.Count(before, "\n") + 1
	lineStart := strings.LastIndexByte(before, '\n') + 1
	if lineStart == 0 {
		before = strings.TrimPrefix(before, "\uFEFF")
	}
	col = utf8.RuneCountInString(before[lineStart:]) + 1
	return line, col
}

// Lines indexes the line starts of a document's source, so that the
// positions of many offsets cost a binary search each instead of a scan of
// everything before them, which made a long article's positions quadratic.
type Lines struct {
	source string
	starts []int // byte offsets where lines 2, 3, … begin
}

// Lines returns the line index of d's source; build it once for many calls
// of Position.
func (d *Document) Lines() *Lines {
	l := &Lines{source: d.Source}
	for i := 0; ; {
		j := strings.IndexByte(d.Source[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		l.starts = append(l.starts, i)
	}
	return l
}

// Position is Document.Position, answered from the index.
func (l *Lines) Position(offset int) (line, col int) {
	if offset > len(l.source) {
		offset = len(l.source)
	}
	// Lines that start at or before offset, after the first.
	n := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset })
	lineStart := 0
	if n > 0 {
		lineStart = l.starts[n-1]
	}
	before := l.source[lineStart:offset]
	if n == 0 {
		before = strings.TrimPrefix(before, "\uFEFF")
	}
	return n + 1, utf8.RuneCountInString(before) + 1
}

// Validate checks the invariants every stage relies on: blocks and segments in
// order, inside the source, segments inside their block, and Text matching the
// source bytes.
func (d *Document) Validate() error {
	prev := 0
	for i, b := range d.Blocks {
		if b.Start < prev || b.End < b.Start || b.End > len(d.Source) {
			return fmt.Errorf("block %d: range %d-%d out of order or outside the source", i, b.Start, b.End)
		}
		prev = b.End
		segPrev := b.Start
		for j, s := range b.Segments {
			if s.Start < segPrev || s.End < s.Start || s.End > b.End {
				return fmt.Errorf("block %d segment %d: range %d-%d outside its block %d-%d", i, j, s.Start, s.End, b.Start, b.End)
			}
			if d.Source[s.Start:s.End] != s.Text {
				return fmt.Errorf("block %d segment %d: text does not match the source at %d-%d", i, j, s.Start, s.End)
			}
			segPrev = s.End
		}
	}
	return nil
}

// State says where a unit's target text came from and how far it has been checked.
type State string

// Unit states, in the order a unit normally passes through them.
const (
	StateNew      State = "new"      // no target yet: needs a translator
	StateGist     State = "gist"     // a word-by-word gloss, never publishable as a translation
	StateMachine  State = "machine"  // machine translation, not reviewed
	StateMemory   State = "memory"   // reused from the translation memory
	StateReviewed State = "reviewed" // an editor has reviewed it
	StateFinal    State = "final"    // approved for publication
)

// GistNote is the note on every unit whose target is a word-by-word gist; a
// reviewed file that lost the gist's draft still says so with it.
const GistNote = "word-by-word gist, not a translation"

// Notes an update adds to a unit whose sentence was edited since the
// reviewed file: how the Arabic changed, and the translation it had. The
// review reads them back to point the editor to these units.
const (
	NoteSourceChanged  = "source changed: "
	NotePreviousTarget = "previous target: "
)

// TermHit is one glossary match in the source text. A hit read back from
// a file that does not record where it was (XLIFF) has no offsets: End is
// 0, which a placed hit never has (its surface is not empty), and the JSON
// leaves start, end and stem_start out rather than say 0.
type TermHit struct {
	Start       int    `json:"start"`                  // byte offset of the surface form in Document.Source
	End         int    `json:"end"`                    // byte offset just past it
	StemStart   int    `json:"stem_start"`             // where the glossary term itself begins (after any clitic)
	Surface     string `json:"surface"`                // Source[Start:End]
	Clitic      string `json:"clitic,omitempty"`       // proclitic glued to the term, e.g. "و" in وبوتين
	Ar          string `json:"ar"`                     // the glossary entry's Arabic term
	En          string `json:"en"`                     // the glossary entry's English rendering
	Type        string `json:"type,omitempty"`         // person, place, organisation, media, other
	Note        string `json:"note,omitempty"`         // the glossary entry's note
	NoTranslate bool   `json:"no_translate,omitempty"` // keep the term as it is (glossary translate: false)
}

// Placed reports whether h has its offsets in the article.
func (h TermHit) Placed() bool { return h.End > 0 }

// MarshalJSON writes h with its offsets, or without them when it has none
// (see Placed): 0 is a real offset, and would point at the wrong text.
func (h TermHit) MarshalJSON() ([]byte, error) {
	type plain TermHit // without this method
	var v any = plain(h)
	if !h.Placed() {
		v = struct {
			plain
			// shadow the offsets, so that they are left out
			Start     int `json:"start,omitempty"`
			End       int `json:"end,omitempty"`
			StemStart int `json:"stem_start,omitempty"`
		}{plain: plain(h)}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // as WriteJSON
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Flag names a reason for an editor to look at a unit.
type Flag string

// Unit flags.
const (
	FlagUntranslated       Flag = "untranslated"        // no target text
	FlagGlossaryViolation  Flag = "glossary-violation"  // a source term's English rendering is missing from the target
	FlagLowConfidence      Flag = "low-confidence"      // the sentence alignment is uncertain
	FlagPlaceholderDamaged Flag = "placeholder-damaged" // the engine lost or duplicated a protected span
	FlagNumberMismatch     Flag = "number-mismatch"     // the target lacks a number of the source, or has one the source lacks
)

// Unit is one aligned pair: one or more source segments and the target text
// that translates them.
type Unit struct {
	ID         string    `json:"id"`                   // unique in the bitext, unchanged by edits to other paragraphs (translate.AssignIDs)
	Block      int       `json:"block"`                // 0-based block number in the source document
	Kind       Kind      `json:"kind"`                 // the kind of its block
	Source     string    `json:"source"`               // the text of its segments, joined by a space
	Target     string    `json:"target"`               // the translation; "" when there is none yet (see FlagUntranslated)
	State      State     `json:"state"`                // where Target came from and how far it has been checked
	Origin     string    `json:"origin,omitempty"`     // engine or memory that produced Target
	Segments   []int     `json:"segments,omitempty"`   // indexes of the source segments within the block
	Terms      []TermHit `json:"terms"`                // glossary hits inside the unit's segments, offsets into Document.Source
	Notes      []string  `json:"notes,omitempty"`      // for the translator: glossary renderings, violations, engine trouble
	Flags      []Flag    `json:"flags,omitempty"`      // reasons for an editor to look at the unit, each once
	Confidence float64   `json:"confidence,omitempty"` // alignment confidence in [0,1]; 0 when not aligned
	Matches    []Match   `json:"matches,omitempty"`    // translation memory candidates, best first
	// XLIFF is how the editor's XLIFF file marked the unit, for a unit
	// carried over from it unchanged; nil otherwise.
	XLIFF *XLIFFMarks `json:"xliff,omitempty"`
}

// XLIFFMarks are the state and approval an editor's XLIFF file gave a unit,
// in that file's own terms, so that a unit carried over unchanged is written
// back as the editor left it: State alone cannot say signed-off, nor
// approved apart from the state.
type XLIFFMarks struct {
	Version   string `json:"version"`             // of the file they come from: "1.2", "2.0" or "2.1"
	State     string `json:"state,omitempty"`     // 1.2 state of the <target>, 2.x state of the (first) <segment>
	Qualifier string `json:"qualifier,omitempty"` // 1.2 state-qualifier, 2.x subState
	Approved  bool   `json:"approved,omitempty"`  // 1.2 approved="yes" (2.x says approval in the state)
	// Notes are the file's notes that are not bitext's own (an editor's,
	// a CAT tool's), with their author, to be written back as they were.
	Notes []XLIFFNote `json:"notes,omitempty"`
	// Draft is the machine draft the file kept for the unit (1.2 alt-trans,
	// 2.x mtc:match), and DraftOrigin the engine or memory it came from, so
	// that a review still compares the editor's target with it.
	Draft       string `json:"draft,omitempty"`
	DraftOrigin string `json:"draft_origin,omitempty"` // engine or memory that made Draft
	HasDraft    bool   `json:"has_draft,omitempty"`    // the file kept a draft, which may be ""
	// TargetCodes is the target as the file's XML content with the paired
	// inline codes (1.2 <g>, 2.x <pc>) the editor's tool put in it, when it
	// has any; a file of the same XLIFF version is written with them again.
	TargetCodes string `json:"target_codes,omitempty"`
	// Attrs are the other attributes the editor's file gave the unit element
	// (1.2 resname, 2.x name, a CAT tool's own), in the file's order, to be
	// written back where the XLIFF version allows them.
	Attrs []XLIFFAttr `json:"attrs,omitempty"`
}

// XLIFFAttr is an attribute of a unit element in an editor's XLIFF file.
type XLIFFAttr struct {
	Space string `json:"space,omitempty"` // namespace URI; "" for none
	Name  string `json:"name"`            // local name
	Value string `json:"value"`           // as the file gave it, unescaped
}

// XLIFFNote is a note of an editor's XLIFF file and who wrote it.
type XLIFFNote struct {
	Text string `json:"text"`           // the note's plain text
	From string `json:"from,omitempty"` // 1.2 from, 2.x category; "" when not given
}

// Match is a translation memory candidate for a unit: a similar source
// translated before, offered to the editor (XLIFF 1.2 alt-trans, 2.x matches).
type Match struct {
	Source string  `json:"source"`           // the memory's source text
	Target string  `json:"target"`           // its approved translation
	Score  float64 `json:"score"`            // similarity of the sources in [0,1]
	Origin string  `json:"origin,omitempty"` // where it came from, e.g. "memory:article.txt"
	Diff   string  `json:"diff,omitempty"`   // how the unit's source differs: [-removed-] {+added+}
}

// HasFlag reports whether u carries flag f.
func (u *Unit) HasFlag(f Flag) bool {
	for _, g := range u.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// AddFlag adds f once.
func (u *Unit) AddFlag(f Flag) {
	if !u.HasFlag(f) {
		u.Flags = append(u.Flags, f)
	}
}

// Bitext is a translated or aligned document: the source and its units in document order.
type Bitext struct {
	SourceLang string `json:"source_lang"`      // BCP 47 tag of the source, e.g. "ar"
	TargetLang string `json:"target_lang"`      // BCP 47 tag of the translation, e.g. "en"
	Name       string `json:"name,omitempty"`   // source file name
	Engine     string `json:"engine,omitempty"` // engine that produced the machine targets
	// ArticleSHA256 is the SHA-256 of the article the units were made
	// from, as recorded by a file written earlier (JSON, XLIFF), for a
	// bitext read back without its Source; see ArticleSum.
	ArticleSHA256 string    `json:"article_sha256,omitempty"`
	Source        *Document `json:"-"`     // the segmented article; nil for a bitext read back from a file
	Units         []Unit    `json:"units"` // in document order
}

// ArticleHash is the SHA-256 (hex) of an article's text, as the files bitext
// writes record it, so that a file can be checked against its article later.
func ArticleHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// ArticleSum is the SHA-256 of the article b was made from: of its Source
// when b has one, else the one recorded in ArticleSHA256; "" when unknown.
func (b *Bitext) ArticleSum() string {
	if b.Source != nil {
		return ArticleHash(b.Source.Source)
	}
	return b.ArticleSHA256
}
