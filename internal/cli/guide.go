package cli

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/unknot/unknot/coach"
)

func newGuideCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "guide",
		Short:   "Print the guidance: before you start, posture, when to stop, when to see a professional",
		Example: "  unknot guide | less",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, err := a.catalogue()
			if err != nil {
				return err
			}
			out := a.out()
			for i, s := range coach.Guide(cat) {
				if i > 0 {
					fmt.Fprintln(out)
				}
				fmt.Fprintln(out, strings.ToUpper(s.Title))
				for _, line := range s.Lines {
					fmt.Fprintln(out, "- "+strings.ReplaceAll(ansi.Wordwrap(line, 76, ""), "\n", "\n  "))
				}
			}
			return nil
		},
	}
}

func newCheckInCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "check-in",
		Short:   "Answer the whole safety check again (after an injury, in pregnancy, or any change in your health)",
		Example: "  unknot check-in",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			req := homeRequest
			req.checkIn = true
			return a.runTUI(req)
		},
	}
}
