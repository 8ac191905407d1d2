package tm

import (
	"bytes"
	"context"
	"slices"
	"strings"
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

// alignedTMX is what 'bitext align -f tmx' writes: a sure pair and one the
// aligner flagged as uncertain.
const alignedTMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="bitext" creationtoolversion="1" segtype="sentence" o-tmf="bitext" adminlang="en" srclang="ar" datatype="plaintext"/>
  <body>
    <tu tuid="u1">
      <prop type="x-alignment-confidence">0.98</prop>
      <tuv xml:lang="ar"><seg>أحجم الكرملين اليوم عن تأكيد القمة.</seg></tuv>
      <tuv xml:lang="en"><seg>The Kremlin declined today to confirm the summit.</seg></tuv>
    </tu>
    <tu tuid="u2">
      <prop type="x-alignment-confidence">0.00</prop>
      <prop type="x-flag">low-confidence</prop>
      <tuv xml:lang="ar"><seg>قمة بوتين وكيم</seg></tuv>
      <tuv xml:lang="en"><seg>Korea to shore up its defence capabilities.</seg></tuv>
    </tu>
  </body>
</tmx>`

// TestImportLeavesOutLowConfidence: pairs an aligner flagged as uncertain
// are not imported unless asked for (All); kept, they stay flagged in the
// memory and in its export, and rank last.
func TestImportLeavesOutLowConfidence(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	res, err := m.Import(ctx, strings.NewReader(alignedTMX), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Skipped != 1 || res.LowConfidence != 1 {
		t.Errorf("import = %+v, want 1 added, 1 skipped as low-confidence", res)
	}
	if es, _ := m.Exact(ctx, "ar", "en", "قمة بوتين وكيم"); len(es) != 0 {
		t.Errorf("the flagged pair is in the memory: %+v", es)
	}

	res, err = m.Import(ctx, strings.NewReader(alignedTMX), ImportOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Updated != 1 || res.Skipped != 0 || res.LowConfidence != 0 {
		t.Errorf("import with All = %+v, want the flagged pair added", res)
	}
	es, _ := m.Exact(ctx, "ar", "en", "قمة بوتين وكيم")
	if len(es) != 1 || !es[0].LowConfidence() || !strings.Contains(Provenance(&es[0]), "low-confidence") {
		t.Errorf("flagged pair: %+v; want it kept as low-confidence, and said so", es)
	}
	var buf bytes.Buffer
	if _, err := m.ExportTMX(ctx, &buf, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), `<prop type="x-flag">low-confidence</prop>`); n != 1 {
		t.Errorf("export has %d low-confidence flags, want 1:\n%s", n, buf.String())
	}
	// the export imports again as it was: the flagged pair left out
	again := openTemp(t)
	if res, err := again.Import(ctx, &buf, ImportOptions{}); err != nil || res.Added != 1 || res.LowConfidence != 1 {
		t.Errorf("re-import of the export = %+v, %v", res, err)
	}
}

// A closer match is listed before a less similar one that an editor
// approved; among equally close ones the approved comes first.
func TestCloserMatchFirst(t *testing.T) {
	a := &Entry{State: "final"}
	b := &Entry{State: "machine"}
	if compareMatches(b, 0.95, a, 0.80) >= 0 {
		t.Error("a 95% machine pair ranks after an 80% final one")
	}
	if compareMatches(a, 1, b, 1) >= 0 {
		t.Error("at the same score the final pair does not come first")
	}
}

// A pair whose source is the text itself comes before one that only folds
// alike (على and علي fold alike, and differ: "on" and the name Ali), in
// every lookup, even when the other was approved; translate taking a pair
// spelled otherwise says how it differs.
func TestSameTextFirst(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	const ali = "التقى الرئيس علي بالوزير"
	if _, err := m.Add(ctx, []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: ali, Target: "President Ali met the minister", State: "machine"},
		{SourceLang: "ar", TargetLang: "en", Source: "التقى الرئيس على بالوزير", Target: "The president met the minister", State: "final"},
	}); err != nil {
		t.Fatal(err)
	}
	es, err := m.Exact(ctx, "ar", "en", ali)
	if err != nil || len(es) != 2 || es[0].Source != ali {
		t.Errorf("Exact: %+v %v", es, err)
	}
	ms, err := m.Fuzzy(ctx, "ar", "en", ali, FuzzyOptions{})
	if err != nil || len(ms) != 2 || ms[0].Source != ali {
		t.Errorf("Fuzzy: %+v %v", ms, err)
	}
	cache := NewCache(m)
	for _, c := range []struct {
		text, target string
		spelled      bool
	}{
		{"التقى الرئيس على بالوزير", "The president met the minister", false},
		{ali, "President Ali met the minister", false},
		// neither is the text itself: the approved pair, with the difference told
		{"التقى الرئيس عَلي بالوزير", "The president met the minister", true},
	} {
		d := &doc.Document{Lang: "ar", Source: c.text, Blocks: []doc.Block{{Kind: doc.Paragraph, End: len(c.text),
			Segments: []doc.Segment{{End: len(c.text), Text: c.text}}}}}
		units, err := Leverage{Memory: cache}.BlockUnits(ctx, d, 0, "ar", "en")
		if err != nil || len(units) != 1 {
			t.Fatalf("Leverage(%q): %+v %v", c.text, units, err)
		}
		u := units[0]
		noted := strings.Contains(strings.Join(u.Notes, "\n"), "spelled otherwise")
		if u.Target != c.target || noted != c.spelled {
			t.Errorf("Leverage(%q) = %q, notes %q", c.text, u.Target, u.Notes)
		}
	}
}

// alignedXLIFF is what bitext align writes in XLIFF 1.2: every pair
// "translated", the uncertain one flagged by a bitext-flag note.
const alignedXLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="article.txt" source-language="ar" target-language="en" datatype="plaintext"><body>
<trans-unit id="u1" xml:space="preserve"><source>البيت الأبيض: كوريا الشمالية ستدفع الثمن</source><target xml:lang="en" state="translated">Translated by Sara Haddad</target><note from="bitext">alignment confidence 0.03</note><note from="bitext-flag" priority="2">low-confidence</note></trans-unit>
<trans-unit id="u2" xml:space="preserve"><source>وصل الوفد إلى موسكو.</source><target xml:lang="en" state="translated">The delegation arrived in Moscow.</target></trans-unit>
</body></file></xliff>`

// TestXLIFFImportLeavesOutLowConfidence: a pair align flagged as uncertain
// in its XLIFF is left out as from its TMX, and with All is kept flagged,
// not stored as a pair an editor reviewed.
func TestXLIFFImportLeavesOutLowConfidence(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	res, err := m.Import(ctx, strings.NewReader(alignedXLIFF), ImportOptions{Name: "a.xlf"})
	if err != nil {
		t.Fatal(err)
	}
	if res.LowConfidence != 1 || res.NotApproved != 1 {
		t.Errorf("import = %+v, want 1 skipped as low-confidence, 1 as not approved", res)
	}
	if _, err := m.Import(ctx, strings.NewReader(alignedXLIFF), ImportOptions{Name: "a.xlf", All: true}); err != nil {
		t.Fatal(err)
	}
	es, _ := m.Exact(ctx, "ar", "en", "البيت الأبيض: كوريا الشمالية ستدفع الثمن")
	if len(es) != 1 || !es[0].LowConfidence() || es[0].State == string(doc.StateReviewed) {
		t.Errorf("flagged pair stored as %+v; want it flagged low-confidence, not reviewed", es)
	}
	es, _ = m.Exact(ctx, "ar", "en", "وصل الوفد إلى موسكو.")
	if len(es) != 1 || es[0].LowConfidence() {
		t.Errorf("unflagged pair stored as %+v", es)
	}
}

// TestImportLeavesOutNumberMismatch: a pair an aligner flagged because its
// English gives another figure is not imported unless asked for (All),
// counted under its own reason; an editor's approval lets it in.
func TestImportLeavesOutNumberMismatch(t *testing.T) {
	const flagged = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="bitext" creationtoolversion="1" segtype="sentence" o-tmf="bitext" adminlang="en" srclang="ar" datatype="plaintext"/>
  <body>
    <tu tuid="u1">
      <prop type="x-alignment-confidence">1.00</prop>
      <prop type="x-flag">number-mismatch</prop>
      <tuv xml:lang="ar"><seg>قتل 12 شخصا في القصف.</seg></tuv>
      <tuv xml:lang="en"><seg>The shelling killed 21 people.</seg></tuv>
    </tu>
    <tu tuid="u2">
      <prop type="x-bitext-state">final</prop>
      <prop type="x-flag">number-mismatch</prop>
      <tuv xml:lang="ar"><seg>وصل 300 لاجئ.</seg></tuv>
      <tuv xml:lang="en"><seg>About 300 refugees arrived on Monday.</seg></tuv>
    </tu>
  </body>
</tmx>`
	ctx := context.Background()
	m := openTemp(t)
	res, err := m.Import(ctx, strings.NewReader(flagged), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Skipped != 1 || res.NumberMismatch != 1 || res.LowConfidence != 0 {
		t.Errorf("import = %+v, want the approved pair added and 1 skipped as number-mismatch", res)
	}
	if es, _ := m.Exact(ctx, "ar", "en", "قتل 12 شخصا في القصف."); len(es) != 0 {
		t.Errorf("the flagged pair is in the memory: %+v", es)
	}
	res, err = m.Import(ctx, strings.NewReader(flagged), ImportOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Skipped != 0 {
		t.Errorf("import with All = %+v, want the flagged pair added", res)
	}
	// imported, it is said to be flagged and comes after a pair that
	// gives the source's figure, even an older one
	m = openTemp(t)
	if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "قتل 12 شخصا في القصف.", Target: "The shelling killed 12 people."}}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Import(ctx, strings.NewReader(flagged), ImportOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	es, _ := m.Exact(ctx, "ar", "en", "قتل 12 شخصا في القصف.")
	if len(es) != 2 || es[0].Target != "The shelling killed 12 people." || !es[1].NumberMismatch() || !strings.Contains(Provenance(&es[1]), "number-mismatch") {
		t.Errorf("lookup: %+v; want the pair giving 12 first, the flagged one last and said so", es)
	}
}
