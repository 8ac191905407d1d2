package figures

import (
	"strconv"
	"strings"

	"bitext/arabic"
)

// word is a word of a text: folded, lower case, and where the text has it.
type word struct {
	folded     string
	start, end int // byte offsets of the word in the text
}

// notNumbers are words that read as number words but are most often
// something else: a weekday (الاثنين Monday, الاحد Sunday), a verb (لست "I
// am not", ألف "he composed"), a noun (كمية "quantity").
var notNumbers = map[string]bool{
	"الاثنين": true, "والاثنين": true, "الاحد": true, "والاحد": true, "لست": true, "كميه": true, "الف": true, "والف": true,
}

// isAdjective reports whether w (folded, without clitics) is a number
// adjective (ثلاثي "tripartite", السداسية "six-party", ثلاثية الأبعاد
// "3D"), which a translation may give without the number.
func isAdjective(w string) bool {
	switch strings.TrimSuffix(w, "ه") {
	case "ثنايي", "ثلاثي", "رباعي", "خماسي", "سداسي", "سباعي":
		return true
	}
	return false
}

// figureClitics are the prefixes a number word may carry and still be one:
// ل alone is left out, لست being "I am not" and لسبع rare.
var figureClitics = []string{"", "و", "ال", "وال", "بال", "لل", "ب", "وب"}

// figureWordValue returns the value of w if it is an Arabic number word
// that states a figure, -1 otherwise.
func figureWordValue(w string) int {
	if notNumbers[w] {
		return -1
	}
	for _, p := range figureClitics {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || p != "" && len(rest) < 4 {
			continue
		}
		if v := bareValue(rest); v > 0 && !isAdjective(rest) {
			return v
		}
	}
	return -1
}

// isPercentWord reports whether w, after a number, says per cent rather
// than a hundred: بالمئة, في المائة.
func isPercentWord(w string) bool {
	switch w {
	case "بالميه", "بالمايه", "الميه", "المايه":
		return true
	}
	return false
}

// place is the largest power of ten that divides n (n > 0).
func place(n int) int {
	p := 1
	for n%(p*10) == 0 {
		p *= 10
	}
	return p
}

// arabicFigures returns the figures that runs of Arabic number words state
// (ثلاثة, الخامس عشر, ثلاثة آلاف وخمسمائة, مئة), which the other side must
// give in digits or words. Left out, as a translation need not carry them
// as a figure: one and two, the first and second, a bare thousand or
// million, a dual, a decade, half.
func arabicFigures(s string, words []word) []figure {
	var out []figure
	folded := foldedOf(words)
	for i := 0; i < len(words); i++ {
		v := figureWordValue(words[i].folded)
		if sc := scaleOf(words[i].folded); v <= 0 && sc > 0 && scaleAndMore(words, i, sc) {
			v = sc // ألف is no figure alone (a bare thousand, or "he wrote"), but is in ألف وخمسمائة
		}
		if v <= 0 || scaleOf(words[i].folded) > 0 && v != 100 && !scaleAndMore(words, i, v) || isPercentWord(words[i].folded) || !arabic.HasArabic(words[i].folded) {
			continue
		}
		total, n, j := v, 1, i+1
		lastScale, last := 0, v // last: the last number word added, for a teen (مئة وخمسة عشر)
		for ; j < len(words); j++ {
			w := words[j].folded
			if isPercentWord(w) {
				break
			}
			if sc := scaleOf(w); sc > 0 && !strings.HasPrefix(w, "و") && total < sc {
				total *= sc
				lastScale, last = sc, 0
				n++
				continue
			}
			if w == "عشر" || w == "عشره" {
				if last > 0 && last < 10 {
					total += 10
					last = 0
					n++
					continue
				}
				break
			}
			if w == "ونصف" && lastScale > 0 {
				total += lastScale / 2
				n++
				continue
			}
			x := figureWordValue(w)
			if x <= 0 || !strings.HasPrefix(w, "و") {
				break
			}
			if j+1 < len(words) && scaleOf(words[j+1].folded) > x {
				break // مليوني وثلاثة ملايين: two million to three million
			}
			// واحد وعشرون, مئة وخمسون, ثلاثة آلاف وخمسمائة; but not عشرة
			// ملايين وثمانية, most often two figures of a list
			if x%10 == 0 && x >= 20 && x < 100 && total%100 > 0 && total%100 < 10 || x < place(total) && (total < 1000 || x >= 100) {
				total += x
				last = x
				n++
				continue
			}
			break
		}
		start := i
		i = j - 1
		if n == 1 && (v < 3 || total > 100 && scaleOf(words[start].folded) > 0) {
			continue
		}
		if start >= 2 && decadeValue(words[start-2].folded) > 0 && centuryAt(folded, start-1) > 0 {
			continue // خمسينيات القرن الرابع عشر: the 1350s, read as a decade
		}
		f := figure{text: s[words[start].start:words[j-1].end], start: words[start].start, keys: []string{strconv.Itoa(total)}, word: true}
		if start > 0 {
			if c := centuryAt(folded, start-1); c > 0 {
				f.keys = append(f.keys, "c"+strconv.Itoa(c)) // القرن التاسع عشر: the 1800s
			}
		}
		if j < len(words) && (words[j].folded == "ونصف" || j+1 < len(words) && words[j+1].folded == "ونصف") {
			f.keys = append(f.keys, strconv.Itoa(total)+".5") // ثلاث ساعات ونصف: 3.5 hours
		}
		if minutes, ok := clockParts[nextWord(folded, j)]; ok && total <= 12 {
			// الرابعة والنصف: 4:30, or 16:30
			f.keys = append(f.keys, clock(strconv.Itoa(total), minutes), clock(strconv.Itoa(total+12), minutes))
		}
		out = append(out, f)
	}
	return out
}

// scaleAndMore reports whether the bare scale word words[i] (ألف, of value
// v) is followed by a smaller number added to it (ألف وخمسمائة: 1,500),
// which makes it part of a figure rather than a bare thousand.
func scaleAndMore(words []word, i, v int) bool {
	if i+1 >= len(words) || !strings.HasPrefix(words[i+1].folded, "و") {
		return false
	}
	x := figureWordValue(words[i+1].folded)
	return x > 0 && x < v
}

// clockParts are the minutes the words after an hour add to it.
var clockParts = map[string]string{"والنصف": "30", "والربع": "15"}

// nextWord is words[j], "" past the end.
func nextWord(words []string, j int) string {
	if j < len(words) {
		return words[j]
	}
	return ""
}

func foldedOf(words []word) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.folded
	}
	return out
}

// roman returns the value of w if it is a Roman numeral of two letters or
// more in capitals, up to XXXIX (Henry VIII, World War II), 0 otherwise: a
// lone I is a pronoun.
func roman(w string) int {
	if len(w) < 2 || strings.Trim(w, "IVX") != "" {
		return 0
	}
	digit := map[byte]int{'I': 1, 'V': 5, 'X': 10}
	v := 0
	for i := 0; i < len(w); i++ {
		d := digit[w[i]]
		if i+1 < len(w) && digit[w[i+1]] > d {
			v -= d
		} else {
			v += d
		}
	}
	if v <= 0 || v >= 40 {
		return 0
	}
	return v
}

// englishCounts are the English cardinals a translation states a figure
// with; one is most often "a", and both, a couple, a dozen or a third are
// as often no figure.
var englishCounts = func() map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety") {
		m[w] = wordNumber[w]
	}
	return m
}()

// englishFractions are the parts a count before them makes a fraction of.
var englishFractions = map[string]bool{"half": true, "halve": true, "third": true, "quarter": true, "fifth": true,
	"sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true}

// englishScales multiply the count before them: three hundred, four dozen.
var englishScales = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000, "dozen": 12}

// englishFigures returns the figures that runs of English cardinals state
// (three, twenty-one, two hundred and fifty, four dozen), which the other
// side must give in digits or words, a dual being two. A capitalised
// cardinal inside a sentence is a name's (Six Flags) and left out.
func englishFigures(s string, words []word) []figure {
	var out []figure
	for i := 0; i < len(words); i++ {
		v, ok := englishCounts[words[i].folded]
		if !ok || isCapitalised(s, words[i]) && !startsSentence(s, words[i].start) {
			continue
		}
		total, j := v, i+1
		for ; j < len(words); j++ {
			w := words[j].folded
			u, ok := englishCounts[w]
			if w == "one" {
				u, ok = 1, true
			}
			if ok && u < 10 && total%10 == 0 && total%100 >= 20 {
				total += u // twenty-one
				continue
			}
			if sc, ok := englishScales[w]; ok && total < sc {
				total *= sc
				continue
			}
			if w == "and" && j+1 < len(words) && total >= 100 {
				if u, ok := englishCounts[words[j+1].folded]; ok && u < place(total) {
					total += u // two hundred and fifty
					j++
					continue
				}
			}
			break
		}
		if j < len(words) && englishFractions[strings.TrimSuffix(words[j].folded, "s")] {
			i = j
			continue // two-thirds: ثلثا, no count
		}
		out = append(out, figure{text: s[words[i].start:words[j-1].end], start: words[i].start, keys: []string{strconv.Itoa(total)}, word: true})
		i = j - 1
	}
	return out
}

func isCapitalised(s string, w word) bool {
	return s[w.start] >= 'A' && s[w.start] <= 'Z'
}

// startsSentence reports whether nothing but a quote or bracket comes
// between the start of s or a full stop and offset i.
func startsSentence(s string, i int) bool {
	t := strings.TrimRight(s[:i], " \"'“‘([")
	return t == "" || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, ":")
}

// arabicConsonants are the Latin consonants an Arabic letter (folded) is
// written with in a name; the long vowels and ع are left out.
var arabicConsonants = map[rune]byte{
	'ب': 'b', 'ت': 't', 'ث': 't', 'ج': 'g', 'ح': 'h', 'خ': 'k', 'د': 'd', 'ذ': 'd', 'ر': 'r', 'ز': 'z', 'س': 's',
	'ش': 's', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'g', 'ف': 'f', 'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm',
	'ن': 'n', 'ه': 'h',
}

// arabicSkeleton returns the consonants a one-word Arabic name is written
// with in Latin letters (ستون, وست: stn, wst), "" for several words; an
// initial و is a w.
func arabicSkeleton(w string) string {
	if strings.ContainsRune(w, ' ') {
		return ""
	}
	var b []byte
	for i, r := range []rune(arabic.Fold(w)) {
		c, ok := arabicConsonants[r]
		switch {
		case i == 0 && r == 'و':
			c, ok = 'w', true
		case i == 0 && r == 'ي':
			c, ok = 'y', true
		}
		if ok && (len(b) == 0 || b[len(b)-1] != c) {
			b = append(b, c)
		}
	}
	return strings.TrimSuffix(string(b), "h") // ة, folded as ه
}

// latinSkeleton returns the consonants of a Latin word (lower case) as
// arabicSkeleton gives them: Stone stn, West wst, Shapiro sbr.
func latinSkeleton(w string) string {
	for _, r := range [][2]string{{"sh", "s"}, {"th", "t"}, {"ph", "f"}, {"ck", "k"}, {"ch", "s"}, {"kh", "k"}, {"gh", "g"}, {"dh", "d"}} {
		w = strings.ReplaceAll(w, r[0], r[1])
	}
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			continue
		case 'y', 'w':
			if i > 0 {
				continue
			}
		case 'p':
			c = 'b'
		case 'v':
			c = 'f'
		case 'q', 'c':
			c = 'k'
		case 'j':
			c = 'g'
		}
		if c < 'a' || c > 'z' {
			return ""
		}
		if len(b) == 0 || b[len(b)-1] != c {
			b = append(b, c)
		}
	}
	return string(b)
}
