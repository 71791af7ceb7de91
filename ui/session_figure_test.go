package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
)

// hasFigure reports whether a session view shows a figure: Braille dots.
func hasFigure(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r > 0x2800 && r <= 0x28FF })
}

// The figure shows only where the terminal has room to spare for it;
// where it shows, the countdown, side and precaution are all still there.
func TestSessionFigureOnlyWhereItFits(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		want bool
	}{{60, 15, false}, {80, 24, false}, {80, 30, true}, {100, 24, false}, {120, 24, true}, {100, 30, true}, {120, 40, true}, {200, 60, true}} {
		t.Run(fmt.Sprintf("%dx%d", tc.w, tc.h), func(t *testing.T) {
			m, clk := newSession(t, tc.w, tc.h)
			clk.advance(52 * time.Second) // 12 s into the left side's hold
			m = tick(t, m, clk)
			v := view(m)
			if hasFigure(v) != tc.want {
				t.Errorf("figure shown = %v, want %v:\n%s", hasFigure(v), tc.want, v)
			}
			for _, want := range []string{"HOLD", "Hands no higher than your shoulders.", "Test routine"} {
				if !strings.Contains(v, want) {
					t.Errorf("%q is missing:\n%s", want, v)
				}
			}
			if got := strings.Count(v, "\n") + 1; got != tc.h {
				t.Errorf("%d rows, want %d", got, tc.h)
			}
		})
	}
}

// The right side's hold shows the figure mirrored.
func TestSessionFigureFollowsTheSide(t *testing.T) {
	m, clk := newSession(t, 120, 40)
	clk.advance(35*time.Second + 17*time.Second) // the left side's hold
	m = tick(t, m, clk)
	left := view(m)
	clk.advance(45 * time.Second) // the right side's hold
	m = tick(t, m, clk)
	right := view(m)
	if !strings.Contains(left, "LEFT") || !strings.Contains(right, "RIGHT") {
		t.Fatalf("not on the sides expected:\n%s\n%s", left, right)
	}
	if figureRows(left) == figureRows(right) {
		t.Errorf("both sides draw the same figure:\n%s", figureRows(left))
	}
}

func figureRows(s string) string {
	var rows []string
	for _, l := range strings.Split(s, "\n") {
		if hasFigure(l) {
			rows = append(rows, strings.TrimSpace(l))
		}
	}
	return strings.Join(rows, "\n")
}

// A movement's keyframes step with the hold's own clock, with a wake-up
// at each step and none between; reduced motion keeps the first still.
func TestSessionFigureKeyframes(t *testing.T) {
	m, clk := newSession(t, 120, 40)
	clk.advance(5 * time.Second) // the lead-in is over: shoulder rolls move
	m = tick(t, m, clk)
	seen := map[string]bool{figureRows(view(m)): true}
	for range 3 {
		d, ok := m.session.figureNextChange()
		if !ok || d <= 0 || d > moveCycle {
			t.Fatalf("next keyframe in %v, %v", d, ok)
		}
		clk.advance(d)
		m = tick(t, m, clk)
		seen[figureRows(view(m))] = true
	}
	if len(seen) != 3 {
		t.Errorf("shoulder rolls showed %d different poses in a cycle, want 3", len(seen))
	}
	if fd, _ := m.session.figureNextChange(); true {
		if d, ok := m.session.nextWake(); !ok || d > fd {
			t.Errorf("next wake in %v, after the next keyframe (%v)", d, fd)
		}
	}

	still, clk2, _ := newCueSession(t, 120, 40, true)
	still.session.techs = testTechniques(still.cat)
	clk2.advance(5 * time.Second)
	still = tick(t, still, clk2)
	first := figureRows(view(still))
	for range 6 {
		clk2.advance(time.Second)
		still = tick(t, still, clk2)
		if got := figureRows(view(still)); got != first {
			t.Fatalf("reduced motion moved the figure:\n%s\nthen\n%s", first, got)
		}
	}
	if _, ok := still.session.figureNextChange(); ok {
		t.Error("reduced motion still schedules keyframes")
	}
}

// A two-pose movement with the breathing pacer shows its first pose on
// the breath in and its second on the way out; a still technique's
// figure asks for no wake-ups at all.
func TestSessionFigureFollowsTheBreath(t *testing.T) {
	m, clk, _ := newCueSession(t, 120, 40, false)
	catCow, _ := m.cat.Technique("seated-cat-cow")
	m.session.techs = []content.Technique{catCow, testTechniques(m.cat)[1]}
	clk.advance(5 * time.Second) // the hold begins: 4 s in, 6 s out
	into := time.Duration(0)
	for _, tc := range []struct {
		at   time.Duration
		want int
		next time.Duration
	}{{time.Second, 0, 3 * time.Second}, {5 * time.Second, 1, 5 * time.Second}, {9 * time.Second, 1, time.Second}, {11 * time.Second, 0, 3 * time.Second}} {
		clk.advance(tc.at - into)
		into = tc.at
		m = tick(t, m, clk)
		if frame, next := m.session.frameAt(catCow.Figure); frame != tc.want || next != tc.next {
			t.Errorf("%v into the hold: pose %d, next in %v; want %d, %v", tc.at, frame, next, tc.want, tc.next)
		}
	}

	still, clk2 := newSession(t, 120, 40)
	clk2.advance(45 * time.Second) // the doorway stretch's hold
	still = tick(t, still, clk2)
	if d, ok := still.session.figureNextChange(); ok {
		t.Errorf("a still figure asks to wake in %v", d)
	}
}

// Each stage drawn apart shows its own figure: the balls move up the back.
func TestSessionFigurePerStage(t *testing.T) {
	m, clk := newSessionOf(t, 120, 40, session.Options{LeadIn: 5 * time.Second}, "tennis-ball-spine-release")
	tb, _ := m.cat.Technique("tennis-ball-spine-release")
	m.session.techs = []content.Technique{tb}
	seen := map[string]bool{}
	for _, step := range m.session.ss.Steps() {
		if step.StageNumber() == 0 {
			t.Fatalf("step %+v has no stage", step)
		}
	}
	var at time.Duration
	for i, step := range m.session.ss.Steps() {
		at += step.Rest + step.LeadIn + time.Second // a second into this hold
		m = clk.at(t, m, at)
		if got := m.session.ss.Index(); got != i {
			t.Fatalf("at %v: step %d, want %d", at, got, i)
		}
		seen[figureRows(view(m))] = true
		at += step.Hold - time.Second
	}
	if n := len(m.session.ss.Steps()); len(seen) != n {
		t.Errorf("%d stages showed %d different figures", n, len(seen))
	}
}
