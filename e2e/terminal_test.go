package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// End-to-end tests of the terminal itself: resizing during a hold, every
// way of quitting a running session, and two sessions at once on one
// journal. They use the helpers of e2e_test.go.

// historyJSON reads the journal in data through `unknot history --json`.
func historyJSON(t *testing.T, bin, data string) ([]coach.Session, string) {
	t.Helper()
	out, err := exec.Command(bin, "--data-dir", data, "history", "--json").Output()
	if err != nil {
		t.Fatalf("unknot history --json: %v\n%s", err, out)
	}
	var sessions []coach.Session
	if err := json.Unmarshal(out, &sessions); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return sessions, string(out)
}

// unknotPID is the unknot process running under the pane's shell.
func (tm *tmuxTerm) unknotPID() string {
	tm.t.Helper()
	shell := strings.TrimSpace(tm.run("display-message", "-p", "-t", "e2e", "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", shell, "-x", "unknot").Output()
	if err != nil {
		tm.t.Fatalf("no unknot process under the shell %s: %v", shell, err)
	}
	return strings.Fields(string(out))[0]
}

// countdownGoesDown waits for the title's countdown to fall below what it
// shows now, and returns the new value.
func (tm *tmuxTerm) countdownGoesDown(what string, timeout time.Duration) int {
	tm.t.Helper()
	// Not 0:00: the title can show that for a moment before the clock starts.
	first, ok := 0, false
	tm.waitFor("a countdown in the title "+what, timeout, func() bool { first, ok = tm.countdown(); return ok && first > 0 })
	n := first
	tm.waitFor(fmt.Sprintf("the countdown to go down from %d %s", first, what), timeout, func() bool {
		var ok bool
		n, ok = tm.countdown()
		return ok && n < first
	})
	return n
}

var exitLine = regexp.MustCompile(`EXIT=(\d+)`)

// waitExit waits for the shell to print the exit status ("EXIT=$?" is on
// screen from the command line itself, so wait for the digits) and
// returns it.
func (tm *tmuxTerm) waitExit(timeout time.Duration) string {
	tm.t.Helper()
	var status string
	tm.waitFor("the exit status", timeout, func() bool {
		m := exitLine.FindStringSubmatch(tm.screen())
		if m != nil {
			status = m[1]
		}
		return m != nil
	})
	return status
}

// Resizing during a hold, down below the smallest supported size and up to
// a large window: nothing crashes, the countdown keeps going down and the
// session runs to its end.
func TestE2EResizeDuringHold(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 1)
	tm := newTmux(t, 80, 24)
	tm.send(fmt.Sprintf("%s session --technique %s --hold 8s --lead-in 0 2>%s/err; echo EXIT=$?", bin, ids[0], tm.dir), "Enter")
	tm.throughToSession("3")
	tm.waitScreen("step 1 of 1", 10*time.Second)

	last := tm.countdownGoesDown("at 80x24", 5*time.Second)
	for _, size := range []struct {
		w, h int
		want string // on screen after the resize
	}{
		{60, 15, "step 1 of 1"},
		{40, 10, "Make the window larger"},
		{200, 60, "step 1 of 1"},
	} {
		tm.run("resize-window", "-t", "e2e", "-x", fmt.Sprint(size.w), "-y", fmt.Sprint(size.h))
		at := fmt.Sprintf("at %dx%d", size.w, size.h)
		if got := strings.TrimSpace(tm.run("display-message", "-p", "-t", "e2e", "#{pane_width}x#{pane_height}")); got != fmt.Sprintf("%dx%d", size.w, size.h) {
			t.Fatalf("tmux pane is %s after resizing to %dx%d", got, size.w, size.h)
		}
		tm.waitScreen(size.want, 3*time.Second)
		n := tm.countdownGoesDown(at, 4*time.Second)
		if n >= last {
			t.Errorf("countdown %s went from %d to %d", at, last, n)
		}
		last = n
		if s := tm.screen(); strings.Contains(s, "panic") || exitLine.MatchString(s) {
			t.Fatalf("unknot ended %s:\n%s", at, s)
		}
	}

	tm.waitScreen("Session complete", 15*time.Second)
	tm.send("2", "Enter", "Enter", "Enter")
	if status := tm.waitExit(5 * time.Second); status != "0" {
		t.Errorf("exit status %s\n%s", status, tm.screen())
	}
	if !strings.Contains(tm.screen(), "Session complete: ") {
		t.Errorf("no summary line:\n%s", tm.screen())
	}
	if b, _ := os.ReadFile(filepath.Join(tm.dir, "err")); len(b) > 0 {
		t.Errorf("stderr: %s", b)
	}
}

// Every way out of a running session — q y, ctrl+c, SIGTERM, SIGHUP and
// SIGINT — gives the shell its terminal back as it was and leaves the
// session in the journal as quit.
func TestE2EQuitPathsRestoreTerminal(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 2)
	signal := func(sig string) func(*tmuxTerm) {
		return func(tm *tmuxTerm) {
			pid := tm.unknotPID()
			if out, err := exec.Command("kill", "-"+sig, pid).CombinedOutput(); err != nil {
				tm.t.Fatalf("kill -%s %s: %v\n%s", sig, pid, err, out)
			}
		}
	}
	// The exit status says how it ended: 0 for q y, 130 for ctrl+c, and
	// 128 + the signal's number for a signal, as shells report.
	cases := []struct {
		name   string
		quit   func(*tmuxTerm)
		status string
	}{
		{"q-y", func(tm *tmuxTerm) {
			tm.send("q")
			tm.waitScreen("Quit this session?", 3*time.Second)
			tm.send("y")
			tm.waitScreen("How is the pain now", 3*time.Second)
			tm.send("q")
		}, "0"},
		{"ctrl-c", func(tm *tmuxTerm) { tm.send("C-c") }, "130"},
		{"SIGTERM", signal("TERM"), "143"},
		{"SIGHUP", signal("HUP"), "129"},
		{"SIGINT", signal("INT"), "130"},
		{"SIGQUIT", signal("QUIT"), "131"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			tm := newTmux(t, 80, 24)
			data := filepath.Join(tm.dir, "data")
			before, after := filepath.Join(tm.dir, "before"), filepath.Join(tm.dir, "after")
			tm.send(fmt.Sprintf("stty -a > %s; %s --data-dir %s session --technique %s --technique %s --hold 30s --lead-in 0; echo EXIT=$?; stty -a > %s",
				before, bin, data, ids[0], ids[1], after), "Enter")
			tm.throughToSession("3")
			tm.waitScreen("step 1 of 2", 10*time.Second)
			tm.countdownGoesDown("before quitting", 5*time.Second)

			c.quit(tm)
			status := tm.waitExit(10 * time.Second)
			tm.waitFor("stty -a written after", 5*time.Second, func() bool { a, _ := os.ReadFile(after); return len(a) > 0 })
			screen := tm.screen()

			// The terminal as it was: line settings, main screen, cursor
			// shown, no mouse or keypad modes left on.
			b, _ := os.ReadFile(before)
			a, _ := os.ReadFile(after)
			if string(a) != string(b) {
				t.Errorf("terminal settings changed:\nbefore:\n%s\nafter:\n%s", b, a)
			}
			modes := strings.TrimSpace(tm.run("display-message", "-p", "-t", "e2e",
				"alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag} keypad=#{keypad_flag} keypad-cursor=#{keypad_cursor_flag}"))
			if want := "alt=0 cursor=1 mouse=0 keypad=0 keypad-cursor=0"; modes != want {
				t.Errorf("terminal modes after quitting: %s, want %s", modes, want)
			}

			if status != c.status {
				t.Errorf("exit status %s, want %s", status, c.status)
			}
			if c.status != "130" && c.name != "q-y" && !strings.Contains(screen, "Session stopped") {
				t.Errorf("no \"Session stopped\" summary after %s:\n%s", c.name, screen)
			}
			sessions, js := historyJSON(t, bin, data)
			if len(sessions) != 1 || sessions[0].Status != coach.StatusQuit || sessions[0].Ended == nil {
				t.Errorf("journal after %s: want one session with status %q and an end time, got:\n%s", c.name, coach.StatusQuit, js)
			}
			var steps []string
			if len(sessions) == 1 {
				for _, s := range sessions[0].Steps {
					steps = append(steps, fmt.Sprintf("%d:%s(%.1fs)", s.Index, s.Outcome, s.ActualSeconds))
				}
			}
			t.Logf("%s: exit status %s, steps recorded %v, last line %q", c.name, status, steps, lastLine(screen))
		})
	}
}

// lastLine is the last non-empty line of a screen.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" && !strings.HasPrefix(l, "EXIT=") && l != "$" {
			return l
		}
	}
	return ""
}

// Two sessions at the same time, in two terminals, on one journal: both
// run to the end and both are in the journal as completed. Once on a new
// data directory (both processes create the journal), once on a journal
// that already exists.
func TestE2ETwoSessionsOneJournal(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 2)
	for _, existing := range []bool{false, true} {
		name := "new-journal"
		if existing {
			name = "existing-journal"
		}
		t.Run(name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			if existing {
				if sessions, js := historyJSON(t, bin, data); len(sessions) != 0 {
					t.Fatalf("a new journal has sessions:\n%s", js)
				}
			}
			twoSessions(t, bin, data, ids)
		})
	}
}

func twoSessions(t *testing.T, bin, data string, ids []string) {
	tms := []*tmuxTerm{newTmux(t, 80, 24), newTmux(t, 80, 24)}
	for i, tm := range tms {
		tm.send(fmt.Sprintf("%s --data-dir %s session --technique %s --hold 3s --lead-in 0 2>%s/err; echo EXIT=$?",
			bin, data, ids[i], tm.dir), "Enter")
	}
	// Both are up before either saves its safety answers, so both ask.
	for _, tm := range tms {
		tm.waitScreen("Safety check", 10*time.Second)
	}
	for i, tm := range tms {
		tm.throughToPlan(fmt.Sprint(3 + i))
	}
	for _, tm := range tms {
		tm.send("s")
	}
	// Both holds count down at the same moment.
	tms[0].waitFor("both countdowns at once", 5*time.Second, func() bool {
		_, ok0 := tms[0].countdown()
		_, ok1 := tms[1].countdown()
		return ok0 && ok1
	})
	for _, tm := range tms {
		tm.waitScreen("Session complete", 15*time.Second)
	}
	for _, tm := range tms {
		tm.send("2", "Enter", "Enter", "Enter")
	}
	for i, tm := range tms {
		status := tm.waitExit(10 * time.Second)
		if s := tm.screen(); status != "0" || !strings.Contains(s, "Session complete: ") {
			t.Errorf("terminal %d did not end cleanly:\n%s", i+1, s)
		}
		if b, _ := os.ReadFile(filepath.Join(tm.dir, "err")); len(b) > 0 {
			t.Errorf("terminal %d stderr: %s", i+1, b)
		}
	}

	sessions, js := historyJSON(t, bin, data)
	if len(sessions) != 2 {
		t.Fatalf("want 2 sessions in the journal, got %d:\n%s", len(sessions), js)
	}
	seen := map[string]bool{}
	for _, s := range sessions {
		if s.Status != coach.StatusCompleted || len(s.Steps) != 1 || s.Steps[0].Outcome != "done" {
			t.Errorf("session %s: want completed with one step done; journal:\n%s", s.ID, js)
		}
		// Both terminals printed "Pain n → 2", so both must have saved it.
		if s.PainAfter == nil || *s.PainAfter != 2 {
			t.Errorf("session %s (%s): pain after not saved although the exit line showed it; journal:\n%s", s.ID, s.Title, js)
		}
		if len(s.Plan) == 1 {
			seen[s.Plan[0].Technique] = true
		}
	}
	if !seen[ids[0]] || !seen[ids[1]] {
		t.Errorf("want one session of %s and one of %s; journal:\n%s", ids[0], ids[1], js)
	}
}
