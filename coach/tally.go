package coach

import (
	"maps"
	"sort"
	"time"

	"github.com/unknot/unknot/plan"
)

// Tally is everything the coaching reads from past sessions, folded one
// session at a time, oldest first: the counts and streak of the History
// screen, each technique's effect and last outcome for the planner, the
// pains the two-week review compares and the last session for Home. A
// journal of years is read once into a tally; after that only the
// sessions since it are read (see Load).
type Tally struct {
	// Version is tallyVersion when the tally was made; another one is
	// made again from the sessions.
	Version int `json:"version"`
	// Through: the tally holds the sessions started before it.
	Through time.Time `json:"through"`
	// Zone is the time zone its days were counted in.
	Zone string `json:"zone"`

	Sessions   int                    `json:"sessions"`
	Rated      int                    `json:"rated"` // pain before and after
	LastChange *int                   `json:"last_change,omitempty"`
	Effects    map[string]*effectSum  `json:"effects"`
	Outcomes   map[string]lastOutcome `json:"outcomes"`

	// LastDay is the last local day with a session and Run the number of
	// consecutive days with one that it ends.
	LastDay string `json:"last_day,omitempty"`
	Run     int    `json:"run,omitempty"`
	// Week counts the sessions of each day of the week up to LastDay.
	Week map[string]int `json:"week"`

	// The review's sessions are those with a pain score before.
	Scored      int       `json:"scored"`
	FirstScored time.Time `json:"first_scored"`
	FirstPains  []int     `json:"first_pains,omitempty"` // the first ReviewWindow
	LastPains   []int     `json:"last_pains,omitempty"`  // the last ReviewWindow

	// LastPain is the last pain known (after, else before) of the last
	// session that has one, for RecheckDue.
	LastPain *int `json:"last_pain,omitempty"`
	// Habit is the habit's goal and streak, from the finished sessions.
	Habit habitFold `json:"habit"`
	// Last is the last session, and LastProgram the last one of a
	// program.
	Last        *Session `json:"last,omitempty"`
	LastProgram *Session `json:"last_program,omitempty"`
}

// tallyVersion changes whenever what a tally holds or how it is folded
// changes, so that tallies saved by an older unknot are made again.
const tallyVersion = 2

// ReviewWindow is how many sessions at each end the review averages.
const ReviewWindow = 3

type effectSum struct {
	N   int `json:"n"`
	Sum int `json:"sum"`
}

// lastOutcome is a technique's last word for the planner: "this hurts"
// keeps it out until it is done through again; Steady counts rated
// sessions since pain last rose after it, Rose says the last rise was 2
// or more.
type lastOutcome struct {
	Hurt   bool `json:"hurt,omitempty"`
	Steady int  `json:"steady,omitempty"`
	Rose   bool `json:"rose,omitempty"`
}

func newTally(loc *time.Location) *Tally {
	return &Tally{Version: tallyVersion, Zone: zoneName(loc),
		Effects: map[string]*effectSum{}, Outcomes: map[string]lastOutcome{}, Week: map[string]int{}}
}

// zoneName tells time zones apart well enough to know a tally's days
// were counted in another one.
func zoneName(loc *time.Location) string {
	name, offset := time.Date(2000, 1, 1, 0, 0, 0, 0, loc).Zone()
	_, summer := time.Date(2000, 7, 1, 0, 0, 0, 0, loc).Zone()
	return loc.String() + "/" + name + "/" + time.Duration(offset*int(time.Second)).String() + "/" + time.Duration(summer*int(time.Second)).String()
}

// clone is a copy that can be added to without changing t.
func (t *Tally) clone() *Tally {
	c := *t
	c.Effects = make(map[string]*effectSum, len(t.Effects))
	for id, e := range t.Effects {
		v := *e
		c.Effects[id] = &v
	}
	c.Outcomes = maps.Clone(t.Outcomes)
	c.Week = maps.Clone(t.Week)
	c.FirstPains = append([]int(nil), t.FirstPains...)
	c.Habit.Days = append([]int(nil), t.Habit.Days...)
	c.LastPains = append([]int(nil), t.LastPains...)
	return &c
}

// add folds one more session in: sessions must come oldest first.
func (t *Tally) add(s Session, loc *time.Location) {
	t.Sessions++
	last := s
	t.Last = &last
	if s.Program != "" {
		t.LastProgram = &last
	}

	day := s.Started.In(loc).Format(time.DateOnly)
	switch {
	case day == t.LastDay:
	case t.LastDay != "" && day == nextDay(t.LastDay, loc):
		t.Run++
	default:
		t.Run = 1
	}
	t.LastDay = day
	t.Week[day]++
	weekAgo := s.Started.In(loc).AddDate(0, 0, -7).Format(time.DateOnly)
	maps.DeleteFunc(t.Week, func(d string, _ int) bool { return d < weekAgo })

	if s.PainBefore != nil {
		if t.Scored == 0 {
			t.FirstScored = s.Started
		}
		t.Scored++
		if len(t.FirstPains) < ReviewWindow {
			t.FirstPains = append(t.FirstPains, *s.PainBefore)
		}
		t.LastPains = append(t.LastPains, *s.PainBefore)
		if len(t.LastPains) > ReviewWindow {
			t.LastPains = t.LastPains[1:]
		}
	}
	switch {
	case s.PainAfter != nil:
		p := *s.PainAfter
		t.LastPain = &p
	case s.PainBefore != nil:
		p := *s.PainBefore
		t.LastPain = &p
	}

	if s.Status == StatusCompleted {
		t.Habit.add(s.Started, loc)
	}
	t.addEffects(s)
	t.addOutcomes(s)
}

// addEffects counts the session's change in pain once for each technique
// it did (skipped steps aside).
func (t *Tally) addEffects(s Session) {
	change, ok := s.Change()
	if !ok {
		return
	}
	t.Rated++
	c := change
	t.LastChange = &c
	seen := map[string]bool{}
	for _, step := range s.Steps {
		if step.Outcome == OutcomeSkipped || seen[step.Technique] {
			continue
		}
		seen[step.Technique] = true
		e := t.Effects[step.Technique]
		if e == nil {
			e = &effectSum{}
			t.Effects[step.Technique] = e
		}
		e.N++
		e.Sum += change
	}
}

// addOutcomes keeps each technique's last outcome: "this hurts" on
// either side wins within a session; doing it through again brings it
// back; a rated session's change moves its steady count.
func (t *Tally) addOutcomes(s Session) {
	hurt, done := map[string]bool{}, map[string]bool{}
	for _, step := range s.Steps {
		switch step.Outcome {
		case OutcomeHurt:
			hurt[step.Technique] = true
		case OutcomeDone:
			done[step.Technique] = true
		}
	}
	for id := range hurt {
		o := t.Outcomes[id]
		o.Hurt, o.Steady = true, 0
		t.Outcomes[id] = o
		delete(done, id)
	}
	for id := range done {
		o := t.Outcomes[id]
		o.Hurt = false
		t.Outcomes[id] = o
	}
	if s.PainBefore == nil || s.PainAfter == nil {
		return // an unrated session says nothing about the dose
	}
	rise := *s.PainAfter - *s.PainBefore
	for id := range done {
		o := t.Outcomes[id]
		switch {
		case rise >= 2:
			o.Steady, o.Rose = 0, true
		case rise > 0:
			o.Steady, o.Rose = 0, false
		default:
			o.Steady++
			o.Rose = false
		}
		t.Outcomes[id] = o
	}
}

func nextDay(day string, loc *time.Location) string {
	d, err := time.ParseInLocation(time.DateOnly, day, loc)
	if err != nil {
		return ""
	}
	return d.AddDate(0, 0, 1).Format(time.DateOnly)
}

// stats are the History screen's figures as of now.
func (t *Tally) stats(now time.Time) Stats {
	st := Stats{Sessions: t.Sessions, Rated: t.Rated, LastChange: t.LastChange}
	monday := startOfWeek(now).Format(time.DateOnly)
	for day, n := range t.Week {
		if day >= monday {
			st.ThisWeek += n
		}
	}
	for id, e := range t.Effects {
		st.Effects = append(st.Effects, Effect{Technique: id, Sessions: e.N, AvgChange: float64(e.Sum) / float64(e.N)})
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
	today := now.Format(time.DateOnly)
	yesterday := now.AddDate(0, 0, -1).Format(time.DateOnly)
	if t.LastDay == today || t.LastDay == yesterday {
		st.Streak = t.Run
	}
	return st
}

// history is what the planner reads.
func (t *Tally) history(gentler bool) plan.History {
	h := plan.History{Sessions: t.Rated, Effects: map[string]plan.Effect{}, Gentler: gentler,
		Hurt: map[string]bool{}, Steady: map[string]int{}, Rose: map[string]bool{}}
	for id, o := range t.Outcomes {
		if o.Hurt {
			h.Hurt[id] = true
		}
		if o.Steady > 0 {
			h.Steady[id] = o.Steady
		}
		if o.Rose {
			h.Rose[id] = true
		}
	}
	for id, e := range t.Effects {
		h.Effects[id] = plan.Effect{Sessions: e.N, AvgChange: float64(e.Sum) / float64(e.N)}
	}
	return h
}
