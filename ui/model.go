// Package ui is unknot's terminal interface: a root model that routes
// between screen models, one file per screen. All Bubble Tea code lives here.
package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
)

type screen int

const (
	screenPicker screen = iota
	screenSession
	screenSummary
)

// Options configure the UI.
type Options struct {
	Catalogue *content.Catalogue
	// Steps, when set, start a session straight away (unknot session ...).
	Steps []session.Step
	Title string
	// Expand is how a picked program's techniques become steps (--hold and
	// --lead-in apply to programs picked in the UI too).
	Expand session.Options
	// Now is the clock; time.Now when nil. Tests inject a fake.
	Now func() time.Time
}

// Model is the root model.
type Model struct {
	opt    Options
	now    func() time.Time
	screen screen
	direct bool // started with a session; finishing it quits

	width, height int
	keys          keyMap
	help          help.Model
	st            styles

	picker  pickerScreen
	session sessionScreen
	summary summaryScreen
}

// New builds the root model.
func New(opt Options) Model {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	st := newStyles(true)
	keys := defaultKeyMap()
	h := help.New()
	h.Styles = st.Help
	m := Model{opt: opt, now: now, keys: keys, help: h, st: st}
	m.picker = newPickerScreen(opt.Catalogue, keys, st)
	if len(opt.Steps) > 0 {
		m.direct = true
		m.screen = screenSession
		m.session = newSessionScreen(opt.Title, opt.Steps, keys, st)
	}
	return m
}

// Init asks for the background colour and starts a direct session.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.screen == screenSession {
		cmds = append(cmds, m.startSessionCmd())
	}
	return tea.Batch(cmds...)
}

// startSessionCmd starts the clock in a command so that Init stays free of
// side effects on the model; the start message carries the time.
func (m Model) startSessionCmd() tea.Cmd {
	now := m.now
	return func() tea.Msg { return startMsg{at: now()} }
}

// startMsg starts the session's clock at `at`.
type startMsg struct{ at time.Time }

// Summary is the one-line result of the session, when one ran.
func (m Model) Summary() (string, bool) {
	if m.screen != screenSummary && !(m.screen == screenSession && m.session.done()) {
		return "", false
	}
	return newSummaryScreen(m.session).Line(), true
}

func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tea.BackgroundColorMsg:
		m.setStyles(newStyles(msg.IsDark()))
		return m, nil
	case startMsg:
		cmd := m.session.start(msg.at)
		return m, cmd
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.ForceQuit):
			if m.screen == screenSession && !m.session.done() {
				m.session.quit = true
				m.session.ss.Stop(m.now())
			}
			return m, tea.Quit
		case key.Matches(msg, m.keys.Help) && !m.typing():
			m.help.ShowAll = !m.help.ShowAll
			return m, nil
		}
	}

	var cmd tea.Cmd
	switch m.screen {
	case screenPicker:
		if k, ok := msg.(tea.KeyPressMsg); ok && !m.typing() && m.picker.list.FilterState() == 0 &&
			(key.Matches(k, m.keys.Quit) || key.Matches(k, m.keys.Back)) {
			return m, tea.Quit
		}
		m.picker, cmd = m.picker.Update(msg)
		if id := m.picker.chosen; id != "" {
			m.picker.chosen = ""
			return m, m.startProgram(id)
		}
	case screenSession:
		m.session, cmd = m.session.Update(msg, m.now())
		if m.session.done() {
			if m.session.quit {
				return m, tea.Quit
			}
			m.summary = newSummaryScreen(m.session)
			m.summary.direct = m.direct
			m.summary.SetSize(m.width, m.height)
			m.screen = screenSummary
			m.help.ShowAll = false
		}
	case screenSummary:
		if k, ok := msg.(tea.KeyPressMsg); ok {
			switch {
			case key.Matches(k, m.keys.Quit):
				return m, tea.Quit
			case key.Matches(k, m.keys.Done):
				if m.direct {
					return m, tea.Quit
				}
				m.screen = screenPicker
			}
		}
	}
	return m, cmd
}

// typing reports whether keys go to a text input (the list filter).
func (m Model) typing() bool { return m.screen == screenPicker && m.picker.filtering() }

// startProgram builds a program's steps and starts its session.
func (m *Model) startProgram(id string) tea.Cmd {
	p, ok := m.opt.Catalogue.Program(id)
	if !ok {
		return nil
	}
	techs := make([]content.Technique, 0, len(p.Day(1)))
	for _, it := range p.Day(1) {
		if t, ok := m.opt.Catalogue.Resolve(it); ok {
			techs = append(techs, t)
		}
	}
	title := p.Name
	if p.MultiDay() {
		title += " · " + p.Days[0].Title
	}
	m.session = newSessionScreen(title, session.Expand(techs, m.opt.Expand), m.keys, m.st)
	m.session.SetSize(m.width, m.height)
	m.screen = screenSession
	m.help.ShowAll = false
	return m.startSessionCmd()
}

func (m *Model) resize() {
	m.help.SetWidth(m.width)
	m.picker.SetSize(m.width, max(m.height-1, 1))
	m.session.SetSize(m.width, m.height)
	m.summary.SetSize(m.width, m.height)
}

func (m *Model) setStyles(st styles) {
	m.st = st
	m.help.Styles = st.Help
	m.picker.setStyles(st)
	m.session.setStyles(st)
	m.summary.st = st
}

func (m Model) activeHelp() bindings {
	switch m.screen {
	case screenSession:
		return m.session.help()
	case screenSummary:
		return m.summary.help()
	}
	return m.picker.help()
}

func (m Model) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "unknot"
	if m.width == 0 {
		return v // no size yet
	}
	helpView := m.help.View(m.activeHelp())
	var content string
	switch m.screen {
	case screenPicker:
		content = m.picker.View() + "\n" + helpView
	case screenSession:
		v.WindowTitle = m.session.WindowTitle()
		v.ProgressBar = tea.NewProgressBar(tea.ProgressBarDefault, m.session.Progress())
		if m.session.ss.Paused() {
			v.ProgressBar.State = tea.ProgressBarWarning
		}
		content = m.session.View(helpView)
	case screenSummary:
		content = m.summary.View(helpView)
	}
	if m.width < minWidth || m.height < minHeight {
		extra := ""
		if m.screen == screenSession {
			extra = m.session.WindowTitle()
		}
		content = tooSmall(m.width, m.height, m.st, extra)
	}
	v.Content = content
	return v
}
