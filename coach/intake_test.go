package coach_test

import (
	"reflect"
	"testing"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/plan"
)

func ids(qs []coach.Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

func TestIntakeQuestionsFollowTheRequest(t *testing.T) {
	all := []string{coach.AskAreas, "safety:chest-pain", coach.AskPain, coach.AskFeel, coach.AskDuration, coach.AskWorse,
		"safety:constant-worsening-pain", coach.AskPlace, coach.AskEquipment, coach.AskMinutes, coach.AskPressure}
	tq := technique(t, "shoulder-rolls")
	for _, tc := range []struct {
		name string
		req  coach.Request
		want []string
	}{
		{"a personal plan asks everything", coach.Request{}, all},
		{"a chosen technique asks only the pain and its feel", coach.Request{}.ForTechniques("x", tq), []string{coach.AskPain, coach.AskFeel}},
		{"flags answer areas, equipment and minutes", coach.Request{Preset: coach.Preset{AreasGiven: true, EquipmentGiven: true, MinutesGiven: true}},
			[]string{coach.AskPain, coach.AskFeel, coach.AskDuration, coach.AskWorse, "safety:constant-worsening-pain", coach.AskPlace, coach.AskPressure}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ids(coach.IntakeQuestions(cat, tc.req)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("questions = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestIntakeAreasComeFromContent(t *testing.T) {
	q := coach.IntakeQuestions(cat, coach.Request{})[0]
	if q.ID != coach.AskAreas {
		t.Fatalf("first question %q", q.ID)
	}
	var want []string
	for _, a := range cat.IntakeAreas() {
		want = append(want, a.ID)
	}
	var got []string
	for _, c := range q.Choices {
		got = append(got, c.Value)
		if _, ok := cat.Area(c.Value); !ok {
			t.Errorf("choice %q is not a content area", c.Value)
		}
	}
	if !reflect.DeepEqual(got, want) || len(got) < 6 {
		t.Errorf("areas = %v, want content's intake areas %v", got, want)
	}
	if len(q.Default) != 1 || q.Label(q.Default[0]) != "Between the shoulder blades" {
		t.Errorf("default %v", q.Default)
	}
}

func TestEveryQuestionIsAnswerable(t *testing.T) {
	for _, q := range coach.IntakeQuestions(cat, coach.Request{}) {
		if q.Title == "" {
			t.Errorf("%s: no title", q.ID)
		}
		switch q.Kind {
		case coach.Scale:
			if q.Describe == nil {
				t.Errorf("%s: a scale with no description", q.ID)
			}
		case coach.YesNo:
			if q.Safety.ID == "" || q.When == nil {
				t.Errorf("%s: a safety question asked again needs the question and when", q.ID)
			}
		default:
			if len(q.Choices) == 0 {
				t.Errorf("%s: no choices", q.ID)
			}
			for _, d := range q.Default {
				if q.Label(d) == "" {
					t.Errorf("%s: default %q is not a choice", q.ID, d)
				}
			}
			if q.Kind == coach.PickOne && len(q.Default) != 1 {
				t.Errorf("%s: pick-one needs one default, has %v", q.ID, q.Default)
			}
		}
	}
}

func TestIntakeFromAnswers(t *testing.T) {
	preset := coach.Preset{Areas: []string{"neck"}, AreasGiven: true, Equipment: []string{"wall"}, EquipmentGiven: true}
	for _, tc := range []struct {
		name string
		req  coach.Request
		a    coach.Answers
		want plan.Intake
	}{
		{"nothing answered yet", coach.Request{}, nil,
			plan.Intake{Minutes: plan.DefaultMinutes, Pressure: plan.PressureMedium}},
		{"every answer", coach.Request{}, coach.Answers{
			coach.AskAreas: {"upper-back", "neck"}, coach.AskPain: {"6"}, coach.AskFeel: {plan.FeelStiff},
			coach.AskDuration: {plan.DurationMonths}, coach.AskWorse: {plan.WorseDesk}, coach.AskPlace: {plan.PlaceDesk}, coach.AskEquipment: {"tennis-ball"},
			coach.AskMinutes: {"15"}, coach.AskPressure: {plan.PressureFirm}},
			plan.Intake{Areas: []string{"upper-back", "neck"}, Pain: 6, Feel: []string{plan.FeelStiff}, Duration: plan.DurationMonths,
				Worse: []string{plan.WorseDesk}, Place: plan.PlaceDesk, Equipment: []string{"tennis-ball"}, Minutes: 15, Pressure: plan.PressureFirm}},
		{"the preset stands where nothing was asked", coach.Request{Preset: preset}, coach.Answers{coach.AskPain: {"2"}},
			plan.Intake{Areas: []string{"neck"}, Pain: 2, Equipment: []string{"wall"}, Minutes: plan.DefaultMinutes, Pressure: plan.PressureMedium}},
		{"no equipment ticked is nothing, not the preset", coach.Request{Preset: coach.Preset{Equipment: []string{"wall"}}},
			coach.Answers{coach.AskEquipment: nil},
			plan.Intake{Minutes: plan.DefaultMinutes, Pressure: plan.PressureMedium}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.req.Intake(tc.a); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("intake = %+v\nwant     %+v", got, tc.want)
			}
		})
	}
}

func TestProgramRequest(t *testing.T) {
	base := coach.Request{Preset: coach.Preset{Minutes: 5, MinutesGiven: true}}
	for _, p := range cat.Programs {
		r := base.ForProgram(cat, p, 1)
		if r.Personal() || r.Program != p.ID || r.Day != 1 || r.Preset.Minutes != 5 {
			t.Errorf("%s: %+v", p.ID, r)
		}
		if p.MultiDay() != (r.Days > 1) || len(r.Techniques) != len(p.Day(1)) {
			t.Errorf("%s: %d days, %d techniques for %d items", p.ID, r.Days, len(r.Techniques), len(p.Day(1)))
		}
		if back := r.ForPlan(); !back.Personal() || back.Program != "" || back.PlanTitle() != "Your plan for today" {
			t.Errorf("%s: ForPlan %+v", p.ID, back)
		}
	}
}

// Tightness at the front of the chest asks the chest-pain question again,
// and pain worse lying down the constant, worsening pain question; a yes
// stops the session as the safety check would have.
func TestIntakeRechecksSafety(t *testing.T) {
	qs := coach.IntakeQuestions(cat, coach.Request{})
	req := coach.Request{}
	byID := map[string]coach.Question{}
	for _, q := range qs {
		byID[q.ID] = q
	}
	chest, worse := byID["safety:chest-pain"], byID["safety:constant-worsening-pain"]
	for _, tc := range []struct {
		name  string
		q     coach.Question
		a     coach.Answers
		asked bool
	}{
		{"chest not ticked", chest, coach.Answers{coach.AskAreas: {"upper-back"}}, false},
		{"chest ticked", chest, coach.Answers{coach.AskAreas: {"upper-back", "chest"}}, true},
		{"not worse lying down", worse, coach.Answers{coach.AskWorse: {plan.WorseDesk}}, false},
		{"worse lying down", worse, coach.Answers{coach.AskWorse: {plan.WorseSleep}}, true},
	} {
		if got := tc.q.Asked(req.Intake(tc.a)); got != tc.asked {
			t.Errorf("%s: asked %v, want %v", tc.name, got, tc.asked)
		}
	}
	if q, ok := coach.IntakeStop(qs, coach.Answers{"safety:chest-pain": {"yes"}}); !ok || q.Ref != "A1" {
		t.Errorf("a yes to the chest question again: %v %v", q.ID, ok)
	}
	if _, ok := coach.IntakeStop(qs, coach.Answers{"safety:chest-pain": {"no"}}); ok {
		t.Error("a no stopped the session")
	}
}

// "Where are you?" offers the desk, and last time's answer is picked
// before the person answers, like the others.
func TestIntakeAsksWhereYouAre(t *testing.T) {
	byID := func(req coach.Request) coach.Question {
		for _, q := range coach.IntakeQuestions(cat, req) {
			if q.ID == coach.AskPlace {
				return q
			}
		}
		t.Fatalf("no %q question", coach.AskPlace)
		return coach.Question{}
	}
	q := byID(coach.Request{})
	if q.Kind != coach.PickOne || q.Label(plan.PlaceDesk) != "At my desk (no floor)" || !reflect.DeepEqual(q.Default, []string{plan.PlaceFloor}) {
		t.Errorf("place question %+v", q)
	}
	q = byID(coach.Request{Last: &plan.Intake{Place: plan.PlaceDesk}})
	if !reflect.DeepEqual(q.Default, []string{plan.PlaceDesk}) {
		t.Errorf("last time at the desk, default %v", q.Default)
	}
	if in := (coach.Request{}).Intake(coach.Answers{coach.AskPlace: q.Default}); !in.AtDesk() {
		t.Errorf("intake %+v is not at the desk", in)
	}
}
