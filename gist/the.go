package gist

import (
	"strings"
	"unicode"
)

// takesThe reports whether English puts "the" before the name en in running
// text: "at the United Nations", "the Kremlin said", but "in Iraq", "Putin
// said". Arabic does not tell: العراق and الكرملين both carry the article. So
// the name's English head decides: the noun before "of" (the Bank of
// England), else the last word (the Gaza Strip), or a name English always
// writes with "the" (the Pentagon).
func takesThe(en string) bool {
	words := strings.Fields(en)
	if len(words) == 0 || strings.EqualFold(words[0], "the") {
		return false
	}
	head := len(words) - 1
	for i, w := range words {
		if w == "of" && i > 0 {
			head = i - 1
			break
		}
	}
	for _, w := range words[:head] {
		// South Korea's National Intelligence Service: the owner's name
		// stands in for "the"; the People's Republic is not an owner
		if (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && !strings.HasPrefix(w, "People") {
			return false
		}
	}
	h := strings.TrimRightFunc(words[head], func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) == 1 {
		return theNames[h]
	}
	return theHeads[h]
}

// theHeads are the English head nouns of names written with "the": bodies,
// institutions, groups and geographic features.
var theHeads = setOf(
	"Administration", "Agency", "Alliance", "Army", "Assembly", "Association", "Authority",
	"Bank", "Brigade", "Brigades", "Brotherhood", "Bureau", "Cabinet", "Center", "Centre",
	"Coalition", "Command", "Commission", "Committee", "Conference", "Council", "Court",
	"Crescent", "Cross", "Department", "Directorate", "Emirates", "Federation", "Force",
	"Forces", "Foundation", "Front", "Fund", "Government", "Group", "Guard", "Guards",
	"House", "Institute", "Kingdom", "League", "Ministry", "Mission", "Movement", "Nations",
	"Navy", "Office", "Organisation", "Organization", "Parliament", "Party", "Presidency",
	"Programme", "Program", "Republic", "Secretariat", "Senate", "Service", "Society",
	"States", "Tribunal", "Union", "University",
	// places
	"Basin", "Canal", "Coast", "Desert", "East", "Gulf", "Horn", "Islands", "Mountains",
	"Ocean", "Peninsula", "River", "Sea", "Strait", "Straits", "Strip", "Valley",
	// newspapers
	"Guardian", "Journal", "Post", "Times",
)

// theNames are one-word names English writes with "the".
var theNames = setOf(
	"Balkans", "Baltics", "Bahamas", "Bundestag", "Caucasus", "Comoros", "Duma", "Houthis",
	"Knesset", "Kremlin", "Levant", "Maldives", "Netherlands", "Pentagon", "Philippines",
	"Sahel", "Seychelles", "Taliban", "Vatican",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// placeholderName returns the English a named placeholder carries
// (⟦1:White House⟧), or text itself when it is no placeholder.
func placeholderName(text string) string {
	inner, ok := strings.CutPrefix(text, "⟦")
	if !ok {
		return text
	}
	inner = strings.TrimSuffix(inner, "⟧")
	if _, name, ok := strings.Cut(inner, ":"); ok {
		return strings.TrimSpace(name)
	}
	return ""
}
