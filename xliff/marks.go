package xliff

import (
	"strings"

	"bitext/doc"
)

// bitextStates are the states whose XLIFF marks bitext writes itself.
var bitextStates = []doc.State{doc.StateNew, doc.StateGist, doc.StateMachine, doc.StateMemory, doc.StateReviewed, doc.StateFinal}

// unitState12 is the 1.2 state, state-qualifier and approval to write for u:
// the editor's marks when the unit carries them (the same ones when they
// come from a 1.2 file), else what bitext says for its state.
func unitState12(u *doc.Unit) (state, qualifier string, approved bool) {
	m := u.XLIFF
	if m == nil {
		state, qualifier = state12(u.State)
		return state, qualifier, u.State == doc.StateFinal
	}
	if !strings.HasPrefix(m.Version, "2.") {
		return m.State, m.Qualifier, m.Approved
	}
	for _, s := range bitextStates {
		if st, sub := state21(s); st == m.State && sub == m.Qualifier && sub != "" {
			state, qualifier = state12(s)
			return state, qualifier, false
		}
	}
	switch m.State {
	case "final":
		return "final", "", true
	case "reviewed":
		// 1.2 has no "reviewed": signed-off is its state for changes
		// reviewed and approved, and approved="yes" keeps the approval for
		// tools that look only at the attribute.
		return "signed-off", "", true
	case "translated":
		return "translated", "", false
	}
	return "needs-translation", "", false
}

// unitState21 is the 2.x segment state and subState to write for u: the
// editor's marks when the unit carries them (the same ones when they come
// from a 2.x file), else what bitext says for its state.
func unitState21(u *doc.Unit) (state, sub string) {
	m := u.XLIFF
	if m == nil {
		if u.State == doc.StateReviewed && (u.HasFlag(doc.FlagLowConfidence) || u.HasFlag(doc.FlagNumberMismatch)) {
			// 2.x "reviewed" is an approval; an aligner's pair it doubts is
			// a translation no one has checked yet, as 1.2 "translated" says
			return "translated", ""
		}
		return state21(u.State)
	}
	if strings.HasPrefix(m.Version, "2.") {
		return m.State, m.Qualifier
	}
	if !m.Approved {
		for _, s := range bitextStates {
			if st, q := state12(s); st == m.State && q == m.Qualifier && q != "" {
				return state21(s)
			}
		}
	}
	switch {
	case m.State == "final":
		return "final", ""
	case m.Approved || m.State == "signed-off":
		// 2.x has no signed-off and no approval apart from the state:
		// reviewed is its state for a translation checked and approved.
		return "reviewed", ""
	case m.State == "translated" || strings.HasPrefix(m.State, "needs-review-"):
		return "translated", ""
	}
	return "initial", ""
}

// Marks returns the marks bitext itself writes for a unit in state s in a
// file of the given XLIFF version, for a unit that takes an editor's notes
// from such a file but not the state the editor gave another text.
func Marks(version string, s doc.State) *doc.XLIFFMarks {
	m := &doc.XLIFFMarks{Version: version}
	if strings.HasPrefix(version, "2.") {
		m.State, m.Qualifier = state21(s)
	} else {
		m.State, m.Qualifier = state12(s)
	}
	return m
}
