package tm

import (
	"context"
	"slices"
	"sync"
)

// Lookup is what leverage asks of a memory: a *Memory, or a *Cache over one.
type Lookup interface {
	// Exact returns the entries whose normalised source equals source's,
	// best first (see Memory.Exact).
	Exact(ctx context.Context, sourceLang, targetLang, source string) ([]Entry, error)
	// Fuzzy returns the entries whose source is most like source, best
	// first (see Memory.Fuzzy).
	Fuzzy(ctx context.Context, sourceLang, targetLang, source string, opts FuzzyOptions) ([]Match, error)
}

// Cache answers the lookups of one run (a folder of articles) from a memory,
// each distinct lookup once: the articles of a run share datelines, bylines,
// boilerplate and whole paragraphs, and a lookup costs milliseconds in a
// large memory. It sees the memory as it was when a text was first looked
// up, so it is meant to live as long as one run, not as long as a server.
// It is safe for concurrent use.
type Cache struct {
	m     *Memory
	mu    sync.Mutex
	exact map[exactKey][]Entry
	fuzzy map[fuzzyKey][]Match
}

type exactKey struct{ src, tgt, norm string }

type fuzzyKey struct {
	src, tgt, source string // the source as given: a match's diff is against it
	opts             FuzzyOptions
}

// NewCache returns an empty cache of m's lookups.
func NewCache(m *Memory) *Cache {
	return &Cache{m: m, exact: map[exactKey][]Entry{}, fuzzy: map[fuzzyKey][]Match{}}
}

// Memory returns the memory the cache looks up.
func (c *Cache) Memory() *Memory { return c.m }

// Exact is Memory.Exact, answered once per normalised source and languages.
func (c *Cache) Exact(ctx context.Context, sourceLang, targetLang, source string) ([]Entry, error) {
	k := exactKey{sourceLang, targetLang, normalize(source)}
	c.mu.Lock()
	es, ok := c.exact[k]
	c.mu.Unlock()
	if ok {
		es = slices.Clone(es)
		preferSame(es, source) // the cached order was for another spelling
		return es, nil
	}
	es, err := c.m.Exact(ctx, sourceLang, targetLang, source)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.exact[k] = es
	c.mu.Unlock()
	return slices.Clone(es), nil
}

// Fuzzy is Memory.Fuzzy, answered once per source, languages and options.
func (c *Cache) Fuzzy(ctx context.Context, sourceLang, targetLang, source string, opts FuzzyOptions) ([]Match, error) {
	k := fuzzyKey{sourceLang, targetLang, source, opts.withDefaults()}
	c.mu.Lock()
	ms, ok := c.fuzzy[k]
	c.mu.Unlock()
	if ok {
		return slices.Clone(ms), nil
	}
	ms, err := c.m.Fuzzy(ctx, sourceLang, targetLang, source, opts)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.fuzzy[k] = ms
	c.mu.Unlock()
	return slices.Clone(ms), nil
}
