// Package coachtest has a coach.Store kept in memory, for the tests of the
// coach and of both front ends.
package coachtest

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/unknot/unknot/coach"
)

// MemStore is an in-memory coach.Store that keeps what was written. It is
// safe for concurrent use. Fail, when set, makes StartSession fail.
type MemStore struct {
	mu       sync.Mutex
	sessions map[string]*coach.Session
	order    []string
	safety   []coach.SafetyRecord
	intakes  map[string]any
	progress map[string]coach.Progress
	prefs    map[string]string
	seqs     map[string]int // session ID and step index → last seq written
	tally    []byte
	through  time.Time
	nudges   []coach.Nudge
	Fail     error
}

// NewMemStore is an empty store.
func NewMemStore() *MemStore {
	return &MemStore{sessions: map[string]*coach.Session{}, intakes: map[string]any{},
		progress: map[string]coach.Progress{}, prefs: map[string]string{}, seqs: map[string]int{}}
}

func (s *MemStore) StartSession(js coach.Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Fail != nil {
		return s.Fail
	}
	js.Status = coach.StatusRunning
	js.Steps = slices.Clone(js.Steps)
	s.touched(js.Started)
	s.sessions[js.ID] = &js
	s.order = append(s.order, js.ID)
	return nil
}

func (s *MemStore) RecordStep(id string, st coach.Step, seq int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	js := s.sessions[id]
	if js == nil {
		return nil
	}
	s.touched(js.Started)
	key := fmt.Sprintf("%s/%d", id, st.Index)
	if last, ok := s.seqs[key]; ok && seq <= last {
		return nil // an older write never replaces a newer one
	}
	s.seqs[key] = seq
	for i := range js.Steps {
		if js.Steps[i].Index == st.Index {
			js.Steps[i] = st
			return nil
		}
	}
	js.Steps = append(js.Steps, st)
	return nil
}

func (s *MemStore) FinishSession(id, status string, ended time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if js := s.sessions[id]; js != nil {
		js.Status, js.Ended = status, &ended
		s.touched(js.Started)
	}
	return nil
}

func (s *MemStore) SetPainAfter(id string, pain int, note string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if js := s.sessions[id]; js != nil {
		js.PainAfter, js.Note = &pain, note
		s.touched(js.Started)
	}
	return nil
}

func (s *MemStore) SaveSafety(r coach.SafetyRecord) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.safety = append(s.safety, r)
	return nil
}

func (s *MemStore) LatestSafety() (coach.SafetyRecord, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.safety) == 0 {
		return coach.SafetyRecord{}, false, nil
	}
	return s.safety[len(s.safety)-1], true, nil
}

func (s *MemStore) SaveIntake(id string, _ time.Time, answers any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.intakes[id] = answers
	return nil
}

func (s *MemStore) LastIntake(v any) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	// As the journal: the newest intake that holds a Duration, which
	// only the personal intake asks.
	for i := len(s.order) - 1; i >= 0; i-- {
		if a, ok := s.intakes[s.order[i]]; ok {
			b, err := json.Marshal(a)
			if err != nil {
				return false, err
			}
			var mark struct{ Duration string }
			if json.Unmarshal(b, &mark) != nil || mark.Duration == "" {
				continue
			}
			return true, json.Unmarshal(b, v)
		}
	}
	return false, nil
}

func (s *MemStore) SetProgress(p coach.Progress) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.progress[p.Program] = p
	return nil
}

func (s *MemStore) InProgress() ([]coach.Progress, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []coach.Progress
	for _, p := range s.progress {
		if !p.Done() {
			out = append(out, p)
		}
	}
	return out, nil
}

func (s *MemStore) SetPreference(k, v string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prefs[k] = v
	return nil
}

func (s *MemStore) Preference(k string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.prefs[k], nil
}

// Sessions lists every session, oldest first.
func (s *MemStore) Sessions(since time.Time) ([]coach.Session, error) {
	return s.SessionsBetween(since, time.Time{})
}

func (s *MemStore) SessionsBetween(from, to time.Time) ([]coach.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []coach.Session
	for _, id := range s.order {
		js := *s.sessions[id]
		if js.Started.Before(from) || (!to.IsZero() && !js.Started.Before(to)) {
			continue
		}
		js.Steps = slices.Clone(js.Steps)
		out = append(out, js)
	}
	slices.SortStableFunc(out, func(a, b coach.Session) int { return a.Started.Compare(b.Started) })
	return out, nil
}

func (s *MemStore) SessionPage(before time.Time, n int) ([]coach.Session, error) {
	all, _ := s.SessionsBetween(time.Time{}, before)
	slices.Reverse(all)
	return all[:min(n, len(all))], nil
}

func (s *MemStore) LoadTally() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.tally), nil
}

func (s *MemStore) SaveTally(through time.Time, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tally, s.through = slices.Clone(data), through
	return nil
}

// TallySaved reports whether a tally is kept.
func (s *MemStore) TallySaved() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tally != nil
}

// touched drops the tally when a session it holds changes, as the
// journal does.
func (s *MemStore) touched(started time.Time) {
	if s.tally != nil && started.Before(s.through) {
		s.tally = nil
	}
}

// Safety lists the safety records written, oldest first.
func (s *MemStore) Safety() []coach.SafetyRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.safety)
}

// Progress is the recorded progress through a program.
func (s *MemStore) Progress(program string) (coach.Progress, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.progress[program]
	return p, ok
}

// Intake is the intake answers saved with a session.
func (s *MemStore) Intake(id string) any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.intakes[id]
}

var _ coach.Store = (*MemStore)(nil)
