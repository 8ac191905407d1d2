package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"bitext/doc"
	"bitext/htmlpage"
	"bitext/internal/atomicfile"
	"bitext/internal/textfile"
	"bitext/segment"
)

var segmentFormats = []string{"text", "json", "jsonl", "srx"}

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:      "segment",
			Usage:     "split an article into blocks and sentences",
			ArgsUsage: "FILE|-",
			Description: `Prints the blocks (headings, paragraphs, boilerplate) and sentences bitext finds.

Formats:
   text    one sentence per line, an empty line between blocks
   json    the blocks with their kind and byte offsets, and their sentences
   jsonl   FILE holds JSON Lines {"id": ..., "text": ...}; writes one
           {"id": ..., "paragraphs": [[sentence, ...], ...]} line per document
   srx     the segmentation rules as SRX 2.0 (same as --export-srx; no FILE needed)

Examples:
   bitext segment article.txt
   bitext segment --format json article.txt
   bitext segment --lang en english.txt
   bitext segment --export-srx -o bitext.srx        # rules for a CAT tool
   bitext segment --rules house.srx article.txt      # segment with other rules
   bitext segment --format jsonl raw.jsonl -o pred.jsonl   # input for seg-score`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Value: "ar", Usage: "language of the text (ar, en, ...)"},
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(segmentFormats, "|")},
				&cli.StringFlag{Name: "rules", Usage: "SRX 2.0 file with the sentence rules (default: the built-in rules)"},
				&cli.BoolFlag{Name: "export-srx", Usage: "write the sentence rules as SRX 2.0 and exit"},
				&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "-", Usage: "output file, - for stdout"},
			},
			Action: func(c *cli.Context) error { return segmentAction(c, e) },
		}
	})
}

func segmentAction(c *cli.Context, e *env) error {
	args := c.Args().Slice()
	if err := formatFromOutput(c, segmentFormats); err != nil {
		return err
	}
	format := c.String("format")
	known := false
	for _, f := range segmentFormats {
		known = known || f == format
	}
	if !known {
		return usagef("segment: unknown --format %q (want %s)", format, strings.Join(segmentFormats, "|"))
	}
	var err error
	opt := segment.Options{Lang: c.String("lang")}
	if path := c.String("rules"); path != "" {
		if opt.Rules, err = loadSRX(path); err != nil {
			return err
		}
		if !c.Bool("export-srx") && format != "srx" && !opt.Rules.Covers(opt.Lang) {
			return fmt.Errorf("%s: no language map of these rules applies to %q: add one (<languagemap languagepattern=%q …>) or give --lang", path, opt.Lang, opt.Lang+".*")
		}
	}
	output := c.String("output")
	if c.Bool("export-srx") {
		format = "srx"
	}
	if format == "srx" {
		if len(args) > 1 {
			return usagef("segment: --export-srx takes at most one argument, got %d", len(args))
		}
		rules := opt.Rules
		if rules == nil {
			rules = segment.DefaultRules()
		}
		return writeTo(e, output, rules.WriteSRX)
	}
	if len(args) != 1 {
		return usagef("segment: want one input file (or - for stdin), got %d", len(args))
	}
	input := args[0]
	if sameFile(output, input) {
		return usagef("segment: -o %s would overwrite the input %s: choose another name", output, input)
	}
	text, err := textfile.Read(input, e.stdin)
	if err != nil {
		return err
	}
	name := input
	if input == "-" {
		name = "stdin"
	}
	if format != "jsonl" {
		// Segmented as translate segments it: front matter is page
		// settings, not text (blanked, so offsets stay those of the file).
		if _, text, err = htmlpage.SplitFrontMatter(name, text); err != nil {
			return err
		}
	}
	switch format {
	case "jsonl":
		out, err := segmentJSONL(name, text, opt)
		if err != nil {
			return err
		}
		return writeTo(e, output, func(w io.Writer) error { _, err := w.Write(out); return err })
	case "json":
		d := segment.SplitWith(name, text, opt)
		if d.Blocks == nil {
			d.Blocks = []doc.Block{} // [] as for any text, not null
		}
		return writeTo(e, output, func(w io.Writer) error { return writeJSON(w, d) })
	default:
		d := segment.SplitWith(name, text, opt)
		return writeTo(e, output, func(w io.Writer) error { return writeSegmentText(w, d) })
	}
}

func loadSRX(path string) (*segment.Rules, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", path)
		}
		return nil, err
	}
	defer f.Close()
	return segment.ParseSRX(path, f)
}

// writeTo writes to path ("-" for stdout), atomically for files.
func writeTo(e *env, path string, fill func(io.Writer) error) error {
	if path == "-" {
		bw := bufio.NewWriter(e.stdout)
		if err := fill(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if err := atomicfile.Write(path, fill); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// writeSegmentText prints one sentence per line and an empty line between blocks.
func writeSegmentText(w io.Writer, d *doc.Document) error {
	bw := bufio.NewWriter(w)
	for i, b := range d.Blocks {
		if i > 0 {
			bw.WriteByte('\n')
		}
		for _, s := range b.Segments {
			bw.WriteString(s.Text)
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

// segmentJSONL segments every {"id", "text"} line of data and returns the
// {"id", "paragraphs"} lines.
func segmentJSONL(name, data string, opt segment.Options) ([]byte, error) {
	var out bytes.Buffer
	// Windows editors start the file with a byte order mark.
	data = strings.TrimPrefix(data, "\ufeff")
	for n, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var in struct {
			ID   *json.RawMessage `json:"id"`
			Text *string          `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &in); err != nil {
			return nil, fmt.Errorf("%s:%d: not a JSON object: %w", name, n+1, err)
		}
		if in.ID == nil || in.Text == nil {
			return nil, fmt.Errorf("%s:%d: want an object with \"id\" and \"text\"", name, n+1)
		}
		d := segment.SplitWith(name, *in.Text, opt)
		paras := make([][]string, 0, len(d.Blocks))
		for _, b := range d.Blocks {
			var p []string
			for _, s := range b.Segments {
				p = append(p, s.Text)
			}
			paras = append(paras, p)
		}
		rec, err := json.Marshal(struct {
			ID         *json.RawMessage `json:"id"`
			Paragraphs [][]string       `json:"paragraphs"`
		}{in.ID, paras})
		if err != nil {
			return nil, err
		}
		out.Write(rec)
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}
