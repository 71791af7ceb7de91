package report

import (
	"time"

	"github.com/unknot/unknot/coach"
)

// WeekRow is a calendar week's sessions: how many, on how many days, how
// much of them was done and the mean pain over those scored both times.
type WeekRow struct {
	// From and Last are the week's first and last day within the range.
	From, Last          time.Time
	Sessions, Completed int
	ActiveDays, Days    int
	HoldsDone           int
	HoldsPlanned        int
	Rated               int
	// AvgBefore and AvgAfter are over the Rated sessions.
	AvgBefore, AvgAfter float64
}

// weeks groups the sessions (oldest first, in the report's time zone) by
// seven days from the range's first day: a 30-day report has four weeks
// and two days. A week without sessions has its row, so a gap shows.
func weeks(sessions []SessionRow, from, until time.Time) []WeekRow {
	var out []WeekRow
	for start := from; start.Before(until); {
		end := start.AddDate(0, 0, 7)
		if end.After(until) {
			end = until
		}
		out = append(out, WeekRow{From: start, Last: end.AddDate(0, 0, -1), Days: daysBetween(start, end)})
		start = end
	}
	days := map[string]bool{}
	for i := range out {
		w := &out[i]
		before, after := 0, 0
		clear(days)
		for _, s := range sessions {
			if s.Started.Before(w.From) || !s.Started.Before(w.Last.AddDate(0, 0, 1)) {
				continue
			}
			w.Sessions++
			if s.Status == coach.StatusCompleted {
				w.Completed++
			}
			days[s.Started.Format(time.DateOnly)] = true
			w.HoldsDone += s.Done
			w.HoldsPlanned += s.Planned
			if s.PainBefore != nil && s.PainAfter != nil {
				w.Rated++
				before, after = before+*s.PainBefore, after+*s.PainAfter
			}
		}
		w.ActiveDays = len(days)
		if w.Rated > 0 {
			w.AvgBefore, w.AvgAfter = float64(before)/float64(w.Rated), float64(after)/float64(w.Rated)
		}
	}
	return out
}
