package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
)

var t0 = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

// fakeClock is the injected clock: tests move it by hand, nothing sleeps.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func press(s string) tea.KeyPressMsg {
	switch s {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func update(t *testing.T, m *Model, msg tea.Msg) (*Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(msg)
	return next.(*Model), cmd
}

// testSteps: a 3 s hold without lead-in, a bilateral 40 s stretch with a
// 5 s lead-in, and a last 20 s hold.
func testSteps() []session.Step {
	return []session.Step{
		{TechniqueID: "shoulder-rolls", Name: "Shoulder rolls", Rep: 1, Reps: 1, Hold: 30 * time.Second, LeadIn: 5 * time.Second,
			Cue: "Lift your shoulders to your ears, then roll them back and down.", Breathing: "In as they lift, out as they drop.",
			Precaution: "Keep the movement small if anything pinches."},
		{TechniqueID: "doorway-chest-stretch", Name: "Doorway chest stretch", Side: session.SideLeft, Rep: 1, Reps: 1, Item: 1,
			Hold: 40 * time.Second, LeadIn: 5 * time.Second, Cue: "Step through until the chest opens; no further.",
			Precaution: "Hands no higher than your shoulders."},
		{TechniqueID: "doorway-chest-stretch", Name: "Doorway chest stretch", Side: session.SideRight, Rep: 1, Reps: 1, Item: 1,
			Hold: 40 * time.Second, LeadIn: 5 * time.Second, Cue: "Step through until the chest opens; no further.",
			Precaution: "Hands no higher than your shoulders."},
	}
}

// newSession starts a model on testSteps at t0 with the given size, as if
// the safety screen, intake and plan had led there.
func newSession(t *testing.T, w, h int) (*Model, *fakeClock) {
	t.Helper()
	clk := &fakeClock{t: t0}
	m := New(Options{Catalogue: content.MustLoad(), Now: clk.now})
	m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m.direct = true
	m.session = newSessionScreen("Test routine", testSteps(), m.now, m.keys, m.st)
	m.session.techs = testTechniques(m.cat)
	m.session.SetSize(w, h)
	m.show(screenSession)
	m, _ = update(t, m, startMsg{at: clk.now()})
	return m, clk
}

// testTechniques are testSteps' techniques, by their Item, for figures.
func testTechniques(cat *content.Catalogue) []content.Technique {
	rolls, _ := cat.Technique("shoulder-rolls")
	doorway, _ := cat.Technique("doorway-chest-stretch")
	return []content.Technique{rolls, doorway}
}

// tick delivers the current generation's tick at the clock's time.
func tick(t *testing.T, m *Model, clk *fakeClock) *Model {
	t.Helper()
	m, _ = update(t, m, tickMsg{at: clk.now(), gen: m.session.gen})
	return m
}

func view(m *Model) string { return ansi.Strip(m.View().Content) }

func TestCountdownFollowsTheClockNotTicks(t *testing.T) {
	m, clk := newSession(t, 80, 24)
	clk.advance(5 * time.Second) // lead-in over
	m = tick(t, m, clk)
	if ph := m.session.ss.Phase(); ph != session.PhaseHold {
		t.Fatalf("phase = %v, want hold", ph)
	}
	// Many ticks at the same instant must not move the countdown.
	for range 10 {
		m = tick(t, m, clk)
	}
	if got := m.session.WindowTitle(); got != "0:30 · Shoulder rolls" {
		t.Errorf("title = %q", got)
	}
	clk.advance(2500 * time.Millisecond)
	m = tick(t, m, clk)
	if got := m.session.WindowTitle(); got != "0:28 · Shoulder rolls" {
		t.Errorf("title after 2.5 s = %q", got)
	}
	if got := m.View().WindowTitle; got != "0:28 · Shoulder rolls" {
		t.Errorf("view title = %q", got)
	}
}

func TestStaleTicksAreDropped(t *testing.T) {
	m, clk := newSession(t, 80, 24)
	old := m.session.gen
	m, _ = update(t, m, press("space")) // pause: new generation
	if m.session.gen == old {
		t.Fatal("pausing did not start a new tick generation")
	}
	clk.advance(time.Hour)
	m, cmd := update(t, m, tickMsg{at: clk.now(), gen: old})
	if cmd != nil {
		t.Error("a stale tick scheduled another tick")
	}
	if !m.session.ss.Paused() || m.session.ss.Remaining(clk.now()) != 5*time.Second {
		t.Errorf("a stale tick moved a paused lead-in: remaining %v", m.session.ss.Remaining(clk.now()))
	}
}

func TestNothingTicksWhilePaused(t *testing.T) {
	m, clk := newSession(t, 80, 24)
	clk.advance(7 * time.Second)
	m = tick(t, m, clk)
	m, cmd := update(t, m, press("space"))
	if cmd != nil {
		t.Errorf("pause returned a command (a tick), want none")
	}
	clk.advance(2 * time.Second)
	m, cmd = update(t, m, press("space"))
	if cmd == nil {
		t.Fatal("resume scheduled no tick")
	}
	if got := m.session.ss.Remaining(clk.now()); got != 28*time.Second {
		t.Errorf("remaining after a 2 s pause = %v, want 28s", got)
	}
}

func TestSessionKeys(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string
		check func(t *testing.T, m *Model, clk *fakeClock)
	}{
		{"n skips to the next step", []string{"n"}, func(t *testing.T, m *Model, _ *fakeClock) {
			if m.session.ss.Index() != 1 {
				t.Errorf("index = %d, want 1", m.session.ss.Index())
			}
		}},
		{"→ skips too", []string{"right"}, func(t *testing.T, m *Model, _ *fakeClock) {
			if m.session.ss.Index() != 1 {
				t.Errorf("index = %d, want 1", m.session.ss.Index())
			}
		}},
		{"p goes back", []string{"n", "p"}, func(t *testing.T, m *Model, _ *fakeClock) {
			if m.session.ss.Index() != 0 {
				t.Errorf("index = %d, want 0", m.session.ss.Index())
			}
		}},
		{"+ and = add 15 s each", []string{"+", "="}, func(t *testing.T, m *Model, _ *fakeClock) {
			if m.session.ss.Hold() != 60*time.Second {
				t.Errorf("hold = %v, want 1m0s", m.session.ss.Hold())
			}
		}},
		{"- takes 15 s off", []string{"-"}, func(t *testing.T, m *Model, _ *fakeClock) {
			if m.session.ss.Hold() != 15*time.Second {
				t.Errorf("hold = %v, want 15s", m.session.ss.Hold())
			}
		}},
		{"x records hurt and moves on", []string{"n", "x"}, func(t *testing.T, m *Model, _ *fakeClock) {
			if m.screen != screenSummary {
				t.Fatalf("screen = %v, want summary", m.screen)
			}
			if !strings.Contains(view(m), "Doorway chest stretch · left side") {
				t.Errorf("summary does not name the technique that hurt:\n%s", view(m))
			}
		}},
		{"m mutes cues", []string{"m"}, func(t *testing.T, m *Model, _ *fakeClock) {
			if !m.session.muted {
				t.Error("not muted")
			}
		}},
		{"q asks before quitting and pauses", []string{"q"}, func(t *testing.T, m *Model, _ *fakeClock) {
			if !m.session.confirmQuit || !m.session.ss.Paused() {
				t.Error("q did not ask or did not pause")
			}
			if !strings.Contains(view(m), "Quit this session?") {
				t.Errorf("no question on screen:\n%s", view(m))
			}
		}},
		{"q then n keeps going", []string{"q", "n"}, func(t *testing.T, m *Model, _ *fakeClock) {
			if m.session.confirmQuit || m.session.ss.Paused() || m.session.ss.Index() != 0 {
				t.Error("n did not resume the session where it was")
			}
		}},
		{"? shows full help", []string{"?"}, func(t *testing.T, m *Model, _ *fakeClock) {
			if !strings.Contains(view(m), "restart hold") {
				t.Errorf("full help not shown:\n%s", view(m))
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, clk := newSession(t, 80, 24)
			for _, k := range tc.keys {
				m, _ = update(t, m, press(k))
			}
			tc.check(t, m, clk)
		})
	}
}

// q y ends the session on the finish screen, which asks for pain now
// (esc skips it), and then quits a command-line run.
func TestQuitConfirmedGoesToTheFinish(t *testing.T) {
	m, _ := newSession(t, 80, 24)
	m, _ = update(t, m, press("q"))
	m, _ = update(t, m, press("y"))
	if m.screen != screenSummary || !strings.Contains(view(m), "Session stopped") || !strings.Contains(view(m), "How is the pain now") {
		t.Fatalf("q y: screen %v\n%s", m.screen, view(m))
	}
	m, _ = update(t, m, press("esc")) // no pain score
	if strings.Contains(view(m), "Pain now: -1") || m.summary.asking() {
		t.Errorf("skipping the pain score:\n%s", view(m))
	}
	m, cmd := update(t, m, press("enter"))
	if cmd == nil {
		t.Fatal("enter returned no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("done did not end the command-line run")
	}
	line, ok := m.Summary()
	if !ok || !strings.HasPrefix(line, "Session stopped: Test routine") {
		t.Errorf("summary line = %q, %v", line, ok)
	}
}

func TestCtrlCQuitsAtOnce(t *testing.T) {
	m, _ := newSession(t, 80, 24)
	m, cmd := update(t, m, press("ctrl+c"))
	if _, quit := drain(t, m, cmd); !quit {
		t.Error("ctrl+c did not quit")
	}
	if !m.session.done() {
		t.Error("session not stopped")
	}
}

func TestSessionRunsHandsFreeToTheSummary(t *testing.T) {
	m, clk := newSession(t, 80, 24)
	for i := 0; i < 1000 && m.screen == screenSession; i++ {
		d, ok := m.session.ss.NextWake(clk.now())
		if !ok {
			t.Fatal("running session scheduled no wake-up")
		}
		clk.advance(d)
		m = tick(t, m, clk)
	}
	if m.screen != screenSummary {
		t.Fatal("session did not reach the summary on its own")
	}
	v := view(m)
	for _, want := range []string{"Session complete", "3 done", "How is the pain now"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
}

func TestResizeAtAnyMomentKeepsTime(t *testing.T) {
	m, clk := newSession(t, 80, 24)
	clk.advance(12 * time.Second)
	m = tick(t, m, clk)
	for _, size := range [][2]int{{40, 10}, {200, 60}, {60, 15}, {10, 3}, {80, 24}} {
		m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		_ = view(m)
	}
	if got := m.session.ss.Remaining(clk.now()); got != 23*time.Second {
		t.Errorf("remaining after resizes = %v, want 23s", got)
	}
}

func TestTooSmallKeepsTheTimerRunning(t *testing.T) {
	m, clk := newSession(t, 50, 12)
	v := view(m)
	if !strings.Contains(v, "Make the window larger") {
		t.Errorf("no notice at 50×12:\n%s", v)
	}
	clk.advance(6 * time.Second)
	m = tick(t, m, clk)
	if m.session.ss.Phase() != session.PhaseHold {
		t.Error("timer stopped while the window was too small")
	}
	if !strings.Contains(view(m), "0:29 · Shoulder rolls") {
		t.Errorf("notice does not show the countdown:\n%s", view(m))
	}
}

// Golden views of the session screen: lead-in, hold, paused, and too small.
func TestSessionViewGolden(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}, {120, 40}, {40, 10}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			m, clk := newSession(t, size[0], size[1])
			clk.advance(17 * time.Second) // 12 s into the first hold
			m = tick(t, m, clk)
			golden.RequireEqual(t, []byte(view(m)))
		})
	}
	t.Run("lead-in-switch-sides", func(t *testing.T) {
		m, clk := newSession(t, 80, 24)
		m, _ = update(t, m, press("n"))
		m, _ = update(t, m, press("n"))
		clk.advance(2 * time.Second)
		m = tick(t, m, clk)
		golden.RequireEqual(t, []byte(view(m)))
	})
	t.Run("paused", func(t *testing.T) {
		m, clk := newSession(t, 80, 24)
		clk.advance(50 * time.Second) // 10 s into the second step's hold
		m = tick(t, m, clk)
		m, _ = update(t, m, press("space"))
		golden.RequireEqual(t, []byte(view(m)))
	})
	t.Run("summary", func(t *testing.T) {
		m, clk := newSession(t, 80, 24)
		clk.advance(40 * time.Second)
		m = tick(t, m, clk)
		m, _ = update(t, m, press("x"))
		golden.RequireEqual(t, []byte(view(m)))
	})
}

// Every screen fits the terminal exactly: never taller (the alt screen
// would clip the top) and never wider, at any size from the minimum up.
func TestViewsFitTheTerminal(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {61, 16}, {72, 20}, {80, 22}, {80, 24}, {100, 30}, {120, 40}, {200, 60}} {
		w, h := size[0], size[1]
		m, clk := newSession(t, w, h)
		check := func(stage string) {
			v := view(m)
			if got := strings.Count(v, "\n") + 1; got != h {
				t.Errorf("%dx%d %s: view is %d rows", w, h, stage, got)
			}
			for i, line := range strings.Split(v, "\n") {
				if lw := ansi.StringWidth(line); lw > w {
					t.Errorf("%dx%d %s: row %d is %d wide", w, h, stage, i, lw)
				}
			}
		}
		check("lead-in")
		clk.advance(8 * time.Second)
		m = tick(t, m, clk)
		check("hold")
		m, _ = update(t, m, press("?"))
		check("full help")
		m, _ = update(t, m, press("q"))
		check("quit question")
	}
}

func TestHomeViewGolden(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := New(Options{Catalogue: content.MustLoad(), Now: (&fakeClock{t: t0}).now})
			m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			v := view(m)
			if got := strings.Count(v, "\n") + 1; got > size[1] {
				t.Errorf("home is %d rows at height %d", got, size[1])
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// configHome is the home screen at w×h with these mistakes in config.toml.
func configHome(t *testing.T, w, h int, problems ...string) *Model {
	t.Helper()
	m := New(Options{Catalogue: content.MustLoad(), Now: (&fakeClock{t: t0}).now, ConfigProblems: problems})
	m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

var configMistakes = []string{
	"config.toml:2: unknown setting volume (known: voice, bell, reduced_motion, breathe_in, breathe_out)",
	"config.toml:4: breathe_in = 1 is outside 2–15 seconds; using 4",
	`config.toml:5: bell = "off" is not true or false; using true`,
}

// The home screen shows config.toml's mistakes while the app runs: each
// on its row when they fit, one row counting them otherwise, and c lists
// every one of them.
func TestHomeShowsConfigProblems(t *testing.T) {
	short := []string{"config.toml:4: breathe_in = 1 is outside 2–15 seconds; using 4", `config.toml:5: bell = "off" is not true or false; using true`}
	for _, tc := range []struct {
		name     string
		w, h     int
		problems []string
		want     []string
	}{
		{"two that fit", 80, 24, short, short},
		{"three", 80, 24, configMistakes, []string{"config.toml: 3 problems — press c to see them", "c config.toml"}},
		{"two too wide", 60, 15, short, []string{"config.toml: 2 problems — press c to see them"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := configHome(t, tc.w, tc.h, tc.problems...)
			v := view(m)
			for _, w := range tc.want {
				if !strings.Contains(v, w) {
					t.Errorf("home lacks %q:\n%s", w, v)
				}
			}
			if got := strings.Count(v, "\n") + 1; got > tc.h {
				t.Errorf("home is %d rows at height %d", got, tc.h)
			}
			m, _ = update(t, m, press("c"))
			if m.screen != screenConfig {
				t.Fatalf("c opened screen %d", m.screen)
			}
			page := strings.Join(strings.Fields(view(m)), " ")
			for _, p := range tc.problems {
				if !strings.Contains(page, p) {
					t.Errorf("the page lacks %q:\n%s", p, view(m))
				}
			}
			// Back home the mistakes are still said: the file is not read again.
			m, _ = update(t, m, press("esc"))
			if v := view(m); m.screen != screenHome || !strings.Contains(v, tc.want[0]) {
				t.Errorf("back home (screen %d) without the mistakes:\n%s", m.screen, v)
			}
		})
	}
	// Without mistakes, c does nothing and the help does not offer it.
	m := configHome(t, 80, 24)
	if v := view(m); strings.Contains(v, "config") {
		t.Errorf("home speaks of config.toml without mistakes:\n%s", v)
	}
	if m, _ = update(t, m, press("c")); m.screen != screenHome {
		t.Errorf("c left home without mistakes: screen %d", m.screen)
	}
}

func TestHomeConfigProblemsGolden(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			golden.RequireEqual(t, []byte(view(configHome(t, size[0], size[1], configMistakes[1:]...))))
		})
	}
}

// ctrl+z pauses the hold before suspending; it stays paused after fg.
func TestSuspendPausesFirst(t *testing.T) {
	m, clk := newSession(t, 80, 24)
	m.opt.CanSuspend = true
	clk.advance(8 * time.Second)
	m = tick(t, m, clk)
	m, cmd := update(t, m, tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	if !m.session.ss.Paused() {
		t.Fatal("ctrl+z did not pause the hold")
	}
	if cmd == nil {
		t.Fatal("ctrl+z did not suspend")
	}
	left := m.session.ss.Remaining(clk.now())
	clk.advance(10 * time.Minute) // suspended
	m, _ = update(t, m, tea.ResumeMsg{})
	if !m.session.ss.Paused() || m.session.ss.Remaining(clk.now()) != left {
		t.Error("the hold moved while suspended, or resumed by itself")
	}
	m, _ = update(t, m, press("space"))
	if m.session.ss.Paused() {
		t.Error("space did not resume")
	}
}

// Without job control (unknot as the terminal's own command), ctrl+z and
// an outside SIGTSTP pause the hold and say so, and never stop the
// process: nothing could resume it.
func TestSuspendWithoutJobControl(t *testing.T) {
	for _, how := range []tea.Msg{tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}, SuspendMsg{}} {
		m, clk := newSession(t, 80, 24)
		m.opt.CanSuspend = false
		clk.advance(8 * time.Second)
		m = tick(t, m, clk)
		m, cmd := update(t, m, how)
		if !m.session.ss.Paused() {
			t.Errorf("%T did not pause the hold", how)
		}
		if suspends(cmd) {
			t.Errorf("%T suspended the process without job control", how)
		}
		if v := view(m); !strings.Contains(v, "can't suspend here") {
			t.Errorf("%T: no notice:\n%s", how, v)
		}
		m, _ = update(t, m, press("space"))
		if m.session.ss.Paused() || strings.Contains(view(m), "can't suspend here") {
			t.Errorf("space did not go on, or the notice stayed")
		}
	}
}

// An outside SIGTSTP (SuspendMsg) suspends like ctrl+z where it can.
func TestSuspendMsgSuspends(t *testing.T) {
	m, _ := newSession(t, 80, 24)
	m.opt.CanSuspend = true
	m, cmd := update(t, m, SuspendMsg{})
	if !m.session.ss.Paused() || !suspends(cmd) {
		t.Errorf("paused %v, suspends %v", m.session.ss.Paused(), suspends(cmd))
	}
	// The launcher's PrepareSuspend runs before Bubble Tea suspends.
	var order []string
	m.opt.PrepareSuspend = func() { order = append(order, "prepare") }
	m, _ = update(t, m, press("space"))
	m, cmd = update(t, m, SuspendMsg{})
	var msgs []tea.Msg
	collect(cmd, &msgs)
	if len(order) != 1 || len(msgs) == 0 || msgs[len(msgs)-1] != tea.Msg(tea.SuspendMsg{}) {
		t.Fatalf("prepared %v, messages %v: want prepare, then suspend last", order, msgs)
	}
}

// collect runs cmd and what it sequences or batches, gathering messages.
func collect(cmd tea.Cmd, msgs *[]tea.Msg) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice {
		for i := 0; i < v.Len(); i++ {
			if c, ok := v.Index(i).Interface().(tea.Cmd); ok {
				collect(c, msgs)
			}
		}
		return
	}
	*msgs = append(*msgs, msg)
}

// suspends runs cmd (and what it sequences or batches) and reports
// whether it asks Bubble Tea to suspend.
func suspends(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.SuspendMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if suspends(c) {
				return true
			}
		}
	default:
		// tea.Sequence's message is unexported: walk it as a slice of Cmds.
		v := reflect.ValueOf(msg)
		if v.Kind() == reflect.Slice {
			for i := 0; i < v.Len(); i++ {
				if c, ok := v.Index(i).Interface().(tea.Cmd); ok && suspends(c) {
					return true
				}
			}
		}
	}
	return false
}

// x says on screen what it did: the technique stays out next time.
func TestHurtSaysItIsNoted(t *testing.T) {
	m, _ := newSession(t, 80, 24) // shoulder rolls, then the doorway stretch
	m, _ = update(t, m, press("x"))
	if m.screen != screenSession {
		t.Fatalf("x on the first of two techniques left the session: screen %v", m.screen)
	}
	if st, _ := m.session.ss.Current(); st.TechniqueID != "doorway-chest-stretch" {
		t.Errorf("after x the step is %s, want the next technique", st.TechniqueID)
	}
	if v := view(m); !strings.Contains(strings.ToLower(v), "noted: out of your next plans") { // shown in capitals
		t.Errorf("x said nothing:\n%s", v)
	}
}
