package coach_test

import (
	"slices"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/coach/coachtest"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

var (
	cat = content.MustLoad()
	t0  = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
)

func technique(t *testing.T, id string) content.Technique {
	t.Helper()
	tq, ok := cat.Technique(id)
	if !ok {
		t.Fatalf("no technique %q", id)
	}
	return tq
}

// run plays a whole session of techs to its end through a SessionLog, as
// a front end does, and returns the store and the log.
func run(t *testing.T, req coach.Request, pain int, quitAfter int, techs ...content.Technique) (*coachtest.MemStore, *coach.SessionLog, *session.Session) {
	t.Helper()
	store, log, ss, write := begin(t, req, pain, techs...)
	now := t0
	ev := ss.Start(now)
	for i := 0; ss.Phase() != session.PhaseDone; i++ {
		if quitAfter >= 0 && i == quitAfter {
			_, w := log.Stop(ss, now)
			write(w)
			return store, log, ss
		}
		d, ok := ss.NextWake(now)
		if !ok {
			t.Fatal("a running session with nothing to wait for")
		}
		now = now.Add(d)
		ev = ss.Tick(now)
		write(log.Steps(ss, ev, now))
	}
	write(log.Finish(ss, false, now))
	return store, log, ss
}

// begin starts the log of a session of techs at t0 in a new store, and
// returns the session, not started, and a function that runs a write.
func begin(t *testing.T, req coach.Request, pain int, techs ...content.Technique) (*coachtest.MemStore, *coach.SessionLog, *session.Session, func(coach.Write)) {
	t.Helper()
	store := coachtest.NewMemStore()
	log, start := coach.StartLog(req, "Test", plan.Intake{Pain: pain}, techs, t0)
	if err := start(store); err != nil {
		t.Fatal(err)
	}
	write := func(w coach.Write) {
		t.Helper()
		if w == nil {
			return
		}
		if err := w(store); err != nil {
			t.Fatal(err)
		}
	}
	return store, log, session.New(session.Expand(techs, req.Expand)), write
}

func TestSessionLogAppliesHoldOnce(t *testing.T) {
	tq := technique(t, "doorway-chest-stretch")
	for _, tc := range []struct {
		name string
		hold time.Duration
		want int
	}{
		{"the technique's own hold", 0, tq.Dosage.HoldSeconds},
		{"--hold 3s", 3 * time.Second, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := coach.Request{Expand: session.Options{Hold: tc.hold, LeadIn: 0}}.ForTechniques("x", tq)
			store, log, _ := run(t, req, 4, -1, tq)
			sessions, _ := store.Sessions(time.Time{})
			if len(sessions) != 1 || sessions[0].ID != log.ID {
				t.Fatalf("sessions = %+v", sessions)
			}
			s := sessions[0]
			if got := s.Plan[0].HoldSeconds; got != tc.want {
				t.Errorf("plan hold = %d, want %d", got, tc.want)
			}
			for _, st := range s.Steps {
				if tc.hold > 0 && st.PlannedSeconds != tc.hold.Seconds() {
					t.Errorf("step %d planned %.0f s, want %v", st.Index, st.PlannedSeconds, tc.hold)
				}
			}
			if s.Status != coach.StatusCompleted || *s.PainBefore != 4 {
				t.Errorf("status %q, pain before %v", s.Status, *s.PainBefore)
			}
		})
	}
}

func TestSessionLogRecordsEveryStepOnce(t *testing.T) {
	techs := []content.Technique{technique(t, "shoulder-rolls"), technique(t, "doorway-chest-stretch")}
	req := coach.Request{Expand: session.Options{Hold: 2 * time.Second, LeadIn: 0}}.ForTechniques("x", techs...)
	store, _, ss := run(t, req, 3, -1, techs...)
	sessions, _ := store.Sessions(time.Time{})
	if got, want := len(sessions[0].Steps), len(ss.Steps()); got != want {
		t.Fatalf("%d steps recorded, want %d", got, want)
	}
	for i, st := range sessions[0].Steps {
		if st.Index != i || st.Outcome != coach.OutcomeDone {
			t.Errorf("step %d: %+v", i, st)
		}
	}
}

func TestSessionLogStopSavesTheStepInProgressAsQuit(t *testing.T) {
	techs := []content.Technique{technique(t, "shoulder-rolls"), technique(t, "doorway-chest-stretch")}
	req := coach.Request{Expand: session.Options{Hold: 10 * time.Second, LeadIn: 0}}.ForTechniques("x", techs...)
	store, _, _ := run(t, req, 3, 3, techs...)
	s, _ := store.Sessions(time.Time{})
	if s[0].Status != coach.StatusQuit {
		t.Errorf("status = %q, want quit", s[0].Status)
	}
	last := s[0].Steps[len(s[0].Steps)-1]
	if last.Outcome == coach.OutcomeDone {
		t.Errorf("the step in progress was saved as done: %+v", last)
	}
}

func TestSessionLogGentlerIsSetAndCleared(t *testing.T) {
	tq := technique(t, "shoulder-rolls")
	req := coach.Request{Expand: session.Options{Hold: time.Second, LeadIn: 0}}.ForTechniques("x", tq)
	store := coachtest.NewMemStore()
	for _, tc := range []struct {
		before, after int
		want          string
	}{
		{3, 5, "yes"}, // up 2: gentler next time
		{3, 3, ""},    // no rise: cleared
		{5, 8, "yes"},
		{6, 4, ""}, // a fall clears it
		{4, 5, ""}, // up 1 is not enough
	} {
		log, start := coach.StartLog(req, "x", plan.Intake{Pain: tc.before}, []content.Technique{tq}, t0)
		if err := coach.Writes(start, log.PainAfter(tc.after, "note"))(store); err != nil {
			t.Fatal(err)
		}
		got, _ := store.Preference(coach.PrefGentler)
		if got != tc.want {
			t.Errorf("%d → %d: gentler = %q, want %q", tc.before, tc.after, got, tc.want)
		}
		if log.Gentler(tc.after) != (tc.want != "") {
			t.Errorf("%d → %d: Gentler() disagrees with the preference", tc.before, tc.after)
		}
		known, err := coach.Load(store, t0)
		if err != nil || known.Gentler != (tc.want != "") || known.History(t0).Gentler != known.Gentler {
			t.Errorf("%d → %d: Load says gentler %v (%v)", tc.before, tc.after, known.Gentler, err)
		}
	}
}

func TestSessionLogMovesAProgramOnOnlyWhenADayIsCompleted(t *testing.T) {
	multi, single := content.Program{}, content.Program{}
	for _, p := range cat.Programs {
		switch {
		case p.MultiDay() && multi.ID == "":
			multi = p
		case !p.MultiDay() && single.ID == "":
			single = p
		}
	}
	for _, tc := range []struct {
		name    string
		program content.Program
		quit    bool
		want    int // the next day recorded; 0 for none
	}{
		{"a multi-day program's day completed", multi, false, 2},
		{"a multi-day program's day quit", multi, true, 0},
		{"a one-day program", single, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := coach.Request{Expand: session.Options{Hold: time.Second, LeadIn: 0}}.ForProgram(cat, tc.program, 1)
			quitAfter := -1
			if tc.quit {
				quitAfter = 1
			}
			store, _, _ := run(t, req, 2, quitAfter, req.Techniques...)
			p, ok := store.Progress(tc.program.ID)
			if tc.want == 0 {
				if ok {
					t.Errorf("progress recorded: %+v", p)
				}
				return
			}
			if !ok || p.Day != tc.want || p.Days != len(tc.program.Days) {
				t.Errorf("progress = %+v (%v), want day %d of %d", p, ok, tc.want, len(tc.program.Days))
			}
		})
	}
}

// TestSessionLogEverySkippedIsNotCompleted: a program day whose every step
// was skipped is recorded as quit and does not move the program on; one
// with a step done is completed, as before.
func TestSessionLogEverySkippedIsNotCompleted(t *testing.T) {
	var multi content.Program
	for _, p := range cat.Programs {
		if p.MultiDay() {
			multi = p
			break
		}
	}
	for _, tc := range []struct {
		name       string
		doFirst    bool // let the first step run to done, skip the rest
		wantStatus string
		wantDay    int // the next day recorded; 0 for none
	}{
		{"every step skipped", false, coach.StatusQuit, 0},
		{"one step done, the rest skipped", true, coach.StatusCompleted, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := coach.Request{Expand: session.Options{Hold: time.Second, LeadIn: 0}}.ForProgram(cat, multi, 1)
			store, log, ss, write := begin(t, req, 3, req.Techniques...)
			now := t0
			ss.Start(now)
			for ss.Phase() != session.PhaseDone {
				var ev []session.Event
				if tc.doFirst && ss.Index() == 0 {
					d, _ := ss.NextWake(now)
					now = now.Add(d)
					ev = ss.Tick(now)
				} else {
					ev = ss.Skip(now) // at once: before any hold begins
				}
				write(log.Steps(ss, ev, now))
			}
			if sum := ss.Summary(); (sum.Skipped == sum.Steps()) == tc.doFirst {
				t.Fatalf("summary = %+v, doFirst %v", sum, tc.doFirst)
			}
			write(log.Finish(ss, false, now))
			got, err := store.Sessions(time.Time{})
			if err != nil || len(got) != 1 {
				t.Fatalf("sessions = %v, %v", got, err)
			}
			if got[0].Status != tc.wantStatus {
				t.Errorf("status = %q, want %q", got[0].Status, tc.wantStatus)
			}
			p, ok := store.Progress(multi.ID)
			switch {
			case tc.wantDay == 0 && ok:
				t.Errorf("progress recorded: %+v", p)
			case tc.wantDay != 0 && (!ok || p.Day != tc.wantDay):
				t.Errorf("progress = %+v (%v), want day %d", p, ok, tc.wantDay)
			}
		})
	}
}

func TestCompleted(t *testing.T) {
	for _, tc := range []struct {
		name string
		sum  session.Summary
		quit bool
		want bool
	}{
		{"all done", session.Summary{Done: 3}, false, true},
		{"some done, some skipped", session.Summary{Done: 1, Skipped: 2}, false, true},
		{"every step skipped", session.Summary{Skipped: 3}, false, false},
		{"quit", session.Summary{Done: 1, Pending: 2}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := coach.Completed(tc.sum, tc.quit); got != tc.want {
				t.Errorf("Completed(%+v, %v) = %v, want %v", tc.sum, tc.quit, got, tc.want)
			}
		})
	}
}

func TestSafetyRecordRoundTrip(t *testing.T) {
	store := coachtest.NewMemStore()
	if got := coach.LatestSafety(store); !got.At.IsZero() || !got.Checked.IsZero() {
		t.Fatalf("an empty store has a result: %+v", got)
	}
	assessed := map[string]time.Time{"cancer": t0.Add(-time.Hour)}
	res := coach.SafetyResultOf(coach.SafetyRecord{At: t0, Outcome: "cautions", Cautions: []string{"osteoporosis"},
		Answers: map[string]bool{"osteoporosis": true},
		Profile: coach.SafetyProfile{Age: "51-64", Checked: t0, Assessed: assessed, Advice: []string{"inflammatory-back-pain"}}})
	if err := coach.SaveSafety(res)(store); err != nil {
		t.Fatal(err)
	}
	got := coach.LatestSafety(store)
	if got.Age != "51-64" || !got.Checked.Equal(t0) || !got.Assessed["cancer"].Equal(assessed["cancer"]) || len(got.Advice) != 1 {
		t.Errorf("the profile did not come back: %+v", got)
	}
	if got.Outcome != res.Outcome || got.Outcome.String() != "cautions" || len(got.Cautions) != 1 || !got.At.Equal(t0) {
		t.Errorf("read back %+v, want %+v", got, res)
	}
}

// The weekly checklists come back when the pain is new or clearly worse,
// unless they were just asked.
func TestRecheckDue(t *testing.T) {
	three, five := 3, 5
	known := coach.Known{Recent: []coach.Session{{PainBefore: &five, PainAfter: &three}}}
	earlier := safety.Result{At: t0, Checked: t0.Add(-48 * time.Hour)}
	for _, tc := range []struct {
		name string
		k    coach.Known
		in   plan.Intake
		res  safety.Result
		want bool
	}{
		{"same as last time", known, plan.Intake{Pain: 4}, earlier, false},
		{"up 2 on last time", known, plan.Intake{Pain: 5}, earlier, true},
		{"new pain", known, plan.Intake{Pain: 2, Duration: plan.DurationDays}, earlier, true},
		{"checklists just asked", known, plan.Intake{Pain: 9, Duration: plan.DurationDays}, safety.Result{At: t0, Checked: t0}, false},
		{"no history", coach.Known{}, plan.Intake{Pain: 6}, earlier, false},
	} {
		if got := coach.RecheckDue(tc.k, tc.in, tc.res); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A technique marked "this hurts" stays out of personal plans until it is
// done through again.
func TestHistoryKeepsHurtTechniquesOut(t *testing.T) {
	step := func(id, outcome string) coach.Step { return coach.Step{Technique: id, Outcome: outcome} }
	k := coach.Known{Recent: []coach.Session{
		{Steps: []coach.Step{step("a", coach.OutcomeDone), step("a", coach.OutcomeHurt), step("b", coach.OutcomeHurt)}},
		{Steps: []coach.Step{step("b", coach.OutcomeDone), step("c", coach.OutcomeSkipped)}},
	}}
	h := k.History(t0)
	if !h.Hurt["a"] || h.Hurt["b"] || h.Hurt["c"] {
		t.Errorf("hurt = %v, want only a", h.Hurt)
	}
	tq := technique(t, "shoulder-rolls")
	in := plan.Intake{Areas: []string{"upper-back"}, Pain: 3, Minutes: 10, Pressure: plan.PressureMedium}
	p := plan.Build(cat, in, safety.Result{}, plan.History{Hurt: map[string]bool{tq.ID: true}})
	for _, it := range p.Items {
		if it.Technique.ID == tq.ID {
			t.Fatal("a technique that hurt is back in the plan")
		}
	}
	if i := slices.IndexFunc(p.Left, func(e plan.Exclusion) bool { return e.ID == tq.ID }); i < 0 || p.Left[i].Reason != plan.HurtReason {
		t.Errorf("left out without the reason: %+v", p.Left)
	}
	if sel := plan.FromSelection(cat, []content.Technique{tq}, safety.Result{}); len(sel.Items) != 1 {
		t.Error("choosing it yourself did not bring it back")
	}
}

// Steady sessions count up per technique; a rise resets them, and a rise
// of 2 or more marks the technique for the rung below. Unrated sessions
// count for nothing, and "this hurts" on one side wins over the other.
func TestHistoryCountsSteadySessions(t *testing.T) {
	pain := func(n int) *int { return &n }
	done := func(ids ...string) []coach.Step {
		var out []coach.Step
		for _, id := range ids {
			out = append(out, coach.Step{Technique: id, Outcome: coach.OutcomeDone})
		}
		return out
	}
	k := coach.Known{Recent: []coach.Session{
		{Steps: done("a", "b", "c"), PainBefore: pain(4), PainAfter: pain(3)},
		{Steps: done("a", "b"), PainBefore: pain(4), PainAfter: pain(4)},
		{Steps: done("a", "b", "c")}, // not rated
		{Steps: done("a", "c"), PainBefore: pain(3), PainAfter: pain(3)},
		{Steps: done("b"), PainBefore: pain(3), PainAfter: pain(5)},
		{Steps: append(done("c"), coach.Step{Technique: "c", Outcome: coach.OutcomeHurt}), PainBefore: pain(3), PainAfter: pain(3)},
	}}
	h := k.History(t0)
	if h.Steady["a"] != 3 || h.Steady["b"] != 0 || h.Steady["c"] != 0 {
		t.Errorf("steady = %v, want a 3, b 0, c 0", h.Steady)
	}
	if !h.Rose["b"] || h.Rose["a"] || !h.Hurt["c"] {
		t.Errorf("rose = %v, hurt = %v; want b rose and c hurt", h.Rose, h.Hurt)
	}
}

// The journal's count of a session (the history's) is the one the finish
// screen and the line printed on leaving gave: for a program day whose
// items change their reps, finished or stopped part-way (the steps never
// reached are not in the journal, and still count as not reached).
func TestJournalSummaryMatchesTheSession(t *testing.T) {
	p, ok := cat.Program("desk-break")
	if !ok {
		t.Fatal("no desk-break program")
	}
	var techs []content.Technique
	reps := false
	for _, it := range p.Day(1) {
		tq, _ := cat.Resolve(it)
		techs = append(techs, tq)
		reps = reps || it.Reps > 0
	}
	if !reps {
		t.Fatal("the test needs a program item that changes its reps")
	}
	for _, quitAfter := range []int{-1, 0, 3, 7} {
		req := coach.Request{Expand: session.Options{Hold: 2 * time.Second, LeadIn: 0}}.ForProgram(cat, p, 1)
		store, _, ss := run(t, req, 5, quitAfter, techs...)
		sessions, _ := store.Sessions(time.Time{})
		got, want := sessions[0].Summary(cat), ss.Summary()
		want.HurtNames = nil
		if got.Done != want.Done || got.Skipped != want.Skipped || got.Partial != want.Partial ||
			got.Hurt != want.Hurt || got.Pending != want.Pending || got.Held != want.Held {
			t.Errorf("quit after %d: journal counts %+v, the session %+v", quitAfter, got, want)
		}
		if quitAfter >= 0 && want.Pending == 0 {
			t.Errorf("quit after %d: nothing left unreached; the case tests nothing", quitAfter)
		}
	}
}
