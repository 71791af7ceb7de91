package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/session"
)

// historyScreen shows past sessions: the streak, a chart of pain before
// and after, what helps this person, and a table of every session; enter
// opens a session's page (its techniques, length, note and each step's
// outcome).
type historyScreen struct {
	cat      *content.Catalogue
	store    coach.Store     // where older pages come from; nil for none
	sessions []coach.Session // newest first, the pages read so far
	more     bool            // older sessions than those are in the journal
	loading  bool            // a page is being read
	counts   []session.Summary
	stats    coach.Stats
	breaks   string // the nudges' answers today and this week, one line
	keys     *keyMap
	st       *styles

	width, height int
	top           string // stats, chart and "what helps", rendered per width
	cols          historyColumns
	header        string         // the table's header row, styled
	rows          [][]string     // each session's rows (the routine wraps), unstyled
	selected      lipgloss.Style // the highlighted session's rows
	cursor        int            // the highlighted session
	page          *textPage      // the open session, when one is
}

// historyColumns are the widths of the table's columns, worked out per
// size and data: Done, Pain and Status as wide as their widest cell (never
// cut), the time from 100 columns, and the routine the rest, wrapped.
type historyColumns struct{ date, time, routine, done, pain, status int }

func newHistoryScreen(cat *content.Catalogue, keys *keyMap, st *styles) *historyScreen {
	return &historyScreen{cat: cat, keys: keys, st: st}
}

// set takes what the journal knows: the figures over every session, and
// the recent sessions until the first page is read (open).
func (m *historyScreen) set(k coach.Known, now time.Time) {
	m.stats = k.Stats(now)
	m.sessions = m.sessions[:0]
	m.counts = m.counts[:0]
	for i := len(k.Recent) - 1; i >= 0; i-- {
		m.add(k.Recent[i])
	}
	m.more = m.stats.Sessions > len(m.sessions)
	m.cursor = min(m.cursor, max(len(m.sessions)-1, 0))
	m.layout()
}

// setBreaks takes the nudges' answers (oldest first): History sums up
// today's and the last seven days'.
func (m *historyScreen) setBreaks(nudges []coach.Nudge, now time.Time) {
	m.breaks = coach.BreaksLine(coach.BreakDays(nudges, now.Location()), now)
	m.layout()
}

func (m *historyScreen) add(s coach.Session) {
	m.sessions = append(m.sessions, s)
	m.counts = append(m.counts, s.Summary(m.cat))
}

// open reads the newest page of sessions afresh; until it comes, the
// table says so rather than show only today's.
func (m *historyScreen) open() tea.Cmd {
	m.cursor = 0
	cmd := m.readPage(time.Time{})
	if cmd != nil {
		m.sessions, m.counts = m.sessions[:0], m.counts[:0]
		m.layout()
	}
	return cmd
}

// historyPageMsg carries a page of sessions, newest first, started
// before before (zero for the newest page).
type historyPageMsg struct {
	before   time.Time
	sessions []coach.Session
	err      error
}

func (m *historyScreen) readPage(before time.Time) tea.Cmd {
	if m.store == nil || m.loading {
		return nil
	}
	m.loading = true
	store := m.store
	return func() tea.Msg {
		page, err := store.SessionPage(before, coach.HistoryPage)
		return historyPageMsg{before: before, sessions: page, err: err}
	}
}

// takePage adds a page read: the newest replaces what was shown.
func (m *historyScreen) takePage(msg historyPageMsg) {
	m.loading = false
	if msg.err != nil {
		m.more = false // what is shown stays; the figures above count every session
		return
	}
	if msg.before.IsZero() {
		m.sessions, m.counts = m.sessions[:0], m.counts[:0]
	}
	for _, s := range msg.sessions {
		m.add(s)
	}
	m.more = len(msg.sessions) == coach.HistoryPage
	m.cursor = min(m.cursor, max(len(m.sessions)-1, 0))
	m.layout()
}

// nextPage reads older sessions when the cursor comes near the end of
// those read.
func (m *historyScreen) nextPage() tea.Cmd {
	if !m.more || len(m.sessions) == 0 || m.cursor < len(m.sessions)-historyReadAhead {
		return nil
	}
	return m.readPage(m.sessions[len(m.sessions)-1].Started)
}

// historyReadAhead is how close to the last session read the cursor
// comes before older ones are read.
const historyReadAhead = 20

func (m *historyScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
	if m.page != nil {
		m.page.SetSize(w, h, 1)
	}
}

// doneText is the Done column: steps done of the steps the session had,
// from the same count as the line printed on leaving it.
func doneText(sum session.Summary) string { return fmt.Sprintf("%d of %d", sum.Done, sum.Steps()) }

// layout renders the top part and the table's rows: once per size or data
// change, never in View.
func (m *historyScreen) layout() {
	if m.width == 0 {
		return
	}
	c := historyColumns{date: 10, done: len("Done"), pain: len("Pain"), status: len("Status")}
	if m.width >= 100 {
		c.time = 5
	}
	for i, s := range m.sessions {
		c.done = max(c.done, ansi.StringWidth(doneText(m.counts[i])))
		c.pain = max(c.pain, ansi.StringWidth(painText(s)))
		c.status = max(c.status, ansi.StringWidth(statusLabel(s.Status)))
	}
	// One space in front, two between columns.
	c.routine = max(m.width-1-c.date-c.done-c.pain-c.status-4*2, 12)
	if c.time > 0 {
		c.routine -= c.time + 2
	}
	m.cols = c
	m.selected = m.st.Selected.Reverse(false).Bold(true)
	m.header = m.st.Title.Render(m.line("Date", "Time", "Routine", "Done", "Pain", "Status"))
	m.rows = m.rows[:0]
	for i, s := range m.sessions {
		title := strings.Split(wordwrap(s.Title, c.routine, ""), "\n")
		rows := []string{m.line(s.Started.Local().Format("Mon 2 Jan"), s.Started.Local().Format("15:04"), title[0],
			doneText(m.counts[i]), painText(s), statusLabel(s.Status))}
		for _, more := range title[1:] {
			rows = append(rows, m.line("", "", more, "", "", ""))
		}
		m.rows = append(m.rows, rows)
	}
	// The top takes what the help row, the table's header and its first
	// sessions (up to three, and a third of the height) leave.
	table := 0
	if len(m.rows) > 0 {
		table = 1 + max(min(m.span(0, min(len(m.rows), 3)-1), m.height/3), len(m.rows[0]))
	}
	m.top = m.renderTop(m.height - 1 - 1 - table)
}

// line sets one row's cells in the columns.
func (m *historyScreen) line(date, tm, routine, done, pain, status string) string {
	c := m.cols
	l := " " + cell(date, c.date) + "  "
	if c.time > 0 {
		l += cell(tm, c.time) + "  "
	}
	return l + cell(routine, c.routine) + "  " + cell(done, c.done) + "  " + cell(pain, c.pain) + "  " + cell(status, c.status)
}

func painText(s coach.Session) string {
	switch {
	case s.PainBefore != nil && s.PainAfter != nil:
		return fmt.Sprintf("%d → %d", *s.PainBefore, *s.PainAfter)
	case s.PainBefore != nil:
		return fmt.Sprintf("%d → ?", *s.PainBefore)
	}
	return ""
}

func statusLabel(status string) string {
	if status == coach.StatusRunning {
		return "now"
	}
	return status
}

// renderTop draws the stats line, the chart and "what helps you" in at
// most rows rows. "What helps you" gets the rows the rest leaves: its
// items wrap whole, as many as fit (the chart gives way on a short
// terminal), and a last row says how many more a taller window shows.
func (m *historyScreen) renderTop(rows int) string {
	w := max(m.width-4, 20)
	var b strings.Builder
	st := m.stats
	b.WriteString(m.st.Title.Render("History") + "  " + m.st.Subtle.Render(fmt.Sprintf(
		"%s · streak %s · %d this week", content.Plural(st.Sessions, "session"), content.Plural(st.Streak, "day"), st.ThisWeek)) + "\n")
	if m.breaks != "" {
		b.WriteString(m.st.Subtle.Render(ansi.Truncate(m.breaks, w, "…")) + "\n")
	}
	b.WriteString("\n")
	if st.Sessions == 0 {
		b.WriteString(m.st.Cue.Render("No sessions yet. Your sessions, and how your pain changed, will show here.") + "\n")
		return indent(strings.TrimRight(b.String(), "\n"), "  ") + "\n"
	}
	// What helps, as blocks of wrapped rows.
	var helps []string
	style := func(e coach.Effect) lipgloss.Style {
		if e.AvgChange < 0 {
			return m.st.Good
		}
		return m.st.Cue
	}
	if st.Rated < plan.HistoryFrom {
		helps = append(helps, m.st.Subtle.Render(strings.Join(wrapRows("", fmt.Sprintf(
			"After %d sessions with pain scores before and after (you have %d), this shows which techniques ease your pain.",
			plan.HistoryFrom, st.Rated), w, 0), "\n")))
	} else {
		// A whole session's change is not one technique's effect: only
		// clear patterns over several sessions are shown, and worded as
		// what followed.
		for _, e := range st.Effects {
			pe := plan.Effect{Sessions: e.Sessions, AvgChange: e.AvgChange}
			if !pe.StandsOut() {
				continue
			}
			name := e.Technique
			if t, ok := m.cat.Technique(e.Technique); ok {
				name = t.Name
			}
			helps = append(helps, style(e).Render(hanging("• ", pe.Followed(name)+".", w)))
		}
		if len(helps) == 0 {
			helps = append(helps, m.st.Subtle.Render(wordwrap(fmt.Sprintf(
				"Nothing stands out yet: a technique shows here once sessions with it have been followed by a change of %.0f points or more, %d times or more.",
				plan.EffectPoints, plan.EffectSessions), w, "")))
		}
	}
	chart := m.chart(w)
	left := rows - 2 - 2 // the stats line and its blank row; the title and its blank row
	if left-lineCount(chart) < lipgloss.Height(helps[0]) {
		chart = "" // a short terminal: what helps before the chart
	}
	left -= lineCount(chart)
	if chart != "" {
		b.WriteString(chart + "\n")
	}
	b.WriteString(m.st.Title.Render("What helps you") + "\n")
	for i, h := range helps {
		need := lipgloss.Height(h)
		if i < len(helps)-1 {
			need++ // room for the "more" row after it
		}
		if i > 0 && need > left {
			b.WriteString(m.st.Subtle.Render(fmt.Sprintf("… and %d more; a taller window shows them", len(helps)-i)) + "\n")
			break
		}
		b.WriteString(h + "\n")
		left -= lipgloss.Height(h)
	}
	return indent(strings.TrimRight(b.String(), "\n"), "  ") + "\n"
}

// sparks are the eight heights of a sparkline, for pain 0–10.
var sparks = []rune("▁▂▃▄▅▆▇█")

func spark(p *int) rune {
	if p == nil {
		return ' '
	}
	return sparks[min(*p*len(sparks)/11, len(sparks)-1)]
}

// chart is pain before and after, one column per rated session, oldest on
// the left, as two sparklines with the latest values.
func (m *historyScreen) chart(w int) string {
	var rated []coach.Session
	for i := len(m.sessions) - 1; i >= 0; i-- {
		if m.sessions[i].PainBefore != nil {
			rated = append(rated, m.sessions[i])
		}
	}
	cols := max(w-22, 5)
	if len(rated) > cols {
		rated = rated[len(rated)-cols:]
	}
	var before, after strings.Builder
	for _, s := range rated {
		before.WriteRune(spark(s.PainBefore))
		after.WriteRune(spark(s.PainAfter))
	}
	var b strings.Builder
	b.WriteString(m.st.Subtle.Render(fmt.Sprintf("Pain 0–10, last %s, oldest first", content.Plural(len(rated), "session"))) + "\n")
	b.WriteString(fmt.Sprintf("%-8s%s\n", "before", m.st.LeadIn.Render(before.String())))
	b.WriteString(fmt.Sprintf("%-8s%s\n", "after", m.st.Countdown.Render(after.String())))
	return b.String()
}

func (m *historyScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	k, isKey := msg.(tea.KeyPressMsg)
	if m.page != nil {
		if isKey && (key.Matches(k, m.keys.Back) || key.Matches(k, m.keys.QuitBack) || key.Matches(k, m.keys.Select)) {
			m.page = nil
			return nil, nil
		}
		next, cmd := m.page.Update(msg)
		*m.page = next
		return nil, cmd
	}
	if !isKey {
		return nil, nil
	}
	switch {
	case key.Matches(k, m.keys.QuitBack), key.Matches(k, m.keys.Back):
		return goHome{}, nil
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, max(len(m.sessions)-1, 0))
		return nil, m.nextPage()
	case key.Matches(k, m.keys.Open) && m.cursor < len(m.sessions):
		s, sum, cat := m.sessions[m.cursor], m.counts[m.cursor], m.cat
		pg := newTextPage(m.st, func(st *styles, w int) string { return sessionPage(st, cat, s, sum, w) })
		pg.SetSize(m.width, m.height, 1)
		m.page = &pg
	}
	return nil, nil
}

func (m *historyScreen) typing() bool { return false }

func (m *historyScreen) setStyles(st *styles) {
	m.st = st
	m.layout()
	if m.page != nil {
		m.page.setStyles(st)
		m.page.SetSize(m.width, m.height, 1)
	}
}

func (m *historyScreen) Help() bindings {
	k := m.keys
	if m.page != nil {
		return bindings{short: []key.Binding{k.Scroll, k.Back}, full: [][]key.Binding{{k.Scroll}, {k.Back, k.QuitBack, k.Close}}}
	}
	if len(m.sessions) == 0 {
		return bindings{short: []key.Binding{k.Back}, full: [][]key.Binding{{k.Back, k.QuitBack}}}
	}
	return bindings{short: []key.Binding{k.Move, k.Open, k.Back}, full: [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Back, k.QuitBack}}}
}

func (m *historyScreen) View(helpView string) string {
	if m.page != nil {
		return m.page.View(helpView)
	}
	// The table gets the rows the top and the help leave, and keeps its
	// header and one session: on a small terminal, or with the full help
	// open, the top gives up its last rows (on a copy: View changes
	// nothing).
	top := m.top
	room := m.height - lineCount(top) - 1 - lipgloss.Height(helpView) // rows for the table
	if need := 1 + m.rowsOf(m.cursor); room < need && len(m.rows) > 0 {
		lines := strings.Split(strings.TrimSuffix(top, "\n"), "\n")
		top = strings.Join(lines[:max(len(lines)-(need-room), 0)], "\n") + "\n"
		room = need
	}
	var b strings.Builder
	b.WriteString(top + "\n")
	if len(m.rows) == 0 && m.loading {
		b.WriteString(m.st.Subtle.Render(" Reading your sessions…") + "\n")
	}
	if len(m.rows) > 0 {
		b.WriteString(m.header + "\n")
		// Scroll so that the highlighted session shows whole.
		first := 0
		for m.span(first, m.cursor) > room-1 && first < m.cursor {
			first++
		}
		left := room - 1
		for i := first; i < len(m.rows) && left >= len(m.rows[i]); i++ {
			for _, l := range m.rows[i] {
				if i == m.cursor {
					l = m.selected.Render(l)
				}
				b.WriteString(l + "\n")
			}
			left -= len(m.rows[i])
		}
	}
	body := b.String()
	pad := max(m.height-lineCount(body)-lipgloss.Height(helpView), 0)
	return body + strings.Repeat("\n", pad) + helpView
}

// rowsOf is how many rows session i takes.
func (m *historyScreen) rowsOf(i int) int {
	if i < len(m.rows) {
		return len(m.rows[i])
	}
	return 0
}

// span is how many rows sessions from..to take.
func (m *historyScreen) span(from, to int) int {
	n := 0
	for i := from; i <= to && i < len(m.rows); i++ {
		n += len(m.rows[i])
	}
	return n
}

// sessionPage is one past session: when, how long, how it ended, pain
// before and after, the note, the counts (as the line printed on leaving
// gave them) and every step's outcome.
func sessionPage(st *styles, cat *content.Catalogue, s coach.Session, sum session.Summary, width int) string {
	w := max(width-4, 20)
	var b strings.Builder
	b.WriteString(st.Title.Render(wordwrap(s.Title, w, "")) + "\n")
	when := s.Started.Local().Format("Monday 2 January 2006, 15:04")
	if d := s.Duration(); d > 0 {
		when += " · " + clock(d) + " long"
	}
	b.WriteString(st.Subtle.Render(wordwrap(when+" · "+statusLabel(s.Status), w, "")) + "\n\n")
	if p := painText(s); p != "" {
		b.WriteString(st.Step.Render("Pain "+p) + "\n")
	}
	b.WriteString(st.Cue.Render(wordwrap(content.UpperFirst(countsText(sum))+fmt.Sprintf("; %s holding.", clock(sum.Held)), w, "")) + "\n")
	if s.Note != "" {
		b.WriteString("\n" + st.Title.Render("Note") + "\n" + st.Cue.Render(wordwrap(s.Note, w, "")) + "\n")
	}
	b.WriteString("\n" + st.Title.Render("Techniques") + "\n")
	for i, step := range s.Steps {
		if i == 0 || s.Steps[i-1].Technique != step.Technique {
			name := step.Technique
			if t, ok := cat.Technique(step.Technique); ok {
				name = t.Name
			}
			b.WriteString(st.Step.Render(hanging("• ", name, w)) + "\n")
		}
		var what []string
		if step.Side != "" {
			what = append(what, step.Side+" side")
		}
		if next := i + 1; step.Rep > 1 || next < len(s.Steps) && s.Steps[next].Technique == step.Technique && s.Steps[next].Side == step.Side && s.Steps[next].Rep > 1 {
			what = append(what, fmt.Sprintf("hold %d", step.Rep))
		}
		if len(what) == 0 {
			what = []string{"hold"}
		}
		out := outcomeLabel(step.Outcome)
		style := st.Cue
		switch step.Outcome {
		case coach.OutcomeDone:
			style = st.Good
		case coach.OutcomeHurt:
			style = st.Bad
		}
		line := strings.Join(what, ", ")
		held := fmt.Sprintf("%.0f of %.0f s", step.ActualSeconds, step.PlannedSeconds)
		b.WriteString("  " + st.Subtle.Render(line+": ") + style.Render(out) + st.Subtle.Render(" · "+held) + "\n")
	}
	if sum.Pending > 0 {
		b.WriteString(st.Subtle.Render(fmt.Sprintf("  %s not reached", content.Plural(sum.Pending, "step"))) + "\n")
	}
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}

// outcomeLabel words a step's outcome as the finish screen does.
func outcomeLabel(o string) string {
	if o == coach.OutcomePartial {
		return "cut short"
	}
	return o
}
