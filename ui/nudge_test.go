package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/nudge"
)

// fakeNudges is the nudges' run as the panel sees it, on a given status.
type fakeNudges struct {
	status   nudge.Status
	notify   bool
	answers  []string
	snoozes  int
	held     time.Duration
	notified int
}

func (f *fakeNudges) options(now time.Time) NudgeOptions {
	return NudgeOptions{
		Now: func() time.Time { return now },
		Check: func(time.Time) (nudge.Status, bool, error) {
			n := f.notify
			f.notify = false
			return f.status, n, nil
		},
		Answer: func(_ time.Time, _ nudge.Status, answer string) error {
			if answer == coach.AnswerSnoozed {
				if f.snoozes == 2 {
					return nudge.ErrSnoozeLimit
				}
				f.snoozes++
			}
			f.answers = append(f.answers, answer)
			return nil
		},
		Hold:  func(_ time.Time, d time.Duration, _ string) error { f.held = d; return nil },
		Today: func(time.Time) coach.BreakDay { return coach.BreakDay{Taken: 2, Snoozed: 1} },
		Habit: func(time.Time) coach.Habit {
			return coach.Habit{Started: true, First: true, Done: 3, Target: 6, Streak: 0}
		},
		Notify:  func(title, body string) string { f.notified++; return "\a" },
		Routine: "Seated micro-break", RoutineSeconds: 120,
	}
}

func nudgeView(m *NudgeModel) string { return ansi.Strip(m.View().Content) }

func TestNudgePanel(t *testing.T) {
	now := time.Date(2026, time.December, 1, 10, 0, 0, 0, time.UTC)
	f := &fakeNudges{status: nudge.Status{Kind: nudge.Waiting, At: now.Add(12 * time.Minute), SnoozesLeft: 2}}
	m := NewNudge(f.options(now))
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 15})
	m.Update(nudgeTickMsg{})
	v := nudgeView(m)
	for _, want := range []string{"Break in 12m", "at 10:12", "Today: 2 taken · 1 snoozed · 0 skipped", "Goal: 3 of 6 this fortnight", "enter start"} {
		if !strings.Contains(v, want) {
			t.Errorf("waiting panel lacks %q:\n%s", want, v)
		}
	}
	m.Update(tea.KeyPressMsg{Code: 's', Text: "s"})
	if v := nudgeView(m); !strings.Contains(v, "Nothing to snooze: no break is due.") || len(f.answers) != 0 {
		t.Errorf("s with nothing due:\n%s %v", v, f.answers)
	}
	// Due: announced once, with the routine and its length.
	f.status, f.notify = nudge.Status{Kind: nudge.Due, At: now, SnoozesLeft: 2}, true
	_, cmd := m.Update(nudgeTickMsg{})
	if cmd == nil || f.notified != 1 {
		t.Fatalf("a due break was not announced (%d)", f.notified)
	}
	if v := nudgeView(m); !strings.Contains(v, "Break due") || !strings.Contains(v, "Seated micro-break, 2 minutes") {
		t.Errorf("due panel:\n%s", v)
	}
	for i := 0; i < 3; i++ {
		m.Update(tea.KeyPressMsg{Code: 's', Text: "s"})
	}
	if v := nudgeView(m); !strings.Contains(v, "Snoozed twice in a row already: start it or skip it.") || len(f.answers) != 2 {
		t.Errorf("the third snooze:\n%s %v", v, f.answers)
	}
	m.Update(tea.KeyPressMsg{Code: 'k', Text: "k"})
	m.Update(tea.KeyPressMsg{Code: 'm', Text: "m"})
	if f.answers[2] != coach.AnswerSkipped || f.held != MeetingHold {
		t.Errorf("k and m: %v, held %v", f.answers, f.held)
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if !m.Start || cmd == nil || nudgeView(m) != "" {
		t.Errorf("enter: start %v, view %q", m.Start, nudgeView(m))
	}
}

// The panel fits a small tmux pane: every line within 40 columns.
func TestNudgePanelFitsAPane(t *testing.T) {
	now := time.Date(2026, time.December, 1, 10, 0, 0, 0, time.UTC)
	f := &fakeNudges{status: nudge.Status{Kind: nudge.Held, At: now.Add(30 * time.Minute), What: nudge.WhyMeeting}}
	m := NewNudge(f.options(now))
	m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	m.Update(nudgeTickMsg{})
	v := nudgeView(m)
	if !strings.Contains(v, "In a meeting until 10:30") || !strings.Contains(v, "m meeting over") || !strings.Contains(v, "q quit") {
		t.Errorf("held panel:\n%s", v)
	}
	f.held = time.Hour
	m.Update(tea.KeyPressMsg{Code: 'm', Text: "m"})
	if f.held != 0 {
		t.Errorf("m in a meeting held breaks for %v, want the hold ended", f.held)
	}
	for _, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > 40 {
			t.Errorf("line %q is %d wide", l, w)
		}
	}
	if n := strings.Count(v, "\n"); n > 12 {
		t.Errorf("%d lines, more than the pane's 12", n)
	}
}

// History sums up the breaks the nudges offered.
func TestHistoryShowsBreaks(t *testing.T) {
	store := longHistory()
	store.SaveNudge(coach.Nudge{Due: t0.Add(-time.Hour), At: t0.Add(-time.Hour), Answer: coach.AnswerTaken})
	store.SaveNudge(coach.Nudge{Due: t0.Add(-30 * time.Minute), At: t0.Add(-30 * time.Minute), Answer: coach.AnswerSkipped})
	m, _ := newJournalFlow(t, store)
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m.follow(openScreen{screenHistory})
	if v := view(m); !strings.Contains(v, "Breaks: today 1 taken, 0 snoozed, 1 skipped · last 7 days 1 taken") {
		t.Errorf("History lacks the breaks:\n%s", v)
	}
}

// The panel waiting, due and held, at the sizes a pane or a terminal has.
func TestNudgePanelGolden(t *testing.T) {
	now := time.Date(2026, time.December, 1, 10, 0, 0, 0, time.UTC)
	states := map[string]nudge.Status{
		"waiting": {Kind: nudge.Waiting, At: now.Add(12 * time.Minute), SnoozesLeft: 2},
		"due":     {Kind: nudge.Due, At: now, SnoozesLeft: 0},
		"held":    {Kind: nudge.Held, At: now.Add(30 * time.Minute), What: nudge.WhyMeeting},
	}
	for _, size := range [][2]int{{40, 12}, {60, 15}, {80, 24}, {120, 40}} {
		for name, st := range states {
			t.Run(fmt.Sprintf("%s/%dx%d", name, size[0], size[1]), func(t *testing.T) {
				f := &fakeNudges{status: st}
				m := NewNudge(f.options(now))
				m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m.Update(nudgeTickMsg{})
				golden.RequireEqual(t, []byte(nudgeView(m)))
			})
		}
	}
}

func TestNudgeBodyLength(t *testing.T) {
	for _, c := range []struct {
		seconds int
		want    string
	}{
		{20, "Stretch, 20 seconds, in your chair."},
		{1, "Stretch, 1 second, in your chair."},
		{75, "Stretch, 1 minute, in your chair."},
		{150, "Stretch, 3 minutes, in your chair."},
		{240, "Stretch, 4 minutes, in your chair."},
	} {
		if got := NudgeBody("Stretch", c.seconds); !strings.HasPrefix(got, c.want) {
			t.Errorf("NudgeBody(%d) = %q, want it to begin %q", c.seconds, got, c.want)
		}
	}
}
