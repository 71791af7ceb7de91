package coach

import (
	"hash/fnv"
	"strconv"
	"time"

	"github.com/unknot/unknot/content"
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

// PrefStopRules records which "when to stop" rules the person has read
// in full (StopRulesVersion): later sessions give a one-line reminder,
// until the rules change.
const PrefStopRules = "stop-rules-read"

// StopRulesVersion identifies the stop rules' wording.
func StopRulesVersion(c *content.Catalogue) string {
	h := fnv.New64a()
	for _, r := range c.Guidance.StopRules {
		h.Write([]byte(r))
		h.Write([]byte{0})
	}
	return strconv.FormatUint(h.Sum64(), 16)
}

// StopRulesReminder is the one line that stands for the rules once read.
const StopRulesReminder = "When to stop: sharp or growing pain, numbness, tingling, dizziness or chest pain. The full rules are in Home → Guidance."

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
	// StopRulesRead is the StopRulesVersion read in full ("" for none).
	StopRulesRead string
	// Nudges are the breaks offered between sessions and their answers,
	// oldest first, from a store that keeps them.
	Nudges []Nudge
}

// StopRulesRead records that the rules, as they are now, were read.
func StopRulesRead(c *content.Catalogue) Write {
	v := StopRulesVersion(c)
	return func(s Store) error { return s.SetPreference(PrefStopRules, v) }
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
	if k.StopRulesRead, err = s.Preference(PrefStopRules); err != nil {
		return k, err
	}
	if ns, ok := s.(NudgeStore); ok {
		if k.Nudges, err = ns.Nudges(time.Time{}); err != nil {
			return k, err
		}
	}
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
	h := plan.History{Sessions: st.Rated, Effects: map[string]plan.Effect{}, Gentler: k.Gentler,
		Hurt: map[string]bool{}, Steady: map[string]int{}, Rose: map[string]bool{}}
	// The last outcome of each technique decides: "this hurts" keeps it
	// out, doing it through again brings it back.
	for _, s := range k.Sessions {
		// Within one session "this hurts" on either side wins.
		hurt, done := map[string]bool{}, map[string]bool{}
		for _, step := range s.Steps {
			switch step.Outcome {
			case OutcomeHurt:
				hurt[step.Technique] = true
			case OutcomeDone:
				done[step.Technique] = true
			}
		}
		for id := range hurt {
			h.Hurt[id], h.Steady[id] = true, 0
			delete(done, id)
		}
		for id := range done {
			delete(h.Hurt, id)
		}
		if s.PainBefore == nil || s.PainAfter == nil {
			continue // an unrated session says nothing about the dose
		}
		rise := *s.PainAfter - *s.PainBefore
		for id := range done {
			switch {
			case rise >= 2:
				h.Steady[id], h.Rose[id] = 0, true
			case rise > 0:
				h.Steady[id], h.Rose[id] = 0, false
			default:
				h.Steady[id]++
				delete(h.Rose, id)
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
