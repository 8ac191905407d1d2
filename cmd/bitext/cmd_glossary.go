package main

import (
	"sort"

	"github.com/urfave/cli/v2"
)

// glossarySubcommands is filled by the init functions of the cmd_glossary_*.go files.
var glossarySubcommands []func(e *env) *cli.Command

func init() {
	commands = append(commands, func(e *env) *cli.Command {
		cmd := &cli.Command{
			Name:  "glossary",
			Usage: "find, check and maintain the glossary of names (glossary.yaml)",
		}
		for _, mk := range glossarySubcommands {
			cmd.Subcommands = append(cmd.Subcommands, mk(e))
		}
		sort.Slice(cmd.Subcommands, func(i, j int) bool { return cmd.Subcommands[i].Name < cmd.Subcommands[j].Name })
		return cmd
	})
}
