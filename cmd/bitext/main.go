// Command bitext translates Arabic news articles into bilingual English pages
// and XLIFF files, aligns existing translations and keeps the glossary.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// commands is filled by the init functions of the cmd_*.go files, one command each.
var commands []func(env *env) *cli.Command

// env is what a command may touch of the outside world; tests give their own.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// stderrIsTerminal turns on progress output.
	stderrIsTerminal bool
}

// usageError marks an error in how bitext was called: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// interrupted is the error of a run stopped by Ctrl-C or SIGTERM; it exits
// with 130, as shells report a command stopped by Ctrl-C, so that a script
// tells it from a failure.
type interrupted struct{ err error }

func (e interrupted) Error() string { return "interrupted: " + e.err.Error() }
func (e interrupted) Unwrap() error { return e.err }

// exitInterrupted is the exit code of an interrupted run.
const exitInterrupted = 130

func onUsageError(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} }

func newApp(e *env) *cli.App {
	app := &cli.App{
		Name:                 "bitext",
		Usage:                "bilingual Arabic–English news publishing",
		Version:              version,
		Reader:               e.stdin,
		Writer:               e.stdout,
		ErrWriter:            e.stderr,
		OnUsageError:         onUsageError,
		ExitErrHandler:       func(*cli.Context, error) {},
		EnableBashCompletion: true,
		CommandNotFound: func(c *cli.Context, name string) {
			fmt.Fprintf(e.stderr, "bitext: unknown command %q; see 'bitext --help'\n", name)
		},
	}
	// --version prints the line `bitext version` prints, so that a script
	// reads the same words from either.
	cli.VersionPrinter = func(c *cli.Context) { fmt.Fprintln(c.App.Writer, versionLine(buildVersion())) }
	for _, mk := range commands {
		app.Commands = append(app.Commands, mk(e))
	}
	app.Action = func(c *cli.Context) error { return missingCommand(c, "", app.Commands) }
	usageErrorsExit2(app.Commands)
	sort.Slice(app.Commands, func(i, j int) bool { return app.Commands[i].Name < app.Commands[j].Name })
	return app
}

// usageErrorsExit2 makes a flag error in any command or subcommand a usage
// error (exit code 2): the flag parser of a subcommand does not fall back on
// its parent's handler.
// A command made of subcommands (glossary, tm) called without one, or with
// an unknown one, is a usage error too.
func usageErrorsExit2(cmds []*cli.Command) {
	for _, cmd := range cmds {
		if cmd.OnUsageError == nil {
			cmd.OnUsageError = onUsageError
		}
		if len(cmd.Subcommands) > 0 && cmd.Action == nil {
			name, subs := cmd.Name, cmd.Subcommands
			cmd.Action = func(c *cli.Context) error { return missingCommand(c, name, subs) }
		}
		usageErrorsExit2(cmd.Subcommands)
	}
}

// missingCommand is the usage error of command name ("" for bitext itself)
// called without one of cmds, or with a word that is none of them.
func missingCommand(c *cli.Context, name string, cmds []*cli.Command) error {
	var names []string
	for _, cmd := range cmds {
		if !cmd.Hidden {
			names = append(names, cmd.Name)
		}
	}
	sort.Strings(names)
	help, prefix := strings.TrimSpace("bitext "+name), ""
	if name != "" {
		prefix = name + ": "
	}
	if c.NArg() > 0 {
		return usagef("%sunknown command %q; see '%s --help'", prefix, c.Args().First(), help)
	}
	return usagef("%swant a command: %s; see '%s --help'", prefix, strings.Join(names, ", "), help)
}

// run executes bitext with args and returns the process exit code:
// 0 success, 1 failure, 2 usage error, 130 interrupted.
func run(ctx context.Context, args []string, e *env) int {
	// A report or estimate that could not be printed (a full disk behind
	// "> report.txt") fails the run, whichever command ignored the error.
	out := &stickyWriter{w: e.stdout}
	e2 := *e
	e2.stdout = out
	e = &e2
	app := newApp(e)
	unknown := false
	app.CommandNotFound = func(c *cli.Context, name string) {
		unknown = true
		fmt.Fprintf(e.stderr, "bitext: unknown command %q; see 'bitext --help'\n", name)
	}
	err := app.RunContext(ctx, flagsFirst(app, args))
	if unknown {
		return 2
	}
	if err == nil && out.err != nil {
		err = fmt.Errorf("writing to stdout: %w", out.err)
	}
	if err == nil {
		return 0
	}
	if ctx.Err() != nil {
		if !errors.As(err, new(interrupted)) {
			err = interrupted{err}
		}
		fmt.Fprintf(e.stderr, "bitext: %v\n", err)
		return exitInterrupted
	}
	fmt.Fprintf(e.stderr, "bitext: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	return 1
}

// signalContext is cancelled by SIGTERM, what cron, systemd and container
// runtimes send, and by Ctrl-C, to stop as cleanly as on either, keeping
// what is finished. A process started with SIGINT ignored (a shell script's
// background job, which Ctrl-C in the terminal must not stop) keeps it
// ignored: asking to be told of it would undo that.
func signalContext() (context.Context, context.CancelFunc) {
	sigs := []os.Signal{syscall.SIGTERM}
	if !signal.Ignored(os.Interrupt) {
		sigs = append(sigs, os.Interrupt)
	}
	return signal.NotifyContext(context.Background(), sigs...)
}

// stickyWriter keeps the first error of its writes.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil && s.err == nil {
		s.err = err
	}
	return n, err
}

func main() {
	ctx, stop := signalContext()
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: showControls(os.Stderr), stderrIsTerminal: isTerminal(os.Stderr)}
	os.Exit(run(ctx, os.Args, e))
}

// showControls returns w writing the escape character and the C1 controls
// (U+0080 to U+009F) as <U+XXXX>. Messages quote names and text from files
// that come from outside (unit ids, glossary terms), and a terminal takes
// those characters as commands; bitext's own messages hold none (the
// progress bar uses only a carriage return).
func showControls(w io.Writer) io.Writer { return controlsShown{w} }

type controlsShown struct{ w io.Writer }

func (c controlsShown) Write(p []byte) (int, error) {
	if !bytes.ContainsFunc(p, terminalControl) {
		return c.w.Write(p)
	}
	var b bytes.Buffer
	for rest := p; len(rest) > 0; {
		r, n := utf8.DecodeRune(rest)
		if terminalControl(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
		} else {
			b.Write(rest[:n])
		}
		rest = rest[n:]
	}
	if _, err := c.w.Write(b.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

func terminalControl(r rune) bool { return r == 0x1b || r >= 0x80 && r <= 0x9f }

// isTerminal reports whether f is a terminal someone watches. Being a
// character device is not enough: /dev/null is one, and a job that sends
// stderr there must not get a progress display.
func isTerminal(f *os.File) bool {
	fd := f.Fd()
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}

// flagsFirst moves a command's flags before its positional arguments, so that
// "bitext translate article.txt -o out.html" works as users expect (the flag
// parser stops at the first argument otherwise). "--" ends the flags.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]
	cmds := app.Commands
	var flags []cli.Flag
	for len(rest) > 0 {
		if a := rest[0]; flags != nil && len(a) > 1 && a != "--" && strings.HasPrefix(a, "-") {
			// a flag of the parent command, before the subcommand (tm --tm F import)
			out, rest = append(out, a), rest[1:]
			if !strings.Contains(a, "=") && takesValue(flags, strings.TrimLeft(a, "-")) && len(rest) > 0 {
				out, rest = append(out, rest[0]), rest[1:]
			}
			continue
		}
		if strings.HasPrefix(rest[0], "-") {
			break
		}
		cmd := findCommand(cmds, rest[0])
		if cmd == nil {
			break
		}
		out = append(out, rest[0])
		rest = rest[1:]
		cmds, flags = cmd.Subcommands, cmd.Flags
		if len(cmds) == 0 {
			break
		}
	}
	if flags == nil {
		return append(out, rest...)
	}
	var opts, positional []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			positional = append(positional, rest[i:]...)
			i = len(rest)
		case len(a) > 1 && strings.HasPrefix(a, "-"):
			opts = append(opts, a)
			if !strings.Contains(a, "=") && takesValue(flags, strings.TrimLeft(a, "-")) && i+1 < len(rest) {
				i++
				opts = append(opts, rest[i])
			}
		default:
			positional = append(positional, a)
		}
	}
	out = append(out, opts...)
	return append(out, positional...)
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

func takesValue(flags []cli.Flag, name string) bool {
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				if v, ok := f.(cli.DocGenerationFlag); ok {
					return v.TakesValue()
				}
				return false
			}
		}
	}
	return false
}

// count writes n with its noun, singular for one: "1 term", "3 terms".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
