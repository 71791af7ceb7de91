package coach

import (
	"testing"
	"time"
)

func TestHabitAt(t *testing.T) {
	loc := time.FixedZone("UTC-5", -5*3600)
	day := func(n int) time.Time { return time.Date(2026, time.March, 1+n, 18, 0, 0, 0, loc) }
	sessions := func(status string, days ...int) []Session {
		var out []Session
		for _, d := range days {
			out = append(out, Session{Started: day(d), Status: status})
		}
		return out
	}
	tests := []struct {
		name     string
		sessions []Session
		now      time.Time
		want     string // Progress, then StreakText
		ends     int    // day the period ends, -1 for none
	}{
		{"nothing yet", nil, day(0), "0 of 6 this fortnight|", -1},
		{"quit sessions do not count", sessions(StatusQuit, 0, 1), day(2), "0 of 6 this fortnight|", -1},
		{"first days", sessions(StatusCompleted, 0, 1, 3), day(4), "3 of 6 this fortnight|", 14},
		{"two on one day count once", sessions(StatusCompleted, 0, 0, 0), day(1), "1 of 6 this fortnight|", 14},
		{"fortnight met", sessions(StatusCompleted, 0, 1, 2, 4, 6, 9), day(10), "6 of 6 this fortnight|2-week streak", 14},
		{"then a week", sessions(StatusCompleted, 0, 1, 2, 4, 6, 9, 15), day(16), "1 of 3 this week|2-week streak", 21},
		{"a week met", sessions(StatusCompleted, 0, 1, 2, 4, 6, 9, 14, 16, 18), day(20), "3 of 3 this week|3-week streak", 21},
		{"a short week pauses", sessions(StatusCompleted, 0, 1, 2, 4, 6, 9, 14), day(22), "0 of 3 this week|2-week streak, paused", 28},
		{"and the next week met goes on", sessions(StatusCompleted, 0, 1, 2, 4, 6, 9, 14, 21, 23, 25), day(27), "3 of 3 this week|3-week streak", 28},
		{"two short weeks end it", sessions(StatusCompleted, 0, 1, 2, 4, 6, 9), day(29), "0 of 3 this week|", 35},
		{"a short first fortnight", sessions(StatusCompleted, 0, 3), day(15), "0 of 3 this week|", 21},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := HabitAt(tt.sessions, tt.now)
			if got := h.Progress() + "|" + h.StreakText(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if tt.ends >= 0 && !h.Ends.Equal(time.Date(2026, time.March, 1+tt.ends, 0, 0, 0, 0, loc)) {
				t.Errorf("period ends %v, want day %d", h.Ends, tt.ends)
			}
		})
	}
}

// Calendar days, not 24-hour spans: a DST change inside the fortnight
// does not move its end.
func TestHabitDaysAcrossDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone data")
	}
	first := time.Date(2026, time.March, 1, 23, 30, 0, 0, ny) // clocks go forward on 8 March
	h := HabitAt([]Session{{Started: first, Status: StatusCompleted}}, time.Date(2026, time.March, 14, 23, 59, 0, 0, ny))
	if !h.First || !h.Ends.Equal(time.Date(2026, time.March, 15, 0, 0, 0, 0, ny)) {
		t.Errorf("on the 14th day: %+v", h)
	}
	h = HabitAt([]Session{{Started: first, Status: StatusCompleted}}, time.Date(2026, time.March, 15, 0, 1, 0, 0, ny))
	if h.First {
		t.Errorf("on the 15th day still the first fortnight: %+v", h)
	}
}
