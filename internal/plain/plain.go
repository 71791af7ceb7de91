// Package plain is unknot's line mode, for screen readers, logs, pipes and
// terminals that cannot do more: no full screen, no cursor movement, no
// colour. Questions are numbered and answered on a line; the session
// prints one line per event and runs to the end on its own, with space,
// n, p and q working when stdin is a terminal.
package plain

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
)

// Clock is the time source: real in use, fake in tests (so a whole
// session runs in no time and its transcript is fixed).
type Clock interface {
	Now() time.Time
	// After delivers the time once d has passed.
	After(d time.Duration) <-chan time.Time
}

// RealClock is the wall clock.
type RealClock struct{}

func (RealClock) Now() time.Time                         { return time.Now() }
func (RealClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Runner runs one plain-mode flow.
type Runner struct {
	Cat  *content.Catalogue
	Out  io.Writer
	In   io.Reader // answers, one per line
	Keys <-chan rune
	// SessionKeys, when set, starts reading single keys for the session
	// (raw mode) and returns a function that stops it.
	SessionKeys func() (<-chan rune, func())
	Clock       Clock
	Cues        cue.Player // bell and voice; nil for none
	// Store is the journal: it gives the last safety result and the
	// history plans learn from, and keeps the session. nil saves nothing.
	Store coach.Store
	// Stop, when it delivers, ends the session as quit (a signal).
	Stop <-chan struct{}

	lines       *bufio.Scanner
	inSession   atomic.Bool
	interrupted bool // ctrl+c ended the session
}

// InSession reports whether the guided session is running (signals stop
// it and save; before it, they simply end the program).
func (r *Runner) InSession() bool { return r.inSession.Load() }

// ErrInterrupted means ctrl+c stopped the session (it is saved as quit).
var ErrInterrupted = errors.New("interrupted")

// ErrNoAnswer means the questions could not be answered: stdin ended.
var ErrNoAnswer = errors.New("no answer (stdin ended): answer the questions on a terminal, or pipe the answers in")

func (r *Runner) say(format string, args ...any) {
	fmt.Fprintf(r.Out, format+"\n", args...)
}

// ask prints a question and reads one answer line.
func (r *Runner) ask(prompt string) (string, error) {
	fmt.Fprint(r.Out, prompt)
	if r.lines == nil {
		r.lines = bufio.NewScanner(r.In)
	}
	if !r.lines.Scan() {
		fmt.Fprintln(r.Out)
		return "", ErrNoAnswer
	}
	return strings.TrimSpace(r.lines.Text()), nil
}

// Run goes through the safety check (when not current), the stop rules,
// the intake, the plan and the session, and returns the safety result.
func (r *Runner) Run(req coach.Request) (safety.Result, error) {
	res := coach.LatestSafety(r.Store)
	if res.StopsToday(r.Clock.Now()) {
		r.say("Guided sessions are off for the rest of today, after this safety check answer:")
		r.outcome(res)
		return res, nil
	}
	res, err := r.gate(res)
	if err != nil {
		return res, err
	}
	r.save(coach.SaveSafety(res))
	if !r.outcome(res) {
		return res, nil
	}
	// Last time's answers are offered again (pain is asked fresh).
	known := r.known()
	r.say("")
	if known.StopRulesRead == coach.StopRulesVersion(r.Cat) && len(res.Cautions) == 0 {
		r.say("%s The full rules: unknot guide.", coach.StopRulesReminder)
	} else {
		r.say("Before you start, when to stop:")
		for _, rule := range r.Cat.Guidance.StopRules {
			r.say("- %s", rule)
		}
		r.save(coach.StopRulesRead(r.Cat))
	}
	req.Last = known.LastIntake
	in, stop, err := r.intake(req)
	if err != nil {
		return res, err
	}
	if stop.ID != "" {
		res = res.Escalate(stop)
		r.save(coach.SaveSafety(res))
		r.outcome(res)
		return res, nil
	}
	if why, refer := in.Referral(); refer {
		res = res.Refer(why)
		r.save(coach.SaveSafety(res))
		r.outcome(res)
		return res, nil
	}
	if coach.RecheckDue(known, in, res) {
		r.say("")
		if res, err = r.runGate(safety.NewRecheck(r.Cat.Safety, res, r.Clock.Now()),
			"The pain is new or clearly worse than last time, so the \"get checked first\" lists again."); err != nil {
			return res, err
		}
		r.save(coach.SaveSafety(res))
		if !r.outcome(res) {
			return res, nil
		}
	}
	title := req.PlanTitle()
	p := req.Plan(r.Cat, in, res, known.History(r.Clock.Now()))
	if h := req.Expand.Hold; h > 0 {
		p.Notes = append(p.Notes, p.HoldNotes(h)...)
	}
	r.printPlan(title, p, req.Seconds(p))
	techs := p.Techniques()
	if len(techs) == 0 {
		r.say("Nothing left to do today.")
		return res, nil
	}
	return res, r.session(req, title, in, techs)
}

// CheckIn asks the whole safety check again and keeps the answers
// (unknot check-in).
func (r *Runner) CheckIn() (safety.Result, error) {
	res, err := r.runGate(safety.NewCheckIn(r.Cat.Safety, coach.LatestSafety(r.Store), r.Clock.Now()),
		"Safety check, all of it. "+r.Cat.Safety.Intro)
	if err != nil {
		return res, err
	}
	r.save(coach.SaveSafety(res))
	if r.outcome(res) {
		r.say("")
		r.say("Your health answers are saved; the next session uses them.")
	}
	return res, nil
}

// save runs a write now; a failure turns saving off, said once.
func (r *Runner) save(w coach.Write) {
	if r.Store == nil || w == nil {
		return
	}
	if err := w(r.Store); err != nil {
		r.say("Not saving: %s", err)
		r.Store = nil
	}
}

// known is what the journal knows that shapes the plan.
func (r *Runner) known() coach.Known {
	if r.Store == nil {
		return coach.Known{}
	}
	known, err := coach.Load(r.Store, r.Clock.Now())
	if err != nil {
		r.say("Not saving: %s", err)
		r.Store = nil
	}
	return known
}

func (r *Runner) yesNo(prompt string, def bool) (bool, error) {
	for {
		a, err := r.ask(prompt)
		if err != nil {
			return false, err
		}
		switch strings.ToLower(a) {
		case "y", "yes":
			return true, nil
		case "n", "no":
			return false, nil
		case "":
			if def {
				return true, nil
			}
		}
		r.say("Please answer y or n.")
	}
}

// outcome prints a stop, and reports whether a session may follow.
func (r *Runner) outcome(res safety.Result) bool {
	switch res.Outcome {
	case safety.Emergency:
		r.say("")
		r.say("CALL 999 / 112 / 911 NOW. Do not start a session.")
		if len(res.Urgent) > 0 {
			r.say("You said at least one of these is happening now:")
			for _, q := range res.Urgent {
				r.say("- %s", q.Text)
			}
		} else {
			r.say("You answered yes to: %s", res.Trigger.Text)
		}
		r.say("%s", res.Trigger.Why)
		for _, line := range r.Cat.Safety.Emergency {
			r.say("- %s", line)
		}
		return false
	case safety.Clinician:
		r.say("")
		r.say("See a clinician first. Guided sessions are off for the rest of today.")
		switch {
		case res.Reason != "":
			r.say("%s", res.Reason)
		case len(res.Flagged) > 1:
			r.say("You answered yes to:")
			for _, q := range res.Flagged {
				r.say("- %s %s", q.Text, q.Why)
			}
		default:
			r.say("You answered yes to: %s", res.Trigger.Text)
			r.say("%s", res.Trigger.Why)
		}
		for _, line := range r.Cat.Safety.Clinician {
			r.say("- %s", line)
		}
		return false
	}
	return true
}

// intake asks today's questions, numbered, and stops early at an answer
// that means "see a clinician first".
func (r *Runner) intake(req coach.Request) (plan.Intake, content.Question, error) {
	r.say("")
	r.say("About today.")
	answers := coach.Answers{}
	qs := coach.IntakeQuestions(r.Cat, req)
	n := 0
	for _, q := range qs {
		if !q.Asked(req.Intake(answers)) {
			continue
		}
		n++
		var err error
		if answers[q.ID], err = r.answer(n, q); err != nil {
			return plan.Intake{}, content.Question{}, err
		}
		if _, refer := req.Intake(answers).Referral(); refer {
			break
		}
		if stop, ok := coach.IntakeStop(qs, answers); ok {
			return req.Intake(answers), stop, nil
		}
	}
	return req.Intake(answers), content.Question{}, nil
}

// answer asks one numbered question until it gets a valid answer; an
// empty answer takes the defaults.
func (r *Runner) answer(n int, q coach.Question) ([]string, error) {
	switch q.Kind {
	case coach.Scale:
		v, err := r.scale(fmt.Sprintf("%d. %s %s ", n, q.Title, q.Hint), q.Describe)
		return []string{strconv.Itoa(v)}, err
	case coach.YesNo:
		r.say("")
		yes, err := r.yesNo(fmt.Sprintf("%d. %s [y/n]: ", n, withHint(q.Safety)), false)
		if yes {
			return []string{"yes"}, err
		}
		return []string{"no"}, err
	}
	r.say("")
	r.say("%d. %s", n, q.Title)
	for i, c := range q.Choices {
		r.say("   %d  %s", i+1, c.Label)
	}
	many := q.Kind == coach.PickMany
	hint := "a number"
	if many {
		hint = "numbers separated by spaces"
		if len(q.Default) > 0 {
			hint += ", 0 for none"
		}
	}
	def := "none"
	if len(q.Default) > 0 {
		var names []string
		for _, d := range q.Default {
			names = append(names, q.Label(d))
		}
		def = strings.Join(names, ", ")
	}
	for {
		a, err := r.ask(fmt.Sprintf("   Answer with %s (Enter for %s): ", hint, def))
		if err != nil {
			return nil, err
		}
		if a == "" {
			return q.Default, nil
		}
		if many && strings.TrimSpace(a) == "0" {
			return []string{}, nil // none of them, even when some were the default
		}
		var out []string
		ok := true
		for _, f := range strings.FieldsFunc(a, func(c rune) bool { return c == ' ' || c == ',' }) {
			k, err := strconv.Atoi(f)
			if err != nil || k < 1 || k > len(q.Choices) {
				ok = false
				break
			}
			out = append(out, q.Choices[k-1].Value)
		}
		if ok && len(out) > 0 && (many || len(out) == 1) {
			return out, nil
		}
		r.say("   Please answer with %s from the list.", hint)
	}
}

// scale asks for a whole number from 0 to 10 until it gets one, and says
// what it means.
func (r *Runner) scale(prompt string, describe func(int) string) (int, error) {
	for {
		a, err := r.ask(prompt)
		if err != nil {
			return 0, err
		}
		if v, err := strconv.Atoi(a); err == nil && v >= 0 && v <= coach.ScaleMax {
			r.say("   %d: %s.", v, describe(v))
			return v, nil
		}
		r.say("   Please answer with a number from 0 to %d.", coach.ScaleMax)
	}
}

// printPlan lists the plan under its title and how long it runs, in
// seconds (with --hold and the lead-ins, as the session will).
func (r *Runner) printPlan(title string, p plan.Plan, seconds int) {
	r.say("")
	r.say("%s (%s):", title, plan.Length(seconds, p.BudgetSeconds))
	for _, note := range p.Notes {
		r.say("  %s", note)
	}
	n := 0
	for _, it := range p.Items {
		if it.Off {
			continue
		}
		n++
		t := it.Technique
		r.say("  %d. %s (%s, %s)", n, t.Name, t.Role.Label(), r.Cat.EquipmentText(t))
		if it.InPlaceOf != "" {
			r.say("     %s", it.Reason) // a swap or a step along a ladder says why
		}
	}
	for _, a := range p.Adapted {
		r.say("  Adapted for %s: %s", a.Caution, a.Change)
	}
	switch n := len(p.Left); {
	case n > 0 && p.BudgetSeconds == 0:
		// A chosen routine: each of its techniques left out, and why
		// (a swap was said under what took its place).
		for _, e := range p.Left {
			if !strings.HasSuffix(e.Reason, " is in its place.") {
				r.say("  Left out: %s. %s", e.Name, e.Reason)
			}
		}
	case n > 0 && len(p.Items) > 0:
		r.say("  %s left out today; the full-screen plan (run unknot in a terminal) shows which and why.", content.Plural(n, "technique"))
	}
}
