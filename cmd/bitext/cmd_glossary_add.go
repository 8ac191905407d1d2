package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"bitext/glossary"
	"bitext/internal/atomicfile"
	"bitext/internal/filelock"
)

func init() {
	glossarySubcommands = append(glossarySubcommands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "add",
			Usage:     "add a term to the glossary, keeping the file's comments and order",
			ArgsUsage: "ARABIC [ENGLISH]",
			Description: `Appends an entry to the end of the terms list and checks the result (a term
that is already there, in any spelling, is refused). The file is replaced only
once the new one is complete. ENGLISH may be left out with --no-translate.

Examples:
   bitext glossary add "سيرغي لافروف" "Sergei Lavrov" --type person --note "Russian foreign minister"
   bitext glossary add "بيونغ يانغ" Pyongyang --type place --variant بيونغيانغ
   bitext glossary add الجزيرة --no-translate --type media`,
			Flags: []cli.Flag{
				glossaryFlag(),
				&cli.StringSliceFlag{Name: "variant", Usage: "another Arabic spelling (repeat the flag, or separate with commas)"},
				&cli.StringFlag{Name: "type", Usage: "person, place, organisation, media or other"},
				&cli.StringFlag{Name: "note", Usage: "note shown to translators"},
				&cli.StringSliceFlag{Name: "context", Usage: "word that picks this entry among homographs (repeat the flag, or separate with commas)"},
				&cli.BoolFlag{Name: "no-translate", Usage: "keep the term as it is"},
				&cli.BoolFlag{Name: "always", Usage: "match the term even where it reads as an ordinary word"},
			},
			Action: func(c *cli.Context) error { return addAction(c, e) },
		}
	})
}

func addAction(c *cli.Context, e *env) error {
	if c.NArg() < 1 || c.NArg() > 2 {
		return usagef("glossary add: want ARABIC and ENGLISH, got %d arguments", c.NArg())
	}
	entry := &glossary.Entry{
		Ar: strings.TrimSpace(c.Args().Get(0)), En: strings.TrimSpace(c.Args().Get(1)),
		Variants: c.StringSlice("variant"), Type: c.String("type"), Note: c.String("note"), Context: c.StringSlice("context"),
		Always: c.Bool("always"),
	}
	entry.StripMarks()
	if typ := c.String("type"); typ != "" {
		t, ok := glossary.TypeOf(typ)
		if !ok {
			return usagef("glossary add: --type %q: want %s", typ, strings.Join(glossary.Types, ", "))
		}
		entry.Type = t
	}
	for _, w := range append(append([]string{}, entry.Context...), entry.Variants...) {
		if strings.TrimSpace(w) == "" {
			return usagef("glossary add: --context and --variant want a word, got an empty one")
		}
	}
	if c.Bool("no-translate") {
		f := false
		entry.Translate = &f
	} else if entry.En == "" {
		return usagef("glossary add: want the English rendering of %q (or --no-translate)", entry.Ar)
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
	// Check against the file as it is, so that a clash names the entry there
	// and not the line the new entry would have taken.
	g, err := glossary.Parse(path, data)
	if err != nil {
		return err
	}
	if err := appendEntries(path, data, g, "glossary add", []*glossary.Entry{entry}); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "bitext: added %s (%s) to %s\n", entry.Ar, entry.Rendering(), path)
	if form, _, ok := entry.OrdinaryForm(); ok {
		fmt.Fprintf(e.stderr, "bitext: note: %s is an ordinary word in most news text; it is matched only near its context words (--context) or where the text marks a name, or everywhere with --always\n", form)
	}
	return nil
}

// appendEntries checks es, read from src, as additions to g (the glossary
// file path holding data), then appends them to the file, keeping its
// comments and order, and writes it atomically.
func appendEntries(path string, data []byte, g *glossary.Glossary, src string, es []*glossary.Entry) error {
	if err := g.CheckAdditions(src, es); err != nil {
		return err
	}
	if len(es) == 0 {
		return nil
	}
	for _, en := range es {
		en.Line = 0 // a line of src, not of the glossary
	}
	out, err := glossary.AppendEntries(path, data, es...)
	if err != nil {
		return fmt.Errorf("adding to %s from %s: %w", path, src, err)
	}
	return writeGlossaryFile(path, out)
}

// lockGlossary takes the lock of the folder that holds the glossary file, so
// that edits run at the same time do not lose one another's entries. A file
// reached through a symbolic link is locked where it is, as it is written
// there.
func lockGlossary(path string) (unlock func(), err error) {
	real := path
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(path); err == nil {
			real = target
		}
	}
	unlock, err = filelock.LockFolderOf(real)
	if err != nil {
		if dir := filepath.Dir(real); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("glossary %s: there is no folder %s", path, dir)
		}
		return nil, fmt.Errorf("glossary %s: %w", path, err)
	}
	return unlock, nil
}

// readGlossaryFile reads the glossary file; a missing file is empty when
// create is set.
func readGlossaryFile(path string, create bool) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if create && os.IsNotExist(err) {
			return []byte(glossary.FileHeader), nil
		}
		return nil, fmt.Errorf("reading glossary: %w", err)
	}
	return data, nil
}

// writeGlossaryFile replaces the glossary file atomically.
func writeGlossaryFile(path string, data []byte) error {
	err := atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
