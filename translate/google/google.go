// Package google is the Cloud Translation Advanced (v3) engine, "google".
// It authenticates with Application Default Credentials (or an API key when
// one is configured) and sends plain text with the source language always set.
package google

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	translate3 "cloud.google.com/go/translate/apiv3"
	"cloud.google.com/go/translate/apiv3/translatepb"
	"github.com/googleapis/gax-go/v2/apierror"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"
	"google.golang.org/api/option/internaloption"
	httptransport "google.golang.org/api/transport/http"
	"google.golang.org/grpc/codes"

	"bitext/translate"
)

// Name is the engine's name in the registry.
const Name = "google"

// DefaultLimits follow the service: at most 1024 texts and 30,000 code points
// a request, 5,000 recommended, which is what we send.
var DefaultLimits = translate.Limits{MaxItems: 1024, MaxChars: 5000, MaxItemChars: 5000}

func init() {
	translate.Register(translate.Registration{
		Name:        Name,
		Description: "Google Cloud Translation Advanced (v3); --project or GOOGLE_CLOUD_PROJECT, Application Default Credentials",
		New:         func(cfg translate.Config) (translate.Engine, error) { return New(cfg) },
		Options:     slices.Concat(translate.LimitOptions, []string{"transport"}),
	})
}

// Engine is the v3 engine. The client is made on first use, so that a dry run
// needs no credentials.
type Engine struct {
	cfg      translate.Config
	parent   string
	model    string
	glossary string
	lim      translate.Limits
	opts     []option.ClientOption

	once      sync.Once
	client    *translate3.TranslationClient
	clientErr error
}

// New returns the engine for cfg. Config.Options["transport"] chooses "grpc"
// (the default) or "rest"; Config.URL overrides the service endpoint. opts are
// added to the client's options (tests use them to reach a fake service).
// A missing project or a wrong option is a *translate.ConfigError.
func New(cfg translate.Config, opts ...option.ClientOption) (*Engine, error) {
	if cfg.Project == "" {
		return nil, translate.ConfigErrorf(Name, "no Google Cloud project: use --project or set GOOGLE_CLOUD_PROJECT")
	}
	if cfg.Location == "" {
		cfg.Location = "global"
	}
	switch cfg.Options["transport"] {
	case "", "grpc", "rest":
	default:
		return nil, translate.ConfigErrorf(Name, "engine option transport %q: want grpc or rest", cfg.Options["transport"])
	}
	if _, err := endpoint(cfg.URL, cfg.Options["transport"] == "rest"); cfg.URL != "" && err != nil {
		return nil, err
	}
	lim, err := translate.LimitsFrom(cfg, DefaultLimits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	e := &Engine{cfg: cfg, lim: lim, parent: Parent(cfg.Project, cfg.Location)}
	if cfg.Model != "" {
		e.model = cfg.Model
		if !strings.HasPrefix(e.model, "projects/") {
			e.model = e.parent + "/models/" + e.model
		}
	}
	if cfg.Glossary != "" {
		e.glossary = GlossaryName(cfg.Project, cfg.Location, cfg.Glossary)
	}
	e.opts = append(ClientOptions(cfg), opts...)
	return e, nil
}

// Parent is the resource the requests are made in.
func Parent(project, location string) string {
	if location == "" {
		location = "global"
	}
	return "projects/" + project + "/locations/" + location
}

// GlossaryName expands a glossary id into its full resource name.
func GlossaryName(project, location, id string) string {
	if strings.HasPrefix(id, "projects/") {
		return id
	}
	return Parent(project, location) + "/glossaries/" + id
}

// endpoint is the --engine-url of the service as the client wants it: over
// gRPC host:port (https://host:port/ would be dialled as a host name full
// of colons, and retried until the attempts run out), over REST a URL. A
// plain http:// server can be reached over REST only: gRPC goes over TLS.
func endpoint(raw string, rest bool) (string, error) {
	raw = strings.TrimSpace(raw)
	scheme, hostPath, hasScheme := strings.Cut(raw, "://")
	if !hasScheme {
		if rest {
			return "https://" + raw, nil
		}
		return raw, nil
	}
	if rest {
		return raw, nil
	}
	switch strings.ToLower(scheme) {
	case "https":
	case "http":
		return "", translate.ConfigErrorf(Name, "engine URL %q: gRPC goes over TLS; for a plain http:// server use --engine-option transport=rest", raw)
	default:
		return "", translate.ConfigErrorf(Name, "engine URL %q: want host:port or https://host:port", raw)
	}
	host, _, _ := strings.Cut(hostPath, "/")
	if host == "" {
		return "", translate.ConfigErrorf(Name, "engine URL %q: no host", raw)
	}
	if _, _, err := net.SplitHostPort(host); err != nil {
		host = net.JoinHostPort(strings.Trim(host, "[]"), "443")
	}
	return host, nil
}

// ClientOptions are the client options cfg asks for. The client's logger is
// silenced: it may print request headers, keys among them.
func ClientOptions(cfg translate.Config) []option.ClientOption {
	opts := []option.ClientOption{option.WithLogger(slog.New(slog.DiscardHandler))}
	if cfg.URL != "" {
		u, err := endpoint(cfg.URL, cfg.Options["transport"] == "rest")
		if err != nil {
			u = cfg.URL // New reports it; the client's own message will do elsewhere
		}
		opts = append(opts, option.WithEndpoint(u))
	}
	if cfg.Key != "" {
		opts = append(opts, option.WithAPIKey(cfg.Key))
	}
	if cfg.HTTPClient != nil && cfg.Options["transport"] == "rest" {
		opts = append(opts, option.WithHTTPClient(cfg.HTTPClient))
	}
	return opts
}

// Dial makes a v3 client for cfg over gRPC or REST. Over REST the client
// library adds the token or the key to every request it sends, a redirected
// one too, whatever server the redirect names: its HTTP client is made here,
// authenticated as the library would, and follows redirects only on the
// server configured (translate.CheckSameServer).
func Dial(ctx context.Context, cfg translate.Config, opts []option.ClientOption) (*translate3.TranslationClient, error) {
	if cfg.Options["transport"] == "rest" {
		hc, _, err := httptransport.NewClient(ctx, append(restDefaults(), opts...)...)
		if err != nil {
			return nil, err
		}
		opts = append(slices.Clip(opts), option.WithHTTPClient(translate.SameServer(hc)))
		return translate3.NewTranslationRESTClient(ctx, opts...)
	}
	return translate3.NewTranslationClient(ctx, opts...)
}

// restDefaults are the settings the REST client gives its own HTTP client
// (endpoint, audience, scopes, the auth library), for the one Dial makes.
func restDefaults() []option.ClientOption {
	return []option.ClientOption{
		internaloption.WithDefaultEndpoint("https://translate.googleapis.com"),
		internaloption.WithDefaultEndpointTemplate("https://translate.UNIVERSE_DOMAIN"),
		internaloption.WithDefaultMTLSEndpoint("https://translate.mtls.googleapis.com"),
		internaloption.WithDefaultUniverseDomain("googleapis.com"),
		internaloption.WithDefaultAudience("https://translate.googleapis.com/"),
		internaloption.WithDefaultScopes(translate3.DefaultAuthScopes()...),
		internaloption.EnableNewAuthLibrary(),
	}
}

// Name returns "google".
func (e *Engine) Name() string { return Name }

// Limits returns the request limits.
func (e *Engine) Limits() translate.Limits { return e.lim }

// Close releases the client.
func (e *Engine) Close() error {
	if e.client != nil {
		return e.client.Close()
	}
	return nil
}

// Translate sends the non-blank segments as text/plain in one TranslateText call.
func (e *Engine) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	idx := translate.NonBlank(req.Segments)
	if len(idx) == 0 {
		return out, ctx.Err()
	}
	e.once.Do(func() {
		e.client, e.clientErr = Dial(context.WithoutCancel(ctx), e.cfg, e.opts)
	})
	if e.clientErr != nil {
		if strings.Contains(e.clientErr.Error(), "could not find default credentials") {
			// a setting to make, not a failure to retry or resume
			return nil, translate.ConfigErrorf(Name, "no Application Default Credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, or run 'gcloud auth application-default login'")
		}
		return nil, translate.Redact(fmt.Errorf("%s: connecting: %w", Name, e.clientErr), e.cfg.Key)
	}
	in := &translatepb.TranslateTextRequest{
		Parent:             e.parent,
		MimeType:           "text/plain",
		SourceLanguageCode: req.SourceLang,
		TargetLanguageCode: req.TargetLang,
		Model:              e.model,
	}
	for _, i := range idx {
		in.Contents = append(in.Contents, req.Segments[i].Text)
	}
	if e.glossary != "" {
		in.GlossaryConfig = &translatepb.TranslateTextGlossaryConfig{Glossary: e.glossary}
	}
	resp, err := e.client.TranslateText(ctx, in)
	if err != nil {
		return nil, translate.Redact(Classify(err), e.cfg.Key)
	}
	got := resp.GetTranslations()
	if e.glossary != "" {
		got = resp.GetGlossaryTranslations()
	}
	if len(got) != len(idx) {
		return nil, &translate.Error{Engine: Name, Billed: true, Err: fmt.Errorf("returned %d translations for %d texts", len(got), len(idx))}
	}
	for k, i := range idx {
		out[i] = got[k].GetTranslatedText()
	}
	return out, nil
}

// Classify turns a client error into a *translate.Error that says whether to
// retry (RESOURCE_EXHAUSTED unless a daily quota, UNAVAILABLE,
// DEADLINE_EXCEEDED), when (RetryInfo, Retry-After) and whether to split
// (INVALID_ARGUMENT about size). Over REST, a request that got no answer is
// retried as over gRPC (UNAVAILABLE), and named without its URL's query.
func Classify(err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	e := &translate.Error{Engine: Name, Err: err}
	ae, ok := apierror.FromError(err)
	if !ok {
		if translate.IsTransport(err) {
			return translate.TransportError(Name, err)
		}
		return e
	}
	code := codes.Unknown
	if st := ae.GRPCStatus(); st != nil {
		code = st.Code()
		e.Status = int(code)
	}
	if h := ae.HTTPCode(); h > 0 {
		e.Status = h
		code = httpToCode(h)
	}
	msg := ae.Message()
	if msg == "" {
		msg = err.Error()
	}
	// The client's own message adds its details on lines of their own.
	e.Err = &briefError{msg: code.String() + ": " + translate.Brief(msg), err: err}
	switch code {
	case codes.ResourceExhausted:
		e.Retryable = !translate.DailyQuota(msg) && !dailyQuotaDetails(ae)
	case codes.Unavailable, codes.DeadlineExceeded, codes.Aborted, codes.Internal:
		// a TLS handshake that fails (a plaintext server, a certificate
		// not trusted) fails the same way every time
		e.Retryable = !tlsFailure(msg)
	case codes.InvalidArgument:
		e.TooLarge = translate.SaysTooLarge(msg)
	}
	if ri := ae.Details().RetryInfo; ri != nil && ri.GetRetryDelay() != nil {
		e.RetryAfter = ri.GetRetryDelay().AsDuration()
	}
	var ge *googleapi.Error
	if e.RetryAfter == 0 && errors.As(err, &ge) && ge.Header != nil {
		e.RetryAfter = translate.RetryAfter(ge.Header.Get("Retry-After"), time.Now())
	}
	return e
}

// tlsFailure reports whether a client message says the TLS handshake or the
// server's certificate failed.
func tlsFailure(msg string) bool {
	return strings.Contains(msg, "handshake failed") || strings.Contains(msg, "x509:") ||
		strings.Contains(msg, "tls: first record does not look like a TLS handshake")
}

// briefError is a client error said on one line, still unwrapping to it.
type briefError struct {
	msg string
	err error
}

func (b *briefError) Error() string { return b.msg }
func (b *briefError) Unwrap() error { return b.err }

func dailyQuotaDetails(ae *apierror.APIError) bool {
	qf := ae.Details().QuotaFailure
	if qf == nil {
		return false
	}
	for _, v := range qf.GetViolations() {
		if translate.DailyQuota(v.GetDescription()) || strings.Contains(strings.ToLower(v.GetSubject()), "day") {
			return true
		}
	}
	return false
}

func httpToCode(status int) codes.Code {
	switch status {
	case http.StatusTooManyRequests:
		return codes.ResourceExhausted
	case http.StatusServiceUnavailable, http.StatusBadGateway:
		return codes.Unavailable
	case http.StatusGatewayTimeout:
		return codes.DeadlineExceeded
	case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		return codes.InvalidArgument
	case http.StatusInternalServerError:
		return codes.Internal
	}
	return codes.Unknown
}
