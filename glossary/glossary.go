// Package glossary loads glossary.yaml and finds its terms in Arabic text.
package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Entry is one glossary term.
type Entry struct {
	Ar        string   `yaml:"ar"`                  // the Arabic term
	En        string   `yaml:"en"`                  // its English rendering
	Variants  []string `yaml:"variants,omitempty"`  // other Arabic spellings
	Type      string   `yaml:"type,omitempty"`      // person, place, organisation, media, other
	Note      string   `yaml:"note,omitempty"`      // shown to translators
	Translate *bool    `yaml:"translate,omitempty"` // nil or true: translate; false: keep as it is
	Context   []string `yaml:"context,omitempty"`   // words that select this entry among homographs
	Line      int      `yaml:"-"`                   // line of the entry in its file
}

// Translatable reports whether the term is to be rendered in English.
func (e *Entry) Translatable() bool { return e.Translate == nil || *e.Translate }

// Glossary is a loaded glossary file.
type Glossary struct {
	Name    string // file name, for messages
	Entries []*Entry
}

// Load reads and validates a glossary file.
func Load(path string) (*Glossary, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse decodes and validates glossary YAML; name is used in error messages.
func Parse(name string, data []byte) (*Glossary, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, errIOEOF()) {
			return &Glossary{Name: name}, nil
		}
		return nil, fmt.Errorf("%s: %v", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var file struct {
		Terms []yaml.Node `yaml:"terms"`
	}
	if err := root.Decode(&file); err != nil {
		return nil, fmt.Errorf("%s: %v", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	g := &Glossary{Name: name}
	for i := range file.Terms {
		n := &file.Terms[i]
		var e Entry
		if err := n.Decode(&e); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n.Line, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		e.Line = n.Line
		if strings.TrimSpace(e.Ar) == "" {
			return nil, fmt.Errorf("%s:%d: entry has no Arabic term (ar)", name, n.Line)
		}
		if strings.TrimSpace(e.En) == "" && e.Translatable() {
			return nil, fmt.Errorf("%s:%d: entry %q has no English rendering (en)", name, n.Line, e.Ar)
		}
		g.Entries = append(g.Entries, &e)
	}
	return g, nil
}
