package tm

import (
	"strings"
	"unicode/utf8"

	"bitext/arabic"
)

// A number is a placeable: a match that differs from the text only in a
// figure needs that figure changed, not a translator's rewording. Scoring
// counts each number as one character, so that "1250" against "987" costs
// one edit where القتلى against الجرحى costs three, and a lookup says which
// figures differ and how the stored translation writes them, so that the
// old figure is not published.

// NumberChange is a number that the memory's source and the looked-up text
// do not share.
type NumberChange struct {
	Memory string `json:"memory,omitempty"` // as the memory's source writes it; "" when the text adds a number
	Text   string `json:"text,omitempty"`   // as the text writes it; "" when the text drops the memory's number
	// Target is how the memory's translation writes Memory's number ("1,250"
	// for 1250), "" when it does not: where the figure to change is.
	Target string `json:"target,omitempty"`
}

// String says how the figure differs, for the translator: "number 1250 in
// the memory, 987 here; the translation says 1,250".
func (c NumberChange) String() string {
	in := ""
	if c.Target != "" {
		in = "; the translation says " + c.Target
	}
	switch {
	case c.Memory == "":
		return "number " + c.Text + " is not in the memory's source"
	case c.Text == "":
		return "number " + c.Memory + " of the memory's source is not in the text" + in
	}
	return "number " + c.Memory + " in the memory, " + c.Text + " here" + in
}

// numberAt returns the length in bytes of the number starting at s[0], 0
// when s does not start with a digit: digits (Arabic-Indic ones too) with
// single separators (. , ٫ ٬) between them.
func numberAt(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if isDigit(r) {
			n += size
			continue
		}
		if n > 0 && isNumberSeparator(r) && n+size < len(s) {
			if next, _ := utf8.DecodeRuneInString(s[n+size:]); isDigit(next) {
				n += size
				continue
			}
		}
		break
	}
	return n
}

func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= 0x0660 && r <= 0x0669 || r >= 0x06F0 && r <= 0x06F9
}

func isNumberSeparator(r rune) bool {
	return r == '.' || r == ',' || r == '٫' || r == '٬'
}

// numbers returns the numbers written in s, in order.
func numbers(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if n := numberAt(s[i:]); n > 0 {
			// a digit run glued to the end of a word (a model name, F16) is
			// still a figure to check
			out = append(out, s[i:i+n])
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return out
}

// numberValue is the form two numbers are compared in: ASCII digits, the
// Arabic decimal separator as a point and no thousands separators, so that
// ١٬٢٥٠ and 1,250 and 1250 are the same figure.
func numberValue(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ',' || r == '٬':
		case r == '٫':
			b.WriteByte('.')
		default:
			b.WriteRune(arabic.FoldRune(r))
		}
	}
	return b.String()
}

// NumberChanges returns the numbers that the memory's source and the text do
// not share (compared by value, each occurrence once), paired in order: the
// first number only the source has with the first only the text has, and so
// on; the rest stand alone. target is the memory's translation, searched
// for how it writes each of the source's numbers.
func NumberChanges(source, target, text string) []NumberChange {
	src, txt := numbers(source), numbers(text)
	if len(src) == 0 && len(txt) == 0 {
		return nil
	}
	// Take away the numbers both have, each occurrence once.
	left := map[string]int{}
	for _, n := range txt {
		left[numberValue(n)]++
	}
	var onlySrc []string
	for _, n := range src {
		if v := numberValue(n); left[v] > 0 {
			left[v]--
		} else {
			onlySrc = append(onlySrc, n)
		}
	}
	var onlyTxt []string
	for i := len(txt) - 1; i >= 0; i-- { // keep the text's last unmatched ones: the first were matched
		if v := numberValue(txt[i]); left[v] > 0 {
			left[v]--
			onlyTxt = append(onlyTxt, txt[i])
		}
	}
	for i, j := 0, len(onlyTxt)-1; i < j; i, j = i+1, j-1 {
		onlyTxt[i], onlyTxt[j] = onlyTxt[j], onlyTxt[i]
	}
	var out []NumberChange
	inTarget := numbers(target)
	for k := 0; k < max(len(onlySrc), len(onlyTxt)); k++ {
		var c NumberChange
		if k < len(onlySrc) {
			c.Memory = onlySrc[k]
			v := numberValue(c.Memory)
			for _, t := range inTarget {
				if numberValue(t) == v {
					c.Target = t
					break
				}
			}
		}
		if k < len(onlyTxt) {
			c.Text = onlyTxt[k]
		}
		out = append(out, c)
	}
	return out
}

// placeholders gives each distinct number of the texts one lookup compares
// a character of its own (from Unicode's private use area), so that the
// edit distance counts a number as one character: a different figure is one
// edit however many digits it has.
type placeholders struct {
	of   map[string]rune
	buf  []byte
	next rune
}

// mark returns s with each number replaced by its placeholder; s itself when
// it has no digits.
func (p *placeholders) mark(s string) string {
	if !strings.ContainsAny(s, "0123456789") { // s is folded: its digits are ASCII
		return s
	}
	if p.of == nil {
		p.of = map[string]rune{}
		p.next = 0xF0000 // supplementary private use area A: never in news text
	}
	p.buf = p.buf[:0]
	for i := 0; i < len(s); {
		if n := numberAt(s[i:]); n > 0 {
			r, ok := p.of[s[i:i+n]]
			if !ok {
				r = p.next
				p.next++
				p.of[s[i:i+n]] = r
			}
			p.buf = utf8.AppendRune(p.buf, r)
			i += n
			continue
		}
		p.buf = append(p.buf, s[i])
		i++
	}
	return string(p.buf)
}
