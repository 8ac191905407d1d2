package gist

import (
	"context"
	"errors"
	"strings"
	"testing"

	"bitext/doc"
	"bitext/glossary"
	"bitext/segment"
	"bitext/translate"
)

// These follow the cases of the engine conformance suite that apply to an
// engine with no service behind it: protected names through the pipeline,
// Arabic quotes and punctuation, cancellation.

const suiteGlossary = `terms:
  - ar: فلاديمير بوتين
    en: Vladimir Putin
  - ar: بوتين
    en: Putin
  - ar: كيم جونغ أون
    en: Kim Jong Un
  - ar: موسكو
    en: Moscow
`

func suiteRun(t *testing.T, ctx context.Context, e *Engine, text string) (*translate.Result, error) {
	t.Helper()
	g, err := glossary.Parse("suite.yaml", []byte(suiteGlossary))
	if err != nil {
		t.Fatal(err)
	}
	d := segment.Split("suite.txt", text, "ar")
	return translate.RunMany(ctx, e, []*doc.Document{d}, translate.Options{Glossary: glossary.NewMatcher(g)})
}

func TestPipelineProtectedNames(t *testing.T) {
	e := testEngine(t, Options{})
	res, err := suiteRun(t, context.Background(), e, "التقى بوتين وكيم جونغ أون في موسكو.\n\nقال الرئيس فلاديمير بوتين.")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range res.Bitexts[0].Units {
		got = append(got, u.Target)
		if u.State != doc.StateGist {
			t.Errorf("unit %s: state %q, want gist", u.ID, u.State)
		}
		if len(u.Flags) != 0 {
			t.Errorf("unit %s: flags %v (target %q)", u.ID, u.Flags, u.Target)
		}
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"Putin and Kim Jong Un in Moscow.", "The president Vladimir Putin said."} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if strings.Contains(all, "⟦") {
		t.Errorf("placeholder left in\n%s", all)
	}
	if res.Stats.GlossaryViolations != 0 || res.Stats.SafeRetries != 0 {
		t.Errorf("stats %+v", res.Stats)
	}
}

func TestPlaceholdersKept(t *testing.T) {
	e := testEngine(t, Options{})
	for _, in := range []string{"قال ⟦1:Vladimir Putin⟧ في ⟦2⟧.", "و ⟦1:Kim Jong Un⟧، ⟦2: Moscow ⟧"} {
		out := e.Gloss(in, nil)
		for _, ph := range []string{"⟦1:Vladimir Putin⟧", "⟦2⟧", "⟦1:Kim Jong Un⟧", "⟦2: Moscow ⟧"} {
			if strings.Contains(in, ph) && strings.Count(out, ph) != 1 {
				t.Errorf("Gloss(%q) = %q: %s not kept exactly once", in, out, ph)
			}
		}
	}
	if got := e.Gloss("قال ⟦1:Vladimir Putin⟧", nil); got != "⟦1:Vladimir Putin⟧ said" {
		t.Errorf("placeholder as subject: %q", got)
	}
}

func TestArabicQuotesAndPunctuation(t *testing.T) {
	e := testEngine(t, Options{})
	in := `قال “ستدفع كوريا ثمن ذلك”، وأضاف «لا» & <b> "نعم" ؟`
	out := e.Gloss(in, nil)
	for _, want := range []string{"said “", "”,", "“", "”", "&", "<b>", `"`, "?"} {
		if !strings.Contains(out, want) {
			t.Errorf("Gloss(%q) = %q: %q missing", in, out, want)
		}
	}
	if strings.ContainsAny(out, "،؟«»") {
		t.Errorf("Arabic punctuation left in %q", out)
	}
}

func TestPipelineCancellation(t *testing.T) {
	e := testEngine(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := suiteRun(t, ctx, e, "قال.\n\nزار.\n\nفي موسكو.")
	if !errors.Is(err, context.Canceled) || res != nil && res.Bitexts != nil {
		t.Fatalf("want context.Canceled and no bitext, got %v, %v", res, err)
	}
}

// Each sentence of a paragraph gets its own gist: none is left empty.
func TestPipelineSentencesEachGetTheirGist(t *testing.T) {
	e := testEngine(t, Options{})
	text := "وقال الرئيس إن المحادثات مستمرة. وأكد الوزير أن الاجتماع كان مفيدا. وأضاف أن الوفد سيعود غدا. وقال إن الحكومة تدرس الأمر."
	res, err := suiteRun(t, context.Background(), e, text)
	if err != nil {
		t.Fatal(err)
	}
	units := res.Bitexts[0].Units
	if len(units) != 4 {
		t.Errorf("%d units, want one for each of the 4 sentences", len(units))
	}
	for _, u := range units {
		if u.Target == "" || u.HasFlag(doc.FlagUntranslated) {
			t.Errorf("unit %q has no gist", u.Source)
		}
	}
}
