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

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
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

// Store is the part of the journal plain mode writes to; nil saves nothing.
type Store = journal.Writer

// Request is what to run: a personal plan (no techniques) or a selection.
type Request struct {
	Techniques []content.Technique
	Title      string
	Program    string
	Day, Days  int
	// Preset answers from the command line (--area, --equipment, --minutes).
	Areas, Equipment           []string
	Minutes                    int
	AreasGiven, EquipmentGiven bool
	Expand                     session.Options
	History                    plan.History
	Safety                     safety.Result
}

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
	Store       Store
	// Stop, when it delivers, ends the session as quit (a signal).
	Stop <-chan struct{}

	lines     *bufio.Scanner
	inSession atomic.Bool
}

// InSession reports whether the guided session is running (signals stop
// it and save; before it, they simply end the program).
func (r *Runner) InSession() bool { return r.inSession.Load() }

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
func (r *Runner) Run(req Request) (safety.Result, error) {
	res := req.Safety
	if !res.Current(r.Clock.Now()) {
		var err error
		if res, err = r.safetyCheck(res); err != nil {
			return res, err
		}
		r.save(func(s Store) error { return s.SaveSafety(res.Record()) })
	}
	if !r.outcome(res) {
		return res, nil
	}
	r.say("")
	r.say("Before you start, when to stop:")
	for _, rule := range r.Cat.Guidance.StopRules {
		r.say("- %s", rule)
	}
	in, err := r.intake(req)
	if err != nil {
		return res, err
	}
	if why, refer := in.Referral(); refer {
		res = res.Refer(why)
		r.save(func(s Store) error { return s.SaveSafety(res.Record()) })
		r.outcome(res)
		return res, nil
	}
	var p plan.Plan
	title := req.Title
	if len(req.Techniques) == 0 {
		p = plan.Build(r.Cat, in, res, req.History)
		title = "Your plan for today"
	} else {
		p = plan.FromSelection(r.Cat, req.Techniques, res)
	}
	r.printPlan(title, p)
	techs := p.Techniques()
	if len(techs) == 0 {
		r.say("Nothing left to do today.")
		return res, nil
	}
	return res, r.session(req, title, in, techs)
}

func (r *Runner) save(fn func(Store) error) {
	if r.Store == nil {
		return
	}
	if err := fn(r.Store); err != nil {
		r.say("Not saving: %s", err)
		r.Store = nil
	}
}

// safetyCheck asks the numbered yes/no questions, emergency signs first.
func (r *Runner) safetyCheck(prev safety.Result) (safety.Result, error) {
	qs := r.Cat.Safety.Questions
	defaults := prev.Defaults(qs)
	r.say("Safety check. %s", r.Cat.Safety.Intro)
	answers := map[string]bool{}
	for i, q := range qs {
		prompt := fmt.Sprintf("%d/%d. %s", i+1, len(qs), q.Text)
		if q.Hint != "" {
			prompt += " (" + q.Hint + ")"
		}
		options := " [y/n]: "
		if defaults[q.ID] {
			options = " [Y/n, you said yes last time]: "
		}
		yes, err := r.yesNo(prompt+options, defaults[q.ID])
		if err != nil {
			return safety.Result{}, err
		}
		answers[q.ID] = yes
		if safety.Decisive(q, yes) {
			return safety.Assess(qs[:i+1], answers, r.Clock.Now()), nil
		}
	}
	return safety.Assess(qs, answers, r.Clock.Now()), nil
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
		r.say("You answered yes to: %s", res.Trigger.Text)
		r.say("%s", res.Trigger.Why)
		for _, line := range r.Cat.Safety.Emergency {
			r.say("- %s", line)
		}
		return false
	case safety.Clinician:
		r.say("")
		r.say("See a clinician first. The guided session is not offered today.")
		if res.Reason != "" {
			r.say("%s", res.Reason)
		} else {
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

// choice is one numbered answer.
type choice struct{ value, label string }

// pick asks a numbered question; many allows several numbers. An empty
// answer takes the defaults.
func (r *Runner) pick(n int, title string, choices []choice, many bool, defaults []string) ([]string, error) {
	r.say("")
	r.say("%d. %s", n, title)
	for i, c := range choices {
		r.say("   %d  %s", i+1, c.label)
	}
	hint := "a number"
	if many {
		hint = "numbers separated by spaces"
	}
	def := "none"
	if len(defaults) > 0 {
		var names []string
		for _, d := range defaults {
			for _, c := range choices {
				if c.value == d {
					names = append(names, c.label)
				}
			}
		}
		def = strings.Join(names, ", ")
	}
	for {
		a, err := r.ask(fmt.Sprintf("   Answer with %s (Enter for %s): ", hint, def))
		if err != nil {
			return nil, err
		}
		if a == "" {
			return defaults, nil
		}
		var out []string
		ok := true
		for _, f := range strings.FieldsFunc(a, func(c rune) bool { return c == ' ' || c == ',' }) {
			k, err := strconv.Atoi(f)
			if err != nil || k < 1 || k > len(choices) {
				ok = false
				break
			}
			out = append(out, choices[k-1].value)
		}
		if ok && len(out) > 0 && (many || len(out) == 1) {
			return out, nil
		}
		r.say("   Please answer with %s from the list.", hint)
	}
}

func (r *Runner) pain(n int, title string) (int, error) {
	for {
		a, err := r.ask(fmt.Sprintf("%d. %s 0 is no pain, 10 the worst you can imagine: ", n, title))
		if err != nil {
			return 0, err
		}
		if v, err := strconv.Atoi(a); err == nil && v >= 0 && v <= 10 {
			r.say("   %d: %s.", v, plan.Severity(v))
			return v, nil
		}
		r.say("   Please answer with a number from 0 to 10.")
	}
}

var intakeAreas = []choice{
	{"neck", "Neck"}, {"shoulders", "Top of the shoulders"}, {"upper-back", "Between the shoulder blades"},
	{"mid-back", "Mid back"}, {"low-back", "Low back"}, {"chest", "Chest / front"},
}

// intake asks about today: only the pain for a chosen program or
// technique, everything else for a personal plan.
func (r *Runner) intake(req Request) (plan.Intake, error) {
	in := plan.Intake{Areas: req.Areas, Equipment: req.Equipment, Minutes: req.Minutes, Pressure: plan.PressureMedium}
	if in.Minutes == 0 {
		in.Minutes = 10
	}
	r.say("")
	r.say("About today.")
	n := 1
	var err error
	if len(req.Techniques) == 0 && !req.AreasGiven {
		if in.Areas, err = r.pick(n, "Where does it hurt?", intakeAreas, true, []string{"upper-back"}); err != nil {
			return in, err
		}
		n++
	}
	if in.Pain, err = r.pain(n, "How bad is the pain right now?"); err != nil {
		return in, err
	}
	n++
	if len(req.Techniques) > 0 {
		return in, nil
	}
	if in.Feel, err = r.pick(n, "What does it feel like?", []choice{{plan.FeelStiff, "Stiff"}, {plan.FeelKnotted, "Knotted or tight"},
		{plan.FeelAchy, "Achy"}, {plan.FeelSharp, "Sharp or shooting"}, {plan.FeelNumb, "Numbness or tingling"}}, true, nil); err != nil {
		return in, err
	}
	n++
	if _, refer := in.Referral(); refer {
		return in, nil
	}
	d, err := r.pick(n, "How long have you had it?", []choice{{"days", "A few days"}, {"weeks", "A few weeks"}, {"months", "Months or longer"}}, false, []string{"weeks"})
	if err != nil {
		return in, err
	}
	in.Duration = d[0]
	n++
	if in.Worse, err = r.pick(n, "What makes it worse?", []choice{{"desk", "Desk work"}, {"phone", "Looking at a phone"},
		{"lifting", "Lifting or carrying"}, {"sleep", "Sleep or lying down"}}, true, nil); err != nil {
		return in, err
	}
	n++
	if !req.EquipmentGiven {
		var kit []choice
		for _, e := range r.Cat.Equipment {
			kit = append(kit, choice{e.ID, e.Name})
		}
		if in.Equipment, err = r.pick(n, "What do you have to hand?", kit, true, nil); err != nil {
			return in, err
		}
		n++
	}
	if req.Minutes == 0 {
		var mins []choice
		for _, m := range plan.Minutes {
			mins = append(mins, choice{strconv.Itoa(m), fmt.Sprintf("%d minutes", m)})
		}
		m, err := r.pick(n, "How much time do you have?", mins, false, []string{"10"})
		if err != nil {
			return in, err
		}
		in.Minutes, _ = strconv.Atoi(m[0])
		n++
	}
	p, err := r.pick(n, "How much pressure do you like?", []choice{{plan.PressureGentle, "Gentle"}, {plan.PressureMedium, "Medium"},
		{plan.PressureFirm, "Firm"}}, false, []string{plan.PressureMedium})
	if err != nil {
		return in, err
	}
	in.Pressure = p[0]
	return in, nil
}

func (r *Runner) printPlan(title string, p plan.Plan) {
	r.say("")
	r.say("%s:", title)
	for _, note := range p.Notes {
		r.say("  %s", note)
	}
	for i, it := range p.Techniques() {
		r.say("  %d. %s (%s, %s)", i+1, it.Name, it.Role.Label(), r.Cat.EquipmentText(it))
	}
	if n := len(p.Left); n > 0 && len(p.Items) > 0 {
		r.say("  %d techniques left out today; `unknot` shows which and why.", n)
	}
}
