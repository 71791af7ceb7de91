package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// Preset is what the command line already answered (unknot session
// --area, --equipment, --minutes); those questions are not asked.
type Preset struct {
	Areas     []string
	Equipment []string
	Minutes   int
	// Given marks which of the above came from flags.
	AreasGiven, EquipmentGiven, MinutesGiven bool
}

// intakeField names each intake question.
type intakeField int

const (
	fieldAreas intakeField = iota
	fieldPain
	fieldFeel
	fieldDuration
	fieldWorse
	fieldEquipment
	fieldMinutes
	fieldPressure
)

// intakeScreen asks about today, one quick question at a time.
type intakeScreen struct {
	fields []intakeField
	qs     []question
	i      int
	keys   *keyMap
	st     *styles
	width  int

	done     bool
	referral string // set when an answer means "see a clinician first"
}

// The intake's body map: the SPEC's six areas, as people name them.
var intakeAreaChoices = []choice{
	{"neck", "Neck"},
	{"shoulders", "Top of the shoulders"},
	{"upper-back", "Between the shoulder blades"},
	{"mid-back", "Mid back"},
	{"low-back", "Low back"},
	{"chest", "Chest / front"},
}

func newIntakeScreen(cat *content.Catalogue, p Preset, painOnly bool, keys *keyMap, st *styles) intakeScreen {
	m := intakeScreen{keys: keys, st: st}
	add := func(f intakeField, q question) {
		m.fields = append(m.fields, f)
		m.qs = append(m.qs, q)
	}
	if !painOnly && !p.AreasGiven {
		add(fieldAreas, pickMany("Where does it hurt?", "Tick every area with space, then press enter.",
			intakeAreaChoices, []string{"upper-back"}, keys))
	}
	add(fieldPain, scale("How bad is the pain right now, from 0 to 10?", "0 is no pain; 10 is the worst you can imagine.",
		plan.Severity, keys))
	if painOnly {
		return m
	}
	add(fieldFeel, pickMany("What does it feel like?", "Tick all that fit.", []choice{
		{plan.FeelStiff, "Stiff"}, {plan.FeelKnotted, "Knotted or tight"}, {plan.FeelAchy, "Achy"},
		{plan.FeelSharp, "Sharp or shooting"}, {plan.FeelNumb, "Numbness or tingling"},
	}, nil, keys))
	add(fieldDuration, pickOne("How long have you had it?", "", []choice{
		{"days", "A few days"}, {"weeks", "A few weeks"}, {"months", "Months or longer"},
	}, "weeks", keys))
	add(fieldWorse, pickMany("What makes it worse?", "Tick all that fit, or none.", []choice{
		{"desk", "Desk work"}, {"phone", "Looking at a phone"}, {"lifting", "Lifting or carrying"}, {"sleep", "Sleep or lying down"},
	}, nil, keys))
	if !p.EquipmentGiven {
		var kit []choice
		for _, e := range cat.Equipment {
			kit = append(kit, choice{e.ID, upperFirst(e.Name)})
		}
		add(fieldEquipment, pickMany("What do you have to hand?", "Tick each one; leave all unticked if you have nothing.", kit, p.Equipment, keys))
	}
	if !p.MinutesGiven {
		var mins []choice
		for _, n := range plan.Minutes {
			mins = append(mins, choice{fmt.Sprint(n), fmt.Sprintf("%d minutes", n)})
		}
		add(fieldMinutes, pickOne("How much time do you have?", "", mins, "10", keys))
	}
	add(fieldPressure, pickOne("How much pressure do you like?", "For balls, rollers and hands.", []choice{
		{plan.PressureGentle, "Gentle"}, {plan.PressureMedium, "Medium"}, {plan.PressureFirm, "Firm"},
	}, plan.PressureMedium, keys))
	return m
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (m *intakeScreen) SetSize(w, _ int) { m.width = w }

// Intake returns the answers, on top of what the command line preset.
func (m intakeScreen) Intake(p Preset) plan.Intake {
	in := plan.Intake{Areas: p.Areas, Equipment: p.Equipment, Minutes: p.Minutes, Pressure: plan.PressureMedium}
	if in.Minutes == 0 {
		in.Minutes = 10
	}
	for i, f := range m.fields {
		q := m.qs[i]
		switch f {
		case fieldAreas:
			in.Areas = q.Many()
		case fieldPain:
			in.Pain = q.Value()
		case fieldFeel:
			in.Feel = q.Many()
		case fieldDuration:
			in.Duration = q.One()
		case fieldWorse:
			in.Worse = q.Many()
		case fieldEquipment:
			in.Equipment = q.Many()
		case fieldMinutes:
			fmt.Sscan(q.One(), &in.Minutes)
		case fieldPressure:
			in.Pressure = q.One()
		}
	}
	return in
}

func (m intakeScreen) Update(msg tea.KeyPressMsg, p Preset) intakeScreen {
	if key.Matches(msg, m.keys.PrevQuestion) {
		if m.i > 0 {
			m.i--
			m.qs[m.i].done = false
		}
		return m
	}
	m.qs[m.i] = m.qs[m.i].Update(msg)
	if !m.qs[m.i].done {
		return m
	}
	// Sharp pain, numbness or severe pain end the intake at once.
	if f := m.fields[m.i]; f == fieldFeel || f == fieldPain {
		in := m.Intake(p)
		if f == fieldPain {
			in.Feel = nil // not asked yet
		}
		if why, refer := in.Referral(); refer {
			m.referral, m.done = why, true
			return m
		}
	}
	if m.i == len(m.qs)-1 {
		m.done = true
		return m
	}
	m.i++
	return m
}

func (m intakeScreen) help() bindings {
	k := m.keys
	short := m.qs[m.i].help()
	if m.i > 0 {
		short = append(short, k.PrevQuestion)
	}
	short = append(short, k.Quit)
	return bindings{short: short, full: [][]key.Binding{m.qs[m.i].help(), {k.PrevQuestion, k.Help, k.Quit}}}
}

func (m intakeScreen) View(helpView string, height int) string {
	var b strings.Builder
	b.WriteString(m.st.Title.Render("About today") + "  " +
		m.st.Subtle.Render(fmt.Sprintf("question %d of %d", m.i+1, len(m.qs))) + "\n\n")
	b.WriteString(m.qs[m.i].View(m.st, m.width))
	return page(m.st, b.String(), helpView, height)
}

// painOnly reports whether this intake asks only for the pain score.
func (m intakeScreen) painOnly() bool {
	return len(m.fields) == 1 && slices.Contains(m.fields, fieldPain)
}
