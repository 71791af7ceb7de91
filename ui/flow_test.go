package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
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

// newFlow starts the app on the picker at 80×24.
func newFlow(t *testing.T, opt Options) (*Model, *fakeClock) {
	t.Helper()
	clk := &fakeClock{t: t0}
	opt.Catalogue = content.MustLoad()
	opt.Now = clk.now
	if opt.Request.Expand == (session.Options{}) {
		opt.Request.Expand.LeadIn = -1
	}
	m := New(opt)
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return m, clk
}

// keys sends each key in turn.
func keys(t *testing.T, m *Model, ks ...string) *Model {
	t.Helper()
	for _, k := range ks {
		m, _ = update(t, m, press(k))
	}
	return m
}

// noToAll is the keys that answer the gate's current step all clear:
// age 20 to 50, no, none of these, the cautions as they are.
func noToAll(m *Model) []string {
	switch m.safety.gate.Step().Kind {
	case safety.StepAge:
		return []string{"2"}
	case safety.StepCautions, safety.StepAdvice:
		return []string{"enter"}
	}
	return []string{"n"}
}

// answerSafety answers the safety check: age 20 to 50, yes to the given
// refs (ticking them when asked which, and as cautions), no to the rest,
// "not assessed" for assessable ones, until the screen moves on.
func answerSafety(t *testing.T, m *Model, yes ...string) *Model {
	t.Helper()
	refs := func(qs ...content.Question) bool {
		return slices.ContainsFunc(qs, func(q content.Question) bool { return slices.Contains(yes, q.Ref) })
	}
	for i := 0; m.screen == screenSafety; i++ {
		if i > 50 {
			t.Fatal("safety screen never finished")
		}
		s := m.safety.gate.Step()
		switch s.Kind {
		case safety.StepAge:
			m = keys(t, m, "2")
		case safety.StepChest:
			m = keys(t, m, map[bool]string{true: "y", false: "n"}[refs(s.Item)])
		case safety.StepChecklist:
			m = keys(t, m, map[bool]string{true: "y", false: "n"}[refs(s.Items...)])
		case safety.StepAssessed:
			m = keys(t, m, "n")
		case safety.StepAdvice:
			m = keys(t, m, "enter")
		case safety.StepWhich, safety.StepCautions:
			for j, q := range s.Items {
				m.safety.q.picked[j] = refs(q)
			}
			m = keys(t, m, "enter")
		}
	}
	return m
}

// intakeToPlan answers the intake, question by question: default areas,
// pain 4, nothing ticked, somewhere with floor space, then equipment as
// given, 5 minutes, medium pressure.
func intakeToPlan(t *testing.T, m *Model, kit ...string) *Model {
	t.Helper()
	return answerIntake(t, m, plan.PlaceFloor, kit...)
}

// answerIntake is intakeToPlan with the answer to "Where are you?".
func answerIntake(t *testing.T, m *Model, place string, kit ...string) *Model {
	t.Helper()
	for n := 0; m.screen == screenIntake && n < 20; n++ {
		switch m.intake.asked[m.intake.i].ID {
		case coach.AskPain:
			m = keys(t, m, "4", "enter")
		case coach.AskEquipment:
			for _, id := range kit {
				i := slices.IndexFunc(m.cat.Equipment, func(e content.Equipment) bool { return e.ID == id })
				m.intake.qs[m.intake.i].picked[i] = true
			}
			m = keys(t, m, "enter")
		case coach.AskMinutes:
			m = keys(t, m, "2")
		case coach.AskPlace:
			q := m.intake.asked[m.intake.i]
			i := slices.IndexFunc(q.Choices, func(c coach.Choice) bool { return c.Value == place })
			m = keys(t, m, strconv.Itoa(i+1))
		default:
			m = keys(t, m, "enter")
		}
	}
	if m.screen != screenPlan {
		t.Fatalf("intake did not lead to the plan: screen %v\n%s", m.screen, view(m))
	}
	return m
}

// At the desk the TUI asks where you are, and the plan stays in the chair,
// standing and at the wall; the left-out list says why.
func TestDeskIntakeKeepsOffTheFloor(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, answerSafety(t, keys(t, m, "enter")), "enter")
	m = answerIntake(t, m, plan.PlaceDesk, "foam-roller", "tennis-balls", "wall")
	if !m.intakeAnswers.AtDesk() {
		t.Fatalf("intake %+v is not at the desk", m.intakeAnswers)
	}
	for _, it := range m.plan.p.Items {
		if it.Technique.Position.OnFloor() {
			t.Errorf("%s is %s at the desk", it.Technique.ID, it.Technique.Position)
		}
	}
	m = keys(t, m, "l")
	if v := strings.Join(strings.Fields(view(m)), " "); !strings.Contains(v, "Needs the floor") || !strings.Contains(v, plan.DeskReason) {
		t.Errorf("the left-out list does not say why floor work is out:\n%s", view(m))
	}
}

func TestPersonalPlanFlow(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter") // "Make me a plan"
	if m.screen != screenSafety {
		t.Fatalf("screen = %v, want the safety screen", m.screen)
	}
	if v := view(m); !strings.Contains(v, "How old are you?") || !strings.Contains(v, "Safety check") {
		t.Errorf("safety screen:\n%s", v)
	}
	m = answerSafety(t, m)
	if m.screen != screenStopRules || !strings.Contains(view(m), "when to stop") {
		t.Fatalf("no stop rules before the first session:\n%s", view(m))
	}
	m = keys(t, m, "enter")
	if m.screen != screenIntake {
		t.Fatalf("screen = %v, want intake", m.screen)
	}
	m = intakeToPlan(t, m, "wall")
	v := view(m)
	if !strings.Contains(v, "Your plan for today") || !strings.Contains(v, "about 5 min") || strings.Contains(v, "planned") {
		t.Errorf("plan screen:\n%s", v)
	}
	if m.intakeAnswers.Pain != 4 || m.intakeAnswers.Minutes != 5 || !slices.Equal(m.intakeAnswers.Equipment, []string{"wall"}) {
		t.Errorf("intake = %+v", m.intakeAnswers)
	}
	m, cmd := update(t, m, press("s"))
	if m.screen != screenSession {
		t.Fatalf("s did not start the session")
	}
	m, _ = update(t, m, cmd())
	if m.session.ss.Phase().String() != "lead-in" {
		t.Errorf("session phase = %v", m.session.ss.Phase())
	}
}

func TestEmergencyHasNoWayIntoASession(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m, "A1")
	if m.screen != screenEmergency {
		t.Fatalf("screen = %v, want emergency", m.screen)
	}
	v := view(m)
	for _, want := range []string{"999", "112", "911", "Do not start a session"} {
		if !strings.Contains(v, want) {
			t.Errorf("emergency screen lacks %q:\n%s", want, v)
		}
	}
	for _, k := range []string{"enter", "s", "space", "esc", "n", "y", "p"} {
		m = keys(t, m, k)
		if m.screen != screenEmergency {
			t.Fatalf("%q left the emergency screen for %v", k, m.screen)
		}
	}
	if _, cmd := update(t, m, press("q")); cmd == nil {
		t.Error("q does not quit the emergency screen")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q does not quit the emergency screen")
	}
}

func TestClinicianScreenSaysWhy(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m, "B2")
	if m.screen != screenClinician {
		t.Fatalf("screen = %v, want clinician", m.screen)
	}
	var b2 content.Question
	for _, q := range m.cat.Safety.Questions {
		if q.Ref == "B2" {
			b2 = q
		}
	}
	v := view(m)
	if !strings.Contains(v, "See a clinician first") || !strings.Contains(strings.Join(strings.Fields(v), " "), strings.Join(strings.Fields(b2.Text), " ")[:30]) {
		t.Errorf("clinician screen does not name the answer:\n%s", v)
	}
	m = keys(t, m, "esc")
	if m.screen != screenHome {
		t.Errorf("esc went to %v, want the picker", m.screen)
	}
	// Picking again the same day shows the stop again: sessions are off
	// for the rest of the day (TestSafetyStopLastsTheDay).
	m = keys(t, m, "enter")
	if m.screen != screenClinician {
		t.Errorf("after a stop, screen = %v, want the clinician page again", m.screen)
	}
}

func TestIntakeReferrals(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
		want string
	}{
		{"severe pain", []string{"enter", "8", "enter"}, "8 out of 10"},
		{"sharp pain", []string{"enter", "3", "enter", "4", "enter"}, "sharp or shooting"},
		{"numbness", []string{"enter", "3", "enter", "5", "enter"}, "numbness or tingling"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := newFlow(t, Options{})
			m = keys(t, m, "enter")
			m = answerSafety(t, m)
			m = keys(t, m, "enter")
			m = keys(t, m, tc.keys...)
			if m.screen != screenClinician {
				t.Fatalf("screen = %v, want clinician", m.screen)
			}
			if v := strings.Join(strings.Fields(view(m)), " "); !strings.Contains(v, tc.want) {
				t.Errorf("clinician screen does not say %q:\n%s", tc.want, view(m))
			}
			if m.result.Outcome != safety.Clinician {
				t.Errorf("outcome = %v", m.result.Outcome)
			}
		})
	}
}

func TestPainNeedsANumber(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m)
	m = keys(t, m, "enter", "enter", "enter")
	if m.intake.asked[m.intake.i].ID != coach.AskPain {
		t.Fatal("enter without a number moved past the pain question")
	}
	m = keys(t, m, "1", "0")
	if v := m.intake.qs[m.intake.i].Value(); v != 10 {
		t.Errorf("1 then 0 gave %d, want 10", v)
	}
	if !strings.Contains(view(m), "10 — severe") {
		t.Errorf("no severity label:\n%s", view(m))
	}
}

func TestOsteoporosisPlanLeavesOutTwistsAndSaysSo(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m, "C1")
	m = keys(t, m, "enter")
	m = intakeToPlan(t, m, "foam-roller", "tennis-balls", "wall")
	for _, it := range m.plan.p.Items {
		if _, bad := it.Technique.AvoidIf["osteoporosis"]; bad {
			t.Errorf("plan contains %s", it.Technique.ID)
		}
	}
	v := view(m)
	if !strings.Contains(v, "osteoporosis") {
		t.Errorf("plan does not say why it is gentler:\n%s", v)
	}
	for _, id := range []string{"seated-twist", "tennis-ball-spine-release", "foam-roller-upper-back-roll"} {
		if !slices.ContainsFunc(m.plan.p.Left, func(e plan.Exclusion) bool {
			return e.ID == id && strings.Contains(e.Reason, "osteoporosis") && e.Kind == plan.WhySafety
		}) {
			t.Errorf("%s is not left out for osteoporosis", id)
		}
	}
	m = keys(t, m, "l")
	if lv := view(m); !strings.Contains(lv, "Not safe for you today") || !strings.Contains(lv, "Tennis balls along the spine") {
		t.Errorf("left-out list:\n%s", lv)
	}
}

func TestProgramAsksOnlyForPain(t *testing.T) {
	prog := content.MustLoad()
	p, _ := prog.Program("desk-break")
	req := coach.Request{}.ForProgram(prog, p, 1)
	m, _ := newFlow(t, Options{Request: req, Direct: true})
	m = answerSafety(t, m, "C1")
	m = keys(t, m, "enter")
	if m.screen != screenIntake || !m.intake.painOnly() {
		t.Fatalf("a program should ask only for pain and its feel; screen %v", m.screen)
	}
	m = keys(t, m, "3", "enter", "enter")
	if m.screen != screenPlan || m.intakeAnswers.Pain != 3 {
		t.Fatalf("screen %v, pain %d", m.screen, m.intakeAnswers.Pain)
	}
	for _, it := range m.plan.p.Items {
		if it.Technique.ID == "seated-twist" {
			t.Error("desk break kept the seated twist with osteoporosis")
		}
	}
	if !strings.Contains(view(m), "Desk break") {
		t.Errorf("plan screen does not show the program:\n%s", view(m))
	}
}

// The gate's cost, through the keys a person presses, over two launches
// on one journal: a first run all clear takes at most 10 keys; a run the
// next day asks only the two "happening now" screens and the cautions (3
// keys), with the caution ticked last time still ticked; a week on, the
// checklists come back.
func TestSafetyGateKeystrokes(t *testing.T) {
	store := newMemStore()
	clk := &fakeClock{t: t0}
	launch := func() *Model {
		m := New(Options{Catalogue: content.MustLoad(), Now: clk.now, Store: store, Tick: noWait,
			Safety: coach.LatestSafety(store)})
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		m, _ = drain(t, m, m.Init())
		return keys(t, m, "enter") // Start a session
	}
	through := func(m *Model, answer func(safety.Step) []string) (*Model, int) {
		n := 0
		for i := 0; m.screen == screenSafety; i++ {
			if i > 40 {
				t.Fatal("the gate never ended")
			}
			ks := answer(m.safety.gate.Step())
			n += len(ks)
			m, _ = do(t, m, ks...)
		}
		return m, n
	}
	noToAll := func(s safety.Step) []string {
		switch s.Kind {
		case safety.StepAge:
			return []string{"2"}
		case safety.StepCautions:
			return []string{"enter"}
		}
		return []string{"n"}
	}
	m, n := through(launch(), func(s safety.Step) []string {
		if s.Kind == safety.StepCautions {
			return []string{"2", "enter"} // pregnant
		}
		return noToAll(s)
	})
	if n > 10 || m.screen != screenStopRules || !m.result.HasCaution("pregnancy") {
		t.Fatalf("first run: %d keys to %v (cautions %v), want at most 10 to the stop rules", n, m.screen, m.result.Cautions)
	}
	clk.advance(24 * time.Hour)
	m = launch()
	if s := m.safety.gate.Step(); s.Kind != safety.StepChest {
		t.Fatalf("next day the gate starts at %v, want the chest question", s.Kind)
	}
	var sawTicked bool
	m, n = through(m, func(s safety.Step) []string {
		if s.Kind == safety.StepCautions {
			sawTicked = slices.Contains(s.Ticked, "pregnancy")
		}
		if s.Kind == safety.StepChecklist && s.Group.ID != content.GroupUrgent {
			t.Errorf("the weekly checklist %q was asked the next day", s.Group.ID)
		}
		return noToAll(s)
	})
	if n > 3 || !sawTicked || !m.result.HasCaution("pregnancy") {
		t.Errorf("next day: %d keys, pregnancy ticked %v, kept %v; want 3 keys with it kept", n, sawTicked, m.result.HasCaution("pregnancy"))
	}
	clk.advance(7 * 24 * time.Hour)
	m = launch()
	var checklists int
	m, _ = through(m, func(s safety.Step) []string {
		if s.Kind == safety.StepChecklist && s.Group.ID != content.GroupUrgent {
			checklists++
		}
		return noToAll(s)
	})
	if checklists != 3 {
		t.Errorf("a week on, %d weekly checklists, want 3", checklists)
	}
}

// After an emergency or clinician outcome, guided sessions stay off for
// the rest of the day: Start, a program and a technique all lead back to
// the stop page, not to the questions.
func TestSafetyStopLastsTheDay(t *testing.T) {
	m, clk := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m, "B1")
	if m.screen != screenClinician {
		t.Fatalf("fever: screen %v", m.screen)
	}
	m = keys(t, m, "esc")
	if !strings.Contains(view(m), "off for the rest of today") {
		t.Errorf("home does not say sessions are off:\n%s", view(m))
	}
	cat := m.cat
	p, _ := cat.Program("desk-break")
	tq, _ := cat.Technique("chin-tucks")
	for _, req := range []coach.Request{{}, coach.Request{}.ForProgram(cat, p, 1), coach.Request{}.ForTechniques(tq.Name, tq)} {
		m.follow(beginFlow{req})
		if m.screen != screenClinician || !strings.Contains(view(m), "off for the rest of today") {
			t.Errorf("%q: screen %v\n%s", req.Title, m.screen, view(m))
		}
		m = keys(t, m, "esc")
	}
	clk.advance(24 * time.Hour)
	m.follow(beginFlow{coach.Request{}})
	if m.screen != screenSafety {
		t.Errorf("the next day: screen %v, want the safety check", m.screen)
	}
}

// The plan's total says the minutes asked while it is within ±10 % of
// them; switched well short, it says both.
func TestPlanTotalLine(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = intakeToPlan(t, keys(t, answerSafety(t, keys(t, m, "enter")), "enter"), "wall", "door-frame")
	if v := view(m); !strings.Contains(v, "about 5 min") || strings.Contains(v, "asked") {
		t.Errorf("a plan on time:\n%s", v)
	}
	for i := 0; i < len(m.plan.p.Items) && plan.Near(m.plan.p.Seconds(), m.plan.p.BudgetSeconds); i++ {
		m = keys(t, m, "space", "j")
	}
	want := clock(m.plan.total) + " planned · 5 min asked"
	if v := view(m); !strings.Contains(v, want) || strings.Contains(v, "about") {
		t.Errorf("a plan switched short does not say %q:\n%s", want, v)
	}
}

func TestPlanScreenKeys(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m)
	m = keys(t, m, "enter")
	m = intakeToPlan(t, m, "wall", "door-frame")
	before, shown := m.plan.p.Seconds(), m.plan.total
	m = keys(t, m, "space")
	if !m.plan.p.Items[0].Off || m.plan.p.Seconds() >= before {
		t.Error("space did not switch the first item off")
	}
	if !strings.Contains(view(m), plan.Length(session.ShownSeconds(m.plan.total), m.plan.p.BudgetSeconds)) || m.plan.total >= shown {
		t.Errorf("total does not update live:\n%s", view(m))
	}
	m = keys(t, m, "space", "J")
	if m.plan.cursor != 1 {
		t.Errorf("J moved the cursor to %d", m.plan.cursor)
	}
	hold := m.plan.p.Items[1].HoldSeconds
	m = keys(t, m, "+")
	if got := m.plan.p.Items[1].HoldSeconds; got != min(hold+5, m.plan.p.Items[1].MaxHold) {
		t.Errorf("+ made the hold %d (was %d)", got, hold)
	}
	m = keys(t, m, "enter")
	if m.plan.detail == nil || !strings.Contains(view(m), "Position") {
		t.Fatalf("enter did not open the details:\n%s", view(m))
	}
	m = keys(t, m, "esc")
	if m.plan.detail != nil || m.screen != screenPlan {
		t.Error("esc did not close the details")
	}
	// esc from the plan: back to the last question, answers kept; q home.
	m = keys(t, m, "esc")
	if m.screen != screenIntake || m.intake.asked[m.intake.i].ID != coach.AskPressure {
		t.Fatalf("esc from the plan went to %v", m.screen)
	}
	m = keys(t, m, "enter")
	if m.screen != screenPlan || m.intakeAnswers.Pain != 4 {
		t.Errorf("back to the plan: screen %v, pain %d", m.screen, m.intakeAnswers.Pain)
	}
	m = keys(t, m, "q")
	if m.screen != screenHome {
		t.Errorf("q from the plan went to %v", m.screen)
	}
}

// esc from the first question of a technique chosen in Browse goes back to
// its detail page, and so does esc on its plan; from a flow started on
// Home, home. The help says where esc goes on the first question.
func TestEscLeavesTheIntakeTheWayItCame(t *testing.T) {
	m := openBrowse(t, 80, 24, "mid-back")
	m = keys(t, m, "enter") // the first technique's detail
	if m.browse.level != levelDetail {
		t.Fatalf("level %v", m.browse.level)
	}
	m = keys(t, m, "enter")
	m = answerSafety(t, m)
	m = keys(t, m, "enter") // stop rules
	if m.screen != screenIntake {
		t.Fatalf("screen %v", m.screen)
	}
	if got := helpFor(m, "esc"); got != "back" {
		t.Errorf("on the first question the help says esc %q, want back", got)
	}
	m = keys(t, m, "3", "enter")
	if got := helpFor(m, "esc"); got != "previous" {
		t.Errorf("on the second question the help says esc %q, want previous", got)
	}
	for n := 0; m.screen == screenIntake && n < 5; n++ {
		m = keys(t, m, "enter")
	}
	if m.screen != screenPlan {
		t.Fatalf("after the intake: screen %v", m.screen)
	}
	m = keys(t, m, "esc")
	if m.screen != screenBrowse || m.browse.level != levelDetail {
		t.Errorf("esc from the plan went to %v (level %v), want the detail page", m.screen, m.browse.level)
	}
	m = keys(t, m, "enter")
	m = answerSafety(t, m)
	if m.screen != screenIntake {
		t.Fatalf("again: screen %v", m.screen)
	}
	m = keys(t, m, "esc")
	if m.screen != screenBrowse || m.browse.level != levelDetail {
		t.Errorf("esc from the pain question went to %v (level %v), want the detail page", m.screen, m.browse.level)
	}

	for _, tc := range []struct {
		opt  Options
		want string
	}{{Options{}, "home"}, {Options{Direct: true}, "quit"}} {
		m, _ := newFlow(t, tc.opt)
		if !tc.opt.Direct {
			m = keys(t, m, "enter")
		}
		m = keys(t, answerSafety(t, m), "enter")
		if m.screen != screenIntake {
			t.Fatalf("direct %v: screen %v", tc.opt.Direct, m.screen)
		}
		if got := helpFor(m, "esc"); got != tc.want {
			t.Errorf("direct %v: the first question's help says esc %q, want %s", tc.opt.Direct, got, tc.want)
		}
		m, cmd := update(t, m, press("esc"))
		if tc.want == "home" && m.screen != screenHome || tc.want == "quit" && !quits(cmd) {
			t.Errorf("direct %v: esc on the first question went to %v", tc.opt.Direct, m.screen)
		}
	}
}

// At the smallest supported size every safety question still shows its
// answers, and every screen of the flow fits.
func TestFlowFitsSixtyByFifteen(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 60, Height: 15})
	m = keys(t, m, "enter")
	fits := func(stage string) {
		t.Helper()
		v := view(m)
		if n := strings.Count(v, "\n") + 1; n > 15 {
			t.Errorf("%s: %d rows", stage, n)
		}
		for _, l := range strings.Split(v, "\n") {
			if w := ansi.StringWidth(l); w > 60 {
				t.Errorf("%s: a row is %d wide: %q", stage, w, l)
			}
		}
	}
	for i := 0; m.screen == screenSafety; i++ {
		st := m.safety.gate.Step()
		fits(fmt.Sprintf("safety step %d (%v)", i, st.Kind))
		v := view(m)
		switch st.Kind {
		case safety.StepChest:
			if !strings.Contains(v, "Yes") || !strings.Contains(v, "No") {
				t.Fatalf("the chest question hides its answers at 60×15:\n%s", v)
			}
			m = keys(t, m, "n")
		case safety.StepChecklist:
			if !strings.Contains(v, "None of these") || !strings.Contains(v, "more lines") && len(st.Items) > 4 {
				t.Fatalf("checklist %s hides its answers or its items at 60×15:\n%s", st.Group.ID, v)
			}
			m = keys(t, m, "n")
		case safety.StepAge:
			m = keys(t, m, "2")
		default:
			if !strings.Contains(v, "more") && len(st.Items) > 4 {
				t.Fatalf("%v hides choices without saying so at 60×15:\n%s", st.Kind, v)
			}
			m = keys(t, m, "enter")
		}
	}
	fits("stop rules")
	m = keys(t, m, "enter")
	for m.screen == screenIntake {
		fits("intake")
		m = keys(t, m, "4", "enter")
	}
	fits("plan")
}

// esc steps back through the safety check and, on the first step, leaves
// it the way it came (home here), as its help line says.
func TestSafetyEscLeavesFromFirstQuestion(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	if m.screen != screenSafety || !strings.Contains(view(m), "esc back") {
		t.Fatalf("first step: screen %v\n%s", m.screen, view(m))
	}
	m = keys(t, m, "2")
	if m.safety.gate.Step().Kind != safety.StepChest || !strings.Contains(view(m), "esc previous") {
		t.Fatalf("second step: %v\n%s", m.safety.gate.Step().Kind, view(m))
	}
	m = keys(t, m, "esc")
	if m.screen != screenSafety || m.safety.gate.Step().Kind != safety.StepAge {
		t.Fatalf("esc on step 2: screen %v, step %v, want the age", m.screen, m.safety.gate.Step().Kind)
	}
	m = keys(t, m, "esc")
	if m.screen != screenHome {
		t.Fatalf("esc on step 1: screen %v, want home\n%s", m.screen, view(m))
	}
}

// With --hold (and --lead-in) the rows, the total and the hold line all
// say what the session will run, and +/- explain themselves instead of
// changing a hold the flag overrides.
func TestPlanScreenFollowsHoldFlag(t *testing.T) {
	prog := content.MustLoad()
	p, _ := prog.Program("desk-break")
	req := coach.Request{Expand: session.Options{Hold: 12 * time.Second, LeadIn: 2 * time.Second}}.ForProgram(prog, p, 1)
	m, _ := newFlow(t, Options{Request: req, Direct: true})
	m = answerSafety(t, m)
	m = keys(t, m, "enter", "3", "enter", "enter")
	if m.screen != screenPlan {
		t.Fatalf("screen %v, want the plan", m.screen)
	}
	var sum time.Duration
	for i := range m.plan.p.Items {
		sum += m.plan.itemTimes[i]
		if !strings.Contains(view(m), clock(m.plan.itemTimes[i])) {
			t.Errorf("row %d does not show %s:\n%s", i+1, clock(m.plan.itemTimes[i]), view(m))
		}
	}
	if sum != m.plan.total {
		t.Errorf("rows add up to %s, total says %s", clock(sum), clock(m.plan.total))
	}
	// Holds read m:ss everywhere, as the notes and the rows do (not Go's "12s").
	if v := view(m); !strings.Contains(v, "Hold 0:12, as --hold asks") || !strings.Contains(v, "every hold 0:12") || strings.Contains(v, "+/- to change") {
		t.Errorf("hold line ignores --hold:\n%s", v)
	}
	hold, total := m.plan.p.Items[0].HoldSeconds, m.plan.total
	m = keys(t, m, "+")
	if m.plan.p.Items[0].HoldSeconds != hold || m.plan.total != total || !strings.Contains(view(m), "--hold sets every hold to 0:12") {
		t.Errorf("+ under --hold: hold %d (was %d), total %s (was %s)\n%s", m.plan.p.Items[0].HoldSeconds, hold, clock(m.plan.total), clock(total), view(m))
	}
}

// A page already open when the terminal reports a light background is
// drawn again in the light colours, not with the styles it opened with.
func TestOpenPageTakesNewColours(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m)
	if m.screen != screenStopRules {
		t.Fatalf("screen %v, want the stop rules", m.screen)
	}
	dark := m.page.vp.GetContent()
	m, _ = update(t, m, tea.BackgroundColorMsg{Color: color.White})
	got, want := m.page.vp.GetContent(), stopRulesText(m.st, m.cat, m.result, m.page.width)
	if m.st.isDark || got == dark || got != want {
		t.Errorf("stop rules not redrawn in the light colours (dark styles %v)", m.st.isDark)
	}
}

// Sharp or shooting pain, numbness or tingling, and pain of 7 or more send
// the person to a clinician on every route: a personal plan, a program (the
// desk break, a routine) and a single technique.
func TestIntakeRefersOnEveryRoute(t *testing.T) {
	cat := content.MustLoad()
	p, _ := cat.Program("desk-break")
	tq, _ := cat.Technique("chin-tucks")
	routes := map[string]coach.Request{
		"personal plan":    coach.Request{}.ForPlan(),
		"program":          coach.Request{}.ForProgram(cat, p, 1),
		"single technique": coach.Request{}.ForTechniques(tq.Name, tq),
	}
	answers := map[string][]string{
		"sharp":  {"3", "enter", "4", "enter"},
		"numb":   {"3", "enter", "5", "enter"},
		"severe": {"7", "enter"},
	}
	for route, req := range routes {
		for what, ks := range answers {
			t.Run(route+"/"+what, func(t *testing.T) {
				m, _ := newFlow(t, Options{Request: req, Direct: true})
				m = answerSafety(t, m)
				m = keys(t, m, "enter") // stop rules
				if req.Personal() {
					m = keys(t, m, "enter") // areas as they are
				}
				m = keys(t, m, ks...)
				if m.screen != screenClinician {
					t.Fatalf("screen %v, want see a clinician first\n%s", m.screen, view(m))
				}
			})
		}
	}
}

// Tightness at the front of the chest asks the chest-pain question again;
// a yes ends on the emergency screen.
func TestChestTightnessRechecksChestPain(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m)
	m = keys(t, m, "enter") // stop rules
	chest := slices.IndexFunc(m.intake.asked[0].Choices, func(c coach.Choice) bool { return c.Value == "chest" })
	m.intake.qs[0].picked[chest] = true
	m = keys(t, m, "enter")
	if !strings.Contains(view(m), "chest") || m.intake.asked[m.intake.i].Kind != coach.YesNo {
		t.Fatalf("the chest question was not asked again:\n%s", view(m))
	}
	m = keys(t, m, "y")
	if m.screen != screenEmergency {
		t.Errorf("screen %v, want the emergency screen", m.screen)
	}
}

// Home → Guidance shows all the guidance; Home → Update my health answers
// asks the whole check again, age first, and comes back home.
func TestHomeGuidanceAndCheckIn(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m.follow(m.home.choose(menuItem{act: actGuide}))
	if m.screen != screenGuide || !strings.Contains(view(m), "Guidance") {
		t.Fatalf("guide: screen %v\n%s", m.screen, view(m))
	}
	m = keys(t, m, "esc")
	if m.screen != screenHome {
		t.Fatalf("esc from the guide went to %v", m.screen)
	}
	m = keys(t, m, "enter")
	m = answerSafety(t, m, "C2")
	m = keys(t, m, "q") // the stop rules: back home
	m.follow(m.home.choose(menuItem{act: actCheckIn}))
	if m.screen != screenSafety || m.safety.gate.Step().Kind != safety.StepAge {
		t.Fatalf("check-in: screen %v, step %v, want the age first", m.screen, m.safety.gate.Step().Kind)
	}
	m = answerSafety(t, m) // pregnancy now unticked
	if m.screen != screenHome || m.result.HasCaution("pregnancy") || !strings.Contains(view(m), "health answers are saved") {
		t.Errorf("after check-in: screen %v, cautions %v\n%s", m.screen, m.result.Cautions, view(m))
	}
}

// Slips cost little: q part-way through the check keeps today's answers,
// and starting again goes on from the same step; "I answered by mistake"
// on a stop steps back to the answer that stopped it.
func TestSafetySlipsCostLittle(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter", "2", "n") // age, chest: now at the urgent checklist
	if m.safety.gate.Step().Kind != safety.StepChecklist {
		t.Fatalf("step %v", m.safety.gate.Step().Kind)
	}
	m = keys(t, m, "q")
	if m.screen != screenHome {
		t.Fatalf("q went to %v", m.screen)
	}
	m = keys(t, m, "enter")
	if m.screen != screenSafety || m.safety.gate.Step().Kind != safety.StepChecklist || m.safety.gate.Step().Group.ID != content.GroupUrgent {
		t.Fatalf("starting again: screen %v, step %v, want the urgent checklist", m.screen, m.safety.gate.Step().Kind)
	}
	m = keys(t, m, "y")
	if m.screen != screenEmergency || !strings.Contains(view(m), "by mistake") {
		t.Fatalf("yes: screen %v\n%s", m.screen, view(m))
	}
	m = keys(t, m, "m")
	if m.screen != screenSafety || m.safety.gate.Step().Group.ID != content.GroupUrgent {
		t.Fatalf("by mistake: screen %v, step %v", m.screen, m.safety.gate.Step().Kind)
	}
	m = answerSafety(t, m)
	if m.screen != screenStopRules || !m.result.Outcome.AllowsSession() {
		t.Errorf("after correcting: screen %v, outcome %v", m.screen, m.result.Outcome)
	}
}

// The plan repeats what it changes for each caution: on its left-out page
// (l), which the plan screen points to.
func TestPlanRepeatsCautionAdaptations(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m, "C2") // pregnant
	m = keys(t, m, "enter")
	m = intakeToPlan(t, m)
	if !strings.Contains(view(m), "how the plan is adapted") {
		t.Errorf("the plan screen does not point to the adaptations:\n%s", view(m))
	}
	m = keys(t, m, "l")
	c, _ := m.cat.Caution("pregnancy")
	v := strings.Join(strings.Fields(view(m)), " ")
	if !strings.Contains(v, "Adapted for your cautions") || !strings.Contains(v, strings.Join(strings.Fields(c.Adaptation), " ")[:40]) {
		t.Errorf("left-out page lacks the pregnancy adaptation:\n%s", view(m))
	}
}

// New pain (a few days) brings the weekly checklists back before the plan,
// even the day after a full check.
func TestNewPainRechecks(t *testing.T) {
	m, clk := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m)
	m = keys(t, m, "q") // stop rules: home
	clk.advance(24 * time.Hour)
	m = toRecheck(t, m)
	if !strings.Contains(view(m), "new or worse pain") {
		t.Fatalf("new pain: the check does not say why\n%s", view(m))
	}
	m = answerSafety(t, m)
	if m.screen != screenPlan {
		t.Errorf("after the recheck: screen %v, want the plan", m.screen)
	}
}

// Each ticked caution's advice shows before the session; several signs
// picked are each named, with their advice, on the clinician page.
func TestSafetyAdviceShown(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m, "C4") // blood thinners
	q, _ := m.cat.Safety.Question("blood-thinners")
	v := strings.Join(strings.Fields(view(m)), " ")
	if m.screen != screenStopRules || !strings.Contains(v, "Your cautions") || !strings.Contains(v, strings.Join(strings.Fields(q.Why), " ")[:50]) {
		t.Errorf("caution advice not shown:\n%s", view(m))
	}
	m, _ = newFlow(t, Options{})
	m = keys(t, m, "enter")
	m = answerSafety(t, m, "B1", "B2")
	v = view(m)
	if m.screen != screenClinician || !strings.Contains(v, "temperature") || !strings.Contains(v, "lost weight") {
		t.Errorf("both signs not named:\n%s", v)
	}
}
