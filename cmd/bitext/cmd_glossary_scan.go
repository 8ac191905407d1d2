package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"bitext/glossary"
	"bitext/htmlpage"
	"bitext/internal/textfile"
)

func init() {
	glossarySubcommands = append(glossarySubcommands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "scan",
			Usage:     "list every glossary term found in an article",
			ArgsUsage: "ARTICLE|-",
			Description: `Finds the glossary's terms in the article the way translate does: spelling
variants, diacritics and tatweel are ignored, and a proclitic glued to a term
(و ف ب ل ك, لل) is split off. Each hit is printed as line:column, the surface
form, the clitic split and the English rendering.

A one-word term that news text mostly uses as an ordinary word (الأمن
"security", المصري "Egyptian") is matched only when one of its entry's context
words is near, when the entry says always: true, or when the words around it
mark a name (quotation marks, a title before it, a verb of saying, و joining
it to a name). --all lists those left out too, marked "ordinary word".

Examples:
   bitext glossary scan article.txt
   bitext glossary scan --glossary names.yaml --json article.txt`,
			Flags: []cli.Flag{
				glossaryFlag(),
				&cli.BoolFlag{Name: "json", Usage: "print a JSON array, one object per hit"},
				&cli.BoolFlag{Name: "all", Usage: "also list the terms left out as ordinary words"},
			},
			Action: func(c *cli.Context) error { return scanAction(c, e) },
		}
	})
}

// glossaryFlag is the --glossary flag of the glossary subcommands.
func glossaryFlag() cli.Flag {
	return &cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Value: defaultGlossary, Usage: "glossary file"}
}

// readArticle reads an article for the glossary commands as translate reads
// it: its front matter (page settings, not text) is blanked, so that lines
// and byte offsets stay those of the file.
func readArticle(path string, stdin io.Reader) (string, error) {
	text, err := textfile.Read(path, stdin)
	if err != nil {
		return "", err
	}
	name := path
	if path == "-" {
		name = "stdin"
	}
	_, text, err = htmlpage.SplitFrontMatter(name, text)
	return text, err
}

// scanHit is one hit as scan --json prints it.
type scanHit struct {
	Start     int    `json:"start"`      // byte offset of the surface form in the file
	End       int    `json:"end"`        // byte offset after it
	Line      int    `json:"line"`       // 1-based
	Column    int    `json:"column"`     // 1-based, in characters
	Surface   string `json:"surface"`    // the file's bytes from start to end
	Clitic    string `json:"clitic"`     // proclitic glued to the term, "" if none
	StemStart int    `json:"stem_start"` // byte offset of the term after the clitic
	Stem      string `json:"stem"`       // the term as written after the clitic (article restored: للصين → الصين)
	Ar        string `json:"ar"`         // the entry's Arabic term
	En        string `json:"en"`         // its English rendering
	Type      string `json:"type,omitempty"`
	Note      string `json:"note,omitempty"`
	Translate bool   `json:"translate"`
	EntryLine int    `json:"entry_line"` // line of the entry in the glossary file
	// Ordinary marks, with --all, a term left out because it reads as an ordinary word here.
	Ordinary bool `json:"ordinary,omitempty"`
}

func scanAction(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usagef("glossary scan: want one article (or - for stdin), got %d arguments", c.NArg())
	}
	g, err := glossary.Load(c.String("glossary"))
	if err != nil {
		return err
	}
	text, err := readArticle(c.Args().First(), e.stdin)
	if err != nil {
		return err
	}
	m := glossary.NewMatcher(g)
	found := m.Match
	if c.Bool("all") {
		found = m.MatchAll
	}
	hits := scanHits(text, found(text))
	if c.Bool("json") {
		return writeJSON(e.stdout, hits)
	}
	var b strings.Builder
	for _, h := range hits {
		split := h.Surface
		if h.Clitic != "" {
			split = h.Clitic + "+" + h.Stem
		}
		fmt.Fprintf(&b, "%d:%d\t%s\t%s\t%s", h.Line, h.Column, h.Surface, split, h.En)
		if h.Ordinary {
			b.WriteString("\t(ordinary word: left out)")
		}
		b.WriteString("\n")
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return err
}

// scanHits adds positions to hits; it walks text once. A byte order mark
// is no column: editors do not show it.
func scanHits(text string, hits []glossary.Hit) []scanHit {
	out := make([]scanHit, 0, len(hits))
	line, lineStart, pos := 1, 0, 0
	if strings.HasPrefix(text, "\uFEFF") {
		lineStart = len("\uFEFF")
	}
	for _, h := range hits {
		for pos < h.Start {
			if text[pos] == '\n' {
				line++
				lineStart = pos + 1
			}
			pos++
		}
		out = append(out, scanHit{
			Start: h.Start, End: h.End, Line: line, Column: utf8.RuneCountInString(text[lineStart:h.Start]) + 1,
			Surface: text[h.Start:h.End], Clitic: h.Clitic, StemStart: h.StemStart, Stem: h.Stem(text),
			Ar: h.Entry.Ar, En: h.Entry.Rendering(), Type: h.Entry.Type, Note: h.Entry.Note,
			Translate: h.Entry.Translatable(), EntryLine: h.Entry.Line, Ordinary: h.Ordinary,
		})
	}
	return out
}
