// Package htmlpage writes a bitext as one self-contained side-by-side HTML page.
package htmlpage

import (
	"html/template"
	"io"

	"bitext/doc"
)

// Options configure the page. The zero value gives the default page.
type Options struct {
	Title string // page title; default: the source file name
}

type row struct {
	doc.Unit
	Flagged bool
}

type page struct {
	Title      string
	SourceLang string
	TargetLang string
	Rows       []row
}

// Write renders b as HTML to w. Everything taken from b is escaped.
func Write(w io.Writer, b *doc.Bitext, opts Options) error {
	p := page{Title: opts.Title, SourceLang: b.SourceLang, TargetLang: b.TargetLang}
	if p.Title == "" {
		p.Title = b.Name
	}
	for _, u := range b.Units {
		p.Rows = append(p.Rows, row{Unit: u, Flagged: len(u.Flags) > 0})
	}
	return tmpl.Execute(w, p)
}

var tmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.TargetLang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: .3rem .6rem; width: 50%; }
td[lang=ar] { font-family: "Noto Naskh Arabic", "Amiri", "Geeza Pro", "Arial", sans-serif; font-size: 1.15em; }
tr.heading td { font-weight: bold; font-size: 1.3em; padding-top: 1rem; }
tr.boilerplate td { color: #777; font-size: .85em; border-top: 1px dashed #bbb; }
tr.flagged td.tgt { background: #fff4d6; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<table>
{{range .Rows}}<tr class="{{.Kind}}{{if .Flagged}} flagged{{end}}" id="{{.ID}}"><td class="tgt" lang="{{$.TargetLang}}">{{.Target}}</td><td class="src" dir="rtl" lang="{{$.SourceLang}}">{{.Source}}</td></tr>
{{end}}</table>
</body>
</html>
`))
