package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/unknot/unknot/content"
)

// At 80×24 the finish screen's advice is taller than the window: ↓
// scrolls to its last line (the nerve signs, which must not be cut), ↑
// back to the top, and the help says so.
func TestFinishScreenScrolls(t *testing.T) {
	m, clk := newJournalFlow(t, newMemStore())
	m = startDeskBreak(t, m, "6")
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "3", "enter", "esc")
	last := content.MustLoad().Guidance.SeeAProfessional
	tail := lastWords(last[len(last)-1])
	top := view(m)
	if strings.Contains(top, tail) || !strings.Contains(top, "↓ more below") || !strings.Contains(top, "↑/↓ scroll") {
		t.Fatalf("the first frame:\n%s", top)
	}
	for range 40 {
		m, _ = do(t, m, "down")
	}
	bottom := view(m)
	if !strings.Contains(bottom, tail) || !strings.Contains(bottom, "↑ more above") || strings.Contains(bottom, "↓ more below") {
		t.Errorf("scrolled to the end, the last advice does not show:\n%s", bottom)
	}
	if got := strings.Count(bottom, "\n"); got != strings.Count(top, "\n") {
		t.Errorf("scrolled, the screen is %d lines, not %d", got+1, strings.Count(top, "\n")+1)
	}
	for range 40 {
		m, _ = do(t, m, "up")
	}
	if view(m) != top {
		t.Errorf("scrolled back up, the screen differs from the first frame:\n%s", view(m))
	}
}

// lastWords is the end of a sentence, short enough not to be wrapped.
func lastWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[max(len(f)-3, 0):], " ")
}

// The note's question keeps its keys on a narrow screen: wrapped onto its
// own lines, never cut at the edge.
func TestNoteQuestionFitsANarrowScreen(t *testing.T) {
	for _, w := range []int{60, 80} {
		m, clk := newJournalFlow(t, newMemStore())
		m = startDeskBreak(t, m, "6")
		m = runToEnd(t, m, clk)
		m, _ = do(t, m, "3", "enter")
		m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: 15})
		v := view(m)
		if !strings.Contains(strings.Join(strings.Fields(v), " "), "Anything to note? (enter to save, esc to skip)") {
			t.Errorf("width %d: the note's question is cut:\n%s", w, v)
		}
		for _, line := range strings.Split(v, "\n") {
			if got := ansi.StringWidth(line); got > w {
				t.Errorf("width %d: a line is %d wide: %q", w, got, line)
			}
		}
	}
}

// A page that just fits shows whole: no line cut, no "more than fits" and
// no scrolling, at every height around the fit.
func TestScrolledPageThatJustFits(t *testing.T) {
	st := newStyles(true)
	var body strings.Builder
	for i := range 20 {
		fmt.Fprintf(&body, "line %d\n", i)
	}
	rendered := strings.Count(st.Page.Render(strings.TrimRight(body.String(), "\n")), "\n") + 1
	for height := rendered + 1; height <= rendered+3; height++ {
		view, most := scrolledPage(st, body.String(), "help", height, 0)
		if most != 0 || strings.Contains(view, "more than fits") || !strings.Contains(view, "line 19") {
			t.Errorf("height %d (the page is %d rows and the help 1): scroll %d\n%s", height, rendered, most, view)
		}
	}
}
