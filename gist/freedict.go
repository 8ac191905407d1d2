package gist

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// DebianFreeDict is where Debian's dict-freedict-ara-eng package installs the
// FreeDict Arabic–English dictionary (index; the text is beside it in .dict.dz).
const DebianFreeDict = "/usr/share/dictd/freedict-ara-eng.index"

// LoadLexicon reads an outside lexicon: a FreeDict dictd index (*.index, with
// its .dict.dz or .dict beside it), a FreeDict TSV export (arabic, ipa,
// english), or a folder holding a Buckwalter analyser lexicon (dictStems).
// These lexicons are read at run time and never built into the program.
func LoadLexicon(ctx context.Context, path string) (*Lexicon, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	switch {
	case st.IsDir():
		return LoadBuckwalter(ctx, path)
	case strings.HasSuffix(path, ".index"):
		return LoadDictd(ctx, path)
	case strings.HasSuffix(path, ".dict.dz") || strings.HasSuffix(path, ".dict"):
		base := strings.TrimSuffix(strings.TrimSuffix(path, ".dz"), ".dict")
		return LoadDictd(ctx, base+".index")
	default:
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		defer f.Close()
		return ReadTSV(ctx, path, f)
	}
}

// ReadTSV reads a FreeDict TSV export: a header row, then
// arabic<TAB>ipa<TAB>english with glosses separated by " | ". Only the first
// gloss of each single-word headword is kept: the dictionary's multi-word
// headwords are descriptions ("لم يتأثر بالبكتيريا") rather than phrases
// met in text, and matching them costs more than they give.
func ReadTSV(ctx context.Context, name string, r io.Reader) (*Lexicon, error) {
	l := NewLexicon(filepath.Base(name))
	ss := newSenses(1 << 15) // FreeDict has some 28,000 single-word headwords
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
		if line == 1 && strings.HasPrefix(text, "arabic\t") {
			continue
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 3 {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("want 3 TAB-separated fields (arabic, ipa, english), got %d", len(f))}
		}
		if hasArabic(f[0]) && !strings.ContainsAny(strings.TrimSpace(f[0]), " \t") {
			ss.add(f[0], strings.Split(f[2], " | "))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ss.into(l)
	if l.Len() == 0 {
		return nil, fmt.Errorf("%s: no entries", name)
	}
	return l, nil
}

// LoadDictd reads a dictd dictionary: the index file and the text file beside
// it (.dict.dz, gzip-compatible, or plain .dict).
func LoadDictd(ctx context.Context, index string) (*Lexicon, error) {
	base := strings.TrimSuffix(index, ".index")
	data, err := readDict(base)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(index)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	return readDictd(ctx, index, f, data)
}

func readDict(base string) ([]byte, error) {
	if f, err := os.Open(base + ".dict.dz"); err == nil {
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s.dict.dz: %w", base, err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("%s.dict.dz: %w", base, err)
		}
		return data, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	data, err := os.ReadFile(base + ".dict")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return data, nil
}

// readDictd parses a dictd index (headword<TAB>offset<TAB>length, numbers in
// dictd's base64) against the uncompressed dictionary text.
func readDictd(ctx context.Context, name string, index io.Reader, data []byte) (*Lexicon, error) {
	l := NewLexicon(filepath.Base(name))
	ss := newSenses(1 << 15)
	sc := bufio.NewScanner(index)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 3 {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("want headword<TAB>offset<TAB>length")}
		}
		if strings.HasPrefix(f[0], "00database") || !hasArabic(f[0]) || strings.Contains(strings.TrimSpace(f[0]), " ") {
			continue
		}
		off, err1 := dictdNumber(f[1])
		n, err2 := dictdNumber(f[2])
		if err := errors.Join(err1, err2); err != nil {
			return nil, &ParseError{File: name, Line: line, Err: err}
		}
		if off < 0 || n < 0 || off+n > len(data) {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("entry %d+%d lies outside the %d-byte dictionary", off, n, len(data))}
		}
		ss.add(f[0], dictdGlosses(string(data[off:off+n])))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ss.into(l)
	if l.Len() == 0 {
		return nil, fmt.Errorf("%s: no entries", name)
	}
	return l, nil
}

const dictdDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func dictdNumber(s string) (int, error) {
	if s == "" || len(s) > 8 {
		return 0, fmt.Errorf("bad number %q", s)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(dictdDigits, s[i])
		if d < 0 {
			return 0, fmt.Errorf("bad number %q", s)
		}
		n = n*64 + d
	}
	return n, nil
}

// dictdGlosses lists the English glosses of a FreeDict entry: the lines after
// the headword, without their "1. " numbering.
func dictdGlosses(entry string) []string {
	lines := strings.Split(entry, "\n")
	var out []string
	for _, ln := range lines[1:] {
		ln = strings.TrimSpace(ln)
		if i := strings.Index(ln, ". "); i > 0 && i <= 3 && strings.Trim(ln[:i], "0123456789") == "" {
			ln = ln[i+2:]
		}
		if ln != "" {
			out = append(out, ln)
		}
	}
	return out
}
