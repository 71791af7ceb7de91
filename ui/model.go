// Package ui is unknot's terminal interface: a root model that routes
// between screen models, one file per screen. All Bubble Tea code lives here.
package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

type screen int

const (
	screenPicker    screen = iota // choose a routine (interim home)
	screenSafety                  // red-flag questions
	screenEmergency               // Tier A stop: call the emergency number
	screenClinician               // Tier B stop, or a referral from the intake
	screenStopRules               // when to stop, before the first session
	screenIntake                  // about today
	screenPlan                    // the proposed routine, adjustable
	screenSession                 // the guided session
	screenSummary                 // how it went
)

// Request is what the person asked for: a personal plan (no techniques),
// or a chosen program or list of techniques.
type Request struct {
	Techniques []content.Technique
	Title      string
}

// Personal reports whether the request is for a plan built from the intake.
func (r Request) Personal() bool { return len(r.Techniques) == 0 }

// Options configure the UI.
type Options struct {
	Catalogue *content.Catalogue
	// Start, when set, goes straight into the flow (unknot session ...):
	// safety screen when not current, intake, plan, session.
	Start *Request
	// Preset holds intake answers given on the command line.
	Preset Preset
	// Expand is how the plan's techniques become steps (--hold, --lead-in).
	Expand session.Options
	// Safety is the last safety result, if one is known.
	Safety safety.Result
	// Now is the clock; time.Now when nil. Tests inject a fake.
	Now func() time.Time
}

// Model is the root model.
type Model struct {
	opt    Options
	cat    *content.Catalogue
	now    func() time.Time
	screen screen
	direct bool // started from the command line: the end quits

	width, height int
	keys          keyMap
	help          help.Model
	st            styles

	req           Request
	result        safety.Result
	stopRulesSeen bool
	intakeAnswers plan.Intake

	picker  pickerScreen
	safety  safetyScreen
	page    textPage // emergency, clinician and stop-rules pages
	intake  intakeScreen
	plan    planScreen
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
	m := Model{opt: opt, cat: opt.Catalogue, now: now, keys: keys, help: h, st: st, result: opt.Safety}
	m.picker = newPickerScreen(opt.Catalogue, keys, st)
	if opt.Start != nil {
		m.direct = true
		m.begin(*opt.Start)
	}
	return m
}

// Init asks for the background colour.
func (m Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// startMsg starts the session's clock at `at`.
type startMsg struct{ at time.Time }

// startSessionCmd starts the clock in a command, so the time is read when
// the session screen is really up.
func (m Model) startSessionCmd() tea.Cmd {
	now := m.now
	return func() tea.Msg { return startMsg{at: now()} }
}

// Summary is the one-line result of the session, when one ran.
func (m Model) Summary() (string, bool) {
	if m.screen != screenSummary && !(m.screen == screenSession && m.session.done()) {
		return "", false
	}
	return newSummaryScreen(m.session).Line(), true
}

// SafetyResult is the latest safety result (for the journal to keep).
func (m Model) SafetyResult() safety.Result { return m.result }

// begin starts the flow for a request: safety (when not current), stop
// rules, intake, plan.
func (m *Model) begin(req Request) {
	m.req = req
	if !m.result.Current(m.now()) {
		m.safety = newSafetyScreen(m.cat, m.result, m.keys, m.st)
		m.safety.SetSize(m.width, m.height)
		m.show(screenSafety)
		return
	}
	m.afterSafety()
}

func (m *Model) afterSafety() {
	switch m.result.Outcome {
	case safety.Emergency:
		r := m.result
		m.showPage(screenEmergency, func(w int) string { return emergencyText(m.st, m.cat, r, w) })
	case safety.Clinician:
		r := m.result
		m.showPage(screenClinician, func(w int) string { return clinicianText(m.st, m.cat, r, w) })
	default:
		if !m.stopRulesSeen {
			r := m.result
			m.showPage(screenStopRules, func(w int) string { return stopRulesText(m.st, m.cat, r, w) })
			return
		}
		m.intake = newIntakeScreen(m.cat, m.opt.Preset, !m.req.Personal(), m.keys, m.st)
		m.intake.SetSize(m.width, m.height)
		m.show(screenIntake)
	}
}

func (m *Model) showPage(s screen, render func(int) string) {
	m.page = newTextPage(render)
	m.show(s)
	m.resize()
}

func (m *Model) show(s screen) {
	m.screen = s
	m.help.ShowAll = false
}

// afterIntake builds the plan, or refers to a clinician.
func (m *Model) afterIntake() {
	in := m.intake.Intake(m.opt.Preset)
	m.intakeAnswers = in
	if m.intake.referral != "" {
		m.result = m.result.Refer(m.intake.referral)
		m.afterSafety()
		return
	}
	var p plan.Plan
	title := m.req.Title
	if m.req.Personal() {
		p = plan.Build(m.cat, in, m.result, plan.History{})
		title = "Your plan for today"
	} else {
		p = plan.FromSelection(m.cat, m.req.Techniques, m.result)
	}
	m.plan = newPlanScreen(m.cat, p, title, m.keys, m.st)
	m.plan.SetSize(m.width, m.height)
	m.show(screenPlan)
}

// startSession turns the plan into steps and starts the guided session.
func (m *Model) startSession() tea.Cmd {
	steps := session.Expand(m.plan.p.Techniques(), m.opt.Expand)
	m.session = newSessionScreen(m.plan.title, steps, m.keys, m.st)
	m.session.SetSize(m.width, m.height)
	m.show(screenSession)
	return m.startSessionCmd()
}

// home goes back to the routine picker, or ends a command-line run.
func (m *Model) home() tea.Cmd {
	if m.direct {
		return tea.Quit
	}
	m.show(screenPicker)
	return nil
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
		return m, m.session.start(msg.at)
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
	return m.route(msg)
}

// route hands a message to the active screen and follows where it leads.
func (m Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, isKey := msg.(tea.KeyPressMsg)
	quit := isKey && key.Matches(k, m.keys.Quit)
	var cmd tea.Cmd
	switch m.screen {
	case screenPicker:
		if quit && !m.typing() && m.picker.list.FilterState() == 0 {
			return m, tea.Quit
		}
		m.picker, cmd = m.picker.Update(msg)
		if m.picker.chosen {
			m.picker.chosen = false
			m.begin(m.picker.request(m.cat))
		}
	case screenSafety:
		if !isKey {
			return m, nil
		}
		if quit {
			return m, m.home()
		}
		m.safety = m.safety.Update(k, m.now())
		if r := m.safety.result; r != nil {
			m.result = *r
			m.afterSafety()
		}
	case screenEmergency:
		// Nothing here leads to a session: only quitting.
		if quit {
			return m, tea.Quit
		}
		m.page, cmd = m.page.Update(msg)
	case screenClinician:
		if quit || (isKey && key.Matches(k, m.keys.Back)) {
			return m, m.home()
		}
		m.page, cmd = m.page.Update(msg)
	case screenStopRules:
		switch {
		case quit:
			return m, m.home()
		case isKey && key.Matches(k, m.keys.Select):
			m.stopRulesSeen = true
			m.afterSafety()
		default:
			m.page, cmd = m.page.Update(msg)
		}
	case screenIntake:
		if !isKey {
			return m, nil
		}
		if quit {
			return m, m.home()
		}
		m.intake = m.intake.Update(k, m.opt.Preset)
		if m.intake.done {
			m.afterIntake()
		}
	case screenPlan:
		m.plan, cmd = m.plan.Update(msg)
		switch {
		case m.plan.start:
			m.plan.start = false
			return m, m.startSession()
		case m.plan.back:
			m.plan.back = false
			return m, m.home()
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
			m.show(screenSummary)
		}
	case screenSummary:
		switch {
		case quit:
			return m, tea.Quit
		case isKey && key.Matches(k, m.keys.Done):
			return m, m.home()
		}
	}
	return m, cmd
}

// typing reports whether keys go to a text input (the list filter).
func (m Model) typing() bool { return m.screen == screenPicker && m.picker.filtering() }

func (m *Model) resize() {
	m.help.SetWidth(m.width)
	m.picker.SetSize(m.width, max(m.height-1, 1))
	m.safety.SetSize(m.width, m.height)
	m.page.SetSize(m.width, m.height, 1)
	m.intake.SetSize(m.width, m.height)
	m.plan.SetSize(m.width, m.height)
	m.session.SetSize(m.width, m.height)
	m.summary.SetSize(m.width, m.height)
}

func (m *Model) setStyles(st styles) {
	m.st = st
	m.help.Styles = st.Help
	m.picker.setStyles(st)
	m.safety.st = st
	m.intake.st = st
	m.plan.st = st
	m.session.setStyles(st)
	m.summary.st = st
	m.page.width = 0 // re-render with the new colours
	m.resize()
}

func (m Model) activeHelp() bindings {
	k := m.keys
	switch m.screen {
	case screenSafety:
		return m.safety.help()
	case screenEmergency:
		return bindings{short: []key.Binding{k.Move, k.Quit}, full: [][]key.Binding{{k.Up, k.Down, k.Quit}}}
	case screenClinician:
		return bindings{short: []key.Binding{k.Move, k.Back, k.Quit}, full: [][]key.Binding{{k.Up, k.Down, k.Back, k.Quit}}}
	case screenStopRules:
		return bindings{short: []key.Binding{k.Continue, k.Move, k.Quit}, full: [][]key.Binding{{k.Continue, k.Up, k.Down, k.Quit}}}
	case screenIntake:
		return m.intake.help()
	case screenPlan:
		return m.plan.help()
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
	case screenSafety:
		content = m.safety.View(helpView, m.height)
	case screenEmergency, screenClinician, screenStopRules:
		content = m.page.View(helpView)
	case screenIntake:
		content = m.intake.View(helpView, m.height)
	case screenPlan:
		content = m.plan.View(helpView)
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
