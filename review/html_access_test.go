package review

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bitext/doc"
)

// reportHTML is the HTML report of the test file.
func reportHTML(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Compute(reviewed()).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// luminance is the WCAG relative luminance of a #rgb or #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	h := strings.TrimPrefix(hex, "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil || len(h) != 6 {
		t.Fatalf("colour %q: not #rgb or #rrggbb", hex)
	}
	lin := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(v>>16&255) + 0.7152*lin(v>>8&255) + 0.0722*lin(v&255)
}

func contrast(t *testing.T, fg, bg string) float64 {
	a, b := luminance(t, fg), luminance(t, bg)
	return (math.Max(a, b) + 0.05) / (math.Min(a, b) + 0.05)
}

var (
	cssRule   = regexp.MustCompile(`([^{}]+)\{([^{}]*)\}`)
	cssColour = regexp.MustCompile(`(?:^|;)\s*color:\s*(#[0-9a-fA-F]{3,6})`)
	cssBack   = regexp.MustCompile(`background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})`)
)

// TestHTMLContrast: every text colour of the report's stylesheet stands out
// from its background (white, the page's, unless the rule sets one) by
// 4.5:1 at least, as WCAG 2.2 AA asks of body text.
func TestHTMLContrast(t *testing.T) {
	page := reportHTML(t)
	style := page[strings.Index(page, "<style>"):strings.Index(page, "</style>")]
	checked := 0
	for _, r := range cssRule.FindAllStringSubmatch(style, -1) {
		fg := cssColour.FindStringSubmatch(r[2])
		if fg == nil {
			continue
		}
		bg := "#fff"
		if m := cssBack.FindStringSubmatch(r[2]); m != nil {
			bg = m[1]
		}
		checked++
		if c := contrast(t, fg[1], bg); c < 4.5 {
			t.Errorf("%s: text %s on %s has contrast %.2f:1, want 4.5:1 or more", strings.TrimSpace(r[1]), fg[1], bg, c)
		}
	}
	if checked == 0 {
		t.Fatal("no text colour found in the report's stylesheet")
	}
}

// TestHTMLChangesInWords: an insertion or a deletion is told in words to a
// screen reader (which says nothing of <ins> and <del> by default), from
// where it starts to where it ends, and is drawn with a line, not only a
// colour: inserted text underlined, deleted text struck through.
func TestHTMLChangesInWords(t *testing.T) {
	page := reportHTML(t)
	for _, c := range []struct{ tag, word, text string }{{"del", "deleted", "Vladimir"}, {"ins", "inserted", "Putin"}} {
		want := fmt.Sprintf(`<%s><span class="vh">[%s: </span>%s<span class="vh">]</span></%s>`, c.tag, c.word, c.text, c.tag)
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %s", want)
		}
	}
	for _, r := range cssRule.FindAllStringSubmatch(page, -1) {
		sel, decl := strings.TrimSpace(r[1]), r[2]
		if (sel == "ins" || sel == "del") && strings.Contains(decl, "text-decoration: none") {
			t.Errorf("%s is marked by its colour only: %s", sel, decl)
		}
		if sel == ".vh" && !strings.Contains(decl, "position: absolute") {
			t.Errorf(".vh text is not hidden from sight: %s", decl)
		}
	}
	if !strings.Contains(page, ".vh {") {
		t.Error("report has no style for its visually hidden text")
	}
}

// TestHTMLTableHeaders: every header cell says whether it heads a row or a
// column, and each unit's row is headed by its id, so that a screen reader
// names the unit and the column of every cell it reads.
func TestHTMLTableHeaders(t *testing.T) {
	page := reportHTML(t)
	for _, th := range regexp.MustCompile(`<th[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(th, ` scope="row"`) && !strings.Contains(th, ` scope="col"`) {
			t.Errorf("header cell %s has no scope", th)
		}
	}
	if !strings.Contains(page, `<tr class="edited" id="u1">`+"\n"+`<th scope="row">u1<br>edited`) {
		t.Errorf("unit u1's row is not headed by its id:\n%s", page)
	}
}

// TestHTMLArabicComment: an editor's comment written in Arabic is marked as
// Arabic, right to left, inside the English column, so that it reads in its
// order and with the Arabic voice; an English one is left as it is.
func TestHTMLArabicComment(t *testing.T) {
	rv := reviewed()
	rv.Units[0].Comments = []doc.XLIFFNote{{Text: "من هو؟ (on «said»)", From: "sara"}, {Text: "Who is he?", From: "omar"}}
	var buf bytes.Buffer
	if err := Compute(rv).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`comment (sara): <span lang="ar" dir="rtl">من هو؟ (on «said»)</span>`, `comment (omar): Who is he?`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %s", want)
		}
	}
}
