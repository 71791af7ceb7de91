package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/session"
)

// planScreen shows the proposed routine and lets the person adjust it:
// switch items on and off, reorder, swap for an alternative, change a
// hold, read the details, see what was left out and why, then start.
type planScreen struct {
	cat    *content.Catalogue
	p      plan.Plan
	title  string
	cursor int
	keys   *keyMap
	st     *styles

	width, height int
	detail        *textPage // an item's details, when open
	leftOut       *textPage // the left-out list, when open
	notes         string    // plan notes, wrapped once per width
	message       string    // feedback for the last key ("no alternative")

	expand    session.Options // --hold and --lead-in, which change the total
	total     time.Duration   // the session's length as it would run now
	itemTimes []time.Duration // each item's, switched on or off
	cols      planColumns     // the table's column widths, for this size and plan
}

// planColumns are the widths of the plan table's columns, the same in
// every row: worked out after every change and resize, never in View. A
// zero width leaves the column out.
type planColumns struct{ name, role, dose, kit int }

// Column widths and breakpoints of the plan table. Each row is "› [x] 12 "
// then name, role, dose, time and equipment, one space apart (two before
// the equipment), with a column spare at the right.
const (
	planRowFixed = 2 + 3 + 1 + 2 + 1 + 1 + 5 + 1 + 1 // cursor, tick, number, gaps, time, margin
	planRoleW    = 19                                // "posture / cool-down"
	planDoseFrom = 90                                // the dose column from this width
	planKitMin   = 16                                // the equipment column needs at least this ("two tennis balls")
)

func newPlanScreen(cat *content.Catalogue, p plan.Plan, title string, expand session.Options, keys *keyMap, st *styles) *planScreen {
	m := &planScreen{cat: cat, p: p, title: title, expand: expand, keys: keys, st: st}
	m.recount()
	return m
}

// recount works out the total and each item's time as the session will
// run them (so --hold and --lead-in count), after every change, so View
// does not.
func (m *planScreen) recount() {
	m.total = session.Total(session.Expand(m.p.Techniques(), m.expand))
	m.itemTimes = make([]time.Duration, 0, len(m.p.Items))
	for _, it := range m.p.Items {
		t := it.Technique
		t.Dosage.HoldSeconds = it.HoldSeconds
		m.itemTimes = append(m.itemTimes, session.Total(session.Expand([]content.Technique{t}, m.expand)))
	}
	m.layoutColumns()
}

// layoutColumns sizes the table to the width: the name takes what the
// other columns leave; from planDoseFrom the dose shows, and the equipment
// where at least planKitMin columns are left beside the longest name.
func (m *planScreen) layoutColumns() {
	var longest, kit, dose int
	for _, it := range m.p.Items {
		longest = max(longest, ansi.StringWidth(it.Technique.Name))
		kit = max(kit, ansi.StringWidth(m.cat.EquipmentText(it.Technique)))
		dose = max(dose, ansi.StringWidth(m.dose(it)))
	}
	c := planColumns{role: planRoleW}
	avail := m.width - planRowFixed - planRoleW
	if m.width >= planDoseFrom {
		c.dose = dose
		avail -= dose + 1
	}
	if m.width >= planDoseFrom && avail-longest-2 >= planKitMin {
		c.kit = min(kit, avail-longest-2)
		avail -= c.kit + 2
	}
	c.name = max(avail, 8)
	m.cols = c
}

// dose is an item's holds as the session will run them: "45 s",
// "3 × 30 s", "2 × 30 s each side".
func (m *planScreen) dose(it plan.Item) string {
	t := it.Technique
	hold := fmt.Sprintf("%d s", it.HoldSeconds)
	if m.expand.Hold > 0 {
		hold = fmt.Sprintf("%d s", int(session.CapHold(m.expand.Hold, t)/time.Second))
	}
	if n := t.Dosage.HoldsPerSide(); n > 1 {
		hold = fmt.Sprintf("%d × %s", n, hold)
	}
	if t.Dosage.Bilateral {
		hold += " each side"
	}
	return hold
}

// setStyles changes the colours, of an open details or left-out page too.
func (m *planScreen) setStyles(st *styles) {
	m.st = st
	for _, pg := range []*textPage{m.detail, m.leftOut} {
		if pg != nil {
			pg.setStyles(st)
		}
	}
}

func (m *planScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layoutColumns()
	m.notes = ""
	if len(m.p.Notes) > 0 {
		notes := strings.Join(m.p.Notes, " ")
		// Under 24 rows the notes take one line, so the list keeps its room.
		if h < 24 {
			m.notes = m.st.Subtle.Render(ansi.Truncate(notes, max(w-4, 20), "…"))
		} else {
			m.notes = m.st.Subtle.Render(wordwrap(notes, max(w-4, 20), ""))
		}
	}
	for _, pg := range []*textPage{m.detail, m.leftOut} {
		if pg != nil {
			pg.SetSize(w, h, 1)
		}
	}
}

func (m *planScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	if m.detail != nil || m.leftOut != nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(k, m.keys.Back) || key.Matches(k, m.keys.Quit) || key.Matches(k, m.keys.Select)) {
			m.detail, m.leftOut = nil, nil
			return nil, nil
		}
		pg := m.detail
		if pg == nil {
			pg = m.leftOut
		}
		next, cmd := pg.Update(msg)
		*pg = next
		return nil, cmd
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	act := m.key(k)
	m.recount()
	return act, nil
}

func (m *planScreen) typing() bool { return false }

// key applies one key to the plan.
func (m *planScreen) key(k tea.KeyPressMsg) action {
	m.message = ""
	keys := m.keys
	switch {
	case key.Matches(k, keys.MoveUp):
		m.cursor = m.p.Move(m.cursor, -1)
	case key.Matches(k, keys.MoveDown):
		m.cursor = m.p.Move(m.cursor, 1)
	case key.Matches(k, keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, keys.Down):
		m.cursor = min(m.cursor+1, len(m.p.Items)-1)
	case key.Matches(k, keys.Toggle):
		m.p.Toggle(m.cursor)
	case key.Matches(k, keys.Swap):
		if !m.p.Swap(m.cursor) {
			m.message = "No other technique of this kind suits you today."
		}
	case (key.Matches(k, keys.HoldMore) || key.Matches(k, keys.HoldLess)) && m.expand.Hold > 0:
		m.message = fmt.Sprintf("--hold sets every hold to %s for this run.", clock(m.expand.Hold))
	case key.Matches(k, keys.HoldMore):
		m.p.AdjustHold(m.cursor, plan.HoldStep)
	case key.Matches(k, keys.HoldLess):
		m.p.AdjustHold(m.cursor, -plan.HoldStep)
	case key.Matches(k, keys.Details):
		if m.cursor < len(m.p.Items) {
			pg := newTechniquePage(m.st, m.cat, m.p.Items[m.cursor].Technique)
			pg.SetSize(m.width, m.height, 1)
			m.detail = &pg
		}
	case key.Matches(k, keys.LeftOut) && m.anythingLeftOut():
		left, adapted := m.p.Left, m.p.Adapted
		pg := newTextPage(m.st, func(st *styles, w int) string { return leftOutText(st, adapted, left, w) })
		pg.SetSize(m.width, m.height, 1)
		m.leftOut = &pg
	case key.Matches(k, keys.StartPlan):
		if m.p.Seconds() == 0 {
			m.message = "Switch at least one technique on first."
		} else {
			return startSession{}
		}
	case key.Matches(k, keys.Back):
		return stepBack{} // to the last question, answers kept (from Browse, its detail page)
	case key.Matches(k, keys.Quit):
		return goHome{}
	}
	return nil
}

func (m *planScreen) Help() bindings {
	k := m.keys
	if m.detail != nil || m.leftOut != nil {
		return bindings{short: []key.Binding{k.Move, k.Back}, full: [][]key.Binding{{k.Up, k.Down}, {k.Back, k.QuitBack, k.Close}}}
	}
	short := []key.Binding{k.StartPlan, k.Toggle, k.Swap, k.Details}
	last := []key.Binding{k.Details}
	if m.anythingLeftOut() {
		short, last = append(short, k.LeftOut), append(last, k.LeftOut)
	}
	return bindings{
		short: append(short, k.Help, k.Back),
		full: [][]key.Binding{
			{k.Up, k.Down, k.MoveUp, k.MoveDown},
			{k.Toggle, k.Swap, k.HoldMore, k.HoldLess},
			append(last, k.StartPlan, k.Back, k.Leave),
		},
	}
}

// anythingLeftOut reports whether l has a page to open: techniques left
// out, or the plan adapted for a caution. A Repeat or a routine's plan
// often has neither, and then l is neither offered nor does anything.
func (m *planScreen) anythingLeftOut() bool {
	return len(m.p.Left) > 0 || len(m.p.Adapted) > 0
}

func leftOutText(st *styles, adapted []plan.Adaptation, left []plan.Exclusion, width int) string {
	w := max(width-4, 20)
	var b strings.Builder
	if len(adapted) > 0 {
		b.WriteString(st.Title.Render("Adapted for your cautions") + "\n")
		for _, a := range adapted {
			b.WriteString(st.Step.Render(hanging("• ", a.Caution, w)) + "\n")
			b.WriteString(st.Subtle.Render(hanging("  ", a.Change, w)) + "\n")
		}
		b.WriteString("\n")
	}
	if len(left) > 0 {
		b.WriteString(st.Title.Render(fmt.Sprintf("Left out today (%d)", len(left))) + "\n")
	}
	for i, e := range left {
		if i == 0 || left[i-1].Kind != e.Kind {
			b.WriteString("\n" + st.Side.Render(e.Kind.Heading()) + "\n")
		}
		b.WriteString(st.Step.Render(ansi.Truncate("• "+e.Name, w, "…")) + "\n")
		b.WriteString(st.Subtle.Render(indent(wordwrap(e.Reason, w-2, ""), "  ")) + "\n")
	}
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}

func (m *planScreen) View(helpView string) string {
	if m.detail != nil {
		return m.detail.View(helpView)
	}
	if m.leftOut != nil {
		return m.leftOut.View(helpView)
	}
	w := m.width
	var head strings.Builder
	total := plan.Length(session.ShownSeconds(m.total), m.p.BudgetSeconds)
	if m.expand.Hold > 0 {
		total += " · every hold " + clock(m.expand.Hold)
	}
	head.WriteString(" " + m.st.Title.Render(ansi.Truncate(m.title, max(w-lipgloss.Width(total)-4, 10), "…")) + "  " + m.st.Subtle.Render(total) + "\n")
	if m.notes != "" {
		head.WriteString(indent(m.notes, "  ") + "\n")
	}
	head.WriteString("\n")

	// The highlighted item's reason and hold, and the left-out count.
	var foot strings.Builder
	if m.cursor < len(m.p.Items) {
		it := m.p.Items[m.cursor]
		foot.WriteString("\n" + indent(m.st.Cue.Render(wordwrap("Why: "+it.Reason, max(w-4, 20), "")), "  ") + "\n")
		hold := fmt.Sprintf("Hold %d s (%d–%d) · +/- to change", it.HoldSeconds, it.MinHold, it.MaxHold)
		if m.expand.Hold > 0 {
			hold = fmt.Sprintf("Hold %s, as --hold asks", clock(session.CapHold(m.expand.Hold, it.Technique)))
		}
		foot.WriteString("  " + m.st.Subtle.Render(hold) + "\n")
	}
	if m.message != "" {
		foot.WriteString("  " + m.st.Warning.Render(m.message) + "\n")
	}
	if n := len(m.p.Left); n > 0 {
		how := "l to see why"
		if len(m.p.Adapted) > 0 {
			how = "l: why, and how the plan is adapted"
		}
		foot.WriteString("  " + m.st.Subtle.Render(content.Plural(n, "technique")+" left out today · "+how) + "\n")
	}

	// The list gets the rows that remain, scrolled to keep the cursor seen.
	rows := max(m.height-lineCount(head.String())-lineCount(foot.String())-lipgloss.Height(helpView), 1)
	first := 0
	if m.cursor >= rows {
		first = m.cursor - rows + 1
	}
	var list strings.Builder
	for i := first; i < len(m.p.Items) && i < first+rows; i++ {
		list.WriteString(m.row(i) + "\n")
	}
	body := head.String() + list.String() + foot.String()
	pad := max(m.height-lineCount(body)-lipgloss.Height(helpView), 0)
	return body + strings.Repeat("\n", pad) + helpView
}

// row draws one plan item: tick, number, name, role, dose, time and
// equipment, each column as wide in every row (m.cols).
func (m planScreen) row(i int) string {
	it := m.p.Items[i]
	t := it.Technique
	c := m.cols
	tick := "[x]"
	if it.Off {
		tick = "[ ]"
	}
	line := fmt.Sprintf("%s %2d %s %s ", tick, i+1, cell(t.Name, c.name), cell(t.Role.Label(), c.role))
	if c.dose > 0 {
		line += cell(m.dose(it), c.dose) + " "
	}
	line += fmt.Sprintf("%5s", clock(m.itemTimes[i]))
	if c.kit > 0 {
		line += "  " + ansi.Truncate(m.cat.EquipmentText(t), c.kit, "…")
	}
	switch {
	case i == m.cursor:
		return m.st.Selected.Render("› " + line)
	case it.Off:
		return m.st.Subtle.Render("  " + line)
	}
	return m.st.Option.Render("  " + line)
}

// cell is s cut or padded to exactly w columns.
func cell(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// lineCount is the number of newline-terminated lines in s.
func lineCount(s string) int { return strings.Count(s, "\n") }

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
