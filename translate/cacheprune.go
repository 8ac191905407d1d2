package translate

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// CacheStats describes what a DirCache folder holds.
type CacheStats struct {
	Dir             string    `json:"dir"`               // the cache folder
	Entries         int       `json:"entries"`           // answers stored, one file each
	Bytes           int64     `json:"bytes"`             // the answers' length
	DiskBytes       int64     `json:"disk_bytes"`        // the space the entries take on disk, as du counts it
	FolderDiskBytes int64     `json:"folder_disk_bytes"` // the space their folders take, which du counts too and removing entries may not shrink
	Oldest          time.Time `json:"oldest,omitzero"`   // last use of the least recently used entry
	Newest          time.Time `json:"newest,omitzero"`   // last use of the most recently used entry
	TempFiles       int       `json:"temp_files"`        // writes not finished: running, or interrupted ones' leftovers
	OtherFiles      int       `json:"other_files"`       // files not laid out as entries, never touched
}

// PruneOptions says which entries Prune removes. Entries go least recently
// used first; an entry counts as used when written and when read (to
// within touchAfter).
type PruneOptions struct {
	OlderThan time.Duration // remove entries last used longer ago than this; 0: no age limit
	MaxSize   int64         // then remove entries until the rest and their folders take at most this many bytes on disk; 0: no size limit
	DryRun    bool          // count what would go, remove nothing
	Now       time.Time     // the time ages count from; zero: now
}

// PruneResult says what Prune removed (or, in a dry run, would remove).
type PruneResult struct {
	Removed          int   `json:"removed"`            // entries removed
	RemovedDiskBytes int64 `json:"removed_disk_bytes"` // the space they took on disk
	Kept             int   `json:"kept"`               // entries left
	KeptDiskBytes    int64 `json:"kept_disk_bytes"`    // the space they take on disk, without their folders
	FolderDiskBytes  int64 `json:"folder_disk_bytes"`  // the kept entries' folders: with KeptDiskBytes, what du counts
	InUse            int   `json:"in_use"`             // of the kept, entries a run used while Prune ran
	TempRemoved      int   `json:"temp_removed"`       // leftovers of interrupted writes
}

// staleTemp is the age after which a temporary file is an interrupted
// write's leftover: a running write renames its file within moments, and
// removing it from under the writer would lose an answer already paid for.
const staleTemp = 24 * time.Hour

// cacheEntry is one entry found by scan, kept small: a cache of a year of
// news holds about a million.
type cacheEntry struct {
	key   [32]byte
	mtime int64 // UnixNano
	disk  int64
}

func (e cacheEntry) path(dir string) string {
	k := hex.EncodeToString(e.key[:])
	return filepath.Join(dir, k[:2], k)
}

// scanResult is what scan found under a cache folder.
type scanResult struct {
	entries    []cacheEntry
	bytes      int64
	temps      []tempFile
	otherFiles int
	folderDisk int64
}

type tempFile struct {
	path  string
	mtime time.Time
}

// scan lists the entries of the folder, reading only the layout Put writes
// (DIR/ab/abcd…, 64 hex digits, and its temporary files): a --cache that
// names the wrong folder must not lose anyone's files.
func (c *DirCache) scan(ctx context.Context) (*scanResult, error) {
	shards, err := os.ReadDir(c.Dir)
	if err != nil {
		return nil, fmt.Errorf("translation cache: %w", err)
	}
	res := &scanResult{}
	if fi, err := os.Stat(c.Dir); err == nil {
		res.folderDisk = diskUsage(fi)
	}
	for _, sh := range shards {
		if !isShard(sh.Name()) || !sh.IsDir() {
			if !sh.IsDir() {
				res.otherFiles++
			}
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		shardDir := filepath.Join(c.Dir, sh.Name())
		if fi, err := sh.Info(); err == nil {
			res.folderDisk += diskUsage(fi)
		}
		files, err := os.ReadDir(shardDir)
		if err != nil {
			return nil, fmt.Errorf("translation cache: %w", err)
		}
		for _, f := range files {
			name := f.Name()
			isEntry := isKeyName(name) && name[:2] == sh.Name()
			isTemp := isTempName(name, sh.Name())
			if !isEntry && !isTemp {
				res.otherFiles++
				continue
			}
			fi, err := f.Info()
			if errors.Is(err, fs.ErrNotExist) {
				continue // renamed or removed since the folder was read
			}
			if err != nil {
				return nil, fmt.Errorf("translation cache: %w", err)
			}
			if !fi.Mode().IsRegular() {
				res.otherFiles++
				continue
			}
			if isTemp {
				res.temps = append(res.temps, tempFile{filepath.Join(shardDir, name), fi.ModTime()})
				continue
			}
			var e cacheEntry
			hex.Decode(e.key[:], []byte(name))
			e.mtime = fi.ModTime().UnixNano()
			e.disk = diskUsage(fi)
			res.entries = append(res.entries, e)
			res.bytes += fi.Size()
		}
	}
	return res, nil
}

// Stats reads the folder and says what it holds.
func (c *DirCache) Stats(ctx context.Context) (CacheStats, error) {
	s := CacheStats{Dir: c.Dir}
	res, err := c.scan(ctx)
	if err != nil {
		return s, err
	}
	s.Entries, s.Bytes, s.TempFiles, s.OtherFiles = len(res.entries), res.bytes, len(res.temps), res.otherFiles
	s.FolderDiskBytes = res.folderDisk
	for i, e := range res.entries {
		s.DiskBytes += e.disk
		t := time.Unix(0, e.mtime)
		if i == 0 || t.Before(s.Oldest) {
			s.Oldest = t
		}
		if i == 0 || t.After(s.Newest) {
			s.Newest = t
		}
	}
	return s, nil
}

// Prune removes the entries opts names, least recently used first, and the
// leftovers of interrupted writes. It is safe while runs read and write the
// cache: an entry is removed whole or not at all (a reader that has it open
// still reads it), one used since the folder was read is kept, and the
// temporary file of a write under way is never touched. Folders are kept,
// since a writer may be about to create its file in one.
func (c *DirCache) Prune(ctx context.Context, opts PruneOptions) (PruneResult, error) {
	var r PruneResult
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	res, err := c.scan(ctx)
	if err != nil {
		return r, err
	}
	for _, t := range res.temps {
		if now.Sub(t.mtime) <= staleTemp {
			continue
		}
		if !opts.DryRun {
			if err := os.Remove(t.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return r, fmt.Errorf("translation cache: %w", err)
			}
		}
		r.TempRemoved++
	}
	entries := res.entries
	slices.SortFunc(entries, func(a, b cacheEntry) int {
		if a.mtime != b.mtime {
			return compareInt64(a.mtime, b.mtime)
		}
		return strings.Compare(string(a.key[:]), string(b.key[:]))
	})
	r.FolderDiskBytes = res.folderDisk
	var total int64 // the entries' space; MaxSize counts their folders too
	for _, e := range entries {
		total += e.disk
	}
	cutoff := now.Add(-opts.OlderThan).UnixNano()
	for i, e := range entries {
		tooOld := opts.OlderThan > 0 && e.mtime < cutoff
		tooBig := opts.MaxSize > 0 && total+res.folderDisk > opts.MaxSize
		if !tooOld && !tooBig {
			break
		}
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				r.Kept, r.KeptDiskBytes = len(entries)-r.Removed, total
				return r, err
			}
		}
		if !opts.DryRun {
			gone, err := removeUnused(e.path(c.Dir), e.mtime)
			if err != nil {
				r.Kept, r.KeptDiskBytes = len(entries)-r.Removed, total
				return r, err
			}
			if !gone {
				r.InUse++
				continue
			}
		}
		r.Removed++
		r.RemovedDiskBytes += e.disk
		total -= e.disk
	}
	r.Kept, r.KeptDiskBytes = len(entries)-r.Removed, total
	return r, nil
}

// removeUnused removes the entry at p unless a run used it since it was
// seen with modification time mtime; it reports whether the entry is gone.
func removeUnused(p string, mtime int64) (bool, error) {
	fi, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil // another prune got there first
	}
	if err != nil {
		return false, fmt.Errorf("translation cache: %w", err)
	}
	if fi.ModTime().UnixNano() != mtime {
		return false, nil
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("translation cache: %w", err)
	}
	return true, nil
}

func compareInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func isShard(name string) bool {
	return len(name) == 2 && isLowerHex(name)
}

func isKeyName(name string) bool {
	return len(name) == 64 && isLowerHex(name)
}

// isTempName reports whether name is a temporary file Put makes in shard:
// ".KEY.tmp-" and digits.
func isTempName(name, shard string) bool {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok || len(rest) < 64 || !isKeyName(rest[:64]) || rest[:2] != shard {
		return false
	}
	digits, ok := strings.CutPrefix(rest[64:], ".tmp-")
	if !ok || digits == "" {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'f') {
			return false
		}
	}
	return true
}

// roundToBlock estimates the disk space of size bytes where the system does
// not say: whole 4 KiB blocks, the common file system block.
func roundToBlock(size int64) int64 {
	const block = 4096
	return (size + block - 1) / block * block
}
