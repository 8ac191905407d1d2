package tm

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"bitext/doc"
	"bitext/tmx"
)

// freshGramCounts counts the trigrams of the stored sources as an import
// would, to compare with the kept counts.
func freshGramCounts(t *testing.T, m *Memory) (kept, fresh map[int64]int) {
	t.Helper()
	kept, fresh = map[int64]int{}, map[int64]int{}
	rows, err := m.db.Query(`SELECT norm FROM tu`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		for _, k := range gramKeys(nil, n) {
			fresh[k]++
		}
	}
	rows.Close()
	rows, err = m.db.Query(`SELECT g, n FROM gram`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var g int64
		var n int
		if err := rows.Scan(&g, &n); err != nil {
			t.Fatal(err)
		}
		kept[g] = n
	}
	rows.Close()
	return kept, fresh
}

// TestRemoveAndCorrect: a removed pair is found by no lookup or search, a
// corrected one is offered with its new translation as approved, and the
// index and trigram counts stay those of the pairs left.
func TestRemoveAndCorrect(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	const src = "وقال الناطق باسم الكرملين إن بوتين سيزور بكين."
	if _, err := m.Add(ctx, []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: src, Target: "The Kremlin spokesman said Putin would visit Tehran."},
		{SourceLang: "ar", TargetLang: "en", Source: "وقال الناطق باسم الكرملين ديمتري بيسكوف.", Target: "Kremlin spokesman Dmitry Peskov said."},
		{SourceLang: "ar", TargetLang: "en", Source: "زار الوفد موسكو.", Target: "The delegation visited Moscow."},
		{SourceLang: "ar", TargetLang: "en", Source: "زار الوفد موسكو.", Target: "The delegation went to Moscow."},
	}); err != nil {
		t.Fatal(err)
	}
	es, err := m.Exact(ctx, "ar", "en", src)
	if err != nil || len(es) != 1 {
		t.Fatalf("exact = %+v, %v", es, err)
	}
	when := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	holder, err := m.Correct(ctx, es[0].ID, "The Kremlin spokesman said Putin would visit Beijing.", "final", "rana", when)
	if err != nil || holder != es[0].ID {
		t.Fatalf("correct = %d, %v", holder, err)
	}
	if es, _ := m.Exact(ctx, "ar", "en", src); len(es) != 1 || es[0].Target != "The Kremlin spokesman said Putin would visit Beijing." ||
		es[0].State != "final" || es[0].Changer != "rana" || !es[0].Changed.Equal(when) {
		t.Errorf("after the correction: %+v", es)
	}
	// corrected into the other pair of its source: one row is left
	moscow, _ := m.Exact(ctx, "ar", "en", "زار الوفد موسكو.")
	if len(moscow) != 2 {
		t.Fatalf("moscow pairs %+v", moscow)
	}
	holder, err = m.Correct(ctx, moscow[1].ID, moscow[0].Target, "final", "rana", when)
	if err != nil || holder != moscow[0].ID {
		t.Fatalf("correct into the other pair = %d, %v (want %d)", holder, err, moscow[0].ID)
	}
	if es, _ := m.Exact(ctx, "ar", "en", "زار الوفد موسكو."); len(es) != 1 || es[0].State != "final" {
		t.Errorf("after correcting into the other pair: %+v", es)
	}
	peskov, _ := m.Exact(ctx, "ar", "en", "وقال الناطق باسم الكرملين ديمتري بيسكوف.")
	if err := m.Remove(ctx, []int64{peskov[0].ID}); err != nil {
		t.Fatal(err)
	}
	if ms, _ := m.Fuzzy(ctx, "ar", "en", "وقال الناطق باسم الكرملين ديمتري بيسكوف.", FuzzyOptions{MinScore: 0.3}); len(ms) != 1 || ms[0].Source != src {
		t.Errorf("after the removal, lookup finds %+v", ms)
	}
	if res, _ := m.Concordance(ctx, "ar", "en", "بيسكوف", ConcordanceOptions{}); res.Total != 0 {
		t.Errorf("after the removal, search finds %+v", res)
	}
	if err := m.Remove(ctx, []int64{es[0].ID, peskov[0].ID}); !errors.Is(err, ErrNoEntry) {
		t.Errorf("removing a removed id: %v", err)
	}
	if n := count(t, m); n != 2 {
		t.Errorf("%d pairs left, want 2 (an unknown id removes nothing)", n)
	}
	if kept, fresh := freshGramCounts(t, m); !reflect.DeepEqual(kept, fresh) {
		t.Errorf("trigram counts: %d kept, %d in a fresh count", len(kept), len(fresh))
	}
	checkIntegrity(t, m)
	if _, err := m.Get(ctx, peskov[0].ID); !errors.Is(err, ErrNoEntry) {
		t.Errorf("get of a removed id: %v", err)
	}
}

// TestLeverageNotesAlternatives: when the memory holds several translations
// of a sentence, translate takes the best and tells the editor the others.
func TestLeverageNotesAlternatives(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	const src = "وقال المتحدث باسم الكرملين ديمتري بيسكوف للصحفيين."
	if _, err := m.Add(ctx, []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: src, Target: "Kremlin spokesman Dmitry Peskov told reporters.", State: "final"},
		{SourceLang: "ar", TargetLang: "en", Source: src, Target: "Kremlin spokesman Dmitry Peskov told journalists."},
		{SourceLang: "ar", TargetLang: "en", Source: "زار الوفد موسكو.", Target: "The delegation visited Moscow."},
	}); err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Blocks: []doc.Block{
		{Kind: doc.Paragraph, Segments: []doc.Segment{{Text: src}}},
		{Kind: doc.Paragraph, Segments: []doc.Segment{{Text: "زار الوفد موسكو."}}},
	}}
	units, err := Leverage{Memory: m}.BlockUnits(ctx, d, 0, "ar", "en")
	if err != nil || len(units) != 1 {
		t.Fatalf("units %+v, %v", units, err)
	}
	want := "memory: 1 other translation of this source (tm lookup lists them): “Kremlin spokesman Dmitry Peskov told journalists.”"
	if units[0].Target != "Kremlin spokesman Dmitry Peskov told reporters." || !slices.Contains(units[0].Notes, want) {
		t.Errorf("target %q, notes %q", units[0].Target, units[0].Notes)
	}
	units, err = Leverage{Memory: m}.BlockUnits(ctx, d, 1, "ar", "en")
	if err != nil || len(units) != 1 || strings.Contains(strings.Join(units[0].Notes, "\n"), "other translation") {
		t.Errorf("a sentence with one translation: %+v, %v", units, err)
	}
}

// TestCorrectDropsAlignerMeta: a corrected pair loses what described the
// translation it replaces (an aligner's confidence and low-confidence flag,
// the old target's <tuv> metadata), so that an export does not flag the
// editor's translation as an uncertain pairing; other properties stay.
func TestCorrectDropsAlignerMeta(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	meta := &TMXMeta{
		Props: []tmx.Prop{{Type: "x-alignment-confidence", Value: "0.05"}, {Type: PropFlag, Value: string(doc.FlagLowConfidence)},
			{Type: PropFlag, Value: string(doc.FlagNumberMismatch)}, {Type: "x-desk", Value: "world"}},
		Target: VariantMeta{CreationID: "aligner", Notes: []tmx.Note{{Text: "old pairing"}}},
	}
	if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "زار الوفد موسكو.", Target: "The delegation went to Kyiv.", TMX: meta}}); err != nil {
		t.Fatal(err)
	}
	es, _ := m.Exact(ctx, "ar", "en", "زار الوفد موسكو.")
	if len(es) != 1 || !es[0].LowConfidence() {
		t.Fatalf("stored %+v", es)
	}
	if _, err := m.Correct(ctx, es[0].ID, "The delegation visited Moscow.", "reviewed", "rana", time.Time{}); err != nil {
		t.Fatal(err)
	}
	e, err := m.Get(ctx, es[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.TMX == nil || !reflect.DeepEqual(e.TMX.Props, []tmx.Prop{{Type: "x-desk", Value: "world"}}) || !e.TMX.Target.empty() {
		t.Errorf("metadata after the correction: %+v", e.TMX)
	}
	var out strings.Builder
	if _, err := m.ExportTMX(ctx, &out, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "low-confidence") || strings.Contains(out.String(), "number-mismatch") || strings.Contains(out.String(), "old pairing") || !strings.Contains(out.String(), "x-desk") {
		t.Errorf("export after the correction:\n%s", out.String())
	}
}
