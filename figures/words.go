package figures

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"bitext/arabic"
)

// Number words, month names and scale words of English and Arabic (folded
// with arabic.Fold: ة as ه, أ إ آ as ا, ى as ي), with their values.
var (
	wordNumber = map[string]int{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
		"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
		"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "twice": 2, "double": 2, "triple": 3,
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
		"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
		"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
		"fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
		"hundredth": 100, "half": 0, "both": 2, "pair": 2, "couple": 2, "once": 1, "single": 1,
		"decade": 10, "century": 100, "thrice": 3, "doubled": 2, "tripled": 3, "quadrupled": 4,
		"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10,
		"thousand": 1000, "million": 1000000, "billion": 1000000000,

		"واحد": 1, "واحده": 1, "احد": 1, "احدي": 1, "اول": 1, "اولي": 1,
		"اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2, "ثاني": 2, "ثانيه": 2, "كلا": 2, "كلتا": 2,
		"ثلاث": 3, "ثلاثه": 3, "ثالث": 3, "ثالثه": 3,
		"اربع": 4, "اربعه": 4, "رابع": 4, "رابعه": 4,
		"خمس": 5, "خمسه": 5, "خامس": 5, "خامسه": 5,
		"ست": 6, "سته": 6, "سادس": 6, "سادسه": 6,
		"سبع": 7, "سبعه": 7, "سابع": 7, "سابعه": 7,
		"ثمان": 8, "ثماني": 8, "ثمانيه": 8, "ثامن": 8, "ثامنه": 8,
		"تسع": 9, "تسعه": 9, "تاسع": 9, "تاسعه": 9,
		"عشر": 10, "عشره": 10, "عاشر": 10, "عاشره": 10,
		"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50,
		"ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
		"ميه": 100, "مايه": 100, "ميتين": 200, "مايتين": 200, "ميتان": 200, "مايتان": 200,
		"الف": 1000, "الفين": 2000, "الفان": 2000, "الفي": 2000, "مليون": 1000000, "مليونين": 2000000, "مليونان": 2000000, "مليوني": 2000000,
		"مليار": 1000000000, "مليارين": 2000000000, "ملياران": 2000000000, "ملياري": 2000000000, "حادي": 1, "حاديه": 1,
		"نصف": 0, "مرتين": 2, "مرتان": 2,
		"ثنايي": 2, "ثلاثي": 3, "رباعي": 4, "خماسي": 5, "سداسي": 6, "سباعي": 7, // tripartite, six-party
		"ثناييه": 2, "ثلاثيه": 3, "رباعيه": 4, "خماسيه": 5, "سداسيه": 6, "سباعيه": 7,
	}
	// wordScale are words that multiply the number before them.
	wordScale = map[string]int{
		"dozen": 12, "dozens": 12, "hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000, "trillion": 1000000000000,
		"hundreds": 100, "thousands": 1000, "millions": 1000000, "billions": 1000000000, // three thousands: a word-by-word draft of ثلاثة آلاف
		"ميه": 100, "مايه": 100, "الف": 1000, "الاف": 1000, "مليون": 1000000, "ملايين": 1000000,
		"مليار": 1000000000, "مليارات": 1000000000, "بليون": 1000000000,
	}
	englishMonths = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	monthNumber   = func() map[string][]int {
		m := map[string][]int{}
		for i, name := range englishMonths {
			m[name] = append(m[name], i+1)
			if name != "may" {
				m[name[:3]] = append(m[name[:3]], i+1)
			}
		}
		m["sept"] = []int{9}
		for _, list := range [][]string{arabic.GregorianMonths, arabic.SyriacMonths} {
			for i, name := range list {
				w := arabic.Fold(strings.Fields(name)[0]) // كانون, تشرين: either of two months
				m[w] = append(m[w], i+1)
			}
		}
		return m
	}()
)

// proclitics are the prefixes an Arabic number word may carry, longest
// first: و ب ل ف ك, the article, and both.
var proclitics = []string{"وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك"}

// wordValue returns the value of the number word w (folded), -1 when it is
// none; a dual (الفين, مليونين) is its value.
func wordValue(w string) int {
	if v := bareValue(w); v > 0 {
		return v
	}
	for _, p := range proclitics {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 4 {
			if v := bareValue(rest); v > 0 {
				return v
			}
		}
	}
	// twenty-one, forty-five
	if a, b, ok := strings.Cut(w, "-"); ok {
		if x, ok := wordNumber[a]; ok && x >= 20 && x < 100 {
			if y, ok := wordNumber[b]; ok && y < 10 {
				return x + y
			}
		}
	}
	return -1
}

// arabicChains returns the values of Arabic numbers written in words joined
// by و, as each grows: ثلاثة آلاف وخمسمائة gives 3, 3000 and 3500; مئة
// وخمسون 100 and 150.
func arabicChains(words []string, vals []int) []string {
	var out []string
	total, n := 0, 0 // n: number words in the chain so far
	for i, w := range words {
		if !arabic.HasArabic(w) {
			total, n = 0, 0
			continue
		}
		if s := scaleOf(w); s > 0 && n > 0 && !strings.HasPrefix(w, "و") && total < s {
			total *= s
		} else if v := vals[i]; v > 0 && (n == 0 || strings.HasPrefix(w, "و")) {
			total += v
		} else if v > 0 && v == 10 && total < 10 {
			total += 10 // ثلاثة عشر
		} else {
			total, n = max(vals[i], 0), 0
			if total > 0 {
				n = 1
			}
			continue
		}
		n++
		if n > 1 {
			out = append(out, strconv.Itoa(total))
		}
	}
	return out
}

// bareValue is wordValue of a word without proclitics.
func bareValue(w string) int {
	if v, ok := wordNumber[w]; ok {
		return v
	}
	// ثلاثمئة, خمسمائة: a unit glued to the hundred
	for _, h := range []string{"ميه", "مايه"} {
		if unit, ok := strings.CutSuffix(w, h); ok && unit != "" {
			if v, ok := wordNumber[unit]; ok && v < 10 {
				return v * 100
			}
		}
	}
	return -1
}

// centuryAt returns the century that words name from i on (القرن التاسع
// عشر, من القرن الماضي), 0 when they name none.
func centuryAt(words []string, i int) int {
	if i < len(words) && words[i] == "من" {
		i++
	}
	if i+1 >= len(words) || strings.TrimPrefix(strings.TrimPrefix(words[i], "و"), "ال") != "قرن" {
		return 0
	}
	w := words[i+1]
	if w == "الماضي" {
		return 20
	}
	v := wordValue(w)
	switch {
	case v <= 0:
		return 0
	case v < 10 && i+2 < len(words) && strings.HasPrefix(words[i+2], "عشر"):
		return v + 10
	case v < 10 && i+2 < len(words) && wordValue(words[i+2]) == 20:
		return v + 20
	case v <= 20:
		return v
	}
	return 0
}

// decadeValue returns the tens an Arabic decade word names (الثلاثينيات,
// سبعينات: the '30s, the '70s), 0 for other words.
func decadeValue(w string) int {
	for _, p := range proclitics {
		if rest, ok := strings.CutPrefix(w, p); ok {
			w = rest
			break
		}
	}
	for _, suffix := range []string{"يات", "ات"} {
		if stem, ok := strings.CutSuffix(w, suffix); ok {
			if v, ok := wordNumber[stem]; ok && v >= 20 && v < 100 {
				return v
			}
		}
	}
	return 0
}

// isDual reports whether the Arabic word w may be a dual noun (يومين,
// ساعتان), which says two without a number word. Masculine plurals end the
// same way, so that this only ever excuses a 2; the commonest words that
// cannot be duals are left out, or a singular given as "two" would pass.
func isDual(w string) bool {
	if utf8.RuneCountInString(w) < 4 || !arabic.HasArabic(w) {
		return false
	}
	if strings.HasSuffix(w, "يين") && utf8.RuneCountInString(w) >= 6 || strings.HasSuffix(w, "ستان") || notDuals[strings.TrimPrefix(w, "و")] {
		return false // المصريين, باكستان, الذين: a plural, a country, a pronoun
	}
	// يومين, ساعتان; منهما, كلاهما: a pronoun of two
	return strings.HasSuffix(w, "ين") || strings.HasSuffix(w, "ان") || strings.HasSuffix(w, "هما")
}

// englishPlural returns the value of an English cardinal in the plural
// (fours, sixes, twenties), 0 for other words.
func englishPlural(w string) int {
	for _, suffix := range []string{"es", "s"} {
		if stem, ok := strings.CutSuffix(w, suffix); ok {
			if strings.HasSuffix(stem, "ti") {
				stem = strings.TrimSuffix(stem, "i") + "y" // twenties
			}
			if v := wordNumber[stem]; v > 2 && v < 100 && stem[0] < 0x80 && !strings.HasSuffix(stem, "th") {
				return v
			}
		}
	}
	return 0
}

// notDuals are common words that end as a dual does and are none, folded.
var notDuals = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("الذين كان فكان مكان المكان سكان السكان بين حين الدين فلسطين لبنان ايران عمان " +
		"بيان البيان زمان انسان الانسان ميدان رمضان السودان اليابان بلدان البلدان عنوان الوان الالوان الاحيان كيان معين " +
		"اخرين الاخرين اليمين يمين البرلمان برلمان") {
		m[w] = true
	}
	return m
}()

func scaleOf(w string) int {
	if v, ok := wordScale[w]; ok {
		return v
	}
	for _, p := range proclitics {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 3 {
			if v, ok := wordScale[rest]; ok {
				return v
			}
		}
	}
	return 0
}

// wordValues returns the values a run of words (folded, lower case) names:
// each number word alone, a dozen, teens and tens joined with و (ثلاثة
// عشر, الحادي والعشرين), a number times a scale (three thousand, ثلاثة
// آلاف) and, apart, month names as their numbers.
func wordValues(words []string) (out, months []string) {
	add := func(v int) { out = append(out, strconv.Itoa(v)) }
	vals := make([]int, len(words))
	for i, w := range words {
		w = strings.ToLower(w)
		if strings.Contains(w, "-") && wordValue(w) <= 0 {
			// two-thirds and a half-year are words of their own; twenty-one is one number
			for _, part := range strings.Split(w, "-") {
				if v := wordValue(part); v > 0 {
					add(v)
				}
			}
		}
		vals[i] = wordValue(w)
		if v := englishPlural(w); v > 0 {
			add(v) // 11 fours: 11 من الأربع
		}
		if d := decadeValue(w); d > 0 {
			if c := centuryAt(words, i+1); c > 0 {
				out = append(out, strconv.Itoa((c-1)*100+d)+"s") // خمسينيات القرن الرابع عشر: the 1350s
			} else {
				out = append(out, strconv.Itoa(d)+"s") // السبعينيات: the 1970s
			}
		}
		if c := centuryAt(words, i); c > 0 {
			out = append(out, "c"+strconv.Itoa(c)) // القرن التاسع عشر: the 1800s
		}
		if isDual(w) {
			add(2) // ساعتين: a 2-hour speech
		}
		if (w == "ونصف" || w == "نصف") && i > 0 {
			add(1) // ساعة ونصف: 1.5 hours
			out = append(out, "1.5")
			if vals[i-1] > 0 {
				out = append(out, strconv.Itoa(vals[i-1])+".5")
			} else if i > 1 && vals[i-2] > 0 {
				out = append(out, strconv.Itoa(vals[i-2])+".5") // ثلاث ساعات ونصف: 3.5 hours
			}
			if s := scaleOf(words[i-1]); s > 0 {
				add(s + s/2) // مليون ونصف: 1.5 million
			}
		}
		if w == "حادي" || w == "الحادي" {
			vals[i] = 1
		}
		if vals[i] > 0 && !englishTensOf(words, i) {
			add(vals[i])
		}
		for _, m := range monthNumber[w] {
			months = append(months, strconv.Itoa(m))
		}
	}
	out = append(out, arabicChains(words, vals)...)
	for i := 0; i+1 < len(words); i++ {
		a, b := vals[i], vals[i+1]
		switch {
		case a > 0 && a < 10 && (b == 10) && strings.HasPrefix(words[i+1], "عشر"):
			add(a + 10) // ثلاثة عشر
			if i+2 < len(words) && wordValue(words[i+2]) >= 20 {
				continue
			}
		case a > 0 && a < 10 && b >= 20 && b < 100 && strings.HasPrefix(words[i+1], "و"):
			add(a + b) // واحد وعشرون
		case a >= 20 && a < 100 && a%10 == 0 && b > 0 && b < 10:
			add(a + b) // twenty-one
		}
		if s := scaleOf(words[i+1]); s > 0 && a > 0 {
			add(a * s)
		}
		if words[i] == "a" || words[i] == "one" {
			if s := scaleOf(words[i+1]); s > 0 {
				add(s)
			}
		}
	}
	return out, months
}

// englishTensOf reports whether words[i] is the tens of an English number
// (twenty of twenty-one), which is not a number of its own.
func englishTensOf(words []string, i int) bool {
	if i+1 >= len(words) || arabic.HasArabic(words[i]) || arabic.HasArabic(words[i+1]) {
		return false
	}
	a, b := wordValue(words[i]), wordValue(strings.ToLower(words[i+1]))
	return a >= 20 && a < 100 && a%10 == 0 && b > 0 && b < 10
}
