package figures

import (
	"reflect"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name, ar, en string
		want         []Mismatch
	}{
		// the same figure, written differently
		{"Arabic-Indic digits", "قتل ١٢ شخصا", "12 people were killed", nil},
		{"Persian digits", "قتل ۱۲ شخصا", "12 people were killed", nil},
		{"Arabic thousands separator", "قتل ١٬٢٥٠ شخصا", "1,250 people were killed", nil},
		{"no separator against a comma", "قتل 1250 شخصا", "1,250 people were killed", nil},
		{"space grouping", "قتل 1250 شخصا", "1 250 people were killed", nil},
		{"Arabic comma grouping", "تحتل 783،562 كيلومترا مربعا", "occupies 783,562 square kilometres", nil},
		{"Arabic decimal separator", "نما الاقتصاد ٢٫٥ في المئة", "the economy grew 2.5%", nil},
		{"decimal comma", "نما الاقتصاد 3,5 في المئة", "the economy grew 3.5 per cent", nil},
		{"percent sign", "بنسبة ٤٠٪", "by 40%", nil},
		{"millions in words", "نحو 2 مليون لاجئ", "some 2,000,000 refugees", nil},
		{"millions against digits", "نحو 2 مليون لاجئ", "some 2 million refugees", nil},
		{"decimal billions", "1.5 مليار دولار", "$1.5bn", nil},
		{"thousands in words", "ثلاثة آلاف جندي", "3,000 soldiers", nil},
		{"thousands word by word", "3 آلاف جندي", "3 thousands soldiers", nil},
		{"dual million", "مليونين لاجئ", "2 million refugees", nil},
		{"a figure written out", "قتل 3 أشخاص", "three people were killed", nil},
		{"a dozen", "اعتقل 12 شخصا", "a dozen people were arrested", nil},
		{"compound Arabic words", "في القرن الحادي والعشرين", "in the 21st century", nil},
		{"teens in words", "ثلاثة عشر قتيلا", "13 dead", nil},
		{"a chain of Arabic words", "ثلاثة آلاف وخمسمائة جندي", "3,500 soldiers", nil},
		{"hundreds and tens", "مئة وخمسون قتيلا", "150 dead", nil},
		{"a thousand and hundreds", "نقلت نحو ألف وخمسمائة حاوية", "about 1,500 containers were moved", nil},
		{"a million and a half", "مليون ونصف لاجئ", "1.5 million refugees", nil},
		{"a million in pounds", "1.2 مليون جنيه", "£1.2m", nil},
		{"range", "بين 10 و15 قتيلا", "between 10-15 dead", nil},
		{"year with عام", "في عام 2024", "in 2024", nil},
		{"Hijri year with its era", "في عام 1445 هـ", "in 2024", nil},
		{"Hijri year turned Gregorian", "في عام 1445", "in 2023", nil},
		{"month as a name", "في 5/3/2024", "on March 5, 2024", nil},
		{"Arabic month as a number", "في 5 مارس", "on 5/3", nil},
		{"time with colon", "في الساعة 10:30 صباحا", "at 10.30 a.m.", nil},
		{"time in 24 hours", "في الساعة 15:00", "at 3 p.m.", nil},
		{"time with a point", "ستتحدث عند الساعة 23:45", "she will speak at 23.45", nil},
		{"time in military style", "في الساعة 12:00 بتوقيت غرينتش", "at 1200 GMT", nil},
		{"construct dual", "ملياري جنيه إسترليني", "£2bn", nil},
		{"feminine compound ordinal", "بلغ الحادية والثلاثين من عمره", "now 31", nil},
		{"names with numbers", "قمة مجموعة السبع G7 وطائرات F-16 وكوفيد-19 وشبكات 5G والقرار 2334", "the G7 summit, F-16 jets, COVID-19, 5G networks and Resolution 2334", nil},
		{"decade", "في السبعينيات", "in the 1970s", nil},
		{"list number", "2- إعادة فتح المعابر", "Reopening the crossings", nil},
		{"decade of a century", "خلال خمسينيات القرن الرابع عشر", "in the 1350s", nil},
		{"decade of the last century", "في ثلاثينيات القرن الماضي", "in the 1930s", nil},
		{"century as hundreds", "منذ القرن التاسع عشر", "since the 1800s", nil},
		{"square kilometres", "2.2 مليون كيلومتر مربع", "2.2 million km2", nil},
		{"dual noun", "خطاب استمر ساعتين", "a 2-hour speech", nil},
		{"repeated figure, repeated in words", "قتل 5 أشخاص، والخمسة من عائلة واحدة", "5 people were killed, all five from one family", nil},
		{"a figure the translation repeats", "عام 2003 أصبح بطل كأس وينستون", "In 2003 he became the 2003 Winston Cup champion", nil},
		{"temperatures in the 90s", "درجة حرارة تصل إلى 90 درجة، في التسعينيات", "90-degree heat, in the 90s", nil},
		{"an ordinal in words and in digits", "في القرن الخامس عشر", "in the 15th century", nil},
		{"a century in words as hundreds", "منذ القرن التاسع عشر", "since the 1800s", nil},
		{"hours and a half", "خطاب استمر ثلاث ساعات ونصف", "a 3.5-hour speech", nil},
		{"per cent after a number in words", "ثمانية عشر بالمائة من السكان", "Eighteen percent of the population", nil},
		{"two ranges in words", "عمرها بين مليوني وثلاثة ملايين سنة", "two million to three million years old", nil},
		{"a compound in English words", "حرب الثلاثين عاما", "the Thirty Years' War", nil},
		{"a Roman numeral", "عهد الملك هنري الثامن", "the reign of Henry VIII", nil},
		{"first and second are no figures", "أول مرة منذ الحرب العالمية الثانية", "the earliest since World War II", nil},
		{"weekdays are no figures", "يوم الاثنين أو الأحد", "on Monday or Sunday", nil},
		{"one and two in words are no figures", "التقى وزيرا الخارجية مع رئيس واحد", "the foreign ministers met a president", nil},
		{"a verb that reads as a number", "لست أدري من ألف الكتاب", "I do not know who wrote the book", nil},
		{"an adjective that reads as a number", "اجتماع ثلاثي", "a tripartite meeting", nil},
		{"a dual as two", "التقى وزيران في لبنان", "two ministers met in Lebanon", nil},
		{"a count in English words", "بعد أربع سنوات", "Four years later", nil},
		{"hundreds and tens in both languages", "مئتان وخمسون جنديا", "two hundred and fifty soldiers", nil},
		{"dozens in English", "في 48 قاعدة", "in some four dozen bases", nil},
		{"a fraction is no count", "أغلبية ثلثي الأعضاء", "a two-thirds majority of members", nil},
		{"ten years as a decade", "خلال السنوات العشر الماضية", "over the past decade", nil},
		{"a hundred years as a century", "مئة عام على وعد بلفور", "a century after the Balfour Declaration", nil},
		{"three times as tripled", "ارتفعت الأسعار ثلاثة أضعاف", "prices tripled", nil},
		{"a number adjective", "طابعة ثلاثية الأبعاد في المحادثات السداسية", "a 3D printer at the six-party talks", nil},
		{"a number adjective as a count", "اللجنة الخماسية", "the five-member committee", nil},
		{"half past an hour in words", "الساعة الرابعة والنصف مساء", "at 4:30 pm", nil},
		{"a one-letter regnal number", "الملك فيليب الخامس", "King Felipe V", nil},
		{"a count in the plural", "ضرب خمس رميات من الأربع", "he hit five fours", nil},
		{"a pronoun of two", "وقعت اتفاقية بينهما", "the two signed an agreement", nil},
		{"a name that reads as sixty", "فيلم من بطولة إيما ستون وبراد بيت", "a film starring Emma Stone and Brad Pitt", nil},
		{"a name that reads as six", "وقال كانييه وست", "Kanye West said", nil},
		{"a capitalised count is a name's", "متجهة إلى سيكس فلاجز", "headed to Six Flags", nil},
		{"a year moved to the front", "قتل 12 شخصا وجرح 30 عام 2008", "In 2008, 12 people were killed and 30 wounded", nil},
		{"the day of a date moved", "في 5 مارس قتل 12 شخصا", "12 people were killed on March 5", nil},
		{"casualty clauses moved", "أصيب 30 شخصا وقتل 12 آخرون في الانفجار", "The blast killed 12 people and wounded 30",
			nil},
		{"from and to moved", "ارتفع معدل البطالة من 5% إلى 7%", "Unemployment rose to 7% from 5%", nil},
		{"a clause moved", "يقع جونسون في الموقع الثاني برصيد 2243 بفارق سبع نقاط", "Seven points behind, Johnson is second with 2,243", nil},

		// errors
		{"two figures swapped", "قتل 12 شخصا وجرح 30 آخرون", "30 people were killed and 12 wounded",
			[]Mismatch{{Source: "12 then 30", Target: "30 then 12", Swapped: true}}},
		{"casualties swapped in a longer sentence", "قتل 12 شخصا في الهجوم الانتحاري الذي وقع صباح اليوم في وسط المدينة وأصيب 30 آخرون", "30 people were killed and 12 were wounded",
			[]Mismatch{{Source: "12 then 30", Target: "30 then 12", Swapped: true}}},
		{"from and to swapped", "ارتفع معدل البطالة من 5% إلى 7%", "Unemployment rose from 7% to 5%",
			[]Mismatch{{Source: "5 then 7", Target: "7 then 5", Swapped: true}}},
		{"figures in words swapped", "قتل ثلاثة أشخاص وجرح عشرة آخرون", "ten people were killed and three wounded",
			[]Mismatch{{Source: "ثلاثة then عشرة", Target: "ten then three", Swapped: true}}},
		{"a dual as three", "التقى وزيران في لبنان", "three ministers met in Lebanon", []Mismatch{{Target: "three"}}},
		{"one as two", "قتل شخص واحد في لبنان", "two people were killed in Lebanon", []Mismatch{{Target: "two"}}},
		{"a plural is no dual", "قتل أحد الفلسطينيين", "two Palestinians were killed", []Mismatch{{Target: "two"}}},
		{"a count in words as another", "بعد خمس سنوات", "Four years later", []Mismatch{{Source: "خمس", Target: "Four"}}},
		{"an ordinal in words dropped", "في الذكرى الخامسة عشرة للثورة", "on the anniversary of the revolution", []Mismatch{{Source: "الخامسة عشرة"}}},
		{"an ordinal in words changed", "في الذكرى الخامسة عشرة للثورة", "on the 16th anniversary of the revolution", []Mismatch{{Source: "الخامسة عشرة", Target: "16"}}},
		{"an ordinal changed in words", "في الذكرى الخامسة عشرة للثورة", "on the sixteenth anniversary of the revolution", []Mismatch{{Source: "الخامسة عشرة"}}},
		{"a count in words dropped", "قتل ثلاثة أشخاص وجرح 12", "people were killed and 12 wounded", []Mismatch{{Source: "ثلاثة"}}},
		{"a count in words changed", "قتل ثلاثة أشخاص", "4 people were killed", []Mismatch{{Source: "ثلاثة", Target: "4"}}},
		{"a compound in words changed", "ثلاثة آلاف وخمسمائة جندي", "three thousand soldiers", []Mismatch{{Source: "ثلاثة آلاف وخمسمائة"}}},
		{"twenty-one is not twenty", "بفارق عشرين نقطة", "by twenty-one points", []Mismatch{{Source: "عشرين", Target: "twenty-one"}}},
		{"a short name is no excuse", "قتل ستة أشخاص في سانت لويس", "people were killed in St. Louis", []Mismatch{{Source: "ستة"}}},
		{"three is not March", "تشييع ثلاثة من الضحايا في 21 آذار", "the funerals of the victims on March 21", []Mismatch{{Source: "ثلاثة"}}},
		{"a digit changed", "قتل ١٢٥٠ شخصا", "125 people were killed", []Mismatch{{Source: "١٢٥٠", Target: "125"}}},
		{"a number dropped", "قتل 5 أشخاص وجرح 12", "5 people were killed and many wounded", []Mismatch{{Source: "12"}}},
		{"a number added", "قتل أشخاص", "7 people were killed", []Mismatch{{Target: "7"}}},
		{"date off by one", "في 14 مارس", "on March 15", []Mismatch{{Source: "14", Target: "15"}}},
		{"percent changed", "بنسبة ٤٠٪", "by 4%", []Mismatch{{Source: "٤٠", Target: "4"}}},
		{"million against thousand", "2 مليون لاجئ", "2,000 refugees", []Mismatch{{Source: "2 مليون", Target: "2,000"}}},
		{"Hijri year, wrong Gregorian", "في عام 1445", "in 2020", []Mismatch{{Source: "1445", Target: "2020"}}},
		{"wrong time", "في الساعة 10:30", "at 11:30", []Mismatch{{Source: "10:30", Target: "11:30"}}},
		{"metres are not millions", "جدار بارتفاع 5 أمتار", "a 5m wall", nil},
		{"a chain of words, wrong figure", "ثلاثة آلاف وخمسمائة جندي", "3,400 soldiers", []Mismatch{{Source: "ثلاثة آلاف وخمسمائة", Target: "3,400"}}},
		{"a thousand and hundreds, wrong figure", "نقلت نحو ألف وخمسمائة حاوية", "about 1,400 containers were moved", []Mismatch{{Source: "ألف وخمسمائة", Target: "1,400"}}},
		{"a bare thousand is no figure", "ألف شكر", "many thanks", nil},
		{"decade in another millennium", "في السبعينيات", "in the 9170s", []Mismatch{{Target: "9170"}}},
		{"decade in another century", "خلال خمسينيات القرن الرابع عشر", "in the 1950s", []Mismatch{{Target: "1950"}}},
		{"a century is no hundred", "في القرن العاشر", "in the 100th century", []Mismatch{{Source: "العاشر", Target: "100"}}},
		{"a figure at the start is no list number", "12 قتيلا في غزة", "2 dead in Gaza", []Mismatch{{Source: "12", Target: "2"}}},
		{"a repeated figure dropped once", "المولودة في 17 سبتمبر، ووزنها 17 رطلا", "born on September 17, weighing pounds",
			[]Mismatch{{Source: "17", SourceTimes: 2, TargetTimes: 1}}},
		{"mistyped grouping", "104,500 برميل", "104,5000 barrels", []Mismatch{{Source: "104,500", Target: "104,5000"}}},
	} {
		if got := Check(c.ar, c.en); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Check(%q, %q) = %+v, want %+v", c.name, c.ar, c.en, got, c.want)
		}
	}
}

func TestMismatchString(t *testing.T) {
	for _, c := range []struct {
		m    Mismatch
		want string
	}{
		{Mismatch{Source: "1250", Target: "125"}, "the source's 1250 is 125 in the translation"},
		{Mismatch{Source: "12"}, "the source's 12 is not in the translation"},
		{Mismatch{Target: "7"}, "the translation's 7 is not in the source"},
		{Mismatch{Source: "17", SourceTimes: 2, TargetTimes: 1}, "the source has 17 twice, the translation once"},
		{Mismatch{Source: "62", SourceTimes: 3, TargetTimes: 1}, "the source has 62 3 times, the translation once"},
		{Mismatch{Source: "12 then 30", Target: "30 then 12", Swapped: true}, "the source has 12 then 30, the translation 30 then 12"},
	} {
		if got := c.m.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.m, got, c.want)
		}
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("قتل ١٬٢٥٠ شخصا في 10:30 صباحا 1445 هـ", "1,250 people at 10.30 a.m. in 2024")
	f.Add("1.2.3 ،5، ٫٬9", ",5, 1 2 3 4")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, m := range Check(a, b) {
			if m.Source == "" && m.Target == "" {
				t.Errorf("empty mismatch %+v", m)
			}
		}
		if ms := Check(a, a); len(ms) != 0 {
			t.Errorf("Check(%q, itself) = %+v", a, ms)
		}
	})
}

func BenchmarkCheck(b *testing.B) {
	ar := "قالت وزارة الصحة يوم الثلاثاء إن عدد القتلى ارتفع إلى ١٬٢٥٠ شخصا، فيما أصيب أكثر من 3 آلاف آخرين، وخصصت الحكومة 2.5 مليار دولار، أي نحو 15٪ من ميزانية عام 2024."
	en := "The health ministry said on Tuesday the death toll had risen to 1,250, with more than 3,000 injured; the government set aside $2.5bn, about 15 per cent of its 2024 budget."
	for b.Loop() {
		Check(ar, en)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
}

// TestNumbers: each number comes with where it is written and its values,
// a scale word and a separator included, so that another reader of the text
// finds a figure however it is written.
func TestNumbers(t *testing.T) {
	s := "قتل ١٬٢٥٠ شخصا و1.25 million dollars at 10:30, not three"
	got := Numbers(s)
	want := []Number{
		{Text: "١٬٢٥٠", Start: len("قتل "), Values: []string{"1250"}},
		{Text: "1.25 million", Start: len("قتل ١٬٢٥٠ شخصا و"), Values: []string{"1250000"}},
		{Text: "10:30", Start: len("قتل ١٬٢٥٠ شخصا و1.25 million dollars at "), Values: []string{"10:30"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Numbers(%q) = %+v, want %+v", s, got, want)
	}
	for _, n := range got {
		if s[n.Start:n.Start+len(n.Text)] != n.Text {
			t.Errorf("%q is not at %d", n.Text, n.Start)
		}
	}
	if !got[0].Same(Numbers("1,250")[0]) || got[0].Same(Numbers("125")[0]) || !Numbers("1.250")[0].Same(got[0]) {
		t.Errorf("Same: 1,250 is ١٬٢٥٠ and so may 1.250 be; 125 is not")
	}
	if Numbers("no figures, three words") != nil {
		t.Errorf("numbers in a text without digits")
	}
}

func TestWords(t *testing.T) {
	s := "قتل ثلاثة أشخاص في الذكرى الخامسة عشرة للثورة، وهي أول مرة منذ ألف عام، و15 في المئة"
	got := Words(s)
	want := []Number{{Text: "ثلاثة", Values: []string{"3"}}, {Text: "الخامسة عشرة", Values: []string{"15"}}}
	if len(got) != len(want) {
		t.Fatalf("Words(%q) = %+v, want %+v", s, got, want)
	}
	for i := range want {
		if got[i].Text != want[i].Text || !reflect.DeepEqual(got[i].Values, want[i].Values) || s[got[i].Start:got[i].Start+len(got[i].Text)] != got[i].Text {
			t.Errorf("Words(%q)[%d] = %+v, want %+v at its place", s, i, got[i], want[i])
		}
	}
}
