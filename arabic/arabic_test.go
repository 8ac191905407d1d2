package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"hamza alefs", "أإآٱا", "ااااا"},
		{"alef hamza below in a name", "إيطاليا", "ايطاليا"},
		{"alef maqsura", "موسى", "موسي"},
		{"ta marbuta", "القاهرة", "القاهره"},
		{"ta marbuta and ha agree", "القاهره", "القاهره"},
		{"tatweel", "روســيا", "روسيا"},
		{"shadda", "عمّان", "عمان"},
		{"full harakat", "مُحَمَّدٌ", "محمد"},
		{"superscript alef", "هٰذا", "هذا"},
		{"hamza on ya", "إسرائيل", "اسراييل"},
		{"hamza on waw", "مؤتمر", "موتمر"},
		{"persian kaf and yeh", "کیم", "كيم"},
		{"persian pe che zhe gaf veh", "پچژگڤ", "بجزكف"},
		{"heh doachashmee and ae", "ھە", "هه"},
		{"arabic-indic digits", "٢٠١٩", "2019"},
		{"persian digits", "۲۰۱۹", "2019"},
		{"presentation forms", "ﺑﻮﺗﻴﻦ", "بوتين"},
		{"lam-alef ligature", "ﻻ", "لا"},
		{"zero-width joiners dropped", "ب\u200cو\u200dتين", "بوتين"},
		{"direction embeddings and isolates dropped", "\u202bقال \u2067بوتين\u2069\u202c", "قال بوتين"},
		{"latin lower-cased", "Dell", "dell"},
		{"punctuation kept", "،.", "،."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldRune(t *testing.T) {
	tests := []struct {
		in   rune
		want rune
	}{
		{'أ', 'ا'}, {'ى', 'ي'}, {'ة', 'ه'}, {'ـ', -1}, {'\u064E', -1}, {'\u0651', -1},
		{'ﻻ', 'ل'}, {'ﺏ', 'ب'}, {'A', 'a'}, {'ب', 'ب'}, {'\u200F', -1},
	}
	for _, tt := range tests {
		if got := FoldRune(tt.in); got != tt.want {
			t.Errorf("FoldRune(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsWordRune(t *testing.T) {
	for _, r := range "بـa9\u064E\u200C٣" {
		if !IsWordRune(r) {
			t.Errorf("IsWordRune(%q) = false", r)
		}
	}
	for _, r := range " ،.-“”؛?\n" {
		if IsWordRune(r) {
			t.Errorf("IsWordRune(%q) = true", r)
		}
	}
}

func TestSplitProclitics(t *testing.T) {
	type reading struct{ clitic, stem string }
	tests := []struct {
		word string
		want []reading
	}{
		{"وبوتين", []reading{{"و", "بوتين"}, {"وب", "وتين"}}},
		{"لموسكو", []reading{{"ل", "موسكو"}}},
		{"للصين", []reading{{"ل", "لصين"}, {"ل", "الصين"}}},
		{"وللصين", []reading{{"و", "للصين"}, {"ول", "لصين"}, {"ول", "الصين"}}},
		{"بالعراق", []reading{{"ب", "العراق"}}},
		{"فبوتين", []reading{{"ف", "بوتين"}, {"فب", "وتين"}}},
		{"كالعادة", []reading{{"ك", "العاده"}}},
		{"وكيم", []reading{{"و", "كيم"}, {"وك", "يم"}}},
		{"وَبوتين", []reading{{"و", "بوتين"}, {"وب", "وتين"}}},
		{"ليبيا", []reading{{"ل", "يبيا"}}},
		{"مصر", nil},
		{"وك", nil},
		{"بي", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []reading
		for _, s := range SplitProclitics(tt.word) {
			got = append(got, reading{s.Clitic, Fold(s.Stem(tt.word))})
			if s.CliticEnd <= 0 || s.CliticEnd >= len(tt.word) || !utf8.RuneStart(tt.word[s.CliticEnd]) {
				t.Errorf("%q: CliticEnd %d not inside the word on a rune boundary", tt.word, s.CliticEnd)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("SplitProclitics(%q) = %v, want %v", tt.word, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("SplitProclitics(%q) = %v, want %v", tt.word, got, tt.want)
				break
			}
		}
	}
}

func TestProclitics(t *testing.T) {
	want := "و ف ب ل ك وب ول وك فب فل فك"
	if got := strings.Join(Proclitics, " "); got != want {
		t.Errorf("Proclitics = %s, want %s", got, want)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"وبوتين", "ﻻ", "روســيا", "\xff", "للصين", "عمّان"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(folded) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, folded)
		}
		if again := Fold(folded); again != folded {
			t.Fatalf("Fold is not idempotent: %q → %q → %q", s, folded, again)
		}
		if !utf8.ValidString(s) {
			return
		}
		for _, sp := range SplitProclitics(s) {
			if sp.CliticEnd <= 0 || sp.CliticEnd > len(s) || (sp.CliticEnd < len(s) && !utf8.RuneStart(s[sp.CliticEnd])) {
				t.Fatalf("SplitProclitics(%q): bad CliticEnd %d", s, sp.CliticEnd)
			}
		}
	})
}

func BenchmarkFold(b *testing.B) {
	text := strings.Repeat("وقال الناطق باسم الرئاسة الروسية ديمتري بيسكوف “كلا، لا يمكننا تأكيد ذلك” ", 100)
	b.SetBytes(int64(len(text)))
	buf := make([]byte, 0, len(text))
	for b.Loop() {
		buf = AppendFold(buf[:0], text)
	}
}

func TestFoldKeepsUnassignedPresentationForms(t *testing.T) {
	if got := Fold("\ufefe"); got != "\ufefe" {
		t.Errorf("Fold(U+FEFE) = %q, want it kept", got)
	}
}

func TestMonths(t *testing.T) {
	for _, w := range []string{"نيسان", "تشرين", "كانون", "آب", "ابريل", "سبتمبر"} {
		if !IsMonthWord(Fold(w)) {
			t.Errorf("IsMonthWord(%s) = false", w)
		}
	}
	for _, w := range []string{"الأول", "بوتين", "ابر"} {
		if IsMonthWord(Fold(w)) {
			t.Errorf("IsMonthWord(%s) = true", w)
		}
	}
	if !IsGregorianMonth(Fold("أبريل")) || IsGregorianMonth(Fold("نيسان")) {
		t.Error("IsGregorianMonth")
	}
}

func TestIsMaqsuraParticle(t *testing.T) {
	for w, want := range map[string]bool{"على": true, "عَلَى": true, "إلى": true, "علي": false, "عليه": false, "": false} {
		if got := IsMaqsuraParticle(w); got != want {
			t.Errorf("IsMaqsuraParticle(%q) = %v", w, got)
		}
	}
}
