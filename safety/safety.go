// Package safety is the safety check: the Gate asks the questions in the
// order and at the times that matter, and its answers become an outcome:
// emergency, see a clinician first, cautions that shape the plan, or
// clear. It is pure: questions come from content, time is passed in.
package safety

import (
	"maps"
	"slices"
	"time"

	"github.com/unknot/unknot/content"
)

// Outcome is what the answers mean for today's session.
type Outcome int

const (
	// Clear: no red flag and no caution.
	Clear Outcome = iota
	// Cautions: the session goes ahead, adapted (CLINICAL.md Tier C).
	Cautions
	// Clinician: see a clinician before self-treating; no guided session.
	Clinician
	// Emergency: call the emergency number now; nothing else is offered.
	Emergency
)

func (o Outcome) String() string {
	return [...]string{"clear", "cautions", "see a clinician first", "emergency"}[o]
}

// AllowsSession reports whether a guided session may start.
func (o Outcome) AllowsSession() bool { return o == Clear || o == Cautions }

// Result is the outcome of one safety screen.
type Result struct {
	Outcome Outcome
	// Trigger is the question whose "yes" stopped the session, if any.
	Trigger content.Question
	// Reason explains a stop that came from the intake rather than a
	// question (sharp pain, numbness, severe pain).
	Reason string
	// Cautions are the caution IDs answered yes, in question order.
	Cautions []string
	// Answers holds every answer given, by question ID (true = yes).
	Answers map[string]bool
	At      time.Time

	// Age is the age band given once (content.AgeBands).
	Age string
	// Checked is when the "get checked first" checklists were last asked
	// through; they stand for RecheckAfter.
	Checked time.Time
	// Assessed holds, by question ID, when the person said a doctor or
	// physio had assessed it and said gentle self-care is fine.
	Assessed map[string]time.Time
	// Advice lists advisory questions answered yes (their advice shown).
	Advice []string
	// Urgent lists the urgent signs of the checklist answered yes, when
	// that was the trigger.
	Urgent []content.Question
	// Flagged lists every "get checked first" sign picked with the
	// trigger, each with its own advice.
	Flagged []content.Question
}

// Assess reads answers to the questions. Questions are taken in order and
// the first "yes" in the emergency or clinician tier decides; caution
// answers are collected. A question without an answer counts as "no" only
// when a later tier was reached, so callers ask in order.
func Assess(questions []content.Question, answers map[string]bool, at time.Time) Result {
	r := Result{Outcome: Clear, Answers: answers, At: at}
	for _, q := range questions {
		if !answers[q.ID] {
			continue
		}
		switch q.Tier {
		case content.TierEmergency:
			r.Outcome, r.Trigger = Emergency, q
			return r
		case content.TierClinician:
			if r.Outcome < Clinician {
				r.Outcome, r.Trigger = Clinician, q
			}
		case content.TierCaution:
			if !slices.Contains(r.Cautions, q.Caution) {
				r.Cautions = append(r.Cautions, q.Caution)
			}
		}
	}
	if r.Outcome == Clear && len(r.Cautions) > 0 {
		r.Outcome = Cautions
	}
	return r
}

// StopsToday reports whether the result stops guided sessions for the rest
// of now's day: an emergency or clinician outcome given that day.
func (r Result) StopsToday(now time.Time) bool {
	if r.At.IsZero() || r.Outcome.AllowsSession() {
		return false
	}
	y, m, d := r.At.In(now.Location()).Date()
	ny, nm, nd := now.Date()
	return y == ny && m == nm && d == nd
}

// HasCaution reports whether a caution was recorded.
func (r Result) HasCaution(id string) bool { return slices.Contains(r.Cautions, id) }

// Escalate stops a result that allowed a session for a safety question
// answered yes later (asked again in the intake), at its tier's outcome.
func (r Result) Escalate(q content.Question) Result {
	o := Clinician
	if q.Tier == content.TierEmergency {
		o = Emergency
	}
	if r.Outcome > o {
		return r
	}
	r.Answers = maps.Clone(r.Answers)
	if r.Answers == nil {
		r.Answers = map[string]bool{}
	}
	r.Answers[q.ID] = true
	r.Outcome, r.Trigger, r.Reason = o, q, ""
	return r
}

// Refer turns a result that allowed a session into "see a clinician first"
// for a reason found later (the intake): sharp pain, numbness, severe pain.
func (r Result) Refer(reason string) Result {
	if r.Outcome == Emergency {
		return r
	}
	r.Outcome = Clinician
	r.Reason = reason
	r.Trigger = content.Question{}
	return r
}
