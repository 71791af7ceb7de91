package cli

import "github.com/spf13/cobra"

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
			req := homeRequest
			req.req, req.direct = req.req.ForProgram(cat, p, 1), true
			return a.runTUI(req)
		},
	}
}
