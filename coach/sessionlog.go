package coach

import (
	"time"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

// SessionLog turns one guided session's events into journal records, the
// same way for every front end: the session's row when it starts (with
// --hold applied to the plan once), each step as it ends, how it ended,
// the next day of a program, and the pain after with the gentler
// preference set or cleared.
//
// Its methods return Writes, which the front end runs where it likes; a
// step's write carries a sequence number, so writes that land out of order
// never replace a newer one. A nil *SessionLog records nothing.
type SessionLog struct {
	ID     string
	req    Request
	before int
	seq    int
}

// StartLog begins the log of a session of techs under title, for req, with
// today's intake answers, at now. The Write stores the session's row and
// its intake answers.
func StartLog(req Request, title string, in plan.Intake, techs []content.Technique, now time.Time) (*SessionLog, Write) {
	l := &SessionLog{ID: NewID(now), req: req, before: in.Pain}
	pain := in.Pain
	s := Session{ID: l.ID, Started: now, Title: title, Program: req.Program, Day: req.Day, PainBefore: &pain}
	for _, t := range techs {
		hold := t.Dosage.HoldSeconds
		if req.Expand.Hold > 0 {
			hold = int(session.CapHold(req.Expand.Hold, t).Seconds())
		}
		s.Plan = append(s.Plan, PlanItem{Technique: t.ID, HoldSeconds: hold})
	}
	return l, func(st Store) error {
		if err := st.StartSession(s); err != nil {
			return err
		}
		return st.SaveIntake(s.ID, now, in)
	}
}

// Steps records every step that events say ended, as ss has it at now.
func (l *SessionLog) Steps(ss *session.Session, events []session.Event, now time.Time) Write {
	if l == nil {
		return nil
	}
	var ws []Write
	for _, e := range events {
		if e.Kind != session.EventStepDone {
			continue
		}
		l.seq++
		step, seq, id := StepOf(e.Step, ss.Steps()[e.Step], ss.Records()[e.Step], now), l.seq, l.ID
		ws = append(ws, func(s Store) error { return s.RecordStep(id, step, seq) })
	}
	if len(ws) == 0 {
		return nil
	}
	return Writes(ws...)
}

// Completed reports whether a session that ended with sum counts as
// completed: it ran to its end (not quit) and something in it was done or
// cut short (or hurt), not every step skipped. Only a completed session
// moves a program on, counts toward the goal and the streak, and says
// "Session complete".
func Completed(sum session.Summary, quit bool) bool {
	return !quit && !sum.NothingDone()
}

// Finish records how the session ended, at ss's end (or now, when it has
// none): completed, or quit (stopped, or every step skipped: see
// Completed). A completed day of a multi-day program moves the program on
// to its next day.
func (l *SessionLog) Finish(ss *session.Session, quit bool, now time.Time) Write {
	if l == nil {
		return nil
	}
	id, ended := l.ID, ss.Ended()
	if ended.IsZero() {
		ended = now
	}
	done := Completed(ss.Summary(), quit)
	status := StatusCompleted
	if !done {
		status = StatusQuit
	}
	ws := []Write{func(s Store) error { return s.FinishSession(id, status, ended) }}
	if done && l.req.Program != "" && l.req.Days > 1 {
		p := Progress{Program: l.req.Program, Day: l.req.Day + 1, Days: l.req.Days, Updated: now}
		ws = append(ws, func(s Store) error { return s.SetProgress(p) })
	}
	return Writes(ws...)
}

// Stop ends a session still running at now (q, a signal, a crash): the
// step in progress is cut short and recorded, and the session saved as
// quit. It returns the session's events, for the front end to show.
func (l *SessionLog) Stop(ss *session.Session, now time.Time) ([]session.Event, Write) {
	ev := ss.Stop(now)
	return ev, Writes(l.Steps(ss, ev, now), l.Finish(ss, true, now))
}

// Gentler reports whether pain after makes the next plan gentler: a rise
// of plan.GentlerFrom points or more.
func (l *SessionLog) Gentler(after int) bool { return l != nil && after-l.before >= plan.GentlerFrom }

// PainAfter records the pain score and note given at the finish, and sets
// the gentler preference when pain rose by plan.GentlerFrom or more, or clears
// it when it did not.
func (l *SessionLog) PainAfter(after int, note string) Write {
	if l == nil {
		return nil
	}
	id := l.ID
	gentler := ""
	if l.Gentler(after) {
		gentler = "yes"
	}
	return func(s Store) error {
		if err := s.SetPainAfter(id, after, note); err != nil {
			return err
		}
		return s.SetPreference(PrefGentler, gentler)
	}
}

// SaveSafety records a safety result.
func SaveSafety(r safety.Result) Write {
	rec := SafetyRecordOf(r)
	return func(s Store) error { return s.SaveSafety(rec) }
}
