package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bitext/translate"
)

func TestAutoEngine(t *testing.T) {
	all := []string{"gist", "google", "google-v2", "libretranslate", "none", "openai"}
	home := t.TempDir()
	adcHome := t.TempDir()
	adc := filepath.Join(adcHome, ".config", "gcloud", "application_default_credentials.json")
	if err := os.MkdirAll(filepath.Dir(adc), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(adc, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	project := map[string]string{"GOOGLE_CLOUD_PROJECT": "p"}
	tests := []struct {
		name       string
		env        map[string]string
		home       string
		flags      autoFlags
		registered []string
		want       string
	}{
		{"nothing configured", nil, home, autoFlags{}, all, "gist"},
		{"v3 service account", map[string]string{"GOOGLE_CLOUD_PROJECT": "p", "GOOGLE_APPLICATION_CREDENTIALS": "/k.json"}, home, autoFlags{}, all, "google"},
		{"v3 gcloud login", project, adcHome, autoFlags{}, all, "google"},
		{"v3 --project and gcloud login", nil, adcHome, autoFlags{Project: "p"}, all, "google"},
		{"v3 project without credentials", project, home, autoFlags{}, all, ""},
		{"v3 --project without credentials", nil, home, autoFlags{Project: "p"}, all, ""},
		{"v3 project without credentials, dry run", project, home, autoFlags{DryRun: true}, all, "google"},
		{"v3 project without credentials, api key", map[string]string{"GOOGLE_CLOUD_PROJECT": "p", "GOOGLE_API_KEY": "k"}, home, autoFlags{}, all, "google-v2"},
		{"v3 project without credentials, url", project, home, autoFlags{URL: "http://localhost:5000"}, all, "libretranslate"},
		{"credentials without project", nil, adcHome, autoFlags{}, all, "gist"},
		{"v2 api key", map[string]string{"GOOGLE_API_KEY": "k"}, home, autoFlags{URL: "http://x:5000"}, all, "google-v2"},
		{"v2 engine key", nil, home, autoFlags{Key: "k"}, all, "google-v2"},
		{"engine key with url", nil, home, autoFlags{Key: "k", URL: "http://localhost:5000"}, all, "libretranslate"},
		{"libretranslate url", nil, home, autoFlags{URL: "http://localhost:5000"}, all, "libretranslate"},
		{"openai url", nil, home, autoFlags{URL: "http://localhost:8080/v1"}, all, "openai"},
		{"openai host", nil, home, autoFlags{URL: "https://api.openai.com"}, all, "openai"},
		{"openai key", map[string]string{"OPENAI_API_KEY": "k"}, home, autoFlags{URL: "http://localhost:8080"}, all, "openai"},
		{"google not built in", map[string]string{"GOOGLE_API_KEY": "k"}, home, autoFlags{}, []string{"gist", "none"}, "gist"},
		{"url engine not built in", nil, home, autoFlags{URL: "http://localhost:5000"}, []string{"gist", "none"}, "gist"},
	}
	for _, tt := range tests {
		getenv := func(k string) string { return tt.env[k] }
		got := autoEngine(getenv, tt.home, tt.flags, tt.registered)
		if tt.want == "" {
			// Configured for google but unable to run it: an error, not a gist.
			if got.Err == "" || !strings.Contains(got.Err, "gcloud auth application-default login") {
				t.Errorf("%s: autoEngine = %+v, want an error", tt.name, got)
			}
			continue
		}
		if got.Name != tt.want || got.Reason == "" || got.Err != "" {
			t.Errorf("%s: autoEngine = %+v, want %s", tt.name, got, tt.want)
		}
	}
}

func TestResolveEngine(t *testing.T) {
	var stderr bytes.Buffer
	e := &env{stderr: &stderr}
	if got, err := resolveEngine("none", autoFlags{}, translate.Names(), false, e); got != "none" || err != nil || stderr.Len() != 0 {
		t.Errorf("explicit engine: %q, stderr %q", got, stderr.String())
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("CLOUDSDK_CONFIG", "")
	for _, v := range []string{"GOOGLE_CLOUD_PROJECT", "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_API_KEY", "BITEXT_ENGINE_KEY", "OPENAI_API_KEY"} {
		t.Setenv(v, "")
	}
	got, err := resolveEngine("auto", autoFlags{}, translate.Names(), false, e)
	if got != "gist" || err != nil || !strings.Contains(stderr.String(), "engine auto: gist") {
		t.Errorf("auto: %q, stderr %q", got, stderr.String())
	}
	if _, err := translate.New(got, translate.Config{}); err != nil {
		t.Errorf("auto picked an engine that does not build: %v", err)
	}
	stderr.Reset()
	resolveEngine("auto", autoFlags{}, translate.Names(), true, e)
	if stderr.Len() != 0 {
		t.Errorf("quiet: stderr %q", stderr.String())
	}
}

// TestAutoEngineProjectWithoutCredentials: a pipeline set up for Google whose
// credentials are missing (another HOME under cron, a container without the
// key file) stops with a usage error, even with -q, instead of writing gists.
func TestAutoEngineProjectWithoutCredentials(t *testing.T) {
	dir := sampleDir(t)
	t.Setenv("HOME", t.TempDir())
	for _, v := range []string{"CLOUDSDK_CONFIG", "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_API_KEY", "BITEXT_ENGINE_KEY", "BITEXT_ENGINE_URL", "OPENAI_API_KEY"} {
		t.Setenv(v, "")
	}
	t.Setenv("GOOGLE_CLOUD_PROJECT", "newsroom")
	r := runBitext(t, dir, "", "translate", "-q", "article.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "Application Default Credentials") {
		t.Errorf("exit %d, stderr %q; want a usage error about the credentials", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "article.html")); err == nil {
		t.Error("a page was written")
	}
}
