package coach_test

import (
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

// A caution that narrows a technique's hold (60 s for pressure on blood
// thinners, 30–60 s at 65+) is the limit everywhere a hold can grow:
// --hold, + on the plan screen and + in the session; and the plan's note
// names that narrowed figure, not the technique's own.
func TestHoldStopsAtTheNarrowedLimit(t *testing.T) {
	const limit = 60 * time.Second
	for _, c := range []struct{ caution, technique string }{
		{plan.BloodThinners, "wall-ball-upper-back"}, // 90 s on its own
		{"older-or-unsteady", "shoulder-kneading"},   // 90 s on its own
	} {
		tq, ok := cat.Technique(c.technique)
		if !ok || time.Duration(tq.Dosage.MaxHoldSeconds)*time.Second <= limit {
			t.Fatalf("%s: needs a technique that allows more than %v on its own", c.technique, limit)
		}
		res := safety.Result{Outcome: safety.Cautions, Cautions: []string{c.caution}}
		req := coach.Request{Expand: session.Options{Hold: 30 * time.Minute}}.ForTechniques(tq.Name, tq)
		p := req.Plan(cat, req.Intake(coach.Answers{coach.AskPain: {"3"}}), res, plan.History{})
		if len(p.Items) != 1 {
			t.Fatalf("%s: %s left out: %+v", c.caution, c.technique, p.Left)
		}

		// --hold: the note and the session agree on 1:00.
		want := "--hold 30:00 is longer than " + tq.Name + " allows; using 1:00."
		if notes := p.HoldNotes(req.Expand.Hold); len(notes) != 1 || notes[0] != want {
			t.Errorf("%s: notes %q, want %q", c.caution, notes, want)
		}
		for i, st := range session.Expand(p.Techniques(), req.Expand) {
			if st.Hold != limit || st.MaxHold != limit {
				t.Errorf("%s: --hold step %d holds %v (limit %v), want %v", c.caution, i, st.Hold, st.MaxHold, limit)
			}
		}

		// + on the plan screen.
		edited := p
		edited.Items = append([]plan.Item(nil), p.Items...)
		for range 30 {
			edited.AdjustHold(0, plan.HoldStep)
		}
		if got := edited.Items[0].HoldSeconds; got != int(limit/time.Second) {
			t.Errorf("%s: + on the plan screen reaches %d s", c.caution, got)
		}

		// + in the session, from the plan's own hold.
		ss := session.New(session.Expand(p.Techniques(), session.Options{LeadIn: 0}))
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		ss.Start(now)
		for range 10 {
			ss.Extend(now, session.Adjustment)
		}
		if ss.Hold() != limit {
			t.Errorf("%s: + in the session reaches %v", c.caution, ss.Hold())
		}
	}
}
