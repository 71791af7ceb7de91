package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// The end-to-end tests drive the real binary in a real terminal (tmux).
// Without tmux they skip, unless UNKNOT_E2E_REQUIRED is set (CI sets it).

// tmuxTerm is one tmux server with one pane running a plain shell.
type tmuxTerm struct {
	t      *testing.T
	socket string
	dir    string
}

func requireTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("UNKNOT_E2E_REQUIRED") != "" {
			t.Fatal("tmux is required for the end-to-end tests")
		}
		t.Skip("tmux not installed; end-to-end tests skipped")
	}
}

// The binary is built once for the whole package run, on first need, and
// removed by TestMain.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
	out      []byte
}

// buildBinary compiles unknot (once per run) and returns its path.
func buildBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "unknot-bin-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "unknot")
		built.out, built.err = exec.Command("go", "build", "-tags", "crashtest", "-o", built.bin, "..").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

func newTmux(t *testing.T, w, h int) *tmuxTerm {
	t.Helper()
	// Not t.TempDir: processes in the pane may still be closing files when
	// the test ends, and a late file must not fail the test.
	dir, err := os.MkdirTemp("", "unknot-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	tm := &tmuxTerm{t: t, socket: filepath.Join(dir, "tmux.sock"), dir: dir}
	tm.run("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "-i", "PATH="+os.Getenv("PATH"), "HOME="+dir, "TERM=xterm-256color", "PS1=$ ",
		"bash", "--norc", "--noprofile")
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmuxTerm) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *tmuxTerm) send(keys ...string) {
	tm.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}
func (tm *tmuxTerm) screen() string { return tm.run("capture-pane", "-p", "-t", "e2e") }
func (tm *tmuxTerm) title() string {
	return strings.TrimSpace(tm.run("display-message", "-p", "-t", "e2e", "#{pane_title}"))
}

// poll checks cond every 40 ms until it holds (true) or timeout passes
// (false).
func (tm *tmuxTerm) poll(timeout time.Duration, cond func() bool) bool {
	deadline := time.After(timeout)
	tick := time.NewTicker(40 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline:
			return false
		case <-tick.C:
		}
	}
	return true
}

// waitFor polls the terminal until cond holds, failing after timeout.
func (tm *tmuxTerm) waitFor(what string, timeout time.Duration, cond func() bool) {
	tm.t.Helper()
	deadline := time.After(timeout)
	poll := time.NewTicker(40 * time.Millisecond)
	defer poll.Stop()
	for !cond() {
		select {
		case <-deadline:
			tm.t.Fatalf("timed out waiting for %s; screen:\n%s\ntitle: %q", what, tm.screen(), tm.title())
		case <-poll.C:
		}
	}
}

func (tm *tmuxTerm) waitScreen(substr string, timeout time.Duration) {
	tm.t.Helper()
	tm.waitFor(fmt.Sprintf("%q on screen", substr), timeout, func() bool { return strings.Contains(tm.screen(), substr) })
}

var titleCountdown = regexp.MustCompile(`^(\d+):(\d\d) · `)

// countdown reads the seconds left from the window title ("0:27 · Name").
func (tm *tmuxTerm) countdown() (int, bool) {
	m := titleCountdown.FindStringSubmatch(tm.title())
	if m == nil {
		return 0, false
	}
	var min, sec int
	fmt.Sscan(m[1], &min)
	fmt.Sscan(m[2], &sec)
	return min*60 + sec, true
}

// answerSafetyNo answers the safety check all clear, one step at a time
// (age 20 to 50, no, none of these, no cautions), and stops on the
// stop-rules page.
func (tm *tmuxTerm) answerSafetyNo() {
	tm.t.Helper()
	tm.waitScreen("Safety check", 10*time.Second)
	past := func() bool {
		s := tm.screen()
		return strings.Contains(s, "when to stop") || strings.Contains(s, "About today")
	}
	for i := 0; i < 20 && !past(); i++ {
		before := tm.screen()
		switch {
		case strings.Contains(before, "How old are you?"):
			tm.send("2")
		case strings.Contains(before, "Cautions:"):
			tm.send("Enter")
		default:
			tm.send("n")
		}
		tm.waitFor("the next step of the safety check", 3*time.Second, func() bool { return tm.screen() != before })
	}
}

// throughToPlan answers the safety screen "no" throughout, reads the stop
// rules and gives a pain score, up to the plan screen.
func (tm *tmuxTerm) throughToPlan(pain string) {
	tm.t.Helper()
	tm.answerSafetyNo()
	if strings.Contains(tm.screen(), "Before you start: when to stop") { // the full rules, the first time (the intake's help names "r when to stop")
		tm.send("Enter")
	}
	tm.waitScreen("How bad is the pain", 3*time.Second)
	tm.send(pain, "Enter")
	tm.waitScreen("What does it feel like?", 3*time.Second)
	tm.send("Enter") // nothing sharp, no numbness
	tm.waitScreen("planned", 3*time.Second)
}

// painAfter answers the finish screen: pain now, no note, and waits for
// the result line.
func (tm *tmuxTerm) painAfter(pain, result string) {
	tm.t.Helper()
	tm.send(pain, "Enter")
	tm.waitScreen("Anything to note", 3*time.Second)
	tm.send("Enter")
	tm.waitScreen(result, 3*time.Second)
}

// throughToSession is throughToPlan, then starts the plan as proposed.
func (tm *tmuxTerm) throughToSession(pain string) {
	tm.t.Helper()
	tm.throughToPlan(pain)
	tm.send("s")
}

// singleHoldTechniques picks n techniques that expand into exactly one hold.
func singleHoldTechniques(t *testing.T, bin string, n int) []string {
	t.Helper()
	out, err := exec.Command(bin, "list", "--json").Output()
	if err != nil {
		t.Fatalf("unknot list --json: %v", err)
	}
	var list []struct {
		ID    string `json:"id"`
		Holds int    `json:"holds"`
	}
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range list {
		if e.Holds == 1 && len(ids) < n {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) < n {
		t.Fatalf("only %d single-hold techniques", len(ids))
	}
	return ids
}

// A three-step session, driven by keys in a real terminal: the countdown
// runs down, space freezes it, n skips, p goes back, q y quits and the
// shell gets its terminal back exactly as it was.
func TestE2EGuidedSession(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 3)
	tm := newTmux(t, 80, 24)
	before, after := filepath.Join(tm.dir, "before"), filepath.Join(tm.dir, "after")

	cmd := fmt.Sprintf("stty -a > %s; %s session --technique %s --technique %s --technique %s --hold 3s --lead-in 0; echo EXIT=$?; stty -a > %s",
		before, bin, ids[0], ids[1], ids[2], after)
	tm.send(cmd, "Enter")
	tm.throughToSession("3")
	tm.waitScreen("step 1 of 3", 10*time.Second)

	// The countdown decreases.
	first, ok := 0, false
	tm.waitFor("a countdown in the title", 5*time.Second, func() bool { first, ok = tm.countdown(); return ok })
	tm.waitFor("the countdown to go down", 5*time.Second, func() bool {
		n, ok := tm.countdown()
		return ok && n < first
	})

	// space freezes it for two seconds.
	tm.send("Space")
	tm.waitFor("paused", 3*time.Second, func() bool { return strings.Contains(tm.title(), "(paused)") })
	frozen, _ := tm.countdown()
	<-time.After(2 * time.Second)
	if n, _ := tm.countdown(); n != frozen || !strings.Contains(tm.screen(), "step 1 of 3") {
		t.Fatalf("countdown moved while paused: %d → %d\n%s", frozen, n, tm.screen())
	}
	tm.send("Space")
	tm.waitFor("resumed", 3*time.Second, func() bool { return !strings.Contains(tm.title(), "(paused)") })

	// n skips, p goes back.
	tm.send("n")
	tm.waitScreen("step 2 of 3", 3*time.Second)
	tm.send("p")
	tm.waitScreen("step 1 of 3", 3*time.Second)

	// q asks; y ends the session on the finish screen; q there quits; the
	// shell is back with the same terminal settings.
	tm.send("q")
	tm.waitScreen("Quit this session?", 3*time.Second)
	tm.send("y")
	tm.waitScreen("How is the pain now", 3*time.Second)
	tm.send("q")
	tm.waitScreen("EXIT=0", 5*time.Second)
	tm.waitFor("stty -a after", 5*time.Second, func() bool { _, err := os.Stat(after); return err == nil })
	if !strings.Contains(tm.screen(), "Session stopped") {
		t.Errorf("no summary line after quitting:\n%s", tm.screen())
	}
	b, _ := os.ReadFile(before)
	tm.waitFor("stty -a written", 3*time.Second, func() bool { a, _ := os.ReadFile(after); return len(a) > 0 })
	a, _ := os.ReadFile(after)
	if string(a) != string(b) {
		t.Errorf("terminal settings changed:\nbefore:\n%s\nafter:\n%s", b, a)
	}
}

// Left alone, a short session runs hands-free to its summary.
func TestE2EHandsFree(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 2)
	tm := newTmux(t, 60, 15)
	tm.send(fmt.Sprintf("%s session --technique %s --technique %s --hold 2s --lead-in 1s", bin, ids[0], ids[1]), "Enter")
	tm.throughToSession("2")
	tm.waitScreen("step 1 of 2", 10*time.Second)
	tm.waitScreen("Session complete", 15*time.Second)
	screen := tm.screen()
	if !strings.Contains(screen, "2 done") {
		t.Errorf("summary does not show both steps done:\n%s", screen)
	}
	tm.send("1", "Enter")
	tm.waitScreen("Anything to note", 3*time.Second)
	tm.send("Enter")
	tm.waitScreen("about the same", 3*time.Second) // pain 2 → 1 is within normal ups and downs
	tm.send("Enter")
	tm.waitScreen("Session complete: ", 5*time.Second)
	if !strings.Contains(tm.screen(), "Pain 2 → 1") {
		t.Errorf("exit line lacks the pain change:\n%s", tm.screen())
	}
}

// kill -9 in the middle of a session: the next start shows the session as
// interrupted, with the steps that had finished.
func TestE2EKilledSessionIsInterrupted(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 3)
	tm := newTmux(t, 80, 24)
	data := filepath.Join(tm.dir, "data")
	tm.send(fmt.Sprintf("%s --data-dir %s session --technique %s --technique %s --technique %s --hold 2s --lead-in 0",
		bin, data, ids[0], ids[1], ids[2]), "Enter")
	tm.throughToSession("4")
	tm.waitScreen("step 2 of 3", 10*time.Second)
	pid := tm.unknotPID()
	if err := exec.Command("kill", "-9", pid).Run(); err != nil {
		t.Fatal(err)
	}
	// kill returns once the signal is sent; the process stays (a zombie)
	// until the shell reaps it, and until then the journal rightly reads
	// its session as running. Under load that took long enough for
	// history to see it (CI).
	tm.waitFor("the killed process to be gone", 10*time.Second, func() bool {
		return exec.Command("kill", "-0", pid).Run() != nil
	})
	sessions, js := historyJSON(t, bin, data)
	if len(sessions) != 1 || sessions[0].Status != "interrupted" || len(sessions[0].Steps) < 1 ||
		sessions[0].Steps[0].Outcome != "done" || sessions[0].PainBefore == nil || *sessions[0].PainBefore != 4 {
		t.Errorf("after kill -9: %s", js)
	}
}

// A damaged journal: unknot says it is not saving, the session still runs,
// and the file is left exactly as it was.
func TestE2EDamagedJournal(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 1)
	tm := newTmux(t, 80, 24)
	data := filepath.Join(tm.dir, "data")
	os.MkdirAll(data, 0o700)
	garbage := []byte(strings.Repeat("not a database ", 100))
	os.WriteFile(filepath.Join(data, "unknot.db"), garbage, 0o600)
	tm.send(fmt.Sprintf("%s --data-dir %s session --technique %s --hold 2s --lead-in 0 2>%s/err", bin, data, ids[0], tm.dir), "Enter")
	tm.waitScreen("Not saving", 10*time.Second)
	tm.throughToSession("3")
	tm.waitScreen("Session complete", 15*time.Second)
	tm.send("2", "Enter", "Enter", "Enter")
	tm.waitScreen("Session complete: ", 5*time.Second)
	if b, _ := os.ReadFile(filepath.Join(data, "unknot.db")); string(b) != string(garbage) {
		t.Error("the damaged journal was changed")
	}
	if b, _ := os.ReadFile(filepath.Join(tm.dir, "err")); !strings.Contains(string(b), "damaged") {
		t.Errorf("stderr = %q", b)
	}
}

// The whole path on a fresh data directory: safety check → intake → plan
// → session → finish → history.
func TestE2ECompletePath(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	tm := newTmux(t, 80, 24)
	data := filepath.Join(tm.dir, "data")
	tm.send(fmt.Sprintf("%s --data-dir %s session --hold 1s --lead-in 0; echo EXIT=$?", bin, data), "Enter")
	tm.answerSafetyNo()
	tm.send("Enter")
	tm.waitScreen("Where does it hurt?", 3*time.Second)
	tm.send("Enter") // between the shoulder blades
	tm.waitScreen("How bad is the pain", 3*time.Second)
	tm.send("5", "Enter")
	tm.waitScreen("What does it feel like?", 3*time.Second)
	tm.send("2", "Enter") // knotted
	tm.waitScreen("How long have you had it?", 3*time.Second)
	tm.send("Enter")
	tm.waitScreen("What makes it worse?", 3*time.Second)
	tm.send("1", "Enter") // desk work
	tm.waitScreen("Where are you?", 3*time.Second)
	tm.send("Enter") // room on the floor
	tm.waitScreen("What do you have to hand?", 3*time.Second)
	tm.send("6", "Enter") // a wall
	tm.waitScreen("How much time do you have?", 3*time.Second)
	tm.send("2") // 5 minutes
	tm.waitScreen("How much pressure", 3*time.Second)
	tm.send("Enter")
	tm.waitScreen("Your plan for today", 3*time.Second)
	if !strings.Contains(tm.screen(), "Why:") {
		t.Errorf("plan without reasons:\n%s", tm.screen())
	}
	tm.send("s")
	tm.waitScreen("Session complete", 60*time.Second)
	tm.painAfter("2", "Down 3 points")
	tm.send("Enter")
	tm.waitScreen("EXIT=0", 5*time.Second)

	// The history screen shows it.
	tm.send(fmt.Sprintf("clear; %s --data-dir %s", bin, data), "Enter")
	tm.waitScreen("Last session:", 10*time.Second)
	if !strings.Contains(tm.screen(), "pain 5 → 2 (-3)") {
		t.Errorf("home does not show the last session:\n%s", tm.screen())
	}
	// Repeat last session, Start a session, Quick desk break, Ready-made
	// routines, Browse, History.
	if !strings.Contains(tm.screen(), "Repeat last session") {
		t.Errorf("home does not offer the last session again:\n%s", tm.screen())
	}
	tm.send("Down", "Down", "Down", "Down", "Down", "Enter")
	tm.waitScreen("What helps you", 3*time.Second)
	// The table comes from a read of its own ("Reading your sessions…").
	tm.waitScreen("completed", 5*time.Second)
	for _, want := range []string{"1 session", "streak 1 day", "5 → 2", "completed", "before", "after"} {
		if !strings.Contains(tm.screen(), want) {
			t.Errorf("history lacks %q:\n%s", want, tm.screen())
		}
	}
	tm.send("q")
	tm.send("q")
}
