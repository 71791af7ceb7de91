package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// The intake's reminder names a key for the full rules; the page it opens
// comes back, with enter or esc, to the same question with its answers.
func TestStopRulesKeyKeepsTheAnswers(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, answerSafety(t, keys(t, m, "enter")), "enter") // past the rules' first showing
	if m.screen != screenIntake {
		t.Fatalf("screen %v", m.screen)
	}
	if v := strings.Join(strings.Fields(view(m)), " "); !strings.Contains(v, "Press r for the full rules.") {
		t.Errorf("the reminder does not name the key:\n%s", view(m))
	}
	if got := helpFor(m, "r"); got != "when to stop" {
		t.Errorf("the help says r %q", got)
	}
	m = keys(t, m, "4", "enter", "5") // an area ticked; pain 5, not yet entered
	areas := m.intake.answers()[coach.AskAreas]
	for _, back := range []string{"esc", "enter"} {
		m = keys(t, m, "r")
		if m.screen != screenStopRules || !strings.Contains(view(m), m.cat.Guidance.StopRules[0][:20]) {
			t.Fatalf("r opened %v:\n%s", m.screen, view(m))
		}
		if got := helpFor(m, "enter"); got != "back" {
			t.Errorf("the rules' help says enter %q, want back", got)
		}
		m = keys(t, m, back)
		if m.screen != screenIntake || m.intake.asked[m.intake.i].ID != coach.AskPain || m.intake.qs[m.intake.i].Value() != 5 {
			t.Fatalf("%s from the rules: screen %v, question %d", back, m.screen, m.intake.i)
		}
		if got := m.intake.answers()[coach.AskAreas]; !slices.Equal(got, areas) || len(got) == 0 {
			t.Errorf("%s from the rules: areas %v, want %v", back, got, areas)
		}
	}
}

// When the rules' text changes, the full page shows again, once.
func TestStopRulesShowAgainWhenTheyChange(t *testing.T) {
	store := newMemStore()
	clk := &fakeClock{t: t0}
	launch := func() *Model { return startAgain(t, store, clk) }
	m := launch()
	m, _ = do(t, m, "enter") // read
	// As if an update changed the rules since they were read.
	store.SetPreference(coach.PrefStopRules, "an older version")
	clk.advance(24 * time.Hour)
	m = launch()
	if m.screen != screenStopRules {
		t.Fatalf("after the rules changed: screen %v, want the full rules", m.screen)
	}
	m, _ = do(t, m, "enter")
	if v, _ := store.Preference(coach.PrefStopRules); v != coach.StopRulesVersion(m.cat) {
		t.Errorf("read version %q, want %q", v, coach.StopRulesVersion(m.cat))
	}
	clk.advance(24 * time.Hour)
	if m = launch(); m.screen != screenIntake {
		t.Errorf("once read again: screen %v, want the intake", m.screen)
	}
}
