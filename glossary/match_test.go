package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"bitext/internal/testenv"
)

const testGlossary = `terms:
  - ar: بوتين
    en: Putin
  - ar: فلاديمير بوتين
    en: Vladimir Putin
  - ar: موسكو
    en: Moscow
  - ar: الصين
    en: China
  - ar: كوريا الشمالية
    en: North Korea
  - ar: كوريا
    en: Korea
  - ar: ليبيا
    en: Libya
  - ar: واشنطن
    en: Washington
  - ar: فلاديفوستوك
    en: Vladivostok
  - ar: بيونغ يانغ
    en: Pyongyang
  - ar: كيربي
    en: Kirby
  - ar: إيطاليا
    en: Italy
  - ar: القاهرة
    en: Cairo
  - ar: روسيا
    en: Russia
  - ar: عمان
    en: Amman
    context: [الأردن, الأردنية]
  - ar: عُمان
    en: Oman
    context: [مسقط, السلطنة]
  - ar: مصر
    en: Egypt
  - ar: فرنسا
    en: France
  - ar: كيم
    en: Kim
  - ar: بان كي مون
    en: Ban Ki-moon
  - ar: لبنان
    en: Lebanon
  - ar: العراق
    en: Iraq
  - ar: علي
    en: Ali
  - ar: نيسان
    en: Nissan
    type: organisation
  - ar: الأمن
    en: Security Service
  - ar: المصري
    en: al-Masri
    context: [أبو أيوب]
  - ar: العلمي
    en: El Alami
    always: true
  - ar: حماس
    en: Hamas
  - ar: بي بي سي
    en: BBC
  - ar: السي آي ايه
    en: CIA
  - ar: الحياة
    en: Al-Hayat
    type: media
  - ar: فان
    en: Van
  - ar: رئيس
    en: Raees
`

func testMatcher(t testing.TB) *Matcher {
	g, err := Parse("test.yaml", []byte(testGlossary))
	if err != nil {
		t.Fatal(err)
	}
	return NewMatcher(g)
}

// hit is a compact form of Hit for tables: surface, clitic, English.
type hit struct{ surface, clitic, en string }

func TestMatch(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		name string
		text string
		want []hit
	}{
		{"bare", "قال بوتين", []hit{{"بوتين", "", "Putin"}}},
		{"wa", "وبوتين", []hit{{"وبوتين", "و", "Putin"}}},
		{"li", "سافر لموسكو", []hit{{"لموسكو", "ل", "Moscow"}}},
		{"li+al contraction", "زيارات للصين", []hit{{"للصين", "ل", "China"}}},
		{"article restored in the stem", "للصين", []hit{{"للصين", "ل", "China"}}},
		{"wa+li+al", "وللصين", []hit{{"وللصين", "ول", "China"}}},
		{"bi+al", "في موسكو وبالصين", []hit{{"موسكو", "", "Moscow"}, {"وبالصين", "وب", "China"}}},
		{"wa on a multi-word term", "وكوريا الشمالية", []hit{{"وكوريا الشمالية", "و", "North Korea"}}},
		{"li on a multi-word term", "لكوريا الشمالية", []hit{{"لكوريا الشمالية", "ل", "North Korea"}}},
		{"longest first", "فلاديمير بوتين", []hit{{"فلاديمير بوتين", "", "Vladimir Putin"}}},
		{"shorter when the longer does not follow", "كوريا الجنوبية", []hit{{"كوريا", "", "Korea"}}},
		{"no join across punctuation", "كوريا، الشمالية", []hit{{"كوريا", "", "Korea"}}},
		{"no join across paragraphs", "كوريا\n\nالشمالية", []hit{{"كوريا", "", "Korea"}}},
		{"join across a hyphen", "بان كي-مون", []hit{{"بان كي-مون", "", "Ban Ki-moon"}}},
		{"name starting with li not cut", "ليبيا", []hit{{"ليبيا", "", "Libya"}}},
		{"name starting with wa not cut", "واشنطن", []hit{{"واشنطن", "", "Washington"}}},
		{"and Washington", "وواشنطن", []hit{{"وواشنطن", "و", "Washington"}}},
		{"name starting with fa not cut", "فلاديفوستوك", []hit{{"فلاديفوستوك", "", "Vladivostok"}}},
		{"name starting with ba", "بيونغ يانغ", []hit{{"بيونغ يانغ", "", "Pyongyang"}}},
		{"name starting with ka", "كيربي", []hit{{"كيربي", "", "Kirby"}}},
		{"li before lam-initial name", "للبنان", []hit{{"للبنان", "ل", "Lebanon"}}},
		{"bi before al", "بالعراق", []hit{{"بالعراق", "ب", "Iraq"}}},
		{"hamza variants", "ايطاليا وإيطاليا", []hit{{"ايطاليا", "", "Italy"}, {"وإيطاليا", "و", "Italy"}}},
		{"ta marbuta variant", "القاهره", []hit{{"القاهره", "", "Cairo"}}},
		{"tatweel", "روســيا", []hit{{"روســيا", "", "Russia"}}},
		{"diacritics", "مُوسْكُو", []hit{{"مُوسْكُو", "", "Moscow"}}},
		{"diacritic on the clitic", "وَبوتين", []hit{{"وَبوتين", "وَ", "Putin"}}},
		{"persian letters", "پوتین", []hit{{"پوتین", "", "Putin"}}},
		{"persian kaf and yeh", "کیم", []hit{{"کیم", "", "Kim"}}},
		{"presentation forms", "ﺑﻮﺗﻴﻦ", []hit{{"ﺑﻮﺗﻴﻦ", "", "Putin"}}},
		{"adjective is not the country", "الرئيس المصري", nil},
		{"feminine adjective is not the country", "الصحافة الفرنسية", nil},
		{"suffixed word is not the name", "بوتينية", nil},
		{"part of a word", "كيمياء", nil},
		{"homograph by context: Amman", "وصل إلى عمان عاصمة الأردن", []hit{{"عمان", "", "Amman"}}},
		{"homograph by context: Oman", "زار عمان والتقى في مسقط", []hit{{"عمان", "", "Oman"}}},
		{"Ali", "قال علي إنه عاد إلى البيت", []hit{{"علي", "", "Ali"}}},
		{"Ali with a clitic", "وعلي عاد إلى البيت", []hit{{"وعلي", "و", "Ali"}}},
		{"on written with ya by a writer who never writes ى", "وقع الاختيار علي الرئيس", nil},
		{"ordinary word: security", "بسبب انعدام الأمن في المدينة", nil},
		{"ordinary word with its context word near", "قتل أبو أيوب المصري", []hit{{"المصري", "", "al-Masri"}}},
		{"ordinary word without its context word", "قال الرئيس المصري", nil},
		{"ordinary word the entry always matches", "البحث العلمي", []hit{{"العلمي", "", "El Alami"}}},
		{"a name that is mostly a name", "قالت حماس", []hit{{"حماس", "", "Hamas"}}},
		{"abbreviation with dots", "قالت بي.بي.سي", []hit{{"بي.بي.سي", "", "BBC"}}},
		{"abbreviation with dots and spaces", "وبي. بي. سي", []hit{{"وبي. بي. سي", "و", "BBC"}}},
		{"abbreviation with the article and dots", "قالت السي. آي. ايه", []hit{{"السي. آي. ايه", "", "CIA"}}},
		{"abbreviation with a clitic, the article and dots", "وقالت والسي.آي.ايه", []hit{{"والسي.آي.ايه", "و", "CIA"}}},
		{"no join across a full stop after a word", "كوريا. الشمالية", []hit{{"كوريا", "", "Korea"}}},
		{"the particle on is not Ali", "على الطاولة وعلى الأرض", nil},
		{"month name in a date", "من أبريل / نيسان 2004", nil},
		{"month name before a year", "في نيسان 2004", nil},
		{"the same word as a name", "سيارة بيك آب نيسان", []hit{{"نيسان", "", "Nissan"}}},
		{"homograph with diacritics", "زار عُمان", []hit{{"عُمان", "", "Amman"}}},
		{"ordinary word: life", "أسلوب الحياة في المدينة", nil},
		{"ordinary word alone in quotation marks", "نشرت «الحياة» تقريرا", []hit{{"الحياة", "", "Al-Hayat"}}},
		{"ordinary word in straight quotes with spaces", `نشرت " الحياة " تقريرا`, []hit{{"الحياة", "", "Al-Hayat"}}},
		{"quotation marks around more than the word", "«الحياة الجديدة»", nil},
		{"ordinary word after a title", "كتبت صحيفة الحياة", []hit{{"الحياة", "", "Al-Hayat"}}},
		{"ordinary word after a title with a clitic", "وجريدة الحياة", []hit{{"الحياة", "", "Al-Hayat"}}},
		{"ordinary word: so", "فإن الحكومة", nil},
		{"ordinary word after a verb of saying", "وقال فان إن الفريق", []hit{{"فان", "", "Van"}}},
		{"ordinary word before quoted as saying", "نقلت الوكالة عن فان قوله", []hit{{"فان", "", "Van"}}},
		{"construct after a verb of saying", "وقال رئيس الوزراء", nil},
		{"adjective after a title", "والرئيس الحياة", nil},
		{"ordinary word joined to a name by and", "بوتين وفان", []hit{{"بوتين", "", "Putin"}, {"وفان", "و", "Van"}}},
		{"ordinary word joined to a name by a lone and", "فان و بوتين", []hit{{"فان", "", "Van"}, {"بوتين", "", "Putin"}}},
		{"ordinary word after a comma", "بوتين ، فإن الحكومة", []hit{{"بوتين", "", "Putin"}}},
		{"ordinary word after a title with the article", "الأمير فان", []hit{{"فان", "", "Van"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []hit
			for _, h := range m.Match(tt.text) {
				got = append(got, hit{tt.text[h.Start:h.End], h.Clitic, h.Entry.En})
				if h.Article && h.Stem(tt.text) != "ا"+tt.text[h.StemStart:h.End] || !h.Article && h.Stem(tt.text) != tt.text[h.StemStart:h.End] {
					t.Errorf("Stem %q", h.Stem(tt.text))
				}
				if h.Clitic != tt.text[h.Start:h.StemStart] {
					t.Errorf("Clitic %q is not text[Start:StemStart] %q", h.Clitic, tt.text[h.Start:h.StemStart])
				}
			}
			if !equalHits(got, tt.want) {
				t.Errorf("Match(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func equalHits(a, b []hit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestMatchArticle checks the project's glossary on the sample article.
func TestMatchArticle(t *testing.T) {
	root := testenv.RepoRoot(t)
	g, err := Load(filepath.Join(root, "glossary.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	hits := NewMatcher(g).Match(text)
	found := map[string]string{}
	for _, h := range hits {
		found[text[h.Start:h.End]] = h.Entry.En
	}
	for surface, en := range map[string]string{
		"وكيم": "Kim", "لكوريا الشمالية": "North Korea", "وكوريا الشمالية": "North Korea",
		"وموسكو": "Moscow", "للصين": "China", "وفيتنام": "Vietnam", "وبريطانيا": "Britain",
		"واليابان": "Japan", "كيم جونغ أون": "Kim Jong Un", "وكوريا الجنوبية": "South Korea",
		"وجمهورية كوريا الديمقراطية الشعبية": "Democratic People's Republic of Korea",
		"مجلس الأمن القومي الأميركي":         "US National Security Council", "فلاديفوستوك": "Vladivostok",
		"واشنطن": "Washington", "بيونغ يانغ": "Pyongyang", "وزارة الخزانة الأميركية": "US Treasury Department",
	} {
		if found[surface] != en {
			t.Errorf("%q: got %q, want %q", surface, found[surface], en)
		}
	}
	// Every mention of a term is found: count the surfaces that contain the
	// words of a few terms and compare with the hits.
	for term, want := range map[string]int{"بوتين": 7, "شويغو": 5, "كيربي": 2} {
		n := 0
		for _, h := range hits {
			if strings.Contains(text[h.StemStart:h.End], term) {
				n++
			}
		}
		if n != want {
			t.Errorf("%s: %d hits, want %d", term, n, want)
		}
	}
	// No hit lies inside another, and they come in text order.
	for i := 1; i < len(hits); i++ {
		if hits[i].Start < hits[i-1].End {
			t.Errorf("hits overlap or are out of order: %v %v", hits[i-1], hits[i])
		}
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"وبوتين", "للصين", "كوريا الشمالية", "وَبوتين", "ﻻ", "ل\u0651ل", "بان كي - مون", "\xff\xfe",
		"«الحياة»", "وقال فان إن", "بوتين وفان", "والسي. آي. ايه", "عن فان قوله", "'"} {
		f.Add(s)
	}
	m := testMatcher(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, hits := range [][]Hit{m.Match(text), m.MatchAll(text), m.MatchIn(text, "إلى مسقط\n"+text)} {
			checkHits(t, text, hits)
		}
	})
}

// checkHits fails on a hit out of order, out of bounds or off a rune boundary.
func checkHits(t *testing.T, text string, hits []Hit) {
	t.Helper()
	prev := 0
	for _, h := range hits {
		if h.Start < prev || h.Start > h.StemStart || h.StemStart >= h.End || h.End > len(text) {
			t.Fatalf("bad hit %+v in %q", h, text)
		}
		for _, off := range []int{h.Start, h.StemStart, h.End} {
			if utf8.ValidString(text) && off < len(text) && !utf8.RuneStart(text[off]) {
				t.Fatalf("hit %+v not on a rune boundary in %q", h, text)
			}
		}
		if h.Entry == nil || h.Clitic != text[h.Start:h.StemStart] {
			t.Fatalf("bad hit %+v in %q", h, text)
		}
		prev = h.End
	}
}

func TestHitStem(t *testing.T) {
	m := testMatcher(t)
	for text, want := range map[string]string{"للصين": "الصين", "وللصين": "الصين", "وبوتين": "بوتين", "بالعراق": "العراق", "للبنان": "لبنان"} {
		hits := m.Match(text)
		if len(hits) != 1 || hits[0].Stem(text) != want {
			t.Errorf("%s: hits %+v, want stem %s", text, hits, want)
		}
	}
}

func TestMatchInJudgesTheWriterOnTheArticle(t *testing.T) {
	m := testMatcher(t)
	const headline = "عودة علي"
	if got := m.Match(headline); len(got) != 0 {
		t.Errorf("Match(%q) = %d hits, want none: nothing shows that the writer writes ى", headline, len(got))
	}
	got := m.MatchIn(headline, headline+"\n\nوصل إلى الملعب.")
	if len(got) != 1 || got[0].Entry.En != "Ali" || headline[got[0].Start:got[0].End] != "علي" {
		t.Errorf("MatchIn = %+v, want Ali", got)
	}
}

func TestMatchInPicksAHomographByTheWholeArticle(t *testing.T) {
	m := testMatcher(t)
	const headline = "وصول الوفد إلى عمان"
	body := headline + "\n\nوصل الوفد إلى مسقط أمس للقاء وزير خارجية السلطنة."
	if got := m.Match(headline); len(got) != 1 || got[0].Entry.En != "Amman" {
		t.Fatalf("Match(headline) = %+v, want the first entry, Amman, for want of context", got)
	}
	if got := m.MatchIn(headline, body); len(got) != 1 || got[0].Entry.En != "Oman" {
		t.Errorf("MatchIn(headline, article) = %+v, want Oman from the body's مسقط", got)
	}
	// Context near the word outweighs the rest of the article.
	const para = "زار عمان عاصمة الأردن"
	if got := m.MatchIn(para, para+"\n\n"+body); len(got) != 1 || got[0].Entry.En != "Amman" {
		t.Errorf("MatchIn(paragraph, article) = %+v, want Amman from its own context", got)
	}
}
