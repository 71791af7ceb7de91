package coachtest

import (
	"time"

	"github.com/unknot/unknot/coach"
)

// SaveNudge keeps n (coach.NudgeStore).
func (s *MemStore) SaveNudge(n coach.Nudge) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nudges = append(s.nudges, n)
	return nil
}

// Nudges lists the nudges answered at or after since, in the order kept.
func (s *MemStore) Nudges(since time.Time) ([]coach.Nudge, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []coach.Nudge
	for _, n := range s.nudges {
		if !n.At.Before(since) {
			out = append(out, n)
		}
	}
	return out, nil
}
