package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A panic in Update, View, a command or a goroutine the app starts (the
// speech player) restores the terminal, saves the session so far, says so
// on stderr with the stack, and exits non-zero.
func TestE2ECrashRestoresAndSaves(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 3)
	for _, where := range []string{"update", "view", "cmd", "speech"} {
		t.Run(where, func(t *testing.T) {
			t.Parallel()
			tm := newTmux(t, 80, 24)
			data := filepath.Join(tm.dir, "data")
			before, after := filepath.Join(tm.dir, "before"), filepath.Join(tm.dir, "after")
			tm.send(fmt.Sprintf("stty -a > %s; UNKNOT_CRASH_TEST=%s %s --data-dir %s session --technique %s --technique %s --technique %s --hold 2s --lead-in 0 2>%s/err; echo EXIT=$?; stty -a > %s",
				before, where, bin, data, ids[0], ids[1], ids[2], tm.dir, after), "Enter")
			tm.throughToSession("4")
			tm.waitScreen("step 2 of 3", 10*time.Second)
			tm.send("!")
			if status := tm.waitExit(10 * time.Second); status == "0" {
				t.Errorf("exit status 0 after a crash:\n%s", tm.screen())
			}
			tm.waitFor("stty -a after", 5*time.Second, func() bool { b, _ := os.ReadFile(after); return len(b) > 0 })
			b, _ := os.ReadFile(before)
			a, _ := os.ReadFile(after)
			if string(a) != string(b) {
				t.Errorf("terminal settings changed:\n%s\n---\n%s", b, a)
			}
			errText, _ := os.ReadFile(filepath.Join(tm.dir, "err"))
			for _, want := range []string{"panic", "goroutine", "unknot hit a bug and stopped"} {
				if !strings.Contains(string(errText), want) {
					t.Errorf("stderr lacks %q:\n%.600s", want, errText)
				}
			}
			sessions, js := historyJSON(t, bin, data)
			if len(sessions) != 1 || sessions[0].Status != "quit" || len(sessions[0].Steps) < 1 || sessions[0].Steps[0].Outcome != "done" {
				t.Errorf("journal after the crash: %s", js)
			}
		})
	}
}

// TERM=dumb and a missing controlling terminal both give plain mode.
func TestE2EDumbTerminalAndNoTTY(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	tm := newTmux(t, 80, 24)
	tm.send(fmt.Sprintf("TERM=dumb %s --data-dir %s/data session", bin, tm.dir), "Enter")
	tm.waitScreen("How old are you?", 10*time.Second)
	if strings.Contains(tm.run("capture-pane", "-p", "-e", "-t", "e2e"), "\x1b[?1049h") {
		t.Error("alternate screen with TERM=dumb")
	}
	tm.send("C-c")
	// The shell's prompt first: a line typed while the program is still
	// going would be its answer, not the shell's command.
	tm.waitFor("the shell's prompt", 5*time.Second, func() bool {
		lines := strings.Split(strings.TrimRight(tm.screen(), "\n "), "\n")
		return strings.TrimSpace(lines[len(lines)-1]) == "$"
	})
	tm.send("echo EXIT=$?", "Enter")
	tm.waitExit(5 * time.Second)

	// setsid: a new session with no controlling terminal; stdout is still
	// the pane, stdin is not a terminal.
	// Clear first, on its own: the command below can finish and print its
	// status before a poll would ever see the cleared screen.
	tm.send("clear", "Enter")
	tm.waitFor("the clear", 10*time.Second, func() bool { return !exitLine.MatchString(tm.screen()) })
	tm.send(fmt.Sprintf("setsid -w %s --data-dir %s/data2 session < /dev/null 2>%s/err2; echo EXIT=$?", bin, tm.dir, tm.dir), "Enter")
	tm.waitExit(10 * time.Second)
	errText, _ := os.ReadFile(filepath.Join(tm.dir, "err2"))
	if !strings.Contains(string(errText), "no controlling terminal") || !strings.Contains(tm.screen(), "How old are you?") {
		t.Errorf("without a controlling terminal: stderr %q\n%s", errText, tm.screen())
	}
}
