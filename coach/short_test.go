package coach_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

// Reduced sensation keeps every session to 10 minutes as it will run, a
// chosen routine and --hold included: techniques are left out from the
// end (a closing cool-down stays), each listed with the reason, and the
// plan says why once. Nothing is left out that would still have fitted.
func TestReducedSensationKeepsChosenSessionsShort(t *testing.T) {
	const limit = plan.ShortSessionMinutes * time.Minute
	full, _ := cat.Program("full-upper-back")
	posture, _ := cat.Program("posture-3-day")
	hold90 := session.Options{Hold: 90 * time.Second, LeadIn: -1}
	usual := session.Options{LeadIn: -1}
	for _, c := range []struct {
		name string
		req  coach.Request
	}{
		{"a routine", coach.Request{Expand: usual}.ForProgram(cat, full, 1)},
		{"a program day with --hold 90s", coach.Request{Expand: hold90}.ForProgram(cat, posture, 1)},
		{"a personal plan with --hold 90s", coach.Request{Expand: hold90}},
	} {
		in := c.req.Intake(coach.Answers{coach.AskPain: {"3"}})
		in.Areas, in.Minutes, in.Equipment = []string{"upper-back", "mid-back"}, 30, []string{"mat", "chair", "wall", "door-frame", "tennis-balls", "foam-roller"}
		// Without the caution the session is longer: the test has
		// something to cut.
		if long := c.req.Plan(cat, in, safety.Result{}, plan.History{}); runs(long, c.req) <= limit {
			t.Fatalf("%s: %v without the caution, not over %v", c.name, runs(long, c.req), limit)
		}
		res := safety.Result{Outcome: safety.Cautions, Cautions: []string{plan.ReducedSensation}}
		p := c.req.Plan(cat, in, res, plan.History{})
		if got := runs(p, c.req); got > limit || got == 0 {
			t.Errorf("%s: runs %v with reduced sensation, want at most %v", c.name, got, limit)
		}
		cut := 0
		for _, e := range p.Left {
			if e.Reason != plan.ShortReason {
				continue
			}
			cut++
			t0, _ := cat.Technique(e.ID)
			if with := runs(p, c.req) + session.Total(session.Expand([]content.Technique{t0}, c.req.Expand)); with <= limit {
				t.Errorf("%s: %s was left out, but with it the session runs %v, within %v", c.name, e.ID, with, limit)
			}
		}
		if cut == 0 {
			t.Errorf("%s: nothing listed as left out to keep it short: %+v", c.name, p.Left)
		}
		if n := countNotes(p.Notes, "With reduced feeling in your skin"); n != 1 {
			t.Errorf("%s: said %d times why it is short: %q", c.name, n, p.Notes)
		}
		if !c.req.Personal() {
			want := c.req.Techniques[len(c.req.Techniques)-1]
			if last := p.Items[len(p.Items)-1].Technique; want.Role == content.RoleCoolDown && last.ID != want.ID {
				t.Errorf("%s: ends with %s, not its cool-down %s", c.name, last.ID, want.ID)
			}
		}
	}
}

// runs is how long p's session takes with req's --hold and lead-in.
func runs(p plan.Plan, req coach.Request) time.Duration {
	return session.Total(session.Expand(p.Techniques(), req.Expand))
}

func countNotes(notes []string, prefix string) int {
	return len(slices.DeleteFunc(slices.Clone(notes), func(n string) bool { return !strings.HasPrefix(n, prefix) }))
}

// A program's day begun before it is due says so on the plan, once; the
// same day on time says nothing of it.
func TestEarlyDaySaysSo(t *testing.T) {
	p, _ := cat.Program("posture-3-day")
	in := plan.Intake{Pain: 3, Minutes: 15}
	for _, early := range []bool{false, true} {
		req := coach.Request{}.ForProgram(cat, p, 2)
		req.Early = early
		got := countNotes(req.Plan(cat, in, safety.Result{}, plan.History{}).Notes, "Day 2 of 3 was meant for tomorrow")
		if want := map[bool]int{false: 0, true: 1}[early]; got != want {
			t.Errorf("early %v: the note is there %d times, want %d", early, got, want)
		}
	}
	if r := (coach.Request{Early: true, Day: 2, Days: 3}).ForPlan(); r.Early {
		t.Error("a personal plan keeps the early mark of a program's day")
	}
}
