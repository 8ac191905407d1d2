package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"bitext/doc"
	"bitext/glossary"
	"bitext/internal/textfile"
	"bitext/segment"
	"bitext/tm"
	"bitext/translate"
	_ "bitext/translate/google"
	_ "bitext/translate/googlev2"
	_ "bitext/translate/libre"
	_ "bitext/translate/openai"
	"bitext/xliff"
)

const defaultGlossary = "glossary.yaml"

// defaultPrice is what Google charges per million characters (USD).
const defaultPrice = 20.0

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "translate",
			Usage:     "translate Arabic articles into bilingual pages or XLIFF files",
			ArgsUsage: "FILE|DIR|- ...",
			Description: `Splits each article into headings, paragraphs and sentences, finds the glossary's
names, translates each paragraph with the chosen engine, aligns the sentences and
writes the bilingual result. Names from the glossary are protected: the engine sees
a placeholder and the English comes from the glossary; a paragraph whose
placeholders come back damaged is sent again alone, and flagged if still damaged.
A unit whose English lacks a figure of its Arabic, or has one it lacks, is flagged
number-mismatch with a note naming the figure.

Answers are cached (--cache) by engine, model, glossary and text: running again
sends nothing, and after an edit only the changed paragraphs are sent.
Several files, or a directory of .txt files, are translated together, sharing
requests; outputs go to --out-dir.

Engines (--engine):
   auto             the default: google when Google credentials are configured,
                    google-v2 when a Google API key is, the --engine-url service,
                    and otherwise the offline gist; it says which on stderr
                    (a Google project without credentials is an error, not a gist)
   gist             offline word-by-word gloss, clearly marked: never a translation; ar→en only
   none             no machine translation: units are left for a translator
   google           Cloud Translation Advanced (v3): --project or GOOGLE_CLOUD_PROJECT,
                    --location (global), Application Default Credentials
                    (gcloud auth application-default login); --model, --engine-glossary
   google-v2        Cloud Translation Basic (v2): API key in BITEXT_ENGINE_KEY or GOOGLE_API_KEY
   libretranslate   LibreTranslate server: --engine-url http://host:5000, key if the server wants one
   openai           OpenAI-compatible chat API: --engine-url (default https://api.openai.com/v1,
                    Ollama: http://localhost:11434/v1), --model, key in BITEXT_ENGINE_KEY

Examples:
   bitext translate article.txt                       # writes article.html
   bitext translate --format xliff article.txt        # writes article.xlf for a CAT tool
   bitext translate --format json -o - article.txt    # JSON units on stdout
   cat article.txt | bitext translate -o out.html -
   bitext translate --engine google --project my-proj --dry-run article.txt   # cost estimate
   bitext translate --engine libretranslate --engine-url http://localhost:5000 --out-dir en/ articles/
   BITEXT_ENGINE_KEY=sk-... bitext translate --engine openai --model gpt-4o-mini --json article.txt`,
			Flags: append(append(append([]cli.Flag{
				&cli.StringFlag{Name: "engine", Value: autoEngineName, Usage: "translation engine: auto (google when configured, else the --engine-url service, else the offline gist), " + strings.Join(translate.Names(), ", ")},
			}, engineFlags()...), cacheFlags()...), append([]cli.Flag{
				&cli.BoolFlag{Name: "dry-run", Usage: "print the requests and characters that would be sent, and their cost; send nothing (no key needed)"},
				&cli.Float64Flag{Name: "price", Value: defaultPrice, Usage: "price per million characters for the --dry-run estimate"},
				&cli.IntFlag{Name: "concurrency", Value: 4, Usage: "requests in flight at once"},
				&cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary file (default: ./" + defaultGlossary + " when present)"},
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "html", Usage: "output format: " + formatNames()},
				&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output file, - for stdout (one input only; default: input name with the format's extension)"},
				&cli.StringFlag{Name: "out-dir", Usage: "folder for the outputs (default: the current folder)"},
				&cli.StringFlag{Name: "source-lang", Value: "ar", Usage: "language of the articles"},
				&cli.StringFlag{Name: "target-lang", Value: "en", Usage: "language to translate into"},
				&cli.BoolFlag{Name: "json", Usage: "print the run's report as JSON on stdout"},
				&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
				&cli.BoolFlag{Name: "force", Usage: "replace an existing XLIFF output even if it holds an editor's work"},
				flavourFlag(),
			}, append(pageFlags(), translateMemoryFlags()...)...)...),
			Action: func(c *cli.Context) error { return translateAction(c, e) },
		}
	})
}

// job is one input and where its output goes.
type translateInput struct {
	path, name, output string
	doc                *doc.Document
	page               pageSettings // the HTML page's settings, from flags and front matter
}

// translateReport is what --json prints.
type translateReport struct {
	Engine        string           `json:"engine"`
	Model         string           `json:"model,omitempty"`
	DryRun        bool             `json:"dry_run"`
	Files         []fileReport     `json:"files"`
	Stats         translate.Stats  `json:"stats"`
	PricePerMChar float64          `json:"price_per_million_chars"`
	EstimatedCost float64          `json:"estimated_cost"`
	Flags         map[doc.Flag]int `json:"flags"`
	Skipped       []string         `json:"skipped"`     // articles not translated or not written; [] when none
	Interrupted   bool             `json:"interrupted"` // stopped by Ctrl-C or SIGTERM: files lists what was written
	Error         string           `json:"error"`       // why the run exits non-zero, as stderr says it; "" when it succeeded
}

// writeReport prints rep as --json does, with the cost of the characters
// billed so far (a failed run has paid for them too) and err, the run's
// failure (nil for none).
func writeReport(w io.Writer, rep translateReport, err error) error {
	rep.EstimatedCost = float64(rep.Stats.Characters) * rep.PricePerMChar / 1e6
	rep.Error = ""
	if err != nil {
		rep.Error = err.Error()
	}
	return writeJSON(w, rep)
}

type fileReport struct {
	Input  string `json:"input"`
	Output string `json:"output"` // in a dry run, what would be written
	Units  int    `json:"units"`  // 0 in a dry run
}

func translateAction(c *cli.Context, e *env) error {
	if c.NArg() == 0 {
		return usagef("translate: want one input file or more, a directory, or - for stdin")
	}
	if err := formatFromOutput(c, strings.Split(formatNames(), "|")); err != nil {
		return err
	}
	format, err := lookupFormat(translateFormat(c))
	if err != nil {
		return err
	}
	if c.Int("concurrency") < 1 {
		return usagef("--concurrency: want 1 or more, got %d", c.Int("concurrency"))
	}
	if c.Float64("price") < 0 {
		return usagef("--price: want 0 or more, got %g", c.Float64("price"))
	}
	if s := c.Float64("fuzzy"); s <= 0 || s > 1 {
		return usagef("translate: --fuzzy %v is not in (0, 1]", s)
	}
	if err := checkFlavour(c.String("format"), c.String("flavour"), c.String("output")); err != nil {
		return err
	}
	inputs, skipped, err := translateInputs(c, format)
	if err != nil {
		return err
	}
	if !c.Bool("force") && !c.Bool("dry-run") {
		kept := inputs[:0]
		for _, in := range inputs {
			if err := keepReviewedXLIFF(in.output, c.String("update"), true); err != nil {
				if len(inputs)+len(skipped) == 1 {
					return err
				}
				// In a folder, the article whose review would be lost waits;
				// the others go on.
				skipped = append(skipped, fmt.Errorf("%w (--update takes one article: bitext translate --update %s %s)", err, in.output, in.path))
				continue
			}
			kept = append(kept, in)
		}
		inputs = kept
	}
	for _, err := range skipped {
		fmt.Fprintf(e.stderr, "bitext: skipped: %v\n", err)
	}
	if c.Bool("json") {
		for _, in := range inputs {
			if in.output == "-" {
				return usagef("--json prints the report on stdout: write the output to a file (-o FILE)")
			}
		}
	}
	matcher, gversion, err := loadGlossary(c.String("glossary"))
	if err != nil {
		return err
	}
	eng, cfg, err := openEngine(c, e, c.String("engine"), c.String("source-lang"), c.String("target-lang"), c.Bool("dry-run"), c.Bool("quiet") || c.Bool("json"))
	if err != nil {
		return err
	}
	if cl, ok := eng.(io.Closer); ok {
		defer cl.Close()
	}
	rep := translateReport{Engine: eng.Name(), Model: cfg.Model, DryRun: c.Bool("dry-run"), Files: []fileReport{},
		PricePerMChar: c.Float64("price"), Flags: map[doc.Flag]int{}, Skipped: []string{}}
	for _, err := range skipped {
		rep.Skipped = append(rep.Skipped, err.Error())
	}
	if len(inputs) == 0 {
		// Every article of the batch was skipped: the report still says why.
		err := fmt.Errorf("no article to translate: all %d skipped (see above)", len(skipped))
		if c.Bool("json") {
			if jerr := writeReport(e.stdout, rep, err); jerr != nil {
				return jerr
			}
		}
		return err
	}
	if matcher == nil && !c.Bool("quiet") && !c.Bool("json") {
		// Run from another folder, the names would be spelled by the engine
		// without anything saying so.
		fmt.Fprintf(e.stderr, "bitext: no glossary: %s is not in this folder and --glossary names none; names are left to the engine\n", defaultGlossary)
	}
	timeout, err := requestTimeout(c)
	if err != nil {
		return err
	}
	opts := translate.Options{
		RequestTimeout:  timeout,
		SourceLang:      c.String("source-lang"),
		TargetLang:      c.String("target-lang"),
		Glossary:        matcher,
		GlossaryVersion: gversion,
		Model:           cfg.Model,
		Concurrency:     c.Int("concurrency"),
		DryRun:          c.Bool("dry-run"),
	}
	cache, err := openRunCache(c, eng)
	if err != nil {
		return err
	}
	if cache != nil {
		opts.Cache = cache
	}
	quiet := c.Bool("quiet")
	var bar *progressBar
	if e.stderrIsTerminal && !quiet && !opts.DryRun {
		bar = &progressBar{w: e.stderr}
		opts.Progress = bar.update
	}
	mem, err := openRunMemory(c, e, &opts)
	if err != nil {
		return err
	}
	if mem != nil {
		defer mem.Memory().Close()
	}
	if c.String("update") != "" && len(inputs) != 1 {
		return usagef("--update takes one article, got %d", len(inputs))
	}
	// Articles go in batches, each written as soon as it is translated: an
	// interrupted folder run keeps what it finished, and the articles of a
	// batch still share requests.
	progress, done, total := opts.Progress, 0, len(inputs)+len(skipped)
	for lo := 0; lo < len(inputs); lo += translateBatch {
		batch := inputs[lo:min(len(inputs), lo+translateBatch)]
		if progress != nil {
			before := done
			opts.Progress = func(p translate.Progress) {
				p.Done += before
				p.Total += before
				progress(p)
			}
		}
		res, err := translateBatchOf(c, e, eng, mem, batch, opts)
		if uerr := configProblem(err, cfg.Key); uerr != nil {
			bar.finish()
			return uerr
		}
		if err != nil {
			if res != nil {
				// What was sent before the failure is billed all the same.
				rep.Stats.Add(res.Stats)
			}
			bar.finish()
			cache.warn(e)
			resume := ""
			if opts.Cache != nil && !opts.DryRun && cache.failed() == nil {
				resume = "; the translations received are cached: the same command resumes"
			}
			if c.Context.Err() != nil {
				// Ctrl-C or SIGTERM: the article named in the error is only
				// where the run happened to be.
				err = interrupted{fmt.Errorf("%d of %d articles written%s", len(rep.Files), len(inputs), resume)}
				rep.Interrupted = true
			} else if resume != "" {
				err = fmt.Errorf("%w (%d of %d articles written%s)", err, len(rep.Files), len(inputs), resume)
			}
			err = translate.Redact(err, cfg.Key)
			if c.Bool("json") {
				// What was written is listed for the pipeline that resumes.
				if jerr := writeReport(e.stdout, rep, err); jerr != nil {
					return jerr
				}
			}
			return err
		}
		done += res.Stats.Segments
		rep.Stats.Add(res.Stats)
		for i, in := range batch {
			if opts.DryRun {
				rep.Files = append(rep.Files, fileReport{Input: in.name, Output: in.output})
				continue
			}
			bt := res.Bitexts[i]
			tmx, err := writeBitext(e, in.output, c.String("format"), c.String("flavour"), in.page.format(format), bt)
			if err != nil {
				bar.finish()
				if total == 1 {
					if c.Bool("json") {
						rep.Skipped = append(rep.Skipped, err.Error())
						if jerr := writeReport(e.stdout, rep, err); jerr != nil {
							return jerr
						}
					}
					return err
				}
				// A full disk or a folder in the way costs this article
				// only: the others of the batch are translated already.
				fmt.Fprintf(e.stderr, "bitext: skipped: %v\n", err)
				skipped = append(skipped, err)
				rep.Skipped = append(rep.Skipped, err.Error())
				continue
			}
			for _, u := range bt.Units {
				for _, f := range u.Flags {
					rep.Flags[f]++
				}
			}
			f := fileReport{Input: in.name, Output: in.output, Units: writtenUnits(c.String("format"), bt)}
			rep.Files = append(rep.Files, f)
			if !quiet && !c.Bool("json") {
				bar.finish()
				printWritten(e, f, c.String("format"), hasGist(bt))
				printOmegatTMX(e, tmx)
			}
		}
	}
	bar.finish()
	cache.warn(e)
	rep.EstimatedCost = float64(rep.Stats.Characters) * rep.PricePerMChar / 1e6
	var runErr error
	if len(skipped) > 0 {
		runErr = fmt.Errorf("%d of %d articles skipped (see above)", len(skipped), total)
	}
	switch {
	case c.Bool("json"):
		if err := writeReport(e.stdout, rep, runErr); err != nil {
			return err
		}
	case opts.DryRun:
		fmt.Fprintln(e.stdout, dryRunLine(rep, translate.IsLocal(eng), mem != nil))
	case !quiet:
		fmt.Fprintln(e.stderr, summaryLine(rep, translate.IsLocal(eng), mem != nil))
	}
	return runErr
}

// summaryLine is the line a run ends with on stderr. With a memory, it says
// how many paragraphs and headings came from it; units an engine left
// untranslated are counted when there are any; a local engine sends
// nothing, so its line counts no requests, cache, characters or retries.
func summaryLine(rep translateReport, local, memory bool) string {
	s := rep.Stats
	var b strings.Builder
	fmt.Fprintf(&b, "bitext: %s, %s", count(s.Documents, "file", "files"), count(s.Segments, "segment", "segments"))
	if !local {
		fmt.Fprintf(&b, " (%d cached)", s.CachedSegments)
	}
	if memory {
		fmt.Fprintf(&b, ", %d from memory", s.MemorySegments)
	}
	if !local {
		fmt.Fprintf(&b, ", %s, %d characters billed, %s", count(s.Requests, "request", "requests"), s.Characters, count(s.Retries, "retry", "retries"))
	}
	fmt.Fprintf(&b, ", %s, %s, %d damaged", count(s.GlossaryViolations, "glossary violation", "glossary violations"),
		count(s.NumberMismatches, "number mismatch", "number mismatches"), s.PlaceholderDamaged)
	if n := rep.Flags[doc.FlagUntranslated]; n > 0 && !local {
		// The engine answered nothing, or in the article's language: a run
		// that looks finished may hold little English.
		fmt.Fprintf(&b, ", %s untranslated", count(n, "unit", "units"))
	}
	fmt.Fprintf(&b, "; engine %s", rep.Engine)
	if local {
		b.WriteString(" (local engine, nothing sent)")
	}
	return b.String()
}

// dryRunLine is what --dry-run prints on stdout: what would be sent and
// its cost, or for a local engine that nothing would be.
func dryRunLine(rep translateReport, local, memory bool) string {
	s := rep.Stats
	fromMemory := ""
	if memory {
		fromMemory = fmt.Sprintf(", %d from memory", s.MemorySegments)
	}
	if local {
		return fmt.Sprintf("dry run, engine %s: would send nothing (local engine); %d segments%s", rep.Engine, s.Segments, fromMemory)
	}
	return fmt.Sprintf("dry run, engine %s: would send %d requests, %d characters (%d of %d segments already cached%s); estimated cost $%.4f at $%g per million characters",
		rep.Engine, s.Requests, s.Characters, s.CachedSegments, s.Segments, fromMemory, rep.EstimatedCost, rep.PricePerMChar)
}

// translateInputs reads the inputs (files, directories of .txt files, or -)
// and decides where each output goes. With several inputs, an article that
// cannot be read or is empty is skipped and its error returned in skipped,
// which may leave no input at all.
func translateInputs(c *cli.Context, format outputFormat) (_ []translateInput, skipped []error, _ error) {
	var paths []string
	for _, a := range c.Args().Slice() {
		fi, err := os.Stat(a)
		if a == "-" || err != nil || !fi.IsDir() {
			paths = append(paths, a)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(a, "*.txt"))
		if err != nil {
			return nil, nil, err
		}
		if len(matches) == 0 {
			return nil, nil, fmt.Errorf("%s: is a directory with no .txt articles in it", a)
		}
		sort.Strings(matches)
		paths = append(paths, matches...)
	}
	output, outDir := c.String("output"), c.String("out-dir")
	if len(paths) > 1 {
		if output != "" {
			return nil, nil, usagef("-o names one output: with %d inputs use --out-dir", len(paths))
		}
		if contains(paths, "-") {
			return nil, nil, usagef("- (stdin) must be the only input")
		}
	}
	if output != "" && outDir != "" {
		return nil, nil, usagef("use -o or --out-dir, not both")
	}
	if outDir != "" && contains(paths, "-") {
		return nil, nil, usagef("- (stdin) has no name to write into --out-dir: name the output with -o")
	}
	if outDir != "" && !c.Bool("dry-run") {
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			return nil, nil, err
		}
	}
	var tmpl *template.Template
	if c.String("format") == "html" {
		var err error
		if tmpl, err = loadPageTemplate(c); err != nil {
			return nil, nil, err
		}
	}
	seen := map[string]string{}
	var out []translateInput
	for _, p := range paths {
		in, text, err := readTranslateInput(c, p, output, tmpl)
		if err != nil {
			if len(paths) == 1 {
				return nil, nil, err
			}
			// One bad article in a batch must not cost the others.
			skipped = append(skipped, err)
			continue
		}
		if in.output == "" {
			in.output = defaultOutput(p, format)
			if outDir != "" && in.output != "-" {
				in.output = filepath.Join(outDir, in.output)
			}
		}
		for _, q := range paths {
			if sameFile(in.output, q) {
				return nil, nil, usagef("%s: the output would overwrite the article %s: choose another name with -o", in.output, q)
			}
		}
		if prev, dup := seen[in.output]; dup && in.output != "-" {
			return nil, nil, usagef("%s and %s would both be written to %s", prev, p, in.output)
		}
		seen[in.output] = p
		in.doc = segment.Split(in.name, text, c.String("source-lang"))
		out = append(out, in)
	}
	return out, skipped, nil
}

// readTranslateInput reads the article at path (- for stdin) and its page
// settings; an empty article is an error.
func readTranslateInput(c *cli.Context, path, output string, tmpl *template.Template) (translateInput, string, error) {
	in := translateInput{path: path, name: path, output: output}
	if path == "-" {
		in.name = "stdin"
	}
	text, err := textfile.Read(path, c.App.Reader)
	if err != nil {
		return in, "", err
	}
	if in.page, text, err = readPageSettings(c, in.name, text, tmpl); err != nil {
		return in, "", err
	}
	body := strings.TrimSpace(strings.TrimPrefix(text, "\ufeff"))
	if body == "" {
		return in, "", fmt.Errorf("%s: %w", in.name, textfile.ErrEmpty)
	}
	if head := strings.ToLower(body[:min(len(body), len("<!doctype html"))]); strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		// Its markup would be sent, and billed, as text.
		return in, "", fmt.Errorf("%s: an HTML page, not an article's text: save the article as plain text", in.name)
	}
	// An English text put through as Arabic would come out as a page that
	// looks finished, with English in the Arabic column.
	if c.String("source-lang") == "ar" && arabicShare(text) < 0.2 {
		return in, "", fmt.Errorf("%s: almost no Arabic letters: bitext translates Arabic articles (--source-lang ar); is this the English version?", in.name)
	}
	return in, text, nil
}

// translateBatch is how many articles are translated together before their
// outputs are written.
const translateBatch = 20

// translateBatchOf translates a batch of articles (with --update, the one
// article against the earlier file) and attaches the memory's fuzzy matches.
func translateBatchOf(c *cli.Context, e *env, eng translate.Engine, mem *tm.Cache, batch []translateInput, opts translate.Options) (*translate.Result, error) {
	docs := make([]*doc.Document, len(batch))
	for i, in := range batch {
		docs[i] = in.doc
	}
	var res *translate.Result
	var err error
	if path := c.String("update"); path != "" {
		res, err = runUpdate(c.Context, e, c.Bool("quiet"), path, batch[0].output, eng, docs[0], opts)
	} else {
		res, err = translate.RunMany(c.Context, eng, docs, opts)
	}
	if err != nil || mem == nil {
		return res, err
	}
	for _, bt := range res.Bitexts {
		if err := tm.AttachFuzzy(c.Context, mem, bt, c.Float64("fuzzy"), opts.Glossary); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// printWritten says on stderr where an output went.
func printWritten(e *env, f fileReport, format string, gist bool) {
	switch {
	case f.Output == "-":
	case format == "tmx" && gist:
		fmt.Fprintf(e.stderr, "bitext: wrote %s (%d translated pairs; a word-by-word gist never goes into a TMX)\n", f.Output, f.Units)
	case format == "tmx":
		fmt.Fprintf(e.stderr, "bitext: wrote %s (%d translated pairs)\n", f.Output, f.Units)
	default:
		fmt.Fprintf(e.stderr, "bitext: wrote %s (%d units)\n", f.Output, f.Units)
	}
}

// writtenUnits is how many units the output holds: for a TMX, the
// translated pairs (see isTranslation), else every unit.
func writtenUnits(format string, b *doc.Bitext) int {
	if format != "tmx" {
		return len(b.Units)
	}
	n := 0
	for i := range b.Units {
		if isTranslation(&b.Units[i]) {
			n++
		}
	}
	return n
}

// hasGist reports whether any unit of b is a word-by-word gist.
func hasGist(b *doc.Bitext) bool {
	for _, u := range b.Units {
		if u.State == doc.StateGist {
			return true
		}
	}
	return false
}

// keepReviewedXLIFF refuses to replace an existing XLIFF file at output that
// holds an editor's work (approved units, or targets that differ from the
// machine draft), unless it is the file --update reads: a second run of the
// same command must not wipe a review. canUpdate says whether the command
// has --update to suggest (translate has, convert has not).
func keepReviewedXLIFF(output, update string, canUpdate bool) error {
	if output == "-" || update != "" && sameFile(output, update) {
		return nil
	}
	if fi, err := os.Stat(output); err != nil || !fi.Mode().IsRegular() {
		// nothing there to lose, or a pipe or device (/dev/stdout, a
		// FIFO), whose reading would wait for ever
		return nil
	}
	f, err := os.Open(output)
	if err != nil {
		return nil // nothing there to lose
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	if isXLIFF, _ := xliff.Sniff(head[:n]); !isXLIFF {
		return nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	xf, err := xliff.Read(f, output)
	if err != nil {
		return fmt.Errorf("%s exists and is an XLIFF file that cannot be read (%v): not replacing it; use --force to replace it, or -o to write elsewhere", output, err)
	}
	if n := reviewedUnits(xf); n > 0 {
		keep := ""
		if canUpdate {
			keep = fmt.Sprintf("--update %s to keep that work, ", output)
		}
		return fmt.Errorf("%s holds an editor's work (%d of %d units edited, reviewed or approved): not replacing it; use %s-o to write elsewhere, or --force to replace it",
			output, n, len(xf.Units), keep)
	}
	return nil
}

// reviewedUnits counts the units of an XLIFF file that an editor worked on:
// approved or signed off, marked translated in XLIFF 1.2 (bitext writes its
// drafts as needs-review-translation), or with a target that is neither the
// machine draft stored beside it nor the copy of the source that the omegat
// flavour writes.
func reviewedUnits(f *xliff.File) int {
	n := 0
	for _, u := range f.Units {
		target := strings.TrimSpace(u.Target)
		edited := u.HasTarget && u.HasDraft && target != strings.TrimSpace(u.Draft) && target != strings.TrimSpace(u.Source)
		if u.Approved || edited || f.Version == "1.2" && u.State == "translated" {
			n++
		}
	}
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// loadGlossary loads path, or ./glossary.yaml when path is empty and that file
// exists, and returns its matcher and a version (hash of the file) for cache
// keys. It returns a nil matcher when there is no glossary to use.
func loadGlossary(path string) (*glossary.Matcher, string, error) {
	if path == "" {
		if _, err := os.Stat(defaultGlossary); errors.Is(err, os.ErrNotExist) {
			return nil, "", nil
		}
		path = defaultGlossary
	}
	g, err := glossary.Load(path)
	if err != nil {
		return nil, "", err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(data)
	return glossary.NewMatcher(g), hex.EncodeToString(sum[:8]), nil
}

// progressBar draws "[=====>    ] 12/40 segments · 3,210 chars · 1 retry"
// on one line of a terminal.
type progressBar struct {
	w     io.Writer
	drawn bool
}

func (b *progressBar) update(p translate.Progress) {
	if p.Total == 0 {
		return
	}
	const width = 30
	fill := p.Done * width / p.Total
	bar := strings.Repeat("=", fill) + strings.Repeat(" ", width-fill)
	fmt.Fprintf(b.w, "\r[%s] %d/%d segments · %d chars · %d retries ", bar, p.Done, p.Total, p.Characters, p.Retries)
	b.drawn = true
}

// finish ends the bar's line, so that other messages start on their own.
func (b *progressBar) finish() {
	if b != nil && b.drawn {
		fmt.Fprint(b.w, "\n")
		b.drawn = false
	}
}
