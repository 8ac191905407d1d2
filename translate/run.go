package translate

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"bitext/doc"
	"bitext/glossary"
	"bitext/segment"
)

// Options configure a pipeline run. The zero value translates Arabic to English
// without a glossary or cache, four requests at a time.
type Options struct {
	SourceLang string            // default "ar"
	TargetLang string            // default "en"
	Glossary   *glossary.Matcher // nil: no glossary
	// Memory, when set, is asked first for every block; a block it
	// translates whole is not sent to the engine.
	Memory Memory
	// GlossaryVersion identifies the glossary's content in cache keys, so that
	// a changed glossary never reuses answers made with the old one.
	GlossaryVersion string
	Model           string // the engine's model, part of cache keys
	Cache           Cache  // nil: no cache
	Concurrency     int    // requests in flight at once; 0 means 4
	Retry           Retry  // how often and how long to retry a failed request
	// RequestTimeout bounds one request; a request that times out is retried.
	// 0 means 2 minutes.
	RequestTimeout time.Duration
	// DryRun counts what would be sent (requests, characters) and sends nothing.
	DryRun bool
	// Progress, when set, is called after every finished request. Calls never
	// overlap.
	Progress func(Progress)
}

func (o Options) langs() (string, string) {
	src, tgt := o.SourceLang, o.TargetLang
	if src == "" {
		src = "ar"
	}
	if tgt == "" {
		tgt = "en"
	}
	return src, tgt
}

// Progress is how far a run has come.
type Progress struct {
	Done       int // pieces of text translated or found in the cache
	Total      int // pieces of text in the run
	Characters int // characters billed so far
	Retries    int // requests retried so far
}

// Stats count what a run did, for the summary line and the cost estimate.
type Stats struct {
	Documents      int `json:"documents"`       // documents in the run
	Segments       int `json:"segments"`        // paragraphs and headings to translate
	CachedSegments int `json:"cached_segments"` // of those, answered entirely from the cache
	MemorySegments int `json:"memory_segments"` // paragraphs and headings translated from the memory, not sent
	Requests       int `json:"requests"`        // API calls, retries included (dry run: calls it would make)
	Retries        int `json:"retries"`         // requests sent again after a failure, counted in Requests too
	Characters     int `json:"characters"`      // code points sent in requests the service answered, usable or not: what is billed
	// SafeRetries counts segments re-sent with bare placeholders because the
	// engine damaged the named ones.
	SafeRetries        int `json:"safe_retries"`
	PlaceholderDamaged int `json:"placeholder_damaged"` // segments still damaged after the retry
	GlossaryViolations int `json:"glossary_violations"` // source terms whose English is missing from their unit
	NumberMismatches   int `json:"number_mismatches"`   // units whose English lacks a number of their Arabic, or has one it lacks
}

// Add adds the counts of o to s, for a run made of several RunMany calls.
func (s *Stats) Add(o Stats) {
	s.Documents += o.Documents
	s.Segments += o.Segments
	s.CachedSegments += o.CachedSegments
	s.MemorySegments += o.MemorySegments
	s.Requests += o.Requests
	s.Retries += o.Retries
	s.Characters += o.Characters
	s.SafeRetries += o.SafeRetries
	s.PlaceholderDamaged += o.PlaceholderDamaged
	s.GlossaryViolations += o.GlossaryViolations
	s.NumberMismatches += o.NumberMismatches
}

// Result is what RunMany returns: one bitext per document, in order (none on a
// dry run), and the run's counts.
type Result struct {
	Bitexts []*doc.Bitext // one per document, in order; none on a dry run
	Stats   Stats         // what the run did and would be billed
}

// Run translates one document; see RunMany.
func Run(ctx context.Context, eng Engine, d *doc.Document, opts Options) (*doc.Bitext, error) {
	res, err := RunMany(ctx, eng, []*doc.Document{d}, opts)
	if err != nil {
		return nil, err
	}
	if len(res.Bitexts) == 0 {
		return nil, nil
	}
	return res.Bitexts[0], nil
}

// PositionError is a failure while translating one paragraph: the name of
// its document and the line the paragraph starts on, with what went wrong.
// RunMany's errors about a paragraph are of this type; errors.Is and
// errors.As see through it to the engine's error (an *Error, or the
// context's when the run was stopped).
//
// An engine that takes several paragraphs in one request fails them
// together: the error then names the first, and More counts the others.
type PositionError struct {
	Name string // the document's name (doc.Document.Name)
	Line int    // 1-based line of the paragraph in the document's source
	More int    // other paragraphs in the failed request, any of which may be the cause
	Err  error  // the engine's or the context's error
}

// Error says "name:line: problem", with the size of the request when it held
// several paragraphs.
func (e *PositionError) Error() string {
	if e.More > 0 {
		return fmt.Sprintf("%s:%d: %v (a request of %d paragraphs starting here)", e.Name, e.Line, e.Err, e.More+1)
	}
	return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
}

// Unwrap returns what went wrong.
func (e *PositionError) Unwrap() error { return e.Err }

// goroutinePanic carries a panic of the engine (or of a Cache or Progress
// callback) from the goroutine of a request, where no recover of the caller
// could reach it, to the caller's goroutine, where it is raised again with
// the stack of the goroutine it came from.
type goroutinePanic struct {
	value any
	stack []byte
}

func (p *goroutinePanic) Error() string {
	return fmt.Sprintf("%v\n\n[recovered in a translation request; its goroutine was:]\n%s", p.value, p.stack)
}

// Unwrap returns the panic's value when it is an error (a runtime error, say).
func (p *goroutinePanic) Unwrap() error {
	err, _ := p.value.(error)
	return err
}

// place is where a paragraph starts: its document's name and line.
type place struct {
	name string
	line int
}

// failed wraps the error of the request that sent keys with where its
// paragraphs are.
func (r *runner) failed(keys []string, err error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	first := r.where[keys[0]]
	others := map[place]bool{}
	for _, k := range keys[1:] {
		if p := r.where[k]; p != first {
			others[p] = true
		}
	}
	return &PositionError{Name: first.name, Line: first.line, More: len(others), Err: err}
}

// job is one block to translate.
type job struct {
	d, block int
	where    place
	hits     []doc.TermHit
	terms    []Term
	phs      [2][]Placeholder // by Mode
	pieces   [2][]string      // the protected text cut to the engine's item limit, by Mode
	seps     [2][]string      // what joins each piece to the one before
	target   string
	damaged  bool
}

// RunMany translates the translatable blocks of every document with eng,
// paragraph by paragraph, sharing batches and the cache across documents.
//
// Glossary hits are replaced by placeholders the engine keeps (see Protect);
// every placeholder must come back exactly once, else the paragraph is sent
// again alone with bare placeholders, and if still damaged it is flagged.
// Translated paragraphs are split into sentences and aligned with the source
// sentences; every unit is checked for the English of its source terms.
// Boilerplate blocks are kept as units but never sent.
//
// On an error (engine failure, cancellation) the Result holds no bitext, only
// the counts of what was sent (and billed) before it; every answer received
// so far is in the cache.
//
// Requests run in goroutines of their own. A panic there (in the engine, the
// Cache or the Progress callback) stops the run and is raised again in the
// goroutine that called RunMany, where the caller's recover can catch it.
func RunMany(ctx context.Context, eng Engine, docs []*doc.Document, opts Options) (*Result, error) {
	r := &runner{eng: eng, opts: opts, answers: map[string]string{}, terms: map[string][]Term{}, where: map[string]place{}}
	r.src, r.tgt = opts.langs()
	r.lim = eng.Limits()
	r.local = IsLocal(eng)
	r.stats.Documents = len(docs)

	hits := make([][][]doc.TermHit, len(docs))
	remembered := make([][][]doc.Unit, len(docs))
	var jobs []*job
	for di, d := range docs {
		hits[di] = blockHits(d, opts.Glossary)
		var err error
		if remembered[di], err = memoryUnits(ctx, opts.Memory, d, r.src, r.tgt); err != nil {
			return nil, err
		}
		lines := d.Lines() // one index per document: Position alone rescans the text before each block
		for i, b := range d.Blocks {
			if b.Kind == doc.Boilerplate {
				continue
			}
			if remembered[di][i] != nil {
				r.stats.MemorySegments++
				continue
			}
			line, _ := lines.Position(b.Start)
			j := &job{d: di, block: i, hits: hits[di][i], where: place{d.Name, line}}
			seen := map[Term]bool{}
			for _, h := range j.hits {
				t := Term{Source: h.Surface, Target: h.En}
				if t.Target == "" {
					t.Target = h.Ar
				}
				if !seen[t] {
					seen[t] = true
					j.terms = append(j.terms, t)
				}
			}
			for _, m := range []Mode{ModeNamed, ModeBare} {
				text, phs := Protect(d.Text(i), j.hits, b.Start, m)
				if b.Wrapped {
					// One paragraph: sent as one line, not as fragments.
					text = strings.Map(func(r rune) rune {
						if isLineBreak(r) {
							return ' '
						}
						return r
					}, text)
				}
				j.phs[m] = phs
				j.pieces[m], j.seps[m] = splitPieces(text, r.src, r.lim.MaxItemChars)
			}
			jobs = append(jobs, j)
		}
	}
	r.stats.Segments = len(jobs)

	// An engine that answers nothing (none) is not asked: that would count
	// requests, and its empty answers as damaged ones.
	if AnswersNothing(eng) {
		jobs = nil
	}
	// First pass: named placeholders, batched.
	cached, err := r.pass(ctx, jobs, ModeNamed, r.lim)
	if err != nil {
		return &Result{Stats: r.stats}, err
	}
	r.stats.CachedSegments = cached
	if opts.DryRun {
		return &Result{Stats: r.stats}, nil
	}
	var retry []*job
	for _, j := range jobs {
		// An empty answer lost no names: its units are flagged
		// untranslated, and sending it again would be billed for nothing.
		if !r.finish(j, ModeNamed) && strings.TrimSpace(j.target) != "" {
			retry = append(retry, j)
		}
	}
	// Second pass, for damaged answers: bare placeholders, one piece a request.
	if len(retry) > 0 {
		r.stats.SafeRetries = len(retry)
		lim := r.lim
		lim.MaxItems = 1
		if _, err := r.pass(ctx, retry, ModeBare, lim); err != nil {
			return &Result{Stats: r.stats}, err
		}
		for _, j := range retry {
			if !r.finish(j, ModeBare) && strings.TrimSpace(j.target) != "" {
				j.damaged = true
				r.stats.PlaceholderDamaged++
			}
		}
	}

	res := &Result{Stats: r.stats}
	byBlock := make([]map[int]*job, len(docs))
	for _, j := range jobs {
		if byBlock[j.d] == nil {
			byBlock[j.d] = map[int]*job{}
		}
		byBlock[j.d][j.block] = j
	}
	for di, d := range docs {
		bt := &doc.Bitext{SourceLang: r.src, TargetLang: r.tgt, Name: d.Name, Engine: eng.Name(), Source: d}
		for i, b := range d.Blocks {
			var target string
			j := byBlock[di][i]
			if j != nil {
				target = j.target
			}
			units := remembered[di][i]
			if units == nil {
				units = blockUnits(d, i, target, r.tgt, eng.Name(), isGist(eng))
			}
			for k := range units {
				units[k].Terms = termsIn(hits[di][i], b, units[k].Segments)
				if j != nil && inSourceScript(withoutKept(units[k].Target, units[k].Terms), r.src, r.tgt) {
					// The engine echoed the text or answered in the source
					// language: that is no translation to show, publish or
					// remember as English.
					units[k].Target, units[k].State, units[k].Origin = "", doc.StateNew, ""
					units[k].Notes = append(units[k].Notes, fmt.Sprintf("the engine answered in the script of %s, not %s: answer dropped", r.src, r.tgt))
					units[k].AddFlag(doc.FlagUntranslated)
				} else if j != nil {
					if l := otherLanguage(units[k].Target, r.tgt); l != "" {
						// French for English: as much no translation
						units[k].Target, units[k].State, units[k].Origin = "", doc.StateNew, ""
						units[k].Notes = append(units[k].Notes, fmt.Sprintf("the engine answered in %s, not %s: answer dropped", l, r.tgt))
						units[k].AddFlag(doc.FlagUntranslated)
					}
				}
				// number notes before the names' ones: the order the
				// XLIFF writers keep them in
				if checkNumbers(&units[k]) {
					res.Stats.NumberMismatches++
				}
				res.Stats.GlossaryViolations += checkTerms(&units[k])
				if j != nil && j.damaged && units[k].Target != "" {
					units[k].AddFlag(doc.FlagPlaceholderDamaged)
					units[k].Notes = append(units[k].Notes, "engine damaged the protected names twice: check every name")
				}
			}
			bt.Units = append(bt.Units, units...)
		}
		AssignIDs(bt.Units)
		res.Bitexts = append(res.Bitexts, bt)
	}
	return res, nil
}

// runner holds the state of one RunMany call.
type runner struct {
	eng      Engine
	opts     Options
	lim      Limits
	local    bool // the engine runs here and bills nothing
	src, tgt string

	mu       sync.Mutex
	stats    Stats
	answers  map[string]string // cache key -> raw engine answer
	terms    map[string][]Term // cache key -> terms of its segment
	where    map[string]place  // cache key -> where its paragraph is
	progress Progress
}

func (r *runner) key(text string) string {
	return CacheKey(r.eng.Name(), r.opts.Model, r.opts.GlossaryVersion, r.src, r.tgt, text)
}

// pass gets an answer for every piece of jobs in mode m, from this run, the
// cache or the engine, and returns how many jobs needed no request.
func (r *runner) pass(ctx context.Context, jobs []*job, m Mode, lim Limits) (int, error) {
	var texts, keys []string
	pending := map[string]bool{}
	cached := 0
	for _, j := range jobs {
		all := true
		for _, p := range j.pieces[m] {
			if strings.TrimSpace(p) == "" {
				continue
			}
			k := r.key(p)
			if _, ok := r.answers[k]; ok {
				continue
			}
			if r.opts.Cache != nil {
				if v, ok := r.opts.Cache.Get(k); ok {
					r.answers[k] = v
					continue
				}
			}
			all = false
			if !pending[k] {
				pending[k] = true
				texts = append(texts, p)
				keys = append(keys, k)
				r.terms[k] = j.terms
				r.where[k] = j.where
			}
		}
		if all {
			cached++
		}
	}
	r.progress.Total += len(texts)
	if r.opts.DryRun {
		for _, b := range batchTexts(texts, lim) {
			r.stats.Requests++
			for _, t := range texts[b[0]:b[1]] {
				if !r.local {
					r.stats.Characters += utf8.RuneCountInString(t)
				}
			}
		}
		return cached, nil
	}
	return cached, r.send(ctx, texts, keys, lim)
}

// finish assembles j's answer in mode m and reports whether its placeholders
// came back intact. A damaged answer is still restored as well as it can be,
// so that a flagged unit shows what the engine said.
func (r *runner) finish(j *job, m Mode) bool {
	var b strings.Builder
	for i, p := range j.pieces[m] {
		b.WriteString(j.seps[m][i])
		if strings.TrimSpace(p) != "" {
			// A piece is at most one line: its answer is one line too.
			b.WriteString(strings.Map(func(c rune) rune {
				if isLineBreak(c) {
					return ' '
				}
				return c
			}, r.answers[r.key(p)]))
		}
	}
	raw := b.String()
	if m == ModeNamed {
		raw = unmangle(raw, j.phs[m])
	}
	j.target = Restore(raw, j.phs[m])
	return CheckPlaceholders(raw, j.phs[m]) || m == ModeNamed && namesKept(raw, j.phs[m])
}

// send translates texts in batches within lim, at most Concurrency at once.
// The first failure cancels the batches not yet finished.
func (r *runner) send(ctx context.Context, texts, keys []string, lim Limits) error {
	if len(texts) == 0 {
		return nil
	}
	conc := r.opts.Concurrency
	if conc <= 0 {
		conc = 4
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, conc)
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	var panicMu sync.Mutex
	var panicked *goroutinePanic
	fail := func(err error) {
		once.Do(func() { firstErr = err; cancel() })
	}
loop:
	for _, b := range batchTexts(texts, lim) {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			break loop
		}
		wg.Add(1)
		go func(ts, ks []string) {
			defer wg.Done()
			defer func() { <-sem }()
			defer func() {
				if v := recover(); v != nil {
					p := &goroutinePanic{value: v, stack: debug.Stack()}
					fail(p)
					panicMu.Lock()
					if panicked == nil {
						panicked = p
					}
					panicMu.Unlock()
				}
			}()
			if err := r.batch(ctx, ts, ks); err != nil {
				fail(err)
			}
		}(texts[b[0]:b[1]], keys[b[0]:b[1]])
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return firstErr
}

// batch sends one batch; a batch the engine finds too large is split in two
// and each half sent again.
func (r *runner) batch(ctx context.Context, texts, keys []string) error {
	out, err := r.call(ctx, texts, keys)
	var e *Error
	switch {
	case err != nil && len(texts) > 1 && errors.As(err, &e) && e.TooLarge:
	case err != nil && errors.As(err, &e) && e.TooLarge:
		// One text the server still finds too large: its limit is lower
		// than the one the engine assumes, and only the user knows it.
		return r.failed(keys, fmt.Errorf("%w (a single text of %d characters; if the server's limit is lower, set the engine options max-item-chars and max-chars to it)",
			err, utf8.RuneCountInString(texts[0])))
	case err != nil:
		return r.failed(keys, err)
	case len(out) != len(texts):
		// An engine that loses count is broken: guessing which answer is
		// whose would put translations under the wrong paragraphs.
		return r.failed(keys, &Error{Engine: r.eng.Name(), Err: fmt.Errorf("returned %d translations for %d segments", len(out), len(texts))})
	default:
		r.mu.Lock()
		defer r.mu.Unlock()
		for i, k := range keys {
			r.answers[k] = out[i]
			if r.opts.Cache != nil {
				if err := r.opts.Cache.Put(k, out[i]); err != nil {
					return err
				}
			}
		}
		r.progress.Done += len(texts)
		r.report()
		return nil
	}
	h := len(texts) / 2
	if err := r.batch(ctx, texts[:h], keys[:h]); err != nil {
		return err
	}
	return r.batch(ctx, texts[h:], keys[h:])
}

// call sends one request, retrying retryable failures with backoff.
func (r *runner) call(ctx context.Context, texts, keys []string) ([]string, error) {
	req := Request{SourceLang: r.src, TargetLang: r.tgt, Segments: make([]Segment, len(texts))}
	chars := 0
	r.mu.Lock()
	for i, t := range texts {
		req.Segments[i] = Segment{ID: keys[i][:12], Text: t, Terms: r.terms[keys[i]]}
		chars += utf8.RuneCountInString(t)
	}
	r.mu.Unlock()
	timeout := r.opts.RequestTimeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	retry := r.opts.Retry.withDefaults()
	for attempt := 1; ; attempt++ {
		cctx, cancel := context.WithTimeout(ctx, timeout)
		out, err := r.eng.Translate(cctx, req)
		cancel()
		r.mu.Lock()
		r.stats.Requests++
		if (err == nil || billed(err)) && !r.local {
			r.stats.Characters += chars
			r.progress.Characters += chars
		}
		r.mu.Unlock()
		if err == nil {
			return out, nil
		}
		if ctx.Err() != nil {
			return nil, stopped(ctx, err, attempt)
		}
		var e *Error
		var after time.Duration
		if errors.As(err, &e) {
			after = e.RetryAfter
		}
		timedOut := errors.Is(err, context.DeadlineExceeded)
		if after > retry.MaxRetryAfter && IsRetryable(err) {
			return nil, fmt.Errorf("%w (the server asks to wait %v before trying again: run the same command later)", err, after.Round(time.Second))
		}
		if timedOut {
			err = fmt.Errorf("no answer within %v: %w", timeout, err)
		}
		if (!IsRetryable(err) && !timedOut) || attempt >= retry.Attempts {
			if attempt > 1 {
				return nil, fmt.Errorf("after %d attempts: %w", attempt, err)
			}
			return nil, err
		}
		r.retried()
		wait := retry.Wait(attempt, after)
		if after == 0 && e != nil && (e.Status == http.StatusTooManyRequests || e.Status == grpcResourceExhausted) {
			wait = retry.WaitLimited(attempt)
		}
		if sleep(ctx, wait) != nil {
			return nil, stopped(ctx, err, attempt)
		}
	}
}

// stopped is the error of a request whose caller's context ended after
// attempt failed with err: the context's error, and the engine's as well when
// it was something else, so that a deadline cut short by a failing engine
// still says why the engine failed.
func stopped(ctx context.Context, err error, attempt int) error {
	if errors.Is(err, ctx.Err()) {
		return ctx.Err()
	}
	return fmt.Errorf("%w while retrying (attempt %d failed: %w)", ctx.Err(), attempt, err)
}

// grpcResourceExhausted is gRPC's RESOURCE_EXHAUSTED code, which Google's
// v3 API answers when requests come too fast.
const grpcResourceExhausted = 8

// billed reports whether err is an answer the service charges for.
func billed(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Billed
}

// retried counts a retry and reports it.
func (r *runner) retried() {
	r.mu.Lock()
	defer r.mu.Unlock() // also when the progress callback panics
	r.stats.Retries++
	r.progress.Retries++
	r.report()
}

// report calls the progress callback; r.mu is held.
func (r *runner) report() {
	if r.opts.Progress != nil {
		r.opts.Progress(r.progress)
	}
}

// batchTexts is Batches for plain strings.
func batchTexts(texts []string, lim Limits) [][2]int {
	segs := make([]Segment, len(texts))
	for i, t := range texts {
		segs[i].Text = t
	}
	return Batches(segs, lim)
}

// splitPieces cuts a protected paragraph into pieces of at most max code
// points, each within one line: whole sentences where they fit, else
// words; placeholders are never cut. It returns the pieces and, for each, what
// joins it to the one before (a line break, a space, or nothing inside a word
// cut in two). max <= 0 means no limit. Lines are sent apart so that every
// engine gives one line of translation for each: a list item or a heading
// keeps its own unit.
func splitPieces(text, lang string, max int) (pieces, seps []string) {
	lines := strings.FieldsFunc(text, isLineBreak)
	if len(lines) <= 1 {
		return splitLine(text, lang, max)
	}
	for _, l := range lines {
		p, s := splitLine(strings.TrimSpace(l), lang, max)
		if len(p) == 0 || strings.TrimSpace(p[0]) == "" {
			continue
		}
		s[0] = "\n"
		pieces, seps = append(pieces, p...), append(seps, s...)
	}
	if len(seps) > 0 {
		seps[0] = ""
	}
	return pieces, seps
}

// isLineBreak reports whether r ends a line, as the segmenter sees it.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// splitLine is splitPieces for one line.
func splitLine(text, lang string, max int) (pieces, seps []string) {
	if max <= 0 || utf8.RuneCountInString(text) <= max {
		return []string{text}, []string{""}
	}
	type unit struct{ text, sep string }
	var units []unit
	for _, s := range segment.Sentences(text, lang) {
		if utf8.RuneCountInString(s.Text) <= max {
			units = append(units, unit{s.Text, " "})
			continue
		}
		ws, glue := words(s.Text, max)
		for i, w := range ws {
			units = append(units, unit{w, glue[i]})
		}
	}
	cur, curSep := "", ""
	for _, u := range units {
		if cur != "" && utf8.RuneCountInString(cur)+len([]rune(u.sep))+utf8.RuneCountInString(u.text) > max {
			pieces, seps = append(pieces, cur), append(seps, curSep)
			cur = ""
		}
		if cur == "" {
			cur, curSep = u.text, u.sep
		} else {
			cur += u.sep + u.text
		}
	}
	if cur != "" {
		pieces, seps = append(pieces, cur), append(seps, curSep)
	}
	if len(seps) > 0 {
		seps[0] = ""
	}
	return pieces, seps
}

// words cuts s at spaces outside placeholders into runs of at most max code
// points; a single word longer than max is cut between characters. glue[i]
// is what joins word i to the one before.
func words(s string, max int) (ws, glue []string) {
	var raw []string
	depth, start := 0, 0
	for i, c := range s {
		switch {
		case c == '⟦':
			depth++
		case c == '⟧' && depth > 0:
			depth--
		case unicode.IsSpace(c) && depth == 0:
			if i > start {
				raw = append(raw, s[start:i])
			}
			start = i + utf8.RuneLen(c)
		}
	}
	if start < len(s) {
		raw = append(raw, s[start:])
	}
	for _, w := range raw {
		sep := " "
		for utf8.RuneCountInString(w) > max && !strings.Contains(w, "⟦") {
			cut := 0
			for n := 0; n < max; n++ {
				_, size := utf8.DecodeRuneInString(w[cut:])
				cut += size
			}
			ws, glue = append(ws, w[:cut]), append(glue, sep)
			w, sep = w[cut:], ""
		}
		ws, glue = append(ws, w), append(glue, sep)
	}
	return ws, glue
}
