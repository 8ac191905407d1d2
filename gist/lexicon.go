package gist

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"bitext/arabic"
)

// POS is the coarse part of speech the gist engine needs for its ordering and
// inflection rules.
type POS byte

// Parts of speech known to the lexicon. Entries from outside lexicons are
// Unknown.
const (
	Unknown   POS = 0
	Noun      POS = 'n' // takes a possessive suffix, English plural with -s
	Adjective POS = 'a' // follows its noun in Arabic, precedes it in English
	Verb      POS = 'v' // past stem; a present stem may be given too
	Particle  POS = 'p' // preposition or particle: a pronoun suffix is its object
	Name      POS = 'N' // proper name: never pluralised or reordered
	Other     POS = 'x'
)

// Entry is the English gloss of one Arabic form.
type Entry struct {
	Gloss   string // English; for verbs the past tense
	Present string // verbs only: the present tense ("says"); empty for other words
	POS     POS    // part of speech, which decides how the word is ordered and inflected
}

// Lexicon maps folded Arabic forms to English glosses. Multi-word forms are
// kept apart so the engine can match them greedily.
type Lexicon struct {
	Name    string           // what it is called, usually after its file; Engine.String shows it
	words   map[string]Entry // everything but past-tense verb stems
	verbs   map[string]Entry // past-tense verb stems
	present map[string]Entry // present-tense verb stems, without the person prefix
	phrases map[string]Entry // folded words joined by one space
	firsts  map[string]int   // first word of a phrase → most words in a phrase starting so
}

// NewLexicon returns an empty lexicon called name.
func NewLexicon(name string) *Lexicon {
	return &Lexicon{Name: name, words: map[string]Entry{}, verbs: map[string]Entry{}, present: map[string]Entry{}, phrases: map[string]Entry{}, firsts: map[string]int{}}
}

// Len is the number of forms in the lexicon.
func (l *Lexicon) Len() int { return len(l.words) + len(l.verbs) + len(l.present) + len(l.phrases) }

// Add records the gloss of an Arabic form (one word or several). The first
// gloss given for a form wins.
func (l *Lexicon) Add(ar string, e Entry) {
	words := strings.Fields(arabic.Fold(ar))
	switch len(words) {
	case 0:
		return
	case 1:
		m := l.words
		if e.POS == Verb {
			m = l.verbs
		}
		if _, dup := m[words[0]]; !dup {
			m[words[0]] = e
		}
	default:
		key := strings.Join(words, " ")
		if _, dup := l.phrases[key]; !dup {
			l.phrases[key] = e
		}
		if len(words) > l.firsts[words[0]] {
			l.firsts[words[0]] = len(words)
		}
	}
}

// addWord records the gloss of one word already folded, which is not a
// past-tense verb; the first gloss given wins.
func (l *Lexicon) addWord(folded string, e Entry) {
	if _, dup := l.words[folded]; !dup && folded != "" && strings.IndexByte(folded, ' ') < 0 {
		l.words[folded] = e
	}
}

// AddPresent records a present-tense verb stem (the verb without its person
// prefix: قول for يقول).
func (l *Lexicon) AddPresent(stem string, e Entry) {
	k := arabic.Fold(stem)
	if _, dup := l.present[k]; !dup && k != "" {
		l.present[k] = e
	}
}

// Lookup returns the entry of a folded single word, preferring a reading
// that is not a past-tense verb.
func (l *Lexicon) Lookup(folded string) (Entry, bool) {
	if e, ok := l.words[folded]; ok {
		return e, ok
	}
	e, ok := l.verbs[folded]
	return e, ok
}

// ParseError is a malformed line in a lexicon file.
type ParseError struct {
	File string // the lexicon file's name
	Line int    // 1-based line of the entry
	Err  error  // what is wrong with the line
}

// Error says "file:line: problem".
func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns Err.
func (e *ParseError) Unwrap() error { return e.Err }

// ReadCore reads a lexicon in the format of the built-in word list: one entry
// a line, TAB-separated, `arabic  english  [tag  [present-stem]]`. Several
// Arabic spellings of one entry are separated by "|". For verbs (tag v) the
// English is "past|present" and the fourth field is the present stem. Lines
// starting with # and blank lines are skipped.
func ReadCore(name string, r io.Reader) (*Lexicon, error) {
	l := NewLexicon(name)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		bad := func(format string, args ...any) error {
			return &ParseError{File: name, Line: line, Err: fmt.Errorf(format, args...)}
		}
		if !utf8.ValidString(text) {
			return nil, bad("invalid UTF-8")
		}
		f := strings.Split(text, "\t")
		if len(f) < 2 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return nil, bad("want arabic<TAB>english[<TAB>tag[<TAB>present stem]], got %q", text)
		}
		e := Entry{Gloss: strings.TrimSpace(f[1]), POS: Other}
		if len(f) >= 3 && strings.TrimSpace(f[2]) != "" {
			tag := strings.TrimSpace(f[2])
			switch tag {
			case "n", "a", "v", "p", "x":
				e.POS = POS(tag[0])
			case "name":
				e.POS = Name
			default:
				return nil, bad("unknown tag %q (want n, a, v, p, x or name)", tag)
			}
		}
		if e.POS == Verb {
			past, pres, ok := strings.Cut(e.Gloss, "|")
			if !ok || past == "" || pres == "" {
				return nil, bad("verb gloss %q: want past|present", e.Gloss)
			}
			e.Gloss, e.Present = strings.TrimSpace(past), strings.TrimSpace(pres)
		} else if strings.Contains(e.Gloss, "|") {
			return nil, bad("gloss %q: only verbs take past|present", e.Gloss)
		}
		for _, ar := range strings.Split(f[0], "|") {
			if !hasArabic(ar) {
				return nil, bad("no Arabic in %q", ar)
			}
			l.Add(ar, e)
		}
		if len(f) >= 4 && strings.TrimSpace(f[3]) != "" {
			if e.POS != Verb {
				return nil, bad("a present stem is given for a word that is not a verb")
			}
			for _, st := range strings.Split(f[3], "|") {
				l.AddPresent(strings.TrimSpace(st), e)
			}
		}
		if len(f) > 4 {
			return nil, bad("too many fields (%d)", len(f))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return l, nil
}

func hasArabic(s string) bool {
	for _, r := range s {
		if arabic.IsArabicLetter(r) {
			return true
		}
	}
	return false
}

// cleanGloss turns an outside dictionary's first gloss into plain lower-case
// English ("Security" → "security"), keeping capitals on names and acronyms.
func cleanGloss(g string) string {
	g = strings.TrimSpace(g)
	if i := strings.IndexAny(g, ";,("); i > 0 {
		g = strings.TrimSpace(g[:i])
	}
	r, n := utf8.DecodeRuneInString(g)
	if n == 0 || !unicode.IsUpper(r) {
		return g
	}
	rest := g[n:]
	if rest == "" || strings.ToLower(rest) != rest {
		return g // an acronym or a name with more capitals
	}
	return string(unicode.ToLower(r)) + rest
}
