package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"bitext/glossary"
)

func init() {
	glossarySubcommands = append(glossarySubcommands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "suggest",
			Usage:     "propose names in an article that the glossary lacks, with an English spelling",
			ArgsUsage: "ARTICLE|-",
			Description: `Arabic has no capital letters, so names are found by what surrounds them
(titles such as الرئيس, وزير, الناطق باسم, وكالة, صحيفة), by a name table shipped
with bitext (Wikidata and Google ar2en pairs), by the shape of foreign names
(…يا, …ستان, …نغ, …وف) and by repetition. Terms already in the glossary are
skipped. Each suggestion has a proposed English spelling, from the name table
or, failing that, by rule-based transliteration: check it before adding it.

Examples:
   bitext glossary suggest article.txt
   bitext glossary suggest --json --max 20 article.txt
   bitext glossary suggest --glossary /dev/null article.txt   # ignore the glossary
   bitext glossary suggest --add article.txt > new.sh   # delete the lines you do not want, then: sh new.sh`,
			Flags: []cli.Flag{
				glossaryFlag(),
				&cli.IntFlag{Name: "max", Usage: "print at most this many suggestions (0: all)"},
				&cli.BoolFlag{Name: "json", Usage: "print a JSON array"},
				&cli.BoolFlag{Name: "add", Usage: "print each suggestion as a \"bitext glossary add\" command line, to edit and run with sh"},
			},
			Action: func(c *cli.Context) error { return suggestAction(c, e) },
		}
	})
}

// suggestion is one suggestion as suggest --json prints it.
type suggestion struct {
	Ar      string   `json:"ar"`
	En      string   `json:"en"`
	From    string   `json:"from"` // table, rules, table+rules or glossary
	Type    string   `json:"type,omitempty"`
	Count   int      `json:"count"`
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
	Start   int      `json:"start"` // first occurrence, byte offsets
	End     int      `json:"end"`
	Line    int      `json:"line"`
	Column  int      `json:"column"`
}

func suggestAction(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usagef("glossary suggest: want one article (or - for stdin), got %d arguments", c.NArg())
	}
	if c.Int("max") < 0 {
		return usagef("glossary suggest: --max: want 0 (all) or more, got %d", c.Int("max"))
	}
	var matcher *glossary.Matcher
	path := c.String("glossary")
	g, err := glossary.Load(path)
	switch {
	case err == nil:
		matcher = glossary.NewMatcher(g)
	case errors.Is(err, os.ErrNotExist) && !c.IsSet("glossary"):
		// No glossary yet: everything is new.
	default:
		return err
	}
	text, err := readArticle(c.Args().First(), e.stdin)
	if err != nil {
		return err
	}
	names, err := glossary.LoadNames()
	if err != nil {
		return err
	}
	found := glossary.Suggest(text, glossary.SuggestOptions{Names: names, Glossary: matcher, Max: c.Int("max")})
	out := make([]suggestion, len(found))
	for i, s := range found {
		line := strings.Count(text[:s.Start], "\n") + 1
		col := utf8.RuneCountInString(text[strings.LastIndexByte(text[:s.Start], '\n')+1:s.Start]) + 1
		out[i] = suggestion{Ar: s.Ar, En: s.En, From: s.From, Type: s.Type, Count: s.Count, Score: s.Score,
			Reasons: s.Reasons, Start: s.Start, End: s.End, Line: line, Column: col}
	}
	if c.Bool("json") && c.Bool("add") {
		return usagef("glossary suggest: --json and --add: choose one")
	}
	if c.Bool("json") {
		return writeJSON(e.stdout, out)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stderr, "bitext: no names to suggest: the article has no name-like words that the glossary lacks")
		return nil
	}
	var b strings.Builder
	if c.Bool("add") {
		glossaryArg := ""
		if c.IsSet("glossary") {
			glossaryArg = " --glossary " + shellQuote(path)
		}
		article := c.Args().First()
		if article == "-" {
			article = "the article on stdin"
		}
		fmt.Fprintf(&b, "# Names for %s that the glossary lacks: delete the lines you do not want,\n", article)
		fmt.Fprintf(&b, "# correct the English (above all where it says \"by rule\"), then run this with sh.\n")
		for _, s := range out {
			typ := ""
			if s.Type != "" {
				typ = " --type " + s.Type
			}
			from := "from the name table"
			switch s.From {
			case "rules":
				from = "English by rule: check it"
			case "table+rules":
				from = "English partly by rule: check it"
			case "glossary":
				from = "spelled as the glossary's full name"
			}
			fmt.Fprintf(&b, "bitext glossary add%s %s %s%s  # %d:%d, %d×, %s\n", glossaryArg, shellQuote(s.Ar), shellQuote(s.En), typ,
				s.Line, s.Column, s.Count, from)
		}
		_, err = fmt.Fprint(e.stdout, b.String())
		return err
	}
	for _, s := range out {
		typ := s.Type
		if typ == "" {
			typ = "-"
		}
		fmt.Fprintf(&b, "%d:%d\t%s\t%s\t%s\t%d×\t%s (%s)\n", s.Line, s.Column, s.Ar, s.En, typ, s.Count, strings.Join(s.Reasons, ", "), s.From)
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return err
}

// shellQuote quotes s for a POSIX shell: in single quotes, with each single
// quote (Democratic People's Republic) closed, escaped and reopened.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
