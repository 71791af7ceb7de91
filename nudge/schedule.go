// Package nudge decides when a break between sessions is due: an interval
// inside working hours and days, held by meetings and quiet time, with a
// limited snooze, and reset by time away from the machine. It is pure: the
// caller passes the time and the busy intervals; nothing here reads a
// clock, a file or a calendar.
package nudge

import (
	"fmt"
	"time"
)

// Schedule is when breaks may come. Working hours are wall-clock times in
// Loc, so a break due at "09:45" is 09:45 on both sides of a daylight
// saving change; the interval is elapsed time.
type Schedule struct {
	Interval time.Duration
	// Start and End are minutes after midnight: 9*60 is 09:00.
	Start, End int
	// Days are the working weekdays.
	Days [7]bool
	// Snooze is how long one snooze holds a break; MaxSnoozes how many
	// may follow each other before the break must be taken or skipped.
	Snooze     time.Duration
	MaxSnoozes int
	// Away is how long the machine must be idle to count as a break.
	Away time.Duration
	Loc  *time.Location
}

// Default is the schedule without settings: every 45 minutes, Monday to
// Friday 09:00–17:30, snooze 10 minutes at most twice in a row.
func Default() Schedule {
	s := Schedule{Interval: 45 * time.Minute, Start: 9 * 60, End: 17*60 + 30,
		Snooze: 10 * time.Minute, MaxSnoozes: 2, Away: 5 * time.Minute, Loc: time.Local}
	for d := time.Monday; d <= time.Friday; d++ {
		s.Days[d] = true
	}
	return s
}

// Limits on the settings, so a typo cannot make a break come every second
// or never.
const (
	MinInterval = 5 * time.Minute
	MaxInterval = 4 * time.Hour
	MinSnooze   = time.Minute
	MaxSnooze   = time.Hour
	MaxSnoozes  = 5
	MinAway     = 2 * time.Minute
	MaxAway     = 8 * time.Hour
)

// Validate says what is wrong with s, or nil.
func (s Schedule) Validate() error {
	switch {
	case s.Interval < MinInterval || s.Interval > MaxInterval:
		return fmt.Errorf("interval %s is outside %s–%s", Short(s.Interval), Short(MinInterval), Short(MaxInterval))
	case s.Start < 0 || s.End > 24*60 || s.Start >= s.End:
		return fmt.Errorf("working hours %s must start before they end, within one day", HoursString(s.Start, s.End))
	case time.Duration(s.End-s.Start)*time.Minute < s.Interval:
		return fmt.Errorf("working hours %s are shorter than the interval %s", HoursString(s.Start, s.End), Short(s.Interval))
	case s.Days == [7]bool{}:
		return fmt.Errorf("no working days")
	case s.Snooze < MinSnooze || s.Snooze > MaxSnooze:
		return fmt.Errorf("snooze %s is outside %s–%s", Short(s.Snooze), Short(MinSnooze), Short(MaxSnooze))
	case s.MaxSnoozes < 0 || s.MaxSnoozes > MaxSnoozes:
		return fmt.Errorf("snoozes in a row %d is outside 0–%d", s.MaxSnoozes, MaxSnoozes)
	case s.Away < MinAway || s.Away > MaxAway:
		return fmt.Errorf("away %s is outside %s–%s", Short(s.Away), Short(MinAway), Short(MaxAway))
	}
	return nil
}

func (s Schedule) loc() *time.Location {
	if s.Loc == nil {
		return time.Local
	}
	return s.Loc
}

// at is the wall-clock time `minutes` after midnight on t's day in Loc.
// time.Date settles a time a DST change skips or repeats.
func (s Schedule) at(t time.Time, minutes int) time.Time {
	y, m, d := t.In(s.loc()).Date()
	return time.Date(y, m, d, minutes/60, minutes%60, 0, 0, s.loc())
}

// Period is the working period t falls in, and whether there is one.
func (s Schedule) Period(t time.Time) (start, end time.Time, ok bool) {
	if !s.Days[t.In(s.loc()).Weekday()] {
		return time.Time{}, time.Time{}, false
	}
	start, end = s.at(t, s.Start), s.at(t, s.End)
	return start, end, !t.Before(start) && t.Before(end)
}

// NextStart is the start of the first working period that begins after t.
func (s Schedule) NextStart(t time.Time) time.Time {
	for i := 0; i <= 8; i++ {
		y, m, d := t.In(s.loc()).Date()
		day := time.Date(y, m, d+i, 12, 0, 0, 0, s.loc())
		if !s.Days[day.Weekday()] {
			continue
		}
		if start := s.at(day, s.Start); start.After(t) {
			return start
		}
	}
	return time.Time{} // no working days: Validate refuses that
}

// Short writes a duration the way the settings take it: "45m", "1h30m",
// "90s".
func Short(d time.Duration) string {
	switch {
	case d%time.Hour == 0 && d >= time.Hour:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0 && d >= time.Hour:
		return fmt.Sprintf("%dh%dm", d/time.Hour, d%time.Hour/time.Minute)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return fmt.Sprintf("%ds", d/time.Second)
}

// HoursString writes working hours as "09:00-17:30".
func HoursString(start, end int) string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", start/60, start%60, end/60, end%60)
}
