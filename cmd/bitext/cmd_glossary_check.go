package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"bitext/glossary"
)

func init() {
	glossarySubcommands = append(glossarySubcommands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "check",
			Usage:     "validate the glossary and, given articles, list the entries none of them uses",
			ArgsUsage: "[ARTICLE...]",
			Description: `Reports every problem in the glossary file with its line: unknown keys,
duplicate terms (also after spelling normalisation), missing English, text in
the wrong script, unknown types. Exits 1 when there is one.

Notes an entry whose one-word term news text mostly uses as an ordinary word
(الأمن "security"): it is matched only near its context words or where the
words around it mark a name, so give it context words, or always: true to
match it everywhere.

With articles, also lists the entries that occur in none of them.

Examples:
   bitext glossary check
   bitext glossary check --glossary names.yaml archive/*.txt`,
			Flags:  []cli.Flag{glossaryFlag(), &cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but problems"}},
			Action: func(c *cli.Context) error { return checkAction(c, e) },
		}
	})
}

func checkAction(c *cli.Context, e *env) error {
	path := c.String("glossary")
	g, err := glossary.Load(path)
	if err != nil {
		return err
	}
	var out strings.Builder
	quiet := c.Bool("quiet")
	for _, en := range g.Entries {
		if quiet {
			break // notes are advice, not problems
		}
		seen := map[string]string{glossary.Key(en.Ar): en.Ar}
		for _, v := range en.Variants {
			k := glossary.Key(v)
			if first, ok := seen[k]; ok {
				fmt.Fprintf(&out, "%s:%d: note: variant %q is the same as %q after normalisation: bitext matches it anyway (a glossary pushed to Cloud Translation, which matches exactly, still needs it)\n", path, en.Line, v, first)
			}
			seen[k] = v
		}
		if en.HasMarks() {
			// Pasted from an Arabic page: unseen, they go into every translation.
			fmt.Fprintf(&out, "%s:%d: note: %q %q holds invisible direction marks (shown as \\u200f and the like): type it again, or remove it and add it\n",
				path, en.Line, en.Ar, en.Rendering())
		}
		if form, u, ok := en.OrdinaryForm(); ok {
			fmt.Fprintf(&out, "%s:%d: note: %q is an ordinary word in most news text (a name in %d of %d uses); it is matched only near its context words or where the text marks a name: add context, or always: true\n",
				path, en.Line, form, u.Name, u.Name+u.Ordinary)
		}
	}
	if c.NArg() > 0 {
		m := glossary.NewMatcher(g)
		used := map[*glossary.Entry]bool{}
		for _, a := range c.Args().Slice() {
			text, err := readArticle(a, e.stdin)
			if err != nil {
				return err
			}
			for _, h := range m.Match(text) {
				used[h.Entry] = true
			}
		}
		for _, en := range g.Entries {
			if !used[en] {
				fmt.Fprintf(&out, "%s:%d: unused: %s (%s)\n", path, en.Line, en.Ar, en.Rendering())
			}
		}
	}
	if !c.Bool("quiet") {
		fmt.Fprintf(&out, "%s: %s, no problems\n", path, count(len(g.Entries), "entry", "entries"))
	}
	_, err = fmt.Fprint(e.stdout, out.String())
	return err
}
