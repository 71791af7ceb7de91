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
	var f habitFold
	for _, t := range finished {
		f.add(t, now.Location())
	}
	return f.at(now)
}

// habitFold is the habit folded one finished session at a time (oldest
// first), so that the tally can keep it: the periods already over are
// only their streak, and the open period its days.
type habitFold struct {
	First  string `json:"first,omitempty"` // the first finished session's day, "" before one
	Start  int    `json:"start"`           // the open period's first day, counted from First
	Days   []int  `json:"days,omitempty"`  // its days with a finished session
	Streak int    `json:"streak"`
	Short  int    `json:"short"` // periods in a row that fell short
}

// period is the period starting on day start: its end, goal and weight
// in weeks (the first fortnight is two).
func period(start int) (end, target, weeks int) {
	if start == 0 {
		return FirstDays, FirstGoal, 2
	}
	return start + 7, WeekGoal, 1
}

func (f *habitFold) first(loc *time.Location) time.Time {
	t, _ := time.ParseInLocation(time.DateOnly, f.First, loc)
	return t
}

// add counts a finished session that started at t.
func (f *habitFold) add(t time.Time, loc *time.Location) {
	if f.First == "" {
		f.First = t.In(loc).Format(time.DateOnly)
	}
	d := dayIndex(f.first(loc), t.In(loc))
	f.closeBefore(d)
	if n := len(f.Days); n == 0 || f.Days[n-1] != d {
		f.Days = append(f.Days, d)
	}
}

// closeBefore ends the periods that are over by day d, each adding to the
// streak or falling short.
func (f *habitFold) closeBefore(d int) {
	for {
		end, target, weeks := period(f.Start)
		if d < end {
			return
		}
		if len(f.Days) >= target {
			f.Streak += weeks
			f.Short = 0
		} else if f.Short++; f.Short >= 2 {
			f.Streak = 0
		}
		f.Start, f.Days = end, nil
	}
}

// at is the habit at now, in now's location.
func (f habitFold) at(now time.Time) Habit {
	if f.First == "" {
		return Habit{First: true, Target: FirstGoal}
	}
	loc := now.Location()
	first := f.first(loc)
	f.Days = append([]int(nil), f.Days...)
	f.closeBefore(dayIndex(first, now))
	end, target, weeks := period(f.Start)
	done := len(f.Days)
	h := Habit{Started: true, First: f.Start == 0, Done: done, Target: target, Streak: f.Streak,
		Paused: f.Short > 0 && done < target}
	y, m, d := first.Date()
	h.Ends = time.Date(y, m, d+end, 0, 0, 0, 0, loc)
	if done >= target {
		h.Streak += weeks
	}
	return h
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
