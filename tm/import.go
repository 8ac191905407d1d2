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
	"slices"
	"strings"

	"bitext/doc"
	"bitext/tmx"
	"bitext/xliff"
)

// TMX property types that map onto entry columns.
const (
	PropArticle = tmx.PropArticle
	PropState   = tmx.PropState
)

// ImportOptions configure an import. The zero value is useful.
type ImportOptions struct {
	// SourceLang is the language pairs are stored from: a TMX unit that holds
	// it is read from it, whatever its srclang; for XLIFF, the source
	// language when the file does not say. "" means "ar".
	SourceLang string
	// TargetLang keeps only pairs into this language (primary subtag); "" keeps all.
	// It is also the target language of an XLIFF file that names none.
	TargetLang string
	// Article is the provenance given to entries the file names no article for.
	Article string
	// Name is the file name used in error messages.
	Name string
	// All imports every XLIFF unit that has a target; by default only those
	// the editor approved, as 'bitext review' counts them (xliff.Unit.Approved:
	// 1.2 approved="yes" or state signed-off or final; 2.x state reviewed or
	// final in every segment). It also imports the TMX pairs an aligner
	// flagged as uncertain (see Entry.LowConfidence) or as giving other
	// figures than their source (number-mismatch), which are left out by
	// default; they keep their flag.
	All bool
	// Gist makes again the word-by-word gist of an XLIFF unit whose file
	// lost bitext's draft (see xliff.File.StillGist); nil judges such units
	// by the gist's marks alone. A unit still holding the gist is never
	// imported unless the editor approved it.
	Gist xliff.GistFunc
	// Progress, when set, is called after every 1000 stored entries with the
	// number stored so far (inside the still-open transaction).
	Progress func(stored int)
}

// ImportResult counts what an import did.
type ImportResult struct {
	Format  string `json:"format"`  // "tmx" or "xliff"
	Added   int    `json:"added"`   // new pairs
	Updated int    `json:"updated"` // pairs already there, provenance refreshed
	Skipped int    `json:"skipped"` // pairs left out: the sum of the reasons below
	Skips          // the pairs left out, by reason
}

// Skips counts the pairs an import left out, by reason; each is counted
// under one reason only, the first that applies in this order.
type Skips struct {
	// Boilerplate counts the XLIFF units marked translate="no" (web
	// furniture around an article, never translated).
	Boilerplate int `json:"skipped_boilerplate"`
	// Untranslated counts the units or pairs without source or target text,
	// and those whose target is a copy of the source.
	Untranslated int `json:"skipped_untranslated"`
	// OtherLanguage counts the pairs into another language than
	// ImportOptions.TargetLang.
	OtherLanguage int `json:"skipped_other_language"`
	// Gist counts the XLIFF units still holding the word-by-word gist,
	// which are never imported unless approved.
	Gist int `json:"skipped_gist"`
	// NotApproved counts the other XLIFF units the editor did not
	// approve, which ImportOptions.All imports.
	NotApproved int `json:"skipped_not_approved"`
	// LowConfidence counts the TMX pairs an aligner flagged as uncertain,
	// which ImportOptions.All imports.
	LowConfidence int `json:"skipped_low_confidence"`
	// NumberMismatch counts the TMX pairs an aligner flagged as giving
	// other figures than their source (a toll or a date given otherwise),
	// which ImportOptions.All imports.
	NumberMismatch int `json:"skipped_number_mismatch"`
}

// Total is the number of pairs left out.
func (s Skips) Total() int {
	return s.Boilerplate + s.Untranslated + s.OtherLanguage + s.Gist + s.NotApproved + s.LowConfidence + s.NumberMismatch
}

func (s *Skips) add(o Skips) {
	s.Boilerplate += o.Boilerplate
	s.Untranslated += o.Untranslated
	s.OtherLanguage += o.OtherLanguage
	s.Gist += o.Gist
	s.NotApproved += o.NotApproved
	s.LowConfidence += o.LowConfidence
	s.NumberMismatch += o.NumberMismatch
}

// ImportFile imports a TMX or XLIFF file, told apart by their root element,
// in one transaction. Errors name the file and, for bad content, the line.
func (m *Memory) ImportFile(ctx context.Context, path string, opts ImportOptions) (ImportResult, error) {
	res, err := m.ImportFiles(ctx, []string{path}, opts)
	if err != nil {
		return ImportResult{}, err
	}
	return res[0], nil
}

// ImportFiles imports TMX and XLIFF files in one transaction: when any of
// them cannot be read or is bad, nothing is stored. It returns one result
// per file, in order. Errors name the file and, for bad content, the line.
// An XLIFF file that names no article gets its file name as provenance
// unless opts.Article says otherwise; opts.Name is not used.
func (m *Memory) ImportFiles(ctx context.Context, paths []string, opts ImportOptions) ([]ImportResult, error) {
	srcs := make([]*source, 0, len(paths))
	for _, path := range paths {
		o := opts
		if o.Article == "" && !strings.EqualFold(filepath.Ext(path), ".tmx") {
			o.Article = filepath.Base(path)
		}
		o.Name = path
		src, err := openFile(path, o)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, src)
	}
	return m.store(ctx, opts, srcs)
}

// openFile checks a file before anything is stored: an XLIFF file is read
// whole, a TMX file up to its first unit and again while storing, so that
// one file at a time is open however many are imported.
func openFile(path string, opts ImportOptions) (*source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := newSource(f, opts)
	if err != nil {
		return nil, src.inFile(err)
	}
	if src.format == "tmx" {
		src.entries = func(ctx context.Context, emit func(Entry) error) error {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			again := &source{name: path, format: "tmx"}
			if err := again.openTMX(f, opts); err != nil {
				return err
			}
			err = again.entries(ctx, emit)
			src.skips = again.skips
			return err
		}
	}
	return src, nil
}

// Import imports a TMX or XLIFF document from r in one transaction: when the
// document is bad, nothing is stored.
func (m *Memory) Import(ctx context.Context, r io.Reader, opts ImportOptions) (ImportResult, error) {
	src, err := newSource(r, opts)
	if err != nil {
		return ImportResult{Format: src.format}, src.inFile(err)
	}
	return m.storeOne(ctx, opts, src)
}

// source is one document of an import, its header (for XLIFF, all of it)
// read and checked before anything is stored.
type source struct {
	name   string // file name for messages; "" when reading from a stream
	format string // "tmx" or "xliff"
	skips  Skips  // what entries left out, and why
	// entries sends the document's entries to emit, in order.
	entries func(ctx context.Context, emit func(Entry) error) error
}

// inFile makes err name the source's file, unless it does already.
func (s *source) inFile(err error) error {
	if err == nil || s.name == "" || strings.HasPrefix(err.Error(), s.name+":") {
		return err
	}
	return fmt.Errorf("%s: %w", s.name, err)
}

// newSource tells TMX from XLIFF by the root element and opens the document.
// The returned source is never nil, so that errors can name its file.
func newSource(r io.Reader, opts ImportOptions) (*source, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	src := &source{name: opts.Name, format: sniff(head)}
	var err error
	switch src.format {
	case "tmx":
		err = src.openTMX(br, opts)
	case "xliff":
		err = src.openXLIFF(br, opts)
	default:
		err = errors.New("neither TMX nor XLIFF (no <tmx> or <xliff> root element)")
	}
	return src, err
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

// storeOne stores one source, for the single-document imports.
func (m *Memory) storeOne(ctx context.Context, opts ImportOptions, src *source) (ImportResult, error) {
	res, err := m.store(ctx, opts, []*source{src})
	if err != nil {
		return ImportResult{Format: src.format}, err
	}
	return res[0], nil
}

// sourced is an entry and the index of the source it came from.
type sourced struct {
	e   Entry
	src int
}

// store runs the import loop over every source in one transaction: the first
// error from reading or storing any of them rolls everything back.
func (m *Memory) store(ctx context.Context, opts ImportOptions, srcs []*source) ([]ImportResult, error) {
	res := make([]ImportResult, len(srcs))
	err := m.write(ctx, func(tx *sql.Tx) error {
		ins, err := newInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		// Parsing and storing run side by side: each takes about half the time.
		pctx, cancel := context.WithCancel(ctx)
		defer cancel()
		entries := make(chan sourced, 1024)
		ready := make(chan prepared, 1024)
		perr := make(chan error, 1)
		go func() {
			defer close(entries)
			perr <- func() error {
				for i, s := range srcs {
					err := s.entries(pctx, func(e Entry) error { return send(pctx, entries, sourced{e, i}) })
					if err != nil {
						return s.inFile(err)
					}
				}
				return nil
			}()
		}()
		// The preparing side also counts the trigrams, which would otherwise
		// be the storing side's largest cost after SQLite's; the storing side
		// takes back the counts of pairs that were there already.
		grams := map[int64]int{}
		words := map[string]struct{}{}
		go func() {
			defer close(ready)
			var keys []int64
			var buf []byte
			for se := range entries {
				p := prepare(se.e)
				p.src = se.src
				if p.err == nil {
					keys = gramKeys(keys[:0], p.norm)
					for _, k := range keys {
						grams[k]++
					}
					buf = targetWords(words, p.e.Target, buf)
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
				return srcs[p.src].inFile(fmt.Errorf("unit %q: %w", p.e.UnitID, err))
			}
			if added {
				res[p.src].Added++
			} else {
				res[p.src].Updated++
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
		for w := range words {
			ins.words[w] = struct{}{}
		}
		return ins.flush(ctx)
	})
	if err != nil {
		return nil, err
	}
	for i, s := range srcs {
		res[i].Format, res[i].Skipped, res[i].Skips = s.format, s.skips.Total(), s.skips
	}
	return res, nil
}

func send[T any](ctx context.Context, out chan<- T, v T) error {
	select {
	case out <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ImportTMX imports a TMX file in one transaction. Each unit gives one entry
// per language other than its source language.
func (m *Memory) ImportTMX(ctx context.Context, r io.Reader, opts ImportOptions) (ImportResult, error) {
	src := &source{name: opts.Name, format: "tmx"}
	if err := src.openTMX(r, opts); err != nil {
		return ImportResult{Format: "tmx"}, src.inFile(err)
	}
	return m.storeOne(ctx, opts, src)
}

// openTMX reads the TMX header; the units are read as they are stored.
func (s *source) openTMX(r io.Reader, opts ImportOptions) error {
	tr, err := tmx.NewReader(r)
	if err != nil {
		return err
	}
	h := tr.Header()
	s.entries = func(ctx context.Context, emit func(Entry) error) error {
		for {
			u, err := tr.Next()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			es, skip := tmxEntries(u, h.SrcLang, opts)
			s.skips.add(skip)
			for _, e := range es {
				if err := emit(e); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// tmxEntries returns the pairs of a TMX unit to store, and what it leaves
// out and why.
func tmxEntries(u *tmx.Unit, headerSrc string, opts ImportOptions) ([]Entry, Skips) {
	want := opts.SourceLang
	if want == "" {
		want = "ar"
	}
	// A unit is a pair whichever way it was translated: one holding the
	// import's source language is read from it, so that a memory made
	// translating English wires into Arabic serves Arabic to English.
	src := variantIn(u, want)
	if src == nil {
		srcLang := u.SrcLang
		if srcLang == "" || srcLang == "*all*" {
			srcLang = headerSrc
		}
		if srcLang == "" || srcLang == "*all*" {
			srcLang = want
		}
		src = variantIn(u, srcLang)
	}
	if src == nil || strings.TrimSpace(src.Text) == "" {
		return nil, Skips{Untranslated: max(len(u.Variants)-1, 1)}
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
	if !opts.All && !approved(base.State) && lowConfidence(u.Props) {
		// an uncertain pairing is no translation to reuse unless asked for
		return nil, Skips{LowConfidence: max(len(u.Variants)-1, 1)}
	}
	if !opts.All && !approved(base.State) && flagged(u.Props, doc.FlagNumberMismatch) {
		// nor is one whose figures differ: a memory must not hand on
		// another toll or date than its source's
		return nil, Skips{NumberMismatch: max(len(u.Variants)-1, 1)}
	}
	var out []Entry
	var skip Skips
	for i := range u.Variants {
		v := &u.Variants[i]
		if v == src {
			continue
		}
		switch {
		case opts.TargetLang != "" && primary(v.Lang) != primary(opts.TargetLang):
			skip.OtherLanguage++
			continue
		case strings.TrimSpace(v.Text) == "" || sourceCopy(src.Text, v.Text):
			// a copy of the source is a segment left untranslated
			skip.Untranslated++
			continue
		}
		e := base
		e.SourceLang, e.Source = src.Lang, src.Text
		e.TargetLang, e.Target = v.Lang, v.Text
		mm := meta
		mm.Target = variantMeta(v)
		if fromVariant(&e, v) {
			mm.VariantDates = true
		}
		if !mm.empty() {
			e.TMX = &mm
		}
		out = append(out, e)
	}
	if len(u.Variants) == 1 {
		skip.Untranslated++
	}
	return out, skip
}

// variantIn returns u's variant in lang, also when spelled with another
// region or case (ar-SA for ar), or nil.
func variantIn(u *tmx.Unit, lang string) *tmx.Variant {
	if v := u.Variant(lang); v != nil {
		return v
	}
	for i := range u.Variants {
		if primary(u.Variants[i].Lang) == primary(lang) {
			return &u.Variants[i]
		}
	}
	return nil
}

// fromVariant gives e the dates and editors of its target variant when the
// unit has none of its own, as OmegaT and others write them (on the <tuv>
// of the translation), and reports whether it did.
func fromVariant(e *Entry, v *tmx.Variant) bool {
	if !e.Created.IsZero() || e.Creator != "" || !e.Changed.IsZero() || e.Changer != "" {
		return false
	}
	e.Created, e.Creator, e.Changed, e.Changer = v.CreationDate, v.CreationID, v.ChangeDate, v.ChangeID
	return !e.Created.IsZero() || e.Creator != "" || !e.Changed.IsZero() || e.Changer != ""
}

func variantMeta(v *tmx.Variant) VariantMeta {
	return VariantMeta{CreationDate: v.CreationDate, CreationID: v.CreationID, ChangeDate: v.ChangeDate,
		ChangeID: v.ChangeID, Props: v.Props, Notes: v.Notes}
}

// ImportXLIFF imports the approved units of an XLIFF 1.2 or 2.x file (read
// with xliff.Read) in one transaction. Approved means approved="yes", state
// final or signed-off, or 2.x state reviewed or final: a 1.2 translated is a
// translation no one has approved yet. ImportOptions.All takes every unit
// with a target but those still holding the word-by-word gist.
func (m *Memory) ImportXLIFF(ctx context.Context, r io.Reader, opts ImportOptions) (ImportResult, error) {
	src := &source{name: opts.Name, format: "xliff"}
	if err := src.openXLIFF(r, opts); err != nil {
		return ImportResult{Format: "xliff"}, src.inFile(err)
	}
	return m.storeOne(ctx, opts, src)
}

// openXLIFF reads and checks the whole XLIFF file.
func (s *source) openXLIFF(r io.Reader, opts ImportOptions) error {
	name := opts.Name
	if name == "" {
		name = "XLIFF input"
	}
	f, err := xliff.Read(r, name)
	if err != nil {
		return err
	}
	srcLang := f.SourceLang
	if srcLang == "" {
		srcLang = opts.SourceLang
	}
	if srcLang == "" {
		srcLang = "ar"
	}
	tgtLang := f.TargetLang
	if tgtLang == "" {
		// optional in XLIFF 1.2, and left out by some tools
		tgtLang = opts.TargetLang
	}
	if tgtLang == "" {
		return fmt.Errorf("%s: no target language in the file: give it to the import (--target-lang)", name)
	}
	article := f.Original
	if article == "" {
		article = opts.Article
	}
	s.entries = func(ctx context.Context, emit func(Entry) error) error {
		for _, u := range f.Units {
			state := XLIFFState(f.Version, &u)
			// One reason each, the one that --all does not lift first: a
			// gist is told as such, not as merely unapproved.
			switch {
			case !u.Translate:
				s.skips.Boilerplate++
				continue
			case strings.TrimSpace(u.Source) == "" || strings.TrimSpace(u.Target) == "" || sourceCopy(u.Source, u.Target) || len(u.MissingSegments) > 0:
				// a copy of the source is what a CAT tool starts from, not a
				// translation; nor is a translation of part of the sentence
				s.skips.Untranslated++
				continue
			case opts.TargetLang != "" && primary(tgtLang) != primary(opts.TargetLang):
				s.skips.OtherLanguage++
				continue
			case !u.Approved && f.StillGist(&u, opts.Gist):
				s.skips.Gist++
				continue
			case !u.Approved && !opts.All && uncertain(&u, state):
				s.skips.LowConfidence++
				continue
			case !u.Approved && !opts.All:
				s.skips.NotApproved++
				continue
			}
			e := Entry{SourceLang: srcLang, TargetLang: tgtLang, Source: u.Source, Target: u.Target,
				Article: article, UnitID: u.ID, State: state}
			if uncertain(&u, state) {
				// an uncertain pairing no editor approved is no reviewed
				// pair, whatever state the aligner's file gave it: it
				// keeps the flag and comes last in lookups, as from TMX
				e.State = string(doc.StateMachine)
				e.TMX = &TMXMeta{Props: []tmx.Prop{{Type: PropFlag, Value: string(doc.FlagLowConfidence)}}}
			}
			if err := emit(e); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// uncertain reports whether an XLIFF unit is a pairing an aligner flagged
// low-confidence that no editor has approved since.
func uncertain(u *xliff.Unit, state string) bool {
	return slices.Contains(u.Flags, doc.FlagLowConfidence) && !u.Approved && state != string(doc.StateFinal)
}

// sourceCopy reports whether target is the source copied into it, spaces
// aside: review counts such a unit as untranslated.
func sourceCopy(source, target string) bool {
	return strings.Join(strings.Fields(source), " ") == strings.Join(strings.Fields(target), " ")
}

// XLIFFState says how far a unit of an XLIFF file of the given version has
// come, in bitext's states: "final" (final, signed-off), "reviewed"
// (approved="yes", 1.2 translated, 2.x reviewed), "machine" (any other
// target) or "new" (no target). A 2.x "translated" is what bitext writes for
// a machine draft, a 1.2 "translated" what it writes for a reviewed unit.
func XLIFFState(version string, u *xliff.Unit) string {
	state, _, _ := u.EditorMarks(version)
	switch {
	case strings.TrimSpace(u.Target) == "":
		return "new"
	case state == "final" || state == "signed-off":
		return "final"
	case u.Approved || state == "translated" && strings.HasPrefix(version, "1."):
		return "reviewed"
	}
	return "machine"
}
