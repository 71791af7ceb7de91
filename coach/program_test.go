package coach_test

import (
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// The next day of a program is due from the next calendar day; a program
// finished (or never started) begins at Day 1.
func TestNextDay(t *testing.T) {
	p, _ := cat.Program("posture-3-day")
	evening := time.Date(2026, 12, 1, 22, 0, 0, 0, time.Local)
	for _, tc := range []struct {
		name     string
		progress []coach.Progress
		now      time.Time
		day      int
		due      bool
	}{
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
	if got := coach.Continuing(cat, sessions, nil, done.Add(time.Hour)); len(got) != 0 {
		t.Errorf("offered the same day: %+v", got)
	}
	got := coach.Continuing(cat, sessions, nil, done.AddDate(0, 0, 1))
	if len(got) != 1 || !got[0].Stage || got[0].Program.ID != "posture-stage-2" || got[0].Day != 1 {
		t.Fatalf("next day: %+v", got)
	}
	started := []coach.Progress{{Program: "posture-stage-2", Day: 2, Days: 3, Updated: done.AddDate(0, 0, 1)}}
	got = coach.Continuing(cat, sessions, started, done.AddDate(0, 0, 2))
	if len(got) != 1 || got[0].Stage || got[0].Day != 2 {
		t.Errorf("once started, stage 2 continues as a program: %+v", got)
	}
}
