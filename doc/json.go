package doc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// WriteJSON writes b as {"source_lang", "target_lang", "units": [...]}, indented,
// with the article's SHA-256 (see Bitext.ArticleSum) when it is known.
func WriteJSON(w io.Writer, b *Bitext) error {
	// The units are encoded one at a time, as json.Encoder would indent
	// them inside the whole: encoding the whole at once held the file two
	// or three times over in memory, tens of megabytes for a long article.
	head := *b
	head.ArticleSHA256 = b.ArticleSum() // so that XLIFF made from the JSON can be checked against the article
	head.Units = []Unit{}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&head); err != nil {
		return err
	}
	if len(b.Units) == 0 {
		_, err := w.Write(buf.Bytes())
		return err
	}
	// The head ends with the empty units list: the units go in its place.
	const emptyUnits = "[]\n}\n"
	if !bytes.HasSuffix(buf.Bytes(), []byte(emptyUnits)) {
		return fmt.Errorf("json: units are not the last field")
	}
	bw := bufio.NewWriter(w)
	bw.Write(buf.Bytes()[:buf.Len()-len(emptyUnits)])
	bw.WriteString("[\n")
	enc = json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	for i := range b.Units {
		u := b.Units[i]
		if u.Terms == nil {
			u.Terms = []TermHit{}
		}
		buf.Reset()
		if err := enc.Encode(&u); err != nil {
			return err
		}
		bw.WriteString("    ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if i+1 < len(b.Units) {
			bw.WriteString(",\n")
		} else {
			bw.WriteString("\n")
		}
	}
	bw.WriteString("  ]\n}\n")
	return bw.Flush()
}

// ReadJSON reads and checks what WriteJSON wrote; see ReadJSONNamed.
func ReadJSON(r io.Reader) (*Bitext, error) { return ReadJSONNamed(r, "") }

// ReadJSONNamed reads what WriteJSON wrote from the file called name (used in
// errors) and checks what the writers rely on: known fields, a "units" list,
// units with a unique id usable in XLIFF and HTML, a known kind and state,
// a source (only an aligned English sentence may lack one, and then has a
// target), each block's units together, known flags, scores in [0,1]. A
// file with problems gives a *JSONError listing every one.
func ReadJSONNamed(r io.Reader, name string) (*Bitext, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", orStdin(name), err)
	}
	rd := jsonReader{data: data, err: &JSONError{File: name}}
	b := rd.read()
	if len(rd.err.Problems) > 0 {
		return nil, rd.err
	}
	return b, nil
}

// JSONProblem is one thing wrong in a bitext JSON file.
type JSONProblem struct {
	Line int    // 1-based line of the unit or of the error; 0 when unknown
	Unit int    // index of the unit in "units"; -1 for the file as a whole
	ID   string // the unit's id, "" when it has none
	Msg  string // what was wrong, without the position
}

// JSONError lists every problem found in a bitext JSON file.
type JSONError struct {
	File     string        // the file's name; "" when unknown
	Problems []JSONProblem // in file order; never empty in a returned error
}

// Error gives one line per problem (at most 20), each with file:line and unit.
func (e *JSONError) Error() string {
	file := orStdin(e.File)
	line := func(p JSONProblem) string {
		var b strings.Builder
		b.WriteString(file)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
		if p.Unit >= 0 {
			if p.ID != "" {
				fmt.Fprintf(&b, "unit %d (id %q): ", p.Unit, p.ID)
			} else {
				fmt.Fprintf(&b, "unit %d: ", p.Unit)
			}
		}
		b.WriteString(p.Msg)
		return b.String()
	}
	if len(e.Problems) == 1 {
		return line(e.Problems[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d problems in the bitext JSON", file, len(e.Problems))
	for i, p := range e.Problems {
		if i == 20 {
			fmt.Fprintf(&b, "\n  ... and %d more", len(e.Problems)-i)
			break
		}
		b.WriteString("\n  " + line(p))
	}
	return b.String()
}

func orStdin(name string) string {
	if name == "" {
		return "bitext JSON"
	}
	return name
}

// jsonReader decodes a bitext JSON file value by value, so that each unit's
// line is known for the messages.
type jsonReader struct {
	data  []byte
	dec   *json.Decoder
	err   *JSONError
	lines []int        // line of each unit
	skip  map[int]bool // units that could not be decoded (already reported)
}

func (rd *jsonReader) problem(offset int64, unit int, id, format string, args ...any) {
	rd.err.Problems = append(rd.err.Problems, JSONProblem{Line: rd.line(offset), Unit: unit, ID: id, Msg: fmt.Sprintf(format, args...)})
}

// next skips the white space and separators at offset: where the next value starts.
func (rd *jsonReader) next(offset int64) int64 {
	for offset < int64(len(rd.data)) && strings.IndexByte(" \t\r\n,:", rd.data[offset]) >= 0 {
		offset++
	}
	return offset
}

// line is the 1-based line of the first value at or after offset.
func (rd *jsonReader) line(offset int64) int {
	offset = rd.next(max(0, min(offset, int64(len(rd.data)))))
	return bytes.Count(rd.data[:offset], []byte("\n")) + 1
}

// syntax records a decoding error that ends the reading.
func (rd *jsonReader) syntax(err error) {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		rd.problem(se.Offset-1, -1, "", "not valid JSON: %v", se)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		rd.problem(int64(len(rd.data)), -1, "", "not valid JSON: unexpected end of the file")
	default:
		rd.problem(rd.dec.InputOffset(), -1, "", "not valid JSON: %v", err)
	}
}

func (rd *jsonReader) read() *Bitext {
	rd.dec = json.NewDecoder(bytes.NewReader(rd.data))
	var b Bitext
	if tok, err := rd.dec.Token(); err != nil {
		rd.syntax(err)
		return nil
	} else if tok != json.Delim('{') {
		rd.problem(0, -1, "", "not bitext JSON: want an object with a \"units\" list")
		return nil
	}
	sawUnits := false
	for rd.dec.More() {
		tok, err := rd.dec.Token()
		if err != nil {
			rd.syntax(err)
			return nil
		}
		key, _ := tok.(string)
		at := rd.next(rd.dec.InputOffset())
		var dst any
		switch key {
		case "source_lang":
			dst = &b.SourceLang
		case "target_lang":
			dst = &b.TargetLang
		case "name":
			dst = &b.Name
		case "engine":
			dst = &b.Engine
		case "article_sha256":
			dst = &b.ArticleSHA256
		case "units":
			sawUnits = true
			var raw json.RawMessage
			if err := rd.dec.Decode(&raw); err != nil {
				rd.syntax(err)
				return nil
			}
			rd.readUnits(&b, raw, at)
			continue
		default:
			rd.problem(at, -1, "", "unknown field %q", key)
			dst = new(json.RawMessage)
		}
		if err := rd.dec.Decode(dst); err != nil {
			var te *json.UnmarshalTypeError
			if !errors.As(err, &te) {
				rd.syntax(err)
				return nil
			}
			rd.problem(at, -1, "", "%q: want %s, got %s", key, jsonKind(te.Type), te.Value)
		}
	}
	if _, err := rd.dec.Token(); err != nil {
		rd.syntax(err)
		return nil
	}
	if _, err := rd.dec.Token(); err != io.EOF {
		rd.problem(rd.dec.InputOffset(), -1, "", "more data after the bitext JSON object")
	}
	if !sawUnits {
		rd.problem(0, -1, "", "not bitext JSON: no \"units\" list")
	}
	if b.ArticleSHA256 != "" && !sha256Hex.MatchString(b.ArticleSHA256) {
		rd.problem(0, -1, "", "article_sha256 %q is not a SHA-256 (64 hexadecimal digits)", b.ArticleSHA256)
	}
	for _, f := range [][2]string{{"source_lang", b.SourceLang}, {"target_lang", b.TargetLang}} {
		if f[1] != "" && !langTag.MatchString(f[1]) {
			rd.problem(0, -1, "", "%s %q is not a language tag such as \"ar\" or \"en-GB\"", f[0], f[1])
		}
	}
	rd.check(&b)
	sort.SliceStable(rd.err.Problems, func(i, j int) bool { return rd.err.Problems[i].Line < rd.err.Problems[j].Line })
	return &b
}

// jsonKind names what JSON value fills a Go value of type t.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list"
	}
	return "an object"
}

// readUnits decodes raw, the "units" list found at offset base, into b.
func (rd *jsonReader) readUnits(b *Bitext, raw json.RawMessage, base int64) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		rd.problem(base, -1, "", "\"units\" is not a list")
		return
	}
	rd.skip = map[int]bool{}
	b.Units = []Unit{}
	for i := 0; dec.More(); i++ {
		at := rd.next(base + dec.InputOffset())
		var u Unit
		if err := dec.Decode(&u); err != nil {
			var te *json.UnmarshalTypeError
			switch {
			case errors.As(err, &te) && te.Field == "":
				rd.problem(at, i, "", "not a unit object (%s)", te.Value)
			case errors.As(err, &te):
				rd.problem(at, i, u.ID, "%q: want %s, got %s", te.Field, jsonKind(te.Type), te.Value)
			default: // an unknown field: the value is valid JSON, checked above
				rd.problem(at, i, u.ID, "%s", strings.TrimPrefix(err.Error(), "json: "))
			}
			rd.skip[i] = true
		}
		b.Units = append(b.Units, u)
		rd.lines = append(rd.lines, rd.line(at))
	}
}

// sha256Hex is the form of a recorded article checksum.
var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// langTag is the form of an xml:lang value (XML Schema's language type).
var langTag = regexp.MustCompile(`^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`)

var knownKinds = map[Kind]bool{Heading: true, Paragraph: true, Boilerplate: true}

var knownStates = map[State]bool{StateNew: true, StateGist: true, StateMachine: true, StateMemory: true, StateReviewed: true, StateFinal: true}

var knownFlags = map[Flag]bool{FlagUntranslated: true, FlagGlossaryViolation: true, FlagLowConfidence: true, FlagPlaceholderDamaged: true, FlagNumberMismatch: true}

// check validates the decoded units.
func (rd *jsonReader) check(b *Bitext) {
	firstOf := map[string]int{}
	seenBlock := map[int]bool{}
	for i := range b.Units {
		u := &b.Units[i]
		bad := func(format string, args ...any) {
			rd.err.Problems = append(rd.err.Problems, JSONProblem{Line: rd.lines[i], Unit: i, ID: u.ID, Msg: fmt.Sprintf(format, args...)})
		}
		if rd.skip[i] { // not decoded: reported already
			if _, dup := firstOf[u.ID]; !dup && u.ID != "" {
				firstOf[u.ID] = i
			}
			continue
		}
		switch first, dup := firstOf[u.ID]; {
		case u.ID == "":
			bad("no id")
		case dup:
			bad("id used before by unit %d", first)
		case !idChars(u.ID):
			bad("id %q: only letters, digits and . - _ : (XLIFF 2 ids are XML name tokens)", u.ID)
		}
		if _, dup := firstOf[u.ID]; !dup {
			firstOf[u.ID] = i
		}
		if !knownKinds[u.Kind] {
			bad("kind %q: want heading, paragraph or boilerplate", u.Kind)
		}
		if !knownStates[u.State] {
			bad("state %q: want new, gist, machine, memory, reviewed or final", u.State)
		}
		switch {
		case u.Block < 0:
			bad("block %d: block numbers start at 0", u.Block)
		case i > 0 && u.Block != b.Units[i-1].Block && seenBlock[u.Block]:
			// the writers group a block's units as they come
			bad("block %d again after block %d: a block's units must follow each other", u.Block, b.Units[i-1].Block)
		}
		seenBlock[u.Block] = true
		if strings.TrimSpace(u.Source) == "" && strings.TrimSpace(u.Target) == "" {
			bad("empty source (only an aligned English sentence may have no source, and then it has a target)")
		}
		for _, s := range u.Segments {
			if s < 0 {
				bad("segment %d: segment numbers start at 0", s)
			}
		}
		for _, f := range u.Flags {
			if !knownFlags[f] {
				bad("flag %q: want untranslated, glossary-violation, low-confidence, placeholder-damaged or number-mismatch", f)
			}
		}
		if u.Confidence < 0 || u.Confidence > 1 {
			bad("confidence %g: want a number from 0 to 1", u.Confidence)
		}
		for k, m := range u.Matches {
			if m.Score < 0 || m.Score > 1 {
				bad("match %d: score %g: want a number from 0 to 1", k, m.Score)
			}
		}
		for k, h := range u.Terms {
			switch {
			case h.Surface == "":
				bad("term %d: no surface (the name as the source writes it)", k)
			case h.En == "" && !h.NoTranslate:
				bad("term %d (%s): no English", k, h.Surface)
			case h.Start < 0 || h.StemStart < h.Start || h.End < h.StemStart:
				bad("term %d (%s): offsets start %d, stem_start %d, end %d out of order", k, h.Surface, h.Start, h.StemStart, h.End)
			}
		}
	}
}

// idChars reports whether id is an XML name token: a unit id is an XLIFF 2
// NMTOKEN and an HTML id, which takes no spaces.
func idChars(id string) bool {
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !strings.ContainsRune(".-_:", r) {
			return false
		}
	}
	return true
}
