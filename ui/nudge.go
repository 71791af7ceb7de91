package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/nudge"
)

// NudgeOptions is what the `unknot nudge` screen works with: the shared
// run of the nudges (internal/nudger) as functions, so the screen stays
// a thin front end.
type NudgeOptions struct {
	Now    func() time.Time
	Check  func(now time.Time) (nudge.Status, bool, error)
	Answer func(now time.Time, st nudge.Status, answer string) error
	Hold   func(now time.Time, d time.Duration, why string) error
	Today  func(now time.Time) coach.BreakDay
	Habit  func(now time.Time) coach.Habit
	// Notify announces a due break and returns what to write to the
	// terminal for it (OSC notifications, the bell).
	Notify func(title, body string) string
	// Routine and RoutineSeconds name the micro-routine enter starts.
	Routine        string
	RoutineSeconds int
	// Every is how often the schedule is checked.
	Every time.Duration
}

// MeetingHold is how long the "in a meeting" key holds the breaks.
const MeetingHold = 30 * time.Minute

// NudgeModel is the `unknot nudge` screen: a small panel that counts down
// to the next break and answers it. It quits with Start set when the
// person chose to start the routine; the command line runs it and comes
// back.
type NudgeModel struct {
	opt    NudgeOptions
	keys   nudgeKeys
	help   help.Model
	st     *styles
	width  int
	status nudge.Status
	today  coach.BreakDay
	habit  coach.Habit
	notes  []string
	err    string
	// done clears the panel as the program ends, so the routine or the
	// shell takes over a clean screen.
	done bool
	// Start is set when the person chose to start the routine.
	Start bool
}

type nudgeKeys struct {
	Start, Snooze, Skip, Meeting, Quit key.Binding
}

func newNudgeKeys() nudgeKeys {
	return nudgeKeys{
		Start:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")),
		Snooze:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "snooze")),
		Skip:    key.NewBinding(key.WithKeys("k"), key.WithHelp("k", "skip")),
		Meeting: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "meeting 30m")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

func (k nudgeKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Start, k.Snooze, k.Skip, k.Meeting, k.Quit}
}

func (k nudgeKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// NewNudge is the nudge screen, checked once at its start.
func NewNudge(opt NudgeOptions) *NudgeModel {
	if opt.Every <= 0 {
		opt.Every = time.Second
	}
	m := &NudgeModel{opt: opt, keys: newNudgeKeys(), help: help.New(), st: newStyles(true)}
	m.help.Styles = m.st.Help
	return m
}

// Note adds a line about the set-up (a calendar that cannot be read), shown
// under the panel.
func (m *NudgeModel) Note(line string) { m.notes = append(m.notes, line) }

type nudgeTickMsg struct{}

// StopNudge ends the panel from outside (a signal), clearing it.
type StopNudge struct{}

func (m *NudgeModel) tick() tea.Cmd {
	return tea.Tick(m.opt.Every, func(time.Time) tea.Msg { return nudgeTickMsg{} })
}

// Init checks the schedule and starts the ticks.
func (m *NudgeModel) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.check(), m.tick())
}

// check reads where things stand and announces a break that fell due.
func (m *NudgeModel) check() tea.Cmd {
	now := m.opt.Now()
	st, notify, err := m.opt.Check(now)
	if err != nil {
		m.err = err.Error()
		return nil
	}
	m.status = st
	m.today, m.habit = m.opt.Today(now), m.opt.Habit(now)
	if notify {
		return tea.Raw(m.opt.Notify(NudgeTitle, NudgeBody(m.opt.Routine, m.opt.RoutineSeconds)))
	}
	return nil
}

// NudgeTitle and NudgeBody are a due break's notification.
const NudgeTitle = "Time for a break"

// NudgeBody names the routine and its length.
func NudgeBody(routine string, seconds int) string {
	return fmt.Sprintf("%s, %s, in your chair. Open unknot nudge: enter starts it.", routine, minutesText(seconds))
}

// minutesText is a routine's length in words: whole minutes, rounded
// to the nearest, and the seconds when it is under a minute.
func minutesText(seconds int) string {
	if seconds < 60 {
		return content.Plural(seconds, "second")
	}
	if m := (seconds + 30) / 60; m > 1 {
		return fmt.Sprintf("%d minutes", m)
	}
	return "1 minute"
}

// Update follows ticks and keys.
func (m *NudgeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width = msg.Width
		m.help.SetWidth(msg.Width)
	case tea.BackgroundColorMsg:
		m.st = newStyles(msg.IsDark())
		m.help.Styles = m.st.Help
	case nudgeTickMsg:
		return m, tea.Batch(m.check(), m.tick())
	case StopNudge:
		m.done = true
		return m, tea.Quit
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *NudgeModel) key(k tea.KeyPressMsg) tea.Cmd {
	now := m.opt.Now()
	m.err = ""
	switch {
	case key.Matches(k, m.keys.Quit):
		m.done = true
		return tea.Quit
	case key.Matches(k, m.keys.Start):
		m.Start, m.done = true, true
		return tea.Quit
	case key.Matches(k, m.keys.Snooze):
		if m.status.Kind != nudge.Due {
			m.err = "Nothing to snooze: no break is due."
			return nil
		}
		m.answer(m.opt.Answer(now, m.status, coach.AnswerSnoozed))
	case key.Matches(k, m.keys.Skip):
		if m.status.Kind != nudge.Due {
			m.err = "Nothing to skip: no break is due."
			return nil
		}
		m.answer(m.opt.Answer(now, m.status, coach.AnswerSkipped))
	case key.Matches(k, m.keys.Meeting):
		hold := MeetingHold
		if m.inMeeting() {
			hold = 0 // the meeting ended early
		}
		m.answer(m.opt.Hold(now, hold, nudge.WhyMeeting))
	default:
		return nil
	}
	return m.check()
}

// inMeeting reports whether the "in a meeting" key holds the breaks now.
func (m *NudgeModel) inMeeting() bool {
	return m.status.Kind == nudge.Held && m.status.What == nudge.WhyMeeting
}

func (m *NudgeModel) answer(err error) {
	switch {
	case errors.Is(err, nudge.ErrSnoozeLimit):
		m.err = "Snoozed twice in a row already: start it or skip it."
	case err != nil:
		m.err = err.Error()
	}
}

// View draws the panel: a few short lines that fit a tmux pane.
func (m *NudgeModel) View() tea.View {
	if m.done {
		return tea.NewView("")
	}
	now := m.opt.Now()
	var b strings.Builder
	b.WriteString(m.st.Title.Render("unknot · breaks") + "\n\n")
	st := m.status
	switch st.Kind {
	case nudge.Due:
		b.WriteString(m.st.Warning.Render("Break due") + "\n")
		b.WriteString(fmt.Sprintf("%s, %s\n", m.opt.Routine, minutesText(m.opt.RoutineSeconds)))
	default:
		line := st.String(now)
		b.WriteString(m.st.Step.Render(strings.ToUpper(line[:1])+line[1:]) + "\n")
		if st.Kind == nudge.Waiting {
			b.WriteString(m.st.Subtle.Render("at "+st.At.Format("15:04")) + "\n")
		} else {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
	b.WriteString(fmt.Sprintf("Today: %d taken · %d snoozed · %d skipped\n", m.today.Taken, m.today.Snoozed, m.today.Skipped))
	habit := "Goal: " + m.habit.Progress()
	if s := m.habit.StreakText(); s != "" {
		habit += " · " + s
	}
	b.WriteString(habit + "\n")
	if st.Kind == nudge.Due && st.SnoozesLeft == 0 {
		b.WriteString(m.st.Subtle.Render("No snoozes left in a row.") + "\n")
	}
	for _, n := range m.notes {
		b.WriteString(m.st.Subtle.Render(n) + "\n")
	}
	if m.err != "" {
		b.WriteString(m.st.Warning.Render(m.err) + "\n")
	}
	b.WriteString("\n" + m.helpView())
	body := b.String()
	if m.width > 0 {
		body = lipgloss.NewStyle().Width(m.width).Render(body)
	}
	return tea.NewView(body)
}

// helpView is the keys that apply now: snooze and skip only for a break
// due (snooze while snoozes are left). In a narrow pane it takes two lines
// so that none is cut off.
func (m *NudgeModel) helpView() string {
	keys := m.keys
	if m.inMeeting() {
		keys.Meeting.SetHelp("m", "meeting over")
	}
	due := m.status.Kind == nudge.Due
	keys.Snooze.SetEnabled(due && m.status.SnoozesLeft > 0)
	keys.Skip.SetEnabled(due)
	var on []key.Binding
	for _, b := range keys.ShortHelp() {
		if b.Enabled() {
			on = append(on, b)
		}
	}
	if m.width > 0 && m.width < 56 && len(on) > 3 {
		h := m.help
		h.SetWidth(0)
		return h.ShortHelpView(on[:3]) + "\n" + h.ShortHelpView(on[3:])
	}
	return m.help.ShortHelpView(on)
}

// nudgeKeyHelp is the panel's keys for the manual.
func nudgeKeyHelp() []KeyHelp {
	k := newNudgeKeys()
	return []KeyHelp{{"enter", "start the micro-routine now (the safety check first)"}, {"s", "snooze the break due"},
		{"k", "skip the break due"}, {"m", "hold breaks for a 30-minute meeting; again: the meeting is over"}, {k.Quit.Help().Key, "quit"}}
}
