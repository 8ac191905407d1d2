package htmlpage

// Browser tests: the page rendered by a real headless Chromium, driven over
// the DevTools protocol with chromedp. Every browser step has its own time
// limit. Without a usable Chromium the tests skip, except under CI=true where
// they fail.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"bitext/doc"
	"bitext/internal/testenv"
)

const (
	startTimeout = 30 * time.Second
	stepTimeout  = 20 * time.Second
	highlight    = "rgb(255, 241, 168)" // --hi in the stylesheet
)

// browser is one headless Chromium tab for one test.
type browser struct {
	t       *testing.T
	ctx     context.Context
	shots   string // folder for screenshots, kept when the test fails
	mu      sync.Mutex
	dialogs []string // JavaScript dialogs the page opened
}

// newBrowser starts Chromium with a fresh profile and opens a tab. The
// browser is stopped when the test ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := testenv.Chromium(t)
	profile := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("no-sandbox", true), // Chromium refuses to start as root with its sandbox
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-device-scale-factor", "1"),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.Flag("force-color-profile", "srgb"),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })

	// The first Do starts the browser and binds it to ctx, so it gets no
	// deadline of its own; a timer stops it instead.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			testenv.BrowserUnavailable(t, "chromium (%s) did not start: %v", path, err)
		}
	case <-time.After(startTimeout):
		cancelTab()
		cancelAlloc()
		testenv.BrowserUnavailable(t, "chromium (%s) did not start within %s", path, startTimeout)
	}

	shots, err := os.MkdirTemp("", "htmlpage-"+strings.ReplaceAll(t.Name(), "/", "-")+"-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("screenshots kept in %s", shots)
			return
		}
		os.RemoveAll(shots)
	})
	b := &browser{t: t, ctx: ctx, shots: shots}

	// Answer any dialog so that a page that opens one cannot block the test,
	// and remember it.
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dialogs = append(b.dialogs, ev.Type.String()+": "+ev.Message)
			b.mu.Unlock()
			go func() {
				dctx, cancel := context.WithTimeout(ctx, stepTimeout)
				defer cancel()
				chromedp.Call(dctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			}()
		}
	}()
	return b
}

// do runs actions with the step time limit.
func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its JSON value into out.
func (b *browser) eval(step, expr string, out any) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			b.t.Fatalf("%s: decoding %s: %v", step, raw, err)
		}
	}
}

// open writes html to a file and loads it at the given viewport width.
func (b *browser) open(html string, width int64) {
	b.t.Helper()
	path := filepath.Join(b.t.TempDir(), "page.html")
	if err := os.WriteFile(path, []byte(html), 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.viewport(width)
	b.do("load page", chromedp.Navigate("file://"+path))
}

func (b *browser) viewport(width int64) {
	b.t.Helper()
	b.do(fmt.Sprintf("viewport %d", width), chromedp.EmulateViewport(width, 900))
}

func (b *browser) media(m string) {
	b.t.Helper()
	b.do("media "+m, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return err
	}))
}

// screenshot saves the whole page as name.png in the screenshot folder (and
// in $BITEXT_SCREENSHOTS when set).
func (b *browser) screenshot(name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	for _, dir := range []string{b.shots, os.Getenv("BITEXT_SCREENSHOTS")} {
		if dir == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
}

// mouseTo moves the pointer to (x, y) in viewport coordinates.
func (b *browser) mouseTo(x, y float64) {
	b.t.Helper()
	b.do("mouse move", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y})
		return err
	}))
}

type box struct {
	Top, Left, Right, Bottom, Width, Height float64
	Dir, Lang, BG                           string
}

type rowBoxes struct {
	ID       string
	Src, Tgt box
}

// rowsJS returns, for every unit row, the boxes and computed styles of its two cells.
const rowsJS = `JSON.stringify([...document.querySelectorAll('.u')].map(u => {
  const cell = c => { const r = c.getBoundingClientRect(), s = getComputedStyle(c);
    return {Top: r.top + scrollY, Left: r.left, Right: r.right, Bottom: r.bottom + scrollY, Width: r.width, Height: r.height,
      Dir: s.direction, Lang: c.lang, BG: s.backgroundColor}; };
  return {ID: u.querySelector('.tgt').id, Src: cell(u.querySelector('.src')), Tgt: cell(u.querySelector('.tgt'))};
}))`

func (b *browser) rows() []rowBoxes {
	b.t.Helper()
	var s string
	b.eval("read rows", rowsJS, &s)
	var rows []rowBoxes
	if err := json.Unmarshal([]byte(s), &rows); err != nil {
		b.t.Fatal(err)
	}
	if len(rows) == 0 {
		b.t.Fatal("page has no rows")
	}
	return rows
}

// overflowJS lists elements that stick out of the viewport horizontally, and
// whether the document itself scrolls sideways.
const overflowJS = `JSON.stringify({
  scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  out: [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect();
    return r.width > 0 && (r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5); })
    .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))
})`

func (b *browser) checkNoOverflow(width int64) {
	b.t.Helper()
	var s string
	b.eval("overflow", overflowJS, &s)
	var got struct {
		Scroll float64
		Out    []string
	}
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		b.t.Fatal(err)
	}
	if got.Scroll > 0 || len(got.Out) > 0 {
		b.t.Errorf("at %d px the page scrolls sideways by %.0f px; elements outside: %q", width, got.Scroll, got.Out)
	}
}

func TestBrowserSampleLayout(t *testing.T) {
	b := newBrowser(t)
	for _, tc := range []struct {
		name string
		bt   *doc.Bitext
	}{
		{"untranslated", sampleUntranslated(t)},
		{"translated", sampleTranslated(t)},
		{"uneven", sampleUneven(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b.t = t
			html := render(t, tc.bt, Options{Title: "North Korea warned over arms for Russia", Source: "AFP", Date: "2023-09-05"})
			b.open(html, 1280)
			b.screenshot(tc.name + "-1280")
			rows := b.rows()
			if len(rows) != len(tc.bt.Units) {
				t.Errorf("%d rows on the page for %d units", len(rows), len(tc.bt.Units))
			}
			worst := 0.0
			for _, r := range rows {
				worst = max(worst, math.Abs(r.Src.Top-r.Tgt.Top))
				if d := math.Abs(r.Src.Top - r.Tgt.Top); d > 2 {
					t.Errorf("row %s: Arabic starts at %.1f px, English at %.1f px", r.ID, r.Src.Top, r.Tgt.Top)
				}
				if r.Tgt.Right > r.Src.Left {
					t.Errorf("row %s: English (right edge %.0f) is not left of Arabic (left edge %.0f)", r.ID, r.Tgt.Right, r.Src.Left)
				}
				if r.Src.Dir != "rtl" || r.Src.Lang != "ar" {
					t.Errorf("row %s: Arabic cell direction %s lang %q", r.ID, r.Src.Dir, r.Src.Lang)
				}
				if r.Tgt.Dir != "ltr" || r.Tgt.Lang != "en" {
					t.Errorf("row %s: English cell direction %s lang %q", r.ID, r.Tgt.Dir, r.Tgt.Lang)
				}
			}
			t.Logf("1280 px: %d rows, largest offset between partners %.2f px", len(rows), worst)
			b.checkNoOverflow(1280)

			b.viewport(375)
			b.screenshot(tc.name + "-375")
			b.checkNoOverflow(375)
			// Stacked: each English sentence right above its Arabic, in the
			// document's order, which Tab and screen readers follow.
			rows = b.rows()
			for i, r := range rows {
				if r.Src.Top < r.Tgt.Bottom-0.5 {
					t.Errorf("375 px, row %s: Arabic starts at %.0f before its English ends at %.0f", r.ID, r.Src.Top, r.Tgt.Bottom)
				}
				if i > 0 && r.Tgt.Top < rows[i-1].Src.Bottom-0.5 {
					t.Errorf("375 px, row %s: English starts at %.0f before the Arabic above ends at %.0f", r.ID, r.Tgt.Top, rows[i-1].Src.Bottom)
				}
				if r.Src.Width < 300 || r.Tgt.Width < 300 {
					t.Errorf("375 px, row %s: cells only %.0f and %.0f px wide, not stacked", r.ID, r.Tgt.Width, r.Src.Width)
				}
			}
		})
	}
}

func TestBrowserHoverAndFocus(t *testing.T) {
	b := newBrowser(t)
	bt := sampleTranslated(t)
	b.open(render(t, bt, Options{}), 1280)
	rows := b.rows()
	for _, r := range rows {
		if r.Src.BG == highlight || r.Tgt.BG == highlight {
			t.Fatalf("row %s highlighted before any hover", r.ID)
		}
	}
	// Hover a spread of rows, including the first and the last.
	picks := []int{0, len(rows) / 3, len(rows) / 2, len(rows) - 1}
	for _, i := range picks {
		id := rows[i].ID
		b.eval("scroll", fmt.Sprintf(`document.getElementById(%q).parentNode.querySelector('.src').scrollIntoView({block: 'center'}); 0`, id), nil)
		var pos struct{ X, Y float64 }
		var s string
		b.eval("locate", fmt.Sprintf(`JSON.stringify((r => ({X: r.left + r.width/2, Y: r.top + Math.min(r.height/2, 10)}))(document.getElementById(%q).parentNode.querySelector('.src').getBoundingClientRect()))`, id), &s)
		if err := json.Unmarshal([]byte(s), &pos); err != nil {
			t.Fatal(err)
		}
		b.mouseTo(pos.X, pos.Y)
		b.expectOnlyHighlighted(t, "hover", id)
	}
	b.mouseTo(1, 1) // over the header: nothing highlighted
	b.expectOnlyHighlighted(t, "pointer on header", "")
	b.eval("focus", fmt.Sprintf(`document.getElementById(%q).parentNode.querySelector('.src').focus(); 0`, rows[1].ID), nil)
	b.expectOnlyHighlighted(t, "focus", rows[1].ID)
	b.screenshot("focus")
}

// expectOnlyHighlighted checks that exactly the two cells of row id carry the
// highlight colour (none when id is "").
func (b *browser) expectOnlyHighlighted(t *testing.T, what, id string) {
	t.Helper()
	for _, r := range b.rows() {
		want := r.ID == id
		if (r.Src.BG == highlight) != want || (r.Tgt.BG == highlight) != want {
			t.Errorf("%s on %q: row %s Arabic %s, English %s", what, id, r.ID, r.Src.BG, r.Tgt.BG)
		}
	}
}

func TestBrowserHostileArticle(t *testing.T) {
	payloads := []string{`<img src=x onerror=alert(1)>`, `</script><script>alert(2)</script>`, `{{.}}`, `&lt;`}
	evil := strings.Join(payloads, " ")
	bt := handBitext()
	bt.Units[1].Source = "وقال " + evil
	bt.Units[1].Target = "He said " + evil
	bt.Units[1].Terms = []doc.TermHit{{Surface: "وقال", Ar: "قال", En: "He said", Note: evil}}
	bt.Units[2].Target = evil + " https://example.com/" + strings.Repeat("very-long-path-without-spaces-", 12)
	bt.Engine = evil
	html := render(t, bt, Options{Title: evil, Source: evil, SourceURL: "javascript:alert(3)", Date: evil})

	b := newBrowser(t)
	// The check must be able to fail: the same payload written raw does open a dialog.
	b.open(`<!DOCTYPE html><p>`+payloads[0]+`</p>`, 800)
	b.waitDialogs(1)
	b.mu.Lock()
	b.dialogs = nil
	b.mu.Unlock()

	b.open(html, 1280)
	b.screenshot("hostile")
	b.do("let handlers run", chromedp.Sleep(300*time.Millisecond))
	b.mu.Lock()
	opened := append([]string(nil), b.dialogs...)
	b.mu.Unlock()
	if len(opened) > 0 {
		t.Errorf("the page opened dialogs: %q", opened)
	}
	b.checkNoOverflow(1280)
	b.viewport(375)
	b.checkNoOverflow(375)
	var s string
	b.eval("inspect", `JSON.stringify({
		injected: [...document.querySelectorAll('img, script, iframe, object, embed, svg, a[href^="javascript"]')].map(e => e.outerHTML),
		cellTags: [...new Set([...document.querySelectorAll('.c *:not(.c>:is(h1,h2),.c>a.permalink)')].map(e => e.tagName.toLowerCase()))],
		en: document.getElementById('u2').textContent,
		ar: document.getElementById('u2').parentNode.querySelector('.src').textContent,
		title: document.title, h1: document.querySelector('h1').textContent,
		byline: document.querySelector('.byline').textContent,
		tip: document.getElementById('u2').parentNode.querySelector('.term').title,
	})`, &s)
	var got struct {
		Injected, CellTags             []string
		En, Ar, Title, H1, Byline, Tip string
	}
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Injected) > 0 {
		t.Errorf("elements injected: %q", got.Injected)
	}
	for _, tag := range got.CellTags {
		if tag != "span" && tag != "bdi" {
			t.Errorf("unexpected <%s> inside a cell", tag)
		}
	}
	for name, text := range map[string]string{"English cell": got.En, "Arabic cell": got.Ar, "title": got.Title, "h1": got.H1, "byline": got.Byline, "tooltip": got.Tip} {
		if !strings.Contains(text, evil) {
			t.Errorf("%s shows %q, want the payload as text %q", name, text, evil)
		}
	}
}

// waitDialogs waits, within the step limit, until n dialogs have opened.
func (b *browser) waitDialogs(n int) {
	b.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for time.Now().Before(deadline) {
		b.mu.Lock()
		got := len(b.dialogs)
		b.mu.Unlock()
		if got >= n {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("control page: expected %d dialog(s), saw none; the dialog check cannot work", n)
}

func TestBrowserPrint(t *testing.T) {
	b := newBrowser(t)
	bt := sampleTranslated(t)
	bt.Units[1].AddFlag(doc.FlagLowConfidence)
	// A4 portrait minus the 14 mm side margins of the @page rule, at 96 px per inch.
	const a4Content int64 = 687 // (210 - 2×14) mm at 96 px per inch, rounded down
	b.open(render(t, bt, Options{}), a4Content)
	b.media("print")
	var flags int
	b.eval("count visible flags", `[...document.querySelectorAll('.flag, .flags, .legend > :not(.credit)')].filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0).length`, &flags)
	if flags != 0 {
		t.Errorf("print: %d flag or legend elements visible", flags)
	}
	// Paper still says who made the English, as the screen does.
	var printed string
	b.eval("printed text", `document.body.innerText`, &printed)
	if want := "Translated by machine (test)."; !strings.Contains(printed, want) {
		t.Errorf("print: the page does not say %q", want)
	}
	rows := b.rows()
	for _, r := range rows {
		if r.Tgt.Right > r.Src.Left || r.Src.Right > float64(a4Content)+0.5 || r.Tgt.Left < -0.5 {
			t.Errorf("print row %s: English %.0f–%.0f, Arabic %.0f–%.0f: not two columns within %d px", r.ID, r.Tgt.Left, r.Tgt.Right, r.Src.Left, r.Src.Right, a4Content)
		}
		if math.Abs(r.Src.Top-r.Tgt.Top) > 2 {
			t.Errorf("print row %s: cells start %.1f px apart", r.ID, math.Abs(r.Src.Top-r.Tgt.Top))
		}
		if r.Tgt.BG != "rgba(0, 0, 0, 0)" {
			t.Errorf("print row %s: English cell background %s", r.ID, r.Tgt.BG)
		}
	}
	b.checkNoOverflow(a4Content)
	// No hover style in print.
	b.eval("scroll", `document.querySelector('.u .src').scrollIntoView(); 0`, nil)
	var s string
	b.eval("locate", `JSON.stringify((r => [r.left + r.width/2, r.top + 5])(document.querySelector('.u .src').getBoundingClientRect()))`, &s)
	var xy [2]float64
	if err := json.Unmarshal([]byte(s), &xy); err != nil {
		t.Fatal(err)
	}
	b.mouseTo(xy[0], xy[1])
	b.expectOnlyHighlighted(t, "print hover", "")
	b.screenshot("print")

	// And the real thing: Chromium prints it on A4 with the page's own @page size.
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("print to PDF returned %.20q", pdf)
	}
	if err := os.WriteFile(filepath.Join(b.shots, "print.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	// A4 is 595×842 pt; every page's MediaBox must say so.
	boxes := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindAllSubmatch(pdf, -1)
	if len(boxes) == 0 {
		t.Fatal("PDF has no page MediaBox")
	}
	for _, m := range boxes {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if math.Abs(w-595.3) > 1 || math.Abs(h-841.9) > 1 {
			t.Errorf("PDF page is %.1f×%.1f pt, not A4", w, h)
		}
	}
	t.Logf("printed %d A4 pages", len(boxes))
}

// A Latin name with a number inside Arabic keeps its own order, and so does
// an Arabic phrase inside English.
func TestBrowserBidi(t *testing.T) {
	bt := handBitext()
	bt.Units[2].Target = "He added that the greeting السلام عليكم 2 was old."
	b := newBrowser(t)
	b.open(render(t, bt, Options{}), 1280)
	var s string
	b.eval("measure", `JSON.stringify([...document.getElementById('u3').parentNode.querySelectorAll('bdi')].map(e => {
		const words = e.textContent.split(' '), first = document.createRange(), last = document.createRange();
		const node = e.firstChild, end = e.textContent.length;
		first.setStart(node, 0); first.setEnd(node, words[0].length);
		last.setStart(node, end - words[words.length-1].length); last.setEnd(node, end);
		return {text: e.textContent, dir: getComputedStyle(e).direction, cell: e.closest('.c').dir,
			first: first.getBoundingClientRect().left, last: last.getBoundingClientRect().left};
	}))`, &s)
	var got []struct {
		Text, Dir, Cell string
		First, Last     float64
	}
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("isolated runs in row u3: %+v, want one per cell", got)
	}
	for _, g := range got {
		wantDir := map[string]string{"rtl": "ltr", "ltr": "rtl"}[g.Cell]
		if g.Dir != wantDir {
			t.Errorf("%q in a %s cell has direction %s, want %s", g.Text, g.Cell, g.Dir, wantDir)
		}
		// Reading order: in ltr the first word is leftmost, in rtl rightmost.
		if (g.Dir == "ltr") != (g.First < g.Last) {
			t.Errorf("%q (%s): first word at %.0f, last at %.0f: wrong order", g.Text, g.Dir, g.First, g.Last)
		}
	}
	b.screenshot("bidi")
}

// An Arabic title is laid out right to left: its first word is rightmost and
// the closing bracket stays at its end.
func TestBrowserArabicTitle(t *testing.T) {
	b := newBrowser(t)
	b.open(render(t, handBitext(), Options{Title: "عنوان ‹عربي>"}), 1280)
	var s string
	b.eval("measure", `(() => {
		const h = document.querySelector('h1'), node = h.firstChild, text = h.textContent;
		const r = (from, to) => { const g = document.createRange(); g.setStart(node, from); g.setEnd(node, to); return g.getBoundingClientRect(); };
		const w = text.indexOf(' '), br = text.indexOf('>');
		return JSON.stringify({dir: getComputedStyle(h).direction, lang: h.lang,
			first: r(0, w).left, second: r(w+1, br).left, bracket: r(br, br+1).left});
	})()`, &s)
	var got struct {
		Dir, Lang              string
		First, Second, Bracket float64
	}
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		t.Fatal(err)
	}
	if got.Dir != "rtl" || got.Lang != "ar" {
		t.Errorf("<h1> direction %s lang %q, want rtl and ar", got.Dir, got.Lang)
	}
	if !(got.First > got.Second && got.Second > got.Bracket) {
		t.Errorf("title read out of order: first word at %.0f, second at %.0f, closing bracket at %.0f", got.First, got.Second, got.Bracket)
	}
	b.screenshot("arabic-title")
}

// Latin tokens inside Arabic read in their own order as whole tokens: the
// digits, brackets and @ glued to them do not end up on the wrong side.
func TestBrowserLatinTokens(t *testing.T) {
	bt := handBitext()
	bt.Units[2].Source = "نظام Windows 11 (الإصدار 23H2) و&amp; كذلك عبر @Kremlin https://example.com/p?a=1&b=<2> ثم <img src=x onerror=alert(2)> انتهى."
	tokens := []string{"Windows 11", "23H2", "&amp;", "@Kremlin https://example.com/p?a=1&b=<2>", "<img src=x onerror=alert(2)>"}
	b := newBrowser(t)
	b.open(render(t, bt, Options{}), 1280)
	list, _ := json.Marshal(tokens)
	var s string
	b.eval("measure", `(() => {
		const cell = document.getElementById('u3').parentNode.querySelector('.src'), nodes = [];
		const w = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
		let n, text = '';
		while ((n = w.nextNode())) { nodes.push([n, text.length]); text += n.data; }
		const x = i => {
			let k = nodes.length - 1;
			while (nodes[k][1] > i) k--;
			const r = document.createRange(), node = nodes[k][0], o = i - nodes[k][1];
			r.setStart(node, o); r.setEnd(node, o + 1);
			const b = r.getBoundingClientRect();
			return b.left + b.width / 2;
		};
		return JSON.stringify(`+string(list)+`.map(t => {
			const at = text.indexOf(t);
			return {token: t, xs: at < 0 ? [] : [...t].map((_, k) => x(at + k))};
		}));
	})()`, &s)
	var got []struct {
		Token string
		Xs    []float64
	}
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		t.Fatal(err)
	}
	for _, g := range got {
		if len(g.Xs) == 0 {
			t.Errorf("%q not found in the Arabic cell", g.Token)
			continue
		}
		for k := 1; k < len(g.Xs); k++ {
			if g.Token[k] != ' ' && g.Token[k-1] != ' ' && g.Xs[k] <= g.Xs[k-1] {
				t.Errorf("%q does not read left to right: %q at %.0f, then %q at %.0f", g.Token, g.Token[k-1], g.Xs[k-1], g.Token[k], g.Xs[k])
				break
			}
		}
	}
	b.screenshot("latin-tokens")
}

// A link to a sentence (page.html#ID, the unit's id) opens the page scrolled
// to that sentence, in two columns and stacked, and marks both its cells.
func TestBrowserPermalink(t *testing.T) {
	b := newBrowser(t)
	bt := sampleTranslated(t)
	id := bt.Units[len(bt.Units)/2].ID
	path := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(path, []byte(render(t, bt, Options{})), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{1280, 375} {
		b.viewport(width)
		b.do("open about:blank", chromedp.Navigate("about:blank"))
		b.do("follow the link", chromedp.Navigate("file://"+path+"#"+id))
		var s string
		b.eval("where", fmt.Sprintf(`JSON.stringify((() => {
			const u = [...document.querySelectorAll('.u')].find(u => u.querySelector('#%[1]s'));
			const en = u.querySelector('.tgt');
			return {y: scrollY, top: en.getBoundingClientRect().top, h: innerHeight,
				en: getComputedStyle(en).backgroundColor, ar: getComputedStyle(u.querySelector('.src')).backgroundColor};
		})())`, id), &s)
		var got struct {
			Y, Top, H float64
			En, Ar    string
		}
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Fatal(err)
		}
		if got.Y == 0 || got.Top < -1 || got.Top > got.H/3 {
			t.Errorf("%d px: the link to %s leaves the page scrolled to %.0f, its English at %.0f px of %.0f", width, id, got.Y, got.Top, got.H)
		}
		if got.En != highlight || got.Ar != highlight {
			t.Errorf("%d px: the linked sentence is not marked: English %s, Arabic %s", width, got.En, got.Ar)
		}
		b.screenshot(fmt.Sprintf("permalink-%d", width))
	}
}

// hostPage is a site's article template with its own styles for the names
// the page also uses (h1, main, a, .block, .meta, .c, .src), calling the page's
// parts as a CMS template would: the article whole, or its parts alone.
const hostPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{{if .CSS}}{{template "bitext-style" .}}{{end}}
<style>:root{--ink:#00f}body{margin:5px;font:13px/1.2 Arial,sans-serif;color:var(--ink)}h1{font-size:30px;margin:3px}main{padding:1px}
.block{display:block;border:1px solid #999;margin:7px;padding:9px}.meta{color:#888}.c{margin:0 0 40px}.src{float:left}p{margin:0 0 20px}h2{font-size:40px}</style>
<title>{{.Title}}</title></head><body><header class="site"><h1 class="site-name">Daily News</h1><p class="meta">Tuesday</p></header>
<main><div class="block sidebar"><a href="/world">World</a><p class="c">Most read</p></div>
{{if .Clean}}{{template "bitext-header" .}}{{template "bitext-blocks" .}}{{else}}{{template "bitext-article" .}}{{end}}</main></body></html>`

// The page's stylesheet embedded in a site's template changes none of the
// site's own elements, and the site's styles for the same names do not
// break the page's columns.
func TestBrowserEmbedded(t *testing.T) {
	b := newBrowser(t)
	bt := sampleTranslated(t)
	withCSS, err := ParseTemplate("site.html", hostPage)
	if err != nil {
		t.Fatal(err)
	}
	host := `JSON.stringify(['body', 'header.site', 'h1.site-name', 'p.meta', 'main', 'div.sidebar', 'div.sidebar a', 'div.sidebar p'].map(sel => {
		const e = document.querySelector(sel), s = getComputedStyle(e), r = e.getBoundingClientRect();
		return sel + ': ' + ['font', 'color', 'margin', 'padding', 'box-sizing', 'max-width', 'border'].map(p => s.getPropertyValue(p)).join(' | ') + ' @' + [r.left, r.width].join(',');
	}))`
	for _, parts := range []bool{false, true} {
		// Clean selects the template's branch that calls the parts alone.
		opts := Options{Template: withCSS, Clean: parts}
		html := render(t, bt, opts)
		bare := strings.Replace(html, "<style>"+css+"</style>", "", 1)
		if bare == html {
			t.Fatal("the site page does not hold the stylesheet")
		}
		var want, got []string
		b.open(bare, 1280)
		b.eval("site alone", host, new(string))
		var s string
		b.eval("site alone", host, &s)
		json.Unmarshal([]byte(s), &want)
		b.open(html, 1280)
		b.eval("site with the page", host, &s)
		json.Unmarshal([]byte(s), &got)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("parts alone %v: the page's stylesheet changes the site's\n%s\nto\n%s", parts, want[i], got[i])
			}
		}
		b.screenshot(fmt.Sprintf("embedded-%v", parts))
		for _, r := range b.rows() {
			if math.Abs(r.Src.Top-r.Tgt.Top) > 2 || r.Tgt.Right > r.Src.Left || r.Src.Dir != "rtl" {
				t.Errorf("parts alone %v, row %s: English %.0f–%.0f at %.0f, Arabic %.0f–%.0f at %.0f (%s): not side by side", parts, r.ID, r.Tgt.Left, r.Tgt.Right, r.Tgt.Top, r.Src.Left, r.Src.Right, r.Src.Top, r.Src.Dir)
				break
			}
		}
	}
}

// A gist sentence, and one with no translation, is marked as such wherever a
// reader meets it: on the page for editors, on the page for publishing
// (Clean) and on paper, so that a page never passes a gist off as a
// translation, nor an English paragraph that lacks a sentence as whole.
func TestBrowserMarksForReaders(t *testing.T) {
	b := newBrowser(t)
	bt := sampleTranslated(t)
	mark := map[string]string{}
	for i := range bt.Units {
		switch u := &bt.Units[i]; {
		case u.Kind == doc.Boilerplate:
		case i%3 == 1:
			u.State = doc.StateGist
			mark[u.ID] = "gist only"
		case i%5 == 2:
			u.State, u.Target = doc.StateNew, ""
			mark[u.ID] = "no translation"
		}
	}
	bt.Units[0].AddFlag(doc.FlagLowConfidence)
	for _, clean := range []bool{false, true} {
		b.open(render(t, bt, Options{Clean: clean}), 1280)
		for _, media := range []string{"screen", "print"} {
			b.media(media)
			var s string
			b.eval("marks", `JSON.stringify(Object.fromEntries([...document.querySelectorAll('.u')].map(u => {
				const en = u.querySelector('.tgt');
				return [en.id, [...en.querySelectorAll('.flag')].filter(f => getComputedStyle(f).display !== 'none' && f.getClientRects().length > 0).map(f => f.textContent)];
			})))`, &s)
			var marks map[string][]string
			if err := json.Unmarshal([]byte(s), &marks); err != nil {
				t.Fatal(err)
			}
			for id, shown := range marks {
				// Readers (clean, print) see that mark alone; editors may see more.
				want := mark[id]
				if want != "" && !slices.Contains(shown, want) {
					t.Errorf("clean %v, %s: sentence %s shows %q, want the mark %q", clean, media, id, shown, want)
				}
				if n := map[bool]int{true: 1}[want != ""]; (clean || media == "print") && len(shown) != n {
					t.Errorf("clean %v, %s: sentence %s shows %q, want %d mark(s)", clean, media, id, shown, n)
				}
			}
			b.screenshot(fmt.Sprintf("marks-clean-%v-%s", clean, media))
		}
	}
}

// Embedded in a right-to-left page (a site's Arabic edition), the page keeps
// its own layout: English on the left as the legend says, and its English
// header and legend read left to right.
func TestBrowserEmbeddedRightToLeft(t *testing.T) {
	b := newBrowser(t)
	site, err := ParseTemplate("site.html", strings.Replace(hostPage, `<html lang="en">`, `<html lang="ar" dir="rtl">`, 1))
	if err != nil {
		t.Fatal(err)
	}
	bt := sampleTranslated(t)
	for _, parts := range []bool{false, true} {
		b.open(render(t, bt, Options{Template: site, Clean: parts, Source: "AFP", Date: "2023-09-05"}), 1280)
		b.screenshot(fmt.Sprintf("rtl-site-%v", parts))
		var s string
		b.eval("directions", `JSON.stringify([...document.querySelectorAll('.bitext .byline, .bitext.legend p, section.bitext, .bitext h1')].map(e => e.tagName + '.' + e.className + ' ' + getComputedStyle(e).direction + ' ' + e.closest('[lang]').lang))`, &s)
		var dirs []string
		if err := json.Unmarshal([]byte(s), &dirs); err != nil {
			t.Fatal(err)
		}
		for _, d := range dirs {
			if !strings.HasSuffix(d, " ltr en") {
				t.Errorf("parts alone %v: %s, want ltr and en", parts, d)
			}
		}
		for _, r := range b.rows() {
			if r.Tgt.Right > r.Src.Left {
				t.Errorf("parts alone %v, row %s: English %.0f–%.0f is not left of Arabic %.0f–%.0f", parts, r.ID, r.Tgt.Left, r.Tgt.Right, r.Src.Left, r.Src.Right)
				break
			}
		}
	}
}

// TestBrowserNotesByKeyboard: the glossary notes and the flags'
// explanations, tooltips for the pointer, are shown in a sentence reached
// with Tab and are part of what a screen reader reads for it; a sentence
// clicked with the mouse, or not focused, looks as before.
func TestBrowserNotesByKeyboard(t *testing.T) {
	b := newBrowser(t)
	b.open(render(t, handBitext(), Options{}), 1280)
	after := func(sel string) string {
		var s string
		b.eval("::after of "+sel, fmt.Sprintf(`getComputedStyle(document.querySelector(%q), '::after').content`, sel), &s)
		return s
	}
	tabTo := func(id string) {
		for range 12 {
			b.do("Tab", chromedp.KeyEvent("\t"))
			var at string
			if b.eval("focused", `document.activeElement.id`, &at); at == id {
				return
			}
		}
		t.Fatalf("Tab never reaches #%s", id)
	}
	const note = "US national security adviser"
	if got := after("#u2 .term"); strings.Contains(got, note) {
		t.Errorf("a sentence not focused shows its note: %s", got)
	}
	tabTo("u2")
	if got := after("#u2 .term"); !strings.Contains(got, note) {
		t.Errorf("the sentence reached with Tab does not show its glossary note: ::after %s", got)
	}
	if name := b.focusedName(); !strings.Contains(name, note) {
		t.Errorf("a screen reader hears %q for the sentence reached with Tab, without its glossary note", name)
	}
	tabTo("u3")
	if got := after("#u3 .flag"); !strings.Contains(got, "No translation yet") {
		t.Errorf("the flagged sentence reached with Tab does not explain its flag: ::after %s", got)
	}
	if got := after("#u2 .term"); strings.Contains(got, note) {
		t.Errorf("the sentence left still shows its note: %s", got)
	}
	// a click focuses the sentence too, but shows no more than hovering does
	var s string
	b.eval("locate", `JSON.stringify((r => [r.left + 5, r.top + 5])(document.getElementById('u2').getBoundingClientRect()))`, &s)
	var at [2]float64
	if err := json.Unmarshal([]byte(s), &at); err != nil {
		t.Fatal(err)
	}
	b.do("click", chromedp.MouseClickXY(at[0], at[1]))
	var focused string
	if b.eval("focused", `document.activeElement.id`, &focused); focused != "u2" {
		t.Fatalf("the click focused %q, not u2", focused)
	}
	if got := after("#u2 .term"); strings.Contains(got, note) {
		t.Errorf("a sentence clicked with the mouse shows its note inline: %s", got)
	}
	b.screenshot("notes-by-keyboard")
}

// focusedName is the accessible name of the focused element, as Chromium
// gives it to screen readers.
func (b *browser) focusedName() string {
	b.t.Helper()
	var name string
	b.do("accessibility tree", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			return err
		}
		for _, n := range tree.Nodes {
			for _, p := range n.Properties {
				// the document is focused too: skip it
				if p.Name == accessibility.PropertyNameFocused && string(p.Value.Value) == "true" && n.Name != nil && n.ParentID != "" {
					return json.Unmarshal(n.Name.Value, &name)
				}
			}
		}
		return nil
	}))
	return name
}

// TestBrowserForcedColors: in Windows' high-contrast mode (forced colors),
// which drops every background, the partner of the sentence under focus is
// still marked (outlined), and a flag is still a framed chip, not words run
// on into the sentence; in ordinary colours the chip keeps its size.
func TestBrowserForcedColors(t *testing.T) {
	b := newBrowser(t)
	html := render(t, handBitext(), Options{})
	const js = `JSON.stringify((() => {
		const chip = getComputedStyle(document.querySelector('#u3 .flag'));
		const partner = getComputedStyle(document.getElementById('u2').parentNode.querySelector('.src'));
		const other = getComputedStyle(document.getElementById('u3').parentNode.querySelector('.src'));
		return {chip: chip.borderTopStyle + ' ' + chip.borderTopColor, box: chip.paddingTop + ' ' + chip.borderTopWidth + ' ' + chip.paddingLeft,
			partner: partner.outlineStyle, other: other.outlineStyle};
	})())`
	var got [2]struct{ Chip, Box, Partner, Other string }
	for i, forced := range []string{"none", "active"} {
		b.do("forced-colors "+forced, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "forced-colors", Value: forced}}})
			return err
		}))
		b.open(html, 1280)
		b.eval("focus", `document.getElementById('u2').focus(); 0`, nil)
		var s string
		b.eval("styles", js, &s)
		if err := json.Unmarshal([]byte(s), &got[i]); err != nil {
			t.Fatal(err)
		}
		b.screenshot("forced-colors-" + forced)
	}
	plain, forced := got[0], got[1]
	if forced.Partner == "none" || forced.Other != "none" {
		t.Errorf("forced colours: the focused sentence's partner has outline %s (another row's %s): not marked", forced.Partner, forced.Other)
	}
	transparent := func(colour string) bool {
		return strings.HasPrefix(colour, "rgba(") && strings.HasSuffix(colour, ", 0)")
	}
	if style, colour, _ := strings.Cut(forced.Chip, " "); style != "solid" || transparent(colour) {
		t.Errorf("forced colours: a flag has no visible frame: border %s", forced.Chip)
	}
	if _, colour, _ := strings.Cut(plain.Chip, " "); !transparent(colour) {
		t.Errorf("ordinary colours: a flag's border shows: %s", plain.Chip)
	}
	if plain.Box != "1px 1px 4px" {
		t.Errorf("ordinary colours: a flag's padding and border are %s, want 1px 1px 4px (the 2px 5px of before)", plain.Box)
	}
}

// contrastJS lists the text whose colour stands out from the background
// behind it by less than 4.5:1 (WCAG 2.2 AA for body text), with the figures.
const contrastJS = `JSON.stringify((() => {
	const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
	const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
	const back = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
	const bad = [], w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	let n = 0;
	for (let t; t = w.nextNode();) {
		const e = t.parentElement;
		if (!t.data.trim() || !e.getClientRects().length) continue;
		const fg = lum(rgb(getComputedStyle(e).color)), bg = lum(back(e));
		const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
		n++;
		if (ratio < 4.5) bad.push(ratio.toFixed(2) + ':1 ' + e.tagName + '.' + e.className + ' ' + t.data.trim().slice(0, 30));
	}
	return {n, bad};
})())`

// TestBrowserContrast: every text of the page (English, Arabic, legend,
// byline, banner, flags, boilerplate), as it is drawn and with a row
// highlighted, stands out from its background by 4.5:1 at least.
func TestBrowserContrast(t *testing.T) {
	b := newBrowser(t)
	bt := handBitext()
	bt.Units[1].State = doc.StateGist // the gist banner and chip
	b.open(render(t, bt, Options{Source: "AFP", Date: "5 Sept"}), 1280)
	check := func(state string) {
		var s string
		b.eval("contrast", contrastJS, &s)
		var got struct {
			N   int
			Bad []string
		}
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Fatal(err)
		}
		if got.N < 10 {
			t.Fatalf("%s: only %d texts checked", state, got.N)
		}
		for _, bad := range got.Bad {
			t.Errorf("%s: contrast %s", state, bad)
		}
	}
	check("page")
	b.eval("focus", `document.getElementById('u3').focus(); 0`, nil)
	check("flagged row under focus")
}
