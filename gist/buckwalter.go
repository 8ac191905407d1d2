package gist

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// buckwalter maps Buckwalter transliteration to Arabic script.
var buckwalter = map[byte]rune{
	'|': 'آ', '>': 'أ', '&': 'ؤ', '<': 'إ', '}': 'ئ', 'A': 'ا', 'b': 'ب', 'p': 'ة', 't': 'ت',
	'v': 'ث', 'j': 'ج', 'H': 'ح', 'x': 'خ', 'd': 'د', '*': 'ذ', 'r': 'ر', 'z': 'ز', 's': 'س',
	'$': 'ش', 'S': 'ص', 'D': 'ض', 'T': 'ط', 'Z': 'ظ', 'E': 'ع', 'g': 'غ', 'f': 'ف', 'q': 'ق',
	'k': 'ك', 'l': 'ل', 'm': 'م', 'n': 'ن', 'h': 'ه', 'w': 'و', 'Y': 'ى', 'y': 'ي', '\'': 'ء',
	'{': 'ٱ', 'F': 'ً', 'N': 'ٌ', 'K': 'ٍ', 'a': 'َ', 'u': 'ُ', 'i': 'ِ', '~': 'ّ', 'o': 'ْ',
	'_': 'ـ', '`': 'ٰ',
}

// FromBuckwalter converts Buckwalter transliteration to Arabic script. Bytes
// outside the scheme are kept.
func FromBuckwalter(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if r, ok := buckwalter[s[i]]; ok {
			b.WriteRune(r)
		} else {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// LoadBuckwalter reads the stem file (dictStems) of a Buckwalter analyser
// lexicon folder. Past-tense verb stems, present stems, nouns and proper names
// are kept with their first English gloss; the first reading of a stem wins.
func LoadBuckwalter(ctx context.Context, dir string) (*Lexicon, error) {
	path := filepath.Join(dir, "dictStems")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %s is not a Buckwalter lexicon folder: %w", dir, err)
	}
	defer f.Close()
	return readBuckwalter(ctx, path, f)
}

func readBuckwalter(ctx context.Context, name string, r io.Reader) (*Lexicon, error) {
	l := NewLexicon(filepath.Base(filepath.Dir(name)))
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || text[0] == ';' {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 4 {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("want 4 TAB-separated fields, got %d", len(f))}
		}
		gloss := f[3]
		if i := strings.Index(gloss, "<pos>"); i >= 0 {
			gloss = gloss[:i]
		}
		gloss, _, _ = strings.Cut(gloss, ";")
		gloss = strings.TrimSpace(gloss)
		if gloss == "" {
			continue
		}
		ar, cat := FromBuckwalter(f[0]), f[2]
		switch {
		case strings.Contains(cat, "Pass") || strings.HasPrefix(cat, "CV"):
			// passives and imperatives would shadow the common active readings
		case cat == "Nprop":
			l.Add(ar, Entry{Gloss: gloss, POS: Name})
		case strings.HasPrefix(cat, "PV"):
			l.Add(ar, Entry{Gloss: gloss, Present: gloss, POS: Verb})
		case strings.HasPrefix(cat, "IV"):
			l.AddPresent(ar, Entry{Gloss: gloss, Present: gloss, POS: Verb})
		case strings.HasPrefix(cat, "N"):
			l.Add(ar, Entry{Gloss: gloss, POS: Noun})
		default:
			l.Add(ar, Entry{Gloss: gloss})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if l.Len() == 0 {
		return nil, fmt.Errorf("%s: no entries", name)
	}
	return l, nil
}
