package coach

import (
	"time"

	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
)

// Store is the journal as the front ends use it: internal/journal's SQLite
// file in use, a fake in tests. A nil Store means the coach runs without
// saving.
type Store interface {
	StartSession(Session) error
	RecordStep(sessionID string, st Step, seq int) error
	FinishSession(id, status string, ended time.Time) error
	SetPainAfter(id string, pain int, note string) error
	SaveSafety(SafetyRecord) error
	LatestSafety() (SafetyRecord, bool, error)
	SaveIntake(sessionID string, at time.Time, answers any) error
	LastIntake(v any) (bool, error)
	SetProgress(Progress) error
	InProgress() ([]Progress, error)
	SetPreference(key, value string) error
	Preference(key string) (string, error)
	Sessions(since time.Time) ([]Session, error)
}

// PrefGentler is the preference set when pain rose by 2 or more points in
// a session, and cleared by a later session that did not: while set, the
// next plan is gentler.
const PrefGentler = "gentler"

// Write is one change to the store. Front ends decide where it runs: the
// TUI in a command, line mode at once.
type Write func(Store) error

// Writes runs ws in order against s, stopping at the first error.
func Writes(ws ...Write) Write {
	return func(s Store) error {
		for _, w := range ws {
			if w == nil {
				continue
			}
			if err := w(s); err != nil {
				return err
			}
		}
		return nil
	}
}

// Known is what the journal knows that shapes the coaching: past sessions
// (oldest first), programs under way, and whether the next plan should be
// gentler.
type Known struct {
	Sessions []Session
	Progress []Progress
	Gentler  bool
	// LastIntake is the last intake's answers, to offer again (nil when
	// there are none).
	LastIntake *plan.Intake
}

// Load reads what the journal knows.
func Load(s Store) (Known, error) {
	var k Known
	var err error
	if k.Sessions, err = s.Sessions(time.Time{}); err != nil {
		return k, err
	}
	if k.Progress, err = s.InProgress(); err != nil {
		return k, err
	}
	v, err := s.Preference(PrefGentler)
	if err != nil {
		return k, err
	}
	k.Gentler = v != ""
	var last plan.Intake
	ok, err := s.LastIntake(&last)
	if ok && err == nil {
		k.LastIntake = &last
	}
	return k, err
}

// History is what the plan builder uses from the journal as of now: how
// many sessions have pain before and after, each technique's average
// change in them, and whether to be gentler.
func (k Known) History(now time.Time) plan.History {
	st := Summarise(k.Sessions, now)
	h := plan.History{Sessions: st.Rated, Effects: map[string]plan.Effect{}, Gentler: k.Gentler, Hurt: map[string]bool{}}
	// The last outcome of each technique decides: "this hurts" keeps it
	// out, doing it through again brings it back.
	for _, s := range k.Sessions {
		for _, step := range s.Steps {
			switch step.Outcome {
			case OutcomeHurt:
				h.Hurt[step.Technique] = true
			case OutcomeDone:
				delete(h.Hurt, step.Technique)
			}
		}
	}
	for _, e := range st.Effects {
		h.Effects[e.Technique] = plan.Effect{Sessions: e.Sessions, AvgChange: e.AvgChange}
	}
	return h
}

// RecheckDue reports whether the intake calls for the weekly safety
// checklists again before the plan: the pain is new (a few days) or
// clearly worse than at the last session, and the check just done did not
// ask them.
func RecheckDue(k Known, in plan.Intake, res safety.Result) bool {
	if !res.Checked.IsZero() && res.Checked.Equal(res.At) {
		return false // asked in this very check
	}
	if in.Duration == plan.DurationDays {
		return true
	}
	for i := len(k.Sessions) - 1; i >= 0; i-- {
		s := k.Sessions[i]
		last := s.PainAfter
		if last == nil {
			last = s.PainBefore
		}
		if last != nil {
			return in.Pain-*last >= plan.GentlerFrom
		}
	}
	return false
}
