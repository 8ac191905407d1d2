package enginetest

import (
	"context"
	"errors"
	"net"
	"regexp"
	"strings"
	"testing"
	"time"

	"bitext/doc"
	"bitext/glossary"
	"bitext/segment"
	"bitext/translate"
)

// Secret is the credential the suite configures; it must never appear in an
// error or output.
const Secret = "sk-bitext-conformance-5ecret"

// Harness connects the suite to one engine.
type Harness struct {
	// New starts a fake service that answers through f and returns the engine,
	// configured with cfg (Key and Options set by the suite), talking to it.
	// The fake is stopped with t.Cleanup.
	New func(t *testing.T, f *Fake, cfg translate.Config) translate.Engine
	// SendsKey says the engine sends cfg.Key to the service; the suite checks
	// that it arrives.
	SendsKey bool
	// Unreachable, when set, returns the engine configured with cfg to reach
	// addr ("127.0.0.1:PORT"), where nothing listens: the suite checks that a
	// refused connection is retried and reported briefly.
	Unreachable func(t *testing.T, addr string, cfg translate.Config) translate.Engine
}

// ClosedAddr returns a local address where nothing listens: connections to
// it are refused.
func ClosedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

const testGlossary = `terms:
  - ar: فلاديمير بوتين
    en: Vladimir Putin
  - ar: بوتين
    en: Putin
  - ar: كيم جونغ أون
    en: Kim Jong Un
  - ar: موسكو
    en: Moscow
`

func matcher(t *testing.T) *glossary.Matcher {
	t.Helper()
	g, err := glossary.Parse("suite.yaml", []byte(testGlossary))
	if err != nil {
		t.Fatal(err)
	}
	return glossary.NewMatcher(g)
}

func start(t *testing.T, h Harness, f *Fake, opts map[string]string) translate.Engine {
	t.Helper()
	return h.New(t, f, translate.Config{Key: Secret, Options: opts})
}

func quick() translate.Options {
	return translate.Options{Retry: translate.Retry{Base: time.Millisecond, Max: 5 * time.Millisecond, RateLimitBase: time.Millisecond}, RequestTimeout: 5 * time.Second}
}

func run(t *testing.T, eng translate.Engine, text string, opts translate.Options) (*translate.Result, error) {
	t.Helper()
	d := segment.Split("suite.txt", text, "ar")
	return translate.RunMany(context.Background(), eng, []*doc.Document{d}, opts)
}

func targets(res *translate.Result) string {
	var parts []string
	for _, u := range res.Bitexts[0].Units {
		parts = append(parts, u.Target)
	}
	return strings.Join(parts, "\n")
}

func flags(res *translate.Result) map[doc.Flag]int {
	out := map[doc.Flag]int{}
	for _, u := range res.Bitexts[0].Units {
		for _, f := range u.Flags {
			out[f]++
		}
	}
	return out
}

func noSecret(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), Secret) {
		t.Errorf("error shows the key: %v", err)
	}
}

// brief fails the test when err is more than a line of a few hundred bytes
// or quotes what was sent: a URL's query or the escaped text.
func brief(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if len(msg) > 400 || strings.ContainsAny(msg, "\n\r") || strings.Contains(msg, "q=") || strings.Contains(msg, "%D9") || strings.Contains(msg, "?") {
		t.Errorf("error is not brief (%d bytes): %s", len(msg), msg)
	}
}

var token = regexp.MustCompile(`⟦[^⟦⟧]*⟧`)

// Run runs the conformance cases against the engine h builds.
func Run(t *testing.T, h Harness) {
	ctx := context.Background()

	t.Run("Basic", func(t *testing.T) {
		f := &Fake{}
		eng := start(t, h, f, nil)
		out, err := eng.Translate(ctx, translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{
			{ID: "a", Text: "قال الرئيس"}, {ID: "b", Text: "زار موسكو اليوم"}}})
		noSecret(t, err)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != 2 || !strings.Contains(out[0], "said President") || !strings.Contains(out[1], "visited Moscow today") {
			t.Fatalf("got %q", out)
		}
		reqs := f.Requests()
		if len(reqs) != 1 || reqs[0].SourceLang != "ar" || reqs[0].TargetLang != "en" {
			t.Fatalf("want one request ar→en, got %+v", reqs)
		}
		if h.SendsKey && !strings.Contains(reqs[0].Auth, Secret) {
			t.Errorf("the key did not reach the service (auth %q)", reqs[0].Auth)
		}
	})

	t.Run("EmptyAndWhitespace", func(t *testing.T) {
		f := &Fake{}
		eng := start(t, h, f, nil)
		out, err := eng.Translate(ctx, translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{
			{Text: ""}, {Text: "  \n\t"}, {Text: "قال"}, {Text: " "}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != 4 || strings.TrimSpace(out[0]+out[1]+out[3]) != "" || strings.TrimSpace(out[2]) != "said" {
			t.Fatalf("got %q", out)
		}
		out, err = eng.Translate(ctx, translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: " "}}})
		if err != nil || len(out) != 1 || strings.TrimSpace(out[0]) != "" {
			t.Fatalf("blank only: got %q, %v", out, err)
		}
	})

	t.Run("ArabicQuotesAndPunctuation", func(t *testing.T) {
		f := &Fake{}
		eng := start(t, h, f, nil)
		in := `قال “ستدفع كوريا ثمن ذلك”، وأضاف «لا» & <b> "نعم" ؟`
		out, err := eng.Translate(ctx, translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: in}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != 1 || out[0] != Translate(in) {
			t.Fatalf("got %q, want %q", out, Translate(in))
		}
	})

	t.Run("BatchingAtLimits", func(t *testing.T) {
		lim := translate.Limits{MaxItems: 3, MaxChars: 80, MaxItemChars: 40}
		f := &Fake{Limits: lim}
		eng := start(t, h, f, map[string]string{"max-items": "3", "max-chars": "80", "max-item-chars": "40"})
		if got := eng.Limits(); got != lim {
			t.Fatalf("limits from options: got %+v, want %+v", got, lim)
		}
		paras := []string{"قال الرئيس.", "زار موسكو اليوم.", "التقى الرئيس الروسي في موسكو.", "قال.", "زار.", "في موسكو.",
			"قال الرئيس الروسي في موسكو اليوم إن الرئيس زار موسكو. وقال إن الرئيس التقى الرئيس الروسي اليوم في موسكو."}
		res, err := run(t, eng, strings.Join(paras, "\n\n"), quick())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range f.Requests() {
			if f.tooLarge(r.Texts) {
				t.Errorf("request beyond the limits: %q", r.Texts)
			}
		}
		if n := flags(res)[doc.FlagUntranslated]; n != 0 {
			t.Errorf("%d units left untranslated", n)
		}
		if res.Stats.Requests < 4 || res.Stats.Requests != f.Calls() {
			t.Errorf("requests: stats %d, fake %d", res.Stats.Requests, f.Calls())
		}
		if !strings.Contains(targets(res), "and said that President met President Russian today in Moscow.") {
			t.Errorf("long paragraph not reassembled:\n%s", targets(res))
		}
	})

	t.Run("ProtectedNames", func(t *testing.T) {
		f := &Fake{}
		eng := start(t, h, f, nil)
		opts := quick()
		opts.Glossary = matcher(t)
		res, err := run(t, eng, "التقى بوتين وكيم جونغ أون في موسكو.\n\nقال الرئيس فلاديمير بوتين.", opts)
		if err != nil {
			t.Fatal(err)
		}
		got := targets(res)
		for _, want := range []string{"met Putin and Kim Jong Un in Moscow.", "said President Vladimir Putin."} {
			if !strings.Contains(got, want) {
				t.Errorf("missing %q in\n%s", want, got)
			}
		}
		for _, r := range f.Requests() {
			for _, s := range r.Texts {
				if strings.Contains(s, "بوتين") {
					t.Errorf("a protected name was sent in clear: %q", s)
				}
			}
		}
		if len(flags(res)) != 0 || res.Stats.GlossaryViolations != 0 || res.Stats.SafeRetries != 0 {
			t.Errorf("flags %v, stats %+v", flags(res), res.Stats)
		}
	})

	t.Run("WrongName", func(t *testing.T) {
		f := &Fake{Damage: func(s string) string { return token.ReplaceAllString(s, "Poutine") }}
		eng := start(t, h, f, nil)
		opts := quick()
		opts.Glossary = matcher(t)
		res, err := run(t, eng, "قال الرئيس بوتين.", opts)
		if err != nil {
			t.Fatal(err)
		}
		fl := flags(res)
		if fl[doc.FlagPlaceholderDamaged] != 1 || fl[doc.FlagGlossaryViolation] != 1 {
			t.Errorf("want the unit flagged damaged and violating, got %v: %q", fl, targets(res))
		}
		if s := res.Stats; s.PlaceholderDamaged != 1 || s.GlossaryViolations != 1 || s.SafeRetries != 1 || f.Calls() != 2 {
			t.Errorf("stats %+v, calls %d", s, f.Calls())
		}
	})

	named := func(fn func(toks []string, s string) string) func(string) string {
		return func(s string) string {
			toks := token.FindAllString(s, -1)
			if len(toks) == 0 || !strings.Contains(toks[0], ":") {
				return s // bare placeholders pass untouched
			}
			return fn(toks, s)
		}
	}
	for _, tc := range []struct {
		name   string
		damage func(string) string
		safe   int
	}{
		{"DropsPlaceholder", named(func(toks []string, s string) string { return strings.Replace(s, toks[0], "", 1) }), 1},
		{"DuplicatesPlaceholder", named(func(toks []string, s string) string { return strings.Replace(s, toks[0], toks[0]+" "+toks[0], 1) }), 1},
		{"BreaksPlaceholder", named(func(toks []string, s string) string {
			return strings.Replace(s, toks[0], strings.TrimSuffix(toks[0], "⟧"), 1)
		}), 1},
		{"ReordersPlaceholders", named(func(toks []string, s string) string {
			s = strings.Replace(s, toks[0], "\x00", 1)
			s = strings.Replace(s, toks[1], toks[0], 1)
			return strings.Replace(s, "\x00", toks[1], 1)
		}), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &Fake{Damage: tc.damage}
			eng := start(t, h, f, nil)
			opts := quick()
			opts.Glossary = matcher(t)
			res, err := run(t, eng, "التقى بوتين وكيم جونغ أون في موسكو.", opts)
			if err != nil {
				t.Fatal(err)
			}
			got := targets(res)
			for _, want := range []string{"Putin", "Kim Jong Un", "Moscow"} {
				if strings.Count(got, want) != 1 {
					t.Errorf("want %q once in %q", want, got)
				}
			}
			if len(flags(res)) != 0 || res.Stats.SafeRetries != tc.safe || strings.ContainsAny(got, "⟦⟧") {
				t.Errorf("flags %v, safe retries %d (want %d): %q", flags(res), res.Stats.SafeRetries, tc.safe, got)
			}
		})
	}

	t.Run("CountMismatch", func(t *testing.T) {
		f := &Fake{Script: []Fault{CountMismatch}}
		eng := start(t, h, f, nil)
		out, err := eng.Translate(ctx, translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{
			{Text: "قال"}, {Text: "زار"}, {Text: "في موسكو"}}})
		if err == nil {
			t.Fatalf("a short answer was accepted: %q", out)
		}
		noSecret(t, err)
		// The service charged for it all the same.
		if e := (*translate.Error)(nil); !errors.As(err, &e) || !e.Billed {
			t.Errorf("a short answer is not counted as billed: %#v", err)
		}
	})

	t.Run("RateLimitedThenOK", func(t *testing.T) {
		f := &Fake{Script: []Fault{RateLimited}}
		eng := start(t, h, f, nil)
		_, err := eng.Translate(ctx, translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: "قال"}}})
		var e *translate.Error
		if !errors.As(err, &e) || !e.Retryable || e.RetryAfter != RetryAfter {
			t.Fatalf("want a retryable *translate.Error asking for %v, got %#v", RetryAfter, err)
		}
		brief(t, err) // with the wait the server asked for, still one line
		f = &Fake{Script: []Fault{RateLimited}}
		eng = start(t, h, f, nil)
		begin := time.Now()
		res, err := run(t, eng, "قال الرئيس.", quick())
		if err != nil {
			t.Fatal(err)
		}
		if took := time.Since(begin); took < RetryAfter*9/10 {
			t.Errorf("Retry-After not honoured: retried after %v", took)
		}
		if res.Stats.Retries != 1 || res.Stats.Requests != 2 || !strings.Contains(targets(res), "said President") {
			t.Errorf("stats %+v, targets %q", res.Stats, targets(res))
		}
	})

	t.Run("UnavailableThenOK", func(t *testing.T) {
		f := &Fake{Script: []Fault{Unavailable, Unavailable}}
		eng := start(t, h, f, nil)
		res, err := run(t, eng, "قال الرئيس.", quick())
		if err != nil {
			t.Fatal(err)
		}
		if res.Stats.Retries != 2 || f.Calls() != 3 {
			t.Errorf("stats %+v, calls %d", res.Stats, f.Calls())
		}
	})

	for _, tc := range []struct {
		name  string
		fault Fault
	}{{"PermanentBadRequest", BadRequest}, {"DailyQuotaSpent", DailyQuota}} {
		t.Run(tc.name, func(t *testing.T) {
			f := &Fake{Script: []Fault{tc.fault, tc.fault, tc.fault}}
			eng := start(t, h, f, nil)
			_, err := run(t, eng, "قال الرئيس.", quick())
			if err == nil {
				t.Fatal("no error")
			}
			noSecret(t, err)
			brief(t, err)
			if translate.IsRetryable(err) || f.Calls() != 1 {
				t.Errorf("retried a permanent error (%d calls): %v", f.Calls(), err)
			}
		})
	}

	t.Run("ConnectionRefused", func(t *testing.T) {
		if h.Unreachable == nil {
			t.Skip("the harness has no unreachable engine")
		}
		eng := h.Unreachable(t, ClosedAddr(t), translate.Config{Key: Secret})
		long := strings.Repeat("قال الرئيس الروسي في موسكو اليوم. ", 25)
		_, err := eng.Translate(ctx, translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: long}}})
		if err == nil || !translate.IsRetryable(err) {
			t.Fatalf("want a retryable error, got %v", err)
		}
		noSecret(t, err)
		brief(t, err)
		opts := quick()
		opts.Retry.Attempts = 3
		_, err = run(t, eng, "قال الرئيس.", opts)
		if err == nil || !strings.Contains(err.Error(), "after 3 attempts") {
			t.Errorf("want 3 attempts, got %v", err)
		}
	})

	t.Run("TooLargeIsSplit", func(t *testing.T) {
		f := &Fake{Script: []Fault{TooLarge}}
		eng := start(t, h, f, nil)
		res, err := run(t, eng, "قال.\n\nزار.\n\nفي موسكو.\n\nقال الرئيس.", quick())
		if err != nil {
			t.Fatal(err)
		}
		if f.Calls() != 3 || res.Stats.Retries != 0 || flags(res)[doc.FlagUntranslated] != 0 {
			t.Errorf("want 1 refused + 2 halves, got %d calls, stats %+v", f.Calls(), res.Stats)
		}
	})

	t.Run("Timeout", func(t *testing.T) {
		f := &Fake{Script: []Fault{Hang}}
		eng := start(t, h, f, nil)
		opts := quick()
		opts.RequestTimeout = 300 * time.Millisecond
		res, err := run(t, eng, "قال الرئيس.", opts)
		if err != nil {
			t.Fatal(err)
		}
		if res.Stats.Retries != 1 || f.Calls() != 2 {
			t.Errorf("stats %+v, calls %d", res.Stats, f.Calls())
		}
	})

	t.Run("Cancellation", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		f := &Fake{Script: []Fault{OK, Hang, OK}, OnCall: func(n int, _ Received) {
			if n == 2 {
				cancel()
			}
		}}
		eng := start(t, h, f, map[string]string{"max-items": "1"})
		cache := &translate.MemCache{}
		opts := quick()
		opts.Cache, opts.Concurrency = cache, 1
		d := segment.Split("suite.txt", "قال.\n\nزار.\n\nفي موسكو.", "ar")
		begin := time.Now()
		res, err := translate.RunMany(cctx, eng, []*doc.Document{d}, opts)
		if !errors.Is(err, context.Canceled) || res == nil || res.Bitexts != nil || res.Stats.Requests < 1 {
			t.Fatalf("want context.Canceled, no bitext and the requests sent, got %v, %v", res, err)
		}
		if took := time.Since(begin); took > 5*time.Second {
			t.Errorf("cancellation took %v", took)
		}
		if cache.Len() != 1 {
			t.Errorf("want the finished paragraph cached, cache has %d", cache.Len())
		}
		f2 := &Fake{}
		eng = start(t, h, f2, map[string]string{"max-items": "1"})
		if _, err := translate.RunMany(ctx, eng, []*doc.Document{d}, opts); err != nil {
			t.Fatal(err)
		}
		if f2.Calls() != 2 {
			t.Errorf("resumed run made %d calls, want 2", f2.Calls())
		}
	})
}
