package xliff

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"bitext/doc"
)

// ResolveOptions configure Resolve. The zero value refuses any file whose
// sources do not match what bitext wrote.
type ResolveOptions struct {
	// Force accepts sources that no longer match their recorded hashes and
	// files without bitext's provenance, turning those problems into warnings.
	// Duplicate and missing units are refused even then.
	Force bool
	// Article is the article the file was written from, segmented as
	// translate segmented it (checked against the recorded hash by the
	// caller). When given, a paragraph missing from the file is named by its
	// group id, its first words and its line in the article.
	Article *doc.Document
	// Gist, when set, makes again the word-by-word gist of a unit whose
	// file lost bitext's draft or where it came from, so that a target still
	// equal to it counts as the untouched gist (see StillGist). Without it
	// such a unit is judged by the gist's state and note alone.
	Gist GistFunc
}

// GistFunc makes again the word-by-word gist translate wrote for a unit: the
// gist engine is deterministic, so run on the unit's source with the glossary
// terms recorded for it, it writes the same target. It may return several
// gists (made with other glossaries), the likeliest first, or none.
type GistFunc func(source string, terms []Term) []string

// Reviewed is a reviewed file matched back to the units bitext wrote.
type Reviewed struct {
	File  *File          // the file as read
	Units []ReviewedUnit // in document order
	// Warnings are what Resolve accepted but the user should hear of
	// (merged units, units bitext did not write, problems forced), one
	// message each.
	Warnings []string
}

// ReviewedUnit is one unit as bitext wrote it, with the editor's target.
type ReviewedUnit struct {
	doc.Unit          // Target is the editor's text ("" when untranslated)
	Draft      string // the machine draft the editor started from ("" when none)
	HasDraft   bool   // the file kept the draft, which may be ""
	Approved   bool   // the editor approved the unit (approved="yes", final, signed-off, 2.x reviewed, the CAT tool's approval)
	Rejected   bool   // the CAT tool marks the translation as rejected by a reviewer (see Unit.Rejected)
	ToolStatus string // the CAT tool's own status, in its words, when it recorded one
	// MissingSegments is the source of each segment of the unit the editor
	// left without a translation while translating the rest (see
	// Unit.MissingSegments): the target is part of the sentence.
	MissingSegments []string
	// Comments are the notes of others than bitext (the editor's, a
	// reviewer's, a tool's), with the comments written on the text itself.
	Comments      []doc.XLIFFNote
	Edited        bool   // the target differs from the draft
	Line          int    // line of the unit in the reviewed file
	Parts         int    // units or segments the tool split it into (1 when not split)
	MergedInto    string // the unit that now holds this unit's text, when the tool merged them
	Untranslated  bool   // no target, or the source copied into it
	SourceChanged bool   // the source no longer matches the recorded hash (only with Force)
	ExpectedTerms []Term // glossary terms the target should contain
	hash          string // recorded source hash
	part          int    // index in File.Units of the one unit it was read from; -1 when split or merged
	memory        bool   // the file marks the target as bitext marks a memory draft
}

// Problem is one reason Resolve refuses a file.
type Problem struct {
	Line      int    // line in the reviewed file; 0 when the problem has no place in it
	Unit      string // the unit's id; "" when about a group or the file
	Msg       string // what was wrong, without file and line
	Forceable bool   // ResolveOptions.Force accepts it

	boilerplate bool // a missing paragraph the article says is boilerplate
}

// ReviewError lists every problem found in a reviewed file.
type ReviewError struct {
	File     string    // the reviewed file's name
	Problems []Problem // never empty in a returned error
}

// Error lists the problems, one per line, each with file, line and unit.
func (e *ReviewError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d problem(s)", where(e.File, 0), len(e.Problems))
	for i, p := range e.Problems {
		if i == 20 {
			fmt.Fprintf(&b, "\n  ... and %d more", len(e.Problems)-i)
			break
		}
		b.WriteString("\n  ")
		b.WriteString(where(e.File, p.Line))
		if p.Unit != "" {
			fmt.Fprintf(&b, "unit %s: ", p.Unit)
		}
		b.WriteString(p.Msg)
	}
	return b.String()
}

// Forceable reports whether ResolveOptions.Force would accept every problem
// of e, so that a caller can offer that in its own terms.
func (e *ReviewError) Forceable() bool {
	for _, p := range e.Problems {
		if !p.Forceable {
			return false
		}
	}
	return len(e.Problems) > 0
}

// ErrSourceMismatch is wrapped by CheckArticle's error.
var ErrSourceMismatch = errors.New("the article does not match the one the file was written from")

// CheckArticle compares the article text with the SHA-256 the file recorded.
// It returns nil when they match or when the file recorded none.
func (f *File) CheckArticle(text string) error {
	if f.ArticleSHA256 == "" {
		return nil
	}
	if got := ArticleHash(text); got != f.ArticleSHA256 {
		return fmt.Errorf("%s: %w (%s): recorded sha256 %.12s…, the article now has %.12s…", f.Name, ErrSourceMismatch, f.Original, f.ArticleSHA256, got)
	}
	return nil
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// splitSep are the separators tools use for the ids of the pieces of a split unit.
const splitSep = "_-.:"

// Resolve matches the file's units to the units bitext wrote, by id, using the
// provenance recorded in the groups: it joins units and segments the tool
// split, recognises units it merged, and checks every source against its
// recorded hash. It never trusts a state attribute alone: a unit counts as
// edited when its target differs from the draft, and a copy of the source in
// the target counts as untranslated.
func (f *File) Resolve(opts ResolveOptions) (*Reviewed, error) {
	rv := &Reviewed{File: f}
	var probs []Problem
	problem := func(line int, unit string, forceable bool, format string, args ...any) {
		probs = append(probs, Problem{Line: line, Unit: unit, Msg: fmt.Sprintf(format, args...), Forceable: forceable})
	}
	byID := map[string]int{}
	for i, u := range f.Units {
		byID[u.ID] = i
	}
	used := make([]bool, len(f.Units))
	wanted := map[string]bool{}

	type want struct {
		id, hash string
		group    int
	}
	var wants []want
	provGroups := 0
	for gi, g := range f.Groups {
		if !g.Provenance {
			continue
		}
		provGroups++
		for k, id := range g.UnitIDs {
			wants = append(wants, want{id: id, hash: g.Hashes[k], group: gi})
			wanted[id] = true
		}
	}
	if provGroups == 0 {
		problem(0, "", true, "the file carries no bitext provenance (not written by bitext, or the tool removed it): its sources cannot be checked")
		for i, u := range f.Units {
			wants = append(wants, want{id: u.ID, group: f.Units[i].Group})
			wanted[u.ID] = true
		}
	} else if f.GroupCount > 0 && provGroups < f.GroupCount {
		missing := missingParagraphs(f, opts.Article)
		if missing == nil {
			problem(0, "", false, "%d of the %d paragraphs bitext wrote are missing from the file", f.GroupCount-provGroups, f.GroupCount)
		}
		for _, p := range missing {
			if p.boilerplate {
				rv.Warnings = append(rv.Warnings, where(f.Name, p.Line)+p.Msg+"; it is boilerplate not for translation, which the CAT tool left out: left out of the page")
				continue
			}
			problem(p.Line, "", false, "%s", p.Msg)
		}
	}

	// units whose id is another id followed by a separator: candidate pieces
	// of a unit the tool split, indexed by that other id
	pieces := map[string][]int{}
	for i, u := range f.Units {
		for k := 1; k < len(u.ID)-1; k++ {
			if strings.IndexByte(splitSep, u.ID[k]) >= 0 {
				pieces[u.ID[:k]] = append(pieces[u.ID[:k]], i)
			}
		}
	}
	for wi, w := range wants {
		ru := ReviewedUnit{hash: w.hash, part: -1}
		ru.ID = w.id
		ru.Block, ru.Kind = wi, doc.Paragraph
		if w.group >= 0 {
			g := f.Groups[w.group]
			ru.Kind = g.Kind
			if g.Block >= 0 {
				ru.Block = g.Block
			}
		}
		var parts []int
		if i, ok := byID[w.id]; ok && !used[i] {
			parts = append(parts, i)
		}
		// pieces of a split unit: "<id>_1", "<id>-2", "<id>.a", ...
		for _, i := range pieces[w.id] {
			if !used[i] && !wanted[f.Units[i].ID] {
				parts = append(parts, i)
			}
		}
		if len(parts) == 0 {
			if tail, ok := unmerge(rv.Units, w.hash); ok {
				prev := &rv.Units[len(rv.Units)-1]
				ru.MergedInto = prev.ID
				ru.Source = tail
				ru.Untranslated = true
				ru.State = doc.StateNew
				rv.Warnings = append(rv.Warnings, fmt.Sprintf("unit %s was merged into unit %s by the editor's tool; its text is published with that unit", w.id, prev.ID))
				rv.Units = append(rv.Units, ru)
				continue
			}
			line := 0
			if w.group >= 0 {
				line = f.Groups[w.group].Line
			}
			if w.group >= 0 && f.Groups[w.group].Kind == doc.Boilerplate {
				// Some CAT tools (memoQ) leave out the units marked
				// translate="no": web boilerplate, nothing of the editor's.
				if src, ok := articleSegment(opts.Article, f.Groups[w.group].Block, w.hash); ok {
					ru.Source, ru.Kind, ru.Untranslated, ru.State, ru.Line = src, doc.Boilerplate, true, doc.StateNew, line
					rv.Units = append(rv.Units, ru)
					rv.Warnings = append(rv.Warnings, where(f.Name, line)+"unit "+w.id+", boilerplate not for translation, is missing from the file (the CAT tool left it out): its text is taken from the article")
				} else {
					rv.Warnings = append(rv.Warnings, where(f.Name, line)+"unit "+w.id+", boilerplate not for translation, is missing from the file (the CAT tool left it out): left out of the page")
				}
				continue
			}
			problem(line, w.id, false, "missing from the file (it was in group %s)", groupID(f, w.group))
			continue
		}
		if len(parts) == 1 {
			ru.part = parts[0]
		}
		var src, tgt, draft []string
		var flags []doc.Flag
		translatable := true
		ru.Approved = true
		anyTarget := false
		marked, noted := true, false
		for k, i := range parts {
			used[i] = true
			u := f.Units[i]
			if k == 0 {
				ru.Line = u.Line
			}
			src = append(src, u.Source)
			if u.HasTarget {
				anyTarget = true
				tgt = append(tgt, u.Target)
			}
			if u.HasDraft {
				draft = append(draft, u.Draft)
				ru.HasDraft = true
				ru.Origin = u.DraftFrom
			}
			ru.Approved = ru.Approved && u.Approved
			ru.Rejected = ru.Rejected || u.Rejected
			ru.MissingSegments = append(ru.MissingSegments, u.MissingSegments...)
			for k, n := range u.Notes {
				if from := u.NoteFrom[k]; from != "bitext" {
					ru.Comments = append(ru.Comments, doc.XLIFFNote{Text: n, From: from})
				}
			}
			if u.ToolStatus != "" && !strings.Contains(ru.ToolStatus, u.ToolStatus) {
				ru.ToolStatus = strings.TrimPrefix(ru.ToolStatus+", "+u.ToolStatus, ", ")
			}
			marked = marked && gistState(f.Version, u.State, u.Qualifier)
			ru.memory = ru.memory || k == 0 && memoryState(f.Version, u.State, u.Qualifier)
			noted = noted || gistNoted(&u)
			translatable = translatable && u.Translate
			ru.Parts += max(u.Segments, 1)
			ru.Notes = append(ru.Notes, u.Notes...)
			ru.ExpectedTerms = append(ru.ExpectedTerms, u.Terms...)
			ru.Matches = append(ru.Matches, u.Matches...)
			flags = append(flags, u.Flags...)
		}
		ru.Source = normSpace(strings.Join(src, " "))
		ru.Target = normSpace(strings.Join(tgt, " "))
		ru.Draft = normSpace(strings.Join(draft, " "))
		if !translatable {
			ru.Kind = doc.Boilerplate
		}
		ru.Untranslated = !anyTarget || ru.Target == "" || ru.Target == ru.Source
		if ru.Untranslated {
			ru.Target = ""
			ru.Approved = false
		}
		if ru.Untranslated {
			ru.MissingSegments = nil
		}
		if ru.Rejected || len(ru.MissingSegments) > 0 {
			ru.Approved = false
		}
		if !ru.Untranslated {
			signs := gistSigns{source: ru.Source, target: ru.Target, draft: ru.Draft, origin: ru.Origin, hasDraft: ru.HasDraft,
				terms: ru.ExpectedTerms, marked: marked, noted: noted}
			if d, ok := gistDraft(signs, opts.Gist); ok {
				ru.Draft, ru.HasDraft, ru.Origin = d, true, GistOrigin
			}
		}
		ru.Edited = !ru.Untranslated && ru.HasDraft && ru.Target != ru.Draft
		if w.hash != "" && SourceHash(ru.Source) != w.hash {
			ru.SourceChanged = true
		}
		ru.setState()
		// bitext's flags said what to check in the target it wrote: they
		// hold while that target stands, unreviewed. (Whether a unit is
		// untranslated is judged anew.)
		if !ru.Approved && (ru.HasDraft && !ru.Edited || ru.Untranslated) {
			for _, fl := range flags {
				if fl != doc.FlagUntranslated {
					ru.AddFlag(fl)
				}
			}
		}
		for _, t := range ru.ExpectedTerms {
			ru.Terms = append(ru.Terms, t.hit())
		}
		ru.Notes = withTermNotes(ru.Notes, ru.Terms)
		rv.Units = append(rv.Units, ru)
	}
	for i := range rv.Units {
		u := &rv.Units[i]
		if u.SourceChanged {
			problem(u.Line, u.ID, true, "source text differs from what bitext wrote for this unit: %q", clip(u.Source, 80))
		}
	}
	for i, u := range f.Units {
		if !used[i] {
			rv.Warnings = append(rv.Warnings, fmt.Sprintf("%s:%d: unit %s is not one bitext wrote; ignored", f.Name, u.Line, u.ID))
		}
	}
	var hard, soft []Problem
	for _, p := range probs {
		if p.Forceable && opts.Force {
			soft = append(soft, p)
		} else {
			hard = append(hard, p)
		}
	}
	for _, p := range soft {
		msg := p.Msg
		if p.Unit != "" {
			msg = "unit " + p.Unit + ": " + msg
		}
		rv.Warnings = append(rv.Warnings, "accepted anyway: "+msg)
	}
	if len(hard) > 0 {
		return nil, &ReviewError{File: f.Name, Problems: hard}
	}
	return rv, nil
}

// hit is the glossary hit the term was written from, as far as the file
// tells: no offsets into the article.
func (t Term) hit() doc.TermHit {
	h := doc.TermHit{Surface: t.Source, Ar: t.Entry, En: t.Target, Type: t.Type, Note: t.Note, NoTranslate: t.Keep}
	if t.Keep {
		h.Ar, h.En = t.Target, "" // what the target must contain is the Arabic itself
	}
	return h
}

// missingParagraphs names each paragraph (group) bitext wrote that is no
// longer in the file: its place among the groups left, from their block
// numbers, and with the article its group id, first words and line there. It
// returns nil when the groups left do not tell which blocks are missing.
func missingParagraphs(f *File, article *doc.Document) []Problem {
	byBlock := map[int]int{} // block number → group index
	for gi, g := range f.Groups {
		if !g.Provenance {
			continue
		}
		if _, dup := byBlock[g.Block]; dup || g.Block < 0 || g.Block >= f.GroupCount {
			return nil
		}
		byBlock[g.Block] = gi
	}
	// the article's group ids are trusted only when they are those of the groups left
	var ids []string
	if article != nil && len(article.Blocks) == f.GroupCount {
		ids = groupIDs(article)
		for b, gi := range byBlock {
			if ids[b] != f.Groups[gi].ID {
				ids = nil
				break
			}
		}
	}
	var out []Problem
	var lines *doc.Lines // built at the first missing paragraph, then shared
	for b := 0; b < f.GroupCount; b++ {
		if _, ok := byBlock[b]; ok {
			continue
		}
		prev, next := -1, -1
		for k := b - 1; k >= 0 && prev < 0; k-- {
			if gi, ok := byBlock[k]; ok {
				prev = gi
			}
		}
		for k := b + 1; k < f.GroupCount && next < 0; k++ {
			if gi, ok := byBlock[k]; ok {
				next = gi
			}
		}
		var msg strings.Builder
		fmt.Fprintf(&msg, "paragraph %d of the %d bitext wrote (block %d) is missing from the file", b+1, f.GroupCount, b)
		if ids != nil {
			text := article.Text(b)
			if lines == nil {
				lines = article.Lines()
			}
			line, _ := lines.Position(article.Blocks[b].Start)
			fmt.Fprintf(&msg, ": group %s, %q (%s:%d)", ids[b], clip(normSpace(text), 60), article.Name, line)
		}
		line := 0
		switch {
		case prev >= 0 && next >= 0:
			fmt.Fprintf(&msg, "; it came between groups %s and %s", f.Groups[prev].ID, f.Groups[next].ID)
			line = f.Groups[next].Line
		case next >= 0:
			fmt.Fprintf(&msg, "; it came before group %s", f.Groups[next].ID)
			line = f.Groups[next].Line
		case prev >= 0:
			fmt.Fprintf(&msg, "; it came after group %s", f.Groups[prev].ID)
			line = f.Groups[prev].Line
		}
		out = append(out, Problem{Line: line, Msg: msg.String(), boilerplate: ids != nil && article.Blocks[b].Kind == doc.Boilerplate})
	}
	return out
}

// groupIDs returns the id the writers give the group of each block of d: a
// hash of the block's text, numbered when a text repeats (see blocks).
func groupIDs(d *doc.Document) []string {
	ids := make([]string, len(d.Blocks))
	seen := map[string]int{}
	for i := range d.Blocks {
		id := "g" + SourceHash(d.Text(i))
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		ids[i] = id
	}
	return ids
}

// articleSegment returns the text of the segment of block b of the article
// whose source hash is h, when the article is given and has one.
func articleSegment(article *doc.Document, b int, h string) (string, bool) {
	if article == nil || b < 0 || b >= len(article.Blocks) || h == "" {
		return "", false
	}
	for _, sg := range article.Blocks[b].Segments {
		if SourceHash(sg.Text) == h {
			return normSpace(sg.Text), true
		}
	}
	return "", false
}

// unmerge checks whether the last unit's source is its own recorded source
// followed by a missing unit's source (hash h), as when a tool merges two
// units; if so it gives the last unit back its own source and returns the rest.
func unmerge(units []ReviewedUnit, h string) (string, bool) {
	if len(units) == 0 || h == "" {
		return "", false
	}
	prev := &units[len(units)-1]
	if prev.hash == "" || prev.MergedInto != "" {
		return "", false
	}
	// hash the growing prefix incrementally: linear in the length of the text
	words := strings.Fields(xmlOnlyText(prev.Source))
	hs := sha256.New()
	for k := 1; k < len(words); k++ {
		if k > 1 {
			hs.Write([]byte(" "))
		}
		hs.Write([]byte(words[k-1]))
		if hex.EncodeToString(hs.Sum(nil)[:6]) != prev.hash {
			continue
		}
		right := strings.Join(words[k:], " ")
		if SourceHash(right) == h {
			prev.Source = strings.Join(words[:k], " ")
			prev.SourceChanged = false
			return right, true
		}
	}
	return "", false
}

func groupID(f *File, g int) string {
	if g < 0 {
		return "(none)"
	}
	return f.Groups[g].ID
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// GistOrigin is the origin recorded for drafts made by the offline gist engine.
const GistOrigin = "gist"

// gistSigns is what survives of a unit in an editor's file that tells
// whether the draft it started from was the word-by-word gist.
type gistSigns struct {
	source, target string
	draft, origin  string // the draft bitext kept and where it came from
	hasDraft       bool
	terms          []Term
	marked         bool // the target still has the state bitext gives a gist
	noted          bool // bitext's note that the target is a gist is still there
}

// gistDraft returns the gist a unit started from, when what survives of it
// says its draft was one: the draft bitext kept, from the gist, or any draft
// while the target has the gist's state (tools change it when the target is
// edited; with no draft left the target is the gist itself); else the gist
// made again from the source, when the draft kept or the target is that gist
// (whatever the draft says it came from: an update carries a gist on as an
// engine's draft); else, with the gist's note, the draft kept when it does
// not say where it came from, or the gist made again when none is.
func gistDraft(s gistSigns, remake GistFunc) (string, bool) {
	switch {
	case s.hasDraft && (s.origin == GistOrigin || s.marked):
		return s.draft, true
	case s.marked:
		return s.target, true
	}
	var gists []string
	if remake != nil {
		gists = remake(s.source, s.terms)
	}
	for _, g := range gists {
		g = normSpace(g)
		switch {
		case g == "":
		case s.hasDraft && g == normSpace(s.draft):
			return s.draft, true
		case g == normSpace(s.target):
			return g, true
		}
	}
	switch {
	case s.noted && s.hasDraft && s.origin == "":
		return s.draft, true
	case s.noted && !s.hasDraft && len(gists) > 0 && normSpace(gists[0]) != "":
		return normSpace(gists[0]), true
	}
	return "", false
}

// gistState reports whether a state and qualifier (2.x subState) of a file
// of the given version are those bitext writes on a gist.
func gistState(version, state, qualifier string) bool {
	st, q := state12(doc.StateGist)
	if strings.HasPrefix(version, "2.") {
		st, q = state21(doc.StateGist)
	}
	return state == st && qualifier == q
}

// memoryState reports whether a state and qualifier (2.x subState) of a
// file of the given version are those bitext writes on a memory draft.
func memoryState(version, state, qualifier string) bool {
	st, q := state12(doc.StateMemory)
	if strings.HasPrefix(version, "2.") {
		st, q = state21(doc.StateMemory)
	}
	return state == st && qualifier == q
}

// withTermNotes gives back the "glossary: SURFACE → EXPECTED" note that
// translate puts on a unit for each of its glossary names, which the writers
// leave out as they write the name in a note of its own: one for each term,
// after the other notes, each followed by its "glossary violation" note
// when the file has one, as translate orders them.
func withTermNotes(notes []string, terms []doc.TermHit) []string {
	if len(terms) == 0 {
		return notes
	}
	violation := func(h doc.TermHit) string {
		return fmt.Sprintf("glossary violation: %q is not in the translation", expectedTerm(h))
	}
	has := map[string]bool{}
	for _, n := range notes {
		has[n] = true
	}
	placed := map[string]bool{}
	var out []string
	for _, h := range terms {
		placed[violation(h)] = true
	}
	for _, n := range notes {
		if !placed[n] {
			out = append(out, n)
		}
	}
	for _, h := range terms {
		if n := "glossary: " + h.Surface + " → " + expectedTerm(h); !has[n] {
			out = append(out, n)
			has[n] = true
		}
		if v := violation(h); placed[v] && has[v] {
			out = append(out, v)
			delete(placed, v)
		}
	}
	return out
}

// gistNoted reports whether the unit still has the note bitext writes on a gist.
func gistNoted(u *Unit) bool {
	for _, n := range u.Notes {
		if strings.TrimSpace(n) == doc.GistNote {
			return true
		}
	}
	return false
}

// StillGist reports whether the target of u, a unit of f, is still the
// word-by-word gist bitext wrote, untouched, as Resolve judges a unit for
// publish: by the draft bitext kept, else by what survives of it (the
// gist's state and note, and the gist remake makes again; remake may be
// nil). Approval is not looked at.
func (f *File) StillGist(u *Unit, remake GistFunc) bool {
	target := normSpace(u.Target)
	if !u.HasTarget || target == "" || target == normSpace(u.Source) {
		return false
	}
	signs := gistSigns{source: normSpace(u.Source), target: target, draft: normSpace(u.Draft), origin: u.DraftFrom,
		hasDraft: u.HasDraft, terms: u.Terms, marked: gistState(f.Version, u.State, u.Qualifier), noted: gistNoted(u)}
	d, ok := gistDraft(signs, remake)
	return ok && normSpace(d) == target
}

// setState derives the unit's state from what the editor did, not from the
// file's state attributes alone.
func (u *ReviewedUnit) setState() {
	switch {
	case u.Untranslated:
		u.State = doc.StateNew
	case u.Approved:
		u.State = doc.StateFinal
	case u.Edited || !u.HasDraft:
		u.State = doc.StateReviewed
	case u.Origin == GistOrigin:
		// An untouched word-by-word gist is still no translation.
		u.State = doc.StateGist
	case u.memory || strings.HasPrefix(u.Origin, "memory"):
		u.State = doc.StateMemory // an untouched draft from the translation memory
	default:
		u.State = doc.StateMachine
	}
}

// WithMarks returns the reviewed units as Bitext does, each unit read from
// one unit of the file carrying that file's marks (state and approval, the
// machine draft, the notes of others than bitext with their author, the
// target's paired codes, the unit element's attributes), so that a
// conversion writes the editor's work as the editor's file had it and a
// review of the new file still tells it from the machine's.
func (r *Reviewed) WithMarks() *doc.Bitext {
	b := r.Bitext()
	for i := range r.Units {
		ru := &r.Units[i]
		if ru.part < 0 || ru.MergedInto != "" {
			continue
		}
		fu := &r.File.Units[ru.part]
		du := &b.Units[i]
		m := &doc.XLIFFMarks{Version: r.File.Version, Draft: ru.Draft, DraftOrigin: ru.Origin, HasDraft: ru.HasDraft}
		if !ru.Untranslated {
			m.State, m.Qualifier, m.Approved = fu.EditorMarks(r.File.Version)
			m.TargetCodes = fu.TargetCodes
		}
		for _, a := range fu.Attrs {
			m.Attrs = append(m.Attrs, doc.XLIFFAttr{Space: a.Name.Space, Name: a.Name.Local, Value: a.Value})
		}
		theirs := map[string]int{}
		for k, n := range fu.Notes {
			if from := fu.NoteFrom[k]; from != "bitext" {
				m.Notes = append(m.Notes, doc.XLIFFNote{Text: n, From: from})
				theirs[n]++
			}
		}
		var notes []string
		for _, n := range du.Notes {
			switch {
			case theirs[n] > 0:
				theirs[n]-- // written with its author instead
			case strings.TrimSpace(n) == doc.GistNote && (ru.Edited || ru.Origin != GistOrigin):
				// the editor replaced the gist with a translation
			default:
				notes = append(notes, n)
			}
		}
		du.Notes, du.XLIFF = notes, m
		if len(ru.MissingSegments) > 0 && !ru.Untranslated {
			// part of the sentence is no translation of it: the new file
			// has none, and the editor's part in a note
			du.Notes = append(du.Notes, PartNote(ru.MissingSegments, du.Target))
			du.Target, du.State = "", doc.StateNew
			m.State, m.Qualifier, m.Approved, m.TargetCodes = "", "", false, ""
			du.AddFlag(doc.FlagUntranslated)
		}
	}
	return b
}

// PartNote is the note that keeps the target of a unit the editor
// translated only in part (the source of the segments left untranslated
// given), once the unit is written without it.
func PartNote(missing []string, target string) string {
	return fmt.Sprintf("previous target, translating part of the sentence only (not %q): %s",
		strings.Join(missing, " "), normSpace(target))
}

// Bitext returns the reviewed units as a bitext for the writers.
func (r *Reviewed) Bitext() *doc.Bitext {
	b := &doc.Bitext{SourceLang: r.File.SourceLang, TargetLang: r.File.TargetLang, Name: r.File.Original, Engine: r.File.Engine,
		ArticleSHA256: r.File.ArticleSHA256}
	for _, u := range r.Units {
		du := u.Unit
		if u.Untranslated && u.MergedInto == "" && du.Kind != doc.Boilerplate {
			du.AddFlag(doc.FlagUntranslated)
		}
		b.Units = append(b.Units, du)
	}
	return b
}
