package translate_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"bitext/doc"
	"bitext/segment"
	"bitext/translate"
	"bitext/translate/enginetest"
)

func hit(text, surface, clitic, en string, noTranslate bool) doc.TermHit {
	i := strings.Index(text, surface)
	return doc.TermHit{Start: i, End: i + len(surface), StemStart: i + len(clitic), Surface: surface, Clitic: clitic, En: en, Ar: surface[len(clitic):], NoTranslate: noTranslate}
}

func TestProtect(t *testing.T) {
	text := "قال بوتين وكيم جونغ أون في الجزيرة."
	hits := []doc.TermHit{
		hit(text, "وكيم جونغ أون", "و", "Kim Jong Un", false),
		hit(text, "بوتين", "", "Putin", false),
		hit(text, "الجزيرة", "", "", true),
	}
	for _, tc := range []struct {
		mode translate.Mode
		want string
	}{
		{translate.ModeNamed, "قال ⟦1:Putin⟧ و ⟦2:Kim Jong Un⟧ في ⟦3:الجزيرة⟧."},
		{translate.ModeBare, "قال ⟦1⟧ و ⟦2⟧ في ⟦3⟧."},
	} {
		got, phs := translate.Protect(text, hits, 0, tc.mode)
		if got != tc.want || len(phs) != 3 || phs[1].Target != "Kim Jong Un" || phs[2].Target != "الجزيرة" {
			t.Errorf("mode %d: got %q %+v", tc.mode, got, phs)
		}
	}
	// Overlapping hits keep the first; offsets relative to a block start.
	over := []doc.TermHit{hit(text, "بوتين", "", "Putin", false), hit(text, "تين", "", "fig", false)}
	for i := range over {
		over[i].Start += 100
		over[i].End += 100
		over[i].StemStart += 100
	}
	if got, phs := translate.Protect(text, over, 100, translate.ModeBare); got != "قال ⟦1⟧ وكيم جونغ أون في الجزيرة." || len(phs) != 1 {
		t.Errorf("overlap: %q", got)
	}
}

func TestCheckAndRestore(t *testing.T) {
	phs := []translate.Placeholder{{N: 1, Target: "Putin"}, {N: 2, Target: "Kim Jong Un"}}
	for _, tc := range []struct {
		out, restored string
		ok            bool
	}{
		{"⟦1:Putin⟧ met ⟦2:Kim Jong Un⟧.", "Putin met Kim Jong Un.", true},
		{"⟦2⟧ met ⟦1⟧.", "Kim Jong Un met Putin.", true},
		{"⟦ 1 ⟧ met ⟦2:كيم⟧.", "Putin met Kim Jong Un.", true},
		{"⟦1⟧ met Kim.", "Putin met Kim.", false},
		{"⟦1⟧ met ⟦1⟧ and ⟦2⟧.", "Putin met and Kim Jong Un.", false},
		{"⟦1⟧ met ⟦2⟧ and ⟦3⟧.", "Putin met Kim Jong Un and .", false},
		{"⟦1⟧ met ⟦2.", "Putin met 2.", false},
		{"", "", false},
		{"⟦1⟧  met\n ⟦2⟧.", "Putin met\nKim Jong Un.", true},
	} {
		if ok := translate.CheckPlaceholders(tc.out, phs); ok != tc.ok {
			t.Errorf("CheckPlaceholders(%q) = %v", tc.out, ok)
		}
		if got := translate.Restore(tc.out, phs); got != tc.restored {
			t.Errorf("Restore(%q) = %q, want %q", tc.out, got, tc.restored)
		}
	}
}

func FuzzRestore(f *testing.F) {
	f.Add("⟦1:Putin⟧ met ⟦2⟧.")
	f.Add("⟦⟦1⟧⟧ ⟦99999999999999999999⟧ ⟦2:⟦1⟧⟧")
	phs := []translate.Placeholder{{N: 1, Target: "Putin"}, {N: 2, Target: "Kim"}}
	f.Fuzz(func(t *testing.T, out string) {
		got := translate.Restore(out, phs)
		if strings.ContainsAny(got, "⟦⟧") {
			t.Fatalf("brackets left in %q", got)
		}
		if translate.CheckPlaceholders(out, phs) && (!strings.Contains(got, "Putin") || !strings.Contains(got, "Kim")) {
			t.Fatalf("accepted %q but restored %q", out, got)
		}
	})
}

func FuzzProtect(f *testing.F) {
	f.Add("قال بوتين وبوتين", 4, 2)
	f.Add("⟦1⟧ قال ⟦", 4, 2)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if !utf8.ValidString(text) || a < 0 || b < 0 || a+b > len(text) || !utf8.ValidString(text[:a]) || !utf8.ValidString(text[a:a+b]) {
			return // the matcher's hits start and end between characters
		}
		h := doc.TermHit{Start: a, StemStart: a, End: a + b, En: "X"}
		got, phs := translate.Protect(text, []doc.TermHit{h}, 0, translate.ModeNamed)
		if len(phs) == 1 && !translate.CheckPlaceholders(got, phs) {
			t.Fatalf("own output %q fails the check", got)
		}
	})
}

func TestRetryWait(t *testing.T) {
	r := translate.Retry{Base: 100 * time.Millisecond, Max: time.Second}
	for attempt, want := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 5: time.Second, 40: time.Second} {
		for range 50 {
			if d := r.Wait(attempt, 0); d < want/2 || d > want {
				t.Fatalf("attempt %d: wait %v outside [%v, %v]", attempt, d, want/2, want)
			}
		}
	}
	if d := r.Wait(1, 7*time.Second); d != 7*time.Second {
		t.Errorf("Retry-After 7s: waited %v", d)
	}
	// a rate limit that names no wait backs off from 4s: four waits span
	// about a minute, as per-minute limits need
	var least, most time.Duration
	for attempt := 1; attempt <= 4; attempt++ {
		d := translate.Retry{}.WaitLimited(attempt)
		want := min(4*time.Second<<(attempt-1), 30*time.Second)
		if d < want/2 || d > want {
			t.Fatalf("rate limit, attempt %d: wait %v outside [%v, %v]", attempt, d, want/2, want)
		}
		least, most = least+want/2, most+want
	}
	if least < 25*time.Second || most > 90*time.Second {
		t.Errorf("rate-limit waits span %v to %v", least, most)
	}
}

func TestHTTPError(t *testing.T) {
	h := http.Header{"Retry-After": {"3"}}
	for _, tc := range []struct {
		status              int
		body                string
		retryable, tooLarge bool
	}{
		{429, "slow down", true, false},
		{429, "quota of characters per day exceeded", false, false},
		{503, "", true, false},
		{501, "", false, false},
		{400, "unsupported language", false, false},
		{400, "text too long", false, true},
		{413, "", false, true},
		{401, "bad key", false, false},
	} {
		e := translate.HTTPError("x", tc.status, h, []byte(tc.body))
		if e.Retryable != tc.retryable || e.TooLarge != tc.tooLarge || e.RetryAfter != 3*time.Second {
			t.Errorf("%d %q: %+v", tc.status, tc.body, e)
		}
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if d := translate.RetryAfter(now.Add(90*time.Second).Format(http.TimeFormat), now); d != 90*time.Second {
		t.Errorf("date: %v", d)
	}
	if d := translate.RetryAfter("soon", now); d != 0 {
		t.Errorf("junk: %v", d)
	}
}

// A failed request is reported by host, path and status, with the server's
// message on one short line: never the query, where keys and texts travel.
func TestPostJSONErrorsAreBrief(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		fmt.Fprintf(w, "Invalid value in\n  /v2?key=k&q=%s\n%s", strings.Repeat("%D9%82", 500), strings.Repeat("x", 1000))
	}))
	defer srv.Close()
	var out any
	err := translate.PostJSON(context.Background(), nil, "x", srv.URL+"/translate?key=k", nil, map[string]string{}, &out)
	host := strings.TrimPrefix(srv.URL, "http://")
	msg := err.Error()
	if !strings.HasPrefix(msg, "x: status 400 from "+host+"/translate: Invalid value in /v2 xxx") || len(msg) > 400 || strings.ContainsAny(msg, "?\n") {
		t.Errorf("got %q", msg)
	}

	srv.Close()
	err = translate.PostJSON(context.Background(), nil, "x", srv.URL+"/translate?key=k&q="+strings.Repeat("%D9%82", 500), nil, map[string]string{}, &out)
	msg = err.Error()
	if !translate.IsRetryable(err) || !strings.HasPrefix(msg, "x: Post "+host+"/translate: ") || !strings.Contains(msg, "refused") || strings.Contains(msg, "?") {
		t.Errorf("connection refused: retryable %v, %q", translate.IsRetryable(err), msg)
	}
}

// A redirect to another server is not followed: a 307 or 308 would send the
// body again, and LibreTranslate's key travels in it. A redirect on the same
// server still is.
func TestPostJSONKeepsTheKeyOnItsServer(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Add(1)
		fmt.Fprint(w, `{}`)
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/away":
			http.Redirect(w, r, other.URL+"/translate", http.StatusTemporaryRedirect)
		case "/moved":
			http.Redirect(w, r, "/translate", http.StatusPermanentRedirect)
		default:
			fmt.Fprint(w, `{"ok": true}`)
		}
	}))
	defer srv.Close()
	in := map[string]string{"api_key": "SECRET-KEY"}
	var out map[string]any
	err := translate.PostJSON(context.Background(), nil, "x", srv.URL+"/away", nil, in, &out)
	if leaked.Load() != 0 {
		t.Fatalf("the request followed the redirect to another server")
	}
	if err == nil || translate.IsRetryable(err) || !strings.Contains(err.Error(), "redirected to "+other.URL+"/translate") || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("redirect to another server: retryable %v, %v", translate.IsRetryable(err), err)
	}
	if err := translate.PostJSON(context.Background(), nil, "x", srv.URL+"/moved", nil, in, &out); err != nil || out["ok"] != true {
		t.Errorf("redirect on the same server: %v, %v", err, out)
	}
}

// A server that streams without end is read up to 64 MiB, and the error
// says so rather than that the answer is not JSON.
func TestPostJSONBoundsTheAnswer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"translatedText": "`))
		chunk := []byte(strings.Repeat("a", 1<<20))
		for i := 0; i < 80; i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	var out any
	err := translate.PostJSON(context.Background(), nil, "x", srv.URL+"/translate", nil, map[string]string{}, &out)
	if err == nil || translate.IsRetryable(err) || !strings.Contains(err.Error(), "answer larger than 64 MiB") {
		t.Errorf("retryable %v, %v", translate.IsRetryable(err), err)
	}
}

// An option the engine does not read is refused, not ignored.
func TestNewRefusesUnknownOptions(t *testing.T) {
	var ce *translate.ConfigError
	_, err := translate.New("none", translate.Config{Options: map[string]string{"max-items": "3"}})
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), `"max-items"`) || !strings.Contains(err.Error(), "takes none") {
		t.Errorf("none with max-items: %v", err)
	}
	if _, err := translate.New("none", translate.Config{}); err != nil {
		t.Errorf("none: %v", err)
	}
}

func TestRedact(t *testing.T) {
	err := translate.Redact(&translate.Error{Engine: "x", Retryable: true, Err: errors.New("GET /v2?key=s3cret failed")}, "s3cret")
	if strings.Contains(err.Error(), "s3cret") || !translate.IsRetryable(err) {
		t.Errorf("got %v", err)
	}
	err = translate.Redact(errors.New("dial s3cret: "+context.Canceled.Error()), "s3cret")
	if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("got %v", err)
	}
}

func TestDirCache(t *testing.T) {
	dir := t.TempDir()
	c, err := translate.OpenDirCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	k := translate.CacheKey("google", "", "v1", "ar", "en", "قال")
	if _, ok := c.Get(k); ok {
		t.Fatal("empty cache has the key")
	}
	if err := c.Put(k, "said"); err != nil {
		t.Fatal(err)
	}
	c2, _ := translate.OpenDirCache(dir)
	if v, ok := c2.Get(k); !ok || v != "said" {
		t.Errorf("got %q %v", v, ok)
	}
	if k == translate.CacheKey("google", "", "v2", "ar", "en", "قال") || k == translate.CacheKey("google", "nmt", "v1", "ar", "en", "قال") {
		t.Error("glossary version or model not in the key")
	}
	if err := c.Put("../../etc/x", "v"); err == nil {
		t.Error("a key with a path was accepted")
	}
}

var article = "قال الرئيس.\n\nزار موسكو اليوم.\n\nالتقى الرئيس الروسي في موسكو."

func docs(texts ...string) []*doc.Document {
	var ds []*doc.Document
	for i, s := range texts {
		ds = append(ds, segment.Split(string(rune('a'+i))+".txt", s, "ar"))
	}
	return ds
}

func TestCacheAndDryRun(t *testing.T) {
	ctx := context.Background()
	f := &enginetest.Fake{}
	eng := &enginetest.Engine{Fake: f, Lim: translate.Limits{MaxItems: 2}}
	cache := &translate.MemCache{}
	opts := translate.Options{Cache: cache}

	dry := opts
	dry.DryRun = true
	plan, err := translate.RunMany(ctx, eng, docs(article), dry)
	if err != nil || f.Calls() != 0 || plan.Bitexts != nil {
		t.Fatalf("dry run sent %d requests: %v", f.Calls(), err)
	}
	first, err := translate.RunMany(ctx, eng, docs(article), opts)
	if err != nil {
		t.Fatal(err)
	}
	if first.Stats.Requests != 2 || plan.Stats.Requests != 2 || plan.Stats.Characters != first.Stats.Characters || first.Stats.Characters != utf8.RuneCountInString(strings.ReplaceAll(article, "\n\n", "")) {
		t.Errorf("dry run %+v, run %+v", plan.Stats, first.Stats)
	}
	second, err := translate.RunMany(ctx, eng, docs(article), opts)
	if err != nil || second.Stats.Requests != 0 || second.Stats.CachedSegments != 3 || f.Calls() != 2 {
		t.Fatalf("second run: %+v, %v", second.Stats, err)
	}
	if a, b := targetsOf(first.Bitexts[0]), targetsOf(second.Bitexts[0]); a != b {
		t.Errorf("cached run differs:\n%s\n%s", a, b)
	}
	edited := strings.Replace(article, "زار موسكو اليوم.", "زار موسكو.", 1)
	third, err := translate.RunMany(ctx, eng, docs(edited), opts)
	if err != nil || third.Stats.Requests != 1 || third.Stats.Characters != utf8.RuneCountInString("زار موسكو.") {
		t.Fatalf("after an edit: %+v, %v", third.Stats, err)
	}
}

func targetsOf(b *doc.Bitext) string {
	var s []string
	for _, u := range b.Units {
		s = append(s, u.Target)
	}
	return strings.Join(s, "|")
}

// Documents share batches, and a paragraph found in two documents is sent once.
func TestManyDocuments(t *testing.T) {
	f := &enginetest.Fake{}
	eng := &enginetest.Engine{Fake: f}
	res, err := translate.RunMany(context.Background(), eng, docs(article, "قال الرئيس.\n\nفي موسكو."), translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Calls() != 1 || len(f.Requests()[0].Texts) != 4 || len(res.Bitexts) != 2 || res.Stats.Segments != 5 {
		t.Fatalf("calls %d, stats %+v", f.Calls(), res.Stats)
	}
	if got := targetsOf(res.Bitexts[1]); got != "said President.|in Moscow." {
		t.Errorf("second document: %q", got)
	}
}

// No more requests are in flight than Concurrency, and they do overlap.
func TestConcurrencyBound(t *testing.T) {
	var inFlight, most atomic.Int32
	f := &enginetest.Fake{Latency: 30 * time.Millisecond}
	f.OnCall = func(int, enginetest.Received) {
		n := inFlight.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
	}
	f.Answer = func(s string) string { inFlight.Add(-1); return enginetest.Translate(s) }
	eng := &enginetest.Engine{Fake: f, Lim: translate.Limits{MaxItems: 1}}
	text := strings.Repeat("قال الرئيس.\n\nزار موسكو.\n\n", 6)
	text += "في موسكو."
	res, err := translate.RunMany(context.Background(), eng, docs(text), translate.Options{Concurrency: 3})
	if err != nil {
		t.Fatal(err)
	}
	if most.Load() != 3 || res.Stats.Requests != 3 {
		t.Errorf("most in flight %d (want 3), requests %d (want 3: repeated paragraphs go once)", most.Load(), res.Stats.Requests)
	}
}

func TestProgress(t *testing.T) {
	var last translate.Progress
	calls := 0
	eng := &enginetest.Engine{Fake: &enginetest.Fake{}, Lim: translate.Limits{MaxItems: 1}}
	_, err := translate.RunMany(context.Background(), eng, docs(article), translate.Options{Progress: func(p translate.Progress) { last = p; calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 3 || last.Done != 3 || last.Total != 3 || last.Characters == 0 {
		t.Errorf("%d calls, last %+v", calls, last)
	}
}

func TestRunKeepsSignature(t *testing.T) {
	var run func(context.Context, translate.Engine, *doc.Document, translate.Options) (*doc.Bitext, error) = translate.Run
	none, err := translate.New("none", translate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	bt, err := run(context.Background(), none, docs(article)[0], translate.Options{})
	if err != nil || len(bt.Units) != 3 || !bt.Units[0].HasFlag(doc.FlagUntranslated) {
		t.Fatalf("%+v %v", bt, err)
	}
}

// The none engine is never asked: its run counts no requests, retries or
// damaged names, and flags no unit as damaged.
func TestNoneEngineCountsNoWork(t *testing.T) {
	none, err := translate.New("none", translate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := translate.RunMany(context.Background(), none, docs(article), translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Stats; s.Requests != 0 || s.SafeRetries != 0 || s.PlaceholderDamaged != 0 {
		t.Errorf("stats %+v, want no requests, retries or damage", s)
	}
	for _, u := range res.Bitexts[0].Units {
		if u.HasFlag(doc.FlagPlaceholderDamaged) || u.Target != "" || !u.HasFlag(doc.FlagUntranslated) {
			t.Errorf("unit %q: target %q flags %v", u.Source, u.Target, u.Flags)
		}
	}
}

// A paragraph wrapped at a fixed width is sent as one text, not as line
// fragments, and its units are its sentences.
func TestWrappedParagraphSentWhole(t *testing.T) {
	f := &enginetest.Fake{}
	eng := &enginetest.Engine{Fake: f}
	text := "وقال مستشار الأمن القومي للصحفيين إن كوريا الشمالية ستدفع ثمن\n" +
		"ذلك على صعيد المجتمع الدولي. وأضاف أن المحادثات بين البلدين ستستمر\n" +
		"الأسبوع المقبل في موسكو."
	res, err := translate.RunMany(context.Background(), eng, docs(text), translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	whole := false
	for _, r := range f.Requests() {
		for _, q := range r.Texts {
			// The words on either side of the first line break.
			whole = whole || strings.Contains(q, "ثمن ذلك")
		}
	}
	if !whole {
		t.Errorf("sent in line fragments: %q", f.Requests())
	}
	if units := res.Bitexts[0].Units; len(units) != 2 {
		t.Errorf("%d units, want the 2 sentences", len(units))
	}
}

// TestRedactKeepsContext: what wraps the engine's error (the article's file
// and line, how many articles were written) survives the redaction.
func TestRedactKeepsContext(t *testing.T) {
	inner := &translate.Error{Engine: "x", Retryable: true, Err: errors.New("GET /v2?key=s3cret failed")}
	err := translate.Redact(fmt.Errorf("a.txt:3: %w (0 of 1 articles written)", inner), "s3cret")
	if msg := err.Error(); strings.Contains(msg, "s3cret") || !strings.HasPrefix(msg, "a.txt:3: ") || !strings.HasSuffix(msg, "(0 of 1 articles written)") || !translate.IsRetryable(err) {
		t.Errorf("got %q (retryable %v)", msg, translate.IsRetryable(err))
	}
}

// A short key is taken out where it stands as a token, not out of the middle
// of words and numbers; a long one wherever it is.
func TestRedactShortKeys(t *testing.T) {
	for _, tc := range []struct{ msg, secret, want string }{
		{"lookup host: GET /v2?key=k&q=1", "k", "lookup host: GET /v2?key=[REDACTED]&q=1"},
		{"dial tcp 127.0.0.1:12345: refused (key 1234)", "1234", "dial tcp 127.0.0.1:12345: refused (key [REDACTED])"},
		{"bad key AIzaSyA1b2c3d4e5f6g7h8i9j0", "AIzaSyA1b2c3d4e5f6g7h8i9j0", "bad key [REDACTED]"},
		{"xAIzaSyA1b2c3d4e5f6g7h8i9j0x", "AIzaSyA1b2c3d4e5f6g7h8i9j0", "x[REDACTED]x"},
	} {
		if got := translate.Redact(errors.New(tc.msg), tc.secret).Error(); got != tc.want {
			t.Errorf("Redact(%q, %q) = %q, want %q", tc.msg, tc.secret, got, tc.want)
		}
	}
}

// retryAfterEngine always answers 429 asking for a wait of after.
type retryAfterEngine struct {
	after time.Duration
	calls atomic.Int32
}

func (e *retryAfterEngine) Name() string             { return "slow-down" }
func (e *retryAfterEngine) Limits() translate.Limits { return translate.Limits{} }
func (e *retryAfterEngine) Translate(context.Context, translate.Request) ([]string, error) {
	e.calls.Add(1)
	return nil, &translate.Error{Engine: "slow-down", Status: 429, Retryable: true, RetryAfter: e.after, Err: errors.New("Too Many Requests")}
}

// A server that asks to come back in an hour is not waited for: the run
// stops at once and says how long the server wants.
func TestLongRetryAfterIsReported(t *testing.T) {
	eng := &retryAfterEngine{after: time.Hour}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	_, err := translate.RunMany(ctx, eng, docs(article), translate.Options{})
	if err == nil || !strings.Contains(err.Error(), "1h0m0s") || !strings.Contains(err.Error(), "Too Many Requests") || ctx.Err() != nil {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
	if n := eng.calls.Load(); n != 1 {
		t.Errorf("%d calls, want 1", n)
	}
}

// A paragraph the server finds too large even alone cannot be split by the
// pipeline: the message says which option matches the server's limit.
func TestTooLargeAloneSaysWhichOption(t *testing.T) {
	f := &enginetest.Fake{Limits: translate.Limits{MaxItemChars: 5}}
	eng := &enginetest.Engine{Fake: f}
	_, err := translate.RunMany(context.Background(), eng, docs(article), translate.Options{})
	if err == nil || !strings.Contains(err.Error(), "max-item-chars") || !strings.Contains(err.Error(), "a.txt:") {
		t.Fatalf("err = %v", err)
	}
}

// failingEngine fails every request with a retryable error.
type failingEngine struct{ calls atomic.Int32 }

func (e *failingEngine) Name() string             { return "failing" }
func (e *failingEngine) Limits() translate.Limits { return translate.Limits{} }
func (e *failingEngine) Translate(context.Context, translate.Request) ([]string, error) {
	e.calls.Add(1)
	return nil, &translate.Error{Engine: "failing", Status: 503, Retryable: true, Err: errors.New("Service Unavailable")}
}

// A caller's deadline that ends while a failing request is being retried
// stops the run, and the error still says why the engine failed, so that a
// service can tell an unreachable engine from a slow article.
func TestDeadlineDuringRetriesKeepsEngineError(t *testing.T) {
	eng := &failingEngine{}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := translate.RunMany(ctx, eng, docs(article), translate.Options{Concurrency: 1, Retry: translate.Retry{Base: 50 * time.Millisecond, Attempts: 100}})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the deadline", err)
	}
	var e *translate.Error
	if !errors.As(err, &e) || e.Status != 503 || !strings.Contains(err.Error(), "Service Unavailable") {
		t.Fatalf("err = %v, want the engine's 503 as well", err)
	}
	if eng.calls.Load() < 2 {
		t.Errorf("%d calls, want retries", eng.calls.Load())
	}
}

// pickyEngine fails on any segment holding word, and translates the rest.
type pickyEngine struct{ word string }

var errPicky = errors.New("refused by policy")

func (e pickyEngine) Name() string             { return "picky" }
func (e pickyEngine) Limits() translate.Limits { return translate.Limits{MaxItems: 1} }
func (e pickyEngine) Translate(_ context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		if strings.Contains(s.Text, e.word) {
			return nil, errPicky
		}
		out[i] = "Some English."
	}
	return out, nil
}

// A failed run says which article and line the failing paragraph starts on
// as a value, not only in the message, so that a service can point its user
// at the paragraph.
func TestRunErrorCarriesPosition(t *testing.T) {
	_, err := translate.RunMany(context.Background(), pickyEngine{word: "زار"}, docs(article), translate.Options{Concurrency: 1})
	var pe *translate.PositionError
	if !errors.As(err, &pe) || pe.Name != "a.txt" || pe.Line != 3 {
		t.Fatalf("err = %v (%#v), want a *PositionError at a.txt line 3", err, pe)
	}
	if !errors.Is(err, errPicky) || err.Error() != "a.txt:3: refused by policy" {
		t.Errorf("err = %q, want the engine's error after a.txt:3", err)
	}
}

// When the engine takes several paragraphs in one request, a failure cannot
// be pinned on one of them: the error names the first and says how many
// more the request held.
func TestBatchErrorCountsParagraphs(t *testing.T) {
	_, err := translate.RunMany(context.Background(), pickyBatch{pickyEngine{word: "زار"}}, docs(article), translate.Options{Concurrency: 1})
	var pe *translate.PositionError
	if !errors.As(err, &pe) || pe.Name != "a.txt" || pe.Line != 1 || pe.More != 2 || !strings.Contains(err.Error(), "a request of 3 paragraphs") {
		t.Fatalf("err = %v (%#v), want a.txt:1 and 2 more paragraphs", err, pe)
	}
}

// pickyBatch is pickyEngine taking every paragraph in one request.
type pickyBatch struct{ pickyEngine }

func (pickyBatch) Limits() translate.Limits { return translate.Limits{} }

// An engine is registered by importing its package. A service that asks for
// one it did not import learns that, and can tell the mistake by its type.
func TestNewUnknownEngineSaysWhatToImport(t *testing.T) {
	_, err := translate.New("libretranslate", translate.Config{})
	var ce *translate.ConfigError
	if !errors.Is(err, translate.ErrUnknownEngine) || !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a *ConfigError wrapping ErrUnknownEngine", err)
	}
	if !strings.Contains(err.Error(), `import _ "bitext/translate/libre"`) {
		t.Errorf("err = %v, want the package to import", err)
	}
	if _, err := translate.New("nosuch", translate.Config{}); err == nil || strings.Contains(err.Error(), "import") || !strings.Contains(err.Error(), "none") {
		t.Errorf("unknown name: %v", err)
	}
}

// panicEngine panics, as a service's own engine with a bug may.
type panicEngine struct{}

func (panicEngine) Name() string             { return "panicky" }
func (panicEngine) Limits() translate.Limits { return translate.Limits{} }
func (panicEngine) Translate(context.Context, translate.Request) ([]string, error) {
	var m map[string]int
	m["boom"]++ // a nil-map write: a runtime error
	return nil, nil
}

// A panic in the engine (or a Cache or Progress callback) happens in one of
// the pipeline's goroutines, where no recover of the caller can reach it: it
// would end the whole service. It is carried to the goroutine that called
// RunMany and raised there, with the failing goroutine's stack.
func TestEnginePanicReachesCaller(t *testing.T) {
	var got any
	func() {
		defer func() { got = recover() }()
		translate.RunMany(context.Background(), panicEngine{}, docs(article), translate.Options{})
	}()
	if got == nil {
		t.Fatal("no panic reached the caller")
	}
	msg := fmt.Sprint(got)
	if !strings.Contains(msg, "assignment to entry in nil map") || !strings.Contains(msg, "panicEngine") {
		t.Errorf("recovered %q, want the engine's panic and its stack", msg)
	}
	var re interface{ RuntimeError() }
	if err, ok := got.(error); !ok || !errors.As(err, &re) {
		t.Errorf("recovered %T, want an error that unwraps to the runtime error", got)
	}
}

// A panicking Progress callback, called while the pipeline holds its lock,
// reaches the caller too, rather than leaving the other requests waiting
// for the lock forever.
func TestProgressPanicReachesCaller(t *testing.T) {
	for _, name := range []string{"answer", "retry"} {
		t.Run(name, func(t *testing.T) {
			var eng translate.Engine = pickyEngine{word: "not in the article"}
			if name == "retry" {
				eng = &failingOne{}
			}
			done := make(chan any)
			go func() {
				defer func() { done <- recover() }()
				translate.RunMany(context.Background(), eng, docs(article, article), translate.Options{
					Retry:    translate.Retry{Base: time.Millisecond},
					Progress: func(translate.Progress) { panic("progress bar broke") },
				})
			}()
			select {
			case got := <-done:
				if !strings.Contains(fmt.Sprint(got), "progress bar broke") {
					t.Errorf("recovered %v", got)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("RunMany hung after the callback panicked")
			}
		})
	}
}

// failingOne is failingEngine taking one paragraph per request, so that
// several requests are in flight at once.
type failingOne struct{ failingEngine }

func (*failingOne) Limits() translate.Limits { return translate.Limits{MaxItems: 1} }
