package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"bitext/translate"
)

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:  "cache",
			Usage: "see how large the translation cache is, and prune it",
			Description: `The cache keeps every engine answer (translate --cache) so that no text is
paid for twice; nothing removes an entry by itself. 'stats' says what it
holds; 'prune' removes the least recently used entries, safely while
translate runs use the cache.`,
			Flags:       []cli.Flag{cacheDirFlag()}, // also before the subcommand
			Subcommands: []*cli.Command{cacheStatsCommand(e), cachePruneCommand(e)},
		}
	})
}

func cacheDirFlag() cli.Flag {
	return &cli.StringFlag{Name: "cache", Usage: "cache folder (default: the one translate uses, bitext/translations in $XDG_CACHE_HOME or ~/.cache)"}
}

// openCacheDir is the cache of --cache, else translate's default; it must
// exist: stats of a mistyped folder would say "empty" and a prune of it
// would never free anything.
func openCacheDir(c *cli.Context) (*translate.DirCache, error) {
	var dir string
	for _, lc := range c.Lineage() { // --cache after the subcommand, else before it
		if lc.IsSet("cache") {
			dir = lc.String("cache")
			break
		}
	}
	if dir == "" {
		var err error
		if dir, err = defaultCacheDir(); err != nil {
			// This command has no --no-cache to offer.
			return nil, fmt.Errorf("no cache folder (%w): use --cache DIR", errors.Unwrap(err))
		}
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("translation cache %s: no such folder (nothing cached there yet; does --cache name the folder translate uses?)", dir)
	}
	return &translate.DirCache{Dir: dir}, nil
}

func cacheStatsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "say how many answers the cache holds, their space on disk and when they were last used",
		Description: `Space on disk is what du counts: a short answer takes a whole block. Times are
the entries' last use (a read refreshes an entry older than a day).

Examples:
   bitext cache stats
   bitext cache stats --cache /srv/bitext/cache --json`,
		Flags: []cli.Flag{
			cacheDirFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the figures as JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("cache stats: takes no arguments, got %q", c.Args().First())
			}
			dc, err := openCacheDir(c)
			if err != nil {
				return err
			}
			s, err := dc.Stats(c.Context)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				return writeJSON(e.stdout, s)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "folder:   %s\n", s.Dir)
			fmt.Fprintf(&b, "entries:  %d\n", s.Entries)
			fmt.Fprintf(&b, "on disk:  %s: entries %s (%s of answers), folders %s\n",
				formatSize(s.DiskBytes+s.FolderDiskBytes), formatSize(s.DiskBytes), formatSize(s.Bytes), formatSize(s.FolderDiskBytes))
			if s.Entries > 0 {
				now := time.Now()
				fmt.Fprintf(&b, "oldest:   %s\n", formatUse(s.Oldest, now))
				fmt.Fprintf(&b, "newest:   %s\n", formatUse(s.Newest, now))
			}
			if s.TempFiles > 0 {
				fmt.Fprintf(&b, "unfinished writes: %d (running, or left by an interrupted run; prune removes them after a day)\n", s.TempFiles)
			}
			if s.OtherFiles > 0 {
				fmt.Fprintf(&b, "other files: %d (not cache entries; never touched)\n", s.OtherFiles)
			}
			_, err = fmt.Fprint(e.stdout, b.String())
			return err
		},
	}
}

func cachePruneCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "prune",
		Usage: "remove the answers no run has used for a while, least recently used first",
		Description: `Removes the entries last used longer ago than --older-than, then, with
--max-size, the least recently used until the rest and their folders take
at most that much space on disk (as du counts it). A run that needs a removed answer pays for it again.
Pruning is safe while translate runs: an entry goes whole or not at all, one
used while prune runs is kept, and a write under way is never touched
(unfinished writes older than a day, left by killed runs, are removed).

Examples:
   bitext cache prune --older-than 90d
   bitext cache prune --max-size 2GB --dry-run
   bitext cache prune --older-than 180d --max-size 5GB --quiet   # from cron`,
		Flags: []cli.Flag{
			cacheDirFlag(),
			&cli.StringFlag{Name: "older-than", Usage: "remove entries last used longer ago than this: 90d, 12w, 36h"},
			&cli.StringFlag{Name: "max-size", Usage: "then remove entries until the folder takes at most this on disk: 2GB, 500MB (powers of 1000), 2GiB, 2G (powers of 1024)"},
			&cli.BoolFlag{Name: "dry-run", Usage: "say what would be removed, remove nothing"},
			&cli.BoolFlag{Name: "json", Usage: "print the figures as JSON"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("cache prune: takes no arguments, got %q", c.Args().First())
			}
			var opts translate.PruneOptions
			if s := c.String("older-than"); s != "" {
				d, err := parseAge(s)
				if err != nil {
					return usagef("--older-than: %v", err)
				}
				opts.OlderThan = d
			}
			if s := c.String("max-size"); s != "" {
				n, err := parseSize(s)
				if err != nil {
					return usagef("--max-size: %v", err)
				}
				opts.MaxSize = n
			}
			if opts.OlderThan == 0 && opts.MaxSize == 0 {
				return usagef("cache prune: want --older-than, --max-size or both")
			}
			opts.DryRun = c.Bool("dry-run")
			dc, err := openCacheDir(c)
			if err != nil {
				return err
			}
			r, err := dc.Prune(c.Context, opts)
			if err != nil {
				if r.Removed > 0 {
					return fmt.Errorf("%w (%d entries, %s, removed before it)", err, r.Removed, formatSize(r.RemovedDiskBytes))
				}
				return err
			}
			if c.Bool("json") {
				return writeJSON(e.stdout, struct {
					Dir    string `json:"dir"`
					DryRun bool   `json:"dry_run"`
					translate.PruneResult
				}{dc.Dir, opts.DryRun, r})
			}
			if c.Bool("quiet") {
				return nil
			}
			verb := "removed"
			if opts.DryRun {
				verb = "would remove"
			}
			line := fmt.Sprintf("bitext: %s %d entries (%s), kept %d (%s; %s with the folders)", verb, r.Removed, formatSize(r.RemovedDiskBytes),
				r.Kept, formatSize(r.KeptDiskBytes), formatSize(r.KeptDiskBytes+r.FolderDiskBytes))
			if r.InUse > 0 {
				line += fmt.Sprintf(", %d of them because a run used them meanwhile", r.InUse)
			}
			if r.TempRemoved > 0 {
				line += fmt.Sprintf("; %s %d unfinished writes left by interrupted runs", verb, r.TempRemoved)
			}
			_, err = fmt.Fprintln(e.stdout, line)
			return err
		},
	}
}

// parseAge reads an age in days (90d), weeks (12w) or as Go writes
// durations (36h, 90m).
func parseAge(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	unit := time.Duration(0)
	switch {
	case strings.HasSuffix(t, "d"):
		unit = 24 * time.Hour
	case strings.HasSuffix(t, "w"):
		unit = 7 * 24 * time.Hour
	}
	var d time.Duration
	if unit != 0 {
		n, err := strconv.ParseFloat(t[:len(t)-1], 64)
		if err != nil || n*float64(unit) > math.MaxInt64 {
			return 0, fmt.Errorf("%q is not an age: write 90d, 12w or 36h", s)
		}
		d = time.Duration(n * float64(unit))
	} else {
		var err error
		if d, err = time.ParseDuration(t); err != nil {
			return 0, fmt.Errorf("%q is not an age: write 90d, 12w or 36h", s)
		}
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q: the age must be more than 0", s)
	}
	return d, nil
}

// sizeUnits are the units parseSize reads: powers of 1000 for kB, MB, GB,
// TB; of 1024 for KiB… and for the bare letters, as du and df print them.
var sizeUnits = map[string]float64{
	"": 1, "b": 1,
	"kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
	"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40,
	"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
}

// parseSize reads a size in bytes: 2GB, 1.5GiB, 500M, 4096.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		i = len(t)
	}
	n, err := strconv.ParseFloat(t[:i], 64)
	unit, ok := sizeUnits[strings.ToLower(strings.TrimSpace(t[i:]))]
	if err != nil || !ok || n*unit >= math.MaxInt64 {
		return 0, fmt.Errorf("%q is not a size: write 2GB, 500MB or 2GiB", s)
	}
	if n*unit < 1 {
		return 0, fmt.Errorf("%q: the size must be more than 0 (to empty the cache, remove its folder while no run uses it)", s)
	}
	return int64(n * unit), nil
}

// formatSize writes n bytes in powers of 1000, as --max-size reads them.
func formatSize(n int64) string {
	f := float64(n)
	for _, u := range []string{"B", "kB", "MB", "GB"} {
		if f < 1000 {
			if u == "B" {
				return fmt.Sprintf("%d B", n)
			}
			return fmt.Sprintf("%.1f %s", f, u)
		}
		f /= 1000
	}
	return fmt.Sprintf("%.1f TB", f)
}

// formatUse writes when an entry was last used, and how long ago.
func formatUse(t, now time.Time) string {
	ago := "within a day"
	if days := int(now.Sub(t).Hours() / 24); days == 1 {
		ago = "1 day ago"
	} else if days > 1 {
		ago = fmt.Sprintf("%d days ago", days)
	}
	return fmt.Sprintf("%s (%s)", t.Local().Format("2006-01-02 15:04"), ago)
}
