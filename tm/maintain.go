package tm

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"bitext/doc"
	"bitext/tmx"
)

// ErrNoEntry reports an entry id the memory does not hold.
var ErrNoEntry = errors.New("no such entry")

// Get returns the entry with the given id (as lookups and searches show it).
func (m *Memory) Get(ctx context.Context, id int64) (Entry, error) {
	e, err := scanEntry(m.db.QueryRowContext(ctx, `SELECT `+entryCols+` FROM tu WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("translation memory %s: #%d: %w", m.path, id, ErrNoEntry)
	}
	if err != nil {
		return e, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	return e, nil
}

// Remove deletes the entries with the given ids in one transaction: a wrong
// translation that got into the memory is offered no more. An id the
// memory does not hold is an error, and then nothing is removed.
func (m *Memory) Remove(ctx context.Context, ids []int64) error {
	return m.write(ctx, func(tx *sql.Tx) error {
		grams := map[int64]int{}
		var keys []int64
		for _, id := range ids {
			var norm string
			err := tx.QueryRowContext(ctx, `DELETE FROM tu WHERE id = ? RETURNING norm`, id).Scan(&norm)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("translation memory %s: #%d: %w", m.path, id, ErrNoEntry)
			}
			if err != nil {
				return fmt.Errorf("translation memory %s: %w", m.path, err)
			}
			keys = gramKeys(keys[:0], norm)
			for _, k := range keys {
				grams[k]--
			}
		}
		return dropGrams(ctx, tx, grams)
	})
}

// dropGrams subtracts counts (negative) from the trigram counts and forgets
// the trigrams no entry holds any more.
func dropGrams(ctx context.Context, tx *sql.Tx, counts map[int64]int) error {
	if err := addGrams(ctx, tx, counts); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM gram WHERE n <= 0`)
	return err
}

// Correct replaces the translation of entry id with target, as changed by
// who at when (now when zero), in state (e.g. "final"): the corrected pair
// is what lookups and translate offer from then on. When the memory holds
// the corrected pair already, the entry is removed and that pair takes the
// new provenance; Correct returns the id that holds the pair.
func (m *Memory) Correct(ctx context.Context, id int64, target, state, who string, when time.Time) (int64, error) {
	if strings.TrimSpace(target) == "" {
		return 0, errors.New("empty translation")
	}
	if when.IsZero() {
		when = time.Now().UTC().Truncate(time.Second)
	}
	e, err := m.Get(ctx, id)
	if err != nil {
		return 0, err
	}
	pair := hash(strings.ToLower(e.SourceLang), strings.ToLower(e.TargetLang), e.Source, target)
	holder := id
	err = m.write(ctx, func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM tu WHERE pair_hash = ? AND id != ?`, pair, id).Scan(&other)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		default:
			// the corrected pair is there already: keep one row of it
			if _, err := tx.ExecContext(ctx, `DELETE FROM tu WHERE id = ?`, id); err != nil {
				return err
			}
			norm := normalize(e.Source)
			grams := map[int64]int{}
			for _, k := range gramKeys(nil, norm) {
				grams[k]--
			}
			if err := dropGrams(ctx, tx, grams); err != nil {
				return err
			}
			holder = other
		}
		extra, err := correctedMeta(ctx, tx, holder)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE tu SET target = ?, pair_hash = ?, state = ?, changer = ?, changed = ?, extra = ? WHERE id = ?`,
			target, pair, state, who, unix(when), extra, holder)
		if err != nil {
			return err
		}
		return settleWords(ctx, tx)
	})
	if err != nil {
		return 0, fmt.Errorf("translation memory %s: #%d: %w", m.path, id, err)
	}
	return holder, nil
}

// propConfidence is the TMX property in which an aligner says how sure it
// was of a pairing.
const propConfidence = "x-alignment-confidence"

// correctedMeta returns the TMX metadata of entry id (JSON, or nil when
// none is left) without what described the translation a correction
// replaces: an aligner's confidence in the old pairing, its
// low-confidence flag and the number-mismatch flag of the old figures, and what the old target's <tuv> said.
func correctedMeta(ctx context.Context, tx *sql.Tx, id int64) (any, error) {
	var extra sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT extra FROM tu WHERE id = ?`, id).Scan(&extra); err != nil || !extra.Valid {
		return nil, err
	}
	var meta TMXMeta
	if err := json.Unmarshal([]byte(extra.String), &meta); err != nil {
		return nil, fmt.Errorf("entry %d: bad metadata: %w", id, err)
	}
	meta.Props = slices.DeleteFunc(meta.Props, func(p tmx.Prop) bool {
		return p.Type == propConfidence || p.Type == PropFlag && (p.Value == string(doc.FlagLowConfidence) || p.Value == string(doc.FlagNumberMismatch))
	})
	meta.Target = VariantMeta{}
	meta.VariantDates = false
	if meta.empty() {
		return nil, nil
	}
	b, err := json.Marshal(&meta)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// ArticleEntries returns the entries that came from article, in the order
// they were stored: what removing a withdrawn article's pairs takes away.
func (m *Memory) ArticleEntries(ctx context.Context, article string) ([]Entry, error) {
	rows, err := m.db.QueryContext(ctx, `SELECT `+entryCols+` FROM tu WHERE article = ? ORDER BY id`, article)
	if err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
