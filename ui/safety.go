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
	"github.com/unknot/unknot/safety"
)

// safetyScreen runs the safety check (safety.Gate) one step at a time:
// the age once, "is this happening now?" every session, the weekly
// checklists, and the cautions, ticked as last time.
type safetyScreen struct {
	cat  *content.Catalogue
	gate *safety.Gate
	q    question // the current step's answer
	keys *keyMap
	st   *styles

	width, height int
	scroll        int // first item row shown of a long checklist
}

func newSafetyScreen(cat *content.Catalogue, previous safety.Result, now func() time.Time, keys *keyMap, st *styles) *safetyScreen {
	m := &safetyScreen{cat: cat, gate: safety.NewGate(cat.Safety, previous, now()), keys: keys, st: st}
	m.ask()
	return m
}

// resumeSafetyScreen goes on with a check already under way.
func resumeSafetyScreen(cat *content.Catalogue, g *safety.Gate, keys *keyMap, st *styles) *safetyScreen {
	m := &safetyScreen{cat: cat, gate: g, keys: keys, st: st}
	m.ask()
	return m
}

// newCheckInScreen asks the whole check again ("Update my health answers").
func newCheckInScreen(cat *content.Catalogue, previous safety.Result, now func() time.Time, keys *keyMap, st *styles) *safetyScreen {
	m := &safetyScreen{cat: cat, gate: safety.NewCheckIn(cat.Safety, previous, now()), keys: keys, st: st}
	m.ask()
	return m
}

// guideText is all the guidance (coach.Guide), for Home → Guidance.
func guideText(st *styles, cat *content.Catalogue, width int) string {
	var b strings.Builder
	b.WriteString(st.Title.Render("Guidance") + "\n")
	for _, s := range coach.Guide(cat) {
		b.WriteString("\n" + st.Title.Render(s.Title) + "\n")
		writeBullets(&b, st, s.Lines, width)
	}
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}

// ask sets up the widget for the gate's current step.
func (m *safetyScreen) ask() {
	s := m.gate.Step()
	m.scroll = 0
	k := m.keys
	switch s.Kind {
	case safety.StepAge:
		var ages []choice
		for _, band := range content.AgeBands {
			ages = append(ages, choice{band, content.AgeBandLabel(band)})
		}
		m.q = pickOne("How old are you?", "Asked once: some questions only apply at some ages.", ages, "", k)
		m.q.cursor = -1 // no default: pick a number or move first
	case safety.StepChest:
		m.q = yesNo(s.Item.Text, s.Item.Hint, k)
	case safety.StepChecklist:
		m.q = yesNo("", "", k)
		m.q.choices = []choice{{"yes", "Yes, at least one"}, {"no", "None of these"}}
	case safety.StepWhich:
		m.q = pickMany("Which of these?", "Tick each one that is true, then press enter.", questionChoices(s.Items), nil, k)
	case safety.StepAssessed:
		m.q = yesNo("Has a doctor or physio assessed this and said gentle self-care is fine?",
			"You said: "+s.Item.Text, k)
	case safety.StepAdvice:
		m.q = question{}
	case safety.StepCautions:
		m.q = pickMany("Cautions: anything that applies to you?",
			"The session goes ahead, adapted. Tick each one that applies, then press enter; ticked as last time.",
			questionChoices(s.Items), s.Ticked, k)
	}
}

func questionChoices(qs []content.Question) []choice {
	out := make([]choice, len(qs))
	for i, q := range qs {
		out[i] = choice{q.ID, q.Text}
	}
	return out
}

func (m *safetyScreen) SetSize(w, h int) {
	m.width, m.height = w, h
}

func (m *safetyScreen) setStyles(st *styles) { m.st = st }

func (m *safetyScreen) typing() bool { return false }

func (m *safetyScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	s := m.gate.Step()
	switch {
	case key.Matches(k, m.keys.Quit):
		return goHome{}, nil
	case key.Matches(k, m.keys.Back):
		// esc steps back; on the first step it goes back out of the check:
		// to the intake for the new-or-worse check, to where the flow
		// began otherwise.
		if !m.gate.Back() {
			return stepBack{}, nil
		}
		m.ask()
		return nil, nil
	}
	var a safety.Answer
	switch s.Kind {
	case safety.StepAdvice:
		if !key.Matches(k, m.keys.Select) {
			return nil, nil
		}
	case safety.StepChecklist:
		// The items may need scrolling; the answer is y or n (or a choice
		// and enter), never a default.
		switch {
		case key.Matches(k, m.keys.Up):
			m.scroll = max(m.scroll-1, 0)
			return nil, nil
		case key.Matches(k, m.keys.Down):
			m.scroll++
			return nil, nil
		}
		m.q = m.q.Update(k)
		if !m.q.done {
			return nil, nil
		}
		a.Yes = m.q.Yes()
	case safety.StepAge:
		m.q = m.q.Update(k)
		if !m.q.done || m.q.cursor < 0 {
			m.q.done = false
			return nil, nil
		}
		a.Picks = []string{m.q.One()}
	case safety.StepWhich, safety.StepCautions:
		m.q = m.q.Update(k)
		if !m.q.done {
			return nil, nil
		}
		a.Picks = m.q.Many()
		if s.Kind == safety.StepWhich && len(a.Picks) == 0 {
			m.q.done = false // tick at least one, or esc to go back
			return nil, nil
		}
	default:
		m.q = m.q.Update(k)
		if !m.q.done {
			return nil, nil
		}
		a.Yes = m.q.Yes()
	}
	m.gate.Answer(a)
	if m.gate.Done() {
		return safetyAnswered{m.gate.Result()}, nil
	}
	m.ask()
	return nil, nil
}

func (m *safetyScreen) Help() bindings {
	k := m.keys
	back := k.PrevQuestion
	if m.gate.Asked() == 0 {
		back = k.Back // nothing before the first step: esc leaves
	}
	var answer []key.Binding
	switch m.gate.Step().Kind {
	case safety.StepAdvice:
		answer = []key.Binding{k.Continue}
	case safety.StepChecklist:
		answer = []key.Binding{k.Yes, k.NoneOfThese, k.Scroll}
	default:
		answer = m.q.help()
	}
	short := append(append([]key.Binding{}, answer...), back, k.Leave)
	return bindings{short: short, full: [][]key.Binding{answer, {back, k.Help, k.Leave}}}
}

func tierLabel(t content.Tier) string {
	switch t {
	case content.TierEmergency:
		return "urgent warning signs"
	case content.TierClinician:
		return "signs to get checked first"
	}
	return "things the routine adapts to"
}

func (m *safetyScreen) View(helpView string) string {
	w := textWidth(m.width)
	s := m.gate.Step()
	var b strings.Builder
	b.WriteString(ansi.Truncate(m.st.Title.Render("Safety check")+"  "+m.st.Subtle.Render(m.stepLabel(s)), w, "…") + "\n\n")
	switch s.Kind {
	case safety.StepChest, safety.StepAge:
		qv := m.q.View(m.st, m.width)
		// The intro comes first when there is room for it and the answers.
		if m.gate.Asked() == 0 {
			intro := m.st.Subtle.Render(wordwrap(m.cat.Safety.Intro, w, "")) + "\n\n"
			if lineCount(b.String()+intro+qv)+2+lipgloss.Height(helpView) <= m.height {
				b.WriteString(intro)
			}
		}
		if s.Kind == safety.StepChest {
			b.WriteString(m.st.Warning.Render(s.Group.Title) + "\n")
		}
		b.WriteString(qv)
	case safety.StepChecklist:
		b.WriteString(m.st.Step.Render(wordwrap(s.Group.Title, w, "")) + "\n")
		if s.Group.Hint != "" {
			b.WriteString(m.st.Subtle.Render(wordwrap(s.Group.Hint, w, "")) + "\n")
		}
		b.WriteString("\n")
		answer := m.q.View(m.st, m.width)
		room := max(m.height-lineCount(b.String())-lineCount(answer)-lipgloss.Height(helpView)-2, 3)
		b.WriteString(m.items(s.Items, w, room))
		b.WriteString(answer)
	case safety.StepAdvice:
		b.WriteString(m.st.Step.Render(wordwrap("You said: "+s.Item.Text, w, "")) + "\n\n")
		b.WriteString(m.st.Cue.Render(wordwrap(s.Item.Why, w, "")) + "\n")
	default:
		// Pick lists get every row the screen has left; the window follows
		// the cursor.
		q := m.q
		q.maxRows = 0
		chrome := lineCount(b.String()) + lineCount(q.headView(m.st, m.width)) + lipgloss.Height(helpView) + 1
		q.maxRows = max(m.height-chrome, 4)
		b.WriteString(q.View(m.st, m.width))
	}
	return page(m.st, b.String(), helpView, m.height)
}

// items lists a checklist's questions, wrapped, in at most rows rows;
// when they do not fit, ↑/↓ scroll and the rows above and below are
// counted, so no item is hidden without saying so.
func (m *safetyScreen) items(qs []content.Question, w, rows int) string {
	var lines []string
	for _, q := range qs {
		lines = append(lines, strings.Split(hanging("• ", q.Text, w), "\n")...)
	}
	if len(lines) <= rows {
		return m.st.Cue.Render(strings.Join(lines, "\n")) + "\n"
	}
	// One row says what is below (and one what is above, once scrolled).
	m.scroll = max(min(m.scroll, len(lines)-(rows-2)), 0)
	top := m.scroll
	room := rows - 1
	if top > 0 {
		room--
	}
	end := min(top+room, len(lines))
	var b strings.Builder
	if top > 0 {
		b.WriteString(m.st.Subtle.Render(fmt.Sprintf("↑ %d more lines", top)) + "\n")
	}
	b.WriteString(m.st.Cue.Render(strings.Join(lines[top:end], "\n")) + "\n")
	if end < len(lines) {
		b.WriteString(m.st.Subtle.Render(fmt.Sprintf("↓ %d more lines (↑/↓ to read them all)", len(lines)-end)) + "\n")
	}
	return b.String()
}

// stepLabel says where in the check the person is.
func (m *safetyScreen) stepLabel(s safety.Step) string {
	switch s.Kind {
	case safety.StepAge:
		return "once: your age"
	case safety.StepChest, safety.StepChecklist:
		if s.Group.ID == content.GroupChest || s.Group.ID == content.GroupUrgent {
			return "every session: " + tierLabel(content.TierEmergency)
		}
		if m.gate.Rechecking() {
			return "new or worse pain: " + tierLabel(content.TierClinician)
		}
		return "weekly: " + tierLabel(content.TierClinician)
	case safety.StepWhich, safety.StepAssessed, safety.StepAdvice:
		return tierLabel(content.TierClinician)
	}
	return tierLabel(content.TierCaution)
}

// emergencyText is the stop screen after a Tier A "yes": no session can
// start from it; it says what to do now.
func emergencyText(st *styles, cat *content.Catalogue, r safety.Result, width int) string {
	var b strings.Builder
	b.WriteString(st.Emergency.Render("Call 999 · 112 · 911 now") + "\n\n")
	b.WriteString(st.Bad.Render("Do not start a session.") + "\n")
	// What to do comes first; what was answered after it.
	writeBullets(&b, st, cat.Safety.Emergency, width)
	b.WriteString("\n")
	writeTrigger(&b, st, r, width)
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}

// clinicianText is the "see a clinician first" screen: it says which
// answer caused it; the guided session is not offered.
func clinicianText(st *styles, cat *content.Catalogue, r safety.Result, width int) string {
	var b strings.Builder
	b.WriteString(st.Title.Render("See a clinician first") + "\n\n")
	if r.Reason != "" {
		b.WriteString(st.Cue.Render(wordwrap(r.Reason, textWidth(width), "")) + "\n\n")
	} else {
		writeTrigger(&b, st, r, width)
	}
	writeBullets(&b, st, cat.Safety.Clinician, width)
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}

// stopRulesText lists when to stop, before the first session.
func stopRulesText(st *styles, cat *content.Catalogue, r safety.Result, width int) string {
	var b strings.Builder
	b.WriteString(st.Title.Render("Before you start: when to stop") + "\n\n")
	writeBullets(&b, st, cat.Guidance.StopRules, width)
	if len(r.Cautions) > 0 {
		b.WriteString("\n" + st.Title.Render("Your cautions") + "\n")
		b.WriteString(st.Subtle.Render(wordwrap("The plan is gentler for these, and leaves some techniques out.", textWidth(width), "")) + "\n")
		for _, q := range cat.Safety.Questions {
			if q.Tier != content.TierCaution || !r.HasCaution(q.Caution) {
				continue
			}
			name := q.Caution
			if c, ok := cat.Caution(q.Caution); ok {
				name = c.Name
			}
			b.WriteString(st.Step.Render(hanging("• ", name, textWidth(width))) + "\n")
			b.WriteString(st.Cue.Render(hanging("  ", q.Why, textWidth(width))) + "\n")
		}
	}
	for _, id := range r.Advice {
		if q, ok := cat.Safety.Question(id); ok {
			b.WriteString("\n" + st.Warning.Render(wordwrap(q.Why, textWidth(width), "")) + "\n")
		}
	}
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}

// textWidth is the wrap width inside a padded page.
func textWidth(width int) int { return max(width-4, 20) }

// writeTrigger quotes the question answered "yes" and what it may mean.
func writeTrigger(b *strings.Builder, st *styles, r safety.Result, width int) {
	w := textWidth(width)
	switch {
	case len(r.Urgent) > 0:
		b.WriteString(st.Cue.Render("You said at least one of these is happening now:") + "\n")
		for _, q := range r.Urgent {
			b.WriteString(st.Step.Render(hanging("• ", q.Text, w)) + "\n")
		}
	case len(r.Flagged) > 1:
		b.WriteString(st.Cue.Render("You answered yes to:") + "\n")
		for _, q := range r.Flagged {
			b.WriteString(st.Step.Render(hanging("• ", q.Text, w)) + "\n")
			b.WriteString(st.Warning.Render(hanging("  ", q.Why, w)) + "\n")
		}
		b.WriteString("\n")
		return
	default:
		b.WriteString(st.Cue.Render("You answered yes to:") + "\n")
		b.WriteString(st.Step.Render(wordwrap("“"+r.Trigger.Text+"”", w, "")) + "\n")
	}
	b.WriteString(st.Warning.Render(wordwrap(r.Trigger.Why, w, "")) + "\n\n")
}

func writeBullets(b *strings.Builder, st *styles, lines []string, width int) {
	for _, line := range lines {
		b.WriteString(st.Cue.Render(hanging("• ", line, textWidth(width))) + "\n")
	}
}

// hanging wraps s to width after a marker ("• ", "3. "), indenting the
// following lines to line up under the text. A word longer than a line
// (a web address) is cut across lines rather than left to overflow.
func hanging(marker, s string, width int) string {
	pad := strings.Repeat(" ", ansi.StringWidth(marker))
	w := max(width-len(pad), 10)
	return marker + strings.ReplaceAll(ansi.Hardwrap(wordwrap(s, w, ""), w, true), "\n", "\n"+pad)
}

// page pads a simple screen so its help sits on the last rows; content
// taller than the terminal keeps its top, and its last row says the rest
// is cut.
func page(st *styles, body, helpView string, height int) string {
	body = st.Page.Render(strings.TrimRight(body, "\n"))
	lines := strings.Split(body, "\n")
	room := max(height-strings.Count(helpView, "\n")-1, 1)
	if len(lines) > room {
		// Say that something is cut rather than cut it silently.
		lines = append(lines[:room-1], st.Subtle.Render("  … more than fits here; a larger window shows it all"))
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + helpView
}

// scrolledPage is page for a screen that scrolls: content taller than the
// terminal shows from line offset (clamped), with a row saying there is
// more above or below. It returns the largest offset that shows anything
// new, 0 when everything fits.
func scrolledPage(st *styles, body, helpView string, height, offset int) (string, int) {
	lines := strings.Split(st.Page.Render(strings.TrimRight(body, "\n")), "\n")
	room := max(height-strings.Count(helpView, "\n")-1, 1)
	if len(lines) <= room || room < 3 {
		// page styles the body itself: given the styled one, it added the
		// page's margins twice, and a body that just fitted came out cut.
		return page(st, body, helpView, height), 0
	}
	// A marker row at the top (when scrolled) and one at the bottom (when
	// more follows) take the place of content rows.
	most := len(lines) - (room - 1)
	offset = min(max(offset, 0), most)
	var out []string
	if offset > 0 {
		out = append(out, st.Subtle.Render("  ↑ more above"))
	}
	end := offset + room - len(out)
	if end < len(lines) {
		end--
		out = append(out, lines[offset:end]...)
		out = append(out, st.Subtle.Render("  ↓ more below"))
	} else {
		out = append(out, lines[offset:]...)
	}
	for len(out) < room {
		out = append(out, "")
	}
	return strings.Join(out, "\n") + "\n" + helpView, most
}
