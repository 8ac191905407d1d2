// Command mkordinary builds glossary/ordinary.tsv.gz, the table of words that
// news text mostly uses as ordinary words (الأمن "security", فاز "won",
// المصري "Egyptian") rather than as names. It counts, in the ANERcorp
// training corpus (CC BY-SA 4.0), how often each written word (clitics
// included, folded as the matcher folds it) stands alone as a person, place
// or organisation name and how often it is tagged as no name at all.
//
// Run from the repository root: go run ./glossary/internal/mkordinary
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"bitext/glossary"
)

// minOrdinary is the fewest ordinary uses a word needs to be listed: rarer
// words say too little.
const minOrdinary = 5

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "mkordinary:", err)
		os.Exit(1)
	}
}

type counts struct{ ordinary, name int }

func run() error {
	src := filepath.Join("..", "shared", "data", "names", "anercorp", "ANERcorp_train.txt")
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	var words, tags []string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" {
			words, tags = append(words, ""), append(tags, "O")
			continue
		}
		sp := strings.LastIndexByte(text, ' ')
		if sp < 0 {
			return fmt.Errorf("%s:%d: want a word and a tag", src, line)
		}
		words, tags = append(words, text[:sp]), append(tags, text[sp+1:])
	}
	if err := sc.Err(); err != nil {
		return err
	}
	table := map[string]*counts{}
	for i, w := range words {
		k := glossary.UsageKey(w)
		if k == "" || strings.Contains(k, " ") {
			continue
		}
		c := table[k]
		if c == nil {
			c = &counts{}
			table[k] = c
		}
		next := "O"
		if i+1 < len(tags) {
			next = tags[i+1]
		}
		switch tag := tags[i]; {
		case tag == "O" || strings.HasSuffix(tag, "-MISC"):
			c.ordinary++
		case strings.HasPrefix(tag, "B-") && !strings.HasPrefix(next, "I-"):
			c.name++ // a one-word name; words inside longer names are not counted
		}
	}
	keys := make([]string, 0, len(table))
	for k, c := range table {
		if c.ordinary >= minOrdinary {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	tmp := filepath.Join("glossary", "ordinary.tsv.gz.tmp")
	out, err := os.Create(tmp)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, k := range keys {
		fmt.Fprintf(bw, "%s\t%d\t%d\n", k, table[k].ordinary, table[k].name)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	fmt.Printf("%d words\n", len(keys))
	return os.Rename(tmp, filepath.Join("glossary", "ordinary.tsv.gz"))
}
