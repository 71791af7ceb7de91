package coach

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
)

// Session statuses.
const (
	StatusRunning     = "running"
	StatusCompleted   = "completed"
	StatusQuit        = "quit"
	StatusInterrupted = "interrupted"
)

// Step outcomes (as session.Outcome prints them).
const (
	OutcomeDone    = "done"
	OutcomeSkipped = "skipped"
	OutcomePartial = "partial"
	OutcomeHurt    = "hurt"
)

// Session is one guided session. Field names are the stable JSON export.
type Session struct {
	ID         string     `json:"id"`
	Started    time.Time  `json:"started"`
	Ended      *time.Time `json:"ended"`
	Status     string     `json:"status"`
	Title      string     `json:"title"`
	Program    string     `json:"program"`
	Day        int        `json:"day"`
	Plan       []PlanItem `json:"plan"`
	PainBefore *int       `json:"pain_before"`
	PainAfter  *int       `json:"pain_after"`
	Note       string     `json:"note"`
	Steps      []Step     `json:"steps"`
}

// PlanItem is one technique of the plan as it was started.
type PlanItem struct {
	Technique   string `json:"technique"`
	HoldSeconds int    `json:"hold_seconds"`
}

// Step is how one hold ended.
type Step struct {
	Index          int       `json:"index"`
	Technique      string    `json:"technique"`
	Side           string    `json:"side"`
	Rep            int       `json:"rep"`
	Outcome        string    `json:"outcome"`
	PlannedSeconds float64   `json:"planned_seconds"`
	ActualSeconds  float64   `json:"actual_seconds"`
	Ended          time.Time `json:"ended"`
}

// StepOf is the record of step i of a running session as it stands, ended
// at ended.
func StepOf(i int, st session.Step, r session.Record, ended time.Time) Step {
	return Step{Index: i, Technique: st.TechniqueID, Side: st.Side.String(), Rep: st.Rep,
		Outcome: r.Outcome.String(), PlannedSeconds: r.Planned.Seconds(), ActualSeconds: r.Actual.Seconds(), Ended: ended}
}

// Change is pain after minus pain before, when both were given.
func (s Session) Change() (int, bool) {
	if s.PainBefore == nil || s.PainAfter == nil {
		return 0, false
	}
	return *s.PainAfter - *s.PainBefore, true
}

// Duration is how long the session ran (0 for one not ended).
func (s Session) Duration() time.Duration {
	if s.Ended == nil {
		return 0
	}
	return s.Ended.Sub(s.Started)
}

// SafetyRecord is one safety screen's answers, as the journal keeps them.
type SafetyRecord struct {
	At       time.Time
	Outcome  string
	Answers  map[string]bool // question ID → yes
	Cautions []string
	Reason   string
	Profile  SafetyProfile
}

// SafetyProfile is what the safety check remembers beyond its answers.
type SafetyProfile struct {
	Age      string               `json:"age,omitempty"`      // age band
	Checked  time.Time            `json:"checked,omitzero"`   // the weekly checklists, last asked through
	Assessed map[string]time.Time `json:"assessed,omitempty"` // question ID → when a clinician's assessment was reported
	Advice   []string             `json:"advice,omitempty"`   // advisory questions answered yes
}

// Progress is how far through a multi-day program the person is: the next
// day to do, of days.
type Progress struct {
	Program string
	Day     int
	Days    int
	Updated time.Time
}

// Done reports whether every day has been done.
func (p Progress) Done() bool { return p.Day > p.Days }

// NewID makes a session ID that sorts by start time and is unique enough
// for one person's journal. It reads no random device, so a front end may
// call it while handling a key.
func NewID(now time.Time) string {
	return fmt.Sprintf("%s-%06x", now.UTC().Format("20060102-150405"), rand.Uint32()&0xffffff)
}

// Summary counts s's steps as the finish screen counted them when it ended
// (session.Summary.Count): each recorded step by its outcome, and the
// steps of its plan never recorded (after a quit or a crash) as not
// reached.
func (s Session) Summary(c *content.Catalogue) session.Summary {
	var sum session.Summary
	for _, st := range s.Steps {
		held := time.Duration(math.Round(st.ActualSeconds * float64(time.Second)))
		sum.Count(session.ParseOutcome(st.Outcome), held)
	}
	sum.Pending += max(s.plannedSteps(c)-len(s.Steps), 0)
	return sum
}

// plannedSteps is how many steps s started with: the holds of its plan's
// techniques as the catalogue has them, with its program day's reps; never
// fewer than the steps recorded. A technique no longer in the catalogue
// counts only its recorded steps.
func (s Session) plannedSteps(c *content.Catalogue) int {
	reps := map[string]int{}
	if p, ok := c.Program(s.Program); ok {
		for _, it := range p.Day(s.Day) {
			reps[it.Technique] = it.Reps
		}
	}
	n := 0
	for _, it := range s.Plan {
		if t, ok := c.Resolve(content.ProgramItem{Technique: it.Technique, Reps: reps[it.Technique]}); ok {
			n += t.Dosage.Holds()
		}
	}
	for _, st := range s.Steps {
		n = max(n, st.Index+1)
	}
	return n
}
