package review

import (
	"html/template"
	"io"
	"strings"
	"unicode"

	"bitext/htmlpage"
)

// WriteHTML writes the report as one self-contained HTML page with the
// editor's insertions and deletions marked: in colour, underlined or struck
// through, and in words a screen reader says ("[inserted: …]"), since most
// say nothing of <ins> and <del>. html/template escapes every text
// taken from the file; the page loads nothing and runs no script.
func (r *Report) WriteHTML(w io.Writer) error {
	return htmlTmpl.Execute(w, r)
}

var htmlTmpl = template.Must(template.New("review").Funcs(template.FuncMap{
	"pct":   pct,
	"ratio": ratio,
	// Latin inside the Arabic is isolated as on the bilingual page, so that it reads in order
	"rtlRuns": func(s string) []htmlpage.Run { return htmlpage.Isolate(s, "rtl") },
	// a comment an editor wrote in Arabic is marked so in the English column
	"arabic": arabicFirst,
	// the update's note on how the Arabic changed, marked as the draft's changes are
	"marked": markedOps,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Review of {{.File}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid #ddd; text-align: start; }
td.src { font-family: "Noto Naskh Arabic", "Amiri", "Geeza Pro", "Arial", sans-serif; font-size: 1.1em; }
ins { background: #d4f7d4; }
del { background: #fbd3d3; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.bad { color: #b3261e; font-weight: 600; }
.unchanged, .skipped, .gist { color: #6b6b6b; }
.units th[scope=row] { font-weight: normal; }
.fig { font-variant-numeric: tabular-nums; white-space: nowrap; }
/* narrow screens and 200% zoom: each unit one under the other, nothing scrolls sideways */
@media (max-width: 40em) {
body { margin: 1rem .75rem; }
td, th { overflow-wrap: break-word; }
.fig { white-space: normal; }
.units, .units tbody, .units tr, .units td, .units th { display: block; }
.units tr:first-child { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.units th, .units td { border: 0; padding: .15rem 0; }
.units tr { border-bottom: 1px solid #ddd; padding: .4rem 0; }
}
</style>
</head>
<body>
<h1>Review of {{.File}}</h1>
{{with .Summary}}<table class="summary">
<tr><th scope="row">Units</th><td>{{.Units}} ({{.Translatable}} translatable)</td></tr>
<tr><th scope="row">Edited by the editor</th><td>{{.Edited}} of {{.WithDraft}} machine drafts ({{.Unchanged}} unchanged)</td></tr>
{{- if .Gist}}
<tr><th scope="row">Still the word-by-word gist</th><td>{{.Gist}} untouched: no translation yet, publish refuses them</td></tr>{{end}}
<tr><th scope="row">Translated without a draft</th><td>{{.Translated}}</td></tr>
<tr><th scope="row">Untranslated</th><td>{{.Untranslated}}</td></tr>
<tr><th scope="row">Approved</th><td>{{.Approved}}</td></tr>
{{- if .Rejected}}
<tr class="bad"><th scope="row">Rejected by a reviewer</th><td>{{.Rejected}} in the CAT tool: publish refuses them</td></tr>{{end}}
{{- if .Partial}}
<tr class="bad"><th scope="row">Partly untranslated</th><td>{{.Partial}} with a segment left without a translation: publish refuses them</td></tr>{{end}}
{{- if .Commented}}
<tr><th scope="row">Comments</th><td>{{.Commented}} {{if eq .Commented 1}}unit has{{else}}units have{{end}} the editor&#39;s notes or comments</td></tr>{{end}}
<tr><th scope="row">Post-edit distance, words</th><td class="fig">{{pct .WordPED}} ({{.WordEdits}} edits / {{.Words}} words)</td></tr>
<tr><th scope="row">Post-edit distance, characters</th><td class="fig">{{pct .CharPED}} ({{.CharEdits}} edits / {{.Chars}} characters)</td></tr>
{{- if .Placeholders}}
<tr class="bad"><th scope="row">Placeholders left</th><td>{{.Placeholders}} {{if eq .Placeholders 1}}unit holds{{else}}units hold{{end}} a protected name&#39;s placeholder (⟦1⟧) instead of the name: publish refuses them</td></tr>{{end}}
{{- if .Shifted}}
<tr class="bad"><th scope="row">Shifted translations</th><td>{{.Shifted}} {{if eq .Shifted 1}}unit holds{{else}}units hold{{end}} the translation of the unit before or after it: publish refuses them</td></tr>{{end}}
{{- if .Recheck}}
<tr class="bad"><th scope="row">Source changed</th><td>{{.Recheck}} {{if eq .Recheck 1}}unit whose Arabic changed in an update was{{else}}units whose Arabic changed in an update were{{end}} not looked at since: check the new draft against the previous translation</td></tr>{{end}}
{{- if .Numbers}}
<tr class="bad"><th scope="row">Numbers</th><td>{{.Numbers}} {{if eq .Numbers 1}}unit holds{{else}}units hold{{end}} figures that differ between the English and the Arabic: publish refuses them unless --allow-number-mismatch</td></tr>{{end}}
<tr><th scope="row">Glossary violations</th><td>{{.DraftViol}} in the drafts, {{.FinalViol}} after review: {{.Fixed}} fixed, {{.Introduced}} introduced</td></tr>
</table>{{end}}
{{if .Warnings}}<h2>Warnings</h2>
<ul>{{range .Warnings}}<li>{{.}}</li>{{end}}</ul>{{end}}
<h2>Units</h2>
<table class="units">
<tr><th scope="col">Unit</th><th scope="col">Source</th><th scope="col">Changes (draft → reviewed)</th><th scope="col">Edits</th></tr>
{{range .Units}}<tr class="{{.Status}}" id="{{.ID}}">
<th scope="row">{{.ID}}<br>{{.Status}}{{if .Approved}}, approved{{end}}{{if .Rejected}}, <span class="bad">rejected ({{.ToolStatus}})</span>{{end}}{{if .MergedInto}} into {{.MergedInto}}{{end}}</th>
<td class="src" dir="rtl" lang="ar">{{range rtlRuns .Source}}{{if .Isolate}}<bdi lang="en">{{.Text}}</bdi>{{else}}{{.Text}}{{end}}{{end}}</td>
<td lang="en">{{if .Diff}}{{range .Diff}}{{if eq .Kind "insert"}}<ins><span class="vh">[inserted: </span>{{.Text}}<span class="vh">]</span></ins>{{else if eq .Kind "delete"}}<del><span class="vh">[deleted: </span>{{.Text}}<span class="vh">]</span></del>{{else}}{{.Text}}{{end}}{{end}}{{else}}{{.Target}}{{end}}
{{if .SourceChanged}}<br>source changed: <span dir="rtl" lang="ar">{{range marked .SourceChanged}}{{if eq .Kind "insert"}}<ins><span class="vh">[inserted: </span>{{.Text}}<span class="vh">]</span></ins>{{else if eq .Kind "delete"}}<del><span class="vh">[deleted: </span>{{.Text}}<span class="vh">]</span></del>{{else}}{{.Text}}{{end}}{{end}}</span>{{if .PreviousTarget}}<br>previous translation: {{.PreviousTarget}}{{end}}{{end}}
{{if .Fixed}}<br>glossary fixed: {{range $i, $t := .Fixed}}{{if $i}}, {{end}}{{$t}}{{end}}{{end}}
{{if .Introduced}}<br>glossary broken: {{range $i, $t := .Introduced}}{{if $i}}, {{end}}{{$t}}{{end}}{{end}}
{{range .MissingSegments}}<br><span class="bad">not translated: <span dir="rtl" lang="ar">{{.}}</span> (publish refuses the unit)</span>{{end}}
{{range .Comments}}<br>comment{{if and .From (ne .From "comment")}} ({{.From}}){{end}}: {{if arabic .Text}}<span lang="ar" dir="rtl">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}
{{with .Shift}}<br><span class="bad">line {{.Line}}: {{.Message}} (publish refuses it; see <a href="#{{.Other}}">{{.Other}}</a>)</span>{{end}}
{{if .Numbers}}<br><span class="bad">line {{.Line}}: number mismatch: {{range $i, $m := .Numbers}}{{if $i}}; {{end}}{{$m}}{{end}} (publish refuses it)</span>{{end}}
{{if .Placeholders}}<br><span class="bad">placeholder left: {{range $i, $t := .Placeholders}}{{if $i}} {{end}}{{$t}}{{end}} (publish refuses it)</span>{{end}}</td>
<td class="fig">{{if .Diff}}words {{.WordEdits}}/{{.Words}} ({{pct (ratio .WordEdits .Words)}})<br>chars {{.CharEdits}}/{{.Chars}} ({{pct (ratio .CharEdits .Chars)}}){{end}}</td>
</tr>
{{end}}</table>
</body>
</html>
`))

// arabicFirst reports whether the first letter of s is Arabic: the browser's
// first-strong rule reads s right to left, a screen reader should in Arabic.
func arabicFirst(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Arabic, r)
		}
	}
	return false
}

// markedOps reads a diff written as text, "…[-old-]{+new+}…" (as an update
// notes how a unit's Arabic changed), back into its pieces. Marks that do
// not close are text.
func markedOps(s string) []Op {
	var ops []Op
	add := func(k OpKind, t string) { ops = appendOp(ops, k, t) }
	for s != "" {
		del, ins := strings.Index(s, "[-"), strings.Index(s, "{+")
		i, open, closing, kind := del, "[-", "-]", Delete
		if del < 0 || (ins >= 0 && ins < del) {
			i, open, closing, kind = ins, "{+", "+}", Insert
		}
		if i < 0 {
			add(Equal, s)
			break
		}
		end := strings.Index(s[i+len(open):], closing)
		if end < 0 {
			add(Equal, s)
			break
		}
		add(Equal, s[:i])
		add(kind, s[i+len(open):i+len(open)+end])
		s = s[i+len(open)+end+len(closing):]
	}
	return ops
}
