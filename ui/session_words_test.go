package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
)

// newSessionOf starts a model on the built-in techniques ids, expanded
// with opt, at t0 with the given size.
func newSessionOf(t *testing.T, w, h int, opt session.Options, ids ...string) (*Model, *fakeClock) {
	t.Helper()
	cat := content.MustLoad()
	var techs []content.Technique
	for _, id := range ids {
		tq, ok := cat.Technique(id)
		if !ok {
			t.Fatalf("no technique %s", id)
		}
		techs = append(techs, tq)
	}
	clk := &fakeClock{t: t0}
	m := New(Options{Catalogue: cat, Now: clk.now})
	m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m.direct = true
	m.session = newSessionScreen("Test routine", session.Expand(techs, opt), m.now, m.keys, m.st)
	m.session.SetSize(w, h)
	m.show(screenSession)
	m, _ = update(t, m, startMsg{at: clk.now()})
	return m, clk
}

// at moves the clock to d after t0 and delivers a tick there.
func (c *fakeClock) at(t *testing.T, m *Model, d time.Duration) *Model {
	t.Helper()
	c.t = t0.Add(d)
	return tick(t, m, c)
}

// The countdown says what the person does: GET INTO POSITION before the
// first hold, HOLD while keeping still, REST · next: … between stages,
// and MOVE for a technique that keeps moving.
func TestCountdownWords(t *testing.T) {
	s := time.Second
	m, clk := newSessionOf(t, 80, 24, session.Options{Hold: 5 * s, LeadIn: -1}, "tennis-ball-spine-release", "shoulder-rolls")
	for _, tc := range []struct {
		at       time.Duration
		want     string
		not      []string
		goldenAs string
	}{
		{0, "GET INTO POSITION", []string{"HOLD", "REST"}, ""},
		{5 * s, "HOLD", []string{"MOVE", "GET INTO POSITION"}, "hold"},
		// Stage 1 ends at 10 s: a 10 s rest before the next stage.
		{10 * s, "REST · next: Middle of the back", []string{"GET INTO POSITION", "HOLD"}, "rest"},
		{19 * s, "REST · next: Middle of the back", nil, ""},
		// The rest over, the next stage's lead-in, then its hold.
		{20 * s, "GET INTO POSITION", []string{"REST"}, ""},
		{25 * s, "HOLD", nil, ""},
		// Stages 3 and 4 (rest 10 s, lead-in 5 s, hold 5 s each) end at
		// 70 s: shoulder rolls' lead-in, then its rolls.
		{70 * s, "GET INTO POSITION", nil, ""},
		{75 * s, "MOVE", []string{"HOLD"}, "move"},
	} {
		m = clk.at(t, m, tc.at)
		v := view(m)
		if !strings.Contains(v, tc.want) {
			t.Errorf("at %v the screen lacks %q:\n%s", tc.at, tc.want, v)
		}
		for _, not := range tc.not {
			if strings.Contains(v, not) {
				t.Errorf("at %v the screen says %q:\n%s", tc.at, not, v)
			}
		}
		if tc.goldenAs != "" {
			t.Run(tc.goldenAs, func(t *testing.T) { golden.RequireEqual(t, []byte(v)) })
		}
	}
}

// --lead-in sets exactly what the screen calls the lead-in (GET INTO
// POSITION), and nothing else: rests between stages keep their length.
func TestLeadInFlagCoversTheLeadIn(t *testing.T) {
	s := time.Second
	for _, tc := range []struct {
		leadIn time.Duration
		// the second stage's lead-in and hold begin at these times
		leadInAt, holdAt time.Duration
	}{
		{0, 0, 15 * s},           // hold 5 s, rest 10 s, no lead-in
		{3 * s, 18 * s, 21 * s},  // lead-in 3 s, hold 5 s, rest 10 s, lead-in 3 s
		{-1, 20 * s, 25 * s},     // the default 5 s
		{20 * s, 35 * s, 55 * s}, // a lead-in longer than the rest
	} {
		m, clk := newSessionOf(t, 80, 24, session.Options{Hold: 5 * s, LeadIn: tc.leadIn}, "tennis-ball-spine-release")
		lead := max(tc.leadIn, 0)
		if tc.leadIn < 0 {
			lead = session.DefaultLeadIn
		}
		if got := strings.Contains(view(m), "GET INTO POSITION"); got != (lead > 0) {
			t.Errorf("--lead-in %v: GET INTO POSITION at the start is %v", tc.leadIn, got)
		}
		m = clk.at(t, m, lead+5*s) // the first hold ends
		if !strings.Contains(view(m), "REST · next:") || m.session.ss.Remaining(clk.now()) != 10*s {
			t.Errorf("--lead-in %v: after the first hold, %v left of:\n%s", tc.leadIn, m.session.ss.Remaining(clk.now()), view(m))
		}
		if lead > 0 {
			m = clk.at(t, m, tc.leadInAt)
			if !strings.Contains(view(m), "GET INTO POSITION") || m.session.ss.Remaining(clk.now()) != lead {
				t.Errorf("--lead-in %v: at %v, %v left of:\n%s", tc.leadIn, tc.leadInAt, m.session.ss.Remaining(clk.now()), view(m))
			}
		}
		m = clk.at(t, m, tc.holdAt)
		if !strings.Contains(view(m), "HOLD") {
			t.Errorf("--lead-in %v: no hold at %v:\n%s", tc.leadIn, tc.holdAt, view(m))
		}
	}
}

// A long stage name is shortened to the width, never wrapped or cut off
// by the terminal.
func TestRestLabelFitsSmallTerminal(t *testing.T) {
	m, clk := newSessionOf(t, 60, 15, session.Options{Hold: 5 * time.Second, LeadIn: -1}, "tennis-ball-spine-release")
	m = clk.at(t, m, 10*time.Second)
	m = clk.at(t, m, 30*time.Second) // the second rest: before "Between the shoulder blades"
	v := view(m)
	if !strings.Contains(v, "REST · next: Between the shoulder blades") {
		t.Errorf("no rest label at 60×15:\n%s", v)
	}
	for _, l := range strings.Split(v, "\n") {
		if w := len([]rune(l)); w > 60 {
			t.Errorf("line wider than 60 (%d): %q", w, l)
		}
	}
	golden.RequireEqual(t, []byte(v))
}
