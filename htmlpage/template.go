package htmlpage

import "html/template"

// DefaultTemplate is the page bitext writes unless a newsroom template is
// given. Its named parts ("bitext-head" = "bitext-meta" + CSP meta tag +
// "bitext-style", "bitext-article" = "bitext-header" + "bitext-legend" +
// "bitext-blocks") can be called from a newsroom template loaded with
// LoadTemplate.
const DefaultTemplate = `
{{- define "bitext-meta" -}}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
{{- end}}

{{- define "bitext-style"}}<style>{{.CSS}}</style>{{end}}

{{- define "bitext-head" -}}
{{template "bitext-meta" .}}
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
{{template "bitext-style" .}}
{{- end}}

{{- define "bitext-header" -}}
<header class="meta">
{{- with .Headline}}
<div class="block heading headline">
<div class="u{{if .Flags}} flagged{{end}}">
{{- if $.HeadlineSource}}<p class="c tgt" id="{{.ID}}" lang="{{.Target.Lang}}" dir="{{.Target.Dir}}" tabindex="0">{{template "bitext-cell" .Target}}{{template "bitext-flags" .}}</p><h1 class="c src" lang="{{.Source.Lang}}" dir="{{.Source.Dir}}" tabindex="0">{{template "bitext-cell" .Source}}</h1>
{{- else}}<h1 class="c tgt" id="{{.ID}}" lang="{{.Target.Lang}}" dir="{{.Target.Dir}}" tabindex="0">{{template "bitext-cell" .Target}}{{template "bitext-flags" .}}</h1><p class="c src" lang="{{.Source.Lang}}" dir="{{.Source.Dir}}" tabindex="0">{{template "bitext-cell" .Source}}</p>
{{- end}}</div>
</div>
{{- else}}
<h1{{if .TitleLang}} lang="{{.TitleLang}}" dir="{{.TitleDir}}"{{end}}>{{.Title}}</h1>
{{- end}}
{{- if or .Source .Date}}
<p class="byline">
{{- if .Source}}<span class="source">{{if .SourceURL}}<a href="{{.SourceURL}}" rel="noopener noreferrer">{{.Source}}</a>{{else}}{{.Source}}{{end}}</span>{{end}}
{{- if and .Source .Date}} · {{end}}
{{- if .Date}}{{if .DateTime}}<time datetime="{{.DateTime}}">{{.Date}}</time>{{else}}<span class="date">{{.Date}}</span>{{end}}{{end}}
</p>
{{- end}}
{{- if .Gist}}
<p class="gist-banner" role="note"><strong>Word-by-word gist, not a translation.</strong> The English of {{if eq .Gist 1}}one sentence{{else}}{{.Gist}} sentences{{end}} on this page is a dictionary gloss made offline to show what the article is about; it is not fit to publish.</p>
{{- end}}
</header>
{{- end}}

{{- define "bitext-legend" -}}
<aside class="legend" aria-label="How to read this page">
<p>English translation on the left, Arabic original on the right (on small screens: each English paragraph, then its original); each sentence sits level with its original.
Point at a sentence or move to it with Tab to highlight its partner.
<span class="term">Underlined names</span> follow the newsroom's glossary; point at one for its note.
{{- with .Credit}} {{.}}{{end}}</p>
{{- if .Flagged}}
<p class="fl"><span class="flag">flag</span> Marks a sentence an editor must check before publishing ({{.Flagged}} on this page): no translation, names not as in the glossary, uncertain pairing, or a gist that is not a translation.</p>
{{- end}}
</aside>
{{- end}}

{{- define "bitext-cell" -}}
{{range .Spans}}{{if .Term}}<span class="term" title="{{.Term.Tooltip}}">{{template "bitext-runs" .Runs}}</span>{{else}}{{template "bitext-runs" .Runs}}{{end}}{{end}}
{{- end}}

{{- define "bitext-runs"}}{{range .}}{{if .Isolate}}<bdi>{{.Text}}</bdi>{{else}}{{.Text}}{{end}}{{end}}{{end}}

{{- define "bitext-flags" -}}
{{if .Flags}}<span class="flags">{{range .Flags}} <span class="flag {{.Name}}" title="{{.Title}}">{{.Label}}</span>{{end}}</span>{{end}}
{{- end}}

{{- define "bitext-blocks" -}}
{{range .Body}}
{{- if eq .Kind "heading"}}
<section class="block heading">
{{- range .Rows}}
<div class="u{{if .Flags}} flagged{{end}}"><h2 class="c tgt" id="{{.ID}}" lang="{{.Target.Lang}}" dir="{{.Target.Dir}}" tabindex="0">{{template "bitext-cell" .Target}}{{template "bitext-flags" .}}</h2><h2 class="c src" lang="{{.Source.Lang}}" dir="{{.Source.Dir}}" tabindex="0">{{template "bitext-cell" .Source}}</h2></div>
{{- end}}
</section>
{{- else}}
<section class="block {{.Kind}}">
{{- $tab := ne .Kind "boilerplate"}}
{{- range .Rows}}
<div class="u{{if .Flags}} flagged{{end}}"><p class="c tgt" id="{{.ID}}" lang="{{.Target.Lang}}" dir="{{.Target.Dir}}"{{if $tab}} tabindex="0"{{end}}>{{template "bitext-cell" .Target}}{{template "bitext-flags" .}}</p><p class="c src" lang="{{.Source.Lang}}" dir="{{.Source.Dir}}"{{if $tab}} tabindex="0"{{end}}>{{template "bitext-cell" .Source}}</p></div>
{{- end}}
</section>
{{- end}}
{{- end}}
{{- end}}

{{- define "bitext-article" -}}
<article class="bitext">
{{template "bitext-header" .}}
{{template "bitext-legend" .}}
{{template "bitext-blocks" .}}
</article>
{{- end -}}

<!DOCTYPE html>
<html lang="{{.TargetLang}}" dir="ltr">
<head>
{{template "bitext-head" .}}
<title{{if .TitleLang}} lang="{{.TitleLang}}" dir="{{.TitleDir}}"{{end}}>{{.Title}}</title>
</head>
<body>
<main>
{{template "bitext-article" .}}
</main>
</body>
</html>
`

// css is the default stylesheet. The columns are one CSS grid per paragraph so
// that each row's two cells start at the same height; below 700 px the grid
// becomes one column with the paragraph's English first, then its Arabic.
const css = `
:root{--en:Georgia,Cambria,"Times New Roman","Noto Serif","DejaVu Serif",serif;--ar:"Noto Naskh Arabic","Amiri","Scheherazade New","Geeza Pro","Traditional Arabic","Arabic Typesetting","Segoe UI","Tahoma","Noto Sans Arabic","DejaVu Sans",sans-serif;--ui:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"DejaVu Sans",sans-serif;--ink:#1b1b1b;--muted:#5c5c5c;--rule:#d9d9d9;--hi:#fff1a8;--flag:#b3261e}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:17px/1.6 var(--en)}
main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
.meta{border-bottom:2px solid var(--ink);margin-bottom:16px}
h1{font:700 2rem/1.2 var(--en);margin:0 0 8px;overflow-wrap:anywhere}
.byline{font:.9rem/1.4 var(--ui);color:var(--muted);margin:0 0 12px}
.byline a{color:inherit}
.gist-banner{font:.9rem/1.4 var(--ui);color:var(--flag);border:1px solid var(--flag);padding:6px 10px;margin:0 0 12px}
.legend{font:.82rem/1.5 var(--ui);color:var(--muted);border-bottom:1px solid var(--rule);padding-bottom:10px;margin-bottom:20px}
.legend p{margin:0 0 4px}
.block{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:40px;margin:0 0 18px}
.u{display:contents}
.c{margin:0;padding:2px 6px;border-radius:3px;min-width:0;overflow-wrap:anywhere}
.tgt{grid-column:1;text-align:start}
.src{grid-column:2;font-family:var(--ar);font-size:1.1em;line-height:1.75}
.block.heading{margin:28px 0 10px}
.heading .c{font:700 1.3rem/1.35 var(--en)}
.heading .src{font-family:var(--ar);font-size:1.4rem}
.block.headline{margin:0 0 12px}
.headline .c{font:700 1.75rem/1.25 var(--en)}
.headline .src{font-family:var(--ar);font-size:1.8rem;line-height:1.4}
.block.boilerplate .c{font:.8rem/1.4 var(--ui);color:var(--muted)}
.block.boilerplate{border-top:1px dashed var(--rule);padding-top:6px}
.term{text-decoration:underline dotted #8a7400;text-decoration-thickness:1px;text-underline-offset:.25em}
.src .term{text-underline-offset:.45em}
.flagged .tgt{box-shadow:inset 3px 0 0 var(--flag);background:#fff5f4}
.flags{font:600 .72rem/1 var(--ui);white-space:nowrap}
.flag{display:inline-block;color:#fff;background:var(--flag);border-radius:2px;padding:2px 5px;margin-inline-start:2px;letter-spacing:.02em}
@media screen{
.u:hover>.c,.u:focus-within>.c,.tgt:target,.tgt:target+.src{background:var(--hi)}
.c:focus{outline:2px solid #1a5fb4;outline-offset:1px}
}
@media screen and (max-width:699px){
body{font-size:16px}
main{padding:16px 14px 32px}
h1{font-size:1.5rem}
.headline .c{font-size:1.4rem}
.headline .src{font-size:1.5rem}
.block{grid-template-columns:minmax(0,1fr)}
.tgt,.src{grid-column:1}
.tgt{order:1}
.src{order:2;border-inline-start:3px solid var(--rule)}
.u:first-child>.src{margin-top:8px}
}
@page{size:A4;margin:16mm 14mm}
@media print{
body{font-size:10.5pt;line-height:1.45}
h1{font-size:18pt}
.headline .c{font-size:16pt}
main{max-width:none;padding:0}
.flags,.legend .fl{display:none}
.flagged .tgt{box-shadow:none;background:none}
.legend{display:none}
.block{column-gap:8mm}
.c{padding:0;break-inside:avoid}
.src{font-size:1.05em}
a{color:inherit;text-decoration:none}
}
`

// baseTemplate is never executed, so that newsroom templates can clone it
// (html/template forbids cloning after execution); defaultTemplate is the
// copy that renders the default page.
var (
	baseTemplate    = template.Must(template.New("page").Parse(DefaultTemplate))
	defaultTemplate = template.Must(baseTemplate.Clone())
)
