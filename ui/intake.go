package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// intakeScreen asks the coach's intake questions about today, one at a
// time.
type intakeScreen struct {
	req   coach.Request
	asked []coach.Question
	qs    []question
	i     int
	keys  *keyMap
	st    *styles
	// leaveTo is where esc on the first question goes, as the help says
	// it: "home", "back" (to Browse) or "quit" (a command-line run).
	leaveTo string

	width, height int
}

func newIntakeScreen(cat *content.Catalogue, req coach.Request, keys *keyMap, st *styles) *intakeScreen {
	m := &intakeScreen{req: req, asked: coach.IntakeQuestions(cat, req), keys: keys, st: st}
	for _, q := range m.asked {
		m.qs = append(m.qs, intakeQuestion(q, keys))
	}
	return m
}

func (m *intakeScreen) SetSize(w, h int) { m.width, m.height = w, h }

func (m *intakeScreen) setStyles(st *styles) { m.st = st }

func (m *intakeScreen) typing() bool { return false }

// answers are the answers so far (up to the current question), leaving
// out questions skipped on the way.
func (m *intakeScreen) answers() coach.Answers {
	a := coach.Answers{}
	for i, q := range m.asked[:m.i+1] {
		if (i < m.i || m.qs[i].done) && q.Asked(m.req.Intake(a)) {
			a[q.ID] = m.qs[i].answer()
		}
	}
	return a
}

// Intake is the answers so far, on top of what the command line preset.
func (m *intakeScreen) Intake() plan.Intake { return m.req.Intake(m.answers()) }

// next moves from question i to the next one asked, given the answers so
// far; false when there is none.
func (m *intakeScreen) next(i int) (int, bool) {
	in := m.Intake()
	for j := i + 1; j < len(m.asked); j++ {
		if m.asked[j].Asked(in) {
			return j, true
		}
	}
	return i, false
}

func (m *intakeScreen) Update(msg tea.Msg) (action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return goHome{}, nil
	case key.Matches(k, m.keys.StopRules):
		return openScreen{screenStopRules}, nil // and back here, answers kept
	case key.Matches(k, m.keys.PrevQuestion) && m.i == 0:
		return stepBack{}, nil // out of the intake, the way it came
	case key.Matches(k, m.keys.PrevQuestion):
		// Back to the last question asked before this one.
		for j := m.i - 1; j >= 0; j-- {
			m.i = j
			m.qs[j].done = false
			if m.asked[j].Asked(m.req.Intake(m.answers())) {
				break
			}
		}
		return nil, nil
	}
	m.qs[m.i] = m.qs[m.i].Update(k)
	if !m.qs[m.i].done {
		return nil, nil
	}
	// Sharp pain, numbness, severe pain or a safety question answered yes
	// again end the intake at once.
	a := m.answers()
	in := m.req.Intake(a)
	_, refer := in.Referral()
	stop, stopped := coach.IntakeStop(m.asked, a)
	next, more := m.next(m.i)
	if refer || stopped || !more {
		return intakeAnswered{in: in, stop: stop, stopped: stopped}, nil
	}
	m.i = next
	return nil, nil
}

func (m *intakeScreen) Help() bindings {
	k := m.keys
	prev := k.PrevQuestion
	if m.i == 0 && m.leaveTo != "" {
		prev.SetHelp(prev.Help().Key, m.leaveTo) // no previous question: out of the flow
	}
	// The rules' key only where it fits: at 60 columns the line is full
	// (the reminder above still names it).
	short := append(m.qs[m.i].help(), prev)
	if prev.Help().Desc != k.Leave.Help().Desc {
		short = append(short, k.Leave) // "esc home • q home" says one thing twice
	}
	short = ifRoom(m.width, short, k.StopRules)
	return bindings{short: short, full: [][]key.Binding{m.qs[m.i].help(), {prev, k.StopRules, k.Help, k.Leave}}}
}

func (m *intakeScreen) View(helpView string) string {
	// Count the questions that are asked, given the answers so far (a
	// safety question asked again counts only when it is).
	in := m.Intake()
	n, total := 0, 0
	for i, q := range m.asked {
		if i == m.i || q.Asked(in) {
			total++
			if i <= m.i {
				n++
			}
		}
	}
	head := m.st.Title.Render("About today") + "  " +
		m.st.Subtle.Render(fmt.Sprintf("question %d of %d", n, total)) + "\n"
	line := fmt.Sprintf("%s Press %s for the full rules.", coach.StopRulesReminder, m.keys.StopRules.Help().Key)
	reminder := m.st.Subtle.Render(wordwrap(line, textWidth(m.width), "")) + "\n"
	// On a short terminal the reminder goes first, then the choices
	// scroll around the cursor, so the cursor is always on screen.
	room := m.height - 1 - strings.Count(helpView, "\n") // as page counts it
	fits := func(body string) bool {
		return lipgloss.Height(m.st.Page.Render(strings.TrimRight(body, "\n"))) <= room
	}
	q := m.qs[m.i]
	body := head + reminder + "\n" + q.View(m.st, m.width)
	if !fits(body) {
		body = head + "\n" + q.View(m.st, m.width)
	}
	for rows := len(q.choices) * 2; !fits(body) && rows >= 3; rows-- {
		q.maxRows = rows
		body = head + "\n" + q.View(m.st, m.width)
	}
	return page(m.st, body, helpView, m.height)
}

// painOnly reports whether this intake asks only for the pain score and
// what it feels like (a chosen program or technique: sharp pain or
// numbness still means a clinician first).
func (m *intakeScreen) painOnly() bool {
	return len(m.asked) == 2 && m.asked[0].ID == coach.AskPain && m.asked[1].ID == coach.AskFeel
}
