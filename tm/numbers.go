package tm

import (
	"slices"
	"strings"
	"unicode/utf8"

	"bitext/figures"
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

// NumberChanges returns the numbers that the memory's source and the text do
// not share (compared by value, as package figures reads them: ١٬٢٥٠,
// 1,250 and 1250 are one figure, each occurrence once), paired in order:
// the first number only the source has with the first only the text has,
// and so on; the rest stand alone. target is the memory's translation,
// searched for how it writes each of the source's numbers ("1.25 million"
// for 1250000).
func NumberChanges(source, target, text string) []NumberChange {
	src, txt := figures.Numbers(source), figures.Numbers(text)
	if len(src) == 0 && len(txt) == 0 {
		return nil
	}
	// Take away the numbers both have, each occurrence once: a number of
	// the source takes the text's first one of its value still free.
	shared := make([]bool, len(txt))
	var onlySrc []figures.Number
	for _, n := range src {
		j := 0
		for j < len(txt) && (shared[j] || !txt[j].Same(n)) {
			j++
		}
		if j < len(txt) {
			shared[j] = true
		} else {
			onlySrc = append(onlySrc, n)
		}
	}
	var onlyTxt []string
	for j, n := range txt {
		if !shared[j] {
			onlyTxt = append(onlyTxt, n.Text)
		}
	}
	var out []NumberChange
	var inTarget []figures.Number
	if len(onlySrc) > 0 {
		inTarget = figures.Numbers(target)
	}
	for k := 0; k < max(len(onlySrc), len(onlyTxt)); k++ {
		var c NumberChange
		if k < len(onlySrc) {
			c.Memory = onlySrc[k].Text
			if j := slices.IndexFunc(inTarget, func(t figures.Number) bool { return t.Same(onlySrc[k]) }); j >= 0 {
				c.Target = inTarget[j].Text
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
