package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Three "days" on one journal, the clock moved by the test build's
// UNKNOT_TEST_DAYS: day 1 does the posture program's first day; day 2
// Home offers Day 2 first, a countdown comes in 4 keys after the safety
// questions, q y ends on the finish screen and then Home, and Day 2 is
// done later that day; day 3 Home offers Day 3.
func TestE2EThreeDays(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	tm := newTmux(t, 80, 24)
	data := filepath.Join(tm.dir, "data")
	unknot := func(day int, args string) {
		tm.send(fmt.Sprintf("clear; UNKNOT_TEST_DAYS=%d %s --data-dir %s %s; echo EXIT=$?", day, bin, data, args), "Enter")
	}
	finishDay := func(day int, said string) {
		t.Helper()
		unknot(day, "session --program posture-3-day --hold 1s --lead-in 0")
		tm.throughToSession("3")
		tm.waitFor("the session to end", 90*time.Second, func() bool {
			s := tm.screen()
			return strings.Contains(s, "Session complete") || strings.Contains(s, "EXIT=")
		})
		if strings.Contains(tm.screen(), "EXIT=") {
			t.Fatalf("day %d: unknot ended early:\n%s", day, tm.run("capture-pane", "-p", "-t", "e2e", "-S", "-200"))
		}
		if s := strings.Join(strings.Fields(tm.screen()), " "); !strings.Contains(s, said) {
			t.Errorf("day %d: the finish screen does not say %q:\n%s", day, said, tm.screen())
		}
		tm.painAfter("2", "From 3 to 2")
		tm.send("Enter")
		tm.waitScreen("EXIT=0", 5*time.Second)
	}

	// Day 1.
	finishDay(0, "Day 1 done; Day 2 tomorrow.")

	// Day 2: Continue is first on Home.
	unknot(1, "")
	tm.waitScreen("Continue: Three days to better posture · Day 2 of 3", 10*time.Second)
	tm.send("Enter")
	tm.answerSafetyNo()
	if !strings.Contains(tm.screen(), "About today") {
		t.Fatalf("the stop rules were shown in full again, or the intake did not follow:\n%s", tm.screen())
	}
	// Pain, enter, enter (nothing sharp or numb), s: four keys to a countdown.
	tm.send("3")
	tm.send("Enter")
	tm.waitScreen("What does it feel like?", 3*time.Second)
	tm.send("Enter")
	tm.waitScreen("Day 2 of 3: Open the front", 3*time.Second)
	tm.send("s")
	tm.waitFor("a countdown", 10*time.Second, func() bool { _, ok := tm.countdown(); return ok })
	// q y ends on the finish screen, then Home.
	tm.send("q")
	tm.waitScreen("Quit this session?", 3*time.Second)
	tm.send("y")
	tm.waitScreen("How is the pain now", 3*time.Second)
	tm.painAfter("3", "Still 3")
	tm.send("Enter")
	tm.waitScreen("Start a session", 3*time.Second)
	// Home's summary of the last session comes from a read of its own.
	tm.poll(3*time.Second, func() bool { return strings.Contains(tm.screen(), "3 → 3") })
	if s := tm.screen(); !strings.Contains(s, "Last session:") || !strings.Contains(s, "3 → 3") {
		t.Errorf("Home after q y does not show the session with pain after:\n%s", s)
	}
	tm.send("q")
	tm.waitScreen("EXIT=0", 5*time.Second)
	// Later the same day, Day 2 done in full.
	finishDay(1, "Day 2 done; Day 3 tomorrow.")

	// Day 3.
	unknot(2, "")
	tm.waitScreen("Continue: Three days to better posture · Day 3 of 3", 10*time.Second)
	tm.send("q")
	tm.waitScreen("EXIT=0", 5*time.Second)
}
