package review

// Browser test: the report rendered by headless Chromium (as htmlpage's
// browser tests do), skipped without one unless CI=true.

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"bitext/internal/testenv"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
)

// TestBrowserReportReflows: at 320 px (a phone, or 1280 px zoomed to 400%)
// the report needs no sideways scrolling, its units stacked one under the
// other; they stay a table with headers for screen readers, and wide screens
// keep the table's columns.
func TestBrowserReportReflows(t *testing.T) {
	path := testenv.Chromium(t)
	r := Compute(reviewed())
	r.Units[0].Source = "قال الرئيس الروسي فلاديمير بوتين للصحفيين في موسكو اليوم الثلاثاء إن القمة ستعقد قريبا"
	file := filepath.Join(t.TempDir(), "report.html")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteHTML(f); err != nil {
		t.Fatal(err)
	}
	f.Close()

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(path), chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.Flag("no-sandbox", true),
		chromedp.Flag("hide-scrollbars", true), chromedp.Flag("force-device-scale-factor", "1"))
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(alloc)
	defer cancelTab()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		testenv.BrowserUnavailable(t, "chromium (%s) did not start: %v", path, err)
	}

	const js = `JSON.stringify({scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  display: getComputedStyle(document.querySelector('.units td')).display,
  headers: document.querySelectorAll('.units th[scope=col]').length})`
	for _, c := range []struct {
		width   int64
		display string
	}{{320, "block"}, {1280, "table-cell"}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(c.width, 900), chromedp.Navigate("file://"+file)); err != nil {
			t.Fatalf("chromium: %v", err)
		}
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js))
		if err != nil {
			t.Fatal(err)
		}
		var s string
		json.Unmarshal(raw, &s)
		var got struct {
			Scroll    float64
			Display   string
			Headers   int
			RowHeader string
		}
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		if got.Scroll > 0 {
			t.Errorf("at %d px the report scrolls sideways by %.0f px", c.width, got.Scroll)
		}
		if got.Display != c.display {
			t.Errorf("at %d px the units' cells are %s, want %s", c.width, got.Display, c.display)
		}
		if got.Headers != 4 {
			t.Errorf("at %d px the units table has %d column headers, want 4", c.width, got.Headers)
		}
		// what a screen reader is given: the table's headers, stacked or not
		roles := map[string]int{}
		err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
			if err != nil {
				return err
			}
			for _, n := range tree.Nodes {
				var role string
				if !n.Ignored && n.Role != nil && json.Unmarshal(n.Role.Value, &role) == nil {
					roles[role]++
				}
			}
			return nil
		}))
		if err != nil {
			t.Fatal(err)
		}
		if units := len(r.Units); roles["columnheader"] != 4 || roles["rowheader"] < units {
			t.Errorf("at %d px the accessibility tree has %d column headers and %d row headers, want 4 and %d or more", c.width, roles["columnheader"], roles["rowheader"], units)
		}
	}
}
