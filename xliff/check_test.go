package xliff

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"bitext/doc"
)

// writeSample writes the sample article in the given format to dir and returns the path.
func writeSample(t *testing.T, dir, name string, b *doc.Bitext, write func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSampleFilesPassXliffCheck(t *testing.T) {
	b := sampleBitext(t)
	dir := t.TempDir()
	opts := Options{Created: fixedTime}
	omegat := Options{Created: fixedTime, Flavour: OmegaT}
	files := []string{
		writeSample(t, dir, "article-12.xlf", b, func(w *bytes.Buffer) error { return Write12(w, b, opts) }),
		writeSample(t, dir, "article-21.xlf", b, func(w *bytes.Buffer) error { return Write21(w, b, opts) }),
		writeSample(t, dir, "article-omegat.xlf", b, func(w *bytes.Buffer) error { return Write12(w, b, omegat) }),
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			verdict, out, ok := runTool(t, "xliff-check", f)
			t.Log(verdict)
			if !ok {
				t.Fatalf("xliff-check failed:\n%s", out)
			}
		})
	}
}

func TestKeepSample(t *testing.T) {
	dir := os.Getenv("XLIFF_KEEP")
	if dir == "" {
		t.Skip("set XLIFF_KEEP=dir to write the sample files there")
	}
	b := sampleBitext(t)
	writeSample(t, dir, "article-12.xlf", b, func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime}) })
	writeSample(t, dir, "article-21.xlf", b, func(w *bytes.Buffer) error { return Write21(w, b, Options{Created: fixedTime}) })
	writeSample(t, dir, "article-omegat.xlf", b, func(w *bytes.Buffer) error { return Write12(w, b, Options{Created: fixedTime, Flavour: OmegaT}) })
}
