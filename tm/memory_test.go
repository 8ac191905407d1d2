package tm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"bitext/arabic"
	"bitext/tmx"
)

func openTemp(t testing.TB) *Memory {
	t.Helper()
	m, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "memory.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func count(t testing.TB, m *Memory) int {
	t.Helper()
	s, err := m.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Entries
}

func TestAddExact(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	day := time.Date(2023, 9, 12, 10, 0, 0, 0, time.UTC)
	res, err := m.Add(ctx, []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: "أعلنت  الرئاسة الروسية", Target: "The Russian presidency announced",
			Article: "a.txt", UnitID: "u1", State: "reviewed", Creator: "maria", Created: day},
		{SourceLang: "ar", TargetLang: "fr", Source: "أعلنت الرئاسة الروسية", Target: "La présidence russe a annoncé"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Updated != 0 {
		t.Errorf("Add = %+v, want 2 added", res)
	}
	tests := []struct {
		query, tgt string
		want       int
	}{
		{"أعلنت الرئاسة الروسية", "en", 1},
		{"  اعلنت الرئاسه الروسيه ", "en", 1},      // hamza, ta marbuta, spaces folded
		{"أَعْلَنَت الرئاسة الروسيّة", "en-GB", 1}, // diacritics, region
		{"أعلنت الرئاسة الروسية", "fr", 1},
		{"أعلنت الرئاسة", "en", 0},
		{"أعلنت الرئاسة الروسية", "de", 0},
	}
	for _, tt := range tests {
		got, err := m.Exact(ctx, "ar", tt.tgt, tt.query)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tt.want {
			t.Errorf("Exact(%q, %s) = %d entries, want %d", tt.query, tt.tgt, len(got), tt.want)
		}
	}
	got, _ := m.Exact(ctx, "ar", "en", "أعلنت الرئاسة الروسية")
	if e := got[0]; e.Target != "The Russian presidency announced" || e.Article != "a.txt" || e.UnitID != "u1" ||
		e.State != "reviewed" || e.Creator != "maria" || !e.Created.Equal(day) {
		t.Errorf("entry = %+v", e)
	}

	// The same pair again refreshes its provenance instead of duplicating it.
	res, err = m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "أعلنت  الرئاسة الروسية",
		Target: "The Russian presidency announced", Article: "b.txt", Changer: "omar", Changed: day.Add(time.Hour)}})
	if err != nil || res.Added != 0 || res.Updated != 1 {
		t.Fatalf("Add again = %+v, %v", res, err)
	}
	got, _ = m.Exact(ctx, "ar", "en", "أعلنت الرئاسة الروسية")
	if len(got) != 1 || got[0].Article != "b.txt" || got[0].Changer != "omar" || got[0].Creator != "maria" {
		t.Errorf("after refresh: %+v", got)
	}

	// A bad entry stores nothing, not even the good ones before it.
	before := count(t, m)
	_, err = m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "جديد", Target: "new"},
		{SourceLang: "ar", TargetLang: "en", Source: "فارغ", Target: " ", UnitID: "bad"}})
	if err == nil || !strings.Contains(err.Error(), `entry 2 (unit "bad")`) {
		t.Errorf("error %v, want one naming entry 2", err)
	}
	if n := count(t, m); n != before {
		t.Errorf("failed Add left %d entries, want %d", n, before)
	}
}

func TestFuzzy(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	var es []Entry
	for i, s := range []string{
		"وقال الناطق باسم الرئاسة الروسية ديمتري بيسكوف إنه لا يمكن تأكيد ذلك",
		"وقال الناطق باسم الخارجية الأميركية إن المحادثات مستمرة",
		"وأضاف أن القمة ستعقد في فلاديفوستوك الشهر المقبل",
		"قمة بوتين وكيم",
	} {
		es = append(es, Entry{SourceLang: "ar", TargetLang: "en", Source: s, Target: fmt.Sprintf("target %d", i)})
	}
	if _, err := m.Add(ctx, es); err != nil {
		t.Fatal(err)
	}
	q := "وقال الناطق باسم الرئاسة الروسية دميتري بيسكوف إنه لا يمكنه تأكيد ذلك"
	got, err := m.Fuzzy(ctx, "ar", "en", q, FuzzyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Target != "target 0" {
		t.Fatalf("Fuzzy = %+v, want target 0 only", got)
	}
	if got[0].Score < 0.9 || got[0].Score >= 1 {
		t.Errorf("score %.3f, want in [0.9,1)", got[0].Score)
	}
	if d := DiffText(got[0].Diff); !strings.Contains(d, "{+") || !strings.Contains(d, "بيسكوف") {
		t.Errorf("diff %q", d)
	}
	// An exact match scores 1 and comes first.
	got, _ = m.Fuzzy(ctx, "ar", "en", "قمة بوتين وكيم", FuzzyOptions{})
	if len(got) == 0 || got[0].Score != 1 || got[0].Target != "target 3" {
		t.Errorf("exact via Fuzzy = %+v", got)
	}
	// A lower threshold lets the weaker match in.
	got, _ = m.Fuzzy(ctx, "ar", "en", "وقال الناطق باسم الخارجية الروسية إن المحادثات متعثرة", FuzzyOptions{MinScore: 0.5})
	if len(got) == 0 || got[0].Target != "target 1" {
		t.Errorf("weaker match = %+v", got)
	}
	// Nothing alike, other languages, tiny input.
	for _, q := range []string{"نص لا علاقة له بأي شيء آخر هنا", "ab"} {
		if got, _ := m.Fuzzy(ctx, "ar", "en", q, FuzzyOptions{}); len(got) != 0 {
			t.Errorf("Fuzzy(%q) = %+v, want none", q, got)
		}
	}
	if got, _ := m.Fuzzy(ctx, "ar", "fr", q, FuzzyOptions{}); len(got) != 0 {
		t.Errorf("Fuzzy into fr = %+v, want none", got)
	}
}

func TestDiffText(t *testing.T) {
	got := DiffText(Diff("قال بيسكوف اليوم", "قال بيسكوف أمس"))
	if !strings.Contains(got, "[-") || !strings.Contains(got, "{+") || !strings.HasPrefix(got, "قال بيسكوف ") {
		t.Errorf("DiffText = %q", got)
	}
}

// TestTMXRoundTrip: TMX → memory → TMX keeps every unit, attribute, property
// and note (a three-language unit comes back as two pairs).
func TestTMXRoundTrip(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	f, err := os.Open("testdata/memory.tmx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := m.Import(ctx, f, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "tmx" || res.Added != 4 || res.Skipped != 0 {
		t.Errorf("import = %+v, want 4 added from tmx", res)
	}
	var buf bytes.Buffer
	n, err := m.ExportTMX(ctx, &buf, ExportOptions{})
	if err != nil || n != 4 {
		t.Fatalf("export = %d, %v", n, err)
	}
	exported := buf.String()
	out, err := tmx.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	f.Seek(0, 0)
	in, err := tmx.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if out.Header.SrcLang != "ar" {
		t.Errorf("header srclang %q", out.Header.SrcLang)
	}
	// Split the input's three-language unit the way the memory stores it.
	var want []tmx.Unit
	for _, u := range in.Units {
		for _, v := range u.Variants[1:] {
			w := u
			w.Variants = []tmx.Variant{u.Variants[0], v}
			want = append(want, w)
		}
	}
	if !reflect.DeepEqual(out.Units, want) {
		t.Errorf("round trip changed units:\n got %+v\nwant %+v", out.Units, want)
	}
	// Importing the export again adds nothing.
	again, err := m.Import(ctx, strings.NewReader(exported), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 {
		t.Errorf("re-import added %d", again.Added)
	}
	// Filters.
	buf.Reset()
	if n, err := m.ExportTMX(ctx, &buf, ExportOptions{TargetLang: "fr"}); err != nil || n != 1 {
		t.Errorf("export fr = %d, %v", n, err)
	}
	if n, _ := m.ExportTMX(ctx, &bytes.Buffer{}, ExportOptions{Article: "kim-putin.txt"}); n != 1 {
		t.Errorf("export by article = %d", n)
	}
}

func TestXLIFFImport(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		file    string
		all     bool
		want    map[string]string // source → target
		skipped int
	}{
		// u1 is translated but not approved: not taken without --all.
		{"testdata/reviewed12.xlf", false, map[string]string{
			"وقال سوليفان للصحفيين": "Sullivan told reporters",
			"وانتهى الاجتماع":       "The meeting ended",
		}, 4},
		{"testdata/reviewed12.xlf", true, map[string]string{
			"حذر مسؤول كبير في البيت الأبيض اليوم الثلاثاء.": "A senior White House official warned on Tuesday.",
			"وقال سوليفان للصحفيين":                          "Sullivan told reporters",
			"مسودة آلية فقط":                                 "Machine draft only",
			"وانتهى الاجتماع":                                "The meeting ended",
		}, 2},
		{"testdata/reviewed21.xlf", false, map[string]string{
			"قمة بوتين وكيم": "Putin–Kim summit!",
		}, 1},
		{"testdata/reviewed21.xlf", true, map[string]string{
			"قمة بوتين وكيم":                 "Putin–Kim summit!",
			"الجملة الأولى. الجملة الثانية.": "The first sentence. The second sentence.",
		}, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s all=%v", filepath.Base(tt.file), tt.all), func(t *testing.T) {
			m := openTemp(t)
			res, err := m.ImportFile(ctx, tt.file, ImportOptions{All: tt.all})
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "xliff" || res.Added != len(tt.want) || res.Skipped != tt.skipped {
				t.Errorf("import = %+v, want %d added, %d skipped", res, len(tt.want), tt.skipped)
			}
			for src, tgt := range tt.want {
				got, err := m.Exact(ctx, "ar", "en", src)
				if err != nil || len(got) != 1 || got[0].Target != tgt || got[0].Article != "article.txt" {
					t.Errorf("Exact(%q) = %+v, %v; want %q from article.txt", src, got, err, tgt)
				}
			}
			// XLIFF → memory → TMX.
			var buf bytes.Buffer
			if n, err := m.ExportTMX(ctx, &buf, ExportOptions{}); err != nil || n != len(tt.want) {
				t.Fatalf("export = %d, %v", n, err)
			}
			d, err := tmx.Read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range d.Units {
				if tt.want[u.Variant("ar").Text] != u.Variant("en").Text || u.Prop(PropArticle) != "article.txt" || u.Prop(PropState) == "" {
					t.Errorf("exported unit %+v", u)
				}
			}
		})
	}
}

func TestImportBadFileStoresNothing(t *testing.T) {
	ctx := context.Background()
	good, err := os.ReadFile("testdata/memory.tmx")
	if err != nil {
		t.Fatal(err)
	}
	xlf, err := os.ReadFile("testdata/reviewed12.xlf")
	if err != nil {
		t.Fatal(err)
	}
	s := string(good)
	tests := []struct{ name, in, want string }{
		{"truncated tmx", s[:strings.Index(s, `<tu tuid="s3"`)+40], "unexpected EOF"},
		{"bad tuv", strings.Replace(s, `<tuv xml:lang="fr">`, `<tuv>`, 1), `tu "s3": <tuv> without xml:lang`},
		{"bad date", strings.Replace(s, `creationdate="20230912T101500Z"`, `creationdate="12/09/2023"`, 1), `bad date "12/09/2023"`},
		{"bad xliff", strings.Replace(string(xlf), `</source>`, ``, 1), "XLIFF input:10: not well-formed XML: element <source> closed by </trans-unit>"},
		{"xliff duplicate id", strings.Replace(string(xlf), `id="u5"`, `id="u4"`, 1), `u4`},
		{"not a memory", "hello", "neither TMX nor XLIFF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := openTemp(t)
			if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "قبل", Target: "before"}}); err != nil {
				t.Fatal(err)
			}
			_, err := m.Import(ctx, strings.NewReader(tt.in), ImportOptions{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if n := count(t, m); n != 1 {
				t.Errorf("%d entries after a failed import, want the 1 from before", n)
			}
		})
	}
}

// TestImportFilesAllOrNothing: files imported together go in one
// transaction, whichever of them is bad and wherever it stands.
func TestImportFilesAllOrNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	good, err := os.ReadFile("testdata/memory.tmx")
	if err != nil {
		t.Fatal(err)
	}
	trunc := filepath.Join(dir, "trunc.tmx")
	os.WriteFile(trunc, good[:bytes.Index(good, []byte(`<tu tuid="s3"`))+40], 0o644)
	dup := filepath.Join(dir, "dup.xlf")
	xlf, _ := os.ReadFile("testdata/reviewed12.xlf")
	os.WriteFile(dup, bytes.Replace(xlf, []byte(`id="u5"`), []byte(`id="u4"`), 1), 0o644)
	const xlfGood = "testdata/reviewed12.xlf"
	tests := []struct {
		files []string
		want  string
	}{
		{[]string{xlfGood, trunc}, trunc + ": 24:13: tu \"s3\""},
		{[]string{trunc, xlfGood}, trunc + ": 24:13: tu \"s3\""},
		{[]string{xlfGood, "testdata/memory.tmx", dup}, dup + ":24: unit u4: duplicate unit id (first at line 20)"},
		{[]string{xlfGood, filepath.Join(dir, "missing.tmx")}, "missing.tmx"},
	}
	for _, tt := range tests {
		m := openTemp(t)
		if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "قبل", Target: "before"}}); err != nil {
			t.Fatal(err)
		}
		res, err := m.ImportFiles(ctx, tt.files, ImportOptions{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: result %+v, error %v; want an error with %q", tt.files, res, err, tt.want)
		}
		if n := count(t, m); n != 1 {
			t.Errorf("%v: %d entries after a failed import, want the 1 from before", tt.files, n)
		}
	}
	// A single bad file is refused too, not reported as an empty import.
	m := openTemp(t)
	if res, err := m.ImportFile(ctx, dup, ImportOptions{}); err == nil {
		t.Errorf("ImportFile(%s) = %+v, no error", dup, res)
	}
	// Good files together: one result each.
	res, err := m.ImportFiles(ctx, []string{xlfGood, "testdata/memory.tmx"}, ImportOptions{})
	if err != nil || len(res) != 2 || res[0].Format != "xliff" || res[0].Added != 2 || res[1].Format != "tmx" || res[1].Added != 4 {
		t.Errorf("ImportFiles = %+v, %v", res, err)
	}
}

// TestDiscard: a memory that a failed import was to create is taken away
// with the folders made for it; one that existed before stays.
func TestDiscard(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "new", "sub", "memory.db")
	m, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after Discard of a new memory: %v, want its folders gone", err)
	}

	path = filepath.Join(dir, "memory.db")
	m, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	m, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("Discard removed a memory that existed before: %v", err)
	}

	// Pairs stored since Open (by this or another process) keep it.
	path = filepath.Join(dir, "kept.db")
	m, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "قبل", Target: "before"}}); err != nil {
		t.Fatal(err)
	}
	if err := m.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("Discard removed a memory holding pairs: %v", err)
	}
}

// TestConcurrentWriters: several handles on one file (as separate processes
// would have) write at once; every entry lands and the file stays sound.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "memory.db")
	const writers, batches, per = 4, 10, 50
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			m, err := Open(ctx, path, Options{})
			if err != nil {
				errs <- err
				return
			}
			defer m.Close()
			for b := 0; b < batches; b++ {
				var es []Entry
				for i := 0; i < per; i++ {
					es = append(es, Entry{SourceLang: "ar", TargetLang: "en", Source: fmt.Sprintf("جملة %d %d %d", w, b, i), Target: fmt.Sprintf("sentence %d %d %d", w, b, i)})
				}
				if _, err := m.Add(ctx, es); err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
				if _, err := m.Exact(ctx, "ar", "en", fmt.Sprintf("جملة %d %d 0", w, b)); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	m, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if n := count(t, m); n != writers*batches*per {
		t.Errorf("%d entries, want %d", n, writers*batches*per)
	}
	checkIntegrity(t, m)
}

func checkIntegrity(t *testing.T, m *Memory) {
	t.Helper()
	var res string
	if err := m.db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
	if _, err := m.db.Exec(`INSERT INTO tu_fts(tu_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS integrity check: %v", err)
	}
	if _, err := m.db.Exec(`INSERT INTO tu_tfts(tu_tfts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS integrity check of the translations' index: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := Open(ctx, filepath.Join(dir, "missing.db"), Options{MustExist: true}); !errors.Is(err, ErrNotFound) {
		t.Errorf("read-only open of a missing file: %v", err)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not a database ", 100)), 0o644)
	if _, err := Open(ctx, junk, Options{}); err == nil || !strings.Contains(err.Error(), junk) {
		t.Errorf("opening junk: %v", err)
	}
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	if _, err := m.ImportFile(ctx, "testdata/memory.tmx", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	s, err := m.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"ar→en-GB": 1, "ar→en": 2, "ar→fr": 1}
	if s.Entries != 4 || !reflect.DeepEqual(s.Pairs, want) || s.Articles != 1 || s.FileBytes == 0 {
		t.Errorf("stats = %+v", s)
	}
	if !s.Oldest.Equal(time.Date(2023, 9, 12, 10, 15, 0, 0, time.UTC)) {
		t.Errorf("oldest = %v", s.Oldest)
	}
}

func FuzzImport(f *testing.F) {
	for _, p := range []string{"testdata/memory.tmx", "testdata/reviewed12.xlf", "testdata/reviewed21.xlf"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	m, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer m.Close()
	f.Fuzz(func(t *testing.T, in string) {
		ctx := context.Background()
		before := count(t, m)
		res, err := m.Import(ctx, strings.NewReader(in), ImportOptions{All: true})
		after := count(t, m)
		if err != nil && after != before {
			t.Fatalf("failed import changed the memory: %d → %d entries", before, after)
		}
		if err == nil && after != before+res.Added {
			t.Fatalf("import said %d added, memory grew by %d", res.Added, after-before)
		}
	})
}

func TestGramKeys(t *testing.T) {
	for _, s := range []string{"", "ab", "abc", "abcd", "ابجد هوز", "aaaaaa", "ab ab ab"} {
		got := gramKeys(nil, s)
		var want []int64
		r := []rune(s)
		for i := 0; i+3 <= len(r); i++ {
			want = append(want, gramKey(r[i], r[i+1], r[i+2]))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("gramKeys(%q) = %x, want %x", s, got, want)
		}
	}
	if gramKey('a', 'b', 'c') == gramKey('a', 'c', 'b') || gramKey('ا', 'ل', 'ب') == gramKey('ب', 'ل', 'ا') {
		t.Error("gramKey confuses orders")
	}
}

// FuzzLookup: any text can be looked up; what comes back scores within
// bounds, best first.
func FuzzLookup(f *testing.F) {
	m, err := Open(context.Background(), filepath.Join(f.TempDir(), "m.db"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer m.Close()
	if _, err := m.ImportFile(context.Background(), "testdata/memory.tmx", ImportOptions{}); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "قمة بوتين وكيم", "قمة بوتين", "\"\"\"", "a\x00b", "ـــ", strings.Repeat("ال", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		ctx := context.Background()
		if _, err := m.Exact(ctx, "ar", "en", q); err != nil {
			t.Fatal(err)
		}
		ms, err := m.Fuzzy(ctx, "ar", "en", q, FuzzyOptions{MinScore: 0.1})
		if err != nil {
			t.Fatal(err)
		}
		for i, mt := range ms {
			if mt.Score < 0.1 || mt.Score > 1 || i > 0 && mt.Score > ms[i-1].Score {
				t.Errorf("match %d score %v out of order or bounds", i, mt.Score)
			}
		}
	})
}

// twice gives every pair of its source two times in a row.
type twice struct {
	src  pairSource
	last pair
	n    int
}

func (t *twice) next() pair {
	if t.n%2 == 0 {
		t.last = t.src.next()
	}
	t.n++
	return t.last
}

// TestImportIndexAndCounts imports more rows than one index batch, then a
// file half of whose pairs are there already (and each of them twice): the
// trigram index must hold every row once and the trigram counts must equal
// a count made afresh from the stored sources.
func TestImportIndexAndCounts(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	pairs := []pair{{"ذهب الولد إلى المدرسة", "The boy went to school"}, {"قال الوزير اليوم", "The minister said today"},
		{"  الطقس   جميل\tفي القاهرة ", "The weather is fine in Cairo"}}
	var a, b bytes.Buffer
	writeSynthTMX(t, &a, &numbered{pairs: pairs}, 2*indexBatch+100)
	writeSynthTMX(t, &b, &twice{src: &numbered{pairs: pairs, i: indexBatch}}, 2*indexBatch)
	res, err := m.Import(ctx, &a, ImportOptions{})
	if err != nil || res.Added != 2*indexBatch+100 {
		t.Fatalf("first import = %+v, %v", res, err)
	}
	res, err = m.Import(ctx, &b, ImportOptions{})
	if err != nil || res.Added != 0 || res.Updated != 2*indexBatch {
		t.Fatalf("second import = %+v, %v", res, err)
	}
	var c bytes.Buffer
	writeSynthTMX(t, &c, &twice{src: &numbered{pairs: pairs, i: 2 * indexBatch}}, 400)
	if res, err = m.Import(ctx, &c, ImportOptions{}); err != nil || res.Added != 100 || res.Updated != 300 {
		t.Fatalf("third import = %+v, %v", res, err)
	}
	checkIntegrity(t, m)
	var rows int
	if err := m.db.QueryRow(`SELECT count(*) FROM tu_fts WHERE tu_fts MATCH '"ولد"'`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if want := (2*indexBatch + 200 + 2) / 3; rows != want {
		t.Errorf("index finds %d rows with a word of one pair in three, want %d", rows, want)
	}
	got, want := freshGramCounts(t, m)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("trigram counts differ from a fresh count: %d trigrams stored, %d counted", len(got), len(want))
	}
}

// FuzzNormalize checks the one-pass white space handling against the plain
// definition: the folded text's fields joined by one space.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", " ", "a", "  ذهب  الولد\t\n", "a\u00a0b\u2003c\u0085", "\xff \xfe\t", "x \u200b y", "ـ ـ", "ﻻ  ب"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(arabic.Fold(s)), " ")
		if got := normalize(s); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestWriteTMX: entries written with WriteTMX come back from an import with
// their provenance; a character XML forbids is dropped with a warning.
func TestWriteTMX(t *testing.T) {
	ctx := context.Background()
	when := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	es := []Entry{
		{SourceLang: "ar", TargetLang: "en", Source: "قمة بوتين.", Target: "Putin\u0001 summit.", Article: "a.txt", UnitID: "u1", State: "final", Creator: "ed", Created: when},
		{SourceLang: "ar", TargetLang: "en", Source: "غادر.", Target: "He left.", Article: "a.txt", UnitID: "u2", State: "reviewed", Creator: "ed", Created: when},
	}
	var buf bytes.Buffer
	var warnings []string
	n, err := WriteTMX(&buf, tmx.Header{SrcLang: "ar"}, es, func(m string) { warnings = append(warnings, m) })
	if err != nil || n != 2 {
		t.Fatalf("WriteTMX = %d, %v", n, err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "unit u1") || !strings.Contains(warnings[0], "U+0001") {
		t.Errorf("warnings %v", warnings)
	}
	m := openTemp(t)
	if _, err := m.Import(ctx, &buf, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		got, err := m.Exact(ctx, "ar", "en", e.Source)
		if err != nil || len(got) != 1 {
			t.Fatalf("Exact(%q) = %+v, %v", e.Source, got, err)
		}
		g := got[0]
		if g.Target != strings.ReplaceAll(e.Target, "\u0001", "") || g.Article != e.Article || g.UnitID != e.UnitID ||
			g.State != e.State || g.Creator != e.Creator || !g.Created.Equal(e.Created) {
			t.Errorf("imported %+v, want the provenance of %+v", g, e)
		}
	}
}

// TestImportSkipReasons: every pair left out is counted under its reason,
// and the reasons add up to Skipped.
func TestImportSkipReasons(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	// three units into English, one also into French
	res, err := m.ImportFile(ctx, "testdata/memory.tmx", ImportOptions{TargetLang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.OtherLanguage != 3 || res.Skipped != res.Total() || res.Skipped != 3 {
		t.Errorf("TMX into another language: %+v", res)
	}
	res, err = m.ImportFile(ctx, "testdata/reviewed12.xlf", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.NotApproved != 2 || res.Boilerplate != 1 || res.Untranslated != 1 || res.Skipped != res.Total() {
		t.Errorf("XLIFF: %+v", res)
	}
}

// A target that is a copy of the source (what OmegaT's flavour starts from,
// or a CAT tool's "copy source") is no translation: never imported, with
// --all or without, and counted as untranslated, as review counts it.
func TestImportSourceCopyIsUntranslated(t *testing.T) {
	const file = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="article.txt" source-language="ar" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="u1"><source>قمة بوتين وكيم</source><target state="needs-translation">قمة  بوتين وكيم</target></trans-unit>
      <trans-unit id="u2" approved="yes"><source>وانتهى الاجتماع</source><target state="final">وانتهى الاجتماع</target></trans-unit>
      <trans-unit id="u3"><source>وقال سوليفان</source><target state="translated">Sullivan said</target></trans-unit>
    </body>
  </file>
</xliff>`
	ctx := context.Background()
	for _, all := range []bool{false, true} {
		m := openTemp(t)
		res, err := m.Import(ctx, strings.NewReader(file), ImportOptions{Name: "copy.xlf", All: all})
		if err != nil {
			t.Fatal(err)
		}
		wantAdded, wantNotApproved := 0, 1
		if all {
			wantAdded, wantNotApproved = 1, 0
		}
		if res.Added != wantAdded || res.Untranslated != 2 || res.NotApproved != wantNotApproved || res.Skipped != res.Total() {
			t.Errorf("all=%v: import = %+v, want %d added, 2 untranslated, %d not approved", all, res, wantAdded, wantNotApproved)
		}
		for _, src := range []string{"قمة بوتين وكيم", "وانتهى الاجتماع"} {
			if got, err := m.Exact(ctx, "ar", "en", src); err != nil || len(got) != 0 {
				t.Errorf("all=%v: Exact(%q) = %+v, %v; want the source copy left out", all, src, got, err)
			}
		}
	}
}

// OmegaT (project_save.tmx) and other tools date and sign the <tuv> of the
// translation, not the <tu>: the entry takes its provenance from there, so
// that lookups rank the newer translation first and say who made it, and
// an export writes the file as it was.
func TestImportVariantProvenance(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	in := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.1"><header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="6.0.0" segtype="sentence" srclang="AR"/>
<body>
<tu><tuv lang="AR"><seg>أعلنت الحكومة عن خطة جديدة.</seg></tuv>
<tuv lang="EN-GB" changeid="salma" changedate="20230406T101010Z" creationid="amira" creationdate="20230401T090000Z"><seg>The government unveiled a new plan.</seg></tuv></tu>
<tu><tuv lang="AR"><seg>أعلنت الحكومة عن خطة جديدة.</seg></tuv>
<tuv lang="EN-GB" changeid="amira" changedate="20230405T101010Z" creationid="amira" creationdate="20230405T101010Z"><seg>The government announced a new plan.</seg></tuv></tu>
</body></tmx>`
	if _, err := m.Import(ctx, strings.NewReader(in), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	es, err := m.Exact(ctx, "ar", "en", "أعلنت الحكومة عن خطة جديدة.")
	if err != nil || len(es) != 2 {
		t.Fatalf("exact: %d entries, %v", len(es), err)
	}
	e := es[0]
	if e.Target != "The government unveiled a new plan." || e.Creator != "amira" || e.Changer != "salma" ||
		!e.Changed.Equal(time.Date(2023, 4, 6, 10, 10, 10, 0, time.UTC)) || !e.Created.Equal(time.Date(2023, 4, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("first match %+v", e)
	}
	if d := Describe(&e); !strings.Contains(d, "salma 2023-04-06") {
		t.Errorf("provenance %q", d)
	}
	var buf bytes.Buffer
	if _, err := m.ExportTMX(ctx, &buf, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	out, err := tmx.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range out.Units {
		if u.CreationID != "" || !u.ChangeDate.IsZero() || u.Variants[1].ChangeID == "" {
			t.Errorf("exported unit %+v, want the dates on the <tuv> only", u)
		}
	}
}

// A memory the process may read but not write (another user's file, a
// read-only share) serves lookups, stats and export; a write says why it
// fails and names the file.
func TestOpenReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only files")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "shared")
	path := filepath.Join(dir, "memory.db")
	m, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "وصل الوفد إلى موسكو.", Target: "The delegation arrived in Moscow."}}); err != nil {
		t.Fatal(err)
	}
	m.Close()
	os.Chmod(path, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })

	for _, opts := range []Options{{MustExist: true}, {}} {
		m, err := Open(ctx, path, opts)
		if err != nil {
			t.Fatalf("open %+v: %v", opts, err)
		}
		if !m.ReadOnly() {
			t.Errorf("not said read-only")
		}
		if es, err := m.Exact(ctx, "ar", "en", "وصل الوفد الى موسكو."); err != nil || len(es) != 1 {
			t.Errorf("exact: %v %v", es, err)
		}
		if ms, err := m.Fuzzy(ctx, "ar", "en", "وصل الوفد إلى كييف.", FuzzyOptions{MinScore: 0.5}); err != nil || len(ms) != 1 {
			t.Errorf("fuzzy: %v %v", ms, err)
		}
		if s, err := m.Stats(ctx); err != nil || s.Entries != 1 {
			t.Errorf("stats: %+v %v", s, err)
		}
		if n, err := m.ExportTMX(ctx, &bytes.Buffer{}, ExportOptions{}); err != nil || n != 1 {
			t.Errorf("export: %d %v", n, err)
		}
		_, err = m.Add(ctx, []Entry{{SourceLang: "ar", TargetLang: "en", Source: "نص", Target: "text"}})
		if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
			t.Errorf("add to a read-only memory: %v", err)
		}
		m.Close()
	}
}

// XLIFF 1.2 makes target-language optional, and some tools leave it out:
// the import takes the one it is given, and without one says how to give it.
func TestXLIFFImportWithoutTargetLanguage(t *testing.T) {
	ctx := context.Background()
	in := `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="a.po" source-language="ar" datatype="plaintext"><body>
<trans-unit id="3" approved="yes"><source>وصل الوفد إلى موسكو.</source><target state="translated">The delegation arrived in Moscow.</target></trans-unit>
</body></file></xliff>`
	m := openTemp(t)
	_, err := m.Import(ctx, strings.NewReader(in), ImportOptions{Name: "a.xlf"})
	if err == nil || !strings.Contains(err.Error(), "a.xlf") || !strings.Contains(err.Error(), "--target-lang") {
		t.Errorf("import without a target language: %v", err)
	}
	res, err := m.Import(ctx, strings.NewReader(in), ImportOptions{Name: "a.xlf", TargetLang: "en-GB"})
	if err != nil || res.Added != 1 {
		t.Fatalf("import with a target language: %+v %v", res, err)
	}
	if es, err := m.Exact(ctx, "ar", "en", "وصل الوفد إلى موسكو."); err != nil || len(es) != 1 || es[0].TargetLang != "en-GB" {
		t.Errorf("exact: %+v %v", es, err)
	}
}

// A TMX pair whose target is its source copied (a CAT tool's "copy source"
// left untranslated) is no translation: translate would take the Arabic as
// the English.
func TestTMXImportSourceCopyIsUntranslated(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	in := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ar" datatype="plaintext"/><body>
<tu><tuv xml:lang="ar"><seg>انتهت المحادثات اليوم.</seg></tuv><tuv xml:lang="en"><seg> انتهت المحادثات  اليوم.</seg></tuv></tu>
<tu><tuv xml:lang="ar"><seg>انتهت المحادثات.</seg></tuv><tuv xml:lang="en"><seg>The talks ended.</seg></tuv></tu>
</body></tmx>`
	for _, all := range []bool{false, true} {
		res, err := m.Import(ctx, strings.NewReader(in), ImportOptions{All: all})
		if err != nil || res.Added+res.Updated != 1 || res.Untranslated != 1 {
			t.Errorf("import (all %v) = %+v, %v; want the copy left out as untranslated", all, res, err)
		}
	}
	if es, _ := m.Exact(ctx, "ar", "en", "انتهت المحادثات اليوم."); len(es) != 0 {
		t.Errorf("the copy is in the memory: %+v", es)
	}
}

// A memory made translating English into Arabic (srclang en-US, as Trados
// writes it) serves Arabic to English lookups: its units are read from the
// import's source language; export writes the unit's srclang back.
func TestTMXImportOtherDirection(t *testing.T) {
	ctx := context.Background()
	m := openTemp(t)
	in := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="SDL" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" datatype="xml"/><body>
<tu srclang="en-US"><tuv xml:lang="en-US"><seg>The talks ended.</seg></tuv><tuv xml:lang="ar-SA"><seg>انتهت المحادثات.</seg></tuv></tu>
<tu srclang="fr-FR"><tuv xml:lang="fr-FR"><seg>Les pourparlers ont pris fin.</seg></tuv><tuv xml:lang="en-US"><seg>The talks ended.</seg></tuv></tu>
</body></tmx>`
	res, err := m.Import(ctx, strings.NewReader(in), ImportOptions{})
	if err != nil || res.Added != 2 {
		t.Fatalf("import = %+v, %v", res, err)
	}
	es, err := m.Exact(ctx, "ar", "en", "انتهت المحادثات.")
	if err != nil || len(es) != 1 || es[0].Target != "The talks ended." {
		t.Fatalf("ar→en lookup = %+v, %v; want the English of the en→ar unit", es, err)
	}
	// a unit without Arabic keeps its own direction
	if es, _ := m.Exact(ctx, "fr", "en", "Les pourparlers ont pris fin."); len(es) != 1 {
		t.Errorf("fr→en lookup = %+v", es)
	}
	var out strings.Builder
	if _, err := m.ExportTMX(ctx, &out, ExportOptions{SourceLang: "ar"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `srclang="en-US"`) {
		t.Errorf("export lost the unit's srclang:\n%s", out.String())
	}
}
