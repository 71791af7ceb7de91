package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// hasBraille reports whether the screen shows a drawn figure.
func hasBraille(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r > 0x2800 && r <= 0x28FF })
}

// unknot show draws the position in a terminal, both sides of a two-sided
// technique, and leaves it out with --no-figure or into a pipe (unless
// --figure asks for it); the words stay.
func TestE2EFigureShow(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	tm := newTmux(t, 100, 40)
	all := func() string { return tm.run("capture-pane", "-p", "-S", "-300", "-t", "e2e") }
	for i, tc := range []struct {
		cmd  string
		want bool
	}{
		{bin + " show doorway-chest-stretch", true},
		{bin + " show doorway-chest-stretch --no-figure", false},
		{bin + " show doorway-chest-stretch | cat", false},
		{bin + " show doorway-chest-stretch --figure | cat", true},
	} {
		done := fmt.Sprintf("SHOWN-%d", i)
		tm.send("clear; tmux -S "+tm.socket+" clear-history; "+tc.cmd+"; echo "+done, "Enter")
		tm.waitFor(tc.cmd, 10*time.Second, func() bool { return strings.Contains(all(), "\n"+done) })
		s := all()
		if hasBraille(s) != tc.want || !strings.Contains(s, "Position") {
			t.Errorf("%s: figure drawn = %v, want %v:\n%s", tc.cmd, hasBraille(s), tc.want, s)
		}
		if tc.want && (!strings.Contains(s, "Left side") || !strings.Contains(s, "Right side")) {
			t.Errorf("%s: both sides are not shown:\n%s", tc.cmd, s)
		}
	}
}

// In a session on a large terminal the figure shows above the countdown,
// for the side being done, and a movement's figure changes as it runs.
func TestE2EFigureSession(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	tm := newTmux(t, 120, 40)
	tm.send(bin+" session --technique seated-cat-cow --hold 20s --lead-in 0", "Enter")
	tm.throughToSession("3")
	tm.waitScreen("MOVE", 10*time.Second)
	first := figureOf(tm.screen())
	if first == "" {
		t.Fatalf("no figure on a 120x40 session:\n%s", tm.screen())
	}
	tm.waitFor("the figure to move to its next pose", 12*time.Second, func() bool {
		f := figureOf(tm.screen())
		return f != "" && f != first
	})
	tm.send("q")
	tm.waitScreen("Quit this session?", 3*time.Second)
	tm.send("y")
}

func figureOf(screen string) string {
	var rows []string
	for _, l := range strings.Split(screen, "\n") {
		if hasBraille(l) {
			rows = append(rows, l)
		}
	}
	return strings.Join(rows, "\n")
}
