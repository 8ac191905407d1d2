package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"bitext/doc"
	"bitext/htmlpage"
	"bitext/internal/atomicfile"
	"bitext/xliff"
)

// outputFormat is one way of writing a bitext.
type outputFormat struct {
	ext   string
	write func(w io.Writer, b *doc.Bitext) error
}

var outputFormats = map[string]outputFormat{
	"html": {".html", func(w io.Writer, b *doc.Bitext) error { return htmlpage.Write(w, b, htmlpage.Options{}) }},
	"xliff": {".xlf", func(w io.Writer, b *doc.Bitext) error {
		return xliff.Write12(w, b, xliff.Options{ToolVersion: version})
	}},
	"json": {".json", doc.WriteJSON},
}

func formatNames() string {
	var names []string
	for n := range outputFormats {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, "|")
}

func lookupFormat(name string) (outputFormat, error) {
	f, ok := outputFormats[name]
	if !ok {
		return f, usagef("unknown --format %q (want %s)", name, formatNames())
	}
	return f, nil
}

// defaultOutput is the input's name with the format's extension; stdin goes to stdout.
func defaultOutput(input string, f outputFormat) string {
	if input == "-" {
		return "-"
	}
	return outputStem(filepath.Base(input)) + f.ext
}

// outputStem is path without its extension, and without the XLIFF extension
// that a CAT tool's own one follows: Trados saves article.xlf as
// article.xlf.sdlxliff, memoQ as article.xlf.mqxliff, and their outputs are
// the article's.
func outputStem(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	if ext == ".sdlxliff" || ext == ".mqxliff" {
		switch strings.ToLower(filepath.Ext(stem)) {
		case ".xlf", ".xliff":
			stem = strings.TrimSuffix(stem, filepath.Ext(stem))
		}
	}
	return stem
}

// writeOutput writes b to path ("-" for stdout) atomically.
func writeOutput(e *env, path string, f outputFormat, b *doc.Bitext) error {
	if path == "-" {
		return f.write(e.stdout, b)
	}
	if err := atomicfile.Write(path, func(w io.Writer) error { return f.write(w, b) }); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// writeJSON writes v as indented JSON, the form of every --json output,
// leaving <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// extFormats is the format a file name's extension says.
var extFormats = map[string]string{
	".html": "html", ".htm": "html", ".xlf": "xliff", ".xliff": "xliff", ".json": "json", ".tmx": "tmx",
	".jsonl": "jsonl", ".srx": "srx",
}

// formatFromOutput gives --format, when it is not given, the format that
// -o's extension names, if the command can write it (writable): "-o
// article.xlf" writes XLIFF, as its name says, not the default page. An
// XLIFF name with --update is left to the file updated, whose version the
// output keeps.
func formatFromOutput(c *cli.Context, writable []string) error {
	output := c.String("output")
	if output == "" || output == "-" || c.IsSet("format") {
		return nil
	}
	named, ok := extFormats[strings.ToLower(filepath.Ext(output))]
	if !ok || !slices.Contains(writable, named) {
		return nil
	}
	if named == "xliff" && slices.Contains(c.FlagNames(), "update") && c.String("update") != "" {
		return nil
	}
	return c.Set("format", named)
}
