package doc

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes b as {"source_lang", "target_lang", "units": [...]}, indented.
func WriteJSON(w io.Writer, b *Bitext) error {
	out := *b
	if out.Units == nil {
		out.Units = []Unit{}
	}
	for i := range out.Units {
		if out.Units[i].Terms == nil {
			out.Units[i].Terms = []TermHit{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}

// ReadJSON reads what WriteJSON wrote.
func ReadJSON(r io.Reader) (*Bitext, error) {
	var b Bitext
	dec := json.NewDecoder(r)
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("bitext JSON: %w", err)
	}
	return &b, nil
}
