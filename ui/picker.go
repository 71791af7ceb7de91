package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/journal"
)

// pickerScreen lists the programs to start (the interim home screen).
type pickerScreen struct {
	list       list.Model
	disclaimer string // one line, under the list
	keys       keyMap
	st         styles
	width      int
	wrapped    string // the disclaimer wrapped to the width, set by SetSize
	last       string // the last session, one line
	height     int
	chosen     bool // an entry was picked; see request
}

type programItem struct {
	p       content.Program
	minutes int
	equip   string
}

// continueItem picks up a multi-day program where it was left.
type continueItem struct {
	p         content.Program
	day, days int
}

func (i continueItem) Title() string { return "Continue: " + i.p.Name }
func (i continueItem) Description() string {
	title := i.p.Days[i.day-1].Title
	if _, rest, ok := strings.Cut(title, ": "); ok && strings.HasPrefix(title, "Day") {
		title = rest // "Day 2: Open the front" says the day twice otherwise
	}
	return fmt.Sprintf("Day %d of %d · %s", i.day, i.days, title)
}
func (i continueItem) FilterValue() string { return "continue " + i.p.Name }

// historyItem opens the history screen.
type historyItem struct{}

func (historyItem) Title() string { return "History" }
func (historyItem) Description() string {
	return "past sessions, pain before and after, what helps you"
}
func (historyItem) FilterValue() string { return "history journal" }

// personalItem is the first entry: a plan built from a few questions.
type personalItem struct{}

func (personalItem) Title() string { return "Make me a plan" }
func (personalItem) Description() string {
	return "a safety check and a few questions, then a routine for today"
}
func (personalItem) FilterValue() string { return "make me a plan personal" }

func (i programItem) Title() string {
	if i.p.MultiDay() {
		return fmt.Sprintf("%s · %d days, %d min a day", i.p.Name, len(i.p.Days), i.minutes)
	}
	return fmt.Sprintf("%s · %d min", i.p.Name, i.minutes)
}
func (i programItem) FilterValue() string { return i.p.Name + " " + i.p.Summary }
func (i programItem) Description() string { return i.equip }

func newPickerScreen(c *content.Catalogue, keys keyMap, st styles) pickerScreen {
	items := menuItems(c, nil)
	d := list.NewDefaultDelegate()
	d.Styles = list.NewDefaultItemStyles(st.isDark)
	l := list.New(items, d, 0, 0)
	l.Title = "unknot · pick a routine"
	l.Styles = list.DefaultStyles(st.isDark)
	l.Styles.Title = l.Styles.Title.Background(nil).Foreground(st.Title.GetForeground()).Bold(true).Padding(0)
	l.SetShowHelp(false)
	l.SetStatusBarItemName("choice", "choices")
	return pickerScreen{list: l, keys: keys, st: st, disclaimer: c.Guidance.Disclaimer}
}

// menuItems lists, in order: programs under way, a personal plan, every
// program, and the history.
func menuItems(c *content.Catalogue, progress []journal.Progress) []list.Item {
	items := make([]list.Item, 0, len(c.Programs)+len(progress)+2)
	for _, pr := range progress {
		if p, ok := c.Program(pr.Program); ok && p.MultiDay() && pr.Day >= 1 && pr.Day <= len(p.Days) {
			items = append(items, continueItem{p: p, day: pr.Day, days: len(p.Days)})
		}
	}
	items = append(items, personalItem{})
	for _, p := range c.Programs {
		day := p.Day(1)
		secs := c.ItemsSeconds(day) + content.DefaultLeadInSeconds*c.ItemsHolds(day)
		items = append(items, programItem{p: p, minutes: (secs + 30) / 60, equip: programEquipment(c, day)})
	}
	return append(items, historyItem{})
}

// setJournal shows programs under way and the last session.
func (m *pickerScreen) setJournal(c *content.Catalogue, sessions []journal.Session, progress []journal.Progress) {
	m.list.SetItems(menuItems(c, progress))
	m.last = ""
	if n := len(sessions); n > 0 {
		s := sessions[n-1]
		m.last = "Last session: " + s.Started.Local().Format("Mon 2 Jan, 15:04")
		if p := painText(s); p != "" {
			m.last += " · pain " + p
		}
		m.last += " · " + s.Title
	}
	m.SetSize(m.width, m.height)
}

// programEquipment names what a program needs: "needs nothing" or the
// first choice of each technique's equipment.
func programEquipment(c *content.Catalogue, items []content.ProgramItem) string {
	var names []string
	seen := map[string]bool{}
	for _, it := range items {
		t, ok := c.Technique(it.Technique)
		if !ok || t.NeedsNoEquipment() {
			continue
		}
		for _, id := range t.Equipment[0] {
			if e, ok := c.EquipmentByID(id); ok && !seen[id] {
				seen[id] = true
				names = append(names, e.Name)
			}
		}
	}
	if len(names) == 0 {
		return "needs nothing"
	}
	return strings.Join(names, ", ")
}

// SetSize wraps the disclaimer to the width and gives the list the rest.
func (m *pickerScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.wrapped = ansi.Wordwrap(m.disclaimer, max(w-3, 10), "")
	if m.last != "" {
		m.wrapped = ansi.Truncate(m.last, max(w-3, 10), "…") + "\n" + m.wrapped
	}
	// Under 20 rows each routine takes one line, without its equipment.
	d := list.NewDefaultDelegate()
	d.Styles = list.NewDefaultItemStyles(m.st.isDark)
	d.ShowDescription = h >= 20
	if !d.ShowDescription {
		d.SetSpacing(0)
	}
	m.list.SetDelegate(d)
	m.list.SetSize(w, max(h-1-lipgloss.Height(m.wrapped), 1))
}

func (m *pickerScreen) setStyles(st styles) {
	m.st = st
	d := list.NewDefaultDelegate()
	d.Styles = list.NewDefaultItemStyles(st.isDark)
	d.ShowDescription = m.list.Height() >= 18
	m.list.SetDelegate(d)
	title := m.list.Styles.Title
	m.list.Styles = list.DefaultStyles(st.isDark)
	m.list.Styles.Title = title.Foreground(st.Title.GetForeground())
}

// request is what the picked entry asks for: a personal plan, or a
// program's first day.
func (m pickerScreen) request(c *content.Catalogue) Request {
	switch it := m.list.SelectedItem().(type) {
	case programItem:
		return ProgramRequest(c, it.p, 1)
	case continueItem:
		return ProgramRequest(c, it.p, it.day)
	}
	return Request{}
}

// wantsHistory reports whether the picked entry is the history.
func (m pickerScreen) wantsHistory() bool {
	_, ok := m.list.SelectedItem().(historyItem)
	return ok
}

// ProgramRequest is the request for day n of a program.
func ProgramRequest(c *content.Catalogue, p content.Program, day int) Request {
	var techs []content.Technique
	for _, it := range p.Day(day) {
		if t, ok := c.Resolve(it); ok {
			techs = append(techs, t)
		}
	}
	title := p.Name
	days := 1
	if p.MultiDay() {
		title += " · " + p.Days[day-1].Title
		days = len(p.Days)
	}
	return Request{Techniques: techs, Title: title, Program: p.ID, Day: day, Days: days}
}

// filtering reports whether typed keys belong to the filter input.
func (m pickerScreen) filtering() bool { return m.list.SettingFilter() }

func (m pickerScreen) Update(msg tea.Msg) (pickerScreen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.filtering() && key.Matches(k, m.keys.Select) {
		m.chosen = m.list.SelectedItem() != nil
		return m, nil
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

func (m pickerScreen) help() bindings {
	k := m.keys
	return bindings{
		short: []key.Binding{k.Move, k.Start, k.Filter, k.Help, k.Quit},
		full:  [][]key.Binding{{k.Up, k.Down, k.Start}, {k.Filter, k.Back}, {k.Help, k.Quit, k.ForceQuit}},
	}
}

func (m pickerScreen) View() string {
	return m.list.View() + "\n" + m.st.Disclaimer.Render(m.wrapped)
}
