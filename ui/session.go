package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/session"
)

// sessionScreen is the guided session: one step at a time, a countdown
// readable from the floor, and keys to pause, skip, go back and adjust.
type sessionScreen struct {
	title string
	ss    *session.Session
	keys  *keyMap
	st    *styles
	bar   progress.Model

	gen         int       // tick generation; see tickMsg
	now         time.Time // time of the last message, so View stays pure
	confirmQuit bool      // the "quit this session?" question is up
	wasPaused   bool      // paused before the question was asked
	muted       bool
	quit        bool // the person confirmed quitting
	notice      string
	// flash says for a moment what a key changed ("Sound off: no voice"),
	// until flashUntil on the session's clock.
	flash      string
	flashUntil time.Time

	width, height int
	text          stepText // wrapped text for the current step and width
	// techs are the session's techniques by step.Item, for their figures.
	techs []content.Technique
	drawn sessionDrawn

	// The journal: where each step's outcome is written when it ends.
	store coach.Store
	log   *coach.SessionLog
	clock func() time.Time

	// tick schedules the next wake-up (tickCmd; tests record it instead).
	tick func(time.Duration, int) tea.Cmd

	// Cues: the bell, spoken words, and the breathing pacer.
	cues      cueSettings
	lastCount int // the last "3, 2, 1" number spoken in this hold
}

// cueSettings say how the session announces itself.
type cueSettings struct {
	player  cue.Player // speech; nil when there is no voice
	bell    bool
	voice   bool
	reduced bool // reduced motion: the pacer shows a label and a count
	pacer   pacer
}

// stepText is the current step's text, wrapped once per step and width.
type stepText struct {
	step, width int
	head        string // the name and LEFT SIDE · stage · 2 of 3, styled
	tail        string // instruction and breathing, styled
	// warn is the key precaution wrapped to the width, unstyled: View
	// shows every row when they fit, else shortens it (warnRows).
	warn []string
	// warnView is warn styled in warnFor rows, as last drawn.
	warnView string
	warnFor  int
	next     string // next up, styled
}

func newSessionScreen(title string, steps []session.Step, clock func() time.Time, keys *keyMap, st *styles) *sessionScreen {
	return &sessionScreen{
		clock: clock,
		title: title,
		ss:    session.New(steps),
		keys:  keys,
		st:    st,
		bar:   newBar(st),
		text:  stepText{step: -1},
	}
}

func newBar(st *styles) progress.Model {
	return progress.New(progress.WithoutPercentage(), progress.WithColors(st.BarFull), progress.WithFillCharacters('█', '░'))
}

func (m *sessionScreen) setStyles(st *styles) {
	m.st = st
	w := m.bar.Width()
	m.bar = newBar(st)
	m.bar.SetWidth(w)
	m.bar.EmptyColor = st.BarEmpty
	m.text.width = -1 // the step's text, styled again
	if m.ss != nil {
		m.wrap()
	}
}

// start begins the session at now and returns the first tick.
func (m *sessionScreen) start(now time.Time) tea.Cmd {
	m.now = now
	return m.react(m.ss.Start(now))
}

func (m *sessionScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.bar.SetWidth(max(min(w-8, 60), 10))
	m.text.width = -1 // rewrap
	if m.ss != nil {
		m.wrap()
	}
}

// done reports whether the session has ended (finished or quit).
func (m *sessionScreen) done() bool { return m.ss.Phase() == session.PhaseDone }

func (m *sessionScreen) typing() bool { return false }

func (m *sessionScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	if m.done() {
		return nil, nil
	}
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tickMsg:
		if msg.gen != m.gen {
			return nil, nil // a tick from a chain that was replaced
		}
		// The injected clock, not the timer's own stamp: the session's
		// deadlines were set by that clock, and the two may differ.
		m.now = m.clock()
		cmd = m.react(m.ss.Tick(m.now))
	case tea.KeyPressMsg:
		m.now = m.clock()
		cmd = m.key(msg)
	}
	if m.done() {
		return sessionOver{quit: m.quit}, cmd
	}
	return nil, cmd
}

func (m *sessionScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	now := m.now
	if m.confirmQuit {
		switch {
		case key.Matches(msg, m.keys.Yes):
			m.confirmQuit = false
			return m.stop(now)
		case key.Matches(msg, m.keys.No), key.Matches(msg, m.keys.Quit):
			m.confirmQuit = false
			if !m.wasPaused {
				return m.react(m.ss.Resume(now))
			}
		}
		return nil
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		m.confirmQuit = true
		m.wasPaused = m.ss.Paused()
		return m.react(m.ss.Pause(now))
	case key.Matches(msg, k.Pause):
		return m.react(m.ss.TogglePause(now))
	case key.Matches(msg, k.Skip):
		return m.react(m.ss.Skip(now))
	case key.Matches(msg, k.Prev):
		return m.react(m.ss.Back(now))
	case key.Matches(msg, k.More):
		return m.react(m.ss.Extend(now, session.Adjustment))
	case key.Matches(msg, k.Less):
		return m.react(m.ss.Extend(now, -session.Adjustment))
	case key.Matches(msg, k.Restart):
		return m.react(m.ss.Restart(now))
	case key.Matches(msg, k.Hurt):
		cmd := m.react(m.ss.Hurt(now))
		m.notice = "Noted: out of your next plans"
		return cmd
	case key.Matches(msg, k.SoundOn):
		m.muted = !m.muted
		m.flash, m.flashUntil = m.soundNotice(), now.Add(flashFor)
		if m.muted && m.cues.player != nil {
			return speak(m.cues.player, "") // cut anything still speaking
		}
	}
	return nil
}

// flashFor is how long a flash stays on screen.
const flashFor = 3 * time.Second

// soundNotice says what m just changed: which cues are now silent or
// sounding.
func (m *sessionScreen) soundNotice() string {
	var cues []string
	if m.cues.voice && m.cues.player != nil {
		cues = append(cues, "voice")
	}
	if m.cues.bell {
		cues = append(cues, "bell")
	}
	what := strings.Join(cues, " and ")
	switch {
	case what == "":
		return "No sound is set up: the voice and bell are off in your settings"
	case m.muted:
		return "Sound off: no " + what
	default:
		return "Sound on: " + what
	}
}

// react turns session events into cues and schedules the next tick. Every
// call starts a new tick generation, so at most one chain is alive.
func (m *sessionScreen) react(events []session.Event) tea.Cmd {
	cmds := []tea.Cmd{m.write(m.log.Steps(m.ss, events, m.now))}
	ring := false
	var words []string
	for _, e := range events {
		switch e.Kind {
		case session.EventStepStarted:
			m.notice = ""
			m.lastCount = 0
		case session.EventSwitchSides:
			m.notice = "Switch sides"
		}
		ring = ring || rings(e.Kind)
		words = append(words, m.spoken(e)...)
		if e.Kind == session.EventSessionDone && !m.quit {
			cmds = append(cmds, m.write(m.log.Finish(m.ss, false, m.now)))
		}
	}
	// The last three seconds of a hold are counted aloud.
	if m.ss.Phase() == session.PhaseHold && !m.ss.Paused() {
		if n := session.ShownSeconds(m.ss.Remaining(m.now)); n <= 3 && n >= 1 && n != m.lastCount {
			m.lastCount = n
			words = append(words, fmt.Sprint(n))
		}
	}
	// One bell and one utterance per batch, even when several transitions
	// fired at once.
	if ring && m.cues.bell && !m.muted {
		cmds = append(cmds, bell)
	}
	if len(words) > 0 && m.cues.voice && m.cues.player != nil && !m.muted {
		cmds = append(cmds, speak(m.cues.player, strings.Join(words, ". ")))
	}
	m.wrap()
	m.gen++
	if d, ok := m.nextWake(); ok {
		tick := m.tick
		if tick == nil {
			tick = tickCmd
		}
		cmds = append(cmds, tick(d, m.gen))
	}
	return tea.Batch(cmds...)
}

// spoken is what an event says aloud.
func (m *sessionScreen) spoken(e session.Event) []string {
	steps := m.ss.Steps()
	switch e.Kind {
	case session.EventStepStarted:
		return []string{steps[e.Step].Spoken()}
	case session.EventSwitchSides:
		return []string{"Switch sides"}
	case session.EventRestStarted:
		return []string{"Rest"}
	case session.EventLeadInStarted:
		return []string{"Get into position"}
	case session.EventHoldStarted:
		if b := steps[e.Step].Breathing; b != "" {
			return []string{b}
		}
	case session.EventHalfway:
		return []string{"Halfway"}
	case session.EventStepDone:
		if m.ss.Records()[e.Step].Outcome == session.OutcomeDone {
			return []string{"Done"}
		}
	case session.EventSessionDone:
		switch {
		case m.quit:
		case m.ss.Summary().NothingDone():
			return []string{"Every step skipped"}
		default:
			return []string{"Session complete"}
		}
	}
	return nil
}

// speak plays words in a command, so Update stays free of side effects.
// Empty words cut whatever is being said.
func speak(p cue.Player, words string) tea.Cmd {
	return func() tea.Msg {
		p.Play(cue.Cue{Text: words})
		return nil
	}
}

// nextWake is when the screen next changes: the countdown's next second,
// or sooner while the breathing pacer moves.
func (m *sessionScreen) nextWake() (time.Duration, bool) {
	d, ok := m.ss.NextWake(m.now)
	if !ok {
		return d, ok
	}
	if f, moving := m.figureNextChange(); moving {
		d = min(d, f)
	}
	if !m.pacing() {
		return d, ok
	}
	return min(d, m.cues.pacer.nextChange(m.ss.HoldElapsed(m.now), m.pacerWidth(), m.cues.reduced)), true
}

// pacing reports whether the breathing pacer is showing.
func (m *sessionScreen) pacing() bool {
	st, ok := m.ss.Current()
	return ok && st.Breathing != "" && m.ss.Phase() == session.PhaseHold && m.cues.pacer.In > 0
}

// pacerWidth is the bar's width: it moves a step a second whatever its
// width (see pacer.cellsAt), 12 divides evenly into the default breath's
// 4 steps in and 6 out.
func (m *sessionScreen) pacerWidth() int { return max(min(m.width-20, 12), 6) }

// pacerView is the breathing guide: a bar that fills on the breath in and
// empties on the way out, labelled, with the seconds left of this half.
func (m *sessionScreen) pacerView() string {
	elapsed := m.ss.HoldElapsed(m.now)
	in, _, left := m.cues.pacer.at(elapsed)
	label := "breathe out"
	if in {
		label = "breathe in "
	}
	count := fmt.Sprintf("%d", session.ShownSeconds(left))
	if m.cues.reduced {
		return m.st.Breathing.Render(strings.TrimSpace(label) + " · " + count)
	}
	w := m.pacerWidth()
	cells := m.cues.pacer.cellsAt(elapsed, w)
	bar := strings.Repeat("█", cells) + strings.Repeat("░", w-cells)
	return m.st.Breathing.Render(label+"  ") + m.st.Countdown.Render(bar) + m.st.Breathing.Render("  "+count)
}

// write runs a journal write in a command, when there is a journal.
func (m *sessionScreen) write(w coach.Write) tea.Cmd { return write(m.store, w) }

// pause pauses the running session at now (before a suspend).
func (m *sessionScreen) pause(now time.Time) tea.Cmd {
	m.now = now
	return m.react(m.ss.Pause(now))
}

// stop ends the session early (quit) and returns the writes for it.
func (m *sessionScreen) stop(now time.Time) tea.Cmd {
	m.quit = true
	m.now = now
	_, w := m.log.Stop(m.ss, now)
	return m.write(w)
}

// rings says which events ring the bell: the hold starting, halfway,
// switching sides and the end of the session.
func rings(k session.EventKind) bool {
	switch k {
	case session.EventHoldStarted, session.EventHalfway, session.EventSwitchSides, session.EventSessionDone:
		return true
	}
	return false
}

// bell rings the terminal bell (BEL) without touching the screen.
var bell = tea.Raw("\a")

// wrap wraps and styles the current step's text when the step, width or
// styles changed, so View only pastes it in.
func (m *sessionScreen) wrap() {
	step, ok := m.ss.Current()
	if !ok || (m.text.step == m.ss.Index() && m.text.width == m.width) {
		return
	}
	w := max(m.width-4, 20)
	t := stepText{step: m.ss.Index(), width: m.width}
	var side []string
	if step.Side != session.SideNone {
		side = append(side, strings.ToUpper(step.Side.String())+" SIDE")
	}
	if step.Stage != "" {
		side = append(side, step.Stage)
	}
	if step.Reps > 1 {
		side = append(side, fmt.Sprintf("%d of %d", step.Rep, step.Reps))
	}
	var head, tail strings.Builder
	head.WriteString("  " + m.st.Step.Render(ansi.Truncate(step.Name, m.width-4, "…")) + "\n")
	head.WriteString("  " + m.st.Side.Render(ansi.Truncate(strings.Join(side, " · "), w, "…")) + "\n")
	for _, l := range strings.Split(wordwrap(step.Cue, w, ""), "\n") {
		tail.WriteString("  " + m.st.Cue.Render(l) + "\n")
	}
	if step.Breathing != "" {
		for _, l := range strings.Split(wordwrap("Breathe: "+step.Breathing, w, ""), "\n") {
			tail.WriteString("  " + m.st.Breathing.Render(l) + "\n")
		}
	}
	if step.Precaution != "" {
		t.warn = wrapRows("⚠ ", step.Precaution, w, 0)
	}
	next := "Last step"
	if n, ok := m.ss.Next(); ok {
		next = ansi.Truncate("Next up: "+n.Label(), w, "…")
	}
	t.head, t.tail = head.String(), tail.String()
	t.next = "  " + m.st.NextUp.Render(next) + "\n"
	m.text = t
}

// warnRows is the key precaution in at most rows rows (all of them when
// rows is as many as it takes), styled.
func (m *sessionScreen) warnRows(rows int) string {
	lines := m.text.warn
	if len(lines) == 0 {
		return ""
	}
	if m.text.warnView != "" && m.text.warnFor == rows {
		return m.text.warnView
	}
	if rows < len(lines) {
		step, _ := m.ss.Current()
		lines = wrapRows("⚠ ", step.Precaution, max(m.width-4, 20), rows)
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("  " + m.st.Warning.Render(l) + "\n")
	}
	m.text.warnView, m.text.warnFor = b.String(), rows
	return m.text.warnView
}

// sounds reports whether cues sound now: a bell or a voice, not muted.
func (m *sessionScreen) sounds() bool {
	return !m.muted && (m.cues.bell || m.cues.voice && m.cues.player != nil)
}

// WindowTitle shows the countdown, e.g. "0:27 · Doorway chest stretch".
func (m *sessionScreen) WindowTitle() string {
	step, ok := m.ss.Current()
	if !ok || m.done() {
		return "unknot"
	}
	t := clock(m.ss.Remaining(m.now)) + " · " + step.Name
	if m.ss.Paused() {
		t += " (paused)"
	}
	return t
}

// Progress is the overall session progress in percent, for the terminal's
// own progress indicator.
func (m *sessionScreen) Progress() int {
	done, total := m.ss.Progress(m.now)
	if total <= 0 {
		return 0
	}
	return int(100 * done / total)
}

func (m *sessionScreen) Help() bindings {
	k := m.keys
	if m.confirmQuit {
		return bindings{short: []key.Binding{k.Yes, k.No}}
	}
	pause := k.Pause
	if m.ss.Paused() {
		pause = k.Resume
	}
	mute := k.SoundOff
	if m.sounds() {
		mute = k.SoundOn
	}
	short := []key.Binding{pause, k.SkipShort, k.PrevShort, k.Hurt, k.Help, k.Quit}
	if m.width >= 72 {
		short = []key.Binding{pause, k.SkipShort, k.PrevShort, k.Hurt, mute, k.Help, k.Quit}
	}
	return bindings{
		short: short,
		full: [][]key.Binding{
			{pause, k.Skip, k.Prev, k.Restart},
			{k.More, k.Less, k.Hurt, mute},
			{k.Help, k.Quit, k.ForceQuit},
		},
	}
}

// View draws the session; helpView is the rendered help line(s).
func (m *sessionScreen) View(helpView string) string {
	step, ok := m.ss.Current()
	if !ok {
		return ""
	}
	if m.confirmQuit {
		box := m.st.Dialog.Render(m.st.Title.Render("Quit this session?") + "\n\n" +
			"What you have done so far is kept.\n\n" + m.st.Subtle.Render("y quit · n keep going"))
		return lipgloss.Place(m.width, m.height-lipgloss.Height(helpView), lipgloss.Center, lipgloss.Center, box) + "\n" + helpView
	}
	now := m.now
	remaining := m.ss.Remaining(now)
	big := m.height >= bigDigitsFrom

	var b strings.Builder
	// Header: program title and overall progress.
	done, total := m.ss.Progress(now)
	header := m.drawn.header.get(headerKey{m.ss.Index(), len(m.ss.Steps()), done.Truncate(time.Second), total, m.width, m.st}, func() string {
		right := fmt.Sprintf("step %d of %d · %s / %s", m.ss.Index()+1, len(m.ss.Steps()), clock(done.Truncate(time.Second)), clock(total))
		left := ansi.Truncate(m.title, max(m.width-lipgloss.Width(right)-3, 0), "…")
		gap := max(m.width-lipgloss.Width(left)-lipgloss.Width(right)-2, 1)
		return " " + m.st.Title.Render(left) + strings.Repeat(" ", gap) + m.st.Subtle.Render(right) + "\n"
	})
	if big {
		b.WriteString("\n")
	}

	// What and which side (styled once per step and width, in wrap).
	b.WriteString(m.text.head)
	if big {
		b.WriteString("\n")
	}
	figureAt := b.Len() // the figure goes here when its rows are spare

	// Phase label and countdown.
	label, digits := m.phaseLabel(), m.st.Countdown
	if m.now.Before(m.flashUntil) {
		label += m.st.Subtle.Render("  ·  " + m.flash)
	}
	ph := m.ss.Phase()
	lead := ph == session.PhaseLeadIn || ph == session.PhaseRest
	if lead {
		digits = m.st.LeadIn
	}
	count := countdownText(remaining)
	side := strings.ToUpper(step.Side.String())
	switch {
	case big && side != "" && bigWidth(side)+6+bigWidth(count) <= m.width-2:
		// The side in letters as large as the count, readable from the floor.
		b.WriteString(center(m.width, label) + "\n")
		b.WriteString(m.drawn.digits.get(digitsKey{count, side, lead, m.width, m.st}, func() string {
			return centerBlock(m.width, joinBlocks(m.st.Side.Render(bigText(side)), "      ", digits.Render(bigText(count)))) + "\n"
		}))
	case big && bigWidth(count) <= m.width-2:
		b.WriteString(center(m.width, label) + "\n")
		b.WriteString(m.drawn.digits.get(digitsKey{count, "", lead, m.width, m.st}, func() string {
			return centerBlock(m.width, digits.Render(bigText(count))) + "\n"
		}))
	default:
		b.WriteString(center(m.width, label+"   "+digits.Render(count)) + "\n")
	}

	// Progress through this hold (or lead-in), and the breathing pacer.
	frac := m.phaseFraction(remaining)
	b.WriteString(m.drawn.bar.get(barKey{frac, m.width, m.st}, func() string {
		return center(m.width, m.bar.ViewAs(frac)) + "\n"
	}))
	if m.pacing() {
		b.WriteString(center(m.width, m.pacerView()) + "\n")
	}
	if big {
		b.WriteString("\n")
	}

	// Instruction, breathing, precaution, next up. The precaution takes
	// as many rows as it needs while there are empty rows, and is
	// shortened (at a word) only when there are none.
	b.WriteString(m.text.tail)
	rows := len(m.text.warn)
	spare := m.height - 1 - strings.Count(b.String(), "\n") - rows - lineCount(m.text.next) - lipgloss.Height(helpView)
	if spare < 0 {
		rows = max(rows+spare, 1)
	}
	b.WriteString(m.warnRows(rows))
	b.WriteString(m.text.next)

	body := b.String()
	spare = max(m.height-1-strings.Count(body, "\n")-lipgloss.Height(helpView), 0)
	if rows == len(m.text.warn) { // the precaution whole: room to spare
		body, spare = m.withFigure(body, figureAt, spare)
	}
	// Spare rows go a third above the step and the rest below it, so the
	// countdown sits near the middle and the help line on the last rows.
	return header + strings.Repeat("\n", spare/3) + body + strings.Repeat("\n", spare-spare/3) + helpView
}

// phaseLabel names what the countdown is counting, in the session's
// words: GET INTO POSITION before a hold, REST · next: … between
// repetitions or stages, and HOLD or MOVE (as the technique's motion says)
// during the hold.
func (m *sessionScreen) phaseLabel() string {
	step, _ := m.ss.Current()
	phase := m.ss.Phase()
	word := step.Word(phase)
	fit := func(s string) string { return ansi.Truncate(s, max(m.width-8, 10), "…") }
	switch {
	case m.ss.Paused():
		return m.st.Paused.Render("PAUSED · space to resume")
	case phase == session.PhaseRest:
		return m.st.LeadIn.Render(fit(word + " · next: " + step.Upcoming()))
	case phase == session.PhaseLeadIn && m.notice != "":
		return m.st.LeadIn.Render(fit(strings.ToUpper(m.notice) + " · " + word))
	case phase == session.PhaseLeadIn:
		return m.st.LeadIn.Render(word)
	}
	return m.st.Countdown.Render(word)
}

// phaseFraction is how much of the current rest, lead-in or hold has
// passed.
func (m *sessionScreen) phaseFraction(remaining time.Duration) float64 {
	var length time.Duration
	step, _ := m.ss.Current()
	switch m.ss.Phase() {
	case session.PhaseRest:
		length = step.Rest
	case session.PhaseLeadIn:
		length = step.LeadIn
	case session.PhaseHold:
		length = m.ss.Hold()
	}
	if length <= 0 {
		return 0
	}
	return 1 - float64(remaining)/float64(length)
}

// countdownText is "27" under a minute and "1:30" from a minute up.
func countdownText(d time.Duration) string {
	secs := session.ShownSeconds(d)
	if secs < 60 {
		return fmt.Sprintf("%d", secs)
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// center centres s in w cells, as lipgloss.PlaceHorizontal does (the odd
// cell on the right), measuring a single line once.
func center(w int, s string) string {
	if strings.Contains(s, "\n") {
		return lipgloss.PlaceHorizontal(w, lipgloss.Center, s)
	}
	gap := w - ansi.StringWidth(s)
	if gap <= 0 {
		return s
	}
	return spaces(gap/2) + s + spaces(gap-gap/2)
}

// blanks is a row of spaces that spaces slices, so padding costs nothing.
var blanks = strings.Repeat(" ", 256)

func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// centerBlock centres a multi-line block as a whole, keeping its rows aligned.
func centerBlock(w int, block string) string {
	pad := max((w-lipgloss.Width(block))/2, 0)
	lines := strings.Split(block, "\n")
	for i, l := range lines {
		lines[i] = strings.Repeat(" ", pad) + l
	}
	return strings.Join(lines, "\n")
}

// joinBlocks sets multi-line blocks side by side, row by row.
func joinBlocks(blocks ...string) string {
	return lipgloss.JoinHorizontal(lipgloss.Top, blocks...)
}
