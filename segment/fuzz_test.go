package segment

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"bitext/doc"
)

var fuzzSeeds = []string{
	"",
	"\ufeffعنوان\r\n\r\nوصل د. محمد. وقال “لماذا لا؟ هؤلاء جيراننا”.\r\nشاركها.",
	"He met Mr. Smith at 10 a.m. The U.S. Embassy said “Why?” and left...",
	"a.\u200f b.\u00a0c.\u2028d\u2029e",
	" \u064e. \u064e",
	"x.\u200d y.\u200c\u200c z",
	"...\n\n. . .\n\n؟؟ !!",
	"انتهى. !! ثم. … وبعد. ؟ وقال \"!\" ثم [...] و(…) End. … Then",
	"«قال »لا؟« ثم» و\"نعم.\" (!) ١٢٫٥. 3.5",
	"\xff\xfe bad bytes. ok.",
	"ا\u0654\u0651\u064e. ب",
}

// checkCover checks that segs are in order, do not overlap, start and end on
// rune boundaries that do not cut a grapheme cluster, and that everything
// between them is white space or characters the normaliser drops.
func checkCover(t *testing.T, src string, segs []doc.Segment) {
	t.Helper()
	// Rune starts as decoding sees them (an invalid byte counts as one rune).
	starts := map[int]bool{len(src): true}
	for i := range src {
		starts[i] = true
	}
	prev := 0
	for i, s := range segs {
		if s.Start < prev || s.End <= s.Start || s.End > len(src) {
			t.Fatalf("segment %d range %d-%d after %d in %d bytes", i, s.Start, s.End, prev, len(src))
		}
		if src[s.Start:s.End] != s.Text {
			t.Fatalf("segment %d text does not match the source", i)
		}
		for _, off := range []int{s.Start, s.End} {
			if !starts[off] {
				t.Fatalf("segment %d boundary %d splits a rune", i, off)
			}
		}
		if r, _ := utf8.DecodeRuneInString(src[s.End:]); s.End < len(src) && isExtend(r) {
			t.Fatalf("segment %d ends before a combining character %U", i, r)
		}
		// A mark after a space belongs to the space's cluster (a control
		// character or line end before it starts a new one).
		if r, _ := utf8.DecodeRuneInString(src[s.Start:]); isExtend(r) {
			if p, _ := utf8.DecodeLastRuneInString(src[:s.Start]); unicode.Is(unicode.Zs, p) {
				t.Fatalf("segment %d starts with %U, cut from the space before it", i, r)
			}
		}
		checkGap(t, src[prev:s.Start])
		prev = s.End
	}
	checkGap(t, src[prev:])
}

func checkGap(t *testing.T, gap string) {
	t.Helper()
	for _, r := range gap {
		if !unicode.IsSpace(r) && !dropped(r) && r != utf8.RuneError {
			t.Fatalf("text %q left outside every segment", gap)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "ar")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, src, lang string) {
		d := Split("fuzz", src, lang)
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
		var all []doc.Segment
		for _, b := range d.Blocks {
			if len(b.Segments) == 0 || b.Start != b.Segments[0].Start || b.End != b.Segments[len(b.Segments)-1].End {
				t.Fatalf("block %d-%d does not span its segments", b.Start, b.End)
			}
			all = append(all, b.Segments...)
		}
		checkCover(t, src, all)
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "ar")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, src, lang string) {
		segs := Sentences(src, lang)
		checkCover(t, src, segs)
		checkNoBare(t, src, segs)
	})
}

// checkNoBare checks that a segment with no letter or digit is a whole line
// that has none either.
func checkNoBare(t *testing.T, src string, segs []doc.Segment) {
	t.Helper()
	isBreak := func(r rune) bool { return r == '\n' || lineBreak(r) }
	for i, s := range segs {
		if hasWord(s.Text) {
			continue
		}
		start := strings.LastIndexFunc(src[:s.Start], isBreak) + 1
		end := strings.IndexFunc(src[s.End:], isBreak)
		if end < 0 {
			end = len(src)
		} else {
			end += s.End
		}
		if hasWord(src[start:end]) {
			t.Fatalf("segment %d %q is punctuation alone on the line %q", i, s.Text, src[start:end])
		}
	}
}

// naiveBreaks applies rules the slow, obvious way: at every position, the
// first rule whose before matches the text up to it (its last maxBehind
// bytes) and whose after matches the text from it decides.
func naiveBreaks(rules []Rule, text string) []int {
	type re2 struct {
		brk           bool
		before, after *regexp.Regexp
	}
	var rs []re2
	for _, r := range rules {
		rs = append(rs, re2{r.Break, regexp.MustCompile(`(?:` + r.Before + `)$`), regexp.MustCompile(`^(?:` + r.After + `)`)})
	}
	var out []int
	for p := 1; p < len(text); p++ {
		if !utf8.RuneStart(text[p]) {
			continue
		}
		for _, r := range rs {
			behind := text[:p]
			if lo := behindLimit(text, p); lo > 0 {
				// The engine sees the text before the limit as one U+FFFD.
				behind = "\uFFFD" + text[lo:p]
			}
			if r.before.MatchString(behind) && r.after.MatchString(text[p:]) {
				if r.brk {
					out = append(out, p)
				}
				break
			}
		}
	}
	return out
}

// FuzzEngine checks the reversed-pattern engine against naiveBreaks, for the
// built-in rules of each language (none uses \b, whose view at the edges differs).
func FuzzEngine(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("قال د. محمد. وأضاف “لماذا لا؟ هؤلاء”. ثم.. ذهب... و… انتهى (!) ؟ (اطار). 2004. 15")
	f.Add("At 5 p.m. The U.S. team won. Mr. J. Doe said “no.” e.g. this. Apple Inc. The end.")
	rules := DefaultRules()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || strings.ContainsRune(text, '\n') {
			return
		}
		for _, lr := range rules.Languages {
			want := naiveBreaks(lr.Rules, text)
			got := newSplitter(builtin.compiled[lr.Name]).breaks(nil, text)
			if len(want) == 0 && len(got) == 0 {
				continue
			}
			if !equalInts(got, want) {
				t.Fatalf("%s rules on %q: engine breaks at %v, naive at %v", lr.Name, text, got, want)
			}
		}
	})
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzParseSRX(f *testing.F) {
	var b bytes.Buffer
	if err := DefaultRules().WriteSRX(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.String())
	f.Add(`<srx><body><languagerules><languagerule languagerulename="x"><rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>`)
	f.Fuzz(func(t *testing.T, data string) {
		rs, err := ParseSRX("fuzz.srx", strings.NewReader(data))
		if err != nil {
			return
		}
		// Rules that load must segment without panicking and round-trip.
		SentencesWith("وصل. وغادر؟ He left. Then…", Options{Lang: "ar", Rules: rs})
		var out bytes.Buffer
		if err := rs.WriteSRX(&out); err != nil {
			t.Fatal(err)
		}
		if _, err := ParseSRX("again.srx", &out); err != nil {
			t.Fatalf("written rules do not load again: %v\n%s", err, out.String())
		}
	})
}
