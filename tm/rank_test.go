package tm

import (
	"context"
	"slices"
	"testing"
	"time"

	"bitext/doc"
	"bitext/tmx"
)

// TestLookupsRankAlike: translate's exact match (Leverage) and tm lookup's
// matches (Fuzzy) rank a source's pairs alike: an editor's final pair, then a
// reviewed one, then the others, and last a pair an aligner flagged as
// uncertain, however new each is.
func TestLookupsRankAlike(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	const src = "قمة بوتين وكيم في فلاديفوستوك"
	day := time.Date(2023, 9, 12, 10, 0, 0, 0, time.UTC)
	low := &TMXMeta{Props: []tmx.Prop{{Type: "x-alignment-confidence", Value: "0.00"}, {Type: PropFlag, Value: string(doc.FlagLowConfidence)}}}
	pair := func(target, state string, age int, meta *TMXMeta) Entry {
		return Entry{SourceLang: "ar", TargetLang: "en", Source: src, Target: target, State: state,
			Created: day.Add(-time.Duration(age) * time.Hour), TMX: meta}
	}
	// stored newest last, so that recency alone would pick the flagged pair
	if _, err := m.Add(ctx, []Entry{
		pair("final", "final", 4, nil),
		pair("reviewed", "reviewed", 3, nil),
		pair("machine", "machine", 2, nil),
		pair("flagged", "", 0, low),
		pair("unmarked", "", 1, nil),
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{"final", "reviewed", "unmarked", "machine", "flagged"}
	targets := func(es []Entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Target)
		}
		return out
	}
	es, err := m.Exact(ctx, "ar", "en", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := targets(es); !slices.Equal(got, want) {
		t.Errorf("Exact: %q, want %q", got, want)
	}
	ms, err := m.Fuzzy(ctx, "ar", "en", src, FuzzyOptions{Max: 10})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, mt := range ms {
		got = append(got, mt.Target)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Fuzzy: %q, want %q", got, want)
	}
	d := &doc.Document{Lang: "ar", Source: src, Blocks: []doc.Block{{Kind: doc.Heading, End: len(src),
		Segments: []doc.Segment{{End: len(src), Text: src}}}}}
	units, err := Leverage{Memory: NewCache(m)}.BlockUnits(ctx, d, 0, "ar", "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 1 || units[0].Target != "final" {
		t.Errorf("Leverage: %+v, want the final pair", units)
	}
}
