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

// engineChoice is the engine --engine auto resolved to, and why. Err is
// set instead when what is configured points at an engine that cannot run.
type engineChoice struct {
	Name   string
	Reason string
	Err    string
}

// autoFlags are the command-line settings auto looks at; empty when not given.
type autoFlags struct {
	URL     string // --engine-url
	URLFrom string // where URL came from, for the reason: "--engine-url" or "$BITEXT_ENGINE_URL"
	Key     string // --engine-key
	Project string // --project
	DryRun  bool   // --dry-run: nothing is sent, so no credentials are needed
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
//  4. otherwise the offline gist, unless a Google project is configured
//     without credentials: a run meant for google must not quietly come
//     out as a gist, so that is an error (a dry run picks google).
//
// Engines that are not registered are skipped. getenv reads the environment;
// home is the user's home folder ("" if unknown).
func autoEngine(getenv func(string) string, home string, f autoFlags, registered []string) engineChoice {
	has := func(name string) bool { return slices.Contains(registered, name) }
	projectOnly := false
	if has("google") && (f.Project != "" || getenv("GOOGLE_CLOUD_PROJECT") != "") {
		projectOnly = true
		if getenv("GOOGLE_APPLICATION_CREDENTIALS") != "" {
			return engineChoice{Name: "google", Reason: "Google Cloud project and GOOGLE_APPLICATION_CREDENTIALS are set"}
		}
		adc := ""
		if dir := getenv("CLOUDSDK_CONFIG"); dir != "" {
			adc = filepath.Join(dir, "application_default_credentials.json")
		} else if home != "" {
			adc = filepath.Join(home, ".config", "gcloud", "application_default_credentials.json")
		}
		if adc != "" {
			if _, err := os.Stat(adc); err == nil {
				return engineChoice{Name: "google", Reason: "Google Cloud project and gcloud application-default credentials found"}
			}
		}
	}
	if has("google-v2") {
		if getenv("GOOGLE_API_KEY") != "" {
			return engineChoice{Name: "google-v2", Reason: "GOOGLE_API_KEY is set"}
		}
		if f.URL == "" && (f.Key != "" || getenv("BITEXT_ENGINE_KEY") != "") {
			return engineChoice{Name: "google-v2", Reason: "an engine key and no --engine-url"}
		}
	}
	if f.URL != "" {
		from := f.URLFrom
		if from == "" {
			from = "--engine-url"
		}
		if looksOpenAI(f.URL) || getenv("OPENAI_API_KEY") != "" {
			if has("openai") {
				return engineChoice{Name: "openai", Reason: from + " is an OpenAI-compatible API"}
			}
		} else if has("libretranslate") {
			return engineChoice{Name: "libretranslate", Reason: from + " is set"}
		}
	}
	if projectOnly && f.DryRun {
		return engineChoice{Name: "google", Reason: "Google Cloud project is set; a dry run needs no credentials"}
	}
	if projectOnly {
		return engineChoice{Name: "google", Err: "a Google Cloud project is set (--project or GOOGLE_CLOUD_PROJECT) but no Application Default Credentials were found: set GOOGLE_APPLICATION_CREDENTIALS or run 'gcloud auth application-default login', or name the engine with --engine (google on Google Cloud, where the metadata server gives the credentials; gist for the offline gist)"}
	}
	return engineChoice{Name: "gist", Reason: "no Google credentials and no --engine-url: offline word-by-word gist, not a translation"}
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
// saying on stderr which one and why unless quiet. An engine auto finds
// configured but unable to run is a usage error.
func resolveEngine(name string, f autoFlags, registered []string, quiet bool, e *env) (string, error) {
	if name != autoEngineName {
		return name, nil
	}
	home, _ := os.UserHomeDir()
	// A variable holding only a line break is not a setting.
	c := autoEngine(func(k string) string { return strings.TrimSpace(os.Getenv(k)) }, home, f, registered)
	if c.Err != "" {
		return "", usagef("engine auto: %s", c.Err)
	}
	if !quiet {
		fmt.Fprintf(e.stderr, "bitext: engine auto: %s (%s)\n", c.Name, c.Reason)
	}
	return c.Name, nil
}
