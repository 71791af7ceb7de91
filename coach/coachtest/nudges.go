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

// Finished lists when each completed session started, in the order kept.
func (s *MemStore) Finished() ([]time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []time.Time
	for _, id := range s.order {
		if js := s.sessions[id]; js.Status == coach.StatusCompleted {
			out = append(out, js.Started)
		}
	}
	return out, nil
}
