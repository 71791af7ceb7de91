package safety

import (
	"slices"
	"time"

	"github.com/unknot/unknot/content"
)

// The gate asks the safety questions in the order and at the times that
// matter (CLINICAL.md §0, §1), the same way for every front end:
//
//   - the age band, once (it leaves out questions that cannot apply and
//     ticks the 65-and-over caution);
//   - every session, "is this happening now?": the chest-pain question on
//     its own, then the other urgent signs as one checklist;
//   - the first time, then every RecheckAfter, the "get checked first"
//     questions as checklists; a yes asks which, and each one picked stops
//     the session, unless a doctor or physio has assessed it (assessable
//     questions, remembered for AssessedFor) or it is advisory;
//   - the cautions as one list, ticked as last time.
//
// Every question stays and routes as Assess routes it; only when and how it
// is asked differs. The gate is pure: it is given the time and the last
// result, and replays the answers given so far, so stepping back is
// dropping the last answer.

// How long answers last.
const (
	RecheckAfter = 7 * 24 * time.Hour  // the "get checked first" checklists
	AssessedFor  = 90 * 24 * time.Hour // "a clinician has assessed this"
)

// StepKind is what the gate asks next.
type StepKind int

const (
	StepAge       StepKind = iota // pick an age band (Choices)
	StepChest                     // Item, yes or no
	StepChecklist                 // Items: yes if any is true, no if none (no default)
	StepWhich                     // Items: tick the ones that are true
	StepAssessed                  // Item: has a doctor or physio assessed it? yes or no
	StepAdvice                    // Item: its advice (Why), then go on
	StepCautions                  // Items: tick the cautions (Ticked from last time)
	StepDone                      // Result is ready
)

// Step is one screen (or one block of lines) of the gate.
type Step struct {
	Kind   StepKind
	Group  content.Group      // StepChest, StepChecklist, StepWhich
	Items  []content.Question // StepChecklist, StepWhich, StepCautions
	Item   content.Question   // StepChest, StepAssessed, StepAdvice
	Ticked []string           // StepCautions: question IDs ticked before the person answers
}

// Answer answers a step: Yes for the yes/no steps; Picks (question IDs, or
// the age band) for StepAge, StepWhich and StepCautions. StepAdvice takes
// any answer.
type Answer struct {
	Yes   bool
	Picks []string
}

// Gate is one run of the safety check.
type Gate struct {
	s       content.Safety
	prev    Result
	now     time.Time
	full    bool // ask everything, age and checklists included
	recheck bool // only the weekly checklists, for new or worse pain
	answers []Answer

	step Step
	res  Result
}

// NewGate starts the check at now, after the last result prev (the zero
// Result the first time).
func NewGate(s content.Safety, prev Result, now time.Time) *Gate {
	g := &Gate{s: s, prev: prev, now: now}
	g.replay()
	return g
}

// NewCheckIn starts the whole check again, whatever is remembered: the age,
// the checklists and the cautions (Home → "Update my health answers").
func NewCheckIn(s content.Safety, prev Result, now time.Time) *Gate {
	g := &Gate{s: s, prev: prev, now: now, full: true}
	g.replay()
	return g
}

// NewRecheck asks the weekly checklists again, and nothing else, after the
// intake found the pain new or clearly worse; the rest of prev stands.
func NewRecheck(s content.Safety, prev Result, now time.Time) *Gate {
	g := &Gate{s: s, prev: prev, now: now, recheck: true}
	g.replay()
	return g
}

// Step is what to ask now.
func (g *Gate) Step() Step { return g.step }

// Answer answers the current step.
func (g *Gate) Answer(a Answer) {
	if g.step.Kind == StepDone {
		return
	}
	g.answers = append(g.answers, a)
	g.replay()
}

// Back steps back one answer; false at the first step.
func (g *Gate) Back() bool {
	if len(g.answers) == 0 {
		return false
	}
	g.answers = g.answers[:len(g.answers)-1]
	g.replay()
	return true
}

// Rechecking reports whether this is NewRecheck's check.
func (g *Gate) Rechecking() bool { return g.recheck }

// Done reports whether the check is over.
func (g *Gate) Done() bool { return g.step.Kind == StepDone }

// Result is the outcome, once Done.
func (g *Gate) Result() Result { return g.res }

// Asked reports how many answers were given.
func (g *Gate) Asked() int { return len(g.answers) }

// ChecklistDue reports whether the "get checked first" checklists are asked
// at now after prev: the first time, after RecheckAfter, and after a stop.
func ChecklistDue(prev Result, now time.Time) bool {
	return prev.Checked.IsZero() || now.Sub(prev.Checked) >= RecheckAfter || now.Before(prev.Checked) ||
		!prev.Outcome.AllowsSession()
}

// replay runs the check from the start over the answers given so far,
// up to the first step still to answer.
func (g *Gate) replay() {
	r := Result{Outcome: Clear, Answers: map[string]bool{}, At: g.now, Age: g.prev.Age,
		Checked: g.prev.Checked, Assessed: map[string]time.Time{}}
	for id, at := range g.prev.Assessed {
		if g.now.Sub(at) < AssessedFor {
			r.Assessed[id] = at
		}
	}
	p := &replayer{answers: g.answers}
	res := g.run(r, p)
	if p.pending != nil {
		g.step, g.res = *p.pending, Result{}
		return
	}
	g.step, g.res = Step{Kind: StepDone}, res
}

// replayer hands the recorded answers to run in order; at the first step
// without one it records the step and says to stop.
type replayer struct {
	answers []Answer
	next    int
	pending *Step
}

func (p *replayer) ask(s Step) (Answer, bool) {
	if p.next == len(p.answers) {
		p.pending = &s
		return Answer{}, false
	}
	p.next++
	return p.answers[p.next-1], true
}

// run asks everything in order and returns the result; it returns early
// (the result unused) when an answer is still to come.
func (g *Gate) run(r Result, p *replayer) Result {
	if g.recheck {
		return g.recheckRun(r, p)
	}
	if r.Age == "" || g.full {
		a, ok := p.ask(Step{Kind: StepAge})
		if !ok {
			return r
		}
		if len(a.Picks) > 0 && slices.Contains(content.AgeBands, a.Picks[0]) {
			r.Age = a.Picks[0]
		}
	}
	// Every session: is this happening now?
	for _, q := range g.in(content.GroupChest, r.Age) {
		a, ok := p.ask(Step{Kind: StepChest, Group: g.group(content.GroupChest), Item: q})
		if !ok {
			return r
		}
		r.Answers[q.ID] = a.Yes
		if a.Yes {
			return r.stop(Emergency, q)
		}
	}
	if urgent := g.in(content.GroupUrgent, r.Age); len(urgent) > 0 {
		grp := g.group(content.GroupUrgent)
		a, ok := p.ask(Step{Kind: StepChecklist, Group: grp, Items: urgent})
		if !ok {
			return r
		}
		for _, q := range urgent {
			r.Answers[q.ID] = a.Yes // which one is not asked: time matters
		}
		if a.Yes {
			r.Urgent = urgent
			return r.stop(Emergency, content.Question{ID: grp.ID, Text: grp.Title, Why: grp.Why, Tier: content.TierEmergency})
		}
	}
	// The first time, then weekly: get checked first.
	if g.full || ChecklistDue(g.prev, g.now) {
		var ok bool
		if r, ok = g.checklists(r, p); !ok || !r.Outcome.AllowsSession() {
			return r
		}
		r.Checked = g.now
	} else {
		// Still current: keep the answers that stood.
		for _, q := range g.s.Questions {
			if q.Tier == content.TierClinician {
				r.Answers[q.ID] = g.prev.Answers[q.ID]
			}
		}
		r.Advice = g.prev.Advice
	}
	// Cautions, remembered.
	cautions := g.cautionQuestions()
	a, ok := p.ask(Step{Kind: StepCautions, Items: cautions, Ticked: g.ticked(cautions, r.Age)})
	if !ok {
		return r
	}
	for _, q := range cautions {
		yes := slices.Contains(a.Picks, q.ID)
		r.Answers[q.ID] = yes
		if yes && !slices.Contains(r.Cautions, q.Caution) {
			r.Cautions = append(r.Cautions, q.Caution)
		}
	}
	if len(r.Cautions) > 0 {
		r.Outcome = Cautions
	}
	return r
}

// recheckRun asks the weekly checklists on top of prev.
func (g *Gate) recheckRun(r Result, p *replayer) Result {
	r.Outcome, r.Cautions, r.Advice = g.prev.Outcome, g.prev.Cautions, g.prev.Advice
	for id, yes := range g.prev.Answers {
		r.Answers[id] = yes
	}
	r, ok := g.checklists(r, p)
	if !ok || !r.Outcome.AllowsSession() {
		return r
	}
	r.Checked = g.now
	return r
}

// checklists asks the "get checked first" checklists; false when an answer
// is still to come.
func (g *Gate) checklists(r Result, p *replayer) (Result, bool) {
	for _, grp := range g.s.Groups {
		items := g.in(grp.ID, r.Age)
		if grp.ID == content.GroupChest || grp.ID == content.GroupUrgent || len(items) == 0 {
			continue
		}
		for _, q := range items {
			r.Answers[q.ID] = false
		}
		a, ok := p.ask(Step{Kind: StepChecklist, Group: grp, Items: items})
		if !ok {
			return r, false
		}
		if !a.Yes {
			continue
		}
		which, ok := p.ask(Step{Kind: StepWhich, Group: grp, Items: items})
		if !ok {
			return r, false
		}
		for _, q := range items {
			if slices.Contains(which.Picks, q.ID) {
				r.Answers[q.ID] = true
			}
		}
		for i, q := range items {
			if !slices.Contains(which.Picks, q.ID) {
				continue
			}
			switch {
			case q.Advisory:
				if _, ok := p.ask(Step{Kind: StepAdvice, Item: q}); !ok {
					return r, false
				}
				r.Advice = append(r.Advice, q.ID)
				continue
			case q.Assessable && !r.Assessed[q.ID].IsZero():
				continue // assessed within AssessedFor: fine to go on
			case q.Assessable:
				seen, ok := p.ask(Step{Kind: StepAssessed, Item: q})
				if !ok {
					return r, false
				}
				if seen.Yes {
					r.Assessed[q.ID] = g.now
					continue
				}
			}
			// Every sign picked that is not advised on or assessed goes
			// with the trigger, each with its advice.
			for _, o := range items[i:] {
				if slices.Contains(which.Picks, o.ID) && !o.Advisory && r.Assessed[o.ID].IsZero() {
					r.Flagged = append(r.Flagged, o)
				}
			}
			return r.stop(Clinician, q), true
		}
	}
	return r, true
}

// stop ends the check with a stop outcome.
func (r Result) stop(o Outcome, trigger content.Question) Result {
	r.Outcome, r.Trigger = o, trigger
	return r
}

// in lists a group's questions asked in the age band.
func (g *Gate) in(group, age string) []content.Question {
	var out []content.Question
	for _, q := range g.s.InGroup(group) {
		if q.AskedAt(age) {
			out = append(out, q)
		}
	}
	return out
}

func (g *Gate) group(id string) content.Group {
	for _, grp := range g.s.Groups {
		if grp.ID == id {
			return grp
		}
	}
	return content.Group{ID: id}
}

func (g *Gate) cautionQuestions() []content.Question {
	var out []content.Question
	for _, q := range g.s.Questions {
		if q.Tier == content.TierCaution {
			out = append(out, q)
		}
	}
	return out
}

// ticked is the cautions to tick before the person answers: last time's,
// and those the age band answers.
func (g *Gate) ticked(cautions []content.Question, age string) []string {
	var out []string
	for _, q := range cautions {
		if g.prev.Answers[q.ID] || (q.TickedFromAge != "" && content.AgeAtLeast(age, q.TickedFromAge)) {
			out = append(out, q.ID)
		}
	}
	return out
}
