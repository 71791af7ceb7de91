package cli

import (
	"errors"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/plan"
)

type sessionFlags struct {
	program    string
	techniques []string
	areas      []string
	equipment  []string
	minutes    int
	// Given marks flags that were set, even to "" or 0.
	programGiven, minutesGiven bool
	again                      bool
	hold                       durationFlag
	leadIn                     durationFlag
}

func newSessionCmd(a *app) *cobra.Command {
	var f sessionFlags
	cmd := &cobra.Command{
		Use:   "session",
		Short: "Start a guided session straight away",
		Example: "  unknot session --program full-upper-back\n" +
			"  unknot session --technique doorway-chest-stretch --technique shoulder-rolls\n" +
			"  unknot session --program desk-break --hold 20s --lead-in 0",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f.programGiven, f.minutesGiven = cmd.Flags().Changed("program"), cmd.Flags().Changed("minutes")
			req, err := a.sessionRequest(f)
			if err != nil {
				return err
			}
			return a.runTUI(req)
		},
	}
	cmd.Flags().StringVar(&f.program, "program", "", "run the program with this `ID` (`unknot programs` lists them)")
	cmd.Flags().StringArrayVar(&f.techniques, "technique", nil, "run the technique with this `ID` (repeatable; `unknot list` lists them)")
	cmd.Flags().StringArrayVar(&f.areas, "area", nil, "where it hurts, pre-filling the intake: an `AREA` with an INTAKE label in `unknot list areas` (repeatable)")
	cmd.Flags().StringArrayVar(&f.equipment, "equipment", nil, "`EQUIPMENT` at hand, pre-filling the intake: an ID from `unknot list equipment`, or none (repeatable)")
	cmd.Flags().BoolVar(&f.again, "again", false, "the last session's techniques and holds again (with today's safety questions and pain score)")
	cmd.Flags().IntVar(&f.minutes, "minutes", 0, "`MINUTES` available, pre-filling the intake: 3, 5, 10, 15, 20 or 30")
	cmd.Flags().Var(&f.hold, "hold", "length of every hold, a `DURATION` such as 20s or 1m (up to what each technique allows)")
	cmd.Flags().Var(&f.leadIn, "lead-in", "get-into-position time before each hold, a `DURATION`; 0 for none (default 5s)")
	_ = cmd.RegisterFlagCompletionFunc("program", a.completeIDs(func(c *content.Catalogue) []string { return c.ProgramIDs() }))
	_ = cmd.RegisterFlagCompletionFunc("technique", a.completeIDs(func(c *content.Catalogue) []string { return c.TechniqueIDs() }))
	_ = cmd.RegisterFlagCompletionFunc("area", a.completeIDs(intakeAreas))
	_ = cmd.RegisterFlagCompletionFunc("equipment", a.completeEquipment())
	return cmd
}

// sessionRequest checks every flag before anything starts: a bad ID or
// duration is a usage error with the closest valid names.
func (a *app) sessionRequest(f sessionFlags) (tuiRequest, error) {
	cat, err := a.catalogue()
	if err != nil {
		return tuiRequest{}, err
	}
	opt, err := holdOptions(f.hold, f.leadIn)
	if err != nil {
		return tuiRequest{}, err
	}
	if f.programGiven && f.program == "" {
		return tuiRequest{}, usagef("--program needs a program ID; `%s` lists them", lister["program"])
	}
	if f.again && (f.program != "" || len(f.techniques) > 0) {
		return tuiRequest{}, usagef("give --again, --program or --technique, not two of them")
	}
	if f.program != "" && len(f.techniques) > 0 {
		return tuiRequest{}, usagef("give --program or --technique, not both")
	}
	preset, err := presetFromFlags(cat, f)
	if err != nil {
		return tuiRequest{}, err
	}
	req := coach.Request{Preset: preset, Expand: opt}
	switch {
	case f.again:
		last, ok, err := a.lastSession()
		if err != nil {
			return tuiRequest{}, err
		}
		if !ok {
			return tuiRequest{}, usagef("--again: there is no session to repeat yet")
		}
		if req, ok = req.ForSession(cat, last); !ok {
			return tuiRequest{}, usagef("--again: none of the last session's techniques is in the catalogue now")
		}
	case f.program != "":
		p, ok := cat.Program(f.program)
		if !ok {
			return tuiRequest{}, unknownName("program", f.program, cat.ProgramIDs())
		}
		d, err := a.programDay(cat, p)
		if err != nil {
			return tuiRequest{}, err
		}
		req = req.ForProgram(cat, p, d.Day)
		req.Early = !d.Due
	case len(f.techniques) > 0:
		var techs []content.Technique
		names := make([]string, 0, len(f.techniques))
		for _, id := range f.techniques {
			t, ok := cat.Technique(id)
			if !ok {
				return tuiRequest{}, unknownName("technique", id, cat.TechniqueIDs())
			}
			techs = append(techs, t)
			names = append(names, t.Name)
		}
		req = req.ForTechniques(strings.Join(names, ", "), techs...)
	}
	return tuiRequest{req: req, direct: true}, nil
}

// intakeAreas are the area IDs the intake's body map offers.
func intakeAreas(cat *content.Catalogue) []string {
	var ids []string
	for _, a := range cat.IntakeAreas() {
		ids = append(ids, a.ID)
	}
	return ids
}

// presetFromFlags checks --area, --equipment and --minutes.
func presetFromFlags(cat *content.Catalogue, f sessionFlags) (coach.Preset, error) {
	given := f.minutesGiven || f.minutes != 0
	p := coach.Preset{Areas: f.areas, AreasGiven: len(f.areas) > 0, MinutesGiven: given, Minutes: f.minutes}
	for _, a := range f.areas {
		if areas := intakeAreas(cat); !slices.Contains(areas, a) {
			return p, unknownName("area", a, areas)
		}
	}
	p.EquipmentGiven = len(f.equipment) > 0
	var err error
	if p.Equipment, err = equipmentFlag(cat, f.equipment); err != nil {
		return p, err
	}
	if given && !slices.Contains(plan.Minutes, f.minutes) {
		return p, usagef("--minutes %d is not one of 3, 5, 10, 15, 20, 30", f.minutes)
	}
	return p, nil
}

// equipmentFlag checks --equipment values: known IDs, with "none" (or
// "nothing") standing for no equipment.
func equipmentFlag(cat *content.Catalogue, given []string) ([]string, error) {
	var have []string
	for _, e := range given {
		if e == "none" || e == "nothing" {
			continue
		}
		if _, ok := cat.EquipmentByID(e); !ok {
			return nil, unknownName("equipment", e, cat.EquipmentIDs())
		}
		have = append(have, e)
	}
	return have, nil
}

// completeEquipment offers the equipment IDs and "none".
func (a *app) completeEquipment() func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return a.completeIDs(func(c *content.Catalogue) []string { return append(c.EquipmentIDs(), "none") })
}

// programDay is the day of p to run: the one after the last done (Day 1
// when p is not under way or there is no journal yet).
func (a *app) programDay(cat *content.Catalogue, p content.Program) (coach.ProgramDay, error) {
	j, err := journal.OpenReadOnly(a.dataPath())
	if errors.Is(err, journal.ErrNoJournal) {
		return coach.NextDayOf(cat, p, nil, a.now()), nil
	}
	if err != nil {
		return coach.ProgramDay{}, err
	}
	defer j.Close()
	progress, err := j.InProgress()
	if err != nil {
		return coach.ProgramDay{}, err
	}
	return coach.NextDayOf(cat, p, progress, a.now()), nil
}

// lastSession is the journal's most recent session, read-only.
func (a *app) lastSession() (coach.Session, bool, error) {
	j, err := journal.OpenReadOnly(a.dataPath())
	if errors.Is(err, journal.ErrNoJournal) {
		return coach.Session{}, false, nil
	}
	if err != nil {
		return coach.Session{}, false, err
	}
	defer j.Close()
	return j.Last()
}
