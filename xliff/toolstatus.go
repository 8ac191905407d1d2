package xliff

import (
	"encoding/xml"
	"strings"
)

// Namespaces of the CAT tools whose own segment statuses the reader reads:
// Trados keeps a reviewer's approval or rejection in its segment
// definitions and memoQ in a unit attribute, beside an XLIFF state they may
// leave as bitext wrote it.
const (
	nsSDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
	nsMQ  = "MQXliff"
)

// toolStatus is what a CAT tool's own marks say of a unit.
type toolStatus struct {
	known    bool     // the tool recorded a status for the unit
	approved bool     // every segment of it approved
	rejected bool     // a reviewer rejected (a segment of) the translation
	labels   []string // the tool's own words, for messages: "Trados RejectedTranslation"
}

// add records the status of one segment as the tool names it.
func (t *toolStatus) add(tool, status string, approved, rejected bool) {
	if !t.known {
		t.approved = true
	}
	t.known = true
	t.approved = t.approved && approved
	t.rejected = t.rejected || rejected
	label := tool + " " + status
	if status == "" {
		label = tool + " not translated"
	}
	for _, l := range t.labels {
		if l == label {
			return
		}
	}
	t.labels = append(t.labels, label)
}

// sdlSegment records a Trados segment definition (<sdl:seg conf="…">): its
// confirmation level ApprovedTranslation or ApprovedSignOff is a reviewer's
// approval, RejectedTranslation or RejectedSignOff a rejection; Draft,
// Translated and no level at all are neither.
func (t *toolStatus) sdlSegment(se xml.StartElement) {
	conf := ""
	for _, a := range se.Attr {
		if a.Name.Local == "conf" {
			conf = strings.TrimSpace(a.Value)
		}
	}
	switch conf {
	case "ApprovedTranslation", "ApprovedSignOff":
		t.add("Trados", conf, true, false)
	case "RejectedTranslation", "RejectedSignOff":
		t.add("Trados", conf, false, true)
	default:
		t.add("Trados", conf, false, false)
	}
}

// memoQ records memoQ's row status (mq:status on the unit): a reviewer's
// confirmation (Reviewer1Confirmed, Proofread, which is the second
// reviewer's) is an approval, Rejected a rejection; the translator's
// ManuallyConfirmed is neither, as 1.2 "translated" is not.
func (t *toolStatus) memoQ(status string) {
	switch s := strings.TrimSpace(status); s {
	case "Reviewer1Confirmed", "Reviewer2Confirmed", "Proofread":
		t.add("memoQ", s, true, false)
	case "Rejected":
		t.add("memoQ", s, false, true)
	default:
		t.add("memoQ", s, false, false)
	}
}

// apply makes the tool's status the unit's approval when the tool recorded
// one: it is what the editor last set, while the XLIFF state may still be
// the one bitext wrote.
func (t *toolStatus) apply(u *Unit) {
	if !t.known {
		return
	}
	u.Approved = t.approved && !t.rejected
	u.Rejected = t.rejected
	u.ToolStatus = strings.Join(t.labels, ", ")
}

// EditorMarks returns the XLIFF state, qualifier and approved attribute
// that say what the editor's file says of u, for writing the unit again
// where the CAT tool's own status will not come along (Trados's segment
// definitions are not carried): the file's own marks, made to agree with
// the tool's status when it recorded one, an approval there written as 1.2
// signed-off with approved="yes" (2.x final) and a rejection as a
// translation that needs review.
func (u *Unit) EditorMarks(version string) (state, qualifier string, approved bool) {
	state, qualifier, approved = u.State, u.Qualifier, u.ApprovedAttr
	if u.ToolStatus == "" {
		return state, qualifier, approved
	}
	v2 := strings.HasPrefix(version, "2.")
	switch {
	case u.Approved:
		if v2 {
			return "final", "", false
		}
		return "signed-off", "", true
	case u.Rejected:
		if v2 {
			return "translated", "", false
		}
		return "needs-review-translation", "", false
	case state == "final" || state == "signed-off" || state == "reviewed" || approved:
		// approved once, but not in the tool now
		return "translated", "", false
	}
	return state, qualifier, approved
}

// sdlDocInfo reads Trados's <doc-info>, which comes before the files: the
// comment threads (<cmt-defs><cmt-def id><Comments><Comment user=…>) that
// comment marks in the targets name. Its other parts are skipped.
func (rd *reader) sdlDocInfo(depth int) error {
	return rd.children(depth, func(c xml.StartElement, d int) error {
		if c.Name.Local != "cmt-defs" {
			return rd.skip(d)
		}
		return rd.children(d, func(def xml.StartElement, d int) error {
			if def.Name.Local != "cmt-def" {
				return rd.skip(d)
			}
			id := attr(def, "id")
			var thread []string
			err := rd.children(d, func(cs xml.StartElement, d int) error {
				return rd.children(d, func(cm xml.StartElement, d int) error {
					if cm.Name.Local != "Comment" {
						return rd.skip(d)
					}
					text, _, _, err := rd.inline(d)
					if text = strings.TrimSpace(text); err != nil || text == "" {
						return err
					}
					if who := strings.TrimSpace(attr(cm, "user")); who != "" {
						text = who + ": " + text
					}
					thread = append(thread, text)
					return nil
				})
			})
			if err != nil || id == "" || len(thread) == 0 {
				return err
			}
			if rd.sdlComments == nil {
				rd.sdlComments = map[string]string{}
			}
			rd.sdlComments[id] = strings.Join(thread, " / ")
			return nil
		})
	})
}
