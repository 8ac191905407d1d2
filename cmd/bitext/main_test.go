package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"bitext/internal/testenv"
	"bitext/tm"
)

var update = flag.Bool("update", false, "rewrite golden files")

// result is what one in-process run of bitext produced.
type result struct {
	code   int
	stdout string
	stderr string
}

// runBitext runs the CLI in-process in dir with args (without the program name).
func runBitext(t testing.TB, dir, stdin string, args ...string) result {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code := run(context.Background(), append([]string{"bitext"}, args...), e)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// checkGolden compares got with testdata/golden/name, rewriting it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(testenv.RepoRoot(t), "testdata", "golden", name)
	got = timestampRE.ReplaceAll(got, []byte("TIMESTAMP"))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/bitext -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./cmd/bitext -update if the change is intended\n%s", name, firstDiff(string(want), string(got)))
	}
}

// timestampRE matches the run's time, which writers record and goldens cannot hold.
var timestampRE = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)`)

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want: %s\n  got: %s", i+1, w, g)
		}
	}
	return ""
}

// TestUnknownFlagIsUsageError: every command and subcommand answers an
// unknown flag with exit code 2, before it touches any file.
func TestUnknownFlagIsUsageError(t *testing.T) {
	var paths [][]string
	var walk func(prefix []string, cmds []*cli.Command)
	walk = func(prefix []string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := append(append([]string{}, prefix...), c.Name)
			if len(c.Subcommands) > 0 {
				walk(p, c.Subcommands)
				continue
			}
			paths = append(paths, p)
		}
	}
	walk(nil, newApp(&env{}).Commands)
	if len(paths) < 10 {
		t.Fatalf("only %d commands found: %v", len(paths), paths)
	}
	dir := t.TempDir()
	for _, p := range paths {
		args := append(append([]string{}, p...), "--bogus", "x")
		r := runBitext(t, dir, "", args...)
		if r.code != 2 || !strings.Contains(r.stderr, "bogus") {
			t.Errorf("bitext %s: exit %d, stderr %q; want 2 naming the flag", strings.Join(args, " "), r.code, r.stderr)
		}
	}
}

// A command made of subcommands, or bitext itself, called without one or with
// an unknown one is a usage error; so is an argument to version.
func TestMissingCommandIsUsageError(t *testing.T) {
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{nil, "want a command: align,"},
		{[]string{"glossary"}, "glossary: want a command: add,"},
		{[]string{"tm"}, "tm: want a command: correct, export,"},
		{[]string{"nosuch"}, `unknown command "nosuch"`},
		{[]string{"glossary", "nosuch"}, `glossary: unknown command "nosuch"; see 'bitext glossary --help'`},
		{[]string{"version", "extra"}, "takes no arguments"},
	} {
		r := runBitext(t, t.TempDir(), "", tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.msg) {
			t.Errorf("bitext %v: exit %d, stderr %q; want 2 and %q", tc.args, r.code, r.stderr, tc.msg)
		}
	}
	for _, args := range [][]string{{"--help"}, {"glossary", "--help"}, {"tm", "--help"}, {"version"}} {
		if r := runBitext(t, t.TempDir(), "", args...); r.code != 0 {
			t.Errorf("bitext %v: exit %d: %s", args, r.code, r.stderr)
		}
	}
}

// fullWriter fails every write, as stdout redirected to a full disk does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// A report or estimate that cannot be printed (stdout redirected to a file
// on a full disk) fails the run: a script must not take an empty file for
// the answer. Some commands printed and forgot the error, exiting 0.
func TestStdoutWriteFailureFailsTheRun(t *testing.T) {
	dir := sampleDir(t)
	mem, err := tm.Open(context.Background(), filepath.Join(dir, "memory.db"), tm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mem.Close()
	for _, args := range [][]string{
		{"translate", "--dry-run", "-q", "--engine", "gist", "article.txt"},
		{"tm", "stats", "--tm", filepath.Join(dir, "memory.db")},
		{"--help"},
	} {
		t.Chdir(dir)
		var errOut bytes.Buffer
		code := run(context.Background(), append([]string{"bitext"}, args...), &env{stdin: strings.NewReader(""), stdout: fullWriter{}, stderr: &errOut})
		if code != 1 || !strings.Contains(errOut.String(), "no space left on device") {
			t.Errorf("%v: exit %d: %s", args, code, errOut.String())
		}
	}
}

// A job whose stderr goes to /dev/null gets no progress display: it is a
// character device, but no terminal.
func TestDevNullIsNoTerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("%s taken for a terminal", os.DevNull)
	}
}

// Messages quote text from files that come from outside: a terminal's
// escape and C1 controls in it are shown, not sent; the progress bar's
// carriage return and Arabic text pass as they are.
func TestStderrShowsTerminalControls(t *testing.T) {
	var buf bytes.Buffer
	w := showControls(&buf)
	msg := "bitext: unit u\u009b2J\x1b[31m: قال\r[=====>   ] 3/4\n"
	if n, err := io.WriteString(w, msg); n != len(msg) || err != nil {
		t.Fatalf("wrote %d of %d: %v", n, len(msg), err)
	}
	if want := "bitext: unit u<U+009B>2J<U+001B>[31m: قال\r[=====>   ] 3/4\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}
