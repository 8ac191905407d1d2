package xliff

import (
	"strconv"
	"strings"
	"unicode"

	"bitext/doc"
)

const nsXML = "http://www.w3.org/XML/1998/namespace"

// unitAttrs12 are the attributes XLIFF 1.2 (strict) gives a <trans-unit>
// that an editor's tool may set and bitext writes back as they were; id,
// approved, translate and xml:space are bitext's own, and phase-name refers
// to a phase of the editor's header, which is not carried.
var unitAttrs12 = map[string]bool{
	"reformat": true, "datatype": true, "restype": true, "resname": true, "extradata": true, "extype": true,
	"help-id": true, "menu": true, "menu-option": true, "menu-name": true, "coord": true, "font": true,
	"css-style": true, "style": true, "exstyle": true, "size-unit": true, "maxwidth": true, "minwidth": true,
	"maxheight": true, "minheight": true, "maxbytes": true, "minbytes": true, "charclass": true, "merged-trans": true,
}

// unitAttrs2 are the attributes XLIFF 2 gives a <unit> that bitext writes
// back as they were; id and translate are bitext's own.
var unitAttrs2 = map[string]bool{"name": true, "canResegment": true, "srcDir": true, "trgDir": true, "type": true}

// keptAttrs returns the attributes (name, value pairs for xmlw) of the
// editor's unit element that u is written with again in a file of version
// ("1.2" or "2.1"): those the version defines on a unit and those of other
// namespaces (a CAT tool's own, declared on the element), when u comes from a
// file of the same major version; from the other version only the resource
// name (1.2 resname, 2.x name). Anything else, and anything that is not a
// well-formed attribute (marks can come from a JSON file), is left out.
func keptAttrs(u *doc.Unit, version string) []string {
	m := u.XLIFF
	if m == nil || len(m.Attrs) == 0 {
		return nil
	}
	major, _, _ := strings.Cut(version, ".")
	same := strings.HasPrefix(m.Version, major+".")
	// the resource name is the one attribute both versions have
	known, resname, otherResname := unitAttrs12, "resname", "name"
	if major == "2" {
		known, resname, otherResname = unitAttrs2, "name", "resname"
	}
	var out []string
	seen := map[[2]string]bool{}
	prefixes := map[string]string{} // namespace → the prefix declared for it
	for _, a := range m.Attrs {
		if !ncName(a.Name) || seen[[2]string{a.Space, a.Name}] {
			continue
		}
		name := a.Name
		switch {
		case a.Space == "" && !same:
			if a.Name != otherResname {
				continue
			}
			name = resname
		case a.Space == "":
			if !known[a.Name] {
				continue
			}
		case !same || a.Space == nsXML || a.Space == "xml" || a.Space == "xmlns" || a.Space == NS12 || a.Space == NS20:
			continue
		default:
			p, ok := prefixes[a.Space]
			if !ok {
				p = "ns" + strconv.Itoa(len(prefixes)+1)
				prefixes[a.Space] = p
				out = append(out, "xmlns:"+p, a.Space)
			}
			name = p + ":" + a.Name
		}
		seen[[2]string{a.Space, a.Name}] = true
		out = append(out, name, a.Value)
	}
	return out
}

// ncName reports whether s is an XML name without a colon.
func ncName(s string) bool {
	if s == "" || strings.HasPrefix(strings.ToLower(s), "xml") {
		return false
	}
	for i, r := range s {
		letter := r == '_' || unicode.IsLetter(r)
		if i == 0 && !letter || !letter && !unicode.IsDigit(r) && r != '-' && r != '.' && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}
