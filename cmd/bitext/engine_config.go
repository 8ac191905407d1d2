package main

import (
	"errors"
	"os"
	"strings"

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
	}
}

// openEngine builds the engine name names ("auto": the one autoEngine picks,
// said on stderr unless quiet) with the settings of engineFlags and the
// environment, to translate from source to target. dryRun says nothing will
// be sent, so credentials are not needed. An unknown engine, a language pair
// it cannot do, or a missing or wrong setting is a usage error.
func openEngine(c *cli.Context, e *env, name, source, target string, dryRun, quiet bool) (translate.Engine, translate.Config, error) {
	asked := name
	name, err := resolveEngine(name, autoFlags{URL: c.String("engine-url"), Key: c.String("engine-key"), Project: c.String("project"), DryRun: dryRun},
		translate.Names(), quiet, e)
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
	eng, err := newEngine(name, cfg)
	return eng, cfg, err
}

// engineConfig gathers the engine's settings from flags and the environment.
func engineConfig(c *cli.Context, engine string) (translate.Config, error) {
	cfg := translate.Config{
		URL:      c.String("engine-url"),
		Key:      c.String("engine-key"),
		Model:    c.String("model"),
		Project:  c.String("project"),
		Location: c.String("location"),
		Glossary: c.String("engine-glossary"),
		Options:  map[string]string{},
	}
	if cfg.Key == "" {
		cfg.Key = os.Getenv("BITEXT_ENGINE_KEY")
	}
	if cfg.Key == "" && engine == "google-v2" {
		cfg.Key = os.Getenv("GOOGLE_API_KEY")
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
