package coach

import (
	"testing"
	"time"
)

func TestBreakDays(t *testing.T) {
	loc := time.FixedZone("UTC+10", 10*3600)
	at := func(d, h int) time.Time { return time.Date(2026, time.December, d, h, 0, 0, 0, time.UTC) }
	nudges := []Nudge{
		{At: at(1, 9), Answer: AnswerSnoozed},
		{At: at(1, 9), Answer: AnswerTaken},
		{At: at(1, 13), Answer: AnswerSkipped}, // 23:00 on the 1st in UTC+10
		{At: at(1, 15), Answer: AnswerTaken},   // 01:00 on the 2nd
	}
	got := BreakDays(nudges, loc)
	want := []BreakDay{{Date: "2026-12-01", Taken: 1, Snoozed: 1, Skipped: 1}, {Date: "2026-12-02", Taken: 1}}
	if len(got) != len(want) {
		t.Fatalf("got %d days, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g := got[i]
		if g.Date != want[i].Date || g.Taken != want[i].Taken || g.Snoozed != want[i].Snoozed || g.Skipped != want[i].Skipped {
			t.Errorf("day %d = %+v, want %+v", i, g, want[i])
		}
	}
	if n := len(got[0].Nudges); n != 3 {
		t.Errorf("the first day holds %d nudges, want 3", n)
	}
	if d := Today(got, time.Date(2026, time.December, 2, 8, 0, 0, 0, loc)); d.Taken != 1 {
		t.Errorf("Today = %+v", d)
	}
	if d := Today(got, time.Date(2026, time.December, 5, 8, 0, 0, 0, loc)); d.Taken+d.Snoozed+d.Skipped != 0 || d.Date != "2026-12-05" {
		t.Errorf("Today on a day without nudges = %+v", d)
	}
}

func TestBreaksLine(t *testing.T) {
	now := time.Date(2026, time.December, 8, 12, 0, 0, 0, time.UTC)
	at := func(d int) time.Time { return time.Date(2026, time.December, d, 10, 0, 0, 0, time.UTC) }
	nudges := []Nudge{
		{At: at(1), Answer: AnswerTaken}, // eight days ago: not in the week
		{At: at(2), Answer: AnswerTaken},
		{At: at(8), Answer: AnswerTaken},
		{At: at(8), Answer: AnswerSnoozed},
	}
	if got, want := BreaksLine(BreakDays(nudges, time.UTC), now), "Breaks: today 1 taken, 1 snoozed, 0 skipped · last 7 days 2 taken"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := BreaksLine(nil, now); got != "" {
		t.Errorf("without nudges: %q", got)
	}
}
