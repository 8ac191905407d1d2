package translate

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// HTTPError turns a failed HTTP answer into an *Error: 429 and 5xx
// (except 501) are retryable, unless the message says a daily quota is spent;
// 413, and 400 or 414 whose message speaks of size, ask for a smaller
// request. body is the answer's body, quoted on one line, shortened and
// without the queries of the URLs it quotes.
func HTTPError(engine string, status int, header http.Header, body []byte) *Error {
	msg := Brief(string(body))
	if msg == "" {
		msg = http.StatusText(status)
	}
	e := &Error{Engine: engine, Status: status, Err: fmt.Errorf("%s", msg)}
	switch {
	case status == http.StatusTooManyRequests:
		e.Retryable = !DailyQuota(msg)
	case status >= 500 && status != http.StatusNotImplemented:
		e.Retryable = true
	case status == http.StatusRequestEntityTooLarge, status == http.StatusRequestURITooLong:
		e.TooLarge = true
	case status == http.StatusBadRequest:
		e.TooLarge = SaysTooLarge(msg)
	}
	if header != nil {
		e.RetryAfter = RetryAfter(header.Get("Retry-After"), time.Now())
	}
	return e
}

// maxMessage is the most runes of a server's message an error quotes.
const maxMessage = 300

// queryRE matches the query of a URL quoted in a message: services quote
// the request, and a GET request carries the key and the whole text there.
var queryRE = regexp.MustCompile(`\?[^\s"'<>?]*=[^\s"'<>]*`)

// Brief makes a server's message fit one line of an error: white space
// runs become one space, URL queries are dropped and the rest is cut to
// maxMessage runes.
func Brief(msg string) string {
	msg = queryRE.ReplaceAllString(msg, "")
	msg = strings.Join(strings.Fields(msg), " ")
	if r := []rune(msg); len(r) > maxMessage {
		msg = string(r[:maxMessage]) + "…"
	}
	return msg
}

// Endpoint is rawURL reduced to host and path, for messages: its query may
// carry a key and whole texts.
func Endpoint(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		s, _, _ := strings.Cut(rawURL, "?")
		return s
	}
	return u.Host + u.Path
}

// TransportError is the *Error of a request that got no answer (connection
// refused or reset, a name that does not resolve, a timeout). It is
// retryable, as the connection may come back, unless the server's
// certificate was refused or its redirect was (RedirectError), which waiting
// does not mend. The message names the method, host and path and what went
// wrong, never the URL's query.
func TransportError(engine string, err error) *Error {
	e := &Error{Engine: engine, Retryable: true, Err: err}
	var ue *url.Error
	var redirect *RedirectError
	if errors.As(err, &ue) {
		where := ue.URL
		if errors.As(ue.Err, &redirect) {
			// ue.URL is where the redirect pointed, never asked
			where = redirect.From.String()
		}
		e.Err = fmt.Errorf("%s %s: %w", ue.Op, Endpoint(where), ue.Err)
	}
	var cert *tls.CertificateVerificationError
	if errors.As(err, &cert) || errors.As(err, &redirect) {
		e.Retryable = false
	}
	return e
}

// IsTransport reports whether err is the failure of a request that got no
// answer (see TransportError).
func IsTransport(err error) bool {
	var ue *url.Error
	var ne net.Error
	return errors.As(err, &ue) || errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF)
}

// RetryAfter parses a Retry-After header: seconds or an HTTP date.
func RetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// DailyQuota reports whether a rate-limit message says the quota for the day
// is spent: retrying today will not help.
func DailyQuota(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "per day") || strings.Contains(m, "daily") || strings.Contains(m, "insufficient_quota") || strings.Contains(m, "exceeded your current quota")
}

// SaysTooLarge reports whether an invalid-request message is about size.
func SaysTooLarge(msg string) bool {
	m := strings.ToLower(msg)
	for _, w := range []string{"too long", "too large", "too many", "exceed", "maximum", "limit", "context length"} {
		if strings.Contains(m, w) {
			return true
		}
	}
	return false
}

// maxAnswer is the most of an answer PostJSON reads.
const maxAnswer = 64 << 20

// PostJSON posts in as JSON to rawURL with the given headers and decodes a 2xx
// answer into out. A failed answer becomes HTTPError; a transport failure an
// *Error marked retryable (the connection may come back), except when ctx
// ended.
func PostJSON(ctx context.Context, client *http.Client, engine, rawURL string, header http.Header, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("%s: %w", engine, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, rawURL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: %w", engine, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := SameServer(client).Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", engine, ctx.Err())
		}
		return TransportError(engine, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", engine, ctx.Err())
		}
		return &Error{Engine: engine, Retryable: true, Where: Endpoint(rawURL), Err: fmt.Errorf("reading the answer: %w", err)}
	}
	if len(data) > maxAnswer {
		// a server streaming without end: no translation is that long
		return &Error{Engine: engine, Status: resp.StatusCode, Where: Endpoint(rawURL), Err: fmt.Errorf("answer larger than %d MiB: not read further", maxAnswer>>20)}
	}
	if resp.StatusCode/100 != 2 {
		e := HTTPError(engine, resp.StatusCode, resp.Header, data)
		e.Where = Endpoint(rawURL)
		return e
	}
	if err := json.Unmarshal(data, out); err != nil {
		return &Error{Engine: engine, Status: resp.StatusCode, Where: Endpoint(rawURL), Err: fmt.Errorf("answer is not the JSON expected: %w", err)}
	}
	return nil
}

// RedirectError is a redirect CheckSameServer refused: to another server, or
// from https to http. Trying again does not help.
type RedirectError struct {
	From *url.URL // the request the server answered
	To   *url.URL // where it pointed
}

// Error says where the server pointed, and how to go there if it is trusted.
func (e *RedirectError) Error() string {
	return fmt.Sprintf("the server redirected to %s://%s%s, which is not the server configured (%s://%s): not followed, since the request carries the key and the text; set --engine-url to it if it is yours",
		e.To.Scheme, e.To.Host, e.To.Path, e.From.Scheme, e.From.Host)
}

// CheckSameServer is an http.Client's CheckRedirect that follows a redirect
// only on the server of the first request, never from https to http, and
// ten at most. Go drops the Authorization header on a redirect to another
// host, but not a key carried in the body (LibreTranslate's api_key), which
// a 307 or 308 sends again, nor one a transport adds to every request (the
// google-v2 client's key= in the URL), nor the article's text.
func CheckSameServer(req *http.Request, via []*http.Request) error {
	from, to := via[0].URL, req.URL
	if !strings.EqualFold(to.Host, from.Host) || from.Scheme == "https" && to.Scheme != "https" {
		return &RedirectError{From: from, To: to}
	}
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	return nil
}

// SameServer returns a copy of client (http.DefaultClient when nil) made to
// follow redirects only as CheckSameServer allows, then as its own
// CheckRedirect does.
func SameServer(client *http.Client) *http.Client {
	if client == nil {
		client = http.DefaultClient
	}
	c := *client
	next := client.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if err := CheckSameServer(req, via); err != nil || next == nil {
			return err
		}
		return next(req, via)
	}
	return &c
}
