package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// historyScreen shows past sessions: the streak, a chart of pain before
// and after, what helps this person, and a table of every session.
type historyScreen struct {
	cat      *content.Catalogue
	sessions []coach.Session // newest first
	stats    coach.Stats
	table    table.Model
	keys     *keyMap
	st       *styles

	width, height int
	top           string // stats, chart and "what helps", rendered per width
}

func newHistoryScreen(cat *content.Catalogue, keys *keyMap, st *styles) *historyScreen {
	t := table.New(table.WithFocused(true))
	return &historyScreen{cat: cat, table: t, keys: keys, st: st}
}

// set takes the journal's sessions (oldest first).
func (m *historyScreen) set(sessions []coach.Session, now time.Time) {
	m.stats = coach.Summarise(sessions, now)
	m.sessions = make([]coach.Session, len(sessions))
	for i, s := range sessions {
		m.sessions[len(sessions)-1-i] = s
	}
	m.layout()
}

func (m *historyScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

// layout renders the top part and sizes the table: once per size or data
// change, never in View.
func (m *historyScreen) layout() {
	if m.width == 0 {
		return
	}
	m.top = m.renderTop()
	// Each cell is padded by one column on each side.
	const fixed = 10 + 5 + 7 + 7 + 11 + 6*2
	routineW := max(m.width-fixed-1, 8)
	m.table.SetColumns([]table.Column{
		{Title: "Date", Width: 10}, {Title: "Time", Width: 5}, {Title: "Routine", Width: routineW},
		{Title: "Done", Width: 7}, {Title: "Pain", Width: 7}, {Title: "Status", Width: 11},
	})
	rows := make([]table.Row, 0, len(m.sessions))
	for _, s := range m.sessions {
		done := 0
		for _, st := range s.Steps {
			if st.Outcome == coach.OutcomeDone {
				done++
			}
		}
		rows = append(rows, table.Row{
			s.Started.Local().Format("Mon 2 Jan"),
			s.Started.Local().Format("15:04"),
			s.Title,
			fmt.Sprintf("%d of %d", done, len(s.Steps)),
			painText(s),
			statusLabel(s.Status),
		})
	}
	m.table.SetRows(rows)
	m.table.SetWidth(m.width)
	m.table.SetHeight(max(m.height-lineCount(m.top)-2, 3))
	m.table.SetStyles(tableStyles(m.st))
}

func tableStyles(st *styles) table.Styles {
	s := table.DefaultStyles()
	s.Header = s.Header.Bold(true).Foreground(st.Title.GetForeground())
	s.Selected = st.Selected.Reverse(false).Bold(true)
	return s
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

// renderTop draws the stats line, the chart and "what helps you".
func (m *historyScreen) renderTop() string {
	w := max(m.width-4, 20)
	var b strings.Builder
	st := m.stats
	b.WriteString(m.st.Title.Render("History") + "  " + m.st.Subtle.Render(fmt.Sprintf(
		"%s · streak %s · %d this week", content.Plural(st.Sessions, "session"), content.Plural(st.Streak, "day"), st.ThisWeek)) + "\n\n")
	if st.Sessions == 0 {
		b.WriteString(m.st.Cue.Render("No sessions yet. Your sessions, and how your pain changed, will show here.") + "\n")
		return indent(strings.TrimRight(b.String(), "\n"), "  ") + "\n"
	}
	b.WriteString(m.chart(w))
	b.WriteString("\n" + m.st.Title.Render("What helps you") + "\n")
	if st.Rated < plan.HistoryFrom {
		b.WriteString(m.st.Subtle.Render(ansi.Wordwrap(fmt.Sprintf(
			"After %d sessions with pain scores before and after (you have %d), this shows which techniques ease your pain.",
			plan.HistoryFrom, st.Rated), w, "")) + "\n")
	} else {
		// A whole session's change is not one technique's effect: only
		// clear patterns over several sessions are shown, and worded as
		// what followed.
		shown := 0
		for _, e := range st.Effects {
			pe := plan.Effect{Sessions: e.Sessions, AvgChange: e.AvgChange}
			if shown == 4 || !pe.StandsOut() {
				continue
			}
			name := e.Technique
			if t, ok := m.cat.Technique(e.Technique); ok {
				name = t.Name
			}
			style := m.st.Cue
			if e.AvgChange < 0 {
				style = m.st.Good
			}
			b.WriteString(style.Render(hanging("• ", pe.Followed(name)+".", w)) + "\n")
			shown++
		}
		if shown == 0 {
			b.WriteString(m.st.Subtle.Render(ansi.Wordwrap(fmt.Sprintf(
				"Nothing stands out yet: a technique shows here once sessions with it have been followed by a change of %.0f points or more, %d times or more.",
				plan.EffectPoints, plan.EffectSessions), w, "")) + "\n")
		}
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
	if k, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(k, m.keys.Quit) || key.Matches(k, m.keys.Back)) {
		return goHome{}, nil
	}
	var cmd tea.Cmd
	m.table, cmd = m.table.Update(msg)
	return nil, cmd
}

func (m *historyScreen) typing() bool { return false }

func (m *historyScreen) setStyles(st *styles) {
	m.st = st
	m.layout()
}

func (m *historyScreen) Help() bindings {
	k := m.keys
	return bindings{short: []key.Binding{k.Move, k.Back}, full: [][]key.Binding{{k.Up, k.Down}, {k.Back, k.QuitBack}}}
}

func (m *historyScreen) View(helpView string) string {
	// The table gets the rows the top and the help leave: the full help,
	// taller than the one row layout left, shortens the table, and on a
	// small terminal the top too (on copies: View changes nothing). The
	// table keeps its header and one row.
	top, table := m.top, m.table
	if helpRows := lipgloss.Height(helpView); helpRows > 1 {
		rows := m.height - lineCount(top) - 1 - helpRows
		if rows < 2 {
			lines := strings.Split(top, "\n")
			top = strings.Join(lines[:max(len(lines)-(2-rows), 0)], "\n")
			rows = 2
		}
		table.SetHeight(rows)
	}
	body := top + "\n" + table.View()
	pad := max(m.height-lineCount(body)-1-lipgloss.Height(helpView), 0)
	return body + "\n" + strings.Repeat("\n", pad) + helpView
}
