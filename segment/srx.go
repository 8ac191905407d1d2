package segment

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Rule is one SRX segmentation rule: at a position where Before matches the
// text just before and After the text just after, the rule decides whether
// the text breaks there. The first rule that matches a position wins.
type Rule struct {
	Break   bool   // break here (SRX break="yes"); false: an exception that keeps the text together
	Before  string // regular expression, matched backwards from the position
	After   string // regular expression, matched forwards from the position
	Comment string // the XML comment just before the rule, kept when writing
	Line    int    // line in the SRX file, for messages
}

// LanguageRule is a named, ordered list of rules (SRX <languagerule>).
type LanguageRule struct {
	Name  string // languagerulename, which LanguageMap.Name refers to
	Rules []Rule // in the order they are tried
}

// LanguageMap says which language rule applies to which languages (SRX <languagemap>):
// Pattern is a regular expression matched against the whole language code.
type LanguageMap struct {
	Pattern string // languagepattern, e.g. "ar.*"
	Name    string // the LanguageRule that applies
}

// Rules is a set of segmentation rules, as held in an SRX 2.0 file. Load one
// with ParseSRX or take the built-in set with DefaultRules; write it with WriteSRX.
// Segmenting uses the rules as compiled by ParseSRX; after changing the fields,
// call Compile. Segmenting only reads the rules: one Rules may serve any
// number of goroutines at once, as long as none changes or compiles it.
type Rules struct {
	Source    string         // file name, for messages
	Comment   string         // written at the top of an exported file
	Cascade   bool           // apply the rules of every matching map, not just the first
	Languages []LanguageRule // the <languagerules>, in file order
	Maps      []LanguageMap  // the <maprules>, tried in order against a language code

	compiled map[string][]group // language rule name → compiled rules
	maps     []*regexp.Regexp   // compiled Maps patterns
	byMap    []*splitter        // the splitter of each map's rules alone
	none     *splitter          // for languages no map covers
}

// splitterFor returns the splitter for lang: without cascading, the one built
// by Compile for the first map that matches.
func (rs *Rules) splitterFor(lang string) *splitter {
	if rs.Cascade {
		return newSplitter(rs.forLang(lang))
	}
	for i, m := range rs.maps {
		if m.MatchString(lang) {
			return rs.byMap[i]
		}
	}
	return rs.none
}

// Covers reports whether a language map of the rules applies to lang: rules
// that cover no map for a text's language split it at line breaks only.
func (rs *Rules) Covers(lang string) bool {
	for _, m := range rs.maps {
		if m.MatchString(lang) {
			return true
		}
	}
	return false
}

// forLang returns the compiled rules that apply to lang, following the maps
// (all matching maps when Cascade is set, else the first).
func (rs *Rules) forLang(lang string) []group {
	var out []group
	for i, m := range rs.maps {
		if !m.MatchString(lang) {
			continue
		}
		out = append(out, rs.compiled[rs.Maps[i].Name]...)
		if !rs.Cascade {
			break
		}
	}
	return out
}

// Compile checks and compiles every rule and map, for segmenting with rules
// built or changed in code.
func (rs *Rules) Compile() error {
	rs.compiled = map[string][]group{}
	for _, lr := range rs.Languages {
		if _, dup := rs.compiled[lr.Name]; dup {
			return fmt.Errorf("%s: languagerule %q defined twice", rs.Source, lr.Name)
		}
		gs, err := compileRules(lr.Rules)
		if err != nil {
			return fmt.Errorf("%s: languagerule %q: %w", rs.Source, lr.Name, err)
		}
		rs.compiled[lr.Name] = gs
	}
	rs.maps, rs.byMap = nil, nil
	for _, m := range rs.Maps {
		if _, ok := rs.compiled[m.Name]; !ok {
			return fmt.Errorf("%s: languagemap %q names no languagerule", rs.Source, m.Name)
		}
		re, err := regexp.Compile(`^(?:` + m.Pattern + `)$`)
		if err != nil {
			return fmt.Errorf("%s: languagemap pattern %q: %w", rs.Source, m.Pattern, err)
		}
		rs.maps = append(rs.maps, re)
		rs.byMap = append(rs.byMap, newSplitter(rs.compiled[m.Name]))
	}
	rs.none = newSplitter(nil)
	return nil
}

// ParseSRX reads SRX 1.0 or 2.0 rules from r; name is used in error messages
// ("rules.srx:12: ..."). Regular expressions use Go's syntax (RE2), which
// covers the usual SRX (ICU/Java) patterns except look-around, possessive
// quantifiers and back-references; the Java escapes \uXXXX and \p{InScript}
// are understood; \b and \w only know ASCII letters.
func ParseSRX(name string, r io.Reader) (*Rules, error) {
	rs := &Rules{Source: name}
	dec := xml.NewDecoder(r)
	var (
		path    []string
		text    strings.Builder
		rule    *Rule
		lr      *LanguageRule
		sawRoot bool
		comment string // pending comment for the next rule
	)
	where := func() string {
		line, _ := dec.InputPos()
		return fmt.Sprintf("%s:%d", name, line)
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: not well-formed XML: %w", where(), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			text.Reset()
			attr := func(n string) string {
				for _, a := range t.Attr {
					if a.Name.Local == n {
						return a.Value
					}
				}
				return ""
			}
			switch t.Name.Local {
			case "srx":
				sawRoot = true
			case "header":
				rs.Cascade = attr("cascade") == "yes"
			case "languagerule":
				rs.Languages = append(rs.Languages, LanguageRule{Name: attr("languagerulename")})
				lr = &rs.Languages[len(rs.Languages)-1]
			case "rule":
				if lr == nil {
					return nil, fmt.Errorf("%s: <rule> outside a <languagerule>", where())
				}
				line, _ := dec.InputPos()
				b := attr("break")
				if b != "" && b != "yes" && b != "no" {
					return nil, fmt.Errorf("%s: rule break=%q, want yes or no", where(), b)
				}
				rule = &Rule{Break: b != "no", Line: line, Comment: comment}
				comment = ""
			case "languagemap":
				rs.Maps = append(rs.Maps, LanguageMap{Pattern: attr("languagepattern"), Name: attr("languagerulename")})
			}
		case xml.CharData:
			text.Write(t)
		case xml.Comment:
			switch {
			case !sawRoot:
				rs.Comment = strings.TrimSpace(string(t))
			case lr != nil && rule == nil:
				comment = strings.TrimSpace(string(t))
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "beforebreak":
				if rule != nil {
					rule.Before = text.String()
				}
			case "afterbreak":
				if rule != nil {
					rule.After = text.String()
				}
			case "rule":
				if rule != nil && lr != nil {
					lr.Rules = append(lr.Rules, *rule)
				}
				rule = nil
			case "languagerule":
				lr = nil
				comment = ""
			}
			path = path[:len(path)-1]
			text.Reset()
		}
	}
	if !sawRoot {
		return nil, fmt.Errorf("%s: not an SRX file (no <srx> element)", name)
	}
	if len(rs.Maps) == 0 {
		return nil, fmt.Errorf("%s: no <languagemap>: the rules apply to no language", name)
	}
	if err := rs.Compile(); err != nil {
		return nil, err
	}
	return rs, nil
}

// WriteSRX writes rs as an SRX 2.0 file. Comment, if set, goes into an XML
// comment at the top.
func (rs *Rules) WriteSRX(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	if rs.Comment != "" {
		b.WriteString("<!--\n" + commentText(rs.Comment) + "\n-->\n")
	}
	cascade := "no"
	if rs.Cascade {
		cascade = "yes"
	}
	b.WriteString(`<srx xmlns="http://www.lisa.org/srx20" version="2.0">` + "\n")
	fmt.Fprintf(&b, "  <header segmentsubflows=\"yes\" cascade=%q>\n", cascade)
	b.WriteString("    <formathandle type=\"start\" include=\"no\"/>\n")
	b.WriteString("    <formathandle type=\"end\" include=\"yes\"/>\n")
	b.WriteString("    <formathandle type=\"isolated\" include=\"no\"/>\n")
	b.WriteString("  </header>\n  <body>\n    <languagerules>\n")
	for _, lr := range rs.Languages {
		fmt.Fprintf(&b, "      <languagerule languagerulename=\"%s\">\n", esc(lr.Name))
		for _, r := range lr.Rules {
			brk := "yes"
			if !r.Break {
				brk = "no"
			}
			if r.Comment != "" {
				b.WriteString("        <!-- " + commentText(r.Comment) + " -->\n")
			}
			fmt.Fprintf(&b, "        <rule break=%q>\n", brk)
			fmt.Fprintf(&b, "          <beforebreak>%s</beforebreak>\n", escText(r.Before))
			fmt.Fprintf(&b, "          <afterbreak>%s</afterbreak>\n", escText(r.After))
			b.WriteString("        </rule>\n")
		}
		b.WriteString("      </languagerule>\n")
	}
	b.WriteString("    </languagerules>\n    <maprules>\n")
	for _, m := range rs.Maps {
		fmt.Fprintf(&b, "      <languagemap languagepattern=\"%s\" languagerulename=\"%s\"/>\n", esc(m.Pattern), esc(m.Name))
	}
	b.WriteString("    </maprules>\n  </body>\n</srx>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// commentText makes s safe inside an XML comment, which may not hold "--"
// nor end with "-".
func commentText(s string) string {
	s = strings.TrimSpace(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	if strings.HasSuffix(s, "-") {
		s += " "
	}
	return s
}

// escText escapes s for XML text.
var escText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace

// esc escapes s for XML text and attribute values, leaving the rest as
// typed so that the patterns stay readable.
var esc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace
