package ui

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/session"
)

// newCueSession is newSession with cues: a fake voice, the bell, and a
// 4 s in / 6 s out breathing pacer.
func newCueSession(t *testing.T, w, h int, reduced bool) (*Model, *fakeClock, *cue.Fake) {
	t.Helper()
	voice := &cue.Fake{}
	clk := &fakeClock{t: t0}
	m := New(Options{Catalogue: content.MustLoad(), Now: clk.now, Speech: voice, Voice: true, Bell: true,
		ReducedMotion: reduced, BreatheIn: 4 * time.Second, BreatheOut: 6 * time.Second, Tick: noWait})
	m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m.direct = true
	m.session = newSessionScreen("Test routine", testSteps(), m.now, m.keys, m.st)
	m.session.cues = m.cueSettings()
	m.session.tick = noWait
	m.session.SetSize(w, h)
	m.show(screenSession)
	m, _ = drain(t, m, func() tea.Msg { return startMsg{at: clk.now()} })
	return m, clk, voice
}

// A session can be followed by ear: what is said, in order.
func TestSpokenCues(t *testing.T) {
	m, clk, voice := newCueSession(t, 80, 24, false)
	runToEnd(t, m, clk)
	got := voice.Texts()
	want := []string{
		"Shoulder rolls, 30 seconds",
		"In as they lift, out as they drop.",
		"Halfway",
		"3", "2", "1",
		"Done. Doorway chest stretch, left side, 40 seconds",
		"Halfway",
		"3", "2", "1",
		"Done. Doorway chest stretch, right side, 40 seconds. Switch sides",
		"Halfway",
		"3", "2", "1",
		"Done. Session complete",
	}
	if !slices.Equal(got, want) {
		t.Errorf("spoken:\n%q\nwant:\n%q", got, want)
	}
}

func TestMuteSilencesVoiceAndBell(t *testing.T) {
	m, clk, voice := newCueSession(t, 80, 24, false)
	m, _ = do(t, m, "m")
	if !strings.Contains(view(m), "Sound off: no voice and bell") {
		t.Errorf("m does not say what it changed:\n%s", view(m))
	}
	before := len(voice.Texts())
	clk.advance(20 * time.Second)
	next, cmd := m.Update(tickMsg{at: clk.now(), gen: m.session.gen})
	m = next.(*Model)
	if hasBell(cmd) {
		t.Error("the bell rang while muted")
	}
	m, _ = drain(t, m, cmd)
	if len(voice.Texts()) != before {
		t.Errorf("spoke while muted: %q", voice.Texts()[before:])
	}
	if !strings.Contains(view(m), "m sound: off") {
		t.Errorf("help does not show the cue state:\n%s", view(m))
	}
	if strings.Contains(view(m), "Sound off") {
		t.Errorf("the note stayed after 20 s:\n%s", view(m))
	}
	m, _ = do(t, m, "m")
	if !strings.Contains(view(m), "Sound on: voice and bell") {
		t.Errorf("m does not say what it changed:\n%s", view(m))
	}
	if !strings.Contains(view(m), "m sound: on") {
		t.Errorf("help does not show the cue state:\n%s", view(m))
	}
}

// hasBell reports whether a command (or batch) rings the bell.
func hasBell(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			if hasBell(c) {
				return true
			}
		}
	case tea.RawMsg:
		return msg.Msg == "\a"
	}
	return false
}

func TestBellRingsAtTheRightMoments(t *testing.T) {
	m, clk, _ := newCueSession(t, 80, 24, false)
	rang := 0
	for m.screen == screenSession {
		d, _ := m.session.ss.NextWake(clk.now())
		clk.advance(d)
		next, cmd := m.Update(tickMsg{at: clk.now(), gen: m.session.gen})
		if hasBell(cmd) {
			rang++
		}
		m, _ = drain(t, next.(*Model), cmd)
	}
	// Three holds start, three halfways, one switch of sides (at the start
	// of its lead-in), and the end of the session.
	if rang != 8 {
		t.Errorf("bell rang %d times, want 8", rang)
	}
}

func TestPacer(t *testing.T) {
	p := pacer{In: 4 * time.Second, Out: 6 * time.Second}
	for _, tc := range []struct {
		at   time.Duration
		in   bool
		full float64
		left time.Duration
	}{
		{0, true, 0, 4 * time.Second},
		{2 * time.Second, true, 0.5, 2 * time.Second},
		{4 * time.Second, false, 1, 6 * time.Second},
		{7 * time.Second, false, 0.5, 3 * time.Second},
		{10 * time.Second, true, 0, 4 * time.Second},
	} {
		in, full, left := p.at(tc.at)
		if in != tc.in || math.Abs(full-tc.full) > 1e-9 || left != tc.left {
			t.Errorf("at %v: %v %.2f %v", tc.at, in, full, left)
		}
	}
	// Waking at each change lands on a whole second and moves the bar one
	// step: a fourth of its width on the breath in, a sixth on the way out.
	width, at := 20, time.Duration(0)
	prev := p.cellsAt(at, width)
	for at < 10*time.Second {
		d := p.nextChange(at, width, false)
		if d <= 0 || d > time.Second {
			t.Fatalf("nextChange at %v = %v", at, d)
		}
		at += d
		if at%time.Second != 0 {
			t.Fatalf("the pacer woke at %v, between the countdown's seconds", at)
		}
		if c := p.cellsAt(at, width); c-prev > 5 || prev-c > 4 && c != 0 || c == prev {
			t.Fatalf("bar went from %d to %d cells at %v", prev, c, at)
		} else {
			prev = c
		}
	}
	// With 12 cells: 3 a second on the breath in, 2 a second out, one wake
	// a second, which the countdown needs anyway.
	var wakes []int
	for at = 0; at < 10*time.Second; {
		at += p.nextChange(at, 12, false)
		wakes = append(wakes, p.cellsAt(at, 12))
	}
	want := []int{3, 6, 9, 12, 10, 8, 6, 4, 2, 0}
	if fmt.Sprint(wakes) != fmt.Sprint(want) {
		t.Errorf("over one breath the bar showed %v at its wakes, want %v", wakes, want)
	}
	// A breath of 3.5 s in still fills the bar in steps (four of 7/8 s),
	// empty at the start and full at the turn.
	odd := pacer{In: 3500 * time.Millisecond, Out: 6 * time.Second}
	if c := odd.cellsAt(0, 12); c != 0 {
		t.Errorf("3.5 s breath: %d cells at the start", c)
	}
	if a, b := odd.cellsAt(874*time.Millisecond, 12), odd.cellsAt(875*time.Millisecond, 12); a != 0 || b != 3 {
		t.Errorf("3.5 s breath: %d then %d cells either side of 7/8 s, want 0 then 3", a, b)
	}
	if c := odd.cellsAt(3500*time.Millisecond, 12); c != 12 {
		t.Errorf("3.5 s breath: %d cells at the turn, want 12", c)
	}
	if d := p.nextChange(500*time.Millisecond, width, true); d != 500*time.Millisecond {
		t.Errorf("reduced motion wakes after %v, want only when the count changes (500ms)", d)
	}
}

func TestPacerViews(t *testing.T) {
	for _, reduced := range []bool{false, true} {
		t.Run(fmt.Sprintf("reduced=%v", reduced), func(t *testing.T) {
			m, clk, _ := newCueSession(t, 80, 24, reduced)
			clk.advance(7 * time.Second) // 2 s into the first hold: breathing in
			m, _ = drain(t, m, func() tea.Msg { return tickMsg{at: clk.now(), gen: m.session.gen} })
			v := view(m)
			if !strings.Contains(v, "breathe in") {
				t.Fatalf("no pacer:\n%s", v)
			}
			if strings.Contains(v, "breathe in   █") == reduced {
				t.Errorf("reduced=%v but the bar is %v", reduced, !reduced)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// While paused the pacer stops with the hold, and nothing ticks.
func TestPacerPausesWithTheHold(t *testing.T) {
	m, clk, _ := newCueSession(t, 80, 24, false)
	clk.advance(7 * time.Second)
	m, _ = drain(t, m, func() tea.Msg { return tickMsg{at: clk.now(), gen: m.session.gen} })
	m, _ = update(t, m, press("space"))
	before := m.session.pacerView()
	clk.advance(3 * time.Second)
	if _, ok := m.session.nextWake(); ok {
		t.Error("a tick is scheduled while paused")
	}
	if m.session.pacerView() != before {
		t.Error("the pacer moved while paused")
	}
}

// The session screen in dark and light themes (colours kept) and with no
// colour at all (what NO_COLOR gives: the renderer drops colour codes).
func TestSessionThemesGolden(t *testing.T) {
	render := func(dark bool) string {
		m, clk, _ := newCueSession(t, 80, 24, false)
		m, _ = update(t, m, tea.BackgroundColorMsg{Color: bg(dark)})
		clk.advance(7 * time.Second)
		m, _ = drain(t, m, func() tea.Msg { return tickMsg{at: clk.now(), gen: m.session.gen} })
		return m.View().Content
	}
	dark, light := render(true), render(false)
	if dark == light {
		t.Error("dark and light themes look the same")
	}
	t.Run("dark", func(t *testing.T) { golden.RequireEqual(t, []byte(dark)) })
	t.Run("light", func(t *testing.T) { golden.RequireEqual(t, []byte(light)) })
	t.Run("no-colour", func(t *testing.T) {
		var buf bytes.Buffer
		w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.Ascii}
		w.Write([]byte(dark))
		if regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]`).Match(buf.Bytes()) {
			t.Errorf("colour codes left with no colour")
		}
		golden.RequireEqual(t, buf.Bytes())
	})
}

func bg(dark bool) color.Color {
	if dark {
		return color.Black
	}
	return color.White
}

// The countdown and warnings stand out from the background in both
// themes: WCAG contrast of at least 4.5:1.
func TestContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := newStyles(dark)
		for name, c := range map[string]color.Color{
			"countdown": st.Countdown.GetForeground(),
			"lead-in":   st.LeadIn.GetForeground(),
			"warning":   st.Warning.GetForeground(),
			"text":      st.Cue.GetForeground(),
		} {
			if r := contrast(c, bg(dark)); r < 4.5 {
				t.Errorf("dark=%v: %s contrast %.2f, want ≥ 4.5", dark, name, r)
			}
		}
	}
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// A tick stamped by another clock (the timer's, a day behind the coach's)
// neither moves the session nor breaks the pacer: the session reads the
// injected clock. This panicked with "negative Repeat count".
func TestTickStampFromAnotherClock(t *testing.T) {
	p := pacer{In: 4 * time.Second, Out: 6 * time.Second}
	if c := p.cellsAt(-time.Hour, 12); c != 0 {
		t.Errorf("cells before the hold began = %d", c)
	}
	m, clk := newSession(t, 80, 24)
	clk.advance(7 * time.Second) // the 5 s lead-in, then 2 s of the hold
	m, _ = update(t, m, tickMsg{at: clk.now().AddDate(0, 0, -1), gen: m.session.gen})
	if ph, left := m.session.ss.Phase(), m.session.ss.Remaining(clk.now()); ph != session.PhaseHold || left != 28*time.Second {
		t.Errorf("after a tick stamped a day behind: %v with %v left, want the hold with 28 s", ph, left)
	}
	_ = view(m)
}
