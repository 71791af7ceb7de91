package cli

import (
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd prints the man page, generated from the commands themselves.
func newManCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:     "man",
		Short:   "Print the man page (troff), e.g. unknot man > unknot.1",
		Example: "  unknot man | man -l -",
		Args:    cobra.NoArgs,
		Hidden:  false,
		RunE: func(cmd *cobra.Command, _ []string) error {
			header := &doc.GenManHeader{Title: "UNKNOT", Section: "1", Source: "unknot " + version(), Manual: "unknot manual"}
			return doc.GenMan(root, header, cmd.OutOrStdout())
		},
	}
}
