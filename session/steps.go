// Package session is the guided session's state machine. It knows nothing of
// terminals: every operation takes the current time, and remaining time is
// always computed from deadlines, never from counted ticks.
package session

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/unknot/unknot/content"
)

// Side is which side of the body a hold works on.
type Side int

const (
	SideNone Side = iota
	SideLeft
	SideRight
)

func (s Side) String() string {
	switch s {
	case SideLeft:
		return "left"
	case SideRight:
		return "right"
	}
	return ""
}

// Step is one hold: a technique on one side, one repetition or stage.
type Step struct {
	TechniqueID string
	Name        string
	Side        Side
	Rep, Reps   int    // 1-based repetition (or stage) on this side, of Reps
	Stage       string // where this hold happens, when the technique has stages
	Cue         string
	Breathing   string
	Precaution  string
	Hold        time.Duration
	// Moves is set when the person keeps moving through the hold (the
	// technique's motion is move): the countdown says MOVE, not HOLD.
	Moves bool
	// MaxHold, when set, is the longest the hold may be made with +
	// (the technique's limit today).
	MaxHold time.Duration
	// Rest is the pause before this hold, after the previous repetition
	// or stage on the same side (the technique's rest_seconds); it comes
	// before the lead-in, and is not part of it.
	Rest   time.Duration
	LeadIn time.Duration
	// Item numbers the technique within the session (0-based), so that
	// "this hurts" can stop every remaining hold of the same technique.
	Item int
}

// StageNumber is the step's stage, 1-based, or 0 when its technique has
// no stages.
func (s Step) StageNumber() int {
	if s.Stage == "" {
		return 0
	}
	return s.Rep
}

// Label is the step's name with its side and its stage or repetition,
// e.g. "Doorway chest stretch · left side · 2 of 3".
func (s Step) Label() string {
	l := s.Name
	if s.Side != SideNone {
		l += " · " + s.Side.String() + " side"
	}
	switch {
	case s.Stage != "":
		l += " · " + s.Stage
	case s.Reps > 1:
		l += fmt.Sprintf(" · %d of %d", s.Rep, s.Reps)
	}
	return l
}

// Options shape how techniques expand into steps.
type Options struct {
	// Hold, when non-zero, overrides every hold's length (--hold).
	Hold time.Duration
	// LeadIn is the "get into position" time before each hold; negative
	// means the default. Zero turns lead-ins off (--lead-in 0). Rests
	// between repetitions and stages are the technique's own and stay.
	LeadIn time.Duration
}

// DefaultLeadIn is the lead-in when Options.LeadIn is negative.
const DefaultLeadIn = content.DefaultLeadInSeconds * time.Second

// Expand turns resolved techniques into the session's steps: bilateral
// techniques get one hold per side (left first, all of its reps or stages),
// repeated techniques get one hold per rep, and every hold gets a lead-in.
// Between repetitions (or stages) on a side, the technique's rest comes
// before the lead-in. The total is holds + rests + lead-ins, the rule
// content.Technique.SessionSeconds states.
func Expand(techniques []content.Technique, opt Options) []Step {
	leadIn := opt.LeadIn
	if leadIn < 0 {
		leadIn = DefaultLeadIn
	}
	var steps []Step
	for item, t := range techniques {
		hold := time.Duration(t.Dosage.HoldSeconds) * time.Second
		if opt.Hold > 0 {
			// --hold sets every hold, up to what the technique allows
			// (CLINICAL.md §2: never more than 2 minutes on one spot).
			hold = CapHold(opt.Hold, t)
		}
		sides := []Side{SideNone}
		if t.Dosage.Bilateral {
			sides = []Side{SideLeft, SideRight}
		}
		reps := t.Dosage.HoldsPerSide()
		rest := time.Duration(t.Dosage.RestSeconds) * time.Second
		for _, side := range sides {
			for rep := 1; rep <= reps; rep++ {
				st := Step{
					TechniqueID: t.ID,
					Name:        t.Name,
					Side:        side,
					Rep:         rep,
					Reps:        reps,
					Cue:         t.Cue,
					Breathing:   t.Breathing,
					Precaution:  t.KeyPrecaution(),
					Hold:        hold,
					Moves:       t.Moves(),
					MaxHold:     max(time.Duration(t.Dosage.MaxHoldSeconds)*time.Second, hold),
					LeadIn:      leadIn,
					Item:        item,
				}
				if len(t.Dosage.Stages) > 0 {
					st.Stage = t.Dosage.Stages[rep-1]
				}
				if rep > 1 {
					st.Rest = rest
				}
				steps = append(steps, st)
			}
		}
	}
	return steps
}

// Total is the planned length of a list of steps, rests and lead-ins
// included.
func Total(steps []Step) time.Duration {
	var d time.Duration
	for _, s := range steps {
		d += s.Rest + s.LeadIn + s.Hold
	}
	return d
}

// The words on the countdown, shared by every front end.
const (
	WordLeadIn = "GET INTO POSITION"
	WordRest   = "REST"
	WordHold   = "HOLD"
	WordMove   = "MOVE"
)

// Word is what the countdown calls phase p of step s: GET INTO POSITION
// during the lead-in, REST during a rest, and during the hold HOLD for a
// still hold or MOVE for one that keeps moving. Other phases have none.
func (s Step) Word(p Phase) string {
	switch p {
	case PhaseLeadIn:
		return WordLeadIn
	case PhaseRest:
		return WordRest
	case PhaseHold:
		if s.Moves {
			return WordMove
		}
		return WordHold
	}
	return ""
}

// Upcoming is what a rest before s leads to: its stage ("Middle of the
// back"), or its repetition ("2 of 3").
func (s Step) Upcoming() string {
	if s.Stage != "" {
		return s.Stage
	}
	return fmt.Sprintf("%d of %d", s.Rep, s.Reps)
}

// Spoken names the step as it is announced at its lead-in:
// "Doorway chest stretch, left side, 30 seconds".
func (s Step) Spoken() string {
	parts := []string{s.Name}
	if s.Side != SideNone {
		parts = append(parts, s.Side.String()+" side")
	}
	switch {
	case s.Stage != "":
		parts = append(parts, midSentence(s.Stage))
	case s.Reps > 1:
		parts = append(parts, fmt.Sprintf("%d of %d", s.Rep, s.Reps))
	}
	return strings.Join(append(parts, SpokenDuration(s.Hold)), ", ")
}

// SpokenDuration is a length in words, as a person says it: "30
// seconds", "2 minutes", "1 minute 30 seconds".
func SpokenDuration(d time.Duration) string {
	secs := int(d.Round(time.Second) / time.Second)
	switch {
	case secs < 60:
		return content.Plural(secs, "second")
	case secs%60 == 0:
		return content.Plural(secs/60, "minute")
	}
	return content.Plural(secs/60, "minute") + " " + content.Plural(secs%60, "second")
}

// midSentence is a stage's name as it reads after a comma: "Circling
// backwards" becomes "circling backwards"; a name that starts with an
// acronym or a proper name in capitals ("TV", "NHS") stays as it is.
func midSentence(name string) string {
	r := []rune(name)
	if len(r) < 2 || !unicode.IsUpper(r[0]) || unicode.IsUpper(r[1]) {
		return name
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// CapHold is d, or less when the technique allows less.
func CapHold(d time.Duration, t content.Technique) time.Duration {
	if maxHold := time.Duration(t.Dosage.MaxHoldSeconds) * time.Second; maxHold > 0 && d > maxHold {
		return maxHold
	}
	return d
}
