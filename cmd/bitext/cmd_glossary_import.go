package main

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"
	"golang.org/x/text/encoding/charmap"

	"bitext/glossary"
	"bitext/internal/textfile"
)

func init() {
	glossarySubcommands = append(glossarySubcommands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "import",
			Usage:     "add the terms of a CSV, TBX or TSV file to the glossary",
			ArgsUsage: "FILE|-",
			Description: `Reads terms in one of the export formats and appends those the glossary does
not have yet, keeping the file's comments and order. A term already there (in
any spelling) is left as it is, and what the file says of it that the
glossary does not (another English, new variants, a note) is reported with
the file's line; with --update it is taken into the entry instead. Nothing
is written when the imported file has an error or no terms (exit 1). TBX may
be TBX 2 (martif, as bitext, memoQ and MultiTerm write it) or TBX 3 (tbx).
Entries with no Arabic term are left out and counted, and those with no
English term are left out and named with their line. The format is the
file's extension (.csv, .tbx, .tsv); for another (.txt, .xml) or stdin it is
told from the content.

A termbase or sheet with English of several kinds (en-GB and en-US) gives
each entry the English of the kind --lang names, else the first the entry
has; the other terms go to the note ("Also: ..."), and the summary says which
kind was taken where they differ.

Examples:
   bitext glossary import names.csv
   bitext glossary import termbase.xml
   bitext glossary import --update corrected.tbx
   bitext glossary import --lang en-GB termbase.tbx
   bitext glossary export -f tsv -g other.yaml | bitext glossary import -`,
			Flags: []cli.Flag{
				glossaryFlag(),
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "csv, tbx or tsv (default: from the file's extension, else its content)"},
				&cli.BoolFlag{Name: "update", Aliases: []string{"u"}, Usage: "take the file's English, type, note and translate, and add its variants and context words, for terms the glossary has"},
				&cli.StringFlag{Name: "lang", Usage: "the kind of English to take from a file with several (en-GB, en-US)"},
			},
			Action: func(c *cli.Context) error { return importAction(c, e) },
		}
	})
}

func importAction(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usagef("glossary import: want one file (or - for stdin), got %d arguments", c.NArg())
	}
	in := c.Args().First()
	format, err := formatFlag(c)
	if err != nil {
		return err
	}
	lang := strings.TrimSpace(c.String("lang"))
	if lang != "" && !englishTag.MatchString(strings.ToLower(lang)) {
		return usagef("glossary import: --lang %q: want a kind of English, such as en-GB or en-US", lang)
	}
	var src []byte
	name := in
	if in == "-" {
		name = "stdin"
	}
	if src, err = readInput(in, e.stdin); err != nil {
		return err
	}
	if kind := binaryKind(src); kind != "" {
		return fmt.Errorf("%s: not a CSV, TSV or TBX file but %s", name, kind)
	}
	if src, err = fromWindows1256(e, name, src); err != nil {
		return err
	}
	if format == "" {
		format = formatOfName(in)
	}
	if format == "" {
		// .txt (Excel's "Unicode Text"), .xml (a termbase), no extension, stdin.
		format = glossary.DetectFormat(src)
	}
	entries, rep, err := glossary.ReadOptions{English: lang}.Read(bytes.NewReader(src), name, format)
	// Said even when the rest fails, for it may explain what does.
	reportSkips(e, name, rep.Skipped)
	if err != nil {
		return err
	}
	reportUnread(e, name, rep.Unread)
	reportEnglish(e, name, rep.English)
	if n := joinedRows(rep.Joined); n > 0 {
		fmt.Fprintf(e.stderr, "bitext: read %s of %s as other spellings of a term with the same English\n", count(n, "row", "rows"), name)
	}
	if len(entries) == 0 {
		// An import of nothing is almost always the wrong file or a failed
		// export: a failure, so that a script stops there.
		return fmt.Errorf("%s: no terms", name)
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
	g, err := glossary.Parse(path, data)
	if err != nil {
		return err
	}
	// have holds the entries of every known form, with where they come from.
	have := map[string][]source{}
	for _, en := range g.Entries {
		for _, f := range en.Forms() {
			k := glossary.Key(f)
			have[k] = append(have[k], source{en, fmt.Sprintf("%s:%d", path, en.Line), true})
		}
	}
	update := c.Bool("update")
	var add []*glossary.Entry
	changed := map[*glossary.Entry]*glossary.Entry{} // a glossary entry and what it becomes
	firstRow := map[*glossary.Entry]string{}         // with --update, the row that updates a glossary entry
	skipped := 0
	for i := 0; i < len(entries); i++ {
		en := entries[i]
		old, ok := clash(have[glossary.Key(en.Ar)], en)
		if split := splitKnownVariants(en, rep.Joined[en], have, old.entry); len(split) > 0 {
			entries = slices.Insert(entries, i+1, split...)
		}
		if !ok {
			for _, f := range en.Forms() {
				k := glossary.Key(f)
				have[k] = append(have[k], source{en, fmt.Sprintf("%s:%d", name, en.Line), false})
			}
			add = append(add, en)
			continue
		}
		skipped++
		base, at, ofGlossary := old.entry, old.at, old.inGlossary
		if m, ok := changed[base]; ok {
			base = m
		}
		if update && ofGlossary && base.Rendering() != en.Rendering() {
			// Among homographs a row without context words cannot say
			// which it means: none is changed on a guess.
			if hs := homographs(have[glossary.Key(en.Ar)]); len(hs) > 1 {
				fmt.Fprintf(e.stderr, "%s:%d: %s: not updated: the glossary has %s, told apart by context words; give the row context words, or edit the entry\n",
					name, en.Line, en.Ar, strings.Join(hs, " and "))
				continue
			}
		}
		if update && ofGlossary {
			// An entry is updated by the first row that names it; the
			// rows after it are that row's duplicates.
			if first, ok := firstRow[old.entry]; ok {
				at, ofGlossary = first, false
			} else {
				firstRow[old.entry] = fmt.Sprintf("%s:%d", name, en.Line)
			}
		}
		m, diffs := mergeEntry(base, en)
		if len(diffs) == 0 {
			continue
		}
		if !update || !ofGlossary {
			hint := ""
			switch {
			case ofGlossary && len(diffs) == 1:
				hint = " (--update takes it)"
			case ofGlossary:
				hint = " (--update takes them)"
			}
			fmt.Fprintf(e.stderr, "%s:%d: %s: %s%s\n", name, en.Line, en.Ar, leftOut(base, en, at, diffs), hint)
			continue
		}
		if base.Rendering() != m.Rendering() {
			diffs[0] += fmt.Sprintf(" (was %q)", base.Rendering())
		}
		changed[old.entry] = m
		fmt.Fprintf(e.stderr, "%s:%d: %s: updated %s: %s\n", name, en.Line, en.Ar, at, strings.Join(diffs, ", "))
		for _, f := range m.Forms() {
			k := glossary.Key(f)
			have[k] = append(have[k], old)
		}
	}
	for old, m := range changed {
		// Rows that disagree may together leave an entry as it was.
		if glossary.FormatEntry(old, "") == glossary.FormatEntry(m, "") {
			delete(changed, old)
		}
	}
	if len(changed) > 0 {
		repl := map[int]*glossary.Entry{}
		for old, m := range changed {
			repl[old.Line] = m
		}
		if data, err = glossary.ReplaceEntries(path, data, repl); err != nil {
			return fmt.Errorf("updating %s from %s: %w", path, name, err)
		}
		if g, err = glossary.Parse(path, data); err != nil {
			return err
		}
	}
	if err := appendEntries(path, data, g, name, add); err != nil {
		return err
	}
	if len(add) == 0 && len(changed) > 0 {
		if err := writeGlossaryFile(path, data); err != nil {
			return err
		}
	}
	if update {
		fmt.Fprintf(e.stderr, "bitext: imported %s into %s (%d already there, %s)\n", count(len(add), "term", "terms"), path, skipped, count(len(changed), "entry updated", "entries updated"))
		return nil
	}
	fmt.Fprintf(e.stderr, "bitext: imported %s into %s (%d already there)\n", count(len(add), "term", "terms"), path, skipped)
	return nil
}

// splitKnownVariants takes out of en, an entry of the imported file read
// from several rows whose variants are on the lines rows, the variants that
// an entry of the glossary other than own has, and returns them as entries of
// their own, as the rows they were: a two-column file (CSV, Google's
// glossaries) writes two entries of one English as one, and each spelling is
// then judged against the entry that has it.
func splitKnownVariants(en *glossary.Entry, rows []int, have map[string][]source, own *glossary.Entry) []*glossary.Entry {
	if len(rows) != len(en.Variants) {
		return nil // variants the file gave as such
	}
	var split []*glossary.Entry
	var keep []string
	for i, v := range en.Variants {
		elsewhere := slices.ContainsFunc(have[glossary.Key(v)], func(s source) bool { return s.inGlossary && s.entry != own })
		if !elsewhere {
			keep = append(keep, v)
			continue
		}
		split = append(split, &glossary.Entry{Ar: v, En: en.En, Translate: en.Translate, Line: rows[i]})
	}
	if len(split) > 0 {
		en.Variants = keep
	}
	return split
}

// homographs lists the glossary's entries among same, "English (at)", when
// it has more than one.
func homographs(same []source) []string {
	var seen []*glossary.Entry
	var out []string
	for _, s := range same {
		if s.inGlossary && !slices.Contains(seen, s.entry) {
			seen = append(seen, s.entry)
			out = append(out, fmt.Sprintf("%q (%s)", s.entry.Rendering(), s.at))
		}
	}
	return out
}

// leftOut says what of in, whose term is the entry old's from at, is not
// taken: diffs, as mergeEntry says them.
func leftOut(old, in *glossary.Entry, at string, diffs []string) string {
	if old.Rendering() != in.Rendering() && in.En != "" {
		msg := fmt.Sprintf("kept %q from %s, not %q", old.Rendering(), at, in.En)
		if len(diffs) > 1 {
			msg += "; left out " + strings.Join(diffs[1:], ", ")
		}
		return msg
	}
	return fmt.Sprintf("already at %s; left out %s", at, strings.Join(diffs, ", "))
}

// mergeEntry returns a copy of old with what in says that old does not: in's
// English, type, note and translate where in has them, and its term,
// variants and context words added (a spelling that matches as one of old's
// does is not); and what in adds, as the user reads it.
func mergeEntry(old, in *glossary.Entry) (*glossary.Entry, []string) {
	m := *old
	m.Variants = slices.Clone(old.Variants)
	m.Context = slices.Clone(old.Context)
	var diffs []string
	if in.En != "" && in.En != old.En {
		m.En = in.En
		diffs = append(diffs, fmt.Sprintf("English %q", in.En))
	}
	for _, f := range in.Forms() {
		if !slices.ContainsFunc(m.Forms(), func(g string) bool { return glossary.Key(g) == glossary.Key(f) }) {
			m.Variants = append(m.Variants, f)
			diffs = append(diffs, fmt.Sprintf("variant %q", f))
		}
	}
	if in.Type != "" && in.Type != old.Type {
		m.Type = in.Type
		diffs = append(diffs, "type "+in.Type)
	}
	if in.Note != "" && in.Note != old.Note {
		m.Note = in.Note
		diffs = append(diffs, fmt.Sprintf("note %q", in.Note))
	}
	if in.Translate != nil && *in.Translate != old.Translatable() {
		m.Translate = in.Translate
		diffs = append(diffs, fmt.Sprintf("translate: %t", *in.Translate))
	}
	for _, w := range in.Context {
		if !slices.Contains(m.Context, w) {
			m.Context = append(m.Context, w)
			diffs = append(diffs, fmt.Sprintf("context word %q", w))
		}
	}
	if in.Always && !old.Always {
		m.Always = true
		diffs = append(diffs, "always: true")
	}
	return &m, diffs
}

// binaryKind names the kind of file src is when it is one that users take
// for a glossary and is no text: a workbook or a CAT tool's own termbase,
// with what to do instead; else it returns "".
func binaryKind(src []byte) string {
	const save = `: save it from Excel as "CSV UTF-8" or "Unicode Text"`
	switch {
	case bytes.HasPrefix(src, []byte("PK\x03\x04")):
		return "a ZIP archive, such as an Excel workbook (.xlsx)" + save
	case bytes.HasPrefix(src, []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}):
		return "an Office document, such as an Excel 97-2003 workbook (.xls)" + save
	case bytes.HasPrefix(src, []byte("SQLite format 3\x00")):
		return "an SQLite database, such as a MultiTerm termbase (.sdltb): export it from MultiTerm as TBX"
	}
	return ""
}

// fromWindows1256 returns src as UTF-8 when it is Arabic in Windows-1256, as
// Excel saves "CSV" with an Arabic Windows locale, and says so: a user on
// Windows has no iconv to convert it with. Other text that is not UTF-8 is
// returned as it is, for the reader to refuse with its line.
func fromWindows1256(e *env, name string, src []byte) ([]byte, error) {
	if utf8.Valid(src) || bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) ||
		!textfile.LooksLikeWindows1256(src) {
		return src, nil
	}
	out, err := charmap.Windows1256.NewDecoder().Bytes(src)
	if err != nil {
		return nil, fmt.Errorf("%s: reading it as Windows-1256: %w", name, err)
	}
	fmt.Fprintf(e.stderr, "bitext: %s is not UTF-8: read it as Windows-1256 (Arabic)\n", name)
	return out, nil
}

// source is an entry of the glossary or of the imported file, and where.
type source struct {
	entry      *glossary.Entry
	at         string
	inGlossary bool // not of the imported file
}

// clash returns the entry among same, those with the term of en, that en
// would repeat: the same rendering, or any entry unless both are homographs
// told apart by context words (عمان, Amman and Oman).
func clash(same []source, en *glossary.Entry) (source, bool) {
	for _, old := range same {
		if old.entry.Rendering() == en.Rendering() {
			return old, true
		}
	}
	for _, old := range same {
		if len(old.entry.Context) == 0 || len(en.Context) == 0 {
			return old, true
		}
	}
	return source{}, false
}

// reportUnread tells what kinds of data of the imported entries no glossary
// field keeps (partOfSpeech, terms in fr-FR, a pos column), and in how many
// entries, the most common first.
func reportUnread(e *env, name string, unread map[string]int) {
	if len(unread) == 0 {
		return
	}
	kinds := make([]string, 0, len(unread))
	for k := range unread {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if unread[kinds[i]] != unread[kinds[j]] {
			return unread[kinds[i]] > unread[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	for i, k := range kinds {
		kinds[i] = fmt.Sprintf("%s (%s)", k, count(unread[k], "entry", "entries"))
	}
	fmt.Fprintf(e.stderr, "bitext: left out of %s, as no glossary field holds them: %s\n", name, strings.Join(kinds, ", "))
}

// joinedRows counts the rows that a reader took for variants (see
// glossary.Report.Joined).
func joinedRows(joined map[*glossary.Entry][]int) int {
	n := 0
	for _, rows := range joined {
		n += len(rows)
	}
	return n
}

// englishTag matches the language tags of English: en, en-GB, eng-US.
var englishTag = regexp.MustCompile(`^(en|eng)([-_][a-z0-9]{2,8})*$`)

// reportEnglish tells which kind of English was taken from a file with
// several, where they differ, and how to choose another.
func reportEnglish(e *env, name string, c *glossary.EnglishChoice) {
	if !c.Active() || c.Differ == 0 && c.Without == 0 {
		return // the kinds agree: nothing was chosen
	}
	var msg string
	switch {
	case c.Differ == 0:
		msg = fmt.Sprintf("%s has English in %s", name, orList(c.Kinds, "and"))
	case c.Wanted != "":
		msg = fmt.Sprintf("%s has English in %s, different in %s: took %s", name, orList(c.Kinds, "and"), count(c.Differ, "entry", "entries"), takenList(c))
	default:
		msg = fmt.Sprintf("%s has English in %s, different in %s: took the first of each entry, %s; choose one with --lang %s",
			name, orList(c.Kinds, "and"), count(c.Differ, "entry", "entries"), takenList(c), strings.Join(c.Kinds, "|"))
	}
	if c.Without > 0 {
		msg += fmt.Sprintf("; %s no %s English and kept another kind", count(c.Without, "entry has", "entries have"), c.Wanted)
	}
	fmt.Fprintf(e.stderr, "bitext: %s\n", msg)
}

// takenList says how many entries took each kind of English.
func takenList(c *glossary.EnglishChoice) string {
	var parts []string
	for _, k := range c.Kinds {
		if n := c.Taken[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s in %d", k, n))
		}
	}
	return strings.Join(parts, ", ")
}

// orList joins items as "a, b and c" with the word given.
func orList(items []string, word string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}

// reportSkips tells what was left out of the imported file name and why. The
// entries of a multilingual termbase's other languages are counted, for they
// may be thousands and are no surprise; each Arabic term left out for want of
// English is named with its line, for it is a name the user wanted.
func reportSkips(e *env, name string, skips []glossary.Skip) {
	var noArabic []glossary.Skip
	for _, s := range skips {
		if s.Ar == "" {
			noArabic = append(noArabic, s)
			continue
		}
		fmt.Fprintf(e.stderr, "%s:%d: skipped %s: %s\n", name, s.Line, s.Ar, s.Why())
	}
	if n := len(noArabic); n > 0 {
		fmt.Fprintf(e.stderr, "bitext: skipped %s with no Arabic term (first at %s:%d)\n", count(n, "entry", "entries"), name, noArabic[0].Line)
	}
}
