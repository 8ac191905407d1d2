package tm

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"bitext/tmx"
	"bitext/xliff"
)

// TMX property types that map onto entry columns.
const (
	PropArticle = "x-bitext-article"
	PropState   = "x-bitext-state"
)

// ImportOptions configure an import. The zero value is useful.
type ImportOptions struct {
	// SourceLang is the source language when the file does not say; "" means "ar".
	SourceLang string
	// TargetLang keeps only pairs into this language (primary subtag); "" keeps all.
	TargetLang string
	// Article is the provenance given to entries the file names no article for.
	Article string
	// Name is the file name used in error messages.
	Name string
	// All imports every XLIFF unit that has a target; by default only approved
	// ones (1.2 approved="yes" or state translated, signed-off or final; 2.x
	// state reviewed or final).
	All bool
	// Progress, when set, is called after every 1000 stored entries with the
	// number stored so far (inside the still-open transaction).
	Progress func(stored int)
}

// ImportResult counts what an import did.
type ImportResult struct {
	Format  string // "tmx" or "xliff"
	Added   int    // new pairs
	Updated int    // pairs already there, provenance refreshed
	Skipped int    // units without an approved target, without source text or in other languages
}

// ImportFile imports a TMX or XLIFF file, told apart by their root element.
// Errors name the file and, for bad content, the line.
func (m *Memory) ImportFile(ctx context.Context, path string, opts ImportOptions) (ImportResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportResult{}, err
	}
	defer f.Close()
	if opts.Article == "" && !strings.EqualFold(filepath.Ext(path), ".tmx") {
		opts.Article = filepath.Base(path)
	}
	opts.Name = path
	res, err := m.Import(ctx, f, opts)
	if err != nil && !strings.HasPrefix(err.Error(), path+":") {
		return res, fmt.Errorf("%s: %w", path, err)
	}
	return res, nil
}

// Import imports a TMX or XLIFF document from r in one transaction: when the
// document is bad, nothing is stored.
func (m *Memory) Import(ctx context.Context, r io.Reader, opts ImportOptions) (ImportResult, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	switch sniff(head) {
	case "tmx":
		return m.ImportTMX(ctx, br, opts)
	case "xliff":
		return m.ImportXLIFF(ctx, br, opts)
	}
	return ImportResult{}, errors.New("neither TMX nor XLIFF (no <tmx> or <xliff> root element)")
}

// sniff tells TMX from XLIFF by the first element name in head.
func sniff(head []byte) string {
	// UTF-16: drop the zero bytes, enough to find an ASCII element name.
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		head = bytes.ReplaceAll(head, []byte{0}, nil)
	}
	for i := 0; i < len(head); i++ {
		if head[i] != '<' || i+1 >= len(head) {
			continue
		}
		c := head[i+1]
		if c == '?' || c == '!' {
			continue
		}
		rest := head[i+1:]
		if j := bytes.IndexByte(rest, ':'); j >= 0 && j < bytes.IndexAny(rest, " \t\r\n>/") {
			rest = rest[j+1:] // a namespace prefix
		}
		switch {
		case bytes.HasPrefix(rest, []byte("tmx")):
			return "tmx"
		case bytes.HasPrefix(rest, []byte("xliff")):
			return "xliff"
		}
		return ""
	}
	return ""
}

// store runs the import loop: produce sends entries until it returns; the
// first error from either side rolls everything back.
func (m *Memory) store(ctx context.Context, opts ImportOptions, produce func(ctx context.Context, out chan<- Entry) error) (ImportResult, error) {
	var res ImportResult
	err := m.write(ctx, func(tx *sql.Tx) error {
		ins, err := newInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		// Parsing and storing run side by side: each takes about half the time.
		pctx, cancel := context.WithCancel(ctx)
		defer cancel()
		entries := make(chan Entry, 1024)
		ready := make(chan prepared, 1024)
		perr := make(chan error, 1)
		go func() {
			defer close(entries)
			perr <- produce(pctx, entries)
		}()
		// The preparing side also counts the trigrams, which would otherwise
		// be the storing side's largest cost after SQLite's; the storing side
		// takes back the counts of pairs that were there already.
		grams := map[int64]int{}
		go func() {
			defer close(ready)
			var keys []int64
			for e := range entries {
				p := prepare(e)
				if p.err == nil {
					keys = gramKeys(keys[:0], p.norm)
					for _, k := range keys {
						grams[k]++
					}
					p.counted = true
				}
				ready <- p
			}
		}()
		stored := 0
		for p := range ready {
			added, err := ins.addPrepared(ctx, &p)
			if err != nil {
				cancel()
				for range ready {
				}
				<-perr
				return fmt.Errorf("unit %q: %w", p.e.UnitID, err)
			}
			if added {
				res.Added++
			} else {
				res.Updated++
			}
			stored++
			if opts.Progress != nil && stored%1000 == 0 {
				opts.Progress(stored)
			}
		}
		if err := <-perr; err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		for k, n := range grams { // written before ready was closed
			ins.grams[k] += n
		}
		return ins.flush(ctx)
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

func send(ctx context.Context, out chan<- Entry, e Entry) error {
	select {
	case out <- e:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ImportTMX imports a TMX file in one transaction. Each unit gives one entry
// per language other than its source language.
func (m *Memory) ImportTMX(ctx context.Context, r io.Reader, opts ImportOptions) (ImportResult, error) {
	skipped := 0
	res, err := m.store(ctx, opts, func(ctx context.Context, out chan<- Entry) error {
		tr, err := tmx.NewReader(r)
		if err != nil {
			return err
		}
		h := tr.Header()
		for {
			u, err := tr.Next()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			es, skip := tmxEntries(u, h.SrcLang, opts)
			skipped += skip
			for _, e := range es {
				if err := send(ctx, out, e); err != nil {
					return err
				}
			}
		}
	})
	res.Format, res.Skipped = "tmx", skipped
	return res, err
}

func tmxEntries(u *tmx.Unit, headerSrc string, opts ImportOptions) ([]Entry, int) {
	srcLang := u.SrcLang
	if srcLang == "" || srcLang == "*all*" {
		srcLang = headerSrc
	}
	if srcLang == "" || srcLang == "*all*" {
		srcLang = opts.SourceLang
		if srcLang == "" {
			srcLang = "ar"
		}
	}
	src := u.Variant(srcLang)
	if src == nil {
		// The header's language spelled with another region or case.
		for i := range u.Variants {
			if primary(u.Variants[i].Lang) == primary(srcLang) {
				src = &u.Variants[i]
				break
			}
		}
	}
	if src == nil || strings.TrimSpace(src.Text) == "" {
		return nil, max(len(u.Variants)-1, 1)
	}
	base := Entry{UnitID: u.ID, Creator: u.CreationID, Created: u.CreationDate, Changer: u.ChangeID,
		Changed: u.ChangeDate, Article: opts.Article}
	meta := TMXMeta{SrcLang: u.SrcLang, UsageCount: u.UsageCount, LastUsage: u.LastUsage, Notes: u.Notes,
		Source: variantMeta(src)}
	for _, p := range u.Props {
		switch p.Type {
		case PropArticle:
			base.Article = p.Value
		case PropState:
			base.State = p.Value
		default:
			meta.Props = append(meta.Props, p)
		}
	}
	var out []Entry
	skipped := 0
	for i := range u.Variants {
		v := &u.Variants[i]
		if v == src {
			continue
		}
		if (opts.TargetLang != "" && primary(v.Lang) != primary(opts.TargetLang)) || strings.TrimSpace(v.Text) == "" {
			skipped++
			continue
		}
		e := base
		e.SourceLang, e.Source = src.Lang, src.Text
		e.TargetLang, e.Target = v.Lang, v.Text
		mm := meta
		mm.Target = variantMeta(v)
		if !mm.empty() {
			e.TMX = &mm
		}
		out = append(out, e)
	}
	if len(u.Variants) == 1 {
		skipped++
	}
	return out, skipped
}

func variantMeta(v *tmx.Variant) VariantMeta {
	return VariantMeta{CreationDate: v.CreationDate, CreationID: v.CreationID, ChangeDate: v.ChangeDate,
		ChangeID: v.ChangeID, Props: v.Props, Notes: v.Notes}
}

// ImportXLIFF imports the approved units of an XLIFF 1.2 or 2.x file (read
// with xliff.Read) in one transaction. Approved means approved="yes", state
// final or signed-off, 1.2 state translated (what bitext writes for a
// reviewed unit) or 2.x state reviewed or final; ImportOptions.All takes
// every unit with a target.
func (m *Memory) ImportXLIFF(ctx context.Context, r io.Reader, opts ImportOptions) (ImportResult, error) {
	name := opts.Name
	if name == "" {
		name = "XLIFF input"
	}
	f, err := xliff.Read(r, name)
	if err != nil {
		return ImportResult{Format: "xliff"}, err
	}
	srcLang := f.SourceLang
	if srcLang == "" {
		srcLang = opts.SourceLang
	}
	if srcLang == "" {
		srcLang = "ar"
	}
	if f.TargetLang == "" {
		return ImportResult{Format: "xliff"}, fmt.Errorf("%s: no target language in the file", name)
	}
	article := f.Original
	if article == "" {
		article = opts.Article
	}
	skipped := 0
	res, err := m.store(ctx, opts, func(ctx context.Context, out chan<- Entry) error {
		for _, u := range f.Units {
			state := XLIFFState(f.Version, &u)
			if !u.Translate || strings.TrimSpace(u.Source) == "" || strings.TrimSpace(u.Target) == "" ||
				(!opts.All && state != "reviewed" && state != "final") ||
				(opts.TargetLang != "" && primary(f.TargetLang) != primary(opts.TargetLang)) {
				skipped++
				continue
			}
			if err := send(ctx, out, Entry{SourceLang: srcLang, TargetLang: f.TargetLang, Source: u.Source, Target: u.Target,
				Article: article, UnitID: u.ID, State: state}); err != nil {
				return err
			}
		}
		return nil
	})
	res.Format, res.Skipped = "xliff", skipped
	return res, err
}

// XLIFFState says how far a unit of an XLIFF file of the given version has
// come, in bitext's states: "final" (final, signed-off), "reviewed"
// (approved="yes", 1.2 translated, 2.x reviewed), "machine" (any other
// target) or "new" (no target). A 2.x "translated" is what bitext writes for
// a machine draft, a 1.2 "translated" what it writes for a reviewed unit.
func XLIFFState(version string, u *xliff.Unit) string {
	switch {
	case strings.TrimSpace(u.Target) == "":
		return "new"
	case u.State == "final" || u.State == "signed-off":
		return "final"
	case u.Approved || u.State == "translated" && strings.HasPrefix(version, "1."):
		return "reviewed"
	}
	return "machine"
}
