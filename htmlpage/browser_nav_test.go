package htmlpage

// Browser tests of moving through the page without a mouse: the order in
// which Tab and a screen reader go through the sentences, what a screen
// reader calls a heading, and the link to each sentence.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"

	"bitext/doc"
)

// cellStop is where the keyboard or the reading order is: the cell (.c) that
// holds it, with the cell's place on the page.
type cellStop struct {
	Cell      string // "en u12" or "ar u12": the side and the row's id
	Top, Left float64
}

// cellOfJS describes the cell that holds element e, as a cellStop.
const cellOfJS = `(e => { const c = e && e.closest && e.closest('.c'); if (!c) return null;
	const r = c.getBoundingClientRect(), row = c.closest('.u');
	return {Cell: (c.classList.contains('tgt') ? 'en ' : 'ar ') + (row ? row.querySelector('.tgt').id : c.id), Top: r.top + scrollY, Left: r.left}; })`

// tabStops presses Tab from the top of the page until focus leaves the
// article, and returns the cells it went through (a cell that holds several
// stops counts once).
func (b *browser) tabStops() []cellStop {
	b.t.Helper()
	b.eval("start at the top", `document.activeElement && document.activeElement.blur(); scrollTo(0, 0); 0`, nil)
	var stops []cellStop
	for range 400 {
		b.do("Tab", chromedp.KeyEvent("\t"))
		var s string
		b.eval("focused", `JSON.stringify(`+cellOfJS+`(document.activeElement))`, &s)
		var at *cellStop
		if err := json.Unmarshal([]byte(s), &at); err != nil {
			b.t.Fatal(err)
		}
		if at == nil {
			if len(stops) > 0 {
				return stops
			}
			continue // the byline's link, before the first sentence
		}
		if len(stops) == 0 || stops[len(stops)-1].Cell != at.Cell {
			stops = append(stops, *at)
		}
	}
	b.t.Fatal("Tab never leaves the article")
	return nil
}

// checkTopDown reports a step of order that goes up the page: what comes
// next must not be seen above what came before.
func checkTopDown(t *testing.T, what string, stops []cellStop) {
	t.Helper()
	if len(stops) < 4 {
		t.Fatalf("%s: only %d cells", what, len(stops))
	}
	for i := 1; i < len(stops); i++ {
		p, c := stops[i-1], stops[i]
		if c.Top < p.Top-1 {
			t.Errorf("%s goes up the page: from %s (at %.0f px) to %s (at %.0f px)", what, p.Cell, p.Top, c.Cell, c.Top)
			return
		}
	}
}

// TestBrowserReadingOrder: the keyboard (Tab) and a screen reader (the
// document's order) go through the sentences in the order the page shows
// them: in two columns row by row, English then Arabic, and stacked on a
// phone top to bottom, never back up to a sentence above.
func TestBrowserReadingOrder(t *testing.T) {
	b := newBrowser(t)
	html := render(t, sampleUneven(t), Options{})
	for _, width := range []int64{1280, 375} {
		b.open(html, width)
		b.screenshot(fmt.Sprintf("reading-order-%d", width))
		var s string
		b.eval("cells in document order", `JSON.stringify([...document.querySelectorAll('.c')].map(`+cellOfJS+`))`, &s)
		var doc []cellStop
		if err := json.Unmarshal([]byte(s), &doc); err != nil {
			t.Fatal(err)
		}
		checkTopDown(t, fmt.Sprintf("%d px, the reading order", width), doc)
		tab := b.tabStops()
		checkTopDown(t, fmt.Sprintf("%d px, Tab", width), tab)
		if n := strings.Count(html, `tabindex="0"`); len(tab) != n {
			t.Errorf("%d px: Tab goes through %d cells of the %d focusable ones", width, len(tab), n)
		}
		for i := 1; i < len(tab); i++ {
			if p, c := tab[i-1], tab[i]; strings.HasPrefix(c.Cell, "ar ") && p.Cell != "en "+c.Cell[3:] {
				t.Errorf("%d px: Tab reaches %s after %s, not right after its English", width, c.Cell, p.Cell)
				break
			}
		}
	}
}

// axNode is a node of Chromium's accessibility tree, as a screen reader gets it.
type axNode struct {
	Role, Name string
	Ignored    bool
}

// axTree returns the nodes of the page's accessibility tree (not in document order).
func (b *browser) axTree() []axNode {
	b.t.Helper()
	var out []axNode
	b.do("accessibility tree", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			return err
		}
		for _, n := range tree.Nodes {
			var a axNode
			if n.Role != nil {
				json.Unmarshal(n.Role.Value, &a.Role)
			}
			if n.Name != nil {
				json.Unmarshal(n.Name.Value, &a.Name)
			}
			a.Ignored = n.Ignored
			out = append(out, a)
		}
		return nil
	}))
	return out
}

// TestBrowserHeadingNames: a flag on a heading ("gist only", "check
// alignment") is seen and read out with it, but is not part of the
// heading's name, which is what a screen reader lists and announces for
// the heading: its words alone.
func TestBrowserHeadingNames(t *testing.T) {
	b := newBrowser(t)
	for _, tc := range []struct {
		name  string
		opts  Options
		state doc.State
		flag  doc.Flag
		label string
		n     int // headings of the row: the English (h1 or h2), and the Arabic when it is an h2
	}{
		{"gist heading", Options{Title: "Putin and Kim"}, doc.StateGist, "", "gist only", 2},
		{"gist heading, clean", Options{Title: "Putin and Kim", Clean: true}, doc.StateGist, "", "gist only", 2},
		{"flagged headline", Options{}, doc.StateMachine, doc.FlagLowConfidence, "check alignment", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b.t = t
			bt := handBitext()
			bt.Units[0].State = tc.state
			if tc.flag != "" {
				bt.Units[0].AddFlag(tc.flag)
			}
			b.open(render(t, bt, tc.opts), 1280)
			b.screenshot(strings.ReplaceAll(tc.name, " ", "-"))
			var headings []string
			heard := false
			for _, n := range b.axTree() {
				if n.Ignored {
					continue
				}
				if n.Role == "heading" && (strings.Contains(n.Name, "summit") || strings.Contains(n.Name, "قمة")) {
					headings = append(headings, n.Name)
				}
				if n.Role == "StaticText" && strings.TrimSpace(n.Name) == tc.label {
					heard = true
				}
			}
			if len(headings) != tc.n {
				t.Fatalf("headings of the row: %q, want %d", headings, tc.n)
			}
			for _, h := range headings {
				if strings.Contains(h, tc.label) {
					t.Errorf("the heading's name is %q: the mark %q is read as part of it", h, tc.label)
				}
			}
			if !heard {
				t.Errorf("the mark %q is not in what a screen reader reads", tc.label)
			}
			b.eval("focus", `document.getElementById('u1').focus(); 0`, nil)
			if name := b.focusedName(); !strings.Contains(name, "summit") || !strings.Contains(name, tc.label) {
				t.Errorf("a screen reader hears %q for the heading reached with Tab, want its words and %q", name, tc.label)
			}
			if tc.state == doc.StateGist {
				// with no English at all, the row's English side is no heading
				bt.Units[0].State, bt.Units[0].Target = doc.StateNew, ""
				b.open(render(t, bt, tc.opts), 1280)
				for _, n := range b.axTree() {
					if n.Role == "heading" && !n.Ignored && strings.TrimSpace(n.Name) == "" {
						t.Errorf("an untranslated heading leaves an empty heading")
					}
				}
				bt.Units[0].State, bt.Units[0].Target = tc.state, "A Putin–Kim summit"
				b.open(render(t, bt, tc.opts), 1280)
			}
			var shown bool
			b.eval("mark shown", fmt.Sprintf(`[...document.querySelectorAll('#u1 .flag')].some(f => f.textContent === %q && f.getClientRects().length > 0)`, tc.label), &shown)
			if !shown {
				t.Errorf("the mark %q is not shown on the heading", tc.label)
			}
		})
	}
}

// TestBrowserSentenceLink: each sentence has a link to itself (page.html#ID,
// to send a colleague), hidden until its row is pointed at or reached with
// the keyboard, next after the sentence in Tab order, named for a screen
// reader, and left out of print and of text copied from the page.
func TestBrowserSentenceLink(t *testing.T) {
	b := newBrowser(t)
	bt := sampleTranslated(t)
	b.open(render(t, bt, Options{}), 1280)
	const linksJS = `JSON.stringify([...document.querySelectorAll('.u')].filter(u => u.querySelector('.tgt').tabIndex === 0).map(u => {
		const en = u.querySelector('.tgt'), links = [...u.querySelectorAll('a')];
		return {ID: en.id, Href: links.map(a => a.getAttribute('href')).join(' '), InEnglish: links.every(a => en.contains(a)),
			Shown: links.some(a => getComputedStyle(a).opacity !== '0' && getComputedStyle(a).display !== 'none' && a.getClientRects().length > 0)};
	}))`
	type link struct {
		ID, Href         string
		InEnglish, Shown bool
	}
	links := func() []link {
		var s string
		b.eval("links", linksJS, &s)
		var out []link
		if err := json.Unmarshal([]byte(s), &out); err != nil {
			t.Fatal(err)
		}
		if len(out) < 10 {
			t.Fatalf("only %d sentences on the page", len(out))
		}
		return out
	}
	shownOnly := func(what, id string) {
		t.Helper()
		for _, l := range links() {
			if l.Shown != (l.ID == id) {
				t.Errorf("%s: the link of %s is shown: %v", what, l.ID, l.Shown)
			}
		}
	}
	for _, l := range links() {
		if l.Href != "#"+l.ID || !l.InEnglish {
			t.Errorf("sentence %s: links %q (in its English cell: %v), want one to #%s", l.ID, l.Href, l.InEnglish, l.ID)
		}
	}
	shownOnly("nothing pointed at", "")

	// pointing at a sentence's original shows its link
	k := 3
	for bt.Units[k].Kind != doc.Paragraph {
		k++
	}
	id := bt.Units[k].ID
	var s string
	b.eval("locate", fmt.Sprintf(`(e => { e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return JSON.stringify([r.left + r.width/2, r.top + 5]); })(document.getElementById(%q).parentNode.querySelector('.src'))`, id), &s)
	var at [2]float64
	if err := json.Unmarshal([]byte(s), &at); err != nil {
		t.Fatal(err)
	}
	b.mouseTo(at[0], at[1])
	shownOnly("pointer on "+id, id)
	b.mouseTo(1, 1)

	// with the keyboard: the link comes right after its sentence, is shown
	// and named, and Enter puts the sentence's address in the address bar
	b.eval("focus", fmt.Sprintf(`document.getElementById(%q).focus(); 0`, id), nil)
	shownOnly("focus on "+id, id)
	b.do("Tab", chromedp.KeyEvent("\t"))
	var focused struct{ Tag, Href string }
	b.eval("focused", `JSON.stringify({Tag: document.activeElement.tagName, Href: document.activeElement.getAttribute('href')})`, &s)
	json.Unmarshal([]byte(s), &focused)
	if focused.Tag != "A" || focused.Href != "#"+id {
		t.Fatalf("Tab from sentence %s goes to %+v, not to its link", id, focused)
	}
	shownOnly("its link focused", id)
	if name := b.focusedName(); name != "Link to this sentence" {
		t.Errorf("a screen reader hears %q for the link", name)
	}
	b.screenshot("sentence-link")
	b.do("Enter", chromedp.KeyEvent("\r"))
	var hash string
	if b.eval("address", `location.hash`, &hash); hash != "#"+id {
		t.Errorf("following the link gives the address #%s, want #%s", strings.TrimPrefix(hash, "#"), id)
	}

	// copied text holds the sentences only
	b.eval("copy", fmt.Sprintf(`(() => { const en = document.getElementById(%q), r = document.createRange();
		r.setStartBefore(en.closest('.block')); r.setEndAfter(en.closest('.block'));
		getSelection().removeAllRanges(); getSelection().addRange(r); return JSON.stringify([getSelection().toString(), en.closest('.block').textContent]); })()`, id), &s)
	var copied [2]string
	json.Unmarshal([]byte(s), &copied)
	if strings.Contains(copied[0], "#") || strings.Contains(copied[0], "Link") || !strings.Contains(copied[0], bt.Units[k].Target[:20]) {
		t.Errorf("text copied from the page: %q", copied[0])
	}
	b.eval("unselect", `getSelection().removeAllRanges(); 0`, nil)

	// and on paper, nothing
	b.media("print")
	b.eval("focus", fmt.Sprintf(`document.getElementById(%q).focus(); 0`, id), nil)
	shownOnly("print", "")

	// a heading has one too, named for what it is
	b.media("screen")
	b.open(render(t, handBitext(), Options{Title: "Putin and Kim"}), 1280)
	b.eval("focus", `document.querySelector('#u1 a').focus(); 0`, nil)
	if name := b.focusedName(); name != "Link to this heading" {
		t.Errorf("a screen reader hears %q for a heading's link", name)
	}
}
