package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// A long journal is read a page at a time: Home and the History screen
// hold only the recent sessions and the figures over all of them; the
// table reads its first page on opening and the next as the cursor nears
// the end of what was read.
func TestHistoryReadsPagesAsTheCursorMoves(t *testing.T) {
	store := newMemStore()
	const n = 250
	for i := range n {
		pain := 3
		s := coach.Session{ID: fmt.Sprintf("s%03d", i), Title: fmt.Sprintf("Routine %d", i),
			Started: t0.AddDate(0, 0, i-n), PainBefore: &pain}
		if err := store.StartSession(s); err != nil {
			t.Fatal(err)
		}
		if err := store.FinishSession(s.ID, coach.StatusCompleted, s.Started.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := newJournalFlow(t, store)
	if got := len(m.known.Recent); got != 0 {
		t.Errorf("Home holds %d sessions, none of them today", got)
	}
	m.show(screenHome)
	read := m.follow(openScreen{screenHistory})
	if v := view(m); !strings.Contains(v, "Reading your sessions…") || !strings.Contains(v, "250 sessions") {
		t.Errorf("while the first page is read:\n%s", v)
	}
	m, _ = drain(t, m, read)
	if got := len(m.history.sessions); got != coach.HistoryPage {
		t.Fatalf("first page: %d sessions", got)
	}
	v := view(m)
	if !strings.Contains(v, "250 sessions") || !strings.Contains(v, "Routine 249") {
		t.Errorf("the screen does not count every session or show the newest:\n%s", v)
	}
	for range n + 10 {
		m, _ = do(t, m, "down")
	}
	if got := len(m.history.sessions); got != n {
		t.Fatalf("after moving down the table: %d sessions read", got)
	}
	if first, last := m.history.sessions[0].ID, m.history.sessions[n-1].ID; first != "s249" || last != "s000" {
		t.Errorf("read %s … %s", first, last)
	}
	if m.history.more {
		t.Errorf("more to read after the oldest")
	}
	if v := view(m); !strings.Contains(v, "Routine 0") {
		t.Errorf("the oldest session is not shown at the end:\n%s", v)
	}
}
