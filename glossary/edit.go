package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// ErrNotFound is returned by Remove when no entry has the term.
var ErrNotFound = errors.New("term not in the glossary")

// AppendEntries appends es to the glossary file held in data and returns the
// new file. Everything already in the file — comments, order, spacing — is
// kept; the entries go at the end of the terms list, indented like the
// others. The result is parsed again, so an entry that clashes with another
// (same term after normalisation) is an error and data is not changed.
func AppendEntries(name string, data []byte, es ...*Entry) ([]byte, error) {
	// A file in the plain form bitext writes, with entries, is a block list:
	// the quick reader says so and where the first item is, without the
	// YAML tree, which took most of the time of adding to a large glossary.
	if items, ok := fastParse(bytes.TrimPrefix(data, []byte(bom))); ok && len(items) > 0 {
		return appendToBlockList(name, data, items[0].line, es)
	}
	terms, err := termsNode(name, data)
	if err != nil {
		return nil, err
	}
	indent := "  "
	var out []byte
	switch {
	case terms == nil:
		out = append(append([]byte{}, data...), "terms:\n"...)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			out = append(append([]byte{}, data...), "\nterms:\n"...)
		}
	case terms.Kind == yaml.SequenceNode && terms.Style&yaml.FlowStyle != 0 && len(terms.Content) == 0:
		// "terms: []" becomes a block list.
		lines := splitLines(data)
		l := lines[terms.Line-1]
		l = strings.Replace(l, "[]", "", 1)
		lines[terms.Line-1] = strings.TrimRight(l, " ")
		out = []byte(strings.Join(lines, "\n"))
	case terms.Kind == yaml.SequenceNode && terms.Style&yaml.FlowStyle == 0:
		if len(terms.Content) > 0 {
			return appendToBlockList(name, data, terms.Content[0].Line, es)
		}
		out = append([]byte{}, data...)
	case terms.Kind == yaml.ScalarNode && terms.Tag == "!!null":
		out = append([]byte{}, data...)
	default:
		return nil, fmt.Errorf("%s:%d: terms is not a block list; edit it by hand", name, terms.Line)
	}
	return appendLines(name, data, out, indent, es)
}

// appendToBlockList appends es to a terms block list whose first item is at
// line first, indented like it.
func appendToBlockList(name string, data []byte, first int, es []*Entry) ([]byte, error) {
	indent := "  "
	l := splitLines(data)[first-1]
	if dash := strings.Index(l, "- "); dash >= 0 && strings.TrimSpace(l[:dash]) == "" {
		indent = l[:dash]
	}
	return appendLines(name, data, append([]byte{}, data...), indent, es)
}

// appendLines appends es to out, the file data made ready for them, and
// checks the result.
func appendLines(name string, data, out []byte, indent string, es []*Entry) ([]byte, error) {
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	for _, e := range es {
		out = append(out, FormatEntry(e, indent)...)
	}
	if bytes.Contains(data, []byte("\r\n")) {
		// A file written on Windows keeps its line ends.
		out = bytes.ReplaceAll(bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	if _, err := Parse(name, out); err != nil {
		return nil, err
	}
	return out, nil
}

// RemoveEntry removes from the glossary file in data the entry whose term or
// variant is term (compared after normalisation); when several are (homographs),
// en picks one. The entry's lines go; comments and blank lines before the next
// entry stay with it. A file whose entries clash (the same term twice) can
// still lose one: that is how such a clash is fixed.
func RemoveEntry(name string, data []byte, term, en string) ([]byte, *Entry, error) {
	g, errs, err := parseEntries(name, data)
	if err == nil && len(errs) > 0 {
		err = errs
	}
	if err != nil {
		return nil, nil, err
	}
	var found []*Entry
	all := g.Lookup(term)
	for _, e := range all {
		if en == "" || e.En == en {
			found = append(found, e)
		}
	}
	switch {
	case len(all) == 0:
		return nil, nil, fmt.Errorf("%s: %q: %w", name, term, ErrNotFound)
	case len(found) == 0:
		// The term is there: say so, with the English it has.
		if len(all) == 1 {
			e := all[0]
			return nil, nil, fmt.Errorf("%s:%d: %q is in the glossary with the English rendering %q, not %q", name, e.Line, e.Ar, e.Rendering(), en)
		}
		var ens []string
		for _, e := range all {
			ens = append(ens, fmt.Sprintf("%q (line %d)", e.Rendering(), e.Line))
		}
		return nil, nil, fmt.Errorf("%s: %q is in the glossary with the English rendering %s, not %q", name, term, strings.Join(ens, " or "), en)
	case len(found) == 1:
	default:
		var ens []string
		for _, e := range found {
			ens = append(ens, fmt.Sprintf("%q (line %d)", e.En, e.Line))
		}
		return nil, nil, fmt.Errorf("%s: %q is %s; say which with its English rendering", name, term, strings.Join(ens, " or "))
	}
	target := found[0]
	items, err := itemLines(name, data)
	if err != nil {
		return nil, nil, err
	}
	lines := splitLines(data)
	from, to := target.Line-1, len(lines) // lines[from:to] go
	if i := slices.Index(items, target.Line); i >= 0 {
		from, to = entryRange(lines, items, i)
	}
	rest := append(append([]string{}, lines[:from]...), lines[to:]...)
	out := []byte(strings.Join(rest, "\n"))
	if _, errs, err := parseEntries(name, out); err != nil || len(errs) > 0 {
		if err == nil {
			err = errs
		}
		return nil, nil, fmt.Errorf("after removing %q: %w", term, err)
	}
	return out, target, nil
}

// itemLines returns the lines of the terms list's items: from the quick
// reader for a file in the plain form bitext writes, else from the YAML
// tree, far slower for a large glossary.
func itemLines(name string, data []byte) ([]int, error) {
	var items []int
	if raw, ok := fastParse(bytes.TrimPrefix(data, []byte(bom))); ok && len(raw) > 0 {
		for _, it := range raw {
			items = append(items, it.line)
		}
		return items, nil
	}
	terms, err := termsNode(name, data)
	if err != nil || terms == nil || terms.Kind != yaml.SequenceNode || terms.Style&yaml.FlowStyle != 0 {
		return nil, fmt.Errorf("%s: terms is not a block list; edit it by hand", name)
	}
	for _, n := range terms.Content {
		items = append(items, n.Line)
	}
	return items, nil
}

// entryRange returns the lines[from:to] that hold the i-th entry of the
// list whose items start at the lines items (1-based): from its dash to the
// next item, less the comments and blank lines that lead into what follows.
func entryRange(lines []string, items []int, i int) (from, to int) {
	l := items[i]
	floor := 0
	if i > 0 {
		floor = items[i-1]
	}
	from, to = itemStart(lines, l-1, floor), len(lines)
	if i+1 < len(items) {
		to = itemStart(lines, items[i+1]-1, l)
	}
	for to > from+1 {
		l := strings.TrimSpace(lines[to-1])
		if l != "" && !strings.HasPrefix(l, "#") {
			break
		}
		to--
	}
	return from, to
}

// ReplaceEntries replaces entries of the glossary file held in data: repl
// maps the line of an entry (its Line) to what it becomes, written as
// AppendEntries writes one. Everything else in the file stays as it was;
// the comment lines inside a replaced entry are kept above it, and comments
// at the end of its lines are lost. The result is parsed again, so a
// replacement that clashes with another entry is an error.
func ReplaceEntries(name string, data []byte, repl map[int]*Entry) ([]byte, error) {
	items, err := itemLines(name, data)
	if err != nil {
		return nil, err
	}
	at := make([]int, 0, len(repl))
	for line := range repl {
		at = append(at, line)
	}
	sort.Ints(at)
	lines := splitLines(data)
	eol := ""
	if bytes.Contains(data, []byte("\r\n")) {
		eol = "\r"
	}
	index := make(map[int]int, len(items))
	for i, l := range items {
		index[l] = i
	}
	kept := make([]string, 0, len(lines)+2*len(repl))
	done := 0 // lines[:done] are in kept
	for _, line := range at {
		i, ok := index[line]
		if !ok {
			return nil, fmt.Errorf("%s:%d: no entry starts here", name, line)
		}
		from, to := entryRange(lines, items, i)
		kept = append(kept, lines[done:from]...)
		indent := lines[from][:len(lines[from])-len(strings.TrimLeft(lines[from], " \t"))]
		for _, l := range lines[from+1 : to] {
			if strings.HasPrefix(strings.TrimSpace(l), "#") {
				kept = append(kept, l)
			}
		}
		for _, l := range strings.Split(strings.TrimSuffix(FormatEntry(repl[line], indent), "\n"), "\n") {
			kept = append(kept, l+eol)
		}
		done = to
	}
	lines = append(kept, lines[done:]...)
	out := []byte(strings.Join(lines, "\n"))
	if _, err := Parse(name, out); err != nil {
		return nil, err
	}
	return out, nil
}

// itemStart returns the index of the line holding the dash of the list item
// whose value starts at lines[at]: that line, or for an item written with its
// dash on a line of its own ("-", "- # comment"), the line above, searched
// no higher than lines[floor].
func itemStart(lines []string, at, floor int) int {
	for i := at; i >= floor && i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "-" || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "-\t"):
			return i
		case i < at && l != "" && !strings.HasPrefix(l, "#"):
			return at
		}
	}
	return at
}

// termsNode returns the value of the top-level terms key, nil if absent.
func termsNode(name string, data []byte) (*yaml.Node, error) {
	doc, err := documentNode(name, data)
	if doc == nil || err != nil {
		return nil, err
	}
	if doc.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: doc.Line, Err: errors.New("not a glossary: want a mapping with the key terms")}
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == "terms" {
			return doc.Content[i+1], nil
		}
	}
	return nil, nil
}

// splitLines splits data at "\n"; joining with "\n" gives data back.
func splitLines(data []byte) []string {
	return strings.Split(string(data), "\n")
}

// FormatEntry returns e as the lines of a terms list item, the dash indented
// by indent.
func FormatEntry(e *Entry, indent string) string {
	var b strings.Builder
	sub := indent + "  "
	fmt.Fprintf(&b, "%s- ar: %s\n", indent, yamlScalar(e.Ar))
	if e.En != "" || e.Translatable() {
		fmt.Fprintf(&b, "%sen: %s\n", sub, yamlScalar(e.En))
	}
	if len(e.Variants) > 0 {
		fmt.Fprintf(&b, "%svariants: %s\n", sub, yamlFlowList(e.Variants))
	}
	if e.Type != "" {
		fmt.Fprintf(&b, "%stype: %s\n", sub, yamlScalar(e.Type))
	}
	if e.Note != "" {
		fmt.Fprintf(&b, "%snote: %s\n", sub, yamlScalar(e.Note))
	}
	if e.Translate != nil {
		fmt.Fprintf(&b, "%stranslate: %t\n", sub, *e.Translate)
	}
	if len(e.Context) > 0 {
		fmt.Fprintf(&b, "%scontext: %s\n", sub, yamlFlowList(e.Context))
	}
	if e.Always {
		fmt.Fprintf(&b, "%salways: true\n", sub)
	}
	return b.String()
}

// FileHeader is the comment that starts a glossary file bitext creates.
const FileHeader = "# Glossary: ar (Arabic term), en (English rendering), variants (other Arabic spellings),\n" +
	"# type (person, place, organisation, media, other), note, translate (false keeps the term\n" +
	"# as it is), context (words that pick this entry among homographs), always (true: match\n" +
	"# the term even where the word is usually an ordinary word).\n"

// Marshal returns g as a glossary file with a short header comment.
func Marshal(g *Glossary) []byte {
	var b bytes.Buffer
	b.WriteString(FileHeader + "terms:\n")
	for _, e := range g.Entries {
		b.WriteString(FormatEntry(e, "  "))
	}
	return b.Bytes()
}

func yamlScalar(s string) string {
	if plainSafe(s, false) && s == strings.TrimSpace(s) && !strings.ContainsAny(s, "\n\r\t") && printable(s) {
		return s
	}
	return strconv.Quote(s)
}

func yamlFlowList(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		if plainSafe(s, true) && s == strings.TrimSpace(s) && !strings.ContainsAny(s, "\n\r\t") && printable(s) {
			out[i] = s
		} else {
			out[i] = strconv.Quote(s)
		}
	}
	return "[" + strings.Join(out, ", ") + "]"
}
