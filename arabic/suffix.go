package arabic

import "strings"

// Pronoun is an attached (enclitic) pronoun: the suffix of بيته "his house",
// رأيناه "we saw him", عليها "on her".
type Pronoun struct {
	Suffix     string // Arabic letters as written after the stem
	Possessive string // English when it follows a noun: "his"
	Object     string // English when it follows a verb or preposition: "him"
}

// Pronouns lists the attached pronouns, longest first so the first match is
// the right one to strip. ي (my) is listed but is easily confused with the
// nisba ending -ي; callers should prefer other readings.
var Pronouns = []Pronoun{
	{"هما", "their", "them"},
	{"كما", "your", "you"},
	{"هم", "their", "them"},
	{"هن", "their", "them"},
	{"ها", "her", "her"},
	{"كم", "your", "you"},
	{"كن", "your", "you"},
	{"نا", "our", "us"},
	{"ني", "my", "me"},
	{"ه", "his", "him"},
	{"ك", "your", "you"},
	{"ي", "my", "me"},
}

// CutPronoun splits an attached pronoun off word, trying the longest suffix
// first. It reports false when nothing is left of the stem but minStem runes.
func CutPronoun(word string, minStem int) (stem string, p Pronoun, ok bool) {
	for _, p := range Pronouns {
		if s, found := strings.CutSuffix(word, p.Suffix); found && len([]rune(s)) >= minStem {
			return s, p, true
		}
	}
	return word, Pronoun{}, false
}
