package coach

import (
	"fmt"
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
	return Known{Recent: sessions}.Stats(now)
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
	return Known{Recent: sessions}.Review(now)
}

// Review is the two-week review (see the function Review) over every
// session known.
func (k Known) Review(now time.Time) (string, bool) {
	t := k.all(now.Location())
	if t.Scored < ReviewSessions || now.Sub(t.FirstScored) < ReviewAfter {
		return "", false
	}
	avg := func(pains []int) float64 {
		sum := 0
		for _, p := range pains {
			sum += p
		}
		return float64(sum) / float64(len(pains))
	}
	first, last := avg(t.FirstPains), avg(t.LastPains)
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
