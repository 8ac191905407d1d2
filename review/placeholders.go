package review

import (
	"regexp"
	"strings"

	"bitext/doc"
)

// placeholderRE matches the tokens translate sends an engine for protected
// names, ⟦1⟧ or ⟦1:Vladimir Putin⟧ (see translate's protect.go), and a
// bracket of one left alone when an editor cut the rest.
var placeholderRE = regexp.MustCompile(doc.PlaceholderToken.String() + `|[⟦⟧]`)

// Placeholders returns the placeholder tokens left in target that its source
// does not hold itself: an editor's tool can show a protected name as a
// token, and a token kept in the target would be published instead of the name.
func Placeholders(source, target string) []string {
	var out []string
	for _, tok := range placeholderRE.FindAllString(target, -1) {
		if !strings.Contains(source, tok) {
			out = append(out, tok)
		}
	}
	return out
}

// LeftPlaceholders is a unit whose target holds placeholder tokens.
type LeftPlaceholders struct {
	Unit   int      // index of the unit in the bitext
	Tokens []string // as Placeholders returns them
}

// CheckPlaceholders looks for placeholder tokens in the target of every
// translated unit of b (see Placeholders).
func CheckPlaceholders(b *doc.Bitext) []LeftPlaceholders {
	var out []LeftPlaceholders
	for i := range b.Units {
		u := &b.Units[i]
		if u.Kind == doc.Boilerplate || u.Target == "" {
			continue
		}
		if toks := Placeholders(u.Source, u.Target); len(toks) > 0 {
			out = append(out, LeftPlaceholders{Unit: i, Tokens: toks})
		}
	}
	return out
}
