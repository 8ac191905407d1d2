package xliff

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"bitext/doc"
	"bitext/glossary"
	"bitext/internal/testenv"
	"bitext/segment"
	"bitext/translate"
)

// draftEngine "translates" a paragraph into one English sentence per Arabic
// sentence, naming the glossary terms it was given, so that alignment pairs
// them one to one and every term's rendering is present.
type draftEngine struct{}

func (draftEngine) Name() string             { return "draft" }
func (draftEngine) Limits() translate.Limits { return translate.Limits{} }
func (draftEngine) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		var sents []string
		for k, ss := range segment.Sentences(s.Text, "ar") {
			words := len(strings.Fields(ss.Text))
			sent := fmt.Sprintf("Sentence %d has %d words", k+1, words)
			// protected names come as placeholders: keep them for the pipeline to restore
			for _, p := range placeholderRE.FindAllString(ss.Text, -1) {
				sent += ", " + p
			}
			sents = append(sents, sent+".")
		}
		out[i] = strings.Join(sents, " ")
	}
	return out, nil
}

var placeholderRE = regexp.MustCompile(`⟦[^⟦⟧]*⟧`)

// sampleBitext translates the sample article with the draft engine and the
// project glossary.
func sampleBitext(t testing.TB) *doc.Bitext {
	t.Helper()
	root := testenv.RepoRoot(t)
	text, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Load(filepath.Join(root, "glossary.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	d := segment.Split("article.txt", string(text), "ar")
	bt, err := translate.Run(context.Background(), draftEngine{}, d, translate.Options{Glossary: glossary.NewMatcher(g)})
	if err != nil {
		t.Fatal(err)
	}
	return bt
}

var fixedTime = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// tool returns the path of a shared checker, or skips the test when the shared
// folder is not beside the repository.
func tool(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(testenv.RepoRoot(t), "..", "shared", "tools", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found beside the repository (%v): cannot run it", name, err)
	}
	return p
}

// runTool runs a shared checker and returns its verdict line and full output.
// It skips when the tool cannot run at all (exit 2 before a verdict about the file).
func runTool(t testing.TB, name string, args ...string) (verdict, out string, ok bool) {
	t.Helper()
	cmd := exec.Command(tool(t, name), args...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	out = buf.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	verdict = lines[len(lines)-1]
	if !strings.HasPrefix(verdict, "VERDICT:") {
		t.Skipf("%s could not run: %v\n%s", name, err, out)
	}
	if ee, isExit := err.(*exec.ExitError); isExit && ee.ExitCode() == 2 && strings.Contains(out, "not available") {
		t.Skipf("%s could not run: %s", name, verdict)
	}
	return verdict, out, err == nil
}

// handBitext is a small bitext made by hand that has every case the writers
// handle: a heading, a paragraph of two units, boilerplate, a term kept as it
// is, characters XML 1.0 forbids, markup characters, and every unit state.
func handBitext() *doc.Bitext {
	src := "قمة بوتين وكيم\n\nقال بيسكوف إن الكرملين لا يؤكد القمة. وأضاف أن قناة الجزيرة\u0001 نقلت الخبر <عاجل> & مهم.\n\nشاركها.\n\nجملة من الذاكرة هنا. جملة رابعة بلا ترجمة.\n\nقال المتحدث كلاما كثيرا. ثم غادر القاعة سريعا."
	d := &doc.Document{Name: "hand.txt", Lang: "ar", Source: src}
	bt := &doc.Bitext{SourceLang: "ar", TargetLang: "en", Name: "hand.txt", Engine: "draft", Source: d}
	put := func(block int, kind doc.Kind, source, target string, st doc.State, terms ...doc.TermHit) {
		u := doc.Unit{Block: block, Kind: kind, Source: source, Target: target, State: st, Terms: terms}
		if st == doc.StateMachine {
			u.Origin = "draft"
		}
		if st == doc.StateMemory {
			u.Origin = "memory"
		}
		if target == "" && kind != doc.Boilerplate {
			u.AddFlag(doc.FlagUntranslated)
		}
		bt.Units = append(bt.Units, u)
	}
	putin := doc.TermHit{Surface: "بوتين", Ar: "بوتين", En: "Putin", Type: "person"}
	kim := doc.TermHit{Surface: "وكيم", Clitic: "و", Ar: "كيم", En: "Kim", Type: "person"}
	peskov := doc.TermHit{Surface: "بيسكوف", Ar: "بيسكوف", En: "Peskov", Type: "person", Note: "Kremlin spokesman"}
	jazeera := doc.TermHit{Surface: "الجزيرة", Ar: "الجزيرة", En: "Al Jazeera", Type: "media", NoTranslate: true}
	put(0, doc.Heading, "قمة بوتين وكيم", "Putin and Kim summit", doc.StateMachine, putin, kim)
	put(1, doc.Paragraph, "قال بيسكوف إن الكرملين لا يؤكد القمة.", "Peskov said the Kremlin does not confirm the summit.", doc.StateMachine, peskov)
	put(1, doc.Paragraph, "وأضاف أن قناة الجزيرة\u0001 نقلت الخبر <عاجل> & مهم.", "He added that الجزيرة\u0001 carried the <urgent> & important news.", doc.StateGist, jazeera)
	put(2, doc.Boilerplate, "شاركها.", "", doc.StateNew)
	put(3, doc.Paragraph, "جملة من الذاكرة هنا.", "A sentence from memory here.", doc.StateMemory)
	put(3, doc.Paragraph, "جملة رابعة بلا ترجمة.\n\nقال المتحدث كلاما كثيرا. ثم غادر القاعة سريعا.", "", doc.StateNew)
	bt.Units[len(bt.Units)-1].Notes = []string{"left for the translator"}
	put(4, doc.Paragraph, "قال المتحدث كلاما كثيرا.", "The spokesman said many words.", doc.StateMachine)
	put(4, doc.Paragraph, "ثم غادر القاعة سريعا.", "Then he quickly left the hall.", doc.StateMachine)
	translate.AssignIDs(bt.Units)
	return bt
}
