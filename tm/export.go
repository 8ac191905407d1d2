package tm

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"bitext/tmx"
)

// ExportOptions select what ExportTMX writes. The zero value writes everything.
type ExportOptions struct {
	SourceLang string // only entries from this language (primary subtag)
	TargetLang string // only entries into this language
	Article    string // only entries from this article
}

// ExportTMX writes the memory's entries as TMX 1.4b, oldest first, and
// returns how many it wrote. Entries imported from TMX are written with the
// attributes, properties and notes they were read with.
func (m *Memory) ExportTMX(ctx context.Context, w io.Writer, opts ExportOptions) (int, error) {
	srcLang := "*all*"
	var langs []string
	rows, err := m.db.QueryContext(ctx, `SELECT DISTINCT src_lang FROM tu`)
	if err != nil {
		return 0, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			rows.Close()
			return 0, err
		}
		if opts.SourceLang == "" || primary(l) == primary(opts.SourceLang) {
			langs = append(langs, l)
		}
	}
	rows.Close()
	if len(langs) == 1 {
		srcLang = langs[0]
	}
	tw, err := tmx.NewWriter(w, tmx.Header{SrcLang: srcLang, CreationDate: time.Now().UTC().Truncate(time.Second),
		SegType: "sentence", OTMF: "bitext-sqlite"})
	if err != nil {
		return 0, err
	}
	rows, err = m.db.QueryContext(ctx, `SELECT `+entryCols+` FROM tu WHERE (?1 = '' OR article = ?1) ORDER BY id`, opts.Article)
	if err != nil {
		return 0, fmt.Errorf("translation memory %s: %w", m.path, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return n, err
		}
		if opts.SourceLang != "" && primary(e.SourceLang) != primary(opts.SourceLang) ||
			opts.TargetLang != "" && primary(e.TargetLang) != primary(opts.TargetLang) {
			continue
		}
		u := EntryTMX(&e)
		if err := tw.Write(&u); err != nil {
			return n, fmt.Errorf("entry %d: %w", e.ID, err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	return n, tw.Close()
}

// WriteTMX writes entries as a TMX 1.4b file with header h, each unit as
// EntryTMX makes it: with the provenance ExportTMX writes (article, unit id,
// state, editor, dates), which an import restores. It returns how many units
// it wrote. Characters XML 1.0 forbids are dropped from the texts, each
// reported to warn (nil: not reported), as the XLIFF writers drop them.
func WriteTMX(w io.Writer, h tmx.Header, entries []Entry, warn func(msg string)) (int, error) {
	tw, err := tmx.NewWriter(w, h)
	if err != nil {
		return 0, err
	}
	for i := range entries {
		e := entries[i]
		e.Source = xmlText(e.Source, e.UnitID, "source", warn)
		e.Target = xmlText(e.Target, e.UnitID, "target", warn)
		u := EntryTMX(&e)
		if err := tw.Write(&u); err != nil {
			return i, err
		}
	}
	return len(entries), tw.Close()
}

// xmlText drops from s the characters XML 1.0 forbids, telling warn of each.
func xmlText(s, unit, side string, warn func(string)) string {
	return strings.Map(func(r rune) rune {
		if tmx.XMLChar(r) {
			return r
		}
		if warn != nil {
			warn(fmt.Sprintf("unit %s: dropped character U+%04X from the TMX %s (XML 1.0 does not allow it)", unit, r, side))
		}
		return -1
	}, s)
}

// EntryTMX returns e as a TMX unit with a source and a target variant.
func EntryTMX(e *Entry) tmx.Unit {
	u := tmx.Unit{ID: e.UnitID, CreationDate: e.Created, CreationID: e.Creator, ChangeDate: e.Changed, ChangeID: e.Changer}
	if e.Article != "" {
		u.Props = append(u.Props, tmx.Prop{Type: PropArticle, Value: e.Article})
	}
	if e.State != "" {
		u.Props = append(u.Props, tmx.Prop{Type: PropState, Value: e.State})
	}
	src := tmx.Variant{Lang: e.SourceLang, Text: e.Source}
	tgt := tmx.Variant{Lang: e.TargetLang, Text: e.Target}
	if m := e.TMX; m != nil {
		u.SrcLang, u.UsageCount, u.LastUsage = m.SrcLang, m.UsageCount, m.LastUsage
		u.Props = append(u.Props, m.Props...)
		u.Notes = m.Notes
		setVariantMeta(&src, m.Source)
		setVariantMeta(&tgt, m.Target)
		if m.VariantDates && u.CreationDate.Equal(tgt.CreationDate) && u.CreationID == tgt.CreationID &&
			u.ChangeDate.Equal(tgt.ChangeDate) && u.ChangeID == tgt.ChangeID {
			// the file said them on the <tuv> only
			u.CreationDate, u.CreationID, u.ChangeDate, u.ChangeID = time.Time{}, "", time.Time{}, ""
		}
	}
	u.Variants = []tmx.Variant{src, tgt}
	return u
}

func setVariantMeta(v *tmx.Variant, m VariantMeta) {
	v.CreationDate, v.CreationID, v.ChangeDate, v.ChangeID = m.CreationDate, m.CreationID, m.ChangeDate, m.ChangeID
	v.Props, v.Notes = m.Props, m.Notes
}
