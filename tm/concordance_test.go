package tm

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
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
	for _, s := range []string{"الكرملين", "للكرملين", "kremlin", "  ", "ال", "١٢", "\xff\xfe", "ـلـ", "k%_", " Security\u00a0COUNCIL\t ÉVIAN İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, term string) {
		if folded, _ := foldOffsets(term, true); string(foldLatin(nil, term)) != folded {
			t.Errorf("%q: foldLatin %q, foldOffsets %q", term, foldLatin(nil, term), folded)
		}
		// targetWords: the fields of letters, digits and marks, in lower
		// case, of two letters or more once folded
		want := map[string]struct{}{}
		for _, w := range strings.FieldsFunc(strings.Map(latinCase, term), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) }) {
			if utf8.RuneCount(foldLatin(nil, w)) >= 2 {
				want[w] = struct{}{}
			}
		}
		got := map[string]struct{}{}
		targetWords(got, term, nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: targetWords %v, want %v", term, got, want)
		}
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

// TestConcordanceTranslationSpaces: an English term is found in a
// translation that writes its words apart with another white space (a
// no-break space, a tab, two spaces), its letters in another case than
// ASCII's, or a curly apostrophe or no-break hyphen where the term has a
// straight one.
func TestConcordanceTranslationSpaces(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	if _, err := m.Add(ctx, []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: "اجتمع مجلس الأمن.", Target: "The Security\u00a0Council met."},
		{SourceLang: "ar", TargetLang: "en", Source: "دعا مجلس الأمن.", Target: "The Security  Council called."},
		{SourceLang: "ar", TargetLang: "en", Source: "زار الوفد إسطنبول.", Target: "The delegation visited ÉVIAN."},
		{SourceLang: "ar", TargetLang: "en", Source: "قالت الخارجية الروسية.", Target: "Russia’s foreign ministry said."},
		{SourceLang: "ar", TargetLang: "en", Source: "قال الأسد.", Target: "Bashar al\u2011Assad said."},
		{SourceLang: "ar", TargetLang: "en", Source: "قالت الصين.", Target: "China's foreign ministry said."},
	}); err != nil {
		t.Fatal(err)
	}
	for _, indexed := range []bool{true, false} {
		m.targetIndexed = indexed
		for term, want := range map[string][]string{"security council": {"Security\u00a0Council", "Security  Council"}, "Évian": {"ÉVIAN"}, "évian": {"ÉVIAN"},
			"Russia's foreign": {"Russia’s foreign"}, "al-Assad": {"al\u2011Assad"}, "china’s": {"China's"}, "china’s foreign": {"China's foreign"}} {
			res, err := m.Concordance(ctx, "ar", "en", term, ConcordanceOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var found []string
			for _, h := range res.Hits {
				found = append(found, h.Target[h.Start:h.End])
			}
			slices.Sort(found)
			slices.Sort(want)
			if !slices.Equal(found, want) || res.Total != len(want) {
				t.Errorf("%q (indexed %v): %d pairs, found %q, want %q", term, indexed, res.Total, found, want)
			}
		}
	}
}

// TestConcordanceTargetIndex searches random memories for English terms
// (words, phrases, prefixes, parts of words, in any case) through the
// translations' index and by reading every translation: both must find the
// same pairs, in the same order, at the same places, also after pairs were
// corrected and removed.
func TestConcordanceTargetIndex(t *testing.T) {
	ctx := context.Background()
	words := []string{"Security", "Council", "council", "insecurity", "UN", "unrest", "fund", "Kremlin", "pro-Kremlin",
		"O'Brien", "O’Brien", "al\u2011Assad", "al-Assad", "1,250", "Café", "cafe", "Erdoğan", "said", "the", "The", "of", "Sudan", "al-Bashir", "a", "x_y", "Council's",
		"Erdogan", "ERDOĞAN", "São", "Sao", "Sa\u0303o", "Paulo", "Straße", "Strasse", "STRASSE", "Łódź", "Lodz", "Øresund", "Æther",
		"ıstanbul", "İstanbul", "Öcalan", "François", "Francois", "Hollande", "anti-Öcalan", "Ἀθῆναι", "Москва́", "æ", "ß", "Đoković"}
	seps := []string{" ", " ", " ", ", ", "  ", "\u00a0", "\t", "-", ". ", " (", ") ", "—", " “", "” ", "\u2009"}
	for seed := range uint64(4) {
		r := rand.New(rand.NewPCG(seed, 7))
		m := openTemp(t)
		sentence := func() string {
			var b strings.Builder
			for k := range 3 + r.IntN(10) {
				if k > 0 {
					b.WriteString(seps[r.IntN(len(seps))])
				}
				b.WriteString(words[r.IntN(len(words))])
			}
			return b.String()
		}
		var es []Entry
		n := 300 + int(seed)*2000 // the last memories hold more pairs with a word than a search reads
		for i := range n {
			st := []string{"", "reviewed", "final"}[r.IntN(3)]
			es = append(es, Entry{SourceLang: "ar", TargetLang: "en", Source: fmt.Sprintf("جملة %d", i), Target: sentence(), State: st,
				Changed: time.Unix(int64(1e9+r.IntN(1000)), 0)})
		}
		if _, err := m.Add(ctx, es[:n/2]); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Add(ctx, es[n/2:]); err != nil {
			t.Fatal(err)
		}
		// corrected and removed pairs leave the index with their old text
		for range 20 {
			id := int64(1 + r.IntN(n))
			if _, err := m.Get(ctx, id); err != nil {
				continue
			}
			if r.IntN(2) == 0 {
				if err := m.Remove(ctx, []int64{id}); err != nil {
					t.Fatal(err)
				}
			} else if _, err := m.Correct(ctx, id, sentence(), "final", "ed", time.Unix(2e9, 0)); err != nil {
				t.Fatal(err)
			}
		}
		checkIntegrity(t, m)
		terms := []string{"security council", "UN", "un", "Council", "counc", "ouncil", "curity coun", "kremlin", "o'brien",
			"1,250", "250", "cafe", "café", "erdoğan", "Erdog", "sudan al", "of the", "the", "x_y", "council's", "a", "Security Coun",
			"erdogan", "Erdoğ", "doğan", "dogan", "sao paulo", "São Paulo", "são pa", "strasse", "straße", "STRAS", "asse", "lodz", "łódź",
			"oresund", "aether", "ether", "istanbul", "stanbul", "ocalan", "Öcalan", "calan", "francois hollande", "François Holl",
			"ae", "ss", "ae paulo", "αθηναι", "москва", "djokovic", "dokovic"}
		for range 40 {
			s := sentence()
			i, j := r.IntN(len(s)), r.IntN(len(s))
			terms = append(terms, s[min(i, j):max(i, j)])
		}
		for _, term := range terms {
			if !utf8.ValidString(term) {
				continue
			}
			m.targetIndexed = true
			got, gerr := m.Concordance(ctx, "ar", "en", term, ConcordanceOptions{Max: 1 << 20})
			m.targetIndexed = false
			want, werr := m.Concordance(ctx, "ar", "en", term, ConcordanceOptions{Max: 1 << 20})
			m.targetIndexed = true
			if (gerr == nil) != (werr == nil) {
				t.Fatalf("seed %d, %q: error %v through the index, %v reading", seed, term, gerr, werr)
			}
			if got.Total != want.Total || got.Capped != want.Capped || len(got.Hits) != len(want.Hits) {
				t.Fatalf("seed %d, %q: %d pairs (capped %v) through the index, %d (capped %v) reading", seed, term, got.Total, got.Capped, want.Total, want.Capped)
			}
			for k := range got.Hits {
				g, w := got.Hits[k], want.Hits[k]
				if g.ID != w.ID || g.Start != w.Start || g.End != w.End || g.Whole != w.Whole || g.InTarget != w.InTarget {
					t.Fatalf("seed %d, %q: hit %d is #%d %d:%d whole %v through the index, #%d %d:%d whole %v reading",
						seed, term, k, g.ID, g.Start, g.End, g.Whole, w.ID, w.Start, w.End, w.Whole)
				}
			}
		}
	}
}

// TestTargetIndexUpgrade opens a memory made before the translations were
// indexed: an upgrade that fails leaves it as it was, one that succeeds
// indexes it once, and rows stored by a bitext that knows no index reach
// it all the same.
func TestTargetIndexUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "memory.db")
	m, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pairs := []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: "اجتمع مجلس الأمن.", Target: "The Security Council met."},
		{SourceLang: "ar", TargetLang: "en", Source: "عاد الهدوء.", Target: "Calm returned after the unrest."},
	}
	if _, err := m.Add(ctx, pairs); err != nil {
		t.Fatal(err)
	}
	m.Close()
	raw := func(q string) {
		t.Helper()
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// the memory as a bitext without the index left it
	raw(`DROP TABLE tu_tfts; DROP TABLE tu_words; DROP TABLE tu_tpending;
		DROP TRIGGER tu_tai; DROP TRIGGER tu_tad; DROP TRIGGER tu_tau;
		DELETE FROM meta WHERE key = 'target_index'`)
	ro, err := openReadOnly(ctx, path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := ro.Concordance(ctx, "ar", "en", "security council", ConcordanceOptions{}); err != nil || res.Total != 1 {
		t.Errorf("read-only, not indexed: %+v, %v", res, err)
	}
	ro.Close()

	raw(`CREATE TRIGGER fail BEFORE INSERT ON meta WHEN new.key = 'target_index' BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
	if m, err := Open(ctx, path, Options{}); err == nil {
		m.Close()
		t.Fatal("an upgrade that failed opened the memory")
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var n, idx int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM tu), (SELECT count(*) FROM sqlite_master WHERE name LIKE 'tu_t%')`).Scan(&n, &idx); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if n != len(pairs) || idx != 0 {
		t.Errorf("after a failed upgrade: %d pairs, %d of the index's tables and triggers; want %d and 0", n, idx, len(pairs))
	}
	raw(`DROP TRIGGER fail`)

	search := func(m *Memory, term string) int {
		t.Helper()
		res, err := m.Concordance(ctx, "ar", "en", term, ConcordanceOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	m, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !m.targetIndexed || search(m, "security coun") != 1 || search(m, "rest") != 1 {
		t.Errorf("upgraded memory: indexed %v, security coun %d, rest %d", m.targetIndexed, search(m, "security coun"), search(m, "rest"))
	}
	checkIntegrity(t, m)
	// a mark in the index's settings survives the next open: the memory is
	// indexed only once
	if _, err := m.db.Exec(`INSERT INTO tu_tfts(tu_tfts, rank) VALUES ('automerge', 8)`); err != nil {
		t.Fatal(err)
	}
	m.Close()

	// a bitext that knows no index stores a pair
	raw(`INSERT INTO tu(src_lang, tgt_lang, source, target, norm, norm_hash, pair_hash)
		VALUES ('ar', 'en', 'قلق أمني', 'Growing insecurity in the north', 'قلق امني', 1, 2);
		INSERT INTO tu_fts(rowid, norm) SELECT id, norm FROM tu WHERE id = last_insert_rowid()`)
	m, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	var automerge string
	if err := m.db.QueryRow(`SELECT v FROM tu_tfts_config WHERE k = 'automerge'`).Scan(&automerge); err != nil || automerge != "8" {
		t.Errorf("automerge %q, %v after the second open: indexed again", automerge, err)
	}
	if got := search(m, "security"); got != 2 {
		t.Errorf("security: %d pairs, want 2 (insecurity in the pair stored without the index)", got)
	}
	var pending int
	if err := m.db.QueryRow(`SELECT count(*) FROM tu_tpending`).Scan(&pending); err != nil || pending != 0 {
		t.Errorf("%d rows wait for their words after an open, %v", pending, err)
	}
	checkIntegrity(t, m)
}

// TestConcordanceAccents: an English term is found whether or not it is
// typed with the accents (or the letters of other alphabets, ß, ł, ø) the
// translation writes it with, the other way round too, through the index
// and by reading every translation alike; the hit is the text as written.
// A term typed with accents lists the pairs that write it so first; one
// typed without them prefers no spelling.
func TestConcordanceAccents(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	at := func(s int) time.Time { return time.Unix(int64(1e9+s), 0) }
	if _, err := m.Add(ctx, []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: "قال أردوغان.", Target: "President Erdoğan said.", State: "final", Changed: at(1)},
		{SourceLang: "ar", TargetLang: "en", Source: "قال إردوغان.", Target: "Erdogan said.", Changed: at(2)},
		{SourceLang: "ar", TargetLang: "en", Source: "في ساو باولو.", Target: "In São Paulo.", Changed: at(3)},
		{SourceLang: "ar", TargetLang: "en", Source: "في ساو باولو", Target: "in Sa\u0303o  Paulo", Changed: at(4)},
		{SourceLang: "ar", TargetLang: "en", Source: "في ساوباولو.", Target: "in Sao Paulo.", State: "final", Changed: at(5)},
		{SourceLang: "ar", TargetLang: "en", Source: "أوجلان.", Target: "Abdullah Öcalan.", Changed: at(6)},
		{SourceLang: "ar", TargetLang: "en", Source: "هولاند.", Target: "FRANÇOIS HOLLANDE", Changed: at(7)},
		{SourceLang: "ar", TargetLang: "en", Source: "شارع.", Target: "the Straße", Changed: at(8)},
		{SourceLang: "ar", TargetLang: "en", Source: "شارع", Target: "the Strasse", State: "final", Changed: at(9)},
		{SourceLang: "ar", TargetLang: "en", Source: "لودز", Target: "Łódź and Øresund", Changed: at(10)},
		{SourceLang: "ar", TargetLang: "en", Source: "أردوغان", Target: "Erdogan (Erdoğan)", Changed: at(11)},
	}); err != nil {
		t.Fatal(err)
	}
	for _, indexed := range []bool{true, false} {
		m.targetIndexed = indexed
		for _, c := range []struct {
			term string
			want []string // text[Start:End] of the hits, best first
		}{
			{"Erdogan", []string{"Erdoğan", "Erdogan", "Erdogan"}}, // approved, then newest
			{"Erdoğan", []string{"Erdoğan", "Erdoğan", "Erdogan"}}, // as typed first, the newest first
			{"erdoğ", []string{"Erdoğ", "Erdoğ", "Erdog"}},
			{"dogan", []string{"doğan", "dogan", "dogan"}},
			{"Sao Paulo", []string{"Sao Paulo", "Sa\u0303o  Paulo", "São Paulo"}},
			{"são paulo", []string{"Sa\u0303o  Paulo", "São Paulo", "Sao Paulo"}},
			{"Ocalan", []string{"Öcalan"}},
			{"Francois Hollande", []string{"FRANÇOIS HOLLANDE"}},
			{"strasse", []string{"Strasse", "Straße"}},
			{"Straße", []string{"Straße", "Strasse"}},
			{"lodz", []string{"Łódź"}},
			{"oresund", []string{"Øresund"}},
		} {
			res, err := m.Concordance(ctx, "ar", "en", c.term, ConcordanceOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var found []string
			for _, h := range res.Hits {
				found = append(found, h.Target[h.Start:h.End])
			}
			if !slices.Equal(found, c.want) || res.Total != len(c.want) {
				t.Errorf("%q (indexed %v): %d pairs, found %q, want %q", c.term, indexed, res.Total, found, c.want)
			}
		}
	}
	// and the index finds them: no term is read from every translation
	for _, term := range []string{"erdoğan", "são paulo", "strasse", "straße", "lodz", "łódź", "øresund", "françois holl"} {
		key, _ := foldOffsets(term, true)
		if _, ok, err := m.targetMatch(ctx, key); err != nil || !ok {
			t.Errorf("%q: not looked up in the index (%v)", term, err)
		}
	}
}
