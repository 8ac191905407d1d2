package segment

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestSRXRoundTrip(t *testing.T) {
	rs := DefaultRules()
	var b bytes.Buffer
	if err := rs.WriteSRX(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// The built-in file is kept in the form WriteSRX gives, so that what a CAT
	// tool loads is exactly what is reviewed here.
	if out != string(defaultSRX) {
		t.Error("WriteSRX(DefaultRules()) differs from rules/default.srx; write the file in the exported form")
	}
	for _, want := range []string{`<srx xmlns="http://www.lisa.org/srx20" version="2.0">`, "boilerplate", "line break ends a segment", `languagerulename="Arabic"`} {
		if !strings.Contains(out, want) {
			t.Errorf("exported SRX lacks %q", want)
		}
	}
	again, err := ParseSRX("exported.srx", strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stripLines(again.Languages), stripLines(rs.Languages)) || !reflect.DeepEqual(again.Maps, rs.Maps) {
		t.Error("rules read back differ from the rules written")
	}
	src, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src) + "\n\nقال د. محمد.. ثم… ذهب (!) هنا. He met Mr. Smith at 5 p.m. The end."
	for _, lang := range []string{"ar", "en", "fr"} {
		want := renderDoc(SplitWith("a", text, Options{Lang: lang}))
		got := renderDoc(SplitWith("a", text, Options{Lang: lang, Rules: again}))
		if got != want {
			t.Errorf("%s: exported rules segment differently from the built-in ones", lang)
		}
	}
}

func stripLines(lrs []LanguageRule) []LanguageRule {
	out := make([]LanguageRule, len(lrs))
	for i, lr := range lrs {
		out[i] = LanguageRule{Name: lr.Name}
		for _, r := range lr.Rules {
			r.Line = 0
			out[i].Rules = append(out[i].Rules, r)
		}
	}
	return out
}

const customSRX = `<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
 <header segmentsubflows="yes" cascade="%s"/>
 <body>
  <languagerules>
   <languagerule languagerulename="NoSemicolon">
    <rule break="no"><beforebreak>(?i)etc\.</beforebreak><afterbreak>\s</afterbreak></rule>
   </languagerule>
   <languagerule languagerulename="Basic">
    <rule break="yes"><beforebreak>[.;]</beforebreak><afterbreak>\s</afterbreak></rule>
    <rule><beforebreak>\b</beforebreak><afterbreak>\|</afterbreak></rule>
   </languagerule>
  </languagerules>
  <maprules>
   <languagemap languagepattern="en.*" languagerulename="NoSemicolon"/>
   <languagemap languagepattern=".*" languagerulename="Basic"/>
  </maprules>
 </body>
</srx>`

func TestCustomRules(t *testing.T) {
	text := "one; two. Books, pens, ETC. more|after"
	tests := []struct {
		cascade, lang string
		want          []string
	}{
		{"yes", "en", []string{"one;", "two.", "Books, pens, ETC. more", "|after"}},
		{"no", "en", nil}, // only NoSemicolon applies: it never breaks
		{"yes", "ar", []string{"one;", "two.", "Books, pens, ETC.", "more", "|after"}},
	}
	for _, tt := range tests {
		rs, err := ParseSRX("custom.srx", strings.NewReader(strings.Replace(customSRX, "%s", tt.cascade, 1)))
		if err != nil {
			t.Fatal(err)
		}
		got := texts(SentencesWith(text, Options{Lang: tt.lang, Rules: rs}))
		want := tt.want
		if want == nil {
			want = []string{text}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("cascade=%s lang=%s: got %q, want %q", tt.cascade, tt.lang, got, want)
		}
	}
}

func TestParseSRXErrors(t *testing.T) {
	rule := func(before, after string) string {
		return `<srx version="2.0"><body><languagerules><languagerule languagerulename="x">
<rule break="yes"><beforebreak>` + before + `</beforebreak><afterbreak>` + after + `</afterbreak></rule>
</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>`
	}
	tests := []struct {
		name, data, want string
	}{
		{"not XML", "<srx><body>", "r.srx:1: not well-formed XML"},
		{"not SRX", "<html/>", "r.srx: not an SRX file"},
		{"look-ahead", rule(`\.`, `(?=\s)`), "r.srx: languagerule \"x\": line 2: afterbreak: error parsing regexp"},
		{"bad before", rule(`[a`, `\s`), "line 2: beforebreak: error parsing regexp: missing closing ]"},
		{"bad break attribute", strings.Replace(rule(`\.`, `\s`), `break="yes"`, `break="maybe"`, 1), `r.srx:2: rule break="maybe"`},
		{"no map", `<srx><body><languagerules/></body></srx>`, "no <languagemap>"},
		{"map to nothing", strings.Replace(rule(`\.`, `\s`), `languagerulename="x"/>`, `languagerulename="y"/>`, 1), `languagemap "y" names no languagerule`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSRX("r.srx", strings.NewReader(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestReverseAndFirstSet(t *testing.T) {
	tests := []struct {
		pattern, text string // the reversed pattern must match the reversed text exactly
		first         string
		nullable      bool
	}{
		{`abc`, "abc", "a", false},
		{`(?:ab|cd)e`, "cde", "ac", false},
		{`x*[.!?]+`, "xx!?", ".!?x", false},
		{`(?i)dr\.`, "Dr.", "Dd", false},
		{`^\p{L}\.`, "د.", "", false},
		{`a?`, "", "", true},
	}
	for _, tt := range tests {
		p, err := compilePattern(tt.pattern, true)
		if err != nil {
			t.Fatal(err)
		}
		rev := []rune(tt.text)
		for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
			rev[i], rev[j] = rev[j], rev[i]
		}
		// The compiled pattern consumes one lead rune first.
		if !p.re.MatchString("#" + string(rev)) {
			t.Errorf("reversed %q does not match %q reversed", tt.pattern, tt.text)
		}
		fwd, err := compilePattern(tt.pattern, false)
		if err != nil {
			t.Fatal(err)
		}
		if tt.nullable != fwd.first.any {
			t.Errorf("%q: nullable %v, want %v", tt.pattern, fwd.first.any, tt.nullable)
		}
		for _, r := range tt.first {
			if !fwd.first.has(r) {
				t.Errorf("%q: first set lacks %q", tt.pattern, r)
			}
		}
		if !tt.nullable && fwd.first.has('#') {
			t.Errorf("%q: first set holds '#'", tt.pattern)
		}
	}
}

func TestFromJava(t *testing.T) {
	tests := []struct{ in, want string }{
		{`[\.!]['"\u00BB\u2019]*\s`, `[\.!]['"\x{00BB}\x{2019}]*\s`},
		{`\p{InGreek}\p{IsLatin}\p{Lu}`, `\p{Greek}\p{Latin}\p{Lu}`},
		{`\\u0041`, `\\u0041`},
		{`\uZZ`, `\uZZ`},
	}
	for _, tt := range tests {
		if got := fromJava(tt.in); got != tt.want {
			t.Errorf("fromJava(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// A rule set written with Java escapes segments like its RE2 spelling.
	rs, err := ParseSRX("java.srx", strings.NewReader(strings.Replace(customSRX, `[.;]`, `[\u002E\u003B]`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	got := texts(SentencesWith("one; two. three", Options{Lang: "ar", Rules: rs}))
	if want := []string{"one;", "two.", "three"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// The runes a pattern allows after its first are a sure test: a set that
// lacks a rune some match has there would skip a rule that applies.
func TestPrefixSets(t *testing.T) {
	tests := []struct {
		pattern string
		then    []string // "*" for any rune
	}{
		{`ab+c`, []string{"b", "bc", "*"}},
		{`x|yz`, []string{"*", "*", "*"}},
		{`\.m\.[ap]\s?\d`, []string{"m", ".", "ap"}},
		{`(?i)dr\.x`, []string{"rR", ".", "xX"}},
		{`^a\b.c`, []string{"*", "c", "*"}},
	}
	for _, tt := range tests {
		p, err := compilePattern(tt.pattern, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.then) != len(tt.then) {
			t.Fatalf("%q: %d sets, want %d", tt.pattern, len(p.then), len(tt.then))
		}
		for i, want := range tt.then {
			set := p.then[i]
			if want == "*" {
				if !set.any {
					t.Errorf("%q position %d: %v, want any rune", tt.pattern, i+1, set.r)
				}
				continue
			}
			if set.any || setSize(set) != len([]rune(want)) {
				t.Errorf("%q position %d: %v, want %q", tt.pattern, i+1, set, want)
				continue
			}
			for _, r := range want {
				if !set.has(r) {
					t.Errorf("%q position %d: lacks %q", tt.pattern, i+1, r)
				}
			}
		}
	}
}
