package review

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"bitext/doc"
	"bitext/figures"
	"bitext/xliff"
)

// Status says what happened to a unit in review.
type Status string

// Unit statuses.
const (
	Edited       Status = "edited"       // the editor changed the machine draft
	Unchanged    Status = "unchanged"    // the editor left the machine draft as it was
	Gist         Status = "gist"         // the word-by-word gist is still there, untouched: no translation yet
	Translated   Status = "translated"   // there was no draft: the editor wrote the target
	Untranslated Status = "untranslated" // no target in the reviewed file
	Merged       Status = "merged"       // the tool merged the unit into the one before
	Skipped      Status = "skipped"      // not translatable (boilerplate)
)

// UnitReport is what the editor did to one unit.
type UnitReport struct {
	ID       string `json:"id"`                 // the unit's id in the file
	Line     int    `json:"line,omitempty"`     // line of the unit in the reviewed file
	Status   Status `json:"status"`             // what the editor did to it
	Approved bool   `json:"approved,omitempty"` // the editor approved it (see xliff.ReviewedUnit)
	// Rejected says a reviewer rejected the translation in the CAT tool
	// (ToolStatus says how the tool put it); publish refuses such a unit.
	Rejected   bool   `json:"rejected,omitempty"`
	ToolStatus string `json:"tool_status,omitempty"` // the CAT tool's own status, in its words; "" when none
	// MissingSegments is the Arabic of each segment the editor left without
	// a translation while translating the rest of the unit; publish refuses it.
	MissingSegments []string `json:"untranslated_segments,omitempty"`
	// Comments are the editor's (or a reviewer's) notes and comments on the unit.
	Comments   []doc.XLIFFNote `json:"comments,omitempty"`
	Source     string          `json:"source"`                        // the unit's Arabic
	Draft      string          `json:"draft,omitempty"`               // the machine draft; "" when there was none
	Target     string          `json:"target,omitempty"`              // the editor's text; "" when untranslated
	Diff       []Op            `json:"diff,omitempty"`                // from Draft to Target, word by word; only for edited and unchanged units
	WordEdits  int             `json:"word_edits"`                    // word insertions, deletions and substitutions from Draft to Target
	Words      int             `json:"words"`                         // words in the editor's target
	CharEdits  int             `json:"char_edits"`                    // the same in characters
	Chars      int             `json:"chars"`                         // characters in the editor's target
	Fixed      []string        `json:"glossary_fixed,omitempty"`      // terms the draft lacked and the editor put in
	Introduced []string        `json:"glossary_introduced,omitempty"` // terms the draft had and the editor took out
	Missing    []string        `json:"glossary_missing,omitempty"`    // terms the reviewed target still lacks
	// Placeholders are protected-name tokens (⟦1⟧) left in the target, which publish refuses.
	Placeholders []string `json:"placeholders,omitempty"`
	MergedInto   string   `json:"merged_into,omitempty"` // the unit the CAT tool merged this one into; "" when not merged
	// SourceChanged is how an update found the Arabic changed since the
	// editor's earlier file ("…[-old-]{+new+}…"); "" for a unit no update changed.
	SourceChanged string `json:"source_changed,omitempty"`
	// PreviousTarget is the translation the unit had before that change.
	PreviousTarget string `json:"previous_target,omitempty"`
	// Shift says the target holds a neighbouring unit's translation (see Shifts);
	// publish refuses it.
	Shift *Shift `json:"shifted,omitempty"`
	// Numbers are the figures the target and the source do not share (see
	// NumberMismatches); publish refuses the unit unless told otherwise.
	Numbers []figures.Mismatch `json:"number_mismatches,omitempty"`
}

// Summary holds the figures for the whole file.
type Summary struct {
	Units        int     `json:"units"`                        // all units, boilerplate included
	Translatable int     `json:"translatable"`                 // units that are not boilerplate
	WithDraft    int     `json:"with_draft"`                   // translatable units with a machine draft and a reviewed target
	Edited       int     `json:"edited"`                       // units whose machine draft the editor changed
	Unchanged    int     `json:"unchanged"`                    // units whose machine draft the editor left as it was
	Gist         int     `json:"gist_untouched"`               // units still holding the untouched gist: not in WithDraft nor the distances
	Translated   int     `json:"translated_without_draft"`     // units the editor translated with no draft
	Untranslated int     `json:"untranslated"`                 // translatable units with no target (or the source copied into it), or merged into another
	Approved     int     `json:"approved"`                     // units the editor approved
	Rejected     int     `json:"rejected"`                     // translatable units a reviewer rejected in the CAT tool
	Partial      int     `json:"partly_untranslated"`          // units with a segment left without a translation
	Commented    int     `json:"commented"`                    // units with the editor's notes or comments
	WordEdits    int     `json:"word_edits"`                   // the sum of UnitReport.WordEdits over the WithDraft units
	Words        int     `json:"words"`                        // words in those units' reviewed targets
	CharEdits    int     `json:"char_edits"`                   // as WordEdits, in characters
	Chars        int     `json:"chars"`                        // characters in those units' reviewed targets
	WordPED      float64 `json:"word_post_edit_distance"`      // WordEdits / Words, like HTER without shifts
	CharPED      float64 `json:"char_post_edit_distance"`      // CharEdits / Chars
	DraftViol    int     `json:"glossary_violations_draft"`    // glossary names missing from the machine drafts
	FinalViol    int     `json:"glossary_violations_reviewed"` // glossary names missing from the reviewed targets, drafted or not
	Fixed        int     `json:"glossary_fixed"`               // names the draft lacked and the editor put in
	Introduced   int     `json:"glossary_introduced"`          // names the draft had and the editor took out
	Placeholders int     `json:"placeholder_units"`            // units whose target holds a placeholder token
	Shifted      int     `json:"shifted_units"`                // units holding a neighbouring unit's translation
	Numbers      int     `json:"number_mismatch_units"`        // units whose target and source do not carry the same figures
	Recheck      int     `json:"source_changed_unchecked"`     // units whose Arabic an update changed and whose new draft the editor has not yet touched
}

// Report is the review of one file.
type Report struct {
	File     string       `json:"file"`               // the reviewed file's name
	Original string       `json:"original,omitempty"` // the article the file says it was written from
	Engine   string       `json:"engine,omitempty"`   // engine of the machine drafts, when the file recorded it
	Summary  Summary      `json:"summary"`            // figures for the whole file
	Units    []UnitReport `json:"units"`              // every unit, in document order
	Shifts   []Shift      `json:"shifts,omitempty"`   // units holding a neighbouring unit's translation
	Numbers  []Numbers    `json:"numbers,omitempty"`  // units whose target and source do not carry the same figures
	Warnings []string     `json:"warnings,omitempty"` // what xliff's Resolve accepted but had to say
}

// Compute compares every reviewed target with its machine draft. Post-edit
// distances are measured against the editor's text (the reference), over the
// units that had both a draft and a reviewed target. A unit still holding the
// untouched word-by-word gist, as publish judges it (state doc.StateGist from
// xliff's Resolve), is no reviewed target: it is counted apart, outside the
// distances and the glossary counts. The glossary names a reviewed target
// lacks are counted whether or not it had a draft.
func Compute(rv *xliff.Reviewed) *Report {
	r := &Report{File: rv.File.Name, Original: rv.File.Original, Engine: rv.File.Engine, Warnings: rv.Warnings}
	s := &r.Summary
	for _, u := range rv.Units {
		ur := UnitReport{ID: u.ID, Line: u.Line, Source: u.Source, Draft: u.Draft, Target: u.Target, Approved: u.Approved, MergedInto: u.MergedInto,
			Rejected: u.Rejected, ToolStatus: u.ToolStatus, MissingSegments: u.MissingSegments, Comments: u.Comments}
		s.Units++
		switch {
		case u.Kind == "boilerplate":
			ur.Status = Skipped
			r.Units = append(r.Units, ur)
			continue
		case u.MergedInto != "":
			ur.Status = Merged
		case u.Untranslated:
			ur.Status = Untranslated
		case u.State == doc.StateGist:
			ur.Status = Gist
		case !u.HasDraft:
			ur.Status = Translated
		case u.Edited:
			ur.Status = Edited
		default:
			ur.Status = Unchanged
		}
		s.Translatable++
		for _, n := range u.Notes {
			if d, ok := strings.CutPrefix(n, doc.NoteSourceChanged); ok {
				ur.SourceChanged = d
			} else if p, ok := strings.CutPrefix(n, doc.NotePreviousTarget); ok {
				ur.PreviousTarget = p
			}
		}
		if ur.recheck() {
			s.Recheck++
		}
		if !u.Untranslated {
			if ur.Placeholders = Placeholders(u.Source, u.Target); len(ur.Placeholders) > 0 {
				s.Placeholders++
			}
		}
		if u.Approved {
			s.Approved++
		}
		if u.Rejected && !u.Untranslated {
			s.Rejected++
		}
		if len(u.MissingSegments) > 0 {
			s.Partial++
		}
		if len(u.Comments) > 0 {
			s.Commented++
		}
		switch ur.Status {
		case Untranslated, Merged:
			s.Untranslated++
		case Gist:
			s.Gist++
		case Translated:
			s.Translated++
			// No draft to compare with, but the names the target lacks still count.
			for _, t := range u.ExpectedTerms {
				if !doc.ContainsTerm(u.Target, t.Target) {
					s.FinalViol++
					ur.Missing = append(ur.Missing, t.Target)
				}
			}
		case Edited, Unchanged:
			s.WithDraft++
			if ur.Status == Edited {
				s.Edited++
			} else {
				s.Unchanged++
			}
			ur.Diff = WordDiff(u.Draft, u.Target)
			ur.WordEdits, ur.Words = WordEdits(u.Draft, u.Target), WordCount(u.Target)
			ur.CharEdits, ur.Chars = CharEdits(u.Draft, u.Target), len([]rune(u.Target))
			s.WordEdits += ur.WordEdits
			s.Words += ur.Words
			s.CharEdits += ur.CharEdits
			s.Chars += ur.Chars
			for _, t := range u.ExpectedTerms {
				inDraft, inTarget := doc.ContainsTerm(u.Draft, t.Target), doc.ContainsTerm(u.Target, t.Target)
				if !inDraft {
					s.DraftViol++
				}
				if !inTarget {
					s.FinalViol++
					ur.Missing = append(ur.Missing, t.Target)
				}
				switch {
				case !inDraft && inTarget:
					ur.Fixed = append(ur.Fixed, t.Target)
					s.Fixed++
				case inDraft && !inTarget:
					ur.Introduced = append(ur.Introduced, t.Target)
					s.Introduced++
				}
			}
		}
		r.Units = append(r.Units, ur)
	}
	s.WordPED = ratio(s.WordEdits, s.Words)
	s.CharPED = ratio(s.CharEdits, s.Chars)
	r.Shifts = Shifts(rv.Units)
	s.Shifted = len(r.Shifts)
	for i := range r.Shifts {
		for j := range r.Units {
			if r.Units[j].ID == r.Shifts[i].Unit {
				r.Units[j].Shift = &r.Shifts[i]
			}
		}
	}
	r.Numbers = NumberMismatches(rv.Units)
	s.Numbers = len(r.Numbers)
	for _, n := range r.Numbers {
		for j := range r.Units {
			if r.Units[j].ID == n.Unit {
				r.Units[j].Numbers = n.Mismatches
			}
		}
	}
	return r
}

// recheck reports whether an update changed the unit's Arabic and the unit
// still holds what the update wrote: the editor has yet to look at it.
func (u *UnitReport) recheck() bool {
	if u.SourceChanged == "" || u.Approved {
		return false
	}
	switch u.Status {
	case Gist, Unchanged, Untranslated:
		return true
	}
	return false
}

func ratio(a, b int) float64 {
	if b == 0 {
		if a == 0 {
			return 0
		}
		return 1
	}
	return float64(a) / float64(b)
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// WriteText writes the report for a terminal: each edited unit with its
// changes marked [-deleted-]{+inserted+}, then the summary. With all set it
// lists every unit, not only the edited ones.
func (r *Report) WriteText(w io.Writer, all bool) error {
	var b strings.Builder
	for _, u := range r.Units {
		if !all && u.Status != Edited && len(u.Placeholders) == 0 && !u.Rejected && len(u.MissingSegments) == 0 && len(u.Comments) == 0 && u.Shift == nil && len(u.Numbers) == 0 && !u.recheck() {
			continue
		}
		fmt.Fprintf(&b, "%s  %s", u.ID, u.Status)
		if u.Approved {
			b.WriteString(", approved")
		}
		if u.Rejected {
			fmt.Fprintf(&b, ", rejected (%s)", u.ToolStatus)
		}
		if u.Status == Edited || u.Status == Unchanged {
			fmt.Fprintf(&b, "  words %d/%d (%s)  chars %d/%d (%s)", u.WordEdits, u.Words, pct(ratio(u.WordEdits, u.Words)),
				u.CharEdits, u.Chars, pct(ratio(u.CharEdits, u.Chars)))
		}
		if u.MergedInto != "" {
			fmt.Fprintf(&b, " into %s", u.MergedInto)
		}
		b.WriteString("\n")
		if len(u.Diff) > 0 {
			b.WriteString("    ")
			for _, op := range u.Diff {
				switch op.Kind {
				case Insert:
					b.WriteString("{+" + op.Text + "+}")
				case Delete:
					b.WriteString("[-" + op.Text + "-]")
				default:
					b.WriteString(op.Text)
				}
			}
			b.WriteString("\n")
		} else if u.Target != "" && (u.Status == Translated || u.Rejected) {
			b.WriteString("    " + u.Target + "\n")
		}
		if u.SourceChanged != "" {
			fmt.Fprintf(&b, "    source changed: %s\n", u.SourceChanged)
			if u.PreviousTarget != "" {
				fmt.Fprintf(&b, "    previous translation: %s\n", u.PreviousTarget)
			}
		}
		if len(u.Fixed) > 0 {
			fmt.Fprintf(&b, "    glossary fixed: %s\n", strings.Join(u.Fixed, ", "))
		}
		if len(u.Introduced) > 0 {
			fmt.Fprintf(&b, "    glossary broken: %s\n", strings.Join(u.Introduced, ", "))
		}
		for _, c := range u.Comments {
			if c.From != "" && c.From != "comment" {
				fmt.Fprintf(&b, "    comment (%s): %s\n", c.From, c.Text)
			} else {
				fmt.Fprintf(&b, "    comment: %s\n", c.Text)
			}
		}
		for _, m := range u.MissingSegments {
			fmt.Fprintf(&b, "    not translated: %s (publish refuses the unit: translate this segment too)\n", m)
		}
		if u.Shift != nil {
			fmt.Fprintf(&b, "    line %d: %s (publish refuses it)\n", u.Line, u.Shift.Message())
		}
		if len(u.Numbers) > 0 {
			fmt.Fprintf(&b, "    line %d: %s (publish refuses it unless --allow-number-mismatch)\n", u.Line, Numbers{Mismatches: u.Numbers}.Message())
		}
		if len(u.Placeholders) > 0 {
			fmt.Fprintf(&b, "    placeholder left: %s (publish refuses it: write the name in its place)\n", strings.Join(u.Placeholders, " "))
		}
	}
	s := r.Summary
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	gist := ""
	if s.Gist > 0 {
		gist = fmt.Sprintf(", %d still the untouched gist (publish refuses them)", s.Gist)
	}
	rejected := ""
	if s.Rejected > 0 {
		rejected = fmt.Sprintf(", %d rejected by a reviewer (publish refuses them)", s.Rejected)
	}
	if s.Partial > 0 {
		rejected += fmt.Sprintf(", %d partly untranslated (publish refuses them)", s.Partial)
	}
	fmt.Fprintf(&b, "%s: %d units, %d translatable: %d edited, %d unchanged%s, %d translated without a draft, %d untranslated; %d approved%s\n",
		r.File, s.Units, s.Translatable, s.Edited, s.Unchanged, gist, s.Translated, s.Untranslated, s.Approved, rejected)
	fmt.Fprintf(&b, "post-edit distance over %d drafted units: words %s (%d edits / %d words), characters %s (%d / %d)\n",
		s.WithDraft, pct(s.WordPED), s.WordEdits, s.Words, pct(s.CharPED), s.CharEdits, s.Chars)
	if s.Commented > 0 {
		fmt.Fprintf(&b, "comments: %s with the editor's notes or comments, shown above\n", count(s.Commented, "unit", "units"))
	}
	fmt.Fprintf(&b, "glossary violations: %d in the drafts, %d after review: %d fixed, %d introduced\n",
		s.DraftViol, s.FinalViol, s.Fixed, s.Introduced)
	if s.Placeholders > 0 {
		holds := "units hold"
		if s.Placeholders == 1 {
			holds = "unit holds"
		}
		fmt.Fprintf(&b, "placeholders: %d %s a protected name's placeholder (⟦1⟧) instead of the name; publish refuses them\n", s.Placeholders, holds)
	}
	if s.Shifted > 0 {
		fmt.Fprintf(&b, "shifted: %s the translation of the unit before or after it, shown above; publish refuses them\n", count(s.Shifted, "unit holds", "units hold"))
	}
	if s.Recheck > 0 {
		fmt.Fprintf(&b, "source changed: %s, shown above: check the new draft against the previous translation\n",
			count(s.Recheck, "unit whose Arabic changed in an update was not looked at since", "units whose Arabic changed in an update were not looked at since"))
	}
	if s.Numbers > 0 {
		fmt.Fprintf(&b, "numbers: %s figures that differ between the English and the Arabic, shown above; publish refuses them unless --allow-number-mismatch\n",
			count(s.Numbers, "unit holds", "units hold"))
	}
	_, err := io.WriteString(w, visibleControls(b.String()))
	return err
}

// visibleControls writes the control characters of s other than line break
// and tab as <U+XXXX>: the text of a file from outside must not reach the
// terminal as commands (U+009B is a terminal's CSI, a carriage return
// writes over what the line showed).
func visibleControls(s string) string {
	if !strings.ContainsFunc(s, isHidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isHidden(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isHidden(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }

func pct(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }

// count is "1 unit" or "N units".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
