package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/figure"
)

func newShowCmd(a *app) *cobra.Command {
	var asJSON, withFigure, noFigure bool
	cmd := &cobra.Command{
		Use:     "show ID",
		Short:   "Print one technique's full detail",
		Example: "  unknot show doorway-chest-stretch\n  unknot show doorway-chest-stretch --no-figure\n  unknot show foam-roller-thoracic-extension --json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalogue()
			if err != nil {
				return err
			}
			t, ok := cat.Technique(args[0])
			if !ok {
				return unknownName("technique", args[0], cat.TechniqueIDs())
			}
			if asJSON {
				return a.printJSON(struct {
					content.Technique
					DurationSeconds int `json:"duration_seconds"`
					// Sources replaces the technique's reference IDs
					// with the citations they name.
					Sources []citationJSON      `json:"sources"`
					Ladder  *content.LadderInfo `json:"ladder,omitempty"`
				}{t, t.DurationSeconds(), citationsJSON(cat.Citations(t.Sources)), cat.Ladder(t.ID)})
			}
			if withFigure || (!noFigure && a.stdoutIsTerminal()) {
				fmt.Fprint(a.out(), showFigures(t, a.width()))
			}
			fmt.Fprint(a.out(), fit(showText(cat, t), a.width()))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&withFigure, "figure", false, "draw the position even when the output is not a terminal")
	cmd.Flags().BoolVar(&noFigure, "no-figure", false, "leave out the drawing of the position (its words stay)")
	cmd.MarkFlagsMutuallyExclusive("figure", "no-figure")
	cmd.ValidArgsFunction = a.completeIDs(func(c *content.Catalogue) []string { return c.TechniqueIDs() })
	return cmd
}

// showFigures draws the technique's position above its text: a
// two-sided technique's left and right side by side when they fit, one
// above the other when not. Width 0 (not a terminal) is taken as wide.
func showFigures(t content.Technique, width int) string {
	if !t.Figure.Drawn() || (width > 0 && width < figure.DefaultWidth) {
		return ""
	}
	if width == 0 {
		width = 2*figure.DefaultWidth + 4
	}
	draw := func(mirror bool) []string {
		return figure.DrawTrimmed(t.Figure, 0, mirror, figure.DefaultWidth, figure.DefaultHeight).Lines()
	}
	var b strings.Builder
	switch {
	case !t.Dosage.Bilateral:
		b.WriteString(strings.Join(draw(false), "\n") + "\n")
	case width >= 2*figure.DefaultWidth+4:
		left, right := draw(false), draw(true)
		fmt.Fprintf(&b, "%-*s    %s\n", figure.DefaultWidth, "Left side", "Right side")
		for i := range left {
			b.WriteString(left[i] + "    " + right[i] + "\n")
		}
	default:
		b.WriteString("Left side\n" + strings.Join(draw(false), "\n") + "\nRight side\n" + strings.Join(draw(true), "\n") + "\n")
	}
	return b.String() + "\n"
}

// showText is a technique's detail as plain text.
func showText(cat *content.Catalogue, t content.Technique) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n%s · %s · %s · %s\n\n%s\n", t.Name, t.ID, t.Role.Label(), t.Position, t.Intensity,
		strings.Join(t.Areas, ", "), t.Summary)
	if alt := t.Figure.Alt; alt != "" {
		fmt.Fprintf(&b, "\nPosition\n  %s\n", alt)
		for _, s := range t.StageFigures {
			fmt.Fprintf(&b, "  %s: %s\n", t.Dosage.Stages[s.Stage-1], s.Alt)
		}
	}
	fmt.Fprintf(&b, "\nWhy it helps\n  %s\n\nHow to do it\n", t.Why)
	for i, s := range t.Steps {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, s)
	}
	if t.Breathing != "" {
		fmt.Fprintf(&b, "  Breathe: %s\n", t.Breathing)
	}
	fmt.Fprintf(&b, "\nDosage\n  %s. About %s in all.\n", t.Dosage.Text(), content.Clock(t.DurationSeconds()))
	if l := cat.LadderText(t.ID); l != "" {
		fmt.Fprintf(&b, "\nEasier and harder\n  %s\n", l)
	}
	fmt.Fprintf(&b, "\nEquipment\n  %s\n\nPrecautions\n", cat.EquipmentText(t))
	for _, p := range t.Precautions {
		fmt.Fprintf(&b, "  - %s\n", p)
	}
	if avoid := cat.AvoidReasons(t); len(avoid) > 0 {
		b.WriteString("\nWho should leave it out\n")
		for _, a := range avoid {
			fmt.Fprintf(&b, "  - %s: %s\n", a.Caution, a.Why)
		}
	}
	b.WriteString("\nSources\n")
	for _, r := range cat.Citations(t.Sources) {
		// The address on a line of its own, kept whole so it can be copied.
		fmt.Fprintf(&b, "  - %s\n", r.Text())
		if r.URL != "" {
			fmt.Fprintf(&b, "    %s\n", r.URL)
		}
	}
	return b.String()
}

// citationJSON is one source in `unknot show --json`: the reference's
// fields, and the whole citation as one line.
type citationJSON struct {
	content.Reference
	Citation string `json:"citation"`
}

func citationsJSON(refs []content.Reference) []citationJSON {
	out := make([]citationJSON, len(refs))
	for i, r := range refs {
		out[i] = citationJSON{r, r.String()}
	}
	return out
}
