package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/coach"
)

// The journal is read and written only in commands, never in Update. A
// nil coach.Store means the coach runs without saving.

// savedMsg reports the result of a write; a failure turns saving off.
type savedMsg struct{ err error }

// historyMsg carries what the journal knows.
type historyMsg struct {
	known coach.Known
	err   error
}

// write runs w against the store in a command.
func write(s coach.Store, w coach.Write) tea.Cmd {
	if s == nil || w == nil {
		return nil
	}
	return func() tea.Msg { return savedMsg{err: w(s)} }
}

func loadHistory(s coach.Store, now func() time.Time) tea.Cmd {
	if s == nil {
		return func() tea.Msg { return historyMsg{} }
	}
	return func() tea.Msg {
		k, err := coach.Load(s, now())
		return historyMsg{known: k, err: err}
	}
}
