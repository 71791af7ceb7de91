package coach

import (
	"fmt"
	"time"
)

// The habit's goals: FirstGoal session days in the first FirstDays days,
// then WeekGoal a week.
const (
	FirstGoal = 6
	FirstDays = 14
	WeekGoal  = 3
)

// Habit is where a person stands with the habit: the goal of the period
// now under way and how far along it they are, and the streak.
//
// A day counts when a session was finished on it (several on one day
// count once, so a day of short breaks is not a week's goal). The first
// period is the fortnight from the first session's day; each after it is
// a week. The streak counts the weeks that met their goal (the first
// fortnight is two). A week that falls short pauses the streak rather
// than ending it; two short weeks in a row end it.
type Habit struct {
	Started      bool // a session was ever finished
	First        bool // the first fortnight is under way
	Done, Target int  // session days in this period, and its goal
	// Ends is the first day after this period, at midnight.
	Ends   time.Time
	Streak int
	Paused bool
}

// HabitAt is the habit at now from the sessions (oldest first), in now's
// location.
func HabitAt(sessions []Session, now time.Time) Habit {
	var finished []time.Time
	for _, s := range sessions {
		if s.Status == StatusCompleted {
			finished = append(finished, s.Started)
		}
	}
	return HabitFrom(finished, now)
}

// HabitFrom is the habit at now from when each finished session started
// (oldest first).
func HabitFrom(finished []time.Time, now time.Time) Habit {
	loc := now.Location()
	var first time.Time
	days := map[int]bool{}
	for _, t := range finished {
		if first.IsZero() {
			first = t.In(loc)
		}
		days[dayIndex(first, t.In(loc))] = true
	}
	if first.IsZero() {
		return Habit{First: true, Target: FirstGoal}
	}
	today := dayIndex(first, now)
	h := Habit{Started: true}
	short := 0
	for start := 0; ; {
		end, target, weeks := start+7, WeekGoal, 1
		if start == 0 {
			end, target, weeks = FirstDays, FirstGoal, 2
		}
		done := 0
		for d := start; d < end; d++ {
			if days[d] {
				done++
			}
		}
		if today < end { // under way
			y, m, d := first.Date()
			h.First, h.Done, h.Target = start == 0, done, target
			h.Ends = time.Date(y, m, d+end, 0, 0, 0, 0, loc)
			if done >= target {
				h.Streak += weeks
			}
			h.Paused = short > 0 && done < target
			return h
		}
		if done >= target {
			h.Streak += weeks
			short = 0
		} else if short++; short >= 2 {
			h.Streak = 0
		}
		start = end
	}
}

// dayIndex is how many calendar days t is after from's day.
func dayIndex(from, t time.Time) int {
	y1, m1, d1 := from.Date()
	y2, m2, d2 := t.In(from.Location()).Date()
	a := time.Date(y1, m1, d1, 12, 0, 0, 0, time.UTC)
	b := time.Date(y2, m2, d2, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// Progress is the goal in a few words: "3 of 6 this fortnight",
// "1 of 3 this week".
func (h Habit) Progress() string {
	period := "this week"
	if h.First {
		period = "this fortnight"
	}
	return fmt.Sprintf("%d of %d %s", h.Done, h.Target, period)
}

// StreakText is the streak in a few words ("" without one): "4-week
// streak", "4-week streak, paused".
func (h Habit) StreakText() string {
	if h.Streak == 0 {
		return ""
	}
	s := fmt.Sprintf("%d-week streak", h.Streak)
	if h.Paused {
		s += ", paused"
	}
	return s
}

// Line is the habit for Home, "" before the first session: "Goal: 3 of 6
// this fortnight · 2-week streak".
func (h Habit) Line() string {
	if !h.Started {
		return ""
	}
	line := "Goal: " + h.Progress()
	if s := h.StreakText(); s != "" {
		line += " · " + s
	}
	return line
}
