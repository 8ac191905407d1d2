package gist

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/arabic"
)

// FreeDict lists a headword's glosses alphabetically, and many nouns only
// with the article: the lexicon must choose a useful gloss and find the stem
// without the article.
func TestOutsideLexiconSenses(t *testing.T) {
	entries := []struct{ ar, glosses string }{
		{"ممتاز", "A1 | A-one | Superb"},         // codes last
		{"خام", "Rawest | Rawer | Raw"},          // the plain form before its degrees
		{"قادم", "Arriver | Forthcoming | Next"}, // a word the built-in list uses (next) first
		{"قصور", "Chateaus | Chateau"},           // a plural may be the sense: order decides
		{"الدقة", "Accuracy"},                    // found for دقة too
		{"الكتاب", "Book"},
		{"كتاب", "Volume"}, // a bare entry of its own is not overwritten
	}
	var tsv strings.Builder
	tsv.WriteString("arabic\tipa\tenglish\n")
	var body strings.Builder
	var index strings.Builder
	for _, e := range entries {
		tsv.WriteString(e.ar + "\tx\t" + e.glosses + "\n")
		start := body.Len()
		body.WriteString(e.ar + " /x/\n")
		for i, g := range strings.Split(e.glosses, " | ") {
			body.WriteString(string(rune('1'+i)) + ". " + g + "\n")
		}
		index.WriteString(e.ar + "\t" + b64(start) + "\t" + b64(body.Len()-start) + "\n")
	}
	dir := t.TempDir()
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(body.String()))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "s.dict.dz"), z.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "s.index"), []byte(index.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "s.tsv"), []byte(tsv.String()), 0o644)
	want := map[string]string{
		"ممتاز": "superb", "خام": "raw", "قادم": "next", "قصور": "chateaus",
		"الدقة": "accuracy", "دقة": "accuracy", "كتاب": "volume", "الكتاب": "book",
	}
	for _, f := range []string{"s.tsv", "s.index"} {
		l, err := LoadLexicon(context.Background(), filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for ar, en := range want {
			if e, ok := l.Lookup(arabic.Fold(ar)); !ok || e.Gloss != en {
				t.Errorf("%s: %s = %q (found %v), want %q", f, ar, e.Gloss, ok, en)
			}
		}
		e := NewWithLexicons(Options{}, l)
		if got := e.Gloss("بدقة", nil); got != "with accuracy" {
			t.Errorf("%s: gist of بدقة = %q, want %q", f, got, "with accuracy")
		}
	}
}
