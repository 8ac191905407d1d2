// Package yamlerr finds where in a text the problems that gopkg.in/yaml.v3
// reports are, so that messages can take the form file:line: message.
//
// yaml.v3 counts lines from 0 in parser errors and from 1 in scanner errors,
// and when the construct a problem belongs to starts on the first line it
// gives the line where parsing stopped, or no line at all. Problems parses
// the text again behind an empty line, which makes every position the
// library reports the construct's (an unclosed bracket or quotation mark is
// found where it opens), and corrects the count by the kind of error. For a
// list or mapping whose items stop lining up, the construct's start may be
// far from the problem, so the problem's own line is looked for.
package yamlerr

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Problem is one problem yaml reported in a text.
type Problem struct {
	Line int    // 1-based line of the text; 0 when the problem has no place
	Msg  string // what is wrong, without yaml's "yaml: " and "line N: "
}

// Problems returns the problems of err, an error that yaml.Unmarshal or a
// yaml.Decoder returned for data (its first document).
func Problems(data []byte, err error) []Problem {
	ps := problems(data, err)
	for i, p := range ps {
		if p.Msg == "found character that cannot start any token" && p.Line > 0 && p.Line == tabLine(data) {
			ps[i].Msg += " (a tab: YAML indents with spaces)"
		}
	}
	return ps
}

func problems(data []byte, err error) []Problem {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		// Decoding errors carry the 1-based line of their node.
		out := make([]Problem, 0, len(te.Errors))
		for _, e := range te.Errors {
			line, msg := splitLine(e)
			out = append(out, Problem{clamp(data, line), msg})
		}
		return out
	}
	line, msg := splitLine(strings.TrimPrefix(err.Error(), "yaml: "))
	if strings.Contains(msg, "tab character") {
		if l := tabLine(data); l > 0 {
			return []Problem{{l, msg}}
		}
	}
	var n yaml.Node
	again := yaml.Unmarshal(shifted(data), &n)
	if again == nil {
		return []Problem{{clamp(data, line), msg}}
	}
	line2, msg2 := splitLine(strings.TrimPrefix(again.Error(), "yaml: "))
	switch {
	case msg2 != msg:
		return []Problem{{clamp(data, line), msg}}
	case line2 == 0:
		return []Problem{{readerLine(data, msg), msg}}
	case blockProblems[msg]:
		return []Problem{{clamp(data, itemLine(data, msg, line2)), msg}}
	case parserProblems[msg]:
		// Counted from 0, and the empty line in front adds 1.
		return []Problem{{clamp(data, line2), msg}}
	}
	// Counted from 1, and the empty line in front adds 1.
	return []Problem{{clamp(data, line2-1), msg}}
}

// shifted returns data behind an empty line, after its byte order mark if
// it has one, so that no position yaml reports is on line 0.
func shifted(data []byte) []byte {
	const bom = "\ufeff"
	out := make([]byte, 0, len(data)+1)
	rest := data
	if strings.HasPrefix(string(data), bom) {
		out = append(out, bom...)
		rest = data[len(bom):]
	}
	out = append(out, '\n')
	return append(out, rest...)
}

// parserProblems are the messages of yaml.v3's parser (parserc.go), whose
// positions are counted from 0; the scanner's count from 1.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// blockProblems are the parser's messages about an item of a block list or
// mapping that is out of line; yaml gives the line where the list or mapping
// starts.
var blockProblems = map[string]bool{
	"did not find expected '-' indicator": true,
	"did not find expected key":           true,
}

// itemLine returns the line of the item that breaks the list or mapping
// starting at line start (as yaml reports it for shifted(data)): the first
// line such that the text up to it already fails the same way.
func itemLine(data []byte, msg string, start int) int {
	ends := lineEnds(data)
	fails := func(line int) bool {
		var n yaml.Node
		err := yaml.Unmarshal(shifted(data[:ends[line-1]]), &n)
		if err == nil {
			return false
		}
		l, m := splitLine(strings.TrimPrefix(err.Error(), "yaml: "))
		return m == msg && l == start
	}
	lo, hi := max(1, start), len(ends)
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// lineEnds returns the offset just past each line of data.
func lineEnds(data []byte) []int {
	var ends []int
	for i, c := range data {
		if c == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		ends = append(ends, len(data))
	}
	return ends
}

// splitLine splits "line N: message" into N and message; 0 when s has no line.
func splitLine(s string) (int, string) {
	s = strings.TrimSpace(s)
	rest, ok := strings.CutPrefix(s, "line ")
	if !ok {
		return 0, s
	}
	num, msg, ok := strings.Cut(rest, ": ")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 0 {
		return 0, s
	}
	return n, msg
}

// clamp keeps line within the lines of data: a problem found at the end of
// a text that ends with a line break belongs to its last line.
func clamp(data []byte, line int) int {
	if line <= 0 {
		return line
	}
	last := strings.Count(string(data), "\n") + 1
	if len(data) > 0 && data[len(data)-1] == '\n' {
		last--
	}
	return max(1, min(line, last))
}

// readerLine finds the line of a problem yaml's reader reports without a
// place: a character YAML does not allow, or bytes that are not UTF-8.
func readerLine(data []byte, msg string) int {
	controls := msg == "control characters are not allowed"
	encoding := strings.Contains(msg, "UTF-8") || msg == "invalid Unicode character"
	if !controls && !encoding {
		return 0
	}
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 || controls && !allowed(r) {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return 0
}

// allowed reports whether YAML accepts r in a text as it is.
func allowed(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7E, r == 0x85,
		r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// tabLine returns the first line indented with a tab: yaml reports such a
// line at the construct before it.
func tabLine(data []byte) int {
	for i, line := range strings.Split(string(data), "\n") {
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		if strings.Contains(indent, "\t") && strings.TrimSpace(line) != "" {
			return i + 1
		}
	}
	return 0
}
