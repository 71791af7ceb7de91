package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// helpFor is the help text of key k on the screen on show ("" if the
// help does not list it), from the short line and the full table.
func helpFor(m *Model, k string) string {
	h := m.active().Help()
	all := slices.Clone(h.short)
	for _, col := range h.full {
		all = append(all, col...)
	}
	for _, b := range all {
		if b.Enabled() && slices.Contains(b.Keys(), k) {
			return b.Help().Desc
		}
	}
	return ""
}

// where says which page is on show, down to browse's level and the
// plan's details.
func where(m *Model) string {
	s := fmt.Sprint(m.screen)
	switch {
	case m.screen == screenBrowse:
		s += fmt.Sprint("/", m.browse.level)
	case m.screen == screenPlan && m.plan.detail != nil:
		s += "/details"
	}
	return s
}

// quits reports whether a command (or batch) ends the program.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	msg := cmd()
	if _, ok := msg.(tea.QuitMsg); ok {
		return true
	}
	// A batch or a sequence (whose type is not exported): a list of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			if quits(v.Index(i).Interface().(tea.Cmd)) {
				return true
			}
		}
	}
	return false
}

// The help says what q does on every screen: "back" where it does what
// esc does, "home" where it leaves the flow for the home screen, "quit"
// where it ends the program (or, in a session, asks to end it).
func TestQuitHelpTellsWhereQGoes(t *testing.T) {
	toPlan := func(t *testing.T, m *Model) *Model {
		return intakeToPlan(t, keys(t, answerSafety(t, keys(t, m, "enter")), "enter"))
	}
	open := func(s screenID) func(t *testing.T, m *Model) *Model {
		return func(t *testing.T, m *Model) *Model { m.follow(openScreen{s}); return m }
	}
	for _, tc := range []struct {
		name   string
		opt    Options
		reach  func(t *testing.T, m *Model) *Model
		screen screenID
		want   string
	}{
		{"home", Options{}, func(t *testing.T, m *Model) *Model { return m }, screenHome, "quit"},
		{"routines", Options{}, open(screenRoutines), screenRoutines, "back"},
		{"browse areas", Options{}, open(screenBrowse), screenBrowse, "back"},
		{"browse techniques", Options{}, func(t *testing.T, m *Model) *Model {
			return keys(t, open(screenBrowse)(t, m), "enter")
		}, screenBrowse, "back"},
		{"browse details", Options{}, func(t *testing.T, m *Model) *Model {
			return keys(t, open(screenBrowse)(t, m), "enter", "enter")
		}, screenBrowse, "back"},
		{"history", Options{}, open(screenHistory), screenHistory, "back"},
		{"guidance", Options{}, open(screenGuide), screenGuide, "back"},
		{"safety", Options{}, func(t *testing.T, m *Model) *Model { return keys(t, m, "enter") }, screenSafety, "home"},
		{"safety, second step", Options{}, func(t *testing.T, m *Model) *Model { return keys(t, m, "enter", "2") }, screenSafety, "home"},
		{"stop rules", Options{}, func(t *testing.T, m *Model) *Model {
			return answerSafety(t, keys(t, m, "enter"))
		}, screenStopRules, "home"},
		{"intake", Options{}, func(t *testing.T, m *Model) *Model {
			return keys(t, answerSafety(t, keys(t, m, "enter")), "enter")
		}, screenIntake, "home"},
		{"plan", Options{}, toPlan, screenPlan, "home"},
		{"plan details", Options{}, func(t *testing.T, m *Model) *Model { return keys(t, toPlan(t, m), "enter") }, screenPlan, "back"},
		{"clinician", Options{}, func(t *testing.T, m *Model) *Model {
			return keys(t, answerSafety(t, keys(t, m, "enter")), "enter", "enter", "9", "enter")
		}, screenClinician, "home"},
		{"emergency", Options{}, func(t *testing.T, m *Model) *Model {
			return answerSafety(t, keys(t, m, "enter"), "A1")
		}, screenEmergency, "quit"},
		// Started on the flow (unknot session), home ends the run.
		{"safety, from the command line", Options{Direct: true}, func(t *testing.T, m *Model) *Model { return m }, screenSafety, "quit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reach := func() *Model {
				m, _ := newFlow(t, tc.opt)
				m = tc.reach(t, m)
				if m.screen != tc.screen {
					t.Fatalf("screen %v, want %v\n%s", m.screen, tc.screen, view(m))
				}
				return m
			}
			m := reach()
			if got := helpFor(m, "q"); got != tc.want {
				t.Errorf("help says q %q, want q %q", got, tc.want)
			}
			m, cmd := update(t, m, press("q"))
			switch tc.want {
			case "back":
				esc, _ := update(t, reach(), press("esc"))
				if where(m) != where(esc) {
					t.Errorf("q led to %s, esc to %s", where(m), where(esc))
				}
			case "home":
				if m.screen != screenHome || quits(cmd) {
					t.Errorf("q led to %s (quit: %v), want home", where(m), quits(cmd))
				}
			case "quit":
				if !quits(cmd) {
					t.Errorf("q did not quit: on %s", where(m))
				}
			}
		})
	}
}

// In a session q asks to end it, and the help says quit; after the
// session, q quits and enter goes home.
func TestSessionAndFinishHelp(t *testing.T) {
	m, _ := newSession(t, 80, 24)
	if got := helpFor(m, "q"); got != "quit" {
		t.Errorf("session help says q %q", got)
	}
	m = keys(t, m, "q")
	if !m.session.confirmQuit {
		t.Fatal("q did not ask to quit the session")
	}
	m = keys(t, m, "y")
	if m.screen != screenSummary {
		t.Fatalf("screen %v after q y", m.screen)
	}
	m = keys(t, m, "esc") // no pain score
	m.summary.direct = false
	if got := helpFor(m, "enter"); got != "home" {
		t.Errorf("finish help says enter %q, want home", got)
	}
	if got := helpFor(m, "q"); got != "quit" {
		t.Errorf("finish help says q %q", got)
	}
	if _, cmd := update(t, m, press("q")); !quits(cmd) {
		t.Error("q on the finish screen did not quit")
	}
}

// m says whether the cues sound: "sound: on" with a bell or voice,
// "sound: off" when muted or when there is nothing to sound.
func TestMuteHelpSaysSoundOnOrOff(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cues  cueSettings
		press bool
		want  string
	}{
		{"bell", cueSettings{bell: true}, false, "sound: on"},
		{"bell, muted", cueSettings{bell: true}, true, "sound: off"},
		{"nothing to sound", cueSettings{}, false, "sound: off"},
		{"voice without a player", cueSettings{voice: true}, false, "sound: off"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := newSession(t, 80, 24)
			m.session.cues = tc.cues
			if tc.press {
				m = keys(t, m, "m")
			}
			if got := helpFor(m, "m"); got != tc.want {
				t.Errorf("m %q, want m %q", got, tc.want)
			}
			if v := view(m); !strings.Contains(v, "m "+tc.want) {
				t.Errorf("help line lacks %q:\n%s", "m "+tc.want, v)
			}
		})
	}
}
