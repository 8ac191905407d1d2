package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"bitext/doc"
	"bitext/htmlpage"
)

// pageFlags are the translate flags that shape the bilingual HTML page.
func pageFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "title", Usage: "page title (default: front matter title, else the file name)"},
		&cli.StringFlag{Name: "source-name", Usage: "publication the article comes from, shown under the title (default: front matter source)"},
		&cli.StringFlag{Name: "source-url", Usage: "link to the original article (default: front matter url)"},
		&cli.StringFlag{Name: "date", Usage: "publication date as shown, YYYY-MM-DD preferred (default: front matter date)"},
		&cli.BoolFlag{Name: "clean", Usage: "page for publishing: no editor flags, no web boilerplate"},
		&cli.StringFlag{Name: "template", Usage: "newsroom page template (html/template) instead of the default page", TakesFile: true},
	}
}

// pageSettings are the HTML page options of one translate run.
type pageSettings struct {
	html bool
	opts htmlpage.Options
}

// readPageSettings takes the article's front matter out of text (keeping its
// offsets) and combines it with the page flags; flags win. Page flags with
// another output format are a usage error.
func readPageSettings(c *cli.Context, name, text string) (pageSettings, string, error) {
	meta, text, err := htmlpage.SplitFrontMatter(name, text)
	if err != nil {
		return pageSettings{}, text, err
	}
	p := pageSettings{html: c.String("format") == "html"}
	if !p.html {
		for _, f := range []string{"title", "source-name", "source-url", "date", "clean", "template"} {
			if c.IsSet(f) {
				return p, text, usagef("translate: --%s applies only to --format html", f)
			}
		}
		return p, text, nil
	}
	p.opts, err = pageOptions(c, meta)
	return p, text, err
}

// format returns f, writing the page with these settings when f is the HTML format.
func (p pageSettings) format(f outputFormat) outputFormat {
	if p.html {
		f.write = func(w io.Writer, b *doc.Bitext) error { return htmlpage.Write(w, b, p.opts) }
	}
	return f
}

// pageOptions combines the page flags with the article's front matter; flags win.
func pageOptions(c *cli.Context, meta htmlpage.Meta) (htmlpage.Options, error) {
	pick := func(flag, fromFile string) string {
		if c.IsSet(flag) {
			return c.String(flag)
		}
		return fromFile
	}
	opts := htmlpage.Options{
		Title:     pick("title", meta.Title),
		Source:    pick("source-name", meta.Source),
		SourceURL: pick("source-url", meta.URL),
		Date:      pick("date", meta.Date),
		Clean:     c.Bool("clean"),
	}
	if path := c.String("template"); path != "" {
		t, err := htmlpage.LoadTemplate(path)
		if err != nil {
			return opts, err
		}
		opts.Template = t
	}
	return opts, nil
}
