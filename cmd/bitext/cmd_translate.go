package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"bitext/glossary"
	"bitext/internal/textfile"
	"bitext/segment"
	"bitext/translate"
)

const defaultGlossary = "glossary.yaml"

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "translate",
			Usage:     "translate an Arabic article into a bilingual page or XLIFF file",
			ArgsUsage: "FILE|-",
			Description: `Splits the article into headings, paragraphs and sentences, finds the glossary's
names, translates each paragraph with the chosen engine, aligns the sentences and
writes the bilingual result.

Examples:
   bitext translate article.txt                       # writes article.html
   bitext translate --format xliff article.txt        # writes article.xlf for a CAT tool
   bitext translate --format json -o - article.txt    # JSON units on stdout
   cat article.txt | bitext translate -o out.html -`,
			Flags: append([]cli.Flag{
				&cli.StringFlag{Name: "engine", Value: "none", Usage: "translation engine: " + strings.Join(translate.Names(), ", ")},
				&cli.StringFlag{Name: "glossary", Usage: "glossary file (default: ./" + defaultGlossary + " when present)"},
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "html", Usage: "output format: " + formatNames()},
				&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output file, - for stdout (default: input name with the format's extension)"},
				&cli.StringFlag{Name: "source-lang", Value: "ar", Usage: "language of the article"},
				&cli.StringFlag{Name: "target-lang", Value: "en", Usage: "language to translate into"},
				&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
			}, pageFlags()...),
			Action: func(c *cli.Context) error { return translateAction(c, e) },
		}
	})
}

func translateAction(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usagef("translate: want one input file (or - for stdin), got %d", c.NArg())
	}
	input := c.Args().First()
	format, err := lookupFormat(c.String("format"))
	if err != nil {
		return err
	}
	output := c.String("output")
	if output == "" {
		output = defaultOutput(input, format)
	}
	text, err := textfile.Read(input, e.stdin)
	if err != nil {
		return err
	}
	name := input
	if input == "-" {
		name = "stdin"
	}
	page, text, err := readPageSettings(c, name, text)
	if err != nil {
		return err
	}
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("%s: %w", name, textfile.ErrEmpty)
	}
	matcher, err := loadGlossary(c.String("glossary"))
	if err != nil {
		return err
	}
	eng, err := translate.New(c.String("engine"), translate.Config{})
	if err != nil {
		return usagef("%v", err)
	}
	d := segment.Split(name, text, c.String("source-lang"))
	bt, err := translate.Run(c.Context, eng, d, translate.Options{
		SourceLang: c.String("source-lang"),
		TargetLang: c.String("target-lang"),
		Glossary:   matcher,
	})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := writeOutput(e, output, page.format(format), bt); err != nil {
		return err
	}
	if !c.Bool("quiet") && output != "-" {
		fmt.Fprintf(e.stderr, "bitext: wrote %s (%d blocks, %d units, engine %s)\n", output, len(d.Blocks), len(bt.Units), eng.Name())
	}
	return nil
}

// loadGlossary loads path, or ./glossary.yaml when path is empty and that file
// exists. It returns nil when there is no glossary to use.
func loadGlossary(path string) (*glossary.Matcher, error) {
	if path == "" {
		if _, err := os.Stat(defaultGlossary); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		path = defaultGlossary
	}
	g, err := glossary.Load(path)
	if err != nil {
		return nil, err
	}
	return glossary.NewMatcher(g), nil
}
