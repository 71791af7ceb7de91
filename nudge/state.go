package nudge

import (
	"errors"
	"fmt"
	"time"
)

// Busy is a stretch of time no break should interrupt: a calendar event,
// or "in a meeting" pressed by hand.
type Busy struct {
	Start, End time.Time
	What       string
}

// State is what the answers so far have set. Front ends keep it between
// runs (unknot status reads it), so it is plain data.
type State struct {
	// Anchor is where the interval counts from: the last break taken or
	// skipped, the return from time away, or the first start.
	Anchor       time.Time `json:"anchor"`
	SnoozedUntil time.Time `json:"snoozed_until,omitzero"`
	// Snoozes is how many snoozes followed each other since the last
	// break taken or skipped.
	Snoozes    int       `json:"snoozes,omitempty"`
	QuietUntil time.Time `json:"quiet_until,omitzero"`
	QuietWhy   string    `json:"quiet_why,omitempty"`
	// Notified is when the person was last told a break is due.
	Notified time.Time `json:"notified,omitzero"`
}

// Why a hold was set by hand.
const (
	WhyMeeting = "in a meeting"
	WhyQuiet   = "quiet"
)

// Begin starts the interval at now for a state never used.
func (st *State) Begin(now time.Time) {
	if st.Anchor.IsZero() {
		st.Anchor = now
	}
}

// Taken records a break taken at now: the next one is an interval away.
func (st *State) Taken(now time.Time) { st.restart(now) }

// Skipped records a break skipped at now; the schedule goes on as if it
// had been taken (the journal tells the two apart).
func (st *State) Skipped(now time.Time) { st.restart(now) }

func (st *State) restart(now time.Time) {
	st.Anchor, st.SnoozedUntil, st.Snoozes, st.Notified = now, time.Time{}, 0, time.Time{}
}

// ErrSnoozeLimit is Snooze's answer once the snoozes in a row are used up.
var ErrSnoozeLimit = errors.New("snoozed as often as allowed in a row: take the break or skip it")

// Snooze holds the break for s.Snooze from now, at most s.MaxSnoozes
// times in a row.
func (st *State) Snooze(s Schedule, now time.Time) error {
	if st.Snoozes >= s.MaxSnoozes {
		return ErrSnoozeLimit
	}
	st.Snoozes++
	st.SnoozedUntil, st.Notified = now.Add(s.Snooze), time.Time{}
	return nil
}

// Quiet holds every break from now for d; why is WhyMeeting or WhyQuiet.
// A later quiet replaces an earlier one, so it can also be cut short.
func (st *State) Quiet(now time.Time, d time.Duration, why string) {
	st.QuietUntil, st.QuietWhy = now.Add(d), why
}

// Away records that the machine has been idle for idle at now. Idle time
// of at least s.Away counts as a break: the interval starts again at now.
// It reports whether it did.
func (st *State) Away(s Schedule, now time.Time, idle time.Duration) bool {
	if idle < s.Away {
		return false
	}
	st.restart(now)
	return true
}

// Kind is what the schedule says at a moment.
type Kind int

const (
	// Off: outside working hours or days.
	Off Kind = iota
	// Waiting: a break is coming.
	Waiting
	// Held: a break would be due, or may come, but a meeting or quiet
	// time holds it.
	Held
	// Due: a break is due now.
	Due
	// Done: no break fits in the rest of today's working hours.
	Done
)

// Status is the schedule's answer at a moment.
type Status struct {
	Kind Kind
	// At is, for Waiting, when the break is due; for Held, when the hold
	// ends; for Off and Done, when working hours start again; for Due,
	// when it became due.
	At time.Time
	// What holds the break (Held): a meeting's name, WhyMeeting or WhyQuiet.
	What string
	// Snoozes left in a row.
	SnoozesLeft int
}

// Status is what s says at now, given the state and the busy intervals
// (in any order, overlapping or not).
func (s Schedule) Status(st State, busy []Busy, now time.Time) Status {
	left := max(0, s.MaxSnoozes-st.Snoozes)
	start, end, ok := s.Period(now)
	if !ok {
		return Status{Kind: Off, At: s.NextStart(now), SnoozesLeft: left}
	}
	holds := busy
	if st.QuietUntil.After(now) {
		holds = append([]Busy{{Start: now, End: st.QuietUntil, What: st.QuietWhy}}, busy...)
	}
	if until, what, held := holdAt(holds, now); held {
		return Status{Kind: Held, At: until, What: what, SnoozesLeft: left}
	}
	due := s.due(st, start)
	if !now.Before(due) {
		return Status{Kind: Due, At: due, SnoozesLeft: left}
	}
	if until, _, held := holdAt(holds, due); held {
		due = until // the break comes when the meeting ends
	}
	if !due.Before(end) {
		return Status{Kind: Done, At: s.NextStart(now), SnoozesLeft: left}
	}
	return Status{Kind: Waiting, At: due, SnoozesLeft: left}
}

// due is when the break is due in the working period that began at start:
// an interval after the anchor (or after the period began, for an anchor
// before it), or when a snooze ends.
func (s Schedule) due(st State, start time.Time) time.Time {
	anchor := st.Anchor
	if anchor.Before(start) {
		anchor = start
	}
	if st.SnoozedUntil.After(anchor) {
		return st.SnoozedUntil
	}
	return anchor.Add(s.Interval)
}

// holdAt reports whether a hold covers t, and until when: holds that
// touch or overlap run on into each other.
func holdAt(holds []Busy, t time.Time) (until time.Time, what string, held bool) {
	for _, h := range holds {
		if !t.Before(h.Start) && t.Before(h.End) && h.End.After(until) {
			until, what, held = h.End, h.What, true
		}
	}
	for grew := held; grew; {
		grew = false
		for _, h := range holds {
			if !h.Start.After(until) && h.End.After(until) {
				until, grew = h.End, true
			}
		}
	}
	return until, what, held
}

// ShouldNotify reports whether the person is yet to be told of the break
// due in status.
func (st State) ShouldNotify(status Status) bool {
	return status.Kind == Due && st.Notified.Before(status.At)
}

// String is a short English line for the status, as `unknot status`
// prints it, relative to now.
func (st Status) String(now time.Time) string {
	switch st.Kind {
	case Due:
		return "break due"
	case Waiting:
		return "break in " + Until(now, st.At)
	case Held:
		// A meeting's own name stays off the status bar: it may be
		// shared on screen.
		what := "in a meeting"
		if st.What == WhyQuiet {
			what = "quiet"
		}
		return fmt.Sprintf("%s until %s", what, st.At.Format("15:04"))
	case Done:
		return "no more breaks today"
	}
	return "off until " + st.At.Format("Mon 15:04")
}

// Until is the time from now to t, rounded up to whole minutes: "12m",
// "1h05m".
func Until(now, t time.Time) string {
	d := t.Sub(now)
	m := int((d + time.Minute - 1) / time.Minute)
	if m < 1 {
		m = 1
	}
	if m >= 60 {
		return fmt.Sprintf("%dh%02dm", m/60, m%60)
	}
	return fmt.Sprintf("%dm", m)
}
