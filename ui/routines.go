package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// routinesScreen lists the ready-made programs.
type routinesScreen struct {
	list     list.Model
	cat      *content.Catalogue
	keys     *keyMap
	st       *styles
	progress []coach.Progress // programs under way: a program starts at its next day
	now      time.Time

	// early is the program whose next day is for tomorrow and whose
	// enter was pressed once: the note says so, and a second enter starts
	// the day today.
	early    string
	note     string // the line above the help while early is set
	noteView string // note, wrapped and styled for the size
	width    int
	height   int
}

type programItem struct {
	p       content.Program
	minutes int
	equip   string
	next    string // "Day 2 of 3 next" for a program under way
}

func (i programItem) Title() string {
	if i.p.MultiDay() {
		return fmt.Sprintf("%s · %d days, %d min a day", i.p.Name, len(i.p.Days), i.minutes)
	}
	return fmt.Sprintf("%s · %d min", i.p.Name, i.minutes)
}
func (i programItem) FilterValue() string { return i.p.Name + " " + i.p.Summary }
func (i programItem) Description() string {
	if i.next != "" {
		return i.next + " · " + i.equip
	}
	return i.equip
}

// setProgress marks the programs under way with the day they continue at.
func (m *routinesScreen) setProgress(progress []coach.Progress, now time.Time) {
	m.progress, m.now = progress, now
	m.setEarly("", "")
	items := m.list.Items()
	for i, li := range items {
		it := li.(programItem)
		it.next = ""
		if d := coach.NextDayOf(m.cat, it.p, progress, now); d.Day > 1 || !d.Due {
			when := "next"
			if !d.Due {
				when = "tomorrow"
			}
			it.next = d.Label() + " " + when
		}
		items[i] = it
	}
	m.list.SetItems(items)
}

func newRoutinesScreen(c *content.Catalogue, keys *keyMap, st *styles) *routinesScreen {
	items := make([]list.Item, 0, len(c.Programs))
	for _, p := range c.Programs {
		day := p.Day(1)
		desc := programEquipment(c, day)
		if c.MostlyOnFloor(day) {
			desc = "mostly on the floor · " + desc
		}
		items = append(items, programItem{p: p, minutes: c.DayMinutes(day), equip: desc})
	}
	l := list.New(items, newDelegate(st, true), 0, 0)
	l.Title = "Ready-made routines"
	l.SetShowHelp(false)
	l.SetStatusBarItemName("routine", "routines")
	styleList(&l, st)
	return &routinesScreen{list: l, cat: c, keys: keys, st: st}
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

func (m *routinesScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.list.SetDelegate(newDelegate(m.st, h >= 20))
	m.noteView = ""
	noteRows := 0
	if m.note != "" {
		m.noteView = indent(m.st.Warning.Render(wordwrap(m.note, textWidth(w), "")), "  ")
		noteRows = strings.Count(m.noteView, "\n") + 1
	}
	m.list.SetSize(w, max(h-1-noteRows, 1))
}

// setEarly shows (or, with "", clears) the note for a program day that is
// for tomorrow.
func (m *routinesScreen) setEarly(id, note string) {
	m.early, m.note = id, note
	m.relayout()
}

func (m *routinesScreen) setStyles(st *styles) {
	m.st = st
	styleList(&m.list, st)
	m.relayout() // the note in the new colours
}

// relayout lays the screen out again at its size, once it has one.
func (m *routinesScreen) relayout() {
	if m.width > 0 {
		m.SetSize(m.width, m.height)
	}
}

// filtering reports whether typed keys belong to the filter input.
func (m *routinesScreen) filtering() bool { return m.list.SettingFilter() }

// atRest reports whether esc and q may leave the screen (no filter open).
func (m *routinesScreen) atRest() bool { return m.list.FilterState() == list.Unfiltered }

func (m *routinesScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.filtering() {
		switch {
		case (key.Matches(k, m.keys.Quit) || key.Matches(k, m.keys.Back)) && m.atRest():
			return goHome{}, nil
		case key.Matches(k, m.keys.Select):
			it, ok := m.list.SelectedItem().(programItem)
			if !ok {
				return nil, nil
			}
			d := coach.NextDayOf(m.cat, it.p, m.progress, m.now)
			// A day of a program under way, or a next stage, is for the
			// day after the last one: starting it the same day takes one
			// more enter.
			if !d.Due && m.early != it.p.ID {
				what := d.Label()
				if d.Day == 1 {
					what = it.p.Name + ", " + strings.ToLower(d.Label()) + ","
				}
				m.setEarly(it.p.ID, fmt.Sprintf("%s is meant for tomorrow, after a day's rest. Press enter again to do it today.", what))
				return nil, nil
			}
			m.setEarly("", "")
			req := coach.Request{}.ForProgram(m.cat, it.p, d.Day)
			req.Early = !d.Due
			return beginFlow{req}, nil
		}
		if m.early != "" {
			m.setEarly("", "") // any other key: the question is dropped
		}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return nil, cmd
}

func (m *routinesScreen) typing() bool { return m.filtering() }

func (m *routinesScreen) Help() bindings {
	k := m.keys
	return bindings{
		short: []key.Binding{k.Move, k.Start, k.Filter, k.Back},
		full:  [][]key.Binding{{k.Up, k.Down, k.Start}, {k.Filter, k.Back, k.QuitBack}, {k.Help, k.ForceQuit}},
	}
}

func (m *routinesScreen) View(helpView string) string {
	if m.note != "" {
		return m.list.View() + "\n" + m.noteView + "\n" + helpView
	}
	return m.list.View() + "\n" + helpView
}
