package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// After an emergency answer, guided sessions stay off for the rest of the
// day, whichever way a session is asked for: unknot session, unknot break,
// Home → Start, a ready-made routine, and browse → a technique → enter.
func TestE2EStopLastsTheDay(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	tm := newTmux(t, 80, 24)
	data := filepath.Join(tm.dir, "data")
	run := func(args string) {
		tm.send("clear; "+bin+" --data-dir "+data+" "+args+"; echo EXIT=$?", "Enter")
	}
	quit := func() {
		tm.send("q")
		tm.waitExit(5 * time.Second)
	}
	emergency := "Call 999"

	run("session --technique chin-tucks")
	tm.waitScreen("How old are you?", 10*time.Second)
	tm.send("2")
	tm.waitScreen("chest", 3*time.Second)
	tm.send("n")
	tm.waitScreen("Is any of these happening now?", 3*time.Second)
	tm.send("y")
	tm.waitScreen(emergency, 3*time.Second)
	quit()

	for _, args := range []string{"session --technique chin-tucks", "break", "session --program desk-break"} {
		run(args)
		tm.waitScreen(emergency, 10*time.Second)
		if strings.Contains(tm.screen(), "Safety check") {
			t.Errorf("%s asked the safety check again", args)
		}
		quit()
	}

	run("")
	tm.waitScreen("off for the rest of today", 10*time.Second)
	tm.send("Enter") // Start a session
	tm.waitScreen(emergency, 3*time.Second)
	quit()

	run("")
	tm.waitScreen("Ready-made routines", 10*time.Second)
	tm.send("Down", "Down", "Enter") // Ready-made routines
	tm.waitScreen("Desk break", 3*time.Second)
	tm.send("Enter")
	tm.waitScreen(emergency, 3*time.Second)
	quit()

	run("browse mid-back")
	tm.waitScreen("Mid back", 10*time.Second)
	tm.send("Enter")                                      // the first technique
	tm.waitScreen("enter start a session", 3*time.Second) // the detail page (its figure comes first at 80 columns)
	tm.send("Enter")                                      // start it
	tm.waitScreen(emergency, 3*time.Second)
	quit()
}
