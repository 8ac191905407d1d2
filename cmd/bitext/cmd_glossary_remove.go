package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"bitext/glossary"
)

func init() {
	glossarySubcommands = append(glossarySubcommands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "remove",
			Usage:     "remove a term from the glossary, keeping the file's comments and order",
			ArgsUsage: "ARABIC",
			Description: `Removes the entry whose term or variant is ARABIC (in any spelling). When
homographs share the term, --en says which one goes.

Examples:
   bitext glossary remove سوليفان
   bitext glossary remove عمان --en Oman`,
			Flags: []cli.Flag{
				glossaryFlag(),
				&cli.StringFlag{Name: "en", Usage: "English rendering of the entry to remove, among homographs"},
			},
			Action: func(c *cli.Context) error { return removeAction(c, e) },
		}
	})
}

func removeAction(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usagef("glossary remove: want one Arabic term, got %d arguments", c.NArg())
	}
	path := c.String("glossary")
	unlock, err := lockGlossary(path)
	if err != nil {
		return err
	}
	defer unlock()
	data, err := readGlossaryFile(path, false)
	if err != nil {
		return err
	}
	out, removed, err := glossary.RemoveEntry(path, data, c.Args().First(), c.String("en"))
	if err != nil {
		return err
	}
	if err := writeGlossaryFile(path, out); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "bitext: removed %s (%s), line %d of %s\n", removed.Ar, removed.Rendering(), removed.Line, path)
	if _, err := glossary.Parse(path, out); err != nil {
		fmt.Fprintf(e.stderr, "bitext: %s still has problems:\n%v\n", path, err)
	}
	return nil
}
