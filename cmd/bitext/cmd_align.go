package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/urfave/cli/v2"

	"bitext/align"
	"bitext/arabic"
	"bitext/doc"
	"bitext/figures"
	"bitext/htmlpage"
	"bitext/internal/textfile"
	"bitext/segment"
	"bitext/tmx"
	"bitext/translate"
)

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "align",
			Usage:     "pair the sentences of an Arabic article with those of its existing English version",
			ArgsUsage: "ARABIC ENGLISH | ARABIC-DIR ENGLISH-DIR",
			Description: `Aligns paragraphs first (merged, split, dropped or added paragraphs and headings
are found), then the sentences inside each group of paired paragraphs. Beads may
pair 1-1, 2-1, 1-2, 3-1, 1-3 or 2-2 sentences, or leave a sentence unpaired
(1-0, 0-1). Every bead has a confidence; low ones are flagged in every format.
An English text that does not look like a translation of the Arabic (under
30% of the texts pair with confidence) is refused unless --force is given.
A dateline opening the first paragraph ("MOSCOW (Reuters) - ", "موسكو - (أ ف ب) -")
is a segment of its own in article and lines inputs, paired only with a dateline.

Scores combine sentence lengths, numbers (Arabic-Indic digits too), glossary
names, punctuation, Latin words and transliterated names, and a bilingual
lexicon: Debian's dict-freedict-ara-eng is used when installed, or give one
with --lexicon (dictd .index or TSV). --engine adds a score from a machine
translation of the Arabic; the engine is configured as for translate
(--engine-url, --engine-key, --model, --project, --location, --engine-option,
and BITEXT_ENGINE_URL, BITEXT_ENGINE_KEY, GOOGLE_API_KEY, GOOGLE_CLOUD_PROJECT),
and its answers are cached as translate's (--cache, --no-cache).

Given two folders, every .txt file of the first is aligned with its English
file in the second: the file of the same name, else the name with its
language tag turned to en (story.ar.txt: story.en.txt, story_ar.txt:
story_en.txt) or dropped (story.txt). One folder given twice pairs its files
tagged ar with their English ones. Each result is written into --out-dir under
the Arabic file's name (.beads, .json, .tmx, .html, .xlf). A pair that cannot
be aligned (no English file, another article, an unreadable file) is told on
stderr and skipped; the others are written and the run exits 1.

Input formats (--source-format, --target-format):
   article    blank lines separate paragraphs, split into sentences (default)
   lines      each line is a paragraph, split into sentences
   segments   each line is one segment, kept as is; blank lines separate blocks

Examples:
   bitext align article.ar.txt article.en.txt -o article.html --format html
   bitext align --segmented --format beads src.txt tgt.txt
   bitext align --format tmx --out-dir aligned/ archive/ar/ archive/en/
   bitext align --format tmx --out-dir aligned/ archive/ archive/
   bitext align --source-format segments --target-format lines src.txt tgt.para.txt
   bitext align --format json --lexicon /usr/share/dictd/freedict-ara-eng.index ar.txt en.txt
   bitext align --engine libretranslate --engine-url http://localhost:5000 ar.txt en.txt`,
			Flags: append([]cli.Flag{
				&cli.StringFlag{Name: "source-format", Value: "article", Usage: "Arabic input format: article|lines|segments"},
				&cli.StringFlag{Name: "target-format", Value: "article", Usage: "English input format: article|lines|segments"},
				&cli.BoolFlag{Name: "segmented", Usage: "both inputs hold one segment per line (--source-format segments --target-format segments)"},
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "beads", Usage: "output format: beads|json|" + formatNamesExcept("json")},
				&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "-", Usage: "output file, - for stdout"},
				&cli.StringFlag{Name: "out-dir", Usage: "with two folders: folder for the outputs, one per pair, named after the Arabic file (default: the current folder)"},
				&cli.StringFlag{Name: "lexicon", Usage: "Arabic–English lexicon: dictd .index or TSV; none to use no lexicon (default: " + align.DebianLexicon + " when installed)"},
				&cli.StringFlag{Name: "engine", Usage: "also score with a machine translation of the Arabic from this engine: " + autoEngineName + ", " + strings.Join(translate.Names(), ", ")},
				&cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary file (default: ./" + defaultGlossary + " when present)"},
				&cli.BoolFlag{Name: "force", Usage: "align even when the English does not look like a translation of the Arabic"},
				&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
			}, append(engineFlags(), cacheFlags()...)...),
			Action: func(c *cli.Context) error { return alignAction(c, e) },
		}
	})
}

// formatNamesExcept lists the bitext output formats without the named ones.
func formatNamesExcept(skip ...string) string {
	var out []string
	for _, n := range strings.Split(formatNames(), "|") {
		keep := true
		for _, s := range skip {
			keep = keep && n != s
		}
		if keep {
			out = append(out, n)
		}
	}
	return strings.Join(out, "|")
}

func alignAction(c *cli.Context, e *env) error {
	if c.NArg() != 2 {
		return usagef("align: want two input files, ARABIC and ENGLISH, or two folders, got %d", c.NArg())
	}
	srcFormat, tgtFormat := c.String("source-format"), c.String("target-format")
	if c.Bool("segmented") {
		srcFormat, tgtFormat = "segments", "segments"
	}
	for _, f := range []string{srcFormat, tgtFormat} {
		if f != "article" && f != "lines" && f != "segments" {
			return usagef("unknown input format %q (want article|lines|segments)", f)
		}
	}
	if err := formatFromOutput(c, append([]string{"beads"}, strings.Split(formatNames(), "|")...)); err != nil {
		return err
	}
	format := c.String("format")
	if format != "beads" && format != "json" && format != "tmx" {
		if _, err := lookupFormat(format); err != nil {
			return usagef("unknown --format %q (want beads|json|tmx|%s)", format, formatNamesExcept("json", "tmx"))
		}
	}
	if c.Args().Get(0) == "-" && c.Args().Get(1) == "-" {
		return usagef("align: only one input can be standard input")
	}
	srcDir, tgtDir := isDir(c.Args().Get(0)), isDir(c.Args().Get(1))
	switch {
	case srcDir && tgtDir:
		if c.IsSet("output") {
			return usagef("align: -o names one output: with two folders use --out-dir")
		}
	case srcDir || tgtDir:
		return usagef("align: give two files or two folders, not a file and a folder")
	case c.IsSet("out-dir"):
		return usagef("align: --out-dir is for two folders: name the output of one pair with -o")
	default:
		for _, in := range c.Args().Slice() {
			if sameFile(c.String("output"), in) {
				return usagef("align: -o %s would overwrite the input %s: choose another name", c.String("output"), in)
			}
		}
	}
	a := &aligner{c: c, e: e, srcFormat: srcFormat, tgtFormat: tgtFormat, format: format}
	var err error
	if a.opts.Lexicon, err = loadLexicon(c.String("lexicon")); err != nil {
		return err
	}
	if a.opts.Glossary, a.gversion, err = loadGlossary(c.String("glossary")); err != nil {
		return err
	}
	if name := c.String("engine"); name != "" {
		var cfg translate.Config
		a.eng, cfg, err = openEngine(c, e, name, "ar", "en", false, c.Bool("quiet"))
		if err != nil {
			return err
		}
		if cl, ok := a.eng.(io.Closer); ok {
			defer cl.Close()
		}
		if a.cache, err = openRunCache(c, a.eng); err != nil {
			return err
		}
		defer a.cache.warn(e)
		timeout, err := requestTimeout(c)
		if err != nil {
			return err
		}
		a.key = cfg.Key
		a.topts = translate.Options{SourceLang: "ar", TargetLang: "en", Glossary: a.opts.Glossary, GlossaryVersion: a.gversion,
			Model: cfg.Model, RequestTimeout: timeout}
		if a.cache != nil {
			a.topts.Cache = a.cache
		}
	}
	if srcDir {
		return a.folders(c.Args().Get(0), c.Args().Get(1), c.String("out-dir"))
	}
	output := c.String("output")
	n, err := a.pair(c.Args().Get(0), c.Args().Get(1), output)
	if err != nil {
		return err
	}
	if !c.Bool("quiet") && output != "-" {
		fmt.Fprintf(e.stderr, "bitext: wrote %s (%d beads, %d low-confidence%s)\n", output, n.beads, n.low, n.mismatches())
	}
	return nil
}

// aligner aligns pairs of files with one set of options, lexicon, glossary
// and engine.
type aligner struct {
	c                    *cli.Context
	e                    *env
	srcFormat, tgtFormat string
	format               string
	opts                 align.Options
	gversion             string
	eng                  translate.Engine
	cache                *storeOrWarn
	key                  string
	topts                translate.Options
}

// beadCounts counts the beads of one or more pairs of files, for the
// summary line.
type beadCounts struct {
	beads, low int
	// numbers counts the pairs whose figures differ (figures.Check): an
	// archive whose English gives another toll or date, or a pairing gone
	// wrong, that nobody should take into a memory unseen
	numbers int
}

func (n *beadCounts) add(o beadCounts) {
	n.beads, n.low, n.numbers = n.beads+o.beads, n.low+o.low, n.numbers+o.numbers
}

// mismatches is ", N number mismatches" for the summary line, as translate
// says it, or "" when every pair gives the same figures.
func (n beadCounts) mismatches() string {
	if n.numbers == 0 {
		return ""
	}
	return ", " + count(n.numbers, "number mismatch", "number mismatches")
}

// pair aligns the Arabic file srcPath with the English file tgtPath and
// writes the result to output; it returns the number of beads, of
// low-confidence ones and of those whose figures differ.
func (a *aligner) pair(srcPath, tgtPath, output string) (n beadCounts, err error) {
	src, err := readSide(srcPath, a.e.stdin, a.srcFormat, "ar")
	if err != nil {
		return n, err
	}
	tgt, err := readSide(tgtPath, a.e.stdin, a.tgtFormat, "en")
	if err != nil {
		return n, err
	}
	if err := checkScripts(src, tgt); err != nil {
		return n, err
	}
	// a dateline is no part of the first sentence: kept on it, it pairs
	// that sentence wrongly whenever only one side has one
	if a.srcFormat != "segments" {
		segment.SplitDateline(src)
	}
	if a.tgtFormat != "segments" {
		segment.SplitDateline(tgt)
	}
	opts := a.opts
	if a.eng != nil {
		opts.Translations, err = machineTranslate(a.c.Context, a.eng, src, a.topts)
		if uerr := configProblem(err, a.key); uerr != nil {
			return n, uerr
		}
		if err != nil {
			return n, translate.Redact(err, a.key)
		}
	}
	bs := align.Document(src, tgt, opts)
	if !a.c.Bool("force") {
		if err := checkTranslation(src, tgt, bs); err != nil {
			return n, err
		}
	}
	bt := beadBitext(src, tgt, bs)
	var out outputFormat
	switch a.format {
	case "beads":
		out = outputFormat{ext: ".txt", write: func(w io.Writer, _ *doc.Bitext) error { return writeBeadList(w, bs) }}
	case "json":
		out = outputFormat{ext: ".json", write: func(w io.Writer, bt *doc.Bitext) error { return writeBeadJSON(w, src, tgt, bs, bt) }}
	case "tmx":
		out = outputFormat{ext: ".tmx", write: writeBeadTMX}
	case "html":
		out = htmlFormat(a.c)
	default:
		out, _ = lookupFormat(a.format)
	}
	if err := writeOutput(a.e, output, out, bt); err != nil {
		return n, err
	}
	n.beads = len(bs)
	for _, b := range bs {
		if b.Low() {
			n.low++
		}
	}
	for _, u := range bt.Units {
		if u.HasFlag(doc.FlagNumberMismatch) {
			n.numbers++
		}
	}
	return n, nil
}

// folders aligns every .txt file of srcDir with its English file in tgtDir
// (see englishPartner), writing each result into outDir under the Arabic
// file's name; srcDir and tgtDir may be one folder holding both sides. A
// pair that fails (no English file, another article, an unreadable file) is
// told on stderr and the others go on; the run then exits 1.
func (a *aligner) folders(srcDir, tgtDir, outDir string) error {
	names, err := filepath.Glob(filepath.Join(srcDir, "*.txt"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("%s: is a folder with no .txt articles in it", srcDir)
	}
	sort.Strings(names)
	oneDir := sameFile(srcDir, tgtDir)
	if oneDir {
		// One folder holds both sides: its Arabic files are those tagged so.
		arabic := names[:0]
		for _, n := range names {
			if languageTag(filepath.Base(n)) == "ar" {
				arabic = append(arabic, n)
			}
		}
		if names = arabic; len(names) == 0 {
			return fmt.Errorf("%s: given as both folders, it has no Arabic file named with an ar tag (story.ar.txt, story_ar.txt) to pair with its English", srcDir)
		}
	}
	if outDir == "" {
		outDir = "."
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return fmt.Errorf("--out-dir: %w", err)
	}
	ext := map[string]string{"beads": ".beads", "json": ".json", "tmx": ".tmx", "html": ".html"}[a.format]
	if ext == "" {
		f, _ := lookupFormat(a.format)
		ext = f.ext
	}
	var failed, done int
	var total beadCounts
	for _, src := range names {
		base := filepath.Base(src)
		tgt, tried := englishPartner(src, tgtDir)
		output := filepath.Join(outDir, strings.TrimSuffix(base, ".txt")+ext)
		var err error
		switch {
		case tgt == "":
			err = fmt.Errorf("%s: no English file %s", src, strings.Join(tried, " or "))
		case sameFile(output, src) || sameFile(output, tgt):
			err = fmt.Errorf("%s: the output %s would overwrite an input: choose another --out-dir", src, output)
		default:
			var n beadCounts
			n, err = a.pair(src, tgt, output)
			total.add(n)
		}
		if err != nil {
			var ue usageError
			if a.c.Context.Err() != nil || errors.As(err, &ue) {
				// an interrupted run, or an engine set up wrong: every
				// other pair would fail the same way
				return err
			}
			failed++
			fmt.Fprintf(a.e.stderr, "bitext: skipped: %v\n", strings.TrimPrefix(err.Error(), "align: "))
			continue
		}
		done++
	}
	if !a.c.Bool("quiet") {
		fmt.Fprintf(a.e.stderr, "bitext: aligned %s into %s (%s, %d low-confidence%s)\n", count(done, "pair", "pairs"), outDir,
			count(total.beads, "bead", "beads"), total.low, total.mismatches())
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d pairs not aligned (see above)", failed, failed+done)
	}
	return nil
}

// englishPartner returns the file of tgtDir that holds the English of the
// Arabic file src, or "" and the names it tried: the file of the same name,
// else the name with its language tag turned to English (story.ar.txt:
// story.en.txt, story_ar.txt: story_en.txt) or dropped (story.txt). Archives
// name the two sides either way.
func englishPartner(src, tgtDir string) (string, []string) {
	base := filepath.Base(src)
	candidates := []string{filepath.Join(tgtDir, base)}
	if languageTag(base) == "ar" {
		stem := strings.TrimSuffix(base, ".txt")
		sep, untagged := stem[len(stem)-3:len(stem)-2], stem[:len(stem)-3]
		candidates = append(candidates,
			filepath.Join(tgtDir, untagged+sep+"en.txt"),
			filepath.Join(tgtDir, untagged+".txt"))
	}
	var tried []string
	for _, c := range candidates {
		if sameFile(c, src) {
			continue // one folder holding both sides
		}
		if isFile(c) {
			return c, nil
		}
		tried = append(tried, c)
	}
	return "", tried
}

// languageTag returns "ar" or "en" when a .txt file's name ends in that
// language tag after a dot, hyphen or underscore (story.ar.txt, story-en.txt),
// else "".
func languageTag(base string) string {
	stem := strings.TrimSuffix(base, ".txt")
	if len(stem) < 4 || !strings.ContainsRune("._-", rune(stem[len(stem)-3])) {
		return ""
	}
	switch tag := strings.ToLower(stem[len(stem)-2:]); tag {
	case "ar", "en":
		return tag
	}
	return ""
}

// isDir reports whether path names an existing folder.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// isFile reports whether path names an existing file that is not a folder.
func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir()
}

// checkScripts refuses inputs given in the wrong order or in the wrong
// script: aligning an English text as the Arabic side gives confident-looking
// nonsense.
func checkScripts(src, tgt *doc.Document) error {
	ar, en := arabicShare(src.Source), arabicShare(tgt.Source)
	switch {
	case ar < 0.2 && en > 0.5:
		return usagef("align: %s looks English and %s Arabic: give the Arabic text first", src.Name, tgt.Name)
	case ar < 0.2:
		return usagef("align: %s, the Arabic side, has almost no Arabic letters", src.Name)
	case en > 0.5:
		return usagef("align: %s, the English side, is mostly Arabic letters", tgt.Name)
	}
	return nil
}

// minConfidentShare is the least share of both texts that a translation pairs
// with confidence. On the alignment dev set, the English versions (sentences
// merged, split and dropped) pair 34 % or more, and the English of another
// document of the same site 18 % or less with FreeDict (53 % or less without
// a lexicon, where only names and numbers tell).
const minConfidentShare = 0.3

// minCheckedSegments is the least number of Arabic sentences for which the
// share says anything: a headline alone may well pair with nothing.
const minCheckedSegments = 3

// checkTranslation refuses to align an English text that is not a version of
// the Arabic (the wrong file of an archive, another day's article): its beads
// would be confident-looking nonsense in a translation memory.
func checkTranslation(src, tgt *doc.Document, beads []align.Bead) error {
	st, _ := align.SegmentIndex(src)
	tt, _ := align.SegmentIndex(tgt)
	if len(st) < minCheckedSegments {
		return nil
	}
	if share := align.ConfidentShare(st, tt, beads); share < minConfidentShare {
		return fmt.Errorf("align: %s does not look like a translation of %s: only %.0f%% of their text pairs with confidence (a translation pairs %.0f%% or more); check that the files belong together, or give --force to align them anyway",
			tgt.Name, src.Name, 100*share, 100*minConfidentShare)
	}
	return nil
}

// arabicShare is the share of Arabic letters among the letters of text.
func arabicShare(text string) float64 {
	letters, arabicLetters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if arabic.IsArabicLetter(r) {
				arabicLetters++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(arabicLetters) / float64(letters)
}

// readSide reads one input and cuts it into blocks and segments as format says.
func readSide(path string, stdin io.Reader, format, lang string) (*doc.Document, error) {
	text, err := textfile.Read(path, stdin)
	if err != nil {
		return nil, err
	}
	name := path
	if path == "-" {
		name = "stdin"
	}
	if format == "article" {
		// An article is read as translate and segment read it: its front
		// matter is page settings, not text (blanked, so offsets stay the
		// file's).
		if _, text, err = htmlpage.SplitFrontMatter(name, text); err != nil {
			return nil, err
		}
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s: the file is empty or only white space", name)
	}
	switch format {
	case "lines":
		return linesDocument(name, text, lang, true), nil
	case "segments":
		return segmentsDocument(name, text, lang), nil
	}
	return segment.Split(name, text, lang), nil
}

// lineRanges returns the [start, end) byte ranges of the lines of text, trimmed
// of surrounding white space; blank lines give empty ranges.
func lineRanges(text string) [][2]int {
	var out [][2]int
	space := func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }
	for pos := 0; pos <= len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		line := text[pos:end]
		s := pos + len(line) - len(strings.TrimLeftFunc(line, space))
		e := pos + len(strings.TrimRightFunc(line, space))
		out = append(out, [2]int{s, max(s, e)})
		if end == len(text) {
			break
		}
		pos = end + 1
	}
	return out
}

// linesDocument makes each non-blank line a paragraph, split into sentences.
func linesDocument(name, text, lang string, split bool) *doc.Document {
	d := &doc.Document{Name: name, Lang: lang, Source: text}
	for _, r := range lineRanges(text) {
		if r[1] == r[0] {
			continue
		}
		b := doc.Block{Kind: doc.Paragraph, Start: r[0], End: r[1]}
		for _, s := range segment.Sentences(text[r[0]:r[1]], lang) {
			b.Segments = append(b.Segments, doc.Segment{Start: r[0] + s.Start, End: r[0] + s.End, Text: s.Text})
		}
		d.Blocks = append(d.Blocks, b)
	}
	return d
}

// segmentsDocument keeps each non-blank line as one segment; blank lines
// separate blocks.
func segmentsDocument(name, text, lang string) *doc.Document {
	d := &doc.Document{Name: name, Lang: lang, Source: text}
	var cur *doc.Block
	for _, r := range lineRanges(text) {
		if r[1] == r[0] {
			cur = nil
			continue
		}
		if cur == nil {
			d.Blocks = append(d.Blocks, doc.Block{Kind: doc.Paragraph, Start: r[0]})
			cur = &d.Blocks[len(d.Blocks)-1]
		}
		cur.End = r[1]
		cur.Segments = append(cur.Segments, doc.Segment{Start: r[0], End: r[1], Text: text[r[0]:r[1]]})
	}
	return d
}

// loadLexicon loads path; "" means Debian's FreeDict when it is installed,
// "none" means no lexicon.
func loadLexicon(path string) (*align.Lexicon, error) {
	switch path {
	case "none":
		return nil, nil
	case "":
		if _, err := os.Stat(align.DebianLexicon); err != nil {
			return nil, nil
		}
		path = align.DebianLexicon
	}
	lex, err := align.LoadLexicon(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("lexicon %s: no such file", path)
		}
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return lex, nil
}

// machineTranslate translates every segment of src with eng through
// translate's pipeline, each segment a paragraph of its own: requests are
// batched within the engine's limits, retried and timed out as translate's
// are, answers are cached as opts says, and the glossary's names are
// protected and put back. The segments keep their place in src, so that a
// failure names src's file and line.
func machineTranslate(ctx context.Context, eng translate.Engine, src *doc.Document, opts translate.Options) ([]string, error) {
	d := &doc.Document{Name: src.Name, Lang: "ar", Source: src.Source}
	for _, b := range src.Blocks {
		for _, s := range b.Segments {
			d.Blocks = append(d.Blocks, doc.Block{Kind: doc.Paragraph, Start: s.Start, End: s.End,
				Segments: []doc.Segment{s}, Wrapped: strings.Contains(s.Text, "\n")})
		}
	}
	res, err := translate.RunMany(ctx, eng, []*doc.Document{d}, opts)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(d.Blocks))
	for _, u := range res.Bitexts[0].Units {
		out[u.Block] = strings.TrimSpace(out[u.Block] + " " + u.Target)
	}
	return out, nil
}

// writeBeadList writes the bead list format of the alignment data: one bead a
// line, "SRC<=>TGT" with 0-based segment numbers. A comment line before a
// bead flags a low confidence (scorers skip lines starting with #).
func writeBeadList(w io.Writer, beads []align.Bead) error {
	var b strings.Builder
	for _, bd := range beads {
		if bd.Low() {
			fmt.Fprintf(&b, "# low-confidence %.2f\n", bd.Confidence)
		}
		b.WriteString(align.FormatBead(bd))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonSegment struct {
	Block int    `json:"block"`
	Text  string `json:"text"`
}

type jsonBead struct {
	Source        []jsonSegment `json:"source"`
	Target        []jsonSegment `json:"target"`
	Confidence    float64       `json:"confidence"`
	LowConfidence bool          `json:"low_confidence"`
	// Numbers says which figures differ between the two sides, only in
	// a bead where they do (see figures.Check)
	Numbers []string `json:"numbers,omitempty"`
}

// writeBeadJSON writes {"beads": [{"source": [{"block", "text"}], "target": [...], "confidence"}]};
// bt holds the unit of each bead (beadBitext), whose figure mismatches a bead
// carries as "numbers".
func writeBeadJSON(w io.Writer, src, tgt *doc.Document, beads []align.Bead, bt *doc.Bitext) error {
	st, sb := align.SegmentIndex(src)
	tt, tb := align.SegmentIndex(tgt)
	side := func(idx []int, texts []string, blocks []int) []jsonSegment {
		out := []jsonSegment{}
		for _, k := range idx {
			out = append(out, jsonSegment{Block: blocks[k], Text: texts[k]})
		}
		return out
	}
	var v struct {
		Beads []jsonBead `json:"beads"`
	}
	v.Beads = []jsonBead{}
	for i, b := range beads {
		jb := jsonBead{
			Source: side(b.Source, st, sb), Target: side(b.Target, tt, tb),
			Confidence: float64(int(b.Confidence*1000+0.5)) / 1000, LowConfidence: b.Low(),
		}
		for _, note := range bt.Units[i].Notes {
			if m, ok := strings.CutPrefix(note, figures.NotePrefix); ok {
				jb.Numbers = append(jb.Numbers, m)
			}
		}
		v.Beads = append(v.Beads, jb)
	}
	return writeJSON(w, v)
}

// beadBitext turns beads into bilingual units for the bitext writers: one unit
// per bead, in the block of its first source segment.
func beadBitext(src, tgt *doc.Document, beads []align.Bead) *doc.Bitext {
	st, sb := align.SegmentIndex(src)
	tt, _ := align.SegmentIndex(tgt)
	// position of each source segment inside its block
	within := make([]int, len(st))
	for k := range st {
		if k > 0 && sb[k] == sb[k-1] {
			within[k] = within[k-1] + 1
		}
	}
	bt := &doc.Bitext{SourceLang: src.Lang, TargetLang: tgt.Lang, Name: src.Name, Source: src}
	block := 0
	for _, b := range beads {
		var u doc.Unit
		var parts []string
		for _, k := range b.Source {
			if len(parts) == 0 {
				block = sb[k]
			}
			if sb[k] == block {
				u.Segments = append(u.Segments, within[k])
			}
			parts = append(parts, st[k])
		}
		u.Block = block
		if block < len(src.Blocks) {
			u.Kind = src.Blocks[block].Kind
		}
		u.Source = strings.Join(parts, " ")
		parts = parts[:0]
		for _, k := range b.Target {
			parts = append(parts, tt[k])
		}
		u.Target = strings.Join(parts, " ")
		u.Confidence = b.Confidence
		u.Terms = []doc.TermHit{}
		switch {
		case u.Target == "":
			u.State = doc.StateNew
			u.AddFlag(doc.FlagUntranslated)
			u.Notes = append(u.Notes, "alignment: no English sentence corresponds")
		case u.Source == "":
			u.State = doc.StateReviewed
			u.Origin = "alignment"
			u.Notes = append(u.Notes, "alignment: English sentence with no Arabic counterpart")
		default:
			u.State = doc.StateReviewed
			u.Origin = "alignment"
			// a published English that gives another toll or date, or a
			// pairing gone wrong: either way for an editor to see
			figures.Mark(&u, figures.Check(u.Source, u.Target))
		}
		if b.Low() {
			u.AddFlag(doc.FlagLowConfidence)
			u.Notes = append(u.Notes, fmt.Sprintf("alignment confidence %.2f", b.Confidence))
		}
		bt.Units = append(bt.Units, u)
	}
	translate.AssignIDs(bt.Units)
	return bt
}

// memoryText is a segment as a translation memory should keep it: text
// copied from a web page brings no-break and other odd spaces, direction
// marks and zero-width characters that nobody sees, and a memory that keeps
// them shows every later match as "spelled otherwise" and hands them on to
// new translations. They become plain spaces, runs of spaces one, or go.
func memoryText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == 0x200B || r == 0xFEFF || r == 0x2060 || r == 0x00AD || arabic.IsDirectionControl(r):
			return -1
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// writeBeadTMX writes the paired beads as a translation memory, each with the
// Arabic file's name as its article; beads with an empty side have nothing to
// remember, and web boilerplate is no translation (translate's TMX leaves it
// out too).
func writeBeadTMX(w io.Writer, bt *doc.Bitext) error {
	d := &tmx.Document{Header: tmx.Header{SegType: "sentence", SrcLang: bt.SourceLang, DataType: "plaintext"}}
	for _, u := range bt.Units {
		if u.Source == "" || u.Target == "" || u.Kind == doc.Boilerplate {
			continue
		}
		tu := tmx.Unit{ID: u.ID, Variants: []tmx.Variant{{Lang: bt.SourceLang, Text: memoryText(u.Source)}, {Lang: bt.TargetLang, Text: memoryText(u.Target)}}}
		if bt.Name != "" {
			// the article the pair comes from, as translate's and
			// publish's TMX name it: tm import keeps it with the pair
			tu.Props = append(tu.Props, tmx.Prop{Type: tmx.PropArticle, Value: bt.Name})
		}
		tu.Props = append(tu.Props, tmx.Prop{Type: "x-alignment-confidence", Value: fmt.Sprintf("%.2f", u.Confidence)})
		// tm import leaves out a pair flagged either way unless --all: a
		// memory must not hand on an uncertain pairing, nor another toll
		// or date than the Arabic's
		for _, f := range []doc.Flag{doc.FlagLowConfidence, doc.FlagNumberMismatch} {
			if u.HasFlag(f) {
				tu.Props = append(tu.Props, tmx.Prop{Type: "x-flag", Value: string(f)})
			}
		}
		d.Units = append(d.Units, tu)
	}
	return tmx.Write(w, d)
}
