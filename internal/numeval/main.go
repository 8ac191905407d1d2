// Command numeval measures the number check (package figures) on human
// translations: the gold sentence pairs of the alignment sets, where almost
// every flag is a false alarm, and corrupted copies of them (one digit
// changed, a number dropped, two digits swapped, a figure ten times larger;
// where the Arabic writes a figure in words, its English dropped or made the
// next number: "fifteenth" as "sixteenth", "3" as "4"; "two" made "three"
// and "one" made "two"; two figures of the English swapped), where every
// miss is an error let through. The naive check (tm's number
// extraction, compared exactly) is the baseline. Run from the repository
// root, with the shared data folder beside it:
//
//	go run ./internal/numeval            # dev
//	go run ./internal/numeval -set test  # once, at the end
//	go run ./internal/numeval -v         # also each flag and each miss
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"bitext/figures"
	"bitext/tm"
)

func main() {
	set := flag.String("set", "dev", "alignment set: dev, test or test-pud")
	verbose := flag.Bool("v", false, "list each flag and each corruption let through")
	flag.Parse()
	r, err := Evaluate(filepath.Join("..", "shared", "data", "alignment", *set), *verbose)
	if err != nil {
		fmt.Fprintln(os.Stderr, "numeval:", err)
		os.Exit(1)
	}
	r.Print(os.Stdout)
}

// Pair is a gold bead with text on both sides.
type Pair struct {
	Doc string // the document's folder name
	Ar  string // the bead's Arabic segments, joined by a space
	En  string // its English segments
}

// Report holds the figures of one set.
type Report struct {
	Set        string         // the set's folder name
	Pairs      int            // gold pairs with text on both sides
	Naive      int            // pairs the naive check flags
	Flagged    int            // pairs figures.Check flags
	Tried      map[string]int // corrupted pairs by kind of corruption
	Caught     map[string]int // of those, the ones figures.Check flags
	Details    []string       // with verbose: each flag and each miss
	kindsOrder []string
}

// PerThousand is n per 1,000 pairs.
func (r *Report) PerThousand(n int) float64 { return 1000 * float64(n) / float64(max(r.Pairs, 1)) }

// Print writes the report.
func (r *Report) Print(w io.Writer) {
	for _, d := range r.Details {
		fmt.Fprintln(w, d)
	}
	fmt.Fprintf(w, "%s: %d pairs; flagged: naive %d (%.1f per 1000), figures.Check %d (%.1f per 1000)\n",
		r.Set, r.Pairs, r.Naive, r.PerThousand(r.Naive), r.Flagged, r.PerThousand(r.Flagged))
	for _, k := range r.kindsOrder {
		fmt.Fprintf(w, "  caught %-10s %d/%d = %.1f%%\n", k, r.Caught[k], r.Tried[k], 100*float64(r.Caught[k])/float64(max(r.Tried[k], 1)))
	}
}

var englishNumber = regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)*`)

// Evaluate reads the set in dir and measures the check on it. The
// corruptions are drawn with a fixed seed: the figures are the same each run.
func Evaluate(dir string, verbose bool) (*Report, error) {
	ps, err := load(dir)
	if err != nil {
		return nil, err
	}
	r := &Report{Set: filepath.Base(dir), Pairs: len(ps), Tried: map[string]int{}, Caught: map[string]int{},
		kindsOrder: []string{"digit", "drop", "transpose", "x10", "word-drop", "word-change", "two-three", "one-two", "swap"}}
	rng := rand.New(rand.NewSource(1))
	wrng := rand.New(rand.NewSource(2)) // its own, to leave the draws above as they were
	for _, p := range ps {
		if len(tm.NumberChanges(p.Ar, "", p.En)) > 0 {
			r.Naive++
		}
		if ms := figures.Check(p.Ar, p.En); len(ms) > 0 {
			r.Flagged++
			if verbose {
				r.Details = append(r.Details, fmt.Sprintf("FLAG %s %v\n  AR %s\n  EN %s", p.Doc, ms, p.Ar, p.En))
			}
			continue // a corruption of a flagged pair would be caught for nothing
		}
		tryText := func(kind, en, what string) {
			r.Tried[kind]++
			if len(figures.Check(p.Ar, en)) > 0 {
				r.Caught[kind]++
			} else if verbose {
				r.Details = append(r.Details, fmt.Sprintf("MISS %s %s: %s\n  AR %s\n  EN %s", kind, p.Doc, what, p.Ar, en))
			}
		}
		try := func(kind string, loc []int, changed string) {
			tryText(kind, p.En[:loc[0]]+changed+p.En[loc[1]:], fmt.Sprintf("%q for %q", changed, p.En[loc[0]:loc[1]]))
		}
		if ws := figures.Words(p.Ar); len(ws) > 0 {
			w := ws[wrng.Intn(len(ws))]
			if loc, changed := englishFor(p.En, w.Values[0]); loc != nil {
				try("word-drop", loc, "")
				try("word-change", loc, changed)
			}
		}
		// a count given in words made another: a dual as three, one as two
		for _, c := range [][2]string{{"two", "three"}, {"one", "two"}} {
			if loc := wordAt(p.En, c[0]); loc != nil {
				try(c[0]+"-"+c[1], loc, c[1])
			}
		}
		locs := englishNumber.FindAllStringIndex(p.En, -1)
		if len(locs) == 0 {
			continue
		}
		if len(locs) >= 2 {
			// two figures swapped: the first and another that differs
			a := locs[0]
			for _, b := range locs[1:] {
				if x, y := p.En[a[0]:a[1]], p.En[b[0]:b[1]]; x != y {
					tryText("swap", p.En[:a[0]]+y+p.En[a[1]:b[0]]+x+p.En[b[1]:], fmt.Sprintf("%s and %s swapped", x, y))
					break
				}
			}
		}
		loc := locs[rng.Intn(len(locs))]
		n := p.En[loc[0]:loc[1]]
		var digits []int
		for i := range n {
			if n[i] >= '0' && n[i] <= '9' {
				digits = append(digits, i)
			}
		}
		i := digits[rng.Intn(len(digits))]
		d := byte('0' + (int(n[i]-'0')+1+rng.Intn(9))%10)
		try("digit", loc, n[:i]+string(d)+n[i+1:])
		try("drop", loc, "")
		for j := 0; j+1 < len(n); j++ {
			if n[j] != n[j+1] && isDigit(n[j]) && isDigit(n[j+1]) {
				try("transpose", loc, n[:j]+string(n[j+1])+string(n[j])+n[j+2:])
				break
			}
		}
		if !strings.Contains(n, ".") { // 1.50 is 1.5
			try("x10", loc, n+"0")
		}
	}
	return r, nil
}

// englishCardinals and englishOrdinals are the English number words up to
// twenty, by value; the tens follow.
var (
	englishCardinals = strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	englishOrdinals  = strings.Fields("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth")
	englishTens      = strings.Fields("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
	englishTenths    = strings.Fields("_ _ twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth")
	englishToken     = regexp.MustCompile(`[0-9][0-9,.]*(?:st|nd|rd|th)?|[A-Za-z]+(?:-[A-Za-z]+)?`)
)

// spellEnglish writes v (1 to 99) in English words, as an ordinal if asked.
func spellEnglish(v int, ordinal bool) string {
	if v < 20 {
		if ordinal {
			return englishOrdinals[v]
		}
		return englishCardinals[v]
	}
	if v%10 == 0 {
		if ordinal {
			return englishTenths[v/10]
		}
		return englishTens[v/10]
	}
	return englishTens[v/10] + "-" + spellEnglish(v%10, ordinal)
}

// englishFor finds where en gives the value v (as figures.Words gives it),
// in digits ("15", "15th") or words ("fifteen", "Fifteenth", "twenty-one"),
// and returns that place and the next value written the same way, the
// translation of another figure: nil when en does not give it so.
func englishFor(en, v string) ([]int, string) {
	n, err := strconv.Atoi(v)
	if err != nil {
		return nil, ""
	}
	for _, loc := range englishToken.FindAllStringIndex(en, -1) {
		tok := en[loc[0]:loc[1]]
		if isDigit(tok[0]) {
			digits := strings.TrimRight(strings.ReplaceAll(tok, ",", ""), "stndrh")
			if digits == v {
				return loc, strconv.Itoa(n+1) + tok[len(strings.TrimRight(tok, "stndrh")):]
			}
			continue
		}
		if n >= 100 {
			continue
		}
		low := strings.ToLower(tok)
		for _, ordinal := range []bool{false, true} {
			if low == spellEnglish(n, ordinal) {
				changed := spellEnglish(n+1, ordinal)
				if tok[0] >= 'A' && tok[0] <= 'Z' {
					changed = strings.ToUpper(changed[:1]) + changed[1:]
				}
				return loc, changed
			}
		}
	}
	return nil, ""
}

// wordAt returns where en has the word w (in lower case), nil if nowhere.
func wordAt(en, w string) []int {
	for _, loc := range englishToken.FindAllStringIndex(en, -1) {
		if en[loc[0]:loc[1]] == w {
			return loc
		}
	}
	return nil
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// load reads the gold pairs of every document of the set in dir.
func load(dir string) ([]Pair, error) {
	golds, err := filepath.Glob(filepath.Join(dir, "*", "gold.txt"))
	if err != nil {
		return nil, err
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("%s: no documents with a gold.txt", dir)
	}
	var out []Pair
	for _, g := range golds {
		d := filepath.Dir(g)
		src, err := lines(filepath.Join(d, "src.txt"))
		if err != nil {
			return nil, err
		}
		tgt, err := lines(filepath.Join(d, "tgt.txt"))
		if err != nil {
			return nil, err
		}
		beads, err := lines(g)
		if err != nil {
			return nil, err
		}
		for k, b := range beads {
			left, right, ok := strings.Cut(b, "<=>")
			if !ok {
				return nil, fmt.Errorf("%s:%d: no <=> in %q", g, k+1, b)
			}
			ar, err := join(src, left)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", g, k+1, err)
			}
			en, err := join(tgt, right)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", g, k+1, err)
			}
			if ar != "" && en != "" {
				out = append(out, Pair{Doc: filepath.Base(d), Ar: ar, En: en})
			}
		}
	}
	return out, nil
}

func lines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n"), nil
}

// join returns the lines that ids ("0,1", or "" for none) name, joined by a space.
func join(all []string, ids string) (string, error) {
	var parts []string
	for _, f := range strings.Split(ids, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || n >= len(all) {
			return "", fmt.Errorf("line number %q out of range", f)
		}
		parts = append(parts, all[n])
	}
	return strings.Join(parts, " "), nil
}
