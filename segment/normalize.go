package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"bitext/arabic"
)

// normText is the text the rules see: line ends, spaces and invisible
// characters made uniform and NFC applied, with a map back to the source so
// that every segment still points at the original bytes.
type normText struct {
	s   string
	src []int // src[i]: offset in the source of the character that produced s[i]; len(s)+1 entries; nil: s is the source
}

// orig maps an offset in the normalised text to the source.
func (n *normText) orig(i int) int {
	if n.src == nil {
		return i
	}
	return n.src[i]
}

// dropped reports whether the normaliser removes r (when not kept as a joiner
// between letters): format characters that only steer rendering.
func dropped(r rune) bool {
	switch r {
	case 0xFEFF, 0x200B, 0x2060, 0x00AD, 0x180E, 0x200C, 0x200D:
		return true
	}
	return arabic.IsDirectionControl(r)
}

// spaceLike reports whether r is a space other than ' ' that the rules should see as ' '.
func spaceLike(r rune) bool {
	switch r {
	case 0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, '\v', '\f':
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// lineBreak reports whether r ends a line other than '\n'.
func lineBreak(r rune) bool {
	return r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

func isJoinable(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r)
}

// scan reports whether src holds a character the first pass changes, and
// whether it may not be in NFC. The NFC answer is conservative: only runes
// known to be stable (ASCII, Latin-1, Arabic letters and punctuation, general
// punctuation) keep it false; anything else sends the text to the full check.
func scan(src string) (chars, maybeNotNFC bool) {
	prevMark := false
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '\r' || c == '\v' || c == '\f' {
				chars = true
			}
			prevMark = false
			i++
			continue
		}
		var r rune
		if c >= 0xD8 && c <= 0xDB && i+1 < len(src) && src[i+1]&0xC0 == 0x80 {
			// Arabic block, decoded inline: the common case. Only U+061C
			// (Arabic letter mark) is dropped there.
			r = rune(c&0x1F)<<6 | rune(src[i+1]&0x3F)
			i += 2
			if r == 0x61C {
				chars = true
				prevMark = false
				continue
			}
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(src[i:])
			i += n
			if dropped(r) || spaceLike(r) || lineBreak(r) {
				chars = true
				prevMark = false
				continue
			}
		}
		// One Arabic mark alone is stable; two in a row may be reordered.
		mark := arabicMark(r) && (r < 0x653 || r > 0x655)
		if mark && prevMark || !mark && !nfcStable(r) {
			maybeNotNFC = true
		}
		prevMark = mark
	}
	return chars, maybeNotNFC
}

// nfcStable reports whether r is unchanged by NFC whatever surrounds it: it
// neither decomposes nor combines with a neighbour.
func nfcStable(r rune) bool {
	switch {
	case r < 0x300:
		return true
	case r >= 0x600 && r <= 0x6FF:
		// Arabic: the marks may be reordered and the hamza/madda marks compose;
		// the letters that take them (ا و ي ه ە ے) are stable on their own.
		return !arabicMark(r)
	case r >= 0x2002 && r <= 0x206F, r >= 0x750 && r <= 0x77F, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return true
	}
	return false
}

// arabicMark reports whether r is a combining mark of the Arabic block.
func arabicMark(r rune) bool {
	return r >= 0x610 && r <= 0x61A || r >= 0x64B && r <= 0x65F || r == 0x670 || r >= 0x6D6 && r <= 0x6ED
}

func normalize(src string) *normText {
	chars, maybe := scan(src)
	if !chars && (!maybe || norm.NFC.IsNormalString(src)) {
		return &normText{s: src}
	}
	s, m := src, []int(nil)
	if chars {
		s, m = normalizeChars(src)
	}
	if maybe && !norm.NFC.IsNormalString(s) {
		var b strings.Builder
		m2 := make([]int, 0, len(s)+1)
		var it norm.Iter
		it.InitString(norm.NFC, s)
		for !it.Done() {
			start := it.Pos()
			seg := it.Next()
			b.Write(seg)
			o := start
			if m != nil {
				o = m[start]
			}
			for range seg {
				m2 = append(m2, o)
			}
		}
		m2 = append(m2, len(src))
		s, m = b.String(), m2
	}
	if m == nil {
		m = make([]int, len(s)+1)
		for i := range m {
			m[i] = i
		}
	}
	return &normText{s: s, src: m}
}

// normalizeChars does the character-level pass: BOM and format characters
// dropped, ZWNJ/ZWJ kept only between letters, other spaces made ' ', every
// line end made '\n'.
func normalizeChars(src string) (string, []int) {
	var b strings.Builder
	b.Grow(len(src))
	m := make([]int, 0, len(src)+1)
	emit := func(s string, at int) {
		b.WriteString(s)
		for range len(s) {
			m = append(m, at)
		}
	}
	prev := rune(-1)
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == 0x200C || r == 0x200D:
			next, _ := utf8.DecodeRuneInString(src[i+n:])
			if prev >= 0 && isJoinable(prev) && isJoinable(next) {
				emit(src[i:i+n], i)
			}
		case dropped(r):
		case r == '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				break
			}
			emit("\n", i)
		case r == 0x2029:
			emit("\n\n", i)
		case lineBreak(r):
			emit("\n", i)
		case spaceLike(r):
			emit(" ", i)
		default:
			emit(src[i:i+n], i)
		}
		prev = r
		i += n
	}
	m = append(m, len(src))
	return b.String(), m
}

// isExtend reports whether r continues the grapheme cluster before it, so
// that no segment may start or end just before it.
func isExtend(r rune) bool {
	return r == 0x200C || r == 0x200D || unicode.Is(unicode.M, r) || r >= 0xFE00 && r <= 0xFE0F
}

// trimmable reports whether r is white space to trim off a segment's ends
// (directional marks and other format characters stay with the text).
func trimmable(r rune) bool {
	return unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B
}

// trimRange returns [start, end) without surrounding white space; a space
// that carries combining marks stays.
func trimRange(src string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(src[start:end])
		if !trimmable(r) {
			break
		}
		if next, _ := utf8.DecodeRuneInString(src[start+n : end]); isExtend(next) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(src[start:end])
		if !trimmable(r) {
			break
		}
		if end < len(src) {
			if next, _ := utf8.DecodeRuneInString(src[end:]); isExtend(next) {
				break
			}
		}
		end -= n
	}
	return start, end
}
