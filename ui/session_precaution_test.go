package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
)

// longPrecaution needs two rows at 80 columns and three at 60.
const longPrecaution = "Keep the knobs off the bony ridge of the spine and below the top of your shoulders; ease off at once if anything tingles or goes numb."

func precautionSession(t *testing.T, w, h int) *Model {
	t.Helper()
	clk := &fakeClock{t: t0}
	m := New(Options{Catalogue: content.MustLoad(), Now: clk.now})
	m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	steps := []session.Step{{TechniqueID: "back-roller-wall", Name: "Knobbed roller against the wall", Rep: 1, Reps: 1,
		Hold: 30 * time.Second, LeadIn: 5 * time.Second, Cue: "Lean in gently and move slowly over the tight spots.",
		Breathing: "Keep your breathing slow and even; if you start holding your breath, lean less.",
		Stage:     "Small turns", Precaution: longPrecaution}}
	m.session = newSessionScreen("Test routine", steps, m.now, m.keys, m.st)
	m.show(screenSession)
	m, _ = update(t, m, startMsg{at: clk.now()})
	return m
}

// warnText is the precaution as the view shows it: its rows joined.
func warnText(t *testing.T, v string) string {
	t.Helper()
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), "⚠") {
			continue
		}
		text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "⚠"))
		for _, more := range lines[i+1:] {
			if !strings.HasPrefix(more, "    ") || strings.TrimSpace(more) == "" {
				break
			}
			text += " " + strings.TrimSpace(more)
		}
		return text
	}
	t.Fatalf("no precaution in the view:\n%s", v)
	return ""
}

func TestPrecautionWrapsOntoFreeRows(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 15}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			v := view(precautionSession(t, size[0], size[1]))
			if !strings.Contains(v, "\n\n") {
				t.Fatalf("no empty row to spare; the test needs one:\n%s", v)
			}
			if got := warnText(t, v); got != longPrecaution {
				t.Errorf("precaution shown as %q, want all of it:\n%s", got, v)
			}
			for _, l := range strings.Split(v, "\n") {
				if w := len([]rune(l)); w > size[0] {
					t.Errorf("row wider than %d: %q", size[0], l)
				}
			}
		})
	}
}

// With no empty row left (60×15 with the full help open) the precaution
// is shortened at a word boundary, with an ellipsis, never mid-word.
func TestPrecautionShortenedAtAWordWhenNoRoom(t *testing.T) {
	m := precautionSession(t, 60, 15)
	m, _ = update(t, m, press("?"))
	v := view(m)
	if n := strings.Count(v, "\n") + 1; n > 15 {
		t.Fatalf("view has %d rows at 60×15:\n%s", n, v)
	}
	got := warnText(t, v)
	if got == longPrecaution {
		t.Fatalf("the test needs a view too short for the whole precaution:\n%s", v)
	}
	kept, ok := strings.CutSuffix(got, "…")
	if !ok {
		t.Fatalf("shortened precaution %q has no ellipsis", got)
	}
	if !strings.HasPrefix(longPrecaution, kept) || !strings.HasPrefix(longPrecaution[len(kept):], " ") &&
		!strings.HasPrefix(longPrecaution[len(kept):], ",") && !strings.HasPrefix(longPrecaution[len(kept):], ";") {
		t.Errorf("precaution cut mid-word: %q", got)
	}
}
