package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// A technique the person's cautions leave out: its detail page says so,
// and enter starts nothing.
func TestDetailOfAnExcludedTechniqueStartsNothing(t *testing.T) {
	cat := content.MustLoad()
	res := coach.SafetyResultOf(coach.SafetyRecord{At: t0, Outcome: "cautions", Cautions: []string{"osteoporosis"},
		Answers: map[string]bool{"osteoporosis": true}})
	for _, a := range cat.Areas {
		area := a.ID
		m := New(Options{Catalogue: cat, Now: (&fakeClock{t: t0}).now, Safety: res, Browse: &area})
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		for i, it := range m.browse.techs.Items() {
			why := m.notToday(it.(techItem).t)
			if why == "" {
				continue
			}
			for range i {
				m = keys(t, m, "down")
			}
			m = keys(t, m, "enter")
			if m.browse.level != levelDetail || m.browse.shown.ID != it.(techItem).t.ID {
				t.Fatalf("%s: level %v, showing %s", it.(techItem).t.ID, m.browse.level, m.browse.shown.ID)
			}
			v := strings.Join(strings.Fields(view(m)), " ")
			if !strings.Contains(v, "Not for you today: "+strings.Join(strings.Fields(why), " ")) {
				t.Errorf("the detail page does not say why:\n%s", view(m))
			}
			if got := helpFor(m, "enter"); got != "" {
				t.Errorf("the help offers enter %q", got)
			}
			m = keys(t, m, "enter")
			if m.screen != screenBrowse || m.browse.level != levelDetail || m.safety != nil {
				t.Errorf("enter on an excluded technique led to %v (level %v)", m.screen, m.browse.level)
			}
			return
		}
	}
	t.Fatal("osteoporosis leaves no technique out: pick another caution")
}
