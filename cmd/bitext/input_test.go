package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless is an input that never ends (/dev/zero, a hostile pipe); it fails
// the read once a reader has taken more than bitext's limit from it.
type endless struct{ n int }

func (z *endless) Read(p []byte) (int, error) {
	if z.n > maxInputBytes+1<<20 {
		return 0, errors.New("read on past the limit")
	}
	clear(p)
	z.n += len(p)
	return len(p), nil
}

// Files from outside that bitext reads whole are refused past 64 MiB before
// they are read whole: an endless input, or a huge file, would take the
// machine's memory first.
func TestInputsFromOutsideAreBounded(t *testing.T) {
	privateMemory(t)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"review", "-"},
		{"publish", "-o", "page.html", "-"},
		{"convert", "--format", "xliff", "-o", "out.xlf", "-"},
		{"glossary", "import", "-g", "g.yaml", "--format", "tbx", "-"},
	} {
		t.Chdir(dir)
		var out, errOut bytes.Buffer
		code := run(context.Background(), append([]string{"bitext"}, args...), &env{stdin: &endless{}, stdout: &out, stderr: &errOut})
		if code != 1 || !strings.Contains(errOut.String(), "larger than 64 MiB") {
			t.Errorf("%s: exit %d, %q; want a refusal of more than 64 MiB", strings.Join(args, " "), code, errOut.String())
		}
	}
	// a large file is refused by its size, unread
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"units": [`)
	f.Close()
	if err := os.Truncate(big, 100<<20); err != nil {
		t.Skip(err)
	}
	r := runBitext(t, dir, "", "convert", "--format", "xliff", "-o", "out.xlf", big)
	if r.code != 1 || !strings.Contains(r.stderr, "big.json: larger than 64 MiB") {
		t.Errorf("convert of a 100 MiB file: exit %d, %q", r.code, r.stderr)
	}
}
