package segment

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bitext/internal/testenv"
)

// Quality floors on the evaluation sets in ../shared/data/segmentation,
// scored by ../shared/tools/seg-score: the figures the rules reached. A change
// that loses quality fails here; one that gains should raise the floor.
var qualityFloors = []struct {
	name    string
	raw     string // {"id", "text"} lines; "" builds the text from gold
	gold    string
	side    string // "paragraphs_en" scores the English side of gold; "flores" reads gold as an alignment set
	lang    string
	summary string
	floor   float64
}{
	// Development set (intra-paragraph boundaries, orthographic gold).
	{"padt-dev", "padt-dev/raw.jsonl", "padt-dev/gold.ortho.jsonl", "", "ar", "intra", 0.9999},
	// Test sets, checked so that they do not regress (the rules were not tuned on them).
	{"padt-test", "padt-test/raw.jsonl", "padt-test/gold.ortho.jsonl", "", "ar", "intra", 0.9948},
	{"pud", "pud/raw.jsonl", "pud/gold.jsonl", "", "ar", "all", 0.9966},
	{"pud-en", "", "pud/gold.jsonl", "paragraphs_en", "en", "all", 0.9991},
	// English side of the FLORES alignment dev set (../alignment/dev): a FLORES
	// segment may hold two sentences, so precision stays near 0.89 however
	// well the rules cut; the floor guards recall and the cuts they make.
	{"flores-dev-en", "", "../alignment/dev", "flores", "en", "all", 0.9365},
}

// TestQuality segments the evaluation sets and scores them with seg-score
// (a few seconds in all).
func TestQuality(t *testing.T) {
	shared := filepath.Join(testenv.RepoRoot(t), "..", "shared")
	score := filepath.Join(shared, "tools", "seg-score")
	data := filepath.Join(shared, "data", "segmentation")
	if _, err := os.Stat(data); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("evaluation data missing: %v", err)
		}
		t.Skipf("evaluation data not found: %v", err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 (needed by seg-score) not installed; make test installs it")
	}
	for _, q := range qualityFloors {
		t.Run(q.name, func(t *testing.T) {
			dir := t.TempDir()
			gold := filepath.Join(data, q.gold)
			var docs []evalDoc
			var err error
			if q.side == "flores" {
				docs, err = readFlores(gold)
			} else {
				docs, err = readDocs(filepath.Join(data, q.raw), gold, q.side)
			}
			if err != nil {
				t.Fatal(err)
			}
			if q.side != "" {
				// The scorer reads "paragraphs": give it the chosen side under that name.
				gold = filepath.Join(dir, "gold.jsonl")
				if err := writeJSONL(gold, docs, func(d evalDoc) any { return map[string]any{"id": d.ID, "paragraphs": d.Gold} }); err != nil {
					t.Fatal(err)
				}
			}
			pred := filepath.Join(dir, "pred.jsonl")
			err = writeJSONL(pred, docs, func(d evalDoc) any {
				doc := SplitWith(d.ID, d.Text, Options{Lang: q.lang})
				paras := [][]string{}
				for _, b := range doc.Blocks {
					paras = append(paras, texts(b.Segments))
				}
				return map[string]any{"id": d.ID, "paragraphs": paras}
			})
			if err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(score, gold, pred, "--summary", q.summary, "--json").Output()
			if err != nil {
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					t.Fatalf("seg-score: %v\n%s", err, ee.Stderr)
				}
				t.Fatalf("seg-score: %v", err)
			}
			f1 := scoreF1(t, string(out), q.summary)
			t.Logf("%s: %s F1 %.4f (floor %.4f)", q.name, q.summary, f1, q.floor)
			if f1 < q.floor {
				t.Errorf("%s: %s F1 %.4f fell below %.4f", q.name, q.summary, f1, q.floor)
			}
		})
	}
}

// readFlores reads an alignment set's English side: each document's
// paragraphs (tgt.para.txt, one a line) split into its gold segments
// (tgt.txt, one a line, joined by one space in the paragraphs).
func readFlores(set string) ([]evalDoc, error) {
	entries, err := os.ReadDir(set)
	if err != nil {
		return nil, err
	}
	var docs []evalDoc
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(set, e.Name())
		segs, err := os.ReadFile(filepath.Join(dir, "tgt.txt"))
		if err != nil {
			return nil, err
		}
		paras, err := os.ReadFile(filepath.Join(dir, "tgt.para.txt"))
		if err != nil {
			return nil, err
		}
		d := evalDoc{ID: e.Name()}
		rest := strings.Split(strings.TrimRight(string(segs), "\n"), "\n")
		var text []string
		for i, para := range strings.Split(strings.TrimRight(string(paras), "\n"), "\n") {
			var p []string
			for strings.Join(p, " ") != para {
				if len(rest) == 0 || len(strings.Join(p, " ")) >= len(para) {
					return nil, fmt.Errorf("%s: paragraph %d is not made of the segments of tgt.txt", dir, i+1)
				}
				p, rest = append(p, rest[0]), rest[1:]
			}
			d.Gold = append(d.Gold, p)
			text = append(text, para)
		}
		if len(rest) > 0 {
			return nil, fmt.Errorf("%s: %d segments of tgt.txt are in no paragraph", dir, len(rest))
		}
		d.Text = strings.Join(text, "\n\n")
		docs = append(docs, d)
	}
	return docs, nil
}

type evalDoc struct {
	ID   string
	Text string
	Gold [][]string
}

// readDocs reads the raw texts, or (raw == "" ) joins the gold side's
// sentences the way the raw files do: one space inside a paragraph, a blank line between.
func readDocs(raw, gold, side string) ([]evalDoc, error) {
	if side == "" {
		var docs []evalDoc
		err := eachJSONL(raw, func(m map[string]json.RawMessage) error {
			var d evalDoc
			if err := json.Unmarshal(m["id"], &d.ID); err != nil {
				return err
			}
			if err := json.Unmarshal(m["text"], &d.Text); err != nil {
				return err
			}
			docs = append(docs, d)
			return nil
		})
		return docs, err
	}
	var docs []evalDoc
	err := eachJSONL(gold, func(m map[string]json.RawMessage) error {
		var d evalDoc
		if err := json.Unmarshal(m["id"], &d.ID); err != nil {
			return err
		}
		if err := json.Unmarshal(m[side], &d.Gold); err != nil {
			return err
		}
		var paras []string
		for _, p := range d.Gold {
			paras = append(paras, strings.Join(p, " "))
		}
		d.Text = strings.Join(paras, "\n\n")
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

func eachJSONL(path string, fn func(map[string]json.RawMessage) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	return sc.Err()
}

func writeJSONL(path string, docs []evalDoc, rec func(evalDoc) any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, d := range docs {
		if err := enc.Encode(rec(d)); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func scoreF1(t *testing.T, out, summary string) float64 {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var r map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("seg-score --json: %v", err)
		}
		var m struct{ F1 float64 }
		if err := json.Unmarshal(r[summary], &m); err != nil {
			t.Fatalf("seg-score --json: no %q figures: %v", summary, err)
		}
		return m.F1
	}
	t.Fatalf("seg-score printed no JSON line:\n%s", out)
	return 0
}
