package e2e

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Started as the pane's own command, unknot is the session leader: there
// is no job control, so ctrl+z must not stop it (nothing could resume
// it). The hold pauses, the screen says why, and q still quits.
func TestE2ESuspendWithoutJobControl(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 1)
	tm := newTmux(t, 80, 24)
	// A window of its own whose command is unknot itself.
	tm.run("new-window", "-t", "e2e", "-n", "leader", bin+" --data-dir "+tm.dir+"/data session --technique "+ids[0]+
		" --hold 60s --lead-in 0; sleep 30")
	tm.run("select-window", "-t", "e2e:leader")
	tm.throughToSession("3")
	tm.countdownGoesDown("before ctrl+z", 5*time.Second)
	tm.send("C-z")
	tm.waitScreen("can't suspend here", 3*time.Second)
	if !strings.Contains(tm.title(), "(paused)") {
		t.Errorf("title %q: the hold is not paused", tm.title())
	}
	tm.send("q")
	tm.waitScreen("Quit this session?", 3*time.Second)
	tm.send("y")
	tm.waitScreen("Session stopped", 5*time.Second)
}

// kill -TSTP from outside does what ctrl+z does: the hold pauses, the
// terminal is restored before the process stops, and after fg the screen
// is drawn again, still paused.
func TestE2EOutsideTSTP(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 1)
	tm := newTmux(t, 80, 24)
	tm.send(bin+" --data-dir "+tm.dir+"/data session --technique "+ids[0]+" --hold 60s --lead-in 0", "Enter")
	tm.throughToSession("3")
	tm.countdownGoesDown("before the signal", 5*time.Second)
	pid := tm.unknotPID()
	if out, err := exec.Command("kill", "-TSTP", pid).CombinedOutput(); err != nil {
		t.Fatalf("kill -TSTP: %v\n%s", err, out)
	}
	tm.waitFor("the shell's job report", 5*time.Second, func() bool { return strings.Contains(tm.screen(), "Stopped") })
	if alt := strings.TrimSpace(tm.run("display-message", "-p", "-t", "e2e", "#{alternate_on}")); alt != "0" {
		t.Errorf("the alternate screen is still on while stopped")
	}
	tm.send("fg", "Enter")
	tm.waitScreen("step 1 of 1", 5*time.Second)
	if !strings.Contains(tm.title(), "(paused)") {
		t.Errorf("after fg the hold is not paused: title %q", tm.title())
	}
	// Keys typed in the first few tens of milliseconds after fg, while
	// the input reader starts again, can be lost; a person is slower.
	resumed := false
	for try := 0; try < 3 && !resumed; try++ {
		tm.send("Space")
		resumed = tm.poll(time.Second, func() bool { return !strings.Contains(tm.title(), "(paused)") })
	}
	if !resumed {
		t.Fatalf("space did not resume after fg: title %q", tm.title())
	}
	tm.countdownGoesDown("after space", 5*time.Second)
	tm.send("q")
	tm.waitScreen("Quit this session?", 3*time.Second)
	tm.send("y")
}
