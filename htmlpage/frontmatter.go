package htmlpage

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"

	"bitext/internal/yamlerr"
)

// Meta is the page metadata an article may carry in YAML front matter:
//
//	---
//	title: North Korea warned over arms for Russia
//	source: AFP
//	url: https://example.com/article
//	date: 2023-09-05
//	---
type Meta struct {
	Title  string `yaml:"title"`  // the page title (Options.Title)
	Source string `yaml:"source"` // the publication the article comes from (Options.Source)
	URL    string `yaml:"url"`    // link to the original article (Options.SourceURL)
	Date   string `yaml:"date"`   // publication date as shown (Options.Date)
}

// SplitFrontMatter reads the front matter at the start of text, if any. It
// returns the metadata and text with the front matter replaced by spaces, so
// that byte offsets and line numbers of the article stay as they were in the
// file. Text without front matter (no "---" first line, or no closing "---"
// or "..." line) comes back unchanged. name is used in error messages.
func SplitFrontMatter(name, text string) (Meta, string, error) {
	var m Meta
	body := strings.TrimPrefix(text, "\ufeff")
	skip := len(text) - len(body)
	first, rest, ok := strings.Cut(body, "\n")
	if !ok || strings.TrimRight(first, " \t\r") != "---" {
		return m, text, nil
	}
	end, pos := -1, 0
	for pos < len(rest) {
		line, _, _ := strings.Cut(rest[pos:], "\n")
		if l := strings.TrimRight(line, " \t\r"); l == "---" || l == "..." {
			end = pos
			pos += len(line)
			if pos < len(rest) {
				pos++ // the newline
			}
			break
		}
		pos += len(line) + 1
	}
	if end < 0 {
		return m, text, nil
	}
	dec := yaml.NewDecoder(strings.NewReader(rest[:end]))
	if err := dec.Decode(&m); err != nil && !errors.Is(err, io.EOF) {
		// The YAML starts on the file's second line.
		var errs []error
		for _, p := range yamlerr.Problems([]byte(rest[:end]), err) {
			if p.Line == 0 {
				errs = append(errs, fmt.Errorf("%s: front matter: %s", name, p.Msg))
			} else {
				errs = append(errs, fmt.Errorf("%s:%d: front matter: %s", name, p.Line+1, p.Msg))
			}
		}
		return Meta{}, text, errors.Join(errs...)
	}
	n := skip + len(first) + 1 + pos
	return m, blank(text[:n]) + text[n:], nil
}

// blank replaces every byte of s but line ends with a space.
func blank(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}
