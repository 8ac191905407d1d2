package translate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// HTTPError turns a failed HTTP answer into an *Error: 429 and 5xx
// (except 501) are retryable, unless the message says a daily quota is spent;
// 413, and 400 or 414 whose message speaks of size, ask for a smaller
// request. body is the answer's body, quoted shortened in the message.
func HTTPError(engine string, status int, header http.Header, body []byte) *Error {
	msg := strings.TrimSpace(string(body))
	if len([]rune(msg)) > 300 {
		msg = string([]rune(msg)[:300]) + "…"
	}
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

// PostJSON posts in as JSON to url with the given headers and decodes a 2xx
// answer into out. A failed answer becomes HTTPError; a transport failure an
// *Error marked retryable (the connection may come back), except when ctx
// ended.
func PostJSON(ctx context.Context, client *http.Client, engine, url string, header http.Header, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("%s: %w", engine, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: %w", engine, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", engine, ctx.Err())
		}
		return &Error{Engine: engine, Retryable: true, Err: err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", engine, ctx.Err())
		}
		return &Error{Engine: engine, Retryable: true, Err: err}
	}
	if resp.StatusCode/100 != 2 {
		return HTTPError(engine, resp.StatusCode, resp.Header, data)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return &Error{Engine: engine, Status: resp.StatusCode, Err: fmt.Errorf("answer is not the JSON expected: %w", err)}
	}
	return nil
}
