package glossary

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"bitext/arabic"
)

//go:generate go run ./internal/mknames

// namesGz is the name table: folded Arabic, English, weight; see
// names.LICENSE.md for its sources and licence.
//
//go:embed names.tsv.gz
var namesGz []byte

// NameTable maps single Arabic name words (folded) to an English spelling.
type NameTable struct {
	names map[string]nameRec
}

type nameRec struct {
	en     string
	weight int
}

// LoadNames decodes the name table shipped with bitext: person-name tokens
// from Wikidata (CC0) and Google's ar2en transliteration pairs (Apache-2.0).
func LoadNames() (*NameTable, error) {
	t := &NameTable{names: make(map[string]nameRec, 60000)}
	err := readTable(namesGz, "name table", func(line int, f []string) error {
		w, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("name table:%d: %w", line, err)
		}
		t.names[f[0]] = nameRec{en: f[1], weight: w}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Lookup returns the English spelling of one folded Arabic word and how
// often the pair was seen.
func (t *NameTable) Lookup(word string) (en string, weight int, ok bool) {
	if t == nil {
		return "", 0, false
	}
	r, ok := t.names[word]
	return r.en, r.weight, ok
}

// Len returns the number of words in the table.
func (t *NameTable) Len() int { return len(t.names) }

// Suggestion is a name-like phrase of an article that the glossary lacks.
type Suggestion struct {
	Ar      string   // the phrase as first written, proclitic removed
	En      string   // proposed English spelling
	From    string   // where En comes from: "table", "rules", "table+rules" or "glossary" (a surname spelled as an entry)
	Type    string   // guessed type, "" when unknown
	Count   int      // occurrences in the article
	Score   float64  // higher is more name-like
	Reasons []string // why it was proposed
	Start   int      // byte offset of an occurrence (clitic excluded); Ar is text[Start:End]
	End     int      // unless the article was restored (للصين → الصين)
}

// SuggestOptions configure Suggest. The zero value proposes from patterns
// and rule-based transliteration only.
type SuggestOptions struct {
	Names    *NameTable // English spellings and name evidence; nil: none
	Glossary *Matcher   // terms already known are not proposed; nil: none
	Max      int        // at most this many suggestions; 0: all
}

// Suggest proposes the names in text that the glossary lacks, best first.
// Arabic has no capital letters, so names are recognised by what surrounds
// them (titles such as الرئيس, وزير, الناطق باسم, وكالة), by the name table,
// by the shape of foreign place names (…يا, …ستان) and by repetition.
func Suggest(text string, opt SuggestOptions) []Suggestion {
	t := tokenize(text)
	n := len(t.toks)
	covered := make([]bool, n)
	if opt.Glossary != nil {
		k := 0
		for _, h := range opt.Glossary.MatchAll(text) { // known terms, ordinary-word readings included
			for k < n && int(t.toks[k].start) < h.End {
				if int(t.toks[k].end) > h.Start {
					covered[k] = true
				}
				k++
			}
		}
	}
	bare := map[string]bool{}
	adverbial := make([]bool, n) // written with tanween fath: an indefinite accusative, never a name
	for i := range t.toks {
		bare[t.word(i)] = true
		adverbial[i] = strings.Contains(text[t.toks[i].start:t.toks[i].end], "\u064b")
	}
	// stem[i] is token i without a proclitic when the rest is a known name
	// or stands alone elsewhere in the text; cut[i] is the clitic's length.
	stem := make([]string, n)
	cut := make([]int, n)
	restored := make([]bool, n) // stem[i] has the article's alef back (للصين)
	for i := range t.toks {
		w := t.word(i)
		stem[i] = w
		if _, _, ok := opt.Names.Lookup(w); ok || stopWords[w] || adverbial[i] || wellKnown[w] != "" {
			continue // بدلاً is no ب + دلا, بكين (Beijing) no ب + كين (Ken)
		}
		for _, s := range arabic.SplitProclitics(w) {
			st := s.Stem(w)
			if stopWords[st] {
				// فإن, وهذا: a function word behind a proclitic (or وعلي,
				// the name Ali where the text writes ى: cut like a name).
				stem[i] = st
				cut[i] = originalOffset(text[t.toks[i].start:t.toks[i].end], s.CliticEnd)
				break
			}
			if _, _, ok := opt.Names.Lookup(st); (ok || bare[st] || triggers[st] != "" || wellKnown[st] != "" ||
				i+1 < n && startsWellKnown(st, t.word(i+1))) && !stopWords[st] {
				stem[i] = st
				cut[i] = originalOffset(text[t.toks[i].start:t.toks[i].end], s.CliticEnd)
				restored[i] = s.Article
				break
			}
		}
	}
	type cand struct {
		from, to int // tokens
		title    string
		typ      string
		weak     bool // the title's only evidence: one common noun with the article
	}
	var cands []cand
	writesMaqsura := strings.Contains(text, "ى")
	stopAt := func(i int) bool {
		// Folding makes علي "Ali" the particle على; a text that writes ى
		// spells the particle so, and علي there is the name, but for the
		// set phrase على الرغم ("despite"), which keeps ي in many texts.
		return stopWords[stem[i]] && !(stem[i] == aliKey && writesMaqsura && !endsInMaqsura(text[t.toks[i].start:t.toks[i].end]) &&
			!(i+1 < n && stem[i+1] == raghmKey))
	}
	nameish := func(i int) bool {
		w := stem[i]
		return !covered[i] && !stopAt(i) && !adverbial[i] && triggers[w] == "" && !isNumber(w) && utf8.RuneCountInString(w) >= 2 &&
			arabic.HasArabic(w)
	}
	ordinaryAt := func(i int) bool {
		return ordinaryWord(stem[i], text[int(t.toks[i].start)+cut[i]:t.toks[i].end], func() bool { return writesMaqsura })
	}
	// describes reports a word after an organisation's title that says what
	// kind it is rather than naming it: an ordinary word or an adjective
	// without the article (جماعة مسلحة "an armed group", شركة نفطية, جامعة
	// أمريكية), which agrees with the title in ending with ة.
	describes := func(i int) bool {
		if strings.HasPrefix(stem[i], "ال") || wellKnown[stem[i]] != "" {
			return false
		}
		return ordinaryAt(i) || strings.HasSuffix(text[t.toks[i].start:t.toks[i].end], "ة")
	}
	inTable := func(i int) bool {
		_, wt, ok := opt.Names.Lookup(stem[i])
		// كامل is Kamel in the table, and "whole" in most news text.
		return ok && wt >= 2 && !strings.HasPrefix(stem[i], "ال") && (nameJoiners[stem[i]] || !ordinaryAt(i))
	}
	known := func(i int, minWeight int) bool {
		_, wt, ok := opt.Names.Lookup(stem[i])
		return ok && wt >= minWeight && !strings.HasPrefix(stem[i], "ال")
	}
	knownAt := func(k int) bool {
		return wellKnown[stem[k]] != "" || k+1 < n && wellKnown[stem[k]+" "+stem[k+1]] != ""
	}
	// wellKnownAt returns how many words of a well-known name start at
	// token i, longest first, or 0.
	wellKnownAt := func(i int) int {
		for size := min(wellKnownWords, n-i); size >= 1; size-- {
			words := make([]string, 0, size)
			ok := true
			for k := i; k < i+size; k++ {
				if covered[k] || k > i && (!t.toks[k].joined || cut[k] > 0) {
					ok = false
					break
				}
				words = append(words, stem[k])
			}
			if ok && wellKnown[strings.Join(words, " ")] != "" {
				return size
			}
		}
		return 0
	}
	for i := 0; i < n; i++ {
		// Well-known places, institutions and people, longest first.
		if size := wellKnownAt(i); size > 0 {
			cands = append(cands, cand{from: i, to: i + size, typ: "known"})
			i += size - 1
			continue
		}
		// A title and up to three descriptors (الدفاع الروسي, باسم الرئاسة) before a name.
		if typ := triggers[stem[i]]; typ != "" {
			org := typ == "media" || typ == "organisation"
			j := i + 1
			for d := 0; d < 4 && j < n && t.toks[j].joined && !covered[j] && triggers[stem[j]] == "" && !org &&
				(stem[j] == "باسم" || strings.HasPrefix(stem[j], "ال") && !inTable(j)); d++ {
				j++
			}
			if size := wellKnownAt(j); size > 0 && j < n && t.toks[j].joined && cut[j] == 0 && !org {
				// الرئيس المصري عبد الفتاح السيسي: the whole of a well-known name.
				cands = append(cands, cand{from: j, to: j + size, typ: "known",
					title: text[int(t.toks[i].start)+cut[i] : t.toks[i].end]})
				i = j + size - 1
				continue
			}
			if j < n && t.toks[j].joined && nameish(j) && cut[j] == 0 && !(org && describes(j)) {
				k := j + 1
				allAl := strings.HasPrefix(stem[j], "ال")
				for k < n && nameWords(stem, j, k) < 4 && t.toks[k].joined && nameish(k) && cut[k] == 0 {
					al := strings.HasPrefix(stem[k], "ال")
					if cliticArticle(stem[k]) || org && describes(k) {
						break
					}
					if org {
						// A word with the article is not followed inside the name by one
						// without: جماعة الإخوان المسلمين نموذجا.
						if al != allAl {
							break
						}
					} else if !nameJoiners[stem[k-1]] && (al || !known(k, 1) && k > j+1) {
						// The word after عبد, أبو or بن is part of the name, article or not.
						break
					}
					allAl = allAl && al
					k++
				}
				k = dropJoiners(stem, j, k)
				if org {
					k = knownMediaEnd(stem, j, k) // صحيفة واشنطن بوست نشرت
				}
				evidence := org && k > j
				for x := j; x < k && !evidence; x++ {
					evidence = known(x, 1) || placeShape(stem[x])
				}
				if evidence {
					ct := cand{from: j, to: k, title: text[int(t.toks[i].start)+cut[i] : t.toks[i].end], typ: typ}
					if org {
						ct.from = i
						// حركة التمرد "the rebellion movement", موقع الحادث "the site of
						// the accident": these titles before one word with the article
						// are as often a common noun phrase (a newspaper's is not).
						ct.weak = (typ == "organisation" || stem[i] == keyMawqi) && k == j+1 &&
							strings.HasPrefix(stem[j], "ال") && wellKnown[stem[j]] == ""
					}
					if placeShape(stem[j]) && k == j+1 {
						ct.typ = "place"
						if k < n && t.toks[k].joined && directions[stem[k]] {
							ct.to = k + 1
						}
					}
					cands = append(cands, ct)
					i = ct.to - 1
					continue
				}
			}
		}
		if !nameish(i) {
			continue
		}
		// Runs of name-table words (جون كيربي) and foreign place shapes.
		// وسوف "and will" has the shape of Wassouf: an ordinary word starts no name.
		if inTable(i) || (placeShape(stem[i]) || foreignShape(stem[i])) && !ordinaryAt(i) {
			k := i + 1
			for k < n && nameWords(stem, i, k) < 4 && t.toks[k].joined && nameish(k) && cut[k] == 0 && !knownAt(k) &&
				(known(k, 1) || placeShape(stem[k]) || foreignShape(stem[k]) || nameJoiners[stem[k-1]]) {
				k++
			}
			if k = dropJoiners(stem, i, k); k == i {
				continue // عبد with no name after it
			}
			typ := ""
			if k > i+1 {
				typ = "person" // several name words in a row: a full name
			}
			if placeShape(stem[i]) && k == i+1 {
				typ = "place"
				if k < n && t.toks[k].joined && directions[stem[k]] {
					k++
				}
			}
			cands = append(cands, cand{from: i, to: k, typ: typ})
			i = k - 1
		}
	}
	// A surname that stands alone after the full name (جيك سوليفان ...
	// وأقر سوليفان) is the same person: propose it too, spelled alike.
	inCand := make([]bool, n)
	glossaryNames := glossarySurnames(opt.Glossary)
	surnames := map[string]bool{}
	for w := range glossaryNames {
		surnames[w] = true
	}
	for _, c := range cands {
		for k := c.from; k < c.to; k++ {
			inCand[k] = true
		}
		if fullName(stem[c.from:c.to], c.typ == "person" || c.typ == "known" && wellKnownPeople[strings.Join(stem[c.from:c.to], " ")] != "") {
			surnames[stem[c.to-1]] = true
		}
	}
	for i := 0; i < n; i++ {
		if !inCand[i] && surnames[stem[i]] && nameish(i) && wellKnown[stem[i]] == "" && !ordinaryAt(i) {
			cands = append(cands, cand{from: i, to: i + 1, typ: "person"})
		}
	}
	// Merge the occurrences of each phrase.
	byKey := map[string]*Suggestion{}
	var order []string
	for _, c := range cands {
		words := make([]string, 0, c.to-c.from)
		for k := c.from; k < c.to; k++ {
			words = append(words, stem[k])
		}
		if c.title != "" && len(words) > 1 && wellKnownMedia[strings.Join(words[1:], " ")] != "" {
			// وكالة رويترز is Reuters: the entry is the name, which the
			// text also writes without its title.
			c.from, words = c.from+1, words[1:]
		}
		key := strings.Join(words, " ")
		s := byKey[key]
		start := int(t.toks[c.from].start) + cut[c.from]
		end := int(t.toks[c.to-1].end)
		ar := text[start:end]
		if restored[c.from] {
			ar = "ا" + ar
		}
		if s != nil && s.Ar != text[s.Start:s.End] && !restored[c.from] {
			// Prefer an occurrence written as it stands alone.
			s.Ar, s.Start, s.End = ar, start, end
		}
		if s == nil {
			typ := c.typ
			if typ == "known" {
				typ = "place"
				if wellKnownPeople[key] != "" {
					typ = "person"
				} else if wellKnownOrgs[key] != "" {
					typ = "organisation"
				} else if wellKnownMedia[key] != "" {
					typ = "media"
				}
			}
			s = &Suggestion{Ar: ar, Start: start, End: end, Type: typ}
			if en := wellKnown[key]; en != "" {
				s.En, s.From = en, "table"
			} else {
				s.En, s.From = proposeEnglish(words, c.title != "" && (c.typ == "media" || c.typ == "organisation"), opt.Names)
			}
			byKey[key] = s
			order = append(order, key)
		}
		s.Count++
		if c.typ == "known" {
			s.Score += 3
			s.Reasons = appendOnce(s.Reasons, "well-known name")
		} else if s.Type == "" {
			s.Type = c.typ
		}
		if c.title != "" {
			if c.weak {
				s.Score += 1.5
			} else {
				s.Score += 3
			}
			s.Reasons = appendOnce(s.Reasons, "after "+c.title)
		}
	}
	out := make([]Suggestion, 0, len(order))
	for _, key := range order {
		s := byKey[key]
		words := strings.Split(key, " ")
		tabled := 0
		for _, w := range words {
			if _, wt, ok := opt.Names.Lookup(w); ok && wt >= 2 {
				tabled++
			}
		}
		if tabled > 0 {
			s.Score += 2 * float64(tabled) / float64(len(words))
			s.Reasons = append(s.Reasons, "in the name table")
		}
		if placeShape(words[0]) {
			s.Score += 1.5
			s.Reasons = append(s.Reasons, "shape of a place name")
		} else if foreignShape(words[len(words)-1]) {
			s.Score += 1.5
			s.Reasons = append(s.Reasons, "shape of a foreign name")
		}
		if len(words) > 1 {
			s.Score += 0.5
		}
		if s.Count > 1 {
			s.Score += min(3, float64(s.Count-1))
			s.Reasons = append(s.Reasons, fmt.Sprintf("%d times", s.Count))
		}
		out = append(out, *s)
	}
	// Spell a lone surname as its full name ends, and rank it with it.
	full := map[string]*Suggestion{}
	for i := range out {
		if words := Words(out[i].Ar); fullName(words, out[i].Type == "person") && out[i].Score >= minSuggestScore &&
			len(strings.Fields(out[i].En)) == len(words) {
			full[words[len(words)-1]] = &out[i]
		}
	}
	for i := range out {
		s := &out[i]
		words := Words(s.Ar)
		if len(words) != 1 {
			continue
		}
		if p := full[words[0]]; p != nil {
			en := strings.Fields(p.En)
			s.En, s.From, s.Type = en[len(en)-1], p.From, "person"
			s.Score += minSuggestScore
			s.Reasons = append(s.Reasons, "surname of "+p.Ar)
		} else if e := glossaryNames[words[0]]; e != nil {
			en := strings.Fields(e.En)
			s.En, s.From, s.Type = en[len(en)-1], "glossary", "person"
			s.Score += minSuggestScore
			s.Reasons = append(s.Reasons, "surname of "+e.Ar+" in the glossary")
		}
	}
	kept := out[:0]
	for _, s := range out {
		if s.Score >= minSuggestScore {
			kept = append(kept, s)
		}
	}
	out = kept
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if opt.Max > 0 && len(out) > opt.Max {
		out = out[:opt.Max]
	}
	return out
}

// nameJoiners are the words that are never a name alone: عبد ("servant
// of"), أبو and أبي ("father of"), بن, ابن and بنت ("son, daughter of") join
// the word after them (عبد الفتاح, عبد الله, أبو بكر, محمد بن سلمان, علي بن أبي طالب).
var nameJoiners = foldBool("عبد", "أبو", "أبي", "بن", "ابن", "بنت")

// nameWords counts the words of stem[from:to] that are not joiners: a name
// has at most four (عبد الرحمن بن عبد العزيز has two).
func nameWords(stem []string, from, to int) int {
	n := 0
	for _, w := range stem[from:to] {
		if !nameJoiners[w] {
			n++
		}
	}
	return n
}

// glossarySurnames maps the last word of the glossary's full names of
// people (type person) to their entry, so that a surname alone is spelled as the
// glossary spells the whole (بيسكوف as in ديمتري بيسكوف Dmitry Peskov).
func glossarySurnames(m *Matcher) map[string]*Entry {
	out := map[string]*Entry{}
	if m == nil {
		return out
	}
	for _, e := range m.entries {
		if e == nil || e.Type != "person" || !e.Translatable() { // untyped: جامعة هارفارد is no person
			continue
		}
		words := Words(e.Ar)
		if fullName(words, true) && len(strings.Fields(e.En)) == len(words) && out[words[len(words)-1]] == nil {
			out[words[len(words)-1]] = e
		}
	}
	return out
}

// fullName reports a person's name of two or more words whose last word
// names them alone (جيك سوليفان: سوليفان), which a name with عبد, أبو or بن
// does not (محمد بن سلمان is not سلمان).
func fullName(words []string, person bool) bool {
	if !person || len(words) < 2 {
		return false
	}
	for _, w := range words {
		if nameJoiners[w] {
			return false
		}
	}
	return true
}

// dropJoiners returns the end of the name stem[from:to] without the joiners
// it ends with, which have lost the word they join.
func dropJoiners(stem []string, from, to int) int {
	for to > from && nameJoiners[stem[to-1]] {
		to--
	}
	return to
}

// minSuggestScore drops the weakest candidates: one table word seen once.
const minSuggestScore = 2.5

func (t tokens) word(i int) string { return t.folded[t.toks[i].fs:t.toks[i].fe] }

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// cliticArticle reports a preposition glued to the article (للأنباء,
// بالعاصمة): such a word starts a phrase of its own, not part of a name.
func cliticArticle(w string) bool {
	for _, p := range []string{"لل", "بال", "وال", "فال", "كال"} {
		if strings.HasPrefix(w, p) && utf8.RuneCountInString(w) > 4 {
			return true
		}
	}
	return false
}

// foreignShape reports endings common in foreign names and rare in Arabic
// words: Korean and Chinese -ng, Russian -ov, -sky, -vich, -stok, -burg, -grad.
func foreignShape(w string) bool {
	if utf8.RuneCountInString(w) < 4 || strings.HasPrefix(w, "ال") || stopWords[w] {
		return false
	}
	for _, suf := range []string{"نغ", "وف", "وفا", "سكي", "فيتش", "يتش", "ستوك", "بورغ", "غراد"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// placeShape reports the endings of foreign country and region names.
func placeShape(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 5 && (strings.HasSuffix(w, "يا") || strings.HasSuffix(w, "ستان")) && !strings.HasPrefix(w, "ال") && !stopWords[w]
}

// knownMediaEnd returns where a well-known media name that starts at
// stem[from] ends, when one does before to, and to otherwise.
func knownMediaEnd(stem []string, from, to int) int {
	for end := to; end > from; end-- {
		if wellKnownMedia[strings.Join(stem[from:end], " ")] != "" {
			return end
		}
	}
	return to
}

// proposeEnglish spells words in English: from the table where it has them,
// by rule otherwise. A leading title of an organisation is translated.
func proposeEnglish(words []string, titled bool, names *NameTable) (string, string) {
	var parts []string
	table, rules := 0, 0
	lead, suffix := "", ""
	if len(words) == 2 && placeShape(words[0]) {
		if d := directionEnglish[words[1]]; d != "" {
			lead, words = d, words[:1]
		}
	}
	for i, w := range words {
		if i == 0 && titled {
			if en, ok := titleEnglish[w]; ok {
				suffix = en // "Wagner Group", "Baath Party"
				continue
			}
		}
		if en := wellKnownTitled[strings.Join(words[i:], " ")]; en != "" && i > 0 && titled {
			parts = append(parts, en) // قناة الجزيرة: Al-Jazeera
			table++
			break
		}
		if en := wellKnown[w]; en != "" {
			parts = append(parts, en) // نيويورك in نيويورك تايمز
			table++
			continue
		}
		if en, known, ok := joinerEnglish(words, i, names); ok {
			parts = append(parts, en)
			if known {
				table++
			} else {
				rules++
			}
			continue
		}
		if i > 0 && words[i-1] == keyAbd {
			continue // spelled with عبد
		}
		if en, _, ok := names.Lookup(w); ok && (!placeShape(w) || strings.HasSuffix(en, "ia") || strings.HasSuffix(en, "stan")) {
			parts = append(parts, capitalize(en))
			table++
			continue
		}
		if rest, ok := strings.CutPrefix(w, "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
			if en, _, ok := names.Lookup(rest); ok {
				// الحكيم: the table knows حكيم Hakim.
				parts = append(parts, nameCase("al-"+en, len(parts) == 0))
				table++
				continue
			}
		}
		parts = append(parts, nameCase(Transliterate(w), len(parts) == 0))
		rules++
	}
	from := "table"
	switch {
	case table == 0:
		from = "rules"
	case rules > 0:
		from = "table+rules"
	}
	if lead != "" {
		parts = append([]string{lead}, parts...)
	}
	if suffix != "" {
		parts = append(parts, suffix)
	}
	return strings.Join(parts, " "), from
}

var (
	keyMawqi = Key("موقع")
	keyAbd   = Key("عبد")
	keyAbi   = Key("أبي")
	keyBin   = Key("بن")
	keyIbn   = Key("ابن")
	keyBint  = Key("بنت")
)

// joinerEnglish spells the joiner words[i] the way English writes it in a
// name: bin for بن (Mohammed bin Salman, bin Laden) and for ابن inside, Ibn
// for ابن first, bint inside, Abi, and عبد together with the word it joins
// (Abdul Fattah, Abdullah), also when they are written as one word the table
// lacks (عبدالله). known reports a spelling from the table or fixed use
// rather than transliterated; ok is false for words that are not joiners.
func joinerEnglish(words []string, i int, names *NameTable) (en string, known, ok bool) {
	w := words[i]
	if rest, found := strings.CutPrefix(w, keyAbd+"ال"); found && utf8.RuneCountInString(rest) >= 2 {
		if _, _, ok := names.Lookup(w); !ok {
			return joinerEnglish([]string{keyAbd, "ال" + rest}, 0, names)
		}
	}
	switch {
	case !nameJoiners[w]:
		return "", false, false
	case w == keyAbd && i+1 < len(words):
		next := words[i+1]
		if en, _, ok := names.Lookup(w + next); ok {
			return capitalize(en), true, true // عبدالرحمن: Abdulrahman
		}
		rest := strings.TrimPrefix(next, "ال")
		if rest == "له" {
			return "Abdullah", true, true
		}
		en, _, ok := names.Lookup(next)
		if ok && strings.HasPrefix(en, "abd") {
			return capitalize(en), true, true // the table's word already holds عبد
		}
		if !ok {
			en = Transliterate(rest)
		}
		// "Abdul" holds the article: عبد الفتاح is Abdul Fattah.
		return "Abdul " + capitalize(en), ok, true
	case w == keyBin || i > 0 && w == keyIbn:
		return "bin", true, true // بن لادن: bin Laden
	case i == 0 && w == keyIbn:
		return "Ibn", true, true
	case i > 0 && w == keyBint:
		return "bint", true, true
	case w == keyAbi:
		return "Abi", true, true // ابن أبي طالب: Ibn Abi Talib
	}
	return "", false, false
}

// nameCase capitalises a spelled name word and the word after its article
// (al-Hakim), the article itself only where it starts the name.
func nameCase(s string, first bool) string {
	if rest, ok := strings.CutPrefix(s, "al-"); ok {
		if first {
			return "Al-" + capitalize(rest)
		}
		return "al-" + capitalize(rest)
	}
	return capitalize(s)
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}

// Transliterate spells an Arabic word or phrase in Latin letters by rule: a
// fallback for names the table lacks. Long vowels are written (و → o/u,
// ي → i/y), short vowels are not guessed, and the article ال becomes al-.
func Transliterate(ar string) string {
	var out []string
	for _, w := range Words(ar) {
		out = append(out, transliterateWord(w))
	}
	return strings.Join(out, " ")
}

var consonants = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh", 'ر': "r",
	'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z", 'ع': "'", 'غ': "g",
	'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'ء': "'",
}

func transliterateWord(w string) string {
	var b strings.Builder
	if rest, ok := strings.CutPrefix(w, "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
		b.WriteString("al-")
		w = rest
	}
	if rest, ok := strings.CutPrefix(w, "او"); ok && rest != "" {
		b.WriteString("o")
		w = rest
	}
	rs := []rune(w)
	vowelBefore := b.Len() == 0 || strings.HasSuffix(b.String(), "-") // at the start, و and ي are consonants
	skip := false
	for i, r := range rs {
		if skip {
			skip = false
			continue
		}
		if r == 'ي' && i == len(rs)-2 && rs[i+1] == 'ا' && !vowelBefore {
			b.WriteString("ia")
			break
		}
		last := i == len(rs)-1
		switch r {
		case 'ا':
			if i == 0 {
				b.WriteString("a")
			} else if !vowelBefore {
				b.WriteString("a")
			}
			vowelBefore = true
		case 'و':
			if vowelBefore {
				b.WriteString("w")
				vowelBefore = false
			} else {
				b.WriteString("o")
				vowelBefore = true
			}
		case 'ي':
			switch {
			case vowelBefore:
				b.WriteString("y")
				vowelBefore = false
			case last:
				b.WriteString("i")
				vowelBefore = true
			default:
				b.WriteString("i")
				vowelBefore = true
			}
		case 'ه':
			if last && i > 0 {
				b.WriteString("a") // ta marbuta, folded to ha
			} else {
				b.WriteString("h")
			}
			vowelBefore = false
		case 'ت':
			if i+1 < len(rs) && rs[i+1] == 'ش' {
				b.WriteString("ch") // تش: English ch (Archie, Gorbachev)
				skip = true
			} else {
				b.WriteString("t")
			}
			vowelBefore = false
		default:
			if c, ok := consonants[r]; ok {
				b.WriteString(c)
				vowelBefore = false
			} else if r < utf8.RuneSelf {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// triggers are the words that announce a name, with the type they suggest.
var triggers = foldSet(map[string]string{
	"الرئيس": "person", "رئيس": "person", "الرئيسة": "person", "رئيسة": "person", "وزير": "person", "الوزير": "person",
	"وزيرة": "person", "الوزيرة": "person", "الناطق": "person", "الناطقة": "person", "المتحدث": "person",
	"المتحدثة": "person", "مستشار": "person", "المستشار": "person", "مستشارة": "person", "السفير": "person", "السفيرة": "person",
	"الزعيم": "person", "زعيم": "person", "الملك": "person", "الأمير": "person", "الشيخ": "person", "الجنرال": "person",
	"العقيد": "person", "اللواء": "person", "قائد": "person", "السيد": "person", "السيدة": "person", "الدكتور": "person",
	"النائب": "person", "المبعوث": "person", "المدير": "person", "مدير": "person", "الأمين": "person", "المرشح": "person",
	"المرشحة": "person", "الكاتب": "person", "الصحفي": "person", "المراسل": "person", "البابا": "person", "رئيسا": "person",
	"مدينة": "place", "العاصمة": "place", "عاصمة": "place", "جزيرة": "place", "ولاية": "place", "إقليم": "place",
	"منطقة": "place", "محافظة": "place", "بلدة": "place", "قرية": "place", "ميناء": "place",
	"وكالة": "media", "صحيفة": "media", "قناة": "media", "مجلة": "media", "إذاعة": "media", "تلفزيون": "media", "موقع": "media",
	"شركة": "organisation", "مجموعة": "organisation", "حزب": "organisation", "حركة": "organisation",
	"جامعة": "organisation", "منظمة": "organisation", "جماعة": "organisation", "بنك": "organisation", "مؤسسة": "organisation",
})

// directions are adjectives that belong to a place name before them.
var directions = foldBool("الشمالية", "الجنوبية", "الشرقية", "الغربية", "الوسطى", "المتحدة", "الجديدة", "العظمى")

// directionEnglish renders the adjectives of directions before the place.
var directionEnglish = foldSet(map[string]string{
	"الشمالية": "North", "الجنوبية": "South", "الشرقية": "East", "الغربية": "West", "الوسطى": "Central",
	"المتحدة": "United", "الجديدة": "New", "العظمى": "Great",
})

// titleEnglish translates the titles that lead organisation names.
var titleEnglish = foldSet(map[string]string{
	"وكالة": "", "صحيفة": "", "قناة": "", "مجلة": "", "إذاعة": "Radio", "تلفزيون": "TV", "موقع": "website",
	"شركة": "", "مجموعة": "Group", "حزب": "Party", "حركة": "Movement", "جامعة": "University",
	"منظمة": "Organisation", "جماعة": "Group", "بنك": "Bank", "مؤسسة": "Foundation",
	// The English word goes after the name: "Wagner Group".
})

// aliKey is علي (Ali) folded, which is also على (on) folded.
var aliKey = Key("علي")

// raghmKey is الرغم folded: على الرغم is "despite".
var raghmKey = Key("الرغم")

// stopWords are frequent words of news Arabic that are not names.
var stopWords = foldBool(strings.Fields(`
في من إلى الى على عن مع بين حول ضد لدى عند بعد قبل خلال منذ حتى ثم أو او أم لكن بل لا لم لن ما ماذا لماذا
هل قد كما أي اي كل بعض غير مثل نحو هذا هذه ذلك تلك هؤلاء هناك هنا الذي التي الذين اللذين اللتين هو هي هم هن
نحن أنت انت أنا انا إذا اذا لو حيث عام عامي يوم وقت شهر سنة أن ان إن إنه انه أنه بأن بان لأن لان كان كانت يكون
تكون كانوا يمكن يمكننا يجب تم يتم قال قالت يقول تقول أعلن أعلنت أكد أكدت أضاف أضافت ذكر ذكرت أوضح أوضحت أشار
أشارت وقال وقالت وأضاف وأضافت وكان وكانت وذكرت وأكد فيما بينما أمس اليوم غدا الثلاثاء الاثنين الأربعاء الخميس
الجمعة السبت الأحد يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الماضي الجاري المقبل القادم العام الأسبوع ثلاثة أربعة
خمسة ستة سبعة ثمانية تسعة عشرة أربع خمس ست سبع ثمان تسع عشر اثنين اثنان واحد واحدة مليون مليار ألف مئة مائة
نقلا وفقا وفق بحسب حسب أيضا ايضا فقط جدا حاليا دائما أبدا أكثر أقل كبير كبيرة صغير جديد جديدة أخرى آخر أخرى
باسم الأنباء للأنباء يريد تريد يتوقع توقع يجري تجري زيارة زيارات مسؤول مسؤولون مسؤولين مسؤولة حكومة دولة دول بلد بلاد قوات قوة
شخص أشخاص عدد عدة نفسه نفسها ذاته لها له لهم لنا لك بها به بهم منها منه منهم عليها عليه عليهم فيها فيه فيهم
إليها إليه عنها عنه معها معه لديها لديه لدينا ليس ليست سوف سيتم ضمن إطار اطار شأن بشأن جانب إزاء ازاء لصالح
شكل أشكال نوع طريقة سلام حرب أسلحة اسلحة الأسلحة ذخيرة صواريخ قذائف مدفعية عقوبات اتفاق بيان قرار قرارات
مفاوضات محادثات اجتماع اجتماعات قمة تدريبات حوار معلومات وسائل إعلام مثل هؤلاء جيراننا جيرانك ووئام
`)...)

func foldSet(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[Key(k)] = v
	}
	return out
}

func foldBool(words ...string) map[string]bool {
	out := make(map[string]bool, len(words))
	for _, w := range words {
		out[Key(w)] = true
	}
	return out
}
