package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"bitext/doc"
	"bitext/internal/testenv"
	"bitext/tmx"
	"bitext/xliff"
)

func init() {
	// Tests never touch the user's own memory. The default points below the
	// test binary, a file, where no memory can be created: a test that
	// publishes without privateMemory or --tm fails instead of leaving a
	// memory behind for the translate tests to find. It is the data folder
	// that points there, not $BITEXT_TM, which translate warns about when it
	// names no file.
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	os.Unsetenv(memoryEnv)
	os.Setenv("XDG_DATA_HOME", exe)
}

// privateMemory makes the default memory a file of the test's own, not yet
// created, and returns its path.
func privateMemory(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "data", "memory.db")
	t.Setenv(memoryEnv, p)
	return p
}

func tmTestdata(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join(testenv.RepoRoot(t), "tm", "testdata", name)
}

func TestTMCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	r := runBitext(t, "", "", "tm", "import", "--tm", db, tmTestdata(t, "memory.tmx"), tmTestdata(t, "reviewed12.xlf"))
	if r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "memory.tmx: 4 added, 0 already there, 0 skipped (tmx)") ||
		!strings.Contains(r.stdout, "reviewed12.xlf: 2 added, 0 already there, 4 skipped (xliff; 2 not approved, which --all imports; 1 boilerplate; 1 without a translation)") {
		t.Errorf("import said %q", r.stdout)
	}

	r = runBitext(t, "", "", "tm", "stats", "--tm", db, "--json")
	var s struct {
		Entries  int            `json:"entries"`
		Pairs    map[string]int `json:"pairs"`
		Articles int            `json:"articles"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil || s.Entries != 6 || s.Pairs["ar→en"] != 4 {
		t.Errorf("stats %q: %+v %v", r.stdout, s, err)
	}
	r = runBitext(t, "", "", "tm", "stats", "--tm", db)
	if !strings.Contains(r.stdout, "pairs:    6") || !strings.Contains(r.stdout, "per pair") {
		t.Errorf("stats text %q", r.stdout)
	}
	// --tm may also come before the subcommand, with its flags after it
	r = runBitext(t, "", "", "tm", "--tm", db, "stats", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"entries": 6`) {
		t.Errorf("tm --tm FILE stats: %d %q %q", r.code, r.stdout, r.stderr)
	}

	r = runBitext(t, "", "", "tm", "lookup", "--tm", db, "قمة بوتين و كيم")
	if r.code != 0 || !strings.Contains(r.stdout, "Putin–Kim summit") || !strings.Contains(r.stdout, "kim-putin.txt") {
		t.Errorf("lookup: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, "", "", "tm", "lookup", "--tm", db, "--json", "وقال سوليفان للصحفيين اليوم")
	var ms []struct {
		Score  float64 `json:"score"`
		Target string  `json:"target"`
		Diff   string  `json:"diff"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &ms); err != nil || len(ms) != 1 || ms[0].Target != "Sullivan told reporters" ||
		ms[0].Score >= 1 || !strings.Contains(ms[0].Diff, "{+") {
		t.Errorf("lookup json %q: %+v %v", r.stdout, ms, err)
	}
	if r := runBitext(t, "", "", "tm", "lookup", "--tm", db, "لا شيء يشبه هذا النص أبدا"); r.stdout != "no match\n" {
		t.Errorf("lookup of nothing: %q", r.stdout)
	}

	out := filepath.Join(dir, "out.tmx")
	r = runBitext(t, "", "", "tm", "export", "--tm", db, "-o", out)
	if r.code != 0 || !strings.Contains(r.stderr, "(6 pairs)") {
		t.Fatalf("export: %d %q", r.code, r.stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := tmx.Read(f)
	if err != nil || len(d.Units) != 6 {
		t.Fatalf("exported TMX: %d units, %v", len(d.Units), err)
	}
	// The export imports into a new memory as the same pairs.
	db2 := filepath.Join(dir, "m2.db")
	if r := runBitext(t, "", "", "tm", "import", "--tm", db2, out); r.code != 0 || !strings.Contains(r.stdout, "6 added") {
		t.Errorf("re-import: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

func TestTMBadUse(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	bad := filepath.Join(dir, "bad.tmx")
	good, _ := os.ReadFile(tmTestdata(t, "memory.tmx"))
	os.WriteFile(bad, []byte(strings.Replace(string(good), `<tuv xml:lang="fr">`, `<tuv>`, 1)), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"tm", "import", "--tm", db}, 2, "want one or more"},
		{[]string{"tm", "import", "--tm", db, bad}, 1, `bad.tmx: 26:12: tu "s3": <tuv> without xml:lang (nothing imported)`},
		{[]string{"tm", "import", "--tm", db, filepath.Join(dir, "missing.tmx")}, 1, "missing.tmx"},
		{[]string{"tm", "stats", "--tm", filepath.Join(dir, "none.db")}, 1, "no translation memory at"},
		{[]string{"tm", "lookup", "--tm", db}, 2, "want the text to look up"},
		{[]string{"tm", "lookup", "--tm", db, "--min-score", "2", "x"}, 2, "--min-score"},
		{[]string{"tm", "lookup", "--tm", db, "--max", "-1", "x"}, 2, "--max -1"},
		{[]string{"tm", "lookup", "--tm", db, "--max", "0", "x"}, 2, "--max 0"},
		{[]string{"tm", "export", "--tm", db, "--format", "csv"}, 2, "unknown --format"},
	}
	for _, tt := range tests {
		r := runBitext(t, "", "", tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, r.code, r.stderr, tt.code, tt.want)
		}
	}
	// The bad file imported nothing: the memory it was to create is not there.
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("after a failed import: %v", err)
	}
}

// TestTMImportAllOrNothing: when one of the files is bad, whichever it is,
// tm import adds nothing, and does not leave behind a memory it created.
func TestTMImportAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile(tmTestdata(t, "memory.tmx"))
	trunc := filepath.Join(dir, "trunc.tmx")
	os.WriteFile(trunc, good[:len(good)/2], 0o644)
	xlf := tmTestdata(t, "reviewed12.xlf")
	for _, files := range [][]string{{xlf, trunc}, {trunc, xlf}} {
		db := filepath.Join(dir, "new", "m.db")
		r := runBitext(t, "", "", append([]string{"tm", "import", "--tm", db}, files...)...)
		if r.code != 1 || !strings.Contains(r.stderr, "trunc.tmx: ") || !strings.Contains(r.stderr, "nothing imported") || r.stdout != "" {
			t.Errorf("import %v: exit %d, stdout %q, stderr %q", files, r.code, r.stdout, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "new")); !os.IsNotExist(err) {
			t.Errorf("import %v left a new memory behind: %v", files, err)
		}
	}
	// An existing memory keeps what it had.
	db := filepath.Join(dir, "m.db")
	if r := runBitext(t, "", "", "tm", "import", "--tm", db, tmTestdata(t, "memory.tmx")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for _, files := range [][]string{{xlf, trunc}, {trunc, xlf}} {
		if r := runBitext(t, "", "", append([]string{"tm", "import", "--tm", db}, files...)...); r.code != 1 {
			t.Errorf("import %v: exit %d", files, r.code)
		}
		if r := runBitext(t, "", "", "tm", "stats", "--tm", db); !strings.Contains(r.stdout, "pairs:    4\n") {
			t.Errorf("after a failed import %v: %s", files, r.stdout)
		}
	}
}

func readJSONBitext(t *testing.T, s string) *doc.Bitext {
	t.Helper()
	var bt doc.Bitext
	if err := json.Unmarshal([]byte(s), &bt); err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	return &bt
}

// TestTranslateWithMemoryAndUpdate: the memory translates what it knows, and
// an update keeps the editor's work on unchanged sentences.
func TestTranslateWithMemoryAndUpdate(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	v1 := filepath.Join(dir, "article-v1.txt")
	os.WriteFile(v1, article, 0o644)

	// A memory that knows the first subheading.
	db := filepath.Join(dir, "m.db")
	tmxFile := filepath.Join(dir, "m.tmx")
	os.WriteFile(tmxFile, []byte(`<tmx version="1.4"><header srclang="ar"/><body>
<tu tuid="h"><prop type="x-bitext-article">older.txt</prop><tuv xml:lang="ar"><seg>قمة بوتين وكيم</seg></tuv><tuv xml:lang="en"><seg>The Putin–Kim summit</seg></tuv></tu>
</body></tmx>`), 0o644)
	if r := runBitext(t, "", "", "tm", "import", "--tm", db, tmxFile); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := runBitext(t, "", "", "translate", "--tm", db, "--glossary", filepath.Join(testenv.RepoRoot(t), "glossary.yaml"), "--format", "json", "-o", "-", v1)
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	bt := readJSONBitext(t, r.stdout)
	found := false
	for _, u := range bt.Units {
		if u.Source == "قمة بوتين وكيم" {
			found = true
			if u.Target != "The Putin–Kim summit" || u.State != doc.StateMemory || u.Origin != "memory" {
				t.Errorf("heading from memory: %+v", u)
			}
		} else if u.State == doc.StateMemory {
			t.Errorf("unit %s from memory: %+v", u.ID, u)
		}
	}
	if !found {
		t.Fatal("no heading unit")
	}
	if r := runBitext(t, "", "", "translate", "--tm", db, "--no-tm", "--format", "json", "-o", "-", v1); strings.Contains(r.stdout, `"memory"`) {
		t.Error("--no-tm still used the memory")
	}

	// The editor reviews v1: every unit gets a target and state reviewed.
	for k := range bt.Units {
		u := &bt.Units[k]
		if u.Kind != doc.Boilerplate {
			u.Target = "Reviewed " + u.ID + "."
			u.State = doc.StateReviewed
		}
	}
	bt.Name = "article-v1.txt"
	reviewedXLF := filepath.Join(dir, "article-v1.reviewed.xlf")
	f, err := os.Create(reviewedXLF)
	if err != nil {
		t.Fatal(err)
	}
	if err := xliff.Write12(f, bt, xliff.Options{}); err != nil {
		t.Fatal(err)
	}
	f.Close()

	// v2: one paragraph edited, one added.
	paras := strings.Split(string(article), "\n\n")
	edited := strings.Replace(paras[1], "للصحفيين", "للصحفيين أمس", 1)
	if edited == paras[1] {
		t.Fatal("edit did not apply")
	}
	paras[1] = edited
	paras = append(paras[:5], append([]string{"وأعلن الكرملين أن الزعيمين سيلتقيان قريبا."}, paras[5:]...)...)
	v2 := filepath.Join(dir, "article-v2.txt")
	os.WriteFile(v2, []byte(strings.Join(paras, "\n\n")), 0o644)

	out := filepath.Join(dir, "article-v2.xlf")
	r = runBitext(t, "", "", "translate", "--no-tm", "--glossary", filepath.Join(testenv.RepoRoot(t), "glossary.yaml"), "--update", reviewedXLF, "-o", out, v2)
	if r.code != 0 {
		t.Fatalf("update: %s", r.stderr)
	}
	if !strings.Contains(r.stderr, "1 changed, 1 added, 0 deleted") || !strings.Contains(r.stderr, "1 file, 2 segments") {
		t.Errorf("update summary: %q", r.stderr)
	}
	if r := runBitext(t, "", "", "translate", "--no-tm", "--dry-run", "--update", reviewedXLF, v2); r.code != 0 || !strings.Contains(r.stdout, "would send") {
		t.Errorf("dry-run update: %d %q %q", r.code, r.stdout, r.stderr)
	}
	xf, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	got, err := xliff.Read(xf, out)
	if err != nil {
		t.Fatal(err)
	}
	kept, changed := 0, 0
	for _, u := range got.Units {
		switch {
		case strings.HasPrefix(u.Target, "Reviewed "):
			kept++
		case strings.Contains(u.Source, "للصحفيين أمس"):
			changed++
			notes := strings.Join(u.Notes, "\n")
			if !strings.Contains(notes, "source changed: ") || !strings.Contains(notes, "{+أمس +}") || !strings.Contains(notes, "previous target: Reviewed ") {
				t.Errorf("changed unit notes: %q", u.Notes)
			}
		}
	}
	if changed != 1 || kept < 20 {
		t.Errorf("%d kept, %d changed units in the update", kept, changed)
	}
}

// TestPublishAddsToMemory: publishing a reviewed file adds its approved
// pairs to the memory, the same pairs the --tmx file gets.
func TestPublishAddsToMemory(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "xliff")
	editReviewed(t, dir)
	db := filepath.Join(dir, "m.db")
	r := runBitext(t, dir, "", "publish", "--tm", db, "--editor", "maria", "-o", "page.html", "--tmx", "pairs.tmx", "reviewed.xlf")
	if r.code != 0 {
		t.Fatalf("publish: %d %s", r.code, r.stderr)
	}
	f, err := os.Open(filepath.Join(dir, "pairs.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := tmx.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Units) == 0 || !strings.Contains(r.stderr, fmt.Sprintf("%d pairs added", len(d.Units))) {
		t.Fatalf("publish said %q; the TMX has %d pairs", r.stderr, len(d.Units))
	}
	src := d.Units[0].Variants[0].Text
	r = runBitext(t, dir, "", "tm", "lookup", "--tm", db, "--json", src)
	if !strings.Contains(r.stdout, `"score": 1`) || !strings.Contains(r.stdout, `"creator": "maria"`) || !strings.Contains(r.stdout, `"state": "reviewed"`) {
		t.Errorf("lookup after publish: %s", r.stdout)
	}
	// --no-tm leaves the memory alone.
	def := privateMemory(t)
	if r := runBitext(t, dir, "", "publish", "--no-tm", "-o", "page2.html", "reviewed.xlf"); r.code != 0 || strings.Contains(r.stderr, "translation memory") {
		t.Errorf("publish --no-tm: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(def); err == nil {
		t.Error("publish --no-tm created the default memory")
	}
}

// TestPublishCreatesDefaultMemory: with no --tm and no memory yet, publish
// creates the default one in the user's data folder, says so, and the next
// translate of the article takes the approved sentences from it.
func TestPublishCreatesDefaultMemory(t *testing.T) {
	dir := draftedXLIFF(t, "--format", "xliff")
	editReviewed(t, dir)
	data := filepath.Join(t.TempDir(), "xdg-data")
	t.Setenv(memoryEnv, "")
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("HOME", filepath.Join(t.TempDir(), "home"))
	want := filepath.Join(data, "bitext", "memory.db")

	r := runBitext(t, dir, "", "publish", "-o", "page.html", "--tmx", "pairs.tmx", "reviewed.xlf")
	if r.code != 0 {
		t.Fatalf("publish: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatalf("publish did not create the default memory: %v", err)
	}
	f, err := os.Open(filepath.Join(dir, "pairs.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := tmx.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs.Units) == 0 || !strings.Contains(r.stderr, fmt.Sprintf("new translation memory %s: %d pairs added", want, len(pairs.Units))) {
		t.Errorf("publish said %q; want the new memory named with its %d pairs", r.stderr, len(pairs.Units))
	}

	// translate, with no --tm either, reads the memory publish made
	r = runBitext(t, dir, "", "translate", "--engine", "test-draft", "--format", "json", "-o", "-", "article.txt")
	if r.code != 0 {
		t.Fatalf("translate: exit %d: %s", r.code, r.stderr)
	}
	var got doc.Bitext
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	fromMemory := 0
	for _, u := range got.Units {
		if u.State == doc.StateMemory {
			fromMemory++
		}
	}
	if fromMemory == 0 {
		t.Error("translate after publish took nothing from the default memory")
	}

	// publishing again adds nothing new and no longer calls the memory new
	r = runBitext(t, dir, "", "publish", "-o", "page.html", "reviewed.xlf")
	if r.code != 0 || !strings.Contains(r.stderr, "bitext: translation memory "+want+": 0 pairs added") {
		t.Errorf("second publish: exit %d: %q", r.code, r.stderr)
	}
}

// editorMark is what an editor's CAT tool does to one unit of the sample.
type editorMark struct {
	id       string
	target   string // "" keeps the draft
	state    string // 1.2 <target state>, 2.x <segment state>
	approved bool   // 1.2 approved="yes"
}

var (
	markTarget12  = regexp.MustCompile(`(?s)<target xml:lang="en" state="[^"]*"[^>]*>(.*?)</target>`)
	markSegment21 = regexp.MustCompile(`(?s)<segment id="s1" state="[^"]*"[^>]*>(.*?)<target xml:space="preserve">(.*?)</target>`)
)

// markedXLIFF translates the sample article in dir with the gist into the
// XLIFF file name (format xliff or xliff2) and marks it as the editor's tool
// would.
func markedXLIFF(t *testing.T, dir, format, name string, marks []editorMark) {
	t.Helper()
	if r := runBitext(t, dir, "", "translate", "--engine", "gist", "--no-tm", "-f", format, "-o", name, "article.txt"); r.code != 0 {
		t.Fatalf("translate: %s", r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	open, end := `<trans-unit id="`, "</trans-unit>"
	if format == "xliff2" {
		open, end = `<unit id="`, "</unit>"
	}
	for _, m := range marks {
		i := strings.Index(text, open+m.id+`"`)
		if i < 0 {
			t.Fatalf("no unit %s in %s", m.id, name)
		}
		j := strings.Index(text[i:], end) + i
		unit := text[i:j]
		if format == "xliff2" {
			unit = markSegment21.ReplaceAllStringFunc(unit, func(seg string) string {
				sub := markSegment21.FindStringSubmatch(seg)
				tgt := sub[2]
				if m.target != "" {
					tgt = m.target
				}
				return fmt.Sprintf(`<segment id="s1" state="%s">%s<target xml:space="preserve">%s</target>`, m.state, sub[1], tgt)
			})
		} else {
			unit = markTarget12.ReplaceAllStringFunc(unit, func(tg string) string {
				tgt := markTarget12.FindStringSubmatch(tg)[1]
				if m.target != "" {
					tgt = m.target
				}
				return fmt.Sprintf(`<target xml:lang="en" state="%s">%s</target>`, m.state, tgt)
			})
			if m.approved {
				k := strings.IndexByte(unit, '>')
				unit = unit[:k] + ` approved="yes"` + unit[k:]
			}
		}
		text = text[:i] + unit + text[j:]
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sampleMarks are an editor's marks on the sample: an approved translation,
// a signed-off (2.x: final) unit, a final heading and a translation not yet
// approved.
func sampleMarks(format string) []editorMark {
	signedOff := "signed-off"
	approvedState := "translated"
	if format == "xliff2" {
		signedOff, approvedState = "final", "reviewed"
	}
	return []editorMark{
		{id: "u2c151672e84f", target: "A senior White House official warned on Tuesday that North Korea would face consequences.", state: approvedState, approved: true},
		{id: "u2d08be18d5d0", state: signedOff},
		{id: "u39eae68f6b30", target: "The Putin–Kim summit", state: "final"},
		{id: "uabdaa41950f3", target: "Sullivan admitted he could not say which weapons might be delivered.", state: "translated"},
	}
}

// TestReviewAndImportAgreeOnApproval: the units tm import takes from a
// reviewed file are the ones review counts as approved; a 1.2 "translated"
// unit is a translation not yet approved.
func TestReviewAndImportAgreeOnApproval(t *testing.T) {
	for _, format := range []string{"xliff", "xliff2"} {
		t.Run(format, func(t *testing.T) {
			dir := sampleDir(t)
			markedXLIFF(t, dir, format, "rev.xlf", sampleMarks(format))
			r := runBitext(t, dir, "", "review", "--json", "rev.xlf")
			var rep struct {
				Summary struct{ Approved int }
				Units   []struct {
					ID       string
					Approved bool
				}
			}
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
				t.Fatalf("review: %v %s %s", err, r.stdout, r.stderr)
			}
			approved := map[string]bool{}
			for _, u := range rep.Units {
				if u.Approved {
					approved[u.ID] = true
				}
			}
			if rep.Summary.Approved != 3 || !approved["u2c151672e84f"] || !approved["u2d08be18d5d0"] || !approved["u39eae68f6b30"] {
				t.Errorf("review approved %d: %v; want the three marked units", rep.Summary.Approved, approved)
			}
			db := filepath.Join(dir, "m.db")
			r = runBitext(t, dir, "", "tm", "import", "--tm", db, "--json", "rev.xlf")
			var res []struct{ Added int }
			if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res) != 1 || res[0].Added != rep.Summary.Approved {
				t.Fatalf("tm import added %+v (%v, %s); review counts %d approved", res, err, r.stderr, rep.Summary.Approved)
			}
			r = runBitext(t, dir, "", "tm", "export", "--tm", db, "-o", "-")
			if !strings.Contains(r.stdout, "A senior White House official") || !strings.Contains(r.stdout, "The Putin–Kim summit") ||
				strings.Contains(r.stdout, "Sullivan admitted") {
				t.Errorf("memory after import:\n%s", r.stdout)
			}
		})
	}
}

// unitMarks returns the tags that carry a unit's state and approval in an
// XLIFF file: the <trans-unit> and its <target> (1.2), or the <segment> (2.x).
func unitMarks(t *testing.T, path, id string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if m := regexp.MustCompile(`(?s)(<trans-unit id="` + id + `"[^>]*>).*?(<target xml:lang="en"[^>]*>)`).FindStringSubmatch(text); m != nil {
		return m[1] + m[2]
	}
	if m := regexp.MustCompile(`(?s)<unit id="` + id + `">.*?(<segment [^>]*>)`).FindStringSubmatch(text); m != nil {
		return m[1]
	}
	t.Fatalf("no unit %s in %s", id, path)
	return ""
}

// TestUpdateKeepsEditorsMarks: an update writes the unchanged units with the
// state and approval the editor gave them, mapped by meaning when the new
// file is the other XLIFF version.
func TestUpdateKeepsEditorsMarks(t *testing.T) {
	const approvedID, signedOffID, unapprovedID = "u2c151672e84f", "u2d08be18d5d0", "uabdaa41950f3"
	tests := []struct {
		in, out string
		want    map[string]string // unit id → its marks in the new file; "" for as in the earlier file
	}{
		{"xliff", "xliff", map[string]string{approvedID: "", signedOffID: "", unapprovedID: ""}},
		{"xliff2", "xliff2", map[string]string{approvedID: "", signedOffID: "", unapprovedID: ""}},
		{"xliff", "xliff2", map[string]string{
			approvedID:   `<segment id="s1" state="reviewed">`,
			signedOffID:  `<segment id="s1" state="reviewed">`,
			unapprovedID: `<segment id="s1" state="translated">`,
		}},
		{"xliff2", "xliff", map[string]string{
			approvedID:   `<trans-unit id="` + approvedID + `" xml:space="preserve" approved="yes"><target xml:lang="en" state="signed-off">`,
			signedOffID:  `<trans-unit id="` + signedOffID + `" xml:space="preserve" approved="yes"><target xml:lang="en" state="final">`,
			unapprovedID: `<trans-unit id="` + unapprovedID + `" xml:space="preserve"><target xml:lang="en" state="translated">`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.in+" to "+tt.out, func(t *testing.T) {
			dir := sampleDir(t)
			markedXLIFF(t, dir, tt.in, "rev.xlf", sampleMarks(tt.in))
			article, _ := os.ReadFile(filepath.Join(dir, "article.txt"))
			v2 := strings.Replace(string(article), "\nقمة بوتين وكيم\n", "\nقمة بوتين وكيم في فلاديفوستوك\n", 1)
			if v2 == string(article) {
				t.Fatal("heading not found")
			}
			os.WriteFile(filepath.Join(dir, "v2.txt"), []byte(v2), 0o644)
			r := runBitext(t, dir, "", "translate", "--no-tm", "--engine", "gist", "-f", tt.out, "-o", "v2.xlf", "v2.txt", "--update", "rev.xlf")
			if r.code != 0 {
				t.Fatalf("update: %s", r.stderr)
			}
			for id, want := range tt.want {
				if want == "" {
					want = unitMarks(t, filepath.Join(dir, "rev.xlf"), id)
				}
				if got := unitMarks(t, filepath.Join(dir, "v2.xlf"), id); got != want {
					t.Errorf("unit %s:\n got %s\nwant %s", id, got, want)
				}
			}
			// The changed heading is no longer approved; the other two still are.
			r = runBitext(t, dir, "", "review", "--json", "v2.xlf")
			var rep struct{ Summary struct{ Approved int } }
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Summary.Approved != 2 {
				t.Errorf("review of the update: %d approved (%v), want 2", rep.Summary.Approved, err)
			}
		})
	}
}

// TestTMImportLeavesOutGist: tm import --all takes no unit that is still the
// word-by-word gist, also when the editor's tool dropped bitext's draft and
// the gist's marks, and says why it left them out, with --all or without,
// on its line and in --json.
func TestTMImportLeavesOutGist(t *testing.T) {
	for _, format := range []string{"xliff", "xliff2"} {
		t.Run(format, func(t *testing.T) {
			dir := sampleDir(t)
			markedXLIFF(t, dir, format, "rev.xlf", []editorMark{
				{id: "uabdaa41950f3", target: "Sullivan admitted he could not say which weapons might be delivered.", state: "translated"}})
			data, err := os.ReadFile(filepath.Join(dir, "rev.xlf"))
			if err != nil {
				t.Fatal(err)
			}
			strip := gistStripped[format]
			text := strip.note.ReplaceAllString(strip.state.ReplaceAllString(strip.draft.ReplaceAllString(string(data), ""), `state="translated"`), "")
			for name, text := range map[string]string{"rev.xlf": string(data), "stripped.xlf": text} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				db := filepath.Join(dir, name+".db")
				r := runBitext(t, dir, "", "tm", "import", "--all", "--tm", db, name)
				if r.code != 0 || !strings.Contains(r.stdout, name+": 1 added, 0 already there, 31 skipped (xliff; 28 still the word-by-word gist; 3 boilerplate)") {
					t.Errorf("tm import --all %s: exit %d, %q %q; want the translated unit only", name, r.code, r.stdout, r.stderr)
				}
				// Without --all the translated unit waits for approval.
				r = runBitext(t, dir, "", "tm", "import", "--tm", filepath.Join(dir, name+".strict.db"), name)
				if r.code != 0 || !strings.Contains(r.stdout, name+": 0 added, 0 already there, 32 skipped (xliff; 1 not approved, which --all imports; 28 still the word-by-word gist; 3 boilerplate)") {
					t.Errorf("tm import %s: exit %d, %q %q; want every reason", name, r.code, r.stdout, r.stderr)
				}
				r = runBitext(t, dir, "", "tm", "import", "--json", "--tm", filepath.Join(dir, name+".json.db"), name)
				var res []map[string]any
				if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res) != 1 {
					t.Fatalf("tm import --json %s: %v %s", name, err, r.stdout)
				}
				for k, want := range map[string]float64{"skipped": 32, "skipped_not_approved": 1, "skipped_gist": 28, "skipped_boilerplate": 3, "skipped_untranslated": 0} {
					if res[0][k] != want {
						t.Errorf("tm import --json %s: %s = %v, want %v", name, k, res[0][k], want)
					}
				}
			}
		})
	}
}

// TestTMImportLowConfidenceAndTranslate: tm import leaves out the pairs align
// flagged low-confidence and says so; with --all it keeps them flagged, and
// translate still takes the editor's final pair for the same sentence.
func TestTMImportLowConfidenceAndTranslate(t *testing.T) {
	dir := sampleDir(t)
	markedXLIFF(t, dir, "xliff", "rev.xlf", sampleMarks("xliff"))
	const aligned = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="bitext" creationtoolversion="1" segtype="sentence" o-tmf="bitext" adminlang="en" srclang="ar" datatype="plaintext"/>
  <body>
    <tu tuid="u39eae68f6b30">
      <prop type="x-alignment-confidence">0.00</prop>
      <prop type="x-flag">low-confidence</prop>
      <tuv xml:lang="ar"><seg>قمة بوتين وكيم</seg></tuv>
      <tuv xml:lang="en"><seg>Korea to shore up its defence capabilities.</seg></tuv>
    </tu>
  </body>
</tmx>
`
	if err := os.WriteFile(filepath.Join(dir, "al.tmx"), []byte(aligned), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "m.db")
	if r := runBitext(t, dir, "", "tm", "import", "--tm", db, "rev.xlf"); r.code != 0 {
		t.Fatalf("import rev.xlf: %s", r.stderr)
	}
	r := runBitext(t, dir, "", "tm", "import", "--tm", db, "al.tmx")
	if r.code != 0 || !strings.Contains(r.stdout, "al.tmx: 0 added, 0 already there, 1 skipped (tmx; 1 flagged low-confidence, which --all imports)") {
		t.Errorf("import al.tmx: exit %d, %q", r.code, r.stdout)
	}
	if r := runBitext(t, dir, "", "tm", "import", "--all", "--tm", db, "al.tmx"); r.code != 0 || !strings.Contains(r.stdout, "1 added") {
		t.Fatalf("import --all al.tmx: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	r = runBitext(t, dir, "", "tm", "lookup", "--tm", db, "قمة بوتين وكيم")
	if first, _, _ := strings.Cut(r.stdout, "\n\n"); !strings.Contains(first, "The Putin–Kim summit") || !strings.Contains(r.stdout, "flagged low-confidence") {
		t.Errorf("lookup:\n%s\nwant the final pair first and the flagged one said so", r.stdout)
	}
	r = runBitext(t, dir, "", "translate", "--tm", db, "--engine", "gist", "-f", "json", "-o", "-", "article.txt")
	var bt struct {
		Units []struct{ ID, State, Target string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &bt); err != nil {
		t.Fatalf("translate: %v %s", err, r.stderr)
	}
	found := false
	for _, u := range bt.Units {
		if u.ID == "u39eae68f6b30" {
			found = true
			if u.State != "memory" || u.Target != "The Putin–Kim summit" {
				t.Errorf("heading: %s %q; want the editor's final pair from the memory", u.State, u.Target)
			}
		}
	}
	if !found {
		t.Error("translate wrote no heading unit u39eae68f6b30")
	}
}

// TestTMImportJSONKeys: tm import --json names its counts in lower-case
// snake case, as the other --json outputs do.
func TestTMImportJSONKeys(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	r := runBitext(t, "", "", "tm", "import", "--tm", db, "--json", tmTestdata(t, "memory.tmx"))
	if r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	var res []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res) != 1 {
		t.Fatalf("import --json: %v %s", err, r.stdout)
	}
	var keys []string
	for k := range res[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"added", "file", "format", "skipped", "skipped_boilerplate", "skipped_gist", "skipped_low_confidence",
		"skipped_not_approved", "skipped_number_mismatch", "skipped_other_language", "skipped_untranslated", "updated"}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("keys %q, want %q", keys, want)
	}
	if res[0]["added"] != float64(4) || res[0]["format"] != "tmx" {
		t.Errorf("counts: %v", res[0])
	}
}

// TestUpdateInPlaceKeepsACopy: when an update replaces the editor's file
// itself, the editor's translations of deleted paragraphs are named on stderr
// and the file as it was is kept as FILE.bak; written elsewhere, no copy is
// made.
func TestUpdateInPlaceKeepsACopy(t *testing.T) {
	const id, english = "u2c151672e84f", "A senior White House official warned on Tuesday that North Korea would face consequences."
	dir := sampleDir(t)
	markedXLIFF(t, dir, "xliff", "article.xlf", sampleMarks("xliff"))
	before, err := os.ReadFile(filepath.Join(dir, "article.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := xliff.Read(strings.NewReader(string(before)), "article.xlf")
	if err != nil {
		t.Fatal(err)
	}
	source := ""
	for _, u := range f.Units {
		if u.ID == id {
			source = u.Source
		}
	}
	// The newsroom deletes the paragraph of the approved unit.
	article, _ := os.ReadFile(filepath.Join(dir, "article.txt"))
	var paras []string
	for _, p := range strings.Split(string(article), "\n\n") {
		if source == "" || !strings.Contains(p, source) {
			paras = append(paras, p)
		}
	}
	if len(paras) != len(strings.Split(string(article), "\n\n"))-1 {
		t.Fatalf("the paragraph of unit %s (%q) is not in the article", id, source)
	}
	os.WriteFile(filepath.Join(dir, "article.txt"), []byte(strings.Join(paras, "\n\n")), 0o644)

	r := runBitext(t, dir, "", "translate", "--no-tm", "--engine", "gist", "--update", "article.xlf", "-o", "v2.xlf", "article.txt")
	if r.code != 0 {
		t.Fatalf("update: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "article.xlf.bak")); err == nil {
		t.Error("a copy was kept of a file the update did not replace")
	}
	r = runBitext(t, dir, "", "translate", "--no-tm", "--engine", "gist", "--update", "article.xlf", "article.txt")
	if r.code != 0 {
		t.Fatalf("update in place: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"1 deleted (1 of them reviewed or approved by the editor)",
		"deleted unit " + id + " (reviewed, approved): " + source + "\n",
		"bitext:   its translation: " + english + "\n",
		"the file as it was is kept as article.xlf.bak",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "article.xlf.bak")); string(got) != string(before) {
		t.Error("article.xlf.bak is not the editor's file as it was")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "article.xlf")); strings.Contains(string(got), english) || !strings.Contains(string(got), "Sullivan admitted") {
		t.Error("article.xlf is not the update")
	}
	// --quiet still keeps the copy, and says nothing.
	r = runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "gist", "--update", "article.xlf", "article.txt")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("quiet update in place: exit %d: %q", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "article.xlf.bak")); strings.Contains(string(got), english) {
		t.Error("the second update did not keep the file it replaced")
	}
}

// TestUpdateKeepsUnitAttributes: an update writes each kept unit with the
// resource name the editor's tool gave it (1.2 resname, 2.x name, the one for
// the other across versions) and, in the same version, a tool's own
// namespaced attributes; the file stays valid.
func TestUpdateKeepsUnitAttributes(t *testing.T) {
	privateMemory(t)
	for _, tc := range []struct{ in, out, attr, outAttr string }{
		{"xliff", "xliff", "resname", "resname"},
		{"xliff2", "xliff2", "name", "name"},
		{"xliff", "xliff2", "resname", "name"},
		{"xliff2", "xliff", "name", "resname"},
	} {
		t.Run(tc.in+" to "+tc.out, func(t *testing.T) {
			dir := sampleDir(t)
			if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "gist", "-f", tc.in, "-o", "rev.xlf", "article.txt"); r.code != 0 {
				t.Fatalf("translate: %s", r.stderr)
			}
			data, _ := os.ReadFile(filepath.Join(dir, "rev.xlf"))
			n := 0
			unitTag := regexp.MustCompile(`<(?:trans-unit|unit) id="([^"]+)"`)
			text := unitTag.ReplaceAllStringFunc(string(data), func(tag string) string {
				n++
				return tag + fmt.Sprintf(` %s="para %d" xmlns:mq="MQXliff" mq:status="ManuallyConfirmed"`, tc.attr, n)
			})
			os.WriteFile(filepath.Join(dir, "rev.xlf"), []byte(text), 0o644)
			article, _ := os.ReadFile(filepath.Join(dir, "article.txt"))
			os.WriteFile(filepath.Join(dir, "v2.txt"), []byte(strings.Replace(string(article), "حذر مسؤول كبير", "حذر مسؤول رفيع", 1)), 0o644)
			r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "gist", "-f", tc.out, "--update", "rev.xlf", "-o", "v2.xlf", "v2.txt")
			if r.code != 0 {
				t.Fatalf("update: exit %d: %s", r.code, r.stderr)
			}
			out, _ := os.ReadFile(filepath.Join(dir, "v2.xlf"))
			kept := 0
			for _, m := range regexp.MustCompile(`<(?:trans-unit|unit) [^>]*>`).FindAllString(string(out), -1) {
				id := unitTag.FindStringSubmatch(m)[1]
				old := regexp.MustCompile(`<(?:trans-unit|unit) id="` + id + `" ` + tc.attr + `="(para \d+)"`).FindStringSubmatch(text)
				if old == nil {
					continue // not in the editor's file: the changed sentence
				}
				kept++
				if want := tc.outAttr + `="` + old[1] + `"`; !strings.Contains(m, want) {
					t.Errorf("unit %s lost %s: %s", id, want, m)
				}
				if status := `:status="ManuallyConfirmed"`; strings.Contains(m, status) != (tc.in == tc.out) {
					t.Errorf("unit %s: the tool's own attribute kept %v, want %v: %s", id, !(tc.in == tc.out), tc.in == tc.out, m)
				}
			}
			if kept < 20 {
				t.Errorf("only %d units kept from the editor's file", kept)
			}
			// without the tool's own attributes, which the strict schema does not know
			noTool := regexp.MustCompile(` xmlns:ns1="MQXliff" ns1:status="ManuallyConfirmed"`).ReplaceAll(out, nil)
			os.WriteFile(filepath.Join(dir, "check.xlf"), noTool, 0o644)
			xliffCheck(t, filepath.Join(dir, "check.xlf"))
		})
	}
}

// The TMX translate writes says which article each pair comes from and its
// state, as tm export does, so that a memory importing it knows them.
func TestTranslateTMXKeepsProvenance(t *testing.T) {
	privateMemory(t)
	dir := sampleDir(t)
	if r := runBitext(t, dir, "", "translate", "--engine", "test-draft", "--no-tm", "-f", "tmx", "article.txt"); r.code != 0 {
		t.Fatalf("translate: %s", r.stderr)
	}
	if r := runBitext(t, dir, "", "tm", "import", "article.tmx"); r.code != 0 {
		t.Fatalf("tm import: %s", r.stderr)
	}
	r := runBitext(t, dir, "", "tm", "stats", "--json")
	if !strings.Contains(strings.ReplaceAll(r.stdout, " ", ""), `"articles":1`) {
		t.Errorf("stats after importing translate's TMX:\n%s", r.stdout)
	}
	r = runBitext(t, dir, "", "tm", "lookup", "--json", "قمة بوتين وكيم")
	if !strings.Contains(r.stdout, "article.txt") || !strings.Contains(r.stdout, "machine") {
		t.Errorf("lookup: %s", r.stdout)
	}
}

// TestUpdateNamesDeletedUntranslatedUnits: a deleted unit that never had a
// translation is reported as untranslated, not by the state name "new".
func TestUpdateNamesDeletedUntranslatedUnits(t *testing.T) {
	dir := sampleDir(t)
	if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "none", "-f", "xliff", "-o", "old.xlf", "article.txt"); r.code != 0 {
		t.Fatalf("translate: %s", r.stderr)
	}
	path := filepath.Join(dir, "article.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(string(data), "\n\n")
	if len(paras) < 4 {
		t.Fatal("the sample has too few paragraphs")
	}
	if err := os.WriteFile(path, []byte(strings.Join(append(paras[:2:2], paras[3:]...), "\n\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "translate", "--no-tm", "--engine", "none", "--update", "old.xlf", "-o", "new.xlf", "article.txt")
	if r.code != 0 {
		t.Fatalf("update: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "(untranslated): ") || strings.Contains(r.stderr, "(new)") {
		t.Errorf("update said %q; want the deleted units called untranslated", r.stderr)
	}
}

// writeTestFile writes text to name in dir and returns its path.
func writeTestFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A pair imported without provenance is not called an exact match by a
// lookup that found it by similarity.
func TestTMLookupFuzzyIsNotCalledExact(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	in := writeTestFile(t, dir, "plain.tmx", `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ar" datatype="plaintext"/><body>
<tu><tuv xml:lang="ar"><seg>ارتفع المؤشر بنسبة 3 في المئة اليوم</seg></tuv><tuv xml:lang="en"><seg>The index rose by 3 percent today</seg></tuv></tu>
</body></tmx>`)
	if r := runBitext(t, "", "", "tm", "import", "--tm", db, in); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	r := runBitext(t, "", "", "tm", "lookup", "--tm", db, "ارتفع المؤشر بنسبة 5 في المئة اليوم")
	if r.code != 0 || !strings.Contains(r.stdout, "The index rose") || strings.Contains(r.stdout, "exact match") {
		t.Errorf("lookup: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

// A memory that can be read but not written serves lookups; publish, which
// must add to it, stops before writing the page.
func TestReadOnlyMemory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only files")
	}
	dir := draftedXLIFF(t, "--format", "xliff")
	editReviewed(t, dir)
	shared := filepath.Join(t.TempDir(), "shared")
	db := filepath.Join(shared, "m.db")
	if r := runBitext(t, "", "", "tm", "import", "--tm", db, tmTestdata(t, "memory.tmx")); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	os.Chmod(db, 0o444)
	os.Chmod(shared, 0o555)
	t.Cleanup(func() { os.Chmod(shared, 0o755) })
	if r := runBitext(t, "", "", "tm", "lookup", "--tm", db, "قمة بوتين وكيم"); r.code != 0 || !strings.Contains(r.stdout, "summit") {
		t.Errorf("lookup: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runBitext(t, "", "", "tm", "stats", "--tm", db); r.code != 0 {
		t.Errorf("stats: %d %q", r.code, r.stderr)
	}
	r := runBitext(t, "", "", "tm", "import", "--tm", db, tmTestdata(t, "reviewed12.xlf"))
	if r.code != 1 || !strings.Contains(r.stderr, "read-only") || !strings.Contains(r.stderr, db) {
		t.Errorf("import: %d %q", r.code, r.stderr)
	}
	r = runBitext(t, dir, "", "publish", "--tm", db, "-o", "page.html", "reviewed.xlf")
	if r.code != 1 || !strings.Contains(r.stderr, "read-only") {
		t.Errorf("publish: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "page.html")); err == nil {
		t.Error("publish wrote the page, then could not add to the memory")
	}
}

// $BITEXT_TM is set on purpose: when it names no file (a mistyped path, a
// volume not mounted), translate says so instead of quietly sending
// everything the memory would have given.
func TestTranslateSaysWhenBitextTMIsMissing(t *testing.T) {
	dir := sampleDir(t)
	missing := filepath.Join(dir, "data", "memroy.db")
	t.Setenv("BITEXT_TM", missing)
	r := runBitext(t, dir, "", "translate", "-q", "--engine", "gist", "-o", "a.html", "article.txt")
	if r.code != 0 || !strings.Contains(r.stderr, "$BITEXT_TM names "+missing) || !strings.Contains(r.stderr, "without a memory") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("translate created the memory $BITEXT_TM names")
	}
	if r := runBitext(t, dir, "", "translate", "-q", "--no-tm", "--engine", "gist", "-o", "b.html", "article.txt"); strings.Contains(r.stderr, "BITEXT_TM") {
		t.Errorf("--no-tm still warned: %s", r.stderr)
	}
}

// TestUpdateNamesChangedAndNewUnits: the editor is told which units to look
// at again: each changed unit with what changed in its Arabic and the
// translation it had, and each new unit with its Arabic.
func TestUpdateNamesChangedAndNewUnits(t *testing.T) {
	const english = "A senior White House official warned on Tuesday that North Korea would face consequences."
	dir := sampleDir(t)
	markedXLIFF(t, dir, "xliff", "article.xlf", sampleMarks("xliff"))
	path := filepath.Join(dir, "article.txt")
	article, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(article), "اليوم الثلاثاء") {
		t.Fatal("the sample has no اليوم الثلاثاء")
	}
	const added = "وقالت وزارة الخارجية الكورية الجنوبية إنها تراقب التطورات عن كثب."
	v2 := strings.Replace(string(article), "اليوم الثلاثاء", "اليوم الأربعاء", 1) + "\n\n" + added + "\n"
	if err := os.WriteFile(path, []byte(v2), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBitext(t, dir, "", "translate", "--no-tm", "--engine", "gist", "--update", "article.xlf", "-o", "v2.xlf", "article.txt")
	if r.code != 0 {
		t.Fatalf("update: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"bitext: changed unit u",
		"اليوم [-الثلاثاء-]{+الأربعاء+} من",
		"bitext:   previous translation: " + english + "\n",
		"bitext: new unit u",
		": " + added + "\n",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}
