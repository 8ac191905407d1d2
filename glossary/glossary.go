// Package glossary loads glossary.yaml, the list of names and their fixed
// English renderings, and finds its terms in Arabic text (see Matcher).
//
// The file has one top-level key, terms, holding a list of entries:
//
//	terms:
//	  - ar: فلاديمير بوتين        # the Arabic term (required)
//	    en: Vladimir Putin        # its English rendering (required unless translate is false)
//	    variants: [فلاديمير پوتين] # other Arabic spellings
//	    type: person              # person, place, organisation, media or other
//	    note: President of Russia # shown to translators
//	    translate: true           # false: keep the term as it is
//	    context: [روسيا]          # words that pick this entry among homographs
//	    always: false             # true: match even where the word reads as an ordinary word
//
// Unknown keys, duplicate terms (after normalisation, see package arabic) and
// text in the wrong script are errors that name the file and line.
package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"bitext/arabic"
	"bitext/internal/yamlerr"
)

// Entry is one glossary term.
type Entry struct {
	Ar        string   `yaml:"ar"`                  // the Arabic term
	En        string   `yaml:"en"`                  // its English rendering
	Variants  []string `yaml:"variants,omitempty"`  // other Arabic spellings
	Type      string   `yaml:"type,omitempty"`      // person, place, organisation, media, other
	Note      string   `yaml:"note,omitempty"`      // shown to translators
	Translate *bool    `yaml:"translate,omitempty"` // nil or true: translate; false: keep as it is
	Context   []string `yaml:"context,omitempty"`   // words that select this entry among homographs
	Always    bool     `yaml:"always,omitempty"`    // match even where the word reads as an ordinary word (WordUsage)
	Line      int      `yaml:"-"`                   // line of the entry in its file
}

// Translatable reports whether the term is to be rendered in English.
func (e *Entry) Translatable() bool { return e.Translate == nil || *e.Translate }

// Rendering returns what the term becomes in English: En, or the Arabic term
// itself when it is kept untranslated and has no En.
func (e *Entry) Rendering() string {
	if !e.Translatable() && e.En == "" {
		return e.Ar
	}
	return e.En
}

// Forms returns the term followed by its variants.
func (e *Entry) Forms() []string {
	return append([]string{e.Ar}, e.Variants...)
}

// Types are the values the type key accepts.
var Types = []string{"person", "place", "organisation", "media", "other"}

// Glossary is a loaded glossary file. Its methods only read it, so it may be
// shared between goroutines as long as none changes its entries; a service
// that reloads its glossary parses a new one and builds a new Matcher.
type Glossary struct {
	Name    string   // file name, for messages
	Entries []*Entry // in file order

	keys map[*Entry]entryKeys // computed by Parse, reused by NewMatcher
}

// entryKeys caches the keys of an entry's forms; it is used only while the
// entry still has the forms it was computed from.
type entryKeys struct {
	forms []string
	keys  []string
}

// formKeys returns the keys of e's forms, from the cache when it is current.
func (g *Glossary) formKeys(e *Entry) []string {
	if c, ok := g.keys[e]; ok && len(c.forms) == 1+len(e.Variants) && c.forms[0] == e.Ar {
		same := true
		for i, v := range e.Variants {
			if c.forms[i+1] != v {
				same = false
				break
			}
		}
		if same {
			return c.keys
		}
	}
	keys := make([]string, 0, 1+len(e.Variants))
	for _, f := range e.Forms() {
		keys = append(keys, Key(f))
	}
	return keys
}

// Error is a problem at one line of a glossary file.
type Error struct {
	File string // the glossary's file name; "" when parsed without one
	Line int    // 0 when the problem has no line
	Err  error  // what is wrong
}

// Error says file:line: problem, or line N: problem for a glossary parsed
// without a name.
func (e *Error) Error() string {
	switch {
	case e.File == "" && e.Line == 0:
		return e.Err.Error()
	case e.File == "":
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	case e.Line == 0:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found in a glossary file, in line order.
type ErrorList []*Error

// Error gives one problem a line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the individual errors.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Load reads and validates a glossary file.
func Load(path string) (*Glossary, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading glossary: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and validates glossary YAML; name is used in error messages
// (without one, they say "line N").
// All problems are reported at once as an ErrorList. A leading byte order
// mark is skipped.
func Parse(name string, data []byte) (*Glossary, error) {
	g, errs, err := parseEntries(name, data)
	if err != nil {
		return nil, err
	}
	errs = append(errs, validate(g)...)
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		return nil, errs
	}
	return g, nil
}

// parseEntries decodes the entries of glossary YAML without checking them
// against each other: err is a file that cannot be read as a glossary, errs
// the problems of single entries (which are left out of g).
func parseEntries(name string, data []byte) (g *Glossary, errs ErrorList, err error) {
	data = bytes.TrimPrefix(data, []byte(bom))
	g = &Glossary{Name: name}
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: name, Line: line, Err: fmt.Errorf(format, args...)})
	}
	items, ok := fastParse(data)
	if !ok {
		if items, err = yamlParse(name, data, fail); err != nil {
			return nil, nil, err
		}
	}
	g.Entries = make([]*Entry, 0, len(items))
	for _, it := range items {
		if e := decodeEntry(it, fail); e != nil {
			g.Entries = append(g.Entries, e)
		}
	}
	return g, errs, nil
}

// rawItem is one entry of the terms list before its fields are checked.
type rawItem struct {
	line   int
	kind   string // "" for a mapping, else what the item is ("a list" …)
	fields []rawField
}

// rawField is one key of an entry.
type rawField struct {
	key   string
	line  int
	value rawValue
	list  []rawValue // when the value is a list
	isSeq bool
}

// rawValue is a scalar, or a description of what stands in its place.
type rawValue struct {
	text   string
	line   int
	quoted bool   // written in quotes: always text
	null   bool   // empty, null or ~
	other  string // not a scalar: "a mapping", "an alias"
}

// documentNode parses data as YAML and returns its document node, or nil
// for a file that is empty or holds only null.
func documentNode(name string, data []byte) (*yaml.Node, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, syntaxError(name, data, err)
	}
	// A second document (a glossary pasted after another, with ---) would
	// be left out without a word.
	var next yaml.Node
	if err := dec.Decode(&next); err == nil && len(next.Content) > 0 &&
		!(next.Content[0].Kind == yaml.ScalarNode && next.Content[0].Tag == "!!null") {
		return nil, &Error{File: name, Line: next.Content[0].Line,
			Err: errors.New("a second YAML document (after ---): a glossary is one document with one terms list")}
	} else if err != nil && !errors.Is(err, io.EOF) {
		return nil, syntaxError(name, data, err)
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	doc := root.Content[0]
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return nil, nil
	}
	return doc, nil
}

// yamlParse reads the general YAML form of the file.
func yamlParse(name string, data []byte, fail func(int, string, ...any)) ([]rawItem, error) {
	doc, err := documentNode(name, data)
	if doc == nil || err != nil {
		return nil, err
	}
	if doc.Kind != yaml.MappingNode {
		fail(doc.Line, "want a mapping with the key terms, got %s", kindName(doc))
		return nil, nil
	}
	var terms *yaml.Node
	termsLine := 0
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if k.Value != "terms" {
			fail(k.Line, "unknown key %q (want terms)", k.Value)
			continue
		}
		if terms != nil {
			// YAML keeps only the last list: the entries above would be lost.
			fail(k.Line, "terms: given twice (first at line %d); put all entries in one list", termsLine)
			continue
		}
		terms, termsLine = v, k.Line
	}
	if terms == nil || terms.Kind == yaml.ScalarNode && terms.Tag == "!!null" {
		return nil, nil
	}
	if terms.Kind != yaml.SequenceNode {
		fail(terms.Line, "terms: want a list of entries, got %s", kindName(terms))
		return nil, nil
	}
	items := make([]rawItem, 0, len(terms.Content))
	for _, n := range terms.Content {
		it := rawItem{line: n.Line}
		if n.Kind != yaml.MappingNode {
			it.kind = kindName(n)
			items = append(items, it)
			continue
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			f := rawField{key: k.Value, line: k.Line, value: nodeValue(v)}
			if v.Kind == yaml.SequenceNode {
				f.isSeq = true
				for _, c := range v.Content {
					f.list = append(f.list, nodeValue(c))
				}
			}
			it.fields = append(it.fields, f)
		}
		items = append(items, it)
	}
	return items, nil
}

// syntaxError is err, a yaml error for data, at the line of the file it
// concerns.
func syntaxError(name string, data []byte, err error) error {
	var errs ErrorList
	for _, p := range yamlerr.Problems(data, err) {
		errs = append(errs, &Error{File: name, Line: p.Line, Err: errors.New(p.Msg)})
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errs
}

func nodeValue(n *yaml.Node) rawValue {
	v := rawValue{line: n.Line}
	switch {
	case n.Kind != yaml.ScalarNode:
		v.other = kindName(n)
	case n.Tag == "!!null":
		v.null = true
	default:
		v.text = n.Value
		v.quoted = n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	}
	return v
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("%q", n.Value)
}

func describe(v rawValue) string {
	switch {
	case v.other != "":
		return v.other
	case v.null:
		return "nothing"
	}
	return fmt.Sprintf("%q", v.text)
}

// decodeEntry reads one list item; problems go to fail. It returns nil when
// the item is not a mapping.
func decodeEntry(it rawItem, fail func(int, string, ...any)) *Entry {
	if it.kind != "" {
		fail(it.line, "entry: want a mapping with ar and en, got %s", it.kind)
		return nil
	}
	e := &Entry{Line: it.line}
	str := func(key string, v rawValue) string {
		if v.other != "" || v.null {
			fail(v.line, "%s: want text, got %s", key, describe(v))
			return ""
		}
		return strings.TrimSpace(v.text)
	}
	list := func(f rawField) []string {
		if !f.isSeq {
			if f.value.other == "" && !f.value.null {
				return []string{strings.TrimSpace(f.value.text)}
			}
			fail(f.value.line, "%s: want a list of text, got %s", f.key, describe(f.value))
			return nil
		}
		out := make([]string, 0, len(f.list))
		for _, c := range f.list {
			if s := str(f.key, c); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	for i, f := range it.fields {
		if first := firstKey(it.fields[:i], f.key); first > 0 {
			fail(f.line, "key %q given twice in one entry (first at line %d)", f.key, first)
			continue
		}
		v := f.value
		if f.isSeq && f.key != "variants" && f.key != "context" {
			v = rawValue{line: f.line, other: "a list"}
		}
		switch f.key {
		case "ar":
			e.Ar = str(f.key, v)
		case "en":
			e.En = str(f.key, v)
		case "variants":
			e.Variants = list(f)
		case "type":
			e.Type = str(f.key, v)
		case "note":
			e.Note = str(f.key, v)
		case "translate":
			b, ok := parseBool(v)
			if !ok {
				fail(v.line, "translate: want true or false, got %s", describe(v))
				continue
			}
			e.Translate = &b
		case "context":
			e.Context = list(f)
		case "always":
			b, ok := parseBool(v)
			if !ok {
				fail(v.line, "always: want true or false, got %s", describe(v))
				continue
			}
			e.Always = b
		default:
			fail(f.line, "unknown key %q (want ar, en, variants, type, note, translate, context, always)", f.key)
		}
	}
	return e
}

// firstKey returns the line of key among fields, 0 if absent.
func firstKey(fields []rawField, key string) int {
	for _, f := range fields {
		if f.key == key {
			return f.line
		}
	}
	return 0
}

func parseBool(v rawValue) (bool, bool) {
	if v.quoted || v.other != "" || v.null {
		return false, false
	}
	switch v.text {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

// Key returns the form under which a term is compared with others: its
// folded words separated by single spaces.
func Key(term string) string {
	return string(appendKey(make([]byte, 0, len(term)), term))
}

// appendKey appends Key(term) to dst.
func appendKey(dst []byte, term string) []byte {
	start := len(dst)
	pending := false
	for _, r := range term {
		if !arabic.IsWordRune(r) {
			pending = true
			continue
		}
		n := len(dst)
		if pending && n > start {
			dst = append(dst, ' ')
		}
		dst = arabic.AppendFoldRune(dst, r)
		switch {
		case len(dst) == n+1 && pending && n > start:
			dst = dst[:n] // the rune folded to nothing: no word yet
		case len(dst) > n:
			pending = false
		}
	}
	return dst
}

// validate checks the entries against each other and their own fields.
func validate(g *Glossary) ErrorList {
	var errs ErrorList
	g.keys = make(map[*Entry]entryKeys, len(g.Entries))
	terms := termIndex{first: make(map[string]termOwner, len(g.Entries))}
	for _, e := range g.Entries {
		fail := func(format string, args ...any) {
			errs = append(errs, &Error{File: g.Name, Line: e.Line, Err: fmt.Errorf(format, args...)})
		}
		forms := e.Forms()
		keys := make([]string, len(forms))
		for i, form := range forms {
			keys[i] = Key(form)
		}
		if !checkFields(e, keys, fail) {
			continue
		}
		g.keys[e] = entryKeys{forms: forms, keys: keys}
		terms.add(e, g.Name, forms, keys, fail)
	}
	return errs
}

// CheckAdditions checks entries read from the exchange file src as additions
// to g: their own fields, and their terms against g's and each other's. Every
// problem names src and the entry's line there.
func (g *Glossary) CheckAdditions(src string, es []*Entry) error {
	terms := termIndex{first: make(map[string]termOwner, len(g.Entries)+len(es))}
	for _, e := range g.Entries {
		terms.add(e, g.Name, e.Forms(), g.formKeys(e), func(string, ...any) {})
	}
	var errs ErrorList
	for _, e := range es {
		fail := func(format string, args ...any) {
			errs = append(errs, &Error{File: src, Line: e.Line, Err: fmt.Errorf(format, args...)})
		}
		forms := e.Forms()
		keys := make([]string, len(forms))
		for i, form := range forms {
			keys[i] = Key(form)
		}
		if checkFields(e, keys, fail) {
			terms.add(e, src, forms, keys, fail)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	return errs
}

// checkFields reports the problems of e's own fields to fail; keys are the
// keys of e.Forms(). It returns false when e has no term to compare.
func checkFields(e *Entry, keys []string, fail func(format string, args ...any)) bool {
	switch {
	case e.Ar == "":
		fail("entry has no Arabic term (ar)")
		return false
	case !arabic.HasArabic(e.Ar) || arabic.HasLatin(e.Ar):
		fail("ar %q: want Arabic script", e.Ar)
	}
	if e.En == "" && e.Translatable() {
		fail("entry %q has no English rendering (en)", e.Ar)
	}
	if arabic.HasArabic(e.En) {
		fail("en %q for %q: English rendering contains Arabic letters", e.En, e.Ar)
	}
	if f, ok := invalidUTF8(e); ok {
		// YAML holds only UTF-8: written, the bytes would read back as other letters.
		fail("entry %q: %q is not UTF-8 text", strings.ToValidUTF8(e.Ar, "\uFFFD"), strings.ToValidUTF8(f, "\uFFFD"))
	}
	if strings.ContainsAny(e.Ar+e.En, "\n\r") {
		// It would be written into a sentence, or never match one.
		fail("entry %q: a line break in a term or its English rendering", e.Ar)
	}
	if e.Type != "" && !validType(e.Type) {
		fail("entry %q: unknown type %q (want %s)", e.Ar, e.Type, strings.Join(Types, ", "))
	}
	for _, v := range e.Variants {
		if !arabic.HasArabic(v) || arabic.HasLatin(v) {
			fail("variant %q of %q: want Arabic script", v, e.Ar)
		}
	}
	for i, form := range e.Forms() {
		if k := keys[i]; k != "" && utf8.RuneCountInString(k) < 2 {
			fail("term %q: one letter is too short to match", form)
		}
	}
	return true
}

// invalidUTF8 returns the first of e's fields that is not UTF-8.
func invalidUTF8(e *Entry) (string, bool) {
	for _, f := range [...]string{e.Ar, e.En, e.Type, e.Note} {
		if !utf8.ValidString(f) {
			return f, true
		}
	}
	for _, list := range [...][]string{e.Variants, e.Context} {
		for _, f := range list {
			if !utf8.ValidString(f) {
				return f, true
			}
		}
	}
	return "", false
}

// termIndex finds terms that are the same after normalisation in two
// entries, homographs told apart by context words excepted.
type termIndex struct {
	first map[string]termOwner // by key: the entry that has it first
}

type termOwner struct {
	e    *Entry
	form string
	file string
}

// add records the forms of e (from file; keys are their keys) and reports
// each clash with an entry added before.
func (x *termIndex) add(e *Entry, file string, forms, keys []string, fail func(format string, args ...any)) {
	for i, form := range forms {
		k := keys[i]
		if k == "" || utf8.RuneCountInString(k) < 2 {
			continue
		}
		o, ok := x.first[k]
		switch {
		case !ok:
			x.first[k] = termOwner{e, form, file}
		case o.e == e:
			// A variant that only differs in spelling rules from the term
			// is redundant but harmless.
		case len(o.e.Context) > 0 && len(e.Context) > 0:
			// Homographs told apart by their context words.
		case o.form == form && o.e.Ar == form && e.Ar == form:
			fail("duplicate term %q (first at %s)", form, o.where(file))
		case o.form == form:
			// The same spelling: "after normalisation" would mislead.
			what := fmt.Sprintf("term %q", form)
			if i > 0 {
				what = fmt.Sprintf("variant %q of %q", form, e.Ar)
			}
			there := "the term"
			if o.e.Ar != form {
				there = fmt.Sprintf("a variant of %q", o.e.Ar)
			}
			fail("%s is already %s at %s (give both entries context words if they are homographs)", what, there, o.where(file))
		default:
			fail("term %q is the same as %q at %s after normalisation (give both entries context words if they are homographs)", form, o.form, o.where(file))
		}
	}
}

// where names the owner's line, with its file when that is not file.
func (o termOwner) where(file string) string {
	if o.file == file {
		return fmt.Sprintf("line %d", o.e.Line)
	}
	return fmt.Sprintf("%s:%d", o.file, o.e.Line)
}

// typeNames are the other names that glossaries and CAT tools give the
// types, in lower case.
var typeNames = map[string]string{
	"people": "person", "persons": "person", "per": "person", "name": "person", "personal name": "person",
	"location": "place", "loc": "place", "places": "place", "geography": "place", "geographical name": "place",
	"country": "place", "city": "place", "region": "place", "toponym": "place",
	"organization": "organisation", "organizations": "organisation", "organisations": "organisation",
	"org": "organisation", "company": "organisation", "agency": "organisation", "institution": "organisation",
	"press": "media", "newspaper": "media", "news agency": "media", "broadcaster": "media",
	"misc": "other",
	// Arabic, folded (see arabic.Fold), as a spreadsheet's type column says it.
	"شخص": "person", "اشخاص": "person", "شخصيه": "person", "اسم شخص": "person",
	"مكان": "place", "اماكن": "place", "دوله": "place", "بلد": "place", "مدينه": "place", "منطقه": "place", "موقع": "place",
	"منظمه": "organisation", "مؤسسه": "organisation", "هيئه": "organisation", "شركه": "organisation", "جهه": "organisation",
	"وسيله اعلام": "media", "اعلام": "media", "صحيفه": "media", "وكاله انباء": "media", "قناه": "media",
	"اخري": "other", "غير ذلك": "other",
}

// TypeOf returns the type that name stands for: one of Types in any case, or
// a name other tools use for one (Organization, Location, Country).
func TypeOf(name string) (string, bool) {
	n := strings.Join(strings.Fields(arabic.Fold(name)), " ")
	if validType(n) {
		return n, true
	}
	t, ok := typeNames[n]
	return t, ok
}

func validType(t string) bool {
	for _, v := range Types {
		if t == v {
			return true
		}
	}
	return false
}

// Lookup returns the entries whose term or variant has the same key as term.
func (g *Glossary) Lookup(term string) []*Entry {
	k := Key(term)
	var out []*Entry
	for _, e := range g.Entries {
		for _, f := range e.Forms() {
			if Key(f) == k {
				out = append(out, e)
				break
			}
		}
	}
	return out
}
