package plan

import (
	"fmt"
	"math"
	"time"
)

// GentlerFrom is the rise in pain over one session that makes the next
// plan gentler (History.Gentler), as ChangeText tells the person.
const GentlerFrom = 2

// ChangeText words a single session's change in pain as CLINICAL.md §4
// allows: a 1-point change is within normal ups and downs; 2 points or
// more is a clear change for now, and only days of it make a real
// improvement.
//
// Pain of SevereFrom or more after a session, or a rise of SeeSomeoneRise or
// more, adds the advice to have it checked.
func ChangeText(before, after int) string {
	text := changeText(before, after)
	if after >= SevereFrom || after-before >= SeeSomeoneRise {
		text += " " + SeeSomeone
	}
	return text
}

// SeeSomeoneRise is the rise over one session that calls for a check.
const SeeSomeoneRise = 3

// SeeSomeone is the advice after a session that left pain severe or
// clearly higher.
const SeeSomeone = "Pain this strong, or rising this much, should be checked: see a doctor or physiotherapist, today if it is severe or spreading, or call NHS 111 in the UK."

func changeText(before, after int) string {
	d := after - before
	switch {
	case d <= -2:
		return fmt.Sprintf("Down %d points, from %d to %d: a clear drop for now. Whether it lasts shows over the next few days.", -d, before, after)
	case d == -1:
		return fmt.Sprintf("From %d to %d: about the same. A one-point change in a single session is within normal ups and downs.", before, after)
	case d == 0:
		return fmt.Sprintf("Still %d: no change today. Some techniques take a few sessions; keep the ones that feel good.", after)
	case d < GentlerFrom:
		return fmt.Sprintf("From %d to %d: about the same. Keep an eye on it, and go lighter if it climbs.", before, after)
	}
	return fmt.Sprintf("Up %d points, from %d to %d. Next time the plan will be gentler. If it is still higher tomorrow, ease off, keep gently active, and see a professional if it does not settle.", d, before, after)
}

// Length words a plan's length for the plan screen and plain mode: within
// Tolerance of the minutes asked, those minutes ("about 10 min"); further
// off, both ("7:40 planned · 10 min asked"); with no time asked (a chosen
// routine), the time planned ("7:40 planned").
func Length(seconds, budgetSeconds int) string {
	planned := minSec(time.Duration(seconds) * time.Second)
	switch {
	case budgetSeconds <= 0:
		return planned + " planned"
	case Near(seconds, budgetSeconds):
		return fmt.Sprintf("about %d min", budgetSeconds/60)
	}
	return fmt.Sprintf("%s planned · %d min asked", planned, budgetSeconds/60)
}

// Near reports whether seconds is within Tolerance of budgetSeconds, as
// every plan Build makes is unless too few techniques suit the day.
func Near(seconds, budgetSeconds int) bool {
	return math.Abs(float64(seconds-budgetSeconds)) <= float64(budgetSeconds)*Tolerance
}
