package safety

import (
	"slices"
	"testing"
	"time"

	"github.com/unknot/unknot/content"
)

var cat = content.MustLoad()

// script answers a gate: yes to the question IDs in yes (picking them when
// asked which), age as given, and, for assessable questions, assessed as
// given. It returns the result and the steps it saw.
func script(t *testing.T, prev Result, now time.Time, age string, yes []string, assessed bool) (Result, []Step) {
	t.Helper()
	g := NewGate(cat.Safety, prev, now)
	var seen []Step
	for i := 0; !g.Done(); i++ {
		if i > 100 {
			t.Fatal("the gate never ends")
		}
		s := g.Step()
		seen = append(seen, s)
		switch s.Kind {
		case StepAge:
			g.Answer(Answer{Picks: []string{age}})
		case StepChest:
			g.Answer(Answer{Yes: slices.Contains(yes, s.Item.ID)})
		case StepChecklist:
			g.Answer(Answer{Yes: slices.ContainsFunc(s.Items, func(q content.Question) bool { return slices.Contains(yes, q.ID) })})
		case StepWhich:
			var picks []string
			for _, q := range s.Items {
				if slices.Contains(yes, q.ID) {
					picks = append(picks, q.ID)
				}
			}
			g.Answer(Answer{Picks: picks})
		case StepAssessed:
			g.Answer(Answer{Yes: assessed})
		case StepAdvice:
			g.Answer(Answer{})
		case StepCautions:
			var picks []string
			for _, q := range s.Items {
				if slices.Contains(yes, q.ID) {
					picks = append(picks, q.ID)
				}
			}
			g.Answer(Answer{Picks: picks})
		}
	}
	return g.Result(), seen
}

// ageFor is an age band in which q is asked.
func ageFor(q content.Question) string {
	if len(q.Ages) > 0 {
		return q.Ages[len(q.Ages)-1]
	}
	return "20-50"
}

// Every one of the 38 questions, as the only yes on a first run, routes to
// the outcome Assess gives it, except the advisory one, which now advises
// and lets the session go ahead; and an assessable one, when a clinician
// has assessed it, goes ahead too.
func TestGateRoutesEveryQuestion(t *testing.T) {
	all := cat.Safety.Questions
	if len(all) != 38 {
		t.Fatalf("%d questions, want 38", len(all))
	}
	for _, q := range all {
		t.Run(q.Ref+" "+q.ID, func(t *testing.T) {
			want := Assess(all, map[string]bool{q.ID: true}, t0)
			got, seen := script(t, Result{}, t0, ageFor(q), []string{q.ID}, false)
			if q.Advisory {
				if got.Outcome != Clear || !slices.Contains(got.Advice, q.ID) {
					t.Errorf("advisory %s: %v, advice %v", q.ID, got.Outcome, got.Advice)
				}
				if !slices.ContainsFunc(seen, func(s Step) bool { return s.Kind == StepAdvice && s.Item.ID == q.ID }) {
					t.Errorf("advisory %s: its advice was not shown", q.ID)
				}
				return
			}
			if got.Outcome != want.Outcome || !slices.Equal(got.Cautions, want.Cautions) {
				t.Errorf("yes to %s: %v %v, want %v %v", q.ID, got.Outcome, got.Cautions, want.Outcome, want.Cautions)
			}
			switch got.Outcome {
			case Clinician:
				if got.Trigger.ID != q.ID {
					t.Errorf("trigger %q, want %q", got.Trigger.ID, q.ID)
				}
			case Emergency:
				if got.Trigger.ID != q.ID && !slices.ContainsFunc(got.Urgent, func(u content.Question) bool { return u.ID == q.ID }) {
					t.Errorf("emergency without %s among its triggers", q.ID)
				}
			}
			if !got.Answers[q.ID] {
				t.Errorf("the yes to %s is not recorded", q.ID)
			}
			if q.Assessable {
				ok, _ := script(t, Result{}, t0, ageFor(q), []string{q.ID}, true)
				if ok.Outcome != Clear || ok.Assessed[q.ID] != t0 {
					t.Errorf("assessed %s: %v, assessed %v", q.ID, ok.Outcome, ok.Assessed)
				}
			}
		})
	}
}

// Every question's text is shown somewhere in the gate, for an age band it
// applies to: no red flag is lost.
func TestGateShowsEveryQuestion(t *testing.T) {
	shown := map[string]bool{}
	for _, age := range content.AgeBands {
		_, seen := script(t, Result{}, t0, age, nil, false)
		for _, s := range seen {
			for _, q := range append(s.Items, s.Item) {
				shown[q.ID] = true
			}
		}
	}
	for _, q := range cat.Safety.Questions {
		if !shown[q.ID] {
			t.Errorf("%s (%s) is never shown", q.ID, q.Ref)
		}
	}
}

// First run, all clear: age, chest, urgent, three checklists, cautions:
// 7 answers. A later session within the week: chest, urgent, cautions.
func TestGateLength(t *testing.T) {
	first, seen := script(t, Result{}, t0, "20-50", nil, false)
	if first.Outcome != Clear || len(seen) != 7 {
		t.Fatalf("first run: %v in %d steps, want clear in 7", first.Outcome, len(seen))
	}
	later, seen := script(t, first, t0.Add(3*24*time.Hour), "", nil, false)
	if later.Outcome != Clear || len(seen) != 3 || later.Age != "20-50" || !later.Checked.Equal(t0) {
		t.Errorf("second run: %v in %d steps (age %q, checked %v), want clear in 3", later.Outcome, len(seen), later.Age, later.Checked)
	}
	week, seen := script(t, later, t0.Add(RecheckAfter), "", nil, false)
	if week.Outcome != Clear || len(seen) != 6 || !week.Checked.Equal(t0.Add(RecheckAfter)) {
		t.Errorf("a week on: %v in %d steps, want the checklists again (6)", week.Outcome, len(seen))
	}
}

// The urgent questions are asked every session, however recent the check.
func TestGateAsksUrgentEverySession(t *testing.T) {
	first, _ := script(t, Result{}, t0, "20-50", nil, false)
	r, _ := script(t, first, t0.Add(time.Hour), "", []string{"tearing-pain"}, false)
	if r.Outcome != Emergency {
		t.Errorf("an hour later, tearing pain gives %v", r.Outcome)
	}
}

// Cautions are ticked as last time, and 65 and over ticks its own.
func TestGateRemembersCautions(t *testing.T) {
	g := NewGate(cat.Safety, Result{Age: "65-plus", Checked: t0, Outcome: Cautions,
		Answers: map[string]bool{"pregnancy": true}}, t0.Add(time.Hour))
	g.Answer(Answer{}) // chest
	g.Answer(Answer{}) // urgent
	s := g.Step()
	if s.Kind != StepCautions || !slices.Contains(s.Ticked, "pregnancy") || !slices.Contains(s.Ticked, "older-or-unsteady") {
		t.Fatalf("step %v ticked %v", s.Kind, s.Ticked)
	}
	g.Answer(Answer{Picks: s.Ticked})
	if r := g.Result(); r.Outcome != Cautions || !slices.Equal(r.Cautions, []string{"pregnancy", "older-or-unsteady"}) {
		t.Errorf("result %v %v", r.Outcome, r.Cautions)
	}
}

// An assessment is remembered for AssessedFor, then asked again.
func TestGateRemembersAssessments(t *testing.T) {
	first, _ := script(t, Result{}, t0, "20-50", []string{"cancer"}, true)
	if first.Outcome != Clear {
		t.Fatalf("assessed cancer history: %v", first.Outcome)
	}
	again, seen := script(t, first, t0.Add(RecheckAfter), "", []string{"cancer"}, false)
	if again.Outcome != Clear || slices.ContainsFunc(seen, func(s Step) bool { return s.Kind == StepAssessed }) {
		t.Errorf("a week on: %v, asked again %v", again.Outcome, seen)
	}
	later, _ := script(t, again, t0.Add(AssessedFor), "", []string{"cancer"}, false)
	if later.Outcome != Clinician {
		t.Errorf("after %v the assessment should be asked again; got %v", AssessedFor, later.Outcome)
	}
}

// Age leaves out questions that cannot apply.
func TestGateAgeFilters(t *testing.T) {
	_, seen := script(t, Result{}, t0, "20-50", nil, false)
	for _, s := range seen {
		for _, q := range s.Items {
			if q.ID == "first-episode-age" || q.ID == "sudden-shoulder-stiffness" {
				t.Errorf("%s asked at 20–50", q.ID)
			}
		}
	}
}

// A check-in asks everything again: the age, the checklists, the cautions.
func TestCheckInAsksEverything(t *testing.T) {
	first, _ := script(t, Result{}, t0, "20-50", nil, false)
	g := NewCheckIn(cat.Safety, first, t0.Add(time.Hour))
	var kinds []StepKind
	for !g.Done() {
		s := g.Step()
		kinds = append(kinds, s.Kind)
		a := Answer{}
		if s.Kind == StepAge {
			a.Picks = []string{"65-plus"}
		}
		g.Answer(a)
	}
	if len(kinds) != 7 || kinds[0] != StepAge || g.Result().Age != "65-plus" {
		t.Errorf("check-in asked %v, age %q", kinds, g.Result().Age)
	}
}

// Back steps back one answer at a time.
func TestGateBack(t *testing.T) {
	g := NewGate(cat.Safety, Result{}, t0)
	if g.Back() {
		t.Error("back from the first step")
	}
	g.Answer(Answer{Picks: []string{"20-50"}})
	g.Answer(Answer{Yes: false})
	if g.Step().Kind != StepChecklist {
		t.Fatalf("step %v", g.Step().Kind)
	}
	g.Back()
	if g.Step().Kind != StepChest {
		t.Errorf("back to %v, want the chest question", g.Step().Kind)
	}
}

// A recheck asks only the three checklists, keeps the rest of the last
// result, and stops as the weekly check would.
func TestRecheck(t *testing.T) {
	first, _ := script(t, Result{}, t0, "20-50", []string{"pregnancy"}, false)
	g := NewRecheck(cat.Safety, first, t0.Add(24*time.Hour))
	var n int
	for ; !g.Done(); n++ {
		if k := g.Step().Kind; k != StepChecklist {
			t.Fatalf("a recheck asked %v", k)
		}
		g.Answer(Answer{})
	}
	r := g.Result()
	if n != 3 || r.Outcome != Cautions || !r.HasCaution("pregnancy") || !r.Checked.Equal(t0.Add(24*time.Hour)) {
		t.Errorf("%d steps; result %v %v checked %v", n, r.Outcome, r.Cautions, r.Checked)
	}
	g = NewRecheck(cat.Safety, first, t0.Add(24*time.Hour))
	g.Answer(Answer{Yes: true})
	g.Answer(Answer{Picks: []string{"fever"}})
	if r := g.Result(); !g.Done() || r.Outcome != Clinician || r.Trigger.ID != "fever" {
		t.Errorf("fever on a recheck: %v %v", r.Outcome, r.Trigger.ID)
	}
}

// Picking several signs keeps every one, each with its own advice.
func TestGateFlagsEveryPick(t *testing.T) {
	r, _ := script(t, Result{}, t0, "20-50", []string{"fever", "weight-loss"}, false)
	if r.Outcome != Clinician || len(r.Flagged) != 2 || r.Flagged[1].ID != "weight-loss" {
		t.Errorf("flagged %v", r.Flagged)
	}
}
