package session

import (
	"math"
	"time"
)

// Phase is where the session is.
type Phase int

const (
	PhaseReady  Phase = iota // built, not started
	PhaseRest                // resting between repetitions or stages
	PhaseLeadIn              // getting into position before a hold
	PhaseHold                // the hold itself
	PhaseDone                // every step has ended
)

func (p Phase) String() string {
	return [...]string{"ready", "rest", "lead-in", "hold", "done"}[p]
}

// Outcome is how a step ended.
type Outcome int

const (
	OutcomePending Outcome = iota // not ended yet
	OutcomeDone                   // held to the end
	OutcomeSkipped                // skipped before the hold began
	OutcomePartial                // skipped or stopped part-way through the hold
	OutcomeHurt                   // stopped with "this hurts"
)

var outcomeNames = [...]string{"pending", "done", "skipped", "partial", "hurt"}

func (o Outcome) String() string { return outcomeNames[o] }

// ParseOutcome reads an outcome as String writes it; an unknown word
// reads as pending.
func ParseOutcome(s string) Outcome {
	for i, name := range outcomeNames {
		if name == s {
			return Outcome(i)
		}
	}
	return OutcomePending
}

// Record is one step's result.
type Record struct {
	Outcome Outcome
	// Actual is the time spent in the hold, pauses excluded.
	Actual time.Duration
	// Planned is the hold length when the step ended (after any ±15 s).
	Planned time.Duration
}

// EventKind names what happened, for the UI's cues.
type EventKind int

const (
	EventStepStarted   EventKind = iota // a step began: its rest, its lead-in, or its hold when it has neither
	EventSwitchSides                    // the new step is the other side of the same technique
	EventHoldStarted                    // the lead-in ended and the hold began
	EventHalfway                        // half of a hold of 30 s or more has passed
	EventStepDone                       // a step ended (any outcome)
	EventSessionDone                    // the last step ended
	EventRestStarted                    // the step began with its rest
	EventLeadInStarted                  // a rest ended and the lead-in began
)

func (k EventKind) String() string {
	return [...]string{"step started", "switch sides", "hold started", "halfway", "step done", "session done", "rest started", "lead-in started"}[k]
}

// Event is something the UI may want to announce.
type Event struct {
	Kind EventKind
	Step int
}

// Adjustment is how much + and - change a hold, and the least that - leaves.
const (
	Adjustment   = 15 * time.Second
	MinRemaining = 5 * time.Second
	// HalfwayFrom is the shortest hold that gets a "halfway" cue.
	HalfwayFrom = 30 * time.Second
)

// Session runs a list of steps against times it is given. The zero value is
// not usable; build one with New.
type Session struct {
	steps   []Step
	records []Record

	cur      int
	phase    Phase
	paused   bool
	deadline time.Time     // when the current phase ends, while running
	left     time.Duration // what was left of the phase when paused
	hold     time.Duration // the current step's hold length, after ±15 s
	halfway  bool          // the halfway cue has fired for this hold
	// holds is each step's hold as it ran or will run: the planned one,
	// changed by ± on the step; Progress counts the session by it.
	holds []time.Duration

	started, ended time.Time
}

// New builds a session over steps. It does not start the clock.
func New(steps []Step) *Session {
	holds := make([]time.Duration, len(steps))
	for i, st := range steps {
		holds[i] = st.Hold
	}
	return &Session{
		steps:   steps,
		records: make([]Record, len(steps)),
		holds:   holds,
	}
}

// Steps returns the session's steps (shared; do not modify).
func (s *Session) Steps() []Step { return s.steps }

// Records returns a copy of every step's result so far.
func (s *Session) Records() []Record { return append([]Record(nil), s.records...) }

// Index is the current step's position (0-based).
func (s *Session) Index() int { return s.cur }

// Current returns the current step; ok is false when there are no steps.
func (s *Session) Current() (Step, bool) {
	if s.cur < 0 || s.cur >= len(s.steps) {
		return Step{}, false
	}
	return s.steps[s.cur], true
}

// Next returns the step after the current one, if any.
func (s *Session) Next() (Step, bool) {
	if s.cur+1 >= len(s.steps) {
		return Step{}, false
	}
	return s.steps[s.cur+1], true
}

// Phase is where the session is now (call Tick first to bring it up to date).
func (s *Session) Phase() Phase { return s.phase }

// Paused reports whether the clock is stopped.
func (s *Session) Paused() bool { return s.paused }

// Running reports whether a rest, lead-in or hold is counting down.
func (s *Session) Running() bool {
	return s.active() && !s.paused
}

// Hold is the current step's hold length, after any ±15 s.
func (s *Session) Hold() time.Duration { return s.hold }

// Started and Ended are when the session started and ended (zero if not yet).
func (s *Session) Started() time.Time { return s.started }
func (s *Session) Ended() time.Time   { return s.ended }

// Remaining is what is left of the current phase at now.
func (s *Session) Remaining(now time.Time) time.Duration {
	switch {
	case !s.active():
		return 0
	case s.paused:
		return s.left
	}
	return max(s.deadline.Sub(now), 0)
}

// HoldElapsed is the time spent in the current hold at now, pauses excluded.
func (s *Session) HoldElapsed(now time.Time) time.Duration {
	if s.phase != PhaseHold {
		return 0
	}
	return s.hold - s.Remaining(now)
}

// Start begins the first step at now.
func (s *Session) Start(now time.Time) []Event {
	if s.phase != PhaseReady {
		return nil
	}
	s.started = now
	if len(s.steps) == 0 {
		s.phase = PhaseDone
		s.ended = now
		return []Event{{Kind: EventSessionDone}}
	}
	return s.begin(0, now, false, nil)
}

// begin enters step i at `at`: its rest when rest is set and it has one
// (arriving from the step before, not going back), else its lead-in, or
// its hold when it has no lead-in.
func (s *Session) begin(i int, at time.Time, rest bool, ev []Event) []Event {
	prev := s.cur
	s.cur = i
	st := s.steps[i]
	s.hold = st.Hold
	s.holds[i] = st.Hold // a step begun again runs its planned length again
	s.halfway = false
	ev = append(ev, Event{Kind: EventStepStarted, Step: i})
	if i > 0 && prev == i-1 && s.steps[prev].Item == st.Item && s.steps[prev].Side != st.Side {
		ev = append(ev, Event{Kind: EventSwitchSides, Step: i})
	}
	if rest && st.Rest > 0 {
		s.phase = PhaseRest
		s.setPhaseLength(st.Rest, at)
		return append(ev, Event{Kind: EventRestStarted, Step: i})
	}
	return s.enterLeadIn(at, ev)
}

// enterLeadIn starts the current step's lead-in, or its hold when it has
// none.
func (s *Session) enterLeadIn(at time.Time, ev []Event) []Event {
	st := s.steps[s.cur]
	if st.LeadIn <= 0 {
		return s.enterHold(at, ev)
	}
	s.phase = PhaseLeadIn
	s.setPhaseLength(st.LeadIn, at)
	return ev
}

func (s *Session) enterHold(at time.Time, ev []Event) []Event {
	s.phase = PhaseHold
	s.setPhaseLength(s.hold, at)
	return append(ev, Event{Kind: EventHoldStarted, Step: s.cur})
}

// setPhaseLength starts a phase of length d at `at`, keeping a pause.
func (s *Session) setPhaseLength(d time.Duration, at time.Time) {
	if s.paused {
		s.left = d
		return
	}
	s.deadline = at.Add(d)
}

// Tick brings the session up to now, firing every transition whose moment
// has passed, each at its own deadline (so a late tick loses no time).
func (s *Session) Tick(now time.Time) []Event {
	var ev []Event
	for s.Running() {
		if s.phase == PhaseHold && !s.halfway && s.hold >= HalfwayFrom {
			if half := s.deadline.Add(-s.hold / 2); !now.Before(half) {
				s.halfway = true
				ev = append(ev, Event{Kind: EventHalfway, Step: s.cur})
			}
		}
		if now.Before(s.deadline) {
			break
		}
		at := s.deadline
		switch s.phase {
		case PhaseRest:
			if s.steps[s.cur].LeadIn > 0 {
				ev = append(ev, Event{Kind: EventLeadInStarted, Step: s.cur})
			}
			ev = s.enterLeadIn(at, ev)
			continue
		case PhaseLeadIn:
			ev = s.enterHold(at, ev)
			continue
		}
		ev = s.finishStep(Record{Outcome: OutcomeDone, Actual: s.hold, Planned: s.hold}, at, ev)
	}
	return ev
}

// finishStep records the current step and moves on to the next one.
func (s *Session) finishStep(r Record, at time.Time, ev []Event) []Event {
	s.records[s.cur] = r
	ev = append(ev, Event{Kind: EventStepDone, Step: s.cur})
	return s.advanceTo(s.cur+1, at, ev)
}

func (s *Session) advanceTo(i int, at time.Time, ev []Event) []Event {
	if i >= len(s.steps) {
		s.phase = PhaseDone
		s.paused = false
		s.ended = at
		return append(ev, Event{Kind: EventSessionDone, Step: len(s.steps) - 1})
	}
	return s.begin(i, at, true, ev)
}

// Pause stops the clock at now.
func (s *Session) Pause(now time.Time) []Event {
	ev := s.Tick(now)
	if s.Running() {
		s.left = s.Remaining(now)
		s.paused = true
	}
	return ev
}

// Resume starts the clock again at now with what was left.
func (s *Session) Resume(now time.Time) []Event {
	if !s.paused {
		return nil
	}
	s.paused = false
	s.deadline = now.Add(s.left)
	return s.Tick(now)
}

// TogglePause pauses a running session or resumes a paused one.
func (s *Session) TogglePause(now time.Time) []Event {
	if s.paused {
		return s.Resume(now)
	}
	return s.Pause(now)
}

// cutShort is the record of a step left before its end.
func (s *Session) cutShort(now time.Time, outcome Outcome) Record {
	r := Record{Outcome: outcome, Planned: s.hold}
	if s.phase == PhaseHold {
		r.Actual = s.HoldElapsed(now)
	}
	if outcome == OutcomeSkipped && r.Actual > 0 {
		r.Outcome = OutcomePartial
	}
	return r
}

func (s *Session) active() bool {
	return s.phase == PhaseRest || s.phase == PhaseLeadIn || s.phase == PhaseHold
}

// Skip ends the current step now (skipped, or partial if the hold had
// begun) and moves to the next. Skipping the last step ends the session.
func (s *Session) Skip(now time.Time) []Event {
	ev := s.Tick(now)
	if !s.active() {
		return ev
	}
	return s.finishStep(s.cutShort(now, OutcomeSkipped), now, ev)
}

// Hurt stops the current technique now ("this hurts"): the step is
// recorded as hurt, the technique's remaining holds as skipped (each with
// its own step-done event), and the session goes on with the next technique.
func (s *Session) Hurt(now time.Time) []Event {
	ev := s.Tick(now)
	if !s.active() {
		return ev
	}
	s.records[s.cur] = s.cutShort(now, OutcomeHurt)
	ev = append(ev, Event{Kind: EventStepDone, Step: s.cur})
	item := s.steps[s.cur].Item
	next := s.cur + 1
	for next < len(s.steps) && s.steps[next].Item == item {
		s.records[next] = Record{Outcome: OutcomeSkipped, Planned: s.steps[next].Hold}
		ev = append(ev, Event{Kind: EventStepDone, Step: next})
		next++
	}
	return s.advanceTo(next, now, ev)
}

// Back returns to the previous step's lead-in (without its rest); on the
// first step it starts that step again. The left step's result is kept
// as it was.
func (s *Session) Back(now time.Time) []Event {
	ev := s.Tick(now)
	if s.phase == PhaseReady {
		return ev
	}
	target := s.cur - 1
	if s.phase == PhaseDone {
		target = len(s.steps) - 1
		s.ended = time.Time{}
	}
	if len(s.steps) == 0 {
		return ev
	}
	return s.begin(max(target, 0), now, false, ev)
}

// Restart starts the current hold (or rest, or lead-in) again from the
// full length.
func (s *Session) Restart(now time.Time) []Event {
	ev := s.Tick(now)
	switch s.phase {
	case PhaseRest:
		s.setPhaseLength(s.steps[s.cur].Rest, now)
	case PhaseLeadIn:
		s.setPhaseLength(s.steps[s.cur].LeadIn, now)
	case PhaseHold:
		s.halfway = false
		s.setPhaseLength(s.hold, now)
	}
	return ev
}

// Extend adds d to the current hold (d may be negative). During the hold,
// taking time off never leaves less than MinRemaining (and takes nothing
// when less than that is already left). During the rest or the lead-in it
// changes the coming hold, which stays at least MinRemaining long.
func (s *Session) Extend(now time.Time, d time.Duration) []Event {
	ev := s.Tick(now)
	// + stops at the technique's limit today (CLINICAL.md §2: never more
	// than 2 minutes on one spot).
	limit := time.Duration(math.MaxInt64)
	if st, ok := s.Current(); ok && st.MaxHold > 0 {
		limit = st.MaxHold
	}
	switch s.phase {
	case PhaseRest, PhaseLeadIn:
		s.hold = min(max(s.hold+d, MinRemaining), max(limit, s.hold))
	case PhaseHold:
		left := s.Remaining(now)
		newLeft := left + d
		if d < 0 {
			newLeft = max(newLeft, min(left, MinRemaining))
		} else {
			newLeft = min(newLeft, max(left, limit-(s.hold-left)))
		}
		change := newLeft - left
		s.hold += change
		if s.paused {
			s.left = newLeft
		} else {
			s.deadline = s.deadline.Add(change)
		}
	}
	if s.cur < len(s.holds) && s.phase != PhaseDone {
		s.holds[s.cur] = s.hold
	}
	return ev
}

// Stop ends the session early at now (quitting): the current step is
// recorded as skipped or partial and the rest stay pending.
func (s *Session) Stop(now time.Time) []Event {
	ev := s.Tick(now)
	if !s.active() {
		return ev
	}
	s.records[s.cur] = s.cutShort(now, OutcomeSkipped)
	s.phase = PhaseDone
	s.paused = false
	s.ended = now
	return append(ev, Event{Kind: EventStepDone, Step: s.cur})
}

// NextWake is how long until the display next needs to change: the moment
// the shown whole second changes, the halfway point, or the phase's end,
// whichever is first, plus a millisecond so the tick lands past the edge.
// ok is false when nothing is counting down.
func (s *Session) NextWake(now time.Time) (d time.Duration, ok bool) {
	if !s.Running() {
		return 0, false
	}
	r := s.Remaining(now)
	d = r % time.Second
	if d == 0 {
		d = min(r, time.Second)
	}
	if s.phase == PhaseHold && !s.halfway && s.hold >= HalfwayFrom {
		if h := r - s.hold/2; h > 0 && h < d {
			d = h
		}
	}
	return d + time.Millisecond, true
}

// ShownSeconds is the countdown as displayed: remaining time rounded up, so
// a 30 s hold shows 30 at its start and 1 in its last second.
func ShownSeconds(remaining time.Duration) int {
	return int((remaining + time.Second - 1) / time.Second)
}

// Progress says how far through the whole session the person is.
func (s *Session) Progress(now time.Time) (done, total time.Duration) {
	// Counted with each hold as it runs (± included), so the total grows
	// when + lengthens a hold.
	length := func(i int) time.Duration { return s.steps[i].Rest + s.steps[i].LeadIn + s.holds[i] }
	for i := range s.steps {
		total += length(i)
	}
	if s.phase == PhaseDone {
		return total, total
	}
	for i := range s.cur {
		done += length(i)
	}
	st := s.steps[s.cur]
	switch s.phase {
	case PhaseRest:
		done += st.Rest - s.Remaining(now)
	case PhaseLeadIn:
		done += st.Rest + st.LeadIn - s.Remaining(now)
	case PhaseHold:
		done += st.Rest + st.LeadIn + min(s.HoldElapsed(now), s.hold)
	}
	return done, total
}

// Summary counts outcomes and the time spent holding.
type Summary struct {
	Done, Skipped, Partial, Hurt, Pending int
	Held                                  time.Duration
	HurtNames                             []string
}

// NothingDone reports whether every step that ended was skipped: none
// done, cut short or hurt. A session that ends so is not a completed one.
func (sum Summary) NothingDone() bool {
	return sum.Skipped > 0 && sum.Done+sum.Partial+sum.Hurt == 0
}

// Summary tallies the records.
func (s *Session) Summary() Summary {
	var sum Summary
	for i, r := range s.records {
		sum.Count(r.Outcome, r.Actual)
		if r.Outcome == OutcomeHurt {
			sum.HurtNames = append(sum.HurtNames, s.steps[i].Label())
		}
	}
	return sum
}

// Count adds one step that ended with o after held in the hold. It is the
// one tally behind every count of outcomes: a running session's (the
// finish screen, the line printed on leaving) and a past one's from the
// journal (the history).
func (sum *Summary) Count(o Outcome, held time.Duration) {
	sum.Held += held
	switch o {
	case OutcomeDone:
		sum.Done++
	case OutcomeSkipped:
		sum.Skipped++
	case OutcomePartial:
		sum.Partial++
	case OutcomeHurt:
		sum.Hurt++
	default:
		sum.Pending++
	}
}

// Steps is the number of steps counted.
func (sum Summary) Steps() int { return sum.Done + sum.Skipped + sum.Partial + sum.Hurt + sum.Pending }
