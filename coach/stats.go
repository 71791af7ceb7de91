package coach

import (
	"fmt"
	"sort"
	"time"
)

// Effect is what a technique's sessions did to pain: the average change
// (after − before; negative means better) over the sessions that included
// it and have both scores.
type Effect struct {
	Technique string
	Sessions  int
	AvgChange float64
}

// Stats sums up the journal for the history screen.
type Stats struct {
	Sessions   int // sessions in the journal
	Rated      int // sessions with pain before and after
	Streak     int // consecutive days with a session, ending today or yesterday
	ThisWeek   int // sessions since Monday
	Effects    []Effect
	LastChange *int
}

// Summarise computes stats from sessions (oldest first) as of now, in
// now's time zone.
func Summarise(sessions []Session, now time.Time) Stats {
	st := Stats{Sessions: len(sessions)}
	days := map[string]bool{}
	monday := startOfWeek(now)
	type acc struct{ n, sum int }
	effects := map[string]*acc{}
	for _, s := range sessions {
		local := s.Started.In(now.Location())
		days[local.Format(time.DateOnly)] = true
		if !local.Before(monday) {
			st.ThisWeek++
		}
		change, ok := s.Change()
		if !ok {
			continue
		}
		st.Rated++
		c := change
		st.LastChange = &c
		seen := map[string]bool{}
		for _, step := range s.Steps {
			if step.Outcome == OutcomeSkipped || seen[step.Technique] {
				continue
			}
			seen[step.Technique] = true
			a := effects[step.Technique]
			if a == nil {
				a = &acc{}
				effects[step.Technique] = a
			}
			a.n++
			a.sum += change
		}
	}
	for t, a := range effects {
		st.Effects = append(st.Effects, Effect{Technique: t, Sessions: a.n, AvgChange: float64(a.sum) / float64(a.n)})
	}
	sort.Slice(st.Effects, func(i, j int) bool {
		a, b := st.Effects[i], st.Effects[j]
		if a.AvgChange != b.AvgChange {
			return a.AvgChange < b.AvgChange
		}
		if a.Sessions != b.Sessions {
			return a.Sessions > b.Sessions
		}
		return a.Technique < b.Technique
	})
	// The streak counts back from today, or from yesterday when today has
	// no session yet.
	day := now
	if !days[day.Format(time.DateOnly)] {
		day = day.AddDate(0, 0, -1)
	}
	for days[day.Format(time.DateOnly)] {
		st.Streak++
		day = day.AddDate(0, 0, -1)
	}
	return st
}

func startOfWeek(t time.Time) time.Time {
	y, m, d := t.Date()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	back := (int(midnight.Weekday()) + 6) % 7 // Monday is 0
	return midnight.AddDate(0, 0, -back)
}

// Review is the advice to have the pain looked at when about two weeks of
// sessions have not eased it: rated sessions spread over ReviewAfter or
// more, at least ReviewSessions of them, and the pain before the last
// three no lower on average than before the first three.
func Review(sessions []Session, now time.Time) (string, bool) {
	var rated []Session
	for _, s := range sessions {
		if s.PainBefore != nil {
			rated = append(rated, s)
		}
	}
	if len(rated) < ReviewSessions || now.Sub(rated[0].Started) < ReviewAfter {
		return "", false
	}
	avg := func(ss []Session) float64 {
		sum := 0
		for _, s := range ss {
			sum += *s.PainBefore
		}
		return float64(sum) / float64(len(ss))
	}
	first, last := avg(rated[:3]), avg(rated[len(rated)-3:])
	if last < first {
		return "", false
	}
	return fmt.Sprintf("About two weeks of sessions have not eased your pain (about %.0f out of 10 before your first sessions, about %.0f lately). "+
		"It is worth having a physiotherapist or doctor look at why.", first, last), true
}

// When a review is suggested (Review).
const (
	ReviewAfter    = 13 * 24 * time.Hour
	ReviewSessions = 4
)
