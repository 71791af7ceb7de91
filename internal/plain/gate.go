package plain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/safety"
)

// gate runs the safety check (safety.Gate) as numbered lines: a screen
// reader hears a few short lines per step, and each step takes one answer.
func (r *Runner) gate(prev safety.Result) (safety.Result, error) {
	return r.runGate(safety.NewGate(r.Cat.Safety, prev, r.Clock.Now()), "Safety check. "+r.Cat.Safety.Intro)
}

func (r *Runner) runGate(g *safety.Gate, intro string) (safety.Result, error) {
	r.say("%s", intro)
	for !g.Done() {
		a, err := r.gateStep(g.Step())
		if err != nil {
			return safety.Result{}, err
		}
		g.Answer(a)
	}
	res := g.Result()
	r.cautionAdvice(res)
	return res, nil
}

// gateStep asks one step of the gate.
func (r *Runner) gateStep(s safety.Step) (safety.Answer, error) {
	switch s.Kind {
	case safety.StepAge:
		r.say("")
		r.say("How old are you? Asked once, to leave out questions that cannot apply.")
		for i, band := range content.AgeBands {
			r.say("   %d  %s", i+1, content.AgeBandLabel(band))
		}
		k, err := r.number("   Answer with a number: ", len(content.AgeBands))
		return safety.Answer{Picks: []string{content.AgeBands[k-1]}}, err
	case safety.StepChest:
		r.say("")
		r.say("%s", s.Group.Title)
		yes, err := r.yesNo(withHint(s.Item)+" [y/n]: ", false)
		return safety.Answer{Yes: yes}, err
	case safety.StepChecklist:
		r.say("")
		r.say("%s %s", s.Group.Title, s.Group.Hint)
		r.list(s.Items, nil)
		yes, err := r.yesNo("   Any of these? [y/n]: ", false)
		return safety.Answer{Yes: yes}, err
	case safety.StepWhich:
		r.say("Which of these?")
		picks, err := r.numbers("   Answer with numbers separated by spaces: ", len(s.Items), false)
		return safety.Answer{Picks: idsAt(s.Items, picks)}, err
	case safety.StepAssessed:
		r.say("")
		r.say("You said: %s", s.Item.Text)
		yes, err := r.yesNo("   Has a doctor or physio assessed this and said gentle self-care is fine? [y/n]: ", false)
		return safety.Answer{Yes: yes}, err
	case safety.StepAdvice:
		r.say("")
		r.say("%s", s.Item.Why)
		_, err := r.ask("   Press Enter to go on: ")
		return safety.Answer{}, err
	case safety.StepCautions:
		r.say("")
		r.say("Cautions: the session goes ahead, adapted. Tick any that apply to you.")
		r.list(s.Items, append([]string{}, s.Ticked...))
		keep := "none"
		if len(s.Ticked) > 0 {
			keep = "the ticked ones"
		}
		picks, err := r.numbers(fmt.Sprintf("   Answer with numbers separated by spaces, 0 for none (Enter keeps %s): ", keep), len(s.Items), true)
		if picks == nil {
			return safety.Answer{Picks: s.Ticked}, err
		}
		return safety.Answer{Picks: idsAt(s.Items, picks)}, err
	}
	return safety.Answer{}, nil
}

// cautionAdvice prints what each ticked caution changes, and its warning
// signs.
func (r *Runner) cautionAdvice(res safety.Result) {
	if len(res.Cautions) == 0 || !res.Outcome.AllowsSession() {
		return
	}
	r.say("")
	r.say("Your cautions:")
	for _, q := range r.Cat.Safety.Questions {
		if q.Tier != content.TierCaution || !res.Answers[q.ID] {
			continue
		}
		name := q.Caution
		if c, ok := r.Cat.Caution(q.Caution); ok {
			name = c.Name
		}
		r.say("- %s: %s", name, q.Why)
	}
}

func withHint(q content.Question) string {
	if q.Hint == "" {
		return q.Text
	}
	return q.Text + " (" + q.Hint + ")"
}

// list prints questions numbered, [x] marking the ticked ones when ticked
// is not nil.
func (r *Runner) list(qs []content.Question, ticked []string) {
	for i, q := range qs {
		mark := ""
		if ticked != nil {
			mark = "[ ] "
			if slices.Contains(ticked, q.ID) {
				mark = "[x] "
			}
		}
		r.say("   %d  %s%s", i+1, mark, q.Text)
	}
}

func idsAt(qs []content.Question, picks []int) []string {
	var out []string
	for _, k := range picks {
		out = append(out, qs[k-1].ID)
	}
	return out
}

// number reads one number from 1 to n.
func (r *Runner) number(prompt string, n int) (int, error) {
	for {
		ks, err := r.numbers(prompt, n, false)
		if err != nil || len(ks) == 1 {
			if len(ks) == 1 {
				return ks[0], err
			}
			return 1, err
		}
		r.say("   Please answer with one number from the list.")
	}
}

// numbers reads numbers from 1 to n on a line. With empty allowed, an
// empty line returns nil and "0" an empty, non-nil list.
func (r *Runner) numbers(prompt string, n int, empty bool) ([]int, error) {
	for {
		a, err := r.ask(prompt)
		if err != nil {
			return nil, err
		}
		if empty && a == "" {
			return nil, nil
		}
		if empty && a == "0" {
			return []int{}, nil
		}
		var out []int
		ok := a != ""
		for _, f := range strings.FieldsFunc(a, func(c rune) bool { return c == ' ' || c == ',' }) {
			k, err := strconv.Atoi(f)
			if err != nil || k < 1 || k > n {
				ok = false
				break
			}
			if !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
		if ok {
			return out, nil
		}
		r.say("   Please answer with numbers from the list.")
	}
}
