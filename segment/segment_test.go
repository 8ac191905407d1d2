package segment

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"bitext/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func texts(segs []doc.Segment) []string {
	var out []string
	for _, s := range segs {
		out = append(out, s.Text)
	}
	return out
}

func TestSentencesArabic(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"full stop", "وصل الوفد. وبدأت المحادثات.", []string{"وصل الوفد.", "وبدأت المحادثات."}},
		{"exclamation", "يا له من يوم! وانتهى الاجتماع.", []string{"يا له من يوم!", "وانتهى الاجتماع."}},
		{"question marks", "هل يأتي؟ لا أحد يعرف. هل?", []string{"هل يأتي؟", "لا أحد يعرف.", "هل?"}},
		{"runs of marks", "حقا؟! نعم.", []string{"حقا؟!", "نعم."}},
		{"ellipsis character mid-line", "وانتظر الجميع… ثم جاء الخبر.", []string{"وانتظر الجميع… ثم جاء الخبر."}},
		{"ellipsis, then a verb of saying", "وانتظر الجميع طويلا... وقال المتحدث إن الخبر وصل.", []string{"وانتظر الجميع طويلا...", "وقال المتحدث إن الخبر وصل."}},
		{"ellipsis character, then a verb of saying", "وانتظر الجميع طويلا… وقال المتحدث إن الخبر وصل.", []string{"وانتظر الجميع طويلا…", "وقال المتحدث إن الخبر وصل."}},
		{"ellipsis, then other news openers", "وانتظر الجميع طويلا... وشدد المتحدث على أن الخبر وصل. وتبقى الأسئلة… من جهته، قال الوزير إنه متفائل.",
			[]string{"وانتظر الجميع طويلا...", "وشدد المتحدث على أن الخبر وصل.", "وتبقى الأسئلة…", "من جهته، قال الوزير إنه متفائل."}},
		{"abbreviation, then another opener", "وتعود إلى عام 300 ق.م. وكشف الباحث أنها نادرة.", []string{"وتعود إلى عام 300 ق.م.", "وكشف الباحث أنها نادرة."}},
		{"Hijri date and its Gregorian equivalent", "وذلك يوم الأحد 15 رمضان 1445هـ. الموافق 24 مارس 2024م. وقال الوزير إن الحفل ناجح. صدر في 1/1/1445 هـ. الموافق 18/7/2023 م. توفي سنة 632 م. الموافقة للسنة 11 هـ.",
			[]string{"وذلك يوم الأحد 15 رمضان 1445هـ. الموافق 24 مارس 2024م.", "وقال الوزير إن الحفل ناجح.", "صدر في 1/1/1445 هـ. الموافق 18/7/2023 م.", "توفي سنة 632 م. الموافقة للسنة 11 هـ."}},
		{"era after a year", "ولد عام 1920 م. وتوفي عام 1980 م. ودفن في القاهرة. وولد أبوه عام 1310 ه. وعاش في مكة.",
			[]string{"ولد عام 1920 م.", "وتوفي عام 1980 م.", "ودفن في القاهرة.", "وولد أبوه عام 1310 ه.", "وعاش في مكة."}},
		{"era after a year, then a preposition", "ولد عام 1929م. في قرية صغيرة قرب حلب. وعاش من 1950م. إلى 1990م. في القاهرة. وتأسست الشركة عام ١٩٨٨ م. في المملكة العربية السعودية، وهي رائدة. وبني المسجد عام 1445هـ. على يد أهل القرية.",
			[]string{"ولد عام 1929م. في قرية صغيرة قرب حلب.", "وعاش من 1950م. إلى 1990م. في القاهرة.", "وتأسست الشركة عام ١٩٨٨ م. في المملكة العربية السعودية، وهي رائدة.", "وبني المسجد عام 1445هـ. على يد أهل القرية."}},
		{"era after a year, then a sentence that opens with a preposition", "انتقل إلى القاهرة عام 1950م. في عام 1960 عاد إلى حلب. وتخرج عام 1955م. في المقابل بقي أخوه في القرية. وتوفي عام 1990م. من جهته، قال ابنه إنه سيكمل عمله. وعاد عام 1970م. في 12 مارس افتتح المعرض.",
			[]string{"انتقل إلى القاهرة عام 1950م.", "في عام 1960 عاد إلى حلب.", "وتخرج عام 1955م.", "في المقابل بقي أخوه في القرية.", "وتوفي عام 1990م.", "من جهته، قال ابنه إنه سيكمل عمله.", "وعاد عام 1970م.", "في 12 مارس افتتح المعرض."}},
		{"etc. inside a sentence", "شملت المساعدات الغذاء والدواء والخيام إلخ. من المواد الأساسية. واشترى الخضار والفواكه الخ. وعاد إلى بيته.",
			[]string{"شملت المساعدات الغذاء والدواء والخيام إلخ. من المواد الأساسية.", "واشترى الخضار والفواكه الخ.", "وعاد إلى بيته."}},
		{"unit with a dot", "تقع القرية على بعد 30 كلم. عن العاصمة، و12 كم. جنوب الحدود. وبلغت سرعة الرياح 120 كم. وقال الدفاع المدني إن الأضرار كبيرة.",
			[]string{"تقع القرية على بعد 30 كلم. عن العاصمة، و12 كم. جنوب الحدود.", "وبلغت سرعة الرياح 120 كم.", "وقال الدفاع المدني إن الأضرار كبيرة."}},
		{"morning after a time", "نشر الخبر الساعة 10:30 ص. بتوقيت مكة.", []string{"نشر الخبر الساعة 10:30 ص. بتوقيت مكة."}},
		{"evening after a time, the sentence goes on", "بدأ الاجتماع الساعة 8 م. وانتهت الجلسة بعد ساعتين. وبدأ الحفل الساعة 8م. وانتهى ليلا. وصل الساعة 08:30م. بتوقيت مكة. وغادر الساعة ٩ ص. الخميس.",
			[]string{"بدأ الاجتماع الساعة 8 م. وانتهت الجلسة بعد ساعتين.", "وبدأ الحفل الساعة 8م. وانتهى ليلا.", "وصل الساعة 08:30م. بتوقيت مكة.", "وغادر الساعة ٩ ص. الخميس."}},
		{"evening after a time, a new sentence", "انتهى الاجتماع في الساعة 8 م. بدأ التصويت بعد ذلك. وانتهى الحفل الساعة 10م. وقال المنظمون إنه نجح. ووصل الساعة 7 ص. الوفد غادر.",
			[]string{"انتهى الاجتماع في الساعة 8 م.", "بدأ التصويت بعد ذلك.", "وانتهى الحفل الساعة 10م.", "وقال المنظمون إنه نجح.", "ووصل الساعة 7 ص.", "الوفد غادر."}},
		{"ellipsis for a pause", "الحرب مستمرة … والمفاوضات متعثرة ... والشعب ينتظر.", []string{"الحرب مستمرة … والمفاوضات متعثرة ... والشعب ينتظر."}},
		{"ellipsis for an omitted name", "قال … إن الأمر انتهى.", []string{"قال … إن الأمر انتهى."}},
		{"ellipsis after a closing quote", "وقال «سنرى…» ثم غادر. وقال «سنرى...» ثم غادر.", []string{"وقال «سنرى…» ثم غادر.", "وقال «سنرى...» ثم غادر."}},
		{"question, then an ellipsis", "هل تنجح المفاوضات؟… لا أحد يعرف.", []string{"هل تنجح المفاوضات؟…", "لا أحد يعرف."}},
		{"omission in square brackets", "وجاء في البيان أن الحكومة […] ستتخذ الإجراءات. وأن الجيش [...] سيتدخل.", []string{"وجاء في البيان أن الحكومة […] ستتخذ الإجراءات.", "وأن الجيش [...] سيتدخل."}},
		{"omission in brackets", "وجاء أن الحكومة (…) ستتخذ الإجراءات (...) اللازمة.", []string{"وجاء أن الحكومة (…) ستتخذ الإجراءات (...) اللازمة."}},
		{"ellipsis after a stop opens the next sentence", "انتهى الاجتماع. … وبعد ساعة غادر الوفد. ... ثم عاد.", []string{"انتهى الاجتماع.", "… وبعد ساعة غادر الوفد.", "... ثم عاد."}},
		{"ellipsis after a stop, then a verb of saying", "انتهى الاجتماع. … وقال المتحدث إنه نجح.", []string{"انتهى الاجتماع.", "… وقال المتحدث إنه نجح."}},
		{"ellipsis after a stop at the end", "انتهى الاجتماع. …", []string{"انتهى الاجتماع. …"}},
		{"marks after a stop", "انتهى الاجتماع. !! وغادر الوفد. ؟ ثم عاد. . وانتهى.", []string{"انتهى الاجتماع. !!", "وغادر الوفد. ؟", "ثم عاد. .", "وانتهى."}},
		{"dots with spaces between", "انتظر الجميع . . . ثم جاء الخبر. وانتظروا . . . وقال المتحدث إنه وصل.", []string{"انتظر الجميع . . . ثم جاء الخبر.", "وانتظروا . . .", "وقال المتحدث إنه وصل."}},
		{"two dots set apart", "في هذه المرحلة .. حيث أن الناس ينتظرون.", []string{"في هذه المرحلة .. حيث أن الناس ينتظرون."}},
		{"two-dot stop", "تتحكم في أسعار بيعها.. وهو الأمر الذي يقلق.", []string{"تتحكم في أسعار بيعها..", "وهو الأمر الذي يقلق."}},
		{"three dots mid-line", "قال إن ما تقوله وما تفعله... في الواقع أمر لا يصدق.", []string{"قال إن ما تقوله وما تفعله... في الواقع أمر لا يصدق."}},
		{"closing curly quote", "وقال “ستدفع الثمن.” وغادر.", []string{"وقال “ستدفع الثمن.”", "وغادر."}},
		{"period after quote", "قال “ستدفع الثمن”. وغادر.", []string{"قال “ستدفع الثمن”.", "وغادر."}},
		{"guillemets", "وقال «انتهى الأمر.» ثم صمت.", []string{"وقال «انتهى الأمر.»", "ثم صمت."}},
		{"straight quote", `وقال "انتهى الأمر." ثم صمت.`, []string{`وقال "انتهى الأمر."`, "ثم صمت."}},
		{"bracket", "(وهذا ما حدث.) وتابع.", []string{"(وهذا ما حدث.)", "وتابع."}},
		{"aside in brackets inside a sentence", "وأعلنت الشركة (التي تأسست عام 1995م. في دبي) عن أرباحها. وقال الوزير (وهو أستاذ سابق. وقد تولى المنصب عام 2020) إن الإصلاحات ستستمر. وتراجع المؤشر (هل كان ذلك متوقعا؟) بنسبة 3%.",
			[]string{"وأعلنت الشركة (التي تأسست عام 1995م. في دبي) عن أرباحها.", "وقال الوزير (وهو أستاذ سابق. وقد تولى المنصب عام 2020) إن الإصلاحات ستستمر.", "وتراجع المؤشر (هل كان ذلك متوقعا؟) بنسبة 3%."}},
		{"sentence in brackets between sentences", "انتهى الاجتماع. (ولم يصدر بيان. ولم يعلق أحد.) وغادر الوفد. وتراجع المؤشر (3%). وقال المحلل (حذرا!) وقال آخر.",
			[]string{"انتهى الاجتماع. (ولم يصدر بيان.", "ولم يعلق أحد.)", "وغادر الوفد.", "وتراجع المؤشر (3%).", "وقال المحلل (حذرا!)", "وقال آخر."}},
		{"quoted question stays", "ونقلت عنه القول “لماذا لا؟ هؤلاء جيراننا، ومن الأفضل أن نعيش في سلام”.",
			[]string{"ونقلت عنه القول “لماذا لا؟ هؤلاء جيراننا، ومن الأفضل أن نعيش في سلام”."}},
		{"quoted question, reversed guillemets", "قال »لماذا لا؟ هؤلاء جيراننا«. وانصرف.", []string{"قال »لماذا لا؟ هؤلاء جيراننا«.", "وانصرف."}},
		{"quoted full stops split", "وقال «الوضع صعب. نحن نعمل» ثم غادر.", []string{"وقال «الوضع صعب.", "نحن نعمل» ثم غادر."}},
		{"speaker after a quotation", "«متى ينتهي هذا؟» تساءل أحد السكان. \"لن نتراجع!\" قالت الوزيرة للصحفيين. «الوضع صعب.» قال الوزير. «الوضع صعب.» وقال الوزير إنه متفائل.",
			[]string{"«متى ينتهي هذا؟» تساءل أحد السكان.", "\"لن نتراجع!\" قالت الوزيرة للصحفيين.", "«الوضع صعب.» قال الوزير.", "«الوضع صعب.»", "وقال الوزير إنه متفائل."}},
		{"participle after a quotation", "وقال السفير: «لا يمكن أن نقف مكتوفي الأيدي. الوضع كارثي!» مضيفا أن بلاده ستقدم مشروع قرار. وقالت الوزيرة «لن نتراجع.» مؤكدةً أن الحكومة ماضية. وهتفوا «ارحل!» مضيفات الطيران أضربن.",
			[]string{"وقال السفير: «لا يمكن أن نقف مكتوفي الأيدي.", "الوضع كارثي!» مضيفا أن بلاده ستقدم مشروع قرار.", "وقالت الوزيرة «لن نتراجع.» مؤكدةً أن الحكومة ماضية.", "وهتفوا «ارحل!»", "مضيفات الطيران أضربن."}},
		{"participle after a stop that follows a quotation", "وقال: \"الكرة في ملعب واشنطن\". مضيفا أن طهران لن تقبل. وقال «انتهى الأمر». مشيراً إلى الاتفاق. وقال إن الأمر انتهى. وقالت الوزارة «لن نتراجع». مضيفات الطيران أضربن.",
			[]string{"وقال: \"الكرة في ملعب واشنطن\". مضيفا أن طهران لن تقبل.", "وقال «انتهى الأمر». مشيراً إلى الاتفاق.", "وقال إن الأمر انتهى.", "وقالت الوزارة «لن نتراجع».", "مضيفات الطيران أضربن."}},
		{"quoted question or exclamation inside a sentence", "وقال الوزير للصحفيين «لن نتراجع!» في إشارة إلى الاحتجاجات. ورفع المتظاهرون شعار \"ارحل!\" أمام البرلمان. وتساءل «هل هذا معقول؟» ثم صمت. وكتب: “هل من مجيب؟” وأرفق صورة.",
			[]string{"وقال الوزير للصحفيين «لن نتراجع!» في إشارة إلى الاحتجاجات.", "ورفع المتظاهرون شعار \"ارحل!\" أمام البرلمان.", "وتساءل «هل هذا معقول؟» ثم صمت.", "وكتب: “هل من مجيب؟” وأرفق صورة."}},
		{"quoted question or exclamation at a sentence's end", "وهتفوا «ارحل!» وقال المتظاهرون إنهم باقون. وتساءل «إلى متى؟» الحكومة لم ترد.",
			[]string{"وهتفوا «ارحل!»", "وقال المتظاهرون إنهم باقون.", "وتساءل «إلى متى؟»", "الحكومة لم ترد."}},
		{"quote never closed", "وقال “لماذا لا؟ ثم سكت. وغادر.", []string{"وقال “لماذا لا؟ ثم سكت.", "وغادر."}},
		{"doctor", "التقى د. محمد علي الوزير.", []string{"التقى د. محمد علي الوزير."}},
		{"metre and BC", "بطول 5 م. وفي عام 300 ق.م. بني المعبد. وفي 300 ق.م بني آخر.", []string{"بطول 5 م. وفي عام 300 ق.م. بني المعبد.", "وفي 300 ق.م بني آخر."}},
		{"agency", "نقلت أ.ف.ب. عن مصدر قوله إنه وصل.", []string{"نقلت أ.ف.ب. عن مصدر قوله إنه وصل."}},
		{"PO box", "العنوان ص.ب. 123 عمان.", []string{"العنوان ص.ب. 123 عمان."}},
		{"Latin letter before Arabic", "تأهل المنتخب عن المجموعة B. وسيلعب في الدور المقبل. ويحتاج الجسم إلى فيتامين D. «ويمكن» الحصول عليه.",
			[]string{"تأهل المنتخب عن المجموعة B.", "وسيلعب في الدور المقبل.", "ويحتاج الجسم إلى فيتامين D.", "«ويمكن» الحصول عليه."}},
		{"Latin initials", "قالت U.S. Army إنها مستعدة.", []string{"قالت U.S. Army إنها مستعدة."}},
		{"decimal", "ارتفع المؤشر 3.5 في المئة.", []string{"ارتفع المؤشر 3.5 في المئة."}},
		{"Arabic-Indic decimal", "بلغ النمو ١٢٫٥ في المئة. وتراجع.", []string{"بلغ النمو ١٢٫٥ في المئة.", "وتراجع."}},
		{"years", "في عامي 2018 و2019 زار سنغافورة.", []string{"في عامي 2018 و2019 زار سنغافورة."}},
		{"month pair", "في سبتمبر/أيلول الجاري. ثم عاد.", []string{"في سبتمبر/أيلول الجاري.", "ثم عاد."}},
		{"URL", "راجع www.example.com/a.html للمزيد. وشكرا.", []string{"راجع www.example.com/a.html للمزيد.", "وشكرا."}},
		{"URL at the end", "راجع الموقع www.example.com. وشكرا.", []string{"راجع الموقع www.example.com.", "وشكرا."}},
		{"e-mail", "راسلوا info@example.org. وشكرا.", []string{"راسلوا info@example.org.", "وشكرا."}},
		{"dateline", "القاهرة (رويترز) - قال مسؤول إن المحادثات بدأت. وأضاف أنها ستستمر.", []string{"القاهرة (رويترز) - قال مسؤول إن المحادثات بدأت.", "وأضاف أنها ستستمر."}},
		{"no space after stop", "الدولية.وبهدف التعاون.", []string{"الدولية.وبهدف التعاون."}},
		{"marks in brackets", "وهذا مدهش (!) كما قال.", []string{"وهذا مدهش (!) كما قال."}},
		{"bracket after question", "لماذا؟ (اطار) وتابع.", []string{"لماذا؟ (اطار) وتابع."}},
		{"slash after stop", "انتهى النص. / يتبع /", []string{"انتهى النص. / يتبع /"}},
		{"number after stop", "وصل العدد إلى 2004. 15 شخصا أصيبوا.", []string{"وصل العدد إلى 2004. 15 شخصا أصيبوا."}},
		{"line breaks end sentences", "السطر الأول\nالسطر الثاني", []string{"السطر الأول", "السطر الثاني"}},
		{"list", "وتشمل المطالب:\n- الإفراج عن المعتقلين.\n- وقف إطلاق النار", []string{"وتشمل المطالب:", "- الإفراج عن المعتقلين.", "- وقف إطلاق النار"}},
		{"numbered list", "1. النقطة الأولى: خفض التضخم.\n2. النقطة الثانية.\n١. الأولى.\n٢. الثانية.\n2.3. فرعية.",
			[]string{"1. النقطة الأولى: خفض التضخم.", "2. النقطة الثانية.", "١. الأولى.", "٢. الثانية.", "2.3. فرعية."}},
		{"numbered list in a line", "وتشمل الخطة: 1. خفض الضرائب. 2. زيادة الأجور. 3. دعم الصادرات.",
			[]string{"وتشمل الخطة: 1. خفض الضرائب.", "2. زيادة الأجور.", "3. دعم الصادرات."}},
		{"list in a line, other markers", "ومن المطالب: 1- وقف إطلاق النار. 2- إدخال المساعدات. ١) الإفراج عن الأسرى.",
			[]string{"ومن المطالب: 1- وقف إطلاق النار.", "2- إدخال المساعدات.", "١) الإفراج عن الأسرى."}},
		{"number after an abbreviation is no list", "انظر ص. 45. وقال الكاتب إنه نادر.", []string{"انظر ص. 45.", "وقال الكاتب إنه نادر."}},
		{"number mid-line still ends", "زاد عدد السكان إلى 2. وتراجع.", []string{"زاد عدد السكان إلى 2.", "وتراجع."}},
		{"initials in brackets", "بينما تراجع الدولار (م.ع.) أمام اليورو.", []string{"بينما تراجع الدولار (م.ع.) أمام اليورو."}},
		{"agency in brackets", "قال مصدر [أ.ف.ب.] إن الوفد وصل. وبدأت المحادثات.", []string{"قال مصدر [أ.ف.ب.] إن الوفد وصل.", "وبدأت المحادثات."}},
		{"URL ending in a letter and a stop", "راجع https://example.com/view?id=12&d. وشكرا.", []string{"راجع https://example.com/view?id=12&d.", "وشكرا."}},
		{"URL path ending in a letter", "النص في example.com/a/b. ثم عاد.", []string{"النص في example.com/a/b.", "ثم عاد."}},
		{"Latin title", "والتقى Dr. Smith ثم Mr. Brown في البيت الأبيض.", []string{"والتقى Dr. Smith ثم Mr. Brown في البيت الأبيض."}},
		{"spelled Latin initials", "وقال جي . بي . مورغان إن السوق مستقرة. وتابع.", []string{"وقال جي . بي . مورغان إن السوق مستقرة.", "وتابع."}},
		{"spelled initials, no spaces", "وقال مصرف جي.بي. مورغان إن السوق مستقرة.", []string{"وقال مصرف جي.بي. مورغان إن السوق مستقرة."}},
		{"one spelled middle initial", "وقال جون إف. كينيدي ذلك. وكرر دونالد جيه. ترامب الأمر.", []string{"وقال جون إف. كينيدي ذلك.", "وكرر دونالد جيه. ترامب الأمر."}},
		{"spelled initialism at the end", "نقلت ذلك هيئة الإذاعة البريطانية بي بي سي. ويأتي ذلك بعد قرار الحكومة. وذكرته شبكة سي إن إن. ويأتي ذلك.",
			[]string{"نقلت ذلك هيئة الإذاعة البريطانية بي بي سي.", "ويأتي ذلك بعد قرار الحكومة.", "وذكرته شبكة سي إن إن.", "ويأتي ذلك."}},
		{"a spelled letter is also a word", "اتصل بي. وقال إنه قادم.", []string{"اتصل بي.", "وقال إنه قادم."}},
		{"initial with a space before the stop", "قال أ . ف . ب إن د . محمد وصل.", []string{"قال أ . ف . ب إن د . محمد وصل."}},
		{"initial after the conjunction", "حضر كل من أ. محمد، ود. علي، وم. خالد.", []string{"حضر كل من أ. محمد، ود. علي، وم. خالد."}},
		{"abbreviation, then a verb of saying", "وتعود إلى عام 300 ق.م. وقال الباحث إنها نادرة.", []string{"وتعود إلى عام 300 ق.م.", "وقال الباحث إنها نادرة."}},
		{"GMT after a time, as p.m.", "وصل الوفد الساعة 12,00 ت غ. بدأ الاجتماع فورا. ووصل الساعة 17:00 ت.غ. وانتهى الاجتماع بعد ساعتين.",
			[]string{"وصل الوفد الساعة 12,00 ت غ.", "بدأ الاجتماع فورا.", "ووصل الساعة 17:00 ت.غ. وانتهى الاجتماع بعد ساعتين."}},
		{"GMT, then a new sentence", "وصل الساعة 12,00 ت غ. وأضاف المصدر أن الوفد غادر.", []string{"وصل الساعة 12,00 ت غ.", "وأضاف المصدر أن الوفد غادر."}},
		{"ordinal list marker", "أولاً. الإصلاح الاقتصادي.\nثانيا. الإصلاح السياسي. وهو الأهم.", []string{"أولاً. الإصلاح الاقتصادي.", "ثانيا. الإصلاح السياسي.", "وهو الأهم."}},
		{"empty", "", nil},
		{"spaces only", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.in, "ar")
			if !reflect.DeepEqual(texts(got), tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, texts(got), tt.want)
			}
			for _, s := range got {
				if tt.in[s.Start:s.End] != s.Text {
					t.Errorf("segment %d-%d text %q does not match the input", s.Start, s.End, s.Text)
				}
			}
		})
	}
}

func TestSentencesEnglish(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "He came. She left! Why? Nobody knows.", []string{"He came.", "She left!", "Why?", "Nobody knows."}},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Milley. Sen. Warren spoke.", []string{"Mr. Smith met Dr. Jones and Gen. Milley.", "Sen. Warren spoke."}},
		{"U.S. before a name", "The U.S. Embassy said so. U.N. officials agreed.", []string{"The U.S. Embassy said so.", "U.N. officials agreed."}},
		{"U.S. at the end", "He returned to the U.S. The talks ended.", []string{"He returned to the U.S.", "The talks ended."}},
		{"initials", "Donald J. Trump and George W. Bush met.", []string{"Donald J. Trump and George W. Bush met."}},
		{"a.m.", "It began at 10 a.m. local time. It ended at 5 p.m. He left.", []string{"It began at 10 a.m. local time.", "It ended at 5 p.m.", "He left."}},
		{"p.m., then a new sentence", "Talks start at 9 a.m. Officials said they were hopeful. It ended at 8 p.m. and they left.",
			[]string{"Talks start at 9 a.m.", "Officials said they were hopeful.", "It ended at 8 p.m. and they left."}},
		{"p.m., then a day or a time zone", "It began at 3 p.m. New York time and ended at 4 P.M. Tuesday, or 10 a.m. EST on Nov. 5 and 11:45 p.m. (2045 GMT).",
			[]string{"It began at 3 p.m. New York time and ended at 4 P.M. Tuesday, or 10 a.m. EST on Nov. 5 and 11:45 p.m. (2045 GMT)."}},
		{"numbers", "It rose 3.5 percent in No. 10 on Jan. 5. Prices fell.", []string{"It rose 3.5 percent in No. 10 on Jan. 5.", "Prices fell."}},
		{"word that is also an abbreviation", "She studied at the School of Art. “I loved it,” she said.", []string{"She studied at the School of Art.", "“I loved it,” she said."}},
		{"company at the end", "He works for Apple Inc. The company grew.", []string{"He works for Apple Inc.", "The company grew."}},
		{"brothers in a company's name", "Warner Bros. Discovery Inc. shares fell. Lehman Bros. Holdings collapsed. He worked for Warner Bros. The studio grew.",
			[]string{"Warner Bros. Discovery Inc. shares fell.", "Lehman Bros. Holdings collapsed.", "He worked for Warner Bros.", "The studio grew."}},
		{"company before its officer", "Alphabet Inc. Chief Executive Sundar Pichai spoke. Apple Inc. CEO Tim Cook and Acme Corp. Chairman Joe Doe agreed. He works for Acme Corp. President Biden praised it.",
			[]string{"Alphabet Inc. Chief Executive Sundar Pichai spoke.", "Apple Inc. CEO Tim Cook and Acme Corp. Chairman Joe Doe agreed.", "He works for Acme Corp.", "President Biden praised it."}},
		{"military titles", "Pentagon spokesman Brig. Gen. Pat Ryder and Lt. Col. John Doe spoke. Sgt. Maj. Smith agreed.", []string{"Pentagon spokesman Brig. Gen. Pat Ryder and Lt. Col. John Doe spoke.", "Sgt. Maj. Smith agreed."}},
		{"e.g.", "Some cities, e.g. Paris, agreed.", []string{"Some cities, e.g. Paris, agreed."}},
		{"reference after the last sentence", "It allows flexible working hours. (Bremer, 1998)\nIt was cited by Smith et al. (Jones, 2004: 3)\nThe toll rose. (It was 1990.)",
			[]string{"It allows flexible working hours. (Bremer, 1998)", "It was cited by Smith et al. (Jones, 2004: 3)", "The toll rose.", "(It was 1990.)"}},
		{"degrees", "It formed east of 35°W. On Monday it reached 30 °C. Winds rose to 40°F. at noon.", []string{"It formed east of 35°W.", "On Monday it reached 30 °C.", "Winds rose to 40°F. at noon."}},
		{"U.S. at the end, then a plural or an adverb", "The talks were held in the U.S. Officials said they would resume. He flew to the U.S. Also, the envoy met Kim. The U.N. Security Council and the U.S. Army met. U.S. Officials Say Talks Stalled",
			[]string{"The talks were held in the U.S.", "Officials said they would resume.", "He flew to the U.S.", "Also, the envoy met Kim.", "The U.N. Security Council and the U.S. Army met.", "U.S. Officials Say Talks Stalled"}},
		{"state before a title", "Ariz. Gov. Doug Ducey signed the bill. Calif. Rep. Adam Schiff and N.Y. Gov. Kathy Hochul spoke with Fla. Sen. Marco Rubio. He grew up in Phoenix, Ariz. Gov. Ducey was born there. It was Sen. John McCain, R-Ariz. The vote failed.",
			[]string{"Ariz. Gov. Doug Ducey signed the bill.", "Calif. Rep. Adam Schiff and N.Y. Gov. Kathy Hochul spoke with Fla. Sen. Marco Rubio.", "He grew up in Phoenix, Ariz.", "Gov. Ducey was born there.", "It was Sen. John McCain, R-Ariz.", "The vote failed."}},
		{"quoted question", "“Are you sure?” she asked. “Yes.”", []string{"“Are you sure?” she asked.", "“Yes.”"}},
		{"speaker after a quoted question", "\"Why now?\" Smith asked. “It makes no sense!” France's U.N. ambassador said, adding that talks would go on. \"Why?\" Mr. Jones asked reporters. \"Are we safe?\" Residents said they were not. \"Why?\" The question hung in the air. \"Who?\" Smith left. He said, \"No.\"",
			[]string{"\"Why now?\" Smith asked.", "“It makes no sense!” France's U.N. ambassador said, adding that talks would go on.", "\"Why?\" Mr. Jones asked reporters.", "\"Are we safe?\"", "Residents said they were not.", "\"Why?\"", "The question hung in the air.", "\"Who?\"", "Smith left.", "He said, \"No.\""}},
		{"aside in brackets inside a sentence", "The minister (a former professor. He took office in 2020) said so. The toll rose. (It could not be verified. Police declined to comment.) Rescuers searched.",
			[]string{"The minister (a former professor. He took office in 2020) said so.", "The toll rose.", "(It could not be verified.", "Police declined to comment.)", "Rescuers searched."}},
		{"quote with full stop", "“We will respond.” The minister left.", []string{"“We will respond.”", "The minister left."}},
		{"question inside quote", "He said “Why not? They are our neighbours” and left.", []string{"He said “Why not? They are our neighbours” and left."}},
		{"ellipsis then lower case", "It was... well, odd. Then it ended.", []string{"It was... well, odd.", "Then it ended."}},
		{"ellipsis then capital", "He waited... Nothing came.", []string{"He waited...", "Nothing came."}},
		{"ellipsis character then lower case", "It was… well, odd. Then it ended.", []string{"It was… well, odd.", "Then it ended."}},
		{"ellipsis character then capital", "He waited… Nothing came.", []string{"He waited…", "Nothing came."}},
		{"ellipsis before a number", "The toll rose... 15 died. The toll rose… 15 died.", []string{"The toll rose... 15 died.", "The toll rose… 15 died."}},
		{"ellipsis after a stop opens the next sentence", "The talks ended. … Then the delegates left. ... They came back.", []string{"The talks ended.", "… Then the delegates left.", "... They came back."}},
		{"ellipsis after a stop at the end", "The talks ended. …", []string{"The talks ended. …"}},
		{"marks after a stop", "The talks ended. !! Then they left. ? Nobody knew.", []string{"The talks ended. !!", "Then they left. ?", "Nobody knew."}},
		{"omission in square brackets", "“We will act […] The army is ready,” he said. “We [...] Nobody objected.”", []string{"“We will act […] The army is ready,” he said.", "“We [...] Nobody objected.”"}},
		{"numbered list", "1. The first point.\n2. The second point.", []string{"1. The first point.", "2. The second point."}},
		{"numbered list in a line", "The plan has three parts: 1. Cut taxes. 2. Raise spending. 3. Borrow less.",
			[]string{"The plan has three parts: 1. Cut taxes.", "2. Raise spending.", "3. Borrow less."}},
		{"list in a line, other markers", "The demands: 1) A ceasefire. 2) Aid corridors! 3) Talks.", []string{"The demands: 1) A ceasefire.", "2) Aid corridors!", "3) Talks."}},
		{"list in a line at the start of a line", "1. Cut taxes. 2. Raise spending.", []string{"1. Cut taxes.", "2. Raise spending."}},
		{"sentence that opens with a number", "The vehicle rolled over while responding. 28-year-old Vidal had joined the club. The brewery opened in Dublin. 250 years later, Guinness has grown. Turnout fell to 40%. 1,000 people voted. They watched the levees. 1,200 National Guard troops were deployed.",
			[]string{"The vehicle rolled over while responding.", "28-year-old Vidal had joined the club.", "The brewery opened in Dublin.", "250 years later, Guinness has grown.", "Turnout fell to 40%.", "1,000 people voted.", "They watched the levees.", "1,200 National Guard troops were deployed."}},
		{"abbreviation before a number", "See No. 5 for details, p. 12 of the report, Vol. 3 of the series, Fig. 2 of the study and Sec. 4 of the law. It took approx. 5 hours at est. 300 people per hour. The town (pop. 5,000 people) was founded ca. 1900 as Smith et al. 2005 found. He is 6 ft. 2 in. tall. Read Matt. 5:3 and Dept. 3 rules. It made the Inc. 500 list on Tues. 5 days ago, near Austin, Tex. 78701 residents voted. The flat costs Dhs. 500 a month.",
			[]string{"See No. 5 for details, p. 12 of the report, Vol. 3 of the series, Fig. 2 of the study and Sec. 4 of the law.", "It took approx. 5 hours at est. 300 people per hour.", "The town (pop. 5,000 people) was founded ca. 1900 as Smith et al. 2005 found.", "He is 6 ft. 2 in. tall.", "Read Matt. 5:3 and Dept. 3 rules.", "It made the Inc. 500 list on Tues. 5 days ago, near Austin, Tex. 78701 residents voted.", "The flat costs Dhs. 500 a month."}},
		{"date or number at a sentence end is no list", "The vote is on Nov. 5. It was No. 10. Then Sept. 11. The toll: 52. Police left. It took approx. 5. Then pp. 12. Done.",
			[]string{"The vote is on Nov. 5.", "It was No. 10.", "Then Sept. 11.", "The toll: 52.", "Police left.", "It took approx. 5.", "Then pp. 12.", "Done."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(Sentences(tt.in, "en"))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q, en)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// An English quotation on a line of its own in an Arabic article is cut by
// the English rules; Arabic lines, and lines with Arabic in them, are not.
func TestLatinLinesInArabic(t *testing.T) {
	in := "وقال المتحدث باسم البيت الأبيض:\n" +
		"\"Are you sure?\" she asked. He returned to the U.S. The talks ended.\n" +
		"وزار الرئيس U.S. الأسبوع الماضي.\n" +
		"2024/11/28"
	want := []string{
		"وقال المتحدث باسم البيت الأبيض:",
		"\"Are you sure?\" she asked.", "He returned to the U.S.", "The talks ended.",
		"وزار الرئيس U.S. الأسبوع الماضي.",
		"2024/11/28",
	}
	if got := texts(Sentences(in, "ar")); !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences\n got %q\nwant %q", got, want)
	}
	var got []string
	for _, b := range Split("a.txt", in, "ar-EG").Blocks {
		got = append(got, texts(b.Segments)...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Split\n got %q\nwant %q", got, want)
	}
	// Rules given by the user apply to every line, as SRX says.
	rs, err := ParseSRX("ar.srx", strings.NewReader(`<srx version="2.0"><header cascade="no"/><body><languagerules>
<languagerule languagerulename="ar"><rule break="yes"><beforebreak>[.?]</beforebreak><afterbreak>\s</afterbreak></rule></languagerule>
<languagerule languagerulename="en"><rule break="no"><beforebreak>Mr\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule>
</languagerules><maprules><languagemap languagepattern="ar" languagerulename="ar"/><languagemap languagepattern="en" languagerulename="en"/></maprules></body></srx>`))
	if err != nil {
		t.Fatal(err)
	}
	got = texts(SentencesWith("Mr. Smith came.", Options{Lang: "ar", Rules: rs}))
	if want := []string{"Mr.", "Smith came."}; !reflect.DeepEqual(got, want) {
		t.Errorf("own rules\n got %q\nwant %q", got, want)
	}
}

// A quotation is looked for only maxBehind bytes back: a question mark far
// after an opening quotation mark (one never closed, or a very long quote)
// ends its sentence, while one close to it does not.
func TestQuotationReach(t *testing.T) {
	filler := strings.Repeat("وقال المتحدث إن الوضع مستقر ", 200) // 10 kB
	near := "وقال “لماذا لا؟ هؤلاء جيراننا”."
	in := "وقال “" + filler + "لماذا لا؟ هؤلاء جيراننا. " + near
	got := texts(Sentences(in, "ar"))
	want := []string{"وقال “" + filler + "لماذا لا؟", "هؤلاء جيراننا.", near}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %d sentences %.80q…, want %d", len(got), got, len(want))
	}
}

// A sentence is never punctuation alone, whatever the rules: marks with no
// word beside them join the sentence before them, or the one after them when
// they open the line. A line of punctuation alone stays one segment.
func TestNoSegmentOfPunctuationAlone(t *testing.T) {
	everyMark, err := ParseSRX("marks.srx", strings.NewReader(`<srx version="2.0"><header cascade="no"/><body><languagerules>
<languagerule languagerulename="all"><rule break="yes"><beforebreak>[.!?؟…"]</beforebreak><afterbreak>\s</afterbreak></rule></languagerule>
</languagerules><maprules><languagemap languagepattern=".*" languagerulename="all"/></maprules></body></srx>`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		rules *Rules
		lang  string
		in    string
		want  []string
	}{
		{"built-in, marks open the line", nil, "ar", "؟ وقال المتحدث إنه وصل. !! وغادر.", []string{"؟ وقال المتحدث إنه وصل. !!", "وغادر."}},
		{"built-in, quoted mark", nil, "ar", `انتهى. "!" وغادر.`, []string{`انتهى. "!"`, "وغادر."}},
		{"built-in, English quoted mark", nil, "en", `The end. "!" Then they left.`, []string{`The end. "!"`, "Then they left."}},
		{"own rules", everyMark, "ar", "… انتهى الاجتماع. … ثم جاء الخبر. !! \"وغادر.\" …", []string{"… انتهى الاجتماع. …", "ثم جاء الخبر. !!", "\"وغادر.\" …"}},
		{"line of marks", everyMark, "ar", "انتهى.\n… !! ؟\nثم جاء.", []string{"انتهى.", "… !! ؟", "ثم جاء."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(SentencesWith(tt.in, Options{Lang: tt.lang, Rules: tt.rules}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBlocks(t *testing.T) {
	type blk struct {
		kind doc.Kind
		segs []string
	}
	tests := []struct {
		name string
		in   string
		want []blk
	}{
		{"heading and paragraph", "عنوان الخبر\n\nنص الخبر. وتفاصيله.", []blk{
			{doc.Heading, []string{"عنوان الخبر"}}, {doc.Paragraph, []string{"نص الخبر.", "وتفاصيله."}}}},
		{"long line is no heading", strings.Repeat("كلمة ", 13) + "\n\nنص.", []blk{
			{doc.Paragraph, []string{strings.TrimSpace(strings.Repeat("كلمة ", 13))}}, {doc.Paragraph, []string{"نص."}}}},
		{"line with final stop is no heading", "قصير.", []blk{{doc.Paragraph, []string{"قصير."}}}},
		{"share and comment", "نص.\n\nشاركها.\nاترك تعليقاً\n\nExit mobile version", []blk{
			{doc.Paragraph, []string{"نص."}}, {doc.Boilerplate, []string{"شاركها.", "اترك تعليقاً"}}, {doc.Boilerplate, []string{"Exit mobile version"}}}},
		{"boilerplate inside a block", "نهاية الخبر.\nشارك\nفيسبوك تويتر واتساب", []blk{
			{doc.Paragraph, []string{"نهاية الخبر."}}, {doc.Boilerplate, []string{"شارك", "فيسبوك تويتر واتساب"}}}},
		{"cookie notice", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع. موافق\n\nWe use cookies on this website. Accept all", []blk{
			{doc.Boilerplate, []string{"نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع. موافق"}},
			{doc.Boilerplate, []string{"We use cookies on this website. Accept all"}}}},
		{"related link", "اقرأ أيضاً: بوتين يلتقي كيم", []blk{{doc.Boilerplate, []string{"اقرأ أيضاً: بوتين يلتقي كيم"}}}},
		{"copyright", "© 2023 جميع الحقوق محفوظة", []blk{{doc.Boilerplate, []string{"© 2023 جميع الحقوق محفوظة"}}}},
		{"breadcrumb and share links", "الرئيسية » أخبار » دولية\n\nClick to share on Twitter (Opens in new window)\n\nنص.", []blk{
			{doc.Boilerplate, []string{"الرئيسية » أخبار » دولية"}},
			{doc.Boilerplate, []string{"Click to share on Twitter (Opens in new window)"}},
			{doc.Paragraph, []string{"نص."}}}},
		{"home page in a sentence", "الرئيسية في الموقع تغيرت.", []blk{{doc.Paragraph, []string{"الرئيسية في الموقع تغيرت."}}}},
		{"article about cookies", "تناول المؤتمر قواعد ملفات تعريف الارتباط في أوروبا.", []blk{
			{doc.Paragraph, []string{"تناول المؤتمر قواعد ملفات تعريف الارتباط في أوروبا."}}}},
		{"share in a sentence", "شارك الوزير في القمة.", []blk{{doc.Paragraph, []string{"شارك الوزير في القمة."}}}},
		{"separator lines", "عنوان الخبر\n\nانتهى الاجتماع.\n…\nوبعد ساعة غادر الوفد.\n\n* * *\n\n(1)\n\n—", []blk{
			{doc.Heading, []string{"عنوان الخبر"}}, {doc.Paragraph, []string{"انتهى الاجتماع."}}, {doc.Boilerplate, []string{"…"}},
			{doc.Paragraph, []string{"وبعد ساعة غادر الوفد."}}, {doc.Boilerplate, []string{"* * *"}},
			{doc.Heading, []string{"(1)"}}, {doc.Boilerplate, []string{"—"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Split("t", tt.in, "ar")
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			var got []blk
			for _, b := range d.Blocks {
				got = append(got, blk{b.Kind, texts(b.Segments)})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalisation checks that what the normaliser changes only steers the
// rules: segments keep pointing at the original bytes.
func TestNormalisation(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"BOM", "\ufeffوصل. وغادر.", []string{"وصل.", "وغادر."}},
		{"CRLF", "عنوان\r\n\r\nوصل. وغادر.\r\n", []string{"عنوان", "وصل.", "وغادر."}},
		{"CR", "عنوان\r\rوصل.\rوغادر.", []string{"عنوان", "وصل.", "وغادر."}},
		{"NBSP after stop", "وصل.\u00a0وغادر.", []string{"وصل.", "وغادر."}},
		{"narrow NBSP and ideographic space", "وصل.\u202fوغادر.\u3000ثم عاد.", []string{"وصل.", "وغادر.", "ثم عاد."}},
		{"RLM after stop", "وصل.\u200f وغادر.", []string{"وصل.\u200f", "وغادر."}},
		{"ZWSP", "وصل.\u200b وغادر.", []string{"وصل.", "وغادر."}},
		{"ZWNJ between letters kept", "می\u200cخواهم. بله.", []string{"می\u200cخواهم.", "بله."}},
		{"line separator", "وصل.\u2028وغادر", []string{"وصل.", "وغادر"}},
		{"paragraph separator", "عنوان\u2029نص.", []string{"عنوان", "نص."}},
		{"decomposed hamza", "وصل الا\u0654مين. وغادر.", []string{"وصل الا\u0654مين.", "وغادر."}},
		{"marks out of order", "حذ\u0651\u064eرنا. وغادر.", []string{"حذ\u0651\u064eرنا.", "وغادر."}},
		{"soft hyphen", "وصل.\u00ad وغادر.", []string{"وصل.\u00ad", "وغادر."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Split("t", tt.in, "ar")
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range d.Blocks {
				got = append(got, texts(b.Segments)...)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestArticle(t *testing.T) {
	src, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := Split("article.txt", string(src), "ar")
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	var headings, boiler []string
	content := 0
	for i, b := range d.Blocks {
		switch b.Kind {
		case doc.Heading:
			headings = append(headings, d.Text(i))
			content++
		case doc.Paragraph:
			content++
		case doc.Boilerplate:
			boiler = append(boiler, texts(b.Segments)...)
		}
	}
	if content != 29 {
		t.Errorf("%d content blocks, want 29", content)
	}
	wantHeadings := []string{"قمة بوتين وكيم", "قذائف مدفعية وصواريخ", "عقوبات على ثلاثة كيانات"}
	if !reflect.DeepEqual(headings, wantHeadings) {
		t.Errorf("headings %q, want %q", headings, wantHeadings)
	}
	wantBoiler := []string{"شاركها.", "اترك تعليقاً", "Exit mobile version"}
	if !reflect.DeepEqual(boiler, wantBoiler) {
		t.Errorf("boilerplate %q, want %q", boiler, wantBoiler)
	}
	// The quoted question stays inside its reporting sentence.
	for _, b := range d.Blocks {
		for _, s := range b.Segments {
			if strings.HasPrefix(s.Text, "هؤلاء") {
				t.Errorf("sentence split inside the quotation: %q", s.Text)
			}
		}
	}
	checkGolden(t, "article.golden.txt", renderDoc(d))
}

// renderDoc prints a document for golden files: one block per paragraph,
// kind and offsets first, one sentence per line.
func renderDoc(d *doc.Document) string {
	var b strings.Builder
	for i, blk := range d.Blocks {
		fmt.Fprintf(&b, "## %d %s %d-%d\n", i, blk.Kind, blk.Start, blk.End)
		for _, s := range blk.Segments {
			fmt.Fprintf(&b, "%d-%d %s\n", s.Start, s.End, s.Text)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update after checking the change):\n%s", path, got)
	}
}

// A paragraph wrapped at a fixed width (e-mail, a terminal editor) has its
// sentences run across the line breaks; lines that end sentences, or a short
// line, are breaks the writer meant.
func TestHardWrappedParagraph(t *testing.T) {
	texts := func(d *doc.Document) []string {
		var out []string
		for _, b := range d.Blocks {
			for _, s := range b.Segments {
				out = append(out, strings.ReplaceAll(s.Text, "\n", " "))
			}
		}
		return out
	}
	wrapped := "The president said on Tuesday that the talks with the delegation\n" +
		"would go on next week in Geneva. He added that no date had been set\n" +
		"for the signing of the agreement."
	got := texts(Split("w.txt", wrapped, "en"))
	want := []string{"The president said on Tuesday that the talks with the delegation would go on next week in Geneva.",
		"He added that no date had been set for the signing of the agreement."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("wrapped:\ngot  %q\nwant %q", got, want)
	}
	for _, text := range []string{
		"The president said on Tuesday that the talks would go on next week.\nHe added that no date had been set for the signing of the agreement.",
		"Moscow - Reuters\nThe president said on Tuesday that the talks with the delegation would go\non next week.",
	} {
		if got := texts(Split("l.txt", text, "en")); len(got) != strings.Count(text, "\n")+1 {
			t.Errorf("%q: lines joined: %q", text, got)
		}
	}
}
