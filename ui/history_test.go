package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

const longTitle = "Three days to better posture · Day 2: Open the front"

// longHistory is six sessions of a program day with a long title, five
// one-hold techniques each, easing pain by four points; the newest was
// stopped after 3 of its 5 steps (2 done, 1 hurt), with a note.
func longHistory() *memStore {
	store := newMemStore()
	var techs []string
	for _, tq := range content.MustLoad().Techniques {
		if tq.Dosage.Holds() == 1 && len(techs) < 5 {
			techs = append(techs, tq.ID)
		}
	}
	for i := range 6 {
		start := t0.AddDate(0, 0, -6+i).Add(-time.Hour)
		b, a := 7, 3
		js := coach.Session{ID: fmt.Sprintf("s%d", i), Started: start, Title: longTitle, PainBefore: &b}
		for _, tq := range techs {
			js.Plan = append(js.Plan, coach.PlanItem{Technique: tq, HoldSeconds: 30})
		}
		store.StartSession(js)
		n, status := len(techs), coach.StatusCompleted
		if i == 5 {
			n, status = 3, coach.StatusQuit
		}
		for k, tq := range techs[:n] {
			out := coach.OutcomeDone
			if k == 2 {
				out = coach.OutcomeHurt
			}
			store.RecordStep(js.ID, coach.Step{Index: k, Technique: tq, Outcome: out, ActualSeconds: 30, PlannedSeconds: 30}, k)
		}
		store.FinishSession(js.ID, status, start.Add(10*time.Minute))
		store.SetPainAfter(js.ID, a, "Felt looser after the wall ball.")
	}
	return store
}

func historyAt(t *testing.T, w, h int) *Model {
	t.Helper()
	m, _ := newJournalFlow(t, longHistory())
	m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = drain(t, m, m.follow(openScreen{screenHistory}))
	return m
}

// words is s with every run of spaces and line breaks made one space.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestHistoryFitsAndCutsNothing(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 15}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := historyAt(t, size[0], size[1])
			v := view(m)
			if n := strings.Count(v, "\n") + 1; n > size[1] {
				t.Errorf("%d rows at height %d:\n%s", n, size[1], v)
			}
			for _, l := range strings.Split(v, "\n") {
				if n := len([]rune(l)); n > size[0] {
					t.Errorf("row %d wide: %q", n, l)
				}
			}
			if strings.Contains(v, "…") && !strings.Contains(v, "… and") {
				t.Errorf("something is cut:\n%s", v)
			}
			// The routine wraps in its column: every word of it shows (and
			// nothing is cut, above).
			for _, w := range strings.Fields(longTitle) {
				if !strings.Contains(v, w) {
					t.Errorf("the routine's name lacks %q:\n%s", w, v)
				}
			}
			// The newest session was stopped after 3 of 5 steps: the Done
			// column counts them as the line printed on leaving did.
			if !strings.Contains(v, "2 of 5") {
				t.Errorf("no whole Done count \"1 of 5\":\n%s", v)
			}
			// What helps wraps whole items (at least the first shows whole).
			if !strings.Contains(words(v), "were followed by pain 4.0 points lower on average (6 sessions).") {
				t.Errorf("what helps is cut:\n%s", v)
			}
		})
	}
}

// The Done column and the session page count as the line printed on
// leaving the session did: done of all its steps, the unreached too.
func TestHistoryCountsMatchTheExitLine(t *testing.T) {
	m := historyAt(t, 80, 24)
	sum := m.history.counts[0]
	if sum.Done != 2 || sum.Hurt != 1 || sum.Pending != 2 || sum.Steps() != 5 {
		t.Fatalf("counts %+v, want 2 done, 1 hurt, 2 not reached of 5", sum)
	}
	want := countsText(sum) // what summaryScreen.Line prints
	if want != "2 done, 1 hurt, 2 not reached" {
		t.Fatalf("counts text %q", want)
	}
	m = keys(t, m, "enter")
	if v := words(view(m)); !strings.Contains(v, want) {
		t.Errorf("session page lacks %q:\n%s", want, view(m))
	}
}

func TestHistoryRowOpensTheSession(t *testing.T) {
	m := historyAt(t, 80, 24)
	if got := helpFor(m, "enter"); got != "open" {
		t.Errorf("help says enter %q, want open", got)
	}
	m = keys(t, m, "down", "enter") // the second newest: completed
	v := words(view(m))
	for _, want := range []string{longTitle, "10:00 long", "completed", "Pain 7 → 3", "Felt looser after the wall ball.",
		"done", "hurt"} {
		if !strings.Contains(v, want) {
			t.Errorf("session page lacks %q:\n%s", want, view(m))
		}
	}
	if got := helpFor(m, "q"); got != "back" {
		t.Errorf("help on the page says q %q", got)
	}
	m = keys(t, m, "q")
	if m.screen != screenHistory || m.history.page != nil {
		t.Errorf("q did not close the page: screen %v", m.screen)
	}
}
