package align

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"bitext/arabic"
)

// DebianLexicon is where Debian's dict-freedict-ara-eng package installs its index.
const DebianLexicon = "/usr/share/dictd/freedict-ara-eng.index"

// Lexicon maps folded Arabic words to the stems of their English glosses.
// Aligning only reads it: once filled, it may serve goroutines at once, but
// Add must not run while any aligns with it.
type Lexicon struct {
	Name  string // file it was read from
	words map[string][]string
}

// Len returns the number of Arabic forms in the lexicon.
func (l *Lexicon) Len() int { return len(l.words) }

// Add records that the Arabic word ar may be rendered by the English gloss en.
// Multi-word Arabic entries are skipped: alignment looks words up one at a time.
func (l *Lexicon) Add(ar, en string) {
	if l.words == nil {
		l.words = map[string][]string{}
	}
	ar = strings.TrimSpace(ar)
	if ar == "" || strings.ContainsFunc(ar, unicode.IsSpace) {
		return
	}
	f := arabic.Fold(ar)
	keys := []string{f}
	if rest, ok := strings.CutPrefix(f, "ال"); ok && len(rest) >= 4 {
		keys = append(keys, rest)
	}
	words := strings.FieldsFunc(en, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) > 3 {
		return // a definition rather than a rendering
	}
	for _, w := range words {
		st := englishStem(w)
		if st == "" {
			continue
		}
		for _, k := range keys {
			if !contains(l.words[k], st) {
				l.words[k] = append(l.words[k], st)
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// LoadLexicon reads a bilingual Arabic–English lexicon: a dictd index
// (NAME.index beside NAME.dict or NAME.dict.dz, as Debian's
// dict-freedict-ara-eng installs it) or a TSV file with the Arabic in the first
// column and English glosses separated by " | " in the last.
func LoadLexicon(path string) (*Lexicon, error) {
	if strings.HasSuffix(path, ".index") {
		return loadDictd(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lex, err := ReadLexiconTSV(path, f)
	if err != nil {
		return nil, err
	}
	return lex, nil
}

// ReadLexiconTSV reads the TSV form: arabic TAB [ipa TAB] english, glosses
// separated by " | ". A first line starting with "arabic" is a header.
func ReadLexiconTSV(name string, r io.Reader) (*Lexicon, error) {
	lex := &Lexicon{Name: name, words: map[string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 && strings.HasPrefix(text, "arabic\t") || strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("%s:%d: want arabic<TAB>english, got one column", name, line)
		}
		for _, g := range strings.Split(cols[len(cols)-1], "|") {
			lex.Add(cols[0], g)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return lex, nil
}

// loadDictd reads a dictd dictionary: the index lists headword, offset and
// length (base64 numbers) into the .dict (or gzip/dictzip .dict.dz) file.
func loadDictd(index string) (*Lexicon, error) {
	base := strings.TrimSuffix(index, ".index")
	var data []byte
	if f, err := os.Open(base + ".dict.dz"); err == nil {
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s.dict.dz: %w", base, err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("%s.dict.dz: %w", base, err)
		}
	} else if data, err = os.ReadFile(base + ".dict"); err != nil {
		return nil, fmt.Errorf("%s: no .dict.dz or .dict beside the index: %w", index, err)
	}
	f, err := os.Open(index)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readDictd(index, f, data)
}

func readDictd(name string, index io.Reader, data []byte) (*Lexicon, error) {
	lex := &Lexicon{Name: name, words: map[string][]string{}}
	sc := bufio.NewScanner(index)
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("%s:%d: want headword<TAB>offset<TAB>length", name, line)
		}
		if strings.HasPrefix(cols[0], "00database") || strings.HasPrefix(cols[0], "00-database") {
			continue
		}
		off, err1 := b64num(cols[1])
		n, err2 := b64num(cols[2])
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if off+n > len(data) || off < 0 || n < 0 {
			return nil, fmt.Errorf("%s:%d: entry %q points past the end of the dictionary", name, line, cols[0])
		}
		entry := strings.Split(string(data[off:off+n]), "\n")
		for _, l := range entry[1:] {
			l = strings.TrimSpace(l)
			// numbered senses: "1. Aduncous"
			if i := strings.Index(l, ". "); i > 0 && i <= 3 && strings.Trim(l[:i], "0123456789") == "" {
				l = l[i+2:]
			}
			for _, g := range strings.Split(l, ",") {
				lex.Add(cols[0], g)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return lex, nil
}

// b64num decodes dictd's base64 numbers (most significant digit first).
func b64num(s string) (int, error) {
	n := 0
	for _, c := range []byte(s) {
		i := strings.IndexByte(b64digits, c)
		if i < 0 {
			return 0, fmt.Errorf("bad base64 number %q", s)
		}
		n = n*64 + i
	}
	return n, nil
}

const b64digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
