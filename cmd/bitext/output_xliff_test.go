package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Both XLIFF versions are written as .xlf: an output that replaces a file of
// the other version says so, and one of the same version does not.
func TestXLIFFOutputReplacingTheOtherVersion(t *testing.T) {
	dir := sampleDir(t)
	run := func(args ...string) string {
		t.Helper()
		r := runBitext(t, dir, "", append([]string{"translate", "--no-tm", "--engine", "gist"}, args...)...)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		return r.stderr
	}
	run("-f", "xliff", "article.txt")
	stderr := run("-f", "xliff2", "article.txt")
	if want := "warning: replaced article.xlf, an XLIFF 1.2 file, with XLIFF 2.1 (--format xliff2)"; !strings.Contains(stderr, want) {
		t.Errorf("1.2 replaced by 2.1: stderr lacks %q:\n%s", want, stderr)
	}
	if !strings.Contains(stderr, "--format xliff writes XLIFF 1.2 again") {
		t.Errorf("the warning does not say how to write 1.2 again:\n%s", stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "article.xlf"))
	if !strings.Contains(string(data), `version="2.1"`) {
		t.Error("article.xlf is not XLIFF 2.1")
	}
	if stderr := run("-q", "-f", "xliff2", "article.txt"); stderr != "" {
		t.Errorf("2.1 replaced by 2.1: %q", stderr)
	}
	// an update written as the other version over its own file
	if stderr := run("-f", "xliff", "--update", "article.xlf", "article.txt"); !strings.Contains(stderr, "warning: replaced article.xlf, an XLIFF 2 file, with XLIFF 1.2 (--format xliff)") {
		t.Errorf("2.1 replaced by 1.2: %s", stderr)
	}
	if stderr := run("-q", "--update", "article.xlf", "article.txt"); stderr != "" {
		t.Errorf("an update in its own version: %q", stderr)
	}
	// a file that is not XLIFF is replaced as before
	os.WriteFile(filepath.Join(dir, "notes.xlf"), []byte("version=\"1.2\" notes\n"), 0o644)
	if stderr := run("-q", "-f", "xliff2", "-o", "notes.xlf", "article.txt"); stderr != "" {
		t.Errorf("a file that is not XLIFF: %q", stderr)
	}
}

// The TMX written next to an omegat-flavour file holds the machine drafts
// but never a word-by-word gist, as --format tmx does not; stderr names it
// and says when it holds no pairs.
func TestOmegatTMXLeavesOutGist(t *testing.T) {
	dir := sampleDir(t)
	cases := []struct {
		engine, want string
		pairs        bool
	}{
		{"gist", "bitext: wrote gist.tmx with no pairs: the drafts are a word-by-word gist", false},
		{"test-draft", "machine drafts for the OmegaT project's tm/ folder)", true},
	}
	for _, c := range cases {
		out := strings.ReplaceAll(c.engine, "test-", "") + ".xlf"
		r := runBitext(t, dir, "", "translate", "--engine", c.engine, "--format", "xliff", "--flavour", "omegat", "-o", out, "article.txt")
		if r.code != 0 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %s; want %q", c.engine, r.code, r.stderr, c.want)
		}
		data, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(out, ".xlf")+".tmx"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), `<prop type="x-bitext-state">gist</prop>`) {
			t.Errorf("%s: the TMX holds gist pairs", c.engine)
		}
		if got := strings.Contains(string(data), "<tu "); got != c.pairs {
			t.Errorf("%s: pairs in the TMX: %v, want %v", c.engine, got, c.pairs)
		}
	}
	// convert says the same
	r := runBitext(t, dir, "", "convert", "--format", "xliff", "--flavour", "omegat", "-o", "again.xlf", "gist.xlf")
	if r.code != 0 || !strings.Contains(r.stderr, "bitext: wrote again.tmx with no pairs") {
		t.Errorf("convert: exit %d, stderr %s", r.code, r.stderr)
	}
}

// An omegat-flavour file holds a copy of the source in every target, so an
// update of a file the translator worked on in OmegaT puts the translations
// it keeps into the companion TMX, where OmegaT finds them as exact matches:
// written nowhere, they would be lost to a new OmegaT project.
func TestOmegatUpdateKeepsTranslationsInTMX(t *testing.T) {
	privateMemory(t)
	dir := draftedXLIFF(t, "--format", "xliff", "--flavour", "omegat")
	path := filepath.Join(dir, "article.xlf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// What OmegaT writes: the translator's English in the first target.
	loc := xlTarget.FindSubmatchIndex(data)
	if loc == nil {
		t.Fatal("no target")
	}
	const mine = "The translator's own sentence."
	data = append(append(append([]byte{}, data[:loc[4]]...), mine...), data[loc[5]:]...)
	if err := os.WriteFile(filepath.Join(dir, "done.xlf"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The earlier file's flavour is kept without --flavour: a standard file
	// would show OmegaT the English drafts as the text to translate.
	for _, flags := range [][]string{{"--flavour", "omegat"}, nil} {
		args := append([]string{"translate", "--engine", "test-draft", "--update", "done.xlf", "-o", "new.xlf", "article.txt"}, flags...)
		r := runBitext(t, dir, "", args...)
		if r.code != 0 {
			t.Fatalf("update %v: exit %d: %s", flags, r.code, r.stderr)
		}
		tmx, err := os.ReadFile(filepath.Join(dir, "new.tmx"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(tmx), "<seg>"+strings.ReplaceAll(mine, "'", "&apos;")+"</seg>") && !strings.Contains(string(tmx), "<seg>"+mine+"</seg>") {
			t.Errorf("update %v: the translator's translation is in neither new.xlf's targets nor new.tmx:\n%.600s", flags, tmx)
		}
		if !strings.Contains(r.stderr, "and 1 translation kept from the earlier file") {
			t.Errorf("update %v: stderr does not say the TMX holds the kept translation: %s", flags, r.stderr)
		}
		out, err := os.ReadFile(filepath.Join(dir, "new.xlf"))
		if err != nil || !strings.Contains(string(out), `category="x-bitext-omegat"`) {
			t.Errorf("update %v: new.xlf is not omegat-flavoured (%v)", flags, err)
		}
		if err := os.Remove(filepath.Join(dir, "new.tmx")); err != nil {
			t.Fatal(err)
		}
	}
}
