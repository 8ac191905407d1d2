package tm

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"

	"bitext/doc"
	"bitext/glossary"
)

// TestFuzzyNumberIsOneEdit: a stored sentence that differs from the text only
// in a figure ranks above one that differs in a word (killed against
// wounded), however many digits the figure has, and the match says which
// figure differs and how the stored translation writes it.
func TestFuzzyNumberIsOneEdit(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	if _, err := m.Add(ctx, []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: "وقالت وزارة الصحة إن عدد القتلى ارتفع إلى 1250 شخصا.",
			Target: "The health ministry said the death toll had risen to 1,250."},
		{SourceLang: "ar", TargetLang: "en", Source: "وقالت وزارة الصحة إن عدد الجرحى ارتفع إلى 987 شخصا.",
			Target: "The health ministry said the number of wounded had risen to 987."},
	}); err != nil {
		t.Fatal(err)
	}
	ms, err := m.Fuzzy(ctx, "ar", "en", "وقالت وزارة الصحة إن عدد القتلى ارتفع إلى 987 شخصا.", FuzzyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 {
		t.Fatalf("%d matches, want 2: %+v", len(ms), ms)
	}
	if ms[0].Target != "The health ministry said the death toll had risen to 1,250." || ms[0].Score <= ms[1].Score || ms[0].Score >= 1 {
		t.Errorf("first %q (%.3f), then %q (%.3f): want the death toll first, below 1", ms[0].Target, ms[0].Score, ms[1].Target, ms[1].Score)
	}
	if want := []NumberChange{{Memory: "1250", Text: "987", Target: "1,250"}}; !reflect.DeepEqual(ms[0].Numbers, want) {
		t.Errorf("numbers %+v, want %+v", ms[0].Numbers, want)
	}
	if len(ms[1].Numbers) != 0 {
		t.Errorf("the wounded match shares its figure, yet numbers %+v", ms[1].Numbers)
	}
}

func TestNumberChanges(t *testing.T) {
	for _, c := range []struct {
		name, source, target, text string
		want                       []NumberChange
	}{
		{"same figure in Arabic-Indic digits", "قتل ١٢ شخصا", "12 people were killed", "قتل 12 شخصا", nil},
		{"thousands separator", "قتل ١٬٢٥٠ شخصا", "1,250 people were killed", "قتل 1250 شخصا", nil},
		{"decimal separator", "نما الاقتصاد ٢٫٥ في المئة", "the economy grew 2.5%", "نما الاقتصاد 3.1 في المئة",
			[]NumberChange{{Memory: "٢٫٥", Text: "3.1", Target: "2.5"}}},
		{"year", "في عام 2022", "in 2022", "في عام 2023", []NumberChange{{Memory: "2022", Text: "2023", Target: "2022"}}},
		{"one of two differs", "بين 2018 و2019", "in 2018 and 2019", "بين 2018 و2020",
			[]NumberChange{{Memory: "2019", Text: "2020", Target: "2019"}}},
		{"dropped", "قتل 5 أشخاص في 3 هجمات", "five people were killed in 3 attacks", "قتل 5 أشخاص في هجمات",
			[]NumberChange{{Memory: "3", Target: "3"}}},
		{"added, not in the translation", "قتل أشخاص", "people were killed", "قتل 7 أشخاص", []NumberChange{{Text: "7"}}},
		{"written out in the translation", "قتل 5 أشخاص", "five people were killed", "قتل 6 أشخاص", []NumberChange{{Memory: "5", Text: "6"}}},
		{"sentence-final point is no decimal", "في عام 2022.", "in 2022.", "في عام 2022.", nil},
		{"translation writes a scale word", "بلغت الخسائر 1250000 دولار", "losses reached $1.25 million", "بلغت الخسائر 987000 دولار",
			[]NumberChange{{Memory: "1250000", Text: "987000", Target: "1.25 million"}}},
		{"scale word against digits", "بلغت الخسائر 1.25 مليون دولار", "losses reached $1.25 million", "بلغت الخسائر 1250000 دولار", nil},
		{"time of day", "يبدأ الاجتماع في الساعة 10:30 صباحا", "the meeting starts at 10.30 a.m.", "يبدأ الاجتماع في الساعة 11:30 صباحا",
			[]NumberChange{{Memory: "10:30", Text: "11:30", Target: "10.30"}}},
		{"space grouping", "قتل 1 250 شخصا", "1,250 people were killed", "قتل 1250 شخصا", nil},
	} {
		if got := NumberChanges(c.source, c.target, c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: NumberChanges(%q, %q, %q) = %+v, want %+v", c.name, c.source, c.target, c.text, got, c.want)
		}
	}
}

func FuzzNumberChanges(f *testing.F) {
	f.Add("قتل ١٬٢٥٠ شخصا", "1,250 people", "قتل 987 شخصا")
	f.Add("1.2.3", ",5,", "٫٬9")
	f.Fuzz(func(t *testing.T, source, target, text string) {
		for _, c := range NumberChanges(source, target, text) {
			if c.Memory == "" && c.Text == "" {
				t.Errorf("empty change %+v", c)
			}
			if c.Target != "" && c.Memory == "" {
				t.Errorf("target figure without a memory one: %+v", c)
			}
		}
		var p placeholders
		if a, b := p.mark(Normalize(source)), p.mark(Normalize(source)); a != b {
			t.Errorf("mark not stable: %q, %q", a, b)
		}
	})
}

// TestAttachFuzzyNotesNumbers: translate's candidates carry a note for the
// editor when a candidate's figure differs, as a CAT tool shows only its score.
func TestAttachFuzzyNotesNumbers(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en",
		Source: "زودت كوريا الشمالية روسيا بصواريخ وقذائف في عام 2022 استخدمتها مجموعة فاغنر.",
		Target: "North Korea supplied Russia with missiles and shells in 2022 that the Wagner group used."}}); err != nil {
		t.Fatal(err)
	}
	bt := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Units: []doc.Unit{{ID: "u1", Kind: doc.Paragraph,
		Source: "زودت كوريا الشمالية روسيا بصواريخ وقذائف في عام 2023 استخدمتها مجموعة فاغنر.", State: doc.StateMachine}}}
	if err := AttachFuzzy(ctx, m, bt, 0, nil); err != nil {
		t.Fatal(err)
	}
	u := bt.Units[0]
	if len(u.Matches) != 1 || !slices.Contains(u.Notes, "memory match 98%: number 2022 in the memory, 2023 here; the translation says 2022") {
		t.Errorf("matches %+v, notes %q", u.Matches, u.Notes)
	}
}

// TestAttachFuzzyNotesNames: a candidate that names another person than the
// unit gets a note naming both, with the English the translation holds.
func TestAttachFuzzyNotesNames(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en",
		Source: "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن المحادثات ستستمر ثلاثة أيام في موسكو.",
		Target: "Kremlin spokesman Dmitry Peskov said the talks would last three days in Moscow."}}); err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Parse("g.yaml", []byte("terms:\n"+
		"  - {ar: ديمتري بيسكوف, en: Dmitry Peskov, type: person}\n"+
		"  - {ar: سيرغي شويغو, en: Sergei Shoigu, type: person}\n"+
		"  - {ar: موسكو, en: Moscow, type: place}\n"))
	if err != nil {
		t.Fatal(err)
	}
	bt := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Units: []doc.Unit{{ID: "u1", Kind: doc.Paragraph,
		Source: "وقال المتحدث باسم الكرملين سيرغي شويغو إن المحادثات ستستمر ثلاثة أيام في موسكو.", State: doc.StateMachine}}}
	if err := AttachFuzzy(ctx, m, bt, 0, glossary.NewMatcher(g)); err != nil {
		t.Fatal(err)
	}
	u := bt.Units[0]
	if len(u.Matches) != 1 || len(u.Notes) != 1 ||
		!strings.HasSuffix(u.Notes[0], "name ديمتري بيسكوف (Dmitry Peskov) in the memory, سيرغي شويغو (Sergei Shoigu) here; the translation says Dmitry Peskov") {
		t.Errorf("matches %+v, notes %q", u.Matches, u.Notes)
	}
}

// TestFuzzyDiffByWords: a match's diff shows changed words and figures
// whole, not letters cut out of an Arabic word.
func TestFuzzyDiffByWords(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	if _, err := m.Add(ctx, []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: "وقالت وزارة الصحة إن عدد الجرحى ارتفع إلى 987 شخصا في عام 2022.",
			Target: "The health ministry said the number of wounded had risen to 987 in 2022."},
	}); err != nil {
		t.Fatal(err)
	}
	ms, err := m.Fuzzy(ctx, "ar", "en", "وقالت وزارة الصحة إن عدد القتلى ارتفع إلى 987 شخصا في عام 2023.", FuzzyOptions{})
	if err != nil || len(ms) != 1 {
		t.Fatalf("%+v, %v", ms, err)
	}
	want := "وقالت وزارة الصحة إن عدد [-الجرحى-]{+القتلى+} ارتفع إلى 987 شخصا في عام [-2022-]{+2023+}."
	if got := DiffText(ms[0].Diff); got != want {
		t.Errorf("diff %q, want %q", got, want)
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("وقال بيسكوف أمس", "قال بيسكوف اليوم، 2023")
	f.Add("a\u0651b c", "\xff\xfe x")
	f.Fuzz(func(t *testing.T, from, to string) {
		dmp := diffmatchpatch.New()
		d := WordDiff(from, to)
		if got := dmp.DiffText1(d); got != from {
			t.Errorf("old side %q, want %q", got, from)
		}
		if got := dmp.DiffText2(d); got != to {
			t.Errorf("new side %q, want %q", got, to)
		}
	})
}
