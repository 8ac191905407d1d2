// Package review measures what an editor changed in a reviewed XLIFF file:
// a word-level diff of each target against the machine draft, post-edit
// distance at word and character level, and the glossary violations the
// editor fixed or introduced. It writes the result as text, JSON or HTML.
//
// Start with Compute, given what xliff's File.Resolve returns.
package review

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// OpKind says whether a diff piece was kept, inserted or deleted.
type OpKind string

// Diff operations.
const (
	Equal  OpKind = "equal"
	Insert OpKind = "insert"
	Delete OpKind = "delete"
)

// Op is one piece of a diff.
type Op struct {
	Kind OpKind `json:"op"`   // Equal, Insert or Delete
	Text string `json:"text"` // the piece's words, spaces and punctuation, as in the text
}

// Tokens cuts text into words, runs of white space and single punctuation
// marks. A word is a run of letters, combining marks (Arabic diacritics),
// digits and format characters (tatweel, ZWJ/ZWNJ), so an Arabic word with its
// clitics stays one token, as does "Kim's" split only at the apostrophe.
func Tokens(text string) []string {
	var out []string
	start := -1
	kind := 0 // 1 word, 2 space
	flush := func(i int) {
		if start >= 0 {
			out = append(out, text[start:i])
			start, kind = -1, 0
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		k := 3
		switch {
		case isWordRune(r):
			k = 1
		case unicode.IsSpace(r):
			k = 2
		}
		if k == 3 {
			flush(i)
			out = append(out, text[i:i+size]) // not string(r): keep invalid bytes as they are
			i += size
			continue
		}
		if k != kind {
			flush(i)
			start, kind = i, k
		}
		i += size
	}
	flush(len(text))
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || unicode.Is(unicode.Cf, r)
}

// words returns the tokens that are not white space.
func words(tokens []string) []string {
	var out []string
	for _, t := range tokens {
		if strings.TrimSpace(t) != "" {
			out = append(out, t)
		}
	}
	return out
}

// encoder maps tokens to runes so that go-diff can diff token sequences.
type encoder struct {
	index map[string]rune
	toks  []string
}

// Runes in the supplementary planes are valid and leave room for a million
// distinct tokens.
const tokenBase = 0x10000

func (e *encoder) encode(toks []string) []rune {
	out := make([]rune, len(toks))
	for i, t := range toks {
		r, ok := e.index[t]
		if !ok {
			r = rune(tokenBase + len(e.toks))
			if r > utf8.MaxRune {
				r = utf8.MaxRune // beyond a million distinct tokens: they compare equal
			} else {
				e.index[t] = r
				e.toks = append(e.toks, t)
			}
		}
		out[i] = r
	}
	return out
}

func (e *encoder) decode(s string) string {
	var b strings.Builder
	for _, r := range s {
		if k := int(r) - tokenBase; k >= 0 && k < len(e.toks) {
			b.WriteString(e.toks[k])
		}
	}
	return b.String()
}

func newDMP() *diffmatchpatch.DiffMatchPatch {
	d := diffmatchpatch.New()
	d.DiffTimeout = 2 * time.Second
	return d
}

// WordDiff diffs two texts token by token (see Tokens) and returns the
// pieces in order, adjacent pieces of one kind joined.
func WordDiff(from, to string) []Op {
	enc := &encoder{index: map[string]rune{}}
	a, b := enc.encode(Tokens(from)), enc.encode(Tokens(to))
	dmp := newDMP()
	// merge edits separated only by a space or a short word, so that a
	// rewritten phrase reads as one change, not word by word
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(a, b, false))
	var ops []Op
	for _, d := range diffs {
		k := Equal
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			k = Insert
		case diffmatchpatch.DiffDelete:
			k = Delete
		}
		ops = appendOp(ops, k, enc.decode(d.Text))
	}
	return ops
}

// WordEdits is the number of word insertions, deletions and substitutions
// that turn from into to (white space ignored, punctuation marks count as
// words), as in TER without shifts.
func WordEdits(from, to string) int {
	enc := &encoder{index: map[string]rune{}}
	a, b := enc.encode(words(Tokens(from))), enc.encode(words(Tokens(to)))
	dmp := newDMP()
	return dmp.DiffLevenshtein(dmp.DiffMainRunes(a, b, false))
}

// CharEdits is the number of character insertions, deletions and
// substitutions that turn from into to.
func CharEdits(from, to string) int {
	dmp := newDMP()
	return dmp.DiffLevenshtein(dmp.DiffMainRunes([]rune(from), []rune(to), false))
}

// WordCount counts the words of text as WordEdits does.
func WordCount(text string) int { return len(words(Tokens(text))) }

// appendOp appends text of kind k to ops, joining it to the last op when
// that is of the same kind.
func appendOp(ops []Op, k OpKind, text string) []Op {
	if text == "" {
		return ops
	}
	if n := len(ops); n > 0 && ops[n-1].Kind == k {
		ops[n-1].Text += text
		return ops
	}
	return append(ops, Op{Kind: k, Text: text})
}
