package coach

import (
	"fmt"
	"time"

	"github.com/unknot/unknot/content"
)

// ProgramDay is where a person is in a program: the day to run next, and
// whether it is due. A multi-day program is one session a day, so the day
// after one done today is offered from the next calendar day.
type ProgramDay struct {
	Program content.Program
	Day     int
	Due     bool
	// Stage is set when the program is the next stage of one finished.
	Stage bool
}

// Label is "Day 2 of 3" for a multi-day program and "" for a single one.
func (d ProgramDay) Label() string {
	if !d.Program.MultiDay() {
		return ""
	}
	return fmt.Sprintf("Day %d of %d", d.Day, len(d.Program.Days))
}

// NextDay is the day of p to run at now: the day after the last one done,
// or Day 1 for a program not under way (or finished).
func NextDay(p content.Program, progress []Progress, now time.Time) ProgramDay {
	d := ProgramDay{Program: p, Day: 1, Due: true}
	if !p.MultiDay() {
		return d
	}
	for _, pr := range progress {
		if pr.Program == p.ID && !pr.Done() && pr.Day >= 1 && pr.Day <= len(p.Days) {
			d.Day, d.Due = pr.Day, !SameDay(pr.Updated, now)
		}
	}
	return d
}

// NextDayOf is NextDay, and also holds a program's next stage for the day
// after its first stage ended, as Home does: Day 1 of the stage is not
// due until then.
func NextDayOf(c *content.Catalogue, p content.Program, progress []Progress, now time.Time) ProgramDay {
	d := NextDay(p, progress, now)
	if d.Day != 1 {
		return d
	}
	for _, pr := range progress {
		if prev, ok := c.Program(pr.Program); ok && prev.Next == p.ID && pr.Done() && SameDay(pr.Updated, now) {
			d.Due = false
		}
	}
	return d
}

// SameDay reports whether a and b fall on the same calendar day where the
// person is (b's location).
func SameDay(a, b time.Time) bool {
	y1, m1, d1 := a.In(b.Location()).Date()
	y2, m2, d2 := b.Date()
	return y1 == y2 && m1 == m2 && d1 == d2
}

// Continuing lists what Home offers to carry on at now: each program under
// way whose next day is due, and the next stage of a program finished on an
// earlier day that has not been started.
func Continuing(c *content.Catalogue, k Known, now time.Time) []ProgramDay {
	var out []ProgramDay
	progress := k.Progress
	for _, pr := range progress {
		p, ok := c.Program(pr.Program)
		if !ok || !p.MultiDay() {
			continue
		}
		if d := NextDay(p, progress, now); d.Due {
			out = append(out, d)
		}
	}
	if d, ok := nextStage(c, k, progress, now); ok {
		out = append(out, d)
	}
	return out
}

// nextStage finds the stage after the program most recently finished: its
// last day completed before today, its next stage never started since.
func nextStage(c *content.Catalogue, k Known, progress []Progress, now time.Time) (ProgramDay, bool) {
	if s, ok := k.lastProgram(); ok {
		p, ok := c.Program(s.Program)
		if !ok || !p.MultiDay() || p.Next == "" {
			return ProgramDay{}, false
		}
		if s.Status != StatusCompleted || s.Day != len(p.Days) || SameDay(s.Started, now) {
			return ProgramDay{}, false
		}
		next, ok := c.Program(p.Next)
		if !ok {
			return ProgramDay{}, false
		}
		for _, pr := range progress {
			if pr.Program == next.ID {
				return ProgramDay{}, false // under way: Continue offers it
			}
		}
		return ProgramDay{Program: next, Day: 1, Due: true, Stage: true}, true
	}
	return ProgramDay{}, false
}

// DayDone is the finish screen's line for a program day: "Day 2 done; Day 3
// tomorrow.", or, after the last day, "All 3 days done." and the next stage.
func DayDone(c *content.Catalogue, req Request) string {
	p, ok := c.Program(req.Program)
	if !ok || !p.MultiDay() || req.Day < 1 {
		return ""
	}
	if req.Day < len(p.Days) {
		return fmt.Sprintf("Day %d done; Day %d tomorrow.", req.Day, req.Day+1)
	}
	line := fmt.Sprintf("All %d days of %s done.", len(p.Days), p.Name)
	if next, ok := c.Program(p.Next); ok {
		line += fmt.Sprintf(" Next stage, from tomorrow: %s.", next.Name)
	}
	return line
}
