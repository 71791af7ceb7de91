package cli

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/content"
)

// The commands that list the names other commands take: `unknot list
// programs` (also `unknot programs`), `unknot list areas` and `unknot list
// equipment`. Every "unknown …" error points to one of them.

// lister names the command that lists a kind of name, for the errors.
var lister = map[string]string{
	"technique": "unknot list",
	"program":   "unknot list programs",
	"area":      "unknot list areas",
	"equipment": "unknot list equipment",
}

// programEntry is one program in `unknot list programs --json`. Field
// names are a stable interface: add fields, never rename them.
type programEntry struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Summary string `json:"summary"`
	Days    int    `json:"days"`
	// Minutes is a day's length, lead-ins included.
	Minutes int `json:"minutes"`
}

// namesCmd is a command that prints one kind of name as a table or JSON.
func namesCmd(a *app, use, short, example string, print func(cat *content.Catalogue, asJSON bool) error) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Example: example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, err := a.catalogue()
			if err != nil {
				return err
			}
			return print(cat, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// newProgramsCmd is `unknot list programs`, or `unknot programs` with use
// "programs".
func newProgramsCmd(a *app, example string) *cobra.Command {
	return namesCmd(a, "programs", "Print the ready-made programs: ID, name, days and length", example, a.printPrograms)
}

func newAreasCmd(a *app) *cobra.Command {
	cmd := namesCmd(a, "areas", "Print the body areas --area takes", "  unknot list areas", a.printAreas)
	cmd.Long = "Print the body areas: `unknot list --area` and `unknot browse` take any of them;\n" +
		"`unknot session --area` takes those the intake asks about (an INTAKE label)."
	return cmd
}

func newEquipmentCmd(a *app) *cobra.Command {
	return namesCmd(a, "equipment", "Print the equipment IDs --equipment takes", "  unknot list equipment", a.printEquipment)
}

func (a *app) printPrograms(cat *content.Catalogue, asJSON bool) error {
	entries := make([]programEntry, 0, len(cat.Programs))
	for _, p := range cat.Programs {
		entries = append(entries, programEntry{ID: p.ID, Name: p.Name, Summary: p.Summary,
			Days: max(len(p.Days), 1), Minutes: cat.DayMinutes(p.Day(1))})
	}
	if asJSON {
		return a.printJSON(entries)
	}
	rows := make([][]string, 0, len(entries))
	for _, e := range entries {
		length := fmt.Sprintf("%d min", e.Minutes)
		if e.Days > 1 {
			length += " a day"
		}
		rows = append(rows, []string{e.ID, e.Name, strconv.Itoa(e.Days), length})
	}
	return a.table([]string{"ID", "NAME", "DAYS", "LENGTH"}, rows)
}

// printAreas lists every area; the INTAKE column is the label the
// intake's "Where does it hurt?" offers it under, and only those areas
// are taken by `unknot session --area`.
func (a *app) printAreas(cat *content.Catalogue, asJSON bool) error {
	if asJSON {
		return a.printJSON(cat.Areas)
	}
	rows := make([][]string, 0, len(cat.Areas))
	for _, ar := range cat.Areas {
		intake := ar.Intake
		if intake == "" {
			intake = "-"
		}
		rows = append(rows, []string{ar.ID, ar.Name, intake})
	}
	return a.table([]string{"ID", "NAME", "INTAKE (session --area)"}, rows)
}

// printEquipment lists every equipment ID, and "none".
func (a *app) printEquipment(cat *content.Catalogue, asJSON bool) error {
	if asJSON {
		return a.printJSON(cat.Equipment)
	}
	rows := make([][]string, 0, len(cat.Equipment)+1)
	for _, e := range cat.Equipment {
		rows = append(rows, []string{e.ID, e.Name})
	}
	rows = append(rows, []string{"none", "nothing at all"})
	return a.table([]string{"ID", "NAME"}, rows)
}

// printJSON prints v as indented JSON.
func (a *app) printJSON(v any) error {
	enc := json.NewEncoder(a.jsonStdout())
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
