package google

import (
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"bitext/translate"
)

// A server that is away for a moment is tried again; a TLS handshake that
// fails is not: it fails the same way every time.
func TestClassifyUnavailable(t *testing.T) {
	for _, tc := range []struct {
		msg       string
		retryable bool
	}{
		{"connection refused", true},
		{`connection error: desc = "transport: authentication handshake failed: tls: first record does not look like a TLS handshake"`, false},
		{`connection error: desc = "transport: authentication handshake failed: x509: certificate signed by unknown authority"`, false},
	} {
		err := Classify(status.Error(codes.Unavailable, tc.msg))
		if got := translate.IsRetryable(err); got != tc.retryable {
			t.Errorf("Unavailable %q: retryable %v, want %v", tc.msg, got, tc.retryable)
		}
	}
}
