package segment

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/doc"
)

// A dateline opens a news article with its place, and often its date and
// agency or its reporter, before the first sentence: "WASHINGTON, Sept. 5 — ",
// "MOSCOW (Reuters) - ", "موسكو - (أ ف ب) -", "بيروت ـ «الحياة»:",
// "القاهرة - محمد عبد الله:". Translations often
// keep it on one side only, so glued to the first sentence it pairs that
// sentence with one that lacks it.
var (
	// English: a place in capitals ("NEW YORK", "U.S.") or in title case,
	// an optional region ("Lebanon", "Calif."), date and agency, then a dash.
	enDateline = regexp.MustCompile(`^(?:(\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+){0,3})|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})` +
		`(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)?` +
		`(,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?` +
		`(\s*\(\p{Lu}[\p{L}.&]*(?:\s+\p{Lu}[\p{L}.&]*){0,3}\))?` +
		// a hyphen only with space around it: "U.S.-China talks" is a sentence
		`(?:\s*[—–]\s*|\s+--?(?:\s+|$))`)
	// Arabic: a place of one to three words, a dash, the source in
	// brackets, quotes or a known agency name, then a colon or dash.
	arDateline = regexp.MustCompile(`^\p{Arabic}+(?:\s+\p{Arabic}+){0,2}\s*(?:[-–—ـ]+\s*)?` +
		`(?:\([^()\n]{1,30}\)|«[^«»\n]{1,30}»|"[^"\n]{1,30}"|“[^“”\n]{1,30}”|` +
		// a bare agency name only after a dash: "قال بشكل خاص:" is a sentence
		`[-–—ـ]\s*(?:رويترز|[أا] ?ف ?ب|[أا]\.ف\.ب|[أا] ب|د ب [أا]|وام|واس|سانا|قنا|كونا|بترا|الأناضول|شينخوا|إرنا|يو بي آي|وكالات|خاص|سبوتنيك|[أا] ش [أا]|بنا|وفا))` +
		`\s*(?::|[-–—ـ]+)\s*`)
	// Arabic, a reporter's byline: a place (or كتب, "written by"), a dash,
	// a name of two to four words, then a colon: "القاهرة - محمد عبد الله:".
	arByline = regexp.MustCompile(`^(\p{Arabic}+(?:\s+\p{Arabic}+){0,2})\s*[-–—ـ]+\s*(\p{Arabic}+(?:\s+\p{Arabic}+){1,3})\s*:\s*`)
)

// notInByline holds words that no place or name of a byline holds:
// prepositions, particles and verbs of saying, which show a sentence
// ("وأضاف - في تصريح له:", "القاهرة - قال الرئيس للصحفيين:").
var notInByline = func() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(`في من على إلى الى عن مع عند لدى منذ خلال بعد قبل حول ضد بين
		قد لا لم لن ما هو هي وهو وهي أن إن أنه إنه التي الذي الذين كما
		بحسب حسب وفق وفقا نقلا ردا قائلا مضيفا مؤكدا له لها لهم
		قال قالت أضاف أضافت أكد أكدت أوضح أوضحت تابع تابعت أعلن أعلنت ذكر ذكرت أشار أشارت
		وقال وقالت وأضاف وأضافت وأكد وأكدت وأوضح وأوضحت وتابع وتابعت وأعلن وأعلنت وذكر وذكرت وأشار وأشارت`) {
		set[w] = true
	}
	return set
}()

// bylineOK reports whether the place and name a byline match holds are free
// of the words of a sentence.
func bylineOK(text string, m []int) bool {
	for _, w := range strings.Fields(text[m[2]:m[3]] + " " + text[m[4]:m[5]]) {
		if notInByline[w] || strings.HasPrefix(w, "لل") {
			return false
		}
	}
	return true
}

// maxDateline is the longest dateline in bytes; anything longer is a sentence.
const maxDateline = 120

// Dateline returns the length in bytes of the dateline that text starts with,
// the space after it included, or 0 when it starts with none. Text that is
// only a dateline is one whole.
func Dateline(text, lang string) int {
	re := enDateline
	if strings.HasPrefix(lang, "ar") {
		re = arDateline
	}
	m := re.FindStringSubmatchIndex(text)
	if m == nil && re == arDateline {
		if m = arByline.FindStringSubmatchIndex(text); m != nil && !bylineOK(text, m) {
			m = nil
		}
	}
	if m == nil || m[1] > maxDateline {
		return 0
	}
	n := m[1]
	rest := text[n:]
	if re == enDateline {
		// a title-case place needs a date or an agency to be told from a
		// name that a dash follows ("John Smith — the mayor")
		if m[2] < 0 && m[4] < 0 && m[6] < 0 {
			return 0
		}
		if rest != "" {
			r, _ := utf8.DecodeRuneInString(rest)
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘'«", r) {
				return 0 // "NATO - the alliance said": an aside, not a dateline
			}
		}
	}
	if rest != "" && len(strings.Fields(rest)) < 2 {
		return 0
	}
	return n
}

// SplitDateline makes the dateline that opens the first paragraph of d a
// segment of its own, so that it is never paired as part of a sentence; it
// reports whether there was one. Headings and web boilerplate before the
// first paragraph are skipped; the sentence after the dateline is unchanged.
func SplitDateline(d *doc.Document) bool {
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind != doc.Paragraph || len(b.Segments) == 0 {
			continue
		}
		s := b.Segments[0]
		n := Dateline(s.Text, d.Lang)
		if n == 0 || n == len(s.Text) || s.Start+n > len(d.Source) || d.Source[s.Start:s.Start+n] != s.Text[:n] {
			return false
		}
		head := strings.TrimRightFunc(s.Text[:n], unicode.IsSpace)
		segs := []doc.Segment{
			{Start: s.Start, End: s.Start + len(head), Text: head},
			{Start: s.Start + n, End: s.End, Text: s.Text[n:]},
		}
		b.Segments = append(segs, b.Segments[1:]...)
		return true
	}
	return false
}
