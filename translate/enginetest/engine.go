package enginetest

import (
	"context"
	"fmt"

	"bitext/translate"
)

// Engine answers in process through a Fake, for tests of the pipeline and
// of commands. It is never registered.
type Engine struct {
	Fake *Fake            // answers every request, with the faults it is scripted for
	Lim  translate.Limits // what Limits returns, which sizes the pipeline's batches
}

// Name returns "fake".
func (e *Engine) Name() string { return "fake" }

// Limits returns e.Lim.
func (e *Engine) Limits() translate.Limits { return e.Lim }

// Translate passes the texts to the fake and its faults back as *translate.Error.
func (e *Engine) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	texts := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		texts[i] = s.Text
	}
	out, fault := e.Fake.Serve(ctx, Received{SourceLang: req.SourceLang, TargetLang: req.TargetLang, Texts: texts})
	switch fault {
	case OK:
		return out, nil
	case RateLimited:
		return nil, &translate.Error{Engine: "fake", Status: 429, Retryable: true, RetryAfter: RetryAfter, Err: fmt.Errorf("rate limited")}
	case Unavailable:
		return nil, &translate.Error{Engine: "fake", Status: 503, Retryable: true, Err: fmt.Errorf("unavailable")}
	case TooLarge:
		return nil, &translate.Error{Engine: "fake", Status: 400, TooLarge: true, Err: fmt.Errorf("too large")}
	case Hang:
		return nil, ctx.Err()
	default:
		return nil, &translate.Error{Engine: "fake", Status: 400, Err: fmt.Errorf("fault %d", fault)}
	}
}
