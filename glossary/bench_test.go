package glossary

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"bitext/internal/testenv"
)

// largeGlossaryYAML writes a glossary of n ANETAC names (the entity list,
// then the transliteration pairs) and returns its path.
func largeGlossaryYAML(b *testing.B, n int) string {
	dir := sharedData(b, "names", "translit")
	seen := map[string]bool{}
	var sb strings.Builder
	sb.WriteString("terms:\n")
	count := 0
	add := func(ar, en string) {
		k := Key(ar)
		if count >= n || utf8.RuneCountInString(k) < 2 || seen[k] || strings.ContainsAny(en, "\"\\") {
			return
		}
		seen[k] = true
		count++
		fmt.Fprintf(&sb, "  - ar: %s\n    en: \"%s\"\n    type: person\n", ar, en)
	}
	f, err := os.Open(filepath.Join(dir, "anetac_en-ar_named_entities.txt"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 3 {
			add(fields[2], fields[1])
		}
	}
	ar, err1 := os.ReadFile(filepath.Join(dir, "anetac_translit_train.ar"))
	en, err2 := os.ReadFile(filepath.Join(dir, "anetac_translit_train.en"))
	if err1 != nil || err2 != nil {
		b.Fatal(err1, err2)
	}
	arLines, enLines := strings.Split(string(ar), "\n"), strings.Split(string(en), "\n")
	for i := range min(len(arLines), len(enLines)) {
		add(strings.ReplaceAll(arLines[i], " ", ""), strings.ReplaceAll(enLines[i], " ", ""))
	}
	// Two-word names complete the count when the lists run short.
	for i := 0; count < n && i+1 < len(arLines); i++ {
		add(strings.ReplaceAll(arLines[i], " ", "")+" "+strings.ReplaceAll(arLines[i+1], " ", ""), "x")
	}
	if count < n {
		b.Fatalf("only %d names", count)
	}
	path := filepath.Join(b.TempDir(), "large.yaml")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchText is about 1 MB of Arabic news: the sample article and the dev sentences.
func benchText(b *testing.B) string {
	article, err := os.ReadFile(filepath.Join(testenv.RepoRoot(b), "testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, s := range readEval(b, "dev") {
		sb.WriteString(s.Text)
		sb.WriteString("\n")
	}
	for sb.Len() < 1<<20 {
		sb.Write(article)
	}
	return sb.String()
}

// BenchmarkMatchLarge matches news text against 100,000 names.
func BenchmarkMatchLarge(b *testing.B) {
	g, err := Load(largeGlossaryYAML(b, 100_000))
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(g)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	hits := 0
	cpu := testenv.CPUTime()
	for b.Loop() {
		hits = len(m.Match(text))
	}
	reportCPU(b, testenv.CPUTime()-cpu, float64(len(text))*float64(b.N)/1e6, "MB/cpu-s")
	b.ReportMetric(float64(hits), "hits")
}

// BenchmarkLoadLarge loads a 100,000-entry glossary and builds its matcher;
// "quoted" is the same file with one entry whose English needs an escape, as
// bitext writes it ("\"Weird"), which should load as fast.
func BenchmarkLoadLarge(b *testing.B) {
	plain := largeGlossaryYAML(b, 100_000)
	data, err := os.ReadFile(plain)
	if err != nil {
		b.Fatal(err)
	}
	quoted := filepath.Join(b.TempDir(), "quoted.yaml")
	data = append(data, "  - ar: ويرد\n    en: \"\\\"Weird\"\n"...)
	if err := os.WriteFile(quoted, data, 0o644); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, path string }{{"plain", plain}, {"quoted", quoted}} {
		b.Run(bc.name, func(b *testing.B) {
			start, cpu := time.Now(), testenv.CPUTime()
			for b.Loop() {
				g, err := Load(bc.path)
				if err != nil {
					b.Fatal(err)
				}
				NewMatcher(g)
			}
			b.ReportMetric(time.Since(start).Seconds()/float64(b.N), "s/load")
			if used := testenv.CPUTime() - cpu; used > 0 {
				b.ReportMetric(used.Seconds()/float64(b.N), "cpu-s/load")
			}
		})
	}
}

// BenchmarkMatchArticle matches the sample article with the project's glossary.
func BenchmarkMatchArticle(b *testing.B) {
	root := testenv.RepoRoot(b)
	g, err := Load(filepath.Join(root, "glossary.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	article, err := os.ReadFile(filepath.Join(root, "testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(g)
	b.SetBytes(int64(len(article)))
	for b.Loop() {
		m.Match(string(article))
	}
}

// reportCPU reports work per CPU second, which stays meaningful when other
// processes share the machine.
func reportCPU(b *testing.B, used time.Duration, work float64, unit string) {
	if used > 0 {
		b.ReportMetric(work/used.Seconds(), unit)
	}
}

// BenchmarkAppendLarge adds one entry to a 100,000-entry glossary file, as
// glossary add does.
func BenchmarkAppendLarge(b *testing.B) {
	data, err := os.ReadFile(largeGlossaryYAML(b, 100_000))
	if err != nil {
		b.Fatal(err)
	}
	e := &Entry{Ar: "زيدانوفيتش", En: "Zidanovic", Type: "person"}
	cpu := testenv.CPUTime()
	for b.Loop() {
		if _, err := AppendEntries("large.yaml", data, e); err != nil {
			b.Fatal(err)
		}
	}
	if used := testenv.CPUTime() - cpu; used > 0 {
		b.ReportMetric(used.Seconds()/float64(b.N), "cpu-s/add")
	}
}

// BenchmarkRemoveLarge removes one entry from a 100,000-entry glossary file,
// as glossary remove does.
func BenchmarkRemoveLarge(b *testing.B) {
	data, g := largeGlossaryFile(b)
	term := g.Entries[len(g.Entries)/2].Ar
	cpu := testenv.CPUTime()
	for b.Loop() {
		if _, _, err := RemoveEntry("large.yaml", data, term, ""); err != nil {
			b.Fatal(err)
		}
	}
	if used := testenv.CPUTime() - cpu; used > 0 {
		b.ReportMetric(used.Seconds()/float64(b.N), "cpu-s/remove")
	}
}

// BenchmarkReplaceLarge rewrites every tenth entry of a 100,000-entry
// glossary file, as glossary import --update does with a corrected termbase.
func BenchmarkReplaceLarge(b *testing.B) {
	data, g := largeGlossaryFile(b)
	repl := map[int]*Entry{}
	for i := 0; i < len(g.Entries); i += 10 {
		e := *g.Entries[i]
		e.Note = "checked"
		repl[e.Line] = &e
	}
	cpu := testenv.CPUTime()
	for b.Loop() {
		if _, err := ReplaceEntries("large.yaml", data, repl); err != nil {
			b.Fatal(err)
		}
	}
	if used := testenv.CPUTime() - cpu; used > 0 {
		b.ReportMetric(used.Seconds()/float64(b.N)/float64(len(repl))*1e6, "cpu-µs/entry")
	}
}

// largeGlossaryFile returns the text of a 100,000-entry glossary file and
// the glossary it holds.
func largeGlossaryFile(b *testing.B) ([]byte, *Glossary) {
	data, err := os.ReadFile(largeGlossaryYAML(b, 100_000))
	if err != nil {
		b.Fatal(err)
	}
	g, err := Parse("large.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	return data, g
}
