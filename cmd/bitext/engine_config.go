package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"

	"github.com/urfave/cli/v2"

	"bitext/translate"
)

// engineFlags are the settings of a translation engine, for every command
// that runs one (translate, align): one definition, so that they read the
// same flags and environment.
func engineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "engine-url", EnvVars: []string{"BITEXT_ENGINE_URL"}, Usage: "engine base URL (libretranslate: server; openai: API base; google: endpoint override)"},
		&cli.StringFlag{Name: "engine-key", Usage: "engine API key (prefer the environment: BITEXT_ENGINE_KEY, or GOOGLE_API_KEY for google-v2)"},
		&cli.StringFlag{Name: "model", Usage: "engine model (openai: required; google: e.g. general/nmt)"},
		&cli.StringFlag{Name: "project", EnvVars: []string{"GOOGLE_CLOUD_PROJECT"}, Usage: "Google Cloud project (google)"},
		&cli.StringFlag{Name: "location", Value: "global", Usage: "Google Cloud location (google)"},
		&cli.StringFlag{Name: "engine-glossary", Usage: "Google glossary id made by 'bitext glossary push' (google)"},
		&cli.StringSliceFlag{Name: "engine-option", Usage: "engine setting NAME=VALUE: max-items, max-chars, max-item-chars (network engines), transport=grpc|rest (google), max-url-bytes (google-v2), lexicon=PATH[:PATH...] (gist)"},
		&cli.DurationFlag{Name: "timeout", Value: defaultRequestTimeout, Usage: "longest wait for one answer of the engine (a request that times out is retried, up to 5 tries)"},
	}
}

// defaultRequestTimeout bounds one engine request: a long paragraph batch
// takes seconds, a server that hangs should not take the run with it.
const defaultRequestTimeout = 2 * time.Minute

// requestTimeout returns --timeout, refusing a wait that is not positive.
func requestTimeout(c *cli.Context) (time.Duration, error) {
	d := c.Duration("timeout")
	if d <= 0 {
		return 0, usagef("--timeout: want a duration above 0 (30s, 2m), got %v", d)
	}
	return d, nil
}

// openEngine builds the engine name names ("auto": the one autoEngine picks,
// said on stderr unless quiet) with the settings of engineFlags and the
// environment, to translate from source to target. dryRun says nothing will
// be sent, so credentials are not needed. An unknown engine, a language pair
// it cannot do, or a missing or wrong setting is a usage error.
func openEngine(c *cli.Context, e *env, name, source, target string, dryRun, quiet bool) (translate.Engine, translate.Config, error) {
	asked := name
	var f autoFlags
	var err error
	for _, s := range []struct {
		flag, env string
		v, from   *string
	}{{"engine-url", "BITEXT_ENGINE_URL", &f.URL, &f.URLFrom}, {"engine-key", "", &f.Key, new(string)}, {"project", "GOOGLE_CLOUD_PROJECT", &f.Project, new(string)}} {
		if *s.v, *s.from, err = engineSetting(c.String(s.flag), s.flag, s.env); err != nil {
			return nil, translate.Config{}, err
		}
	}
	f.DryRun = dryRun
	name, err = resolveEngine(name, f, translate.Names(), quiet, e)
	if err != nil {
		return nil, translate.Config{}, err
	}
	if err := translate.CheckPair(name, source, target); err != nil {
		if asked == autoEngineName {
			return nil, translate.Config{}, usagef("%v (--engine auto chose %s: name an engine that can, with its settings)", err, name)
		}
		return nil, translate.Config{}, usagef("%v", err)
	}
	cfg, err := engineConfig(c, name)
	if err != nil {
		return nil, cfg, err
	}
	cfg.DryRun = dryRun
	if host := clearCredentials(name, cfg); host != "" && !dryRun {
		// said even with --quiet: a leak is no progress message
		fmt.Fprintf(e.stderr, "bitext: warning: --engine-url http://%s is not encrypted: the key and the articles cross the network as plain text; use https://\n", host)
	}
	eng, err := newEngine(name, cfg)
	if err != nil {
		err = nameEnvironment(err, c, cfg)
	}
	return eng, cfg, err
}

// engineConfig gathers the engine's settings from flags and the environment.
func engineConfig(c *cli.Context, engine string) (translate.Config, error) {
	cfg := translate.Config{
		Model:    c.String("model"),
		Location: c.String("location"),
		Glossary: c.String("engine-glossary"),
		Options:  map[string]string{},
	}
	var err error
	if cfg.URL, _, err = engineSetting(c.String("engine-url"), "engine-url", "BITEXT_ENGINE_URL"); err != nil {
		return cfg, err
	}
	if cfg.Project, _, err = engineSetting(c.String("project"), "project", "GOOGLE_CLOUD_PROJECT"); err != nil {
		return cfg, err
	}
	keys := []struct{ value, flag, env string }{{c.String("engine-key"), "engine-key", ""}, {os.Getenv("BITEXT_ENGINE_KEY"), "", "BITEXT_ENGINE_KEY"}}
	// Each service's own variable too, as its other tools read it.
	if own := map[string]string{"google-v2": "GOOGLE_API_KEY", "openai": "OPENAI_API_KEY"}[engine]; own != "" {
		keys = append(keys, struct{ value, flag, env string }{os.Getenv(own), "", own})
	}
	for _, k := range keys {
		if cfg.Key, _, err = engineSetting(k.value, k.flag, k.env); err != nil {
			return cfg, err
		}
		if cfg.Key != "" {
			break
		}
	}
	for _, kv := range c.StringSlice("engine-option") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return cfg, usagef("--engine-option %q: want NAME=VALUE", kv)
		}
		cfg.Options[k] = v
	}
	return cfg, nil
}

// newEngine builds the engine registered as name. An unknown name or a
// missing or wrong setting is a usage error.
func newEngine(name string, cfg translate.Config) (translate.Engine, error) {
	eng, err := translate.New(name, cfg)
	if err == nil {
		return eng, nil
	}
	if !contains(translate.Names(), name) {
		return nil, usagef("unknown engine %q (want %s, %s)", name, autoEngineName, strings.Join(translate.Names(), ", "))
	}
	var ce *translate.ConfigError
	if errors.As(err, &ce) {
		return nil, usagef("%v", translate.Redact(err, cfg.Key))
	}
	return nil, translate.Redact(err, cfg.Key)
}

// engineSetting returns value, an engine setting given by --flag or, when
// the command line does not, by the environment variable env, without the
// white space around it, and where it came from. A key or URL kept in a
// secret file or made with echo often ends in a line break, which would go
// out in a header or a URL and fail every request. A control character left
// inside is a usage error naming the flag or variable, never the value (it
// may be a key).
func engineSetting(value, flag, env string) (string, string, error) {
	from := "--" + flag
	if env != "" && (flag == "" || value == os.Getenv(env)) {
		from = "$" + env
	}
	v := strings.TrimSpace(value)
	if i := strings.IndexFunc(v, unicode.IsControl); i >= 0 {
		return "", from, usagef("%s holds a control character (%U) at byte %d: engine settings are one line", from, []rune(v[i:])[0], i)
	}
	return v, from, nil
}

// nameEnvironment adds to err, the engine's refusal of its settings, the
// environment variable that gave a setting it quotes: a pipeline's wrong
// URL comes from a variable nobody sees on the command line.
func nameEnvironment(err error, c *cli.Context, cfg translate.Config) error {
	var ue usageError
	if !errors.As(err, &ue) {
		return err
	}
	for _, s := range []struct{ value, flag, env string }{{cfg.URL, "engine-url", "BITEXT_ENGINE_URL"}, {cfg.Project, "project", "GOOGLE_CLOUD_PROJECT"}} {
		if _, from, _ := engineSetting(c.String(s.flag), s.flag, s.env); s.value != "" && from == "$"+s.env && strings.Contains(ue.msg, s.value) {
			return usagef("%s (set by %s)", ue.msg, from)
		}
	}
	return err
}

// configProblem returns err, a failed run's error, as a usage error when the
// engine found a setting missing on its first request (Google's credentials):
// no article is to blame and no rerun would help; nil for other errors.
func configProblem(err error, key string) error {
	var ce *translate.ConfigError
	if errors.As(err, &ce) {
		return usagef("%v", translate.Redact(ce, key))
	}
	return nil
}

// cacheFlags are the translation cache's flags, for every command that runs
// an engine.
func cacheFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "cache", Usage: "cache folder (default: bitext/translations in the user cache folder, $XDG_CACHE_HOME or ~/.cache)"},
		&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write the cache"},
	}
}

// openRunCache opens the cache of cacheFlags for eng; nil with --no-cache
// or for a local engine, which costs nothing to run again and whose answers
// change with its lexicons, which a cache key does not see.
func openRunCache(c *cli.Context, eng translate.Engine) (*storeOrWarn, error) {
	if c.Bool("no-cache") || translate.IsLocal(eng) {
		return nil, nil
	}
	dir, hint := c.String("cache"), "--no-cache runs without it"
	if dir == "" {
		var err error
		if dir, err = defaultCacheDir(); err != nil {
			return nil, err
		}
		// A container's read-only home: say how to move the cache.
		hint = "--cache DIR or $XDG_CACHE_HOME puts it elsewhere, " + hint
	}
	dc, err := translate.OpenDirCache(dir)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, hint)
	}
	return &storeOrWarn{Cache: dc}, nil
}

// storeOrWarn is the translation cache of a run: an answer it cannot store
// (a full disk, another user's folder) must not fail the run that has paid
// for it, so the first such error is kept for a warning instead.
type storeOrWarn struct {
	translate.Cache
	mu     sync.Mutex
	err    error
	warned bool
}

// Put stores value, keeping the first failure instead of returning it.
func (c *storeOrWarn) Put(key, value string) error {
	if err := c.Cache.Put(key, value); err != nil {
		c.mu.Lock()
		if c.err == nil {
			c.err = err
		}
		c.mu.Unlock()
	}
	return nil
}

// failed returns the first failure to store an answer (nil for no cache).
func (c *storeOrWarn) failed() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// warn says once on stderr, even with --quiet, that answers were not
// cached: running again would send and bill them again.
func (c *storeOrWarn) warn(e *env) {
	err := c.failed()
	if err == nil || c.warned {
		return
	}
	c.warned = true
	hint := ""
	if errors.Is(err, syscall.ENOSPC) { // no block or no inode left
		hint = "; 'bitext cache prune' frees room"
	}
	fmt.Fprintf(e.stderr, "bitext: warning: %v: answers not cached; running again sends (and bills) them again%s\n", err, hint)
}

// defaultCacheDir is bitext/translations under the user cache folder
// ($XDG_CACHE_HOME, else ~/.cache, on Linux).
func defaultCacheDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder (%w): use --cache DIR or --no-cache", err)
	}
	return filepath.Join(base, "bitext", "translations"), nil
}

// clearCredentials returns the host (and port) of the engine URL when the
// engine sends a key, or Google's access token, to another machine over
// plain http; else "". Userinfo in the URL is left out of the answer.
func clearCredentials(name string, cfg translate.Config) string {
	if cfg.Key == "" && name != "google" {
		return ""
	}
	u, err := url.Parse(cfg.URL)
	if err != nil || !strings.EqualFold(u.Scheme, "http") {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return ""
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return ""
	}
	return u.Host
}
