package xliff

import (
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"bitext/doc"
)

// codeAttrs are the paired inline codes an editor's target may carry through
// an update (1.2 <g>, 2.x <pc>: formatting around text) and the attributes
// kept with them. The others refer to data bitext does not keep (dataRef…,
// copyOf, xid) and would dangle.
var codeAttrs = map[string][]string{
	"g":  {"id", "ctype"},
	"pc": {"id", "type", "subType", "dispStart", "dispEnd", "equivStart", "equivEnd"},
}

// codeAttributes writes the kept attributes of a paired code, each with a
// leading space.
func codeAttributes(se xml.StartElement) string {
	var b strings.Builder
	for _, name := range codeAttrs[se.Name.Local] {
		v := attr(se, name)
		if v == "" || name == "subType" && attr(se, "type") == "" {
			continue // subType is allowed only with type
		}
		b.WriteString(" " + name + `="` + escAttr(v) + `"`)
	}
	return b.String()
}

// sourceMarkID is the form of the ids bitext gives the term marks of a 2.x
// source; a code with such an id would clash with them.
var sourceMarkID = regexp.MustCompile(`^t[0-9]+$`)

// keptTarget returns u's target as the inline content of a file of version
// ("1.2" or "2.x"), with the paired codes the editor's file had, when u was
// carried over from a file of the same version and the codes still wrap
// exactly u's target. Otherwise ok is false and the target is written as text.
// The content is parsed and written again, never copied: only the codes of
// codeAttrs and text reach the output.
func keptTarget(u *doc.Unit, version string, bad func(rune) string) (content string, ok bool) {
	m := u.XLIFF
	major, _, _ := strings.Cut(version, ".")
	if m == nil || m.TargetCodes == "" || !strings.HasPrefix(m.Version, major+".") {
		return "", false
	}
	code := "g"
	if major == "2" {
		code = "pc"
	}
	dec := xml.NewDecoder(strings.NewReader("<r>" + m.TargetCodes + "</r>"))
	var out, text strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1 && t.Name.Local == "r":
			case t.Name.Space == "" && t.Name.Local == code:
				if code == "pc" && sourceMarkID.MatchString(attr(t, "id")) {
					return "", false
				}
				out.WriteString("<" + code + codeAttributes(t) + ">")
			case t.Name.Space == "" && t.Name.Local == "cp" && code == "pc":
				n, err := strconv.ParseUint(attr(t, "hex"), 16, 32)
				if err != nil || n > utf8.MaxRune {
					return "", false
				}
				text.WriteRune(rune(n))
				out.WriteString(escText(string(rune(n)), bad))
				depth-- // an empty element: its end must come next
				if end, err := dec.Token(); err != nil {
					return "", false
				} else if _, isEnd := end.(xml.EndElement); !isEnd {
					return "", false
				}
			default:
				return "", false
			}
		case xml.EndElement:
			if depth--; depth > 0 {
				out.WriteString("</" + code + ">")
			}
		case xml.CharData:
			text.Write(t)
			out.WriteString(escText(string(t), bad))
		}
	}
	if text.String() != u.Target || !strings.Contains(out.String(), "<"+code) {
		return "", false
	}
	return out.String(), true
}
