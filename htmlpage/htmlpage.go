// Package htmlpage writes a bitext as one self-contained side-by-side HTML page:
// English on the left, the Arabic original on the right, each sentence level
// with its partner, glossary names marked, and units that need an editor's
// attention flagged unless the page is written for publishing.
//
// The page needs no script, loads nothing from the network and carries a strict
// Content-Security-Policy. Everything taken from the bitext is escaped by
// html/template; the package never builds HTML from strings itself.
package htmlpage

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"bitext/doc"
	"bitext/figures"
)

// Options configure the page. The zero value gives the default page with flags shown.
type Options struct {
	Title     string // page title; default: the translated headline (the original one when the English is a gist), else the source file name without extension
	Source    string // publication the article comes from, e.g. "AFP"
	SourceURL string // link to the original article; only http(s) links are kept (others are left off with a warning)
	Date      string // publication date as shown; YYYY-MM-DD or RFC 3339 also fills <time datetime>
	// Clean leaves out everything meant for editors (flags, boilerplate, the
	// flag legend): the page as a newsroom publishes it.
	Clean bool
	// Template replaces the default page template; see LoadTemplate. Nil: the default.
	Template *template.Template
	// Warn receives one message for a page from which characters HTML does
	// not allow (controls, noncharacters) were dropped; nil: no message.
	Warn func(msg string)
}

// Page is the data a template receives. Newsroom templates use these fields.
type Page struct {
	Title string // Options.Title, else the headline (see Options.Title), else the file name or "Bilingual article"
	// TitleLang and TitleDir are the title's language and direction when it
	// is written in Arabic (its first letter; the original headline when its
	// English is only a gist, or a title given so); else "", the page's own.
	TitleLang  string
	TitleDir   string // "rtl" or "ltr", the direction of TitleLang
	Source     string // Options.Source
	SourceURL  string // Options.SourceURL when it is an http(s) link; else ""
	Date       string // Options.Date, as given
	DateTime   string // Date in machine-readable form, or "" when Date is not a recognised date
	SourceLang string // the bitext's source language; "ar" when it names none
	TargetLang string // the bitext's target language; "en" when it names none
	Engine     string // engine that produced the machine translations; "" or "none" when none did
	Clean      bool   // Options.Clean: the page as published, without what is meant for editors
	Flagged    int    // units flagged for attention (0 when Clean)
	Gist       int    // units whose English is a word-by-word gist: the page says so, even when Clean
	Reviewed   int    // units an editor edited, wrote or approved
	Machine    int    // units still holding the machine translation nobody reviewed
	Memory     int    // units still holding a translation memory's match nobody reviewed
	// Credit says who made the English on the page, from the units' states
	// (Reviewed, Machine, Memory, Gist); "" when no unit has English, or
	// when all of it is gist, which the page's banner says instead.
	Credit string
	// Blocks are the article's blocks in order, boilerplate left out when
	// Clean; see Body for those below the header.
	Blocks []Block
	// Headline is the headline's row when it is the page's title (the first
	// block, a heading of one row, whose English, or original when
	// HeadlineSource, is Title): the header shows it, with its partner, as
	// the <h1>, and the blocks start after it (see Body). Else nil.
	Headline       *Row
	HeadlineSource bool // the headline's original is the title, its English only a gist
	// CSS is the default stylesheet, StyleHash its CSP source ('sha256-…')
	// and CSP the Content-Security-Policy that allows exactly it. A template
	// that loads its own assets writes its own policy and adds StyleHash to
	// its style-src.
	CSS       template.CSS
	StyleHash string // 'sha256-…' of CSS, for a style-src
	CSP       string // the page's Content-Security-Policy

	// SourceNameLang and DateLang are "ar" (or the source language) when
	// Source or Date is written in Arabic (its first letter), for the
	// byline to mark it so, right to left; else "", the page's own.
	SourceNameLang, DateLang string
}

// Block is a heading or a paragraph: a group of rows.
type Block struct {
	Kind doc.Kind // heading, paragraph or boilerplate
	Rows []Row    // one per unit, in document order
}

// Row is one aligned unit: a source sentence (or a few) and its translation.
type Row struct {
	// ID is the unit's id, the id of the row's English cell: a link to
	// page.html#ID scrolls there in every layout (the row itself is only a
	// grouping, without a box of its own, so the browser cannot scroll to it).
	ID     string
	State  doc.State   // the unit's state, which says whether the English was reviewed
	Source Cell        // the original (Arabic) side
	Target Cell        // the translation (English) side; no spans when there is none
	Flags  []FlagLabel // when the page is clean, only "no translation" or "gist only"
}

// FlagLabel is a flag as a reader sees it.
type FlagLabel struct {
	Name  string // doc.Flag or state, used as CSS class
	Label string // short text shown on the page
	Title string // longer explanation shown as tooltip
}

// Cell is the text of one side of a row.
type Cell struct {
	Lang  string // BCP 47 tag of the side, for the lang attribute
	Dir   string // "rtl" or "ltr"
	Spans []Span // the text in order; none when the side is empty
}

// Empty reports whether the cell has no text.
func (c Cell) Empty() bool { return len(c.Spans) == 0 }

// Span is a piece of a cell: a glossary name (Term != nil) or plain text.
type Span struct {
	Term *Term // the glossary name; nil for plain text
	Runs []Run // the span's text, cut where its direction changes
}

// Run is text, isolated for bidi when it is in the other script's direction
// (a Latin name inside Arabic, an Arabic name inside English).
type Run struct {
	Text    string // plain text; the template escapes it
	Isolate bool   // in the other direction than its cell: the page writes it in <bdi>
	// Lang is an isolated run's language: the other side's, whose script it
	// is written in, so that a screen reader switches voice; "" when the two
	// sides share a direction (the script does not tell) or not isolated.
	Lang string
}

// Term is a glossary name marked in a cell.
type Term struct {
	Ar, En, Type, Note string // the glossary entry's Arabic, English, type and note (see doc.TermHit)
	Tooltip            string // what the page shows on hover: "English — Arabic (type): note"
}

// Write renders b as HTML to w. Everything taken from b and opts is escaped,
// and characters HTML does not allow are dropped (see Options.Warn).
func Write(w io.Writer, b *doc.Bitext, opts Options) error {
	if b == nil {
		return errors.New("htmlpage: nil bitext")
	}
	p := build(b, opts)
	if opts.Warn != nil && p.SourceURL == "" && strings.TrimSpace(opts.SourceURL) != "" {
		opts.Warn(fmt.Sprintf("source URL %q left off the page: only http and https links are kept", opts.SourceURL))
	}
	var d dropper
	cleanPage(&p, &d)
	if msg := d.warning(articleName(b)); msg != "" && opts.Warn != nil {
		opts.Warn(msg)
	}
	t := opts.Template
	if t == nil {
		t = defaultTemplate
	}
	if err := t.Execute(w, p); err != nil {
		return fmt.Errorf("htmlpage: %w", err)
	}
	return nil
}

// LoadTemplate reads a newsroom page template (html/template syntax) from path.
// The file may call the default page's parts: {{template "bitext-head" .}}
// inside <head> (meta tags, CSP and stylesheet), {{template "bitext-article" .}}
// for the header, legend and the bilingual text, or the smaller parts
// "bitext-meta", "bitext-style", "bitext-header", "bitext-legend",
// "bitext-blocks"; the data is a Page. The file's own text is the page.
// When the title is the headline (Page.Headline), "bitext-header" shows its
// row and "bitext-blocks" the blocks after it.
func LoadTemplate(path string) (*template.Template, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	return ParseTemplate(path, string(data))
}

// ParseTemplate is LoadTemplate for a template already in memory; name is
// used in error messages. A template of white space only is refused: it
// would write an empty page.
func ParseTemplate(name, text string) (*template.Template, error) {
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("template %s is empty", name)
	}
	base, err := baseTemplate.Clone()
	if err != nil {
		return nil, err
	}
	t, err := base.New(filepath.Base(name)).Parse(text)
	if err != nil {
		return nil, err // it reads "template: NAME:LINE: ..." already
	}
	return t, nil
}

func build(b *doc.Bitext, opts Options) Page {
	p := Page{
		Title:      opts.Title,
		Source:     opts.Source,
		SourceURL:  safeURL(opts.SourceURL),
		Date:       opts.Date,
		DateTime:   machineDate(opts.Date),
		SourceLang: orDefault(b.SourceLang, "ar"),
		TargetLang: orDefault(b.TargetLang, "en"),
		Engine:     b.Engine,
		Clean:      opts.Clean,
		CSS:        template.CSS(css),
		StyleHash:  styleHash(css),
		CSP:        csp,
	}
	if p.Title == "" && len(b.Units) > 0 && b.Units[0].Kind == doc.Heading {
		h := &b.Units[0]
		if h.State == doc.StateGist {
			// a gist is no translation: the original headline is the honest title
			if p.Title = strings.TrimSpace(h.Source); p.Title != "" {
				p.TitleLang, p.TitleDir = p.SourceLang, direction(p.SourceLang)
			}
		} else {
			p.Title = strings.TrimSpace(h.Target)
		}
	}
	if p.Title == "" {
		name := articleName(b)
		p.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		if p.Title == "" || p.Title == "." || p.Title == "stdin" {
			p.Title = "Bilingual article"
		}
	}
	if p.TitleLang == "" && arabicFirst(p.Title) {
		// A title given in Arabic (flag, front matter, an editor's headline)
		// needs its own direction, or the page's ltr garbles its punctuation.
		p.TitleLang, p.TitleDir = arabicLang(p.SourceLang), "rtl"
	}
	// The same for the byline, and for a screen reader's voice.
	if arabicFirst(p.Source) {
		p.SourceNameLang = arabicLang(p.SourceLang)
	}
	if arabicFirst(p.Date) {
		p.DateLang = arabicLang(p.SourceLang)
	}
	srcDir, tgtDir := direction(p.SourceLang), direction(p.TargetLang)
	otherSrc, otherTgt := "", "" // the language of each cell's isolated runs
	if srcDir != tgtDir {
		otherSrc, otherTgt = p.TargetLang, p.SourceLang
	}
	prevBlock := -1
	for i := range b.Units {
		u := &b.Units[i]
		if opts.Clean && u.Kind == doc.Boilerplate {
			continue
		}
		if len(p.Blocks) == 0 || u.Block != prevBlock || p.Blocks[len(p.Blocks)-1].Kind != u.Kind {
			p.Blocks = append(p.Blocks, Block{Kind: u.Kind})
			prevBlock = u.Block
		}
		src, tgt := termRanges(b.Source, u)
		r := Row{
			ID:     u.ID,
			State:  u.State,
			Source: Cell{Lang: p.SourceLang, Dir: srcDir, Spans: spans(u.Source, src, srcDir, otherSrc)},
			Target: Cell{Lang: p.TargetLang, Dir: tgtDir, Spans: spans(u.Target, tgt, tgtDir, otherTgt)},
		}
		if u.Kind != doc.Boilerplate && strings.TrimSpace(u.Target) != "" {
			switch u.State {
			case doc.StateGist:
				p.Gist++
			case doc.StateMachine:
				p.Machine++
			case doc.StateMemory:
				p.Memory++
			case doc.StateReviewed, doc.StateFinal:
				p.Reviewed++
			}
		}
		if !opts.Clean && u.Kind != doc.Boilerplate {
			r.Flags = flagLabels(u)
			if len(r.Flags) > 0 {
				p.Flagged++
			}
		} else if u.Kind != doc.Boilerplate {
			r.Flags = readerLabels(u)
		}
		blk := &p.Blocks[len(p.Blocks)-1]
		blk.Rows = append(blk.Rows, r)
	}
	// The headline the title was taken from is shown once, as the title.
	if len(p.Blocks) > 0 && len(b.Units) > 0 && b.Units[0].Kind == doc.Heading {
		blk, h := &p.Blocks[0], &b.Units[0]
		if blk.Kind == doc.Heading && len(blk.Rows) == 1 && blk.Rows[0].ID == h.ID {
			switch {
			case h.State != doc.StateGist && strings.TrimSpace(h.Target) == p.Title:
				p.Headline = &blk.Rows[0]
			case h.State == doc.StateGist && strings.TrimSpace(h.Source) == p.Title:
				p.Headline, p.HeadlineSource = &blk.Rows[0], true
			}
		}
	}
	p.Credit = credit(p)
	return p
}

// Body is the blocks below the header: Blocks without the headline when the
// header shows it (see Headline).
func (p Page) Body() []Block {
	if p.Headline != nil {
		return p.Blocks[1:]
	}
	return p.Blocks
}

// credit describes where the English on the page came from, as its units'
// states tell: an editor's work is credited as such even when the file
// names the engine that made the drafts the editor replaced.
func credit(p Page) string {
	engine := ""
	if p.Engine != "" && p.Engine != "none" && p.Engine != "gist" {
		engine = " (" + p.Engine + ")"
	}
	total := p.Reviewed + p.Machine + p.Memory + p.Gist
	switch total {
	case 0, p.Gist:
		return "" // nothing, or only the gist the banner speaks of
	case p.Reviewed:
		return "Translation reviewed by an editor."
	case p.Machine:
		return "Translated by machine" + engine + "."
	case p.Memory:
		return "Translated from the translation memory."
	}
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(p.Reviewed, "reviewed by an editor")
	add(p.Machine, "translated by machine"+engine+", not reviewed")
	add(p.Memory, "from the translation memory, not reviewed")
	add(p.Gist, "only a word-by-word gist")
	// two kinds at least, so two sentences at least
	return "Of the " + fmt.Sprint(total) + " translated sentences, " + strings.Join(parts, "; ") + "."
}

// articleName is the name of the article's file, "" when unknown.
func articleName(b *doc.Bitext) string {
	if b.Name == "" && b.Source != nil {
		return b.Source.Name
	}
	return b.Name
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// direction is the writing direction of a language tag's script.
// arabicFirst reports whether the first letter of s is in the Arabic script,
// which makes s a right-to-left text as the browser's first-strong rule reads it.
func arabicFirst(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Arabic, r)
		}
	}
	return false
}

// arabicLang is the language of a text in the Arabic script: the source
// language when it is written right to left, else "ar".
func arabicLang(sourceLang string) string {
	if direction(sourceLang) == "rtl" {
		return sourceLang
	}
	return "ar"
}

func direction(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "ar", "fa", "he", "iw", "ur", "ps", "sd", "ug", "yi", "dv", "ckb":
		return "rtl"
	}
	return "ltr"
}

// safeURL keeps only http and https links so that a front-matter value can
// never become a javascript: link (html/template would neutralise it anyway).
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
		return u
	}
	return ""
}

// machineDate returns d as YYYY-MM-DD or RFC 3339 when it is one, else "".
func machineDate(d string) string {
	d = strings.TrimSpace(d)
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if _, err := time.Parse(layout, d); err == nil {
			return d
		}
	}
	return ""
}

// gistLabel and untranslatedLabel are the marks readers see too, on a Clean
// page and on paper: the banner alone cannot say which sentences of a page
// are only a gist, and a missing sentence goes unseen in an English
// paragraph read on its own.
var (
	gistLabel         = FlagLabel{Name: "gist", Label: "gist only", Title: "A word-by-word gist, not a translation: not for publication."}
	untranslatedLabel = FlagLabel{Name: string(doc.FlagUntranslated), Label: "no translation", Title: "No translation yet: a translator is needed."}
)

// readerLabels are the marks of a Clean page: no translation, or only a gist.
func readerLabels(u *doc.Unit) []FlagLabel {
	switch {
	case strings.TrimSpace(u.Target) == "" || u.State == doc.StateNew || u.HasFlag(doc.FlagUntranslated):
		return []FlagLabel{untranslatedLabel}
	case u.State == doc.StateGist:
		return []FlagLabel{gistLabel}
	}
	return nil
}

// flagLabels says why a unit needs attention, in the reader's words.
func flagLabels(u *doc.Unit) []FlagLabel {
	var out []FlagLabel
	seen := map[string]bool{}
	add := func(name, label, title string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, FlagLabel{Name: name, Label: label, Title: title})
		}
	}
	switch u.State {
	case doc.StateNew:
		add(untranslatedLabel.Name, untranslatedLabel.Label, untranslatedLabel.Title)
	case doc.StateGist:
		add(gistLabel.Name, gistLabel.Label, gistLabel.Title)
	}
	for _, f := range u.Flags {
		switch f {
		case doc.FlagUntranslated:
			add(untranslatedLabel.Name, untranslatedLabel.Label, untranslatedLabel.Title)
		case doc.FlagGlossaryViolation:
			var want []string
			for _, n := range u.Notes {
				if rest, ok := strings.CutPrefix(n, "glossary: "); ok {
					want = append(want, rest)
				}
			}
			title := "A name is not spelled as the glossary says."
			if len(want) > 0 {
				title += " Expected: " + strings.Join(want, "; ")
			}
			add(string(f), "check names", title)
		case doc.FlagLowConfidence:
			add(string(f), "check alignment", "The sentence pairing is uncertain: check that this translation belongs to this sentence.")
		case doc.FlagPlaceholderDamaged:
			add(string(f), "check names", "The engine damaged a protected name.")
		case doc.FlagNumberMismatch:
			var which []string
			for _, n := range u.Notes {
				if rest, ok := strings.CutPrefix(n, figures.NotePrefix); ok {
					which = append(which, rest)
				}
			}
			title := "A number differs between the Arabic and the English."
			if len(which) > 0 {
				title = "A number differs between the Arabic and the English: " + strings.Join(which, "; ") + "."
			}
			add(string(f), "check numbers", title)
		default:
			add(string(f), string(f), "Needs an editor's attention: "+string(f)+".")
		}
	}
	return out
}

// styleHash is the CSP source that allows exactly the stylesheet s.
func styleHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

var csp = "default-src 'none'; style-src " + styleHash(css) + "; img-src data:; base-uri 'none'; form-action 'none'"
