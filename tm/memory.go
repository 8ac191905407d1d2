// Package tm is bitext's translation memory: approved source/target pairs kept
// in one SQLite file, looked up exactly (on the normalised source) or fuzzily
// (trigram candidates scored by edit distance), imported from and exported to
// TMX and XLIFF.
//
// The file is opened in WAL mode with a busy timeout, so several bitext
// processes may read and write it at once; every write is one transaction, so
// a crash leaves the memory as it was before the write.
//
// Open a memory with Open, store an editor's approved units with
// Memory.AddApproved, and let the translation pipeline use it through
// Leverage (translate.Options.Memory).
package tm

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"bitext/arabic"
	"bitext/tmx"
)

// schemaVersion is stored in the file; a newer one is refused.
const schemaVersion = 1

// Entry is one approved translation pair with its provenance.
type Entry struct {
	ID         int64     // row id, 0 before it is stored
	SourceLang string    // BCP 47 tag, e.g. "ar"
	TargetLang string    // e.g. "en"
	Source     string    // source text as it was approved
	Target     string    // approved translation
	Article    string    // document the pair came from
	UnitID     string    // unit id in that document (TMX tuid)
	State      string    // unit state when stored, e.g. "reviewed" or "final"
	Creator    string    // editor or engine that made the translation
	Created    time.Time // when it was made
	Changer    string    // who last changed it
	Changed    time.Time // when it was last changed
	// TMX holds what a TMX file said that has no column of its own, so that
	// an exported file says it again.
	TMX *TMXMeta
}

// TMXMeta is the part of a TMX unit the memory keeps only to write it back.
type TMXMeta struct {
	SrcLang    string      `json:"srclang,omitempty"`   // the tu's srclang attribute
	UsageCount int         `json:"usage,omitempty"`     // the tu's usagecount
	LastUsage  time.Time   `json:"last_usage,omitzero"` // the tu's lastusagedate
	Props      []tmx.Prop  `json:"props,omitempty"`     // the tu's <prop> elements
	Notes      []tmx.Note  `json:"notes,omitempty"`     // the tu's <note> elements
	Source     VariantMeta `json:"source,omitzero"`     // what the source <tuv> said
	Target     VariantMeta `json:"target,omitzero"`     // what the target <tuv> said
	// VariantDates says that the unit had no dates or editors of its own
	// and the entry's were taken from the target's <tuv>: an export writes
	// them there only, as long as the entry still has them.
	VariantDates bool `json:"variant_dates,omitempty"`
}

// VariantMeta is the metadata of one <tuv>.
type VariantMeta struct {
	CreationDate time.Time  `json:"created,omitzero"`  // creationdate; zero when not given
	CreationID   string     `json:"creator,omitempty"` // creationid; "" when not given
	ChangeDate   time.Time  `json:"changed,omitzero"`  // changedate; zero when not given
	ChangeID     string     `json:"changer,omitempty"` // changeid; "" when not given
	Props        []tmx.Prop `json:"props,omitempty"`   // the <tuv>'s <prop> elements
	Notes        []tmx.Note `json:"notes,omitempty"`   // the <tuv>'s <note> elements
}

func (m *TMXMeta) empty() bool {
	return m == nil || m.SrcLang == "" && m.UsageCount == 0 && m.LastUsage.IsZero() && len(m.Props) == 0 &&
		len(m.Notes) == 0 && m.Source.empty() && m.Target.empty()
}

func (v VariantMeta) empty() bool {
	return v.CreationDate.IsZero() && v.CreationID == "" && v.ChangeDate.IsZero() && v.ChangeID == "" &&
		len(v.Props) == 0 && len(v.Notes) == 0
}

// Options configure Open.
type Options struct {
	// BusyTimeout is how long a write waits for another process's write to
	// finish. Zero means 10 seconds.
	BusyTimeout time.Duration
	// MustExist refuses to create the file: opening a missing memory fails
	// with ErrNotFound.
	MustExist bool
}

// Memory is an open translation memory. It is safe for concurrent use.
type Memory struct {
	db   *sql.DB
	path string
	// created says that Open made the file, madeDirs the folders it made
	// for it (deepest first): what Discard may take away again.
	created  bool
	madeDirs []string

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // lookups' statements, prepared once
	// readOnly says the file could only be opened for reading.
	readOnly bool
	// targetIndexed says the translations are in tu_tfts: an English term
	// is looked up there instead of read from every translation.
	targetIndexed bool
}

// ErrNotFound reports that a memory file does not exist (MustExist opens only).
var ErrNotFound = errors.New("translation memory not found")

const schema = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tu(
	id        INTEGER PRIMARY KEY,
	src_lang  TEXT NOT NULL,
	tgt_lang  TEXT NOT NULL,
	source    TEXT NOT NULL,
	target    TEXT NOT NULL,
	norm      TEXT NOT NULL,    -- arabic.Fold(source): what exact and fuzzy lookup compare
	norm_hash INTEGER NOT NULL, -- hash of norm, indexed for exact lookup
	pair_hash INTEGER NOT NULL UNIQUE, -- hash of languages, source and target: one row per pair
	article   TEXT NOT NULL DEFAULT '',
	unit_id   TEXT NOT NULL DEFAULT '',
	state     TEXT NOT NULL DEFAULT '',
	creator   TEXT NOT NULL DEFAULT '',
	created   INTEGER NOT NULL DEFAULT 0, -- Unix seconds, 0 unknown
	changer   TEXT NOT NULL DEFAULT '',
	changed   INTEGER NOT NULL DEFAULT 0,
	extra     TEXT                        -- JSON TMXMeta, NULL when empty
);
CREATE INDEX IF NOT EXISTS tu_norm ON tu(norm_hash);
CREATE VIRTUAL TABLE IF NOT EXISTS tu_fts USING fts5(norm, content='tu', content_rowid='id', tokenize='trigram case_sensitive 1', detail='none', columnsize=0);
-- How often each trigram occurs in the normalised sources: fuzzy lookup
-- starts from the rarest trigrams of the query. (FTS5 can count a trigram's
-- entries only by reading its whole posting list.)
-- g is gramKey of the trigram.
CREATE TABLE IF NOT EXISTS gram(g INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS tu_ad AFTER DELETE ON tu BEGIN
	INSERT INTO tu_fts(tu_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
END;
CREATE TRIGGER IF NOT EXISTS tu_au AFTER UPDATE OF norm ON tu BEGIN
	INSERT INTO tu_fts(tu_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
	INSERT INTO tu_fts(rowid, norm) VALUES (new.id, new.norm);
END;
`

// Open opens the memory in the file at path, creating the file and its
// folder on first use (unless opts.MustExist).
func Open(ctx context.Context, path string, opts Options) (*Memory, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("translation memory %s: file name may not contain ? or #", path)
	}
	if opts.MustExist {
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: %w", path, ErrNotFound)
			}
			return nil, fmt.Errorf("translation memory: %w", err)
		}
	}
	var created bool
	var madeDirs []string
	if !opts.MustExist {
		_, err := os.Stat(path)
		created = errors.Is(err, os.ErrNotExist)
		for dir := filepath.Dir(path); created; dir = filepath.Dir(dir) {
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) || dir == filepath.Dir(dir) {
				break
			}
			madeDirs = append(madeDirs, dir)
		}
		if len(madeDirs) > 0 {
			// the user's alone, as XDG asks of a data folder: the memory
			// holds translations of articles not yet published
			if err := os.MkdirAll(madeDirs[0], 0o700); err != nil {
				return nil, fmt.Errorf("translation memory: %w", err)
			}
		}
	}
	timeout := opts.BusyTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	// _txlock=immediate: a write transaction takes the write lock when it
	// begins, so two writers queue on the busy timeout instead of one failing
	// when it upgrades a read lock.
	dsn := fmt.Sprintf("%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-65536)&_pragma=temp_store(memory)&_pragma=mmap_size(1073741824)&_txlock=immediate",
		path, timeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", path, err)
	}
	m := &Memory{db: db, path: path, created: created, madeDirs: madeDirs}
	// Several processes creating the memory at once race to switch it to
	// WAL, and SQLite answers that race with SQLITE_BUSY at once rather than
	// after the busy timeout: try again until the timeout has passed.
	deadline := time.Now().Add(timeout)
	for {
		err = m.init(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			err = ctx.Err()
		case <-time.After(time.Duration(10+rand.IntN(40)) * time.Millisecond):
			continue
		}
		break
	}
	if err != nil {
		db.Close()
		if (isReadOnly(err) || isCantOpen(err)) && !created {
			// A memory this process may read but not write (another
			// user's, or on a read-only share) still serves lookups,
			// stats and export. On a read-only file system (a volume
			// mounted read-only) SQLite cannot make the files WAL needs
			// beside it and says it cannot open the file at all.
			ro, rerr := openReadOnly(ctx, path, timeout)
			if rerr == nil {
				return ro, nil
			}
			if errors.Is(rerr, errNewer) {
				err = rerr
			}
		}
		return nil, fmt.Errorf("translation memory %s: %w", path, err)
	}
	return m, nil
}

// errNewer reports a memory whose schema is newer than this bitext reads.
var errNewer = errors.New("made by a newer bitext")

// ErrReadOnly reports a write to a memory that was opened read-only because
// its file cannot be written.
var ErrReadOnly = errors.New("the file is read-only: nothing can be stored in it")

// openReadOnly opens an existing memory that cannot be written: SQLite's
// read-only mode, or, when even the files beside it that WAL needs cannot be
// made, as an immutable file. Nothing is changed in it, so a memory whose
// stored forms were made by older folding rules is used as it is.
func openReadOnly(ctx context.Context, path string, timeout time.Duration) (*Memory, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	var last error
	for _, mode := range []string{"mode=ro", "mode=ro&immutable=1"} {
		dsn := fmt.Sprintf("%s?%s&_pragma=busy_timeout(%d)&_pragma=query_only(1)&_pragma=temp_store(memory)", uri, mode, timeout.Milliseconds())
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			return nil, err
		}
		m := &Memory{db: db, path: path, readOnly: true}
		var v int
		err = db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&v)
		if err == nil && v > schemaVersion {
			db.Close()
			return nil, fmt.Errorf("%w (schema %d, this one reads %d)", errNewer, v, schemaVersion)
		}
		if err == nil {
			// a memory made before the translations' index, or by a
			// bitext that indexes them otherwise, is searched row by row
			var ti string
			err = db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'target_index'`).Scan(&ti)
			m.targetIndexed = ti == targetIndexVersion
			if err == nil || errors.Is(err, sql.ErrNoRows) {
				return m, nil
			}
		}
		db.Close()
		last = err
	}
	return nil, last
}

// isReadOnly reports SQLite's SQLITE_READONLY and its extended codes.
func isReadOnly(err error) bool {
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == 8
}

// isCantOpen reports SQLite's SQLITE_CANTOPEN and its extended codes.
func isCantOpen(err error) bool {
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == 14
}

// isBusy reports SQLite's "database is locked" (SQLITE_BUSY, SQLITE_LOCKED
// and their extended codes).
func isBusy(err error) bool {
	var coded interface{ Code() int }
	if !errors.As(err, &coded) {
		return false
	}
	code := coded.Code() & 0xff
	return code == 5 || code == 6
}

func (m *Memory) init(ctx context.Context) error {
	return m.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, schema); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)`, fmt.Sprint(schemaVersion)); err != nil {
			return err
		}
		if err := m.checkVersionTx(ctx, tx); err != nil {
			return err
		}
		if err := setAutomerge(ctx, tx); err != nil {
			return err
		}
		refolded, err := m.refold(ctx, tx)
		if err != nil {
			return err
		}
		var counted string
		err = tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'grams'`).Scan(&counted)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if refolded || counted != gramsVersion {
			if err := countGrams(ctx, tx); err != nil {
				return err
			}
		}
		if err := indexTargets(ctx, tx); err != nil {
			return err
		}
		if err := settleWords(ctx, tx); err != nil {
			return err
		}
		m.targetIndexed = true
		return nil
	})
}

// targetIndexVersion marks the way tu_tfts indexes the translations; a
// memory indexed otherwise, or not at all (made before the index was), is
// indexed anew when opened, in the transaction that opens it: an upgrade
// that fails leaves the memory as it was.
const targetIndexVersion = "1"

// targetIndex makes the word index of the translations that tm search looks
// an English term up in, instead of reading every translation: words folded
// to lower case without diacritics, no positions (the search checks each
// pair it finds). A row reaches it by trigger, except the rows an import
// stores, which its inserter indexes in batches as it does the sources (a
// 'batch' row in meta, seen only inside the importing transaction, turns
// the trigger off): a bitext too old to know the index keeps it whole.
// tu_words holds the words of the translations, where a search finds the
// words that hold a term inside them (insecurity for security); the rows
// stored or changed by trigger wait in tu_tpending until their words are
// added (settleWords).
const targetIndex = `
DROP TABLE IF EXISTS tu_tfts;
CREATE VIRTUAL TABLE tu_tfts USING fts5(target, content='tu', content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail='none', columnsize=0);
DROP TABLE IF EXISTS tu_words;
CREATE TABLE tu_words(w TEXT PRIMARY KEY) WITHOUT ROWID;
DROP TABLE IF EXISTS tu_tpending;
CREATE TABLE tu_tpending(id INTEGER PRIMARY KEY);
DROP TRIGGER IF EXISTS tu_tai;
DROP TRIGGER IF EXISTS tu_tad;
DROP TRIGGER IF EXISTS tu_tau;
CREATE TRIGGER tu_tai AFTER INSERT ON tu WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'batch') BEGIN
	INSERT INTO tu_tfts(rowid, target) VALUES (new.id, new.target);
	INSERT OR IGNORE INTO tu_tpending(id) VALUES (new.id);
END;
CREATE TRIGGER tu_tad AFTER DELETE ON tu BEGIN
	INSERT INTO tu_tfts(tu_tfts, rowid, target) VALUES ('delete', old.id, old.target);
END;
CREATE TRIGGER tu_tau AFTER UPDATE OF target ON tu BEGIN
	INSERT INTO tu_tfts(tu_tfts, rowid, target) VALUES ('delete', old.id, old.target);
	INSERT INTO tu_tfts(rowid, target) VALUES (new.id, new.target);
	INSERT OR IGNORE INTO tu_tpending(id) VALUES (new.id);
END;
INSERT INTO tu_tfts(tu_tfts) VALUES ('rebuild');
INSERT INTO tu_tfts(tu_tfts, rank) VALUES ('automerge', ` + ftsAutomerge + `);
DROP TABLE IF EXISTS temp.tu_tvocab;
CREATE VIRTUAL TABLE temp.tu_tvocab USING fts5vocab(main, tu_tfts, 'row');
INSERT INTO tu_words(w) SELECT term FROM temp.tu_tvocab WHERE length(term) > 1 OR unicode(term) > 127;
DROP TABLE temp.tu_tvocab;
INSERT OR REPLACE INTO meta(key, value) VALUES ('target_index', ` + targetIndexVersion + `);
`

// targetWords adds to words the words of target that a search may find a
// term inside, in lower case with their diacritics (the index looks each up
// as its tokenizer folds it): those of two letters or more as latinBase
// folds them (Straße, æ). buf is reused and returned.
func targetWords(words map[string]struct{}, target string, buf []byte) []byte {
	buf = buf[:0]
	n := 0
	flush := func() {
		if n >= 2 {
			if _, ok := words[string(buf)]; !ok {
				words[string(buf)] = struct{}{}
			}
		}
		buf, n = buf[:0], 0
	}
	for _, r := range target {
		r = latinCase(r)
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) {
			flush()
			continue
		}
		buf = utf8.AppendRune(buf, r)
		n += utf8.RuneCountInString(latinBase(r))
	}
	flush()
	return buf
}

// addWords stores words in tu_words, all in one statement.
func addWords(ctx context.Context, tx *sql.Tx, words map[string]struct{}) error {
	if len(words) == 0 {
		return nil
	}
	list := make([]string, 0, len(words))
	for w := range words {
		list = append(list, w)
	}
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO tu_words(w) SELECT value FROM json_each(?)`, string(b))
	return err
}

// settleWords adds the words of the rows waiting in tu_tpending (stored or
// corrected by trigger) to tu_words.
func settleWords(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT tu.target FROM tu_tpending JOIN tu ON tu.id = tu_tpending.id`)
	if err != nil {
		return err
	}
	words := map[string]struct{}{}
	n := 0
	var buf []byte
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		buf = targetWords(words, t, buf)
		n++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if n == 0 { // nothing written: opening a memory does not change it
		return nil
	}
	if err := addWords(ctx, tx, words); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM tu_tpending`)
	return err
}

// indexTargets makes the translations' index unless the memory has it.
func indexTargets(ctx context.Context, tx *sql.Tx) error {
	var v string
	err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'target_index'`).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if v == targetIndexVersion {
		return nil
	}
	_, err = tx.ExecContext(ctx, targetIndex)
	return err
}

// ftsAutomerge is how many index segments of one size FTS5 lets gather
// before it merges them (its default is 4). An import writes one segment per
// indexBatch rows; merging them 16 at a time instead of 4 at a time took a
// fifth of an import's time off, and lookups on a million entries did not
// slow down.
const ftsAutomerge = "16"

// setAutomerge sets the index's automerge value unless it is set already,
// so that opening a memory does not write to it every time.
func setAutomerge(ctx context.Context, tx *sql.Tx) error {
	var v string
	err := tx.QueryRowContext(ctx, `SELECT v FROM tu_fts_config WHERE k = 'automerge'`).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if v == ftsAutomerge {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO tu_fts(tu_fts, rank) VALUES ('automerge', `+ftsAutomerge+`)`)
	return err
}

func (m *Memory) checkVersionTx(ctx context.Context, tx *sql.Tx) error {
	var v int
	if err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&v); err != nil {
		return err
	}
	if v > schemaVersion {
		return fmt.Errorf("%w (schema %d, this one reads %d)", errNewer, v, schemaVersion)
	}
	return nil
}

// foldProbe holds the letters whose folding has changed or may change; its
// folded hash tells whether stored norms were made by the same rules.
const foldProbe = "أإآٱءؤئىيةهـًٌٍَُِّْٰۀۂکیکABCÉ ٠١٢٣٤٥٦٧٨٩0123456789،؛؟,;?«»“”\"'-–—ﻻﻷ\u200c\u200d\u00a0\u202b\u2067"

func foldSignature() string {
	sum := sha256.Sum256([]byte(normalize(foldProbe)))
	return fmt.Sprintf("%x", sum[:8])
}

// gramsVersion marks the way the gram table is keyed.
const gramsVersion = "3"

// countGrams recounts the trigram table from the stored sources.
func countGrams(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS gram; CREATE TABLE gram(g INTEGER PRIMARY KEY, n INTEGER NOT NULL)`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT norm FROM tu`)
	if err != nil {
		return err
	}
	counts := map[int64]int{}
	var keys []int64
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		keys = gramKeys(keys[:0], n)
		for _, k := range keys {
			counts[k]++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if err := addGrams(ctx, tx, counts); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta(key, value) VALUES ('grams', ?)`, gramsVersion)
	return err
}

// gramKey packs a trigram into an integer: three code points of 21 bits.
func gramKey(a, b, c rune) int64 {
	return int64(a)<<42 | int64(b)<<21 | int64(c)
}

// gramKeys appends the keys of the trigrams of s to dst (a trigram that
// occurs twice is there twice: the counts only rank trigrams by rarity).
func gramKeys(dst []int64, s string) []int64 {
	var r0, r1 rune
	n := 0
	for _, r := range s {
		if n >= 2 {
			dst = append(dst, gramKey(r0, r1, r))
		}
		r0, r1 = r1, r
		n++
	}
	return dst
}

func addGrams(ctx context.Context, tx *sql.Tx, counts map[int64]int) error {
	// All counts go in one statement as a JSON object {"key": count}: tens of
	// thousands of single-row upserts cost more in the driver than in SQLite.
	buf := make([]byte, 0, 16*len(counts)+2)
	buf = append(buf, '{')
	for g, n := range counts {
		if n == 0 {
			continue
		}
		if len(buf) > 1 {
			buf = append(buf, ',')
		}
		buf = append(buf, '"')
		buf = strconv.AppendInt(buf, g, 10)
		buf = append(buf, '"', ':')
		buf = strconv.AppendInt(buf, int64(n), 10)
	}
	if len(buf) == 1 {
		return nil
	}
	buf = append(buf, '}')
	// "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT.
	_, err := tx.ExecContext(ctx, `INSERT INTO gram(g, n) SELECT CAST(key AS INTEGER), value FROM json_each(?) WHERE true
		ON CONFLICT(g) DO UPDATE SET n = n + excluded.n`, string(buf))
	return err
}

// refold recomputes the stored normalised sources when the normalisation
// rules have changed since they were stored, and reports whether it did.
func (m *Memory) refold(ctx context.Context, tx *sql.Tx) (bool, error) {
	sig := foldSignature()
	var old string
	err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'fold'`).Scan(&old)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if old == sig {
		return false, nil
	}
	if old != "" {
		rows, err := tx.QueryContext(ctx, `SELECT id, source FROM tu`)
		if err != nil {
			return false, err
		}
		type row struct {
			id  int64
			src string
		}
		var all []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.src); err != nil {
				rows.Close()
				return false, err
			}
			all = append(all, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return false, err
		}
		stmt, err := tx.PrepareContext(ctx, `UPDATE tu SET norm = ?, norm_hash = ? WHERE id = ? AND norm != ?`)
		if err != nil {
			return false, err
		}
		defer stmt.Close()
		for _, r := range all {
			n := normalize(r.src)
			if _, err := stmt.ExecContext(ctx, n, hash(n), r.id, n); err != nil {
				return false, err
			}
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta(key, value) VALUES ('fold', ?)`, sig)
	return old != "", err
}

// Path returns the memory's file name.
func (m *Memory) Path() string { return m.path }

// ReadOnly reports whether the memory could only be opened for reading:
// lookups, stats and export work, and every write fails with ErrReadOnly.
func (m *Memory) ReadOnly() bool { return m.readOnly }

// Created reports whether Open made the memory's file.
func (m *Memory) Created() bool { return m.created }

// Close closes the memory.
func (m *Memory) Close() error {
	m.closeStmts()
	return m.db.Close()
}

// stmt returns the prepared statement for query, preparing it on first use.
func (m *Memory) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s, ok := m.stmts[query]; ok {
		return s, nil
	}
	s, err := m.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if m.stmts == nil {
		m.stmts = map[string]*sql.Stmt{}
	}
	m.stmts[query] = s
	return s, nil
}

func (m *Memory) closeStmts() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, s := range m.stmts {
		s.Close()
	}
	m.stmts = nil
}

// Discard closes the memory and, when Open created its file and it holds no
// pairs, deletes the file, SQLite's files beside it and the folders Open made
// for it: a first import that fails leaves no memory behind. A memory that
// existed before, or that another process has stored pairs in since, is only
// closed.
func (m *Memory) Discard() error {
	var n int
	empty := m.created && m.db.QueryRow(`SELECT count(*) FROM tu`).Scan(&n) == nil && n == 0
	m.closeStmts()
	if err := m.db.Close(); err != nil || !empty {
		return err
	}
	for _, p := range []string{m.path, m.path + "-wal", m.path + "-shm", m.path + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("translation memory: %w", err)
		}
	}
	for _, d := range m.madeDirs {
		if os.Remove(d) != nil {
			break // no longer empty: something else uses it now
		}
	}
	return nil
}

// write runs fn in one write transaction: all of it is stored, or nothing.
func (m *Memory) write(ctx context.Context, fn func(*sql.Tx) error) error {
	if m.readOnly {
		return fmt.Errorf("translation memory %s: %w", m.path, ErrReadOnly)
	}
	tx, err := m.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// normalize is the form exact and fuzzy lookup compare: the shared Arabic
// folding, with runs of white space made one space and the ends trimmed.
func normalize(s string) string {
	// One buffer, compacted in place: every entry of an import passes here.
	return string(collapseSpace(arabic.AppendFold(make([]byte, 0, len(s)), s)))
}

// collapseSpace makes each run of white space (unicode.IsSpace) in b one
// space and drops it at the ends, in place; bytes that are not UTF-8 stay.
func collapseSpace(b []byte) []byte {
	w := 0
	space := false // white space seen since the last word
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		if unicode.IsSpace(r) {
			space = w > 0
		} else {
			if space {
				b[w] = ' ' // w < i: the space run read so far is at least one byte
				w++
				space = false
			}
			w += copy(b[w:], b[i:i+size])
		}
		i += size
	}
	return b[:w]
}

// Normalize returns the form of s that the memory compares.
func Normalize(s string) string { return normalize(s) }

func hash(parts ...string) int64 {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var sum [32]byte
	return int64(binary.LittleEndian.Uint64(h.Sum(sum[:0])))
}

// primary returns the primary language subtag, lower-cased: "en-GB" → "en".
func primary(lang string) string {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return lang
}

// AddResult counts what Add did.
type AddResult struct {
	Added   int // new pairs
	Updated int // pairs already there whose provenance was refreshed
}

// Add stores entries in one transaction. A pair already in the memory (same
// languages, source and target) is not duplicated: it takes the newer
// provenance. Entries without source or target text are refused.
func (m *Memory) Add(ctx context.Context, entries []Entry) (AddResult, error) {
	var res AddResult
	err := m.write(ctx, func(tx *sql.Tx) error {
		ins, err := newInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		for i := range entries {
			added, err := ins.add(ctx, &entries[i])
			if err != nil {
				return fmt.Errorf("entry %d (unit %q): %w", i+1, entries[i].UnitID, err)
			}
			if added {
				res.Added++
			} else {
				res.Updated++
			}
		}
		return ins.flush(ctx)
	})
	if err != nil {
		return AddResult{}, err
	}
	return res, nil
}

// inserter adds entries inside one transaction. New rows reach the trigram
// index (and the translations' index) in batches of indexBatch rows (and the rest at flush): FTS5 builds
// its index far faster from one large insert than from a trigger row by row,
// which flushes a new index segment at every statement; and indexing during
// the import rather than all at its end keeps it beside the parsing of the
// input instead of after it.
type inserter struct {
	tx             *sql.Tx
	insert, update *sql.Stmt
	index          *sql.Stmt
	targetIndex    *sql.Stmt           // the same rows into the translations' index
	indexed        int64               // rows with larger ids are not indexed yet
	last           int64               // largest id inserted
	grams          map[int64]int       // trigram counts of the new rows
	words          map[string]struct{} // targetWords of the new rows
	buf            []byte              // reused by targetWords
	keys           []int64             // reused by countGrams
}

// indexBatch is how many new rows go to the trigram index in one statement.
const indexBatch = 2048

func newInserter(ctx context.Context, tx *sql.Tx) (*inserter, error) {
	ins, err := tx.PrepareContext(ctx, `INSERT INTO tu(src_lang, tgt_lang, source, target, norm, norm_hash, pair_hash,
		article, unit_id, state, creator, created, changer, changed, extra)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(pair_hash) DO NOTHING`)
	if err != nil {
		return nil, err
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE tu SET article = ?, unit_id = ?, state = ?, changer = ?, changed = ?,
		extra = coalesce(?, extra) WHERE pair_hash = ? AND changed <= ?`)
	if err != nil {
		ins.Close()
		return nil, err
	}
	idx, err := tx.PrepareContext(ctx, `INSERT INTO tu_fts(rowid, norm) SELECT id, norm FROM tu WHERE id > ? AND id <= ?`)
	if err != nil {
		ins.Close()
		upd.Close()
		return nil, err
	}
	tidx, err := tx.PrepareContext(ctx, `INSERT INTO tu_tfts(rowid, target) SELECT id, target FROM tu WHERE id > ? AND id <= ?`)
	if err != nil {
		ins.Close()
		upd.Close()
		idx.Close()
		return nil, err
	}
	i := &inserter{tx: tx, insert: ins, update: upd, index: idx, targetIndex: tidx, grams: map[int64]int{}, words: map[string]struct{}{}}
	// the rows this transaction inserts reach the translations' index in
	// batches, not by trigger (targetIndex); flush takes the mark away
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta(key, value) VALUES ('batch', '1')`); err != nil {
		i.close()
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM tu`).Scan(&i.indexed); err != nil {
		i.close()
		return nil, err
	}
	i.last = i.indexed
	return i, nil
}

// indexNew adds the rows inserted since the last call to the trigram index.
func (i *inserter) indexNew(ctx context.Context) error {
	if i.last <= i.indexed {
		return nil
	}
	if _, err := i.index.ExecContext(ctx, i.indexed, i.last); err != nil {
		return err
	}
	if _, err := i.targetIndex.ExecContext(ctx, i.indexed, i.last); err != nil {
		return err
	}
	i.indexed = i.last
	return nil
}

// flush adds the remaining new rows to the trigram index, and the new rows'
// trigrams to the counts.
func (i *inserter) flush(ctx context.Context) error {
	if err := i.indexNew(ctx); err != nil {
		return err
	}
	if _, err := i.tx.ExecContext(ctx, `DELETE FROM meta WHERE key = 'batch'`); err != nil {
		return err
	}
	if err := addWords(ctx, i.tx, i.words); err != nil {
		return err
	}
	return addGrams(ctx, i.tx, i.grams)
}

func (i *inserter) close() {
	i.insert.Close()
	i.update.Close()
	i.index.Close()
	i.targetIndex.Close()
}

// prepared is an entry with what storing it needs computed, so that the
// computing can run beside the storing.
type prepared struct {
	e                  Entry
	src                int // index of the import source it came from
	norm               string
	normHash, pairHash int64
	extra              any  // JSON of e.TMX, or nil
	counted            bool // norm's trigrams are already in the counts, target's words in the inserter's
	err                error
}

func prepare(e Entry) prepared {
	p := prepared{e: e}
	if strings.TrimSpace(e.Source) == "" || strings.TrimSpace(e.Target) == "" {
		p.err = errors.New("empty source or target")
		return p
	}
	if e.SourceLang == "" || e.TargetLang == "" {
		p.err = errors.New("missing source or target language")
		return p
	}
	p.norm = normalize(e.Source)
	p.normHash = hash(p.norm)
	p.pairHash = hash(strings.ToLower(e.SourceLang), strings.ToLower(e.TargetLang), e.Source, e.Target)
	if !e.TMX.empty() {
		b, err := json.Marshal(e.TMX)
		if err != nil {
			p.err = err
			return p
		}
		p.extra = string(b)
	}
	return p
}

// add inserts e, or refreshes the provenance of the same pair; it reports
// whether a new row was made.
func (i *inserter) add(ctx context.Context, e *Entry) (bool, error) {
	p := prepare(*e)
	return i.addPrepared(ctx, &p)
}

func (i *inserter) addPrepared(ctx context.Context, p *prepared) (bool, error) {
	if p.err != nil {
		return false, p.err
	}
	e, norm, pair, extra := &p.e, p.norm, p.pairHash, p.extra
	changed := e.Changed
	if changed.IsZero() {
		changed = e.Created
	}
	res, err := i.insert.ExecContext(ctx, e.SourceLang, e.TargetLang, e.Source, e.Target, norm, p.normHash, pair,
		e.Article, e.UnitID, e.State, e.Creator, unix(e.Created), e.Changer, unix(e.Changed), extra)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		if !p.counted {
			i.countGrams(p.norm, 1)
			i.buf = targetWords(i.words, e.Target, i.buf)
		}
		if i.last, err = res.LastInsertId(); err != nil {
			return false, err
		}
		if i.last-i.indexed >= indexBatch {
			return true, i.indexNew(ctx)
		}
		return true, nil
	}
	if p.counted {
		i.countGrams(p.norm, -1) // counted, but the pair was there already
	}
	_, err = i.update.ExecContext(ctx, e.Article, e.UnitID, e.State, e.Changer, unix(changed), extra, pair, unix(changed))
	return false, err
}

// countGrams adds d to the counts of norm's trigrams.
func (i *inserter) countGrams(norm string, d int) {
	i.keys = gramKeys(i.keys[:0], norm)
	for _, k := range i.keys {
		i.grams[k] += d
	}
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnix(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}

const entryCols = `id, src_lang, tgt_lang, source, target, article, unit_id, state, creator, created, changer, changed, extra`

type scanner interface{ Scan(...any) error }

func scanEntry(s scanner) (Entry, error) {
	var e Entry
	var created, changed int64
	var extra sql.NullString
	if err := s.Scan(&e.ID, &e.SourceLang, &e.TargetLang, &e.Source, &e.Target, &e.Article, &e.UnitID, &e.State,
		&e.Creator, &created, &e.Changer, &changed, &extra); err != nil {
		return e, err
	}
	e.Created, e.Changed = fromUnix(created), fromUnix(changed)
	if extra.Valid {
		e.TMX = &TMXMeta{}
		if err := json.Unmarshal([]byte(extra.String), e.TMX); err != nil {
			return e, fmt.Errorf("entry %d: bad metadata: %w", e.ID, err)
		}
	}
	return e, nil
}

const exactSQL = `SELECT ` + entryCols + `, norm FROM tu WHERE norm_hash = ? ORDER BY changed DESC, id DESC`

// Exact returns the entries whose normalised source equals that of source,
// from sourceLang into targetLang (compared by primary language subtag),
// best first as every lookup ranks them: a source that is the text itself
// before one spelled otherwise, then what an editor approved, then the
// newest (see compareMatches).
func (m *Memory) Exact(ctx context.Context, sourceLang, targetLang, source string) ([]Entry, error) {
	norm := normalize(source)
	if norm == "" {
		return nil, nil
	}
	stmt, err := m.stmt(ctx, exactSQL)
	if err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	rows, err := stmt.QueryContext(ctx, hash(norm))
	if err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	defer rows.Close()
	var out []Entry
	sp, tp := primary(sourceLang), primary(targetLang)
	for rows.Next() {
		var e Entry
		var created, changed int64
		var extra sql.NullString
		var n string
		if err := rows.Scan(&e.ID, &e.SourceLang, &e.TargetLang, &e.Source, &e.Target, &e.Article, &e.UnitID, &e.State,
			&e.Creator, &created, &e.Changer, &changed, &extra, &n); err != nil {
			return nil, err
		}
		if n != norm || primary(e.SourceLang) != sp || primary(e.TargetLang) != tp {
			continue
		}
		e.Created, e.Changed = fromUnix(created), fromUnix(changed)
		if extra.Valid {
			e.TMX = &TMXMeta{}
			if err := json.Unmarshal([]byte(extra.String), e.TMX); err != nil {
				return nil, fmt.Errorf("entry %d: bad metadata: %w", e.ID, err)
			}
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return compareMatches(&a, 1, &b, 1) })
	preferSame(out, source)
	return out, nil
}

// Stats describes a memory.
type Stats struct {
	Path      string         `json:"path"`            // the memory's database file
	Entries   int            `json:"entries"`         // translation pairs, all language pairs together
	Pairs     map[string]int `json:"pairs"`           // entries per "src→tgt" language pair
	Articles  int            `json:"articles"`        // distinct articles the entries came from
	Oldest    time.Time      `json:"oldest,omitzero"` // earliest creation date; zero when no entry has one
	Newest    time.Time      `json:"newest,omitzero"` // latest creation or change date; zero when none
	FileBytes int64          `json:"file_bytes"`      // database file plus its write-ahead log
}

// BytesPerEntry is the file size divided by the number of entries.
func (s Stats) BytesPerEntry() float64 {
	if s.Entries == 0 {
		return 0
	}
	return float64(s.FileBytes) / float64(s.Entries)
}

// Stats counts the memory's entries.
func (m *Memory) Stats(ctx context.Context) (Stats, error) {
	s := Stats{Path: m.path, Pairs: map[string]int{}}
	rows, err := m.db.QueryContext(ctx, `SELECT src_lang, tgt_lang, count(*) FROM tu GROUP BY 1, 2`)
	if err != nil {
		return s, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	for rows.Next() {
		var src, tgt string
		var n int
		if err := rows.Scan(&src, &tgt, &n); err != nil {
			rows.Close()
			return s, err
		}
		s.Pairs[src+"→"+tgt] += n
		s.Entries += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s, err
	}
	var oldest, newest sql.NullInt64
	err = m.db.QueryRowContext(ctx, `SELECT count(DISTINCT nullif(article, '')), min(nullif(created, 0)), max(max(changed, created)) FROM tu`).
		Scan(&s.Articles, &oldest, &newest)
	if err != nil {
		return s, err
	}
	s.Oldest, s.Newest = fromUnix(oldest.Int64), fromUnix(newest.Int64)
	for _, p := range []string{m.path, m.path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			s.FileBytes += fi.Size()
		}
	}
	return s, nil
}
