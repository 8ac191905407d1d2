// Package googlev2 is the Cloud Translation Basic (v2) engine, "google-v2",
// authenticated with an API key.
//
// The v2 client sends every text in the URL of a GET request, so requests are
// kept under URLBudget bytes of query (Arabic takes six bytes a letter once
// escaped); it asks for format "text", or the service would answer
// HTML-escaped text, and unescapes an answer escaped all the same; and it does not check that the number of answers equals
// the number of texts, so this engine does.
package googlev2

import (
	"context"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	gtranslate "cloud.google.com/go/translate"
	"golang.org/x/text/language"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"

	"bitext/translate"
)

// Name is the engine's name in the registry.
const Name = "google-v2"

// DefaultEndpoint is where requests go without --engine-url.
const DefaultEndpoint = "translation.googleapis.com/language/translate/v2"

// URLBudget is the most query bytes one request carries by default; the
// service refuses URLs much past 8 KB. Config.Options["max-url-bytes"]
// changes it.
const URLBudget = 7000

// DefaultLimits keep a request of Arabic text within URLBudget: 128 texts at
// most (the service's own limit) and 1,100 code points.
var DefaultLimits = translate.Limits{MaxItems: 128, MaxChars: 1100, MaxItemChars: 1100}

func init() {
	translate.Register(translate.Registration{
		Name:        Name,
		Description: "Google Cloud Translation Basic (v2); API key in --engine-key, BITEXT_ENGINE_KEY or GOOGLE_API_KEY",
		New:         func(cfg translate.Config) (translate.Engine, error) { return New(cfg) },
		Options:     slices.Concat(translate.LimitOptions, []string{"max-url-bytes"}),
	})
}

// Engine is the v2 engine. The client is made on first use.
type Engine struct {
	cfg    translate.Config
	lim    translate.Limits
	budget int
	opts   []option.ClientOption
	where  string // host and path of the requests, for messages

	once      sync.Once
	client    *gtranslate.Client
	clientErr error
}

// New returns the engine for cfg. opts are added to the client's options.
// A missing key (unless cfg.DryRun) or a wrong option is a
// *translate.ConfigError.
func New(cfg translate.Config, opts ...option.ClientOption) (*Engine, error) {
	if cfg.Key == "" && !cfg.DryRun {
		return nil, translate.ConfigErrorf(Name, "no API key: use --engine-key or set BITEXT_ENGINE_KEY or GOOGLE_API_KEY")
	}
	lim, err := translate.LimitsFrom(cfg, DefaultLimits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	e := &Engine{cfg: cfg, lim: lim, budget: URLBudget, where: DefaultEndpoint}
	if v, ok := cfg.Options["max-url-bytes"]; ok {
		if e.budget, err = strconv.Atoi(v); err != nil || e.budget <= 0 {
			return nil, translate.ConfigErrorf(Name, "engine option max-url-bytes: want a number > 0, got %q", v)
		}
	}
	e.opts = []option.ClientOption{option.WithAPIKey(cfg.Key), option.WithLogger(slog.New(slog.DiscardHandler))}
	if cfg.URL != "" {
		// The client resolves "v2" against the endpoint: it must end in /language/translate/.
		u := strings.TrimSuffix(cfg.URL, "/")
		if !strings.HasSuffix(u, "/language/translate") {
			u += "/language/translate"
		}
		e.opts = append(e.opts, option.WithEndpoint(u+"/"))
		e.where = translate.Endpoint(u + "/v2")
	}
	switch {
	case cfg.HTTPClient != nil:
		e.opts = append(e.opts, option.WithHTTPClient(cfg.HTTPClient))
	case cfg.Key != "":
		// The client library's transport adds key= to every request it
		// sends, a redirected one too, whatever server the redirect names:
		// add it here, and follow redirects only on the server configured.
		e.opts = append(e.opts, option.WithHTTPClient(&http.Client{Transport: keyTransport(cfg.Key), CheckRedirect: translate.CheckSameServer}))
	}
	e.opts = append(e.opts, opts...)
	return e, nil
}

// Name returns "google-v2".
func (e *Engine) Name() string { return Name }

// Limits returns the request limits.
func (e *Engine) Limits() translate.Limits { return e.lim }

// Translate sends the non-blank segments in one GET request.
func (e *Engine) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	idx := translate.NonBlank(req.Segments)
	if len(idx) == 0 {
		return out, ctx.Err()
	}
	target, err := language.Parse(req.TargetLang)
	if err != nil {
		return nil, fmt.Errorf("%s: target language: %w", Name, err)
	}
	source, err := language.Parse(req.SourceLang)
	if err != nil {
		return nil, fmt.Errorf("%s: source language: %w", Name, err)
	}
	inputs := make([]string, len(idx))
	size := 0
	for k, i := range idx {
		inputs[k] = req.Segments[i].Text
		size += len("&q=") + len(url.QueryEscape(inputs[k]))
	}
	if size > e.budget {
		return nil, &translate.Error{Engine: Name, TooLarge: true, Err: fmt.Errorf("request would carry %d bytes of text in its URL, more than %d", size, e.budget)}
	}
	e.once.Do(func() { e.client, e.clientErr = gtranslate.NewClient(context.WithoutCancel(ctx), e.opts...) })
	if e.clientErr != nil {
		return nil, translate.Redact(fmt.Errorf("%s: %w", Name, e.clientErr), e.cfg.Key)
	}
	got, err := e.client.Translate(ctx, inputs, target, &gtranslate.Options{Source: source, Format: gtranslate.Text, Model: e.cfg.Model})
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: %w", Name, ctx.Err())
		}
		return nil, translate.Redact(classify(err, e.where), e.cfg.Key)
	}
	if len(got) != len(inputs) {
		return nil, &translate.Error{Engine: Name, Billed: true, Err: fmt.Errorf("returned %d translations for %d texts", len(got), len(inputs))}
	}
	for k, i := range idx {
		out[i] = plainText(got[k].Text, inputs[k])
	}
	return out, nil
}

// entityRE finds the HTML character references the service writes.
var entityRE = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);`)

// plainText undoes the HTML escaping (&#39; &quot; &amp;) that the service
// may apply even to format "text", which would reach the page and the XLIFF
// as "Korea&#39;s". An answer is left as it is when the text sent had
// references of its own: they may be meant.
func plainText(answer, sent string) string {
	if !entityRE.MatchString(answer) || entityRE.MatchString(sent) {
		return answer
	}
	return html.UnescapeString(answer)
}

// classify maps the client's errors: v2 reports rate limits as 429 or as 403
// with reason userRateLimitExceeded, and a spent daily quota as 403
// dailyLimitExceeded. A request that got no answer is retried as other
// engines' are; its message names where it went, never the URL, which
// carries the key and the whole text.
func classify(err error, where string) error {
	var ge *googleapi.Error
	if !errors.As(err, &ge) {
		if translate.IsTransport(err) {
			return translate.TransportError(Name, err)
		}
		return &translate.Error{Engine: Name, Where: where, Err: errors.New(translate.Brief(err.Error()))}
	}
	msg := ge.Message
	for _, it := range ge.Errors {
		msg += " (" + it.Reason + ")"
	}
	e := translate.HTTPError(Name, ge.Code, ge.Header, []byte(msg))
	e.Where = where
	low := strings.ToLower(msg)
	if ge.Code == 403 && strings.Contains(low, "ratelimitexceeded") && !translate.DailyQuota(msg) && !strings.Contains(low, "dailylimit") {
		e.Retryable = true
	}
	if strings.Contains(low, "dailylimit") {
		e.Retryable = false
	}
	return e
}

// keyTransport adds the API key to the query of every request.
type keyTransport string

func (k keyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	q := r.URL.Query()
	q.Set("key", string(k))
	r.URL.RawQuery = q.Encode()
	return http.DefaultTransport.RoundTrip(r)
}
