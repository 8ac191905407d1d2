// Package translate holds the Engine interface, the registry of engines and the
// pipeline that turns a segmented document into bilingual units.
//
// To translate an article, segment it (package segment) and call Run with an
// Engine: one built by New from the engines registered by importing their
// packages (translate/google, translate/openai, ...), gist.New for the offline
// gist, or a type of your own. Engines take their settings from Config and
// read no environment variable, except that Google's client library finds
// Application Default Credentials its own way.
package translate

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Term is a glossary entry found in a segment, given to engines that can use it
// (a prompt, a glossary resource).
type Term struct {
	Source string // the Arabic surface form as it stands in the text
	Target string // the English rendering the glossary prescribes
}

// Segment is one piece of text to translate: a paragraph or a heading.
type Segment struct {
	ID    string // stable within a request; engines may use it for logging only
	Text  string // source text; protected spans may already be replaced by placeholders
	Terms []Term // glossary terms found in Text
}

// Request is one batch for an engine. The pipeline keeps batches within the
// engine's Limits.
type Request struct {
	SourceLang string    // BCP 47 tag, e.g. "ar"
	TargetLang string    // BCP 47 tag, e.g. "en"
	Segments   []Segment // at least one, within the engine's Limits
}

// Limits are the most an engine accepts in one request. Zero means no limit.
type Limits struct {
	MaxItems     int // segments per request
	MaxChars     int // code points per request, all segments together
	MaxItemChars int // code points in one segment
}

// Engine translates batches of segments. Translate returns exactly one
// translation per input segment, in order, or an error. Errors that may go away
// when retried are wrapped in *Error with Retryable set.
//
// Glossary names arrive as placeholders, ⟦1:Vladimir Putin⟧ or ⟦1⟧ (see
// Protect): a translation keeps each one, once, where the name belongs, and
// the pipeline puts the name back. The pipeline calls Translate from up to
// Options.Concurrency goroutines at once, so an Engine must be safe for
// concurrent use.
type Engine interface {
	// Name is the name the engine is registered under; it is recorded as
	// the origin of its translations and is part of cache keys.
	Name() string
	// Limits says how large a request the engine accepts.
	Limits() Limits
	// Translate returns one translation per segment of req, in order.
	Translate(ctx context.Context, req Request) ([]string, error)
}

// Error is an engine failure with what the pipeline needs to decide what to do next.
type Error struct {
	Engine     string        // the engine's name
	Status     int           // HTTP status or gRPC code number, when known
	Retryable  bool          // trying again later may succeed (429, 503, deadline exceeded)
	RetryAfter time.Duration // the server's requested wait, when it said one
	TooLarge   bool          // the request was rejected as too large: split it and retry
	// Where is the host and path the request went to, never its query: keys
	// and whole texts travel there.
	Where string
	// Billed says the service answered, and charges for, the request,
	// though the answer could not be used (too few translations, no JSON
	// array): its characters count as billed.
	Billed bool
	Err    error // what went wrong
}

// Error says "engine: status N from host/path: problem", leaving out what
// is not known.
func (e *Error) Error() string {
	switch {
	case e.Status != 0 && e.Where != "":
		return fmt.Sprintf("%s: status %d from %s: %v", e.Engine, e.Status, e.Where, e.Err)
	case e.Status != 0:
		return fmt.Sprintf("%s: status %d: %v", e.Engine, e.Status, e.Err)
	case e.Where != "":
		return fmt.Sprintf("%s: %s: %v", e.Engine, e.Where, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Engine, e.Err)
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// ConfigError is an engine setting that is missing or wrong (no project, no
// model, a malformed option): the engine was asked for wrongly, and nothing
// was sent. Commands report it as a usage error.
type ConfigError struct {
	Engine string // "" when the caller adds the engine's name
	Err    error  // what is wrong with the setting
}

// Error says "engine: problem", or the problem alone when Engine is "".
func (e *ConfigError) Error() string {
	if e.Engine == "" {
		return e.Err.Error()
	}
	return e.Engine + ": " + e.Err.Error()
}

// Unwrap returns Err.
func (e *ConfigError) Unwrap() error { return e.Err }

// ConfigErrorf returns a *ConfigError of engine with the formatted message.
func ConfigErrorf(engine, format string, args ...any) error {
	return &ConfigError{Engine: engine, Err: fmt.Errorf(format, args...)}
}

// IsRetryable reports whether err says a retry may succeed.
func IsRetryable(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Retryable
}

// Config configures an engine. Fields an engine does not use are ignored.
type Config struct {
	URL        string       // base URL of the service
	Key        string       // API key; never logged or written anywhere
	Model      string       // model name, for engines that have one
	Project    string       // Google Cloud project
	Location   string       // Google Cloud location
	Glossary   string       // engine-side glossary resource name
	HTTPClient *http.Client // nil: http.DefaultClient
	// DryRun says nothing will be sent: the engine is made for counting,
	// and credentials (an API key) need not be configured.
	DryRun bool
	// Options holds engine-specific settings (e.g. a lexicon path) by name.
	Options map[string]string
}

// Factory builds an engine from its configuration.
type Factory func(Config) (Engine, error)

// Registration describes a registered engine.
type Registration struct {
	Name        string  // what New and --engine call it, e.g. "google-v2"
	Description string  // one line: what the service is and the settings it needs
	New         Factory // builds the engine; Config.Options it does not read are refused before it is called
	// Options are the names of the Config.Options the engine reads; New
	// refuses any other, so that a misspelt or misplaced option is not
	// silently ignored.
	Options []string
	// Pairs are the language pairs (source, target) the engine can
	// translate, when it knows them; nil: whatever the service accepts.
	Pairs [][2]string
}

// LimitOptions are the Config.Options that LimitsFrom reads.
var LimitOptions = []string{"max-items", "max-chars", "max-item-chars"}

var (
	registryMu sync.RWMutex
	registry   = map[string]Registration{}
)

// Register makes an engine available by name. Engines call it from init.
// Registering a name twice panics: it is a programming error.
func Register(r Registration) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[r.Name]; dup {
		panic("translate: engine registered twice: " + r.Name)
	}
	registry[r.Name] = r
}

// ErrUnknownEngine is wrapped by New's *ConfigError for a name no engine
// is registered under.
var ErrUnknownEngine = errors.New("unknown engine")

// enginePackages are the packages of bitext's own engines, whose init
// registers them: a program that did not import one cannot build it by name.
var enginePackages = map[string]string{
	"gist":           "bitext/gist",
	"google":         "bitext/translate/google",
	"google-v2":      "bitext/translate/googlev2",
	"libretranslate": "bitext/translate/libre",
	"openai":         "bitext/translate/openai",
}

// New builds the engine registered under name. Engines register themselves
// when their package is imported (import _ "bitext/translate/google"); a name
// none is registered under is a *ConfigError wrapping ErrUnknownEngine. An
// option the engine does not read is a *ConfigError that lists the ones it
// does.
func New(name string, cfg Config) (Engine, error) {
	registryMu.RLock()
	r, ok := registry[name]
	registryMu.RUnlock()
	if !ok {
		msg := fmt.Sprintf("%%w %%q (registered: %s)", strings.Join(Names(), ", "))
		if pkg, ok := enginePackages[name]; ok {
			msg = fmt.Sprintf("%%w %%q: it is registered by importing its package (import _ %q)", pkg)
		}
		return nil, &ConfigError{Err: fmt.Errorf(msg, ErrUnknownEngine, name)}
	}
	keys := make([]string, 0, len(cfg.Options))
	for k := range cfg.Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if slices.Contains(r.Options, k) {
			continue
		}
		if len(r.Options) == 0 {
			return nil, ConfigErrorf(name, "no engine option %q: this engine takes none", k)
		}
		return nil, ConfigErrorf(name, "no engine option %q (this engine's options: %s)", k, strings.Join(r.Options, ", "))
	}
	return r.New(cfg)
}

// CheckPair returns a *ConfigError when the engine registered under name
// says which language pairs it translates and source→target is not one of
// them. Codes compare by their first subtag, whatever the case: ar-EG is ar.
func CheckPair(name, source, target string) error {
	registryMu.RLock()
	r, ok := registry[name]
	registryMu.RUnlock()
	if !ok || r.Pairs == nil {
		return nil
	}
	var can []string
	for _, p := range r.Pairs {
		if baseLang(p[0]) == baseLang(source) && baseLang(p[1]) == baseLang(target) {
			return nil
		}
		can = append(can, p[0]+"→"+p[1])
	}
	return ConfigErrorf(name, "cannot translate %s→%s: it translates only %s", source, target, strings.Join(can, ", "))
}

// baseLang is the primary subtag of a language code, lower-cased.
func baseLang(code string) string {
	code, _, _ = strings.Cut(code, "-")
	code, _, _ = strings.Cut(code, "_")
	return strings.ToLower(strings.TrimSpace(code))
}

// Names lists the registered engines in alphabetical order.
func Names() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Registrations lists the registered engines in alphabetical order.
func Registrations() []Registration {
	var out []Registration
	for _, n := range Names() {
		registryMu.RLock()
		out = append(out, registry[n])
		registryMu.RUnlock()
	}
	return out
}

// LimitsFrom returns def with the overrides found in cfg.Options
// ("max-items", "max-chars", "max-item-chars"), so that users can match a
// server's own limits. A value that is not a number is a *ConfigError.
func LimitsFrom(cfg Config, def Limits) (Limits, error) {
	for name, p := range map[string]*int{"max-items": &def.MaxItems, "max-chars": &def.MaxChars, "max-item-chars": &def.MaxItemChars} {
		v, ok := cfg.Options[name]
		if !ok {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return def, ConfigErrorf("", "engine option %s: want a number ≥ 0, got %q", name, v)
		}
		*p = n
	}
	return def, nil
}

// Redact removes secret from err's message, keeping what an *Error says about
// retrying and what wraps it (the article's file and line). Engines pass
// every error through it: client libraries like to quote URLs, and some keys
// travel in URLs.
func Redact(err error, secret string) error {
	if err == nil || secret == "" {
		return err
	}
	msg := redactString(err.Error(), secret)
	if msg == err.Error() {
		return err
	}
	var kept []error // what errors.Is and errors.As still find, without the secret
	var e *Error
	if errors.As(err, &e) {
		c := *e
		c.Err = errors.New(redactString(e.Err.Error(), secret))
		if err == error(e) {
			return &c
		}
		kept = append(kept, &c)
	}
	for _, ctxErr := range []error{context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, ctxErr) {
			kept = append(kept, ctxErr)
		}
	}
	return &redacted{msg: msg, kept: kept}
}

// redactString replaces secret in s. A short secret (a test key, "k") is
// replaced only where it stands as a whole token, as in key=k&, so that it
// does not cut words and numbers apart ("loo[REDACTED]up"); a real key is
// long and replaced wherever it appears.
func redactString(s, secret string) string {
	const long = 12
	if len(secret) >= long {
		return strings.ReplaceAll(s, secret, "[REDACTED]")
	}
	var b strings.Builder
	for {
		i := strings.Index(s, secret)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := i + len(secret)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		b.WriteString(s[:i])
		if (i == 0 || !keyRune(before)) && (j == len(s) || !keyRune(after)) {
			b.WriteString("[REDACTED]")
		} else {
			b.WriteString(secret)
		}
		s = s[j:]
	}
}

// keyRune reports whether r may be part of an API key.
func keyRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'
}

// redacted is an error whose message had a secret taken out; it unwraps to
// the redacted *Error and the context errors the original held.
type redacted struct {
	msg  string
	kept []error
}

func (r *redacted) Error() string   { return r.msg }
func (r *redacted) Unwrap() []error { return r.kept }

// NonBlank returns the indexes of segs whose text is not blank: engines send
// only those and answer "" for the rest.
func NonBlank(segs []Segment) []int {
	var idx []int
	for i, s := range segs {
		if strings.TrimSpace(s.Text) != "" {
			idx = append(idx, i)
		}
	}
	return idx
}

// AnswersNothing reports whether eng leaves every text untranslated by
// design (it has a method AnswersNothing() bool that returns true): the
// pipeline does not ask it, so no request is counted and no empty answer
// reads as damage.
func AnswersNothing(eng Engine) bool {
	a, ok := eng.(interface{ AnswersNothing() bool })
	return ok && a.AnswersNothing()
}

// IsLocal reports whether eng runs on this machine and bills nothing (it has a
// method Local() bool that returns true): its characters are not counted as billed.
func IsLocal(eng Engine) bool {
	l, ok := eng.(interface{ Local() bool })
	return ok && l.Local()
}
