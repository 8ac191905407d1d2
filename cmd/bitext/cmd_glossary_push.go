package main

import (
	"fmt"
	"io"
	"log/slog"
	"strings"

	"cloud.google.com/go/storage"
	"github.com/urfave/cli/v2"
	"google.golang.org/api/option"

	"bitext/glossary"
	"bitext/internal/atomicfile"
	"bitext/translate"
	"bitext/translate/google"
)

func init() {
	glossarySubcommands = append(glossarySubcommands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:  "push",
			Usage: "create or update a Google Cloud Translation glossary from glossary.yaml",
			Description: `Writes the glossary as a two-column TSV (Arabic, English; variants on rows of
their own), uploads it to Cloud Storage, then creates the Cloud Translation
glossary, or updates it when it exists, and waits until the service has read it.
Credentials come from Application Default Credentials. Glossaries live in a region
(not "global"): translate with the same --location and --engine-glossary ID.
Google writes a glossary term wherever it occurs, so a spelling that bitext
matches only in context (homographs told apart by context words, a one-word
name that is mostly an ordinary word, such as المصري) is left out and named.

Examples:
   bitext glossary push --project my-proj --gcs-uri gs://my-bucket/bitext/names.tsv
   bitext translate --engine google --project my-proj --location us-central1 --engine-glossary bitext article.txt
   bitext glossary push --tsv names.tsv          # only write the TSV, push nothing`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary file (default: ./" + defaultGlossary + ")"},
				&cli.StringFlag{Name: "project", EnvVars: []string{"GOOGLE_CLOUD_PROJECT"}, Usage: "Google Cloud project"},
				&cli.StringFlag{Name: "location", Value: "us-central1", Usage: "Google Cloud region of the glossary"},
				&cli.StringFlag{Name: "id", Value: "bitext", Usage: "glossary id"},
				&cli.StringFlag{Name: "gcs-uri", Usage: "gs://BUCKET/OBJECT to upload the TSV to"},
				&cli.StringFlag{Name: "tsv", Usage: "write the TSV to this file and push nothing"},
				&cli.StringFlag{Name: "source-lang", Value: "ar", Usage: "language of the terms"},
				&cli.StringFlag{Name: "target-lang", Value: "en", Usage: "language of the renderings"},
				&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
			},
			Action: func(c *cli.Context) error { return glossaryPushAction(c, e) },
		}
	})
}

func glossaryPushAction(c *cli.Context, e *env) error {
	if c.NArg() > 0 {
		return usagef("glossary push: takes no arguments (use --glossary FILE)")
	}
	path := c.String("glossary")
	if path == "" {
		path = defaultGlossary
	}
	all, err := glossary.Load(path)
	if err != nil {
		return err
	}
	// Google writes a glossary term wherever it occurs: what bitext matches
	// only in context stays out.
	g, held := glossary.ForGoogle(all)
	if !c.Bool("quiet") {
		reportWithheld(e, all, "Google glossary", held)
	}
	if tsv := c.String("tsv"); tsv != "" {
		var rows int
		if err := atomicfile.Write(tsv, func(w io.Writer) (err error) { rows, err = google.GlossaryTSV(w, g); return err }); err != nil {
			return err
		}
		if !c.Bool("quiet") {
			fmt.Fprintf(e.stderr, "bitext: wrote %s (%d rows)\n", tsv, rows)
		}
		return nil
	}
	project, _, err := engineSetting(c.String("project"), "project", "GOOGLE_CLOUD_PROJECT")
	if err != nil {
		return err
	}
	if project == "" {
		return usagef("glossary push: no Google Cloud project: use --project or set GOOGLE_CLOUD_PROJECT")
	}
	if c.String("gcs-uri") == "" {
		return usagef("glossary push: --gcs-uri gs://BUCKET/OBJECT is needed: Cloud Translation reads glossaries from Cloud Storage")
	}
	if !strings.HasSuffix(strings.ToLower(c.String("gcs-uri")), ".tsv") {
		// The service tells the format by the object's extension, and what
		// push uploads is tab-separated.
		return usagef("glossary push: --gcs-uri %s: name the object .tsv: push uploads tab-separated rows, and Cloud Translation reads a glossary by its extension", c.String("gcs-uri"))
	}
	cfg := translate.Config{Project: project, Location: c.String("location")}
	tc, err := google.Dial(c.Context, cfg, google.ClientOptions(cfg))
	if err != nil {
		return fmt.Errorf("connecting to Cloud Translation: %w", err)
	}
	defer tc.Close()
	sc, err := storage.NewClient(c.Context, option.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		return fmt.Errorf("connecting to Cloud Storage: %w", err)
	}
	defer sc.Close()
	res, err := google.PushGlossary(c.Context, tc, sc, g, google.Push{
		Project: cfg.Project, Location: cfg.Location, ID: c.String("id"), GCSURI: c.String("gcs-uri"),
		SourceLang: c.String("source-lang"), TargetLang: c.String("target-lang"),
	})
	if err != nil {
		return err
	}
	if !c.Bool("quiet") {
		verb := "updated"
		if res.Created {
			verb = "created"
		}
		fmt.Fprintf(e.stderr, "bitext: %s %s: %d rows uploaded to %s, %d entries\n", verb, res.Name, res.Rows, c.String("gcs-uri"), res.Entries)
		fmt.Fprintf(e.stderr, "bitext: translate with --engine google --location %s --engine-glossary %s\n", cfg.Location, c.String("id"))
	}
	return nil
}
