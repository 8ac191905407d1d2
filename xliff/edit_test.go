package xliff

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"bitext/doc"
)

// unitSpan returns the byte range of the unit element with the given id.
func unitSpan(t *testing.T, text, elem, id string) (int, int) {
	t.Helper()
	start := strings.Index(text, "<"+elem+` id="`+id+`"`)
	if start < 0 {
		t.Fatalf("unit %s not found", id)
	}
	end := strings.Index(text[start:], "</"+elem+">")
	return start, start + end + len("</"+elem+">")
}

var (
	tgt12re  = regexp.MustCompile(`(?s)(<target xml:lang="en" state=[^>]*>)(.*?)(</target>)`)
	src12re  = regexp.MustCompile(`(?s)<source>(.*?)</source>`)
	segment2 = regexp.MustCompile(`(?s)<segment id="s1"[^>]*>\s*<source xml:space="preserve">(.*?)</source>\s*(?:<target xml:space="preserve">(.*?)</target>)?\s*</segment>`)
)

// editUnit replaces the unit's element by what fn makes of it.
func editUnit(t *testing.T, text, elem, id string, fn func(unit string) string) string {
	s, e := unitSpan(t, text, elem, id)
	return text[:s] + fn(text[s:e]) + text[e:]
}

// splitWords cuts XML content at the middle space that is outside any tag
// and any element.
func splitWords(s string) (string, string) {
	var cuts []int
	depth, inTag := 0, false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '<':
			inTag = true
			if strings.HasPrefix(s[i:], "</") {
				depth--
			} else if !strings.HasPrefix(s[i:], "<x ") && !strings.HasPrefix(s[i:], "<ph ") {
				depth++
			}
		case s[i] == '>':
			inTag = false
			if i > 0 && s[i-1] == '/' {
				depth--
			}
		case s[i] == ' ' && !inTag && depth == 0:
			cuts = append(cuts, i)
		}
	}
	k := cuts[len(cuts)/2]
	return s[:k], s[k+1:]
}

// pickUnits chooses units for the edits: plain ones (no inline markup in the
// source) with a draft, and two consecutive units of one group.
func pickUnits(t *testing.T, b *doc.Bitext) (plain []string, pair [2]string) {
	for _, u := range b.Units {
		if hasDraft(&u) && len(strings.Fields(u.Source)) > 2 && len(strings.Fields(u.Target)) > 2 {
			plain = append(plain, u.ID)
		}
	}
	for i, u := range b.Units {
		if i > 0 && b.Units[i-1].Block == u.Block && hasDraft(&u) && hasDraft(&b.Units[i-1]) &&
			!slices.Contains(plain[:min(3, len(plain))], u.ID) && !slices.Contains(plain[:min(3, len(plain))], b.Units[i-1].ID) {
			pair = [2]string{b.Units[i-1].ID, u.ID}
		}
	}
	if len(plain) < 3 {
		t.Fatalf("sample has too few units for the edits: %d plain, pair %v", len(plain), pair)
	}
	return plain, pair
}

// edit12 edits a 1.2 file as an editor and CAT tool would.
func edit12(t *testing.T, b *doc.Bitext, text string) string {
	plain, pair := pickUnits(t, b)
	// a CAT tool adds a namespace, moves attributes around and adds its own matches
	text = strings.Replace(text, `<xliff version="1.2" xmlns="`+NS12+`">`,
		`<xliff xmlns:okp="okapi-framework:xliff-extensions" xmlns="`+NS12+`" version="1.2">`, 1)
	// changed words
	text = editUnit(t, text, "trans-unit", plain[0], func(u string) string {
		u = strings.Replace(u, `xml:space="preserve"`, `okp:seen="yes" xml:space="preserve"`, 1)
		return tgt12re.ReplaceAllString(u, "${1}Edited by hand: the words changed.${3}")
	})
	// an inline tag added
	text = editUnit(t, text, "trans-unit", plain[1], func(u string) string {
		u = tgt12re.ReplaceAllString(u, `${1}<x id="1"/>${2}${3}`)
		return strings.Replace(u, "</trans-unit>", `<alt-trans origin="tm" match-quality="70"><source>x</source><target>old match</target></alt-trans></trans-unit>`, 1)
	})
	// a unit split in two by the tool
	text = editUnit(t, text, "trans-unit", plain[2], func(u string) string {
		src := src12re.FindStringSubmatch(u)[1]
		tgt := tgt12re.FindStringSubmatch(u)[2]
		s1, s2 := splitWords(src)
		t1, t2 := splitWords(tgt)
		return fmt.Sprintf(`<trans-unit id="%[1]s_1" xml:space="preserve"><source>%[2]s</source><target xml:lang="en" state="translated">%[3]s</target></trans-unit>
<trans-unit id="%[1]s_2" xml:space="preserve"><source>%[4]s</source><target xml:lang="en" state="translated">%[5]s</target></trans-unit>`, plain[2], s1, t1, s2, t2)
	})
	if pair[0] == "" {
		return text
	}
	// two units merged by the tool
	var src2 string
	text = editUnit(t, text, "trans-unit", pair[1], func(u string) string {
		src2 = src12re.FindStringSubmatch(u)[1]
		return ""
	})
	text = editUnit(t, text, "trans-unit", pair[0], func(u string) string {
		u = src12re.ReplaceAllString(u, "<source>${1} "+strings.ReplaceAll(src2, "$", "$$")+"</source>")
		return tgt12re.ReplaceAllString(u, "${1}Both sentences in one.${3}")
	})
	return text
}

// edit21 edits a 2.1 file: changed words, a <ph/> added, a unit split into two segments.
func edit21(t *testing.T, b *doc.Bitext, text string) string {
	plain, _ := pickUnits(t, b)
	text = editUnit(t, text, "unit", plain[0], func(u string) string {
		m := segment2.FindStringSubmatch(u)
		return replaceLast(u, ">"+m[2]+"</target>", ">Edited by hand: the words changed.</target>")
	})
	text = editUnit(t, text, "unit", plain[1], func(u string) string {
		m := segment2.FindStringSubmatch(u)
		u = strings.Replace(u, "<segment id", `<originalData><data id="d1">&lt;br/&gt;</data></originalData><segment id`, 1)
		return replaceLast(u, ">"+m[2]+"</target>", `><ph id="1" dataRef="d1"/>`+m[2]+"</target>")
	})
	text = editUnit(t, text, "unit", plain[2], func(u string) string {
		m := segment2.FindStringSubmatch(u)
		s1, s2 := splitWords(m[1])
		t1, t2 := splitWords(m[2])
		return strings.Replace(u, m[0], fmt.Sprintf(`<segment id="s1" state="reviewed"><source>%s</source><target>%s</target></segment><ignorable><source> </source></ignorable><segment id="s2" state="reviewed"><source>%s</source><target>%s</target></segment>`, s1, t1, s2, t2), 1)
	})
	return text
}

func TestEditorRoundTrip(t *testing.T) {
	for _, c := range []struct {
		v string
		b *doc.Bitext
	}{{"1.2", sampleBitext(t)}, {"2.1", sampleBitext(t)}, {"1.2", handBitext()}} {
		v, b := c.v, c.b
		plain, pair := pickUnits(t, b)
		t.Run(v+"/"+b.Name, func(t *testing.T) {
			write, edit := func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime}) }, edit12
			if v == "2.1" {
				write, edit = func(w *bytes.Buffer) error { return Write21(w, b, Options{Created: fixedTime}) }, edit21
			}
			rv, err := roundTrip(t, b, write, func(s string) string { return edit(t, b, s) }, ResolveOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]ReviewedUnit{}
			for _, u := range rv.Units {
				got[u.ID] = u
			}
			if len(rv.Units) != len(b.Units) {
				t.Fatalf("%d units, want %d", len(rv.Units), len(b.Units))
			}
			if u := got[plain[0]]; u.Target != "Edited by hand: the words changed." || !u.Edited || u.State != doc.StateReviewed {
				t.Errorf("changed unit: %+v", u)
			}
			orig := map[string]doc.Unit{}
			for _, u := range b.Units {
				orig[u.ID] = u
			}
			if u := got[plain[1]]; u.Target != orig[plain[1]].Target || u.Edited {
				t.Errorf("unit with an added tag: target %q edited %v", u.Target, u.Edited)
			}
			if u := got[plain[2]]; xmlOnly(u.Source) != xmlOnly(orig[plain[2]].Source) || xmlOnly(u.Target) != xmlOnly(orig[plain[2]].Target) || u.Parts != 2 {
				t.Errorf("split unit: parts %d source %q target %q", u.Parts, u.Source, u.Target)
			}
			if v == "1.2" && pair[0] != "" {
				if u := got[pair[1]]; u.MergedInto != pair[0] || u.Source != normSpace(orig[pair[1]].Source) {
					t.Errorf("merged unit: %+v", u)
				}
				if u := got[pair[0]]; u.Target != "Both sentences in one." || u.Source != normSpace(orig[pair[0]].Source) {
					t.Errorf("unit holding the merge: %+v", u)
				}
			}
		})
	}
}

func TestResolveRefuses(t *testing.T) {
	b := sampleBitext(t)
	var buf bytes.Buffer
	if err := Write12(&buf, b, Options{Created: fixedTime}); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	u0, u1 := b.Units[0], b.Units[1]
	changedSource := editUnit(t, good, "trans-unit", u1.ID, func(u string) string {
		return src12re.ReplaceAllString(u, "<source>نص آخر تماما</source>")
	})
	missing := editUnit(t, good, "trans-unit", u1.ID, func(string) string { return "" })
	noProv := regexp.MustCompile(` extradata="[^"]*"`).ReplaceAllString(good, "")
	s, e := strings.Index(good, "<group"), strings.Index(good, "</group>")+len("</group>")
	missingGroup := good[:s] + good[e:]
	cases := []struct {
		name, text, want string
		forceable        bool
	}{
		{"changed source", changedSource, "unit " + u1.ID + ": source text differs", true},
		{"missing unit", missing, "unit " + u1.ID + ": missing from the file", false},
		{"no provenance", noProv, "no bitext provenance", true},
		{"missing group", missingGroup, "paragraph 1 of the", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(c.text), "reviewed.xlf")
			if err != nil {
				t.Fatal(err)
			}
			_, err = f.Resolve(ResolveOptions{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			if !regexp.MustCompile(`reviewed\.xlf(:\d+)?: `).MatchString(err.Error()) {
				t.Errorf("error should name the file and line: %v", err)
			}
			// A library's message names no command-line flag: the caller
			// asks Forceable and says how to force in its own terms.
			var re *ReviewError
			if !errors.As(err, &re) || re.Forceable() != c.forceable || strings.Contains(err.Error(), "--") {
				t.Errorf("Forceable() of %v: want %v, and no flag in the message", err, c.forceable)
			}
			rv, err := f.Resolve(ResolveOptions{Force: true})
			if c.forceable != (err == nil) {
				t.Fatalf("with Force: %v (forceable %v)", err, c.forceable)
			}
			if err == nil && len(rv.Warnings) == 0 {
				t.Errorf("forced without a warning")
			}
			if err == nil && strings.Contains(strings.Join(rv.Warnings, "\n"), "--") {
				t.Errorf("warnings name a command-line flag: %q", rv.Warnings)
			}
		})
	}
	_ = u0
	f, _ := Read(strings.NewReader(good), "r.xlf")
	if err := f.CheckArticle(b.Source.Source + "\nجملة جديدة"); err == nil {
		t.Error("a changed article passed CheckArticle")
	}
	if err := f.CheckArticle(b.Source.Source); err != nil {
		t.Error(err)
	}
}

func replaceLast(s, old, new string) string {
	i := strings.LastIndex(s, old)
	if i < 0 {
		return s
	}
	return s[:i] + new + s[i+len(old):]
}

// xmlOnly drops the characters XLIFF 1.2 cannot carry.
func xmlOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, s)
}

// TestResolveNamesMissingParagraphs: a paragraph deleted from the file is
// named by its place among the groups left and, with the article, by its
// group id, first words and line in the article.
func TestResolveNamesMissingParagraphs(t *testing.T) {
	b := sampleBitext(t)
	writers := map[string]func(*bytes.Buffer) error{
		"1.2": func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime}) },
		"2.1": func(w *bytes.Buffer) error { return Write21(w, b, Options{Created: fixedTime}) },
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				t.Fatal(err)
			}
			good := buf.String()
			orig, err := Read(strings.NewReader(good), "article.xlf")
			if err != nil {
				t.Fatal(err)
			}
			g := orig.Groups
			last := len(g) - 1
			// delete the third and the last group
			text := good
			for _, k := range []int{last, 2} {
				s := strings.Index(text, `<group id="`+g[k].ID+`"`)
				e := strings.Index(text[s:], "</group>") + s + len("</group>")
				text = text[:s] + text[e:]
			}
			f, err := Read(strings.NewReader(text), "reviewed.xlf")
			if err != nil {
				t.Fatal(err)
			}
			// the line of the group after the gap, in the reviewed file
			after := 0
			for _, fg := range f.Groups {
				if fg.ID == g[3].ID {
					after = fg.Line
				}
			}
			n := len(g)
			_, err = f.Resolve(ResolveOptions{})
			third := fmt.Sprintf("reviewed.xlf:%d: paragraph 3 of the %d bitext wrote (block 2) is missing from the file; it came between groups %s and %s",
				after, n, g[1].ID, g[3].ID)
			lastMsg := fmt.Sprintf("paragraph %d of the %d bitext wrote (block %d) is missing from the file; it came after group %s", n, n, n-1, g[n-2].ID)
			if err == nil || !strings.Contains(err.Error(), third) || !strings.Contains(err.Error(), lastMsg) {
				t.Fatalf("without the article:\n got %v\nwant %s\nand  %s", err, third, lastMsg)
			}

			_, err = f.Resolve(ResolveOptions{Article: b.Source})
			d := b.Source
			line, _ := d.Position(d.Blocks[2].Start)
			named := fmt.Sprintf("reviewed.xlf:%d: paragraph 3 of the %d bitext wrote (block 2) is missing from the file: group %s, %q (article.txt:%d); it came between",
				after, n, g[2].ID, clip(normSpace(d.Text(2)), 60), line)
			// the last paragraph is web boilerplate, which a CAT tool may leave out: no problem
			if g[last].Kind != doc.Boilerplate {
				t.Fatalf("the sample's last group is a %s; the test wants boilerplate", g[last].Kind)
			}
			if err == nil || !strings.Contains(err.Error(), named) || strings.Contains(err.Error(), "group "+g[last].ID+", ") {
				t.Fatalf("with the article:\n got %v\nwant %s, and nothing of the boilerplate", err, named)
			}

			// an article whose paragraphs are not the file's names none of them
			other := *d
			other.Blocks = append([]doc.Block{d.Blocks[1]}, d.Blocks[1:]...)
			_, err = f.Resolve(ResolveOptions{Article: &other})
			if err == nil || strings.Contains(err.Error(), "group "+g[2].ID+",") || !strings.Contains(err.Error(), third) {
				t.Fatalf("with another article: %v", err)
			}
		})
	}
}
