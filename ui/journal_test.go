package ui

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/coach/coachtest"
	"github.com/unknot/unknot/content"
)

// memStore is the coach's in-memory store, with the reads these tests use.
type memStore struct{ *coachtest.MemStore }

func newMemStore() *memStore { return &memStore{coachtest.NewMemStore()} }

// session is the i-th session written.
func (s *memStore) session(t *testing.T, i int) coach.Session {
	t.Helper()
	all, _ := s.Sessions(time.Time{})
	if i >= len(all) {
		t.Fatalf("%d sessions, want at least %d", len(all), i+1)
	}
	return all[i]
}

func (s *memStore) count() int {
	all, _ := s.Sessions(time.Time{})
	return len(all)
}

func (s *memStore) gentler() string {
	v, _ := s.Preference(coach.PrefGentler)
	return v
}

// scheduledTick stands in for a tick: tests move the clock themselves.
type scheduledTick struct{}

func noWait(time.Duration, int) tea.Cmd { return func() tea.Msg { return scheduledTick{} } }

// drain runs cmd and everything it leads to, feeding messages back into
// the model, and reports whether the program would quit.
func drain(t *testing.T, m *Model, cmd tea.Cmd) (*Model, bool) {
	t.Helper()
	if cmd == nil {
		return m, false
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil, scheduledTick:
		return m, false
	case tea.QuitMsg, tea.InterruptMsg:
		return m, true
	case tea.BatchMsg:
		quit := false
		for _, c := range msg {
			var q bool
			m, q = drain(t, m, c)
			quit = quit || q
		}
		return m, quit
	}
	// tea.Sequence's message is an unexported []tea.Cmd: run it in order.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		quit := false
		for i := range v.Len() {
			var q bool
			m, q = drain(t, m, v.Index(i).Interface().(tea.Cmd))
			quit = quit || q
		}
		return m, quit
	}
	if _, ok := msg.(tea.RawMsg); ok {
		return m, false // the bell
	}
	next, c := m.Update(msg)
	return drain(t, next.(*Model), c)
}

// do sends keys, running every command they lead to.
func do(t *testing.T, m *Model, ks ...string) (*Model, bool) {
	t.Helper()
	quit := false
	for _, k := range ks {
		next, cmd := m.Update(press(k))
		var q bool
		m, q = drain(t, next.(*Model), cmd)
		quit = quit || q
	}
	return m, quit
}

func newJournalFlow(t *testing.T, store *memStore) (*Model, *fakeClock) {
	t.Helper()
	clk := &fakeClock{t: t0}
	m := New(Options{Catalogue: content.MustLoad(), Now: clk.now, Store: store, Tick: noWait})
	m.opt.Request.Expand.LeadIn = -1
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = drain(t, m, m.Init())
	return m, clk
}

// runToEnd lets the running session finish by moving the clock.
func runToEnd(t *testing.T, m *Model, clk *fakeClock) *Model {
	t.Helper()
	for i := 0; m.screen == screenSession; i++ {
		if i > 5000 {
			t.Fatal("session never ended")
		}
		d, ok := m.session.ss.NextWake(clk.now())
		if !ok {
			t.Fatalf("nothing scheduled: %v", m.session.ss.Phase())
		}
		clk.advance(d)
		next, cmd := m.Update(tickMsg{at: clk.now(), gen: m.session.gen})
		m, _ = drain(t, next.(*Model), cmd)
	}
	return m
}

// startDeskBreak answers everything with defaults up to a started session
// of the desk break.
func startDeskBreak(t *testing.T, m *Model, painBefore string) *Model {
	t.Helper()
	return startProgram(t, m, "desk-break", painBefore)
}

// startProgram answers everything with defaults up to a started session
// of day 1 of the program id.
func startProgram(t *testing.T, m *Model, id, painBefore string) *Model {
	t.Helper()
	cat := m.cat
	p, _ := cat.Program(id)
	m.begin(coach.Request{}.ForProgram(cat, p, 1))
	for m.screen == screenSafety {
		m, _ = do(t, m, noToAll(m)...)
	}
	if m.screen == screenStopRules {
		m, _ = do(t, m, "enter")
	}
	m, _ = do(t, m, painBefore, "enter", "enter", "s") // pain, nothing sharp, start
	if m.screen != screenSession {
		t.Fatalf("screen %v, want session", m.screen)
	}
	return m
}

func TestJournalRecordsASessionStepByStep(t *testing.T) {
	store := newMemStore()
	m, clk := newJournalFlow(t, store)
	m = startDeskBreak(t, m, "5")
	if store.count() != 1 {
		t.Fatalf("no session row at the start")
	}
	js := store.session(t, 0)
	if js.Status != coach.StatusRunning || *js.PainBefore != 5 || js.Program != "desk-break" || len(js.Plan) == 0 {
		t.Errorf("session row at start = %+v", js)
	}
	if len(store.Safety()) != 1 || store.Safety()[0].Outcome != "clear" {
		t.Errorf("safety answers not kept: %+v", store.Safety())
	}
	// The first step's outcome is written when it ends, not before.
	m, _ = do(t, m, "n")
	js = store.session(t, 0)
	if len(js.Steps) != 1 || js.Steps[0].Outcome != coach.OutcomeSkipped {
		t.Fatalf("steps after one skip = %+v", js.Steps)
	}
	m = runToEnd(t, m, clk)
	js = store.session(t, 0)
	if js.Status != coach.StatusCompleted || len(js.Steps) != len(m.session.ss.Steps()) {
		t.Errorf("after the end: status %s, %d of %d steps", js.Status, len(js.Steps), len(m.session.ss.Steps()))
	}
	// Finish screen: pain now, a note, the change worded, advice.
	m, _ = do(t, m, "3", "enter")
	for _, r := range "eased, \"mostly\"" {
		m, _ = do(t, m, string(r))
	}
	m, _ = do(t, m, "enter")
	js = store.session(t, 0)
	if js.PainAfter == nil || *js.PainAfter != 3 || js.Note != "eased, \"mostly\"" {
		t.Errorf("pain after %v, note %q", js.PainAfter, js.Note)
	}
	v := strings.Join(strings.Fields(view(m)), " ")
	for _, want := range []string{"Down 2 points, from 5 to 3", "How often", "See a professional if"} {
		if !strings.Contains(v, want) {
			t.Errorf("finish screen lacks %q:\n%s", want, view(m))
		}
	}
	if store.gentler() != "" || m.known.Gentler {
		t.Error("a drop in pain made the next plan gentler")
	}
}

func TestPainUpTwoMakesTheNextPlanGentler(t *testing.T) {
	store := newMemStore()
	m, clk := newJournalFlow(t, store)
	m = startDeskBreak(t, m, "3")
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "5", "enter", "esc")
	if !strings.Contains(view(m), "Up 2 points") || store.gentler() != "yes" || !m.known.Gentler {
		t.Fatalf("pain up 2 not remembered:\n%s", view(m))
	}
	// The next personal plan says it is gentler.
	m, _ = do(t, m, "enter") // home
	m.begin(coach.Request{})
	for m.screen == screenSafety { // every session: is this happening now?
		m, _ = do(t, m, noToAll(m)...)
	}
	m, _ = do(t, m, "enter", "4", "enter", "enter", "enter", "enter", "enter", "enter", "2", "enter")
	if m.screen != screenPlan {
		t.Fatalf("screen %v", m.screen)
	}
	if !strings.Contains(strings.Join(m.plan.p.Notes, " "), "pain went up") {
		t.Errorf("plan notes = %v", m.plan.p.Notes)
	}
}

func TestQuitIsSavedBeforeTheProgramEnds(t *testing.T) {
	store := newMemStore()
	m, clk := newJournalFlow(t, store)
	m = startDeskBreak(t, m, "4")
	clk.advance(8 * time.Second)
	m, _ = drain(t, m, func() tea.Msg { return tickMsg{at: clk.now(), gen: m.session.gen} })
	m, _ = do(t, m, "q", "y")
	js := store.session(t, 0)
	if m.screen != screenSummary || js.Status != coach.StatusQuit {
		t.Errorf("screen %v, status %q", m.screen, js.Status)
	}
	// Pain now, after quitting: saved, so history has it.
	m, _ = do(t, m, "3", "enter", "enter")
	if js := store.session(t, 0); js.PainAfter == nil || *js.PainAfter != 3 {
		t.Errorf("pain after a quit session = %v", js.PainAfter)
	}
	if n := len(js.Steps); n != 1 || js.Steps[0].Outcome != coach.OutcomePartial {
		t.Errorf("the step in progress = %+v", js.Steps)
	}
}

func TestMultiDayProgramContinues(t *testing.T) {
	store := newMemStore()
	m, clk := newJournalFlow(t, store)
	p, _ := m.cat.Program("posture-3-day")
	m = startProgram(t, m, p.ID, "2")
	m = runToEnd(t, m, clk)
	if v := view(m); !strings.Contains(v, "Day 1 done; Day 2 tomorrow.") {
		t.Errorf("the finish screen does not say what comes next:\n%s", v)
	}
	m, _ = do(t, m, "2", "enter", "enter", "enter")
	if pr, _ := store.Progress("posture-3-day"); pr.Day != 2 || pr.Days != 3 {
		t.Fatalf("progress = %+v", pr)
	}
	if m.screen != screenHome {
		t.Fatalf("screen %v", m.screen)
	}
	// The same day: Day 2 is for tomorrow, not offered straight after.
	v := view(m)
	if strings.Contains(v, "Continue: ") || !strings.Contains(v, p.Name+": Day 2 of 3 is for tomorrow.") {
		t.Errorf("home offers day 2 the same day, or does not say when:\n%s", v)
	}
	if !strings.Contains(v, "Last session:") || !strings.Contains(v, "pain 2 → 2 (+0)") {
		t.Errorf("home does not show the last session:\n%s", v)
	}
	// The next calendar day it is offered first.
	clk.advance(24 * time.Hour)
	m, _ = drain(t, m, loadHistory(store, m.now))
	v = view(m)
	if !strings.Contains(v, "Continue: "+p.Name+" · Day 2 of 3") || strings.Contains(v, "for tomorrow") {
		t.Errorf("home does not offer day 2 the next day:\n%s", v)
	}
	// Picking it starts day 2 (safety is current, so straight to pain).
	m, _ = do(t, m, "enter")
	if m.req.Day != 2 || !strings.Contains(m.req.Title, "Day 2 of 3: Open the front") {
		t.Errorf("continue started %+v", m.req)
	}
}

// Ready-made routines start a program under way at its next day, and say
// which; on the last day the finish screen names the next stage, which
// Home offers from the next day.
func TestRoutinesContinueTheProgramAndOfferTheNextStage(t *testing.T) {
	store := newMemStore()
	m, clk := newJournalFlow(t, store)
	p, _ := m.cat.Program("posture-3-day")
	for day := 1; day <= 3; day++ {
		m, _ = do(t, m, "esc")
		m.show(screenRoutines)
		i := slices.IndexFunc(m.routines.list.Items(), func(li list.Item) bool { return li.(programItem).p.ID == p.ID })
		m.routines.list.Select(i)
		if day > 1 && !strings.Contains(view(m), fmt.Sprintf("Day %d of 3 next", day)) {
			t.Errorf("day %d: the routines list does not say the day:\n%s", day, view(m))
		}
		m, _ = do(t, m, "enter")
		if m.req.Day != day {
			t.Fatalf("day %d: routines started day %d", day, m.req.Day)
		}
		for m.screen == screenSafety {
			m, _ = do(t, m, noToAll(m)...)
		}
		m, _ = do(t, m, "enter", "2", "enter", "enter", "s")
		m = runToEnd(t, m, clk)
		if day == 3 && !strings.Contains(strings.Join(strings.Fields(view(m)), " "), "All 3 days of Three days to better posture done. Next stage, from tomorrow: Better posture, stage 2.") {
			t.Errorf("the last day's finish does not name the next stage:\n%s", view(m))
		}
		m, _ = do(t, m, "2", "enter", "enter", "enter")
		clk.advance(24 * time.Hour)
		m, _ = drain(t, m, loadHistory(store, m.now))
	}
	if v := view(m); !strings.Contains(v, "Next stage: Better posture, stage 2 · Day 1 of 3") {
		t.Errorf("home does not offer the next stage:\n%s", v)
	}
}

func TestSaveFailureIsShownAndTheCoachGoesOn(t *testing.T) {
	store := newMemStore()
	store.Fail = errors.New("disk I/O error")
	m, clk := newJournalFlow(t, store)
	m = startDeskBreak(t, m, "4")
	if m.store != nil || !strings.Contains(m.saveErr, "Not saving: disk I/O error") {
		t.Fatalf("failure not noticed: %q", m.saveErr)
	}
	if v := view(m); !strings.HasPrefix(v, "Not saving") || strings.Count(v, "\n")+1 != 24 {
		t.Errorf("session screen with the notice (%d rows):\n%s", strings.Count(v, "\n")+1, v)
	}
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "3", "enter", "enter")
	if v := view(m); !strings.Contains(v, "Not saving") || strings.Count(v, "\n")+1 != 24 {
		t.Errorf("not said on screen, or too tall:\n%s", v)
	}
}

// seeded builds a journal of sessions on consecutive days.
func seeded() *memStore { return seededN(4) }

// seededN is the first n sessions of seeded.
func seededN(n int) *memStore {
	store := newMemStore()
	techs := [][]string{{"shoulder-rolls", "doorway-chest-stretch"}, {"foam-roller-upper-back-roll", "shoulder-rolls"},
		{"foam-roller-upper-back-roll", "doorway-chest-stretch"}, {"shoulder-rolls"}}
	pains := [][2]int{{6, 4}, {5, 3}, {6, 3}, {4, 4}}
	for i, ts := range techs[:n] {
		start := t0.AddDate(0, 0, -len(techs)+1+i).Add(-time.Hour)
		b, a := pains[i][0], pains[i][1]
		js := coach.Session{ID: fmt.Sprintf("s%d", i), Started: start, Title: "Your plan for today", PainBefore: &b}
		store.StartSession(js)
		for k, tq := range ts {
			store.RecordStep(js.ID, coach.Step{Index: k, Technique: tq, Outcome: coach.OutcomeDone}, k)
		}
		store.FinishSession(js.ID, coach.StatusCompleted, start.Add(10*time.Minute))
		store.SetPainAfter(js.ID, a, "")
	}
	return store
}

func TestHistoryScreenGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Setenv("TZ", "UTC")
			m, _ := newJournalFlow(t, seeded())
			m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for it, _ := m.home.list.SelectedItem().(menuItem); it.act != actHistory; it, _ = m.home.list.SelectedItem().(menuItem) {
				m = keys(t, m, "down")
			}
			m, _ = do(t, m, "enter")
			if m.screen != screenHistory {
				t.Fatalf("screen %v", m.screen)
			}
			v := view(m)
			// Two sessions with the roller, and a 1.3-point average for the
			// rolls, are not a pattern: nothing is claimed.
			for _, want := range []string{"4 sessions", "streak 4 days", "What helps you", "Nothing stands out yet"} {
				if !strings.Contains(v, want) {
					t.Errorf("history lacks %q", want)
				}
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestWhatHelpsNeedsThreeSessions(t *testing.T) {
	store := seededN(2)
	m, _ := newJournalFlow(t, store)
	m.show(screenHistory)
	if v := view(m); strings.Contains(v, "points on average") || !strings.Contains(v, "After 3 sessions") {
		t.Errorf("what helps shown too early:\n%s", v)
	}
}

func TestFinishScreenGolden(t *testing.T) {
	m, clk := newJournalFlow(t, newMemStore())
	m = startDeskBreak(t, m, "6")
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "3", "enter", "esc")
	golden.RequireEqual(t, []byte(view(m)))
}

func TestChangeText(t *testing.T) {
	for _, tc := range []struct {
		before, after int
		want          string
	}{
		{6, 3, "a clear drop"},
		{5, 4, "about the same. A one-point change"},
		{4, 4, "no change"},
		{3, 4, "about the same"},
		{3, 5, "gentler"},
	} {
		if got := ChangeText(tc.before, tc.after); !strings.Contains(got, tc.want) {
			t.Errorf("ChangeText(%d, %d) = %q, want %q", tc.before, tc.after, got, tc.want)
		}
	}
}

// Leaving the finish screen at once does not lose pain-after: the quit
// waits until the write has landed.
func TestQuitWaitsForTheFinishWrite(t *testing.T) {
	store := newMemStore()
	m, clk := newJournalFlow(t, store)
	m.direct = true
	m = startDeskBreak(t, m, "5")
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "2", "enter")
	m, save := update(t, m, press("enter")) // saves; the write is not run yet
	if !m.finishPending {
		t.Fatal("finish write not pending")
	}
	m, cmd := update(t, m, press("enter")) // done: would quit
	if cmd != nil {
		if _, quit := drain(t, m, cmd); quit {
			t.Fatal("quit before pain-after was written")
		}
	}
	m, quit := drain(t, m, save)
	if !quit {
		t.Error("did not quit once the write landed")
	}
	if js := store.session(t, 0); js.PainAfter == nil || *js.PainAfter != 2 {
		t.Errorf("pain after = %v", js.PainAfter)
	}
}

// The finish screen gives every "see a professional" line, the nerve
// signs included, where the window has room.
func TestFinishShowsEveryProfessionalLine(t *testing.T) {
	m, clk := newJournalFlow(t, newMemStore())
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = startDeskBreak(t, m, "6")
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "3", "enter", "esc")
	v := strings.Join(strings.Fields(view(m)), " ")
	for _, line := range m.cat.Guidance.SeeAProfessional {
		if !strings.Contains(v, strings.Join(strings.Fields(line), " ")[:30]) {
			t.Errorf("finish screen lacks %q", line)
		}
	}
}

// Two weeks of sessions without easing: Home suggests a professional
// review, and says why.
func TestHomeSuggestsAReview(t *testing.T) {
	store := newMemStore()
	coachtest.SeedNoEasing(store, t0)
	m, _ := newJournalFlow(t, store)
	if v := strings.Join(strings.Fields(view(m)), " "); !strings.Contains(v, coachtest.ReviewWords) {
		t.Errorf("home does not suggest a review:\n%s", view(m))
	}
}

// The finish screen suggests the review too, after the pain score, and
// only when the journal calls for it.
func TestFinishSuggestsAReview(t *testing.T) {
	for _, seeded := range []bool{true, false} {
		store := newMemStore()
		if seeded {
			coachtest.SeedNoEasing(store, t0)
		}
		m, clk := newJournalFlow(t, store)
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 60})
		m = startDeskBreak(t, m, "6")
		m = runToEnd(t, m, clk)
		m, _ = do(t, m, "6", "enter", "esc")
		if m.screen != screenSummary {
			t.Fatalf("on screen %v, not the finish screen", m.screen)
		}
		if v := strings.Join(strings.Fields(view(m)), " "); strings.Contains(v, coachtest.ReviewWords) != seeded {
			t.Errorf("two weeks without easing %v: the finish screen's review is wrong:\n%s", seeded, view(m))
		}
	}
}

// A clear pattern is shown, worded as what followed the sessions, with
// their number.
func TestWhatHelpsShowsClearPatterns(t *testing.T) {
	store := newMemStore()
	for i := range 3 {
		start := t0.AddDate(0, 0, -3+i)
		b := 6
		id := fmt.Sprintf("c%d", i)
		store.StartSession(coach.Session{ID: id, Started: start, Title: "Chin tucks", PainBefore: &b})
		store.RecordStep(id, coach.Step{Index: 0, Technique: "chin-tucks", Outcome: coach.OutcomeDone}, 1)
		store.FinishSession(id, coach.StatusCompleted, start.Add(3*time.Minute))
		store.SetPainAfter(id, 3, "")
	}
	m, _ := newJournalFlow(t, store)
	m.follow(openScreen{screenHistory})
	if v := strings.Join(strings.Fields(view(m)), " "); !strings.Contains(v, "Sessions with Chin tucks were followed by pain 3.0 points lower on average (3 sessions)") {
		t.Errorf("the clear pattern is not shown:\n%s", view(m))
	}
}

// A returning person finds last time's answers ticked again, pain asked
// fresh: the same plan is enter, a pain score, and enter to the end.
func TestIntakeRemembersLastAnswers(t *testing.T) {
	store := newMemStore()
	m, clk := newJournalFlow(t, store)
	m.begin(coach.Request{})
	for m.screen == screenSafety {
		m, _ = do(t, m, noToAll(m)...)
	}
	m, _ = do(t, m, "enter")                    // stop rules
	m, _ = do(t, m, "4", "5", "3", "enter")     // areas: not the default
	m, _ = do(t, m, "4", "enter", "1", "enter") // pain 4, stiff
	for m.screen == screenIntake {
		m, _ = do(t, m, "enter")
	}
	m, _ = do(t, m, "s")
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "3", "enter", "enter", "enter")
	first := m.intakeAnswers
	clk.advance(24 * time.Hour)
	m.begin(coach.Request{})
	for m.screen == screenSafety {
		m, _ = do(t, m, noToAll(m)...)
	}
	m, _ = do(t, m, "enter") // stop rules
	if m.screen != screenIntake {
		t.Fatalf("screen %v", m.screen)
	}
	m, _ = do(t, m, "enter", "4", "enter") // areas as last time, pain 4
	for m.screen == screenIntake {
		m, _ = do(t, m, "enter")
	}
	got := m.intakeAnswers
	if !slices.Equal(got.Areas, first.Areas) || !slices.Equal(got.Feel, first.Feel) || got.Minutes != first.Minutes || got.Pain != 4 || m.screen != screenPlan {
		t.Errorf("second day: %+v, want last time's %+v with pain 4 (screen %v)", got, first, m.screen)
	}
}

// startAgain starts the app on store, as a returning person would, and
// begins a session from Home, past the safety questions.
func startAgain(t *testing.T, store *memStore, clk *fakeClock) *Model {
	t.Helper()
	m := New(Options{Catalogue: content.MustLoad(), Now: clk.now, Store: store, Tick: noWait, Safety: coach.LatestSafety(store)})
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = drain(t, m, m.Init())
	m, _ = do(t, m, "enter")
	for m.screen == screenSafety {
		m, _ = do(t, m, noToAll(m)...)
	}
	return m
}

// The full "when to stop" page the first time; later, with no cautions to
// advise on, a one-line reminder at the top of the intake.
func TestStopRulesOnceThenAReminder(t *testing.T) {
	store := newMemStore()
	clk := &fakeClock{t: t0}
	launch := func() *Model { return startAgain(t, store, clk) }
	m := launch()
	if m.screen != screenStopRules {
		t.Fatalf("first time: screen %v, want the stop rules", m.screen)
	}
	m, _ = do(t, m, "enter")
	clk.advance(24 * time.Hour)
	m = launch()
	if m.screen != screenIntake || !strings.Contains(view(m), "When to stop:") {
		t.Errorf("next day: screen %v\n%s", m.screen, view(m))
	}
}

// Repeat last session is Home's first entry for a returning person, and
// reaches a countdown in 4 keys after the safety questions.
func TestRepeatLastSession(t *testing.T) {
	store := newMemStore()
	clk := &fakeClock{t: t0}
	launch := func() *Model {
		m := New(Options{Catalogue: content.MustLoad(), Now: clk.now, Store: store, Tick: noWait, Safety: coach.LatestSafety(store)})
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		m, _ = drain(t, m, m.Init())
		return m
	}
	m := launch()
	tq, _ := m.cat.Technique("chin-tucks")
	m.begin(coach.Request{}.ForTechniques(tq.Name, tq))
	for m.screen == screenSafety {
		m, _ = do(t, m, noToAll(m)...)
	}
	m, _ = do(t, m, "enter", "3", "enter", "enter", "s")
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "3", "enter", "enter", "enter")

	clk.advance(24 * time.Hour)
	m = launch()
	if it, _ := m.home.list.SelectedItem().(menuItem); it.act != actRepeat || !strings.Contains(view(m), "Repeat last session: Chin tucks") {
		t.Fatalf("home's first entry is %v:\n%s", it.act, view(m))
	}
	m, _ = do(t, m, "enter")
	for m.screen == screenSafety {
		m, _ = do(t, m, noToAll(m)...)
	}
	keys := []string{"3", "enter", "enter", "s"} // pain, nothing sharp, start
	m, _ = do(t, m, keys...)
	if m.screen != screenSession || m.session.ss.Steps()[0].TechniqueID != tq.ID {
		t.Errorf("after %d keys: screen %v", len(keys), m.screen)
	}
}

// The "not saving" notice wraps so its cause shows in full, and the screen
// still fits.
func TestNotSavingWraps(t *testing.T) {
	cause := "Not saving: /home/someone/.local/share/unknot/unknot.db: another program is holding the journal locked (database is locked)"
	m := New(Options{Catalogue: content.MustLoad(), Now: (&fakeClock{t: t0}).now, SaveError: cause})
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 60, Height: 15})
	v := view(m)
	if got := strings.Join(strings.Fields(v), " "); !strings.Contains(got, "(database is locked)") {
		t.Errorf("the cause is cut off:\n%s", v)
	}
	if n := strings.Count(v, "\n") + 1; n > 15 {
		t.Errorf("%d rows at height 15", n)
	}
}

// Home for a returning person with a program under way and a session
// since: Continue first, then Repeat, and every entry on one page.
func TestHomeReturningGolden(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Setenv("TZ", "UTC")
			store := seededN(2)
			yesterday := t0.AddDate(0, 0, -1)
			store.SetProgress(coach.Progress{Program: "posture-3-day", Day: 2, Days: 3, Updated: yesterday})
			m, _ := newJournalFlow(t, store)
			m, _ = update(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			v := view(m)
			if got := strings.Count(v, "\n") + 1; got > size[1] {
				t.Errorf("home is %d rows at height %d", got, size[1])
			}
			for _, want := range []string{"Continue: Three days to better posture · Day 2 of 3", "Repeat last session", "History", "Quit"} {
				if !strings.Contains(v, want) && size[1] >= 24 {
					t.Errorf("home lacks %q:\n%s", want, v)
				}
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// The plan at 120×40: the table's columns line up, with dose and kit.
func TestPlanWideGolden(t *testing.T) {
	m, _ := newJournalFlow(t, newMemStore())
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = toIntake(t, m, coach.Request{}.ForPlan())
	for i := 0; m.screen == screenIntake && i < 20; i++ {
		m, _ = do(t, m, "3", "enter")
	}
	if m.screen != screenPlan {
		t.Fatalf("screen %v:\n%s", m.screen, view(m))
	}
	golden.RequireEqual(t, []byte(view(m)))
}

// Day 2 of a program is for the day after Day 1. Ready-made routines says
// "tomorrow", so enter asks first; a second enter starts it today, and any
// other key drops the question.
func TestRoutinesAskBeforeADayMeantForTomorrow(t *testing.T) {
	store := newMemStore()
	m, clk := newJournalFlow(t, store)
	p, _ := m.cat.Program("posture-3-day")
	pick := func(m *Model) *Model {
		m.show(screenRoutines)
		i := slices.IndexFunc(m.routines.list.Items(), func(li list.Item) bool { return li.(programItem).p.ID == p.ID })
		m.routines.list.Select(i)
		return m
	}
	m, _ = do(t, m, "esc")
	m, _ = do(t, pick(m), "enter")
	for m.screen == screenSafety {
		m, _ = do(t, m, noToAll(m)...)
	}
	m, _ = do(t, m, "enter", "2", "enter", "enter", "s")
	m = runToEnd(t, m, clk)
	m, _ = do(t, m, "2", "enter", "enter", "enter")
	clk.advance(time.Hour) // the same day
	m, _ = drain(t, m, loadHistory(store, m.now))

	const ask = "Day 2 of 3 is meant for tomorrow, after a day's rest. Press enter again to do it today."
	m = pick(m)
	if v := view(m); !strings.Contains(v, "Day 2 of 3 tomorrow") {
		t.Fatalf("the list does not say Day 2 is for tomorrow:\n%s", v)
	}
	m, _ = do(t, m, "enter")
	v := view(m)
	if m.screen != screenRoutines || !strings.Contains(strings.Join(strings.Fields(v), " "), ask) {
		t.Fatalf("enter on a day meant for tomorrow did not ask first (screen %v):\n%s", m.screen, v)
	}
	if rows := strings.Count(v, "\n") + 1; rows > m.height {
		t.Errorf("with the question the screen is %d rows, taller than %d:\n%s", rows, m.height, v)
	}
	m, _ = do(t, m, "down", "up")
	if v := view(m); strings.Contains(v, "meant for tomorrow") {
		t.Errorf("moving on did not drop the question:\n%s", v)
	}
	m, _ = do(t, m, "enter", "enter")
	if m.screen == screenRoutines || m.req.Day != 2 || !m.req.Early {
		t.Errorf("two enters: screen %v, day %d, early %v; want Day 2 started, marked early", m.screen, m.req.Day, m.req.Early)
	}
}

// The next stage waits for tomorrow too: on the day its first stage
// ended, Ready-made routines says so and asks before starting it.
func TestRoutinesHoldTheNextStageForTomorrow(t *testing.T) {
	m, _ := newFlow(t, Options{})
	m.routines.setProgress([]coach.Progress{{Program: "posture-3-day", Day: 4, Days: 3, Updated: m.now()}}, m.now())
	m.show(screenRoutines)
	i := slices.IndexFunc(m.routines.list.Items(), func(li list.Item) bool { return li.(programItem).p.ID == "posture-stage-2" })
	m.routines.list.Select(i)
	if v := view(m); !strings.Contains(v, "Day 1 of 3 tomorrow") {
		t.Errorf("the list does not say the stage is for tomorrow:\n%s", v)
	}
	m = keys(t, m, "enter")
	if v := strings.Join(strings.Fields(view(m)), " "); m.screen != screenRoutines || !strings.Contains(v, "Better posture, stage 2, day 1 of 3, is meant for tomorrow") {
		t.Fatalf("enter did not ask first (screen %v):\n%s", m.screen, view(m))
	}
	m = keys(t, m, "enter")
	if m.screen != screenSafety || m.req.Program != "posture-stage-2" || m.req.Day != 1 || !m.req.Early {
		t.Errorf("the second enter: screen %v, %s day %d early %v", m.screen, m.req.Program, m.req.Day, m.req.Early)
	}
}

// Every way out of the finish screen leaves Home and History up to date
// with the session just done, the pain score skipped or given.
func TestFinishRefreshesHomeAndHistoryOnEveryRoute(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"esc at the pain question", []string{"esc", "enter"}},
		{"esc at the note", []string{"3", "enter", "esc", "enter"}},
		{"enter at the note", []string{"3", "enter", "enter", "enter"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := newMemStore()
			m, clk := newJournalFlow(t, store)
			m = startDeskBreak(t, m, "5")
			m = runToEnd(t, m, clk)
			m, _ = do(t, m, tc.keys...)
			if m.screen != screenHome {
				t.Fatalf("screen %v, want home", m.screen)
			}
			if v := view(m); !strings.Contains(v, "Last session:") || !strings.Contains(v, "Repeat last session") {
				t.Errorf("home does not show the session just done:\n%s", v)
			}
			m.show(screenHistory)
			if v := view(m); !strings.Contains(v, "1 session ·") || strings.Contains(v, "No sessions yet.") {
				t.Errorf("history does not count the session just done:\n%s", v)
			}
		})
	}
}

// A program day with every step skipped is not a day done: the finish
// screen says nothing was done, the session is saved as quit and the
// program stays on its day.
func TestEveryStepSkippedIsNotADayDone(t *testing.T) {
	store := newMemStore()
	m, _ := newJournalFlow(t, store)
	p, _ := m.cat.Program("posture-3-day")
	m = startProgram(t, m, p.ID, "2")
	for i := 0; m.screen == screenSession; i++ {
		if i > 100 {
			t.Fatal("skipping never ended the session")
		}
		m, _ = do(t, m, "n")
	}
	v := view(m)
	for _, want := range []string{"Nothing done", "every step was skipped"} {
		if !strings.Contains(v, want) {
			t.Errorf("the finish screen lacks %q:\n%s", want, v)
		}
	}
	for _, not := range []string{"Session complete", "Day 1 done"} {
		if strings.Contains(v, not) {
			t.Errorf("the finish screen says %q:\n%s", not, v)
		}
	}
	if line := m.summary.Line(); !strings.HasPrefix(line, "Nothing done: ") {
		t.Errorf("line = %q", line)
	}
	m, _ = do(t, m, "2", "enter", "enter", "enter")
	if js := store.session(t, 0); js.Status != coach.StatusQuit {
		t.Errorf("status = %q, want %q", js.Status, coach.StatusQuit)
	}
	if pr, ok := store.Progress("posture-3-day"); ok {
		t.Errorf("progress recorded: %+v", pr)
	}
	if v := view(m); strings.Contains(v, "Day 2 of 3") {
		t.Errorf("home moves the program on:\n%s", v)
	}
}
