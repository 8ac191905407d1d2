package glossary

import (
	"encoding/binary"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"bitext/arabic"
	"bitext/internal/textfile"
	"bitext/internal/xmlattr"
)

// Formats are the exchange formats of ReadFormat and WriteFormat:
//
//   - csv: two columns, Arabic and English, no header — the form Google's
//     glossary API ingests: a row for each spelling, the variants with their
//     entry's English (a term kept untranslated has its Arabic in both
//     columns); see ForGoogle for what a Google glossary cannot hold;
//   - tsv: a header row, then ar, en, variants, type, note, translate,
//     context; lists are separated by " | ", tab, newline and backslash
//     are written \t, \n and \\, and a field that starts with a quote is
//     quoted as Excel quotes it;
//   - tbx: TermBase eXchange (TBX 2, martif) for CAT tools: one termEntry per
//     entry, the variants as further Arabic terms (termType variant), type as
//     subjectField, note as note, context words as context, translate: false
//     as the transferComment "do not translate". ReadTBX also reads the TBX
//     of CAT tools and TBX 3.
var Formats = []string{"csv", "tsv", "tbx"}

// WriteFormat writes g in the named exchange format.
func WriteFormat(w io.Writer, format string, g *Glossary) error {
	switch format {
	case "csv":
		return WriteCSV(w, g)
	case "tsv":
		return WriteTSV(w, g)
	case "tbx":
		return WriteTBX(w, g)
	}
	return fmt.Errorf("unknown glossary format %q (want %s)", format, strings.Join(Formats, ", "))
}

// ReadFormat reads entries in the named exchange format; name is used in
// error messages. The file is UTF-8, with or without a byte order mark, or
// UTF-16 with one; in another encoding it is an error that says which one it
// looks like and how to convert it. Each entry's fields are checked as Parse
// checks them, and every problem names the line of the entry in the file; the
// entries are not checked against each other (see CheckAdditions). The
// report says what was left out: the entries with no Arabic term (a
// multilingual termbase's other languages) and those with no English one
// (a term not yet translated, or translated only into other languages), and
// the data of the others that no glossary field keeps.
func ReadFormat(r io.Reader, name, format string) (entries []*Entry, rep Report, err error) {
	return ReadOptions{}.Read(r, name, format)
}

// ReadOptions says how to read an exchange file where it offers a choice.
type ReadOptions struct {
	// English is the kind of English to take (en-GB, en-US) from a file
	// that has several, with or without a region, as a language tag; in an
	// entry without it the English of another kind is taken. "" takes, in
	// each entry, the English the file gives first.
	English string
}

// Read is ReadFormat with the choices of o.
func (o ReadOptions) Read(r io.Reader, name, format string) (entries []*Entry, rep Report, err error) {
	switch format {
	case "csv":
		return o.readCSV(r, name)
	case "tsv":
		return o.readTSV(r, name)
	case "tbx":
		return o.readTBX(r, name)
	}
	return nil, Report{}, fmt.Errorf("unknown glossary format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Report is what a reader left out of the file it read.
type Report struct {
	Skipped []Skip // the entries left out, in line order
	// Unread counts, for each kind of data that no glossary field keeps (a
	// TBX data category such as partOfSpeech, the terms in another
	// language, a spreadsheet's pos column), the entries read that had it.
	Unread map[string]int
	// Joined holds, for each entry read from several rows of a two-column
	// file (see joinVariants), the line of the row of each of its variants.
	Joined map[*Entry][]int
	// English says which kind of English was taken from a file that has
	// several (en-GB, en-US); see EnglishChoice.Active.
	English *EnglishChoice
}

// EnglishChoice is what a reader chose among the kinds of English of a file
// (see ReadOptions.English). The terms not taken are kept in the note as
// "Also: ...".
type EnglishChoice struct {
	Kinds  []string       // the kinds of English in the file, as it first names each
	Wanted string         // the kind asked for; "" for the first the file gives
	Differ int            // the entries whose kinds of English give different terms
	Taken  map[string]int // of those, by kind, the entries whose English was taken from it
	// Without counts the entries that have English but not of the kind
	// wanted, whose English is of another kind.
	Without int
}

// choose records the kinds of English of an entry, in the file's order, the
// kind its English was taken from, and whether its kinds give different
// terms.
func (rep *Report) choose(wanted string, kinds []string, took string, differ bool) {
	if len(kinds) == 0 {
		return
	}
	if rep.English == nil {
		rep.English = &EnglishChoice{Wanted: wanted, Taken: map[string]int{}}
	}
	c := rep.English
	named := func(k string) string {
		for _, x := range c.Kinds {
			if sameKind(x, k) {
				return x
			}
		}
		c.Kinds = append(c.Kinds, k)
		return k
	}
	for _, k := range kinds {
		named(k)
	}
	if wanted != "" && !slices.ContainsFunc(kinds, func(k string) bool { return sameKind(k, wanted) }) {
		c.Without++
	}
	if differ {
		c.Differ++
		c.Taken[named(took)]++
	}
}

// Active reports whether there was a choice to tell of: a file with several
// kinds of English, or entries without the kind wanted.
func (c *EnglishChoice) Active() bool {
	return c != nil && (len(c.Kinds) > 1 || c.Without > 0)
}

// sameKind reports whether two language tags name the same kind of English:
// en-GB, en_gb and eng-GB do.
func sameKind(a, b string) bool { return kindKey(a) == kindKey(b) }

func kindKey(tag string) string {
	t := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(tag)), "_", "-")
	if t == "eng" || strings.HasPrefix(t, "eng-") {
		t = "en" + t[3:]
	}
	return t
}

// unread counts one entry that has the data named kinds.
func (r *Report) unread(kinds ...string) {
	for _, k := range kinds {
		if r.Unread == nil {
			r.Unread = map[string]int{}
		}
		r.Unread[k]++
	}
}

// Skip is an entry of an imported file that has no Arabic term or no English
// one: not an error in the file, for a termbase or spreadsheet holds other
// languages and terms not yet translated, but nothing a glossary can hold.
type Skip struct {
	Line  int      // the line of the entry
	Ar    string   // its Arabic term; "" when it has none
	Langs []string // the languages it has, as the file names them, when it says
}

// Why says what the entry lacks.
func (s Skip) Why() string {
	why := "no English term"
	if s.Ar == "" {
		why = "no Arabic term"
	}
	if len(s.Langs) > 0 {
		why += " (only " + strings.Join(s.Langs, ", ") + ")"
	}
	return why
}

// incomplete returns e as a Skip when it lacks its Arabic term, or its English
// one and is to be translated.
func incomplete(e *Entry, langs []string) (Skip, bool) {
	if e.Ar == "" || e.En == "" && e.Translatable() {
		return Skip{Line: e.Line, Ar: e.Ar, Langs: langs}, true
	}
	return Skip{}, false
}

// DetectFormat returns the exchange format data is in, judged by its content,
// for a file whose name does not say: tbx when it is XML (ReadTBX then says
// when it is not TBX), tsv when its first line has a tab, else csv. UTF-16
// with a byte order mark is judged as the text it holds.
func DetectFormat(data []byte) string {
	text, ok := decodeUTF16(data)
	if !ok {
		text = strings.TrimPrefix(string(data), bom)
	}
	text = strings.TrimLeft(text, " \r\n")
	if strings.HasPrefix(strings.TrimLeft(text, "\t"), "<") {
		return "tbx"
	}
	if first, _, _ := strings.Cut(text, "\n"); strings.Contains(first, "\t") {
		return "tsv"
	}
	return "csv"
}

// WriteCSV writes one "arabic,english" row per spelling of each entry: the
// term, then each variant with the same English, for Google's glossary
// matches the Arabic exactly and protects only the spellings it is given. A
// variant of a term kept untranslated has the term as its English. ReadCSV
// reads such rows back as the variants of one entry.
func WriteCSV(w io.Writer, g *Glossary) error {
	cw := csv.NewWriter(w)
	written := map[[2]string]bool{}
	for _, e := range g.Entries {
		for _, ar := range e.Forms() {
			r := [2]string{ar, e.Rendering()}
			if written[r] {
				continue
			}
			written[r] = true
			if err := cw.Write(r[:]); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadCSV reads rows of Arabic and English. The separator is a comma, or a
// semicolon or tab when the first line has one and no comma: Excel saves
// "CSV" with semicolons where the comma is the decimal sign, and "Unicode
// Text" with tabs. A first row that names its columns (see ReadTSV) is a
// header, as in Google's glossaries, whose header is language codes (ar,
// en-US) with pos and description columns; without one a row has two
// columns, Arabic and English. A row whose ar and en are equal is a term kept
// untranslated, and rows that give several spellings one English are one
// entry (see joinVariants). Rows with no Arabic or no English term are
// skipped (see Skip). A first line "sep=;" names the separator, as Excel
// reads it. A header with columns of several kinds of English (en-GB, en-US)
// gives the first; ReadOptions chooses another.
func ReadCSV(r io.Reader, name string) (entries []*Entry, rep Report, err error) {
	return ReadOptions{}.readCSV(r, name)
}

func (o ReadOptions) readCSV(r io.Reader, name string) (entries []*Entry, rep Report, err error) {
	text, err := readText(r, name)
	if err != nil {
		return nil, rep, err
	}
	comma := csvSeparator(text)
	// "sep=;" on the first line tells Excel the separator; it is no row.
	if first, rest, _ := strings.Cut(text, "\n"); len(strings.TrimSpace(first)) == 5 && strings.HasPrefix(strings.ToLower(first), "sep=") {
		if c := rune(first[4]); c == ',' || c == ';' || c == '\t' || c == '|' {
			comma, text = c, "\n"+rest // the empty line keeps the lines counted
		}
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	var rows []row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				// csv says "record on line N; parse error on line M": a quote
				// left open runs on to a much later line, so name both.
				if pe.StartLine != pe.Line {
					return nil, rep, fmt.Errorf("%s:%d: %v (the row starting here runs on to line %d: a quote left open?)", name, pe.StartLine, pe.Err, pe.Line)
				}
				return nil, rep, fmt.Errorf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
			}
			return nil, rep, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, row{line, rec})
	}
	var h *header
	if len(rows) > 0 {
		hh, err := readHeader(rows[0].fields)
		switch {
		case err == nil:
			h, rows = hh, rows[1:]
		case arabicHeader(rows):
			return nil, rep, &Error{File: name, Line: rows[0].line, Err: err}
		}
	}
	return o.readRows(name, rows, h, func(s string) string { return s })
}

// csvSeparator is the separator of the first line of text: a comma unless it
// has none outside quotes, then a tab or semicolon when it has one.
func csvSeparator(text string) rune {
	quoted, semicolon, tab := false, false, false
scan:
	for _, c := range text {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			break scan
		case c == ',':
			return ','
		case c == ';':
			semicolon = true
		case c == '\t':
			tab = true
		}
	}
	switch {
	case tab:
		return '\t'
	case semicolon:
		return ';'
	}
	return ','
}

// columnNames are the names a header may give the columns, folded (see
// arabic.Fold: lower case, one alef), and the field of Entry each holds; ""
// is a column that is read and left out. A name that has "Arabic" or
// "English" in it (Arabic term, المقابل الإنجليزي) is also understood.
var columnNames = map[string]string{
	"ar": "ar", "arabic": "ar", "source": "ar", "source term": "ar", "term": "ar",
	"en": "en", "english": "en", "target": "en", "target term": "en", "translation": "en",
	"variants": "variants", "type": "type", "translate": "translate", "context": "context", "always": "always",
	"note": "note", "notes": "note", "description": "note", "comment": "note", "comments": "note", "definition": "note",
	"pos": "", "part of speech": "", // the part of speech of Google's glossaries
	// As Excel users with an Arabic locale name them.
	"المصطلح": "ar", "المصدر": "ar", "الاسم": "ar", "الاسم بالعربيه": "ar", "الترجمه": "en", "المقابل": "en",
	"ملاحظات": "note", "ملاحظه": "note", "الملاحظات": "note", "تعليق": "note", "التعريف": "note", "تعريف": "note", "الوصف": "note",
	"النوع": "type", "السياق": "context", "كلمات السياق": "context",
}

// languageInName returns the field of a header cell that names a language
// in words (Arabic term, English translation, المصطلح العربي, الإنجليزية).
func languageInName(folded string) (string, bool) {
	for _, w := range []string{"arabic", "عربي", "العربيه"} {
		if strings.Contains(folded, w) {
			return "ar", true
		}
	}
	for _, w := range []string{"english", "انجليز", "انكليز"} {
		if strings.Contains(folded, w) {
			return "en", true
		}
	}
	return "", false
}

// arabicHeader reports whether the first row of a file, which names no
// columns bitext knows, is still a header: every cell of it is Arabic, and
// not all the same (a term kept untranslated is a row of the term twice), so
// it is no row of Arabic and English; nor a variant of a term kept
// untranslated, whose English is that term, which has its row of the term
// twice (see joinVariants).
func arabicHeader(rows []row) bool {
	cells := rows[0].fields
	if len(cells) == 2 {
		kept := strings.TrimSpace(cells[1])
		for _, r := range rows[1:] {
			if len(r.fields) >= 2 && strings.TrimSpace(r.fields[0]) == kept && strings.TrimSpace(r.fields[1]) == kept {
				return false
			}
		}
	}
	var seen []string
	for _, c := range cells {
		c = strings.TrimSpace(c)
		switch {
		case c == "":
		case !arabic.HasArabic(c):
			return false
		case !contains(seen, c):
			seen = append(seen, c)
		}
	}
	return len(seen) > 1
}

// langCode matches a language tag such as fr or zh-CN.
var langCode = regexp.MustCompile(`^[a-z]{2,3}([-_][a-z0-9]{2,8})*$`)

// header is what the header row of a CSV or TSV file says of its columns.
type header struct {
	cols    map[string]int // the column of each field of Entry named
	notes   []int          // the columns of the note: a sheet may have Note and Definition
	dropped []column       // the columns read and left out: pos, other languages
	width   int            // the number of columns
	unnamed []int          // columns with an empty header cell
	english []column       // the columns of several kinds of English (en-GB, en-US), when there are
}

// column is a column of a header and its name there.
type column struct {
	col  int
	name string
}

// readHeader reads the header row cells: the column of each field of Entry
// it names. Columns may be named by language code (ar-SA, en-US), and those
// of other languages are left out, as in Google's multilingual glossaries;
// but not in a header that names bitext's own fields, where an unknown short
// name is more likely a typing slip.
func readHeader(cells []string) (*header, error) {
	cols := map[string]int{}
	var others []string
	var unnamed, notes []int
	var dropped, english []column
	for i, h := range cells {
		h = strings.Join(strings.Fields(arabic.Fold(h)), " ")
		field, ok := columnNames[h]
		if !ok && !langCode.MatchString(h) {
			field, ok = languageInName(h)
		}
		switch {
		case h == "":
			// Spreadsheets save a header cell over every column used, even empty.
			unnamed = append(unnamed, i)
			continue
		case ok:
		case isArabic(h):
			field = "ar"
		case isEnglish(h):
			field = "en"
		case langCode.MatchString(h):
			others = append(others, h)
			dropped = append(dropped, column{i, strings.TrimSpace(cells[i])})
			continue
		default:
			return nil, fmt.Errorf("unknown column %q in the header (want %s, or a language code)", cells[i], strings.Join(tsvHeader, ", "))
		}
		switch field {
		case "":
			dropped = append(dropped, column{i, strings.TrimSpace(cells[i])})
			continue
		case "note":
			notes = append(notes, i)
			continue
		}
		if field == "en" && langCode.MatchString(h) {
			english = append(english, column{i, strings.TrimSpace(cells[i])})
		}
		if j, ok := cols[field]; ok {
			// en-GB and en-US: ReadOptions.English chooses.
			if field == "en" && len(english) > 1 && english[0].col == j {
				continue
			}
			return nil, fmt.Errorf("columns %d and %d are both %s", j+1, i+1, field)
		}
		cols[field] = i
	}
	if _, ok := cols["ar"]; !ok {
		return nil, errors.New("no ar column in the header")
	}
	if len(others) > 0 {
		for _, own := range []string{"variants", "type", "translate", "context", "always"} {
			if _, ok := cols[own]; ok {
				return nil, fmt.Errorf("unknown column %q (want %s)", others[0], strings.Join(tsvHeader, ", "))
			}
		}
	}
	if len(english) < 2 {
		english = nil
	}
	return &header{cols: cols, notes: notes, dropped: dropped, width: len(cells), unnamed: unnamed, english: english}, nil
}

// readRows makes entries of the rows of a CSV or TSV file whose header is h,
// or with the columns Arabic and English when h is nil. unescape undoes the
// format's escapes. A row whose Arabic and English are the same is a term
// kept untranslated, as in Google's glossaries. Without a variants column,
// rows that give several spellings one English are one entry (see
// joinVariants). Rows with no Arabic or English term are skipped. The
// problems of every row are reported together.
func (o ReadOptions) readRows(name string, rows []row, h *header, unescape func(string) string) ([]*Entry, Report, error) {
	headerless := h == nil
	if headerless {
		h = &header{cols: map[string]int{"ar": 0, "en": 1}, width: 2}
	}
	cols := h.cols
	var out []*Entry
	var rep Report
	var errs ErrorList
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: name, Line: line, Err: fmt.Errorf(format, args...)})
	}
next:
	for _, r := range rows {
		if blank(r.fields) {
			continue
		}
		// Excel writes a separator for every column of the sheet used
		// anywhere, so a row may end in empty cells.
		for len(r.fields) > 1 && strings.TrimSpace(r.fields[len(r.fields)-1]) == "" {
			r.fields = r.fields[:len(r.fields)-1]
		}
		switch {
		case headerless && len(r.fields) != 2:
			fail(r.line, "want 2 columns (Arabic, English) or a header naming the columns, got %d", len(r.fields))
			continue
		case len(r.fields) > h.width:
			fail(r.line, "%d columns, the header has %d", len(r.fields), h.width)
			continue
		}
		for _, i := range h.unnamed {
			if i < len(r.fields) && strings.TrimSpace(r.fields[i]) != "" {
				fail(r.line, "column %d holds %q but has no name in the header", i+1, r.fields[i])
				continue next
			}
		}
		get := func(k string) string {
			i, ok := cols[k]
			if !ok || i >= len(r.fields) {
				return ""
			}
			return unescape(r.fields[i])
		}
		e := &Entry{Ar: get("ar"), En: get("en"), Variants: splitList(get("variants")), Type: importedType(get("type")),
			Context: splitList(get("context")), Line: r.line}
		var notes []string
		for _, i := range h.notes {
			if i < len(r.fields) && strings.TrimSpace(r.fields[i]) != "" {
				notes = append(notes, unescape(r.fields[i]))
			}
		}
		var english englishOf
		if len(h.english) > 0 {
			var also string
			e.En, also, english = o.englishCell(h.english, r.fields, unescape)
			if also != "" {
				notes = append(notes, also)
			}
		}
		e.Note = strings.Join(notes, "\n")
		ok := true
		if tr := get("translate"); tr != "" {
			b, isBool := cellBool(tr)
			if !isBool {
				fail(r.line, "translate: want true, false or nothing, got %q", tr)
				ok = false
			}
			e.Translate = &b
		}
		if a := get("always"); a != "" {
			b, isBool := cellBool(a)
			if !isBool {
				fail(r.line, "always: want true, false or nothing, got %q", a)
				ok = false
			}
			e.Always = b
		}
		if !ok {
			continue
		}
		e.StripMarks()
		if e.Ar != "" && e.Ar == e.En && (e.Translate == nil || !*e.Translate) {
			f := false
			e.Translate, e.En = &f, ""
		}
		if s, ok := incomplete(e, nil); ok {
			rep.Skipped = append(rep.Skipped, s)
			continue
		}
		rep.choose(o.English, english.kinds, english.took, english.differ)
		for _, c := range h.dropped {
			if c.col < len(r.fields) && strings.TrimSpace(r.fields[c.col]) != "" {
				rep.unread("column " + c.name)
			}
		}
		out = append(out, e)
	}
	if _, ok := cols["variants"]; !ok {
		out, rep.Joined = joinVariants(out)
	}
	out, err := checkRead(name, out, errs)
	return out, rep, err
}

// joinVariants makes one entry of the rows, of a file without a variants
// column, that give several Arabic spellings one English: that is how
// WriteCSV and Google's glossaries, which hold two columns, spell an entry's
// variants. The first row is the term, the others its variants, in the order
// of the file. A row whose English is the Arabic of a term kept untranslated
// is a variant of that term. Rows that say other things of the name (another
// type or note) or that have context words, which tell homographs apart,
// stay entries of their own; a spelling given twice is one. It returns the
// entries and, for those it joined, the line of each variant's row.
func joinVariants(es []*Entry) ([]*Entry, map[*Entry][]int) {
	kept := map[string]*Entry{} // terms kept untranslated, by their Arabic
	for _, e := range es {
		if !e.Translatable() && e.En == "" && kept[e.Ar] == nil {
			kept[e.Ar] = e
		}
	}
	byEn := map[string]*Entry{} // the first entry of each English
	var out []*Entry
	var joined map[*Entry][]int
	for _, e := range es {
		var first *Entry
		switch {
		case e.Translate == nil && kept[e.En] != nil:
			first = kept[e.En]
		case e.Translatable() && e.En != "":
			if first = byEn[e.En]; first == nil {
				byEn[e.En] = e
			}
		}
		if first == nil || first == e || !mayJoin(first, e) {
			out = append(out, e)
			continue
		}
		for _, v := range e.Forms() {
			if !contains(first.Forms(), v) {
				if joined == nil {
					joined = map[*Entry][]int{}
				}
				first.Variants = append(first.Variants, v)
				joined[first] = append(joined[first], e.Line)
			}
		}
		if first.Type == "" {
			first.Type = e.Type
		}
		if first.Note == "" {
			first.Note = e.Note
		}
	}
	return out, joined
}

// mayJoin reports whether the row b may be a variant of the entry a: they
// say nothing different of the name.
func mayJoin(a, b *Entry) bool {
	return (a.Type == "" || b.Type == "" || a.Type == b.Type) && (a.Note == "" || b.Note == "" || a.Note == b.Note) &&
		len(a.Context) == 0 && len(b.Context) == 0 && a.Always == b.Always
}

// englishCell returns the English of a row whose header has several kinds
// of English (columns), as tbxEntryOf chooses it, the others as a note,
// "Also: ...", and what the row has of each kind.
func (o ReadOptions) englishCell(columns []column, fields []string, unescape func(string) string) (en, also string, of englishOf) {
	cols := slices.Clone(columns)
	slices.SortStableFunc(cols, func(a, b column) int {
		return cmpBool(o.English != "" && sameKind(b.name, o.English), o.English != "" && sameKind(a.name, o.English))
	})
	var kinds, others []string
	took, differ := "", false
	for _, c := range cols {
		cell := ""
		if c.col < len(fields) {
			cell = strings.TrimSpace(unescape(fields[c.col]))
		}
		if cell == "" {
			continue
		}
		kinds = append(kinds, c.name)
		switch {
		case en == "":
			en, took = cell, c.name
		case cell != en:
			differ = true
			if !contains(others, cell) {
				others = append(others, cell)
			}
		}
	}
	// The kinds in the file's order, as the TBX reader gives them.
	slices.SortStableFunc(kinds, func(a, b string) int {
		return slices.IndexFunc(columns, func(c column) bool { return c.name == a }) - slices.IndexFunc(columns, func(c column) bool { return c.name == b })
	})
	if len(others) > 0 {
		also = "Also: " + strings.Join(others, "; ")
	}
	return en, also, englishOf{kinds, took, differ}
}

var tsvHeader = []string{"ar", "en", "variants", "type", "note", "translate", "context", "always"}

const listSep = " | "

// WriteTSV writes a header row and one row per entry with every field.
func WriteTSV(w io.Writer, g *Glossary) error {
	var b strings.Builder
	b.WriteString(strings.Join(tsvHeader, "\t") + "\n")
	for _, e := range g.Entries {
		tr := ""
		if e.Translate != nil {
			tr = strconv.FormatBool(*e.Translate)
		}
		always := ""
		if e.Always {
			always = "true"
		}
		fields := []string{e.Ar, e.En, joinList(e.Variants), e.Type, e.Note, tr, joinList(e.Context), always}
		for i, f := range fields {
			f = tsvEscape(f)
			// ReadTSV takes a field that starts with a quote for a quoted one.
			if strings.HasPrefix(f, `"`) {
				f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
			}
			fields[i] = f
		}
		b.WriteString(strings.Join(fields, "\t") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ReadTSV reads what WriteTSV writes. The header names the columns, in any
// order: ar (or Arabic, source), en (English, target), variants, type, note
// (notes, description), translate, context and always, or language codes
// (ar-SA, en-US); it must name the Arabic one. A file whose first cell is
// Arabic has no header: its rows are Arabic and English. A field that starts
// with a quote is quoted as Excel quotes it: "" inside is one quote, and it
// may run over several lines. translate and always are true, false, yes or
// no, in any case (Excel writes TRUE and FALSE). Rows with no Arabic or no
// English term are skipped (see Skip).
func ReadTSV(r io.Reader, name string) (entries []*Entry, rep Report, err error) {
	return ReadOptions{}.readTSV(r, name)
}

func (o ReadOptions) readTSV(r io.Reader, name string) (entries []*Entry, rep Report, err error) {
	text, err := readText(r, name)
	if err != nil {
		return nil, rep, err
	}
	rows := splitTSV(strings.ReplaceAll(text, "\r\n", "\n"))
	for len(rows) > 0 && blank(rows[0].fields) {
		rows = rows[1:]
	}
	if len(rows) == 0 {
		return nil, rep, nil
	}
	h, err := readHeader(rows[0].fields)
	switch {
	case err == nil:
		rows = rows[1:]
	case !arabic.HasArabic(rows[0].fields[0]) || arabicHeader(rows):
		return nil, rep, &Error{File: name, Line: rows[0].line, Err: err}
	default:
		h = nil
	}
	return o.readRows(name, rows, h, tsvUnescape)
}

// cellBool reads a yes-or-no cell as people and spreadsheets write it.
func cellBool(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes":
		return true, true
	case "false", "no":
		return false, true
	}
	return false, false
}

// row is one row of a CSV or TSV file and the line it starts on.
type row struct {
	line   int
	fields []string
}

// splitTSV splits text into rows of tab-separated fields, reading quoted
// fields as Excel writes them (see quotedField).
func splitTSV(text string) []row {
	var rows []row
	line := 1
	for text != "" {
		r := row{line: line}
		for {
			field, rest, ok := quotedField(text)
			if ok {
				line += strings.Count(text[:len(text)-len(rest)], "\n")
			} else {
				end := strings.IndexAny(text, "\t\n")
				if end < 0 {
					end = len(text)
				}
				field, rest = text[:end], text[end:]
			}
			r.fields = append(r.fields, field)
			text = rest
			if text == "" {
				break
			}
			sep := text[0]
			text = text[1:]
			if sep == '\n' {
				line++
				break
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// quotedField reads a field at the start of text that is quoted as Excel
// quotes a cell holding a quote, tab or line break: "" inside is one quote.
// It is not one when text does not start with a quote or the closing quote is
// not the end of the field: such a field (a note starting with a quoted
// word, as earlier versions of bitext wrote it) is read as it stands.
func quotedField(text string) (field, rest string, ok bool) {
	if !strings.HasPrefix(text, `"`) {
		return "", "", false
	}
	var b strings.Builder
	for i := 1; i < len(text); {
		j := strings.IndexByte(text[i:], '"')
		if j < 0 {
			return "", "", false
		}
		b.WriteString(text[i : i+j])
		i += j + 1
		if i < len(text) && text[i] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		if i < len(text) && text[i] != '\t' && text[i] != '\n' {
			return "", "", false
		}
		return b.String(), text[i:], true
	}
	return "", "", false
}

func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// checkRead returns es, or the problems of their fields together with errs,
// the problems found in reading them, in line order.
func checkRead(name string, es []*Entry, errs ErrorList) ([]*Entry, error) {
	for _, e := range es {
		keys := make([]string, 0, 1+len(e.Variants))
		for _, f := range e.Forms() {
			keys = append(keys, Key(f))
		}
		checkFields(e, keys, func(format string, args ...any) {
			errs = append(errs, &Error{File: name, Line: e.Line, Err: fmt.Errorf(format, args...)})
		})
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		return nil, errs
	}
	return es, nil
}

// importedType is the type a spreadsheet names (Person, Organization), or
// name itself when it names none, for the check to report.
func importedType(name string) string {
	if t, ok := TypeOf(name); ok {
		return t
	}
	return name
}

// bom is the UTF-8 byte order mark that spreadsheets write first.
const bom = "\ufeff"

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func joinList(items []string) string { return strings.Join(items, listSep) }

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, listSep)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

var (
	tsvEscaper   = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	tsvUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r")
)

func tsvEscape(s string) string   { return tsvEscaper.Replace(s) }
func tsvUnescape(s string) string { return tsvUnescaper.Replace(s) }

// TBX 2 (martif) structures that WriteTBX writes: only what a glossary
// entry needs.
type tbxFile struct {
	XMLName xml.Name   `xml:"martif"`
	Type    string     `xml:"type,attr"`
	Lang    string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Header  tbxHeader  `xml:"martifHeader"`
	Entries []tbxEntry `xml:"text>body>termEntry"`
}

type tbxHeader struct {
	Source string `xml:"fileDesc>sourceDesc>p"`
}

type tbxEntry struct {
	ID       string       `xml:"id,attr,omitempty"`
	Descrips []tbxDescrip `xml:"descrip"`
	Notes    []string     `xml:"note"`
	LangSets []tbxLangSet `xml:"langSet"`
}

type tbxDescrip struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type tbxLangSet struct {
	Lang     string       `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Descrips []tbxDescrip `xml:"descrip"`
	Tigs     []tbxTig     `xml:"tig"`
}

type tbxTig struct {
	Term      string       `xml:"term"`
	TermNotes []tbxDescrip `xml:"termNote"`
}

const doNotTranslate = "do not translate"

// WriteTBX writes g as a TBX 2 (martif) file.
func WriteTBX(w io.Writer, g *Glossary) error {
	f := tbxFile{Type: "TBX", Lang: "en", Header: tbxHeader{Source: "bitext glossary"}}
	for i, e := range g.Entries {
		te := tbxEntry{ID: fmt.Sprintf("t%d", i+1)}
		if e.Type != "" {
			te.Descrips = append(te.Descrips, tbxDescrip{"subjectField", e.Type})
		}
		if e.Note != "" {
			te.Notes = []string{e.Note}
		}
		ar := tbxLangSet{Lang: "ar"}
		for _, c := range e.Context {
			ar.Descrips = append(ar.Descrips, tbxDescrip{"context", c})
		}
		if e.Always {
			ar.Descrips = append(ar.Descrips, tbxDescrip{"matching", "always"})
		}
		main := tbxTig{Term: e.Ar, TermNotes: []tbxDescrip{{"termType", "fullForm"}}}
		if e.Translate != nil {
			status := doNotTranslate
			if *e.Translate {
				status = "translate"
			}
			main.TermNotes = append(main.TermNotes, tbxDescrip{"transferComment", status})
		}
		ar.Tigs = append(ar.Tigs, main)
		for _, v := range e.Variants {
			ar.Tigs = append(ar.Tigs, tbxTig{Term: v, TermNotes: []tbxDescrip{{"termType", "variant"}}})
		}
		te.LangSets = append(te.LangSets, ar)
		if e.En != "" {
			te.LangSets = append(te.LangSets, tbxLangSet{Lang: "en", Tigs: []tbxTig{{Term: e.En}}})
		}
		f.Entries = append(f.Entries, te)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// ReadTBX reads the entries of a TBX file: termEntry elements of TBX 2
// (martif), as bitext and CAT tools such as memoQ and MultiTerm write them,
// or conceptEntry elements of TBX 3 (tbx). A term is a tig, ntig (its termGrp)
// or termSec; of an entry's Arabic terms the first full form (else the first
// term not marked as a variant, abbreviation or short form, else the first
// term) is the entry's term and the others its variants, and likewise for its
// English rendering, of the kind ReadOptions.English names when the entry
// has it, else of the first kind it has; a term whose administrativeStatus is preferred comes
// before all others, and a deprecated or superseded one after them (an
// Arabic one is still a variant: the spelling occurs in text). Notes and
// definitions (descrip type="definition", also in a descripGrp) make the
// note, notes first. An entry's line is that of its termEntry tag. An entry
// with no Arabic or no English term, of a multilingual termbase's other
// languages, is left out (see Skip). The problems of all entries are
// reported together.
func ReadTBX(r io.Reader, name string) (entries []*Entry, rep Report, err error) {
	return ReadOptions{}.readTBX(r, name)
}

func (o ReadOptions) readTBX(r io.Reader, name string) (entries []*Entry, rep Report, err error) {
	text, err := readText(r, name)
	if err != nil {
		return nil, rep, err
	}
	if strings.TrimSpace(text) == "" {
		// An empty file holds no entries, as an empty CSV or TSV does.
		return nil, rep, nil
	}
	dec := xml.NewDecoder(xmlattr.Limit(strings.NewReader(text), xmlattr.Max))
	// The text is UTF-8 by now, whatever the declaration says: a file
	// converted with iconv still declares the encoding it had.
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) { return in, nil }
	var out []*Entry
	var path []string // local names of the open elements
	root := ""
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if root == "" {
				return nil, rep, &Error{File: name, Err: errors.New("no <martif> (TBX 2) or <tbx> (TBX 3) element: not a TBX file")}
			}
			break
		}
		if err != nil {
			return nil, rep, xmlError(name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(path) == 0 {
				if t.Name.Local != "martif" && t.Name.Local != "tbx" {
					return nil, rep, &Error{File: name, Line: line, Err: fmt.Errorf("root element <%s>, want <martif> (TBX 2) or <tbx> (TBX 3)", t.Name.Local)}
				}
				root = t.Name.Local
			}
			entry := root + ">text>body"
			if !(t.Name.Local == "termEntry" && root == "martif" || t.Name.Local == "conceptEntry" && root == "tbx") ||
				strings.Join(path, ">") != entry {
				if path = append(path, t.Name.Local); len(path) > maxTBXDepth {
					return nil, rep, &Error{File: name, Line: line, Err: errNested}
				}
				continue
			}
			n, err := readNode(dec, t, len(path)+1, new([]byte))
			if err != nil {
				return nil, rep, xmlError(name, line, err)
			}
			e, langs, unread, en := tbxEntryOf(n, line, o.English)
			if s, ok := incomplete(e, langs); ok {
				rep.Skipped = append(rep.Skipped, s)
			} else {
				out = append(out, e)
				rep.unread(unread...)
				rep.choose(o.English, en.kinds, en.took, en.differ)
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		}
	}
	out, err = checkRead(name, out, nil)
	return out, rep, err
}

// readText reads a whole CSV, TSV or TBX file as UTF-8 without a byte order
// mark. UTF-16 with one is converted: Excel's "Unicode Text" and MultiTerm's
// TBX are UTF-16. Other text that is not UTF-8 is an error naming its line
// and, when it can tell, its encoding and how to convert it.
func readText(r io.Reader, name string) (string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if s, ok := decodeUTF16(data); ok {
		return s, nil
	}
	if err := textfile.CheckUTF8(name, data); err != nil {
		return "", err
	}
	return strings.TrimPrefix(string(data), bom), nil
}

// decodeUTF16 returns data as UTF-8 when it is UTF-16 with a byte order mark.
func decodeUTF16(data []byte) (string, bool) {
	var order binary.ByteOrder
	switch {
	case len(data) >= 2 && data[0] == 0xff && data[1] == 0xfe:
		order = binary.LittleEndian
	case len(data) >= 2 && data[0] == 0xfe && data[1] == 0xff:
		order = binary.BigEndian
	default:
		return "", false
	}
	data = data[2:]
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order.Uint16(data[2*i:])
	}
	return string(utf16.Decode(units)), true
}

// xmlError places err at its own line when it is a syntax error, else at line.
func xmlError(name string, line int, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &Error{File: name, Line: se.Line, Err: errors.New(se.Msg)}
	}
	var ae *xmlattr.Error
	if errors.As(err, &ae) {
		line = ae.Line
	}
	return &Error{File: name, Line: line, Err: err}
}

// xnode is an element of a TBX entry: the dialects nest the same data
// categories differently, so an entry is read as a tree and then searched.
type xnode struct {
	name       string // local name
	attrs      []xml.Attr
	all        *[]byte // the entry's text, in document order
	start, end int     // this element's text in all
	kids       []*xnode
}

// text is all the text inside n, in document order. It is cut from the
// entry's text when asked for: kept at every level, text nested 200 deep
// would take 200 times its size.
func (n *xnode) text() string { return string((*n.all)[n.start:n.end]) }

// maxTBXDepth is the deepest nesting of elements a TBX file may have: a
// crafted file nesting millions would take the reader's stack and memory.
const maxTBXDepth = 256

var errNested = fmt.Errorf("elements nested deeper than %d", maxTBXDepth)

// readNode reads the element that start opens, at depth (the root's is 1).
func readNode(dec *xml.Decoder, start xml.StartElement, depth int, all *[]byte) (*xnode, error) {
	if depth > maxTBXDepth {
		return nil, errNested
	}
	n := &xnode{name: start.Name.Local, attrs: start.Attr, all: all, start: len(*all)}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			k, err := readNode(dec, t, depth+1, all)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, k)
		case xml.CharData:
			*all = append(*all, t...)
		case xml.EndElement:
			n.end = len(*all)
			return n, nil
		}
	}
}

func (n *xnode) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// category is one data category and its value.
type category struct{ typ, value string }

// categories returns the data categories directly on n: descrip, termNote,
// admin and transac elements with their type (also inside the groups that
// wrap them), and, in TBX 3's DCT style, elements named after the category.
func (n *xnode) categories() []category {
	var out []category
	for _, k := range n.kids {
		switch k.name {
		case "descrip", "termNote", "admin", "transac":
			out = append(out, category{k.attr("type"), strings.TrimSpace(k.text())})
		case "descripGrp", "termNoteGrp", "adminGrp", "termGrp":
			out = append(out, k.categories()...)
		case "subjectField", "definition", "termType", "transferComment", "context", "administrativeStatus":
			out = append(out, category{k.name, strings.TrimSpace(k.text())})
		}
	}
	return out
}

// tbxTerm is one term of a language: tig, ntig or termSec.
type tbxTerm struct {
	term  string
	notes []category
}

// rank orders the terms of a language. By administrative status first: a
// preferred term, then terms with none or another (admitted), and deprecated
// or superseded terms last, so that they never name the entry while another
// term can. Then by term type: a full form, then terms with no term type,
// then the others (variants, abbreviations, short forms).
func (t tbxTerm) rank() int {
	status, form := t.status(), 1
	for _, c := range t.notes {
		switch {
		case strings.EqualFold(c.typ, "termType"):
			if strings.EqualFold(c.value, "fullForm") {
				form = 0
			} else if form != 0 {
				form = 2
			}
		}
	}
	return 3*status + form
}

// status is 0 for a preferred term, 2 for a deprecated one and 1 for the
// others. TBX says it in administrativeStatus (or normativeAuthorization);
// MultiTerm and memoQ termbases often in a field of their own, named Status
// or Usage, with words such as Preferred, Forbidden or Do not use.
func (t tbxTerm) status() int {
	for _, c := range t.notes {
		typ, v := strings.ToLower(c.typ), strings.ToLower(c.value)
		if !strings.Contains(typ, "status") && !strings.Contains(typ, "usage") && typ != "normativeauthorization" {
			continue
		}
		switch {
		case strings.HasPrefix(v, "preferred"):
			return 0
		case strings.HasPrefix(v, "deprecated"), strings.HasPrefix(v, "superseded"), strings.HasPrefix(v, "forbidden"),
			strings.HasPrefix(v, "obsolete"), strings.HasPrefix(v, "rejected"), strings.HasPrefix(v, "do not use"),
			strings.HasPrefix(v, "not recommended"), strings.HasPrefix(v, "avoid"):
			return 2
		}
	}
	return 1
}

// notes returns the notes on n and on its terms: note elements, and the
// fields that CAT tools name Note or Comment (descrip type="Note").
func (n *xnode) notes() []string {
	var out []string
	var walk func(x *xnode)
	walk = func(x *xnode) {
		for _, k := range x.kids {
			switch k.name {
			case "note":
				out = append(out, strings.TrimSpace(k.text()))
			case "descrip", "termNote", "admin":
				switch strings.ToLower(k.attr("type")) {
				case "note", "notes", "comment", "comments", "remark", "remarks":
					out = append(out, strings.TrimSpace(k.text()))
				}
			case "descripGrp", "termNoteGrp", "adminGrp", "termGrp", "tig", "ntig", "termSec":
				walk(k)
			}
		}
	}
	walk(n)
	return out
}

// isSubject reports whether a data category is the entry's domain:
// subjectField in TBX, Subject or Domain in CAT tools' own fields.
func isSubject(typ string) bool {
	switch strings.ToLower(typ) {
	case "subjectfield", "subject field", "subject", "domain":
		return true
	}
	return false
}

// terms returns the terms of a langSet or langSec in document order.
func (n *xnode) terms() []tbxTerm {
	var out []tbxTerm
	for _, k := range n.kids {
		switch k.name {
		case "tig", "ntig", "termSec":
			t := tbxTerm{notes: k.categories()}
			for _, g := range append([]*xnode{k}, k.kidsNamed("termGrp")...) {
				for _, tm := range g.kidsNamed("term") {
					if t.term == "" {
						t.term = strings.TrimSpace(tm.text())
					}
				}
			}
			if t.term != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

func (n *xnode) kidsNamed(local string) []*xnode {
	var out []*xnode
	for _, k := range n.kids {
		if k.name == local {
			out = append(out, k)
		}
	}
	return out
}

// definitions returns the definitions on n and on its terms.
func (n *xnode) definitions() []string {
	var out []string
	add := func(cs []category) {
		for _, c := range cs {
			if strings.EqualFold(c.typ, "definition") && c.value != "" {
				out = append(out, c.value)
			}
		}
	}
	add(n.categories())
	for _, k := range n.kids {
		if k.name == "tig" || k.name == "ntig" || k.name == "termSec" {
			add(k.categories())
		}
	}
	return out
}

// mainFirst returns terms with the one that names the entry first, the others
// in document order.
func mainFirst(terms []tbxTerm) []tbxTerm {
	best := 0
	for i, t := range terms {
		if t.rank() < terms[best].rank() {
			best = i
		}
	}
	if best == 0 {
		return terms
	}
	out := append([]tbxTerm{terms[best]}, terms[:best]...)
	return append(out, terms[best+1:]...)
}

// isLang reports whether the language tag is lang, given by its ISO 639-1
// or 639-2 code (memoQ writes ara, eng-US), with or without a region.
func isLang(tag string, codes ...string) bool {
	tag = strings.ToLower(strings.TrimSpace(tag))
	for _, c := range codes {
		if tag == c || strings.HasPrefix(tag, c+"-") || strings.HasPrefix(tag, c+"_") {
			return true
		}
	}
	return false
}

// isArabic reports whether the language tag is Arabic: ar, ar-SA, ara, or
// arb, ISO 639-3's Standard Arabic.
func isArabic(tag string) bool { return isLang(tag, "ar", "ara", "arb") }

// isEnglish reports whether the language tag is English: en, en-US or eng.
func isEnglish(tag string) bool { return isLang(tag, "en", "eng") }

// englishOf is what an entry has of each kind of English.
type englishOf struct {
	kinds  []string // the kinds with terms, in the file's order
	took   string   // the kind the English was taken from
	differ bool     // the kinds give different terms
}

// tbxEntryOf reads one termEntry or conceptEntry found at line, and returns
// it with the languages that have terms in it, the kinds of data in it that
// it does not keep, and its kinds of English; the entry has no Ar when it has
// no Arabic term. Its English is of the kind wanted when it has it (see
// ReadOptions.English), else of the first kind it has.
func tbxEntryOf(te *xnode, line int, wanted string) (*Entry, []string, []string, englishOf) {
	e := &Entry{Line: line}
	var langs, unread []string
	leftOut := func(cs []category) {
		for _, c := range cs {
			if k := c.typ; k != "" && !keptCategory(k) && !contains(unread, k) {
				unread = append(unread, k)
			}
		}
	}
	leftOut(te.categories())
	var notes []string
	for _, c := range te.categories() {
		if !isSubject(c.typ) {
			continue
		}
		// A CAT tool's subject field is a domain (Politics, Sport) more
		// often than a kind of name: one that is not a type is kept in
		// the note, so that the import neither fails nor loses it.
		if t, ok := TypeOf(c.value); ok {
			e.Type = t
		} else if c.value != "" {
			notes = append(notes, "Subject: "+c.value)
		}
	}
	notes = append(notes, te.notes()...)
	notes = append(notes, te.definitions()...)
	// The English terms other than the one chosen are said in the note, so
	// that none is lost: a CAT tool's termbase has synonyms, abbreviations
	// and forbidden spellings that a glossary entry has no field for.
	var also, not []string
	type englishSet struct {
		lang  string
		terms []tbxTerm
	}
	var englishes []englishSet
	var en englishOf
	for _, ls := range te.kids {
		if ls.name != "langSet" && ls.name != "langSec" {
			continue
		}
		lang := ls.attr("lang")
		if len(ls.terms()) > 0 && !contains(langs, lang) {
			langs = append(langs, lang)
		}
		if isArabic(lang) || isEnglish(lang) {
			leftOut(ls.categories())
			for _, t := range ls.terms() {
				leftOut(t.notes)
			}
		} else if len(ls.terms()) > 0 && !contains(unread, "terms in "+lang) {
			unread = append(unread, "terms in "+lang)
		}
		switch {
		case isArabic(lang):
			for _, c := range ls.categories() {
				switch {
				case c.typ == "context":
					e.Context = append(e.Context, c.value)
				case c.typ == "matching" && c.value == "always":
					e.Always = true
				}
			}
			for _, t := range mainFirst(ls.terms()) {
				for _, c := range t.notes {
					if c.typ == "transferComment" && (c.value == doNotTranslate || c.value == "translate") {
						b := c.value == "translate"
						e.Translate = &b
					}
				}
				if e.Ar == "" {
					e.Ar = t.term
				} else {
					e.Variants = append(e.Variants, t.term)
				}
			}
			notes = append(notes, ls.definitions()...)
			notes = append(notes, ls.notes()...)
		case isEnglish(lang):
			if ts := ls.terms(); len(ts) > 0 {
				englishes = append(englishes, englishSet{lang, mainFirst(ts)})
				if !slices.ContainsFunc(en.kinds, func(k string) bool { return sameKind(k, lang) }) {
					en.kinds = append(en.kinds, lang)
				}
			}
			notes = append(notes, ls.definitions()...)
			notes = append(notes, ls.notes()...)
		}
	}
	// The kind wanted first; the others in the file's order.
	slices.SortStableFunc(englishes, func(a, b englishSet) int {
		return cmpBool(wanted != "" && sameKind(b.lang, wanted), wanted != "" && sameKind(a.lang, wanted))
	})
	for _, set := range englishes {
		if e.En != "" && !sameKind(set.lang, en.took) && set.terms[0].term != e.En {
			en.differ = true
		}
		for _, t := range set.terms {
			switch {
			case e.En == "":
				e.En, en.took = t.term, set.lang
			case t.term == e.En || contains(also, t.term) || contains(not, t.term):
			case t.status() == 2:
				not = append(not, t.term)
			default:
				also = append(also, t.term)
			}
		}
	}
	if len(also) > 0 {
		notes = append(notes, "Also: "+strings.Join(also, "; "))
	}
	if len(not) > 0 {
		notes = append(notes, "Not: "+strings.Join(not, "; "))
	}
	var seen []string
	for _, s := range notes {
		if s != "" && !contains(seen, s) {
			seen = append(seen, s)
		}
	}
	e.Note = strings.Join(seen, "\n")
	e.StripMarks()
	return e, langs, unread, en
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// keptCategory reports whether tbxEntryOf keeps what the data category typ
// says, in a field or in the way it chooses the terms.
func keptCategory(typ string) bool {
	t := strings.ToLower(typ)
	switch {
	case isSubject(t), strings.Contains(t, "status"), strings.Contains(t, "usage"):
		return true
	}
	switch t {
	case "definition", "termtype", "transfercomment", "context", "matching", "normativeauthorization",
		"note", "notes", "comment", "comments", "remark", "remarks":
		return true
	}
	return false
}

// isMark reports the invisible direction controls (arabic.IsDirectionControl)
// and the zero-width no-break space.
func isMark(r rune) bool { return r == 0xFEFF || arabic.IsDirectionControl(r) }

// HasMarks reports whether a term of e, or its English, holds direction
// marks or a zero-width no-break space.
func (e *Entry) HasMarks() bool {
	for _, f := range append(e.Forms(), e.En) {
		if strings.ContainsFunc(f, isMark) {
			return true
		}
	}
	return slices.ContainsFunc(e.Context, func(w string) bool { return strings.ContainsFunc(w, isMark) })
}

// StripMarks removes from the terms of e, and from around them, the
// invisible direction marks that text copied from an Arabic page or typed in
// a right-to-left cell carries along: in an English rendering they would go
// into every translation that uses it, unseen, and in a term they are
// nothing that matching looks at. The importers and glossary add call it.
func (e *Entry) StripMarks() {
	clean := func(s string) string {
		return strings.TrimSpace(strings.Map(func(r rune) rune {
			if isMark(r) {
				return -1
			}
			return r
		}, s))
	}
	e.Ar, e.En = clean(e.Ar), clean(e.En)
	for i := range e.Variants {
		e.Variants[i] = clean(e.Variants[i])
	}
	for i := range e.Context {
		e.Context[i] = clean(e.Context[i])
	}
}

// Withheld is a spelling of an entry that a Google glossary cannot hold as
// bitext means it, and why.
type Withheld struct {
	Entry *Entry // the glossary entry the spelling belongs to
	Form  string // the Arabic spelling left out: the term or one of its variants
	Why   string // the reason, said for the user (context words, a spelling shared with another entry)
}

// ForGoogle returns g without the spellings that a Google glossary, which
// replaces a term wherever it occurs, would force on text where bitext does
// not match them: a spelling of homographs, which bitext tells apart by their
// context words (عمان: Amman or Oman), and a one-word term that news text
// mostly uses as an ordinary word (المصري, "Egyptian"), which bitext matches
// only where the words around it mark a name, unless its entry says always.
// An entry left with no spelling is left out. It returns what it withheld,
// in the order of the entries.
func ForGoogle(g *Glossary) (*Glossary, []Withheld) {
	owners := map[string][]*Entry{}
	for _, e := range g.Entries {
		for _, f := range e.Forms() {
			k := Key(f)
			if !slices.Contains(owners[k], e) {
				owners[k] = append(owners[k], e)
			}
		}
	}
	out := &Glossary{Name: g.Name}
	var held []Withheld
	for _, e := range g.Entries {
		var forms []string
		for _, f := range e.Forms() {
			k := Key(f)
			if others := owners[k]; len(others) > 1 {
				var ens []string
				for _, o := range others {
					ens = append(ens, o.Rendering())
				}
				held = append(held, Withheld{e, f, strings.Join(ens, " or ") + " by its context words; a Google glossary would write " +
					strconv.Quote(e.Rendering()) + " wherever it occurs"})
				continue
			}
			if u, ok := WordUsage(f); ok && u.IsOrdinary() && !e.Always && !strings.Contains(k, " ") {
				held = append(held, Withheld{e, f, "mostly an ordinary word, the name only in context; a Google glossary would write " +
					strconv.Quote(e.Rendering()) + " wherever it occurs"})
				continue
			}
			forms = append(forms, f)
		}
		switch {
		case len(forms) == len(e.Forms()):
			out.Entries = append(out.Entries, e)
		case len(forms) > 0:
			c := *e
			c.Ar, c.Variants = forms[0], forms[1:]
			out.Entries = append(out.Entries, &c)
		}
	}
	return out, held
}
