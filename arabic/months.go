package arabic

// Month names as Arab newsrooms write them: the Gregorian transliterations
// used in Egypt and the Gulf, and the Syriac names of the Levant and Iraq,
// often given together ("سبتمبر/أيلول"). Several Syriac names are also
// personal or place names (نيسان Nissan, تموز Tammuz, آب), which is why a
// matcher wants to know them.
var (
	GregorianMonths = []string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
	SyriacMonths    = []string{"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"}
)

var monthWords = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range [][]string{GregorianMonths, SyriacMonths} {
		for _, name := range list {
			for _, w := range splitSpace(name) {
				if w != "الثاني" && w != "الأول" {
					m[Fold(w)] = true
				}
			}
		}
	}
	return m
}()

var gregorian = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range GregorianMonths {
		m[Fold(name)] = true
	}
	return m
}()

// IsGregorianMonth reports whether the folded word is a Gregorian month name
// (يناير … ديسمبر), which unlike the Syriac names are not names of anything
// else.
func IsGregorianMonth(folded string) bool { return gregorian[folded] }

// IsMonthWord reports whether the folded word is a month name or the first
// word of one (كانون, تشرين).
func IsMonthWord(folded string) bool { return monthWords[folded] }

func splitSpace(s string) []string {
	var out []string
	start := -1
	for i, r := range s + " " {
		if r == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}
