package align

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"bitext/doc"
	"bitext/internal/testenv"
	"bitext/segment"
)

func sharedPath(t testing.TB, parts ...string) string {
	return testenv.Shared(t, parts...)
}

var (
	lexOnce sync.Once
	lexVal  *Lexicon
	lexErr  error
)

func testLexicon(t testing.TB) *Lexicon {
	path := sharedPath(t, "data", "lexicon", "freedict-ara-eng", "freedict-ara-eng.tsv")
	lexOnce.Do(func() { lexVal, lexErr = LoadLexicon(path) })
	if lexErr != nil {
		t.Fatal(lexErr)
	}
	return lexVal
}

func readLines(t testing.TB, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

// writeBeads writes beads in the bead-list format align-score reads.
func writeBeads(path string, beads []Bead) error {
	var b strings.Builder
	for _, bd := range beads {
		b.WriteString(FormatBead(bd))
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

type evalMode struct {
	paragraphs bool // English given as paragraphs, segmented here
	lexicon    bool
}

// evaluate aligns every document of a set and returns align-score's summary line.
func evaluate(t testing.TB, set string, mode evalMode, opts Options) string {
	gold := sharedPath(t, "data", "alignment", set)
	tool := sharedPath(t, "tools", "align-score")
	if mode.lexicon {
		opts.Lexicon = testLexicon(t)
	}
	out := t.TempDir()
	entries, err := os.ReadDir(gold)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(gold, e.Name())
		src := readLines(t, filepath.Join(dir, "src.txt"))
		var beads []Bead
		if !mode.paragraphs {
			beads = Sentences(src, readLines(t, filepath.Join(dir, "tgt.txt")), opts)
		} else {
			sd := segmentsDoc(src)
			td := linesDoc(readLines(t, filepath.Join(dir, "tgt.para.txt")), func(s string) []doc.Segment { return segment.Sentences(s, "en") })
			beads = Document(sd, td, opts)
			tt, _ := SegmentIndex(td)
			if err := os.MkdirAll(filepath.Join(out, e.Name()), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, e.Name(), "tgt.txt"), []byte(strings.Join(tt, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.MkdirAll(filepath.Join(out, e.Name()), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := writeBeads(filepath.Join(out, e.Name(), "pred.txt"), beads); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{gold, out}
	if v := os.Getenv("ALIGN_SCORE_ARGS"); v != "" {
		args = append(strings.Fields(v), args...)
	}
	res, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("align-score: %v\n%s", err, res)
	}
	return strings.TrimSpace(string(res))
}

// segmentsDoc builds a one-block document, one segment per line.
func segmentsDoc(lines []string) *doc.Document {
	d := linesDoc([]string{strings.Join(lines, "\n")}, func(s string) []doc.Segment {
		var out []doc.Segment
		pos := 0
		for _, l := range strings.Split(s, "\n") {
			out = append(out, doc.Segment{Start: pos, End: pos + len(l), Text: l})
			pos += len(l) + 1
		}
		return out
	})
	d.Lang = "ar"
	return d
}

// linesDoc builds a document with one block per line; split cuts a line into
// segments (nil: the line is one segment).
func linesDoc(lines []string, split func(string) []doc.Segment) *doc.Document {
	d := &doc.Document{Lang: "en"}
	var src strings.Builder
	for _, l := range lines {
		start := src.Len()
		src.WriteString(l)
		b := doc.Block{Kind: doc.Paragraph, Start: start, End: src.Len()}
		if split == nil {
			b.Segments = []doc.Segment{{Start: start, End: src.Len(), Text: l}}
		} else {
			for _, s := range split(l) {
				b.Segments = append(b.Segments, doc.Segment{Start: start + s.Start, End: start + s.End, Text: s.Text})
			}
		}
		d.Blocks = append(d.Blocks, b)
		src.WriteString("\n")
	}
	d.Source = src.String()
	return d
}

// summary extracts F1 from align-score's last line "F1 x P y R z".
func summaryF1(t testing.TB, out string) float64 {
	lines := strings.Split(out, "\n")
	f := strings.Fields(lines[len(lines)-1])
	if len(f) < 2 || f[0] != "F1" {
		t.Fatalf("unexpected align-score output:\n%s", out)
	}
	v, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestEvalReport prints the scores of the sets named in ALIGN_EVAL
// (e.g. "dev test test-pud"); it is for development and reports only.
func TestEvalReport(t *testing.T) {
	sets := strings.Fields(os.Getenv("ALIGN_EVAL"))
	if len(sets) == 0 {
		t.Skip("set ALIGN_EVAL to the sets to report")
	}
	var lw float64
	if v := os.Getenv("ALIGN_LEXW"); v != "" {
		lw, _ = strconv.ParseFloat(v, 64)
	}
	for _, set := range sets {
		for _, m := range []struct {
			name string
			mode evalMode
		}{{"lexicon", evalMode{lexicon: true}}, {"no-lexicon", evalMode{}}, {"paragraphs+lexicon", evalMode{paragraphs: true, lexicon: true}}} {
			out := evaluate(t, set, m.mode, Options{LexWeight: lw})
			fmt.Printf("%s %s:\n%s\n\n", set, m.name, out)
		}
	}
}

// TestFlagStats reports how flagged beads relate to wrong ones on ALIGN_FLAGS's set.
func TestFlagStats(t *testing.T) {
	set := os.Getenv("ALIGN_FLAGS")
	if set == "" {
		t.Skip("set ALIGN_FLAGS to a set name")
	}
	gold := sharedPath(t, "data", "alignment", set)
	entries, _ := os.ReadDir(gold)
	for _, lex := range []bool{true, false} {
		opts := Options{}
		if lex {
			opts.Lexicon = testLexicon(t)
		}
		var flagged, wrong, flaggedWrong, total int
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			dir := filepath.Join(gold, e.Name())
			g := map[string]bool{}
			for _, l := range readLines(t, filepath.Join(dir, "gold.txt")) {
				g[l] = true
			}
			for _, b := range Sentences(readLines(t, filepath.Join(dir, "src.txt")), readLines(t, filepath.Join(dir, "tgt.txt")), opts) {
				total++
				bad := !g[FormatBead(b)]
				if bad {
					wrong++
				}
				if b.Low() {
					flagged++
					if bad {
						flaggedWrong++
					}
				}
			}
		}
		fmt.Printf("lexicon %v: beads %d wrong %d flagged %d flagged&wrong %d\n", lex, total, wrong, flagged, flaggedWrong)
	}
}

// TestAnotherArticleIsNotConfident aligns the Arabic of each dev document
// with its own English and with the English of the next document: with a
// lexicon, a translation pairs a good share of its text with confidence and
// another article (same site, same kind of text) almost none, so that
// beads of unrelated sentences are not offered as translations.
func TestAnotherArticleIsNotConfident(t *testing.T) {
	gold := sharedPath(t, "data", "alignment", "dev")
	entries, err := os.ReadDir(gold)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(gold, e.Name()))
		}
	}
	opts := Options{Lexicon: testLexicon(t)}
	for k, dir := range dirs {
		src := readLines(t, filepath.Join(dir, "src.txt"))
		own := readLines(t, filepath.Join(dir, "tgt.txt"))
		other := readLines(t, filepath.Join(dirs[(k+1)%len(dirs)], "tgt.txt"))
		if s := ConfidentShare(src, own, Sentences(src, own, opts)); s < 0.5 {
			t.Errorf("%s with its English: confident share %.2f, want 0.5 or more", filepath.Base(dir), s)
		}
		if s := ConfidentShare(src, other, Sentences(src, other, opts)); s >= 0.3 {
			t.Errorf("%s with the next document's English: confident share %.2f, want under 0.3", filepath.Base(dir), s)
		}
	}
}
