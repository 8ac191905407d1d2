// Package openai is the engine for OpenAI-compatible chat endpoints, "openai":
// OpenAI itself, or a local Ollama, vLLM or llama.cpp server. The texts go in
// as a JSON array; the system prompt carries the glossary entries found in
// the batch; the answer must hold one JSON array of exactly as many strings,
// in order (prose or a code fence around it is ignored), or it is refused.
package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"bitext/translate"
)

// Name is the engine's name in the registry.
const Name = "openai"

// DefaultURL is used when no --engine-url is given.
const DefaultURL = "https://api.openai.com/v1"

// DefaultLimits keep a batch small enough for a model to answer whole.
var DefaultLimits = translate.Limits{MaxItems: 20, MaxChars: 4000, MaxItemChars: 4000}

func init() {
	translate.Register(translate.Registration{
		Name:        Name,
		Description: "OpenAI-compatible chat endpoint: --engine-url API base (default " + DefaultURL + "), --model, --engine-key",
		New:         func(cfg translate.Config) (translate.Engine, error) { return New(cfg) },
		Options:     translate.LimitOptions,
	})
}

// Engine is the chat-completions engine.
type Engine struct {
	cfg translate.Config
	lim translate.Limits
}

// New returns the engine for cfg. cfg.Model is required: without it, or with
// a malformed setting, New returns a *translate.ConfigError.
func New(cfg translate.Config) (*Engine, error) {
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	if !strings.HasPrefix(cfg.URL, "http://") && !strings.HasPrefix(cfg.URL, "https://") {
		return nil, translate.ConfigErrorf(Name, "engine URL %q: want http:// or https://", cfg.URL)
	}
	if cfg.Model == "" {
		return nil, translate.ConfigErrorf(Name, "no model: use --model (e.g. gpt-4o-mini, or llama3.1 on Ollama)")
	}
	if u, err := url.Parse(cfg.URL); err == nil && u.Hostname() == "api.openai.com" && cfg.Key == "" && !cfg.DryRun {
		// A local server (Ollama, vLLM) needs no key; OpenAI's own
		// answers every request without one with a 401.
		return nil, translate.ConfigErrorf(Name, "no key for %s: set BITEXT_ENGINE_KEY or OPENAI_API_KEY", u.Host)
	}
	lim, err := translate.LimitsFrom(cfg, DefaultLimits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	return &Engine{cfg: cfg, lim: lim}, nil
}

// Name returns "openai".
func (e *Engine) Name() string { return Name }

// Limits returns the request limits.
func (e *Engine) Limits() translate.Limits { return e.lim }

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Model       string    `json:"model"`
	Messages    []message `json:"messages"`
	Temperature float64   `json:"temperature"`
}

type chatResponse struct {
	Choices []struct {
		Message      message `json:"message"`
		FinishReason string  `json:"finish_reason"`
	} `json:"choices"`
}

// Prompt returns the system prompt for a request: the task, the placeholder
// rule and the glossary entries of the batch.
func Prompt(req translate.Request) string {
	var b strings.Builder
	fmt.Fprintf(&b, "You translate news from %s to %s for publication.\n", req.SourceLang, req.TargetLang)
	b.WriteString("The user sends a JSON array of strings. Answer with a JSON array of exactly as many strings: " +
		"the translation of each, in the same order, and nothing else.\n")
	b.WriteString("Keep every token written ⟦n:...⟧ or ⟦n⟧ exactly as it is, once, where it belongs in the sentence: " +
		"it stands for a name that is already translated.\n")
	seen := map[translate.Term]bool{}
	var terms []translate.Term
	for _, s := range req.Segments {
		for _, t := range s.Terms {
			if !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
	}
	sort.Slice(terms, func(i, j int) bool { return terms[i].Source < terms[j].Source })
	if len(terms) > 0 {
		b.WriteString("Glossary: write these names exactly so.\n")
		for _, t := range terms {
			fmt.Fprintf(&b, "%s = %s\n", t.Source, t.Target)
		}
	}
	return b.String()
}

// Translate sends the non-blank segments in one chat request and parses the
// answer strictly.
func (e *Engine) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	idx := translate.NonBlank(req.Segments)
	if len(idx) == 0 {
		return out, ctx.Err()
	}
	texts := make([]string, len(idx))
	sub := translate.Request{SourceLang: req.SourceLang, TargetLang: req.TargetLang}
	for k, i := range idx {
		texts[k] = req.Segments[i].Text
		sub.Segments = append(sub.Segments, req.Segments[i])
	}
	user, err := json.Marshal(texts)
	if err != nil {
		return nil, err
	}
	in := chatRequest{Model: e.cfg.Model, Messages: []message{{Role: "system", Content: Prompt(sub)}, {Role: "user", Content: string(user)}}}
	header := http.Header{}
	if e.cfg.Key != "" {
		header.Set("Authorization", "Bearer "+e.cfg.Key)
	}
	var resp chatResponse
	url := strings.TrimSuffix(e.cfg.URL, "/") + "/chat/completions"
	if err := translate.PostJSON(ctx, e.cfg.HTTPClient, Name, url, header, in, &resp); err != nil {
		var te *translate.Error
		if errors.As(err, &te) && te.Status == http.StatusNotFound && !strings.Contains(url, "/v1/") {
			// Ollama, vLLM and llama.cpp serve the API under /v1.
			te.Err = fmt.Errorf("%w (the API base usually ends in /v1, as in http://localhost:11434/v1)", te.Err)
		}
		return nil, translate.Redact(err, e.cfg.Key)
	}
	if len(resp.Choices) == 0 {
		return nil, &translate.Error{Engine: Name, Err: fmt.Errorf("answer has no choices")}
	}
	got, err := ParseAnswer(resp.Choices[0].Message.Content, len(texts))
	if err != nil {
		// A model that loses count often manages fewer texts at once.
		return nil, &translate.Error{Engine: Name, TooLarge: len(texts) > 1, Billed: true, Err: err}
	}
	for k, i := range idx {
		out[i] = got[k]
	}
	return out, nil
}

// ParseAnswer reads a model's answer: a JSON array of exactly n strings.
// Models often say something around it ("Here are the translations:", a
// Markdown code fence, an object holding the array): what is around is
// ignored as long as the answer holds exactly one such array, so that
// there is no doubt which is the translation.
func ParseAnswer(content string, n int) ([]string, error) {
	s := strings.TrimSpace(content)
	var found [][]string
	arrays, count := 0, 0 // arrays of strings of any length and the last one's length, for the message
	for i := 0; i < len(s); i++ {
		if s[i] != '[' {
			continue
		}
		var got []string
		dec := json.NewDecoder(strings.NewReader(s[i:]))
		if err := dec.Decode(&got); err != nil {
			continue
		}
		arrays++
		count = len(got)
		if len(got) == n {
			found = append(found, got)
		}
		// Brackets inside the array's strings start no other array.
		i += int(dec.InputOffset()) - 1
	}
	switch {
	case len(found) == 1 && arrays == 1:
		return found[0], nil
	case arrays > 1:
		return nil, fmt.Errorf("answer holds %d JSON arrays of strings: which is the translation is not clear", arrays)
	case arrays == 1:
		return nil, fmt.Errorf("answer has %d translations for %d texts", count, n)
	}
	return nil, fmt.Errorf("answer is not a JSON array of strings: %q", brief(s))
}

// brief is the start of a model's answer, for a message.
func brief(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
