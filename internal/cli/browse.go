package cli

import (
	"github.com/spf13/cobra"

	"github.com/unknot/unknot/content"
)

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
			req := homeRequest
			req.browse = &area
			return a.runTUI(req)
		},
	}
	cmd.ValidArgsFunction = a.completeIDs(func(c *content.Catalogue) []string { return c.AreaIDs() })
	return cmd
}
