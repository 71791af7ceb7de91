package ui

import (
	"crypto/rand"
	"encoding/hex"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/safety"
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

// newSessionID is unique enough for one person's journal and sorts by time.
func newSessionID(now time.Time) string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return now.UTC().Format("20060102-150405") + "-" + hex.EncodeToString(b[:])
}

// safetyRecord converts a safety result for the journal.
func safetyRecord(r safety.Result) journal.SafetyRecord {
	return journal.SafetyRecord{At: r.At, Outcome: r.Outcome.String(), Answers: r.Answers, Cautions: r.Cautions, Reason: r.Reason}
}

// SafetyFromRecord converts a journal record back into a safety result.
func SafetyFromRecord(rec journal.SafetyRecord) safety.Result {
	r := safety.Result{At: rec.At, Answers: rec.Answers, Cautions: rec.Cautions, Reason: rec.Reason}
	for o := safety.Clear; o <= safety.Emergency; o++ {
		if o.String() == rec.Outcome {
			r.Outcome = o
		}
	}
	return r
}
