package coach

import (
	"testing"
	"time"
)

func intp(n int) *int { return &n }

func TestSummarise(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 18, 0, 0, 0, time.UTC) }
	mk := func(id string, d, before, after int, techs ...string) Session {
		s := Session{ID: id, Started: day(d), PainBefore: intp(before), PainAfter: intp(after)}
		for i, tq := range techs {
			s.Steps = append(s.Steps, Step{Index: i, Technique: tq, Outcome: OutcomeDone})
		}
		return s
	}
	sessions := []Session{
		mk("1", 14, 6, 4, "roll", "stretch"),
		mk("2", 18, 5, 5, "stretch"),
		mk("3", 19, 6, 3, "roll", "roll"), // a technique counts once per session
		mk("4", 20, 4, 4, "stretch"),
		{ID: "5", Started: day(20)}, // not rated
	}
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) // a Saturday
	st := Summarise(sessions, now)
	if st.Sessions != 5 || st.Rated != 4 {
		t.Errorf("sessions %d rated %d", st.Sessions, st.Rated)
	}
	if st.Streak != 3 {
		t.Errorf("streak = %d, want 3 (18th–20th, none yet today)", st.Streak)
	}
	if st.ThisWeek != 4 {
		t.Errorf("this week = %d, want 4 (since Monday the 16th)", st.ThisWeek)
	}
	want := []Effect{{"roll", 2, -2.5}, {"stretch", 3, -2.0 / 3}}
	if len(st.Effects) != 2 || st.Effects[0] != want[0] || st.Effects[1].Sessions != 3 {
		t.Errorf("effects = %+v, want %+v", st.Effects, want)
	}
}

// Two weeks of sessions without easing suggest a professional review;
// easing, or too short a time, does not.
func TestReview(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	mk := func(daysAgo int, before int) Session {
		return Session{Started: now.AddDate(0, 0, -daysAgo), PainBefore: intp(before)}
	}
	for _, tc := range []struct {
		name string
		s    []Session
		want bool
	}{
		{"two weeks, no better", []Session{mk(14, 5), mk(12, 5), mk(10, 6), mk(5, 5), mk(3, 6), mk(1, 5)}, true},
		{"two weeks, easing", []Session{mk(14, 6), mk(12, 6), mk(10, 5), mk(5, 3), mk(3, 3), mk(1, 2)}, false},
		{"one week", []Session{mk(7, 5), mk(6, 5), mk(5, 6), mk(3, 6), mk(1, 6)}, false},
		{"too few sessions", []Session{mk(14, 5), mk(1, 6)}, false},
	} {
		if msg, got := Review(tc.s, now); got != tc.want || got && msg == "" {
			t.Errorf("%s: %v %q", tc.name, got, msg)
		}
	}
}
