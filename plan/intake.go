// Package plan builds the personal routine: a pure, deterministic function
// from the content, the intake answers, the safety result and the person's
// history to an ordered list of techniques, each with the reason it was
// chosen, and the reason for every technique left out.
package plan

import (
	"fmt"
	"slices"
)

// Feelings people can pick in the intake.
const (
	FeelStiff   = "stiff"
	FeelKnotted = "knotted"
	FeelAchy    = "achy"
	FeelSharp   = "sharp"
	FeelNumb    = "numb"
)

// Pressure preferences.
const (
	PressureGentle = "gentle"
	PressureMedium = "medium"
	PressureFirm   = "firm"
)

// How long the pain has lasted.
const (
	DurationDays   = "days"
	DurationWeeks  = "weeks"
	DurationMonths = "months"
)

// What makes it worse.
const (
	WorseDesk    = "desk"
	WorsePhone   = "phone"
	WorseLifting = "lifting"
	WorseSleep   = "sleep"
)

// Where the person is today: at a desk there is no floor to lie or kneel
// on, so the plan keeps to chair, standing and wall work.
const (
	PlaceFloor = "floor"
	PlaceDesk  = "desk"
)

// Minutes people can choose in the intake, and the one picked when they
// do not say.
var Minutes = []int{3, 5, 10, 15, 20, 30}

const DefaultMinutes = 10

// Intake is what the person told the coach about today.
type Intake struct {
	Areas     []string // content area IDs; empty means "the upper back in general"
	Pain      int      // 0–10, now
	Feel      []string // Feel* values
	Duration  string   // Duration* values
	Worse     []string // Worse* values
	Equipment []string // equipment IDs at hand; empty means nothing
	Place     string   // Place* values; empty means the floor is there
	Minutes   int
	Pressure  string // Pressure* values
}

// SevereFrom is the first pain score that counts as severe (CLINICAL.md §4:
// 7–10), which leads to the "see a clinician first" advice (B17).
const SevereFrom = 7

// Severity labels a 0–10 pain score: 1–3 mild, 4–6 moderate, 7–10
// severe, the same bands everywhere (the traffic lights say "4 or 5, ease
// off", so 4 is not "mild").
func Severity(pain int) string {
	switch {
	case pain <= 0:
		return "no pain"
	case pain <= 3:
		return "mild"
	case pain < SevereFrom:
		return "moderate"
	}
	return "severe"
}

// Referral reports an intake answer that means "see a clinician first":
// sharp or shooting pain, numbness or tingling, or severe pain.
func (in Intake) Referral() (string, bool) {
	switch {
	case slices.Contains(in.Feel, FeelSharp):
		return "You said the pain is sharp or shooting. That kind of pain should be checked by a clinician before self-treatment.", true
	case slices.Contains(in.Feel, FeelNumb):
		return "You said you have numbness or tingling. That can come from an irritated nerve, so get it checked by a clinician before self-treatment.", true
	case in.Pain >= SevereFrom:
		return fmt.Sprintf("You rated your pain %d out of 10, which is severe. Pain that strong should be seen by a clinician before self-treatment.", in.Pain), true
	}
	return "", false
}

// backAreas are the areas that make a plan "back-focused": such plans
// always open the front too (seed 000: work on the back alone may not
// be enough).
var backAreas = []string{"upper-back", "mid-back", "shoulders", "low-back"}

// BackFocused reports whether the intake is about the back.
func (in Intake) BackFocused() bool {
	if len(in.Areas) == 0 {
		return true
	}
	for _, a := range in.Areas {
		if slices.Contains(backAreas, a) {
			return true
		}
	}
	return false
}

// AtDesk reports whether the person is at a desk, with no floor to use.
func (in Intake) AtDesk() bool { return in.Place == PlaceDesk }

// areas returns the intake's areas, defaulting to the upper and mid back.
func (in Intake) areas() []string {
	if len(in.Areas) == 0 {
		return []string{"upper-back", "mid-back"}
	}
	return in.Areas
}
