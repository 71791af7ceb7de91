package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// browseScreen walks body areas → that area's techniques (filter by
// typing) → one technique's detail, from which enter starts a session.
type browseScreen struct {
	cat    *content.Catalogue
	keys   *keyMap
	st     *styles
	level  browseLevel
	areas  list.Model
	techs  list.Model
	detail textPage
	shown  content.Technique // the technique in the detail
	// notToday says why a technique is not for the person today (their
	// cautions), "" when it is; set by the root, which knows the answers.
	notToday func(content.Technique) string
	why      string // notToday of the technique shown

	width, height int
}

type browseLevel int

const (
	levelAreas browseLevel = iota
	levelTechniques
	levelDetail
)

type areaItem struct {
	a content.Area
	n int
}

func (i areaItem) Title() string { return i.a.Name }
func (i areaItem) Description() string {
	return fmt.Sprintf("%s · %s", content.Plural(i.n, "technique"), i.a.Description)
}
func (i areaItem) FilterValue() string { return i.a.Name }

type techItem struct {
	t    content.Technique
	desc string
}

func (i techItem) Title() string       { return i.t.Name }
func (i techItem) Description() string { return i.desc }
func (i techItem) FilterValue() string { return i.t.Name + " " + i.t.Summary }

func newBrowseScreen(cat *content.Catalogue, keys *keyMap, st *styles) *browseScreen {
	items := make([]list.Item, 0, len(cat.Areas))
	for _, a := range cat.Areas {
		items = append(items, areaItem{a: a, n: len(cat.InArea(a.ID))})
	}
	m := &browseScreen{cat: cat, keys: keys, st: st}
	m.areas = newList(items, "Browse techniques by body area", st)
	m.areas.SetFilteringEnabled(false)
	m.areas.SetStatusBarItemName("area", "areas")
	return m
}

func newList(items []list.Item, title string, st *styles) list.Model {
	l := list.New(items, newDelegate(st, true), 0, 0)
	l.Title = title
	l.SetShowHelp(false)
	// The app owns quitting; the list must never quit on its own.
	l.KeyMap.Quit.SetEnabled(false)
	l.KeyMap.ForceQuit.SetEnabled(false)
	// A steady cursor in the filter: no blink timer.
	fs := l.FilterInput.Styles()
	fs.Cursor.Blink = false
	l.FilterInput.SetStyles(fs)
	styleList(&l, st)
	return l
}

// open shows an area's techniques (the areas when id is "").
func (m *browseScreen) open(id string) {
	a, ok := m.cat.Area(id)
	if !ok {
		m.level = levelAreas
		return
	}
	var items []list.Item
	for _, t := range m.cat.InArea(id) {
		items = append(items, techItem{t: t, desc: fmt.Sprintf("%s · %s · %s", t.Role.Label(), content.Clock(t.DurationSeconds()), m.cat.EquipmentText(t))})
	}
	m.techs = newList(items, a.Name+" · type to filter", m.st)
	m.techs.Filter = containsFilter
	m.techs.SetStatusBarItemName("technique", "techniques")
	m.level = levelTechniques
	m.SetSize(m.width, m.height)
}

func (m *browseScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	for _, l := range []*list.Model{&m.areas, &m.techs} {
		l.SetDelegate(newDelegate(m.st, h >= 20))
		l.SetSize(w, max(h-1, 1))
	}
	m.detail.SetSize(w, h, 1)
}

func (m *browseScreen) setStyles(st *styles) {
	m.st = st
	styleList(&m.areas, st)
	styleList(&m.techs, st)
	m.detail.setStyles(st)
	m.SetSize(m.width, m.height)
}

// typing reports whether keys go to the filter input.
func (m *browseScreen) typing() bool { return m.level == levelTechniques && m.techs.SettingFilter() }

// listKeys are the letters the list itself uses; any other letter starts
// filtering, so typing "roll" filters straight away.
var listKeys = map[string]bool{"j": true, "k": true, "g": true, "G": true, "h": true, "l": true, "q": true, "?": true, "/": true}

func (m *browseScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	if found, ok := msg.(list.FilterMatchesMsg); ok {
		m.techs, _ = m.techs.Update(found)
		fitPage(&m.techs)
		return nil, nil
	}
	k, isKey := msg.(tea.KeyPressMsg)
	back := isKey && (key.Matches(k, m.keys.Back) || key.Matches(k, m.keys.Quit))
	var cmd tea.Cmd
	switch m.level {
	case levelAreas:
		switch {
		case back:
			return goHome{}, nil
		case isKey && key.Matches(k, m.keys.Select):
			if it, ok := m.areas.SelectedItem().(areaItem); ok {
				m.open(it.a.ID)
			}
		default:
			m.areas, cmd = m.areas.Update(msg)
		}
	case levelTechniques:
		switch {
		case m.typing():
			m.techs, cmd = m.techs.Update(msg)
		case isKey && key.Matches(k, m.keys.Back) && m.techs.FilterState() != list.Unfiltered:
			m.techs.ResetFilter()
		case back:
			m.level = levelAreas
		case isKey && key.Matches(k, m.keys.Select):
			if it, ok := m.techs.SelectedItem().(techItem); ok {
				m.showDetail(it.t)
			}
		case isKey && len(k.Text) == 1 && k.Text != " " && !listKeys[k.Text] && k.Mod == 0:
			m.techs, _ = m.techs.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
			m.techs, cmd = m.techs.Update(msg)
		default:
			m.techs, cmd = m.techs.Update(msg)
		}
	case levelDetail:
		switch {
		case back:
			m.level = levelTechniques
		case isKey && key.Matches(k, m.keys.Select) && m.why == "":
			return beginFlow{coach.Request{}.ForTechniques(m.shown.Name, m.shown)}, nil
		case isKey && key.Matches(k, m.keys.Select):
			// Not for them today: nothing to start.
		default:
			m.detail, cmd = m.detail.Update(msg)
		}
	}
	return nil, cmd
}

// fitPage brings the list's page and cursor back inside its items. Filter
// results arrive in a message, after keys typed ahead (enter, →) may have
// moved the page past the end of the shorter list, and the list does not
// re-paginate for them: its View then sliced out of range.
func fitPage(l *list.Model) {
	n := len(l.VisibleItems())
	l.Paginator.SetTotalPages(max(n, 1))
	l.Select(min(l.Index(), max(n-1, 0)))
}

func (m *browseScreen) showDetail(t content.Technique) {
	m.shown = t
	m.why = ""
	if m.notToday != nil {
		m.why = m.notToday(t)
	}
	cat, why := m.cat, m.why
	m.detail = newTextPage(m.st, func(st *styles, w int) string {
		text := techniquePage(st, cat, t, w)
		if why == "" {
			return text
		}
		return st.Page.Render(st.Warning.Render(wordwrap("Not for you today: "+why, textWidth(w), ""))) + "\n" + text
	})
	m.detail.SetSize(m.width, m.height, 1)
	m.level = levelDetail
}

func (m *browseScreen) Help() bindings {
	k := m.keys
	switch m.level {
	case levelTechniques:
		if m.typing() {
			return bindings{short: []key.Binding{k.Select, k.Back}, full: [][]key.Binding{{k.Select, k.Back}}}
		}
		return bindings{short: []key.Binding{k.Move, k.Open, k.Filter, k.Back}, full: [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Filter, k.Back, k.QuitBack}}}
	case levelDetail:
		if m.why != "" {
			return bindings{short: []key.Binding{k.Move, k.Back}, full: [][]key.Binding{{k.Up, k.Down}, {k.Back, k.QuitBack}}}
		}
		return bindings{short: []key.Binding{k.StartOne, k.Move, k.Back}, full: [][]key.Binding{{k.StartOne, k.Up, k.Down}, {k.Back, k.QuitBack}}}
	}
	return bindings{short: []key.Binding{k.Move, k.Open, k.Back}, full: [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Back, k.QuitBack}}}
}

func (m *browseScreen) View(helpView string) string {
	switch m.level {
	case levelTechniques:
		return m.techs.View() + "\n" + helpView
	case levelDetail:
		return m.detail.View(helpView)
	}
	return m.areas.View() + "\n" + helpView
}

// containsFilter keeps the items whose text contains the typed words, in
// any case; matches nearer the start (the name) come first. Fuzzy
// matching surprised people: "roll" found "Seated cat-cow".
//
// Lower case is taken rune by rune, so that positions in it are positions
// in the original: in bytes they differ (Ⱥ is 2 bytes, ⱥ 3).
func containsFilter(term string, targets []string) []list.Rank {
	term = strings.Map(unicode.ToLower, strings.TrimSpace(term))
	n := utf8.RuneCountInString(term)
	type hit struct {
		rank list.Rank
		at   int
	}
	var hits []hit
	for i, t := range targets {
		lower := strings.Map(unicode.ToLower, t)
		idx := strings.Index(lower, term)
		if idx < 0 {
			continue
		}
		start := utf8.RuneCountInString(lower[:idx])
		matched := make([]int, n)
		for k := range matched {
			matched[k] = start + k
		}
		hits = append(hits, hit{list.Rank{Index: i, MatchedIndexes: matched}, start})
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	ranks := make([]list.Rank, len(hits))
	for i, h := range hits {
		ranks[i] = h.rank
	}
	return ranks
}
