package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bitext/internal/filelock"
	"bitext/internal/testenv"
)

// copyGlossary copies the project's glossary into a temporary folder.
func copyGlossary(t *testing.T) (dir string, original []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "glossary.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "glossary.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, data
}

func TestGlossaryAddRemove(t *testing.T) {
	dir, original := copyGlossary(t)
	r := runBitext(t, dir, "", "glossary", "add", "سيرغي لافروف", "Sergei Lavrov", "--type", "person", "--note", "Russian foreign minister", "--variant", "سيرجي لافروف")
	if r.code != 0 {
		t.Fatalf("add: exit %d: %s", r.code, r.stderr)
	}
	added, _ := os.ReadFile(filepath.Join(dir, "glossary.yaml"))
	if !strings.HasPrefix(string(added), string(original)) {
		t.Errorf("add changed the existing text")
	}
	checkGolden(t, "glossary-add.yaml", added[len(original):])

	r = runBitext(t, dir, "", "glossary", "add", "موسكو", "Moskva")
	if r.code != 1 || !strings.Contains(r.stderr, "duplicate term") {
		t.Errorf("duplicate add: exit %d, %s", r.code, r.stderr)
	}
	r = runBitext(t, dir, "", "glossary", "add", "لافروف")
	if r.code != 2 {
		t.Errorf("add without English: exit %d, want 2", r.code)
	}

	r = runBitext(t, dir, "", "glossary", "remove", "سيرجي لافروف")
	if r.code != 0 {
		t.Fatalf("remove: exit %d: %s", r.code, r.stderr)
	}
	back, _ := os.ReadFile(filepath.Join(dir, "glossary.yaml"))
	if string(back) != string(original) {
		t.Errorf("add then remove did not give the file back")
	}

	r = runBitext(t, dir, "", "glossary", "remove", "سوليفان")
	if r.code != 0 {
		t.Fatalf("remove: exit %d: %s", r.code, r.stderr)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "glossary.yaml"))
	if want := strings.Replace(string(original), "  - ar: سوليفان\n    en: Sullivan\n    type: person\n", "", 1); string(after) != want {
		t.Errorf("remove سوليفان:\n%s", firstDiff(want, string(after)))
	}
	if r := runBitext(t, dir, "", "glossary", "remove", "باريس"); r.code != 1 {
		t.Errorf("remove a missing term: exit %d, want 1", r.code)
	}
	// A term that is there with another English rendering is not "missing".
	r = runBitext(t, dir, "", "glossary", "remove", "موسكو", "--en", "Moskva")
	if r.code != 1 || !strings.Contains(r.stderr, `"موسكو" is in the glossary with the English rendering "Moscow", not "Moskva"`) {
		t.Errorf("remove with another English: exit %d, stderr %s", r.code, r.stderr)
	}
}

// Adding a term the glossary holds names the entry that holds it, not the
// line the new entry would have taken.
func TestGlossaryAddExistingTermNamesItsEntry(t *testing.T) {
	dir := t.TempDir()
	g := filepath.Join(dir, "g.yaml")
	os.WriteFile(g, []byte("terms:\n  - ar: بوتين\n    en: Putin\n"), 0o644)
	r := runBitext(t, dir, "", "glossary", "add", "-g", g, "بوتين", "Poutine")
	if r.code != 1 || !strings.Contains(r.stderr, `duplicate term "بوتين" (first at `+g+`:2)`) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(g); strings.Contains(string(data), "Poutine") {
		t.Error("the glossary was changed")
	}
}

// Type names of other tools are understood, an unknown one is a usage
// error, and an empty context word or a line break in the English is refused.
func TestGlossaryAddChecksItsFlags(t *testing.T) {
	dir := t.TempDir()
	r := runBitext(t, dir, "", "glossary", "add", "-g", "g.yaml", "تركيا", "Turkey", "--type", "Country")
	if data, _ := os.ReadFile(filepath.Join(dir, "g.yaml")); r.code != 0 || !strings.Contains(string(data), "type: place") {
		t.Errorf("--type Country: exit %d, %s\n%s", r.code, r.stderr, data)
	}
	for _, args := range [][]string{
		{"لندن", "London", "--type", "town"},
		{"روما", "Rome", "--context", ""},
	} {
		if r := runBitext(t, dir, "", append([]string{"glossary", "add", "-g", "g.yaml"}, args...)...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2; %s", args, r.code, r.stderr)
		}
	}
	if r := runBitext(t, dir, "", "glossary", "add", "-g", "g.yaml", "باريس", "Par\nis"); r.code != 1 || !strings.Contains(r.stderr, "line break") {
		t.Errorf("a line break in en: exit %d, %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "glossary", "add", "-g", "g.yaml", "الأمن", "Security"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := runBitext(t, dir, "", "glossary", "check", "-q", "-g", "g.yaml"); r.code != 0 || r.stdout != "" {
		t.Errorf("check -q printed %q", r.stdout)
	}
	if r := runBitext(t, dir, "", "glossary", "check", "-g", "g.yaml"); !strings.Contains(r.stdout, "note:") || !strings.Contains(r.stdout, "2 entries") {
		t.Errorf("check: %q", r.stdout)
	}
}

// A glossary reached through a symbolic link (a shared glossary linked into
// each desk's folder) is locked in the folder that holds it, so that edits
// made through different links wait for one another.
func TestGlossaryAddLocksTheLinkedFile(t *testing.T) {
	shared, _ := copyGlossary(t)
	desk := t.TempDir()
	link := filepath.Join(desk, "glossary.yaml")
	if err := os.Symlink(filepath.Join(shared, "glossary.yaml"), link); err != nil {
		t.Skip(err)
	}
	unlock, err := filelock.LockFolderOf(filepath.Join(shared, "glossary.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan result)
	go func() {
		done <- runBitext(t, "", "", "glossary", "add", "-g", link, "سيرغي لافروف", "Sergei Lavrov")
	}()
	select {
	case r := <-done:
		unlock()
		t.Fatalf("add did not wait for the lock of %s: exit %d %s", shared, r.code, r.stderr)
	case <-time.After(300 * time.Millisecond):
	}
	unlock()
	if r := <-done; r.code != 0 {
		t.Fatalf("add: exit %d: %s", r.code, r.stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
}

// A glossary in a folder that does not exist is named, with the folder.
func TestGlossaryAddMissingFolder(t *testing.T) {
	dir := t.TempDir()
	r := runBitext(t, dir, "", "glossary", "add", "-g", "desk/glossary.yaml", "سيرغي لافروف", "Sergei Lavrov")
	if r.code != 1 || !strings.Contains(r.stderr, "desk/glossary.yaml") || !strings.Contains(r.stderr, "no folder desk") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
}

// A term pasted from an Arabic page carries invisible direction marks: they
// are not written into the glossary, where the English one would go into
// every translation.
func TestGlossaryAddStripsDirectionMarks(t *testing.T) {
	dir := t.TempDir()
	r := runBitext(t, dir, "", "glossary", "add", "\u200fدمشق\u200f", "\u200eDamascus\u200e", "--variant", "دمشق الشام\u200f")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "glossary.yaml"))
	if !strings.Contains(string(data), "- ar: دمشق\n    en: Damascus\n    variants: [دمشق الشام]\n") {
		t.Errorf("glossary:\n%q", data)
	}
}
