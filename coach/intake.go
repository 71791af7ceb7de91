package coach

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// QuestionKind is how an intake question is answered.
type QuestionKind int

const (
	PickOne  QuestionKind = iota // one of the choices
	PickMany                     // any of the choices, or none
	Scale                        // a whole number from 0 to 10
	YesNo                        // a safety question asked again
)

// Intake question IDs.
const (
	AskAreas     = "areas"
	AskPain      = "pain"
	AskFeel      = "feel"
	AskDuration  = "duration"
	AskWorse     = "worse"
	AskPlace     = "place"
	AskEquipment = "equipment"
	AskMinutes   = "minutes"
	AskPressure  = "pressure"
)

// ScaleMax is the top of a Scale question (0 to 10).
const ScaleMax = 10

// Choice is one answer a question offers.
type Choice struct{ Value, Label string }

// Question is one intake question, as data both front ends draw.
type Question struct {
	ID      string // Ask*
	Title   string
	Hint    string
	Kind    QuestionKind
	Choices []Choice // PickOne and PickMany
	Default []string // values picked before the person answers
	// Describe names a Scale value ("moderate").
	Describe func(int) string
	// When, if set, says whether to ask the question, given the answers
	// so far; a question not asked counts as not answered.
	When func(plan.Intake) bool
	// Safety is the safety question a YesNo question asks again.
	Safety content.Question
}

// Asked reports whether q is asked, given the intake so far.
func (q Question) Asked(in plan.Intake) bool { return q.When == nil || q.When(in) }

// safetyAnswer is the ID under which a safety question asked again in the
// intake is answered.
func safetyAnswer(id string) string { return "safety:" + id }

// recheck asks a safety question again, as part of the intake.
func recheck(q content.Question, when func(plan.Intake) bool) Question {
	return Question{ID: safetyAnswer(q.ID), Title: q.Text, Hint: q.Hint, Kind: YesNo, Safety: q, When: when}
}

// IntakeStop is the safety question answered yes in the intake, if any:
// it stops the session as the safety check would have.
func IntakeStop(qs []Question, a Answers) (content.Question, bool) {
	for _, q := range qs {
		if q.Kind == YesNo && len(a[q.ID]) > 0 && a[q.ID][0] == "yes" {
			return q.Safety, true
		}
	}
	return content.Question{}, false
}

// Answers are the answers given so far, by question ID: the picked values,
// or a Scale's number as its decimal string.
type Answers map[string][]string

// IntakeQuestions are the questions to ask before a session of req: the
// pain score only for a chosen program or technique, everything the
// command line did not answer for a personal plan.
func IntakeQuestions(c *content.Catalogue, req Request) []Question {
	p := req.Preset
	last := plan.Intake{}
	if req.Last != nil {
		last = *req.Last
	}
	// or is the last answer when there is one, else def.
	or := func(lastValues []string, def ...string) []string {
		if len(lastValues) > 0 {
			return lastValues
		}
		return def
	}
	var qs []Question
	var rechecks []Question
	if req.Personal() && !p.AreasGiven {
		var areas []Choice
		var def []string
		for _, a := range c.IntakeAreas() {
			areas = append(areas, Choice{a.ID, a.Intake})
			if a.IntakeDefault {
				def = append(def, a.ID)
			}
			if q, ok := c.Safety.Question(a.IntakeRecheck); ok {
				area := a.ID
				rechecks = append(rechecks, recheck(q, func(in plan.Intake) bool { return slices.Contains(in.Areas, area) }))
			}
		}
		qs = append(qs, Question{ID: AskAreas, Title: "Where does it hurt?", Hint: "Tick every area that hurts or feels tight.",
			Kind: PickMany, Choices: areas, Default: or(last.Areas, def...)})
		qs = append(qs, rechecks...)
	}
	qs = append(qs, Question{ID: AskPain, Title: "How bad is the pain right now, from 0 to 10?",
		Hint: "0 is no pain; 10 is the worst you can imagine. 7 or more: see a clinician first.", Kind: Scale, Describe: plan.Severity})
	// On every route: sharp pain or numbness means a clinician first, and
	// the choice says so.
	qs = append(qs, Question{ID: AskFeel, Title: "What does it feel like?", Hint: "Tick all that fit, or none.", Kind: PickMany, Choices: []Choice{
		{plan.FeelStiff, "Stiff"}, {plan.FeelKnotted, "Knotted or tight"}, {plan.FeelAchy, "Achy"},
		{plan.FeelSharp, "Sharp or shooting (a clinician first: no session today)"},
		{plan.FeelNumb, "Numbness or tingling (a clinician first: no session today)"},
	}, Default: calmFeelings(last.Feel)})
	if !req.Personal() {
		if req.asksKit(c) {
			qs = append(qs, kitQuestion(c, req.Kit(c), last))
		}
		return qs
	}
	qs = append(qs,
		Question{ID: AskDuration, Title: "How long have you had it?", Kind: PickOne, Choices: []Choice{
			{plan.DurationDays, "A few days"}, {plan.DurationWeeks, "A few weeks"}, {plan.DurationMonths, "Months or longer"},
		}, Default: or(nonEmpty(last.Duration), plan.DurationWeeks)},
		Question{ID: AskWorse, Title: "What makes it worse?", Hint: "Tick all that fit, or none.", Kind: PickMany, Choices: []Choice{
			{plan.WorseDesk, "Desk work"}, {plan.WorsePhone, "Looking at a phone"},
			{plan.WorseLifting, "Lifting or carrying"}, {plan.WorseSleep, "Sleep or lying down"},
		}, Default: last.Worse})
	// Worse at night or lying down: the constant, worsening pain question
	// again (CLINICAL.md B4 includes pain worse at night).
	if q, ok := c.Safety.QuestionByRef("B4"); ok {
		qs = append(qs, recheck(q, func(in plan.Intake) bool { return slices.Contains(in.Worse, plan.WorseSleep) }))
	}
	qs = append(qs, Question{ID: AskPlace, Title: "Where are you?", Hint: "At a desk, the plan keeps to your chair, standing and a wall.",
		Kind: PickOne, Choices: []Choice{
			{plan.PlaceFloor, "Somewhere with room on the floor"}, {plan.PlaceDesk, "At my desk (no floor)"},
		}, Default: or(nonEmpty(last.Place), plan.PlaceFloor)})
	if !p.EquipmentGiven {
		var kit []Choice
		for _, e := range c.Equipment {
			kit = append(kit, Choice{e.ID, content.UpperFirst(e.Name)})
		}
		qs = append(qs, Question{ID: AskEquipment, Title: "What do you have to hand?",
			Hint: "Tick each one; leave all unticked if you have nothing.", Kind: PickMany, Choices: kit, Default: or(p.Equipment, last.Equipment...)})
	}
	if !p.MinutesGiven {
		var mins []Choice
		for _, n := range plan.Minutes {
			mins = append(mins, Choice{strconv.Itoa(n), fmt.Sprintf("%d minutes", n)})
		}
		minutes := plan.DefaultMinutes
		if slices.Contains(plan.Minutes, last.Minutes) {
			minutes = last.Minutes
		}
		qs = append(qs, Question{ID: AskMinutes, Title: "How much time do you have?", Kind: PickOne, Choices: mins,
			Default: []string{strconv.Itoa(minutes)}})
	}
	qs = append(qs, Question{ID: AskPressure, Title: "How much pressure do you like?", Hint: "For balls, rollers and hands.",
		Kind: PickOne, Choices: []Choice{
			{plan.PressureGentle, "Gentle"}, {plan.PressureMedium, "Medium"}, {plan.PressureFirm, "Firm"},
		}, Default: or(nonEmpty(last.Pressure), plan.PressureMedium)})
	return qs
}

// calmFeelings are last time's feelings to tick again: never sharp pain or
// numbness, which must be ticked afresh.
func calmFeelings(feel []string) []string {
	var out []string
	for _, f := range feel {
		if f != plan.FeelSharp && f != plan.FeelNumb {
			out = append(out, f)
		}
	}
	return out
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// Intake is the intake answers on top of what the command line preset;
// questions not answered yet are left empty.
func (r Request) Intake(a Answers) plan.Intake {
	p := r.Preset
	in := plan.Intake{Areas: p.Areas, Equipment: p.Equipment, Minutes: p.Minutes, Pressure: plan.PressureMedium}
	if in.Minutes == 0 {
		in.Minutes = plan.DefaultMinutes
	}
	one := func(id string) (string, bool) {
		v, ok := a[id]
		if !ok || len(v) == 0 {
			return "", false
		}
		return v[0], true
	}
	if v, ok := a[AskAreas]; ok {
		in.Areas = v
	}
	if v, ok := one(AskPain); ok {
		in.Pain, _ = strconv.Atoi(v)
	}
	in.Feel = a[AskFeel]
	if v, ok := one(AskDuration); ok {
		in.Duration = v
	}
	in.Worse = a[AskWorse]
	if v, ok := one(AskPlace); ok {
		in.Place = v
	}
	if v, ok := a[AskEquipment]; ok {
		in.Equipment = v
	}
	if v, ok := one(AskMinutes); ok {
		in.Minutes, _ = strconv.Atoi(v)
	}
	if v, ok := one(AskPressure); ok {
		in.Pressure = v
	}
	return in
}

// Label is the label of value among q's choices ("" when it is not one).
func (q Question) Label(value string) string {
	i := slices.IndexFunc(q.Choices, func(c Choice) bool { return c.Value == value })
	if i < 0 {
		return ""
	}
	return q.Choices[i].Label
}

// kitQuestion asks which of a chosen routine's equipment is to hand, all
// ticked until a personal intake has said what is to hand, that answer
// after it (last is the last personal intake); what is not to hand is
// swapped for what is.
func kitQuestion(c *content.Catalogue, kit []string, last plan.Intake) Question {
	var choices []Choice
	for _, id := range kit {
		if e, ok := c.EquipmentByID(id); ok {
			choices = append(choices, Choice{id, content.UpperFirst(e.Name)})
		}
	}
	def := kit
	if last.Equipment != nil {
		def = slices.DeleteFunc(slices.Clone(kit), func(id string) bool { return !slices.Contains(last.Equipment, id) })
	}
	return Question{ID: AskEquipment, Title: "This routine uses these. Which do you have to hand?",
		Hint: "Untick what you don't have: the plan swaps in techniques that don't need it.", Kind: PickMany, Choices: choices, Default: def}
}
