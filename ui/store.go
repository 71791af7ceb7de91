package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/internal/journal"
)

// Store is where the UI keeps its history. Every call runs inside a
// command, never in Update. A nil Store means the coach runs without
// saving.
type Store interface {
	journal.Writer
	SetPreference(key, value string) error
	Sessions(since time.Time) ([]journal.Session, error)
	InProgress() ([]journal.Progress, error)
	Preference(key string) (string, error)
}

// PrefGentler is the preference set when pain rose by 2 or more points
// in a session: the next plan is gentler.
const PrefGentler = "gentler"

// savedMsg reports the result of a write; a failure turns saving off.
type savedMsg struct{ err error }

// historyMsg carries what the journal knows: sessions (oldest first),
// programs under way and whether the next plan should be gentler.
type historyMsg struct {
	sessions []journal.Session
	progress []journal.Progress
	gentler  bool
	err      error
}

// write runs fn against the store in a command.
func write(s Store, fn func(Store) error) tea.Cmd {
	if s == nil {
		return nil
	}
	return func() tea.Msg { return savedMsg{err: fn(s)} }
}

func loadHistory(s Store) tea.Cmd {
	if s == nil {
		return func() tea.Msg { return historyMsg{} }
	}
	return func() tea.Msg {
		var h historyMsg
		h.sessions, h.err = s.Sessions(time.Time{})
		if h.err == nil {
			h.progress, h.err = s.InProgress()
		}
		if h.err == nil {
			var v string
			v, h.err = s.Preference(PrefGentler)
			h.gentler = v != ""
		}
		return h
	}
}
