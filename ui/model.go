// Package ui is unknot's terminal interface: a root model that routes
// between screen models, one file per screen. All Bubble Tea code lives here.
package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

type screen int

const (
	screenHome      screen = iota // the menu
	screenRoutines                // the ready-made programs
	screenBrowse                  // techniques by body area, and their details
	screenSafety                  // red-flag questions
	screenEmergency               // Tier A stop: call the emergency number
	screenClinician               // Tier B stop, or a referral from the intake
	screenStopRules               // when to stop, before the first session
	screenIntake                  // about today
	screenPlan                    // the proposed routine, adjustable
	screenSession                 // the guided session
	screenSummary                 // how it went: pain now, note, change
	screenHistory                 // past sessions, chart, what helps
)

// Request is what the person asked for: a personal plan (no techniques),
// or a chosen program or list of techniques.
type Request struct {
	Techniques []content.Technique
	Title      string
	// Program, Day and Days identify a program's day, for the journal and
	// multi-day progress.
	Program   string
	Day, Days int
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
	// Store keeps the journal; nil runs without saving.
	Store Store
	// SaveError says why the journal could not be opened ("" if it was).
	SaveError string
	// Browse, when set, opens on the browse screen, on that area if not "".
	Browse *string
	// PackProblems are the user's content pack problems, shown once.
	PackProblems []string
	// Now is the clock; time.Now when nil. Tests inject a fake.
	Now func() time.Time
	// Tick schedules the session's next wake-up; tickCmd when nil. Tests
	// inject one that does not wait.
	Tick func(time.Duration, int) tea.Cmd

	// Cues: Voice speaks through Speech (nil when no voice is installed),
	// Bell rings the terminal bell, ReducedMotion stills the breathing
	// pacer, which paces BreatheIn and BreatheOut.
	Speech                cue.Player
	Voice, Bell           bool
	ReducedMotion         bool
	BreatheIn, BreatheOut time.Duration

	// CrashTest makes a running session panic on the "!" key, in Update,
	// View, a command or the speech player's goroutine ("update", "view",
	// "cmd", "speech"): the crash tests check
	// that the terminal is restored and the session saved. Set only from
	// the UNKNOT_CRASH_TEST environment variable.
	CrashTest string
}

// Model is the root model.
type Model struct {
	opt    Options
	cat    *content.Catalogue
	now    func() time.Time
	screen screen
	direct bool // started from the command line: the end quits

	width, height int
	keys          *keyMap
	help          help.Model
	st            *styles

	req           Request
	result        safety.Result
	stopRulesSeen bool
	intakeAnswers plan.Intake

	store   Store
	saveErr string // why nothing is being saved, shown on screen
	// finishPending is set while pain-after is being written; a quit
	// asked for meanwhile waits for it (quitWhenSaved).
	finishPending, quitWhenSaved bool
	crashing                     bool // see Options.CrashTest
	sessions                     []journal.Session
	progress                     []journal.Progress
	gentler                      bool

	// Bubble Tea copies the Model on every message, so the screens built
	// on lists and tables (about 30 KB each) are shared by pointer, as are
	// keys and styles (TestModelStaysSmall).
	home     *homeScreen
	routines *routinesScreen
	browse   *browseScreen
	safety   safetyScreen
	page     textPage // emergency, clinician and stop-rules pages
	intake   intakeScreen
	plan     planScreen
	session  sessionScreen
	summary  summaryScreen
	history  *historyScreen
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
	m := Model{opt: opt, cat: opt.Catalogue, now: now, keys: keys, help: h, st: st, result: opt.Safety,
		store: opt.Store, saveErr: opt.SaveError}
	m.home = newHomeScreen(opt.Catalogue, opt.PackProblems, keys, st)
	m.routines = newRoutinesScreen(opt.Catalogue, keys, st)
	m.browse = newBrowseScreen(opt.Catalogue, keys, st)
	if opt.Browse != nil {
		m.browse.open(*opt.Browse)
		m.screen = screenBrowse
	}
	m.history = newHistoryScreen(opt.Catalogue, keys, st)
	if opt.Start != nil {
		m.direct = true
		m.begin(*opt.Start)
	}
	return m
}

// Init asks for the background colour and reads the journal.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, loadHistory(m.store))
}

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
	switch {
	case m.screen == screenSummary:
		return m.summary.Line(), true
	case m.screen == screenSession && m.session.done():
		return newSummaryScreen(m.session).Line(), true
	}
	return "", false
}

// SaveUnfinished ends a session that was still running when the program
// stopped without a key (a signal, a crash): the step in progress is cut
// short at now and recorded, and the session saved as quit. It runs after
// the program has stopped, so it writes to the journal directly; its
// writes come after every one the session made.
func (m Model) SaveUnfinished(now time.Time) {
	s := m.session
	if s.ss == nil || s.done() || s.id == "" || m.store == nil {
		return
	}
	seq := s.seq
	for _, e := range s.ss.Stop(now) {
		if e.Kind == session.EventStepDone {
			seq++
			_ = m.store.RecordStep(s.id, journal.StepOf(e.Step, s.ss.Steps()[e.Step], s.ss.Records()[e.Step], now), seq)
		}
	}
	_ = m.store.FinishSession(s.id, journal.StatusQuit, now)
}

// begin starts the flow for a request: safety (when not current), stop
// rules, intake, plan.
func (m *Model) begin(req Request) {
	m.req = req
	if !m.result.Current(m.now()) {
		m.safety = newSafetyScreen(m.cat, m.result, m.keys, m.st)
		m.safety.SetSize(m.width, m.bodyHeight())
		m.show(screenSafety)
		return
	}
	m.afterSafety()
}

func (m *Model) afterSafety() {
	switch m.result.Outcome {
	case safety.Emergency:
		cat, r := m.cat, m.result
		m.showPage(screenEmergency, func(st *styles, w int) string { return emergencyText(st, cat, r, w) })
	case safety.Clinician:
		cat, r := m.cat, m.result
		m.showPage(screenClinician, func(st *styles, w int) string { return clinicianText(st, cat, r, w) })
	default:
		if !m.stopRulesSeen {
			cat, r := m.cat, m.result
			m.showPage(screenStopRules, func(st *styles, w int) string { return stopRulesText(st, cat, r, w) })
			return
		}
		m.intake = newIntakeScreen(m.cat, m.opt.Preset, !m.req.Personal(), m.keys, m.st)
		m.intake.SetSize(m.width, m.bodyHeight())
		m.show(screenIntake)
	}
}

func (m *Model) showPage(s screen, render func(*styles, int) string) {
	m.page = newTextPage(m.st, render)
	m.show(s)
	m.resize()
}

func (m *Model) show(s screen) {
	m.screen = s
	m.help.ShowAll = false
}

// afterIntake builds the plan, or refers to a clinician.
func (m *Model) afterIntake() tea.Cmd {
	in := m.intake.Intake(m.opt.Preset)
	m.intakeAnswers = in
	if m.intake.referral != "" {
		m.result = m.result.Refer(m.intake.referral)
		m.afterSafety()
		rec := m.result.Record()
		return write(m.store, func(s Store) error { return s.SaveSafety(rec) })
	}
	var p plan.Plan
	title := m.req.Title
	if m.req.Personal() {
		p = plan.Build(m.cat, in, m.result, plan.HistoryOf(m.sessions, m.now(), m.gentler))
		title = "Your plan for today"
	} else {
		p = plan.FromSelection(m.cat, m.req.Techniques, m.result)
	}
	m.plan = newPlanScreen(m.cat, p, title, m.opt.Expand, m.keys, m.st)
	m.plan.SetSize(m.width, m.bodyHeight())
	m.show(screenPlan)
	return nil
}

// startSession turns the plan into steps, writes the session's row and
// starts the guided session.
func (m *Model) startSession() tea.Cmd {
	techs := m.plan.p.Techniques()
	steps := session.Expand(techs, m.opt.Expand)
	m.session = newSessionScreen(m.plan.title, steps, m.keys, m.st)
	m.session.tick = m.opt.Tick
	m.session.cues = m.cueSettings()
	m.session.SetSize(m.width, m.bodyHeight())
	m.show(screenSession)

	now := m.now()
	pain := m.intakeAnswers.Pain
	js := journal.Session{ID: journal.NewID(now), Started: now, Title: m.plan.title,
		Program: m.req.Program, Day: m.req.Day, PainBefore: &pain}
	for i, t := range techs {
		hold := t.Dosage.HoldSeconds
		if m.opt.Expand.Hold > 0 {
			hold = int(m.opt.Expand.Hold.Seconds())
		}
		js.Plan = append(js.Plan, journal.PlanItem{Technique: techs[i].ID, HoldSeconds: hold})
	}
	m.session.store, m.session.id = m.store, js.ID
	in := m.intakeAnswers
	save := write(m.store, func(s Store) error {
		if err := s.StartSession(js); err != nil {
			return err
		}
		return s.SaveIntake(js.ID, now, in)
	})
	// The clock starts at once; the row is written alongside (a journal
	// busy with another process must not hold up the countdown).
	return tea.Batch(save, m.startSessionCmd())
}

// goHome goes back to the home screen, or ends a command-line run.
func (m *Model) goHome() tea.Cmd {
	if m.direct {
		return m.quit()
	}
	m.home.leave()
	m.show(screenHome)
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
	case finishSavedMsg:
		m.finishPending = false
		if msg.err != nil && m.store != nil {
			m.stopSaving(msg.err)
		}
		if m.quitWhenSaved {
			return m, tea.Quit
		}
		return m, nil
	case savedMsg:
		if msg.err != nil && m.store != nil {
			m.stopSaving(msg.err)
		}
		return m, nil
	case historyMsg:
		if msg.err != nil {
			m.stopSaving(msg.err)
			return m, nil
		}
		m.sessions, m.progress, m.gentler = msg.sessions, msg.progress, msg.gentler
		m.home.setJournal(m.cat, m.sessions, m.progress)
		m.history.set(m.sessions, m.now())
		return m, nil
	case tea.KeyPressMsg:
		if m.opt.CrashTest != "" && msg.String() == "!" && m.screen == screenSession {
			return m.crash()
		}
		switch {
		case key.Matches(msg, m.keys.ForceQuit):
			// Interrupt (exit status 130) once what was done is written.
			if m.screen == screenSession && !m.session.done() {
				return m, tea.Sequence(m.session.stop(m.now()), tea.Interrupt)
			}
			return m, tea.Interrupt
		case key.Matches(msg, m.keys.Suspend):
			// Pause the hold before the process stops: the clock runs on
			// while it is suspended. After fg it stays paused until space.
			if m.screen == screenSession && m.session.ss.Running() {
				return m, tea.Sequence(m.session.pause(m.now()), tea.Suspend)
			}
			return m, tea.Suspend
		case key.Matches(msg, m.keys.Help) && !m.typing():
			m.help.ShowAll = !m.help.ShowAll
			return m, nil
		}
	}
	return m.route(msg)
}

// stopSaving turns the journal off after a failed write or read: the
// coach goes on, with a "Not saving" row on every screen.
func (m *Model) stopSaving(err error) {
	m.saveErr = "Not saving: " + firstLine(err.Error())
	m.store = nil
	m.session.store = nil
	m.resize()
}

// route hands a message to the active screen and follows where it leads.
func (m Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, isKey := msg.(tea.KeyPressMsg)
	quit := isKey && key.Matches(k, m.keys.Quit)
	var cmd tea.Cmd
	switch m.screen {
	case screenHome:
		if quit {
			return m, tea.Quit
		}
		cmd = m.home.Update(msg)
		if it := m.home.chosen; it != nil {
			m.home.chosen = nil
			return m, m.choose(*it)
		}
	case screenRoutines:
		if (quit || (isKey && key.Matches(k, m.keys.Back))) && !m.routines.filtering() && m.routines.atRest() {
			return m, m.goHome()
		}
		cmd = m.routines.Update(msg)
		if p := m.routines.chosen; p != nil {
			m.routines.chosen = nil
			m.begin(ProgramRequest(m.cat, *p, 1))
		}
	case screenBrowse:
		cmd = m.browse.Update(msg)
		switch {
		case m.browse.done:
			m.browse.done = false
			return m, m.goHome()
		case m.browse.chosen != nil:
			t := *m.browse.chosen
			m.browse.chosen = nil
			m.begin(Request{Techniques: []content.Technique{t}, Title: t.Name})
		}
	case screenSafety:
		if !isKey {
			return m, nil
		}
		// esc steps back a question; on the first one it leaves, as q does.
		if quit || (m.safety.i == 0 && key.Matches(k, m.keys.Back)) {
			return m, m.goHome()
		}
		m.safety = m.safety.Update(k, m.now())
		if r := m.safety.result; r != nil {
			m.result = *r
			rec := r.Record()
			cmd = write(m.store, func(s Store) error { return s.SaveSafety(rec) })
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
			return m, m.goHome()
		}
		m.page, cmd = m.page.Update(msg)
	case screenStopRules:
		switch {
		case quit:
			return m, m.goHome()
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
			return m, m.goHome()
		}
		m.intake = m.intake.Update(k, m.opt.Preset)
		if m.intake.done {
			cmd = m.afterIntake()
		}
	case screenPlan:
		m.plan, cmd = m.plan.Update(msg)
		switch {
		case m.plan.start:
			m.plan.start = false
			return m, m.startSession()
		case m.plan.back:
			m.plan.back = false
			return m, m.goHome()
		}
	case screenSession:
		m.session, cmd = m.session.Update(msg, m.now())
		if m.session.done() {
			if m.session.quit {
				return m, tea.Sequence(cmd, tea.Quit)
			}
			m.summary, _ = newFinishScreen(m.session, m.cat, m.intakeAnswers.Pain)
			m.summary.direct = m.direct
			m.summary.SetSize(m.width, m.bodyHeight())
			m.show(screenSummary)
			cmd = tea.Batch(cmd, m.advanceProgram())
		}
	case screenSummary:
		if m.summary.asking() {
			if quit && !m.summary.typing() {
				return m, tea.Quit
			}
			var saved bool
			m.summary, cmd, saved = m.summary.Update(msg)
			if saved {
				cmd = tea.Batch(cmd, m.saveFinish())
			}
			return m, cmd
		}
		switch {
		case quit:
			return m, m.quit()
		case isKey && key.Matches(k, m.keys.Done):
			return m, m.goHome()
		}
	case screenHistory:
		if quit || (isKey && key.Matches(k, m.keys.Back)) {
			return m, m.goHome()
		}
		cmd = m.history.Update(msg)
	}
	return m, cmd
}

// typing reports whether keys go to a text input (the list filter, the note).
func (m Model) typing() bool {
	switch m.screen {
	case screenRoutines:
		return m.routines.filtering()
	case screenBrowse:
		return m.browse.typing()
	case screenSummary:
		return m.summary.typing()
	}
	return false
}

// saveFinish writes pain after and the note, remembers whether the next
// plan should be gentler (pain up 2 or more), and reloads the journal.
func (m *Model) saveFinish() tea.Cmd {
	id, after, note := m.session.id, m.summary.after, m.summary.note.Value()
	change, known := m.summary.Change()
	m.gentler = known && change >= 2
	gentler := ""
	if m.gentler {
		gentler = "yes"
	}
	if m.store == nil {
		return nil
	}
	m.finishPending = true
	store := m.store
	return tea.Sequence(func() tea.Msg {
		err := store.SetPainAfter(id, after, note)
		if err == nil {
			err = store.SetPreference(PrefGentler, gentler)
		}
		return finishSavedMsg{err: err}
	}, loadHistory(m.store))
}

// finishSavedMsg says the finish screen's answers are written.
type finishSavedMsg struct{ err error }

// quit ends the program, once the finish screen's answers are written.
func (m *Model) quit() tea.Cmd {
	if m.finishPending {
		m.quitWhenSaved = true
		return nil
	}
	return tea.Quit
}

// advanceProgram moves a multi-day program on to its next day when a
// session of it is completed.
func (m *Model) advanceProgram() tea.Cmd {
	if m.req.Program == "" || m.req.Days < 2 {
		return nil
	}
	p := journal.Progress{Program: m.req.Program, Day: m.req.Day + 1, Days: m.req.Days, Updated: m.now()}
	return write(m.store, func(s Store) error { return s.SetProgress(p) })
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func (m *Model) resize() {
	m.help.SetWidth(m.width)
	m.home.SetSize(m.width, max(m.bodyHeight()-1, 1))
	m.routines.SetSize(m.width, m.bodyHeight())
	m.browse.SetSize(m.width, m.bodyHeight())
	m.safety.SetSize(m.width, m.bodyHeight())
	m.page.SetSize(m.width, m.bodyHeight(), 1)
	m.intake.SetSize(m.width, m.bodyHeight())
	m.plan.SetSize(m.width, m.bodyHeight())
	m.session.SetSize(m.width, m.bodyHeight())
	m.summary.SetSize(m.width, m.bodyHeight())
	m.history.SetSize(m.width, m.bodyHeight())
}

func (m *Model) setStyles(st *styles) {
	m.st = st
	m.help.Styles = st.Help
	m.home.setStyles(st)
	m.routines.setStyles(st)
	m.browse.setStyles(st)
	m.safety.st = st
	m.intake.st = st
	m.plan.setStyles(st)
	m.session.setStyles(st)
	m.summary.st = st
	m.history.st = st
	m.page.setStyles(st)
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
	case screenHistory:
		return m.history.help()
	case screenRoutines:
		return m.routines.help()
	case screenBrowse:
		return m.browse.help()
	}
	return m.home.help()
}

func (m Model) View() tea.View {
	if m.crashing {
		panic("crash test: a panic in View")
	}
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "unknot"
	if m.width == 0 {
		return v // no size yet
	}
	if m.screen == screenSession {
		v.WindowTitle = m.session.WindowTitle()
		v.ProgressBar = tea.NewProgressBar(tea.ProgressBarDefault, m.session.Progress())
		if m.session.ss.Paused() {
			v.ProgressBar.State = tea.ProgressBarWarning
		}
	}
	if m.width < minWidth || m.height < minHeight {
		// Only the notice: the timer runs on, shown in the title.
		extra := ""
		if m.screen == screenSession {
			extra = v.WindowTitle
		}
		v.Content = tooSmall(m.width, m.height, m.st, extra)
		return v
	}
	helpView := m.help.View(m.activeHelp())
	var content string
	switch m.screen {
	case screenHome:
		content = m.home.View() + "\n" + helpView
	case screenRoutines:
		content = m.routines.View() + "\n" + helpView
	case screenBrowse:
		content = m.browse.View(helpView)
	case screenSafety:
		content = m.safety.View(helpView, m.bodyHeight())
	case screenEmergency, screenClinician, screenStopRules:
		content = m.page.View(helpView)
	case screenIntake:
		content = m.intake.View(helpView, m.bodyHeight())
	case screenPlan:
		content = m.plan.View(helpView)
	case screenSession:
		content = m.session.View(helpView)
	case screenSummary:
		content = m.summary.View(helpView)
	case screenHistory:
		content = m.history.View(helpView)
	}
	if m.saveErr != "" {
		content = m.st.Warning.Render(ansi.Truncate(m.saveErr, m.width, "…")) + "\n" + content
	}
	v.Content = content
	return v
}

// bodyHeight is the height the screens get: one row less while the
// "not saving" notice takes the top row.
func (m Model) bodyHeight() int {
	if m.saveErr != "" {
		return max(m.height-1, 1)
	}
	return m.height
}

// choose carries out a home menu entry.
func (m *Model) choose(it menuItem) tea.Cmd {
	m.home.leave()
	switch it.act {
	case actContinue:
		m.begin(ProgramRequest(m.cat, it.program, it.day))
	case actStart:
		m.begin(Request{})
	case actBreak:
		if p, ok := m.cat.Program("desk-break"); ok {
			m.begin(ProgramRequest(m.cat, p, 1))
		}
	case actRoutines:
		m.show(screenRoutines)
	case actBrowse:
		m.browse.level = levelAreas
		m.show(screenBrowse)
	case actHistory:
		m.show(screenHistory)
	case actQuit:
		return tea.Quit
	}
	return nil
}

func (m Model) cueSettings() cueSettings {
	return cueSettings{
		player:  m.opt.Speech,
		bell:    m.opt.Bell,
		voice:   m.opt.Voice,
		reduced: m.opt.ReducedMotion,
		pacer:   pacer{In: m.opt.BreatheIn, Out: m.opt.BreatheOut},
	}
}

// crash panics where Options.CrashTest asks, for the crash tests.
func (m Model) crash() (tea.Model, tea.Cmd) {
	switch m.opt.CrashTest {
	case "view":
		m.crashing = true
		return m, nil
	case "cmd":
		return m, func() tea.Msg { panic("crash test: a panic in a command") }
	case "speech":
		// The app's crash-test voice panics on these words, in its own
		// goroutine.
		return m, speak(m.opt.Speech, "crash test")
	}
	panic("crash test: a panic in Update")
}
