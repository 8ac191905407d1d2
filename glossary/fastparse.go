package glossary

import (
	"strings"
	"unicode/utf8"
)

// fastParse reads the plain form in which glossary files are written — one
// key per line, plain or simply quoted text, flow lists like [a, b] — without
// building a YAML tree, which is several times faster for large glossaries.
// It reports false for anything else (block lists, escapes, anchors, tabs …),
// which the general YAML reader then handles; where both accept a file they
// agree (FuzzParse checks this).
func fastParse(data []byte) ([]rawItem, bool) {
	s := string(data)
	if strings.HasPrefix(s, "\ufeff") {
		return nil, false
	}
	items := make([]rawItem, 0, strings.Count(s, "\n  - ")+1)
	seenTerms := false
	dashCol, fieldCol := -1, -1
	for lineNo := 1; len(s) > 0; lineNo++ {
		var line string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			line, s = s, ""
		}
		line = strings.TrimSuffix(line, "\r")
		if !printable(line) {
			return nil, false
		}
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		indent := len(line) - len(trimmed)
		if !seenTerms {
			if indent != 0 || !isTermsLine(trimmed) {
				return nil, false
			}
			seenTerms = true
			continue
		}
		if indent == 0 {
			return nil, false
		}
		if strings.HasPrefix(trimmed, "- ") {
			if dashCol == -1 {
				dashCol = indent
			} else if indent != dashCol {
				return nil, false
			}
			rest := strings.TrimLeft(trimmed[2:], " ")
			col := indent + len(trimmed) - len(rest)
			if fieldCol == -1 {
				fieldCol = col
			} else if col != fieldCol {
				return nil, false
			}
			items = append(items, rawItem{line: lineNo})
			trimmed = rest
		} else if len(items) == 0 || indent != fieldCol {
			return nil, false
		}
		f, ok := fastField(trimmed, lineNo)
		if !ok {
			return nil, false
		}
		it := &items[len(items)-1]
		if it.fields == nil {
			it.fields = make([]rawField, 0, 4)
		}
		it.fields = append(it.fields, f)
	}
	return items, true
}

// isTermsLine reports whether s is "terms:" with an optional comment.
func isTermsLine(s string) bool {
	rest, ok := strings.CutPrefix(s, "terms:")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	return rest == "" || rest[0] == '#' && len(rest) < len(s)-len("terms:")
}

// fastField reads "key: value".
func fastField(s string, line int) (rawField, bool) {
	colon := strings.IndexByte(s, ':')
	if colon <= 0 || colon+1 < len(s) && s[colon+1] != ' ' {
		return rawField{}, false
	}
	key := s[:colon]
	for _, c := range key {
		if c < 'a' || c > 'z' {
			return rawField{}, false
		}
	}
	f := rawField{key: key, line: line}
	v := strings.TrimLeft(s[colon+1:], " ")
	if v == "" {
		return rawField{}, false
	}
	if v[0] == '[' {
		end := strings.IndexByte(v, ']')
		if end < 0 || !onlyComment(v[end+1:]) {
			return rawField{}, false
		}
		inner := v[1:end]
		if strings.ContainsAny(inner, "[]{}\"'#") {
			return rawField{}, false
		}
		f.isSeq = true
		f.value = rawValue{line: line, other: "a list"}
		if strings.TrimSpace(inner) == "" {
			return f, true
		}
		for _, item := range strings.Split(inner, ",") {
			item = strings.Trim(item, " ")
			if !plainSafe(item, true) {
				return rawField{}, false
			}
			f.list = append(f.list, rawValue{text: item, line: line})
		}
		return f, true
	}
	val, ok := fastScalar(v, line)
	f.value = val
	return f, ok
}

// fastScalar reads a plain or single-quoted scalar without escapes, or a
// double-quoted one with the escapes bitext writes (strconv.Quote's).
func fastScalar(v string, line int) (rawValue, bool) {
	if v[0] == '"' {
		text, rest, ok := unquoteDouble(v[1:])
		if !ok || !onlyComment(rest) {
			return rawValue{}, false
		}
		return rawValue{text: text, line: line, quoted: true}, true
	}
	if v[0] == '\'' {
		end := strings.IndexByte(v[1:], '\'')
		if end < 0 || !onlyComment(v[end+2:]) {
			return rawValue{}, false
		}
		return rawValue{text: v[1 : end+1], line: line, quoted: true}, true
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimRight(v, " ")
	if !plainSafe(v, false) {
		return rawValue{}, false
	}
	return rawValue{text: v, line: line}, true
}

// onlyComment reports whether s is empty, spaces, or spaces and a comment.
func onlyComment(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t == "" || t[0] == '#' && len(t) < len(s)
}

// plainSafe reports whether s reads the same as a YAML plain scalar, in a
// flow list when flow is set.
func plainSafe(s string, flow bool) bool {
	if s == "" || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`~", rune(s[0])) {
		return false
	}
	switch s {
	case "null", "Null", "NULL":
		return false
	}
	return !strings.Contains(s, ": ") && !strings.HasSuffix(s, ":") && !strings.Contains(s, " #") &&
		!(flow && strings.ContainsAny(s, ",[]{}"))
}

// printable reports whether line has only characters YAML accepts as they
// are, tabs and carriage returns excepted. U+2028 and U+2029 are left out:
// yaml reads them as line breaks.
func printable(line string) bool {
	for i, r := range line {
		switch {
		case r == utf8.RuneError && len(line) > i && !strings.HasPrefix(line[i:], "\uFFFD"):
			return false
		case r < 0x20, r >= 0x7F && r <= 0x9F, r >= 0xD800 && r <= 0xDFFF, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF,
			r == 0x2028, r == 0x2029:
			return false
		}
	}
	return true
}

// unquoteDouble reads the inside of a one-line YAML double-quoted scalar, s
// being what follows the opening quote, and returns its text and what follows
// the closing quote. It reads the escapes strconv.Quote writes, as YAML means
// them (\xXX is the code point U+00XX), so that a glossary bitext wrote with
// one quote or control character in it keeps the fast reader; it reports
// false for any other escape and for no closing quote.
func unquoteDouble(s string) (text, rest string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '"':
			return b.String(), s[i+1:], true
		case '\\': // an escape: read below
		default:
			j := i + 1
			for j < len(s) && s[j] != '"' && s[j] != '\\' {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if i+1 >= len(s) {
			return "", "", false
		}
		var digits int
		switch s[i+1] {
		case '"', '\\':
			b.WriteByte(s[i+1])
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case 'x':
			digits = 2
		case 'u':
			digits = 4
		case 'U':
			digits = 8
		default:
			return "", "", false
		}
		i += 2
		if digits == 0 {
			continue
		}
		if i+digits > len(s) {
			return "", "", false
		}
		var r rune
		for _, h := range []byte(s[i : i+digits]) {
			var d byte
			switch {
			case '0' <= h && h <= '9':
				d = h - '0'
			case 'a' <= h && h <= 'f':
				d = h - 'a' + 10
			case 'A' <= h && h <= 'F':
				d = h - 'A' + 10
			default:
				return "", "", false
			}
			r = r<<4 | rune(d)
		}
		if r >= 0xD800 && r <= 0xDFFF || r > utf8.MaxRune {
			return "", "", false // YAML refuses these: its reader says so
		}
		b.WriteRune(r)
		i += digits
	}
	return "", "", false
}
