package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/translate/enginetest"
)

// TestTranslateNumberMismatch: an engine that drops a figure gets the unit
// marked on the page and in the XLIFF, with the figure named, and counted
// in the summary line and the --json report.
func TestTranslateNumberMismatch(t *testing.T) {
	dir := t.TempDir()
	article := "قالت الوزارة إن ١٬٢٥٠ شخصا قتلوا وأصيب 3 آلاف.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	f := &enginetest.Fake{Answer: func(string) string { return "The ministry said 125 people were killed and 3,000 injured." }}
	url := libreServer(t, f)
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", url, "--no-cache", "-o", "-", "a.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"check numbers", "the source&#39;s ١٬٢٥٠ is 125 in the translation"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "the source&#39;s 3") {
		t.Errorf("3 آلاف against 3,000 called a mismatch")
	}
	if !strings.Contains(r.stderr, "0 glossary violations, 1 number mismatch, 0 damaged") {
		t.Errorf("summary line: %q", r.stderr)
	}
	r = runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", url, "--no-cache", "-f", "xliff", "-o", "-", "a.txt")
	for _, want := range []string{`<note from="bitext">number mismatch: the source's ١٬٢٥٠ is 125 in the translation</note>`, ">number-mismatch</note>"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("XLIFF lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", url, "--no-cache", "--json", "-o", "a.html", "a.txt")
	for _, want := range []string{`"number_mismatches": 1`, `"number-mismatch": 1`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--json report lacks %q:\n%s", want, r.stdout)
		}
	}
}
