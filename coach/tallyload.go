package coach

import (
	"encoding/json"
	"time"
)

// loadSessions reads the sessions as a tally of those before today and
// today's in full. The saved tally is brought up to date with the
// sessions between it and today, and saved again (once a day);
// without one (a first run, a journal written by an older unknot, another
// time zone, a change to an older session) it is made from every session
// once.
func loadSessions(s Store, now time.Time) (*Tally, []Session, error) {
	loc := now.Location()
	y, m, d := now.Date()
	horizon := time.Date(y, m, d, 0, 0, 0, 0, loc)
	t := savedTally(s, loc)
	if t == nil || t.Through.After(horizon) { // none, or the clock went back
		t = newTally(loc)
	}
	if t.Through.Before(horizon) {
		older, err := s.SessionsBetween(t.Through, horizon)
		if err != nil {
			return nil, nil, err
		}
		for _, o := range older {
			t.add(o, loc)
		}
		t.Through = horizon
		if data, err := json.Marshal(t); err == nil {
			// The tally only saves reading: a journal that cannot take
			// it (read-only, a full disk) is read in full next time.
			_ = s.SaveTally(horizon, data)
		}
	}
	recent, err := s.SessionsBetween(horizon, time.Time{})
	if err != nil {
		return nil, nil, err
	}
	return t, recent, nil
}

// savedTally is the store's tally when it can be used here: nil when
// there is none, it cannot be read, it was folded differently or its
// days were counted in another time zone.
func savedTally(s Store, loc *time.Location) *Tally {
	data, err := s.LoadTally()
	if err != nil || data == nil {
		return nil
	}
	var t Tally
	if json.Unmarshal(data, &t) != nil || t.Version != tallyVersion || t.Zone != zoneName(loc) ||
		t.Effects == nil || t.Outcomes == nil || t.Week == nil {
		return nil
	}
	return &t
}
