// Package xliff writes bitexts as XLIFF 1.2 and 2.1 for CAT tools, writes the
// companion TMX for OmegaT, and reads back what an editor saved.
//
// Files record where they came from (the article's name and SHA-256, and for
// every paragraph its unit ids with a hash of each source), so that a reviewed
// file can be checked against the article before it is published.
//
// Write a bitext (from translate.Run) with Write12 or Write21. Read an
// editor's file with Read, check it against the article with
// File.CheckArticle, and match it back to the units written with
// File.Resolve.
package xliff

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"bitext/doc"
)

// XLIFF namespaces.
const (
	NS12  = "urn:oasis:names:tc:xliff:document:1.2"
	NS20  = "urn:oasis:names:tc:xliff:document:2.0"
	nsMTC = "urn:oasis:names:tc:xliff:matches:2.0"
	nsGLS = "urn:oasis:names:tc:xliff:glossary:2.0"
	nsMDA = "urn:oasis:names:tc:xliff:metadata:2.0"
)

// Flavour adapts the written file to a CAT tool's habits.
type Flavour string

// Flavours.
const (
	// Standard writes machine drafts as targets for the editor to review.
	Standard Flavour = ""
	// OmegaT copies the source into every translatable <target>, because
	// OmegaT 3.6 only offers units that have one and translates the target's
	// text; the machine drafts go to a TMX written next to the file.
	OmegaT Flavour = "omegat"
)

// ParseFlavour accepts "", "standard" and "omegat".
func ParseFlavour(s string) (Flavour, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "standard":
		return Standard, nil
	case "omegat":
		return OmegaT, nil
	}
	return "", fmt.Errorf("unknown XLIFF flavour %q (want standard or omegat)", s)
}

// Options configure the writers. The zero value writes the standard flavour
// stamped with the current time.
type Options struct {
	Flavour     Flavour          // Standard, or OmegaT's dialect
	Created     time.Time        // timestamp written in the metadata; zero: now
	ToolVersion string           // bitext's version, written in the header; default "dev"
	Warn        func(msg string) // receives a message for every character dropped (nil: ignored)
}

func (o Options) created() time.Time {
	if !o.Created.IsZero() {
		return o.Created.UTC().Truncate(time.Second)
	}
	return time.Now().UTC().Truncate(time.Second)
}

func (o Options) version() string {
	if o.ToolVersion == "" {
		return "dev"
	}
	return o.ToolVersion
}

func (o Options) warn(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

// SourceHash is the short hash bitext records for a unit's source text. White
// space is normalised first, so that a CAT tool that trims or joins segments
// does not count as a change, and characters XML 1.0 forbids (which XLIFF 1.2
// cannot carry) are left out.
func SourceHash(s string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(xmlOnlyText(s)), " ")))
	return hex.EncodeToString(sum[:6])
}

// ArticleHash is the SHA-256 of an article's text, as recorded in the files
// (doc.ArticleHash).
func ArticleHash(text string) string { return doc.ArticleHash(text) }

// block is one paragraph, heading or boilerplate group of units.
type block struct {
	id    string
	index int
	kind  doc.Kind
	units []*doc.Unit
}

// blocks groups b's units by block, in document order, with group ids derived
// from the block's text (numbered when a text repeats) so that inserting a
// paragraph does not change the ids of the others.
// checkIDs refuses units that a reader could not match back to what was
// written: one without an id, or with the id of an earlier unit. The units
// of translate.Run, and any given ids by translate.AssignIDs, pass.
func checkIDs(b *doc.Bitext) error {
	first := make(map[string]int, len(b.Units))
	for i, u := range b.Units {
		if u.ID == "" {
			src := []rune(strings.TrimSpace(u.Source))
			if len(src) > 40 {
				src = append(src[:40], '…')
			}
			return &Error{File: fileName(b), Err: fmt.Errorf("unit %d (%s) has no id: give every unit one, as translate.AssignIDs does", i+1, string(src))}
		}
		if j, dup := first[u.ID]; dup {
			return &Error{File: fileName(b), Unit: u.ID, Err: fmt.Errorf("id of unit %d used again by unit %d: every unit needs an id of its own", j+1, i+1)}
		}
		first[u.ID] = i
	}
	return nil
}

func blocks(b *doc.Bitext) []block {
	var out []block
	for i := range b.Units {
		u := &b.Units[i]
		if len(out) == 0 || out[len(out)-1].index != u.Block {
			kind := u.Kind
			if kind == "" {
				kind = doc.Paragraph
			}
			out = append(out, block{index: u.Block, kind: kind})
		}
		last := &out[len(out)-1]
		last.units = append(last.units, u)
	}
	seen := map[string]int{}
	for k := range out {
		var parts []string
		for _, u := range out[k].units {
			parts = append(parts, u.Source)
		}
		id := "g" + SourceHash(strings.Join(parts, " "))
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		out[k].id = id
	}
	return out
}

// groupMeta is the provenance string of a group: its block number and the id
// and source hash of each unit, e.g. "block=3 units=u1a2b/9f8e7d6c5b4a,u3c4d/…".
func groupMeta(g block) string {
	var parts []string
	for _, u := range g.units {
		parts = append(parts, u.ID+"/"+SourceHash(u.Source))
	}
	return fmt.Sprintf("block=%d units=%s", g.index, strings.Join(parts, ","))
}

// parseGroupMeta reads what groupMeta wrote; ok is false when s is not ours.
func parseGroupMeta(s string) (blockNo int, ids, hashes []string, ok bool) {
	blockNo = -1
	for _, f := range strings.Fields(s) {
		k, v, found := strings.Cut(f, "=")
		if !found {
			continue
		}
		switch k {
		case "block":
			n, err := strconv.Atoi(v)
			if err != nil {
				return -1, nil, nil, false
			}
			blockNo = n
		case "units":
			for _, p := range strings.Split(v, ",") {
				id, h, _ := strings.Cut(p, "/")
				if id == "" {
					continue
				}
				ids = append(ids, id)
				hashes = append(hashes, h)
			}
			ok = true
		}
	}
	return blockNo, ids, hashes, ok
}

// expectedTerm is what a glossary hit asks the target to contain.
func expectedTerm(h doc.TermHit) string {
	if h.NoTranslate {
		return h.Ar
	}
	return h.En
}

// entryTerm is the glossary's own Arabic term of a hit, its surface form
// when the hit does not say.
func entryTerm(h doc.TermHit) string {
	if h.Ar != "" {
		return h.Ar
	}
	return h.Surface
}

// termNote is the text of the note that shows a glossary hit to the editor,
// "SURFACE (ENTRY) → EXPECTED (keep as is; TYPE; NOTE)", the glossary's own
// Arabic term given only when the article writes it otherwise (وكيم for كيم);
// the reader parses it back.
func termNote(h doc.TermHit) string {
	s := h.Surface
	if e := entryTerm(h); e != h.Surface && !h.NoTranslate {
		s += " (" + e + ")"
	}
	s += " → " + expectedTerm(h)
	var extra []string
	if h.NoTranslate {
		extra = append(extra, "keep as is")
	}
	if h.Type != "" {
		extra = append(extra, h.Type)
	}
	if h.Note != "" {
		extra = append(extra, h.Note)
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, "; ") + ")"
	}
	return s
}

// otherNotes drops the unit notes that only repeat a glossary hit, which the
// writers write in their own form.
func otherNotes(u *doc.Unit) []string {
	dup := map[string]bool{}
	for _, h := range u.Terms {
		dup["glossary: "+h.Surface+" → "+expectedTerm(h)] = true
	}
	var out []string
	for _, n := range u.Notes {
		if !dup[n] {
			out = append(out, n)
		}
	}
	return out
}

// span is a glossary hit located in a unit's source text.
type span struct {
	start, end int
	hit        doc.TermHit
}

// termSpans finds each hit's surface form in the unit's source, in order and
// without overlaps. Hits carry offsets into the article, not into the unit, so
// they are found again by text.
func termSpans(u *doc.Unit) []span {
	var out []span
	pos := 0
	for _, h := range u.Terms {
		if h.Surface == "" {
			continue
		}
		i := strings.Index(u.Source[pos:], h.Surface)
		if i < 0 {
			continue
		}
		out = append(out, span{pos + i, pos + i + len(h.Surface), h})
		pos += i + len(h.Surface)
	}
	return out
}

// hasDraft reports whether the unit's target is a draft that an editor is to
// review (as opposed to nothing, or a reviewed text).
func hasDraft(u *doc.Unit) bool {
	switch u.State {
	case doc.StateMachine, doc.StateMemory, doc.StateGist:
		return strings.TrimSpace(u.Target) != ""
	}
	return false
}

// draftOf returns the machine draft to keep with u and where it came from:
// the target itself while it is a draft, else the draft an editor's file kept
// for a unit carried over from it, so that a review can still tell what the
// editor changed.
func draftOf(u *doc.Unit, engine string) (text, origin string, ok bool) {
	if hasDraft(u) {
		if origin = u.Origin; origin == "" {
			origin = engine
		}
		return u.Target, origin, true
	}
	if m := u.XLIFF; m != nil && m.HasDraft && translatable(u) && strings.TrimSpace(m.Draft) != "" {
		return m.Draft, m.DraftOrigin, true
	}
	return "", "", false
}

// editorNotes are the notes of an editor's file carried over with u, which
// keep their author.
func editorNotes(u *doc.Unit) []doc.XLIFFNote {
	if u.XLIFF == nil {
		return nil
	}
	return u.XLIFF.Notes
}

// translatable reports whether the unit is offered for translation.
func translatable(u *doc.Unit) bool { return u.Kind != doc.Boilerplate }

// engineToolID is the tool id used for the engine in XLIFF 1.2 headers.
func engineToolID(engine string) string {
	var b strings.Builder
	for _, r := range engine {
		if r == '-' || r == '_' || r == '.' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return "mt-" + b.String()
}

// xmlOnlyText drops the characters XML 1.0 forbids.
func xmlOnlyText(s string) string {
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, s)
}
