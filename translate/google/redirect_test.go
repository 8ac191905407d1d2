package google_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/protobuf/encoding/protojson"

	"bitext/translate"
	"bitext/translate/enginetest"
	"bitext/translate/google"
)

// serviceAccount writes a service account key file whose token endpoint is
// a local server handing out token, and points Application Default
// Credentials at it: the client library then authenticates as it does with
// a real key, adding "Authorization: Bearer token" to every request.
func serviceAccount(t *testing.T, token string) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	tokens := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"access_token":"`+token+`","token_type":"Bearer","expires_in":3600}`)
	}))
	t.Cleanup(tokens.Close)
	file, _ := json.Marshal(map[string]string{
		"type":           "service_account",
		"project_id":     "proj",
		"private_key_id": "k1",
		"private_key":    string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"client_email":   "bitext@proj.iam.gserviceaccount.com",
		"client_id":      "1",
		"token_uri":      tokens.URL + "/token",
	})
	path := filepath.Join(t.TempDir(), "key.json")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", path)
}

// Over REST the client library adds the token (or the API key) to every
// request it sends, a redirected one too: a redirect to another server, or
// from https to http, is not followed, so that the credential and the text
// stay with the server configured, and the run stops rather than retrying.
func TestRESTRedirectKeepsCredentialsOnItsServer(t *testing.T) {
	for _, tc := range []struct {
		name string
		key  string // "": a bearer token from a service account
	}{{"service account", ""}, {"api key", enginetest.Secret}} {
		t.Run(tc.name, func(t *testing.T) {
			serviceAccount(t, enginetest.Secret)
			var reached, leaked atomic.Int32
			other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				reached.Add(1)
				if strings.Contains(r.Header.Get("Authorization")+r.Header.Get("X-Goog-Api-Key")+r.URL.RawQuery, enginetest.Secret) {
					leaked.Add(1)
				}
				out, _ := protojson.Marshal(&translatepb.TranslateTextResponse{Translations: []*translatepb.Translation{{TranslatedText: "said"}}})
				w.Header().Set("Content-Type", "application/json")
				w.Write(out)
			}))
			defer other.Close()
			var asked atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.Contains(r.Header.Get("Authorization")+r.Header.Get("X-Goog-Api-Key")+r.URL.RawQuery, enginetest.Secret) {
					asked.Add(1)
				}
				http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect) // the query (and key) left behind
			}))
			defer srv.Close()
			eng, err := google.New(translate.Config{Project: "proj", Key: tc.key, URL: srv.URL, Options: map[string]string{"transport": "rest"}})
			if err != nil {
				t.Fatal(err)
			}
			defer eng.Close()
			_, err = eng.Translate(context.Background(), translate.Request{SourceLang: "ar", TargetLang: "en", Segments: []translate.Segment{{Text: "قال"}}})
			if asked.Load() == 0 {
				t.Fatalf("the server configured got no credential: %v", err)
			}
			if leaked.Load() != 0 {
				t.Fatal("the credential followed the redirect to another server")
			}
			if reached.Load() != 0 {
				t.Error("the text followed the redirect to another server")
			}
			// The request named is the one sent, to the server configured.
			if err == nil || translate.IsRetryable(err) || !strings.Contains(err.Error(), "redirected to") || strings.Contains(err.Error(), enginetest.Secret) ||
				!strings.Contains(err.Error(), "Post "+strings.TrimPrefix(srv.URL, "http://")+"/v3/") {
				t.Errorf("retryable %v, %v", translate.IsRetryable(err), err)
			}
		})
	}
}
