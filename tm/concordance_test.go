package tm

import (
	"context"
	"testing"
)

// TestConcordance: a search finds an Arabic term with the clitics, article
// and spellings news text gives it, whole words before parts of words and
// approved pairs first; an English term is searched in the translations.
func TestConcordance(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	pair := func(src, tgt, state string) Entry {
		return Entry{SourceLang: "ar", TargetLang: "en", Source: src, Target: tgt, State: state}
	}
	if _, err := m.Add(ctx, []Entry{
		pair("وقال الناطق باسم الكرملين ديمتري بيسكوف.", "Kremlin spokesman Dmitry Peskov said.", "final"),
		pair("نقلت وكالة تاس عن مصدر في الكرملين.", "TASS quoted a Kremlin source.", ""),
		pair("وأعلن للكرملين أمس.", "He told the Kremlin yesterday.", ""),
		pair("وقال مسؤول بالكرملين إن المحادثات مستمرة.", "A Kremlin official said the talks continue.", "reviewed"),
		pair("زار الوفد موسكو.", "The delegation visited Moscow.", "final"),
		pair("صوت مجلسي النواب والشيوخ على القانون.", "Both houses of Congress voted on the law.", "final"),
		pair("اجتمع مجلس الأمن الدولي.", "The UN Security Council met.", ""),
		pair("أعلنت الحكومة استقالتها.", "The government resigned.", ""),
		pair("قال رئيس الحكومه إن الوضع صعب.", "The prime minister said the situation was difficult.", ""),
	}); err != nil {
		t.Fatal(err)
	}
	search := func(term string) Concordance {
		t.Helper()
		res, err := m.Concordance(ctx, "ar", "en", term, ConcordanceOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := search("الكرملين")
	if res.Total != 4 || len(res.Hits) != 4 {
		t.Fatalf("الكرملين: %d hits of %d, want 4: %+v", len(res.Hits), res.Total, res.Hits)
	}
	want := []string{"Kremlin spokesman Dmitry Peskov said.", "A Kremlin official said the talks continue."}
	for k, w := range want {
		if res.Hits[k].Target != w {
			t.Errorf("hit %d: %q, want %q (approved first)", k, res.Hits[k].Target, w)
		}
	}
	for _, h := range res.Hits {
		if !h.Whole {
			t.Errorf("%q: not a whole word", h.Source)
		}
		if got := h.Source[h.Start:h.End]; got != "الكرملين" && got != "لكرملين" {
			t.Errorf("%q: found %q", h.Source, got)
		}
	}
	// ta marbuta folded
	if res := search("الحكومة"); res.Total != 2 || !res.Hits[0].Whole || !res.Hits[1].Whole {
		t.Errorf("الحكومة: %+v", res)
	}
	// the whole word before a longer one, even an approved one
	res = search("مجلس")
	if res.Total != 2 || res.Hits[0].Target != "The UN Security Council met." || res.Hits[1].Whole {
		t.Errorf("مجلس: %+v", res)
	}
	if res := search("كرملين"); res.Total != 4 {
		t.Errorf("كرملين without the article: %d hits, want 4", res.Total)
	}
	res = search("kremlin official")
	if res.Total != 1 || !res.Hits[0].InTarget || res.Hits[0].Target[res.Hits[0].Start:res.Hits[0].End] != "Kremlin official" {
		t.Errorf("kremlin official: %+v", res)
	}
	// a term typed with its proclitic is searched without it when no pair
	// holds it as typed
	res = search("وللكرملين")
	if res.Searched != "الكرملين" || res.Total != 4 {
		t.Errorf("وللكرملين: searched %q, %d hits, want الكرملين and 4", res.Searched, res.Total)
	}
	if res := search("لموسكو"); res.Searched != "موسكو" || res.Total != 1 {
		t.Errorf("لموسكو: searched %q, %d hits", res.Searched, res.Total)
	}
	if res := search("الكرملين"); res.Searched != "" {
		t.Errorf("الكرملين searched as %q", res.Searched)
	}
	if res := search("موسكوفي"); res.Total != 0 {
		t.Errorf("موسكوفي: %+v", res)
	}
	if _, err := m.Concordance(ctx, "ar", "en", "و", ConcordanceOptions{}); err == nil {
		t.Error("a one-letter term is searched")
	}
}

func FuzzConcordance(f *testing.F) {
	ctx := context.Background()
	m := openTemp(f)
	if _, err := m.Add(ctx, []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: "وقال الناطق باسم الكرملين ديمتري بيسكوف.", Target: "Kremlin spokesman Dmitry Peskov said."},
		{SourceLang: "ar", TargetLang: "en", Source: "وأعلن لِلكرملين  أمس ١٢ ألفا.", Target: "He told the Kremlin 12,000."},
	}); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"الكرملين", "للكرملين", "kremlin", "  ", "ال", "١٢", "\xff\xfe", "ـلـ", "k%_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, term string) {
		res, err := m.Concordance(ctx, "ar", "en", term, ConcordanceOptions{})
		if err != nil {
			return
		}
		for _, h := range res.Hits {
			text := h.Source
			if h.InTarget {
				text = h.Target
			}
			if h.Start < 0 || h.Start > h.End || h.End > len(text) {
				t.Errorf("%q: range %d:%d of %q", term, h.Start, h.End, text)
			}
		}
	})
}
