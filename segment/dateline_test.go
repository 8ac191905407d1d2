package segment

import "testing"

func TestDateline(t *testing.T) {
	cases := []struct{ text, lang, want string }{
		{"WASHINGTON, Sept. 5 — The Kremlin said on Thursday.", "en", "WASHINGTON, Sept. 5 — "},
		{"MOSCOW (Reuters) - The Kremlin said on Thursday.", "en", "MOSCOW (Reuters) - "},
		{"BEIRUT, Lebanon — The army said on Thursday.", "en", "BEIRUT, Lebanon — "},
		{"NEW YORK (AP) -- Stocks fell on Monday.", "en", "NEW YORK (AP) -- "},
		{"Paris, Jan. 12 — The minister resigned.", "en", "Paris, Jan. 12 — "},
		{"MOSCOW (Reuters) -", "en", "MOSCOW (Reuters) -"},
		{"موسكو - (أ ف ب) - أعلن الكرملين يوم الخميس.", "ar", "موسكو - (أ ف ب) - "},
		{"بيروت ـ «الحياة»: قال مسؤول لبناني.", "ar", "بيروت ـ «الحياة»: "},
		{"واشنطن – رويترز: قال مسؤول أمريكي.", "ar", "واشنطن – رويترز: "},
		{"القاهرة - محمد عبد الله: أعلنت الحكومة خطة جديدة.", "ar", "القاهرة - محمد عبد الله: "},
		{"بيروت ـ ناجية الحصري: قال مسؤول لبناني.", "ar", "بيروت ـ ناجية الحصري: "},
		{"كتب - أحمد الخطيب: أعلنت الحكومة خطة جديدة.", "ar", "كتب - أحمد الخطيب: "},
		// no dateline
		{"وأضاف - في تصريح له: إن الأمر انتهى.", "ar", ""},
		{"وتابع - بحسب البيان: إن الأمر انتهى.", "ar", ""},
		{"القاهرة - قال الرئيس للصحفيين: سأزور الصين.", "ar", ""},
		{"NATO - the alliance said it would meet.", "en", ""},
		{"John Smith — the mayor — said it would rain.", "en", ""},
		{"U.S.-China talks resumed on Monday.", "en", ""},
		{"WASHINGTON—The Senate voted on Monday.", "en", "WASHINGTON—"},
		{"The Kremlin said on Thursday - again - that it would.", "en", ""},
		{"القاهرة - قال الرئيس إنه سيزور الصين.", "ar", ""},
		{"قال بيري بشكل خاص: \"هناك بعض الأماكن\".", "ar", ""},
		{"حذر مسؤول كبير في البيت الأبيض اليوم.", "ar", ""},
	}
	for _, c := range cases {
		if got := c.text[:Dateline(c.text, c.lang)]; got != c.want {
			t.Errorf("Dateline(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestSplitDatelineKeepsTheSentence(t *testing.T) {
	src := "Kremlin plans visit\n\nMOSCOW (Reuters) - The Kremlin said on Thursday that the president will visit China. He will stay three days.\n\nNEW YORK (AP) - Not a dateline here.\n"
	d := Split("en.txt", src, "en")
	plain := Split("en.txt", src[:len("Kremlin plans visit\n\n")]+src[len("Kremlin plans visit\n\nMOSCOW (Reuters) - "):], "en")
	if !SplitDateline(d) {
		t.Fatal("no dateline found")
	}
	var got []string
	for _, b := range d.Blocks {
		for _, s := range b.Segments {
			got = append(got, s.Text)
			if src[s.Start:s.End] != s.Text {
				t.Errorf("segment %q has offsets %d:%d that hold %q", s.Text, s.Start, s.End, src[s.Start:s.End])
			}
		}
	}
	want := []string{"Kremlin plans visit", "MOSCOW (Reuters) -", "The Kremlin said on Thursday that the president will visit China.", "He will stay three days.", "NEW YORK (AP) - Not a dateline here."}
	if len(got) != len(want) {
		t.Fatalf("segments %q, want %q", got, want)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("segment %d = %q, want %q", k, got[k], want[k])
		}
	}
	// the sentences after the dateline are cut as they are without one
	if n := len(plain.Blocks[1].Segments); n != len(d.Blocks[1].Segments)-1 {
		t.Errorf("the first paragraph has %d sentences without its dateline, %d with it", n, len(d.Blocks[1].Segments))
	}
	if SplitDateline(Split("ar.txt", "حذر مسؤول كبير في البيت الأبيض اليوم.\n", "ar")) {
		t.Error("found a dateline in a paragraph without one")
	}
}
