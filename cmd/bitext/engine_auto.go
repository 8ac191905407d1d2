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

// googleCredentialVars are environment variables that configure Google
// Cloud Translation: a service-account file or an API key.
var googleCredentialVars = []string{"GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_TRANSLATE_API_KEY", "GOOGLE_API_KEY"}

// autoEngine picks the engine for --engine auto: Google when Google
// credentials are configured, else the service at engineURL (an
// OpenAI-compatible API when the URL or OPENAI_API_KEY says so, else
// LibreTranslate), else the offline gist. Engines that are not registered are
// skipped. getenv reads the environment; home is the user's home folder ("" if unknown).
func autoEngine(getenv func(string) string, home, engineURL string, registered []string) engineChoice {
	has := func(name string) bool { return slices.Contains(registered, name) }
	if has("google") {
		for _, v := range googleCredentialVars {
			if getenv(v) != "" {
				return engineChoice{"google", v + " is set"}
			}
		}
		adc := filepath.Join(home, ".config", "gcloud", "application_default_credentials.json")
		if dir := getenv("CLOUDSDK_CONFIG"); dir != "" {
			adc = filepath.Join(dir, "application_default_credentials.json")
		}
		if home != "" || getenv("CLOUDSDK_CONFIG") != "" {
			if _, err := os.Stat(adc); err == nil {
				return engineChoice{"google", "gcloud application-default credentials found"}
			}
		}
	}
	if engineURL != "" {
		if looksOpenAI(engineURL) || getenv("OPENAI_API_KEY") != "" {
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
func resolveEngine(name, engineURL string, registered []string, quiet bool, e *env) string {
	if name != autoEngineName {
		return name
	}
	home, _ := os.UserHomeDir()
	c := autoEngine(os.Getenv, home, engineURL, registered)
	if !quiet {
		fmt.Fprintf(e.stderr, "bitext: engine auto: %s (%s)\n", c.Name, c.Reason)
	}
	return c.Name
}
