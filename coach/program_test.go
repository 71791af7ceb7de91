package coach_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/coach/coachtest"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
)

// dayCase is a program's progress, a moment, and the day due then.
type dayCase struct {
	name     string
	progress []coach.Progress
	now      time.Time
	day      int
	due      bool
}

// The next day of a program is due from the next calendar day; a program
// finished (or never started) begins at Day 1.
func TestNextDay(t *testing.T) {
	p, _ := cat.Program("posture-3-day")
	evening := time.Date(2026, 12, 1, 22, 0, 0, 0, time.Local)
	for _, tc := range []dayCase{
		{"not started", nil, evening, 1, true},
		{"day 1 done tonight", []coach.Progress{{Program: p.ID, Day: 2, Days: 3, Updated: evening.Add(-time.Hour)}}, evening, 2, false},
		{"just after midnight", []coach.Progress{{Program: p.ID, Day: 2, Days: 3, Updated: evening}}, evening.Add(2*time.Hour + time.Minute), 2, true},
		{"a week later", []coach.Progress{{Program: p.ID, Day: 3, Days: 3, Updated: evening}}, evening.AddDate(0, 0, 7), 3, true},
		{"finished", []coach.Progress{{Program: p.ID, Day: 4, Days: 3, Updated: evening}}, evening.AddDate(0, 0, 1), 1, true},
		{"another program", []coach.Progress{{Program: "mid-back-yoga", Day: 2, Days: 3, Updated: evening}}, evening, 1, true},
	} {
		d := coach.NextDay(p, tc.progress, tc.now)
		if d.Day != tc.day || d.Due != tc.due {
			t.Errorf("%s: day %d due %v, want %d %v", tc.name, d.Day, d.Due, tc.day, tc.due)
		}
	}
}

// A next stage waits for the day after its first stage ended, as Home's
// offer of it does; any other program starts when it is asked for.
func TestNextDayOfHoldsTheNextStage(t *testing.T) {
	stage2, _ := cat.Program("posture-stage-2")
	evening := time.Date(2026, 12, 1, 22, 0, 0, 0, time.Local)
	finished := []coach.Progress{{Program: "posture-3-day", Day: 4, Days: 3, Updated: evening.Add(-time.Hour)}}
	for _, tc := range []dayCase{
		{"stage 1 finished tonight", finished, evening, 1, false},
		{"the next morning", finished, evening.Add(10 * time.Hour), 1, true},
		{"stage 1 under way", []coach.Progress{{Program: "posture-3-day", Day: 3, Days: 3, Updated: evening}}, evening, 1, true},
		{"stage 2 under way", append(finished, coach.Progress{Program: stage2.ID, Day: 2, Days: 3, Updated: evening.AddDate(0, 0, -1)}), evening, 2, true},
	} {
		d := coach.NextDayOf(cat, stage2, tc.progress, tc.now)
		if d.Day != tc.day || d.Due != tc.due {
			t.Errorf("%s: day %d due %v, want %d %v", tc.name, d.Day, d.Due, tc.day, tc.due)
		}
	}
	if d := coach.NextDayOf(cat, stage2, nil, evening); !d.Due {
		t.Error("a stage asked for with nothing done before it is held back")
	}
}

// What the finish screen says after each day.
func TestDayDone(t *testing.T) {
	p, _ := cat.Program("posture-3-day")
	for day, want := range map[int]string{
		1: "Day 1 done; Day 2 tomorrow.",
		2: "Day 2 done; Day 3 tomorrow.",
		3: "All 3 days of Three days to better posture done. Next stage, from tomorrow: Better posture, stage 2.",
	} {
		if got := coach.DayDone(cat, coach.Request{}.ForProgram(cat, p, day)); got != want {
			t.Errorf("day %d: %q, want %q", day, got, want)
		}
	}
	desk, _ := cat.Program("desk-break")
	if got := coach.DayDone(cat, coach.Request{}.ForProgram(cat, desk, 1)); got != "" {
		t.Errorf("a one-day routine: %q", got)
	}
}

// Home offers the next stage from the day after the last day, until it is
// started.
func TestContinuingOffersTheNextStage(t *testing.T) {
	p, _ := cat.Program("posture-3-day")
	done := time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)
	sessions := []coach.Session{{Program: p.ID, Day: 3, Status: coach.StatusCompleted, Started: done}}
	if got := coach.Continuing(cat, coach.Known{Recent: sessions}, done.Add(time.Hour)); len(got) != 0 {
		t.Errorf("offered the same day: %+v", got)
	}
	got := coach.Continuing(cat, coach.Known{Recent: sessions}, done.AddDate(0, 0, 1))
	if len(got) != 1 || !got[0].Stage || got[0].Program.ID != "posture-stage-2" || got[0].Day != 1 {
		t.Fatalf("next day: %+v", got)
	}
	started := []coach.Progress{{Program: "posture-stage-2", Day: 2, Days: 3, Updated: done.AddDate(0, 0, 1)}}
	got = coach.Continuing(cat, coach.Known{Recent: sessions, Progress: started}, done.AddDate(0, 0, 2))
	if len(got) != 1 || got[0].Stage || got[0].Day != 2 {
		t.Errorf("once started, stage 2 continues as a program: %+v", got)
	}
	// Weeks later, with the program's last day only in the tally.
	later := done.AddDate(0, 0, 30)
	store := coachtest.NewMemStore()
	for i, s := range append(sessions, coach.Session{Title: "Quick", Started: done.AddDate(0, 0, 20)}) {
		s.ID = fmt.Sprint("s", i)
		if err := store.StartSession(s); err != nil {
			t.Fatal(err)
		}
		if err := store.FinishSession(s.ID, coach.StatusCompleted, s.Started); err != nil {
			t.Fatal(err)
		}
	}
	k, err := coach.Load(store, later)
	if err != nil || len(k.Recent) != 0 {
		t.Fatalf("%d recent sessions, %v", len(k.Recent), err)
	}
	if got := coach.Continuing(cat, k, later); len(got) != 1 || got[0].Program.ID != "posture-stage-2" {
		t.Errorf("a month later: %+v", got)
	}
}

// A ready-made routine that needs equipment asks which of it is to hand
// and swaps what is missing for what can be done; a repeat or a technique
// picked by name is not asked.
func TestRoutinesCheckEquipment(t *testing.T) {
	p, _ := cat.Program("quick-relief")
	req := coach.Request{}.ForProgram(cat, p, 1)
	qs := coach.IntakeQuestions(cat, req)
	var kit coach.Question
	for _, q := range qs {
		if q.ID == coach.AskEquipment {
			kit = q
		}
	}
	var offered []string
	for _, c := range kit.Choices {
		offered = append(offered, c.Value)
	}
	if want := []string{"tennis-balls", "massage-ball", "wall", "door-frame"}; !slices.Equal(offered, want) || !slices.Equal(kit.Default, want) {
		t.Fatalf("kit question offers %v (default %v), want %v", offered, kit.Default, want)
	}
	all := req.Plan(cat, req.Intake(coach.Answers{coach.AskPain: {"3"}, coach.AskEquipment: offered}), safety.Result{}, plan.History{})
	if got := planIDs(all); !slices.Equal(got, []string{"shoulder-rolls", "wall-ball-upper-back", "doorway-chest-stretch", "posture-reset"}) {
		t.Errorf("with everything to hand: %v", got)
	}
	none := req.Plan(cat, req.Intake(coach.Answers{coach.AskPain: {"3"}, coach.AskEquipment: {}}), safety.Result{}, plan.History{})
	for _, it := range none.Items {
		if !it.Technique.NeedsNoEquipment() {
			t.Errorf("with nothing to hand the plan still has %s", it.Technique.ID)
		}
	}
	if len(none.Items) != 4 || !strings.HasPrefix(none.Items[1].Reason, "In place of Ball against the wall, which needs") {
		t.Errorf("with nothing to hand: %v, %q", planIDs(none), none.Items[1].Reason)
	}
	if i := slices.IndexFunc(none.Left, func(e plan.Exclusion) bool { return e.ID == "doorway-chest-stretch" }); i < 0 || !strings.Contains(none.Left[i].Reason, "is in its place") {
		t.Errorf("the doorway stretch is not said to be swapped: %+v", none.Left)
	}
	// Asked last time without a door frame: that is the default now.
	last := plan.Intake{Equipment: []string{"tennis-balls", "wall"}}
	req.Last = &last
	for _, q := range coach.IntakeQuestions(cat, req) {
		if q.ID == coach.AskEquipment && !slices.Equal(q.Default, []string{"tennis-balls", "wall"}) {
			t.Errorf("default after last time: %v", q.Default)
		}
	}
	wall, _ := cat.Technique("wall-ball-upper-back")
	for _, r := range []coach.Request{
		coach.Request{}.ForTechniques("Ball against the wall", wall),
		func() coach.Request {
			r, _ := coach.Request{}.ForSession(cat, coach.Session{Title: "Quick relief", Program: p.ID, Day: 1, Plan: []coach.PlanItem{{Technique: wall.ID}}})
			return r
		}(),
	} {
		for _, q := range coach.IntakeQuestions(cat, r) {
			if q.ID == coach.AskEquipment {
				t.Errorf("%s asks about equipment", r.Title)
			}
		}
	}
}

func planIDs(p plan.Plan) []string {
	var out []string
	for _, it := range p.Items {
		out = append(out, it.Technique.ID)
	}
	return out
}
