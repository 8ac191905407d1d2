package gist

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/arabic"
)

// FreeDict lists a headword's glosses alphabetically, and many nouns only
// with the article: the lexicon must choose a useful gloss and find the stem
// without the article.
func TestOutsideLexiconSenses(t *testing.T) {
	entries := []struct{ ar, glosses string }{
		{"ممتاز", "A1 | A-one | Superb"},         // codes last
		{"خام", "Rawest | Rawer | Raw"},          // the plain form before its degrees
		{"قادم", "Arriver | Forthcoming | Next"}, // a word the built-in list uses (next) first
		{"قصور", "Chateaus | Chateau"},           // a plural may be the sense: order decides
		{"الدقة", "Accuracy"},                    // found for دقة too
		{"الكتاب", "Book"},
		{"كتاب", "Volume"}, // a bare entry of its own is not overwritten
	}
	var tsv strings.Builder
	tsv.WriteString("arabic\tipa\tenglish\n")
	var body strings.Builder
	var index strings.Builder
	for _, e := range entries {
		tsv.WriteString(e.ar + "\tx\t" + e.glosses + "\n")
		start := body.Len()
		body.WriteString(e.ar + " /x/\n")
		for i, g := range strings.Split(e.glosses, " | ") {
			body.WriteString(string(rune('1'+i)) + ". " + g + "\n")
		}
		index.WriteString(e.ar + "\t" + b64(start) + "\t" + b64(body.Len()-start) + "\n")
	}
	dir := t.TempDir()
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(body.String()))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "s.dict.dz"), z.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "s.index"), []byte(index.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "s.tsv"), []byte(tsv.String()), 0o644)
	want := map[string]string{
		"ممتاز": "superb", "خام": "raw", "قادم": "next", "قصور": "chateaus",
		"الدقة": "accuracy", "دقة": "accuracy", "كتاب": "volume", "الكتاب": "book",
	}
	for _, f := range []string{"s.tsv", "s.index"} {
		l, err := LoadLexicon(context.Background(), filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for ar, en := range want {
			if e, ok := l.Lookup(arabic.Fold(ar)); !ok || e.Gloss != en {
				t.Errorf("%s: %s = %q (found %v), want %q", f, ar, e.Gloss, ok, en)
			}
		}
		e := NewWithLexicons(Options{}, l)
		if got := e.Gloss("بدقة", nil); got != "with accuracy" {
			t.Errorf("%s: gist of بدقة = %q, want %q", f, got, "with accuracy")
		}
	}
}

// Everyday words the built-in list now holds win over the rare senses an
// outside dictionary gives them.
func TestEverydaySenses(t *testing.T) {
	core, err := Core()
	if err != nil {
		t.Fatal(err)
	}
	fd := NewLexicon("freedict")
	for ar, en := range map[string]string{"وسع": "countersink", "ممتاز": "A1", "الجاري": "neighbour",
		"متقدم": "leadoff", "المتقدمة": "leadoff", "مجدد": "furbished", "الملكية": "dispossession"} {
		fd.Add(ar, Entry{Gloss: en})
	}
	e := NewWithLexicons(Options{}, core, fd)
	checkGloss(t, e, nil, []glossCase{
		{"ليس بوسعه", "is not able to"},
		{"بوسعنا", "able to"},
		{"المستوى ممتاز", "the level excellent"},
		{"الشهر الجاري", "the current month"},
		{"تقنيات متقدمة", "advanced technologies"},
		{"الدول المتقدمة", "the advanced countries"},
		{"زيارة مجددا", "visit again"},
		{"العائلة الملكية", "the royal family"},
		{"عادة ما تكون الأسعار مرتفعة", "usually what the prices is high"}, // تكون "is", not "consisted"
		{"تكونت الصخور", "the rocks consisted"},
		{"عالم الأعمال", "world of the business"},
		{"المناطق الخاصة", "the special areas"},
	})
}

// A stem found only in an outside lexicon does not hide the built-in reading
// with ta marbuta restored, and on equal cost a reading with no proclitic
// beats one that cuts a ك or ب off the word.
func TestBuiltinStemReadings(t *testing.T) {
	core, err := Core()
	if err != nil {
		t.Fatal(err)
	}
	fd := NewLexicon("freedict")
	fd.Add("كمي", Entry{Gloss: "quantitative"})
	fd.Add("لغت", Entry{Gloss: "lught"})
	e := NewWithLexicons(Options{}, core, fd)
	checkGloss(t, e, nil, []glossCase{
		{"كميات كبيرة", "big quantities"},    // not ك + مئات "as hundreds"
		{"تدريبات بحرية", "naval exercises"}, // not ب + حرية "with freedom"
		{"فإنها", "so that it"},              // a pronoun reading does not win the tie
		{"لغته", "his language"},             // لغة + ه, not an outside لغت + ه
	})
}

// A FreeDict headword in the third person present (يهاجر "Migrates") gives
// the engine the verb's present stem, so that its other forms are read.
func TestOutsidePresentVerbs(t *testing.T) {
	tsv := "arabic\tipa\tenglish\nيهاجر\tx\tMigrates\nينتظر\tx\tAwaits | Waits\nيسير\tx\tWalkover\n"
	l, err := ReadTSV(context.Background(), "t.tsv", strings.NewReader(tsv))
	if err != nil {
		t.Fatal(err)
	}
	e := NewWithLexicons(Options{NoReorder: true}, l)
	checkGloss(t, e, nil, []glossCase{
		{"تهاجر", "migrates"},
		{"سيهاجرون", "will migrate"},
		{"وننتظر", "and we await"},
		{"تسير", "Tsir"},       // walkover is no verb in -s
		{"انتظروا", "Antzrwa"}, // the past "they waited", not "I await" with an ending
	})
}

// A noun ending in hamza writes it on a seat before a suffix.
func TestHamzaSeatBeforeSuffix(t *testing.T) {
	e := coreEngine(t, Options{NoReorder: true})
	checkGloss(t, e, nil, []glossCase{
		{"لحلفائها", "for her allies"},
		{"حلفاؤه", "his allies"},
		{"وحلفائهم", "and their allies"},
	})
}

// قد before a past verb marks it as done ("may" would invert the sense);
// before a present verb it is "may"; كلا standing alone is "no".
func TestQadAndKalla(t *testing.T) {
	e := coreEngine(t, Options{NoReorder: true})
	checkGloss(t, e, nil, []glossCase{
		{"وقد أعلن", "and announced"},
		{"كانت الوزارة قد فرضت", "was the ministry imposed"},
		{"قد يكون", "may be"},
		{"قد تكون", "may be"}, // not the past "consisted"
		{"قد أصيب", "was injured"},
		{"كلا، لا يمكننا", "no, not we can"},
		{"كلا البلدين", "both the countries"},
	})
}

// A proclitic chain written apart with a tatweel, before a figure or a Latin
// word, is glossed like the chain on a word.
func TestProcliticWithTatweel(t *testing.T) {
	e := coreEngine(t, Options{NoReorder: true})
	checkGloss(t, e, nil, []glossCase{
		{"القرن الـ 16", "the century the 16"},
		{"بـ GPS", "with GPS"},
		{"وبالـ GPS", "and with the GPS"},
		{"موسم الأمطار", "season the rain"},
	})
}

// A number with a pronoun suffix is a fraction of what the pronoun names.
func TestFractionWithPronoun(t *testing.T) {
	e := coreEngine(t, Options{NoReorder: true})
	checkGloss(t, e, nil, []glossCase{
		{"خمسهم", "a fifth of them"},
		{"ربعها", "a quarter of her"},
		{"وثلثهم", "and a third of them"},
		{"خمستهم", "their five"}, // the five of them: a cardinal with ة
		{"كتابهم", "their book"},
	})
}

// Comparisons, "the same" and a few set phrases read as English says them.
func TestComparativesAndSetPhrases(t *testing.T) {
	e := coreEngine(t, Options{})
	checkGloss(t, e, nil, []glossCase{
		{"الدولة أصغر من المدينة", "the state smaller than the city"},
		{"وأهم من ذلك", "and more important than that"},
		{"أكبر من", "bigger than"},
		{"أفضل من", "better than"},
		{"أكبر دولة", "biggest state"}, // no من: still the superlative
		{"بنفس الطريقة", "with the same way"},
		{"من الصعب حلها", "it is difficult her solution"},
		{"بعضها البعض", "each other"},
		{"في نهاية المطاف", "eventually"},
	})
	for sup, want := range map[string]string{"biggest": "bigger", "largest": "larger", "easiest": "easier",
		"most important": "more important", "highest": "higher"} {
		if got, ok := comparative(sup); !ok || got != want {
			t.Errorf("comparative(%q) = %q, %v, want %q", sup, got, ok, want)
		}
	}
	for _, s := range []string{"best of", "west", "first"} {
		if got, ok := comparative(s); ok {
			t.Errorf("comparative(%q) = %q, want none", s, got)
		}
	}
}

// coreEngine is a gist engine with the built-in word list alone.
func coreEngine(t *testing.T, opts Options) *Engine {
	t.Helper()
	core, err := Core()
	if err != nil {
		t.Fatal(err)
	}
	return NewWithLexicons(opts, core)
}
