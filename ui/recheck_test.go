package ui

import (
	"strings"
	"testing"
	"time"
)

// toRecheck answers today's check and an intake whose pain is new (a few
// days), which brings the new-or-worse check before the plan.
func toRecheck(t *testing.T, m *Model) *Model {
	t.Helper()
	m = keys(t, m, "enter") // Start a session
	m = answerSafety(t, m)
	if m.screen == screenStopRules {
		m = keys(t, m, "enter")
	}
	m = keys(t, m, "enter", "4", "enter", "enter", "1", "enter") // areas, pain 4, feel none, a few days
	for m.screen == screenIntake {
		m = keys(t, m, "enter")
	}
	if m.screen != screenSafety || !m.safety.gate.Rechecking() {
		t.Fatalf("new pain did not bring the new-or-worse check: screen %v\n%s", m.screen, view(m))
	}
	return m
}

// The new-or-worse check stands between the intake and the plan however it
// is left: esc goes back to the intake's last question (answering it
// brings the check again), and after q a new session asks today's check
// and its own intake, never reaching a plan on the old answers.
func TestNewOrWorseCheckCannotBeSkipped(t *testing.T) {
	m, clk := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m)
	m = keys(t, m, "q") // the stop rules: home
	clk.advance(24 * time.Hour)

	// q leaves the check: a new session asks today's check and then its
	// own intake (the tester reached the plan on the old answers here).
	m = toRecheck(t, m)
	m = keys(t, m, "q")
	if m.screen != screenHome {
		t.Fatalf("q on the check went to %v, want home", m.screen)
	}
	for _, start := range []string{"Quick desk break", "Start a session"} {
		m.home.leave()
		m.show(screenHome)
		for i, it := range m.home.list.Items() {
			if strings.HasPrefix(it.(menuItem).Title(), start) {
				m.home.list.Select(i)
			}
		}
		m = keys(t, m, "enter")
		if m.screen != screenSafety || m.safety.gate.Rechecking() {
			t.Fatalf("%s after leaving the check: screen %v, want today's check first\n%s", start, m.screen, view(m))
		}
		m = answerSafety(t, m)
		if m.screen == screenStopRules {
			m = keys(t, m, "enter")
		}
		if m.screen != screenIntake {
			t.Fatalf("%s after leaving the check: screen %v after today's check, want the intake\n%s", start, m.screen, view(m))
		}
		m = keys(t, m, "q")
	}

	// esc goes back to the intake's last question; answering it brings
	// the check again.
	m.home.leave()
	m.show(screenHome)
	m = toRecheck(t, m)
	if v := view(m); !strings.Contains(v, "esc back") {
		t.Errorf("the check's first question does not offer esc back:\n%s", v)
	}
	m = keys(t, m, "esc")
	if m.screen != screenIntake {
		t.Fatalf("esc on the new-or-worse check went to %v, want the intake's last question", m.screen)
	}
	m = keys(t, m, "enter")
	for m.screen == screenIntake {
		m = keys(t, m, "enter")
	}
	if m.screen != screenSafety || !m.safety.gate.Rechecking() {
		t.Fatalf("answering the intake again skipped the check: screen %v\n%s", m.screen, view(m))
	}
	m = answerSafety(t, m)
	if m.screen != screenPlan {
		t.Errorf("after the check: screen %v, want the plan", m.screen)
	}
}

// "Update my health answers" left part-way is over: the next session's
// check leads on to the intake, not back home as a check-in would.
func TestCheckInLeftPartWayIsOver(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m.follow(m.home.choose(menuItem{act: actCheckIn}))
	m = keys(t, m, "2", "q") // the age, then home
	if m.screen != screenHome {
		t.Fatalf("q on the check-in went to %v", m.screen)
	}
	m = keys(t, m, "enter") // Start a session
	m = answerSafety(t, m)
	if m.screen == screenStopRules {
		m = keys(t, m, "enter")
	}
	if m.screen != screenIntake {
		t.Errorf("after a check-in left part-way, the session's check went to %v, want the intake\n%s", m.screen, view(m))
	}
}

// esc on the first question of a session's check goes back where the flow
// began: Ready-made routines from there, home from Home.
func TestSafetyEscGoesBackTheWayItCame(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m.show(screenRoutines)
	m = keys(t, m, "enter")
	if m.screen != screenSafety {
		t.Fatalf("a routine did not start with the check: %v", m.screen)
	}
	m = keys(t, m, "esc")
	if m.screen != screenRoutines {
		t.Errorf("esc on the check's first question went to %v, want Ready-made routines", m.screen)
	}
	m.show(screenHome)
	m.follow(m.home.choose(menuItem{act: actStart}))
	m = keys(t, m, "esc")
	if m.screen != screenHome {
		t.Errorf("esc on the check's first question from Home went to %v", m.screen)
	}
}
