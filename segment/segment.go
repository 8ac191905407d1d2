// Package segment cuts a text into blocks (headings, paragraphs, boilerplate)
// and sentences, keeping every piece's byte range in the original text.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/doc"
)

// Split segments src, a text in language lang ("ar" or "en"), into a document.
// Blocks are separated by blank lines.
func Split(name, src, lang string) *doc.Document {
	d := &doc.Document{Name: name, Lang: lang, Source: src}
	for _, r := range blockRanges(src) {
		text := src[r[0]:r[1]]
		b := doc.Block{Kind: classify(text), Start: r[0], End: r[1]}
		if b.Kind == doc.Boilerplate {
			b.Segments = lineSegments(src, r[0], r[1])
		} else {
			for _, s := range Sentences(text, lang) {
				b.Segments = append(b.Segments, doc.Segment{Start: r[0] + s.Start, End: r[0] + s.End, Text: s.Text})
			}
		}
		d.Blocks = append(d.Blocks, b)
	}
	return d
}

// blockRanges returns the [start, end) ranges of the runs of non-blank lines,
// trimmed of surrounding white space.
func blockRanges(src string) [][2]int {
	var out [][2]int
	start := -1
	lineStart := 0
	for lineStart <= len(src) {
		lineEnd := strings.IndexByte(src[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(src)
		} else {
			lineEnd += lineStart
		}
		blank := strings.TrimSpace(src[lineStart:lineEnd]) == ""
		if !blank && start < 0 {
			start = lineStart
		}
		if blank && start >= 0 {
			out = append(out, trimRange(src, start, lineStart))
			start = -1
		}
		if lineEnd == len(src) {
			break
		}
		lineStart = lineEnd + 1
	}
	if start >= 0 {
		out = append(out, trimRange(src, start, len(src)))
	}
	return out
}

func trimRange(src string, start, end int) [2]int {
	for start < end {
		r, n := utf8.DecodeRuneInString(src[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(src[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return [2]int{start, end}
}

func lineSegments(src string, start, end int) []doc.Segment {
	var out []doc.Segment
	for pos := start; pos < end; {
		nl := strings.IndexByte(src[pos:end], '\n')
		lineEnd := end
		if nl >= 0 {
			lineEnd = pos + nl
		}
		r := trimRange(src, pos, lineEnd)
		if r[1] > r[0] {
			out = append(out, doc.Segment{Start: r[0], End: r[1], Text: src[r[0]:r[1]]})
		}
		pos = lineEnd + 1
	}
	return out
}

// boilerplateLines are the web-page strings that surround articles copied from news sites.
var boilerplateLines = map[string]bool{
	"شاركها":              true,
	"شارك":                true,
	"اترك تعليقاً":        true,
	"اترك تعليقا":         true,
	"Exit mobile version": true,
	"Share":               true,
	"Leave a comment":     true,
}

func classify(text string) doc.Kind {
	lines := strings.Split(text, "\n")
	boiler := true
	for _, l := range lines {
		l = strings.TrimRight(strings.TrimSpace(l), ".:")
		if !boilerplateLines[l] {
			boiler = false
			break
		}
	}
	if boiler {
		return doc.Boilerplate
	}
	if len(lines) == 1 && len(strings.Fields(text)) <= 12 && !endsSentence(text) {
		return doc.Heading
	}
	return doc.Paragraph
}

func endsSentence(text string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool { return isCloser(r) || unicode.IsSpace(r) })
	r, _ := utf8.DecodeLastRuneInString(text)
	return isTerminal(r) || r == ':'
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '…':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '”', '»', '"', '\'', ')', ']', '’':
		return true
	}
	return false
}

// Sentences splits a paragraph into sentences. Offsets are relative to text;
// white space between sentences belongs to no sentence.
func Sentences(text, lang string) []doc.Segment {
	var out []doc.Segment
	start := 0
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isTerminal(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !isTerminal(r2) && !isCloser(r2) {
				break
			}
			j += n2
		}
		// A boundary needs white space after the marks (3.5 and U.S.A stay whole).
		r2, _ := utf8.DecodeRuneInString(text[j:])
		if j < len(text) && !unicode.IsSpace(r2) {
			i = j
			continue
		}
		out = appendTrimmed(out, text, start, j)
		start = j
		i = j
	}
	return appendTrimmed(out, text, start, len(text))
}

func appendTrimmed(out []doc.Segment, text string, start, end int) []doc.Segment {
	r := trimRange(text, start, end)
	if r[1] > r[0] {
		out = append(out, doc.Segment{Start: r[0], End: r[1], Text: text[r[0]:r[1]]})
	}
	return out
}
