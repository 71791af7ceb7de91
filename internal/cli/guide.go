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
					fmt.Fprintln(out, "- "+strings.ReplaceAll(wrapProse(line, 76), "\n", "\n  "))
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

// wrapProse word-wraps each line of s to width, leaving a line with no
// spaces (a citation's web address) whole so that it can be copied.
func wrapProse(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.Contains(l, " ") {
			lines[i] = ansi.Wordwrap(l, width, "")
		}
	}
	return strings.Join(lines, "\n")
}
