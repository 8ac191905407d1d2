package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"bitext/glossary"
	"bitext/internal/atomicfile"
)

func init() {
	glossarySubcommands = append(glossarySubcommands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:  "export",
			Usage: "write the glossary as CSV (Google glossaries), TBX (CAT tools) or TSV",
			Description: `csv: two columns, Arabic and English, no header: the file Google's Cloud
     Translation glossary API ingests. Each variant has a row of its own with
     its entry's English; import reads such rows back as one entry. A term
     kept untranslated has its Arabic in both columns.
     A spelling bitext matches only in context (homographs, ordinary words
     such as المصري) is left out and named, for Google's glossary applies a
     term wherever it occurs.
tbx: TermBase eXchange 2 (martif) with variants, type, note and context.
tsv: every field; the lossless spreadsheet form.

--bom starts a CSV or TSV with a UTF-8 byte order mark, which Excel needs to
open the Arabic right on a double click. Leave it out of a file for Google:
its glossary documentation names no byte order mark, and one read as text
would stick to the first term.

Examples:
   bitext glossary export -o glossary.csv
   bitext glossary export --bom -o glossary-excel.csv
   bitext glossary export --format tbx -o names.tbx
   bitext glossary export --format tsv > glossary.tsv`,
			Flags: []cli.Flag{
				glossaryFlag(),
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "csv, tbx or tsv (default: from the output's extension; csv for stdout or no extension)"},
				&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "-", Usage: "output file, - for stdout"},
				&cli.BoolFlag{Name: "bom", Aliases: []string{"excel"}, Usage: "start a CSV or TSV with a UTF-8 byte order mark, for Excel (not for Google)"},
			},
			Action: func(c *cli.Context) error { return exportAction(c, e) },
		}
	})
}

// reportWithheld names the spellings left out of a file for Google's
// glossary, and why.
func reportWithheld(e *env, g *glossary.Glossary, what string, held []glossary.Withheld) {
	for _, h := range held {
		fmt.Fprintf(e.stderr, "%s:%d: %s: left out of the %s: %s\n", g.Name, h.Entry.Line, h.Form, what, h.Why)
	}
}

// formatFlag returns the --format flag, "" when it is not given.
func formatFlag(c *cli.Context) (string, error) {
	f := strings.ToLower(c.String("format"))
	if f == "" || slices.Contains(glossary.Formats, f) {
		return f, nil
	}
	return "", usagef("unknown glossary format %q (want %s)", f, strings.Join(glossary.Formats, ", "))
}

// formatOfName returns the format the file's extension names, or "".
func formatOfName(file string) string {
	f := strings.TrimPrefix(strings.ToLower(filepath.Ext(file)), ".")
	if slices.Contains(glossary.Formats, f) {
		return f
	}
	return ""
}

func exportAction(c *cli.Context, e *env) error {
	if c.NArg() != 0 {
		return usagef("glossary export: takes no arguments (use --glossary and -o)")
	}
	output := c.String("output")
	format, err := formatFlag(c)
	if err != nil {
		return err
	}
	if format == "" {
		format = formatOfName(output)
	}
	if format == "" {
		if output != "-" && filepath.Ext(output) != "" {
			return usagef("glossary export: no format is named .%s: give the output a .%s extension, or choose the format with -f %s",
				strings.TrimPrefix(filepath.Ext(output), "."), strings.Join(glossary.Formats, ", ."), strings.Join(glossary.Formats, "|"))
		}
		format = "csv"
	}
	bom := c.Bool("bom")
	if bom && format == "tbx" {
		return usagef("glossary export: --bom is for CSV and TSV, which Excel opens: TBX is XML, which says its encoding")
	}
	g, err := glossary.Load(c.String("glossary"))
	if err != nil {
		return err
	}
	if format == "csv" {
		google, held := glossary.ForGoogle(g)
		reportWithheld(e, g, "CSV", held)
		g = google
	}
	write := func(w io.Writer) error {
		if bom {
			// Excel reads a CSV without one in the machine's code page.
			if _, err := io.WriteString(w, "\ufeff"); err != nil {
				return err
			}
		}
		return glossary.WriteFormat(w, format, g)
	}
	if output == "-" {
		return write(e.stdout)
	}
	if err := atomicfile.Write(output, write); err != nil {
		return fmt.Errorf("writing %s: %w", output, err)
	}
	return nil
}
