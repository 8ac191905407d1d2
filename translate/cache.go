package translate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"bitext/internal/atomicfile"
)

// Cache keeps engine answers between runs, keyed by CacheKey. Implementations
// must be safe for concurrent use.
type Cache interface {
	// Get returns the answer stored under key; false when there is none,
	// and the text is sent to the engine.
	Get(key string) (string, bool)
	// Put stores an engine's answer under key. An error fails the run.
	Put(key, value string) error
}

// CacheKey identifies one engine answer: the same engine, model, glossary
// version, languages and sent text give the same translation.
func CacheKey(engine, model, glossaryVersion, srcLang, tgtLang, text string) string {
	h := sha256.New()
	for _, s := range []string{"bitext-cache-v1", engine, model, glossaryVersion, srcLang, tgtLang, text} {
		fmt.Fprintf(h, "%d:%s\x00", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DirCache is a Cache of one small file per key under Dir. Files are written
// atomically, so an interrupted run leaves only whole entries.
type DirCache struct {
	Dir string // the cache folder; entries go in subfolders named by the key's first two characters
}

// OpenDirCache creates dir when needed and returns a cache stored there.
// The folders it creates are the user's alone (0700, as XDG asks of a cache):
// the cache holds the translations of articles not yet published.
func OpenDirCache(dir string) (*DirCache, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		// MkdirAll names only the part it could not make: name the cache.
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path != dir {
			return nil, fmt.Errorf("translation cache %s: %w", dir, err)
		}
		return nil, fmt.Errorf("translation cache: %w", err)
	}
	return &DirCache{Dir: dir}, nil
}

func (c *DirCache) path(key string) (string, error) {
	if len(key) < 8 || strings.ContainsAny(key, `/\.`) {
		return "", fmt.Errorf("translation cache: bad key %q", key)
	}
	return filepath.Join(c.Dir, key[:2], key), nil
}

// Get returns the cached value for key. An entry last used more than
// touchAfter ago gets its modification time set to now, so that Prune
// removes the entries no run has asked for, not the ones written first.
func (c *DirCache) Get(key string) (string, bool) {
	p, err := c.path(key)
	if err != nil {
		return "", false
	}
	f, err := os.Open(p)
	if err != nil {
		return "", false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return "", false
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return "", false
	}
	if now := time.Now(); now.Sub(fi.ModTime()) > touchAfter {
		// Best effort: a cache shared read-only still answers.
		os.Chtimes(p, now, now)
	}
	return string(data), true
}

// touchAfter is how stale an entry's time may get before a read refreshes
// it: a run of articles read within the day writes nothing, and ages stay
// right to a day, which is all an age limit in days needs.
const touchAfter = 24 * time.Hour

// Put stores value under key.
func (c *DirCache) Put(key, value string) error {
	p, err := c.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("translation cache: %w", err)
	}
	if err := atomicfile.Write(p, func(w io.Writer) error {
		_, err := io.WriteString(w, value)
		return err
	}); err != nil {
		return fmt.Errorf("translation cache: %w", err)
	}
	return nil
}

// MemCache is a Cache in memory, for tests and single runs.
type MemCache struct {
	mu sync.Mutex
	m  map[string]string
}

// Get returns the cached value for key.
func (c *MemCache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

// Put stores value under key.
func (c *MemCache) Put(key, value string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]string{}
	}
	c.m[key] = value
	return nil
}

// Len returns the number of entries.
func (c *MemCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
