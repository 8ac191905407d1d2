// Package figures checks that a translation carries the numbers of its
// source: a death toll, a sum, a date or a percentage that the two sides
// write differently is the worst error a bilingual page can carry.
//
// Numbers are compared by value, however they are written: Arabic-Indic and
// Persian digits, the Arabic decimal and thousands separators, "1,250",
// "1250" and "1 250", "2 million" and "2,000,000". A number one side writes
// in figures and the other in words ("3" and "three", "مليونين" and "2
// million", "السبع" and "G7"), a month written as a number on one side and
// named on the other, and a Hijri year the translation gives as its
// Gregorian year are not mismatches. Each value counts once, however often
// it is repeated: a translation may say "it" for a figure already given.
//
// A figure the Arabic writes in words (ثلاثة, الخامس عشر, ثلاثة آلاف
// وخمسمائة) must be in the other side too, in digits or words; one and two,
// the first and the second, which a translation may well give as "a" or
// "the earliest", need not. So must a count the English writes in words
// (two, three, twenty-one, two hundred and fifty): an Arabic dual (وزيران)
// is two, but not three, and a singular is not two.
package figures

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/arabic"
	"bitext/doc"
)

// Mismatch is a number one side has and the other lacks; when both sides
// lack one of the other's, the two are given together, in the order they
// come, since that is most often one figure mistyped. A figure both sides
// have, but the target less often, is given with both counts: the English
// may have dropped the second 17 of "born on 17 September, weighing 17
// pounds".
type Mismatch struct {
	Source string `json:"source,omitempty"` // as the source writes it; "" when only the target has a number
	Target string `json:"target,omitempty"` // as the target writes it; "" when only the source has one
	// SourceTimes and TargetTimes are how often each side has Source, a
	// figure both have; 0 for the other mismatches.
	SourceTimes int `json:"source_times,omitempty"` // how often the source has Source
	TargetTimes int `json:"target_times,omitempty"` // how often the target has it
	// Swapped is set when both sides have the same figures but two come in
	// the other order; Source and Target then give both ("12 then 30").
	Swapped bool `json:"swapped,omitempty"`
}

// String says what differs, for an editor: "the source's 1250 is 125 in
// the translation", "the source has 17 twice, the translation once".
func (m Mismatch) String() string {
	switch {
	case m.Swapped:
		return "the source has " + m.Source + ", the translation " + m.Target
	case m.SourceTimes > 0:
		return "the source has " + m.Source + " " + times(m.SourceTimes) + ", the translation " + times(m.TargetTimes)
	case m.Target == "":
		return "the source's " + m.Source + " is not in the translation"
	case m.Source == "":
		return "the translation's " + m.Target + " is not in the source"
	}
	return "the source's " + m.Source + " is " + m.Target + " in the translation"
}

// times is "once", "twice" or "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

// NotePrefix starts the note a unit gets for each mismatch (see Note), by
// which the page finds them to show with the unit's flag.
const NotePrefix = "number mismatch: "

// Note is the unit note for m: "number mismatch: the source's 1250 is 125
// in the translation".
func (m Mismatch) Note() string { return NotePrefix + m.String() }

// Mark gives u a note for each mismatch and the flag doc.FlagNumberMismatch
// when there are any, after removing the number notes and flag of an earlier
// check: the unit's target may have changed since, and they would come twice.
func Mark(u *doc.Unit, ms []Mismatch) {
	u.Notes = slices.DeleteFunc(u.Notes, func(n string) bool { return strings.HasPrefix(n, NotePrefix) })
	u.Flags = slices.DeleteFunc(u.Flags, func(f doc.Flag) bool { return f == doc.FlagNumberMismatch })
	for _, m := range ms {
		u.Notes = append(u.Notes, m.Note())
	}
	if len(ms) > 0 {
		u.AddFlag(doc.FlagNumberMismatch)
	}
}

// Check returns the numbers that source and target do not share, nil when
// they carry the same figures. Either text may be in either language; the
// readings of number words, month names and Hijri years are Arabic and
// English ones.
func Check(source, target string) []Mismatch {
	src, tgt := scan(source), scan(target)
	if len(src.figs)+len(src.wordFigs) == 0 && len(tgt.figs)+len(tgt.wordFigs) == 0 {
		return nil
	}
	onlySrc, moreSrc := missing(src, tgt)
	// a translation that repeats a figure (KV62 ... KV62) says nothing
	// wrong: the figure it would have replaced is missing in its own right
	onlyTgt, _ := missing(tgt, src)
	var out []Mismatch
	for k := 0; k < max(len(onlySrc), len(onlyTgt)); k++ {
		var m Mismatch
		if k < len(onlySrc) {
			m.Source = onlySrc[k]
		}
		if k < len(onlyTgt) {
			m.Target = onlyTgt[k]
		}
		out = append(out, m)
	}
	for _, f := range moreSrc {
		out = append(out, Mismatch{Source: f.text, SourceTimes: src.count(f), TargetTimes: tgt.count(f)})
	}
	if len(out) == 0 {
		if m, ok := swapped(source, target, src, tgt); ok {
			out = append(out, m)
		}
	}
	return out
}

// swapped finds two figures that both sides have, once each, in the other
// order: "killed 12, wounded 30" for "قتل 30 وجرح 12". Years and the day
// of a date are left out, as a translation moves them freely ("in 2008" to
// the front); so are times and figures joined by a dash or slash (a score,
// 5/3). Human translations keep the order of the rest.
func swapped(source, target string, src, tgt side) (Mismatch, bool) {
	eligible := func(s string, f figure) bool {
		return !f.list && !f.hijri && !strings.Contains(f.keys[0], ":") && !nearMonth(s, f) && !joined(s, f)
	}
	srcAll := slices.SortedStableFunc(slices.Values(slices.Concat(src.figs, src.wordFigs)), func(f, g figure) int { return f.start - g.start })
	tgtAll := slices.SortedStableFunc(slices.Values(slices.Concat(tgt.figs, tgt.wordFigs)), func(f, g figure) int { return f.start - g.start })
	var pos []int // for each figure of the source in order, the place of its match in the target
	var pairs [][2]figure
	for _, f := range srcAll {
		if !eligible(source, f) || countIn(srcAll, f) != 1 || countIn(tgtAll, f) != 1 {
			continue
		}
		j := slices.IndexFunc(tgtAll, func(g figure) bool { return shares(f, g) })
		if g := tgtAll[j]; eligible(target, g) && countIn(srcAll, g) == 1 && !(isYearLike(f) && plain(f.text) && plain(g.text)) {
			pos = append(pos, j)
			pairs = append(pairs, [2]figure{f, g})
		}
	}
	for i := 1; i < len(pos); i++ {
		for k := 0; k < i; k++ {
			if pos[k] <= pos[i] {
				continue
			}
			moved, swap := false, false
			for _, role := range []func(string, figure) string{anchorNear, prepositionOf} {
				ak, ai := role(source, pairs[k][0]), role(source, pairs[i][0])
				ek, ei := role(target, pairs[k][1]), role(target, pairs[i][1])
				if ak == "" || ai == "" || ak == ai {
					continue // the source does not say what each counts
				}
				// "12 people were killed and 30 wounded" for أصيب 30 وقتل 12,
				// "to 7% from 5%" for من 5% إلى 7%: the clauses moved
				moved = moved || ek == ak && ei == ai
				swap = swap || ek == ai && ei == ak
			}
			if moved {
				continue
			}
			if swap || sameGap(source, pairs[k][0], pairs[i][0], target, pairs[i][1], pairs[k][1]) {
				return Mismatch{Source: pairs[k][0].text + " then " + pairs[i][0].text, Target: pairs[i][1].text + " then " + pairs[k][1].text, Swapped: true}, true
			}
		}
	}
	return Mismatch{}, false
}

// anchors are the words of casualty and arrest reports that say what a
// figure near them counts, English and Arabic (folded).
var anchors = func() map[string]string {
	m := map[string]string{}
	for class, words := range map[string]string{
		"dead": "killed killing dead died deaths death fatalities bodies " +
			"قتل قتيل قتيلا قتلي مقتل حتفه حتفهم مصرع وفاه توفي شهيد شهيدا شهداء استشهاد استشهد",
		"hurt": "wounded wounding injured injuring injuries injury hurt " +
			"جرح جريح جريحا جرحي اصيب اصابه اصابات مصاب مصابا مصابين بجروح",
		"held": "arrested arrests detained detainees prisoners " +
			"اعتقال اعتقل معتقل معتقلا معتقلين احتجاز احتجز اسير اسيرا اسري",
	} {
		for _, w := range strings.Fields(words) {
			m[w] = class
		}
	}
	return m
}()

// anchorNear returns the class of the anchor word nearest f, a figure of s,
// within three words either side: "dead" for "killed 12", "" for none.
func anchorNear(s string, f figure) string {
	split := func(r rune) bool { return !isLetter(r) }
	after := strings.FieldsFunc(s[f.start+len(f.text):], split)
	before := strings.FieldsFunc(s[:f.start], split)
	for d := 0; d < 3; d++ {
		if d < len(after) {
			if c := anchorOf(after[d]); c != "" {
				return c
			}
		}
		if d < len(before) {
			if c := anchorOf(before[len(before)-1-d]); c != "" {
				return c
			}
		}
	}
	return ""
}

// prepositionOf returns "from" or "to" when the word right before f, a
// figure of s, is one (من, إلى), "" otherwise.
func prepositionOf(s string, f figure) string {
	before := strings.FieldsFunc(s[:f.start], func(r rune) bool { return !isLetter(r) })
	if len(before) == 0 {
		return ""
	}
	switch strings.ToLower(arabic.Fold(before[len(before)-1])) {
	case "from", "من":
		return "from"
	case "to", "الي":
		return "to"
	}
	return ""
}

// anchorOf is the class of the anchor word w, with or without its clitics
// (وجرح, والقتلى).
func anchorOf(w string) string {
	w = strings.ToLower(arabic.Fold(w))
	if c := anchors[w]; c != "" {
		return c
	}
	for _, p := range proclitics {
		if rest, ok := strings.CutPrefix(w, p); ok {
			if c := anchors[rest]; c != "" {
				return c
			}
		}
	}
	return ""
}

// sameGap reports whether about as many words lie between a and b, figures
// of s, as between c and d, figures of t: a swap leaves the sentence as it
// was, while a translation that moves a clause ("Seven points behind,
// Johnson is second with 2,243") moves one figure away from the other.
func sameGap(s string, a, b figure, t string, c, d figure) bool {
	gap := func(s string, x, y figure) int {
		return len(strings.FieldsFunc(s[x.start+len(x.text):y.start], func(r rune) bool { return !isLetter(r) }))
	}
	g, h := gap(s, a, b), gap(t, c, d)
	return h-g <= 2+g/2 && g-h <= 2+h/2
}

// shares reports whether f and g share a value.
func shares(f, g figure) bool {
	return slices.ContainsFunc(g.keys, func(k string) bool { return slices.Contains(f.keys, k) })
}

// countIn returns how many of figs share a value with f.
func countIn(figs []figure, f figure) int {
	n := 0
	for _, g := range figs {
		if shares(f, g) {
			n++
		}
	}
	return n
}

// plain reports whether a figure is written in digits alone, as a year is
// (2008, not 2,008).
func plain(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return !isDigit(r) }) < 0
}

// isYearLike reports whether f may be a year, which a translation moves.
func isYearLike(f figure) bool {
	y, err := strconv.Atoi(f.keys[0])
	return err == nil && y >= 1000 && y <= 2100
}

// nearMonth reports whether f, a figure of s, is the day of a date: a
// month name comes right before or after it (5 March, 21 من آذار, March 5).
func nearMonth(s string, f figure) bool {
	after := strings.FieldsFunc(s[f.start+len(f.text):], func(r rune) bool { return !isLetter(r) })
	for i := 0; i < len(after) && i < 2; i++ {
		if monthNumber[strings.ToLower(arabic.Fold(after[i]))] != nil {
			return true
		}
		if w := arabic.Fold(after[i]); w != "من" && w != "of" {
			break
		}
	}
	before := strings.FieldsFunc(s[:f.start], func(r rune) bool { return !isLetter(r) })
	return len(before) > 0 && monthNumber[strings.ToLower(arabic.Fold(before[len(before)-1]))] != nil
}

// joined reports whether f, a figure of s, is joined to another by a dash
// or a slash: a score (2-1), a range, a date (5/3).
func joined(s string, f figure) bool {
	end := f.start + len(f.text)
	if end+1 < len(s) && (s[end] == '-' || s[end] == '/') {
		r, _ := utf8.DecodeRuneInString(s[end+1:])
		if isDigit(r) {
			return true
		}
	}
	if f.start >= 2 && (s[f.start-1] == '-' || s[f.start-1] == '/') {
		r, _ := utf8.DecodeLastRuneInString(s[:f.start-1])
		return isDigit(r)
	}
	return false
}

// Number is a number a text writes in digits, as Check reads it.
type Number struct {
	Text  string // as the text writes it: "١٬٢٥٠", "1.25 million", "10:30"
	Start int    // byte offset of Text in the text
	// Values are what it may stand for, likeliest first: "1250" for
	// "1,250" and "1.25 million", "1.25" and "1250" for "1.250".
	Values []string
}

// Numbers returns the numbers s writes in digits, in order, read as Check
// reads them: with their scale word ("2 million"), as times ("10.30 am")
// and whatever digits and separators. Numbers written in words are left
// out, as is the power of a unit (km2).
func Numbers(s string) []Number {
	figs := scan(s).figs
	if len(figs) == 0 {
		return nil
	}
	out := make([]Number, len(figs))
	for i, f := range figs {
		out[i] = Number{Text: f.text, Start: f.start, Values: f.keys}
	}
	return out
}

// Words returns the figures s states in Arabic number words (ثلاثة, الخامس
// عشر, ثلاثة آلاف وخمسمائة), in order: those Check requires the other side
// to give, in digits or words. One and two, the first and second, a bare
// thousand or million, a dual and a decade are left out, as a translation
// may carry them as "a", "the earliest" or "the 1970s".
func Words(s string) []Number {
	var out []Number
	for _, f := range scan(s).wordFigs {
		out = append(out, Number{Text: f.text, Start: f.start, Values: f.keys})
	}
	return out
}

// Same reports whether a and b may be the same figure: whether they share a
// value, as ١٬٢٥٠, 1,250 and 1250 do.
func (a Number) Same(b Number) bool {
	for _, v := range a.Values {
		if slices.Contains(b.Values, v) {
			return true
		}
	}
	return false
}

// missing returns the figures of a that b has in no form, each value once,
// and those b has fewer times (and never in words).
func missing(a, b side) (absent []string, more []figure) {
	seen := map[string]bool{}
	all := a.figs
	if len(a.wordFigs) > 0 {
		all = slices.SortedStableFunc(slices.Values(slices.Concat(a.figs, a.wordFigs)), func(f, g figure) int { return f.start - g.start })
	}
	for _, f := range all {
		if f.word {
			if !b.has(f) && !seen[f.keys[0]] && !b.isName(f.text) {
				seen[f.keys[0]] = true
				absent = append(absent, f.text)
			}
			continue
		}
		if b.has(f) {
			if !b.hasWord(f) && a.count(f) > b.count(f) && !seen[f.keys[0]] && !f.list {
				seen[f.keys[0]] = true
				more = append(more, f)
			}
			continue
		}
		if f.list || f.hijri || isHijriYear(f) && b.hasGregorianOf(f) || a.isGregorianOf(f, b) {
			// 1445 هـ is 2023 or 2024: a translation may give either, or
			// leave the year out as English readers would not follow it
			continue
		}
		if seen[f.keys[0]] {
			continue
		}
		seen[f.keys[0]] = true
		absent = append(absent, f.text)
	}
	return absent, more
}

// figure is a number written in digits: its text and the values it may
// stand for (10:30 as a time, 2 million as 2 and 2000000).
type figure struct {
	text  string
	start int // byte offset of text in the text scanned
	keys  []string
	hijri bool // followed by هـ or هجري
	list  bool // the number of a list item ("1. ", "2) " at the start): a page may number it otherwise
	word  bool // written in words (ثلاثة آلاف)
}

// side is what one text says in numbers: its figures, and the values its
// words name (three, ثلاثة آلاف, March), which excuse a figure of the
// other side but are never missing themselves: a translator may write out
// a number without the other side saying it in figures.
type side struct {
	figs  []figure
	words map[string]bool
	// months are the numbers of the months it names (March: 3), which
	// excuse a figure (5/3) but not a number word: ثلاثة is not March
	months map[string]bool
	// names are the consonants of its capitalised Latin words (Stone:
	// stn), by which an Arabic name that reads as a number word (ستون,
	// sixty) is known
	names map[string]bool
	// wordFigs are the figures its words state (ثلاثة, الخامس عشر), which
	// the other side must have in digits or words, as it must a figure
	wordFigs []figure
}

func (s side) has(f figure) bool {
	for _, k := range f.keys {
		if s.words[k] || !f.word && s.months[k] {
			return true
		}
		for _, g := range slices.Concat(s.figs, s.wordFigs) {
			for _, l := range g.keys {
				if k == l {
					return true
				}
			}
		}
	}
	return false
}

// isName reports whether the Arabic word w, a number word, may be a name
// that s writes in Latin letters: ستون is Stone, وست West, وستون "and Stone".
func (s side) isName(w string) bool {
	if s.names[arabicSkeleton(w)] {
		return true
	}
	rest, ok := strings.CutPrefix(w, "و")
	return ok && s.names[arabicSkeleton(rest)]
}

// hasWord reports whether the words of s name a value of f.
func (s side) hasWord(f figure) bool {
	return slices.ContainsFunc(f.keys, func(k string) bool { return s.words[k] || s.months[k] })
}

// count returns how many figures of s share a value with f.
func (s side) count(f figure) int {
	n := 0
	for _, g := range s.figs {
		if slices.ContainsFunc(g.keys, func(k string) bool { return slices.Contains(f.keys, k) }) {
			n++
		}
	}
	return n
}

// isHijriYear reports whether f can be a Hijri year of modern news.
func isHijriYear(f figure) bool {
	v, err := strconv.ParseFloat(f.keys[0], 64)
	return err == nil && v >= 1300 && v <= 1500 && v == float64(int(v))
}

// hasGregorianOf reports whether s has a year that the Hijri year of f
// overlaps: a Hijri year is 11 days shorter and starts in any season.
func (s side) hasGregorianOf(f figure) bool {
	first := gregorianStart(f)
	for _, g := range s.figs {
		if y, err := strconv.Atoi(g.keys[0]); err == nil && (y == first || y == first+1) {
			return true
		}
	}
	return false
}

// isGregorianOf reports whether f, a figure of a, is the Gregorian year of
// a Hijri year of b that a does not have.
func (a side) isGregorianOf(f figure, b side) bool {
	y, err := strconv.Atoi(f.keys[0])
	if err != nil {
		return false
	}
	for _, g := range b.figs {
		if (g.hijri || isHijriYear(g)) && !a.has(g) {
			if first := gregorianStart(g); y == first || y == first+1 {
				return true
			}
		}
	}
	return false
}

// gregorianStart is the Gregorian year the Hijri year of f starts in.
func gregorianStart(f figure) int {
	h, _ := strconv.ParseFloat(f.keys[0], 64)
	return int(h*0.970229 + 621.5643)
}

// scan reads the figures and number words of s.
func scan(s string) side {
	sd := side{words: map[string]bool{}, months: map[string]bool{}, names: map[string]bool{}}
	var words []word // in order, for readings across words
	flushWords := func() {
		vals, months := wordValues(foldedOf(words))
		for _, v := range vals {
			sd.words[v] = true
		}
		for _, v := range months {
			sd.months[v] = true
		}
		for k, w := range words {
			if isCapitalised(s, w) && englishCounts[w.folded] == 0 {
				if sk := latinSkeleton(w.folded); len(sk) >= 3 {
					sd.names[sk] = true
				}
			}
			v := roman(s[w.start:w.end])
			if t := s[w.start:w.end]; (t == "V" || t == "X") && k > 0 && isCapitalised(s, words[k-1]) {
				v = map[string]int{"V": 5, "X": 10}[t] // Felipe V: فيليب الخامس
			}
			if v > 0 {
				sd.words[strconv.Itoa(v)] = true // Henry VIII: هنري الثامن
			}
		}
		sd.wordFigs = append(sd.wordFigs, arabicFigures(s, words)...)
		sd.wordFigs = append(sd.wordFigs, englishFigures(s, words)...)
		words = words[:0]
	}
	for i := 0; i < len(s); {
		if n, keys := numberAt(s[i:]); n > 0 {
			flushWords()
			f := figure{text: strings.TrimSpace(s[i : i+n]), start: i, keys: keys}
			rest := s[i+n:]
			if isUnitPower(s[:i], f.text) {
				i += n // km2: no figure of its own
				continue
			}
			if k := keys[0]; (len(k) == 4 || len(k) == 2) && k[len(k)-1] == '0' && (strings.HasPrefix(rest, "s") || strings.HasPrefix(rest, "'s")) {
				switch {
				case len(k) == 4 && k[2:] == "00":
					c, _ := strconv.Atoi(k[:2])
					f.keys = append(f.keys, "c"+strconv.Itoa(c+1)) // the 1800s: القرن التاسع عشر
				case len(k) == 4:
					f.keys = append(f.keys, k+"s") // the 1350s: خمسينيات القرن الرابع عشر
					if k[:2] == "19" || k[:2] == "20" {
						f.keys = append(f.keys, k[2:]+"s") // the 1970s: السبعينيات, the century left unsaid
					}
				case k[0] != '0':
					f.keys = []string{k + "s"} // the 90s, not 90
				}
			}
			m, more, hijri := after(rest, f.text, keys[0])
			if m == 0 && len(more) == 0 && strings.HasPrefix(rest, "m") && !startsWithLetter(rest[1:]) && afterCurrency(s[:i]) {
				m, more = 1, []string{scale(keys[0], 6)} // £1.2m; 5m alone may be metres
			}
			if m > 0 && len(more) > 0 {
				f.keys = more // 2 million is 2000000, not 2
				f.text = strings.TrimSpace(s[i : i+n+m])
			} else {
				f.keys = append(f.keys, more...)
			}
			f.hijri = hijri
			f.list = strings.TrimSpace(s[:i]) == "" && len(keys[0]) <= 2 && isListMark(rest)
			n += m
			sd.figs = append(sd.figs, f)
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isLetter(r) {
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if !isLetter(r) && !(r == '\'' || r == '’') {
					break
				}
				j += size
			}
			words = append(words, word{folded: arabic.Fold(s[i:j]), start: i, end: j})
			i = j
			continue
		}
		if r == '.' || r == ';' || r == ':' || r == '!' || r == '?' || r == '،' || r == '؛' {
			flushWords()
		}
		i += size
	}
	flushWords()
	return sd
}

// isUnitPower reports whether the number text, right after before, is the
// power of a unit (km2, m3): the other side says square or cubic.
func isUnitPower(before, text string) bool {
	if text != "2" && text != "3" {
		return false
	}
	for _, u := range []string{"km", "m", "cm", "mi", "ft"} {
		if rest, ok := strings.CutSuffix(before, u); ok {
			r, _ := utf8.DecodeLastRuneInString(rest)
			return rest == "" || !isLetter(r)
		}
	}
	return false
}

// isListMark reports whether rest, after a number, makes it a list item's:
// "1. ", "2) ", "3- ".
func isListMark(rest string) bool {
	return len(rest) >= 2 && strings.ContainsRune(".)-", rune(rest[0])) && rest[1] == ' '
}

// afterCurrency reports whether before ends with a currency sign.
func afterCurrency(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '$' || r == '£' || r == '€' || r == '¥'
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && isLetter(r)
}

func isLetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == 'ـ'
}

func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= 0x0660 && r <= 0x0669 || r >= 0x06F0 && r <= 0x06F9
}

// digitValue is the ASCII digit r stands for.
func digitValue(r rune) byte {
	switch {
	case r >= 0x0660 && r <= 0x0669:
		return byte('0' + r - 0x0660)
	case r >= 0x06F0 && r <= 0x06F9:
		return byte('0' + r - 0x06F0)
	}
	return byte(r)
}

// numberAt reads the number that s starts with: its length in bytes and the
// values it may stand for, first the likeliest; 0 when s does not start
// with a digit.
func numberAt(s string) (int, []string) {
	r, _ := utf8.DecodeRuneInString(s)
	if !isDigit(r) {
		return 0, nil
	}
	// groups of digits and the separators between them
	var groups []string
	var seps []rune
	n := 0
	for {
		var g []byte
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			if !isDigit(r) {
				break
			}
			g = append(g, digitValue(r))
			n += size
		}
		groups = append(groups, string(g))
		if n >= len(s) {
			break
		}
		sep, size := utf8.DecodeRuneInString(s[n:])
		if !isSeparator(sep) || n+size >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[n+size:])
		if !isDigit(next) {
			break
		}
		if isSpace(sep) || sep == ':' || sep == '،' {
			// a space groups thousands only before exactly three digits;
			// a colon makes a time only of hours and minutes
			k := n + size
			d := 0
			for k < len(s) {
				r, sz := utf8.DecodeRuneInString(s[k:])
				if !isDigit(r) {
					break
				}
				d++
				k += sz
			}
			if sep == '،' && d != 3 { // 783،562, but not a list: 10، 15
				break
			}
			if isSpace(sep) && (d != 3 || len(groups[len(groups)-1]) > 3 || len(groups) > 1 && !isSpace(seps[len(seps)-1])) {
				break
			}
			if sep == ':' && (d != 2 || len(groups) > 1 || len(groups[0]) > 2) {
				break
			}
		}
		seps = append(seps, sep)
		n += size
	}
	return n, values(groups, seps)
}

func isSeparator(r rune) bool {
	return r == '.' || r == ',' || r == '٫' || r == '٬' || r == '،' || r == ':' || isSpace(r)
}

// isSpace reports whether r may group thousands: a space, a no-break or
// thin space.
func isSpace(r rune) bool {
	return r == ' ' || r == 0xA0 || r == 0x202F || r == 0x2009
}

// values are the readings of a number written as groups of digits between
// separators.
func values(groups []string, seps []rune) []string {
	if len(seps) == 0 {
		return []string{canon(groups[0])}
	}
	if seps[0] == ':' {
		return []string{clock(groups[0], groups[1])}
	}
	threes := true // every group after the first has three digits
	for _, g := range groups[1:] {
		threes = threes && len(g) == 3
	}
	last := seps[len(seps)-1]
	same := true
	for _, sp := range seps {
		same = same && sp == seps[0]
	}
	whole := strings.Join(groups, "")
	switch {
	case last == '٫':
		return []string{canon(strings.Join(groups[:len(groups)-1], "") + "." + groups[len(groups)-1])}
	case same && (seps[0] == '٬' || seps[0] == '،' || isSpace(seps[0])):
		return []string{canon(whole)}
	case same && threes && len(seps) > 1:
		return []string{canon(whole)} // 1,250,000 or 1.250.000
	case same && threes && seps[0] == ',':
		return []string{canon(whole)} // 1,250; 3,500 as a decimal is rare
	case same && threes && seps[0] == '.':
		return []string{canon(groups[0] + "." + groups[1]), canon(whole)} // 1.250 is a decimal in English, thousands in some Arabic
	case len(seps) == 1 && len(groups[1]) > 3:
		return []string{canon(whole)} // 104,5000: a mistyped grouping, not a decimal
	case len(seps) == 1:
		return []string{canon(groups[0] + "." + groups[1])} // 3.5 or 3,5
	}
	// 1,250.5 or 1.250,5: the last separator is the decimal one
	return []string{canon(strings.Join(groups[:len(groups)-1], "") + "." + groups[len(groups)-1])}
}

// canon is the form values are compared in: no leading zeros but one, no
// trailing decimal zeros ("05" and "5", "2.50" and "2.5").
func canon(s string) string {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	t := strings.TrimLeft(s, "0")
	if t == "" || t[0] == '.' {
		t = "0" + t
	}
	return t
}

// clock is the key of a time of day.
func clock(h, m string) string {
	return canon(h) + ":" + m
}

// scale multiplies the value v (canonical) by the power of ten n, moving
// its decimal point: 2.2 million is 2200000 exactly.
func scale(v string, n int) string {
	whole, frac, _ := strings.Cut(v, ".")
	for ; n > 0; n-- {
		if frac != "" {
			whole, frac = whole+frac[:1], frac[1:]
		} else {
			whole += "0"
		}
	}
	if frac != "" {
		return canon(whole + "." + frac)
	}
	return canon(whole)
}

// after reads what follows a number and changes its meaning: a scale word
// ("2 million", "3 آلاف", "$1.5bn"), a time of day ("10.30 a.m.", "3 pm")
// or a Hijri era (1445 هـ). It returns the length read, the values the
// number (text, of value v) also stands for and whether it is a Hijri year.
func after(rest, text, v string) (n int, more []string, hijri bool) {
	t := strings.TrimLeft(rest, " \u00a0-")
	skipped := len(rest) - len(t)
	word := t
	if i := strings.IndexFunc(t, func(r rune) bool { return !isLetter(r) && r != '.' }); i >= 0 {
		word = t[:i]
	}
	folded := strings.TrimSuffix(strings.ToLower(arabic.Fold(word)), ".")
	if p, ok := scaleWords[folded]; ok {
		return skipped + len(word), []string{scale(v, p)}, false
	}
	switch folded {
	case "a.m", "am", "p.m", "pm", "صباحا", "مساء", "مساءا", "ظهرا", "عصرا", "ليلا", "فجرا":
		h, m, ok := strings.Cut(strings.Map(asciiDigit, text), ".")
		if !ok {
			h, m, ok = strings.Cut(h, ":")
		}
		if !ok {
			m = "00"
		}
		if len(m) == 2 && len(h) <= 2 {
			more = append(more, clock(h, m))
			if hh, err := strconv.Atoi(h); err == nil && hh < 12 && (folded == "p.m" || folded == "pm" || folded == "مساء" || folded == "مساءا" || folded == "عصرا" || folded == "ليلا") {
				more = append(more, clock(strconv.Itoa(hh+12), m))
			}
		}
		return 0, more, false
	case "ه", "هجري", "هجريه", "للهجره":
		return skipped + len(word), nil, true
	case "gmt", "utc", "hours", "hrs", "بتوقيت", "بالتوقيت", "توقيت":
		// 1200 GMT, 0830 hours: a time of day
		if t := strings.Map(asciiDigit, text); len(t) == 4 && !strings.ContainsAny(t, ".,") && t[:2] < "24" && t[2:] < "60" {
			return 0, []string{clock(t[:2], t[2:])}, false
		}
	}
	if h, m, ok := strings.Cut(strings.Map(asciiDigit, text), "."); ok && len(m) == 2 && len(h) <= 2 && (h < "24" || len(h) == 1) && m < "60" {
		// 12.00, 23.45: how British English writes 12:00 and 23:45
		return 0, []string{clock(h, m)}, false
	}
	return 0, nil, false
}

// asciiDigit maps a digit of any script to its ASCII form.
func asciiDigit(r rune) rune {
	if isDigit(r) {
		return rune(digitValue(r))
	}
	return r
}

// scaleWords are the words that multiply the number before them, folded.
var scaleWords = map[string]int{
	"hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12, "bn": 9, "mn": 6,
	"thousands": 3, "millions": 6, "billions": 9, // as a word-by-word draft writes 3 آلاف
	"الف": 3, "الاف": 3, "مليون": 6, "ملايين": 6, "مليار": 9, "مليارات": 9, "بليون": 9, "تريليون": 12,
}
