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

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

// Options configure the UI.
type Options struct {
	Catalogue *content.Catalogue
	// Request is what the command line asked for. Its intake answers and
	// hold settings apply to every flow started in this run; with Direct
	// the app goes straight into the flow for it (unknot session ...):
	// safety screen when not current, intake, plan, session.
	Request coach.Request
	Direct  bool
	// Safety is the last safety result, if one is known.
	Safety safety.Result
	// Store keeps the journal; nil runs without saving.
	Store coach.Store
	// SaveError says why the journal could not be opened ("" if it was).
	SaveError string
	// CheckIn runs the whole safety check on its own (unknot check-in).
	CheckIn bool
	// Browse, when set, opens on the browse screen, on that area if not "".
	Browse *string
	// PackProblems are the user's content pack problems, shown once.
	PackProblems []string
	// ConfigProblems are the mistakes in config.toml, one line each, shown
	// on the home screen for as long as the app runs.
	ConfigProblems []string
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

	// CanSuspend says ctrl+z may stop the process. Without job control
	// (unknot started as the terminal's own command, as in `tmux new
	// unknot`) a stopped process could never be resumed, so ctrl+z only
	// pauses the hold and says so. PrepareSuspend, when set, runs just
	// before Bubble Tea stops the process (tea.Suspend).
	CanSuspend     bool
	PrepareSuspend func()

	// CrashTest makes a running session panic on the "!" key, in Update,
	// View, a command or the speech player's goroutine ("update", "view",
	// "cmd", "speech"): the crash tests check
	// that the terminal is restored and the session saved. Set only from
	// the UNKNOT_CRASH_TEST environment variable.
	CrashTest string
}

// Model is the root model. It is used by pointer: screens are held by
// pointer too, and the active one gets every message that is not global.
type Model struct {
	opt    Options
	cat    *content.Catalogue
	now    func() time.Time
	screen screenID
	direct bool // started from the command line: the end quits

	width, height int
	keys          *keyMap
	help          help.Model
	helpLine      helpLine // the help line as last drawn
	st            *styles

	req           coach.Request
	result        safety.Result
	stopRulesSeen bool
	intakeAnswers plan.Intake
	log           *coach.SessionLog // the running or last session's

	store   coach.Store
	saveErr string // why nothing is being saved, shown on screen
	// finishPending is set while pain-after is being written; a quit
	// asked for meanwhile waits for it (quitWhenSaved).
	finishPending, quitWhenSaved bool
	crashing                     bool     // see Options.CrashTest
	flash                        string   // a one-off notice in place of the help, until the next key
	checkingIn                   bool     // the safety check runs on its own ("Update my health answers")
	flowFrom                     screenID // where the flow was started (esc from its first question goes back there)
	// gate is today's safety check when it was left part-way (q, esc) or
	// ended in a stop: starting again goes on from there, and "I answered
	// by mistake" steps back to the answer that stopped it.
	gate    *safety.Gate
	gateDay time.Time
	// rechecking holds the intake while the weekly checklists are asked
	// again (the pain is new or clearly worse).
	rechecking *plan.Intake
	known      coach.Known

	home     *homeScreen
	routines *routinesScreen
	browse   *browseScreen
	history  *historyScreen
	// The flow's screens, made afresh for each request.
	safety  *safetyScreen
	page    *stopPage // emergency, clinician and stop-rules pages
	intake  *intakeScreen
	plan    *planScreen
	session *sessionScreen
	summary *summaryScreen
}

// New builds the root model.
func New(opt Options) *Model {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	st := newStyles(true)
	keys := defaultKeyMap()
	h := help.New()
	h.Styles = st.Help
	m := &Model{opt: opt, cat: opt.Catalogue, now: now, keys: keys, help: h, st: st, result: opt.Safety,
		store: opt.Store, saveErr: opt.SaveError}
	m.home = newHomeScreen(opt.Catalogue, opt.PackProblems, keys, st)
	m.home.config = opt.ConfigProblems
	m.home.stopped = opt.Safety.StopsToday(now())
	m.routines = newRoutinesScreen(opt.Catalogue, keys, st)
	m.browse = newBrowseScreen(opt.Catalogue, keys, st)
	m.browse.notToday = m.notToday
	if opt.Browse != nil {
		m.browse.open(*opt.Browse)
		m.screen = screenBrowse
	}
	m.history = newHistoryScreen(opt.Catalogue, keys, st)
	m.history.store = opt.Store
	switch {
	case opt.CheckIn:
		m.direct = true
		m.follow(checkIn{})
	case opt.Direct:
		m.direct = true
		m.begin(opt.Request)
	}
	if m.direct {
		keys.Leave = keys.Quit // home ends a command-line run
	}
	return m
}

// Init asks for the background colour and reads the journal.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, loadHistory(m.store, m.now))
}

// startMsg starts the session's clock at `at`.
type startMsg struct{ at time.Time }

// startSessionCmd starts the clock in a command, so the time is read when
// the session screen is really up.
func (m *Model) startSessionCmd() tea.Cmd {
	now := m.now
	return func() tea.Msg { return startMsg{at: now()} }
}

// Summary is the one-line result of the session, when one ran.
func (m *Model) Summary() (string, bool) {
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
func (m *Model) SaveUnfinished(now time.Time) {
	s := m.session
	if s == nil || s.done() {
		return
	}
	s.quit = true // the summary says "Session stopped"
	if _, w := m.log.Stop(s.ss, now); w != nil && m.store != nil {
		_ = w(m.store)
	}
}

// begin starts the flow for a request: safety (when not current), stop
// rules, intake, plan. The command line's intake answers and hold
// settings apply to every request.
func (m *Model) begin(req coach.Request) {
	req.Preset, req.Expand = m.opt.Request.Preset, m.opt.Request.Expand
	m.req = req
	m.rechecking, m.checkingIn = nil, false // a new flow asks its own questions
	if m.result.StopsToday(m.now()) {
		// A stop stands for the rest of the day: the same page again.
		m.afterSafety()
		return
	}
	if g := m.todaysGate(); g != nil && !g.Done() {
		// Left part-way earlier today: go on where it was.
		m.safety = resumeSafetyScreen(m.cat, g, m.keys, m.st)
	} else {
		m.safety = newSafetyScreen(m.cat, m.result, m.now, m.keys, m.st)
	}
	m.show(screenSafety)
}

// notToday says why the person's safety answers leave a technique out
// today ("" when they do not): the browse detail page says so instead of
// offering to start it.
func (m *Model) notToday(t content.Technique) string {
	p := plan.FromSelection(m.cat, []content.Technique{t}, m.result)
	if len(p.Items) == 0 && len(p.Left) > 0 {
		return p.Left[0].Reason
	}
	return ""
}

// todaysGate is the check kept from earlier today, if any.
func (m *Model) todaysGate() *safety.Gate {
	if m.gate == nil {
		return nil
	}
	if !coach.SameDay(m.gateDay, m.now()) {
		m.gate = nil
	}
	return m.gate
}

// keepGate remembers the safety check on show for the rest of the day.
// Not the whole check asked again, nor the new-or-worse check after an
// intake: each of those is asked in full whenever it is due.
func (m *Model) keepGate() {
	if m.screen == screenSafety && m.safety != nil && !m.checkingIn && m.rechecking == nil {
		m.gate, m.gateDay = m.safety.gate, m.now()
	}
}

func (m *Model) afterSafety() {
	cat, r := m.cat, m.result
	switch m.result.Outcome {
	case safety.Emergency:
		m.showPage(screenEmergency, func(st *styles, w int) string { return emergencyText(st, cat, r, w) })
	case safety.Clinician:
		m.showPage(screenClinician, func(st *styles, w int) string { return clinicianText(st, cat, r, w) })
	default:
		// The full rules the first time (and after they change), and while
		// cautions have advice to show; a one-line reminder otherwise.
		read := m.known.StopRulesRead == coach.StopRulesVersion(m.cat) && len(m.result.Cautions) == 0
		if !m.stopRulesSeen && !read {
			m.showPage(screenStopRules, func(st *styles, w int) string { return stopRulesText(st, cat, r, w) })
			return
		}
		m.req.Last = m.known.LastIntake // last time's answers are offered again
		m.intake = newIntakeScreen(m.cat, m.req, m.keys, m.st)
		m.intake.leaveTo = m.keys.Leave.Help().Desc // home, or quit on a command-line run
		if m.flowFrom == screenBrowse || m.flowFrom == screenRoutines {
			m.intake.leaveTo = "back" // esc leaves the way it came (leaveFlow)
		}
		m.show(screenIntake)
	}
}

func (m *Model) showPage(s screenID, render func(*styles, int) string) {
	m.page = newStopPage(s, m.st, m.keys, render)
	m.show(s)
}

// show makes s the active screen, at the current size.
func (m *Model) show(s screenID) {
	m.screen = s
	m.help.ShowAll = false
	m.active().SetSize(m.width, m.bodyHeight())
}

// afterIntake builds the plan, or refers to a clinician.
func (m *Model) afterIntake(in plan.Intake) tea.Cmd {
	m.intakeAnswers = in
	if why, refer := in.Referral(); refer {
		m.result = m.result.Refer(why)
		m.afterSafety()
		return write(m.store, coach.SaveSafety(m.result))
	}
	p := m.req.Plan(m.cat, in, m.result, m.known.History(m.now()))
	if h := m.req.Expand.Hold; h > 0 {
		p.Notes = append(p.Notes, p.HoldNotes(h)...)
	}
	m.plan = newPlanScreen(m.cat, p, m.req.PlanTitle(), m.req.Expand, m.keys, m.st)
	m.show(screenPlan)
	return nil
}

// startSession turns the plan into steps, writes the session's row and
// starts the guided session.
func (m *Model) startSession() tea.Cmd {
	techs := m.plan.p.Techniques()
	steps := session.Expand(techs, m.req.Expand)
	m.session = newSessionScreen(m.plan.title, steps, m.now, m.keys, m.st)
	m.session.tick = m.opt.Tick
	m.session.cues = m.cueSettings()
	m.session.techs = techs
	var begin coach.Write
	m.log, begin = coach.StartLog(m.req, m.plan.title, m.intakeAnswers, techs, m.now())
	m.session.store, m.session.log = m.store, m.log
	m.show(screenSession)
	// The clock starts at once; the row is written alongside (a journal
	// busy with another process must not hold up the countdown).
	return tea.Batch(write(m.store, begin), m.startSessionCmd())
}

// leaveFlow goes out of the flow the way it came: a technique's detail
// page from Browse, the list from Ready-made routines, home otherwise.
func (m *Model) leaveFlow() tea.Cmd {
	switch m.flowFrom {
	case screenBrowse, screenRoutines:
		m.show(m.flowFrom)
		return nil
	}
	return m.follow(goHome{})
}

// goHome goes back to the home screen, or ends a command-line run.
func (m *Model) goHome() tea.Cmd {
	if m.direct {
		return m.quit()
	}
	m.home.leave()
	m.home.setStopped(m.result.StopsToday(m.now()))
	m.show(screenHome)
	return nil
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		m.flash = ""
	}
	switch msg := msg.(type) {
	case SuspendMsg:
		return m, m.suspend()
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
		return m, loadHistory(m.store, m.now)
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
		m.known = msg.known
		m.home.setJournal(m.cat, m.known, m.now())
		m.routines.setProgress(m.known.Progress, m.now())
		m.history.set(m.known, m.now())
		m.history.setBreaks(m.known.Nudges, m.now())
		return m, nil
	case historyPageMsg:
		m.history.takePage(msg)
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
			return m, m.suspend()
		case key.Matches(msg, m.keys.Help) && !m.active().typing():
			m.help.ShowAll = !m.help.ShowAll
			return m, nil
		}
	}
	act, cmd := m.active().Update(msg)
	return m, tea.Batch(cmd, m.follow(act))
}

// SuspendMsg asks the app to suspend as ctrl+z does: the launcher sends it
// for a SIGTSTP from outside (kill -TSTP).
type SuspendMsg struct{}

// suspend pauses the hold, then stops the process where job control can
// resume it; elsewhere it says why it cannot. The clock runs on while the
// process is stopped, so the hold is paused first; after fg it stays
// paused until space.
func (m *Model) suspend() tea.Cmd {
	var pause tea.Cmd
	running := m.screen == screenSession && m.session.ss.Running()
	if running {
		pause = m.session.pause(m.now())
	}
	if !m.opt.CanSuspend {
		m.flash = "ctrl+z can't suspend here: this terminal has no job control."
		if running {
			m.flash = "ctrl+z can't suspend here (no job control): the hold is paused; space goes on."
		}
		return pause
	}
	prepare := m.opt.PrepareSuspend
	if prepare == nil {
		return tea.Sequence(pause, tea.Suspend)
	}
	return tea.Sequence(pause, func() tea.Msg { prepare(); return nil }, tea.Suspend)
}

// stopSaving turns the journal off after a failed write or read: the
// coach goes on, with a "Not saving" row on every screen.
func (m *Model) stopSaving(err error) {
	m.saveErr = "Not saving: " + firstLine(err.Error())
	m.store = nil
	if m.session != nil {
		m.session.store = nil
	}
	m.resize()
}

// active is the screen on show.
func (m *Model) active() screen {
	switch m.screen {
	case screenRoutines:
		return m.routines
	case screenBrowse:
		return m.browse
	case screenSafety:
		return m.safety
	case screenEmergency, screenClinician, screenStopRules, screenGuide, screenConfig:
		return m.page
	case screenIntake:
		return m.intake
	case screenPlan:
		return m.plan
	case screenSession:
		return m.session
	case screenSummary:
		return m.summary
	case screenHistory:
		return m.history
	}
	return m.home
}

// follow carries out where a screen's Update leads.
func (m *Model) follow(act action) tea.Cmd {
	switch a := act.(type) {
	case goHome:
		if m.screen == screenSafety && m.safety.gate.Asked() > 0 {
			m.keepGate() // the answers so far stand for today
		}
		// A new-or-worse check left unanswered is asked again when the
		// intake next ends, and a check-in left part-way is over: nothing
		// later may stand in for either.
		m.rechecking, m.checkingIn = nil, false
		return m.goHome()
	case redoSafety:
		// Back to the answer that stopped the session, to give it again;
		// the stop stands until the check ends otherwise.
		if g := m.todaysGate(); g != nil {
			if g.Done() {
				g.Back()
			}
			m.safety = resumeSafetyScreen(m.cat, g, m.keys, m.st)
		} else {
			m.safety = newSafetyScreen(m.cat, m.result, m.now, m.keys, m.st)
		}
		m.show(screenSafety)
	case quitApp:
		return m.quit()
	case openScreen:
		switch a.to {
		case screenBrowse:
			m.browse.level = levelAreas
		case screenGuide:
			cat := m.cat
			m.showPage(screenGuide, func(st *styles, w int) string { return guideText(st, cat, w) })
			return nil
		case screenStopRules:
			// From the intake's reminder: the full rules, then back to
			// the same question.
			cat, r := m.cat, m.result
			m.showPage(screenStopRules, func(st *styles, w int) string { return stopRulesText(st, cat, r, w) })
			m.page.reopened = true
			return nil
		case screenConfig:
			problems := m.opt.ConfigProblems
			m.showPage(screenConfig, func(st *styles, w int) string { return configText(st, problems, w) })
			return nil
		case screenHistory:
			m.show(a.to)
			return m.history.open()
		}
		m.show(a.to)
	case checkIn:
		m.checkingIn = true
		m.safety = newCheckInScreen(m.cat, m.result, m.now, m.keys, m.st)
		m.show(screenSafety)
	case beginFlow:
		m.flowFrom = m.screen
		m.begin(a.req)
	case safetyAnswered:
		m.result = a.res
		save := write(m.store, coach.SaveSafety(a.res))
		m.gate = nil
		if !a.res.Outcome.AllowsSession() {
			m.keepGate() // for "I answered by mistake"
		}
		if in := m.rechecking; in != nil {
			m.rechecking = nil
			if a.res.Outcome.AllowsSession() {
				return tea.Batch(save, m.afterIntake(*in))
			}
		}
		if m.checkingIn && a.res.Outcome.AllowsSession() {
			// Updated: back home, with the answers kept for next time.
			m.checkingIn = false
			home := m.goHome()
			m.flash = "Your health answers are saved; the next session uses them."
			return tea.Sequence(save, home) // written before a command-line run quits
		}
		m.checkingIn = false
		m.afterSafety()
		return save
	case stopRulesRead:
		m.stopRulesSeen = true
		m.known.StopRulesRead = coach.StopRulesVersion(m.cat)
		m.afterSafety()
		return write(m.store, coach.StopRulesRead(m.cat))
	case intakeAnswered:
		if a.stopped {
			m.intakeAnswers = a.in
			m.result = m.result.Escalate(a.stop)
			m.afterSafety()
			return write(m.store, coach.SaveSafety(m.result))
		}
		if coach.RecheckDue(m.known, a.in, m.result) {
			in := a.in
			m.rechecking = &in
			m.safety = resumeSafetyScreen(m.cat, safety.NewRecheck(m.cat.Safety, m.result, m.now()), m.keys, m.st)
			m.show(screenSafety)
			return nil
		}
		return m.afterIntake(a.in)
	case stepBack:
		switch m.screen {
		case screenSafety:
			if m.rechecking != nil {
				// The new-or-worse check follows the intake: back to its
				// last question, every answer kept; answering it again
				// asks the check again.
				m.rechecking = nil
				m.intake.qs[m.intake.i].done = false
				m.show(screenIntake)
				return nil
			}
			if m.checkingIn {
				return m.follow(goHome{}) // "Update my health answers" is on Home
			}
			return m.leaveFlow()
		case screenStopRules:
			// Opened from the intake: back to its question as it was.
			m.show(screenIntake)
		case screenPlan:
			if m.flowFrom == screenBrowse {
				// A technique chosen in Browse asks only the pain: back to
				// its detail page rather than through the questions.
				m.show(screenBrowse)
				return nil
			}
			// Back to the last question, with every answer kept.
			m.intake.qs[m.intake.i].done = false
			m.show(screenIntake)
		case screenIntake:
			return m.leaveFlow()
		}
	case startSession:
		// Edits on the plan screen can make a session that reduced
		// sensation keeps short too long again: it shows trimmed, with the
		// reason, to start from there.
		if kept := m.req.KeepShort(m.plan.p, m.result); len(kept.Techniques()) < len(m.plan.p.Techniques()) {
			m.plan = newPlanScreen(m.cat, kept, m.plan.title, m.req.Expand, m.keys, m.st)
			m.show(screenPlan)
			return nil
		}
		return m.startSession()
	case sessionOver:
		// Finished or quit with q y, the finish screen asks for pain now
		// (optional after quitting) and then goes home; ctrl+c alone quits
		// at once.
		m.summary = newFinishScreen(m.session, m.cat, m.intakeAnswers.Pain)
		m.summary.review, _ = m.known.Review(m.now())
		if coach.Completed(m.summary.sum, m.summary.quit) {
			m.summary.dayDone = coach.DayDone(m.cat, m.req)
		}
		m.summary.direct = m.direct
		m.show(screenSummary)
	case finishAnswered:
		return m.saveFinish(a.after, a.note)
	case painSkipped:
		// Nothing to write, but Home and History must learn of the
		// session just ended, as after a pain score (finishSavedMsg).
		if m.store == nil {
			return nil
		}
		return loadHistory(m.store, m.now)
	}
	return nil
}

// saveFinish writes pain after and the note, and whether the next plan
// should be gentler (set or cleared), then reloads the journal.
func (m *Model) saveFinish(after int, note string) tea.Cmd {
	m.known.Gentler = m.log.Gentler(after)
	w := m.log.PainAfter(after, note)
	if m.store == nil || w == nil {
		return nil
	}
	m.finishPending = true
	store := m.store
	return func() tea.Msg { return finishSavedMsg{err: w(store)} }
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

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// resize tells the screens that live across flows, and the one on show,
// their size.
func (m *Model) resize() {
	m.help.SetWidth(m.width)
	h := m.bodyHeight()
	m.home.SetSize(m.width, h)
	m.routines.SetSize(m.width, h)
	m.browse.SetSize(m.width, h)
	m.history.SetSize(m.width, h)
	m.active().SetSize(m.width, h)
}

func (m *Model) setStyles(st *styles) {
	m.st = st
	m.help.Styles = st.Help
	for _, s := range []screen{m.home, m.routines, m.browse, m.history} {
		s.setStyles(st)
	}
	// The flow's screens that exist keep their state in new colours.
	if m.safety != nil {
		m.safety.setStyles(st)
	}
	if m.page != nil {
		m.page.setStyles(st)
	}
	if m.intake != nil {
		m.intake.setStyles(st)
	}
	if m.plan != nil {
		m.plan.setStyles(st)
	}
	if m.session != nil {
		m.session.setStyles(st)
	}
	if m.summary != nil {
		m.summary.setStyles(st)
	}
	m.resize()
}

func (m *Model) View() tea.View {
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
	helpView := m.helpLine.View(&m.help, m.st, m.active().Help())
	if m.flash != "" {
		helpView = m.st.Warning.Render(ansi.Truncate(m.flash, m.width, "…"))
	}
	content := m.active().View(helpView)
	if m.saveErr != "" {
		content = m.st.Warning.Render(m.saveErrLines()) + "\n" + content
	}
	v.Content = content
	return v
}

// bodyHeight is the height the screens get, their help included: less
// the rows the "not saving" notice takes at the top.
func (m *Model) bodyHeight() int {
	if m.saveErr != "" {
		return max(m.height-lineCount(m.saveErrLines())-1, 1)
	}
	return m.height
}

// saveErrLines is the "not saving" notice wrapped to the width, so its
// cause is never cut off; at most three rows.
func (m *Model) saveErrLines() string {
	lines := strings.Split(wordwrap(m.saveErr, max(m.width, 20), ""), "\n")
	if len(lines) > 3 {
		lines = append(lines[:2], ansi.Truncate(strings.Join(lines[2:], " "), max(m.width, 20), "…"))
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, max(m.width, 1), "")
	}
	return strings.Join(lines, "\n")
}

func (m *Model) cueSettings() cueSettings {
	return cueSettings{
		player:  m.opt.Speech,
		bell:    m.opt.Bell,
		voice:   m.opt.Voice,
		reduced: m.opt.ReducedMotion,
		pacer:   pacer{In: m.opt.BreatheIn, Out: m.opt.BreatheOut},
	}
}

// crash panics where Options.CrashTest asks, for the crash tests.
func (m *Model) crash() (tea.Model, tea.Cmd) {
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
