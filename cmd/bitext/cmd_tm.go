package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"bitext/doc"
	"bitext/internal/atomicfile"
	"bitext/internal/textfile"
	"bitext/tm"
	"bitext/translate"
	updatepkg "bitext/update"
	"bitext/xliff"
)

// memoryEnv names the environment variable that moves the default memory.
const memoryEnv = "BITEXT_TM"

// defaultMemoryPath is $BITEXT_TM, else memory.db in bitext's folder of the
// user's data: $XDG_DATA_HOME/bitext, ~/.local/share/bitext on Unix,
// ~/Library/Application Support/bitext on macOS, %AppData%\bitext on Windows;
// "" when none of them is set (a service or cron job without $HOME): a
// memory in whatever folder the job runs from would be a different one
// each time.
func defaultMemoryPath() string {
	if p := os.Getenv(memoryEnv); p != "" {
		return p
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "bitext", "memory.db")
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		if d, err := os.UserConfigDir(); err == nil {
			return filepath.Join(d, "bitext", "memory.db")
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "bitext", "memory.db")
	}
	return ""
}

// noMemoryPath is the error of a command that needs the memory when
// defaultMemoryPath has none.
var noMemoryPath = errors.New("no translation memory file: $" + memoryEnv + ", $XDG_DATA_HOME and $HOME are not set: use --tm FILE or set " + memoryEnv)

func tmFlag() cli.Flag {
	def := defaultMemoryPath()
	if def == "" {
		def = "none, as $HOME is not set"
	}
	return &cli.StringFlag{Name: "tm", Usage: "translation memory file (default: $" + memoryEnv + " or " + def + ")"}
}

// memoryPath returns the memory --tm names, given to the command or to its
// parent (bitext tm --tm FILE import), else the default.
func memoryPath(c *cli.Context) string {
	for _, lc := range c.Lineage() {
		if slices.Contains(lc.LocalFlagNames(), "tm") {
			if p := lc.String("tm"); p != "" {
				return p
			}
		}
	}
	return defaultMemoryPath()
}

// openMemory opens the memory named by --tm; with mustExist a missing file is
// an error that says how to make one.
func openMemory(c *cli.Context, mustExist bool) (*tm.Memory, error) {
	path := memoryPath(c)
	if path == "" {
		return nil, noMemoryPath
	}
	m, err := tm.Open(c.Context, path, tm.Options{MustExist: mustExist})
	if errors.Is(err, tm.ErrNotFound) {
		return nil, fmt.Errorf("no translation memory at %s (create one with 'bitext tm import FILE')", path)
	}
	if err != nil && !mustExist && memoryPath(c) == defaultMemoryPath() && os.Getenv(memoryEnv) == "" {
		// The default folder cannot be made (a read-only home in a
		// container): say how to put the memory elsewhere.
		if _, statErr := os.Stat(path); statErr != nil {
			err = fmt.Errorf("%w; --tm FILE or $%s puts the memory elsewhere", err, memoryEnv)
		}
	}
	return m, err
}

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:  "tm",
			Usage: "keep the translation memory: import, export, look up, search, correct, remove, count",
			Description: `The translation memory holds approved Arabic–English sentence pairs in one
SQLite file. 'bitext translate' takes exact matches from it instead of calling the
engine and offers fuzzy matches to the editor.`,
			Flags: []cli.Flag{tmFlag()}, // also before the subcommand
			Subcommands: []*cli.Command{
				tmImportCommand(e), tmExportCommand(e), tmLookupCommand(e), tmSearchCommand(e), tmRemoveCommand(e), tmCorrectCommand(e), tmStatsCommand(e),
			},
		}
	})
}

func tmImportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "add the pairs of TMX or XLIFF files to the memory",
		ArgsUsage: "FILE.tmx|FILE.xlf...",
		Description: `All the files are imported in one transaction: when any of them cannot be
read or has an error, nothing is added, and a memory the import was to create
is not left behind. From XLIFF only the units the editor approved are taken, as
'bitext review' counts them (approved="yes", final, signed-off, 2.x reviewed),
unless --all is given; a 1.2 "translated" unit is not approved yet. A unit the
editor left as bitext's word-by-word gist is never taken unless approved, also
when the editor's tool dropped the draft bitext kept with it. From TMX, the pairs
'bitext align' flagged low-confidence or number-mismatch (x-flag; its English
gives other figures than the Arabic) are left out unless --all is given;
imported, they keep the flag and come last in lookups.

Examples:
   bitext tm import agency-memory.tmx
   bitext tm import --tm desk.db article.reviewed.xlf`,
		Flags: []cli.Flag{
			tmFlag(),
			&cli.StringFlag{Name: "source-lang", Value: "ar", Usage: "language the pairs are stored from: a TMX unit that holds it is read from it, whatever its srclang"},
			&cli.StringFlag{Name: "target-lang", Usage: "import only pairs into this language (also the target language of an XLIFF file that names none)"},
			&cli.StringFlag{Name: "article", Usage: "provenance for pairs the file names no article for"},
			&cli.BoolFlag{Name: "all", Usage: "import every XLIFF unit with a target, approved or not, and the TMX pairs flagged low-confidence or number-mismatch"},
			&cli.BoolFlag{Name: "json", Usage: "print the counts as JSON"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("tm import: want one or more TMX or XLIFF files")
			}
			m, err := openMemory(c, false)
			if err != nil {
				return err
			}
			paths := c.Args().Slice()
			warn := func(format string, args ...any) {
				if !c.Bool("quiet") {
					fmt.Fprintf(e.stderr, "bitext: warning: "+format+"\n", args...)
				}
			}
			res, err := m.ImportFiles(c.Context, paths, tm.ImportOptions{SourceLang: c.String("source-lang"),
				TargetLang: c.String("target-lang"), Article: c.String("article"), All: c.Bool("all"), Gist: remakeGist(c.Context, warn)})
			if err != nil {
				// A memory this import was to create is not left behind empty.
				if derr := m.Discard(); derr != nil {
					return fmt.Errorf("%w (nothing imported; %v)", err, derr)
				}
				return fmt.Errorf("%w (nothing imported)", err)
			}
			if err := m.Close(); err != nil {
				return err
			}
			type fileResult struct {
				File string `json:"file"`
				tm.ImportResult
			}
			var results []fileResult
			for i, path := range paths {
				results = append(results, fileResult{path, res[i]})
				if !c.Bool("quiet") && !c.Bool("json") {
					fmt.Fprintf(e.stdout, "%s: %d added, %d already there, %d skipped (%s)\n", path, res[i].Added, res[i].Updated, res[i].Skipped,
						strings.Join(append([]string{res[i].Format}, skipReasons(res[i].Skips)...), "; "))
				}
			}
			if c.Bool("json") {
				return writeJSON(e.stdout, results)
			}
			return nil
		},
	}
}

// skipReasons says why an import left pairs out, one reason a count.
func skipReasons(s tm.Skips) []string {
	var out []string
	for _, r := range []struct {
		n    int
		what string
	}{
		{s.NotApproved, "not approved, which --all imports"},
		{s.Gist, "still the word-by-word gist"},
		{s.Boilerplate, "boilerplate"},
		{s.Untranslated, "without a translation"},
		{s.OtherLanguage, "into another language than --target-lang"},
		{s.LowConfidence, "flagged low-confidence, which --all imports"},
		{s.NumberMismatch, "flagged number-mismatch, which --all imports"},
	} {
		if r.n > 0 {
			out = append(out, fmt.Sprintf("%d %s", r.n, r.what))
		}
	}
	return out
}

func tmExportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the memory as a TMX 1.4b file",
		Description: `Examples:
   bitext tm export -o memory.tmx
   bitext tm export --article article.txt -o - | less`,
		Flags: []cli.Flag{
			tmFlag(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "tmx", Usage: "output format: tmx"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "-", Usage: "output file, - for stdout"},
			&cli.StringFlag{Name: "source-lang", Usage: "only pairs from this language"},
			&cli.StringFlag{Name: "target-lang", Usage: "only pairs into this language"},
			&cli.StringFlag{Name: "article", Usage: "only pairs from this article"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usagef("tm export: takes no arguments, got %d", c.NArg())
			}
			if f := c.String("format"); f != "tmx" {
				return usagef("tm export: unknown --format %q (want tmx)", f)
			}
			m, err := openMemory(c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			opts := tm.ExportOptions{SourceLang: c.String("source-lang"), TargetLang: c.String("target-lang"), Article: c.String("article")}
			n := 0
			write := func(w io.Writer) error {
				var err error
				n, err = m.ExportTMX(c.Context, w, opts)
				return err
			}
			out := c.String("output")
			if out == "-" {
				return write(e.stdout)
			}
			if err := atomicfile.Write(out, write); err != nil {
				return fmt.Errorf("writing %s: %w", out, err)
			}
			if !c.Bool("quiet") {
				fmt.Fprintf(e.stderr, "bitext: wrote %s (%d pairs)\n", out, n)
			}
			return nil
		},
	}
}

func tmLookupCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "lookup",
		Usage:     "find a sentence in the memory: exact and fuzzy matches",
		ArgsUsage: "TEXT...",
		Description: `Prints the best matches, best first: score, source, translation, how the
memory's source differs from TEXT ([-removed-] {+added+}, by whole words), the
figures that differ ("! number 1250 in the memory, 987 here; the translation says
1,250") and, with a glossary, the names that differ, and the pair's #id (for tm
correct and tm remove) and where it came from. A number counts as one character in
the score.
The closer match comes first; among equally close ones, a source that is TEXT itself
before one that is only the same once folded (على and علي), then the pairs an editor
approved (final, then reviewed), then the others, and last the pairs an aligner
flagged as uncertain; then the newest. translate takes the first exact match in the
same order.

Examples:
   bitext tm lookup "قمة بوتين وكيم"
   bitext tm lookup --min-score 0.6 --json "وقال الناطق باسم الكرملين"`,
		Flags: []cli.Flag{
			tmFlag(),
			&cli.StringFlag{Name: "source-lang", Value: "ar", Usage: "language of TEXT"},
			&cli.StringFlag{Name: "target-lang", Value: "en", Usage: "language of the translations"},
			&cli.Float64Flag{Name: "min-score", Value: 0.75, Usage: "lowest similarity shown, 0 to 1"},
			&cli.IntFlag{Name: "max", Value: 5, Usage: "most matches shown"},
			&cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary whose names a match is checked for (default: ./" + defaultGlossary + " when present)"},
			&cli.BoolFlag{Name: "json", Usage: "print the matches as JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("tm lookup: want the text to look up")
			}
			// a sentence typed without quotes is one text, its words one space apart
			text := strings.Join(c.Args().Slice(), " ")
			if s := c.Float64("min-score"); s <= 0 || s > 1 {
				return usagef("tm lookup: --min-score %v is not in (0, 1]", s)
			}
			if n := c.Int("max"); n < 1 {
				return usagef("tm lookup: --max %d: want at least 1", n)
			}
			names, _, err := loadGlossary(c.String("glossary"))
			if err != nil {
				return err
			}
			m, err := openMemory(c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			ms, err := m.Fuzzy(c.Context, c.String("source-lang"), c.String("target-lang"), text,
				tm.FuzzyOptions{MinScore: c.Float64("min-score"), Max: c.Int("max")})
			if err != nil {
				return err
			}
			if c.Bool("json") {
				type jsonMatch struct {
					Score   float64           `json:"score"`
					Source  string            `json:"source"`
					Target  string            `json:"target"`
					Diff    string            `json:"diff"`
					Numbers []tm.NumberChange `json:"numbers,omitempty"`
					Names   []tm.NameChange   `json:"names,omitempty"`
					tmEntryJSON
				}
				out := []jsonMatch{}
				for _, mt := range ms {
					out = append(out, jsonMatch{mt.Score, mt.Source, mt.Target, tm.DiffText(mt.Diff), mt.Numbers,
						tm.NameChanges(names, mt.Source, mt.Target, text), entryJSON(&mt.Entry)})
				}
				return writeJSON(e.stdout, out)
			}
			if len(ms) == 0 {
				fmt.Fprintln(e.stdout, "no match")
				return nil
			}
			for i, mt := range ms {
				if i > 0 {
					fmt.Fprintln(e.stdout)
				}
				fmt.Fprintf(e.stdout, "%4s  %s\n      %s\n", percent(mt.Score), mt.Source, mt.Target)
				if mt.Score < 1 || mt.Source != text {
					fmt.Fprintf(e.stdout, "      diff: %s\n", tm.DiffText(mt.Diff))
				}
				for _, n := range mt.Numbers {
					fmt.Fprintf(e.stdout, "      ! %s\n", n)
				}
				for _, n := range tm.NameChanges(names, mt.Source, mt.Target, text) {
					fmt.Fprintf(e.stdout, "      ! %s\n", n)
				}
				fmt.Fprintf(e.stdout, "      %s\n", describeWithID(&mt.Entry))
			}
			return nil
		},
	}
}

func tmSearchCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "search",
		Usage:     "concordance: the pairs that hold a word or phrase, to see how it was translated",
		ArgsUsage: "TERM...",
		Description: `Finds the pairs whose source holds TERM when it is Arabic, folded as lookups
fold it (hamza, ta marbuta, alef maqsura, diacritics) and with or without the
proclitics and article a word takes (الكرملين finds للكرملين and وبالكرملين;
كرملين finds them and الكرملين), else whose translation holds it, ignoring case,
accents (Erdogan finds Erdoğan and Erdoğan Erdogan; Strasse finds Straße),
white space and curly apostrophes (Russia's finds Russia’s).
Whole words come first, then, for a term typed with accents, the pairs that
write it with them, then the pairs an editor approved, then the newest. The
term is shown [in brackets]; the first line says how many pairs hold it.

Examples:
   bitext tm search الكرملين
   bitext tm search "مجلس الأمن القومي"
   bitext tm search Security Council           (the words of a phrase, quoted or not)
   bitext tm search --max 20 --json "national security"`,
		Flags: []cli.Flag{
			tmFlag(),
			&cli.StringFlag{Name: "source-lang", Value: "ar", Usage: "language of the sources"},
			&cli.StringFlag{Name: "target-lang", Value: "en", Usage: "language of the translations"},
			&cli.IntFlag{Name: "max", Value: 10, Usage: "most pairs shown"},
			&cli.BoolFlag{Name: "json", Usage: "print the pairs as JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("tm search: want a word or phrase")
			}
			// a phrase typed without quotes is one term
			term := strings.Join(c.Args().Slice(), " ")
			if n := c.Int("max"); n < 1 {
				return usagef("tm search: --max %d: want at least 1", n)
			}
			m, err := openMemory(c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			res, err := m.Concordance(c.Context, c.String("source-lang"), c.String("target-lang"), term,
				tm.ConcordanceOptions{Max: c.Int("max")})
			if err != nil {
				return err
			}
			if c.Bool("json") {
				type jsonHit struct {
					Source string `json:"source"`
					Target string `json:"target"`
					Found  string `json:"found"`      // the term as the pair writes it
					In     string `json:"in"`         // "source" or "target"
					Whole  bool   `json:"whole_word"` // not part of a longer word
					tmEntryJSON
				}
				out := struct {
					Total    int       `json:"total"`
					Capped   bool      `json:"capped,omitempty"`
					Searched string    `json:"searched,omitempty"` // the term searched for instead, without its proclitic
					Pairs    []jsonHit `json:"pairs"`
				}{res.Total, res.Capped, res.Searched, []jsonHit{}}
				for _, h := range res.Hits {
					in, text := "source", h.Source
					if h.InTarget {
						in, text = "target", h.Target
					}
					out.Pairs = append(out.Pairs, jsonHit{h.Source, h.Target, text[h.Start:h.End], in, h.Whole, entryJSON(&h.Entry)})
				}
				return writeJSON(e.stdout, out)
			}
			if res.Total == 0 {
				fmt.Fprintln(e.stdout, "no pair holds it")
				return nil
			}
			more := ""
			if res.Capped {
				more = "more than "
			}
			if res.Searched != "" {
				fmt.Fprintf(e.stdout, "no pair holds %s; searched for %s: ", term, res.Searched)
			}
			if res.Total == 1 && !res.Capped {
				fmt.Fprint(e.stdout, "1 pair holds it")
			} else {
				fmt.Fprintf(e.stdout, "%s%d pairs hold it", more, res.Total)
			}
			if len(res.Hits) < res.Total {
				fmt.Fprintf(e.stdout, " (%d shown; --max shows more)", len(res.Hits))
			}
			fmt.Fprintln(e.stdout)
			for _, h := range res.Hits {
				src, tgt := h.Source, h.Target
				if h.InTarget {
					tgt = tgt[:h.Start] + "[" + tgt[h.Start:h.End] + "]" + tgt[h.End:]
				} else {
					src = src[:h.Start] + "[" + src[h.Start:h.End] + "]" + src[h.End:]
				}
				fmt.Fprintf(e.stdout, "\n#%d  %s\n      %s\n", h.ID, src, tgt)
				if d := tm.Describe(&h.Entry); d != "" {
					fmt.Fprintf(e.stdout, "      %s\n", d)
				}
			}
			return nil
		},
	}
}

// percent shows a score as a whole percentage, rounded down: a match that
// is not exact never shows as 100%, however long the sentence.
func percent(score float64) string {
	return fmt.Sprintf("%d%%", int(math.Floor(score*100+1e-9)))
}

// describeWithID is the entry's id, which tm remove and tm correct take,
// and where it came from.
func describeWithID(en *tm.Entry) string {
	if d := tm.Describe(en); d != "" {
		return fmt.Sprintf("#%d, %s", en.ID, d)
	}
	return fmt.Sprintf("#%d", en.ID)
}

// parseIDs reads entry ids as tm lookup and tm search show them: 12 or #12.
func parseIDs(cmd string, args []string) ([]int64, error) {
	var ids []int64
	for _, a := range args {
		id, err := strconv.ParseInt(strings.TrimPrefix(a, "#"), 10, 64)
		if err != nil || id < 1 {
			return nil, usagef("tm %s: %q is not an entry id (the #number tm lookup and tm search show)", cmd, a)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// showEntry prints an entry's source, translation and provenance.
func showEntry(w io.Writer, en *tm.Entry) {
	fmt.Fprintf(w, "  %s\n  %s\n  %s\n", en.Source, en.Target, describeWithID(en))
}

func tmRemoveCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "remove",
		Usage:     "delete pairs from the memory: by id, every translation of a source, or an article's",
		ArgsUsage: "ID... | --source TEXT [--target TEXT] | --article NAME",
		Description: `Deletes the pairs with the ids tm lookup and tm search show (#12), or with
--source every pair whose source is TEXT (folded as lookups fold it), only those
translated as --target when it is given, or with --article every pair that came
from that article (a withdrawn story; the name tm lookup shows after "from").
All are removed or none (an unknown id removes nothing). --dry-run shows what
would be removed.

Examples:
   bitext tm remove 1508
   bitext tm remove --dry-run --article 2023-09-12-kim-putin.txt
   bitext tm remove --source "وقال الناطق باسم الكرملين إن بوتين سيزور بكين." --target "The Kremlin spokesman said Putin would visit Tehran."`,
		Flags: []cli.Flag{
			tmFlag(),
			&cli.StringFlag{Name: "source", Usage: "remove the pairs of this source text"},
			&cli.StringFlag{Name: "target", Usage: "with --source: only the pairs with this translation"},
			&cli.StringFlag{Name: "article", Usage: "remove the pairs that came from this article"},
			&cli.StringFlag{Name: "source-lang", Value: "ar", Usage: "with --source: its language"},
			&cli.StringFlag{Name: "target-lang", Value: "en", Usage: "with --source: language of the translations"},
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "show what would be removed, remove nothing"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		},
		Action: func(c *cli.Context) error {
			bySource, byArticle := c.IsSet("source"), c.IsSet("article")
			if n := btoi(bySource) + btoi(byArticle) + btoi(c.NArg() > 0); n != 1 {
				return usagef("tm remove: want entry ids, --source TEXT or --article NAME: one of them")
			}
			if c.IsSet("target") && !bySource {
				return usagef("tm remove: --target goes with --source")
			}
			ids, err := parseIDs("remove", c.Args().Slice())
			if err != nil {
				return err
			}
			m, err := openMemory(c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			var gone []tm.Entry
			if bySource {
				es, err := m.Exact(c.Context, c.String("source-lang"), c.String("target-lang"), c.String("source"))
				if err != nil {
					return err
				}
				for _, en := range es {
					if !c.IsSet("target") || strings.TrimSpace(en.Target) == strings.TrimSpace(c.String("target")) {
						gone = append(gone, en)
						ids = append(ids, en.ID)
					}
				}
				if len(gone) == 0 {
					what := "no pair has this source"
					if len(es) > 0 {
						what = fmt.Sprintf("none of the %d pairs of this source has this translation", len(es))
					}
					return fmt.Errorf("tm remove: %s in %s", what, m.Path())
				}
			} else if byArticle {
				if gone, err = m.ArticleEntries(c.Context, c.String("article")); err != nil {
					return err
				}
				if len(gone) == 0 {
					return fmt.Errorf("tm remove: no pair came from article %q in %s", c.String("article"), m.Path())
				}
				for _, en := range gone {
					ids = append(ids, en.ID)
				}
			} else {
				for _, id := range ids {
					en, err := m.Get(c.Context, id)
					if err != nil {
						return err
					}
					gone = append(gone, en)
				}
			}
			if !c.Bool("dry-run") {
				if err := m.Remove(c.Context, ids); err != nil {
					return err
				}
			}
			if c.Bool("quiet") {
				return nil
			}
			verb := "removed"
			if c.Bool("dry-run") {
				verb = "would remove"
			}
			noun := "pairs"
			if len(gone) == 1 {
				noun = "pair"
			}
			fmt.Fprintf(e.stdout, "%s %d %s:\n", verb, len(gone), noun)
			for i := range gone {
				showEntry(e.stdout, &gone[i])
			}
			return nil
		},
	}
}

func tmCorrectCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "correct",
		Usage:     "replace the translation of a pair in the memory",
		ArgsUsage: "ID",
		Description: `Replaces the translation of the pair with the id tm lookup and tm search show
(#12) by --target, marked as approved (final) by --editor now: lookups and
translate offer the corrected pair from then on. When the memory holds the
corrected pair already, the two become one.

Example:
   bitext tm correct 1508 --target "The Kremlin spokesman said Putin would visit Beijing."`,
		Flags: []cli.Flag{
			tmFlag(),
			&cli.StringFlag{Name: "target", Required: true, Usage: "the right translation"},
			&cli.StringFlag{Name: "editor", Value: os.Getenv("USER"), Usage: "who corrected it, recorded in the memory"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("tm correct: want one entry id, got %d arguments", c.NArg())
			}
			ids, err := parseIDs("correct", c.Args().Slice())
			if err != nil {
				return err
			}
			m, err := openMemory(c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			before, err := m.Get(c.Context, ids[0])
			if err != nil {
				return err
			}
			holder, err := m.Correct(c.Context, ids[0], c.String("target"), string(doc.StateFinal), c.String("editor"), time.Time{})
			if err != nil {
				return err
			}
			after, err := m.Get(c.Context, holder)
			if err != nil {
				return err
			}
			if !c.Bool("quiet") {
				fmt.Fprintf(e.stdout, "corrected #%d:\n  %s\n  was: %s\n  now: %s\n  %s\n", ids[0], after.Source, before.Target, after.Target, describeWithID(&after))
			}
			return nil
		},
	}
}

type tmEntryJSON struct {
	ID      int64  `json:"id"`
	Article string `json:"article,omitempty"`
	UnitID  string `json:"unit_id,omitempty"`
	State   string `json:"state,omitempty"`
	Creator string `json:"creator,omitempty"`
	Created string `json:"created,omitempty"`
}

func entryJSON(e *tm.Entry) tmEntryJSON {
	j := tmEntryJSON{ID: e.ID, Article: e.Article, UnitID: e.UnitID, State: e.State, Creator: e.Creator}
	if !e.Created.IsZero() {
		j.Created = e.Created.Format("2006-01-02T15:04:05Z")
	}
	return j
}

func tmStatsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "count the memory's pairs by language, articles and file size",
		Flags: []cli.Flag{
			tmFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the counts as JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usagef("tm stats: takes no arguments, got %d", c.NArg())
			}
			m, err := openMemory(c, true)
			if err != nil {
				return err
			}
			defer m.Close()
			s, err := m.Stats(c.Context)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				return writeJSON(e.stdout, s)
			}
			fmt.Fprintf(e.stdout, "memory:   %s\npairs:    %d\n", s.Path, s.Entries)
			var keys []string
			for k := range s.Pairs {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Fprintf(e.stdout, "  %-12s %d\n", k, s.Pairs[k])
			}
			fmt.Fprintf(e.stdout, "articles: %d\n", s.Articles)
			if !s.Oldest.IsZero() {
				fmt.Fprintf(e.stdout, "dates:    %s to %s\n", s.Oldest.Format("2006-01-02"), s.Newest.Format("2006-01-02"))
			}
			fmt.Fprintf(e.stdout, "size:     %d bytes (%.0f per pair)\n", s.FileBytes, s.BytesPerEntry())
			return nil
		},
	}
}

// translateMemoryFlags are the flags 'bitext translate' takes for the memory
// and for updates.
func translateMemoryFlags() []cli.Flag {
	return []cli.Flag{
		tmFlag(),
		&cli.BoolFlag{Name: "no-tm", Usage: "do not consult the translation memory"},
		&cli.Float64Flag{Name: "fuzzy", Value: 0.75, Usage: "lowest similarity of memory matches offered as candidates, 0 to 1"},
		&cli.StringFlag{Name: "update", Usage: "reviewed XLIFF of the earlier version: keep its translations of unchanged sentences (output XLIFF unless --format; when the output replaces this file, it is first copied to FILE.bak)"},
	}
}

// translateFormat is the --format value, xliff by default for an update
// (the flag is set, so that every reader of it agrees).
func translateFormat(c *cli.Context) string {
	path := c.String("update")
	if path == "" {
		return c.String("format")
	}
	major, omegat := earlierXLIFF(path)
	if !c.IsSet("format") {
		format := "xliff"
		if major == "2" {
			format = "xliff2" // the editor's CAT tool reads what it wrote
		}
		if err := c.Set("format", format); err != nil {
			return format
		}
	}
	if omegat && !c.IsSet("flavour") && c.String("format") == "xliff" {
		_ = c.Set("flavour", string(xliff.OmegaT)) // OmegaT would read the English drafts as the source
	}
	return c.String("format")
}

// earlierXLIFF looks at the start of the XLIFF file at path: its major
// version ("1", "2", or "" when it cannot tell) and whether it was written
// with the omegat flavour, as its <file> element's category says. Reading
// the file properly is left to the update itself.
func earlierXLIFF(path string) (major string, omegat bool) {
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	head := make([]byte, 16<<10)
	n, _ := io.ReadFull(f, head)
	_, major = xliff.Sniff(head[:n])
	data, _ := io.ReadAll(textfile.UTF8Reader(bytes.NewReader(head[:n])))
	return major, omegatCategory.Match(data)
}

// xliffMajorOf is earlierXLIFF's major version alone.
func xliffMajorOf(path string) string {
	major, _ := earlierXLIFF(path)
	return major
}

var omegatCategory = regexp.MustCompile(`<(?:[\w.-]+:)?file\b[^>]*\bcategory\s*=\s*["']x-bitext-` + string(xliff.OmegaT) + `["']`)

// openRunMemory opens the translation memory for a translate run, when there
// is one (--tm, or the default file exists) and --no-tm is not set, and makes
// the pipeline consult it. The run looks it up through one cache: the
// articles of a folder repeat sentences.
func openRunMemory(c *cli.Context, e *env, opts *translate.Options) (*tm.Cache, error) {
	if s := c.Float64("fuzzy"); s <= 0 || s > 1 {
		return nil, usagef("translate: --fuzzy %v is not in (0, 1]", s)
	}
	if c.Bool("no-tm") {
		return nil, nil
	}
	if p := memoryPath(c); !c.IsSet("tm") && p == "" {
		return nil, nil
	} else if _, statErr := os.Stat(p); !c.IsSet("tm") && statErr != nil {
		if set := os.Getenv(memoryEnv); set != "" {
			// Set on purpose, so a mistyped path or an unmounted volume
			// would otherwise make every run pay for what the memory holds.
			fmt.Fprintf(e.stderr, "bitext: warning: $%s names %s: %v; translating without a memory\n", memoryEnv, set, unwrapPathError(statErr))
		}
		return nil, nil
	}
	mem, err := openMemory(c, false)
	if err != nil {
		return nil, err
	}
	look := tm.NewCache(mem)
	opts.Memory = tm.Leverage{Memory: look}
	return look, nil
}

// unwrapPathError is what went wrong in err, without the path it repeats.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// runUpdate translates d against the reviewed units of the earlier version
// in the XLIFF file at path, and prints what changed: every deleted unit with
// its state and translation, which the new file no longer holds. When output
// is that file itself, a copy of it as it was read is kept first (see
// keepCopy).
func runUpdate(ctx context.Context, e *env, quiet bool, path, output string, eng translate.Engine, d *doc.Document, opts translate.Options) (*translate.Result, error) {
	data, err := readInput(path, nil)
	if err != nil {
		return nil, err
	}
	xf, err := xliff.Read(bytes.NewReader(data), path)
	if err != nil {
		return nil, err
	}
	bt, rep, err := updatepkg.Run(ctx, eng, d, updatepkg.Earlier(xf), updatepkg.Options{Translate: opts})
	if err != nil {
		return nil, err
	}
	if bt == nil { // dry run
		return &translate.Result{Stats: rep.Stats}, nil
	}
	if !quiet {
		fmt.Fprintf(e.stderr, "bitext: update against %s: %s\n", path, rep.Summary())
		for _, u := range rep.Deleted {
			state := string(u.State)
			if u.State == doc.StateNew {
				state = "untranslated"
			}
			if u.XLIFF != nil && u.XLIFF.Approved {
				state += ", approved"
			}
			fmt.Fprintf(e.stderr, "bitext: deleted unit %s (%s): %s\n", u.ID, state, u.Source)
			if strings.TrimSpace(u.Target) != "" {
				fmt.Fprintf(e.stderr, "bitext:   its translation: %s\n", u.Target)
			}
		}
		// The units to look at again, in the order of the article: what
		// changed in the Arabic, and the translation it replaces.
		for _, u := range bt.Units {
			switch rep.Units[u.ID] {
			case updatepkg.Changed:
				for _, n := range u.Notes {
					if diff, ok := strings.CutPrefix(n, updatepkg.NoteSourceChanged); ok {
						fmt.Fprintf(e.stderr, "bitext: changed unit %s: %s\n", u.ID, diff)
					}
				}
				for _, n := range u.Notes {
					if prev, ok := strings.CutPrefix(n, updatepkg.NotePreviousTarget); ok {
						fmt.Fprintf(e.stderr, "bitext:   previous translation: %s\n", prev)
					}
				}
			case updatepkg.Added:
				fmt.Fprintf(e.stderr, "bitext: new unit %s: %s\n", u.ID, u.Source)
			}
		}
	}
	if sameFile(output, path) {
		backup, err := keepCopy(e, path, data)
		if err != nil {
			return nil, err
		}
		if !quiet {
			fmt.Fprintf(e.stderr, "bitext: %s is replaced by the update; the file as it was is kept as %s\n", path, backup)
		}
	}
	return &translate.Result{Bitexts: []*doc.Bitext{bt}, Stats: rep.Stats}, nil
}

// publishMemoryFlags are the flags 'bitext publish' takes for the memory.
func publishMemoryFlags() []cli.Flag {
	return []cli.Flag{
		tmFlag(),
		&cli.BoolFlag{Name: "no-tm", Usage: "do not add the approved units to the translation memory"},
		&cli.StringFlag{Name: "editor", Value: os.Getenv("USER"), Usage: "who approved the units, recorded in the memory"},
	}
}

// openPublishMemory opens the memory publish adds to (--tm, else the
// default one), creating it when missing: publishing is how a newsroom's
// memory fills up, and translate reads it. It returns nil with --no-tm.
func openPublishMemory(c *cli.Context) (*tm.Memory, error) {
	if c.Bool("no-tm") {
		return nil, nil
	}
	m, err := openMemory(c, false)
	if err != nil {
		return nil, fmt.Errorf("%w (--no-tm publishes without it)", err)
	}
	if m.ReadOnly() {
		// found now, before the page is written, not after it
		m.Close()
		return nil, fmt.Errorf("translation memory %s: %w (--no-tm publishes without it)", m.Path(), tm.ErrReadOnly)
	}
	return m, nil
}

// addPublished adds the approved units of a published bitext (tm.Approved)
// to m (nil: none) and returns the line that says so.
func addPublished(c *cli.Context, m *tm.Memory, approved []tm.Entry) (string, error) {
	if m == nil {
		return "", nil
	}
	var res tm.AddResult
	var err error
	if len(approved) > 0 {
		res, err = m.Add(c.Context, approved)
	}
	if err != nil {
		return "", fmt.Errorf("adding the approved units to %s: %w", m.Path(), err)
	}
	what := "translation memory"
	if m.Created() {
		what = "new translation memory"
	}
	return fmt.Sprintf("bitext: %s %s: %d pairs added, %d already there", what, m.Path(), res.Added, res.Updated), nil
}
