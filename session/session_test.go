package session

import (
	"slices"
	"testing"
	"time"

	"github.com/unknot/unknot/content"
)

var t0 = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return t0.Add(d) }

const s = time.Second

// three steps: a 10 s hold, then a 40 s bilateral technique (left, right),
// each with a 5 s lead-in.
func testSteps() []Step {
	return []Step{
		{TechniqueID: "a", Name: "A", Hold: 10 * s, LeadIn: 5 * s, Item: 0, Reps: 1, Rep: 1},
		{TechniqueID: "b", Name: "B", Side: SideLeft, Hold: 40 * s, LeadIn: 5 * s, Item: 1, Reps: 1, Rep: 1},
		{TechniqueID: "b", Name: "B", Side: SideRight, Hold: 40 * s, LeadIn: 5 * s, Item: 1, Reps: 1, Rep: 1},
	}
}

func kinds(ev []Event) []EventKind {
	out := make([]EventKind, len(ev))
	for i, e := range ev {
		out[i] = e.Kind
	}
	return out
}

// op is one operation applied at an offset from t0.
type op struct {
	at   time.Duration
	name string // start, tick, pause, resume, skip, back, plus, minus, restart, hurt, stop
}

func apply(ss *Session, o op) []Event {
	now := at(o.at)
	switch o.name {
	case "start":
		return ss.Start(now)
	case "tick":
		return ss.Tick(now)
	case "pause":
		return ss.Pause(now)
	case "resume":
		return ss.Resume(now)
	case "skip":
		return ss.Skip(now)
	case "back":
		return ss.Back(now)
	case "plus":
		return ss.Extend(now, Adjustment)
	case "minus":
		return ss.Extend(now, -Adjustment)
	case "restart":
		return ss.Restart(now)
	case "hurt":
		return ss.Hurt(now)
	case "stop":
		return ss.Stop(now)
	}
	panic("unknown op " + o.name)
}

func TestTransitions(t *testing.T) {
	tests := []struct {
		name       string
		ops        []op
		check      time.Duration // when to read the state
		wantStep   int
		wantPhase  Phase
		wantLeft   time.Duration
		wantPaused bool
		wantLast   []EventKind // events of the last op
	}{
		{
			name:      "start enters the first lead-in",
			ops:       []op{{0, "start"}},
			wantPhase: PhaseLeadIn, wantLeft: 5 * s,
			wantLast: []EventKind{EventStepStarted},
		},
		{
			name:      "hold remaining at +3.5 s into the hold",
			ops:       []op{{0, "start"}, {8500 * time.Millisecond, "tick"}},
			check:     8500 * time.Millisecond,
			wantPhase: PhaseHold, wantLeft: 6500 * time.Millisecond,
			wantLast: []EventKind{EventHoldStarted},
		},
		{
			name:      "tick exactly on the lead-in deadline starts the hold",
			ops:       []op{{0, "start"}, {5 * s, "tick"}},
			check:     5 * s,
			wantPhase: PhaseHold, wantLeft: 10 * s,
			wantLast: []EventKind{EventHoldStarted},
		},
		{
			name:      "tick exactly on the hold deadline ends the step",
			ops:       []op{{0, "start"}, {15 * s, "tick"}},
			check:     15 * s,
			wantStep:  1,
			wantPhase: PhaseLeadIn, wantLeft: 5 * s,
			wantLast: []EventKind{EventHoldStarted, EventStepDone, EventStepStarted},
		},
		{
			name:      "a millisecond before the deadline the hold is still on",
			ops:       []op{{0, "start"}, {15*s - time.Millisecond, "tick"}},
			check:     15*s - time.Millisecond,
			wantPhase: PhaseHold, wantLeft: time.Millisecond,
			wantLast: []EventKind{EventHoldStarted},
		},
		{
			name:      "pause at +2 s of the hold, resume at +10 s: remaining unchanged",
			ops:       []op{{0, "start"}, {7 * s, "pause"}, {15 * s, "resume"}},
			check:     15 * s,
			wantPhase: PhaseHold, wantLeft: 8 * s,
		},
		{
			name:      "pause during the lead-in freezes it",
			ops:       []op{{0, "start"}, {2 * s, "pause"}, {60 * s, "tick"}},
			check:     60 * s,
			wantPhase: PhaseLeadIn, wantLeft: 3 * s, wantPaused: true,
			wantLast: nil,
		},
		{
			name:      "resume after a lead-in pause continues where it stopped",
			ops:       []op{{0, "start"}, {2 * s, "pause"}, {60 * s, "resume"}, {63 * s, "tick"}},
			check:     63 * s,
			wantPhase: PhaseHold, wantLeft: 10 * s,
			wantLast: []EventKind{EventHoldStarted},
		},
		{
			name:      "a late tick fires every transition at its own deadline",
			ops:       []op{{0, "start"}, {40 * s, "tick"}},
			check:     40 * s,
			wantStep:  1,
			wantPhase: PhaseHold, wantLeft: 20 * s,
			wantLast: []EventKind{EventHoldStarted, EventStepDone, EventStepStarted, EventHoldStarted, EventHalfway},
		},
		{
			name:      "back from the first step restarts it",
			ops:       []op{{0, "start"}, {8 * s, "back"}},
			check:     8 * s,
			wantPhase: PhaseLeadIn, wantLeft: 5 * s,
			wantLast: []EventKind{EventHoldStarted, EventStepStarted},
		},
		{
			name:      "back from the second step returns to the first",
			ops:       []op{{0, "start"}, {16 * s, "back"}},
			check:     16 * s,
			wantPhase: PhaseLeadIn, wantLeft: 5 * s,
			wantLast: []EventKind{EventHoldStarted, EventStepDone, EventStepStarted, EventStepStarted},
		},
		{
			name:      "skip moves to the next step's lead-in",
			ops:       []op{{0, "start"}, {2 * s, "skip"}},
			check:     2 * s,
			wantStep:  1,
			wantPhase: PhaseLeadIn, wantLeft: 5 * s,
			wantLast: []EventKind{EventStepDone, EventStepStarted},
		},
		{
			name:      "skip from the first side announces the switch",
			ops:       []op{{0, "start"}, {1 * s, "skip"}, {2 * s, "skip"}},
			check:     2 * s,
			wantStep:  2,
			wantPhase: PhaseLeadIn, wantLeft: 5 * s,
			wantLast: []EventKind{EventStepDone, EventStepStarted, EventSwitchSides},
		},
		{
			name:      "skip the last step ends the session",
			ops:       []op{{0, "start"}, {1 * s, "skip"}, {2 * s, "skip"}, {3 * s, "skip"}},
			check:     3 * s,
			wantStep:  2,
			wantPhase: PhaseDone,
			wantLast:  []EventKind{EventStepDone, EventSessionDone},
		},
		{
			name:      "plus adds 15 s to the hold",
			ops:       []op{{0, "start"}, {7 * s, "plus"}},
			check:     7 * s,
			wantPhase: PhaseHold, wantLeft: 23 * s,
			wantLast: []EventKind{EventHoldStarted}},
		{
			name:      "minus never leaves less than 5 s",
			ops:       []op{{0, "start"}, {7 * s, "minus"}},
			check:     7 * s,
			wantPhase: PhaseHold, wantLeft: 5 * s,
			wantLast: []EventKind{EventHoldStarted}},
		{
			name:      "minus with under 5 s left changes nothing",
			ops:       []op{{0, "start"}, {12 * s, "minus"}},
			check:     12 * s,
			wantPhase: PhaseHold, wantLeft: 3 * s,
			wantLast: []EventKind{EventHoldStarted}},
		{
			name:      "extend while paused",
			ops:       []op{{0, "start"}, {7 * s, "pause"}, {9 * s, "plus"}},
			check:     100 * s,
			wantPhase: PhaseHold, wantLeft: 23 * s, wantPaused: true,
		},
		{
			name:      "extend during the lead-in lengthens the coming hold",
			ops:       []op{{0, "start"}, {1 * s, "plus"}, {5 * s, "tick"}},
			check:     5 * s,
			wantPhase: PhaseHold, wantLeft: 25 * s,
			wantLast: []EventKind{EventHoldStarted},
		},
		{
			name:      "restart gives the hold its full length again",
			ops:       []op{{0, "start"}, {12 * s, "restart"}},
			check:     12 * s,
			wantPhase: PhaseHold, wantLeft: 10 * s,
			wantLast: []EventKind{EventHoldStarted}},
		{
			name:      "restart during the lead-in restarts the lead-in",
			ops:       []op{{0, "start"}, {3 * s, "restart"}},
			check:     3 * s,
			wantPhase: PhaseLeadIn, wantLeft: 5 * s,
		},
		{
			name:      "hurt stops the whole technique and goes on",
			ops:       []op{{0, "start"}, {15 * s, "tick"}, {25 * s, "hurt"}},
			check:     25 * s,
			wantStep:  1,
			wantPhase: PhaseDone,
			wantLast:  []EventKind{EventHoldStarted, EventStepDone, EventStepDone, EventSessionDone},
		},
		{
			name:      "stop ends the session early",
			ops:       []op{{0, "start"}, {7 * s, "stop"}},
			check:     7 * s,
			wantPhase: PhaseDone,
			wantLast:  []EventKind{EventHoldStarted, EventStepDone},
		},
		{
			name:      "halfway fires on holds of 30 s or more",
			ops:       []op{{0, "start"}, {15 * s, "tick"}, {40 * s, "tick"}},
			check:     40 * s,
			wantStep:  1,
			wantPhase: PhaseHold, wantLeft: 20 * s,
			wantLast: []EventKind{EventHoldStarted, EventHalfway},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss := New(testSteps())
			var last []Event
			for _, o := range tc.ops {
				last = apply(ss, o)
			}
			if got := ss.Index(); got != tc.wantStep {
				t.Errorf("step = %d, want %d", got, tc.wantStep)
			}
			if got := ss.Phase(); got != tc.wantPhase {
				t.Errorf("phase = %v, want %v", got, tc.wantPhase)
			}
			if got := ss.Remaining(at(tc.check)); got != tc.wantLeft {
				t.Errorf("remaining = %v, want %v", got, tc.wantLeft)
			}
			if got := ss.Paused(); got != tc.wantPaused {
				t.Errorf("paused = %v, want %v", got, tc.wantPaused)
			}
			if got := kinds(last); !slices.Equal(got, tc.wantLast) {
				t.Errorf("events of last op = %v, want %v", got, tc.wantLast)
			}
		})
	}
}

func TestRecords(t *testing.T) {
	tests := []struct {
		name string
		ops  []op
		want []Record
	}{
		{
			name: "held to the end, then skipped in the lead-in, then partial",
			ops:  []op{{0, "start"}, {16 * s, "skip"}, {20 * s, "tick"}, {30 * s, "skip"}},
			want: []Record{
				{OutcomeDone, 10 * s, 10 * s},
				{OutcomeSkipped, 0, 40 * s},
				{OutcomePartial, 9 * s, 40 * s},
			},
		},
		{
			name: "hurt records the step and skips the other side",
			ops:  []op{{0, "start"}, {15 * s, "tick"}, {28 * s, "hurt"}},
			want: []Record{
				{OutcomeDone, 10 * s, 10 * s},
				{OutcomeHurt, 8 * s, 40 * s},
				{OutcomeSkipped, 0, 40 * s},
			},
		},
		{
			name: "pauses are not counted as hold time",
			ops:  []op{{0, "start"}, {7 * s, "pause"}, {100 * s, "resume"}, {108 * s, "tick"}, {109 * s, "stop"}},
			want: []Record{
				{OutcomeDone, 10 * s, 10 * s},
				{OutcomeSkipped, 0, 40 * s},
				{OutcomePending, 0, 0},
			},
		},
		{
			name: "an extended hold records its new length",
			ops:  []op{{0, "start"}, {6 * s, "plus"}, {32 * s, "tick"}, {32 * s, "stop"}},
			want: []Record{
				{OutcomeDone, 25 * s, 25 * s},
				{OutcomeSkipped, 0, 40 * s},
				{OutcomePending, 0, 0},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss := New(testSteps())
			for _, o := range tc.ops {
				apply(ss, o)
			}
			if got := ss.Records(); !slices.Equal(got, tc.want) {
				t.Errorf("records = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	ss := New(testSteps())
	for _, o := range []op{{0, "start"}, {15 * s, "tick"}, {28 * s, "hurt"}} {
		apply(ss, o)
	}
	sum := ss.Summary()
	if sum.Done != 1 || sum.Hurt != 1 || sum.Skipped != 1 || sum.Held != 18*s {
		t.Errorf("summary = %+v", sum)
	}
	if !slices.Equal(sum.HurtNames, []string{"B · left side"}) {
		t.Errorf("hurt names = %v", sum.HurtNames)
	}
}

func TestSummaryNothingDone(t *testing.T) {
	for _, tc := range []struct {
		name string
		sum  Summary
		want bool
	}{
		{"every step skipped", Summary{Skipped: 3}, true},
		{"one done, the rest skipped", Summary{Done: 1, Skipped: 2}, false},
		{"one cut short, the rest skipped", Summary{Partial: 1, Skipped: 2}, false},
		{"one hurt, the rest skipped", Summary{Hurt: 1, Skipped: 2}, false},
		{"all done", Summary{Done: 3}, false},
		{"nothing ended yet", Summary{Pending: 3}, false},
		{"skipped, then stopped before the rest", Summary{Skipped: 1, Pending: 2}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.sum.NothingDone(); got != tc.want {
				t.Errorf("%+v.NothingDone() = %v, want %v", tc.sum, got, tc.want)
			}
		})
	}
}

func TestNextWake(t *testing.T) {
	tests := []struct {
		name string
		ops  []op
		now  time.Duration
		want time.Duration
		ok   bool
	}{
		{"not started", nil, 0, 0, false},
		{"at the start of the lead-in: one second", []op{{0, "start"}}, 0, s + time.Millisecond, true},
		{"mid-second: until the shown second changes", []op{{0, "start"}}, 300 * time.Millisecond, 700*time.Millisecond + time.Millisecond, true},
		{"paused: nothing ticks", []op{{0, "start"}, {1 * s, "pause"}}, 2 * s, 0, false},
		{"done: nothing ticks", []op{{0, "start"}, {0, "stop"}}, 0, 0, false},
		{"halfway comes before the next second", []op{{0, "start"}, {15 * s, "tick"}, {18 * s, "plus"}}, 18*s + 500*time.Millisecond, 500*time.Millisecond + time.Millisecond, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss := New(testSteps())
			for _, o := range tc.ops {
				apply(ss, o)
			}
			got, ok := ss.NextWake(at(tc.now))
			if got != tc.want || ok != tc.ok {
				t.Errorf("NextWake = %v, %v; want %v, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

// Waking only when NextWake says so shows every second exactly once, in
// order, and ends each hold within a millisecond or two of its deadline.
func TestWakesShowEverySecondOnce(t *testing.T) {
	ss := New([]Step{{Name: "A", Hold: 7 * s, LeadIn: 0, Reps: 1, Rep: 1}})
	now := t0
	ss.Start(now)
	var shown []int
	for ss.Phase() != PhaseDone {
		shown = append(shown, ShownSeconds(ss.Remaining(now)))
		d, ok := ss.NextWake(now)
		if !ok {
			t.Fatal("running session gave no wake-up")
		}
		now = now.Add(d)
		ss.Tick(now)
	}
	if !slices.Equal(shown, []int{7, 6, 5, 4, 3, 2, 1}) {
		t.Errorf("shown seconds = %v", shown)
	}
	if late := now.Sub(ss.Ended()); late > 2*time.Millisecond || late < 0 {
		t.Errorf("hold ended %v after its deadline was noticed", late)
	}
	if ss.Ended() != at(7*s) {
		t.Errorf("ended at %v, want deadline %v", ss.Ended(), at(7*s))
	}
}

func TestShownSeconds(t *testing.T) {
	for _, tc := range []struct {
		in   time.Duration
		want int
	}{{0, 0}, {time.Millisecond, 1}, {s, 1}, {s + 1, 2}, {30 * s, 30}, {29*s + 999*time.Millisecond, 30}} {
		if got := ShownSeconds(tc.in); got != tc.want {
			t.Errorf("ShownSeconds(%v) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestProgress(t *testing.T) {
	ss := New(testSteps())
	ss.Start(t0)
	ss.Tick(at(8 * s))
	if done, total := ss.Progress(at(8 * s)); done != 8*s || total != 105*s {
		t.Errorf("progress = %v of %v, want 8s of 1m45s", done, total)
	}
	ss.Stop(at(8 * s))
	if done, total := ss.Progress(at(8 * s)); done != total {
		t.Errorf("after stop progress = %v of %v", done, total)
	}
}

func TestExpand(t *testing.T) {
	techs := []content.Technique{
		{ID: "one", Name: "One", Cue: "cue", Precautions: []string{"careful"},
			Dosage: content.Dosage{HoldSeconds: 30, Reps: 2, RestSeconds: 10}},
		{ID: "two", Name: "Two", Dosage: content.Dosage{HoldSeconds: 20, Bilateral: true}},
		{ID: "three", Name: "Three", Dosage: content.Dosage{HoldSeconds: 60, Stages: []string{"low", "high"}}},
	}
	steps := Expand(techs, Options{LeadIn: -1})
	type brief struct {
		id     string
		side   Side
		rep    int
		stage  string
		hold   time.Duration
		rest   time.Duration
		leadIn time.Duration
		item   int
	}
	var got []brief
	for _, st := range steps {
		got = append(got, brief{st.TechniqueID, st.Side, st.Rep, st.Stage, st.Hold, st.Rest, st.LeadIn, st.Item})
	}
	want := []brief{
		{"one", SideNone, 1, "", 30 * s, 0, 5 * s, 0},
		{"one", SideNone, 2, "", 30 * s, 10 * s, 5 * s, 0},
		{"two", SideLeft, 1, "", 20 * s, 0, 5 * s, 1},
		{"two", SideRight, 1, "", 20 * s, 0, 5 * s, 1},
		{"three", SideNone, 1, "low", 60 * s, 0, 5 * s, 2},
		{"three", SideNone, 2, "high", 60 * s, 0, 5 * s, 2},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Expand:\n got %v\nwant %v", got, want)
	}
	if steps[0].Precaution != "careful" {
		t.Errorf("precaution = %q", steps[0].Precaution)
	}
	if Total(steps) != 5*s+30*s+10*s+5*s+30*s+2*(5*s+20*s)+2*(5*s+60*s) {
		t.Errorf("Total = %v", Total(steps))
	}

	forced := Expand(techs, Options{Hold: 3 * s, LeadIn: 0})
	for _, st := range forced {
		if st.Hold != 3*s || st.LeadIn != 0 {
			t.Errorf("with --hold 3s --lead-in 0, step %s has hold %v lead-in %v", st.TechniqueID, st.Hold, st.LeadIn)
		}
	}
	// --lead-in is the lead-in only: the rest between repetitions stays.
	if forced[1].Rest != 10*s {
		t.Errorf("with --lead-in 0 the rest is %v, want the technique's 10s", forced[1].Rest)
	}
}

func TestStepLabel(t *testing.T) {
	for _, tc := range []struct {
		st   Step
		want string
	}{
		{Step{Name: "Twist"}, "Twist"},
		{Step{Name: "Twist", Side: SideLeft, Rep: 1, Reps: 1}, "Twist · left side"},
		{Step{Name: "Reach", Rep: 2, Reps: 3}, "Reach · 2 of 3"},
		{Step{Name: "Rolls", Rep: 2, Reps: 2, Stage: "Forwards"}, "Rolls · Forwards"},
	} {
		if got := tc.st.Label(); got != tc.want {
			t.Errorf("Label = %q, want %q", got, tc.want)
		}
	}
}

// --hold stops at what each technique allows.
func TestExpandCapsHold(t *testing.T) {
	tq := content.Technique{ID: "press", Name: "Press", Cue: "x", Dosage: content.Dosage{HoldSeconds: 60, MinHoldSeconds: 30, MaxHoldSeconds: 120}}
	for _, tc := range []struct{ hold, want time.Duration }{
		{30 * time.Minute, 2 * time.Minute},
		{90 * time.Second, 90 * time.Second},
		{2 * time.Second, 2 * time.Second}, // shorter is never unsafe
	} {
		steps := Expand([]content.Technique{tq}, Options{Hold: tc.hold})
		if steps[0].Hold != tc.want {
			t.Errorf("--hold %v: %v, want %v", tc.hold, steps[0].Hold, tc.want)
		}
	}
}

// + stops at the technique's limit today, in the lead-in and in the hold.
func TestExtendStopsAtTheLimit(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	st := Step{TechniqueID: "press", Name: "Press", Hold: 100 * time.Second, MaxHold: 120 * time.Second, LeadIn: 5 * time.Second}
	s := New([]Step{st})
	s.Start(t0)
	for range 3 {
		s.Extend(t0, Adjustment) // in the lead-in
	}
	now := t0.Add(5 * time.Second) // the hold starts
	s.Tick(now)
	now = now.Add(10 * time.Second)
	for range 4 {
		s.Extend(now, Adjustment)
	}
	if left := s.Remaining(now); left != 110*time.Second {
		t.Errorf("after 10 s of a hold capped at 2:00, %v left, want 1:50", left)
	}
}

// A rest between stages comes before the next stage's lead-in, counts
// down on its own deadline, and is said as REST; the hold is HOLD or
// MOVE as the technique's motion says.
func TestRestBetweenStages(t *testing.T) {
	tq := content.Technique{ID: "balls", Name: "Balls", Cue: "sink",
		Dosage: content.Dosage{HoldSeconds: 30, RestSeconds: 10, Stages: []string{"Low", "High"}}}
	steps := Expand([]content.Technique{tq}, Options{LeadIn: -1})
	ss := New(steps)
	ss.Start(t0)
	type want struct {
		at    time.Duration
		phase Phase
		left  time.Duration
		word  string
	}
	for _, w := range []want{
		{0, PhaseLeadIn, 5 * s, "GET INTO POSITION"},
		{5 * s, PhaseHold, 30 * s, "HOLD"},
		{35 * s, PhaseRest, 10 * s, "REST"},
		{42 * s, PhaseRest, 3 * s, "REST"},
		{45 * s, PhaseLeadIn, 5 * s, "GET INTO POSITION"},
		{50 * s, PhaseHold, 30 * s, "HOLD"},
	} {
		ss.Tick(at(w.at))
		st, _ := ss.Current()
		if ss.Phase() != w.phase || ss.Remaining(at(w.at)) != w.left || st.Word(ss.Phase()) != w.word {
			t.Errorf("at %v: %v with %v left, %q; want %v with %v left, %q",
				w.at, ss.Phase(), ss.Remaining(at(w.at)), st.Word(ss.Phase()), w.phase, w.left, w.word)
		}
	}
	if st, _ := ss.Current(); st.Upcoming() != "High" {
		t.Errorf("Upcoming = %q, want the stage", st.Upcoming())
	}
	if done, total := ss.Progress(at(50 * s)); done != 50*s || total != 80*s {
		t.Errorf("progress = %v of %v, want 50s of 1m20s", done, total)
	}
	// Going back returns to the previous stage's lead-in, without a rest.
	ss.Back(at(51 * s))
	if ss.Phase() != PhaseLeadIn || ss.Index() != 0 {
		t.Errorf("after back: %v at step %d, want the first lead-in", ss.Phase(), ss.Index())
	}
}

// With no lead-in, a rest runs straight into the hold; the lead-in-started
// event fires only when there is a lead-in after the rest.
func TestRestWithoutLeadIn(t *testing.T) {
	tq := content.Technique{ID: "reach", Name: "Reach", Cue: "up",
		Dosage: content.Dosage{HoldSeconds: 20, Reps: 3, RestSeconds: 5}}
	for _, tc := range []struct {
		leadIn     time.Duration
		wantLeadIn bool
	}{{0, false}, {2 * s, true}} {
		ss := New(Expand([]content.Technique{tq}, Options{LeadIn: tc.leadIn}))
		ss.Start(t0)
		ev := ss.Tick(at(tc.leadIn + 20*s)) // the first hold ends: rest
		if ss.Phase() != PhaseRest || !slices.Contains(ev, Event{Kind: EventStepStarted, Step: 1}) ||
			!slices.Contains(ev, Event{Kind: EventRestStarted, Step: 1}) {
			t.Fatalf("--lead-in %v: %v after the first hold, events %v", tc.leadIn, ss.Phase(), ev)
		}
		ev = ss.Tick(at(tc.leadIn + 25*s))
		leadIn := slices.Contains(ev, Event{Kind: EventLeadInStarted, Step: 1})
		if leadIn != tc.wantLeadIn || (ss.Phase() == PhaseLeadIn) != tc.wantLeadIn {
			t.Errorf("--lead-in %v: after the rest %v, lead-in event %v", tc.leadIn, ss.Phase(), leadIn)
		}
	}
}

func TestWord(t *testing.T) {
	still, moving := Step{}, Step{Moves: true}
	for _, tc := range []struct {
		st   Step
		p    Phase
		want string
	}{
		{still, PhaseHold, "HOLD"}, {moving, PhaseHold, "MOVE"},
		{moving, PhaseLeadIn, "GET INTO POSITION"}, {still, PhaseRest, "REST"},
		{still, PhaseDone, ""},
	} {
		if got := tc.st.Word(tc.p); got != tc.want {
			t.Errorf("Word(%v, moves %v) = %q, want %q", tc.p, tc.st.Moves, got, tc.want)
		}
	}
	if got := (Step{Rep: 2, Reps: 3}).Upcoming(); got != "2 of 3" {
		t.Errorf("Upcoming = %q", got)
	}
}

// Expand copies the technique's motion onto its steps.
func TestExpandMotion(t *testing.T) {
	steps := Expand([]content.Technique{{ID: "rolls", Motion: content.MotionMove, Dosage: content.Dosage{HoldSeconds: 20}},
		{ID: "press", Dosage: content.Dosage{HoldSeconds: 20}}}, Options{LeadIn: -1})
	if !steps[0].Moves || steps[1].Moves {
		t.Errorf("Moves = %v, %v; want true, false", steps[0].Moves, steps[1].Moves)
	}
}

// + and - change the session's length as well as the hold's: Progress's
// total follows each hold as it runs, through the step and after it.
func TestProgressFollowsExtend(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a := Step{TechniqueID: "a", Name: "A", Hold: 30 * time.Second, MaxHold: 90 * time.Second}
	b := Step{TechniqueID: "b", Name: "B", Hold: 20 * time.Second, MaxHold: 60 * time.Second}
	s := New([]Step{a, b})
	s.Start(t0)
	if _, total := s.Progress(t0); total != 50*time.Second {
		t.Fatalf("planned total %v, want 50s", total)
	}
	now := t0.Add(10 * time.Second)
	s.Extend(now, Adjustment)
	done, total := s.Progress(now)
	if total != 50*time.Second+Adjustment || done != 10*time.Second {
		t.Errorf("after +: %v of %v, want 10s of %v", done, total, 50*time.Second+Adjustment)
	}
	now = t0.Add(30*time.Second + Adjustment) // A's longer hold ends: B begins
	s.Tick(now)
	if done, total = s.Progress(now); s.Index() != 1 || total != 50*time.Second+Adjustment || done != 30*time.Second+Adjustment {
		t.Errorf("on to B (step %d): %v of %v, want %v of %v", s.Index(), done, total, 30*time.Second+Adjustment, 50*time.Second+Adjustment)
	}
	s.Extend(now, -Adjustment) // B, just begun: 20 s less 15 s
	if _, total = s.Progress(now); total != 50*time.Second {
		t.Errorf("after - on B: total %v, want 50s", total)
	}
}
