package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/session"
)

// summaryScreen is the finish screen: what was done, skipped and hurt,
// then pain now, an optional note, the change since the start, and advice.
type summaryScreen struct {
	title   string
	sum     session.Summary
	elapsed time.Duration
	quit    bool // ended by quitting rather than finishing
	nothing bool // ran to its end with every step skipped: not completed
	direct  bool // started from the command line: enter quits
	keys    *keyMap
	st      *styles
	cat     *content.Catalogue
	review  string // two weeks without easing: see a professional (coach.Review)
	dayDone string // a program day: "Day 2 done; Day 3 tomorrow." (coach.DayDone)

	stage  finishStage
	pain   question
	note   textinput.Model
	before int // pain before, -1 when unknown
	after  int

	width, height int
	// scroll is how far the advice is scrolled; scrollMax the most it
	// can be, as last drawn (0: it all fits).
	scroll, scrollMax int
}

type finishStage int

const (
	stagePain finishStage = iota
	stageNote
	stageResult
)

func newSummaryScreen(s *sessionScreen) *summaryScreen {
	return &summaryScreen{
		title:   s.title,
		sum:     s.ss.Summary(),
		elapsed: s.ss.Ended().Sub(s.ss.Started()),
		quit:    s.quit,
		nothing: !s.quit && s.ss.Summary().NothingDone(),
		keys:    s.keys,
		st:      s.st,
		before:  -1,
		after:   -1,
	}
}

// newFinishScreen asks for pain now and a note after a completed session.
func newFinishScreen(s *sessionScreen, cat *content.Catalogue, before int) *summaryScreen {
	m := newSummaryScreen(s)
	m.cat = cat
	m.before = before
	m.pain = scale("How is the pain now, from 0 to 10?", "", plan.Severity, m.keys)
	m.note = textinput.New()
	m.note.Placeholder = "optional: what helped, what didn't"
	m.note.CharLimit = 500
	m.note.Prompt = "› "
	// A steady cursor: no blink timer running while the person types.
	ns := m.note.Styles()
	ns.Cursor.Blink = false
	m.note.SetStyles(ns)
	return m
}

func (m *summaryScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.note.SetWidth(max(w-8, 10))
	m.measure()
}

// asking reports whether the screen is still taking answers (typing goes
// to the note, and q must not quit mid-word).
func (m *summaryScreen) asking() bool { return m.cat != nil && m.stage != stageResult }

// typing reports whether keys go to the note.
func (m *summaryScreen) typing() bool { return m.cat != nil && m.stage == stageNote }

// Update takes the pain score and the note, then leads home or out.
func (m *summaryScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey && key.Matches(k, m.keys.Quit) && !m.typing() {
		return quitApp{}, nil
	}
	switch {
	case m.cat != nil && m.stage == stagePain:
		if !isKey {
			return nil, nil
		}
		if key.Matches(k, m.keys.SkipPain) {
			m.stage = stageResult // no pain score: nothing to save
			m.measure()
			return painSkipped{}, nil
		}
		m.pain = m.pain.Update(k)
		if m.pain.done {
			m.after = m.pain.Value()
			m.stage = stageNote
			return nil, m.note.Focus()
		}
	case m.cat != nil && m.stage == stageNote:
		if isKey && (key.Matches(k, m.keys.Select) || key.Matches(k, m.keys.Back)) {
			if key.Matches(k, m.keys.Back) {
				m.note.SetValue("")
			}
			m.note.Blur()
			m.stage = stageResult
			m.measure()
			return finishAnswered{after: m.after, note: m.note.Value()}, nil
		}
		var cmd tea.Cmd
		m.note, cmd = m.note.Update(msg)
		return nil, cmd
	case isKey && key.Matches(k, m.keys.Done):
		return goHome{}, nil
	case isKey && key.Matches(k, m.keys.Up):
		m.scroll = max(m.scroll-1, 0)
	case isKey && key.Matches(k, m.keys.Down):
		m.scroll = min(m.scroll+1, m.scrollMax)
	}
	return nil, nil
}

func (m *summaryScreen) setStyles(st *styles) { m.st = st; m.measure() }

// Change is pain after minus before, when both are known.
func (m *summaryScreen) Change() (int, bool) {
	if m.before < 0 || m.after < 0 {
		return 0, false
	}
	return m.after - m.before, true
}

// ChangeText words a single session's change (see plan.ChangeText).
func ChangeText(before, after int) string { return plan.ChangeText(before, after) }

func (m *summaryScreen) Help() bindings {
	k := m.keys
	if m.asking() {
		next := k.Next
		if m.stage == stageNote {
			return bindings{short: []key.Binding{k.Save, k.SkipNote}, full: [][]key.Binding{{k.Save, k.SkipNote}}}
		}
		return bindings{short: append(m.pain.help(), k.SkipPain, k.Quit), full: [][]key.Binding{{k.Number, k.Choose, next}, {k.SkipPain, k.Quit}}}
	}
	home := k.Home
	if m.direct {
		home = k.Done
	}
	if m.scrollMax > 0 {
		return bindings{
			short: []key.Binding{home, k.Scroll, k.Quit},
			full:  [][]key.Binding{{home, k.Scroll, k.Quit}, {k.Help, k.ForceQuit}},
		}
	}
	return bindings{
		short: []key.Binding{home, k.Quit},
		full:  [][]key.Binding{{home, k.Quit}, {k.Help, k.ForceQuit}},
	}
}

// Line is the summary as one plain sentence, printed after the app exits.
func (m *summaryScreen) Line() string {
	verb := m.heading()
	line := fmt.Sprintf("%s: %s — %s", verb, m.title, m.counts())
	if _, ok := m.Change(); ok {
		line += fmt.Sprintf(" Pain %d → %d.", m.before, m.after)
	}
	return line
}

// heading is the finish screen's title, and the start of Line.
func (m *summaryScreen) heading() string {
	switch {
	case m.quit:
		return "Session stopped"
	case m.nothing:
		return "Nothing done"
	}
	return "Session complete"
}

func (m *summaryScreen) counts() string {
	s := m.sum
	return countsText(s) + fmt.Sprintf("; %s holding in %s.", clock(s.Held), clock(m.elapsed))
}

// countsText words a session's counts ("3 done, 1 cut short, 5 not
// reached"): the line printed on leaving and the history's session page.
func countsText(s session.Summary) string {
	parts := []string{fmt.Sprintf("%d done", s.Done)}
	if s.Partial > 0 {
		parts = append(parts, fmt.Sprintf("%d cut short", s.Partial))
	}
	if s.Skipped > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", s.Skipped))
	}
	if s.Hurt > 0 {
		parts = append(parts, fmt.Sprintf("%d hurt", s.Hurt))
	}
	if s.Pending > 0 {
		parts = append(parts, fmt.Sprintf("%d not reached", s.Pending))
	}
	return strings.Join(parts, ", ")
}

func (m *summaryScreen) View(helpView string) string {
	body := m.body()
	if m.asking() {
		return page(m.st, body, helpView, m.height)
	}
	var view string
	view, m.scrollMax = scrolledPage(m.st, body, helpView, m.height, m.scroll)
	m.scroll = min(m.scroll, m.scrollMax)
	return view
}

// measure sets how far the result scrolls under a one-line help, when the
// size or the stage changes, so the help offers ↑/↓ from the first frame
// without laying the screen out twice on every redraw.
func (m *summaryScreen) measure() {
	m.scrollMax = 0
	if !m.asking() {
		_, m.scrollMax = scrolledPage(m.st, m.body(), "", m.height, m.scroll)
	}
}

// body is the screen above its help line.
func (m *summaryScreen) body() string {
	w := max(m.width-4, 20)
	var b strings.Builder
	heading := m.heading()
	b.WriteString(m.st.Title.Render(heading) + "  " + m.st.Subtle.Render(ansi.Truncate(m.title, max(w-len(heading)-2, 5), "…")) + "\n")
	s := m.sum
	counts := fmt.Sprintf("%s done · %d cut short · %d skipped · %s hurt · %s holding in %s",
		m.st.Good.Render(fmt.Sprint(s.Done)), s.Partial, s.Skipped, m.st.Bad.Render(fmt.Sprint(s.Hurt)), clock(s.Held), clock(m.elapsed))
	b.WriteString(wordwrap(counts, w, "") + "\n")
	if len(s.HurtNames) > 0 {
		b.WriteString(m.st.Bad.Render(wordwrap("Hurt: "+strings.Join(s.HurtNames, "; "), w, "")) + "\n")
		b.WriteString(m.st.Subtle.Render(wordwrap("Leave them out next time; if pain is sharp or spreads, see a professional.", w, "")) + "\n")
	}
	if m.nothing {
		b.WriteString(m.st.Subtle.Render(wordwrap("Nothing done this time: every step was skipped. It is not counted as a session done.", w, "")) + "\n")
	}
	if m.dayDone != "" {
		b.WriteString(m.st.Good.Render(wordwrap(m.dayDone, w, "")) + "\n")
	}
	b.WriteString("\n")
	switch {
	case m.cat == nil:
	case m.stage == stagePain:
		if m.before >= 0 {
			b.WriteString(m.st.Subtle.Render(fmt.Sprintf("Before the session you said %d.", m.before)) + "\n")
		}
		b.WriteString(m.pain.View(m.st, m.width))
	case m.stage == stageNote:
		// One line when it fits; on a narrow screen the question goes on
		// its own lines, wrapped, so its keys are never cut off.
		pain, ask := fmt.Sprintf("Pain now: %d (%s).", m.after, plan.Severity(m.after)), "Anything to note? (enter to save, esc to skip)"
		if ansi.StringWidth(pain+" "+ask) <= w {
			b.WriteString(m.st.Step.Render(pain) + " " + m.st.Cue.Render(ask) + "\n")
		} else {
			b.WriteString(m.st.Step.Render(pain) + "\n" + m.st.Cue.Render(wordwrap(ask, w, "")) + "\n")
		}
		b.WriteString(m.note.View() + "\n")
	default:
		switch _, ok := m.Change(); {
		case ok:
			b.WriteString(m.st.Step.Render(wordwrap(ChangeText(m.before, m.after), w, "")) + "\n")
		case m.after >= 0:
			b.WriteString(m.st.Step.Render(fmt.Sprintf("Pain now: %d (%s).", m.after, plan.Severity(m.after))) + "\n")
		}
		if m.review != "" {
			b.WriteString("\n" + m.st.Warning.Render(wordwrap(m.review, w, "")) + "\n")
		}
		g := m.cat.Guidance
		if len(g.BestPractices) > 0 {
			b.WriteString("\n" + m.st.Title.Render("How often") + "\n")
			b.WriteString(m.st.Cue.Render(hanging("• ", g.BestPractices[0], w)) + "\n")
		}
		if len(g.SeeAProfessional) > 0 {
			b.WriteString("\n" + m.st.Title.Render("See a professional if") + "\n")
			for _, line := range g.SeeAProfessional { // every one: the nerve signs come last
				b.WriteString(m.st.Cue.Render(hanging("• ", line, w)) + "\n")
			}
		}
	}
	return b.String()
}
