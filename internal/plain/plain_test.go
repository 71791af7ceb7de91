package plain

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/coach/coachtest"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/session"
)

// fakeClock moves time forward as soon as it is asked to wait.
type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time { return c.t }
func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.t = c.t.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.t
	return ch
}

var t0 = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

// firstGate answers a first safety check, all clear: age 20 to 50, nothing
// happening now, none of the three checklists, no cautions.
const firstGate = "2\nn\nn\nn\nn\nn\n\n"

// laterGate answers a check within the week: nothing happening now, the
// cautions as they were.
const laterGate = "n\nn\n\n"

func runner(answers string) (*Runner, *bytes.Buffer) {
	var out bytes.Buffer
	return &Runner{Cat: content.MustLoad(), Out: &out, In: strings.NewReader(answers), Clock: &fakeClock{t: t0}}, &out
}

func selection(ids ...string) coach.Request {
	cat := content.MustLoad()
	var techs []content.Technique
	for _, id := range ids {
		t, _ := cat.Technique(id)
		techs = append(techs, t)
	}
	return coach.Request{Expand: session.Options{LeadIn: -1}}.ForTechniques("Test routine", techs...)
}

// The whole plain-mode run, safety check to finish, is a fixed transcript.
func TestPlainTranscript(t *testing.T) {
	r, out := runner(firstGate + "4\n\n" + "2\nfelt easier\n")
	if _, err := r.Run(selection("shoulder-rolls", "doorway-chest-stretch")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Step 1 of 6: Shoulder rolls", "Switch sides.", "10 seconds left.", "Done.",
		"Session complete: 6 done", "Down 2 points"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
	if strings.Contains(out.String(), "\x1b") {
		t.Error("escape codes in plain output")
	}
	golden.RequireEqual(t, out.Bytes())
}

func TestPlainEmergencyStopsEverything(t *testing.T) {
	r, out := runner("2\ny\n")
	res, err := r.Run(selection("shoulder-rolls"))
	if err != nil || res.Outcome.AllowsSession() {
		t.Fatalf("outcome %v, %v", res.Outcome, err)
	}
	if !strings.Contains(out.String(), "CALL 999 / 112 / 911 NOW") || strings.Contains(out.String(), "Step 1") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestPlainNeedsAnswers(t *testing.T) {
	r, _ := runner("2\nn\n")
	if _, err := r.Run(selection("shoulder-rolls")); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("err = %v", err)
	}
}

func TestPlainReasksBadAnswers(t *testing.T) {
	r, out := runner("2\nmaybe\n" + firstGate[2:] + "eleven\n12\n3\n\n")
	if _, err := r.Run(selection("chin-tucks")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Please answer y or n.") || strings.Count(out.String(), "Please answer with a number from 0 to 10.") != 2 {
		t.Errorf("bad answers not re-asked:\n%s", out.String())
	}
}

// A personal plan in plain mode asks the numbered intake.
func TestPlainPersonalPlan(t *testing.T) {
	r, out := runner(firstGate + "\n3\n1\n\n\n\n6\n2\n\n")
	req := coach.Request{Expand: session.Options{Hold: 5 * time.Second, LeadIn: 0}}
	if _, err := r.Run(req); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"1. Where does it hurt?", "Where are you?", "At my desk (no floor)", "What do you have to hand?", "Your plan for today (", "Session complete"} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q:\n%s", want, s)
		}
	}
	// The heading says how long the session runs with --hold 5s, as the
	// start line does, not the plan's own holds.
	heading := regexp.MustCompile(`Your plan for today \(([0-9:]+) planned · 5 min asked\):`).FindStringSubmatch(s)
	start := regexp.MustCompile(`Starting Your plan for today: \d+ steps, about ([0-9:]+)\.`).FindStringSubmatch(s)
	if heading == nil || start == nil || heading[1] != start[1] {
		t.Errorf("the heading and the start line disagree on the length (%q, %q):\n%s", heading, start, s)
	}
}

func TestPlainSpeaksEachLine(t *testing.T) {
	voice := &cue.Fake{}
	r, _ := runner(firstGate + "3\n\n")
	r.Cues = voice
	r.Run(selection("chin-tucks"))
	texts := voice.Texts()
	if len(texts) == 0 || !strings.HasPrefix(texts[0], "Step 1 of") {
		t.Errorf("spoken: %q", texts)
	}
}

// --hold is what the session runs, so it is what the journal keeps.
func TestPlainRecordsTheHoldOverride(t *testing.T) {
	store := coachtest.NewMemStore()
	r, _ := runner(firstGate + "4\n\n" + "3\n\n")
	r.Store = store
	req := selection("doorway-chest-stretch")
	req.Expand = session.Options{Hold: 3 * time.Second, LeadIn: 0}
	if _, err := r.Run(req); err != nil {
		t.Fatal(err)
	}
	sessions, _ := store.Sessions(time.Time{})
	if len(sessions) != 1 || len(sessions[0].Plan) != 1 {
		t.Fatalf("sessions = %+v", sessions)
	}
	if got := sessions[0].Plan[0].HoldSeconds; got != 3 {
		t.Errorf("hold_seconds = %d, want 3 (--hold 3s)", got)
	}
}

// A rise of 2 or more makes the next plan gentler, and a later session
// without one clears it, in plain mode as in the TUI.
func TestPlainSetsAndClearsGentler(t *testing.T) {
	store := coachtest.NewMemStore()
	for i, tc := range []struct {
		before, after string
		want          bool
	}{
		{"3", "6", true},
		{"4", "3", false},
	} {
		answers := tc.before + "\n\n" + tc.after + "\n\n"
		if i == 0 {
			answers = firstGate + answers // the first run answers the whole safety check
		} else {
			answers = laterGate + answers
		}
		r, out := runner(answers)
		r.Store = store
		req := selection("chin-tucks")
		req.Expand = session.Options{Hold: time.Second, LeadIn: 0}
		if _, err := r.Run(req); err != nil {
			t.Fatalf("run %d: %v\n%s", i, err, out)
		}
		known, err := coach.Load(store, r.Clock.Now())
		if err != nil || known.Gentler != tc.want {
			t.Errorf("after %s → %s: gentler = %v, want %v (%v)", tc.before, tc.after, known.Gentler, tc.want, err)
		}
	}
}

// ctrl+c in raw mode stops the session, saved as quit, and says the run
// was interrupted (exit status 130), where q ends it normally.
func TestPlainCtrlCIsAnInterrupt(t *testing.T) {
	for _, tc := range []struct {
		key  rune
		want error
	}{
		{3, ErrInterrupted},
		{'q', nil},
	} {
		store := coachtest.NewMemStore()
		r, out := runner(firstGate + "4\n\n")
		r.Store = store
		keys := make(chan rune, 1)
		keys <- tc.key
		r.Keys = keys
		req := selection("chin-tucks")
		if _, err := r.Run(req); !errors.Is(err, tc.want) {
			t.Errorf("key %q: err = %v, want %v", tc.key, err, tc.want)
		}
		sessions, _ := store.Sessions(time.Time{})
		if len(sessions) != 1 || sessions[0].Status != coach.StatusQuit || !strings.Contains(out.String(), "Session stopped") {
			t.Errorf("key %q: sessions %+v\n%s", tc.key, sessions, out)
		}
	}
}

// The gate is short: a first run takes 7 answers (age, the two "happening
// now" questions, three checklists, cautions), and a second run the same
// week 3, on the same journal. Each run gets exactly those answers and
// must still reach the session.
func TestPlainGateLength(t *testing.T) {
	store := coachtest.NewMemStore()
	for i, gate := range []string{firstGate, laterGate} {
		if n := strings.Count(gate, "\n"); n > map[int]int{0: 10, 1: 3}[i] {
			t.Fatalf("run %d: %d answers through the gate", i+1, n)
		}
		r, out := runner(gate + "4\n\n3\n\n")
		r.Store = store
		r.Clock = &fakeClock{t: t0.Add(time.Duration(i) * 24 * time.Hour)}
		if _, err := r.Run(selection("chin-tucks")); err != nil {
			t.Fatalf("run %d: %v\n%s", i+1, err, out)
		}
		if !strings.Contains(out.String(), "Session complete") {
			t.Fatalf("run %d did not reach the session:\n%s", i+1, out)
		}
		if i == 1 && strings.Contains(out.String(), "Your health") {
			t.Errorf("the weekly checklists were asked again the next day")
		}
	}
}

// After a stop, guided sessions are off for the rest of the day, and the
// run says so without asking again.
func TestPlainStopLastsTheDay(t *testing.T) {
	store := coachtest.NewMemStore()
	r, _ := runner("2\nn\ny\n")
	r.Store = store
	if res, err := r.Run(selection("chin-tucks")); err != nil || res.Outcome.AllowsSession() {
		t.Fatalf("urgent sign: %v, %v", res.Outcome, err)
	}
	later, out := runner("")
	later.Store = store
	later.Clock = &fakeClock{t: t0.Add(3 * time.Hour)}
	res, err := later.Run(selection("chin-tucks"))
	if err != nil || res.Outcome.AllowsSession() || !strings.Contains(out.String(), "off for the rest of today") ||
		strings.Contains(out.String(), "Step 1") {
		t.Errorf("the same day: %v %v\n%s", res.Outcome, err, out)
	}
	next, out := runner("n\nn\nn\nn\nn\n\n" + "4\n\n3\n\n")
	next.Store = store
	next.Clock = &fakeClock{t: t0.Add(24 * time.Hour)}
	if _, err := next.Run(selection("chin-tucks")); err != nil || !strings.Contains(out.String(), "Your health") {
		t.Errorf("the next day the checklists are asked again after a stop: %v\n%s", err, out)
	}
}

// unknot check-in in plain mode asks everything again and keeps it.
func TestPlainCheckIn(t *testing.T) {
	store := coachtest.NewMemStore()
	r, _ := runner(firstGate + "4\n\n3\n\n")
	r.Store = store
	if _, err := r.Run(selection("chin-tucks")); err != nil {
		t.Fatal(err)
	}
	in, out := runner("4\nn\nn\nn\nn\nn\n2\n") // 65 or older, pregnant now
	in.Store = store
	res, err := in.CheckIn()
	if err != nil || !res.HasCaution("pregnancy") || res.Age != "65-plus" || !strings.Contains(out.String(), "How old are you?") ||
		!strings.Contains(out.String(), "health answers are saved") {
		t.Errorf("check-in: %+v %v\n%s", res.Cautions, err, out)
	}
	if got := coach.LatestSafety(store); !got.HasCaution("pregnancy") {
		t.Error("check-in answers not kept")
	}
}

// Each ticked caution's advice is printed after the check, and the plan
// repeats what it changes for it.
func TestPlainCautionAdvice(t *testing.T) {
	r, out := runner("2\nn\nn\nn\nn\nn\n2\n" + "4\n\n3\n\n") // pregnant
	if _, err := r.Run(selection("chin-tucks")); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"Your cautions:", "Pregnancy: Your plan will use standing", "Adapted for Pregnancy:"} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q:\n%s", want, s)
		}
	}
}

// Pain clearly worse than at the last session brings the weekly
// checklists back before the plan.
func TestPlainWorsePainRechecks(t *testing.T) {
	store := coachtest.NewMemStore()
	r, _ := runner(firstGate + "2\n\n2\n\n")
	r.Store = store
	if _, err := r.Run(selection("chin-tucks")); err != nil {
		t.Fatal(err)
	}
	next, out := runner(laterGate + "6\n\n" + "n\nn\nn\n" + "6\n\n")
	next.Store = store
	next.Clock = &fakeClock{t: t0.Add(24 * time.Hour)}
	if _, err := next.Run(selection("chin-tucks")); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	s := out.String()
	if !strings.Contains(s, "new or clearly worse") || !strings.Contains(s, "Your health") || !strings.Contains(s, "Session complete") {
		t.Errorf("no recheck before the session:\n%s", s)
	}
}

// Sharp pain, numbness and pain of 7 or more refer on a program or a
// chosen technique too, not only on a personal plan.
func TestPlainRefersOnEveryRoute(t *testing.T) {
	for _, tail := range []string{"3\n4\n", "3\n5\n", "7\n"} {
		r, out := runner(firstGate + tail)
		res, err := r.Run(selection("chin-tucks"))
		if err != nil || res.Outcome.AllowsSession() || !strings.Contains(out.String(), "See a clinician first") {
			t.Errorf("%q: %v %v\n%s", tail, res.Outcome, err, out)
		}
	}
}

// --hold cannot go past what a technique allows: 30 minutes of pressure
// on one spot becomes the technique's limit, and the run says so once.
func TestPlainHoldIsCapped(t *testing.T) {
	store := coachtest.NewMemStore()
	r, out := runner(firstGate + "3\n\n3\n\n")
	r.Store = store
	req := selection("tennis-ball-spine-release")
	req.Expand = session.Options{Hold: 30 * time.Minute, LeadIn: 0}
	if _, err := r.Run(req); err != nil {
		t.Fatal(err)
	}
	tq, _ := content.MustLoad().Technique("tennis-ball-spine-release")
	sessions, _ := store.Sessions(time.Time{})
	if got := sessions[0].Plan[0].HoldSeconds; got != tq.Dosage.MaxHoldSeconds || got > content.MaxPressureHold {
		t.Errorf("hold_seconds = %d, want the technique's limit %d", got, tq.Dosage.MaxHoldSeconds)
	}
	for _, st := range sessions[0].Steps {
		if st.PlannedSeconds > float64(content.MaxPressureHold) {
			t.Errorf("step %d planned %.0f s", st.Index, st.PlannedSeconds)
		}
	}
	if n := strings.Count(out.String(), "--hold 30:00 is longer than"); n != 1 {
		t.Errorf("said %d times that --hold was capped:\n%s", n, out)
	}
}

// A caution that narrows the limit narrows --hold too, and the note names
// the narrowed figure: on blood thinners the ball at the wall (90 s on its
// own) holds 1:00, and plain mode says so once.
func TestPlainHoldIsCappedByCaution(t *testing.T) {
	store := coachtest.NewMemStore()
	// The first safety check with caution 4, blood thinners, ticked.
	r, out := runner(strings.TrimSuffix(firstGate, "\n") + "4\n" + "3\n\n3\n\n")
	r.Store = store
	req := selection("wall-ball-upper-back")
	req.Expand = session.Options{Hold: 30 * time.Minute, LeadIn: 0}
	if _, err := r.Run(req); err != nil {
		t.Fatal(err)
	}
	const limit = plan.BloodThinnerMaxHold
	if tq, _ := content.MustLoad().Technique("wall-ball-upper-back"); tq.Dosage.MaxHoldSeconds <= limit {
		t.Fatalf("the ball at the wall allows %d s on its own: the test needs more than %d", tq.Dosage.MaxHoldSeconds, limit)
	}
	sessions, _ := store.Sessions(time.Time{})
	if got := sessions[0].Plan[0].HoldSeconds; got != limit {
		t.Errorf("hold_seconds = %d, want %d", got, limit)
	}
	for _, st := range sessions[0].Steps {
		if st.PlannedSeconds > limit {
			t.Errorf("step %d planned %.0f s", st.Index, st.PlannedSeconds)
		}
	}
	if n := strings.Count(out.String(), "--hold 30:00 is longer than Ball against the wall allows; using 1:00."); n != 1 {
		t.Errorf("said %d times that --hold was capped at 1:00:\n%s", n, out)
	}
}

// After the pain score, plain mode suggests the two-week review when the
// journal calls for it, and only then.
func TestPlainSuggestsAReview(t *testing.T) {
	for _, seeded := range []bool{true, false} {
		store := coachtest.NewMemStore()
		if seeded {
			coachtest.SeedNoEasing(store, t0)
		}
		r, out := runner(firstGate + "6\n\n" + "6\n\n")
		r.Store = store
		req := selection("shoulder-rolls")
		req.Expand = session.Options{Hold: time.Second, LeadIn: 0}
		if _, err := r.Run(req); err != nil {
			t.Fatal(err)
		}
		s := strings.Join(strings.Fields(out.String()), " ")
		if strings.Contains(s, coachtest.ReviewWords) != seeded {
			t.Errorf("two weeks without easing %v: the review is wrong:\n%s", seeded, out)
		}
		if seeded && strings.Index(s, coachtest.ReviewWords) < strings.Index(s, "How is the pain now?") {
			t.Errorf("the review comes before the pain score:\n%s", out)
		}
	}
}

// With reduced sensation, a chosen routine that --hold makes long is kept
// to 10 minutes: plain mode says why once and names each technique left
// out.
func TestPlainKeepsReducedSensationShort(t *testing.T) {
	// The first safety check with caution 8, reduced sensation, ticked.
	r, out := runner(strings.TrimSuffix(firstGate, "\n") + "8\n" + "3\n\n3\n\n")
	req := selection("shoulder-rolls", "cat-cow", "thread-the-needle", "open-book-rotation", "reclining-twist", "puppy-pose", "childs-pose", "posture-reset")
	req.Expand = session.Options{Hold: 90 * time.Second, LeadIn: -1}
	if _, err := r.Run(req); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if n := strings.Count(s, plan.ShortNote); n != 1 {
		t.Errorf("said %d times why the session is short:\n%s", n, s)
	}
	if !strings.Contains(s, ". "+plan.ShortReason) {
		t.Errorf("no technique listed as left out to keep it short:\n%s", s)
	}
	_, start, _ := strings.Cut(s, "Starting Test routine: ")
	_, about, _ := strings.Cut(start, "about ")
	var m, sec int
	if n, _ := fmt.Sscanf(about, "%d:%d", &m, &sec); n != 2 || m*60+sec > plan.ShortSessionMinutes*60 {
		t.Errorf("the session runs about %.5s, want at most %d:00", about, plan.ShortSessionMinutes)
	}
}

// When a technique starts, plain mode says how to do it and its key
// precaution ("keep the balls off the spine"), once per technique.
func TestPlainSaysHowAndTakeCare(t *testing.T) {
	r, out := runner(firstGate + "3\n\n3\n\n")
	req := selection("tennis-ball-spine-release")
	req.Expand = session.Options{Hold: time.Second, LeadIn: 0}
	if _, err := r.Run(req); err != nil {
		t.Fatal(err)
	}
	tq, _ := content.MustLoad().Technique("tennis-ball-spine-release")
	s := out.String()
	if !strings.Contains(s, "1. "+tq.Steps[0]) || strings.Count(s, "Take care: "+tq.KeyPrecaution()) != 1 {
		t.Errorf("steps or precaution missing, or said more than once:\n%s", s)
	}
}

// Last time's answers are the defaults the next time (pain asked fresh),
// so a returning person presses Enter through the intake.
func TestPlainIntakeRemembersLastAnswers(t *testing.T) {
	store := coachtest.NewMemStore()
	// Areas mid back and low back, pain 3, stiff, a few weeks, desk work,
	// at the desk, nothing to hand, 5 minutes, gentle.
	r, out := runner(firstGate + "4 5\n3\n1\n2\n1\n2\n\n2\n1\n" + "3\n\n")
	r.Store = store
	req := coach.Request{Expand: session.Options{Hold: time.Second, LeadIn: 0}}
	if _, err := r.Run(req); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	next, out := runner(laterGate + "\n3\n\n\n\n\n\n\n\n" + "3\n\n")
	next.Store = store
	next.Clock = &fakeClock{t: t0.Add(24 * time.Hour)}
	if _, err := next.Run(req); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// The rules once read, a reminder that says where the rest are.
	if !strings.Contains(out.String(), coach.StopRulesReminder+" The full rules: unknot guide.") {
		t.Errorf("no reminder on the second day:\n%s", out)
	}
	var got plan.Intake
	if ok, _ := store.LastIntake(&got); !ok || !slices.Equal(got.Areas, []string{"mid-back", "low-back"}) ||
		!slices.Equal(got.Feel, []string{plan.FeelStiff}) || got.Minutes != 5 || got.Pressure != plan.PressureGentle || !got.AtDesk() {
		t.Errorf("second day's intake = %+v", got)
	}
}

// At the desk, plain mode's plan stays off the floor: nothing to hand and
// 15 minutes would otherwise bring cat-cow and child's pose.
func TestPlainDeskPlanStaysOffTheFloor(t *testing.T) {
	plans := map[string]string{}
	for _, place := range []string{"1", "2"} {
		r, out := runner(firstGate + "\n3\n1\n\n\n" + place + "\n\n4\n\n")
		if _, err := r.Run(coach.Request{Expand: session.Options{Hold: time.Second, LeadIn: 0}}); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		plans[place] = out.String()
	}
	floor := 0
	for _, tq := range content.MustLoad().Techniques {
		if !tq.Position.OnFloor() {
			continue
		}
		if strings.Contains(plans["1"], ". "+tq.Name+" (") {
			floor++
		}
		if strings.Contains(plans["2"], ". "+tq.Name+" (") {
			t.Errorf("at the desk the plan has %s, done %s:\n%s", tq.Name, tq.Position, plans["2"])
		}
	}
	if floor == 0 {
		t.Errorf("with room on the floor the plan has no floor work; the fixture proves nothing:\n%s", plans["1"])
	}
}

// Plain output has no literal backticks: a screen reader would read them.
func TestPlainHasNoBackticks(t *testing.T) {
	r, out := runner(firstGate + "\n3\n1\n\n\n\n6\n2\n\n")
	req := coach.Request{Expand: session.Options{Hold: time.Second, LeadIn: 0}}
	if _, err := r.Run(req); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "`") {
		t.Errorf("backticks in plain output:\n%s", out)
	}
}

// A pick-many question whose default ticks something can still be
// answered "none" with 0.
func TestPlainPickManyNone(t *testing.T) {
	r := &Runner{Cat: content.MustLoad(), Out: io.Discard, In: strings.NewReader("0\n")}
	got, err := r.answer(1, coach.Question{ID: "kit", Title: "Which?", Kind: coach.PickMany,
		Choices: []coach.Choice{{Value: "wall", Label: "Wall"}}, Default: []string{"wall"}})
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("0 gave %v, %v; want none", got, err)
	}
}

// One step is "1 step", not "1 steps".
func TestPlainCountsOneStep(t *testing.T) {
	r, out := runner(firstGate + "3\n\n3\n\n")
	req := selection("posture-reset")
	req.Expand = session.Options{Hold: time.Second, LeadIn: 0}
	if _, err := r.Run(req); err != nil {
		t.Fatal(err)
	}
	if s := out.String(); !strings.Contains(s, ": 1 step, about") {
		t.Errorf("the start line:\n%s", s)
	}
}

// stuckClock never wakes: only keys move a session on.
type stuckClock struct{ t time.Time }

func (c *stuckClock) Now() time.Time                       { return c.t }
func (c *stuckClock) After(time.Duration) <-chan time.Time { return nil }

// A program day with every step skipped is not a day done: it is saved as
// quit, the program stays on its day, and the finish says so. The same day
// run through is completed and moves the program on.
func TestPlainEverySkippedIsNotADayDone(t *testing.T) {
	cat := content.MustLoad()
	p, ok := cat.Program("posture-3-day")
	if !ok {
		t.Fatal("no posture-3-day")
	}
	for _, tc := range []struct {
		name       string
		skipAll    bool
		wantStatus string
		wantDay    int // the next day recorded; 0 for none
		want, not  string
	}{
		{"every step skipped", true, coach.StatusQuit, 0, "Nothing done this time: every step was skipped.", "Day 2 done"},
		{"run through", false, coach.StatusCompleted, 3, "Day 2 done; Day 3 tomorrow.", "Nothing done"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := coachtest.NewMemStore()
			r, out := runner(firstGate + "4\n\n" + "3\n\n")
			r.Store = store
			req := coach.Request{Expand: session.Options{Hold: time.Second, LeadIn: 0}}.ForProgram(cat, p, 2)
			if tc.skipAll {
				steps := session.Expand(req.Techniques, req.Expand)
				keys := make(chan rune, len(steps))
				for range steps {
					keys <- 'n'
				}
				r.Keys, r.Clock = keys, &stuckClock{t: t0}
			}
			if _, err := r.Run(req); err != nil {
				t.Fatal(err)
			}
			s := out.String()
			if !strings.Contains(s, tc.want) || strings.Contains(s, tc.not) {
				t.Errorf("want %q and no %q:\n%s", tc.want, tc.not, s)
			}
			sessions, _ := store.Sessions(time.Time{})
			if len(sessions) != 1 || sessions[0].Status != tc.wantStatus {
				t.Fatalf("sessions %+v, want status %q", sessions, tc.wantStatus)
			}
			pr, ok := store.Progress(p.ID)
			switch {
			case tc.wantDay == 0 && ok:
				t.Errorf("progress recorded: %+v", pr)
			case tc.wantDay != 0 && (!ok || pr.Day != tc.wantDay):
				t.Errorf("progress = %+v (%v), want day %d", pr, ok, tc.wantDay)
			}
		})
	}
}
