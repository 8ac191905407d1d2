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
	"سانت بطرسبورغ": "Saint Petersburg",
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
	"حركة الجهاد الإسلامي": "Islamic Jihad",
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
})

func init() {
	for k, v := range wellKnownOrgs {
		wellKnown[k] = v
	}
	for k, v := range wellKnownMedia {
		wellKnown[k] = v
	}
	for k := range wellKnown {
		wellKnownWords = max(wellKnownWords, len(strings.Fields(k)))
	}
}

// wellKnownWords is the most words a well-known name has.
var wellKnownWords int
