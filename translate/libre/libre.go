// Package libre is the LibreTranslate engine, "libretranslate": a
// self-hosted server for newsrooms that keep their text on their own
// machines. It calls POST {url}/translate with q as an array.
package libre

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"bitext/translate"
)

// Name is the engine's name in the registry.
const Name = "libretranslate"

// DefaultLimits are modest, as a small server's --batch-limit and
// --char-limit often are; Config.Options max-items, max-chars and
// max-item-chars match them to a server.
var DefaultLimits = translate.Limits{MaxItems: 25, MaxChars: 5000, MaxItemChars: 5000}

func init() {
	translate.Register(translate.Registration{
		Name:        Name,
		Description: "LibreTranslate server at --engine-url (POST {url}/translate), optional key in --engine-key",
		New:         func(cfg translate.Config) (translate.Engine, error) { return New(cfg) },
		Options:     translate.LimitOptions,
	})
}

// Engine is the LibreTranslate engine.
type Engine struct {
	cfg translate.Config
	lim translate.Limits
}

// New returns the engine for cfg; cfg.URL is the server's base URL. A
// missing or malformed setting is a *translate.ConfigError.
func New(cfg translate.Config) (*Engine, error) {
	if cfg.URL == "" {
		return nil, translate.ConfigErrorf(Name, "no server: use --engine-url or set BITEXT_ENGINE_URL (e.g. http://localhost:5000)")
	}
	if !strings.HasPrefix(cfg.URL, "http://") && !strings.HasPrefix(cfg.URL, "https://") {
		return nil, translate.ConfigErrorf(Name, "engine URL %q: want http:// or https://", cfg.URL)
	}
	lim, err := translate.LimitsFrom(cfg, DefaultLimits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	return &Engine{cfg: cfg, lim: lim}, nil
}

// Name returns "libretranslate".
func (e *Engine) Name() string { return Name }

// Limits returns the request limits.
func (e *Engine) Limits() translate.Limits { return e.lim }

type request struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"`
	APIKey string   `json:"api_key,omitempty"`
}

type response struct {
	TranslatedText []string `json:"translatedText"`
}

// Translate sends the non-blank segments in one request.
func (e *Engine) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	idx := translate.NonBlank(req.Segments)
	if len(idx) == 0 {
		return out, ctx.Err()
	}
	in := request{Source: req.SourceLang, Target: req.TargetLang, Format: "text", APIKey: e.cfg.Key}
	for _, i := range idx {
		in.Q = append(in.Q, req.Segments[i].Text)
	}
	var resp response
	url := strings.TrimSuffix(e.cfg.URL, "/") + "/translate"
	if err := translate.PostJSON(ctx, e.cfg.HTTPClient, Name, url, nil, in, &resp); err != nil {
		var te *translate.Error
		if errors.As(err, &te) && te.Status == 403 && strings.Contains(strings.ToLower(te.Err.Error()), "slowdown") {
			te.Retryable = true // LibreTranslate's per-minute limit
		}
		return nil, translate.Redact(err, e.cfg.Key)
	}
	if len(resp.TranslatedText) != len(idx) {
		return nil, &translate.Error{Engine: Name, Billed: true, Err: fmt.Errorf("returned %d translations for %d texts", len(resp.TranslatedText), len(idx))}
	}
	for k, i := range idx {
		out[i] = resp.TranslatedText[k]
	}
	return out, nil
}
