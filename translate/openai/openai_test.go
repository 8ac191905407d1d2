package openai_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"bitext/doc"
	"bitext/segment"
	"bitext/translate"
	"bitext/translate/enginetest"
	"bitext/translate/openai"
)

// fakeChat speaks POST /v1/chat/completions: it reads the JSON array in the
// user message and answers with a JSON array in the assistant message.
func fakeChat(t testing.TB, f *enginetest.Fake) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fail := func(code int, typ, msg string) {
			w.WriteHeader(code)
			json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"message": msg, "type": typ}})
		}
		if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
			fail(404, "not_found", "no such path "+r.URL.Path)
			return
		}
		var in struct {
			Model    string
			Messages []struct{ Role, Content string }
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.Messages) != 2 || in.Model == "" {
			fail(400, "invalid_request_error", "bad request")
			return
		}
		var texts []string
		if err := json.Unmarshal([]byte(in.Messages[1].Content), &texts); err != nil {
			fail(400, "invalid_request_error", "user message is not an array")
			return
		}
		auth := r.Header.Get("Authorization")
		out, fault := f.Serve(r.Context(), enginetest.Received{SourceLang: lang(in.Messages[0].Content, "from "), TargetLang: lang(in.Messages[0].Content, "to "),
			Texts: texts, Extra: in.Messages[0].Content, Auth: auth})
		switch fault {
		case enginetest.RateLimited:
			w.Header().Set("Retry-After", "1")
			fail(429, "rate_limit_exceeded", "Rate limit reached for requests")
		case enginetest.DailyQuota:
			fail(429, "insufficient_quota", "You exceeded your current quota, please check your plan and billing details.")
		case enginetest.Unavailable:
			fail(503, "server_error", "The server is overloaded")
		case enginetest.BadRequest:
			fail(400, "invalid_request_error", "Incorrect API key provided: "+auth)
		case enginetest.TooLarge:
			fail(400, "invalid_request_error", "This model's maximum context length is 8192 tokens")
		case enginetest.Hang:
			fail(504, "timeout", "timeout")
		default:
			content, _ := json.Marshal(out)
			json.NewEncoder(w).Encode(map[string]any{"choices": []map[string]any{{"index": 0, "finish_reason": "stop",
				"message": map[string]string{"role": "assistant", "content": "```json\n" + string(content) + "\n```"}}}})
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// lang reads the language code after prefix in the system prompt's first line.
func lang(prompt, prefix string) string {
	line, _, _ := strings.Cut(prompt, "\n")
	_, after, ok := strings.Cut(line, prefix)
	if !ok {
		return ""
	}
	return strings.Fields(after)[0]
}

func TestConformance(t *testing.T) {
	enginetest.Run(t, enginetest.Harness{SendsKey: true, New: func(t *testing.T, f *enginetest.Fake, cfg translate.Config) translate.Engine {
		cfg.URL = fakeChat(t, f).URL + "/v1"
		cfg.Model = "test-model"
		eng, err := openai.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return eng
	}, Unreachable: func(t *testing.T, addr string, cfg translate.Config) translate.Engine {
		cfg.URL = "http://" + addr + "/v1"
		cfg.Model = "test-model"
		eng, err := openai.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return eng
	}})
}

func TestPromptCarriesBatchGlossary(t *testing.T) {
	p := openai.Prompt(translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{
		{Text: "x", Terms: []translate.Term{{Source: "بوتين", Target: "Putin"}}},
		{Text: "y", Terms: []translate.Term{{Source: "بوتين", Target: "Putin"}, {Source: "موسكو", Target: "Moscow"}}},
	}})
	if strings.Count(p, "بوتين = Putin") != 1 || !strings.Contains(p, "موسكو = Moscow") || !strings.Contains(p, "from ar to en") {
		t.Errorf("prompt:\n%s", p)
	}
}

func TestParseAnswer(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want []string
	}{
		{`["a","b"]`, 2, []string{"a", "b"}},
		{"```json\n[\"a\"]\n```", 1, []string{"a"}},
		{"  [\"a\"]  ", 1, []string{"a"}},
		{`["a"]`, 2, nil},
		{`["a","b"] and more`, 2, []string{"a", "b"}},
		{`["a"] ["b"]`, 1, nil},
		{`{"translations":["a"]}`, 1, []string{"a"}},
		{`Here you are: ["a"]`, 1, []string{"a"}},
		{"Sure! Here are the translations:\n```json\n[\n  \"[Reuters] a\",\n  \"b\"\n]\n```\nLet me know if you need more.", 2, []string{"[Reuters] a", "b"}},
		{`Translations: ["a"]; the original: ["أ"]`, 1, nil},
		{`[1]`, 1, nil},
		{`I cannot translate this.`, 1, nil},
	} {
		got, err := openai.ParseAnswer(tc.in, tc.n)
		if (err == nil) != (tc.want != nil) || strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("ParseAnswer(%q, %d) = %q, %v", tc.in, tc.n, got, err)
		}
	}
}

func FuzzParseAnswer(f *testing.F) {
	f.Add(`["a","b"]`, 2)
	f.Add("```json\n[\"⟦1⟧\"]\n```", 1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		got, err := openai.ParseAnswer(s, n)
		if err == nil && len(got) != n {
			t.Fatalf("accepted %d answers for %d", len(got), n)
		}
	})
}

func TestNeedsModel(t *testing.T) {
	var ce *translate.ConfigError
	if _, err := openai.New(translate.Config{}); !errors.As(err, &ce) || !strings.Contains(err.Error(), "--model") {
		t.Errorf("got %v", err)
	}
}

// A model that loses count is asked again in smaller batches; the requests
// it answered wrongly are billed all the same, and counted so.
func TestUnusableAnswersAreBilled(t *testing.T) {
	f := &enginetest.Fake{Script: []enginetest.Fault{enginetest.CountMismatch}}
	eng, err := openai.New(translate.Config{URL: fakeChat(t, f).URL + "/v1", Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	d := segment.Split("t.txt", "قال الرئيس.\n\nزار موسكو اليوم.\n", "ar")
	res, err := translate.RunMany(context.Background(), eng, []*doc.Document{d}, translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sent := 0
	for _, r := range f.Requests() {
		for _, s := range r.Texts {
			sent += utf8.RuneCountInString(s)
		}
	}
	if f.Calls() != 3 || res.Stats.Requests != 3 || res.Stats.Characters != sent {
		t.Errorf("%d calls, %d characters sent; stats %+v", f.Calls(), sent, res.Stats)
	}
}

// An API base without /v1 (Ollama's port alone) gets 404s: the message
// says what is likely missing.
func TestNotFoundSuggestsV1(t *testing.T) {
	eng, err := openai.New(translate.Config{URL: fakeChat(t, &enginetest.Fake{}).URL, Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = eng.Translate(context.Background(), translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: "قال"}}})
	if err == nil || !strings.Contains(err.Error(), "/v1") || !strings.Contains(err.Error(), "status 404") {
		t.Errorf("got %v", err)
	}
}
