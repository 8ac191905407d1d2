package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"bitext/glossary"
)

func init() {
	glossarySubcommands = append(glossarySubcommands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "import",
			Usage:     "add the terms of a CSV, TBX or TSV file to the glossary",
			ArgsUsage: "FILE|-",
			Description: `Reads terms in one of the export formats and appends those the glossary does
not have yet, keeping the file's comments and order. A term already there (in
any spelling) is left as it is and reported when its English differs. Nothing
is written when the imported file has an error or no terms (exit 1). TBX may
be TBX 2 (martif, as bitext, memoQ and MultiTerm write it) or TBX 3 (tbx).
Entries with no Arabic term are left out and counted, and those with no
English term are left out and named with their line. The format is the
file's extension (.csv, .tbx, .tsv); for another (.txt, .xml) or stdin it is
told from the content.

Examples:
   bitext glossary import names.csv
   bitext glossary import termbase.xml
   bitext glossary export -f tsv -g other.yaml | bitext glossary import -`,
			Flags: []cli.Flag{
				glossaryFlag(),
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "csv, tbx or tsv (default: from the file's extension, else its content)"},
			},
			Action: func(c *cli.Context) error { return importAction(c, e) },
		}
	})
}

func importAction(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usagef("glossary import: want one file (or - for stdin), got %d arguments", c.NArg())
	}
	in := c.Args().First()
	format, err := formatFlag(c)
	if err != nil {
		return err
	}
	var src []byte
	name := in
	if in == "-" {
		name = "stdin"
		var b bytes.Buffer
		if _, err := b.ReadFrom(e.stdin); err != nil {
			return err
		}
		src = b.Bytes()
	} else if src, err = os.ReadFile(in); err != nil {
		return err
	}
	if format == "" {
		format = formatOfName(in)
	}
	if format == "" {
		// .txt (Excel's "Unicode Text"), .xml (a termbase), no extension, stdin.
		format = glossary.DetectFormat(src)
	}
	entries, left, err := glossary.ReadFormat(bytes.NewReader(src), name, format)
	// Said even when the rest fails, for it may explain what does.
	reportSkips(e, name, left)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		// An import of nothing is almost always the wrong file or a failed
		// export: a failure, so that a script stops there.
		return fmt.Errorf("%s: no terms", name)
	}
	path := c.String("glossary")
	unlock, err := lockGlossary(path)
	if err != nil {
		return err
	}
	defer unlock()
	data, err := readGlossaryFile(path, true)
	if err != nil {
		return err
	}
	g, err := glossary.Parse(path, data)
	if err != nil {
		return err
	}
	// have holds the entries of every known form, with where they come from.
	have := map[string][]source{}
	for _, en := range g.Entries {
		for _, f := range en.Forms() {
			k := glossary.Key(f)
			have[k] = append(have[k], source{en, fmt.Sprintf("%s:%d", path, en.Line)})
		}
	}
	var add []*glossary.Entry
	skipped := 0
	for _, en := range entries {
		if old, ok := clash(have[glossary.Key(en.Ar)], en); ok {
			skipped++
			if old.entry.Rendering() != en.Rendering() {
				fmt.Fprintf(e.stderr, "%s:%d: %s: kept %q from %s, not %q\n", name, en.Line, en.Ar, old.entry.Rendering(), old.at, en.Rendering())
			}
			continue
		}
		for _, f := range en.Forms() {
			k := glossary.Key(f)
			have[k] = append(have[k], source{en, fmt.Sprintf("%s:%d", name, en.Line)})
		}
		add = append(add, en)
	}
	if err := appendEntries(path, data, g, name, add); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "bitext: imported %s into %s (%d already there)\n", count(len(add), "term", "terms"), path, skipped)
	return nil
}

// source is an entry of the glossary or of the imported file, and where.
type source struct {
	entry *glossary.Entry
	at    string
}

// clash returns the entry among same, those with the term of en, that en
// would repeat: the same rendering, or any entry unless both are homographs
// told apart by context words (عمان, Amman and Oman).
func clash(same []source, en *glossary.Entry) (source, bool) {
	for _, old := range same {
		if old.entry.Rendering() == en.Rendering() {
			return old, true
		}
	}
	for _, old := range same {
		if len(old.entry.Context) == 0 || len(en.Context) == 0 {
			return old, true
		}
	}
	return source{}, false
}

// reportSkips tells what was left out of the imported file name and why. The
// entries of a multilingual termbase's other languages are counted, for they
// may be thousands and are no surprise; each Arabic term left out for want of
// English is named with its line, for it is a name the user wanted.
func reportSkips(e *env, name string, skips []glossary.Skip) {
	var noArabic []glossary.Skip
	for _, s := range skips {
		if s.Ar == "" {
			noArabic = append(noArabic, s)
			continue
		}
		fmt.Fprintf(e.stderr, "%s:%d: skipped %s: %s\n", name, s.Line, s.Ar, s.Why())
	}
	if n := len(noArabic); n > 0 {
		fmt.Fprintf(e.stderr, "bitext: skipped %s with no Arabic term (first at %s:%d)\n", count(n, "entry", "entries"), name, noArabic[0].Line)
	}
}
