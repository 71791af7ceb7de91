package coach

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// QuestionKind is how an intake question is answered.
type QuestionKind int

const (
	PickOne  QuestionKind = iota // one of the choices
	PickMany                     // any of the choices, or none
	Scale                        // a whole number from 0 to 10
)

// Intake question IDs.
const (
	AskAreas     = "areas"
	AskPain      = "pain"
	AskFeel      = "feel"
	AskDuration  = "duration"
	AskWorse     = "worse"
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
}

// Answers are the answers given so far, by question ID: the picked values,
// or a Scale's number as its decimal string.
type Answers map[string][]string

// IntakeQuestions are the questions to ask before a session of req: the
// pain score only for a chosen program or technique, everything the
// command line did not answer for a personal plan.
func IntakeQuestions(c *content.Catalogue, req Request) []Question {
	p := req.Preset
	var qs []Question
	if req.Personal() && !p.AreasGiven {
		var areas []Choice
		var def []string
		for _, a := range c.IntakeAreas() {
			areas = append(areas, Choice{a.ID, a.Intake})
			if a.IntakeDefault {
				def = append(def, a.ID)
			}
		}
		qs = append(qs, Question{ID: AskAreas, Title: "Where does it hurt?", Hint: "Tick every area that hurts.",
			Kind: PickMany, Choices: areas, Default: def})
	}
	qs = append(qs, Question{ID: AskPain, Title: "How bad is the pain right now, from 0 to 10?",
		Hint: "0 is no pain; 10 is the worst you can imagine.", Kind: Scale, Describe: plan.Severity})
	if !req.Personal() {
		return qs
	}
	qs = append(qs,
		Question{ID: AskFeel, Title: "What does it feel like?", Hint: "Tick all that fit.", Kind: PickMany, Choices: []Choice{
			{plan.FeelStiff, "Stiff"}, {plan.FeelKnotted, "Knotted or tight"}, {plan.FeelAchy, "Achy"},
			{plan.FeelSharp, "Sharp or shooting"}, {plan.FeelNumb, "Numbness or tingling"},
		}},
		Question{ID: AskDuration, Title: "How long have you had it?", Kind: PickOne, Choices: []Choice{
			{plan.DurationDays, "A few days"}, {plan.DurationWeeks, "A few weeks"}, {plan.DurationMonths, "Months or longer"},
		}, Default: []string{plan.DurationWeeks}},
		Question{ID: AskWorse, Title: "What makes it worse?", Hint: "Tick all that fit, or none.", Kind: PickMany, Choices: []Choice{
			{plan.WorseDesk, "Desk work"}, {plan.WorsePhone, "Looking at a phone"},
			{plan.WorseLifting, "Lifting or carrying"}, {plan.WorseSleep, "Sleep or lying down"},
		}})
	if !p.EquipmentGiven {
		var kit []Choice
		for _, e := range c.Equipment {
			kit = append(kit, Choice{e.ID, upperFirst(e.Name)})
		}
		qs = append(qs, Question{ID: AskEquipment, Title: "What do you have to hand?",
			Hint: "Tick each one; leave all unticked if you have nothing.", Kind: PickMany, Choices: kit, Default: p.Equipment})
	}
	if !p.MinutesGiven {
		var mins []Choice
		for _, n := range plan.Minutes {
			mins = append(mins, Choice{strconv.Itoa(n), fmt.Sprintf("%d minutes", n)})
		}
		qs = append(qs, Question{ID: AskMinutes, Title: "How much time do you have?", Kind: PickOne, Choices: mins,
			Default: []string{strconv.Itoa(plan.DefaultMinutes)}})
	}
	qs = append(qs, Question{ID: AskPressure, Title: "How much pressure do you like?", Hint: "For balls, rollers and hands.",
		Kind: PickOne, Choices: []Choice{
			{plan.PressureGentle, "Gentle"}, {plan.PressureMedium, "Medium"}, {plan.PressureFirm, "Firm"},
		}, Default: []string{plan.PressureMedium}})
	return qs
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

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
