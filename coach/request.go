package coach

import (
	"fmt"
	"slices"
	"time"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

// Request is what the person asked for: a personal plan built from the
// intake (no techniques), or a chosen program day or list of techniques;
// with the intake answers and hold settings the command line gave.
type Request struct {
	Techniques []content.Technique
	Title      string
	// Program, Day and Days identify a program's day, for the journal and
	// multi-day progress.
	Program   string
	Day, Days int
	// Early marks a program's day begun before it is due: the day after
	// the last one done. The plan says so.
	Early bool
	// Preset holds intake answers given on the command line.
	Preset Preset
	// Expand is how the plan's techniques become steps (--hold, --lead-in).
	Expand session.Options
	// Last is the last intake's answers: offered again as the defaults
	// (pain now is always asked fresh).
	Last *plan.Intake
	// KitKnown is set for a repeat of a session done before: its
	// equipment was to hand then, so it is not asked about.
	KitKnown bool
}

// Preset is what the command line already answered (unknot session
// --area, --equipment, --minutes); those questions are not asked.
type Preset struct {
	Areas     []string
	Equipment []string
	Minutes   int
	// Given marks which of the above came from flags.
	AreasGiven, EquipmentGiven, MinutesGiven bool
}

// Personal reports whether the request is for a plan built from the intake.
func (r Request) Personal() bool { return len(r.Techniques) == 0 }

// ForPlan is r asking for a personal plan, with r's preset and settings.
func (r Request) ForPlan() Request {
	r.Techniques, r.Title, r.Program, r.Day, r.Days, r.Early = nil, "", "", 0, 0, false
	return r
}

// ForTechniques is r asking for the given techniques under title.
func (r Request) ForTechniques(title string, techs ...content.Technique) Request {
	r = r.ForPlan()
	r.Techniques, r.Title = techs, title
	return r
}

// ForProgram is r asking for day `day` of program p.
func (r Request) ForProgram(c *content.Catalogue, p content.Program, day int) Request {
	var techs []content.Technique
	for _, it := range p.Day(day) {
		if t, ok := c.Resolve(it); ok {
			techs = append(techs, t)
		}
	}
	title := p.Name
	days := 1
	if p.MultiDay() {
		days = len(p.Days)
		title += fmt.Sprintf(" · Day %d of %d: %s", day, days, p.Days[day-1].Name())
	}
	r = r.ForTechniques(title, techs...)
	r.Program, r.Day, r.Days = p.ID, day, days
	return r
}

// ForSession is r asking for the same techniques as session s, with the
// holds it had (within each technique's range); false when none of them
// is in the catalogue any more. A repeat is not a program's day: it does
// not move a program on.
func (r Request) ForSession(c *content.Catalogue, s Session) (Request, bool) {
	var techs []content.Technique
	items := s.Plan
	if len(items) == 0 { // an old row: the steps say what was done
		for _, st := range s.Steps {
			if !slices.ContainsFunc(items, func(p PlanItem) bool { return p.Technique == st.Technique }) {
				items = append(items, PlanItem{Technique: st.Technique, HoldSeconds: int(st.PlannedSeconds)})
			}
		}
	}
	for _, it := range items {
		t, ok := c.Technique(it.Technique)
		if !ok {
			continue
		}
		if d := t.Dosage; it.HoldSeconds >= d.MinHoldSeconds && it.HoldSeconds <= d.MaxHoldSeconds {
			t.Dosage.HoldSeconds = it.HoldSeconds
		}
		techs = append(techs, t)
	}
	if len(techs) == 0 {
		return r, false
	}
	r = r.ForTechniques(s.Title, techs...)
	r.KitKnown = true
	return r, true
}

// PlanTitle is the title a plan for r goes by.
func (r Request) PlanTitle() string {
	if r.Personal() {
		return "Your plan for today"
	}
	return r.Title
}

// Kit is the equipment a chosen selection could use, in catalogue order:
// what its equipment question offers. It is empty for a personal plan.
func (r Request) Kit(c *content.Catalogue) []string {
	if r.Personal() {
		return nil
	}
	var out []string
	for _, e := range c.Equipment {
		if slices.ContainsFunc(r.Techniques, func(t content.Technique) bool { return t.Uses(e.ID) }) {
			out = append(out, e.ID)
		}
	}
	return out
}

// asksKit reports whether the intake asks which of a ready-made
// routine's equipment is to hand (a technique picked by name is not
// second-guessed).
func (r Request) asksKit(c *content.Catalogue) bool {
	return r.Program != "" && !r.KitKnown && !r.Preset.EquipmentGiven && len(r.Kit(c)) > 0
}

// Plan is the plan for r: built from the intake for a personal plan; for a
// chosen selection, its techniques, without those marked "this hurts"
// last time (unless it is that one technique, picked by name), and with
// those needing equipment the person does not have swapped for ones they
// can do.
func (r Request) Plan(c *content.Catalogue, in plan.Intake, res safety.Result, hist plan.History) plan.Plan {
	if r.Personal() {
		p := plan.Build(c, in, res, hist)
		if r.Expand.Hold == 0 {
			return p // planned to the short length already
		}
		return plan.KeepShort(p, res, r.itemSeconds)
	}
	p := plan.FromSelection(c, r.Techniques, res)
	if len(r.Techniques) > 1 {
		p = plan.WithoutHurt(p, hist)
	}
	if r.asksKit(c) || r.Program != "" && r.Preset.EquipmentGiven {
		p = plan.WithKit(c, p, in.Equipment, res)
	}
	if r.Early {
		p.Notes = append(append([]string(nil), p.Notes...), EarlyNote(r.Day, r.Days))
	}
	return plan.KeepShort(p, res, r.itemSeconds)
}

// EarlyNote is what the plan says of a program's day begun before it is
// due.
func EarlyNote(day, days int) string {
	return fmt.Sprintf("Day %d of %d was meant for tomorrow, after a day's rest: take it easy today.", day, days)
}

// KeepShort is plan p kept to the short session reduced sensation asks
// for, as it will run with r's --hold: for a plan edited on the plan
// screen (a hold made longer, a technique turned back on) before it
// starts. Without that caution it is p.
func (r Request) KeepShort(p plan.Plan, res safety.Result) plan.Plan {
	return plan.KeepShort(p, res, r.itemSeconds)
}

// Seconds is how long plan p runs in the session, with r's --hold and
// lead-in applied: what the plan's heading says.
func (r Request) Seconds(p plan.Plan) int {
	return int(session.Total(session.Expand(p.Techniques(), r.Expand)) / time.Second)
}

// itemSeconds is how long it takes in the session, with r's --hold and
// lead-in applied.
func (r Request) itemSeconds(it plan.Item) int {
	return r.Seconds(plan.Plan{Items: []plan.Item{it}})
}
