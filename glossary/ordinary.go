package glossary

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/mkordinary

// ordinaryGz lists words that news text mostly uses as ordinary words: folded
// word, ordinary uses, uses as a one-word name. See ordinary.LICENSE.md.
//
//go:embed ordinary.tsv.gz
var ordinaryGz []byte

// Usage is how often a written word stands as a name in news text.
type Usage struct {
	Ordinary int // uses as an ordinary word
	Name     int // uses as a one-word person, place or organisation name
}

// IsOrdinary reports whether the word reads as an ordinary word: fewer than
// one use in ten is a name. The matcher leaves such a one-word term out
// unless its entry's context words are near, the entry says always, or the
// words around it mark a name.
func (u Usage) IsOrdinary() bool { return u.Ordinary > 0 && u.Name*10 < u.Ordinary+u.Name }

var (
	ordinaryOnce  sync.Once
	ordinaryTable map[string]Usage
)

// WordUsage returns how news text uses the written word (clitics included,
// spelling folded as Key folds it); ok is false for words the table does not
// list.
func WordUsage(word string) (u Usage, ok bool) {
	ordinaryOnce.Do(loadOrdinary)
	u, ok = ordinaryTable[UsageKey(word)]
	return u, ok
}

// UsageKey is the key of a word in the usage table: Key(word), except that a
// final alef maqsura stays ى. Folding makes على "on" equal to علي "Ali", and
// the particle must not make the name an ordinary word.
func UsageKey(word string) string {
	return usageKey(Key(word), word)
}

func usageKey(folded, word string) string {
	if endsInMaqsura(word) && strings.HasSuffix(folded, "ي") {
		return folded[:len(folded)-len("ي")] + "ى"
	}
	return folded
}

// endsInMaqsura reports whether the last letter of word, marks aside, is ى.
func endsInMaqsura(word string) bool {
	for i := len(word); i > 0; {
		r, n := utf8.DecodeLastRuneInString(word[:i])
		i -= n
		if r == 'ى' {
			return true
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// ordinaryWord is WordUsage(word).IsOrdinary() for a word already folded.
// In a text that writes ى, a word written with a final ي whose ى spelling is
// an ordinary word (علي beside على) is taken as the name: the table's
// ordinary uses of the ي spelling come from writers who never write ى.
func ordinaryWord(folded, word string, textWritesMaqsura func() bool) bool {
	ordinaryOnce.Do(loadOrdinary)
	key := usageKey(folded, word)
	u, ok := ordinaryTable[key]
	if !ok || !u.IsOrdinary() {
		return false
	}
	if strings.HasSuffix(key, "ي") && textWritesMaqsura() {
		if m, ok := ordinaryTable[key[:len(key)-len("ي")]+"ى"]; ok && m.IsOrdinary() {
			return false
		}
	}
	return true
}

func loadOrdinary() {
	var err error
	if ordinaryTable, err = parseOrdinary(ordinaryGz); err != nil {
		// The table is built into the binary: a broken one is a build error,
		// which TestOrdinaryTable catches.
		panic(err)
	}
}

func parseOrdinary(gz []byte) (map[string]Usage, error) {
	t := make(map[string]Usage, 4000)
	err := readTable(gz, "ordinary-word table", func(line int, f []string) error {
		o, err1 := strconv.Atoi(f[1])
		n, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("ordinary-word table:%d: want counts", line)
		}
		t[f[0]] = Usage{Ordinary: o, Name: n}
		return nil
	})
	return t, err
}

// readTable reads a gzipped table built into the binary, three tab-separated
// fields a line, and hands each line to row.
func readTable(gz []byte, name string, row func(line int, fields []string) error) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return fmt.Errorf("%s:%d: want 3 fields", name, line)
		}
		if err := row(line, f); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// OrdinaryForm returns the first one-word form of e that news text mostly
// uses as an ordinary word, when e has neither context words nor always:
// the matcher then leaves that form out unless the words around it mark a
// name.
func (e *Entry) OrdinaryForm() (form string, u Usage, ok bool) {
	if e.Always || len(e.Context) > 0 {
		return "", Usage{}, false
	}
	for _, f := range e.Forms() {
		if u, ok := WordUsage(f); ok && u.IsOrdinary() && !strings.Contains(Key(f), " ") {
			return f, u, true
		}
	}
	return "", Usage{}, false
}
