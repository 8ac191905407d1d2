package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"bitext/doc"
	"bitext/translate/enginetest"
)

const testKey = "libre-key-never-shown-7c1"

// libreServer is a LibreTranslate fake answering through f; a request whose
// fault is BadRequest gets a 400 that quotes its key, as careless servers do.
func libreServer(t *testing.T, f *enginetest.Fake) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Q              []string
			Source, Target string
			APIKey         string `json:"api_key"`
		}
		json.NewDecoder(r.Body).Decode(&in)
		out, fault := f.Serve(r.Context(), enginetest.Received{SourceLang: in.Source, TargetLang: in.Target, Texts: in.Q, Auth: in.APIKey})
		switch fault {
		case enginetest.OK:
			json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
		case enginetest.BadRequest:
			w.WriteHeader(400)
			json.NewEncoder(w).Encode(map[string]string{"error": "bad key " + in.APIKey})
		default:
			w.WriteHeader(503)
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

type report struct {
	Engine        string
	DryRun        bool    `json:"dry_run"`
	EstimatedCost float64 `json:"estimated_cost"`
	Stats         struct {
		Documents, Segments, Requests, Characters, Retries int
		Cached                                             int `json:"cached_segments"`
		Violations                                         int `json:"glossary_violations"`
	}
	Files []struct{ Input, Output string }
	Flags map[string]int
}

func decodeReport(t *testing.T, s string) report {
	t.Helper()
	var r report
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, s)
	}
	return r
}

func TestTranslateWithEngineAndCache(t *testing.T) {
	dir := sampleDir(t)
	f := &enginetest.Fake{Answer: enginetest.English}
	t.Setenv("BITEXT_ENGINE_URL", libreServer(t, f))
	t.Setenv("BITEXT_ENGINE_KEY", testKey)
	args := []string{"translate", "--engine", "libretranslate", "--cache", filepath.Join(dir, "cache"), "--format", "json", "--json", "article.txt"}

	r := runBitext(t, dir, "", append([]string{"translate", "--dry-run", "--price", "10"}, args[1:]...)...)
	if r.code != 0 || f.Calls() != 0 {
		t.Fatalf("dry run: exit %d, %d calls: %s", r.code, f.Calls(), r.stderr)
	}
	plan := decodeReport(t, r.stdout)
	if !plan.DryRun || plan.Stats.Requests == 0 || plan.Stats.Characters < 3000 || plan.EstimatedCost != float64(plan.Stats.Characters)*10/1e6 {
		t.Errorf("dry run report %+v", plan)
	}
	if _, err := os.Stat(filepath.Join(dir, "article.json")); err == nil {
		t.Error("dry run wrote an output")
	}

	r = runBitext(t, dir, "", args...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	first := decodeReport(t, r.stdout)
	if first.Stats.Requests != plan.Stats.Requests || first.Stats.Characters != plan.Stats.Characters || f.Calls() != first.Stats.Requests {
		t.Errorf("run %+v differs from its dry run %+v (fake saw %d calls)", first.Stats, plan.Stats, f.Calls())
	}
	if f.Requests()[0].Auth != testKey || f.Requests()[0].SourceLang != "ar" {
		t.Errorf("request %+v", f.Requests()[0])
	}
	data, err := os.ReadFile(filepath.Join(dir, "article.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := doc.ReadJSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	names := 0
	for _, u := range b.Units {
		if strings.Contains(u.Target, "Jake Sullivan") || strings.Contains(u.Target, "Vladimir Putin") {
			names++
		}
		if strings.ContainsAny(u.Target, "⟦⟧") {
			t.Errorf("placeholder left in %q", u.Target)
		}
	}
	if names < 2 || b.Engine != "libretranslate" {
		t.Errorf("glossary names not in the translation (%d units with them)", names)
	}
	if strings.Contains(string(data)+r.stdout+r.stderr, testKey) {
		t.Error("the key was written out")
	}

	calls := f.Calls()
	r = runBitext(t, dir, "", args...)
	if second := decodeReport(t, r.stdout); r.code != 0 || second.Stats.Requests != 0 || f.Calls() != calls || second.Stats.Cached != second.Stats.Segments {
		t.Errorf("second run sent %d requests: %+v", f.Calls()-calls, second.Stats)
	}

	text, _ := os.ReadFile(filepath.Join(dir, "article.txt"))
	edited := strings.Replace(string(text), "حذر مسؤول كبير", "حذر مسؤول رفيع", 1)
	os.WriteFile(filepath.Join(dir, "article.txt"), []byte(edited), 0o644)
	r = runBitext(t, dir, "", args...)
	third := decodeReport(t, r.stdout)
	if r.code != 0 || third.Stats.Requests != 1 || third.Stats.Segments-third.Stats.Cached != 1 {
		t.Errorf("after an edit: %+v", third.Stats)
	}
}

func TestTranslateDirectoryToOutDir(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "in"), 0o755)
	os.WriteFile(filepath.Join(dir, "in", "a.txt"), []byte("قال الرئيس.\n\nزار موسكو.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "in", "b.txt"), []byte("زار موسكو.\n\nفي موسكو.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "in", "notes.md"), []byte("x"), 0o644)
	f := &enginetest.Fake{}
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", libreServer(t, f), "--no-cache",
		"--format", "json", "--out-dir", "out", "in")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, name := range []string{"a.json", "b.json"} {
		if _, err := os.Stat(filepath.Join(dir, "out", name)); err != nil {
			t.Error(err)
		}
	}
	if f.Calls() != 1 || len(f.Requests()[0].Texts) != 3 {
		t.Errorf("want one shared request of 3 distinct paragraphs, got %+v", f.Requests())
	}
	if !strings.Contains(r.stderr, "2 files, 4 segments") || !strings.Contains(r.stderr, "1 request,") {
		t.Errorf("summary line: %q", r.stderr)
	}
	r = runBitext(t, dir, "", "translate", "-o", "x.html", "in")
	if r.code != 2 {
		t.Errorf("-o with two inputs: exit %d", r.code)
	}
}

func TestTranslateFailureKeepsOutputsAndHidesKey(t *testing.T) {
	dir := sampleDir(t)
	const previous = "previous\n"
	os.WriteFile(filepath.Join(dir, "article.html"), []byte(previous), 0o644)
	f := &enginetest.Fake{Script: []enginetest.Fault{enginetest.BadRequest}}
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", libreServer(t, f),
		"--engine-key", testKey, "--cache", filepath.Join(dir, "cache"), "article.txt")
	if r.code != 1 || !strings.Contains(r.stderr, "400") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if strings.Contains(r.stderr+r.stdout, testKey) {
		t.Errorf("the key was printed: %s", r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "article.html")); string(got) != previous {
		t.Error("a failed run replaced the earlier output")
	}
}

func TestTranslateCancelKeepsFinishedWork(t *testing.T) {
	dir := sampleDir(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &enginetest.Fake{Script: []enginetest.Fault{enginetest.OK, enginetest.Hang}, OnCall: func(n int, _ enginetest.Received) {
		if n == 2 {
			cancel()
		}
	}}
	t.Chdir(dir)
	var out, errOut strings.Builder
	code := run(ctx, []string{"bitext", "translate", "--engine", "libretranslate", "--engine-url", libreServer(t, f), "--concurrency", "1",
		"--engine-option", "max-items=5", "--cache", "cache", "article.txt"}, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut})
	if code != exitInterrupted || !strings.Contains(errOut.String(), "interrupted: 0 of 1 articles written") {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat("article.html"); err == nil {
		t.Error("a cancelled run wrote its output")
	}
	entries, _ := filepath.Glob(filepath.Join("cache", "*", "*"))
	if len(entries) != 5 {
		t.Errorf("want the first batch of 5 cached, found %d entries", len(entries))
	}
}

func TestTranslateDefaultCacheHonoursXDG(t *testing.T) {
	dir := sampleDir(t)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "xdg"))
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", libreServer(t, &enginetest.Fake{}), "article.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "xdg", "bitext", "translations", "*", "*"))
	if len(entries) == 0 {
		t.Error("nothing cached under $XDG_CACHE_HOME/bitext/translations")
	}
}

func TestTranslateProgressOnlyOnTerminal(t *testing.T) {
	dir := sampleDir(t)
	url := libreServer(t, &enginetest.Fake{})
	for _, term := range []bool{false, true} {
		t.Chdir(dir)
		var out, errOut strings.Builder
		code := run(context.Background(), []string{"bitext", "translate", "--engine", "libretranslate", "--engine-url", url, "--no-cache", "article.txt"},
			&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, stderrIsTerminal: term})
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		if got := strings.Contains(errOut.String(), "segments ·"); got != term {
			t.Errorf("terminal %v: progress shown %v: %q", term, got, errOut.String())
		}
	}
}

func TestEngineFlagsNeedSettings(t *testing.T) {
	dir := sampleDir(t)
	t.Setenv("GOOGLE_CLOUD_PROJECT", "")
	t.Setenv("GOOGLE_API_KEY", "")
	t.Setenv("BITEXT_ENGINE_KEY", "")
	t.Setenv("BITEXT_ENGINE_URL", "")
	// A missing setting is a usage error, as in align and glossary push.
	for engine, want := range map[string]string{"google": "GOOGLE_CLOUD_PROJECT", "google-v2": "GOOGLE_API_KEY", "libretranslate": "--engine-url", "openai": "--model"} {
		r := runBitext(t, dir, "", "translate", "--engine", engine, "--no-cache", "article.txt")
		if r.code != 2 || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: exit %d, %q lacks %q", engine, r.code, r.stderr, want)
		}
	}
	for _, args := range [][]string{
		{"--engine", "libretranslate", "--engine-url", "localhost:5000"},
		{"--engine", "libretranslate", "--engine-url", "http://localhost:5000", "--engine-option", "max-items=many"},
		{"--engine", "google", "--project", "p", "--engine-option", "transport=carrier-pigeon"},
	} {
		if r := runBitext(t, dir, "", append(append([]string{"translate", "--no-cache"}, args...), "article.txt")...); r.code != 2 {
			t.Errorf("%v: exit %d: %s", args, r.code, r.stderr)
		}
	}
	// Google's credentials are found on the first request: their absence is
	// a usage error too, in translate and align, not an article's failure
	// that a rerun resumes.
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "")
	t.Setenv("CLOUDSDK_CONFIG", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	if err := os.WriteFile(filepath.Join(dir, "en.txt"), []byte("The president said so.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"translate", "--engine", "google", "--project", "p", "--no-cache", "article.txt"},
		{"align", "--engine", "google", "--project", "p", "--no-cache", "-o", "-", "article.txt", "en.txt"},
	} {
		r := runBitext(t, dir, "", args...)
		if r.code != 2 || !strings.Contains(r.stderr, "GOOGLE_APPLICATION_CREDENTIALS") || strings.Contains(r.stderr, "resumes") || strings.Contains(r.stderr, "article.txt:") {
			t.Errorf("%s without credentials: exit %d: %s", args[0], r.code, r.stderr)
		}
	}
	// A dry run sends nothing: google needs a project but no credentials,
	// google-v2 no key.
	for _, args := range [][]string{{"--engine", "google", "--project", "p"}, {"--engine", "google-v2"}} {
		r := runBitext(t, dir, "", append(append([]string{"translate", "--dry-run", "--no-cache"}, args...), "article.txt")...)
		if r.code != 0 || !strings.Contains(r.stdout, "would send ") {
			t.Errorf("%v dry run: exit %d: %s %s", args, r.code, r.stdout, r.stderr)
		}
	}
}

// An --engine-option the engine does not read is refused, naming the ones
// it does, in translate and align alike.
func TestEngineOptionsUnknownRefused(t *testing.T) {
	dir := alignDir(t)
	url := libreServer(t, &enginetest.Fake{})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"translate", "--engine", "libretranslate", "--engine-url", url, "--engine-option", "bogus=1", "article.txt"}, "max-items, max-chars, max-item-chars"},
		{[]string{"translate", "--engine", "gist", "--engine-option", "max-items=5", "article.txt"}, "lexicon"},
		{[]string{"translate", "--engine", "none", "--engine-option", "lexicon=x.tsv", "article.txt"}, "takes none"},
		{[]string{"translate", "--engine", "google-v2", "--engine-key", "k", "--engine-option", "transport=rest", "article.txt"}, "max-url-bytes"},
		{[]string{"align", "--engine", "gist", "--engine-option", "max-url-bytes=9", "article.txt", "article.en.txt"}, "lexicon"},
	} {
		r := runBitext(t, dir, "", tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, "no engine option") || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d: %s", tc.args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "article.html")); err == nil {
		t.Error("a refused run wrote its output")
	}
}

// The gist glosses Arabic into English only: another pair is a usage error
// naming the engine and the pair, whether the gist was named or auto chose it.
func TestGistLanguagePair(t *testing.T) {
	dir := sampleDir(t)
	for _, v := range []string{"GOOGLE_CLOUD_PROJECT", "GOOGLE_API_KEY", "BITEXT_ENGINE_KEY", "BITEXT_ENGINE_URL", "GOOGLE_APPLICATION_CREDENTIALS"} {
		t.Setenv(v, "")
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--engine", "gist", "--target-lang", "fr"}, "gist: cannot translate ar→fr"},
		{[]string{"--engine", "gist", "--source-lang", "en"}, "gist: cannot translate en→en"},
		{[]string{"--target-lang", "fr"}, "auto chose gist"},
		{[]string{"--engine", "gist", "--target-lang", "fr", "--dry-run"}, "gist: cannot translate ar→fr"},
	} {
		r := runBitext(t, dir, "", append(append([]string{"translate", "--no-tm"}, tc.args...), "article.txt")...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, %q lacks %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "article.html")); err == nil {
		t.Error("a refused run wrote its output")
	}
	// A regional variant of the pair is the pair; other engines decide for
	// themselves.
	for _, args := range [][]string{{"--engine", "gist", "--target-lang", "en-GB"}, {"--engine", "none", "--target-lang", "fr"}} {
		if r := runBitext(t, dir, "", append(append([]string{"translate", "--no-tm", "-o", "x.html"}, args...), "article.txt")...); r.code != 0 {
			t.Errorf("%v: exit %d: %s", args, r.code, r.stderr)
		}
	}
}

// The summary line says how many paragraphs came from the memory, and a
// local engine's line counts no requests: it sends nothing.
func TestTranslateSummaryLine(t *testing.T) {
	dir := sampleDir(t)
	tmxFile := filepath.Join(dir, "m.tmx")
	os.WriteFile(tmxFile, []byte(`<tmx version="1.4"><header srclang="ar"/><body>
<tu tuid="h"><tuv xml:lang="ar"><seg>قمة بوتين وكيم</seg></tuv><tuv xml:lang="en"><seg>The Putin–Kim summit</seg></tuv></tu>
</body></tmx>`), 0o644)
	if r := runBitext(t, dir, "", "tm", "import", "--tm", "m.db", tmxFile); r.code != 0 {
		t.Fatal(r.stderr)
	}
	url := libreServer(t, &enginetest.Fake{})
	for _, tc := range []struct {
		args          []string
		stdout        bool // the line is on stdout (a dry run)
		want, notWant []string
	}{
		{[]string{"--engine", "libretranslate", "--engine-url", url, "--tm", "m.db"}, false,
			[]string{"28 segments (0 cached), 1 from memory, 2 requests"}, nil},
		{[]string{"--engine", "libretranslate", "--engine-url", url, "--tm", "m.db", "--dry-run"}, true,
			[]string{"would send 2 requests", "(0 of 28 segments already cached, 1 from memory)"}, nil},
		{[]string{"--engine", "libretranslate", "--engine-url", url, "--no-tm"}, false,
			[]string{"29 segments (0 cached), 2 requests"}, []string{"from memory"}},
		{[]string{"--engine", "gist", "--tm", "m.db"}, false,
			[]string{"segments, 1 from memory, 0 glossary violations", "engine gist (local engine, nothing sent)"}, []string{"requests", "billed", "cached"}},
		{[]string{"--engine", "gist", "--no-tm", "--dry-run"}, true,
			[]string{"dry run, engine gist: would send nothing (local engine); 29 segments"}, []string{"requests", "cost"}},
	} {
		r := runBitext(t, dir, "", append(append([]string{"translate", "--no-cache", "-o", "out.html"}, tc.args...), "article.txt")...)
		line := r.stderr
		if tc.stdout {
			line = r.stdout
		}
		if r.code != 0 {
			t.Errorf("%v: exit %d: %s", tc.args, r.code, r.stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(line, w) {
				t.Errorf("%v: %q lacks %q", tc.args, line, w)
			}
		}
		for _, w := range tc.notWant {
			if strings.Contains(line, w) {
				t.Errorf("%v: %q has %q", tc.args, line, w)
			}
		}
	}
}

// A folder run writes each batch of articles as soon as it is translated: a
// failure later on keeps the articles already finished, and running again
// resumes from the cache.
func TestTranslateFolderWritesFinishedBatches(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	n := translateBatch + 2
	numberedArticles(t, in, n, "قال المتحدث إن العطل هنا.")
	var fail atomic.Bool
	fail.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Q []string }
		json.NewDecoder(r.Body).Decode(&req)
		out := make([]string, len(req.Q))
		for i, q := range req.Q {
			if fail.Load() && strings.Contains(q, "العطل") {
				w.WriteHeader(400)
				json.NewEncoder(w).Encode(map[string]string{"error": "refused"})
				return
			}
			out[i] = "EN " + q
		}
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	}))
	t.Cleanup(srv.Close)
	args := []string{"translate", "--engine", "libretranslate", "--engine-url", srv.URL, "--cache", filepath.Join(dir, "cache"), "--no-tm", "--out-dir", "out", "in"}
	r := runBitext(t, dir, "", args...)
	if r.code != 1 || !strings.Contains(r.stderr, fmt.Sprintf("%d of %d articles written", translateBatch, n)) {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	written, _ := os.ReadDir(filepath.Join(dir, "out"))
	if len(written) != translateBatch {
		t.Fatalf("%d outputs after the failure, want the first batch's %d", len(written), translateBatch)
	}
	fail.Store(false)
	if r := runBitext(t, dir, "", args...); r.code != 0 || !strings.Contains(r.stderr, count(n, "file", "files")) {
		t.Fatalf("second run: exit %d, stderr %s", r.code, r.stderr)
	}
	if written, _ := os.ReadDir(filepath.Join(dir, "out")); len(written) != n {
		t.Errorf("%d outputs, want %d", len(written), n)
	}
}

// A folder run stopped by Ctrl-C exits 130, and its --json report lists the
// articles already written.
func TestTranslateInterruptedFolderReportsWrittenFiles(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	n := translateBatch + 1
	numberedArticles(t, in, n, "قال المتحدث إن التوقف هنا.")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Q []string }
		json.NewDecoder(r.Body).Decode(&req)
		out := make([]string, len(req.Q))
		for i, q := range req.Q {
			if strings.Contains(q, "التوقف") {
				cancel() // Ctrl-C while the second batch is under way
				w.WriteHeader(503)
				return
			}
			out[i] = "EN " + q
		}
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	}))
	t.Cleanup(srv.Close)
	t.Chdir(dir)
	var out, errOut strings.Builder
	code := run(ctx, []string{"bitext", "translate", "--engine", "libretranslate", "--engine-url", srv.URL, "--no-cache", "--no-tm",
		"--json", "--out-dir", "out", "in"}, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut})
	want := fmt.Sprintf("interrupted: %d of %d articles written", translateBatch, n)
	if code != exitInterrupted || !strings.Contains(errOut.String(), want) {
		t.Fatalf("exit %d, stderr %s; want %d and %q", code, errOut.String(), exitInterrupted, want)
	}
	var rep translateReport
	if err := json.Unmarshal([]byte(out.String()), &rep); err != nil {
		t.Fatalf("stdout is no report: %v\n%s", err, out.String())
	}
	if !rep.Interrupted || len(rep.Files) != translateBatch {
		t.Errorf("report: interrupted %v, %d files; want true and %d", rep.Interrupted, len(rep.Files), translateBatch)
	}
	// A pipeline that reads only the report learns why the run stopped and
	// what the characters billed before it cost.
	if c := rep.Stats.Characters; c == 0 || rep.EstimatedCost != float64(c)*rep.PricePerMChar/1e6 {
		t.Errorf("report: %d characters billed at $%g per million cost $%g", c, rep.PricePerMChar, rep.EstimatedCost)
	}
	if !strings.HasPrefix(rep.Error, want) {
		t.Errorf("report error %q, want %q", rep.Error, want)
	}
	for _, f := range rep.Files {
		if _, err := os.Stat(f.Output); err != nil {
			t.Errorf("the report lists %s: %v", f.Output, err)
		}
	}
}

// TestTranslateCacheThatCannotStore: a cache that cannot store an answer (a
// full disk, a shared folder of another user) must not cost the translations
// the engine has already billed: the output is written, and a warning says
// that a second run would pay again.
func TestTranslateCacheThatCannotStore(t *testing.T) {
	dir := sampleDir(t)
	cache := filepath.Join(dir, "cache")
	if err := os.Mkdir(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	// A file where each of the cache's subfolders goes: every store fails,
	// for root too.
	for i := 0; i < 256; i++ {
		if err := os.WriteFile(filepath.Join(cache, fmt.Sprintf("%02x", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f := &enginetest.Fake{}
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", libreServer(t, f), "--cache", cache, "article.txt")
	if r.code != 0 || f.Calls() == 0 {
		t.Fatalf("exit %d, %d requests: %s", r.code, f.Calls(), r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "article.html")); err != nil {
		t.Errorf("no output: %v", err)
	}
	if !strings.Contains(r.stderr, "translation cache") || !strings.Contains(r.stderr, "again") {
		t.Errorf("stderr %q does not warn that the answers were not cached", r.stderr)
	}
}

// A run that fails after some requests were answered reports them in its
// --json report: they are billed all the same.
func TestFailedRunReportsWhatWasBilled(t *testing.T) {
	dir := sampleDir(t)
	f := &enginetest.Fake{Script: []enginetest.Fault{enginetest.OK, enginetest.BadRequest}}
	t.Setenv("BITEXT_ENGINE_URL", libreServer(t, f))
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--no-cache", "--concurrency", "1",
		"--engine-option", "max-items=5", "--format", "json", "--json", "article.txt")
	if r.code != 1 || f.Calls() != 2 {
		t.Fatalf("exit %d, %d calls: %s", r.code, f.Calls(), r.stderr)
	}
	sent := 0
	for _, t := range f.Requests()[0].Texts {
		sent += len([]rune(t))
	}
	if rep := decodeReport(t, r.stdout); rep.Stats.Requests != 2 || rep.Stats.Characters != sent || len(rep.Files) != 0 {
		t.Errorf("report %+v, want 2 requests and the %d characters of the first", rep, sent)
	}
}

// A server that answers in Arabic (echoing the text) leaves the article
// untranslated: the summary line says so instead of looking finished.
func TestSummaryCountsUntranslated(t *testing.T) {
	dir := sampleDir(t)
	f := &enginetest.Fake{Answer: func(s string) string { return s }}
	t.Setenv("BITEXT_ENGINE_URL", libreServer(t, f))
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--no-cache", "article.txt")
	if r.code != 0 || !strings.Contains(r.stderr, " units untranslated; engine libretranslate") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
}

// TestTranslateTimeout: --timeout bounds each request to a server that never
// answers, and the failure says so; a timeout that is not positive is a usage
// error.
func TestTranslateTimeout(t *testing.T) {
	dir := sampleDir(t)
	done := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select { // never answers while the test runs
		case <-r.Context().Done():
		case <-done:
		}
	}))
	defer hang.Close()
	defer close(done)
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", hang.URL, "--timeout", "50ms", "--no-cache", "-q", "article.txt")
	if r.code != 1 || !strings.Contains(r.stderr, "no answer within 50ms") {
		t.Errorf("hanging server: exit %d: %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "translate", "--timeout", "0s", "-q", "article.txt"); r.code != 2 || !strings.Contains(r.stderr, "--timeout") {
		t.Errorf("--timeout 0s: exit %d: %s", r.code, r.stderr)
	}
}

// numberedArticles writes n one-sentence articles a00.txt… into the new
// folder in, each text different, the last one last.
func numberedArticles(t *testing.T, in string, n int, last string) {
	t.Helper()
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		text := "قال المتحدث إن الاجتماع رقم " + strings.Repeat("ا", i+1) + " انتهى."
		if i == n-1 {
			text = last
		}
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("a%02d.txt", i)), []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Engine settings kept in a secret file end in a line break (echo adds one,
// and a Kubernetes secret keeps it): the run takes them without it instead
// of failing every request. A control character inside is a usage error
// that names the variable, never the key, and a malformed URL from the
// environment says which variable set it.
func TestEngineSettingsFromSecretFiles(t *testing.T) {
	dir := sampleDir(t)
	t.Setenv("GOOGLE_CLOUD_PROJECT", "")
	t.Setenv("GOOGLE_API_KEY", "")
	f := &enginetest.Fake{Answer: enginetest.English}
	t.Setenv("BITEXT_ENGINE_URL", libreServer(t, f)+"\n")
	t.Setenv("BITEXT_ENGINE_KEY", testKey+"\r\n")
	r := runBitext(t, dir, "", "translate", "--no-cache", "--format", "json", "article.txt")
	if r.code != 0 {
		t.Fatalf("settings ending in a line break: exit %d: %s", r.code, r.stderr)
	}
	if reqs := f.Requests(); len(reqs) == 0 || reqs[0].Auth != testKey {
		t.Errorf("the engine got the key %q, want %q", reqs[0].Auth, testKey)
	}
	// The reason names the variable: nobody passed --engine-url.
	if !strings.Contains(r.stderr, "engine auto: libretranslate ($BITEXT_ENGINE_URL is set)") {
		t.Errorf("auto did not say it chose the server of BITEXT_ENGINE_URL: %s", r.stderr)
	}

	t.Setenv("BITEXT_ENGINE_KEY", "libre-key\x1bnever-shown")
	calls := f.Calls()
	r = runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--no-cache", "-o", "k.json", "article.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "$BITEXT_ENGINE_KEY holds a control character") || strings.Contains(r.stderr, "never-shown") || f.Calls() != calls {
		t.Errorf("a key with an escape inside: exit %d, %d requests: %s", r.code, f.Calls()-calls, r.stderr)
	}

	t.Setenv("BITEXT_ENGINE_KEY", "")
	t.Setenv("BITEXT_ENGINE_URL", "localhost:5000")
	r = runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--no-cache", "-o", "u.json", "article.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "set by $BITEXT_ENGINE_URL") {
		t.Errorf("a URL without its scheme in the environment: exit %d: %s", r.code, r.stderr)
	}
	r = runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", "localhost:5001", "--no-cache", "-o", "u.json", "article.txt")
	if r.code != 2 || strings.Contains(r.stderr, "BITEXT_ENGINE_URL") {
		t.Errorf("a URL on the command line blamed on the environment: exit %d: %s", r.code, r.stderr)
	}
}

// A home where the cache's folder cannot be made (a container's read-only
// home; here a file stands in its way) stops the run before anything is
// sent, saying how to put the cache elsewhere.
func TestUnusableCacheFolderSaysWhatToDo(t *testing.T) {
	dir := sampleDir(t)
	f := &enginetest.Fake{Answer: enginetest.English}
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", filepath.Join(dir, "article.txt"))
	r := runBitext(t, dir, "", "translate", "--engine", "libretranslate", "--engine-url", libreServer(t, f), "-o", "a.json", "article.txt")
	if r.code != 1 || f.Calls() != 0 || !strings.Contains(r.stderr, "--cache DIR or $XDG_CACHE_HOME puts it elsewhere") ||
		!strings.Contains(r.stderr, filepath.Join(dir, "article.txt", ".cache", "bitext", "translations")) {
		t.Errorf("exit %d, %d requests: %s", r.code, f.Calls(), r.stderr)
	}
}

// The openai engine takes its key from OPENAI_API_KEY too, as OpenAI's own
// tools do; OpenAI's API without any key is a usage error before anything
// is sent, rather than a 401 on the first request.
func TestOpenAIKeyFromItsOwnVariable(t *testing.T) {
	dir := sampleDir(t)
	var auth atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth.Store(r.Header.Get("Authorization"))
		var in struct{ Messages []struct{ Content string } }
		json.NewDecoder(r.Body).Decode(&in)
		var texts []string
		json.Unmarshal([]byte(in.Messages[len(in.Messages)-1].Content), &texts)
		for i := range texts {
			texts[i] = "The official spoke on Tuesday."
		}
		content, _ := json.Marshal(texts)
		json.NewEncoder(w).Encode(map[string]any{"choices": []map[string]any{{"message": map[string]string{"role": "assistant", "content": string(content)}}}})
	}))
	t.Cleanup(srv.Close)
	t.Setenv("BITEXT_ENGINE_KEY", "")
	t.Setenv("OPENAI_API_KEY", "sk-from-openai-variable")
	r := runBitext(t, dir, "", "translate", "--engine", "openai", "--model", "m", "--engine-url", srv.URL+"/v1", "--no-cache", "-o", "a.json", "article.txt")
	if got, _ := auth.Load().(string); r.code != 0 || got != "Bearer sk-from-openai-variable" {
		t.Errorf("exit %d, Authorization %q: %s", r.code, got, r.stderr)
	}
	t.Setenv("OPENAI_API_KEY", "")
	r = runBitext(t, dir, "", "translate", "--engine", "openai", "--model", "m", "--no-cache", "-o", "b.json", "article.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "OPENAI_API_KEY") {
		t.Errorf("OpenAI without a key: exit %d: %s", r.code, r.stderr)
	}
	if r := runBitext(t, dir, "", "translate", "--engine", "openai", "--model", "m", "--dry-run", "--no-cache", "article.txt"); r.code != 0 {
		t.Errorf("a dry run needs no key: exit %d: %s", r.code, r.stderr)
	}
}
