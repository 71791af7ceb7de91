package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/coach"
)

// The flow's screens at 80×24, each reached the way a person gets there.
func TestFlowScreensGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reach func(t *testing.T, m *Model) *Model
		want  screenID
	}{
		{"safety", func(t *testing.T, m *Model) *Model { return keys(t, m, "enter") }, screenSafety},
		{"stop-rules", func(t *testing.T, m *Model) *Model {
			return answerSafety(t, keys(t, m, "enter"))
		}, screenStopRules},
		{"intake-areas", func(t *testing.T, m *Model) *Model {
			return keys(t, answerSafety(t, keys(t, m, "enter")), "enter")
		}, screenIntake},
		{"intake-pain", func(t *testing.T, m *Model) *Model {
			return keys(t, answerSafety(t, keys(t, m, "enter")), "enter", "enter", "4")
		}, screenIntake},
		{"plan", func(t *testing.T, m *Model) *Model {
			return intakeToPlan(t, keys(t, answerSafety(t, keys(t, m, "enter")), "enter"), "tennis-balls")
		}, screenPlan},
		{"routines", func(t *testing.T, m *Model) *Model {
			m.follow(openScreen{screenRoutines})
			return m
		}, screenRoutines},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := newFlow(t, Options{})
			m = tc.reach(t, m)
			if m.screen != tc.want {
				t.Fatalf("screen %v, want %v\n%s", m.screen, tc.want, view(m))
			}
			v := view(m)
			if got := strings.Count(v, "\n") + 1; got > 24 {
				t.Errorf("%d rows at height 24", got)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// The full help (?) shows every key of the screen, on screens whose help
// is a single column too; labels come from the constants the keys use.
func TestFullHelpShowsEveryKey(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reach func(t *testing.T, m *Model) *Model
		want  []string
	}{
		{"history", func(t *testing.T, m *Model) *Model {
			m, _ = drain(t, m, m.follow(openScreen{screenHistory}))
			return m
		}, []string{"↑/k up", "↓/j down", "esc back", "q back"}},
		{"emergency", func(t *testing.T, m *Model) *Model {
			return answerSafety(t, keys(t, m, "enter"), "A1")
		}, []string{"↑/k up", "↓/j down", "q quit"}},
		{"clinician", func(t *testing.T, m *Model) *Model {
			return keys(t, answerSafety(t, keys(t, m, "enter")), "enter", "enter", "9", "enter")
		}, []string{"↑/k up", "↓/j down", "esc back", "q home"}},
		{"plan", func(t *testing.T, m *Model) *Model {
			return intakeToPlan(t, keys(t, answerSafety(t, keys(t, m, "enter")), "enter"))
		}, []string{"+ 5 s more", "- 5 s less", "s start"}},
		{"session", func(t *testing.T, _ *Model) *Model {
			m, _ := newSession(t, 80, 24)
			return m
		}, []string{"+ 15 s more", "- 15 s less"}},
	} {
		for _, size := range [][2]int{{80, 24}, {60, 15}} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				m, _ := newJournalFlow(t, seededN(2))
				m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m = tc.reach(t, m)
				m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m = keys(t, m, "?")
				v := view(m)
				words := strings.Join(strings.Fields(v), " ")
				for _, want := range tc.want {
					if !strings.Contains(words, want) {
						t.Errorf("full help lacks %q:\n%s", want, v)
					}
				}
				if got := strings.Count(v, "\n") + 1; got > size[1] {
					t.Errorf("%d rows at height %d:\n%s", got, size[1], v)
				}
			})
		}
	}
}

// The home screen's entries lead where they say, through actions.
func TestHomeEntriesLeadToActions(t *testing.T) {
	m, _ := newFlow(t, Options{})
	for _, tc := range []struct {
		act  menuAct
		want action
	}{
		{actRoutines, openScreen{screenRoutines}},
		{actBrowse, openScreen{screenBrowse}},
		{actHistory, openScreen{screenHistory}},
		{actQuit, quitApp{}},
	} {
		if got := m.home.choose(menuItem{act: tc.act}); got != tc.want {
			t.Errorf("%v leads to %#v, want %#v", tc.act, got, tc.want)
		}
	}
	if got, ok := m.home.choose(menuItem{act: actStart}).(beginFlow); !ok || !got.req.Personal() {
		t.Errorf("start leads to %#v", got)
	}
	if got, ok := m.home.choose(menuItem{act: actBreak}).(beginFlow); !ok || got.req.Program != "desk-break" {
		t.Errorf("break leads to %#v", got)
	}
}

// What the command line preset applies to a flow started from home too.
func TestBeginAppliesTheCommandLine(t *testing.T) {
	preset := coach.Preset{Minutes: 5, MinutesGiven: true}
	m, _ := newFlow(t, Options{Request: coach.Request{Preset: preset}})
	m.follow(beginFlow{coach.Request{}.ForPlan()})
	if m.req.Preset.Minutes != 5 || !m.req.Preset.MinutesGiven || m.req.Expand.LeadIn != -1 {
		t.Errorf("request %+v", m.req)
	}
	var _ tea.Model = m // the root is used by pointer
}

// Every screen of the safety check, at 80×24 and 60×15.
func TestGateScreensGolden(t *testing.T) {
	steps := []struct {
		name string
		keys []string
	}{
		{"age", nil},
		{"chest", []string{"2"}},
		{"urgent", []string{"2", "n"}},
		{"your-health", []string{"2", "n", "n"}},
		{"which", []string{"2", "n", "n", "y"}},
		{"assessed", []string{"2", "n", "n", "y", "3", "enter"}}, // cancer history
		{"this-pain", []string{"2", "n", "n", "n"}},
		{"advice", []string{"2", "n", "n", "n", "n", "y", "2", "enter"}}, // the inflammatory pattern
		{"cautions", []string{"2", "n", "n", "n", "n", "n"}},
		{"emergency", []string{"2", "n", "y"}},
	}
	for _, size := range [][2]int{{80, 24}, {60, 15}} {
		for _, st := range steps {
			t.Run(fmt.Sprintf("%s/%dx%d", st.name, size[0], size[1]), func(t *testing.T) {
				m, _ := newFlow(t, Options{})
				m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m = keys(t, m, append([]string{"enter"}, st.keys...)...)
				v := view(m)
				if got := strings.Count(v, "\n") + 1; got > size[1] {
					t.Errorf("%d rows at height %d", got, size[1])
				}
				for _, l := range strings.Split(v, "\n") {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("a row is %d wide", w)
					}
				}
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// On a short terminal every intake question keeps its cursor on screen:
// the stop-rules reminder gives way first, then the choices scroll.
func TestIntakeCursorStaysOnScreen(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 15}, {80, 24}} {
		m, _ := newFlow(t, Options{})
		m = keys(t, answerSafety(t, keys(t, m, "enter")), "enter")
		m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for i := 0; m.screen == screenIntake && i < 12; i++ {
			q := m.intake.qs[m.intake.i]
			for range len(q.choices) {
				m = keys(t, m, "down")
				v := view(m)
				if q.kind != kindScale && q.kind != kindYesNo && !strings.Contains(v, "›") {
					t.Fatalf("%v, question %q: the cursor is off screen:\n%s", size, q.title, v)
				}
				if rows := strings.Count(v, "\n") + 1; rows > size[1] {
					t.Fatalf("%v: %d rows", size, rows)
				}
			}
			if q.kind == kindScale {
				m = keys(t, m, "3")
			}
			m = keys(t, m, "enter")
		}
	}
}
