package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

// With reduced sensation a session is kept to ShortSessionMinutes even
// when holds are made longer on the plan screen: s shows the plan trimmed,
// with the reason, and the session that starts from it fits.
func TestPlanEditsStayShortWithReducedSensation(t *testing.T) {
	cat := content.MustLoad()
	clk := &fakeClock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)}
	m := New(Options{Catalogue: cat, Now: clk.now})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	m.result = safety.Result{Outcome: safety.Cautions, Cautions: []string{plan.ReducedSensation}}
	p, _ := cat.Program("full-upper-back")
	m.req = coach.Request{}.ForProgram(cat, p, 1)
	m.afterIntake(plan.Intake{Pain: 3})
	if m.screen != screenPlan {
		t.Fatalf("screen %v, want the plan", m.screen)
	}
	limit := plan.ShortSessionMinutes * time.Minute
	if got := session.Total(session.Expand(m.plan.p.Techniques(), m.req.Expand)); got > limit {
		t.Fatalf("planned %v, over %v before any edit", got, limit)
	}
	before := len(m.plan.p.Techniques())
	for i := range m.plan.p.Items {
		for range 20 {
			m.plan.p.AdjustHold(i, plan.HoldStep)
		}
	}
	m.follow(startSession{})
	if m.screen != screenPlan || len(m.plan.p.Techniques()) >= before {
		t.Fatalf("longer holds started a session of %d techniques (screen %v)", len(m.plan.p.Techniques()), m.screen)
	}
	if v := ansi.Strip(m.plan.View("")); !strings.Contains(v, "kept to 10 minutes") {
		t.Errorf("the trimmed plan does not say why:\n%s", v)
	}
	m.follow(startSession{})
	if m.screen != screenSession {
		t.Fatalf("screen %v, want the session", m.screen)
	}
	if got := session.Total(session.Expand(m.plan.p.Techniques(), m.req.Expand)); got > limit {
		t.Errorf("the session runs %v, over %v", got, limit)
	}
}
