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
	all := []string{"gist", "google", "libretranslate", "none", "openai"}
	home := t.TempDir()
	adcHome := t.TempDir()
	adc := filepath.Join(adcHome, ".config", "gcloud", "application_default_credentials.json")
	if err := os.MkdirAll(filepath.Dir(adc), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(adc, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		env        map[string]string
		home, url  string
		registered []string
		want       string
	}{
		{"nothing configured", nil, home, "", all, "gist"},
		{"service account", map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": "/k.json"}, home, "", all, "google"},
		{"api key", map[string]string{"GOOGLE_API_KEY": "k"}, home, "http://x:5000", all, "google"},
		{"gcloud login", nil, adcHome, "", all, "google"},
		{"libretranslate url", nil, home, "http://localhost:5000", all, "libretranslate"},
		{"openai url", nil, home, "http://localhost:8080/v1", all, "openai"},
		{"openai host", nil, home, "https://api.openai.com", all, "openai"},
		{"openai key", map[string]string{"OPENAI_API_KEY": "k"}, home, "http://localhost:8080", all, "openai"},
		{"google not built in", map[string]string{"GOOGLE_API_KEY": "k"}, home, "", []string{"gist", "none"}, "gist"},
		{"url engine not built in", nil, home, "http://localhost:5000", []string{"gist", "none"}, "gist"},
	}
	for _, tt := range tests {
		getenv := func(k string) string { return tt.env[k] }
		if got := autoEngine(getenv, tt.home, tt.url, tt.registered); got.Name != tt.want || got.Reason == "" {
			t.Errorf("%s: autoEngine = %+v, want %s", tt.name, got, tt.want)
		}
	}
}

func TestResolveEngine(t *testing.T) {
	var stderr bytes.Buffer
	e := &env{stderr: &stderr}
	if got := resolveEngine("none", "", translate.Names(), false, e); got != "none" || stderr.Len() != 0 {
		t.Errorf("explicit engine: %q, stderr %q", got, stderr.String())
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("CLOUDSDK_CONFIG", "")
	for _, v := range append(googleCredentialVars, "OPENAI_API_KEY") {
		t.Setenv(v, "")
	}
	got := resolveEngine("auto", "", translate.Names(), false, e)
	if got != "gist" || !strings.Contains(stderr.String(), "engine auto: gist") {
		t.Errorf("auto: %q, stderr %q", got, stderr.String())
	}
	if _, err := translate.New(got, translate.Config{}); err != nil {
		t.Errorf("auto picked an engine that does not build: %v", err)
	}
	stderr.Reset()
	resolveEngine("auto", "", translate.Names(), true, e)
	if stderr.Len() != 0 {
		t.Errorf("quiet: stderr %q", stderr.String())
	}
}
