package coachtest

import (
	"fmt"
	"time"

	"github.com/unknot/unknot/coach"
)

// ReviewWords are words of the two-week review (coach.Known.Review), for
// tests that look for it on a screen.
const ReviewWords = "two weeks of sessions have not eased your pain"

// SeedNoEasing writes six completed sessions over the two weeks before
// now, pain 5 or 6 before and after each: enough for the two-week review.
func SeedNoEasing(s coach.Store, now time.Time) {
	for i, day := range []int{14, 12, 10, 6, 3, 1} {
		start := now.AddDate(0, 0, -day)
		pain := 5 + i%2
		id := fmt.Sprintf("r%d", i)
		_ = s.StartSession(coach.Session{ID: id, Started: start, Title: "Desk break", PainBefore: &pain})
		_ = s.FinishSession(id, coach.StatusCompleted, start.Add(3*time.Minute))
		_ = s.SetPainAfter(id, pain, "")
	}
}
