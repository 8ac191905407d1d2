// Package segment cuts a text into blocks (headings, paragraphs, boilerplate)
// and sentences, keeping every piece's byte range in the original text.
//
// Blocks are separated by blank lines; every line break ends a segment. Inside
// a line, sentences are found by SRX rules: the built-in rules for Arabic and
// English (DefaultRules, exportable with WriteSRX so that a CAT tool segments
// the same way) or rules loaded with ParseSRX. Before the rules run, the text
// is normalised (BOM, line ends, spaces, invisible characters, NFC) on a copy;
// offsets always point into the original text.
package segment

import (
	"bytes"
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/doc"
)

//go:embed rules/default.srx
var defaultSRX []byte

// builtin is the compiled built-in rule set; it is never modified.
var builtin = mustParseDefault()

func mustParseDefault() *Rules {
	rs, err := ParseSRX("rules/default.srx", bytes.NewReader(defaultSRX))
	if err != nil {
		panic("segment: built-in rules: " + err.Error())
	}
	return rs
}

// DefaultRules returns the built-in rules (a fresh copy the caller may change
// before writing it; the segmenter's own set stays as it is).
func DefaultRules() *Rules {
	rs, err := ParseSRX("default.srx", bytes.NewReader(defaultSRX))
	if err != nil {
		panic("segment: built-in rules: " + err.Error())
	}
	return rs
}

// Options says how to segment. The zero value segments Arabic with the built-in rules.
type Options struct {
	Lang  string // language code ("ar", "en", "ar-EG"...); "" means "ar"
	Rules *Rules // nil: the built-in rules
}

func (o Options) lang() string {
	if o.Lang == "" {
		return "ar"
	}
	return o.Lang
}

func (o Options) splitter() splitters {
	rs := o.Rules
	if rs == nil {
		rs = builtin
	}
	sp := splitters{main: rs.splitterFor(o.lang())}
	// Rules given by the user apply as SRX says: one set for the whole text.
	if l := strings.ToLower(o.lang()); o.Rules == nil && (l == "ar" || strings.HasPrefix(l, "ar-") || strings.HasPrefix(l, "ar_")) {
		sp.latin = builtin.splitterFor("en")
	}
	return sp
}

// splitters holds the splitter of the text's language and, for an Arabic
// text cut by the built-in rules, the English one: a line in Latin letters only (an English quotation,
// a reference) is English, and Arabic rules would cut it at "she asked" and
// keep "the U.S. The talks" together.
type splitters struct {
	main, latin *splitter
}

// forLine returns the splitter for one line (or wrapped paragraph) of text.
func (sp splitters) forLine(line string) *splitter {
	if sp.latin == nil {
		return sp.main
	}
	latin := false
	for _, r := range line {
		switch {
		case r < 'A':
		case r <= 'z':
			latin = latin || 'a' <= r || r <= 'Z'
		case unicode.Is(unicode.Arabic, r):
			return sp.main
		case !latin && unicode.Is(unicode.Latin, r):
			latin = true
		}
	}
	if latin {
		return sp.latin
	}
	return sp.main
}

// Split segments src, a text in language lang ("ar" or "en"), into a document
// with the built-in rules.
func Split(name, src, lang string) *doc.Document {
	return SplitWith(name, src, Options{Lang: lang})
}

// SplitWith segments src into a document: blocks separated by blank lines,
// classified as headings, paragraphs or boilerplate, each cut into sentences.
func SplitWith(name, src string, opt Options) *doc.Document {
	d := &doc.Document{Name: name, Lang: opt.lang(), Source: src}
	nt := normalize(src)
	sp := opt.splitter()
	var lines []lineInfo
	var brk []int
	for _, br := range blockRanges(nt.s) {
		lines = blockLines(lines[:0], nt.s, br[0], br[1])
		for i := 0; i < len(lines); {
			// Boilerplate lines and content lines form separate blocks.
			j := i + 1
			for j < len(lines) && lines[j].boiler == lines[i].boiler {
				j++
			}
			b := doc.Block{Kind: doc.Paragraph}
			switch {
			case lines[i].boiler:
				b.Kind = doc.Boilerplate
			case j-i == 1 && isHeading(nt.s[lines[i].start:lines[i].end]):
				b.Kind = doc.Heading
			}
			run := lines[i:j]
			switch {
			case b.Kind == doc.Boilerplate:
				for _, l := range run {
					b.Segments = appendSegment(b.Segments, src, nt, l.start, l.end)
				}
			case b.Kind == doc.Paragraph && hardWrapped(nt.s, run):
				// One paragraph wrapped at a fixed width: its line breaks
				// are spaces, and its sentences run across them.
				start := run[0].start
				joined := strings.ReplaceAll(nt.s[start:run[len(run)-1].end], "\n", " ")
				b.Segments, brk = appendSentences(b.Segments, brk, src, nt, sp, joined, start)
				b.Wrapped = true
			default:
				for _, l := range run {
					b.Segments, brk = appendSentences(b.Segments, brk, src, nt, sp, nt.s[l.start:l.end], l.start)
				}
			}
			if len(b.Segments) > 0 {
				b.Start = b.Segments[0].Start
				b.End = b.Segments[len(b.Segments)-1].End
				d.Blocks = append(d.Blocks, b)
			}
			i = j
		}
	}
	return d
}

// Sentences splits a paragraph into sentences with the built-in rules for lang.
// Offsets are relative to text; white space between sentences belongs to no sentence.
func Sentences(text, lang string) []doc.Segment {
	return SentencesWith(text, Options{Lang: lang})
}

// SentencesWith splits text into sentences; every line break ends one.
// Offsets are relative to text.
func SentencesWith(text string, opt Options) []doc.Segment {
	nt := normalize(text)
	sp := opt.splitter()
	var out []doc.Segment
	var brk []int
	for pos := 0; pos <= len(nt.s); {
		end := strings.IndexByte(nt.s[pos:], '\n')
		if end < 0 {
			end = len(nt.s)
		} else {
			end += pos
		}
		out, brk = appendSentences(out, brk, text, nt, sp, nt.s[pos:end], pos)
		pos = end + 1
	}
	return out
}

// sentenceBreaks appends the break positions (offsets in s) inside the line s[start:end].
func sentenceBreaks(dst []int, sp *splitter, s string, start, end int) []int {
	n := len(dst)
	dst = sp.breaks(dst, s[start:end])
	for i := n; i < len(dst); i++ {
		dst[i] += start
	}
	// Never cut before a combining mark or joiner: it belongs to the rune before.
	out := dst[:n]
	for _, p := range dst[n:] {
		if r, _ := utf8.DecodeRuneInString(s[p:]); !isExtend(r) {
			out = append(out, p)
		}
	}
	return out
}

// appendSentences appends the sentences of line, normalised text that starts
// at offset at of nt (a line, or a wrapped paragraph with its line breaks
// made spaces). brk is scratch space, returned for reuse.
func appendSentences(segs []doc.Segment, brk []int, src string, nt *normText, sp splitters, line string, at int) ([]doc.Segment, []int) {
	brk = sentenceBreaks(brk[:0], sp.forLine(line), line, 0, len(line))
	brk = joinBare(brk, line)
	prev := at
	for _, p := range brk {
		segs = appendSegment(segs, src, nt, prev, at+p)
		prev = at + p
	}
	return appendSegment(segs, src, nt, prev, at+len(line)), brk
}

// joinBare drops the breaks in line that would make a sentence of marks
// alone ("انتهى. !! ثم", a stray "…"): such a piece stays with the sentence
// before it, or with the one after it when it opens the line.
func joinBare(brk []int, line string) []int {
	out := brk[:0]
	start := 0
	for i, p := range brk {
		end := len(line)
		if i+1 < len(brk) {
			end = brk[i+1]
		}
		if hasWord(line[start:p]) && hasWord(line[p:end]) {
			out = append(out, p)
			start = p
		}
	}
	return out
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// appendSegment maps the normalised range [s, e) to the source, trims it and
// appends it unless empty.
func appendSegment(out []doc.Segment, src string, nt *normText, s, e int) []doc.Segment {
	start, end := trimRange(src, nt.orig(s), nt.orig(e))
	if end > start {
		out = append(out, doc.Segment{Start: start, End: end, Text: src[start:end]})
	}
	return out
}

type lineInfo struct {
	start, end int
	boiler     bool
}

// blockLines appends the non-blank lines of s[start:end], trimmed.
func blockLines(dst []lineInfo, s string, start, end int) []lineInfo {
	for pos := start; pos < end; {
		le := strings.IndexByte(s[pos:end], '\n')
		if le < 0 {
			le = end
		} else {
			le += pos
		}
		ls, lend := trimRange(s, pos, le)
		if lend > ls {
			dst = append(dst, lineInfo{start: ls, end: lend, boiler: isBoilerplate(s[ls:lend])})
		}
		pos = le + 1
	}
	return dst
}

// blockRanges returns the [start, end) ranges of the runs of non-blank lines.
func blockRanges(src string) [][2]int {
	var out [][2]int
	start := -1
	for lineStart := 0; lineStart <= len(src); {
		lineEnd := strings.IndexByte(src[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(src)
		} else {
			lineEnd += lineStart
		}
		blank := isBlank(src[lineStart:lineEnd])
		if !blank && start < 0 {
			start = lineStart
		}
		if blank && start >= 0 {
			out = append(out, [2]int{start, lineStart})
			start = -1
		}
		lineStart = lineEnd + 1
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(src)})
	}
	return out
}

func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !dropped(r) {
			return false
		}
	}
	return true
}

// minWrapWidth is the shortest line, in characters, of text taken as wrapped
// at a fixed width: e-mail and terminal text wraps at 65 to 80.
const minWrapWidth = 40

// hardWrapped reports whether the lines of a paragraph are one text wrapped
// at a fixed width: every line but the last nearly as long as the longest,
// and most of them ending inside a sentence. A line that is much shorter,
// or lines that each end a sentence, are breaks the writer meant.
func hardWrapped(s string, lines []lineInfo) bool {
	if len(lines) < 2 {
		return false
	}
	width := 0
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(s[l.start:l.end]))
	}
	if width < minWrapWidth {
		return false
	}
	open := 0
	for _, l := range lines[:len(lines)-1] {
		line := s[l.start:l.end]
		if utf8.RuneCountInString(line)*10 < width*6 {
			return false
		}
		if !endsSentence(line) {
			open++
		}
	}
	return open*2 >= len(lines)-1
}

// endsSentence reports whether line ends with the punctuation that closes a
// sentence, closing quotes and brackets aside.
func endsSentence(line string) bool {
	t := strings.TrimRightFunc(line, func(r rune) bool { return isCloser(r) || unicode.IsSpace(r) })
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '؟', '…', ':', '؛', ';':
		return true
	}
	return false
}

// maxHeadingWords is the longest line, in words, taken for a heading.
const maxHeadingWords = 12

// isHeading reports whether a one-line block reads as a heading: short, and
// without the punctuation that ends or continues a sentence.
func isHeading(line string) bool {
	t := strings.TrimRightFunc(line, func(r rune) bool { return isCloser(r) || unicode.IsSpace(r) })
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '؟', '…', ':', ',', '،', '؛', ';':
		return false
	}
	words, inWord := 0, false
	for _, r := range line {
		sp := unicode.IsSpace(r)
		if !sp && !inWord {
			if words++; words > maxHeadingWords {
				return false
			}
		}
		inWord = !sp
	}
	return true
}

func isCloser(r rune) bool {
	switch r {
	case '”', '»', '"', '\'', ')', ']', '’':
		return true
	}
	return false
}
