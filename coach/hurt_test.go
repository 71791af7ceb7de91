package coach_test

import (
	"slices"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
)

// "This hurts" leaves a technique out of the next plans, a repeat and a
// ready-made routine included: the person picked those whole, not that
// technique. Picked by name, it is theirs to do again.
func TestHurtStaysOutOfRepeatsAndRoutines(t *testing.T) {
	hist := plan.History{Hurt: map[string]bool{"shoulder-rolls": true}}
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	last := coach.Session{ID: coach.NewID(start), Started: start, Title: "Your plan for today",
		Plan: []coach.PlanItem{{Technique: "shoulder-rolls", HoldSeconds: 30}, {Technique: "chin-tucks", HoldSeconds: 5}}}
	repeat, ok := coach.Request{}.ForSession(cat, last)
	if !ok {
		t.Fatal("no repeat")
	}
	quick, _ := cat.Program("quick-relief")
	rolls, _ := cat.Technique("shoulder-rolls")
	for _, c := range []struct {
		name string
		req  coach.Request
		in   bool
	}{
		{"a repeat", repeat, false},
		{"a routine", coach.Request{}.ForProgram(cat, quick, 1), false},
		{"the technique by name", coach.Request{}.ForTechniques(rolls.Name, rolls), true},
	} {
		p := c.req.Plan(cat, c.req.Intake(coach.Answers{coach.AskPain: {"3"}}), safety.Result{}, hist)
		if in := slices.Contains(planIDs(p), "shoulder-rolls"); in != c.in {
			t.Errorf("%s: shoulder rolls in the plan %v, want %v (%v)", c.name, in, c.in, planIDs(p))
		}
		if c.in {
			continue
		}
		i := slices.IndexFunc(p.Left, func(e plan.Exclusion) bool { return e.ID == "shoulder-rolls" })
		if i < 0 || p.Left[i].Kind != plan.WhyHurt || p.Left[i].Reason != plan.HurtReason {
			t.Errorf("%s: not listed as left out for hurting: %+v", c.name, p.Left)
		}
		if !slices.ContainsFunc(p.Pool, func(it plan.Item) bool { return it.Technique.ID == "shoulder-rolls" }) {
			t.Errorf("%s: shoulder rolls cannot be swapped back in", c.name)
		}
		if len(p.Items) == 0 {
			t.Errorf("%s: nothing left", c.name)
		}
	}
	// Without a "this hurts", the repeat is the session again.
	p := repeat.Plan(cat, repeat.Intake(coach.Answers{coach.AskPain: {"3"}}), safety.Result{}, plan.History{})
	if got := planIDs(p); !slices.Equal(got, []string{"shoulder-rolls", "chin-tucks"}) {
		t.Errorf("repeat without a hurt: %v", got)
	}
}
