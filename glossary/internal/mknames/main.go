// Command mknames builds glossary/names.tsv.gz, the Arabic→English name table
// that "bitext glossary suggest" proposes spellings from. It reads only the
// openly licensed pairs in ../shared/data/names/translit: the Wikidata
// person-name tokens (CC0 1.0) and Google's ar2en pairs (Apache-2.0).
//
// Run from the repository root: go run ./glossary/internal/mknames
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"bitext/glossary"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "mknames:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := filepath.Join("..", "shared", "data", "names", "translit")
	counts := map[string]map[string]int{} // folded Arabic → English → count
	add := func(ar, en string, n int) {
		k := glossary.Key(ar)
		en = foldLatin(strings.ToLower(strings.TrimSpace(en)))
		if k == "" || strings.Contains(k, " ") || !latinName(en) {
			return // also 2nd, l7a9d and English with Arabic letters in it
		}
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][en] += n
	}
	if err := eachLine(filepath.Join(dir, "wikidata_en-ar_person_name_tokens.tsv"), func(f []string) {
		if len(f) == 3 {
			n, err := strconv.Atoi(f[2])
			if err == nil {
				add(strings.ReplaceAll(f[1], " ", ""), f[0], n)
			}
		}
	}); err != nil {
		return err
	}
	// Only Google's training split: its eval and test splits measure the
	// table (TestTranslitEval), which they could not do from inside it.
	if err := eachLine(filepath.Join(dir, "google_ar2en_train.tsv"), func(f []string) {
		if len(f) == 2 {
			add(f[0], f[1], 2) // mined transliterations: worth a little more than one label
		}
	}); err != nil {
		return err
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out, err := os.Create(filepath.Join("glossary", "names.tsv.gz"))
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	for _, k := range keys {
		best, bestN := "", 0
		for en, n := range counts[k] {
			if n > bestN || n == bestN && (ascii(en) && !ascii(best) || ascii(en) == ascii(best) && en < best) {
				best, bestN = en, n
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%d\n", k, best, bestN)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	fmt.Printf("mknames: %d names\n", len(keys))
	return out.Close()
}

func eachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fn(strings.Split(sc.Text(), "\t"))
	}
	return sc.Err()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// latinLetters are the letters that do not decompose into a base letter
// and a mark.
var latinLetters = strings.NewReplacer("ʻ", "", "ʼ", "", "ø", "o", "ł", "l", "ß", "ss", "ı", "i", "đ", "d", "æ", "ae", "œ", "oe", "ð", "d", "þ", "th")

// foldLatin writes a name without diacritics (Erdoğan Erdogan, Álvarez
// Alvarez), as English news spells names, so that the spellings of one name
// are counted together.
func foldLatin(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(latinLetters.Replace(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latinName reports a name in plain Latin letters, with the hyphens,
// apostrophes, periods and spaces names have.
func latinName(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			letters++
		case r == '-' || r == '\'' || r == '.' || r == ' ':
		default:
			return false
		}
	}
	return letters > 0
}
