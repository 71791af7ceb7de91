package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
)

// The whole program — Bubble Tea's event loop, renderer, tea.Tick timers
// and the session's clock — runs a 30-minute hold with 10 minutes of pauses
// in fake time (testing/synctest), and the hold ends on its deadline:
// start + 30 min + time paused, give or take 50 ms.
func TestCountdownAccuracyLongHoldWithPauses(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const hold = 30 * time.Minute
		const tolerance = 50 * time.Millisecond
		steps := []session.Step{{TechniqueID: "long-hold", Name: "Long hold", Rep: 1, Reps: 1, Hold: hold,
			Cue: "Stay in the stretch and breathe slowly."}}

		// No injected clock or tick: the model uses time.Now and tea.Tick,
		// which inside the bubble run on the bubble's fake clock.
		m := New(Options{Catalogue: content.MustLoad()})
		m.direct = true
		m.session = newSessionScreen("Accuracy", steps, m.now, m.keys, m.st)
		m.show(screenSession)

		// The filter runs on the event loop; it is read only after Run has
		// returned, so it needs no lock.
		type arrival struct {
			at  time.Time // when the event loop saw the tick
			msg tickMsg
		}
		var ticks []arrival
		// shown is the countdown in the window title as each message
		// arrives, that is, as the screen showed it after the one before.
		var shown []string
		filter := func(cur tea.Model, msg tea.Msg) tea.Msg {
			if tm, ok := msg.(tickMsg); ok {
				ticks = append(ticks, arrival{at: time.Now(), msg: tm})
			}
			// Only once the clock has started: the window size may arrive
			// before or after startMsg.
			if cm, ok := cur.(*Model); ok && cm.screen == screenSession && !cm.session.ss.Started().IsZero() {
				if c, _, ok := strings.Cut(cm.View().WindowTitle, " · "); ok {
					shown = append(shown, c)
				}
			}
			return msg
		}

		var buf bytes.Buffer
		p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(&buf), tea.WithoutSignalHandler(),
			tea.WithWindowSize(80, 24), tea.WithFilter(filter))
		type result struct {
			m   tea.Model
			err error
		}
		done := make(chan result, 1)
		go func() {
			final, err := p.Run()
			done <- result{final, err}
		}()

		start := time.Now()
		p.Send(startMsg{at: start})

		// time.Sleep here is fake time: inside a synctest bubble it is the
		// documented way to move the clock on (it returns as soon as every
		// goroutine in the bubble is blocked). Nothing sleeps in real time.
		// Odd durations, so pauses and resumes fall between whole seconds.
		schedule := []struct{ run, pause time.Duration }{
			{5*time.Minute + 333*time.Millisecond, 3 * time.Minute},
			{7*time.Minute + 250*time.Millisecond, 4*time.Minute + 500*time.Millisecond},
			{1 * time.Second, 17 * time.Millisecond},
			{9*time.Minute + 999*time.Millisecond, 2*time.Minute + 482*time.Millisecond + 1},
			{41 * time.Second, 0}, // the rest of the 10 minutes
		}
		rest := 10 * time.Minute
		for _, s := range schedule {
			rest -= s.pause
		}
		schedule[len(schedule)-1].pause = rest
		var paused time.Duration
		for _, s := range schedule {
			time.Sleep(s.run)
			p.Send(press("space")) // pause
			from := time.Now()
			time.Sleep(s.pause)
			p.Send(press("space")) // resume
			paused += time.Since(from)
		}
		if paused != 10*time.Minute {
			// Not Fatal: Run must still be stopped for the bubble to end.
			t.Errorf("the schedule paused for %v, want 10m", paused)
		}
		deadline := start.Add(hold + paused)

		// Wait past the deadline, then stop the program (the summary screen
		// would otherwise wait for a pain score).
		time.Sleep(time.Until(deadline) + 5*time.Second)
		p.Quit()
		r := <-done
		// Pending timers outlive Run: let them fire so the bubble can end.
		time.Sleep(time.Second)
		if r.err != nil {
			t.Fatalf("Run: %v", r.err)
		}

		final := r.m.(*Model)
		if final.screen != screenSummary {
			t.Fatalf("screen = %v after the deadline, want the summary", final.screen)
		}
		ss := final.session.ss
		if got := ss.Started(); !got.Equal(start) {
			t.Errorf("started at %v, want %v", got.Sub(start), time.Duration(0))
		}
		ended := ss.Ended()
		if d := ended.Sub(deadline); d < -tolerance || d > tolerance {
			t.Errorf("hold ended %v from its deadline (start + 30m + %v paused), want within %v", d, paused, tolerance)
		}
		rec := ss.Records()[0]
		if rec.Outcome != session.OutcomeDone || rec.Actual != hold {
			t.Errorf("record = %+v, want done with %v held", rec, hold)
		}

		// The tick that ended the hold reached the program on time too, and
		// so the screen changed to the summary within the tolerance.
		if len(ticks) == 0 {
			t.Fatal("no tick reached the program")
		}
		last := ticks[len(ticks)-1]
		if d := last.at.Sub(deadline); d < 0 || d > tolerance {
			t.Errorf("last tick arrived %v after the deadline, want 0..%v", d, tolerance)
		}
		// The displayed seconds ran 30:00, 29:59, … 0:01: none skipped, none
		// shown again after it had gone.
		var runs []string
		for _, c := range shown {
			if len(runs) == 0 || runs[len(runs)-1] != c {
				runs = append(runs, c)
			}
		}
		want := int(hold / time.Second)
		for i, c := range runs {
			var mm, ss int
			if _, err := fmt.Sscanf(c, "%d:%d", &mm, &ss); err != nil || mm*60+ss != want-i {
				t.Fatalf("display %d was %q, want %d:%02d (skipped or repeated a second)", i, c, (want-i)/60, (want-i)%60)
			}
		}
		if len(runs) != want {
			t.Errorf("%d distinct seconds shown, want %d (30:00 down to 0:01)", len(runs), want)
		}
		// About one tick per displayed second of running time, not a flood.
		if n, max := len(ticks), int((hold+tolerance)/time.Second)+2*len(schedule)+5; n > max {
			t.Errorf("%d ticks for a %v hold, want at most %d", n, hold, max)
		}
		t.Logf("%d ticks; ended %v from the deadline; last tick %v after it", len(ticks), ended.Sub(deadline), last.at.Sub(deadline))
	})
}

// newBenchSession is newSession for benchmarks: a session screen at w×h on
// testSteps, started at t0 and 12.5 s into the first step (lead-in done,
// hold running), on a fixed clock.
func newBenchSession(b *testing.B, w, h int) *Model {
	b.Helper()
	clk := &fakeClock{t: t0}
	m := New(Options{Catalogue: content.MustLoad(), Now: clk.now})
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m = next.(*Model)
	m.direct = true
	m.session = newSessionScreen("Test routine", testSteps(), m.now, m.keys, m.st)
	m.session.SetSize(w, h)
	m.show(screenSession)
	next, _ = m.Update(startMsg{at: clk.now()})
	clk.advance(12500 * time.Millisecond)
	next, _ = next.(*Model).Update(tickMsg{at: clk.now(), gen: next.(*Model).session.gen})
	m = next.(*Model)
	if m.session.ss.Phase() != session.PhaseHold {
		b.Fatalf("phase = %v, want hold", m.session.ss.Phase())
	}
	return m
}

func BenchmarkSessionView(b *testing.B) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		b.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(b *testing.B) {
			m := newBenchSession(b, size.w, size.h)
			if v := m.View(); v.Content == "" || v.WindowTitle != "0:23 · Shoulder rolls" {
				b.Fatalf("unexpected view: title %q, %d bytes", v.WindowTitle, len(v.Content))
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
		// A new second on every frame: the countdown, the header and the
		// bar are drawn again, as on each second of a hold.
		b.Run(fmt.Sprintf("%dx%d/new-second", size.w, size.h), func(b *testing.B) {
			m := newBenchSession(b, size.w, size.h)
			start, i := m.session.now, 0
			b.ReportAllocs()
			for b.Loop() {
				i++
				m.session.now = start.Add(time.Duration(i%10) * time.Second)
				_ = m.View()
			}
		})
	}
}

// BenchmarkModelUpdate is the root model's fixed cost per message during a
// hold: a stale tick, which the session screen drops. Bubble Tea passes the
// Model by value, so this is mostly the cost of copying it.
func BenchmarkModelUpdate(b *testing.B) {
	m := newBenchSession(b, 80, 24)
	stale := tickMsg{at: m.session.now, gen: m.session.gen - 1}
	b.ReportAllocs()
	for b.Loop() {
		next, _ := m.Update(stale)
		m = next.(*Model)
	}
}
