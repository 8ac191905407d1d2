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
	base := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	return base + f.ext
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

// checkOutputName refuses an -o whose extension names another format than
// the one to be written, when --format was not given: "-o article.xlf"
// would otherwise get the default format (a page, a bead list) under an
// XLIFF name. Only formats the command can write (writable) are suggested.
func checkOutputName(c *cli.Context, output, format string, writable []string) error {
	if output == "" || output == "-" || c.IsSet("format") {
		return nil
	}
	named, ok := extFormats[strings.ToLower(filepath.Ext(output))]
	if !ok || named == format || named == "xliff" && format == "xliff2" || !slices.Contains(writable, named) {
		return nil
	}
	alt := ""
	if named == "xliff" && slices.Contains(writable, "xliff2") {
		alt = " (or xliff2)"
	}
	return usagef("-o %s names a %s file, but the output would be %s: give --format %s%s, or another file name", output, named, format, named, alt)
}
