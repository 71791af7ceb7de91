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
	"github.com/unknot/unknot/safety"
)

// safetyScreen asks the red-flag questions one at a time, emergency signs
// first. A "yes" to an emergency or clinician question ends it at once.
type safetyScreen struct {
	cat      *content.Catalogue
	qs       []content.Question
	i        int
	answers  map[string]bool
	defaults map[string]bool // remembered caution answers
	q        question
	keys     *keyMap
	st       *styles
	now      func() time.Time

	width, height int
}

func newSafetyScreen(cat *content.Catalogue, previous safety.Result, now func() time.Time, keys *keyMap, st *styles) *safetyScreen {
	m := &safetyScreen{
		cat:      cat,
		now:      now,
		qs:       cat.Safety.Questions,
		answers:  map[string]bool{},
		defaults: previous.Defaults(cat.Safety.Questions),
		keys:     keys,
		st:       st,
	}
	m.ask(0)
	return m
}

func (m *safetyScreen) ask(i int) {
	m.i = i
	qq := m.qs[i]
	m.q = yesNo(qq.Text, qq.Hint, m.keys)
	if m.defaults[qq.ID] {
		m.q.cursor = 0 // remembered until changed
		m.q.hint = strings.TrimSpace(m.q.hint + " You said yes last time; press enter to keep it.")
	}
}

func (m *safetyScreen) SetSize(w, h int) { m.width, m.height = w, h }

func (m *safetyScreen) setStyles(st *styles) { m.st = st }

func (m *safetyScreen) typing() bool { return false }

func (m *safetyScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	// esc steps back a question; on the first one it leaves, as q does.
	switch {
	case key.Matches(k, m.keys.Quit), m.i == 0 && key.Matches(k, m.keys.Back):
		return goHome{}, nil
	case key.Matches(k, m.keys.PrevQuestion):
		m.ask(m.i - 1)
		return nil, nil
	}
	m.q = m.q.Update(k)
	if !m.q.done {
		return nil, nil
	}
	qq := m.qs[m.i]
	m.answers[qq.ID] = m.q.Yes()
	if safety.Decisive(qq, m.q.Yes()) || m.i == len(m.qs)-1 {
		// Assess the answers given so far.
		return safetyAnswered{safety.Assess(m.qs[:m.i+1], m.answers, m.now())}, nil
	}
	m.ask(m.i + 1)
	return nil, nil
}

func (m *safetyScreen) Help() bindings {
	k := m.keys
	back := k.PrevQuestion
	if m.i == 0 {
		back = k.Back // nothing before the first question: esc leaves
	}
	short := append(m.q.help(), back, k.Quit)
	return bindings{short: short, full: [][]key.Binding{m.q.help(), {back, k.Help, k.Quit}}}
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
	height := m.height
	w := max(m.width-4, 20)
	qq := m.qs[m.i]
	var b strings.Builder
	b.WriteString(ansi.Truncate(m.st.Title.Render("Safety check")+"  "+
		m.st.Subtle.Render(fmt.Sprintf("question %d of %d · %s", m.i+1, len(m.qs), tierLabel(qq.Tier))), w, "…") + "\n\n")
	qv := m.q.View(m.st, m.width)
	// The intro comes first on question 1 when there is room for it and
	// the answers; the answers must always be on screen.
	if m.i == 0 {
		intro := m.st.Subtle.Render(ansi.Wordwrap(m.cat.Safety.Intro, w, "")) + "\n\n"
		if lineCount(b.String()+intro+qv)+2+lipgloss.Height(helpView) <= height {
			b.WriteString(intro)
		}
	}
	b.WriteString(qv)
	return page(m.st, b.String(), helpView, height)
}

// emergencyText is the stop screen after a Tier A "yes": no session can
// start from it; it says what to do now.
func emergencyText(st *styles, cat *content.Catalogue, r safety.Result, width int) string {
	var b strings.Builder
	b.WriteString(st.Emergency.Render("Call 999 · 112 · 911 now") + "\n\n")
	b.WriteString(st.Bad.Render("Do not start a session.") + " ")
	writeTrigger(&b, st, r, width)
	writeBullets(&b, st, cat.Safety.Emergency, width)
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}

// clinicianText is the "see a clinician first" screen: it says which
// answer caused it; the guided session is not offered.
func clinicianText(st *styles, cat *content.Catalogue, r safety.Result, width int) string {
	var b strings.Builder
	b.WriteString(st.Title.Render("See a clinician first") + "\n\n")
	if r.Reason != "" {
		b.WriteString(st.Cue.Render(ansi.Wordwrap(r.Reason, textWidth(width), "")) + "\n\n")
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
		b.WriteString("\n" + st.Subtle.Render(ansi.Wordwrap("Your answers noted cautions, so the plan will be gentler and leave some techniques out.", textWidth(width), "")) + "\n")
	}
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}

// textWidth is the wrap width inside a padded page.
func textWidth(width int) int { return max(width-4, 20) }

// writeTrigger quotes the question answered "yes" and what it may mean.
func writeTrigger(b *strings.Builder, st *styles, r safety.Result, width int) {
	w := textWidth(width)
	b.WriteString(st.Cue.Render("You answered yes to:") + "\n")
	b.WriteString(st.Step.Render(ansi.Wordwrap("“"+r.Trigger.Text+"”", w, "")) + "\n")
	b.WriteString(st.Warning.Render(ansi.Wordwrap(r.Trigger.Why, w, "")) + "\n\n")
}

func writeBullets(b *strings.Builder, st *styles, lines []string, width int) {
	for _, line := range lines {
		b.WriteString(st.Cue.Render(hanging("• ", line, textWidth(width))) + "\n")
	}
}

// hanging wraps s to width after a marker ("• ", "3. "), indenting the
// following lines to line up under the text.
func hanging(marker, s string, width int) string {
	pad := strings.Repeat(" ", ansi.StringWidth(marker))
	return marker + strings.ReplaceAll(ansi.Wordwrap(s, max(width-len(pad), 10), ""), "\n", "\n"+pad)
}

// page pads a simple screen so its help sits on the last rows; content
// taller than the terminal keeps its top and loses its bottom lines.
func page(st *styles, body, helpView string, height int) string {
	body = st.Page.Render(strings.TrimRight(body, "\n"))
	lines := strings.Split(body, "\n")
	room := max(height-strings.Count(helpView, "\n")-1, 1)
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + helpView
}
