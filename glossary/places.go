package glossary

import "strings"

// wellKnown are names every Arabic news desk meets, with their usual English
// form: countries, capitals and big cities, and the institutions named by a
// common noun (البيت الأبيض). Suggest proposes them like table names; the
// single-word name table only knows person-name tokens and Wikipedia titles.
var wellKnown = foldSet(map[string]string{
	// Countries.
	"الصين": "China", "اليابان": "Japan", "الهند": "India", "باكستان": "Pakistan", "أفغانستان": "Afghanistan",
	"إيران": "Iran", "العراق": "Iraq", "سوريا": "Syria", "سورية": "Syria", "لبنان": "Lebanon", "الأردن": "Jordan",
	"فلسطين": "Palestine", "إسرائيل": "Israel", "مصر": "Egypt", "ليبيا": "Libya", "تونس": "Tunisia",
	"الجزائر": "Algeria", "المغرب": "Morocco", "السودان": "Sudan", "اليمن": "Yemen", "السعودية": "Saudi Arabia",
	"قطر": "Qatar", "الكويت": "Kuwait", "البحرين": "Bahrain", "الإمارات": "United Arab Emirates", "تركيا": "Turkey",
	"فرنسا": "France", "ألمانيا": "Germany", "المانيا": "Germany", "إيطاليا": "Italy", "إسبانيا": "Spain",
	"اسبانيا": "Spain", "بريطانيا": "Britain", "روسيا": "Russia", "أوكرانيا": "Ukraine", "بولندا": "Poland",
	"فيتنام": "Vietnam", "سنغافورة": "Singapore", "إندونيسيا": "Indonesia", "ماليزيا": "Malaysia",
	"تايلاند": "Thailand", "تايوان": "Taiwan", "أستراليا": "Australia", "كندا": "Canada", "المكسيك": "Mexico",
	"البرازيل": "Brazil", "الأرجنتين": "Argentina", "كوبا": "Cuba", "فنزويلا": "Venezuela", "نيجيريا": "Nigeria",
	"إثيوبيا": "Ethiopia", "الصومال": "Somalia", "كينيا": "Kenya", "اليونان": "Greece", "هولندا": "Netherlands",
	"بلجيكا": "Belgium", "السويد": "Sweden", "النرويج": "Norway", "سويسرا": "Switzerland", "النمسا": "Austria",
	"بيلاروسيا": "Belarus", "جورجيا": "Georgia", "أرمينيا": "Armenia", "أذربيجان": "Azerbaijan",
	"كوريا": "Korea", "كوريا الشمالية": "North Korea", "جمهورية كوريا الديمقراطية الشعبية": "Democratic People's Republic of Korea", "كوريا الجنوبية": "South Korea", "الولايات المتحدة": "United States",
	"المملكة المتحدة": "United Kingdom",
	// Capitals and cities.
	"موسكو": "Moscow", "واشنطن": "Washington", "لندن": "London", "باريس": "Paris", "برلين": "Berlin",
	"روما": "Rome", "مدريد": "Madrid", "بكين": "Beijing", "طوكيو": "Tokyo", "سيول": "Seoul",
	"بيونغ يانغ": "Pyongyang", "كييف": "Kyiv", "طهران": "Tehran", "بغداد": "Baghdad", "دمشق": "Damascus",
	"بيروت": "Beirut", "عمان": "Amman", "القدس": "Jerusalem", "غزة": "Gaza", "القاهرة": "Cairo",
	"الرياض": "Riyadh", "الدوحة": "Doha", "دبي": "Dubai", "أبوظبي": "Abu Dhabi", "أنقرة": "Ankara",
	"إسطنبول": "Istanbul", "نيويورك": "New York", "جنيف": "Geneva", "بروكسل": "Brussels", "فيينا": "Vienna",
	"نيودلهي": "New Delhi", "كابول": "Kabul", "إسلام آباد": "Islamabad", "الخرطوم": "Khartoum", "طرابلس": "Tripoli",
	"تونس العاصمة": "Tunis", "الرباط": "Rabat", "صنعاء": "Sanaa", "فلاديفوستوك": "Vladivostok",
	"سانت بطرسبورغ": "Saint Petersburg", "تل أبيب": "Tel Aviv", "حيفا": "Haifa", "مكة": "Mecca", "مكة المكرمة": "Mecca",
	"المدينة المنورة": "Medina", "الإسكندرية": "Alexandria", "مراكش": "Marrakesh", "مقديشو": "Mogadishu", "بعلبك": "Baalbek",
	"هونغ كونغ": "Hong Kong", "هونج كونج": "Hong Kong", "كردستان": "Kurdistan", "إقليم كردستان": "Kurdistan Region",
	// Regions, continents and countries named with more words.
	"أوروبا": "Europe", "آسيا": "Asia", "أفريقيا": "Africa", "إفريقيا": "Africa", "أميركا": "America", "أمريكا": "America",
	"أمريكا اللاتينية": "Latin America", "أميركا اللاتينية": "Latin America", "الشرق الأوسط": "Middle East", "الخليج": "Gulf",
	"الضفة الغربية": "West Bank", "قطاع غزة": "Gaza Strip", "الولايات المتحدة الأمريكية": "United States",
	"الولايات المتحدة الأميركية": "United States", "المملكة العربية السعودية": "Saudi Arabia",
	"الاتحاد السوفيتي": "Soviet Union", "الاتحاد السوفياتي": "Soviet Union", "البرتغال": "Portugal", "الكونغو": "Congo",
	"قبرص": "Cyprus", "موريتانيا": "Mauritania", "الدنمارك": "Denmark", "الفلبين": "Philippines", "الفاتيكان": "Vatican",
})

// wellKnownOrgs are the institutions among wellKnown.
var wellKnownOrgs = foldSet(map[string]string{
	"البيت الأبيض": "White House", "الكرملين": "Kremlin", "البنتاغون": "Pentagon", "الأمم المتحدة": "United Nations",
	"مجلس الأمن": "Security Council", "مجلس الأمن القومي": "National Security Council", "حلف شمال الأطلسي": "NATO", "الاتحاد الأوروبي": "European Union",
	"الجامعة العربية": "Arab League", "الكونغرس": "Congress",
	// Parties and movements named with a common noun: word by word they would
	// come out as "Allah Party".
	"حزب الله": "Hezbollah", "حركة حماس": "Hamas", "حركة فتح": "Fatah",
	"منظمة التحرير الفلسطينية": "Palestine Liberation Organization", "حركة المقاومة الإسلامية": "Hamas",
	"حركة الجهاد الإسلامي": "Islamic Jihad", "تنظيم القاعدة": "al-Qaeda", "داعش": "Islamic State",
	"تنظيم الدولة الإسلامية": "Islamic State", "طالبان": "Taliban", "حركة طالبان": "Taliban", "الحوثيون": "Houthis",
	"الحوثيين": "Houthis", "جماعة الحوثي": "Houthis", "الحرس الثوري": "Revolutionary Guards", "الناتو": "NATO",
	"حلف الناتو": "NATO", "الاتحاد الأفريقي": "African Union", "صندوق النقد الدولي": "International Monetary Fund",
	"البنك الدولي": "World Bank", "منظمة الصحة العالمية": "World Health Organization",
	"الوكالة الدولية للطاقة الذرية": "International Atomic Energy Agency", "أوبك": "OPEC",
	"مجلس التعاون الخليجي": "Gulf Cooperation Council", "الأونروا": "UNRWA", "اليونيسف": "UNICEF",
	"حماس": "Hamas", "الجهاد الإسلامي": "Islamic Jihad", "مجلس الأمن الدولي": "UN Security Council", "الكنيست": "Knesset",
	"الكونجرس": "Congress", "منظمة الأمم المتحدة": "United Nations",
	// Football clubs.
	"ريال مدريد": "Real Madrid", "برشلونة": "Barcelona", "مانشستر يونايتد": "Manchester United", "تشلسي": "Chelsea",
	"ليفربول": "Liverpool", "أرسنال": "Arsenal", "بايرن ميونيخ": "Bayern Munich", "يوفنتوس": "Juventus",
})

// wellKnownMedia are the news agencies, papers and broadcasters that Arabic
// news quotes most, as they spell themselves in English. They are written
// after a title (وكالة رويترز, صحيفة نيويورك تايمز) or alone.
var wellKnownMedia = foldSet(map[string]string{
	"رويترز": "Reuters", "فرانس برس": "AFP", "أسوشيتد برس": "Associated Press", "اسوشيتد برس": "Associated Press",
	"شينخوا": "Xinhua", "تاس": "TASS", "ريا نوفوستي": "RIA Novosti", "إنترفاكس": "Interfax", "انترفاكس": "Interfax",
	"يونهاب": "Yonhap", "كيودو": "Kyodo", "الأناضول": "Anadolu", "بلومبرغ": "Bloomberg", "بلومبيرغ": "Bloomberg",
	"نيويورك تايمز": "The New York Times", "واشنطن بوست": "The Washington Post", "وول ستريت جورنال": "The Wall Street Journal",
	"فايننشال تايمز": "Financial Times", "الغارديان": "The Guardian", "الإيكونوميست": "The Economist",
	"لوموند": "Le Monde", "هآرتس": "Haaretz", "بي بي سي": "BBC", "سي إن إن": "CNN", "الأهرام": "Al-Ahram",
	"فاينانشال تايمز": "Financial Times", "غارديان": "The Guardian", "ديلي تلغراف": "The Daily Telegraph",
	"ديلي ميل": "Daily Mail", "الإندبندنت": "The Independent", "إندبندنت": "The Independent", "لوفيغارو": "Le Figaro",
	"دير شبيغل": "Der Spiegel", "يديعوت أحرونوت": "Yedioth Ahronoth", "جيروزاليم بوست": "The Jerusalem Post",
	"فوكس نيوز": "Fox News", "بوليتيكو": "Politico", "أكسيوس": "Axios",
})

// wellKnownPeople are the people Arabic news names most, as English news
// spells them. Word by word the table and the rules get them wrong: بيسكوف
// comes out Beskov (Arabic has no p), أون Aung, نتنياهو Ntniho.
var wellKnownPeople = foldSet(map[string]string{
	"فلاديمير بوتين": "Vladimir Putin", "بوتين": "Putin", "ديمتري بيسكوف": "Dmitry Peskov", "بيسكوف": "Peskov",
	"سيرغي لافروف": "Sergei Lavrov", "لافروف": "Lavrov", "سيرغي شويغو": "Sergei Shoigu", "شويغو": "Shoigu",
	"ديمتري ميدفيديف": "Dmitry Medvedev", "فولوديمير زيلينسكي": "Volodymyr Zelensky", "زيلينسكي": "Zelensky",
	"كيم جونغ أون": "Kim Jong Un", "كيم يو جونغ": "Kim Yo Jong", "شي جين بينغ": "Xi Jinping", "يون سوك يول": "Yoon Suk Yeol",
	"ناريندرا مودي": "Narendra Modi", "مودي": "Modi", "ليندا توماس غرينفيلد": "Linda Thomas-Greenfield",
	"جو بايدن": "Joe Biden", "بايدن": "Biden", "دونالد ترامب": "Donald Trump", "ترامب": "Trump",
	"كامالا هاريس": "Kamala Harris", "أنتوني بلينكن": "Antony Blinken", "بلينكن": "Blinken",
	"إيمانويل ماكرون": "Emmanuel Macron", "ماكرون": "Macron", "أولاف شولتس": "Olaf Scholz", "شولتس": "Scholz",
	"ريشي سوناك": "Rishi Sunak", "سوناك": "Sunak", "كير ستارمر": "Keir Starmer", "ستارمر": "Starmer",
	"أنطونيو غوتيريش": "Antonio Guterres", "غوتيريش": "Guterres", "ينس ستولتنبرغ": "Jens Stoltenberg", "ستولتنبرغ": "Stoltenberg",
	"رجب طيب أردوغان": "Recep Tayyip Erdogan", "أردوغان": "Erdogan",
	"بنيامين نتنياهو": "Benjamin Netanyahu", "نتنياهو": "Netanyahu", "يوآف غالانت": "Yoav Gallant", "غالانت": "Gallant",
	"بيني غانتس": "Benny Gantz", "يائير لابيد": "Yair Lapid", "نفتالي بينيت": "Naftali Bennett",
	"علي خامنئي": "Ali Khamenei", "خامنئي": "Khamenei", "إبراهيم رئيسي": "Ebrahim Raisi", "حسن روحاني": "Hassan Rouhani",
	"محمد جواد ظريف": "Mohammad Javad Zarif", "حسين أمير عبد اللهيان": "Hossein Amirabdollahian",
	"بشار الأسد": "Bashar al-Assad", "حسن نصر الله": "Hassan Nasrallah", "نصر الله": "Nasrallah",
	"نجيب ميقاتي": "Najib Mikati", "ميقاتي": "Mikati", "ميشال عون": "Michel Aoun", "جوزيف عون": "Joseph Aoun",
	"محمد بن سلمان": "Mohammed bin Salman", "محمد بن زايد": "Mohammed bin Zayed", "تميم بن حمد آل ثاني": "Tamim bin Hamad Al Thani",
	"عبد الفتاح السيسي": "Abdel Fattah al-Sisi", "السيسي": "al-Sisi", "عبد الفتاح البرهان": "Abdel Fattah al-Burhan",
	"البرهان": "al-Burhan", "محمد حمدان دقلو": "Mohamed Hamdan Dagalo", "حميدتي": "Hemedti",
	"خليفة حفتر": "Khalifa Haftar", "حفتر": "Haftar", "عبد الحميد الدبيبة": "Abdul Hamid Dbeibah", "الدبيبة": "Dbeibah",
	"قيس سعيد": "Kais Saied", "عبد المجيد تبون": "Abdelmadjid Tebboune", "تبون": "Tebboune",
	"محمود عباس": "Mahmoud Abbas", "إسماعيل هنية": "Ismail Haniyeh", "هنية": "Haniyeh", "يحيى السنوار": "Yahya Sinwar",
	"السنوار": "Sinwar", "محمد شياع السوداني": "Mohammed Shia al-Sudani", "نوري المالكي": "Nouri al-Maliki",
	"مقتدى الصدر": "Muqtada al-Sadr", "عبد الملك الحوثي": "Abdul-Malik al-Houthi",
	"أسامة بن لادن": "Osama bin Laden", "بن لادن": "bin Laden", "أيمن الظواهري": "Ayman al-Zawahiri", "الظواهري": "al-Zawahiri",
	"أبو بكر البغدادي": "Abu Bakr al-Baghdadi", "جورج بوش": "George Bush", "بوش": "Bush", "كوفي أنان": "Kofi Annan",
	"أنان": "Annan", "فؤاد السنيورة": "Fouad Siniora", "السنيورة": "Siniora", "محمود أحمدي نجاد": "Mahmoud Ahmadinejad",
	"أحمدي نجاد": "Ahmadinejad", "هوغو شافيز": "Hugo Chavez", "شافيز": "Chavez", "باراك أوباما": "Barack Obama", "أوباما": "Obama",
})

// wellKnownTitled are media whose name is an ordinary word when it stands
// alone (الجزيرة is also "the island"): they are known after their title
// only (قناة الجزيرة).
var wellKnownTitled = foldSet(map[string]string{
	"الجزيرة": "Al-Jazeera", "العربية": "Al Arabiya", "الميادين": "Al Mayadeen", "المنار": "Al-Manar",
	"الحياة": "Al-Hayat", "الشرق الأوسط": "Asharq Al-Awsat",
})

func init() {
	for k, v := range wellKnownPeople {
		wellKnown[k] = v
	}
	for k, v := range wellKnownOrgs {
		wellKnown[k] = v
	}
	for k, v := range wellKnownMedia {
		wellKnown[k] = v
	}
	for k := range wellKnown {
		words := strings.Fields(k)
		wellKnownWords = max(wellKnownWords, len(words))
		for i := 2; i < len(words); i++ {
			wellKnownStart[strings.Join(words[:i], " ")] = true
		}
	}
}

// wellKnownStart holds the first two or more words of the longer
// well-known names: الولايات المتحدة begins الولايات المتحدة الأمريكية.
var wellKnownStart = map[string]bool{}

// startsWellKnown reports whether a well-known name of several words begins
// with the two words a b (والشرق الأوسط: الشرق الأوسط).
func startsWellKnown(a, b string) bool {
	k := a + " " + b
	return wellKnown[k] != "" || wellKnownStart[k]
}

// wellKnownWords is the most words a well-known name has.
var wellKnownWords int
