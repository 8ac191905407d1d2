package tm

import (
	"strings"

	"bitext/glossary"
)

// NameChange is a glossary name that a memory match's source and the
// looked-up text do not share: like a figure, a name the translation keeps
// from the stored pair would be published wrong.
type NameChange struct {
	Memory   string `json:"memory,omitempty"`    // the name as the memory's source writes it
	MemoryEn string `json:"memory_en,omitempty"` // its English rendering in the glossary
	Text     string `json:"text,omitempty"`      // the name as the text writes it
	TextEn   string `json:"text_en,omitempty"`   // its English rendering
	// Target is MemoryEn when the memory's translation has it: where the
	// name to change is.
	Target string `json:"target,omitempty"`
}

// String says the change for a translator: both names with their English,
// and where the translation holds the memory's.
func (n NameChange) String() string {
	side := func(ar, en string) string {
		if en == "" || en == ar {
			return ar
		}
		return ar + " (" + en + ")"
	}
	in := ""
	if n.Target != "" {
		in = "; the translation says " + n.Target
	}
	switch {
	case n.Memory == "":
		return "name " + side(n.Text, n.TextEn) + " is not in the memory's source"
	case n.Text == "":
		return "name " + side(n.Memory, n.MemoryEn) + " of the memory's source is not in the text" + in
	}
	return "name " + side(n.Memory, n.MemoryEn) + " in the memory, " + side(n.Text, n.TextEn) + " here" + in
}

// NameChanges returns the glossary names of source (a memory match's) that
// text lacks and those of text that source lacks, each of the first paired
// with the first of the second of its kind. g nil finds none.
func NameChanges(g *glossary.Matcher, source, target, text string) []NameChange {
	if g == nil {
		return nil
	}
	type name struct {
		written string
		e       *glossary.Entry
	}
	names := func(s string) []name {
		var out []name
		for _, h := range g.Match(s) {
			out = append(out, name{s[h.StemStart:h.End], h.Entry})
		}
		return out
	}
	src, txt := names(source), names(text)
	left := map[*glossary.Entry]int{}
	for _, n := range txt {
		left[n.e]++
	}
	var onlySrc []name
	for _, n := range src {
		if left[n.e] > 0 {
			left[n.e]--
		} else {
			onlySrc = append(onlySrc, n)
		}
	}
	var onlyTxt []name
	for _, n := range txt {
		if left[n.e] > 0 {
			left[n.e]--
			onlyTxt = append(onlyTxt, n)
		}
	}
	// A name is paired with the first unpaired one of the same kind
	// (person with person, place with place) the text has instead.
	var out []NameChange
	lower := strings.ToLower(target)
	paired := make([]bool, len(onlyTxt))
	for _, n := range onlySrc {
		c := NameChange{Memory: n.written, MemoryEn: n.e.Rendering()}
		if c.MemoryEn != "" && strings.Contains(lower, strings.ToLower(c.MemoryEn)) {
			c.Target = c.MemoryEn
		}
		for k, t := range onlyTxt {
			if !paired[k] && t.e.Type == n.e.Type {
				paired[k] = true
				c.Text, c.TextEn = t.written, t.e.Rendering()
				break
			}
		}
		out = append(out, c)
	}
	for k, t := range onlyTxt {
		if !paired[k] {
			out = append(out, NameChange{Text: t.written, TextEn: t.e.Rendering()})
		}
	}
	return out
}
