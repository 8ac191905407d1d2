package main

import (
	"fmt"
	"html/template"
	"io"

	"github.com/urfave/cli/v2"

	"bitext/doc"
	"bitext/htmlpage"
)

// pageFlags are the translate flags that shape the bilingual HTML page.
func pageFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "title", Usage: "page title (default: front matter title, else the translated headline, else the file name)"},
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
// tmpl is the --template page, loaded once for all inputs (nil: the default page).
func readPageSettings(c *cli.Context, name, text string, tmpl *template.Template) (pageSettings, string, error) {
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
	p.opts = pageOptions(c, meta, tmpl)
	return p, text, nil
}

// format returns f, writing the page with these settings when f is the HTML format.
func (p pageSettings) format(f outputFormat) outputFormat {
	if p.html {
		f.write = func(w io.Writer, b *doc.Bitext) error { return htmlpage.Write(w, b, p.opts) }
	}
	return f
}

// loadPageTemplate loads the --template page, or returns nil for the default page.
func loadPageTemplate(c *cli.Context) (*template.Template, error) {
	if path := c.String("template"); path != "" {
		return htmlpage.LoadTemplate(path)
	}
	return nil, nil
}

// pageOptions combines the page flags with the article's front matter; flags win.
func pageOptions(c *cli.Context, meta htmlpage.Meta, tmpl *template.Template) htmlpage.Options {
	pick := func(flag, fromFile string) string {
		if c.IsSet(flag) {
			return c.String(flag)
		}
		return fromFile
	}
	return htmlpage.Options{
		Title:     pick("title", meta.Title),
		Source:    pick("source-name", meta.Source),
		SourceURL: pick("source-url", meta.URL),
		Date:      pick("date", meta.Date),
		Clean:     c.Bool("clean"),
		Template:  tmpl,
		Warn:      pageWarn(c),
	}
}

// pageWarn prints the page writer's warning on stderr, as the XLIFF writers' are.
func pageWarn(c *cli.Context) func(msg string) {
	return func(msg string) { fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s\n", msg) }
}

// htmlFormat is the HTML format of the commands without page flags, with
// warnings on stderr.
func htmlFormat(c *cli.Context) outputFormat {
	return outputFormat{".html", func(w io.Writer, b *doc.Bitext) error {
		return htmlpage.Write(w, b, htmlpage.Options{Warn: pageWarn(c)})
	}}
}
