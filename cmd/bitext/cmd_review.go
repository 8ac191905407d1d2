package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"bitext/review"
)

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "review",
			Usage:     "show what the editor changed in a reviewed XLIFF file against the machine drafts",
			ArgsUsage: "REVIEWED.xlf",
			Description: `Reads the XLIFF file the editor saved and compares every target with the machine
draft bitext stored in the file: a word-level diff per unit ([-deleted-]{+inserted+}),
post-edit distance at word and character level (edits / words of the editor's
text, like HTER without shifts), and the glossary terms the editor fixed or broke.
Units still holding the untouched word-by-word gist, which publish refuses, are
counted apart and left out of the distance. A unit whose target holds the next
or the previous unit's translation (two sentences in one unit, or every
translation moved one unit up or down) is named with that unit and their
lines; publish refuses it.
The reviewed file is only read.

Examples:
   bitext review reviewed.xlf                  # edited units and the summary
   bitext review --all reviewed.xlf            # every unit
   bitext review --html report.html reviewed.xlf
   bitext review --json reviewed.xlf | jq .summary`,
			Flags: []cli.Flag{
				&cli.BoolFlag{Name: "json", Usage: "print the report as JSON"},
				&cli.StringFlag{Name: "html", Usage: "also write the report as an HTML page with the changes marked"},
				&cli.BoolFlag{Name: "all", Usage: "list every unit, not only the edited ones"},
				&cli.StringFlag{Name: "article", Usage: "the source article to check the file against (default: the name recorded in the file, when found)"},
				&cli.BoolFlag{Name: "force", Usage: "review even if the sources no longer match the article"},
				&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no warnings"},
			},
			Action: func(c *cli.Context) error {
				if c.NArg() != 1 {
					return usagef("review: want one reviewed XLIFF file, got %d", c.NArg())
				}
				input := c.Args().First()
				if h := c.String("html"); h != "" && sameFile(h, input) {
					return usagef("review: %s is the reviewed file itself; it is never overwritten", h)
				}
				if h := c.String("html"); h != "" && h != "-" {
					if err := replaceableReport(h); err != nil {
						return err
					}
				}
				rv, _, err := loadReviewed(c, e, input)
				if err != nil {
					return err
				}
				r := review.Compute(rv)
				if h := c.String("html"); h != "" {
					if err := writeFile(e, h, r.WriteHTML); err != nil {
						return err
					}
				}
				if c.Bool("json") {
					return r.WriteJSON(e.stdout)
				}
				if c.String("html") == "-" {
					return nil
				}
				return r.WriteText(e.stdout, c.Bool("all"))
			},
		}
	})
}

// reportMark is in the head of every HTML report review writes.
const reportMark = "<title>Review of "

// replaceableReport returns an error when path holds a file that is not an
// earlier review report: a page publish wrote (article.html is its default
// name), the article, anything else the editor would lose.
func replaceableReport(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // nothing there to lose; a path that cannot be written fails later
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return fmt.Errorf("review: --html %s is a folder", path)
	}
	head := make([]byte, 2048)
	n, _ := io.ReadFull(f, head)
	if bytes.Contains(head[:n], []byte(reportMark)) {
		return nil
	}
	return fmt.Errorf("review: %s exists and is not a review report (a published page?): not replacing it; give --html another name, or remove the file first", path)
}
