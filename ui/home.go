package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// menuAct is what a home menu entry does.
type menuAct int

const (
	actContinue menuAct = iota // the next day of a program under way
	actRepeat                  // the last session's techniques again
	actStart                   // safety check, intake, a plan for today
	actBreak                   // the quick desk break
	actRoutines                // the ready-made routines
	actBrowse                  // techniques by body area
	actHistory                 // past sessions
	actCheckIn                 // the whole safety check again
	actGuide                   // the guidance: disclaimer, preparing, when to stop
	actQuit
)

// menuItem is one entry of the home menu.
type menuItem struct {
	act         menuAct
	title, desc string
	program     content.Program // actContinue
	day         int
	last        coach.Session // actRepeat
}

func (i menuItem) Title() string       { return i.title }
func (i menuItem) Description() string { return i.desc }
func (i menuItem) FilterValue() string { return i.title }

// homeScreen is the first screen: what unknot is, the menu, the last
// session, the disclaimer, and any problems in the user's content packs.
type homeScreen struct {
	list       list.Model
	keys       *keyMap
	st         *styles
	disclaimer string
	last       string   // the last session, one line
	tomorrow   string   // a program day done today: the next is for tomorrow
	habit      string   // progress toward the habit's goal, once begun
	problems   []string // content pack problems, shown on the first visit
	seen       bool     // the problems were shown once
	foot       string   // everything under the menu, wrapped per width
	stopped    bool     // a safety answer stopped guided sessions for today
	review     string   // two weeks without easing: see a professional
	cat        *content.Catalogue

	config    []string    // config.toml's mistakes, shown on every visit
	configKey key.Binding // c: the page of config.toml's mistakes

	width, height int
}

func newHomeScreen(c *content.Catalogue, problems []string, keys *keyMap, st *styles) *homeScreen {
	m := &homeScreen{cat: c, keys: keys, st: st, disclaimer: c.Guidance.Disclaimer, problems: problems,
		configKey: configKey()}
	m.list = list.New(homeItems(c, coach.Known{}, time.Time{}), newDelegate(st, true), 0, 0)
	m.list.Title = "unknot · a coach for knots and stiffness in the upper back"
	m.list.SetShowHelp(false)
	m.list.SetShowStatusBar(false)
	m.list.SetFilteringEnabled(false)
	styleList(&m.list, st)
	return m
}

func homeItems(c *content.Catalogue, k coach.Known, now time.Time) []list.Item {
	var items []list.Item
	// A program's next day once it is due (the day after the last one
	// done), and the next stage of a program finished.
	for _, d := range coach.Continuing(c, k, now) {
		title := fmt.Sprintf("Continue: %s · %s", d.Program.Name, d.Label())
		if d.Stage {
			title = fmt.Sprintf("Next stage: %s · %s", d.Program.Name, d.Label())
		}
		items = append(items, menuItem{act: actContinue, program: d.Program, day: d.Day,
			title: title, desc: dayFocus(d)})
	}
	// The last session again, first unless a program's next day is due
	// (a program day is continued, not repeated).
	if s, ok := k.Last(); ok {
		continuing := slices.ContainsFunc(k.Progress, func(p coach.Progress) bool { return p.Program == s.Program })
		if _, ok := (coach.Request{}).ForSession(c, s); ok && !continuing {
			items = append(items, menuItem{act: actRepeat, last: s, title: "Repeat last session: " + s.Title,
				desc: "the same techniques and holds, with today's safety questions and pain score"})
		}
	}
	return append(items,
		menuItem{act: actStart, title: "Start a session", desc: "a safety check and a few questions, then a plan for today"},
		menuItem{act: actBreak, title: "Quick desk break", desc: "about 3 minutes, no equipment"},
		menuItem{act: actRoutines, title: "Ready-made routines", desc: "quick relief, full upper back, mid-back yoga, 3-day posture"},
		menuItem{act: actBrowse, title: "Browse techniques", desc: "by body area: how to, dosage, precautions"},
		menuItem{act: actHistory, title: "History", desc: "past sessions, pain before and after, what helps you"},
		menuItem{act: actCheckIn, title: "Update my health answers", desc: "the whole safety check again, e.g. after an injury or in pregnancy"},
		menuItem{act: actGuide, title: "Guidance", desc: "before you start, posture, when to stop, when to see a professional"},
		menuItem{act: actQuit, title: "Quit", desc: ""},
	)
}

// setJournal shows programs under way and the last session.
func (m *homeScreen) setJournal(c *content.Catalogue, k coach.Known, now time.Time) {
	progress := k.Progress
	last, hasLast := k.Last()
	m.list.SetItems(homeItems(c, k, now))
	m.review, _ = k.Review(now)
	m.tomorrow = ""
	for _, pr := range progress {
		if p, ok := c.Program(pr.Program); ok {
			if d := coach.NextDay(p, progress, now); !d.Due {
				m.tomorrow = fmt.Sprintf("%s: Day %d of %d is for tomorrow.", p.Name, d.Day, len(p.Days))
			}
		}
	}
	m.last = ""
	if hasLast {
		s := last
		m.last = "Last session: " + s.Started.Local().Format("Mon 2 Jan, 15:04")
		if ch, ok := s.Change(); ok {
			m.last += fmt.Sprintf(" · pain %s (%+d)", painText(s), ch)
		} else if p := painText(s); p != "" {
			m.last += " · pain " + p
		}
		m.last += " · " + s.Title
	}
	m.habit = k.Habit(now).Line()
	m.SetSize(m.width, m.height)
}

// SetSize wraps what sits under the menu and gives the menu the rest,
// less the help row.
func (m *homeScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	h-- // the help row
	tw := max(w-3, 10)
	var foot []string
	if m.last != "" {
		foot = append(foot, m.st.Cue.Render(ansi.Truncate(m.last, tw, "…")))
	}
	if m.tomorrow != "" {
		foot = append(foot, m.st.Cue.Render(ansi.Truncate(m.tomorrow, tw, "…")))
	}
	if m.habit != "" {
		foot = append(foot, m.st.Good.Render(ansi.Truncate(m.habit, tw, "…")))
	}
	if m.review != "" {
		foot = append(foot, m.st.Warning.Render(wordwrap(m.review, tw, "")))
	}
	if m.stopped {
		foot = append(foot, m.st.Warning.Render(wordwrap("Guided sessions are off for the rest of today, after your safety check answers. Browsing and reading stay open.", tw, "")))
	}
	foot = append(foot, m.st.Subtle.Render(wordwrap(m.disclaimer, tw, "")))
	foot = append(foot, m.configLines(tw)...)
	if len(m.problems) > 0 && !m.seen {
		foot = append(foot, m.st.Warning.Render(fmt.Sprintf("Your content packs have %s; the rest loaded:", content.Plural(len(m.problems), "problem"))))
		shown := m.problems[:min(len(m.problems), 3)]
		for _, p := range shown {
			foot = append(foot, m.st.Warning.Render(ansi.Truncate("  "+p, tw, "…")))
		}
		if len(m.problems) > len(shown) {
			foot = append(foot, m.st.Subtle.Render(fmt.Sprintf("  … and %d more: run `unknot check` for all of them", len(m.problems)-len(shown))))
		}
	}
	m.foot = indent(strings.Join(foot, "\n"), "  ")
	// The menu shows each entry's description when every entry fits with
	// it (three rows each, and the title's two); titles only otherwise, so
	// no entry hides on a second page.
	listH := max(h-1-lipgloss.Height(m.foot), 1)
	m.list.SetDelegate(newDelegate(m.st, 3*len(m.list.Items())+2 <= listH))
	m.list.SetSize(w, listH)
}

// configLines are config.toml's mistakes as they fit under the menu: each
// on its row when there are at most two and each fits, else one row that
// counts them and says which key lists them.
func (m *homeScreen) configLines(tw int) []string {
	n := len(m.config)
	fits := n <= maxConfigRows && !slices.ContainsFunc(m.config, func(p string) bool { return ansi.StringWidth(p) > tw })
	if n == 0 || fits {
		lines := make([]string, n)
		for i, p := range m.config {
			lines[i] = m.st.Warning.Render(p)
		}
		return lines
	}
	line := fmt.Sprintf("config.toml: %s — press %s to see them", content.Plural(n, "problem"), m.configKey.Help().Key)
	return []string{m.st.Warning.Render(ansi.Truncate(line, tw, "…"))}
}

// configKey opens the page of config.toml's mistakes, when there are any.
func configKey() key.Binding {
	return key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "config.toml"))
}

// maxConfigRows is how many of config.toml's mistakes the home screen
// shows as they are; more are counted on one row.
const maxConfigRows = 2

// configText is the page the config key opens: every mistake in
// config.toml, wrapped.
func configText(st *styles, problems []string, width int) string {
	var b strings.Builder
	b.WriteString(st.Title.Render("Mistakes in config.toml") + "\n\n")
	b.WriteString(st.Subtle.Render(wordwrap("Each setting with a mistake keeps its default; the others apply. "+
		"Fix the file and start unknot again (docs/config.md lists the settings).", textWidth(width), "")) + "\n\n")
	for _, p := range problems {
		b.WriteString(st.Warning.Render(hanging("• ", p, textWidth(width))) + "\n")
	}
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}

func (m *homeScreen) setStyles(st *styles) {
	m.st = st
	styleList(&m.list, st)
	m.SetSize(m.width, m.height)
}

func (m *homeScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.Quit):
			return quitApp{}, nil
		case len(m.config) > 0 && key.Matches(k, m.configKey):
			m.leave()
			return openScreen{screenConfig}, nil
		case key.Matches(k, m.keys.Select):
			if it, ok := m.list.SelectedItem().(menuItem); ok {
				m.leave()
				return m.choose(it), nil
			}
			return nil, nil
		}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return nil, cmd
}

// choose is where a menu entry leads.
func (m *homeScreen) choose(it menuItem) action {
	switch it.act {
	case actRepeat:
		if req, ok := (coach.Request{}).ForSession(m.cat, it.last); ok {
			return beginFlow{req}
		}
	case actContinue:
		return beginFlow{coach.Request{}.ForProgram(m.cat, it.program, it.day)}
	case actStart:
		return beginFlow{coach.Request{}.ForPlan()}
	case actBreak:
		if p, ok := m.cat.Program("desk-break"); ok {
			return beginFlow{coach.Request{}.ForProgram(m.cat, p, 1)}
		}
	case actRoutines:
		return openScreen{screenRoutines}
	case actBrowse:
		return openScreen{screenBrowse}
	case actCheckIn:
		return checkIn{}
	case actGuide:
		return openScreen{screenGuide}
	case actHistory:
		return openScreen{screenHistory}
	case actQuit:
		return quitApp{}
	}
	return nil
}

func (m *homeScreen) typing() bool { return false }

// setStopped says whether guided sessions are off for today.
func (m *homeScreen) setStopped(stopped bool) {
	if stopped != m.stopped {
		m.stopped = stopped
		m.SetSize(m.width, m.height)
	}
}

// leave marks the pack problems as shown once the person moves on.
func (m *homeScreen) leave() {
	if len(m.problems) > 0 && !m.seen {
		m.seen = true
		m.SetSize(m.width, m.height)
	}
}

func (m *homeScreen) Help() bindings {
	k := m.keys
	if len(m.config) > 0 {
		return bindings{
			short: []key.Binding{k.Move, k.Select, m.configKey, k.Help, k.Quit},
			full:  [][]key.Binding{{k.Up, k.Down, k.Select}, {m.configKey}, {k.Help, k.Quit, k.ForceQuit}},
		}
	}
	return bindings{
		short: []key.Binding{k.Move, k.Select, k.Help, k.Quit},
		full:  [][]key.Binding{{k.Up, k.Down, k.Select}, {k.Help, k.Quit, k.ForceQuit}},
	}
}

func (m *homeScreen) View(helpView string) string {
	return m.list.View() + "\n" + m.foot + "\n" + helpView
}

// dayFocus is what a program day is about: its title without the "Day 2:"
// the entry already says.
func dayFocus(d coach.ProgramDay) string {
	if !d.Program.MultiDay() {
		return d.Program.Summary
	}
	return d.Program.Days[d.Day-1].Name()
}
