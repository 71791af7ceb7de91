package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/figure"
	"github.com/unknot/unknot/session"
)

// The session shows the figure when the terminal has room for it beside
// all the rest: from figureFromWidth columns or figureFromHeight rows, and
// then only if its rows are spare (the countdown, the side and the
// precaution are never pushed off for it).
const (
	figureFromWidth  = 100
	figureFromHeight = 30
)

// moveCycle is how long one round of a movement's keyframes takes when
// no breathing pace sets it.
const moveCycle = 6 * time.Second

type figureKey struct {
	item, stage, frame int
	mirror, beside     bool
	width              int
	st                 *styles
}

// stepFigure is the figure of the current step: its stage's, else its
// technique's; ok is false when it has none.
func (m *sessionScreen) stepFigure() (content.Figure, session.Step, bool) {
	step, ok := m.ss.Current()
	if !ok || step.Item < 0 || step.Item >= len(m.techs) {
		return content.Figure{}, step, false
	}
	f := m.techs[step.Item].FigureFor(step.StageNumber())
	return f, step, f.Drawn()
}

// animating reports whether the figure steps through its keyframes now:
// during a moving hold that runs, unless motion is reduced.
func (m *sessionScreen) animating(f content.Figure) bool {
	return f.Frames() > 1 && !m.cues.reduced && !m.ss.Paused() && m.ss.Phase() == session.PhaseHold
}

// frameAt is the keyframe showing now and how long until the next: a
// two-pose movement with a breathing pace shows one pose on the breath in
// and the other on the way out; others split the movement's cycle (a
// breath, or moveCycle) evenly. A still figure shows its pose (0).
func (m *sessionScreen) frameAt(f content.Figure) (frame int, next time.Duration) {
	if !m.animating(f) {
		return 0, 0
	}
	elapsed := max(m.ss.HoldElapsed(m.now), 0)
	n := time.Duration(f.Frames())
	if m.pacing() && n == 2 {
		in, _, left := m.cues.pacer.at(elapsed)
		if in {
			return 0, left
		}
		return 1, left
	}
	cycle := moveCycle
	if m.pacing() {
		cycle = m.cues.pacer.In + m.cues.pacer.Out
	}
	each := cycle / n
	t := elapsed % cycle
	return int(t / each), each - t%each
}

// figureNextChange is how long until the figure shows another keyframe.
func (m *sessionScreen) figureNextChange() (time.Duration, bool) {
	f, _, ok := m.stepFigure()
	if !ok || !m.animating(f) || !m.figureFits() {
		return 0, false
	}
	_, next := m.frameAt(f)
	return next, next > 0
}

// figureFits reports whether the terminal is large enough to try the
// figure at all (View still checks its rows are spare).
func (m *sessionScreen) figureFits() bool {
	return (m.width >= figureFromWidth || m.height >= figureFromHeight) && m.width >= figure.DefaultWidth+2
}

// figureBlock is the figure for this moment: centred with a blank row
// under it to go above the countdown, or as it is to go beside; "" when
// there is none or no room.
func (m *sessionScreen) figureBlock(beside bool) string {
	f, step, ok := m.stepFigure()
	if !ok || !m.figureFits() {
		return ""
	}
	frame, _ := m.frameAt(f)
	mirror := step.Side == session.SideRight
	return m.drawn.figure.get(figureKey{step.Item, step.StageNumber(), frame, mirror, beside, m.width, m.st}, func() string {
		fig := figureView(m.st, f, frame, mirror)
		if beside {
			return fig
		}
		return centerBlock(m.width, fig) + "\n\n"
	})
}

// withFigure is the body with the figure: above the countdown at row
// start when its rows are spare, else beside the rows from start when
// the terminal is wide and they leave their right-hand side empty, else
// the body as it was. spare is the body's spare rows; the figure's are
// taken from them.
func (m *sessionScreen) withFigure(body string, start, spare int) (string, int) {
	if above := m.figureBlock(false); above != "" {
		rows := strings.Count(above, "\n")
		if rows-1 == spare { // without the blank row under it
			above, rows = strings.TrimSuffix(above, "\n"), rows-1
		}
		if rows <= spare {
			return body[:start] + above + body[start:], spare - rows
		}
	}
	if m.width < figureFromWidth {
		return body, spare
	}
	fig := m.figureBlock(true)
	if fig == "" {
		return body, spare
	}
	lines := strings.Split(body, "\n")
	if besideRows(lines, strings.Count(body[:start], "\n"), strings.Split(fig, "\n"), m.width) {
		return strings.Join(lines, "\n"), spare
	}
	return body, spare
}

// besideRows sets the figure's rows into the right-hand side of lines
// from row start, when every one of those lines leaves that side empty,
// and reports whether it did. The lines keep their number and their
// text, so nothing moves for the figure.
func besideRows(lines []string, start int, fig []string, width int) bool {
	fw := 0
	for _, f := range fig {
		fw = max(fw, ansi.StringWidth(f))
	}
	left := width - fw - 2
	if start+len(fig) > len(lines) || left < 0 {
		return false
	}
	for _, l := range lines[start : start+len(fig)] {
		if ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " ")) > left {
			return false
		}
	}
	for i, f := range fig {
		l := ansi.Truncate(lines[start+i], left, "")
		lines[start+i] = l + spaces(left-ansi.StringWidth(l)+1) + f
	}
	return true
}
