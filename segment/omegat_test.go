package segment

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

// TestOmegaT checks that OmegaT, given the exported rules, cuts the same
// sentences as bitext: the promise of --export-srx. It needs java, javac and
// OmegaT (Debian package omegat; OMEGAT_JAR names another jar) and is skipped
// without them.
func TestOmegaT(t *testing.T) {
	jar := os.Getenv("OMEGAT_JAR")
	if jar == "" {
		jar = "/usr/share/omegat/OmegaT.jar"
	}
	if _, err := os.Stat(jar); err != nil {
		t.Skipf("OmegaT not installed: %v", err)
	}
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("java not installed")
	}
	dir := t.TempDir()
	srx := filepath.Join(dir, "rules.srx")
	if err := os.WriteFile(srx, defaultSRX, 0o644); err != nil {
		t.Fatal(err)
	}
	article, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	arabic := lines(string(article))
	arabic = append(arabic, "قال د. محمد. ثم ذهب؟ وقال “لماذا لا؟ هؤلاء جيراننا”. ثم… انتهى... وبعد",
		"نقلت أ.ف.ب. عن مصدر. في 300 ق.م. بني المعبد. وهذا مدهش (!) كما قال. لماذا؟ (اطار) انتهى. / يتبع /",
		"تتحكم في أسعار بيعها.. وهو الأمر. قال «الوضع صعب. نحن نعمل» ثم غادر. قال »لماذا لا؟ هؤلاء« وانصرف.",
		"راجع https://example.com/view?id=12&d. وشكرا. قال أ . ف . ب إن د . محمد وصل. حضر أ. محمد، ود. علي، وم. خالد.",
		"وقال جي . بي . مورغان إن السوق مستقرة. وقال مصرف جي.بي. مورغان ذلك. اتصل بي. والتقى Dr. Smith ثم Mr. Brown أمس.",
		"وتعود إلى عام 300 ق.م. وقال الباحث إنها نادرة. وصل الساعة 12,00 ت غ. وأضاف المصدر أن د. وكان غادر.",
		"أولاً. الإصلاح الاقتصادي.", "ثانيا . الإصلاح السياسي. وهو الأهم.",
		"انتظر… ثم جاء. وانتظر طويلا... وقال المتحدث إنه وصل. قال … إن الأمر انتهى. الحرب مستمرة ... والشعب ينتظر.",
		"انتهى. … وبعد ساعة غادر. هل تنجح؟… لا. الحكومة […] ستتخذ (…) الإجراءات. المرحلة .. حيث. انتهى. !! وغادر. ؟ ثم عاد. …",
		"وتشمل الخطة: 1. خفض الضرائب. 2. زيادة الأجور. 3. دعم الصادرات. ومن المطالب: 1- وقف النار. 2- إدخال المساعدات. ١) الإفراج. انظر ص. 45. وقال الكاتب.",
		"يوم الأحد 15 رمضان 1445هـ. الموافق 24 مارس 2024 م. وقال الوزير. ولد عام 1920 م. وتوفي عام 1310 ه. وعاش. الساعة 10:30 ص. بتوقيت مكة. بطول 5 م. وفي.",
		"وقال جون إف. كينيدي ذلك. وكرر دونالد جيه . ترامب الأمر. نقلتها بي بي سي. ويأتي ذلك. وذكرته شبكة سي إن إن. ويأتي. اتصل بي. وعاد.",
		"تأهل عن المجموعة B. وسيلعب. فيتامين D. «ويمكن» ذلك. وزار الرئيس U.S. الأسبوع الماضي. قالت U.S. Army ذلك.",
		"انتهى الاجتماع. ... وبعد ساعة غادر. !? ثم عاد. .. وانتهى.",
		"«متى ينتهي هذا؟» تساءل أحد السكان. \"لن نتراجع!\" قالت الوزيرة. «الوضع صعب.» قال الوزير. «الوضع صعب.» وقال الوزير إنه متفائل.",
		"وقال «سنرى…» ثم غادر. وقال «سنرى...» وأضاف أنه متفائل. انتهى الاجتماع .. وقال المتحدث إنه نجح.",
		"بدأ الاجتماع الساعة 8 م. وانتهت الجلسة. وبدأ الساعة 8م. بتوقيت مكة. انتهى الساعة 8 م. بدأ التصويت. الساعة 10م. وقال المنظمون. وصل الساعة 12,00 ت غ. بدأ.",
		"وقال السفير: «الوضع كارثي!» مضيفا أن بلاده ستتحرك. وقال «انتهى الأمر». مشيراً إلى الاتفاق. مضيفات الطيران أضربن.",
		"رفعوا شعار «ارحل!» أمام البرلمان. وتساءل «هل هذا معقول؟» ثم صمت. وهتفوا «ارحل!» وقال المتظاهرون إنهم باقون. وتساءل «إلى متى؟» الحكومة لم ترد.",
		"وقال الوزير (وهو أستاذ سابق. وقد تولى المنصب عام 2020) إن الإصلاحات ستستمر. وتراجع المؤشر (هل كان ذلك متوقعا؟) بنسبة 3%. وقال المحلل (حذرا!) وقال آخر.",
		"ولد عام 1929م. في قرية قرب حلب. وعاش من 1950م. إلى 1990م. في القاهرة. وبني عام 1445هـ. على يد أهله. وانتقل عام 1950م. في عام 1960 عاد. وتوفي عام 1990م. من جهته، قال ابنه.",
		"شملت المساعدات الغذاء إلخ. من المواد. واشترى الخضار الخ. وعاد. تقع على بعد 30 كلم. عن العاصمة و12 كم. جنوب الحدود. وبلغت 120 كم. وقال المصدر.")
	english := []string{
		"He met Mr. Smith at 10 a.m. local time. The U.S. team won. He returned to the U.S. The talks ended.",
		"Donald J. Trump and George W. Bush met. “Are you sure?” she asked. It was... well, odd. He waited... Nothing came.",
		"It rose 3.5 percent in No. 10 on Jan. 5. Prices fell. He works for Apple Inc. The company grew.",
		"He waited… Nothing came. It was… well, odd. The toll rose… 15 died. The talks ended. … Then they left. !! So.",
		"The talks ended. ... They came back. ?! Yes. .. No.",
		"“We will act […] The army is ready,” he said. “We [...] Nobody objected.” The end. ? Yes. …",
		"The plan has three parts: 1. Cut taxes. 2. Raise spending. 3. Borrow less. The vote is on Nov. 5. It was No. 10. The toll: 52. Police left.",
		"Talks start at 9 a.m. Officials said so. It began at 3 p.m. New York time and ended at 4 P.M. Tuesday, or 10 a.m. EST.",
		"\"Why now?\" Smith asked. “It makes no sense!” France's U.N. ambassador said, adding more. \"Are we safe?\" Residents said they were not.",
		"Alphabet Inc. Chief Executive Sundar Pichai spoke. Brig. Gen. Pat Ryder agreed. The minister (a former professor. He took office in 2020) said so.",
		"The talks were held in the U.S. Officials said they would resume. He flew to the U.S. Also, the envoy met Kim. U.S. Officials Say Talks Stalled",
		"Ariz. Gov. Doug Ducey signed it. Calif. Rep. Adam Schiff spoke. He grew up in Phoenix, Ariz. Gov. Ducey was born there. It formed east of 35°W. On Monday it was 30 °C. Then 40°F. at noon.",
		"He was responding. 28-year-old Vidal had joined. It opened in Dublin. 250 years later, it grew. Turnout fell to 40%. 1,000 people voted. See Sec. 4 of the law, approx. 5 hours, pop. 5,000 people, the Inc. 500 list, Tex. 78701 residents and Matt. 5:3 today.",
		"It allows flexible working hours. (Bremer, 1998)",
		"Warner Bros. Discovery Inc. shares fell. Lehman Bros. Holdings collapsed. He worked for Warner Bros. The studio grew.",
		"The toll rose. (It was 1990.)",
	}
	// The evaluation texts, when they are there (beside the repository, as in CI).
	data := filepath.Join(testenv.RepoRoot(t), "..", "shared", "data", "segmentation")
	if docs, err := readDocs(filepath.Join(data, "padt-dev", "raw.jsonl"), "", ""); err == nil {
		for _, d := range docs {
			arabic = append(arabic, lines(d.Text)...)
		}
	}
	if docs, err := readDocs("", filepath.Join(data, "pud", "gold.jsonl"), "paragraphs_en"); err == nil {
		for _, d := range docs {
			english = append(english, lines(d.Text)...)
		}
	}
	type line struct{ lang, text string }
	var all []line
	var in strings.Builder
	for _, l := range arabic {
		all = append(all, line{"ar", l})
	}
	for _, l := range english {
		all = append(all, line{"en", l})
	}
	for _, l := range all {
		in.WriteString(l.lang + "\t" + l.text + "\n")
	}
	// One run of the JVM: it compiles the source file and segments every line.
	cmd := exec.Command("java", "-cp", jar, filepath.Join("testdata", "omegat", "OmegaSeg.java"), srx)
	cmd.Stdin = strings.NewReader(in.String())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("OmegaT: %v\n%s", err, stderr.String())
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != len(all) {
		t.Fatalf("OmegaT gave %d lines for %d", len(got), len(all))
	}
	differ := map[string]int{}
	for i, l := range all {
		ours := strings.Join(texts(Sentences(l.text, l.lang)), " ||| ")
		if ours != got[i] {
			if differ[l.lang]++; differ[l.lang] <= 5 {
				t.Errorf("%s: bitext and OmegaT differ:\n bitext %s\n OmegaT %s", l.lang, ours, got[i])
			}
		}
	}
	t.Logf("%d Arabic and %d English lines, %d and %d differ", len(arabic), len(english), differ["ar"], differ["en"])
}

func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
