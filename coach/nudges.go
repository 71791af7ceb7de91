package coach

import (
	"fmt"
	"time"
)

// A nudge's answer.
const (
	AnswerTaken   = "taken"
	AnswerSnoozed = "snoozed"
	AnswerSkipped = "skipped"
)

// Nudge is one break the nudges offered and what the person answered.
type Nudge struct {
	// Due is when the break became due; At when it was answered.
	Due time.Time `json:"due"`
	At  time.Time `json:"at"`
	// Answer is AnswerTaken, AnswerSnoozed or AnswerSkipped.
	Answer string `json:"answer"`
	// SessionID is the routine started for a break taken ("" otherwise,
	// or when it could not be saved).
	SessionID string `json:"session_id,omitempty"`
}

// NudgeStore is where nudges are kept: the journal, or a fake in tests.
// It stands beside Store so the stores that predate nudges need not
// change.
type NudgeStore interface {
	SaveNudge(Nudge) error
	Nudges(since time.Time) ([]Nudge, error)
}

// SaveNudge is the Write that keeps n, for a store that keeps nudges
// (others ignore it).
func SaveNudge(n Nudge) Write {
	return func(s Store) error {
		if ns, ok := s.(NudgeStore); ok {
			return ns.SaveNudge(n)
		}
		return nil
	}
}

// BreakDay is one day's answers to the nudges.
type BreakDay struct {
	Date    string  `json:"date"` // YYYY-MM-DD, local
	Taken   int     `json:"taken"`
	Snoozed int     `json:"snoozed"`
	Skipped int     `json:"skipped"`
	Nudges  []Nudge `json:"nudges"`
}

// BreakDays groups nudges (oldest first) by the local day they were
// answered on, in loc, oldest day first.
func BreakDays(nudges []Nudge, loc *time.Location) []BreakDay {
	var out []BreakDay
	for _, n := range nudges {
		date := n.At.In(loc).Format(time.DateOnly)
		if len(out) == 0 || out[len(out)-1].Date != date {
			out = append(out, BreakDay{Date: date})
		}
		d := &out[len(out)-1]
		switch n.Answer {
		case AnswerTaken:
			d.Taken++
		case AnswerSnoozed:
			d.Snoozed++
		case AnswerSkipped:
			d.Skipped++
		}
		d.Nudges = append(d.Nudges, n)
	}
	return out
}

// Today is the day in days dated like now (the zero day when there is
// none).
func Today(days []BreakDay, now time.Time) BreakDay {
	date := now.Format(time.DateOnly)
	for _, d := range days {
		if d.Date == date {
			return d
		}
	}
	return BreakDay{Date: date}
}

// BreaksLine sums up the nudges' answers for History ("" without any):
// "Breaks: today 2 taken, 1 snoozed, 0 skipped · last 7 days 9 taken".
func BreaksLine(days []BreakDay, now time.Time) string {
	if len(days) == 0 {
		return ""
	}
	t := Today(days, now)
	y, m, d := now.Date()
	from := time.Date(y, m, d-6, 0, 0, 0, 0, now.Location()).Format(time.DateOnly)
	week := 0
	for _, day := range days {
		if day.Date >= from {
			week += day.Taken
		}
	}
	return fmt.Sprintf("Breaks: today %d taken, %d snoozed, %d skipped · last 7 days %d taken", t.Taken, t.Snoozed, t.Skipped, week)
}
