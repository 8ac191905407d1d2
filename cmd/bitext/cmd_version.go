package main

import (
	"fmt"
	"runtime"

	"github.com/urfave/cli/v2"
)

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		return &cli.Command{
			Name:  "version",
			Usage: "print the version of bitext",
			Action: func(c *cli.Context) error {
				if c.NArg() > 0 {
					return usagef("version: takes no arguments, got %q", c.Args().First())
				}
				_, err := fmt.Fprintf(e.stdout, "bitext %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
				return err
			},
		}
	})
}
