package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// versionInfo is what `bitext version --json` prints; the plain line holds
// the same fields.
type versionInfo struct {
	Version  string `json:"version"`
	Commit   string `json:"commit"`   // "" when the build recorded none
	Modified bool   `json:"modified"` // built from a work tree with uncommitted changes
	Go       string `json:"go"`
	OS       string `json:"os"`
	Arch     string `json:"arch"`
}

// buildVersion returns the version set at build time (make build sets it
// from git describe); a plain go build leaves "dev", and then the module
// version and commit Go recorded in the binary say which build it is.
func buildVersion() versionInfo {
	v := versionInfo{Version: version, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if v.Version == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// versionLine is the one line of `bitext version` and `bitext --version`:
// "bitext VERSION (GO, OS/ARCH[, commit C[, modified]])", the version the
// second word, for scripts.
func versionLine(v versionInfo) string {
	extra := ""
	if v.Commit != "" {
		extra = ", commit " + v.Commit
		if v.Modified {
			extra += ", modified"
		}
	}
	return fmt.Sprintf("bitext %s (%s, %s/%s%s)", v.Version, v.Go, v.OS, v.Arch, extra)
}

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:  "version",
			Usage: "print the version of bitext",
			Description: `Prints one line, the version as its second word:
   bitext v1.4.0 (go1.26.1, linux/amd64)
With --json, an object with version, commit, modified, go, os and arch.`,
			Flags: []cli.Flag{&cli.BoolFlag{Name: "json", Usage: "print the version as JSON"}},
			Action: func(c *cli.Context) error {
				if c.NArg() > 0 {
					return usagef("version: takes no arguments, got %q", c.Args().First())
				}
				if c.Bool("json") {
					return writeJSON(e.stdout, buildVersion())
				}
				_, err := fmt.Fprintln(e.stdout, versionLine(buildVersion()))
				return err
			},
		}
	})
}
