package ui

import (
	"slices"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// toIntake begins req and answers no to every safety question, past the
// stop rules when they show.
func toIntake(t *testing.T, m *Model, req coach.Request) *Model {
	t.Helper()
	m.begin(req)
	for m.screen == screenSafety || m.screen == screenStopRules {
		if m.screen == screenStopRules {
			m, _ = do(t, m, "enter")
			continue
		}
		m, _ = do(t, m, noToAll(m)...)
	}
	return m
}

// personalDay runs a personal session to its end, pressing keys[id] on
// question id before enter (pain 3 unless told), and Enter elsewhere.
func personalDay(t *testing.T, m *Model, clk *fakeClock, keys map[string][]string) *Model {
	t.Helper()
	m = toIntake(t, m, coach.Request{})
	for i := 0; m.screen == screenIntake && i < 20; i++ {
		id := m.intake.asked[m.intake.i].ID
		ks, ok := keys[id]
		if !ok && id == coach.AskPain {
			ks = []string{"3"}
		}
		m, _ = do(t, m, append(ks, "enter")...)
	}
	if m.screen != screenPlan {
		t.Fatalf("after the intake: screen %v", m.screen)
	}
	m, _ = do(t, m, "s")
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "3", "enter", "enter", "enter")
	return m
}

// A repeat in between (which asks only the pain) leaves the personal
// answers as they were: the next "Start a session" ticks the same areas
// and equipment again.
func TestIntakeRemembersEquipmentAfterARepeat(t *testing.T) {
	m, clk := newJournalFlow(t, newMemStore())
	// Not the default areas; two pieces of equipment.
	m = personalDay(t, m, clk, map[string][]string{coach.AskAreas: {"4", "5", "3"}, coach.AskEquipment: {"1", "3"}})
	first := m.intakeAnswers
	if len(first.Equipment) != 2 || len(first.Areas) != 2 {
		t.Fatalf("day 1's answers: %+v", first)
	}

	clk.advance(24 * time.Hour)
	last, ok := m.known.Last()
	req, ok2 := coach.Request{}.ForSession(m.cat, last)
	if !ok || !ok2 {
		t.Fatal("no session to repeat")
	}
	m.begin(req)
	for m.screen == screenSafety {
		m, _ = do(t, m, noToAll(m)...)
	}
	m, _ = do(t, m, "3", "enter", "enter", "s") // pain, nothing sharp, start
	if m.screen != screenSession {
		t.Fatalf("the repeat did not start: screen %v", m.screen)
	}
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "3", "enter", "enter", "enter")

	clk.advance(24 * time.Hour)
	var offered []string
	m.begin(coach.Request{})
	for m.screen == screenSafety {
		m, _ = do(t, m, noToAll(m)...)
	}
	for i := 0; m.screen == screenIntake && i < 20; i++ {
		q := m.intake.qs[m.intake.i]
		switch m.intake.asked[m.intake.i].ID {
		case coach.AskPain:
			m, _ = do(t, m, "3")
		case coach.AskEquipment:
			offered = q.Many()
		}
		m, _ = do(t, m, "enter")
	}
	if !slices.Equal(offered, first.Equipment) {
		t.Errorf("equipment offered after a repeat: %v, want day 1's %v", offered, first.Equipment)
	}
	got := m.intakeAnswers
	if !slices.Equal(got.Areas, first.Areas) || !slices.Equal(got.Equipment, first.Equipment) || got.Place != first.Place {
		t.Errorf("after a repeat, Enter through the intake gives %+v, want day 1's %+v", got, first)
	}
}
