// Package nudger runs the nudges for both front ends of `unknot nudge`:
// it keeps the shared state file, reads the calendars again when they
// change, counts time away as a break, and records each answer in the
// journal. The decisions are the nudge package's.
package nudger

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/internal/calendar"
	"github.com/unknot/unknot/internal/nudgestate"
	"github.com/unknot/unknot/nudge"
)

// Runner is one `unknot nudge` process's view of the shared schedule.
type Runner struct {
	Schedule nudge.Schedule
	// DataDir holds the state file (and the journal).
	DataDir string
	// Store keeps the answers; nil runs without saving them.
	Store coach.NudgeStore
	// Idle reads how long the machine has been idle; nil when that cannot
	// be known.
	Idle func() (time.Duration, error)
	// Say prints one line about the set-up (a calendar that cannot be
	// read, idle time that cannot); each is said once.
	Say func(string)

	calendars []string
	cals      map[string]*calFile
	said      map[string]bool
	// busyAt is when the busy time was last worked out, and busyNow what
	// it was: repeats are expanded again only when a file changes or
	// every busyEvery, not at every check.
	busyAt  time.Time
	busyNow []nudge.Busy
	// idleRead is when the idle time was last read: asking runs a tool,
	// so it is asked every IdleEvery, not at every check.
	idleRead time.Time
}

// IdleEvery is how often the idle time is read: time away is counted in
// minutes, so half a minute late is soon enough.
const IdleEvery = 30 * time.Second

// busyEvery is how often the busy time is worked out again when no
// calendar changed; it covers BusyAhead, far more than that.
const busyEvery = 10 * time.Minute

// calFile is one calendar as last read, and the file's version then.
type calFile struct {
	mod  time.Time
	size int64
	cal  *calendar.Calendar
}

// New is a Runner for the calendars (paths to .ics files).
func New(s nudge.Schedule, dataDir string, calendars []string) *Runner {
	return &Runner{Schedule: s, DataDir: dataDir, calendars: calendars, cals: map[string]*calFile{}, said: map[string]bool{},
		Say: func(string) {}}
}

// Check is where things stand at now, with the shared state as it is in
// the file: time away counted, the calendars read again if they changed.
// notify is true once for each break that falls due (and again an
// interval later while it goes unanswered); the state then records it.
func (r *Runner) Check(now time.Time) (st nudge.Status, notify bool, err error) {
	f, err := r.load(now)
	if err != nil {
		return st, false, err
	}
	changed := false
	if r.Idle != nil && now.Sub(r.idleRead) >= IdleEvery {
		r.idleRead = now
		if idle, err := r.Idle(); err == nil {
			changed = f.State.Away(r.Schedule, now, idle)
		} else {
			r.sayOnce("idle", fmt.Sprintf("the idle time cannot be read (%s): breaks run on the clock", err))
			r.Idle = nil
		}
	}
	busy := r.busy(now)
	st = r.Schedule.Status(f.State, busy, now)
	if f.State.ShouldNotify(st) || st.Kind == nudge.Due && now.Sub(f.State.Notified) >= r.Schedule.Interval {
		f.State.Notified, notify, changed = now, true, true
	}
	if changed || busyStale(f, now) {
		f.Busy, f.BusyUntil, f.Written = busy, now.Add(nudgestate.BusyAhead), now
		err = nudgestate.Save(r.DataDir, f)
	}
	return st, notify, err
}

// busyStale reports whether the file's copy of the busy time should be
// written again: it runs out within the hour.
func busyStale(f nudgestate.File, now time.Time) bool {
	return f.BusyUntil.Sub(now) < nudgestate.BusyAhead-time.Hour
}

// load reads the state file; a missing or damaged one starts afresh with
// the interval counting from now.
func (r *Runner) load(now time.Time) (nudgestate.File, error) {
	f, _, err := nudgestate.Load(r.DataDir)
	if err != nil {
		r.sayOnce("state", err.Error())
		f = nudgestate.File{}
	}
	if f.State.Anchor.IsZero() {
		f.State.Begin(now)
		if err := os.MkdirAll(r.DataDir, 0o700); err != nil {
			return f, err
		}
		f.Written = now
		return f, nudgestate.Save(r.DataDir, f)
	}
	return f, nil
}

// Answer records the person's answer to the break due (status st) at
// now: taken (with the routine's session ID, if known), snoozed or
// skipped. A snooze past the limit is refused with nudge.ErrSnoozeLimit.
func (r *Runner) Answer(now time.Time, st nudge.Status, answer, sessionID string) error {
	f, err := r.load(now)
	if err != nil {
		return err
	}
	switch answer {
	case coach.AnswerTaken:
		f.State.Taken(now)
	case coach.AnswerSkipped:
		f.State.Skipped(now)
	case coach.AnswerSnoozed:
		if err := f.State.Snooze(r.Schedule, now); err != nil {
			return err
		}
	}
	due := st.At
	if st.Kind != nudge.Due {
		due = now // answered before it fell due
	}
	if r.Store != nil {
		if err := r.Store.SaveNudge(coach.Nudge{Due: due, At: now, Answer: answer, SessionID: sessionID}); err != nil {
			r.Say("not saved: " + err.Error())
		}
	}
	f.Written = now
	return nudgestate.Save(r.DataDir, f)
}

// Hold holds every break from now for d: why is nudge.WhyMeeting or
// nudge.WhyQuiet.
func (r *Runner) Hold(now time.Time, d time.Duration, why string) error {
	f, err := r.load(now)
	if err != nil {
		return err
	}
	f.State.Quiet(now, d, why)
	f.Written = now
	return nudgestate.Save(r.DataDir, f)
}

// Today is today's answers, as the journal has them.
func (r *Runner) Today(now time.Time) coach.BreakDay {
	if r.Store == nil {
		return coach.BreakDay{}
	}
	y, m, d := now.Date()
	nudges, err := r.Store.Nudges(time.Date(y, m, d, 0, 0, 0, 0, now.Location()))
	if err != nil {
		return coach.BreakDay{}
	}
	return coach.Today(coach.BreakDays(nudges, now.Location()), now)
}

// busy is the calendars' busy time from half a day back to a day ahead.
// Each file is read again when it changes; one that cannot be read is
// said once (per change) and left out: the nudges go on by the clock.
func (r *Runner) busy(now time.Time) []nudge.Busy {
	var cals []*calendar.Calendar
	changed := now.Sub(r.busyAt) >= busyEvery || now.Before(r.busyAt)
	for _, p := range r.calendars {
		fi, err := os.Stat(p)
		if err != nil {
			r.sayOnce(p+err.Error(), fmt.Sprintf("%s: %s; breaks go on by the clock", p, reason(err)))
			if r.cals[p] != nil { // it was there: its events go
				delete(r.cals, p)
				changed = true
			}
			continue
		}
		c := r.cals[p]
		if c == nil || !c.mod.Equal(fi.ModTime()) || c.size != fi.Size() {
			cal, err := calendar.ReadFile(p, r.Schedule.Loc)
			if err != nil {
				line := fmt.Sprintf("%s: %s", filepath.Base(p), err)
				if cal.Len() == 0 {
					line += "; breaks go on by the clock"
				}
				r.Say(line)
			}
			c = &calFile{mod: fi.ModTime(), size: fi.Size(), cal: cal}
			r.cals[p] = c
			changed = true
		}
		cals = append(cals, c.cal)
	}
	if changed {
		r.busyAt = now
		r.busyNow = calendar.Merge(cals...).Busy(now.Add(-12*time.Hour), now.Add(nudgestate.BusyAhead))
	}
	return r.busyNow
}

func reason(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func (r *Runner) sayOnce(key, line string) {
	if !r.said[key] {
		r.said[key] = true
		r.Say(line)
	}
}
