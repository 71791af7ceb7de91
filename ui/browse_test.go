package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/content"
)

func openBrowse(t *testing.T, w, h int, area string) *Model {
	t.Helper()
	clk := &fakeClock{t: t0}
	m := New(Options{Catalogue: content.MustLoad(), Now: clk.now, Browse: &area})
	m.opt.Request.Expand.LeadIn = -1
	m, _ = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func TestBrowseViewsGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run("areas/"+name, func(t *testing.T) {
			m := openBrowse(t, size[0], size[1], "")
			golden.RequireEqual(t, []byte(view(m)))
		})
		t.Run("list/"+name, func(t *testing.T) {
			m := openBrowse(t, size[0], size[1], "mid-back")
			golden.RequireEqual(t, []byte(view(m)))
		})
		t.Run("detail/"+name, func(t *testing.T) {
			m := openBrowse(t, size[0], size[1], "mid-back")
			m = keys(t, m, "enter")
			golden.RequireEqual(t, []byte(view(m)))
		})
	}
}

func TestBrowseAreasShowCounts(t *testing.T) {
	m := openBrowse(t, 120, 40, "")
	v := view(m)
	for _, a := range m.cat.Areas {
		want := fmt.Sprintf("%s techniques", fmt.Sprint(len(m.cat.InArea(a.ID))))
		if !strings.Contains(v, a.Name) || !strings.Contains(v, want) {
			t.Errorf("area %s or its count %q missing", a.Name, want)
		}
	}
}

// From home: browse → Mid back → type "roll" → a technique → enter starts
// its session through the safety check.
func TestBrowseFilterToSession(t *testing.T) {
	m, _ := newFlow(t, Options{})
	for it, _ := m.home.list.SelectedItem().(menuItem); it.act != actBrowse; it, _ = m.home.list.SelectedItem().(menuItem) {
		m = keys(t, m, "down")
	}
	m = keys(t, m, "enter")
	for it, _ := m.browse.areas.SelectedItem().(areaItem); it.a.ID != "mid-back"; it, _ = m.browse.areas.SelectedItem().(areaItem) {
		m = keys(t, m, "down")
	}
	m, _ = do(t, m, "enter", "r", "o", "l", "l")
	if m.browse.techs.FilterValue() != "roll" {
		t.Fatalf("typing did not filter: %q", m.browse.techs.FilterValue())
	}
	for _, it := range m.browse.techs.VisibleItems() {
		ti := it.(techItem)
		if !strings.Contains(strings.ToLower(ti.t.Name+ti.t.Summary), "r") {
			t.Errorf("%s shown for \"roll\"", ti.t.Name)
		}
	}
	first := m.browse.techs.VisibleItems()[0].(techItem).t
	if !strings.Contains(strings.ToLower(first.Name), "roll") {
		t.Errorf("best match for roll is %q", first.Name)
	}
	m, _ = do(t, m, "enter", "enter") // accept the filter, open the detail
	if m.browse.level != levelDetail || !strings.Contains(view(m), first.Name) {
		t.Fatalf("detail not shown:\n%s", view(m))
	}
	m = keys(t, m, "enter")
	if m.screen != screenSafety {
		t.Fatalf("enter on the detail went to %v, want the safety check", m.screen)
	}
	m = answerSafety(t, m)
	m = keys(t, m, "enter", "3", "enter", "enter") // stop rules, pain, nothing sharp
	if m.screen != screenPlan || len(m.plan.p.Items) != 1 || m.plan.p.Items[0].Technique.ID != first.ID {
		t.Fatalf("plan for one technique: screen %v, %+v", m.screen, m.plan.p.Items)
	}
}

func TestBrowseEscGoesBackALevel(t *testing.T) {
	m := openBrowse(t, 80, 24, "mid-back")
	m = keys(t, m, "x", "esc")
	if m.browse.techs.FilterState() != 0 || m.browse.level != levelTechniques {
		t.Errorf("esc did not clear the filter first")
	}
	m = keys(t, m, "enter", "esc")
	if m.browse.level != levelTechniques {
		t.Errorf("esc from the detail went to level %v", m.browse.level)
	}
	m = keys(t, m, "esc", "esc")
	if m.screen != screenHome {
		t.Errorf("esc from the areas went to %v", m.screen)
	}
}

// Escape sequences in a user pack cannot reach the terminal.
func TestPackTextCannotControlTheTerminal(t *testing.T) {
	evil := "Evil\x1b[2J\x1b]0;pwned\x07\x1b[31m stretch\x1b[0m\r\x08\u202e"
	base := content.MustLoad()
	f, err := content.Decode("evil.yaml", []byte(fmt.Sprintf(`techniques:
  - id: evil
    name: %q
    summary: %q
    areas: [mid-back]
    role: mobility
    position: seated
    steps: [%q]
    cue: %q
    dosage: {hold_seconds: 20, min_hold_seconds: 10, max_hold_seconds: 60}
    intensity: gentle
    precautions: [%q]
    why: %q
    sources: [mine]
`, evil, evil, evil, evil, evil, evil)))
	if err != nil {
		t.Fatal(err)
	}
	tq := f.Techniques[0]
	if tq.Name != "Evil stretch" {
		t.Errorf("name = %q", tq.Name)
	}
	_ = base
	text := techniqueText(newStyles(true), base, tq, 80)
	for _, bad := range []string{"\x1b[2J", "\x1b]0", "\x07", "\r", "\x08", "\u202e", "pwned"} {
		if strings.Contains(text, bad) {
			t.Errorf("detail contains %q", bad)
		}
	}
}
