// Package openai is the engine for OpenAI-compatible chat endpoints, "openai":
// OpenAI itself, or a local Ollama, vLLM or llama.cpp server. The texts go in
// as a JSON array; the system prompt carries the glossary entries found in
// the batch; the answer must be a JSON array of exactly as many strings, in
// order, or it is refused.
package openai

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
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
		return nil, translate.Redact(err, e.cfg.Key)
	}
	if len(resp.Choices) == 0 {
		return nil, &translate.Error{Engine: Name, Err: fmt.Errorf("answer has no choices")}
	}
	got, err := ParseAnswer(resp.Choices[0].Message.Content, len(texts))
	if err != nil {
		// A model that loses count often manages fewer texts at once.
		return nil, &translate.Error{Engine: Name, TooLarge: len(texts) > 1, Err: err}
	}
	for k, i := range idx {
		out[i] = got[k]
	}
	return out, nil
}

// ParseAnswer reads a model's answer: a JSON array of exactly n strings,
// optionally inside a Markdown code fence, and nothing else.
func ParseAnswer(content string, n int) ([]string, error) {
	s := strings.TrimSpace(content)
	if strings.HasPrefix(s, "```") {
		s = strings.TrimPrefix(s, "```")
		s = strings.TrimPrefix(s, "json")
		if !strings.HasSuffix(s, "```") {
			return nil, fmt.Errorf("answer opens a code fence it does not close")
		}
		s = strings.TrimSpace(strings.TrimSuffix(s, "```"))
	}
	var got []string
	dec := json.NewDecoder(strings.NewReader(s))
	if err := dec.Decode(&got); err != nil {
		return nil, fmt.Errorf("answer is not a JSON array of strings: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("answer has text after its JSON array")
	}
	var rest json.RawMessage
	if err := dec.Decode(&rest); err == nil {
		return nil, fmt.Errorf("answer has text after its JSON array")
	}
	if len(got) != n {
		return nil, fmt.Errorf("answer has %d translations for %d texts", len(got), n)
	}
	return got, nil
}
