package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"bitext/doc"
	"bitext/htmlpage"
	"bitext/internal/textfile"
	"bitext/review"
	"bitext/segment"
	"bitext/tm"
	"bitext/tmx"
	"bitext/xliff"
)

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "publish",
			Usage:     "publish a reviewed XLIFF file as the bilingual page, and its approved pairs as TMX",
			ArgsUsage: "REVIEWED.xlf",
			Description: `Reads the XLIFF file the editor saved (1.2 or 2.x, from any CAT tool), matches
its units to the ones bitext wrote, checks that the sources still match the
article, and writes the bilingual HTML page from the editor's targets. The
reviewed file is never written to. A unit whose target lacks a glossary name
is published as the editor wrote it, with a warning and the page's mark; a
target that still holds a protected name's placeholder (⟦1⟧ or ⟦1:Name⟧) is
refused, unit by unit, until the editor writes the name in its place. So is
a unit a reviewer rejected in the CAT tool (Trados RejectedTranslation, memoQ
Rejected; --allow-rejected publishes it), and one of whose segments the editor
left untranslated while translating the rest, and a unit whose target holds
the next or the previous unit's translation, its words matching that unit's
machine draft rather than its own (--allow-shifted publishes it). A unit whose
English lacks a number of its Arabic, or has one it lacks (a toll, a sum, a
date the page would print two ways), is refused too; --allow-number-mismatch
publishes it with a warning and the page's mark.

The article is looked for under the name recorded in the file, next to the file
and in the current folder (or give --article); a changed article, or sources
that no longer match what bitext wrote, stop publication unless --force.

The approved units are added to the translation memory (--tm, else the
default one, created when missing, where translate looks for it; --no-tm
leaves it alone). With --tmx, the pairs the editor approved or changed (and
units translated by hand) are also written as TMX 1.4b; machine drafts the
editor left untouched are not.

Examples:
   bitext publish article.reviewed.xlf                    # writes article.reviewed.html
   bitext publish -o article.html --tmx memory.tmx reviewed.xlf
   bitext publish --article article.txt reviewed.xlf`,
			Flags: append([]cli.Flag{
				&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "HTML file to write, - for stdout (default: the reviewed file's name with .html)"},
				&cli.StringFlag{Name: "tmx", Usage: "also write the approved pairs to this TMX file"},
				&cli.StringFlag{Name: "article", Usage: "the source article to check the file against (default: the name recorded in the file, when found); its front matter fills the page's title, source and date"},
				&cli.BoolFlag{Name: "allow-gist", Usage: "publish even though some units still hold the untouched word-by-word gist"},
				&cli.BoolFlag{Name: "allow-rejected", Usage: "publish even though a reviewer rejected some translations in the CAT tool"},
				&cli.BoolFlag{Name: "allow-shifted", Usage: "publish even though a unit seems to hold the next or the previous unit's translation"},
				&cli.BoolFlag{Name: "allow-number-mismatch", Usage: "publish even though a unit's English lacks a number of its Arabic, or has one it lacks"},
				&cli.BoolFlag{Name: "force", Usage: "publish even if the sources no longer match the article or the file lacks bitext's provenance"},
				&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
			}, append(pageFlags(), publishMemoryFlags()...)...),
			Action: func(c *cli.Context) error { return publishAction(c, e) },
		}
	})
}

func publishAction(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usagef("publish: want one reviewed XLIFF file, got %d", c.NArg())
	}
	input := c.Args().First()
	output := c.String("output")
	if output == "" {
		if input == "-" {
			output = "-"
		} else {
			output = outputStem(input) + ".html"
		}
	}
	tmxOut := c.String("tmx")
	for _, out := range []string{output, tmxOut} {
		if out != "" && sameFile(out, input) {
			return usagef("publish: %s is the reviewed file itself; it is never overwritten: choose another output", out)
		}
	}
	if tmxOut == "-" && output == "-" {
		return usagef("publish: the page and the TMX cannot both go to stdout")
	}
	rv, meta, err := loadReviewed(c, e, input)
	if err != nil {
		return err
	}
	tmpl, err := loadPageTemplate(c)
	if err != nil {
		return err
	}
	page := pageOptions(c, meta, tmpl)
	b := rv.Bitext()
	if !c.Bool("allow-gist") {
		if err := refuseGist(input, rv); err != nil {
			return err
		}
	}
	if !c.Bool("allow-rejected") {
		if err := refuseRejected(rv); err != nil {
			return err
		}
	}
	if !c.Bool("allow-shifted") {
		if err := refuseShifted(rv); err != nil {
			return err
		}
	}
	if err := refusePartial(rv); err != nil {
		return err
	}
	if err := refusePlaceholders(rv, b); err != nil {
		return err
	}
	numbers := review.NumberMismatches(rv.Units)
	if !c.Bool("allow-number-mismatch") {
		if err := refuseNumbers(rv, numbers); err != nil {
			return err
		}
	}
	if ids := approvedGist(rv); len(ids) > 0 {
		fmt.Fprintf(e.stderr, "bitext: warning: %s: %s approved as the word-by-word gist, unchanged (%s): published as the editor's translation and added to the memory\n",
			input, count(len(ids), "unit", "units"), listIDs(ids))
	}
	broken := review.CheckNames(b)
	review.MarkNumbers(b, numbers)
	// The memory is opened (or created) before any output is written, so
	// that a memory that cannot be opened leaves no new outputs behind.
	mem, err := openPublishMemory(c)
	if err != nil {
		return err
	}
	published := false
	defer func() {
		if mem != nil && !published {
			mem.Discard() // a memory this run created and never filled goes again
		}
	}()
	// Both outputs are made in memory first: an error in either writes neither.
	var pageBuf, tmxBuf bytes.Buffer
	if err := htmlpage.Write(&pageBuf, b, page); err != nil {
		return err
	}
	// The TMX holds what the memory gets, with the provenance the memory's
	// export writes (article, unit, state, editor, date): an import of it
	// restores them.
	now := time.Now().UTC().Truncate(time.Second)
	approved := tm.Approved(b, c.String("editor"), now)
	pairs := 0
	if tmxOut != "" {
		h := tmx.Header{CreationTool: "bitext", CreationToolVersion: version, SrcLang: b.SourceLang, CreationDate: now}
		if pairs, err = tm.WriteTMX(&tmxBuf, h, approved, func(m string) { fmt.Fprintf(e.stderr, "bitext: warning: %s\n", m) }); err != nil {
			return err
		}
	}
	_, pageErr := os.Stat(output)
	pageIsNew := output != "-" && errors.Is(pageErr, os.ErrNotExist)
	if err := writeFile(e, output, func(w io.Writer) error { _, err := w.Write(pageBuf.Bytes()); return err }); err != nil {
		return err
	}
	if tmxOut != "" {
		if err := writeFile(e, tmxOut, func(w io.Writer) error { _, err := w.Write(tmxBuf.Bytes()); return err }); err != nil {
			if pageIsNew {
				os.Remove(output) // no new page without its TMX
			}
			return err
		}
	}
	published = true
	memMsg, err := addPublished(c, mem, approved)
	if mem != nil {
		if cerr := mem.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("translation memory %s: %w", mem.Path(), cerr)
		}
	}
	if err != nil {
		return err
	}
	if !c.Bool("quiet") {
		var edited, approved, untranslated int
		for _, u := range rv.Units {
			switch {
			case u.Kind == doc.Boilerplate:
			case u.Untranslated:
				untranslated++
			case u.Approved:
				approved++
			}
			if u.Edited {
				edited++
			}
		}
		where := output
		if where == "-" {
			where = "stdout"
		}
		msg := fmt.Sprintf("bitext: published %s (%d units: %d edited, %d approved, %d untranslated)", where, len(rv.Units), edited, approved, untranslated)
		if tmxOut != "" {
			msg += fmt.Sprintf("; wrote %s (%d pairs)", tmxOut, pairs)
		}
		if untranslated > 0 {
			fmt.Fprintf(e.stderr, "bitext: warning: %s no translation; the page shows the source only\n", count(untranslated, "unit has", "units have"))
		}
		for _, bn := range broken {
			u := rv.Units[bn.Unit]
			var names []string
			for _, h := range bn.Names {
				names = append(names, fmt.Sprintf("%q for %s", review.Expected(h), h.Surface))
			}
			fmt.Fprintf(e.stderr, "bitext: warning: %s:%d: unit %s: name not as in the glossary: %s; published as the editor wrote it\n",
				rv.File.Name, u.Line, u.ID, strings.Join(names, ", "))
		}
		for _, n := range numbers {
			fmt.Fprintf(e.stderr, "bitext: warning: %s:%d: unit %s: %s; published as the editor wrote it\n", rv.File.Name, n.Line, n.Unit, n.Message())
		}
		// the summary comes last, after the warnings, naming what was written
		fmt.Fprintln(e.stderr, msg)
		if memMsg != "" {
			fmt.Fprintln(e.stderr, memMsg)
		}
	}
	return nil
}

// loadReviewed reads and resolves a reviewed XLIFF file, checks it against
// its article (the --article flag, or the recorded name when found) and
// prints the warnings. It returns the article's front matter, if any. It
// reads the flags force, article and quiet.
func loadReviewed(c *cli.Context, e *env, input string) (*xliff.Reviewed, htmlpage.Meta, error) {
	var meta htmlpage.Meta
	name := input
	var data []byte
	var err error
	if input == "-" {
		name = "stdin"
	}
	data, err = readInput(input, e.stdin)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, meta, fmt.Errorf("%s: no such file", input)
		}
		return nil, meta, err
	}
	f, err := xliff.Read(bytes.NewReader(data), name)
	if err != nil {
		return nil, meta, err
	}
	force := c.Bool("force")
	warn := func(format string, args ...any) {
		if !c.Bool("quiet") {
			fmt.Fprintf(e.stderr, "bitext: warning: "+format+"\n", args...)
		}
	}
	article := c.String("article")
	if f.ArticleSHA256 == "" {
		// Sources are still checked unit by unit, but an article changed
		// since (a paragraph added, say) goes unnoticed: say so.
		what := "its article"
		if f.Original != "" {
			what = f.Original
		}
		if article != "" {
			what = article
		}
		warn("%s records no checksum of the article it was made from: whether %s changed since cannot be checked", name, what)
	}
	if article == "" && f.Original != "" && f.ArticleSHA256 != "" {
		// The name comes from the file, which comes from outside: only a
		// regular file is read (/dev/zero would fill the memory, a pipe wait).
		for _, p := range []string{filepath.Join(filepath.Dir(input), filepath.Base(f.Original)), f.Original} {
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				article = p
				break
			}
		}
		if article == "" {
			warn("article %s not found; sources checked against the hashes recorded in %s only", f.Original, name)
		}
	}
	// the article, segmented as translate read it, once it matches the file
	var articleDoc *doc.Document
	var articleErr error
	if article != "" {
		text, err := textfile.Read(article, e.stdin)
		if err != nil {
			return nil, meta, err
		}
		// bitext hashes the article as translate read it: front matter blanked out
		m, body, fmErr := htmlpage.SplitFrontMatter(article, text)
		if fmErr == nil {
			meta = m
		}
		lang := f.SourceLang
		if lang == "" {
			lang = "ar"
		}
		switch {
		case f.ArticleSHA256 == "": // said above
		case f.CheckArticle(body) == nil:
			articleDoc = segment.Split(article, body, lang)
		case f.CheckArticle(text) == nil:
			articleDoc = segment.Split(article, text, lang)
		default:
			articleErr = f.CheckArticle(body)
		}
	}
	rv, err := f.Resolve(xliff.ResolveOptions{Force: force, Article: articleDoc, Gist: remakeGist(c.Context, warn)})
	if re := (*xliff.ReviewError)(nil); errors.As(err, &re) && re.Forceable() {
		return nil, meta, fmt.Errorf("%w\n  (use --force to accept these changes)", err)
	}
	if err != nil {
		return nil, meta, err
	}
	if articleErr != nil {
		if !force {
			return nil, meta, fmt.Errorf("%w (checked against %s; use --force to go on anyway)", articleErr, article)
		}
		warn("accepted with --force: %v", articleErr)
	}
	for _, w := range rv.Warnings {
		warn("%s", w)
	}
	return rv, meta, nil
}

// approvedGist returns the units the editor approved with the gist left as
// it was: approval makes them the editor's, but an "approve all" in a CAT
// tool does that too.
func approvedGist(rv *xliff.Reviewed) []string {
	var ids []string
	for _, u := range rv.Units {
		if u.Approved && !u.Edited && !u.Untranslated && u.Origin == xliff.GistOrigin {
			ids = append(ids, u.ID)
		}
	}
	return ids
}

// listIDs joins unit ids for a message, the first five and an ellipsis.
func listIDs(ids []string) string {
	if len(ids) > 5 {
		ids = append(ids[:5:5], "…")
	}
	return strings.Join(ids, ", ")
}

// refuseGist returns an error naming the units whose target is still the
// untouched word-by-word gist: a gist is never to be published as a translation.
func refuseGist(input string, rv *xliff.Reviewed) error {
	var ids []string
	first := 0
	for _, u := range rv.Units {
		if u.State == doc.StateGist {
			if len(ids) == 0 {
				first = u.Line
			}
			ids = append(ids, u.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return fmt.Errorf("%s:%d: %s the word-by-word gist, not a translation (%s); translate or edit them, or publish with --allow-gist",
		input, first, count(len(ids), "unit still holds", "units still hold"), listIDs(ids))
}

// refuseRejected returns an error naming each unit whose translation a
// reviewer rejected in the CAT tool (Trados RejectedTranslation, memoQ
// Rejected): the XLIFF state may still say approved, but the sentence is not
// to go into print as it is.
func refuseRejected(rv *xliff.Reviewed) error {
	e := &xliff.ReviewError{File: rv.File.Name}
	for _, u := range rv.Units {
		if u.Rejected && !u.Untranslated {
			e.Problems = append(e.Problems, xliff.Problem{Line: u.Line, Unit: u.ID,
				Msg: fmt.Sprintf("a reviewer rejected this translation (%s): %q; correct and confirm it in the CAT tool, or publish with --allow-rejected", u.ToolStatus, clipText(u.Target, 60))})
		}
	}
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// refuseShifted returns an error naming each unit whose target holds the
// translation of the unit before or after it (review.Shifts): the page would print
// that English beside the wrong Arabic.
func refuseShifted(rv *xliff.Reviewed) error {
	e := &xliff.ReviewError{File: rv.File.Name}
	for _, s := range review.Shifts(rv.Units) {
		e.Problems = append(e.Problems, xliff.Problem{Line: s.Line, Unit: s.Unit, Msg: s.Message() + ", or publish with --allow-shifted"})
	}
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// refuseNumbers returns an error naming each unit whose target and source
// do not carry the same figures (review.NumberMismatches): a wrong toll is
// worse than a late page.
func refuseNumbers(rv *xliff.Reviewed, numbers []review.Numbers) error {
	e := &xliff.ReviewError{File: rv.File.Name}
	for _, n := range numbers {
		e.Problems = append(e.Problems, xliff.Problem{Line: n.Line, Unit: n.Unit, Msg: n.Message() + "; correct the figure, or publish with --allow-number-mismatch"})
	}
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// refusePartial returns an error naming each unit the editor translated
// only in part, a segment the CAT tool cut it into left without a
// translation: the page would print part of the sentence as the whole.
func refusePartial(rv *xliff.Reviewed) error {
	e := &xliff.ReviewError{File: rv.File.Name}
	for _, u := range rv.Units {
		for _, m := range u.MissingSegments {
			e.Problems = append(e.Problems, xliff.Problem{Line: u.Line, Unit: u.ID,
				Msg: fmt.Sprintf("the segment %q has no translation while the rest of the unit has one: translate it in the CAT tool", clipText(m, 60))})
		}
	}
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// refusePlaceholders returns an error naming each unit whose target still
// holds a protected name's placeholder (⟦1⟧, ⟦1:Name⟧): the page would show
// the token where the name belongs. No flag lets it through: the editor
// writes the name in its place.
func refusePlaceholders(rv *xliff.Reviewed, b *doc.Bitext) error {
	left := review.CheckPlaceholders(b)
	if len(left) == 0 {
		return nil
	}
	e := &xliff.ReviewError{File: rv.File.Name}
	for _, l := range left {
		u := rv.Units[l.Unit]
		e.Problems = append(e.Problems, xliff.Problem{Line: u.Line, Unit: u.ID,
			Msg: fmt.Sprintf("the target holds %s, the placeholder of a protected name, not the name: write the name in its place", strings.Join(l.Tokens, " "))})
	}
	return e
}

// clipText shortens s to n characters for a message, marking the cut.
func clipText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
