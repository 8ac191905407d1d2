package google

import (
	"errors"
	"testing"

	"bitext/translate"
)

// --engine-url is given as users write it: over gRPC the client dials
// host:port, over REST it wants a URL.
func TestEndpoint(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		rest bool
		want string
		bad  bool
	}{
		{"translate.example.com:443", false, "translate.example.com:443", false},
		{"https://127.0.0.1:8443/", false, "127.0.0.1:8443", false},
		{"https://translate.example.com", false, "translate.example.com:443", false},
		{"https://[::1]:8443/v3", false, "[::1]:8443", false},
		{"http://127.0.0.1:8080", false, "", true},
		{"http://127.0.0.1:8080", true, "http://127.0.0.1:8080", false},
		{"translate.example.com", true, "https://translate.example.com", false},
	} {
		got, err := endpoint(tc.raw, tc.rest)
		var ce *translate.ConfigError
		if got != tc.want || tc.bad != errors.As(err, &ce) {
			t.Errorf("endpoint(%q, rest=%v) = %q, %v", tc.raw, tc.rest, got, err)
		}
	}
}

// A plain http:// endpoint over gRPC is a setting to change, not a server
// to retry.
func TestNewRefusesPlainGRPC(t *testing.T) {
	var ce *translate.ConfigError
	if _, err := New(translate.Config{Project: "p", URL: "http://127.0.0.1:8080"}); !errors.As(err, &ce) {
		t.Errorf("got %v", err)
	}
	if _, err := New(translate.Config{Project: "p", URL: "http://127.0.0.1:8080", Options: map[string]string{"transport": "rest"}}); err != nil {
		t.Errorf("over REST: %v", err)
	}
}
