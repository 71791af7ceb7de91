package report

import (
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// now is when the test reports are made: 30 Nov 2026, in UTC.
var now = time.Date(2026, 11, 30, 18, 0, 0, 0, time.UTC)

func ptr(n int) *int { return &n }

// session is one session of the fixture: every hold of the techniques
// done through, with an optional "this hurts" on the last one.
func session(day int, before, after *int, hurtLast bool, program string, techs ...string) coach.Session {
	cat := content.Builtin()
	start := time.Date(2026, 11, day, 9, 0, 0, 0, time.UTC)
	end := start.Add(6 * time.Minute)
	s := coach.Session{ID: coach.NewID(start), Started: start, Ended: &end, Status: coach.StatusCompleted,
		Title: "Your plan for today", Program: program, Day: 1, PainBefore: before, PainAfter: after}
	if p, ok := cat.Program(program); ok {
		s.Title = p.Name
	}
	for _, id := range techs {
		t, _ := cat.Technique(id)
		s.Plan = append(s.Plan, coach.PlanItem{Technique: id, HoldSeconds: 30})
		for range t.Dosage.Holds() {
			i := len(s.Steps)
			s.Steps = append(s.Steps, coach.Step{Index: i, Technique: id, Rep: 1, Outcome: coach.OutcomeDone, PlannedSeconds: 30,
				ActualSeconds: 30, Ended: start.Add(time.Duration(i+1) * 20 * time.Second)})
		}
	}
	if hurtLast {
		s.Steps[len(s.Steps)-1].Outcome = coach.OutcomeHurt
	}
	return s
}

// fixture is a month with five sessions, four rated: chin tucks were
// followed by less pain each time, a doorway stretch hurt once, one
// session was a program's, and a caution is in force.
func fixture() Input {
	cat := content.Builtin()
	sessions := []coach.Session{
		session(2, ptr(7), ptr(4), false, "", "chin-tucks", "doorway-chest-stretch"),
		session(5, ptr(6), ptr(3), false, "", "chin-tucks"),
		session(9, ptr(6), ptr(4), true, "", "chin-tucks", "doorway-chest-stretch"),
		session(14, ptr(5), nil, false, "desk-break", "chin-tucks"),
		session(20, ptr(4), ptr(2), false, "", "chin-tucks"),
	}
	sessions[3].Status = coach.StatusQuit
	sessions[3].Note = "Phone rang | left | early"
	sessions = append([]coach.Session{session(1, ptr(8), ptr(8), false, "", "chin-tucks")}, sessions...)
	sessions[0].Started = sessions[0].Started.AddDate(0, -1, 0) // in October: outside the range
	rec := &coach.SafetyRecord{At: time.Date(2026, 11, 2, 8, 55, 0, 0, time.UTC), Outcome: "cautions",
		Answers: map[string]bool{}, Cautions: []string{}}
	for _, q := range cat.Safety.Questions {
		if q.Caution != "" && len(rec.Cautions) == 0 {
			rec.Answers[q.ID] = true
			rec.Cautions = append(rec.Cautions, q.Caution)
		}
	}
	return Input{Sessions: sessions, Safety: rec, Catalogue: cat, Now: now,
		From:  time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		Until: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
}
