package nudge

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the DST tests need zones wherever they run
)

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// on is a wall-clock time in loc.
func on(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

func TestStatusWorkingHoursAndDays(t *testing.T) {
	s := Default()
	s.Loc = time.UTC
	at := func(d, h, m int) time.Time { return on(time.UTC, 2026, time.December, d, h, m) } // 1 Dec 2026 is a Tuesday
	tests := []struct {
		name   string
		anchor time.Time
		now    time.Time
		want   Kind
		wantAt time.Time
	}{
		{"before work", at(1, 7, 0), at(1, 8, 59), Off, at(1, 9, 0)},
		{"first break 45m into the day", at(1, 7, 0), at(1, 9, 10), Waiting, at(1, 9, 45)},
		{"due at 45m", at(1, 7, 0), at(1, 9, 45), Due, at(1, 9, 45)},
		{"interval from the last break", at(1, 10, 0), at(1, 10, 30), Waiting, at(1, 10, 45)},
		{"a break would fall after the end", at(1, 17, 0), at(1, 17, 10), Done, at(2, 9, 0)},
		{"after work", at(1, 17, 0), at(1, 17, 30), Off, at(2, 9, 0)},
		{"Friday evening waits for Monday", at(4, 17, 0), at(4, 18, 0), Off, at(7, 9, 0)},
		{"Saturday is off", at(4, 17, 0), at(5, 11, 0), Off, at(7, 9, 0)},
		{"Monday starts afresh", at(4, 17, 0), at(7, 9, 30), Waiting, at(7, 9, 45)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Status(State{Anchor: tt.anchor}, nil, tt.now)
			if got.Kind != tt.want || !got.At.Equal(tt.wantAt) {
				t.Errorf("Status = %v at %v, want %v at %v", got.Kind, got.At, tt.want, tt.wantAt)
			}
		})
	}
}

func TestSnoozeLimit(t *testing.T) {
	s := Default()
	s.Loc = time.UTC
	t0 := on(time.UTC, 2026, time.December, 1, 10, 0)
	st := State{Anchor: t0}
	due := t0.Add(s.Interval)
	if k := s.Status(st, nil, due).Kind; k != Due {
		t.Fatalf("at %v: %v, want due", due, k)
	}
	for i := 1; i <= 2; i++ {
		now := due.Add(time.Duration(i-1) * s.Snooze)
		if err := st.Snooze(s, now); err != nil {
			t.Fatalf("snooze %d: %v", i, err)
		}
		got := s.Status(st, nil, now.Add(time.Minute))
		if got.Kind != Waiting || !got.At.Equal(now.Add(s.Snooze)) || got.SnoozesLeft != 2-i {
			t.Fatalf("after snooze %d: %+v", i, got)
		}
	}
	third := due.Add(2 * s.Snooze)
	if err := st.Snooze(s, third); !errors.Is(err, ErrSnoozeLimit) {
		t.Fatalf("third snooze in a row: %v, want ErrSnoozeLimit", err)
	}
	if k := s.Status(st, nil, third).Kind; k != Due {
		t.Fatalf("after the refused snooze: %v, want still due", k)
	}
	st.Skipped(third)
	if err := st.Snooze(s, third.Add(s.Interval)); err != nil {
		t.Fatalf("a skip starts the count again: %v", err)
	}
}

func TestHolds(t *testing.T) {
	s := Default()
	s.Loc = time.UTC
	at := func(h, m int) time.Time { return on(time.UTC, 2026, time.December, 1, h, m) }
	standup := Busy{Start: at(9, 40), End: at(10, 0), What: "Standup"}
	review := Busy{Start: at(10, 0), End: at(10, 30), What: "Review"}
	tests := []struct {
		name   string
		st     State
		busy   []Busy
		now    time.Time
		want   Kind
		wantAt time.Time
	}{
		{"a meeting holds a break due in it", State{Anchor: at(9, 0)}, []Busy{standup}, at(9, 50), Held, at(10, 0)},
		{"due when the meeting ends", State{Anchor: at(9, 0)}, []Busy{standup}, at(10, 0), Due, at(9, 45)},
		{"waiting counts to the meeting's end", State{Anchor: at(9, 0)}, []Busy{standup}, at(9, 30), Waiting, at(10, 0)},
		{"back-to-back meetings run on", State{Anchor: at(9, 0)}, []Busy{review, standup}, at(9, 45), Held, at(10, 30)},
		{"a meeting ahead of the break does not move it", State{Anchor: at(9, 0)}, []Busy{{Start: at(11, 0), End: at(12, 0)}}, at(9, 30), Waiting, at(9, 45)},
		{"quiet by hand", State{Anchor: at(9, 0), QuietUntil: at(11, 0), QuietWhy: WhyQuiet}, nil, at(9, 50), Held, at(11, 0)},
		{"quiet over", State{Anchor: at(9, 0), QuietUntil: at(11, 0), QuietWhy: WhyQuiet}, nil, at(11, 0), Due, at(9, 45)},
		{"a hold past the end of work ends the day", State{Anchor: at(16, 0)}, []Busy{{Start: at(16, 30), End: at(18, 0)}}, at(16, 20), Done, on(time.UTC, 2026, time.December, 2, 9, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Status(tt.st, tt.busy, tt.now)
			if got.Kind != tt.want || !got.At.Equal(tt.wantAt) {
				t.Errorf("Status = %v at %v, want %v at %v", got.Kind, got.At, tt.want, tt.wantAt)
			}
		})
	}
}

func TestAwayResets(t *testing.T) {
	s := Default()
	s.Loc = time.UTC
	t0 := on(time.UTC, 2026, time.December, 1, 10, 0)
	tests := []struct {
		name      string
		idle      time.Duration
		wantReset bool
		wantAt    time.Time
	}{
		{"a short pause is not a break", s.Away - time.Second, false, t0.Add(45 * time.Minute)},
		{"away long enough counts as a break", s.Away, true, t0.Add(30*time.Minute + 45*time.Minute)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := State{Anchor: t0, Snoozes: 1}
			now := t0.Add(30 * time.Minute)
			if got := st.Away(s, now, tt.idle); got != tt.wantReset {
				t.Fatalf("Away = %v, want %v", got, tt.wantReset)
			}
			got := s.Status(st, nil, now)
			if !got.At.Equal(tt.wantAt) {
				t.Errorf("next break at %v, want %v", got.At, tt.wantAt)
			}
			if tt.wantReset && got.SnoozesLeft != s.MaxSnoozes {
				t.Errorf("snoozes left %d after time away, want %d", got.SnoozesLeft, s.MaxSnoozes)
			}
		})
	}
}

// Working hours are wall-clock times: 09:00 is 09:00 on either side of a
// DST change; the interval is elapsed time even across the repeated hour.
func TestStatusAcrossDST(t *testing.T) {
	london := mustLoc(t, "Europe/London")     // clocks go forward 29 Mar 2026, back 25 Oct 2026
	newYork := mustLoc(t, "America/New_York") // back 1 Nov 2026 at 02:00
	night := func(loc *time.Location) Schedule {
		s := Default()
		s.Loc, s.Start, s.End = loc, 0, 6*60
		for d := range s.Days {
			s.Days[d] = true
		}
		return s
	}
	weekdays := Default()
	weekdays.Loc = london
	tests := []struct {
		name   string
		s      Schedule
		anchor time.Time
		now    time.Time
		want   Kind
		wantAt time.Time
	}{
		{"the Monday after spring forward starts at 09:00 local", weekdays,
			on(london, 2026, time.March, 27, 17, 0), on(london, 2026, time.March, 28, 12, 0),
			Off, time.Date(2026, time.March, 30, 8, 0, 0, 0, time.UTC)},
		{"first break at 09:45 local after spring forward", weekdays,
			on(london, 2026, time.March, 27, 17, 0), on(london, 2026, time.March, 30, 9, 0),
			Waiting, on(london, 2026, time.March, 30, 9, 45)},
		{"the Monday after fall back starts at 09:00 local", weekdays,
			on(london, 2026, time.October, 23, 17, 0), on(london, 2026, time.October, 24, 12, 0),
			Off, time.Date(2026, time.October, 26, 9, 0, 0, 0, time.UTC)},
		{"45 minutes across the skipped hour", night(london),
			on(london, 2026, time.March, 29, 0, 30), on(london, 2026, time.March, 29, 0, 45),
			Waiting, on(london, 2026, time.March, 29, 2, 15)},
		{"45 minutes across the repeated hour", night(newYork),
			time.Date(2026, time.November, 1, 5, 30, 0, 0, time.UTC), // 01:30 EDT
			time.Date(2026, time.November, 1, 5, 40, 0, 0, time.UTC),
			Waiting, time.Date(2026, time.November, 1, 6, 15, 0, 0, time.UTC)}, // 01:15 EST
		{"the day's end is 06:00 local on the long day", night(newYork),
			time.Date(2026, time.November, 1, 10, 30, 0, 0, time.UTC), // 05:30 EST
			time.Date(2026, time.November, 1, 10, 40, 0, 0, time.UTC),
			Done, time.Date(2026, time.November, 2, 5, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.s.Status(State{Anchor: tt.anchor}, nil, tt.now)
			if got.Kind != tt.want || !got.At.Equal(tt.wantAt) {
				t.Errorf("Status = %v at %v, want %v at %v", got.Kind, got.At.UTC(), tt.want, tt.wantAt.UTC())
			}
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Schedule)
		want string
	}{
		{"defaults", func(*Schedule) {}, ""},
		{"interval too short", func(s *Schedule) { s.Interval = time.Minute }, "interval 1m is outside 5m–4h"},
		{"hours backwards", func(s *Schedule) { s.Start, s.End = 17*60, 9*60 }, "working hours 17:00-09:00 must start before they end, within one day"},
		{"hours shorter than the interval", func(s *Schedule) { s.Start, s.End = 9*60, 9*60+30 }, "working hours 09:00-09:30 are shorter than the interval 45m"},
		{"no days", func(s *Schedule) { s.Days = [7]bool{} }, "no working days"},
		{"snooze too long", func(s *Schedule) { s.Snooze = 2 * time.Hour }, "snooze 2h is outside 1m–1h"},
		{"too many snoozes", func(s *Schedule) { s.MaxSnoozes = 9 }, "snoozes in a row 9 is outside 0–5"},
		{"away too short", func(s *Schedule) { s.Away = time.Minute }, "away 1m is outside 2m–8h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Default()
			tt.edit(&s)
			got := ""
			if err := s.Validate(); err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Validate = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStatusString(t *testing.T) {
	now := on(time.UTC, 2026, time.December, 1, 10, 0)
	tests := []struct {
		st   Status
		want string
	}{
		{Status{Kind: Due}, "break due"},
		{Status{Kind: Waiting, At: now.Add(11*time.Minute + time.Second)}, "break in 12m"},
		{Status{Kind: Waiting, At: now.Add(65 * time.Minute)}, "break in 1h05m"},
		{Status{Kind: Held, At: on(time.UTC, 2026, time.December, 1, 14, 30), What: "Board review"}, "in a meeting until 14:30"},
		{Status{Kind: Held, At: on(time.UTC, 2026, time.December, 1, 11, 0), What: WhyQuiet}, "quiet until 11:00"},
		{Status{Kind: Done}, "no more breaks today"},
		{Status{Kind: Off, At: on(time.UTC, 2026, time.December, 7, 9, 0)}, "off until Mon 09:00"},
	}
	for _, tt := range tests {
		if got := tt.st.String(now); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.st, got, tt.want)
		}
	}
}
