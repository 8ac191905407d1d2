// Package gist is an offline Arabic→English engine that glosses a text word by
// word: it splits each word into proclitics, stem and suffixes, looks the stem
// up in a built-in list of frequent news words (and, when given, a larger
// outside lexicon), keeps glossary names and numbers, and applies a few safe
// English ordering rules. The result is a gist for readers, never a
// translation: the pipeline marks every unit it produces as doc.StateGist.
package gist

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"strings"

	"bitext/translate"
)

//go:embed core.tsv
var coreTSV []byte

// Options configure an Engine. The zero value uses the built-in word list and,
// when installed, Debian's FreeDict Arabic–English dictionary.
type Options struct {
	// Lexicons are outside lexicon files or folders (see LoadLexicon), read in
	// order after the built-in list. Empty: DebianFreeDict when present.
	Lexicons []string
	// NoSystemLexicon skips DebianFreeDict when Lexicons is empty.
	NoSystemLexicon bool
	// NoCore leaves out the built-in word list (for measuring outside lexicons).
	NoCore bool
	// KeepUnknown leaves words found in no lexicon in Arabic script instead of
	// transliterating them.
	KeepUnknown bool
	// NoReorder keeps the Arabic word order.
	NoReorder bool
}

// Engine is the gist engine. It is safe for concurrent use.
type Engine struct {
	lexicons []*Lexicon // priority order: built-in first
	opts     Options
	firsts   map[string]int // first words of the phrases of all lexicons → most words
	// the lexicons merged, each form with the entry of the first lexicon
	// that has it: one lookup instead of one per lexicon
	nouns, verbs, present map[string]ranked
}

// ranked is an entry with the priority of its lexicon (0: the first).
type ranked struct {
	Entry
	rank int
	ok   bool
}

func (e *Engine) index() *Engine {
	e.firsts = map[string]int{}
	e.nouns, e.verbs, e.present = map[string]ranked{}, map[string]ranked{}, map[string]ranked{}
	merge := func(dst map[string]ranked, src map[string]Entry, rank int) {
		for k, v := range src {
			if _, dup := dst[k]; !dup {
				dst[k] = ranked{Entry: v, rank: rank, ok: true}
			}
		}
	}
	for rank, l := range e.lexicons {
		for k, n := range l.firsts {
			e.firsts[k] = max(e.firsts[k], n)
		}
		merge(e.nouns, l.words, rank)
		merge(e.verbs, l.verbs, rank)
		merge(e.present, l.present, rank)
	}
	return e
}

// Core returns the built-in word list.
func Core() (*Lexicon, error) {
	return ReadCore("gist/core.tsv", bytes.NewReader(coreTSV))
}

// New builds an engine, reading the outside lexicons opts names.
func New(ctx context.Context, opts Options) (*Engine, error) {
	e := &Engine{opts: opts}
	if !opts.NoCore {
		core, err := Core()
		if err != nil {
			return nil, err
		}
		e.lexicons = append(e.lexicons, core)
	}
	paths := opts.Lexicons
	if len(paths) == 0 && !opts.NoSystemLexicon {
		if _, err := os.Stat(DebianFreeDict); err == nil {
			paths = []string{DebianFreeDict}
		}
	}
	for _, p := range paths {
		l, err := LoadLexicon(ctx, p)
		if err != nil {
			return nil, err
		}
		e.lexicons = append(e.lexicons, l)
	}
	return e.index(), nil
}

// NewWithLexicons builds an engine from lexicons already loaded, in priority
// order.
func NewWithLexicons(opts Options, lexicons ...*Lexicon) *Engine {
	return (&Engine{lexicons: lexicons, opts: opts}).index()
}

// Lexicons lists the lexicons the engine reads, in priority order.
func (e *Engine) Lexicons() []*Lexicon { return e.lexicons }

func init() {
	translate.Register(translate.Registration{
		Name: "gist",
		Description: "offline word-by-word English gist from a built-in word list (plus FreeDict when installed, " +
			"or lexicon=PATH); marked as a gist, never as a translation",
		New: func(cfg translate.Config) (translate.Engine, error) {
			opts := Options{}
			if p := cfg.Options["lexicon"]; p != "" {
				opts.Lexicons = strings.Split(p, string(os.PathListSeparator))
			}
			return New(context.Background(), opts)
		},
		Options: []string{"lexicon"},
		Pairs:   [][2]string{{"ar", "en"}},
	})
}

// Name returns "gist".
func (e *Engine) Name() string { return "gist" }

// Limits: the engine works locally and takes any amount of text.
func (e *Engine) Limits() translate.Limits { return translate.Limits{} }

// Gist reports that the engine's output is a word-by-word gist, so the
// pipeline marks its units as doc.StateGist.
func (e *Engine) Gist() bool { return true }

// Local reports that the engine runs here and bills nothing.
func (e *Engine) Local() bool { return true }

// Translate glosses every segment, each sentence starting with a capital
// (see capitalise). Glossary terms given with a segment are rendered with
// the glossary's English whatever the lexicons say.
func (e *Engine) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var all []translate.Term
	for _, s := range req.Segments {
		all = append(all, s.Terms...)
	}
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		if i%64 == 63 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		terms := termForms(s.Terms, all)
		out[i] = capitalise(e.gloss(s.Text, terms, nil))
	}
	return out, nil
}

// Gloss returns the gist of one text, with terms (Arabic surface → English)
// always winning over the lexicons.
func (e *Engine) Gloss(text string, terms []translate.Term) string {
	return e.gloss(text, termForms(terms, terms), nil)
}

// Stats counts the Arabic words of a text and how many received an English
// gloss (from a lexicon, the glossary or as a number).
type Stats struct {
	Words, Glossed int            // Arabic words in the text, and those of them that received a gloss
	Unknown        map[string]int // words with no gloss, by surface form
}

// Coverage glosses text and counts its Arabic words that received a gloss.
func (e *Engine) Coverage(text string, terms []translate.Term) Stats {
	st := Stats{Unknown: map[string]int{}}
	e.gloss(text, termForms(terms, terms), &st)
	return st
}

// String names the engine's lexicons and how many forms each holds.
func (e *Engine) String() string {
	var names []string
	for _, l := range e.lexicons {
		names = append(names, fmt.Sprintf("%s (%d forms)", l.Name, l.Len()))
	}
	return "gist: " + strings.Join(names, ", ")
}
