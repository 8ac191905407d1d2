package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

func TestSuggestSampleArticle(t *testing.T) {
	root := testenv.RepoRoot(t)
	article, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	names, err := LoadNames()
	if err != nil {
		t.Fatal(err)
	}
	got := Suggest(string(article), SuggestOptions{Names: names})
	proposed := map[string]string{}
	for _, s := range got {
		proposed[Key(s.Ar)] = s.En
		if surface := string(article[s.Start:s.End]); surface != s.Ar && "ا"+surface != s.Ar {
			t.Errorf("%q: offsets %d-%d do not give it back", s.Ar, s.Start, s.End)
		}
	}
	// The people, places and agencies a reader would list.
	want := map[string]string{
		"جيك سوليفان": "Jake Sullivan", "فلاديمير بوتين": "Vladimir Putin", "كيم جونغ أون": "", "ديمتري بيسكوف": "",
		"أدريان واتسون": "Adrian Watson", "جون كيربي": "John Kirby", "ليندا توماس غرينفيلد": "Linda Thomas-Greenfield",
		"دونالد ترامب": "Donald Trump", "سيرغي شويغو": "", "كوريا الشمالية": "North Korea", "روسيا": "Russia",
		"أوكرانيا": "", "موسكو": "Moscow", "بيونغ يانغ": "", "فلاديفوستوك": "", "واشنطن": "Washington",
		"يونهاب": "Yonhap", "إنترفاكس": "Interfax", "نيويورك تايمز": "The New York Times", "مجموعة فاغنر": "",
		"الكرملين": "", "البيت الأبيض": "", "الصين": "", "اليابان": "", "سنغافورة": "", "فيتنام": "", "بريطانيا": "",
	}
	found := 0
	for ar, en := range want {
		got, ok := proposed[Key(ar)]
		if !ok {
			t.Logf("not proposed: %s", ar)
			continue
		}
		found++
		if en != "" && got != en {
			t.Errorf("%s: proposed %q, want %q", ar, got, en)
		}
	}
	if found*10 < len(want)*8 {
		t.Errorf("proposed %d of %d names, want at least 80%%", found, len(want))
	}
	if len(got) > 2*len(want) {
		t.Errorf("%d suggestions: too many for %d names", len(got), len(want))
	}
}

func TestSuggestSkipsGlossaryTerms(t *testing.T) {
	root := testenv.RepoRoot(t)
	article, _ := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	g, err := Load(filepath.Join(root, "glossary.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	names, _ := LoadNames()
	m := NewMatcher(g)
	for _, s := range Suggest(string(article), SuggestOptions{Names: names, Glossary: m}) {
		if hits := m.Match(s.Ar); len(hits) > 0 {
			t.Errorf("proposed %q, which the glossary has (%s)", s.Ar, hits[0].Entry.Ar)
		}
	}
}

// عبد, أبو and بن are never a name alone: they join the word after them,
// and English writes them as in Abdul Fattah, Abdullah, bin Salman.
func TestSuggestJoinsCompoundNames(t *testing.T) {
	text := "التقى الرئيس المصري عبد الفتاح السيسي بنظيره في القاهرة. وقال ولي العهد السعودي الأمير محمد بن سلمان " +
		"إن الملك عبد الله الثاني استقبل الرئيس عبدالله غول. وكتب ابن خلدون عن علي بن أبي طالب."
	proposed := map[string]string{}
	for _, s := range suggestIn(t, text) {
		proposed[s.Ar] = s.En
		if words := Words(s.Ar); nameJoiners[Key(words[len(words)-1])] {
			t.Errorf("%q → %q ends with a word that joins the next", s.Ar, s.En)
		}
	}
	wantProposed(t, proposed, map[string]string{
		"عبد الفتاح السيسي": "Abdel Fattah al-Sisi", "محمد بن سلمان": "Mohammed bin Salman", "عبد الله": "Abdullah",
		"عبدالله غول": "Abdullah Gul", "ابن خلدون": "Ibn Khaldoun",
	})
	// In a text that writes ى, علي is Ali, not the particle على.
	if got := proposed["علي بن أبي طالب"]; !strings.HasPrefix(got, "Ali bin Abi ") {
		t.Errorf("علي بن أبي طالب: proposed %q; all: %v", got, proposed)
	}
}

// A name ends before a word that cannot belong to it, and a clitic is not
// split off a common word.
func TestSuggestNameBoundaries(t *testing.T) {
	text := "وقال المتحدث إن الحكومة قررت بدلاً من ذلك التفاوض، وهو ما اقترحته بدلاً من الحرب. " +
		"وذكر التقرير جماعة الإخوان المسلمين نموذجا للتنظيمات العابرة للحدود. " +
		"وأعلنت حركة التمرد في الشمال وقف إطلاق النار. وكان أسامة بن لادن قد أعلن ذلك، ونقلت صحيفة عن بن لادن قوله."
	proposed := proposedIn(t, text)
	for _, ar := range []string{"دلاً", "جماعة الإخوان المسلمين نموذجا", "حركة التمرد"} {
		if en, ok := proposed[ar]; ok {
			t.Errorf("proposed %s → %s; all: %v", ar, en, proposed)
		}
	}
	if _, ok := proposed["جماعة الإخوان المسلمين"]; !ok {
		t.Errorf("جماعة الإخوان المسلمين not proposed; all: %v", proposed)
	}
	if en := proposed["بن لادن"]; en != "bin Laden" {
		t.Errorf("بن لادن: proposed %q, want bin Laden; all: %v", en, proposed)
	}
}

func TestTransliterate(t *testing.T) {
	tests := map[string]string{
		"سوليفان": "solifan", "بريطانيا": "britania", "أوكرانيا": "okrania", "كيم": "kim",
		"الكرملين": "al-krmlin", "يونهاب": "yonhab", "شويغو": "shoygo",
	}
	for ar, want := range tests {
		if got := Transliterate(ar); got != want {
			t.Errorf("Transliterate(%s) = %q, want %q", ar, got, want)
		}
	}
}

func TestNameTable(t *testing.T) {
	names, err := LoadNames()
	if err != nil {
		t.Fatal(err)
	}
	if names.Len() < 40000 {
		t.Errorf("only %d names", names.Len())
	}
	for ar, want := range map[string]string{"سوليفان": "sullivan", "جون": "john", "واتسون": "watson"} {
		if en, _, ok := names.Lookup(Key(ar)); !ok || en != want {
			t.Errorf("Lookup(%s) = %q, %v; want %q", ar, en, ok, want)
		}
	}
}

func FuzzSuggest(f *testing.F) {
	f.Add("قال الرئيس الروسي فلاديمير بوتين")
	f.Add("وكالة يونهاب للأنباء")
	f.Add("كوريا الشمالية وروسيا")
	f.Add("التقى الرئيس المصري عبد الفتاح السيسي")
	f.Add("الأمير محمد بن سلمان بن")
	f.Add("قال المستشار جيك سوليفان إن سوليفان وسوليفان")
	f.Add("قناة الجزيرة وشبه الجزيرة ووالشرق الأوسط جماعة مسلحة")
	names, err := LoadNames()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range Suggest(text, SuggestOptions{Names: names}) {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Ar && "ا"+text[s.Start:s.End] != s.Ar || strings.TrimSpace(s.En) == "" && s.From != "rules" {
				t.Fatalf("bad suggestion %+v in %q", s, text)
			}
			if words := Words(s.Ar); len(words) > 0 && nameJoiners[Key(words[len(words)-1])] {
				t.Fatalf("suggestion %+v ends with a joiner in %q", s, text)
			}
		}
	})
}

// A well-known word inside a longer name keeps its usual spelling.
func TestProposeEnglishUsesWellKnownWords(t *testing.T) {
	en, from := proposeEnglish([]string{Key("نيويورك"), Key("تايمز")}, false, nil)
	if !strings.HasPrefix(en, "New York ") || from != "table+rules" {
		t.Errorf("proposeEnglish(نيويورك تايمز) = %q from %s, want New York … from table+rules", en, from)
	}
}

// A news agency or paper that Arabic news quotes often is proposed as the
// name it gives itself, once, whether or not its title is written.
func TestSuggestKnownMedia(t *testing.T) {
	text := "ذكرت وكالة رويترز أن الوفد وصل. ونقلت رويترز عن مسؤول قوله إن صحيفة واشنطن بوست نشرت الخبر."
	got := map[string]Suggestion{}
	for _, s := range suggestIn(t, text) {
		got[s.Ar] = s
	}
	for ar, en := range map[string]string{"رويترز": "Reuters", "واشنطن بوست": "The Washington Post"} {
		s, ok := got[ar]
		if !ok || s.En != en || s.Type != "media" {
			t.Errorf("%s: got %+v, want %s (media)", ar, s, en)
		}
	}
	if s := got["رويترز"]; s.Count != 2 {
		t.Errorf("رويترز proposed with count %d, want 2 (with and without وكالة)", s.Count)
	}
	for ar := range got {
		if strings.HasPrefix(ar, "وكالة") || strings.HasPrefix(ar, "صحيفة") {
			t.Errorf("proposed %q with its title", ar)
		}
	}
}

// علي behind و, in a text that writes ى elsewhere, is proposed as the name
// Ali without the و: the entry is what a glossary would list.
func TestSuggestAliWithoutProclitic(t *testing.T) {
	text := "التقى الوزير وعلي حسن في القاهرة.\n\nوقال وعلي حسن إن الوفد وصل إلى المطار.\n"
	for _, s := range suggestIn(t, text) {
		if strings.HasPrefix(s.Ar, "و") {
			t.Errorf("proposed %q (%s): the proclitic is part of it", s.Ar, s.En)
		}
		if s.Ar != text[s.Start:s.End] {
			t.Errorf("%q: offsets %d-%d give %q", s.Ar, s.Start, s.End, text[s.Start:s.End])
		}
	}
}

// علي الرغم is على الرغم ("despite") written with ي, never Ali, even in a
// text that writes ى elsewhere.
func TestSuggestAliRaghmIsNoName(t *testing.T) {
	text := "وعلي الرغم من أنه قال ذلك.\n\nوعلي الرغم من أن المدير تكهن بذلك.\n\nوصل الوزير إلى المطار.\n"
	for _, s := range suggestIn(t, text) {
		if Key(s.Ar) == aliKey {
			t.Errorf("proposed %q (%s) in علي الرغم", s.Ar, s.En)
		}
	}
}

// Parties and movements that news text names with a common noun (حزب,
// حركة) get their English names, not a word-by-word rendering.
func TestSuggestKnownMovements(t *testing.T) {
	text := "قال حزب الله في بيان إن حركة حماس ومنظمة التحرير الفلسطينية رفضتا الاقتراح. وأضاف حزب الله أن حركة فتح وافقت.\n"
	got := map[string]string{}
	for _, s := range suggestIn(t, text) {
		got[Key(s.Ar)] = s.En
	}
	for ar, en := range map[string]string{"حزب الله": "Hezbollah", "حماس": "Hamas", "منظمة التحرير الفلسطينية": "Palestine Liberation Organization", "فتح": "Fatah"} {
		if g, ok := got[Key(ar)]; ok && g != en || !ok && got[Key("حركة "+ar)] != en {
			t.Errorf("%s: proposed %q, want %q (all: %v)", ar, g, en, got)
		}
	}
}

// Ordinary words that the name table or a name's shape would make names of
// are not proposed: أدى "led to" (Eddie) as the text writes it, with ى, and
// وسوف "and will" (Wassouf, shaped like Russian names in -وف).
func TestSuggestLeavesOrdinaryWords(t *testing.T) {
	text := "وقد أدى الانفجار إلى مقتل ثلاثة أشخاص.\n\nوقال المسؤول إن الحادث أدى إلى إغلاق الطريق.\n\nوسوف تعقد الحكومة اجتماعا.\n"
	for _, s := range suggestIn(t, text) {
		if k := Key(s.Ar); k == Key("أدى") || k == Key("وسوف") {
			t.Errorf("proposed %q (%s), an ordinary word", s.Ar, s.En)
		}
	}
}

// suggestionsIn maps each Arabic name Suggest proposes in text to its
// suggestion.
func suggestionsIn(t *testing.T, text string) map[string]Suggestion {
	t.Helper()
	out := map[string]Suggestion{}
	for _, s := range suggestIn(t, text) {
		out[s.Ar] = s
	}
	return out
}

// proposedIn maps each Arabic name Suggest proposes in text to its English.
func proposedIn(t *testing.T, text string) map[string]string {
	t.Helper()
	proposed := map[string]string{}
	for _, s := range suggestIn(t, text) {
		proposed[s.Ar] = s.En
	}
	return proposed
}

// wantProposed checks that each Arabic name of want was proposed with its
// English.
func wantProposed(t *testing.T, proposed, want map[string]string) {
	t.Helper()
	for ar, en := range want {
		if got, ok := proposed[ar]; !ok || got != en {
			t.Errorf("%s: proposed %q (%v), want %q; all: %v", ar, got, ok, en, proposed)
		}
	}
}

// suggestIn runs Suggest on text with the shipped name table.
func suggestIn(t *testing.T, text string) []Suggestion {
	t.Helper()
	names, err := LoadNames()
	if err != nil {
		t.Fatal(err)
	}
	return Suggest(text, SuggestOptions{Names: names})
}

// The names news repeats most are proposed as English news writes them,
// not as their words are spelled one by one (Beskov, Kim Jong Aung).
func TestSuggestWorldSpellings(t *testing.T) {
	text := "وقال الناطق باسم الكرملين ديمتري بيسكوف إن الزعيم الكوري الشمالي كيم جونغ أون سيزور روسيا. " +
		"وقال رئيس الوزراء بنيامين نتنياهو لقناة الجزيرة إن تنظيم القاعدة يهدد سكان شبه الجزيرة العربية. " +
		"والتقى نتنياهو الرئيس المصري عبد الفتاح السيسي. وقالت السفيرة ليندا توماس غرينفيلد إن الأمر خطير."
	proposed := suggestionsIn(t, text)
	for ar, want := range map[string]string{
		"ديمتري بيسكوف": "Dmitry Peskov", "كيم جونغ أون": "Kim Jong Un", "بنيامين نتنياهو": "Benjamin Netanyahu",
		"نتنياهو": "Netanyahu", "قناة الجزيرة": "Al-Jazeera", "تنظيم القاعدة": "al-Qaeda",
		"عبد الفتاح السيسي": "Abdel Fattah al-Sisi", "ليندا توماس غرينفيلد": "Linda Thomas-Greenfield",
	} {
		if got, ok := proposed[ar]; !ok || got.En != want {
			t.Errorf("%s: proposed %q (%v), want %q", ar, got.En, ok, want)
		}
	}
	if s := proposed["بنيامين نتنياهو"]; s.Type != "person" {
		t.Errorf("بنيامين نتنياهو: type %q, want person", s.Type)
	}
	for ar, s := range proposed {
		if s.En == "Al-Jazeera" && ar != "قناة الجزيرة" {
			t.Errorf("%s proposed as Al-Jazeera: without its title الجزيرة is the peninsula", ar)
		}
	}
}

// A spelled name with the article reads al-Hakim: the name capitalised after
// the article, which is capital only at the start; the table spells the word
// without its article when it lacks the whole; تش is ch.
func TestProposeEnglishArticle(t *testing.T) {
	names, err := LoadNames()
	if err != nil {
		t.Fatal(err)
	}
	for ar, want := range map[string]string{
		"الحكيم":       "Al-Hakim",
		"أيمن الحكيم":  "Ayman al-Hakim",
		"الزلامي":      "Al-Zlami",
		"خالد الزلامي": "Khaled al-Zlami",
		"أرتشي":        "Archi",
	} {
		if _, _, ok := names.Lookup(Key(ar)); ok && !strings.Contains(ar, " ") {
			t.Fatalf("%s is in the name table: pick a word it lacks", ar)
		}
		if got, _ := proposeEnglish(Words(ar), false, names); got != want {
			t.Errorf("%s: proposed %q, want %q", ar, got, want)
		}
	}
}

// A well-known name that begins with a proclitic's letter (بكين, لندن, كندا)
// is that name, not the letter and a shorter name (كين Ken, ندا Nada).
func TestSuggestKeepsWellKnownWhole(t *testing.T) {
	text := "وقال في بكين أمس إن لندن وكندا ولبنان تدعم بكين."
	proposed := proposedIn(t, text)
	wantProposed(t, proposed, map[string]string{"بكين": "Beijing", "لندن": "London", "كندا": "Canada", "لبنان": "Lebanon"})
}

// Regions, groups and clubs that news names without a title are proposed
// too, also behind a proclitic.
func TestSuggestWellKnownRegions(t *testing.T) {
	text := "وقالت حماس إن أوروبا والشرق الأوسط يتابعان ما يجري في الضفة الغربية، وفاز ريال مدريد على برشلونة. " +
		"ونشرت صحيفة ديلي تلغراف تقريرا عن كردستان."
	proposed := proposedIn(t, text)
	wantProposed(t, proposed, map[string]string{"حماس": "Hamas", "أوروبا": "Europe", "الشرق الأوسط": "Middle East",
		"الضفة الغربية": "West Bank", "ريال مدريد": "Real Madrid", "برشلونة": "Barcelona",
		"ديلي تلغراف": "The Daily Telegraph", "كردستان": "Kurdistan"})
}

// After an organisation's title, an adjective or ordinary word says what
// kind it is (جماعة مسلحة, "an armed group"): no name follows.
func TestSuggestSkipsDescribedOrganisations(t *testing.T) {
	text := "وتبنت جماعة مسلحة تنتمي إلى المعارضة الهجوم، فيما قالت مجموعة تفكيرية تابعة لوزارة الدفاع " +
		"إن شركة نفطية أمريكية ستنسحب. وأفلست شركة انرون وشركة ارثر اندرسون."
	proposed := map[string]string{}
	for _, s := range suggestIn(t, text) {
		proposed[s.Ar] = s.En
		if strings.Contains(s.Ar, "مسلحة") || strings.Contains(s.Ar, "تفكيرية") || strings.Contains(s.Ar, "نفطية") {
			t.Errorf("proposed %q → %q, which is no name", s.Ar, s.En)
		}
	}
	if _, ok := proposed["شركة انرون"]; !ok {
		t.Errorf("شركة انرون not proposed; all: %v", proposed)
	}
}

// A surname standing alone after the full name is proposed too, spelled as
// the full name ends (لابيد Lapid, not Labid by rule), but not the last word
// of a name with بن.
func TestSuggestLoneSurname(t *testing.T) {
	text := "وقال زعيم المعارضة يائير لابيد إن الحكومة فشلت. وأضاف لابيد أن الانتخابات قريبة. " +
		"وقال مستشار الأمن القومي جيك سوليفان للصحفيين إن الوضع خطير. وأقر سوليفان بأنه لا يعرف. " +
		"وقال ولي العهد محمد بن سلمان إن الاقتصاد ينمو."
	proposed := suggestionsIn(t, text)
	for ar, en := range map[string]string{"لابيد": "Lapid", "سوليفان": "Sullivan"} {
		if s, ok := proposed[ar]; !ok || s.En != en || s.Type != "person" {
			t.Errorf("%s: proposed %q as %q (%v), want %q as person", ar, s.En, s.Type, ok, en)
		}
	}
	if s, ok := proposed["سلمان"]; ok {
		t.Errorf("سلمان proposed as %q: the last word of محمد بن سلمان is not his name alone", s.En)
	}
}

// A surname alone is spelled as the glossary spells the person's full name,
// so that later mentions read as the first did.
func TestSuggestSurnameFromGlossary(t *testing.T) {
	g, err := Parse("glossary.yaml", []byte("terms:\n  - ar: زينب الخطيب\n    en: Zeinab al-Khatib\n    type: person\n"+
		"  - ar: جون كيربي\n    en: John Kirbi\n    type: person\n  - ar: نهر الأردن\n    en: Jordan River\n    type: place\n"+
		"  - ar: جامعة هارفارد\n    en: Harvard University\n"))
	if err != nil {
		t.Fatal(err)
	}
	names, err := LoadNames()
	if err != nil {
		t.Fatal(err)
	}
	text := "وقالت الخطيب إن الخطيب لن تستقيل. وقال كيربي إن الأمر خطير. ووصلوا إلى الأردن. ودرس في هارفارد."
	got := map[string]Suggestion{}
	for _, s := range Suggest(text, SuggestOptions{Names: names, Glossary: NewMatcher(g)}) {
		got[s.Ar] = s
	}
	for ar, en := range map[string]string{"الخطيب": "al-Khatib", "كيربي": "Kirbi"} {
		if s := got[ar]; s.En != en || s.From != "glossary" || s.Type != "person" {
			t.Errorf("%s: proposed %q from %q as %q, want %q from the glossary as person", ar, s.En, s.From, s.Type, en)
		}
	}
	for _, ar := range []string{"الأردن", "هارفارد"} {
		if s := got[ar]; s.From == "glossary" {
			t.Errorf("%s spelled %q after an entry of the glossary that is no person", ar, s.En)
		}
	}
}
