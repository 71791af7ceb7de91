package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/session"
)

// summaryScreen is shown when a session ends: what was done, skipped and
// hurt, and how long it took.
type summaryScreen struct {
	title   string
	sum     session.Summary
	elapsed time.Duration
	quit    bool // ended by quitting rather than finishing
	direct  bool // started from the command line: enter quits
	keys    keyMap
	st      styles

	width, height int
}

func newSummaryScreen(s sessionScreen) summaryScreen {
	return summaryScreen{
		title:   s.title,
		sum:     s.ss.Summary(),
		elapsed: s.ss.Ended().Sub(s.ss.Started()),
		quit:    s.quit,
		keys:    s.keys,
		st:      s.st,
	}
}

func (m *summaryScreen) SetSize(w, h int) { m.width, m.height = w, h }

func (m summaryScreen) help() bindings {
	k := m.keys
	next := k.Home
	if m.direct {
		next = k.Done
	}
	return bindings{
		short: []key.Binding{next, k.Quit},
		full:  [][]key.Binding{{next, k.Quit}, {k.Help, k.ForceQuit}},
	}
}

// Line is the summary as one plain sentence, printed after the app exits.
func (m summaryScreen) Line() string {
	verb := "Session complete"
	if m.quit {
		verb = "Session stopped"
	}
	return fmt.Sprintf("%s: %s — %s", verb, m.title, m.counts())
}

func (m summaryScreen) counts() string {
	s := m.sum
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
	return strings.Join(parts, ", ") + fmt.Sprintf("; %s holding in %s.", clock(s.Held), clock(m.elapsed))
}

func (m summaryScreen) View(helpView string) string {
	var b strings.Builder
	heading := "Session complete"
	if m.quit {
		heading = "Session stopped"
	}
	b.WriteString(m.st.Title.Render(heading) + "  " + m.st.Subtle.Render(m.title) + "\n\n")
	s := m.sum
	row := func(label string, n int, style lipgloss.Style) {
		fmt.Fprintf(&b, "  %-12s %s\n", label, style.Render(fmt.Sprint(n)))
	}
	row("Done", s.Done, m.st.Good)
	row("Cut short", s.Partial, m.st.Cue)
	row("Skipped", s.Skipped, m.st.Cue)
	row("Hurt", s.Hurt, m.st.Bad)
	if s.Pending > 0 {
		row("Not reached", s.Pending, m.st.Subtle)
	}
	fmt.Fprintf(&b, "\n  Time holding  %s\n  Time in all   %s\n", clock(s.Held), clock(m.elapsed))
	if len(s.HurtNames) > 0 {
		b.WriteString("\n  " + m.st.Bad.Render("These hurt:") + "\n")
		for _, n := range s.HurtNames {
			b.WriteString("   • " + n + "\n")
		}
		b.WriteString("  " + m.st.Subtle.Render("Leave them out next time; if pain is sharp or spreads, see a professional.") + "\n")
	}
	body := m.st.Page.Render(b.String())
	pad := m.height - lipgloss.Height(body) - lipgloss.Height(helpView)
	if pad > 0 {
		body += strings.Repeat("\n", pad)
	}
	return body + "\n" + helpView
}
