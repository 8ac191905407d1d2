package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"bitext/doc"
	"bitext/xliff"
)

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "convert",
			Usage:     "convert a bitext between bitext's formats (JSON, XLIFF 1.2/2.x, HTML)",
			ArgsUsage: "FILE|-",
			Description: `Reads a bitext written by bitext (JSON, or XLIFF 1.2 or 2.x, reviewed or not) and
writes it in another format. XLIFF input is matched to the units bitext wrote and
checked as 'bitext publish' does. The input is never overwritten, nor is an
existing XLIFF output that holds an editor's work (unless --force).

Examples:
   bitext convert --format xliff2 article.json         # writes article.xlf (XLIFF 2.1)
   bitext convert --format xliff --flavour omegat -o article.omegat.xlf article.json
   bitext convert --format json -o - reviewed.xlf`,
			Flags: []cli.Flag{
				// Required is checked in the action: the flag library's own check
				// takes the file name for a help topic and exits with the wrong code.
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format (required): " + formatNames()},
				&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output file, - for stdout (default: input name with the format's extension)"},
				flavourFlag(),
				&cli.StringFlag{Name: "article", Usage: "for XLIFF input: the article to check the file against"},
				&cli.BoolFlag{Name: "force", Usage: "replace an existing XLIFF output even if it holds an editor's work; for XLIFF input, also accept sources that no longer match the article"},
				&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
			},
			Action: func(c *cli.Context) error { return convertAction(c, e) },
		}
	})
}

func convertAction(c *cli.Context, e *env) error {
	format := c.String("format")
	if format == "" {
		return usagef("convert: --format is required (%s)", formatNames())
	}
	if c.NArg() != 1 {
		return usagef("convert: want one input file (or - for stdin), got %d", c.NArg())
	}
	input := c.Args().First()
	f, err := lookupFormat(format)
	if err != nil {
		return err
	}
	if format == "html" {
		f = htmlFormat(c)
	}
	output := c.String("output")
	if output == "" {
		output = defaultOutput(input, f)
	}
	if err := checkFlavour(format, c.String("flavour"), output); err != nil {
		return err
	}
	data, err := readInput(input, e.stdin)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s: no such file", input)
		}
		return err
	}
	// Only once the input is found: a missing input is not an overwrite.
	if sameFile(output, input) || (c.String("flavour") == "omegat" && sameFile(companionTMX(output), input)) {
		return usagef("convert: the output %s would overwrite the input: choose another name with -o", output)
	}
	// As translate does: a conversion must not wipe a review saved under
	// the output's name.
	if !c.Bool("force") {
		if err := keepReviewedXLIFF(output, "", false); err != nil {
			return err
		}
	}
	var b *doc.Bitext
	isXLIFF, _ := xliff.Sniff(data[:min(len(data), 4096)]) // also in UTF-16, as Windows tools save it
	switch trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff"); {
	case len(trimmed) > 0 && trimmed[0] == '{':
		name := input
		if input == "-" {
			name = "stdin"
		}
		// the whole file, but for a byte order mark, so that lines in messages are right
		if b, err = doc.ReadJSONNamed(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))), name); err != nil {
			return err
		}
		if b.Name == "" {
			b.Name = name // the article's name is unknown: the file converted is the honest origin
		}
	case len(trimmed) > 0 && trimmed[0] == '<', isXLIFF:
		if input == "-" {
			e.stdin = bytes.NewReader(data)
		}
		rv, _, err := loadReviewed(c, e, input)
		if err != nil {
			return err
		}
		b = rv.WithMarks() // the editor's marks, notes and the drafts go with the units
	default:
		return fmt.Errorf("%s: neither bitext JSON nor XLIFF (%s)", input, strings.TrimPrefix(filepath.Ext(input), "."))
	}
	tmx, err := writeBitext(e, output, format, c.String("flavour"), f, b)
	if err != nil {
		return err
	}
	if !c.Bool("quiet") && output != "-" {
		fmt.Fprintf(e.stderr, "bitext: wrote %s (%d units)\n", output, len(b.Units))
		printOmegatTMX(e, tmx)
	}
	return nil
}
