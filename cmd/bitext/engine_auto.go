package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	_ "bitext/gist" // registers the offline gist engine
)

// autoEngineName is the --engine value that picks an engine from what is configured.
const autoEngineName = "auto"

// engineChoice is the engine --engine auto resolved to, and why.
type engineChoice struct {
	Name   string
	Reason string
}

// autoFlags are the command-line settings auto looks at; empty when not given.
type autoFlags struct {
	URL     string // --engine-url
	Key     string // --engine-key
	Project string // --project
}

// autoEngine picks the engine for --engine auto:
//
//  1. google (Cloud Translation v3) when a project (--project or
//     GOOGLE_CLOUD_PROJECT) and Application Default Credentials
//     (GOOGLE_APPLICATION_CREDENTIALS or gcloud's file) are configured;
//  2. google-v2 when a Google API key is (GOOGLE_API_KEY, or --engine-key /
//     BITEXT_ENGINE_KEY without --engine-url);
//  3. with --engine-url: openai when the URL (or OPENAI_API_KEY) says it is an
//     OpenAI-compatible API, else libretranslate;
//  4. otherwise the offline gist.
//
// Engines that are not registered are skipped. getenv reads the environment;
// home is the user's home folder ("" if unknown).
func autoEngine(getenv func(string) string, home string, f autoFlags, registered []string) engineChoice {
	has := func(name string) bool { return slices.Contains(registered, name) }
	if has("google") && (f.Project != "" || getenv("GOOGLE_CLOUD_PROJECT") != "") {
		if getenv("GOOGLE_APPLICATION_CREDENTIALS") != "" {
			return engineChoice{"google", "Google Cloud project and GOOGLE_APPLICATION_CREDENTIALS are set"}
		}
		adc := ""
		if dir := getenv("CLOUDSDK_CONFIG"); dir != "" {
			adc = filepath.Join(dir, "application_default_credentials.json")
		} else if home != "" {
			adc = filepath.Join(home, ".config", "gcloud", "application_default_credentials.json")
		}
		if adc != "" {
			if _, err := os.Stat(adc); err == nil {
				return engineChoice{"google", "Google Cloud project and gcloud application-default credentials found"}
			}
		}
	}
	if has("google-v2") {
		if getenv("GOOGLE_API_KEY") != "" {
			return engineChoice{"google-v2", "GOOGLE_API_KEY is set"}
		}
		if f.URL == "" && (f.Key != "" || getenv("BITEXT_ENGINE_KEY") != "") {
			return engineChoice{"google-v2", "an engine key and no --engine-url"}
		}
	}
	if f.URL != "" {
		if looksOpenAI(f.URL) || getenv("OPENAI_API_KEY") != "" {
			if has("openai") {
				return engineChoice{"openai", "--engine-url is an OpenAI-compatible API"}
			}
		} else if has("libretranslate") {
			return engineChoice{"libretranslate", "--engine-url is set"}
		}
	}
	return engineChoice{"gist", "no Google credentials and no --engine-url: offline word-by-word gist, not a translation"}
}

// looksOpenAI reports whether u points at an OpenAI-style API (/v1/… paths,
// or the OpenAI host).
func looksOpenAI(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	return strings.Contains(p.Host, "openai") || p.Path == "/v1" || strings.HasPrefix(p.Path, "/v1/") ||
		strings.Contains(p.Path, "/chat/completions")
}

// resolveEngine returns name, or for "auto" the engine autoEngine picks,
// saying on stderr which one and why unless quiet.
func resolveEngine(name string, f autoFlags, registered []string, quiet bool, e *env) string {
	if name != autoEngineName {
		return name
	}
	home, _ := os.UserHomeDir()
	c := autoEngine(os.Getenv, home, f, registered)
	if !quiet {
		fmt.Fprintf(e.stderr, "bitext: engine auto: %s (%s)\n", c.Name, c.Reason)
	}
	return c.Name
}
