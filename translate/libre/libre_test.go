package libre_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"bitext/translate"
	"bitext/translate/enginetest"
	"bitext/translate/libre"
)

// fakeLibre speaks POST /translate like LibreTranslate with q as an array.
func fakeLibre(t testing.TB, f *enginetest.Fake) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fail := func(code int, msg string) {
			w.WriteHeader(code)
			json.NewEncoder(w).Encode(map[string]string{"error": msg})
		}
		if r.URL.Path != "/translate" || r.Method != http.MethodPost {
			fail(404, "Not Found")
			return
		}
		var in struct {
			Q                           []string
			Source, Target, Format, Key string
			APIKey                      string `json:"api_key"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			fail(400, "Invalid request: "+err.Error())
			return
		}
		if in.Format != "text" {
			fail(400, "want format text in this test, got "+in.Format)
			return
		}
		out, fault := f.Serve(r.Context(), enginetest.Received{SourceLang: in.Source, TargetLang: in.Target, Texts: in.Q, Auth: in.APIKey})
		switch fault {
		case enginetest.RateLimited:
			w.Header().Set("Retry-After", "1")
			fail(429, "Too many request limits violations")
		case enginetest.DailyQuota:
			fail(429, "Too many requests: 1000 per day")
		case enginetest.Unavailable:
			fail(503, "Service Unavailable")
		case enginetest.BadRequest:
			fail(400, "ar is not supported with key "+in.APIKey)
		case enginetest.TooLarge:
			fail(400, "Invalid request: request (6000) exceeds text limit (5000)")
		case enginetest.Hang:
			fail(504, "timeout")
		default:
			json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestConformance(t *testing.T) {
	enginetest.Run(t, enginetest.Harness{SendsKey: true, New: func(t *testing.T, f *enginetest.Fake, cfg translate.Config) translate.Engine {
		cfg.URL = fakeLibre(t, f).URL + "/"
		eng, err := libre.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return eng
	}, Unreachable: func(t *testing.T, addr string, cfg translate.Config) translate.Engine {
		cfg.URL = "http://" + addr
		eng, err := libre.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return eng
	}})
}

func TestNeedsURL(t *testing.T) {
	for _, u := range []string{"", "localhost:5000"} {
		var ce *translate.ConfigError
		if _, err := libre.New(translate.Config{URL: u}); !errors.As(err, &ce) {
			t.Errorf("URL %q: want a configuration error, got %v", u, err)
		}
	}
}
