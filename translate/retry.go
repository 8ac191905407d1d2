package translate

import (
	"context"
	"math/rand/v2"
	"time"
)

// Retry says how often and how patiently a failed request is tried again.
// Only errors marked retryable are retried.
type Retry struct {
	Attempts int           // tries in all, including the first; 0 means 5
	Base     time.Duration // first wait; 0 means 500ms
	Max      time.Duration // longest wait; 0 means 30s
	// MaxRetryAfter is the longest Retry-After a server may ask for and be
	// waited for; a longer one (an hour, tomorrow) ends the retries at once
	// with an error that says so, rather than a run that seems to hang.
	// 0 means 2 minutes.
	MaxRetryAfter time.Duration
	// RateLimitBase is the first wait after a "too many requests" answer
	// that names no wait (HTTP 429, gRPC RESOURCE_EXHAUSTED): such limits
	// are counted per minute, so the backoff starts longer. 0 means 4s.
	RateLimitBase time.Duration
}

func (r Retry) withDefaults() Retry {
	if r.Attempts <= 0 {
		r.Attempts = 5
	}
	if r.Base <= 0 {
		r.Base = 500 * time.Millisecond
	}
	if r.Max <= 0 {
		r.Max = 30 * time.Second
	}
	if r.MaxRetryAfter <= 0 {
		r.MaxRetryAfter = 2 * time.Minute
	}
	if r.RateLimitBase <= 0 {
		r.RateLimitBase = 4 * time.Second
	}
	return r
}

// Wait returns how long to wait before try number attempt+1 (attempt counts
// from 1): exponential backoff with full jitter in its upper half, or the
// server's Retry-After when it gave one (never more than MaxRetryAfter:
// the pipeline reports a longer wait instead of sleeping through it).
func (r Retry) Wait(attempt int, retryAfter time.Duration) time.Duration {
	r = r.withDefaults()
	if retryAfter > 0 {
		return min(retryAfter, r.MaxRetryAfter)
	}
	d := r.Base << min(attempt-1, 20)
	if d <= 0 || d > r.Max {
		d = r.Max
	}
	return d/2 + rand.N(d/2+1)
}

// WaitLimited is Wait after a rate-limit answer that named no wait: the
// same backoff from RateLimitBase, so that the retries span about a minute.
func (r Retry) WaitLimited(attempt int) time.Duration {
	r = r.withDefaults()
	r.Base = r.RateLimitBase
	return r.Wait(attempt, 0)
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
