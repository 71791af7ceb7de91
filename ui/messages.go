package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// tickMsg asks for a redraw and brings the session up to date. gen tags the
// tick chain: pausing, resuming and every jump bump the generation, so a
// tick from an older chain (which cannot be cancelled) is dropped.
type tickMsg struct {
	at  time.Time
	gen int
}

// tickCmd wakes the UI after d. The session then reads the injected clock
// (at is the timer's own stamp, kept for tests' records): correctness
// rests on the clock, not on how many ticks arrive.
func tickCmd(d time.Duration, gen int) tea.Cmd {
	return tea.Tick(d, func(t time.Time) tea.Msg { return tickMsg{at: t, gen: gen} })
}
