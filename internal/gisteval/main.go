// Command gisteval measures the gist engine: chrF against English references
// on PUD and FLORES dev sentences beside two baselines (the source copied
// unchanged, and a naive whole-word FreeDict lookup), and the share of Arabic
// words of the sample article that receive a gloss. Run from the repository
// root, with the shared data folder beside it:
//
//	go run ./internal/gisteval
//	go run ./internal/gisteval -set dev    # one alignment set: chrF and words left unglossed
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"bitext/arabic"
	"bitext/doc"
	"bitext/gist"
	"bitext/glossary"
	"bitext/internal/chrf"
	"bitext/segment"
	"bitext/translate"
)

func main() {
	tune := flag.Bool("tune", false, "score on FLORES devtest, the set kept for trying changes, instead of PUD and FLORES dev")
	set := flag.String("set", "", "instead of the report, score the gist of one alignment set (dev, test, test-pud) with chrF and the share of words left unglossed")
	dump := flag.String("dump", "", "with -set: write each pair's Arabic, gist and English to this file")
	gaps := flag.Int("gaps", 0, "instead of the report, list the N most frequent words of the files named as arguments that the built-in list does not know")
	flag.Parse()
	if *gaps > 0 {
		if err := printGaps(os.Stdout, *gaps, flag.Args()); err != nil {
			fmt.Fprintln(os.Stderr, "gisteval:", err)
			os.Exit(1)
		}
		return
	}
	root, err := repoRoot()
	if err == nil && *set != "" {
		var r *SetReport
		if r, err = EvaluateSet(context.Background(), root, *set); err == nil {
			r.Print(os.Stdout, 40)
			if *dump != "" {
				err = r.dump(*dump)
			}
		}
	} else if err == nil {
		var r *Report
		r, err = Evaluate(context.Background(), root, *tune)
		if err == nil {
			r.Print(os.Stdout)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gisteval:", err)
		os.Exit(1)
	}
}

// Pair is one Arabic sentence (or bead) with its English reference.
type Pair struct {
	Src, Ref string // the Arabic, and its reference English translation
}

// Report holds every figure.
type Report struct {
	Sets      []string                      // data set names, in order
	Pairs     map[string]int                // sentence pairs per set
	Chrf      map[string]map[string]float64 // system → set → chrF
	Systems   []string                      // the systems compared (copy source, naive FreeDict, gist setups), in order
	Coverage  map[string]float64            // lexicon setup → share of Arabic words glossed, in %
	CovOrder  []string                      // the lexicon setups of Coverage, in order
	Unknown   []string                      // the article's words no lexicon knows, most frequent first
	Lexicons  map[string]int                // forms in each lexicon: "built-in", "freedict"
	TopGaps   []string                      // not filled: Unknown lists the gaps
	ArticleWd int                           // Arabic words in testdata/article.txt
}

// Evaluate computes the report from the shared data beside root. With tune,
// chrF is computed on FLORES devtest instead: changes to the engine are tried
// there, so that the figures on PUD and FLORES dev stay unbiased.
func Evaluate(ctx context.Context, root string, tune bool) (*Report, error) {
	shared := filepath.Join(root, "..", "shared", "data")
	freedictPath := filepath.Join(shared, "lexicon", "freedict-ara-eng", "freedict-ara-eng.tsv")
	freedict, err := gist.LoadLexicon(ctx, freedictPath)
	if err != nil {
		return nil, err
	}
	core, err := gist.Core()
	if err != nil {
		return nil, err
	}
	sets := map[string][]Pair{}
	names := []string{"pud", "flores-dev"}
	if tune {
		names = []string{"flores-devtest"}
		if sets["flores-devtest"], err = loadFlores(filepath.Join(shared, "alignment", "test")); err != nil {
			return nil, err
		}
	} else {
		if sets["pud"], err = loadPUD(filepath.Join(shared, "segmentation", "pud", "gold.jsonl")); err != nil {
			return nil, err
		}
		if sets["flores-dev"], err = loadFlores(filepath.Join(shared, "alignment", "dev")); err != nil {
			return nil, err
		}
	}
	r := &Report{
		Sets: names, Pairs: map[string]int{}, Chrf: map[string]map[string]float64{},
		Coverage: map[string]float64{}, Lexicons: map[string]int{"built-in": core.Len(), "freedict": freedict.Len()},
	}
	bama, err := gist.LoadLexicon(ctx, filepath.Join(shared, "lexicon", "bama-1.0"))
	if err != nil {
		return nil, err
	}
	full := gist.NewWithLexicons(gist.Options{}, core, freedict)
	withBama := gist.NewWithLexicons(gist.Options{}, core, bama, freedict)
	builtin := gist.NewWithLexicons(gist.Options{}, core)
	systems := []struct {
		name string
		fn   func(string) string
	}{
		{"copy source", func(s string) string { return s }},
		{"naive FreeDict", func(s string) string { return Naive(freedict, s) }},
		{"gist built-in", func(s string) string { return builtin.Gloss(s, nil) }},
		{"gist built-in+FreeDict", func(s string) string { return full.Gloss(s, nil) }},
		{"gist built-in+Buckwalter+FreeDict", func(s string) string { return withBama.Gloss(s, nil) }},
	}
	for _, sys := range systems {
		r.Systems = append(r.Systems, sys.name)
		r.Chrf[sys.name] = map[string]float64{}
		for _, set := range r.Sets {
			var st chrf.Stats
			for _, p := range sets[set] {
				st.Add(chrf.Sentence(sys.fn(p.Src), p.Ref))
			}
			r.Chrf[sys.name][set] = st.Score()
			r.Pairs[set] = len(sets[set])
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}

	text, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		return nil, err
	}
	g, err := glossary.Load(filepath.Join(root, "glossary.yaml"))
	if err != nil {
		return nil, err
	}
	m := glossary.NewMatcher(g)
	d := segment.Split("article.txt", string(text), "ar")
	for _, c := range []struct {
		name string
		eng  *gist.Engine
		m    *glossary.Matcher
	}{
		{"built-in + FreeDict + glossary", full, m},
		{"built-in + glossary", builtin, m},
		{"built-in + FreeDict, no glossary", full, nil},
		{"built-in, no glossary", builtin, nil},
	} {
		st := articleCoverage(c.eng, d, c.m)
		r.CovOrder = append(r.CovOrder, c.name)
		r.Coverage[c.name] = 100 * float64(st.Glossed) / float64(max(st.Words, 1))
		r.ArticleWd = st.Words
		if c.name == "built-in + FreeDict + glossary" {
			r.Unknown = topUnknown(st.Unknown, 30)
		}
	}
	return r, nil
}

func articleCoverage(e *gist.Engine, d *doc.Document, m *glossary.Matcher) gist.Stats {
	total := gist.Stats{Unknown: map[string]int{}}
	for i := range d.Blocks {
		text := d.Text(i)
		var terms []translate.Term
		if m != nil {
			for _, h := range m.Match(text) {
				terms = append(terms, translate.Term{Source: text[h.Start:h.End], Target: h.Entry.En})
			}
		}
		st := e.Coverage(text, terms)
		total.Words += st.Words
		total.Glossed += st.Glossed
		for k, v := range st.Unknown {
			total.Unknown[k] += v
		}
	}
	return total
}

func topUnknown(m map[string]int, n int) []string {
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range m {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v || all[i].v == all[j].v && all[i].k < all[j].k })
	var out []string
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].k+" "+strconv.Itoa(all[i].v))
	}
	return out
}

// printGaps lists the words of files that the built-in list cannot gloss,
// most frequent first: what to add to it next.
func printGaps(w io.Writer, n int, files []string) error {
	core, err := gist.Core()
	if err != nil {
		return err
	}
	e := gist.NewWithLexicons(gist.Options{}, core)
	total := gist.Stats{Unknown: map[string]int{}}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		st := e.Coverage(string(b), nil)
		total.Words += st.Words
		total.Glossed += st.Glossed
		for k, v := range st.Unknown {
			total.Unknown[k] += v
		}
	}
	fmt.Fprintf(w, "%d words, %.1f%% glossed\n", total.Words, 100*float64(total.Glossed)/float64(max(total.Words, 1)))
	for _, s := range topUnknown(total.Unknown, n) {
		fmt.Fprintln(w, s)
	}
	return nil
}

// Naive glosses each whitespace-separated word by looking it up whole in lex,
// with no clitic splitting; words it does not find are copied.
func Naive(lex *gist.Lexicon, s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		core := strings.TrimFunc(w, func(r rune) bool { return !arabic.IsArabicLetter(r) && !unicode.Is(unicode.Mn, r) })
		if core == "" {
			continue
		}
		if e, ok := lex.Lookup(arabic.Fold(core)); ok {
			k := strings.Index(w, core)
			words[i] = w[:k] + e.Gloss + w[k+len(core):]
		}
	}
	return strings.Join(words, " ")
}

// Print writes the report as Markdown tables.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "chrF (character 6-grams, β=2, corpus level)\n\n| system |")
	for _, s := range r.Sets {
		fmt.Fprintf(w, " %s (%d) |", s, r.Pairs[s])
	}
	fmt.Fprintf(w, "\n|---|")
	for range r.Sets {
		fmt.Fprintf(w, "---|")
	}
	fmt.Fprintln(w)
	for _, sys := range r.Systems {
		fmt.Fprintf(w, "| %s |", sys)
		for _, s := range r.Sets {
			fmt.Fprintf(w, " %.1f |", r.Chrf[sys][s])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\nCoverage of the %d Arabic words of testdata/article.txt\n\n", r.ArticleWd)
	for _, c := range r.CovOrder {
		fmt.Fprintf(w, "- %s: %.1f%%\n", c, r.Coverage[c])
	}
	fmt.Fprintf(w, "\nLexicon forms: built-in %d, FreeDict %d\n", r.Lexicons["built-in"], r.Lexicons["freedict"])
	if len(r.Unknown) > 0 {
		fmt.Fprintf(w, "Words still unknown: %s\n", strings.Join(r.Unknown, ", "))
	}
}

func loadPUD(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Pair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var rec struct {
			Paragraphs   [][]string `json:"paragraphs"`
			ParagraphsEn [][]string `json:"paragraphs_en"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		for i := range rec.Paragraphs {
			if i >= len(rec.ParagraphsEn) || len(rec.Paragraphs[i]) != len(rec.ParagraphsEn[i]) {
				return nil, fmt.Errorf("%s:%d: paragraph %d: Arabic and English sentence counts differ", path, line, i)
			}
			for k := range rec.Paragraphs[i] {
				out = append(out, Pair{rec.Paragraphs[i][k], rec.ParagraphsEn[i][k]})
			}
		}
	}
	return out, sc.Err()
}

// loadFlores reads every document of an alignment set and pairs the sides of
// each gold bead that has both.
func loadFlores(dir string) ([]Pair, error) {
	docs, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Pair
	for _, d := range docs {
		if !d.IsDir() {
			continue
		}
		p := filepath.Join(dir, d.Name())
		src, err1 := readLines(filepath.Join(p, "src.txt"))
		tgt, err2 := readLines(filepath.Join(p, "tgt.txt"))
		gold, err3 := readLines(filepath.Join(p, "gold.txt"))
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, err
		}
		for n, bead := range gold {
			a, b, ok := strings.Cut(bead, "<=>")
			if !ok {
				return nil, fmt.Errorf("%s/gold.txt:%d: no <=>", p, n+1)
			}
			s, err1 := pick(src, a)
			t, err2 := pick(tgt, b)
			if err := errors.Join(err1, err2); err != nil {
				return nil, fmt.Errorf("%s/gold.txt:%d: %w", p, n+1, err)
			}
			if s != "" && t != "" {
				out = append(out, Pair{s, t})
			}
		}
	}
	return out, nil
}

func pick(lines []string, ids string) (string, error) {
	var parts []string
	for _, f := range strings.Split(ids, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		k, err := strconv.Atoi(f)
		if err != nil || k < 0 || k >= len(lines) {
			return "", fmt.Errorf("bad line number %q", f)
		}
		parts = append(parts, lines[k])
	}
	return strings.Join(parts, " "), nil
}

func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n"), nil
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
