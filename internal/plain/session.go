package plain

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/session"
)

// TenSecondsFrom is the shortest hold that gets a "10 seconds left" line.
const TenSecondsFrom = 20 * time.Second

// session runs the guided session, one line per event.
func (r *Runner) session(req coach.Request, title string, in plan.Intake, techs []content.Technique) error {
	steps := session.Expand(techs, req.Expand)
	ss := session.New(steps)
	now := r.Clock.Now()
	log, begin := coach.StartLog(req, title, in, techs, now)
	r.save(begin)

	r.inSession.Store(true)
	defer r.inSession.Store(false)
	r.say("")
	keys := r.Keys
	stopKeys := func() {}
	if r.SessionKeys != nil {
		keys, stopKeys = r.SessionKeys()
	}
	defer func() { stopKeys() }()
	start := fmt.Sprintf("Starting %s: %s, about %s.", title, content.Plural(len(steps), "step"), minutes(session.Total(steps)))
	if keys != nil {
		start += " Keys: space pauses, n skips, p goes back, q stops."
	}
	r.say("%s", start)
	r.events(ss, ss.Start(now))

	tenSaid, quit := -1, false
	for ss.Phase() != session.PhaseDone {
		var wake <-chan time.Time
		if d, ok := ss.NextWake(now); ok {
			wake = r.Clock.After(d)
		}
		var ev []session.Event
		select {
		case now = <-wake:
			ev = ss.Tick(now)
		case k, ok := <-keys:
			if !ok {
				keys = nil
				continue
			}
			now = r.Clock.Now()
			ev, quit = r.key(ss, k, now)
		case <-r.Stop:
			now = r.Clock.Now()
			ev, quit = ss.Stop(now), true
		}
		r.save(log.Steps(ss, ev, now))
		r.events(ss, ev)
		// "10 seconds left", once per hold long enough to need it.
		if st, ok := ss.Current(); ok && ss.Phase() == session.PhaseHold && !ss.Paused() &&
			st.Hold >= TenSecondsFrom && tenSaid != ss.Index() && session.ShownSeconds(ss.Remaining(now)) == 10 {
			tenSaid = ss.Index()
			r.line("10 seconds left.", false)
		}
	}

	// Back to line input for the questions that follow.
	stopKeys()
	stopKeys = func() {}
	r.save(log.Finish(ss, quit, now))
	sum := ss.Summary()
	verb := "Session complete"
	switch {
	case quit:
		verb = "Session stopped"
	case sum.NothingDone():
		verb = "Nothing done"
	}
	r.say("%s: %d done, %d cut short, %d skipped, %d hurt; %s holding.", verb, sum.Done, sum.Partial, sum.Skipped, sum.Hurt, minutes(sum.Held))
	if r.interrupted {
		return ErrInterrupted
	}
	if quit {
		return nil
	}
	if !coach.Completed(sum, quit) {
		r.say("Nothing done this time: every step was skipped. It is not counted as a session done.")
	} else if line := coach.DayDone(r.Cat, req); line != "" {
		r.say("%s", line)
	}
	after, err := r.scale("1. How is the pain now? 0 is no pain, 10 the worst you can imagine: ", plan.Severity)
	if err != nil {
		return nil // no answer: the session is saved without pain after
	}
	note, _ := r.ask("Anything to note? (Enter to skip): ")
	r.save(log.PainAfter(after, note))
	r.say("%s", plan.ChangeText(in.Pain, after))
	if known := r.known(); r.Store != nil {
		if msg, ok := known.Review(r.Clock.Now()); ok {
			r.say("%s", msg)
		}
	}
	g := r.Cat.Guidance
	if len(g.BestPractices) > 0 {
		r.say("How often: %s", g.BestPractices[0])
	}
	if len(g.SeeAProfessional) > 0 {
		r.say("See a professional if:")
		for _, line := range g.SeeAProfessional {
			r.say("- %s", line)
		}
	}
	return nil
}

// key applies a key during the session.
func (r *Runner) key(ss *session.Session, k rune, now time.Time) ([]session.Event, bool) {
	switch k {
	case ' ':
		ev := ss.TogglePause(now)
		if ss.Paused() {
			r.line("Paused. Press space to go on.", false)
		} else {
			r.line("Going on.", false)
		}
		return ev, false
	case 'n':
		return ss.Skip(now), false
	case 'p':
		return ss.Back(now), false
	case 'x':
		return ss.Hurt(now), false
	case 'q':
		return ss.Stop(now), true
	case 3: // ctrl+c in raw mode: stop, saved, and exit as interrupted
		r.interrupted = true
		return ss.Stop(now), true
	}
	return nil, false
}

// events prints one line per event (and speaks it).
func (r *Runner) events(ss *session.Session, ev []session.Event) {
	steps := ss.Steps()
	for _, e := range ev {
		switch e.Kind {
		case session.EventStepStarted:
			// "Switch sides" comes before the new side's step line.
			if slices.Contains(ev, session.Event{Kind: session.EventSwitchSides, Step: e.Step}) {
				r.line("Switch sides.", true)
			}
			st := steps[e.Step]
			rest := slices.Contains(ev, session.Event{Kind: session.EventRestStarted, Step: e.Step})
			if rest {
				r.line(sentence(session.WordRest)+". Next: "+st.Upcoming()+".", false)
			}
			line := fmt.Sprintf("Step %d of %d: %s", e.Step+1, len(steps), st.Spoken())
			if st.LeadIn > 0 && !rest {
				line += ". " + sentence(session.WordLeadIn) + "."
			} else {
				line += "."
			}
			r.line(line, false)
			// A technique's first hold: how to do it and what to watch,
			// which a screen-reader user hears nowhere else.
			if e.Step == 0 || steps[e.Step-1].Item != st.Item {
				r.howTo(st)
			} else if alt := r.stageFigureAlt(st); alt != "" {
				r.say("  Position: %s", alt)
			}
		case session.EventLeadInStarted:
			r.line(sentence(session.WordLeadIn)+".", false)
		case session.EventHoldStarted:
			st := steps[e.Step]
			r.line(sentence(st.Word(session.PhaseHold))+": "+st.Cue, true)
			if st.Breathing != "" {
				r.line("Breathe: "+st.Breathing, false)
			}
		case session.EventHalfway:
			r.line("Halfway.", true)
		case session.EventStepDone:
			switch ss.Records()[e.Step].Outcome {
			case session.OutcomeDone:
				r.line("Done.", false)
			case session.OutcomeHurt:
				r.line("Stopped, and noted that it hurts.", false)
			case session.OutcomePartial:
				r.line("Cut short.", false)
			case session.OutcomeSkipped:
				r.line("Skipped.", false)
			}
		}
	}
}

// line prints and announces one event.
func (r *Runner) line(s string, bell bool) {
	r.say("%s", s)
	if r.Cues != nil {
		r.Cues.Play(cue.Cue{Text: s, Bell: bell})
	}
}

// sentence writes one of the countdown's words as a line says it: "GET
// INTO POSITION" as "Get into position".
func sentence(word string) string {
	return content.UpperFirst(strings.ToLower(word))
}

// minutes is a length as m:ss, rounded up to whole seconds as the TUI
// shows it.
func minutes(d time.Duration) string {
	return content.Clock(session.ShownSeconds(d))
}

// howTo prints a technique's steps and its key precaution.
func (r *Runner) howTo(st session.Step) {
	t, ok := r.Cat.Technique(st.TechniqueID)
	if !ok {
		return
	}
	if alt := t.FigureFor(st.StageNumber()).Alt; alt != "" {
		r.say("  Position: %s", alt)
	}
	for i, step := range t.Steps {
		r.say("  %d. %s", i+1, step)
	}
	if st.Precaution != "" {
		r.say("  Take care: %s", st.Precaution)
	}
}

// stageFigureAlt is the position in words of a stage drawn apart from its
// technique (the balls moved up the back), "" for any other step.
func (r *Runner) stageFigureAlt(st session.Step) string {
	t, ok := r.Cat.Technique(st.TechniqueID)
	if !ok || st.StageNumber() == 0 {
		return ""
	}
	for _, s := range t.StageFigures {
		if s.Stage == st.StageNumber() {
			return s.Alt
		}
	}
	return ""
}
