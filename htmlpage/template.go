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
<header class="bitext meta" lang="en" dir="ltr">
{{- with .Headline}}
<div class="bitext block heading headline">
<div class="u{{if .Flags}} flagged{{end}}">
{{- if $.HeadlineSource}}<p class="c tgt" id="{{.ID}}" lang="{{.Target.Lang}}" dir="{{.Target.Dir}}" tabindex="0">{{template "bitext-cell" .Target}}{{template "bitext-flags" .}}<a class="permalink" href="#{{.ID}}" aria-label="Link to this heading"></a></p><h1 class="c src" lang="{{.Source.Lang}}" dir="{{.Source.Dir}}" tabindex="0">{{template "bitext-cell" .Source}}</h1>
{{- else}}<div class="c tgt" id="{{.ID}}" lang="{{.Target.Lang}}" dir="{{.Target.Dir}}" tabindex="0"><h1>{{template "bitext-cell" .Target}}</h1>{{template "bitext-flags" .}}<a class="permalink" href="#{{.ID}}" aria-label="Link to this heading"></a></div><p class="c src" lang="{{.Source.Lang}}" dir="{{.Source.Dir}}" tabindex="0">{{template "bitext-cell" .Source}}</p>
{{- end}}</div>
</div>
{{- else}}
<h1{{if .TitleLang}} lang="{{.TitleLang}}" dir="{{.TitleDir}}"{{end}}>{{.Title}}</h1>
{{- end}}
{{- if or .Source .Date}}
<p class="byline">
{{- if .Source}}<span class="source"{{with .SourceNameLang}} lang="{{.}}" dir="rtl"{{end}}>{{if .SourceURL}}<a href="{{.SourceURL}}" rel="noopener noreferrer">{{.Source}}</a>{{else}}{{.Source}}{{end}}</span>{{end}}
{{- if and .Source .Date}} · {{end}}
{{- if .Date}}{{if .DateTime}}<time datetime="{{.DateTime}}">{{.Date}}</time>{{else}}<span class="date"{{with .DateLang}} lang="{{.}}" dir="rtl"{{end}}>{{.Date}}</span>{{end}}{{end}}
</p>
{{- end}}
{{- if .Gist}}
<p class="gist-banner" role="note"><strong>Word-by-word gist, not a translation.</strong> The English of {{if eq .Gist 1}}one sentence{{else}}{{.Gist}} sentences{{end}} on this page is a dictionary gloss made offline to show what the article is about; it is not fit to publish.</p>
{{- end}}
</header>
{{- end}}

{{- define "bitext-legend" -}}
<aside class="bitext legend" lang="en" dir="ltr" aria-label="How to read this page">
<p>English translation on the left, Arabic original on the right (on small screens: each English sentence above its original); each sentence sits level with its original.
<span class="vh">Read aloud, each English sentence is followed by its Arabic original.</span>
Point at a sentence or move to it with Tab to highlight its partner and show its link (#), to copy or send.
<span class="term">Underlined names</span> follow the newsroom's glossary; point at one, or move to its sentence with Tab, for its note.</p>
{{- with .Credit}}
<p class="credit">{{.}}</p>
{{- end}}
{{- if .Flagged}}
<p class="fl"><span class="flag">flag</span> Marks a sentence an editor must check before publishing ({{.Flagged}} on this page): no translation, names not as in the glossary, uncertain pairing, or a gist that is not a translation.</p>
{{- end}}
</aside>
{{- end}}

{{- define "bitext-cell" -}}
{{range .Spans}}{{if .Term}}<span class="term" title="{{.Term.Tooltip}}">{{template "bitext-runs" .Runs}}</span>{{else}}{{template "bitext-runs" .Runs}}{{end}}{{end}}
{{- end}}

{{- define "bitext-runs"}}{{range .}}{{if .Isolate}}<bdi{{with .Lang}} lang="{{.}}"{{end}}>{{.Text}}</bdi>{{else}}{{.Text}}{{end}}{{end}}{{end}}

{{- define "bitext-flags" -}}
{{if .Flags}}<span class="flags">{{range .Flags}} <span class="flag {{.Name}}" title="{{.Title}}">{{.Label}}</span>{{end}}</span>{{end}}
{{- end}}

{{- define "bitext-blocks" -}}
{{range .Body}}
{{- if eq .Kind "heading"}}
<section class="bitext block heading" lang="en" dir="ltr">
{{- range .Rows}}
<div class="u{{if .Flags}} flagged{{end}}"><div class="c tgt" id="{{.ID}}" lang="{{.Target.Lang}}" dir="{{.Target.Dir}}" tabindex="0">{{if not .Target.Empty}}<h2>{{template "bitext-cell" .Target}}</h2>{{end}}{{template "bitext-flags" .}}<a class="permalink" href="#{{.ID}}" aria-label="Link to this heading"></a></div><h2 class="c src" lang="{{.Source.Lang}}" dir="{{.Source.Dir}}" tabindex="0">{{template "bitext-cell" .Source}}</h2></div>
{{- end}}
</section>
{{- else}}
<section class="bitext block {{.Kind}}" lang="en" dir="ltr">
{{- $tab := ne .Kind "boilerplate"}}
{{- range .Rows}}
<div class="u{{if .Flags}} flagged{{end}}"><p class="c tgt" id="{{.ID}}" lang="{{.Target.Lang}}" dir="{{.Target.Dir}}"{{if $tab}} tabindex="0"{{end}}>{{template "bitext-cell" .Target}}{{template "bitext-flags" .}}{{if $tab}}<a class="permalink" href="#{{.ID}}" aria-label="Link to this sentence"></a>{{end}}</p><p class="c src" lang="{{.Source.Lang}}" dir="{{.Source.Dir}}"{{if $tab}} tabindex="0"{{end}}>{{template "bitext-cell" .Source}}</p></div>
{{- end}}
</section>
{{- end}}
{{- end}}
{{- end}}

{{- define "bitext-article" -}}
<article class="bitext" lang="en" dir="ltr">
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
<body class="bitext-page">
<main>
{{template "bitext-article" .}}
</main>
</body>
</html>
`

// css is the default stylesheet. The columns are one CSS grid per paragraph so
// that each row's two cells start at the same height; below 700 px the grid
// becomes one column, each English sentence above its Arabic: the order of
// the document, in which Tab and screen readers go, so that they never jump
// back up to a sentence above (reordering the cells with CSS would).
// Every rule is scoped to the class "bitext", which each part's outer element
// carries (article, header, legend, every block), so that the stylesheet
// embedded in a site's page restyles none of the site's elements, a part
// called alone is still styled, and the doubled class outweighs the site's
// rules for the same common names (.block, .meta, p). The page's own <body>
// is "bitext-page". The same elements say lang="en" dir="ltr" (the page's
// own words are English, its English column on the left), so that a site's
// right-to-left page does not swap the columns. A sentence reached with the
// keyboard shows its names' glossary notes and its flags' explanations,
// which the pointer gets as tooltips: without a script the page has no other
// way to give them to the keyboard, and a screen reader hears them with the
// sentence. In forced colours (Windows high contrast), which drop
// backgrounds, a dashed outline marks the partner and a flag's transparent
// border becomes its frame. A heading's flags follow the heading element
// inside its cell, so that a screen reader reads them after the heading, not
// as part of the heading's name, the name it lists the headings by. The
// link of a sentence to itself (its address, to send) shows when its row is
// pointed at or holds the focus; its "#" is generated content, which is
// neither printed (it is hidden) nor copied with the text.
const css = `
.bitext{--en:Georgia,Cambria,"Times New Roman","Noto Serif","DejaVu Serif",serif;--ar:"Noto Naskh Arabic","Amiri","Scheherazade New","Geeza Pro","Traditional Arabic","Arabic Typesetting","Segoe UI","Tahoma","Noto Sans Arabic","DejaVu Sans",sans-serif;--ui:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"DejaVu Sans",sans-serif;--ink:#1b1b1b;--muted:#5c5c5c;--rule:#d9d9d9;--hi:#fff1a8;--flag:#b3261e;color:var(--ink);font:17px/1.6 var(--en);-webkit-text-size-adjust:100%;text-size-adjust:100%}
.bitext,.bitext *{box-sizing:border-box}
.bitext .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.bitext-page{margin:0;background:#fff}
.bitext-page>main{box-sizing:border-box;max-width:1180px;margin:0 auto;padding:24px 28px 48px}
.bitext.meta{border-bottom:2px solid var(--ink);margin:0 0 16px;padding:0}
.bitext h1{font:700 2rem/1.2 var(--en);margin:0 0 8px;overflow-wrap:anywhere}
.bitext .byline{font:.9rem/1.4 var(--ui);color:var(--muted);margin:0 0 12px}
.bitext .byline a{color:inherit}
.bitext .gist-banner{font:.9rem/1.4 var(--ui);color:var(--flag);border:1px solid var(--flag);padding:6px 10px;margin:0 0 12px}
.bitext.legend{font:.82rem/1.5 var(--ui);color:var(--muted);border-bottom:1px solid var(--rule);padding:0 0 10px;margin:0 0 20px}
.bitext.legend p{margin:0 0 4px}
.bitext.block{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:40px;margin:0 0 18px;padding:0;border:0}
.bitext .u{display:contents}
.bitext .c{margin:0;padding:2px 6px;border-radius:3px;min-width:0;overflow-wrap:anywhere;float:none}
.bitext .tgt{grid-column:1;text-align:start}
.bitext .c>:is(h1,h2){display:inline;margin:0;padding:0;font:inherit;color:inherit}
.bitext .src{grid-column:2;font-family:var(--ar);font-size:1.1em;line-height:1.75}
.bitext.block.heading{margin:28px 0 10px}
.bitext.heading .c{font:700 1.3rem/1.35 var(--en)}
.bitext.heading .src{font-family:var(--ar);font-size:1.4rem}
.bitext.block.headline{margin:0 0 12px}
.bitext.headline .c{font:700 1.75rem/1.25 var(--en)}
.bitext.headline .src{font-family:var(--ar);font-size:1.8rem;line-height:1.4}
.bitext.boilerplate .c{font:.8rem/1.4 var(--ui);color:var(--muted)}
.bitext.block.boilerplate{border-top:1px dashed var(--rule);padding-top:6px}
.bitext .term{text-decoration:underline dotted #8a7400;text-decoration-thickness:1px;text-underline-offset:.25em}
.bitext .src .term{text-underline-offset:.45em}
.bitext .flagged .tgt{box-shadow:inset 3px 0 0 var(--flag);background:#fff5f4}
.bitext .flags{font:600 .72rem/1 var(--ui);white-space:nowrap}
.bitext .flag{display:inline-block;color:#fff;background:var(--flag);border:1px solid transparent;border-radius:2px;padding:1px 4px;margin-inline-start:2px;letter-spacing:.02em}
.bitext .permalink{margin-inline-start:.2em;padding:0 .3em;font:600 .85em/1 var(--ui);color:var(--muted);text-decoration:none;opacity:0}
.bitext .permalink::before{content:"#"}
@media screen{
.bitext .u:hover>.c,.bitext .u:focus-within>.c,.bitext .tgt:target,.bitext .tgt:target+.src{background:var(--hi)}
.bitext .c:focus{outline:2px solid #1a5fb4;outline-offset:1px}
.bitext .u:hover .permalink,.bitext .u:focus-within .permalink{opacity:1}
.bitext .permalink:hover{color:var(--ink);text-decoration:underline}
.bitext .permalink:focus-visible{outline:2px solid #1a5fb4;outline-offset:1px}
.bitext .c:focus-visible .term::after{content:"(" attr(title) ")";display:inline-block;max-width:100%;margin-inline-start:.3em;font:.8rem/1.4 var(--ui);color:var(--muted);direction:ltr}
.bitext .c:focus-visible .flags{white-space:normal}
.bitext .c:focus-visible .flag::after{content:": " attr(title);font-weight:400}
}
@media screen and (forced-colors:active){
.bitext .u:hover>.c:not(:focus),.bitext .u:focus-within>.c:not(:focus),.bitext .tgt:target:not(:focus),.bitext .tgt:target+.src{outline:1px dashed Highlight;outline-offset:1px}
}
@media screen and (max-width:699px){
.bitext{font-size:16px}
.bitext-page>main{padding:16px 14px 32px}
.bitext h1{font-size:1.5rem}
.bitext.headline .c{font-size:1.4rem}
.bitext.headline .src{font-size:1.5rem}
.bitext.block{grid-template-columns:minmax(0,1fr)}
.bitext .tgt,.bitext .src{grid-column:1}
.bitext .src{border-inline-start:3px solid var(--rule)}
.bitext .u+.u>.tgt{margin-top:10px}
}
@page{size:A4;margin:16mm 14mm}
@media print{
.bitext{font-size:10.5pt;line-height:1.45}
.bitext h1{font-size:18pt}
.bitext.headline .c{font-size:16pt}
.bitext-page>main{max-width:none;padding:0}
.bitext .flags,.bitext .flag,.bitext.legend .fl,.bitext .permalink{display:none}
.bitext .flags:has(.gist,.untranslated){display:inline}
.bitext .flag.gist,.bitext .flag.untranslated{display:inline-block;color:var(--flag);background:none;border:1px solid var(--flag);padding:0 3px}
.bitext .flagged .tgt{box-shadow:none;background:none}
.bitext.legend{border:0;padding:0;margin:0 0 4mm}
.bitext.legend>:not(.credit){display:none}
.bitext.block{column-gap:8mm}
.bitext .c{padding:0;break-inside:avoid}
.bitext .src{font-size:1.05em}
.bitext a{color:inherit;text-decoration:none}
}
`

// baseTemplate is never executed, so that newsroom templates can clone it
// (html/template forbids cloning after execution); defaultTemplate is the
// copy that renders the default page.
var (
	baseTemplate    = template.Must(template.New("page").Parse(DefaultTemplate))
	defaultTemplate = template.Must(baseTemplate.Clone())
)
