package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// What the session screen keeps of its last frame never shows a stale
// part: at every tenth of a second of a whole session, through a pause,
// the help, a resize and a change of background, the frame (colours
// included) is the one drawn from nothing.
func TestSessionFramesMatchFreshOnes(t *testing.T) {
	m, clk := newSession(t, 120, 40)
	fresh := func(when string) {
		t.Helper()
		got := m.View().Content
		m.session.drawn, m.helpLine = sessionDrawn{}, helpLine{}
		m.session.text.warnView = ""
		if want := m.View().Content; got != want {
			t.Fatalf("%s: the frame differs from one drawn afresh:\n%s\n---\n%s", when, got, want)
		}
	}
	for i := 0; !m.session.done() && i < 2000; i++ {
		switch i {
		case 50:
			m, _ = update(t, m, press("space")) // pause
		case 80:
			m, _ = update(t, m, press("space")) // resume
		case 120:
			m, _ = update(t, m, press("?"))
		case 150:
			m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		case 300:
			m, _ = update(t, m, tea.BackgroundColorMsg{})
		}
		clk.advance(100 * time.Millisecond)
		m = tick(t, m, clk)
		fresh(clk.now().Sub(t0).String())
	}
}
