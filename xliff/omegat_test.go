package xliff

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOmegaTRoundTrip pushes the sample article through OmegaT 3.6 with the
// shared omegat-roundtrip tool: the standard 1.2 file with --copy-source, the
// omegat flavour as it is. OmegaT's output is then read back: every unit it
// translated must come back as edited by the editor.
func TestOmegaTRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("runs OmegaT (Java): skipped with -short")
	}
	b := sampleBitext(t)
	dir := t.TempDir()
	cases := []struct {
		file string
		opts Options
		args []string
	}{
		{"article-12.xlf", Options{Created: fixedTime}, []string{"--copy-source"}},
		{"article-omegat.xlf", Options{Created: fixedTime, Flavour: OmegaT}, nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			t.Parallel()
			in := writeSample(t, dir, c.file, b, func(w *bytes.Buffer) error { return Write12(w, b, c.opts) })
			out := filepath.Join(dir, "omegat-"+c.file)
			args := append(append([]string{}, c.args...), "--out", out, in)
			verdict, log, ok := runTool(t, "omegat-roundtrip", args...)
			t.Log(verdict)
			if !ok {
				t.Fatalf("omegat-roundtrip failed:\n%s", log)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Read(bytes.NewReader(data), out)
			if err != nil {
				t.Fatal(err)
			}
			rv, err := f.Resolve(ResolveOptions{})
			if err != nil {
				t.Fatal(err)
			}
			translated := 0
			for _, u := range rv.Units {
				if strings.HasPrefix(u.Target, "[omegat]") {
					translated++
					if u.HasDraft && !u.Edited {
						t.Errorf("unit %s: OmegaT's translation not seen as an edit", u.ID)
					}
				}
			}
			if translated == 0 {
				t.Error("no unit came back with OmegaT's translation")
			}
		})
	}
}
