package ui

import (
	"strings"
	"testing"

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
