// Package enginetest is the conformance suite every translation engine passes,
// and the scripted fake service its tests run against. It is for tests only:
// nothing outside _test files imports it, so no fake can be chosen by a user.
package enginetest

import (
	"context"
	"strings"
	"sync"
	"time"
	"unicode"

	"bitext/translate"
)

// Fault is what a fake service does instead of answering normally.
type Fault int

// Faults a fake can be scripted to produce; each fake expresses them in its
// own protocol (HTTP status and body, gRPC status and details).
const (
	OK            Fault = iota
	RateLimited         // 429 / RESOURCE_EXHAUSTED, asking to retry after RetryAfter
	Unavailable         // 503 / UNAVAILABLE
	BadRequest          // permanent 400 / INVALID_ARGUMENT; the message quotes the request
	TooLarge            // 400 / INVALID_ARGUMENT saying the text is too long
	Hang                // no answer until the client gives up
	CountMismatch       // one translation fewer than inputs
	DailyQuota          // 429 / RESOURCE_EXHAUSTED for a quota spent for the day
)

// RetryAfter is the wait a RateLimited fault asks for.
const RetryAfter = time.Second

// Received is one request as a fake service decoded it.
type Received struct {
	SourceLang, TargetLang string   // the language codes as sent
	Texts                  []string // the texts to translate, in the request's order
	Extra                  string   // anything else the engine sent that a test may check (prompt, glossary, format)
	Auth                   string   // the credential the request carried
}

// Fake is the scripted behaviour shared by all fake services.
type Fake struct {
	Latency time.Duration            // added to every call
	Script  []Fault                  // fault of call n is Script[n-1]; calls beyond answer normally
	Damage  func(text string) string // applied to every translation, to play a careless engine
	OnCall  func(n int, r Received)  // called when call n arrives
	Limits  translate.Limits         // requests beyond these get a TooLarge fault
	Answer  func(text string) string // the translation; nil means Translate

	mu       sync.Mutex
	requests []Received
}

// Serve records r, waits, and returns the translations or the fault the fake
// service must express in its protocol. ctx is the server side of the call.
func (f *Fake) Serve(ctx context.Context, r Received) ([]string, Fault) {
	f.mu.Lock()
	f.requests = append(f.requests, r)
	n := len(f.requests)
	fault := OK
	if n <= len(f.Script) {
		fault = f.Script[n-1]
	}
	f.mu.Unlock()
	if f.OnCall != nil {
		f.OnCall(n, r)
	}
	if fault == OK && f.tooLarge(r.Texts) {
		fault = TooLarge
	}
	wait := f.Latency
	if fault == Hang {
		wait = 30 * time.Second
	}
	if wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, Hang
		case <-t.C:
		}
	}
	if fault != OK && fault != CountMismatch {
		return nil, fault
	}
	answer := f.Answer
	if answer == nil {
		answer = Translate
	}
	out := make([]string, len(r.Texts))
	for i, t := range r.Texts {
		out[i] = answer(t)
		if f.Damage != nil {
			out[i] = f.Damage(out[i])
		}
	}
	if fault == CountMismatch && len(out) > 0 {
		out = out[:len(out)-1]
	}
	return out, OK
}

func (f *Fake) tooLarge(texts []string) bool {
	l := f.Limits
	if l.MaxItems > 0 && len(texts) > l.MaxItems {
		return true
	}
	total := 0
	for _, t := range texts {
		n := len([]rune(t))
		if l.MaxItemChars > 0 && n > l.MaxItemChars {
			return true
		}
		total += n
	}
	return l.MaxChars > 0 && total > l.MaxChars
}

// Calls returns the number of requests received.
func (f *Fake) Calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.requests)
}

// Requests returns the requests received, in order.
func (f *Fake) Requests() []Received {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Received(nil), f.requests...)
}

// words the fake knows; everything else passes through unchanged. بوتين is
// deliberately wrong, as engines often are with names.
var dictionary = map[string]string{
	"و": "and", "ل": "to", "قال": "said", "وقال": "and said", "إن": "that", "في": "in",
	"من": "from", "مع": "with", "الرئيس": "President", "الروسي": "Russian", "بوتين": "Poutine",
	"موسكو": "Moscow", "كيم": "Kim", "التقى": "met", "زار": "visited", "اليوم": "today",
}

var punctuation = strings.NewReplacer("،", ",", "؛", ";", "؟", "?")

// Translate is the fake translation: known words are replaced, Arabic
// punctuation becomes Latin, placeholders and quotes are kept.
func Translate(text string) string {
	var b strings.Builder
	depth := 0
	word := strings.Builder{}
	flush := func() {
		w := word.String()
		word.Reset()
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if en, ok := dictionary[core]; ok && core != "" {
			w = strings.Replace(w, core, en, 1)
		}
		b.WriteString(punctuation.Replace(w))
	}
	for _, r := range text {
		switch {
		case r == '⟦':
			flush()
			depth++
			b.WriteRune(r)
		case r == '⟧' && depth > 0:
			depth--
			b.WriteRune(r)
		case depth > 0:
			b.WriteRune(r)
		case unicode.IsSpace(r):
			flush()
			b.WriteRune(r)
		default:
			word.WriteRune(r)
		}
	}
	flush()
	return b.String()
}

// English is Translate with the Arabic letters it leaves written as Latin
// ones, for tests that need an answer in the target language's script, as a
// real engine's would be; placeholders are kept.
func English(text string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			return 'a' + r%26
		}
		return r
	}, Translate(text))
}
