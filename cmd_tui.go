package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
	"github.com/unknot/unknot/ui"
)

func newBreakCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "break",
		Short:   "The quick desk break: about 3 minutes, no equipment",
		Example: "  unknot break",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, err := a.catalogue()
			if err != nil {
				return err
			}
			p, ok := cat.Program("desk-break")
			if !ok {
				return usagef("the desk break program is missing")
			}
			req := ui.ProgramRequest(cat, p, 1)
			return a.runTUI(tuiRequest{start: &req, expand: session.Options{LeadIn: -1}})
		},
	}
}

func newBrowseCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "browse [AREA]",
		Short:   "Browse techniques by body area",
		Example: "  unknot browse\n  unknot browse mid-back",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalogue()
			if err != nil {
				return err
			}
			area := ""
			if len(args) == 1 {
				area = args[0]
				if _, ok := cat.Area(area); !ok {
					return unknownName("area", area, cat.AreaIDs())
				}
			}
			return a.runTUI(tuiRequest{browse: &area, expand: session.Options{LeadIn: -1}})
		},
	}
	cmd.ValidArgsFunction = a.completeIDs(func(c *content.Catalogue) []string { return c.AreaIDs() })
	return cmd
}

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
