package coach_test

// The tally must give what walking every session gave. The reference
// functions below are the coach's code from before the tally, kept here
// unchanged (but for names) to compare with.

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/coach/coachtest"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
)

// TestTallyMatchesEverySession runs a person's year day by day on one
// store: each day's sessions are written, sometimes an old session gets
// its pain after late, once the time zone changes, and Load, as of each
// day, must give the statistics, the planner's history, the review and
// the last session that a walk over every session gives.
func TestTallyMatchesEverySession(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			store := coachtest.NewMemStore()
			loc := time.FixedZone("A", 3600)
			day := time.Date(2026, 1, 5, 8, 0, 0, 0, loc)
			var written []coach.Session
			folded := 0 // loads that found a tally to start from
			for d := 0; d < 200; d++ {
				if d == 150 {
					loc = time.FixedZone("B", -5*3600) // moved, or travelling
				}
				now := day.AddDate(0, 0, d).In(loc)
				for i := 0; i < rng.IntN(3) && rng.IntN(10) < 7; i++ {
					s := randomSession(rng, fmt.Sprintf("s%d-%d", d, i), now.Add(time.Duration(i)*time.Hour))
					writeSession(t, store, s)
					written = append(written, s)
				}
				if d > 20 && rng.IntN(25) == 0 {
					// A late pain score on an old session.
					i := rng.IntN(len(written) - 1)
					p := rng.IntN(11)
					written[i].PainAfter = &p
					if err := store.SetPainAfter(written[i].ID, p, ""); err != nil {
						t.Fatal(err)
					}
				}
				if store.TallySaved() {
					folded++
				}
				k, err := coach.Load(store, now)
				if err != nil {
					t.Fatal(err)
				}
				all, _ := store.Sessions(time.Time{})
				compareKnown(t, d, k, all, now)
			}
			if folded < 100 {
				t.Errorf("only %d of 200 loads started from a saved tally", folded)
			}
		})
	}
}

func compareKnown(t *testing.T, d int, k coach.Known, all []coach.Session, now time.Time) {
	t.Helper()
	if got, want := k.Stats(now), refSummarise(all, now); !reflect.DeepEqual(got, want) {
		t.Fatalf("day %d: stats\n got %+v\nwant %+v", d, got, want)
	}
	if got, want := tidy(k.History(now)), tidy(refHistory(all, k.Gentler, now)); !reflect.DeepEqual(got, want) {
		t.Fatalf("day %d: history\n got %+v\nwant %+v", d, got, want)
	}
	gotMsg, gotOK := k.Review(now)
	wantMsg, wantOK := refReview(all, now)
	if gotMsg != wantMsg || gotOK != wantOK {
		t.Fatalf("day %d: review %q %v, want %q %v", d, gotMsg, gotOK, wantMsg, wantOK)
	}
	var finished []time.Time
	for _, s := range all {
		if s.Status == coach.StatusCompleted {
			finished = append(finished, s.Started)
		}
	}
	if got, want := k.Habit(now), refHabitFrom(finished, now); got != want {
		t.Fatalf("day %d: habit\n got %+v\nwant %+v", d, got, want)
	}
	last, ok := k.Last()
	if ok != (len(all) > 0) || (ok && last.ID != all[len(all)-1].ID) {
		t.Fatalf("day %d: last session %q %v", d, last.ID, ok)
	}
	for pain := 0; pain <= 10; pain++ {
		in := plan.Intake{Pain: pain}
		if got, want := coach.RecheckDue(k, in, safety.Result{At: now, Checked: now.Add(-48 * time.Hour)}), refRecheck(all, in); got != want {
			t.Fatalf("day %d: recheck at pain %d = %v, want %v", d, pain, got, want)
		}
	}
}

// tidy drops the zero and false entries, which the planner reads as
// absent.
func tidy(h plan.History) plan.History {
	maps.DeleteFunc(h.Steady, func(_ string, n int) bool { return n == 0 })
	maps.DeleteFunc(h.Rose, func(_ string, b bool) bool { return !b })
	maps.DeleteFunc(h.Hurt, func(_ string, b bool) bool { return !b })
	return h
}

// refRecheck is RecheckDue's comparison with the last session before the
// tally.
func refRecheck(sessions []coach.Session, in plan.Intake) bool {
	for i := len(sessions) - 1; i >= 0; i-- {
		last := sessions[i].PainAfter
		if last == nil {
			last = sessions[i].PainBefore
		}
		if last != nil {
			return in.Pain-*last >= plan.GentlerFrom
		}
	}
	return false
}

func randomSession(rng *rand.Rand, id string, at time.Time) coach.Session {
	s := coach.Session{ID: id, Started: at, Title: "Session " + id, Plan: []coach.PlanItem{}}
	if rng.IntN(5) == 0 {
		s.Status = coach.StatusQuit
	}
	if rng.IntN(5) > 0 {
		p := rng.IntN(11)
		s.PainBefore = &p
		if rng.IntN(4) > 0 {
			q := max(0, min(10, p+rng.IntN(7)-4))
			s.PainAfter = &q
		}
	}
	outcomes := []string{coach.OutcomeDone, coach.OutcomeDone, coach.OutcomeDone, coach.OutcomeSkipped, coach.OutcomeHurt}
	for i := range rng.IntN(6) {
		s.Steps = append(s.Steps, coach.Step{Index: i, Technique: fmt.Sprintf("t%d", rng.IntN(5)),
			Outcome: outcomes[rng.IntN(len(outcomes))], Ended: at.Add(time.Minute)})
	}
	return s
}

func writeSession(t *testing.T, store coach.Store, s coach.Session) {
	t.Helper()
	if err := store.StartSession(s); err != nil {
		t.Fatal(err)
	}
	for i, st := range s.Steps {
		if err := store.RecordStep(s.ID, st, i+1); err != nil {
			t.Fatal(err)
		}
	}
	status := coach.StatusCompleted
	if s.Status != "" {
		status = s.Status
	}
	if err := store.FinishSession(s.ID, status, s.Started.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if s.PainAfter != nil {
		if err := store.SetPainAfter(s.ID, *s.PainAfter, ""); err != nil {
			t.Fatal(err)
		}
	}
}

// refSummarise is Summarise as it was before the tally: a walk over
// every session.
func refSummarise(sessions []coach.Session, now time.Time) coach.Stats {
	st := coach.Stats{Sessions: len(sessions)}
	days := map[string]bool{}
	monday := refStartOfWeek(now)
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
			if step.Outcome == coach.OutcomeSkipped || seen[step.Technique] {
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
		st.Effects = append(st.Effects, coach.Effect{Technique: t, Sessions: a.n, AvgChange: float64(a.sum) / float64(a.n)})
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

func refStartOfWeek(t time.Time) time.Time {
	y, m, d := t.Date()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	back := (int(midnight.Weekday()) + 6) % 7 // Monday is 0
	return midnight.AddDate(0, 0, -back)
}

// refReview is Review before the tally: the advice to have the pain looked at when about two weeks of
// sessions have not eased it: rated sessions spread over coach.ReviewAfter or
// more, at least coach.ReviewSessions of them, and the pain before the last
// three no lower on average than before the first three.
func refReview(sessions []coach.Session, now time.Time) (string, bool) {
	var rated []coach.Session
	for _, s := range sessions {
		if s.PainBefore != nil {
			rated = append(rated, s)
		}
	}
	if len(rated) < coach.ReviewSessions || now.Sub(rated[0].Started) < coach.ReviewAfter {
		return "", false
	}
	avg := func(ss []coach.Session) float64 {
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

func refHistory(sessions []coach.Session, gentler bool, now time.Time) plan.History {
	st := refSummarise(sessions, now)
	h := plan.History{Sessions: st.Rated, Effects: map[string]plan.Effect{}, Gentler: gentler,
		Hurt: map[string]bool{}, Steady: map[string]int{}, Rose: map[string]bool{}}
	// The last outcome of each technique decides: "this hurts" keeps it
	// out, doing it through again brings it back.
	for _, s := range sessions {
		// Within one session "this hurts" on either side wins.
		hurt, done := map[string]bool{}, map[string]bool{}
		for _, step := range s.Steps {
			switch step.Outcome {
			case coach.OutcomeHurt:
				hurt[step.Technique] = true
			case coach.OutcomeDone:
				done[step.Technique] = true
			}
		}
		for id := range hurt {
			h.Hurt[id], h.Steady[id] = true, 0
			delete(done, id)
		}
		for id := range done {
			delete(h.Hurt, id)
		}
		if s.PainBefore == nil || s.PainAfter == nil {
			continue // an unrated session says nothing about the dose
		}
		rise := *s.PainAfter - *s.PainBefore
		for id := range done {
			switch {
			case rise >= 2:
				h.Steady[id], h.Rose[id] = 0, true
			case rise > 0:
				h.Steady[id], h.Rose[id] = 0, false
			default:
				h.Steady[id]++
				delete(h.Rose, id)
			}
		}
	}
	for _, e := range st.Effects {
		h.Effects[e.Technique] = plan.Effect{Sessions: e.Sessions, AvgChange: e.AvgChange}
	}
	return h
}

// refHabitFrom is HabitFrom before the habit was folded: a walk over
// every finished session.
func refHabitFrom(finished []time.Time, now time.Time) coach.Habit {
	loc := now.Location()
	var first time.Time
	days := map[int]bool{}
	for _, t := range finished {
		if first.IsZero() {
			first = t.In(loc)
		}
		days[refDayIndex(first, t.In(loc))] = true
	}
	if first.IsZero() {
		return coach.Habit{First: true, Target: coach.FirstGoal}
	}
	today := refDayIndex(first, now)
	h := coach.Habit{Started: true}
	short := 0
	for start := 0; ; {
		end, target, weeks := start+7, coach.WeekGoal, 1
		if start == 0 {
			end, target, weeks = coach.FirstDays, coach.FirstGoal, 2
		}
		done := 0
		for d := start; d < end; d++ {
			if days[d] {
				done++
			}
		}
		if today < end { // under way
			y, m, d := first.Date()
			h.First, h.Done, h.Target = start == 0, done, target
			h.Ends = time.Date(y, m, d+end, 0, 0, 0, 0, loc)
			if done >= target {
				h.Streak += weeks
			}
			h.Paused = short > 0 && done < target
			return h
		}
		if done >= target {
			h.Streak += weeks
			short = 0
		} else if short++; short >= 2 {
			h.Streak = 0
		}
		start = end
	}
}

func refDayIndex(from, t time.Time) int {
	y1, m1, d1 := from.Date()
	y2, m2, d2 := t.In(from.Location()).Date()
	a := time.Date(y1, m1, d1, 12, 0, 0, 0, time.UTC)
	b := time.Date(y2, m2, d2, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}
