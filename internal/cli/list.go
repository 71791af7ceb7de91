package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/content"
)

// listEntry is one technique in `unknot list --json`. Field names are a
// stable interface: add fields, never rename them.
type listEntry struct {
	ID              string     `json:"id"`
	Name            string     `json:"name"`
	Summary         string     `json:"summary"`
	Areas           []string   `json:"areas"`
	Role            string     `json:"role"`
	Position        string     `json:"position"`
	Equipment       [][]string `json:"equipment"`
	Intensity       string     `json:"intensity"`
	DurationSeconds int        `json:"duration_seconds"`
	HoldSeconds     int        `json:"hold_seconds"`
	Holds           int        `json:"holds"`
	Bilateral       bool       `json:"bilateral"`
}

func newListCmd(a *app) *cobra.Command {
	var asJSON bool
	var areas, kit []string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print the techniques as a table or JSON",
		Long: "Print the techniques as a table (fitted to the terminal's width; one line per\n" +
			"technique when piped) or as JSON. `unknot list programs`, `unknot list areas` and\n" +
			"`unknot list equipment` print the IDs --program, --area and --equipment take.",
		Example: "  unknot list\n  unknot list --area mid-back --equipment foam-roller\n  unknot list --json | jq '.[].id'",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, err := a.catalogue()
			if err != nil {
				return err
			}
			for _, ar := range areas {
				if _, ok := cat.Area(ar); !ok {
					return unknownName("area", ar, cat.AreaIDs())
				}
			}
			have, err := equipmentFlag(cat, kit)
			if err != nil {
				return err
			}
			// Pointers into the catalogue: a technique is a large value.
			var techs []*content.Technique
			for i := range cat.Techniques {
				t := &cat.Techniques[i]
				if len(areas) > 0 && !slices.ContainsFunc(areas, func(ar string) bool { return slices.Contains(t.Areas, ar) }) {
					continue
				}
				if len(kit) > 0 && !t.UsableWith(have) {
					continue
				}
				techs = append(techs, t)
			}
			if asJSON {
				return a.listJSON(techs)
			}
			return a.listTable(cat, techs)
		},
	}
	cmd.AddCommand(newProgramsCmd(a, "  unknot list programs\n  unknot list programs --json"), newAreasCmd(a), newEquipmentCmd(a))
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (an array of techniques)")
	cmd.Flags().StringArrayVar(&areas, "area", nil, "only techniques for this body `AREA` (repeatable; `unknot list areas` lists them)")
	cmd.Flags().StringArrayVar(&kit, "equipment", nil, "only techniques you can do with this `EQUIPMENT` (repeatable; `unknot list equipment` lists them, and none)")
	_ = cmd.RegisterFlagCompletionFunc("area", a.completeIDs(func(c *content.Catalogue) []string { return c.AreaIDs() }))
	_ = cmd.RegisterFlagCompletionFunc("equipment", a.completeEquipment())
	return cmd
}

func entry(t *content.Technique) listEntry {
	eq := t.Equipment
	if eq == nil {
		eq = [][]string{}
	}
	return listEntry{
		ID: t.ID, Name: t.Name, Summary: t.Summary, Areas: t.Areas, Role: string(t.Role),
		Position: string(t.Position), Equipment: eq, Intensity: string(t.Intensity),
		DurationSeconds: t.DurationSeconds(), HoldSeconds: t.Dosage.HoldSeconds,
		Holds: t.Dosage.Holds(), Bilateral: t.Dosage.Bilateral,
	}
}

func (a *app) listJSON(techs []*content.Technique) error {
	out := make([]listEntry, 0, len(techs))
	for _, t := range techs {
		out = append(out, entry(t))
	}
	return a.printJSON(out)
}

func (a *app) listTable(cat *content.Catalogue, techs []*content.Technique) error {
	if len(techs) == 0 {
		fmt.Fprintln(a.out(), "No techniques match.")
		return nil
	}
	// Piped, the areas are one word ("upper-back,mid-back"); on a
	// terminal they may wrap after each comma.
	sep := ","
	if a.width() > 0 {
		sep = ", "
	}
	rows := make([][]string, 0, len(techs))
	for _, t := range techs {
		rows = append(rows, []string{t.ID, t.Name, string(t.Role), content.Clock(t.DurationSeconds()),
			strings.Join(t.Areas, sep), cat.EquipmentText(*t)})
	}
	return a.table([]string{"ID", "NAME", "ROLE", "TIME", "AREAS", "EQUIPMENT"}, rows)
}
