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
	// LastIntake reads the newest intake that answered the personal
	// plan's questions (it has a Duration), skipping repeats and routines.
	LastIntake(v any) (bool, error)
	SetProgress(Progress) error
	InProgress() ([]Progress, error)
	SetPreference(key, value string) error
	Preference(key string) (string, error)
	// SessionsBetween lists the sessions started at or after from (any
	// when zero) and before to (any when zero), oldest first, with steps.
	SessionsBetween(from, to time.Time) ([]Session, error)
	// SessionPage lists up to n sessions started before before (any when
	// zero), newest first, with steps: the History screen's pages.
	SessionPage(before time.Time, n int) ([]Session, error)
	// LoadTally returns the saved tally (nil when there is none). A
	// store drops it whenever a session started before its through time
	// is written, so what it returns is never stale.
	LoadTally() ([]byte, error)
	SaveTally(through time.Time, data []byte) error
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

// StopRulesReminder is the one line that stands for the rules once read;
// each front end adds how to see them in full there.
const StopRulesReminder = "When to stop: sharp or growing pain, numbness, tingling, dizziness or chest pain."

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

// Known is what the journal knows that shapes the coaching: a tally of
// the sessions before today, today's sessions (oldest first), programs
// under way, and whether the next plan should be gentler. Reading it
// costs the same after a week or after ten years.
type Known struct {
	// Tally holds the sessions started before Tally.Through; nil for
	// none.
	Tally *Tally
	// Recent are the sessions since, oldest first.
	Recent   []Session
	Progress []Progress
	Gentler  bool
	// LastIntake is the last personal intake's answers, to offer again
	// (nil when there are none): a repeat or routine in between leaves
	// them as they were.
	LastIntake *plan.Intake
	// StopRulesRead is the StopRulesVersion read in full ("" for none).
	StopRulesRead string
	// Nudges are the breaks offered between sessions in the last seven
	// days and their answers, oldest first, from a store that keeps them.
	Nudges []Nudge
}

// StopRulesRead records that the rules, as they are now, were read.
func StopRulesRead(c *content.Catalogue) Write {
	v := StopRulesVersion(c)
	return func(s Store) error { return s.SetPreference(PrefStopRules, v) }
}

// HistoryPage is how many sessions the History screen reads at a time.
const HistoryPage = 100

// Load reads what the journal knows as of now.
func Load(s Store, now time.Time) (Known, error) {
	var k Known
	var err error
	if k.Tally, k.Recent, err = loadSessions(s, now); err != nil {
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
		y, m, d := now.Date()
		week := time.Date(y, m, d-6, 0, 0, 0, 0, now.Location()) // what History sums up
		if k.Nudges, err = ns.Nudges(week); err != nil {
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

// all is the tally with the recent sessions added: every session.
func (k Known) all(loc *time.Location) *Tally {
	var t *Tally
	if k.Tally != nil && k.Tally.Zone == zoneName(loc) {
		t = k.Tally.clone()
	} else {
		t = newTally(loc)
	}
	for _, s := range k.Recent {
		t.add(s, loc)
	}
	return t
}

// Stats sums up every session for the History screen as of now.
func (k Known) Stats(now time.Time) Stats {
	return k.all(now.Location()).stats(now)
}

// Habit is the habit's goal and streak as of now.
func (k Known) Habit(now time.Time) Habit {
	return k.all(now.Location()).Habit.at(now)
}

// Last is the last session.
func (k Known) Last() (Session, bool) {
	if n := len(k.Recent); n > 0 {
		return k.Recent[n-1], true
	}
	if k.Tally != nil && k.Tally.Last != nil {
		return *k.Tally.Last, true
	}
	return Session{}, false
}

// lastProgram is the last session of a program.
func (k Known) lastProgram() (Session, bool) {
	for i := len(k.Recent) - 1; i >= 0; i-- {
		if k.Recent[i].Program != "" {
			return k.Recent[i], true
		}
	}
	if k.Tally != nil && k.Tally.LastProgram != nil {
		return *k.Tally.LastProgram, true
	}
	return Session{}, false
}

// History is what the plan builder uses from the journal as of now: how
// many sessions have pain before and after, each technique's average
// change in them and last outcome, and whether to be gentler.
func (k Known) History(now time.Time) plan.History {
	return k.all(now.Location()).history(k.Gentler)
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
	if last := k.lastPain(); last != nil {
		return in.Pain-*last >= plan.GentlerFrom
	}
	return false
}

// lastPain is the last pain score known: after, else before, of the last
// session that has one.
func (k Known) lastPain() *int {
	for i := len(k.Recent) - 1; i >= 0; i-- {
		if p := k.Recent[i].PainAfter; p != nil {
			return p
		}
		if p := k.Recent[i].PainBefore; p != nil {
			return p
		}
	}
	if k.Tally != nil {
		return k.Tally.LastPain
	}
	return nil
}
