package googlev2_test

import (
	"context"
	"encoding/json"
	"errors"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"google.golang.org/api/option"

	"bitext/translate"
	"bitext/translate/enginetest"
	"bitext/translate/googlev2"
)

// fakeV2 speaks GET /language/translate/v2 like the service: texts in q,
// key in key, answers HTML-escaped unless format=text.
func fakeV2(t testing.TB, f *enginetest.Fake, maxURL int) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fail := func(code int, msg, reason string) {
			w.WriteHeader(code)
			json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": code, "message": msg,
				"errors": []map[string]string{{"reason": reason, "message": msg}}}})
		}
		if r.URL.Path != "/language/translate/v2" || r.Method != http.MethodGet {
			fail(404, "not found", "notFound")
			return
		}
		if maxURL > 0 && len(r.URL.RawQuery) > maxURL {
			fail(414, "URI too long", "uriTooLong")
			return
		}
		q := r.URL.Query()
		out, fault := f.Serve(r.Context(), enginetest.Received{SourceLang: q.Get("source"), TargetLang: q.Get("target"),
			Texts: q["q"], Extra: "format=" + q.Get("format"), Auth: q.Get("key")})
		switch fault {
		case enginetest.RateLimited:
			w.Header().Set("Retry-After", "1")
			fail(429, "Rate Limit Exceeded", "rateLimitExceeded")
		case enginetest.DailyQuota:
			fail(403, "Daily Limit Exceeded", "dailyLimitExceeded")
		case enginetest.Unavailable:
			fail(503, "Backend Error", "backendError")
		case enginetest.BadRequest:
			fail(400, "Invalid Value in "+r.URL.String(), "invalid")
		case enginetest.TooLarge:
			fail(400, "Text too long", "invalid")
		case enginetest.Hang:
			fail(504, "timeout", "timeout")
		default:
			var tr []map[string]string
			for _, s := range out {
				if q.Get("format") != "text" {
					s = html.EscapeString(s)
				}
				tr = append(tr, map[string]string{"translatedText": s})
			}
			json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"translations": tr}})
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func harness(t *testing.T, f *enginetest.Fake, cfg translate.Config) translate.Engine {
	srv := fakeV2(t, f, 0)
	eng, err := googlev2.New(cfg, option.WithEndpoint(srv.URL+"/language/translate/"))
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

func TestConformance(t *testing.T) {
	enginetest.Run(t, enginetest.Harness{New: harness, SendsKey: true, Unreachable: func(t *testing.T, addr string, cfg translate.Config) translate.Engine {
		cfg.URL = "http://" + addr
		eng, err := googlev2.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return eng
	}})
}

// A paragraph of Arabic near the item limit still fits in the URL.
func TestURLBudget(t *testing.T) {
	f := &enginetest.Fake{}
	srv := fakeV2(t, f, 8000)
	eng, err := googlev2.New(translate.Config{Key: "k", URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("قال الرئيس في موسكو ", 200) // far beyond one request
	d := []translate.Segment{{Text: long}}
	if _, err := eng.Translate(context.Background(), translate.Request{SourceLang: "ar", TargetLang: "en", Segments: d}); !isTooLarge(err) {
		t.Fatalf("want a TooLarge error before sending, got %v", err)
	}
	if f.Calls() != 0 {
		t.Fatalf("sent %d requests", f.Calls())
	}
	lim := eng.Limits()
	text := []rune(long)[:lim.MaxItemChars]
	out, err := eng.Translate(context.Background(), translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: string(text)}}})
	if err != nil || len(out) != 1 {
		t.Fatalf("a text at the item limit: %v", err)
	}
}

func isTooLarge(err error) bool {
	e, ok := err.(*translate.Error)
	return ok && e.TooLarge
}

func TestNeedsKey(t *testing.T) {
	var ce *translate.ConfigError
	if _, err := googlev2.New(translate.Config{}); !errors.As(err, &ce) || !strings.Contains(err.Error(), "GOOGLE_API_KEY") {
		t.Errorf("got %v", err)
	}
	// A dry run sends nothing and needs no key.
	if _, err := googlev2.New(translate.Config{DryRun: true}); err != nil {
		t.Errorf("dry run: %v", err)
	}
	if _, err := googlev2.New(translate.Config{Key: "k", Options: map[string]string{"max-url-bytes": "x"}}); !errors.As(err, &ce) {
		t.Errorf("max-url-bytes=x: got %v", err)
	}
}

// The v2 client puts the key in the URL, and Go's transport errors quote URLs.
func TestTransportErrorHidesKey(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	eng, err := googlev2.New(translate.Config{Key: enginetest.Secret, URL: url})
	if err != nil {
		t.Fatal(err)
	}
	_, err = eng.Translate(context.Background(), translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: "قال"}}})
	if err == nil || strings.Contains(err.Error(), enginetest.Secret) {
		t.Errorf("got %v", err)
	}
}

// The client library adds the key to every request, a redirected one too:
// a redirect to another server is not followed, so that the key stays with
// the server configured, and the run stops rather than trying again.
func TestRedirectKeepsKeyOnItsServer(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.RawQuery, enginetest.Secret) {
			leaked.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"data": {"translations": [{"translatedText": "said"}]}}`))
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect) // the query (and key) left behind
	}))
	defer srv.Close()
	eng, err := googlev2.New(translate.Config{Key: enginetest.Secret, URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, err = eng.Translate(context.Background(), translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: "قال"}}})
	if leaked.Load() != 0 {
		t.Fatal("the key followed the redirect to another server")
	}
	if err == nil || translate.IsRetryable(err) || !strings.Contains(err.Error(), "redirected to") || strings.Contains(err.Error(), enginetest.Secret) {
		t.Errorf("retryable %v, %v", translate.IsRetryable(err), err)
	}
}

// The service may escape its answer as HTML even for format "text"; the
// translation is given back as plain text, unless what was sent held
// character references itself.
func TestHTMLEscapedAnswer(t *testing.T) {
	f := &enginetest.Fake{Answer: func(s string) string {
		if strings.Contains(s, "&amp;") {
			return "AT&amp;T"
		}
		return `Korea's "AT&T" <b>`
	}, Damage: html.EscapeString}
	eng := harness(t, f, translate.Config{Key: "k"})
	out, err := eng.Translate(context.Background(), translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: "قال"}, {Text: "قال AT&amp;T"}}})
	if err != nil {
		t.Fatal(err)
	}
	if out[0] != `Korea's "AT&T" <b>` || out[1] != "AT&amp;amp;T" {
		t.Errorf("got %q", out)
	}
}
