// Package xliff writes and reads bitexts as XLIFF for CAT tools.
package xliff

import (
	"encoding/xml"
	"io"

	"bitext/doc"
)

// Options configure the XLIFF writer.
type Options struct{}

type file12 struct {
	XMLName xml.Name `xml:"urn:oasis:names:tc:xliff:document:1.2 xliff"`
	Version string   `xml:"version,attr"`
	File    struct {
		Original string `xml:"original,attr"`
		Source   string `xml:"source-language,attr"`
		Target   string `xml:"target-language,attr"`
		Datatype string `xml:"datatype,attr"`
		Body     struct {
			Units []unit12 `xml:"trans-unit"`
		} `xml:"body"`
	} `xml:"file"`
}

type unit12 struct {
	ID        string   `xml:"id,attr"`
	Translate string   `xml:"translate,attr,omitempty"`
	Space     string   `xml:"xml:space,attr"`
	Source    string   `xml:"source"`
	Target    *target  `xml:"target"`
	Notes     []string `xml:"note"`
}

type target struct {
	State string `xml:"state,attr,omitempty"`
	Text  string `xml:",chardata"`
}

// Write12 writes b as XLIFF 1.2, one trans-unit per unit.
func Write12(w io.Writer, b *doc.Bitext, opts Options) error {
	var f file12
	f.Version = "1.2"
	f.File.Original = b.Name
	f.File.Source = b.SourceLang
	f.File.Target = b.TargetLang
	f.File.Datatype = "plaintext"
	for _, u := range b.Units {
		x := unit12{ID: u.ID, Space: "preserve", Source: u.Source, Notes: u.Notes}
		if u.Kind == doc.Boilerplate {
			x.Translate = "no"
		}
		if u.Target != "" {
			x.Target = &target{State: "needs-review-translation", Text: u.Target}
		}
		f.File.Body.Units = append(f.File.Body.Units, x)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(&f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
