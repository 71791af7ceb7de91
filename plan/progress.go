package plan

import (
	"fmt"

	"github.com/unknot/unknot/content"
)

// step is one move along a ladder the history asks for.
type step struct {
	from, to string
	reason   string // why "to" is in the plan
}

// steps finds, from the history, which rung to offer instead of the one
// done before: one up after StepUpAfter steady sessions, one down after
// "this hurts" or a rise of 2 points or more. allowed says which
// techniques today's plan may use; a step is taken only to one of them.
func (b *builder) steps(allowed func(id string) bool) map[string]step {
	out := map[string]step{} // by "to"
	from := map[string]bool{}
	for _, t := range b.r.cat.Techniques {
		if _, isTo := out[t.ID]; isTo {
			continue
		}
		var next func(string) (content.Technique, bool)
		var reason string
		switch {
		case b.hist.Hurt[t.ID]:
			next, reason = b.r.cat.Easier, fmt.Sprintf("Easier version of %s, which you marked \"this hurts\" last time.", t.Name)
		case b.hist.Rose[t.ID]:
			next, reason = b.r.cat.Easier, fmt.Sprintf("Easier version of %s: your pain rose by 2 or more after it last time.", t.Name)
		case b.hist.Steady[t.ID] >= StepUpAfter && allowed(t.ID):
			next, reason = b.r.cat.Harder, fmt.Sprintf("Harder version of %s: you did it %d times without your pain rising.", t.Name, b.hist.Steady[t.ID])
		default:
			continue
		}
		to, ok := next(t.ID)
		if !ok || !allowed(to.ID) || b.hist.Hurt[to.ID] || b.hist.Rose[to.ID] || from[to.ID] {
			continue
		}
		if _, taken := out[to.ID]; taken {
			continue
		}
		out[to.ID] = step{from: t.ID, to: to.ID, reason: reason}
		from[t.ID] = true
	}
	return out
}

// applySteps moves along the ladders: each rung stepped from leaves the
// candidates (saying where it went), each rung stepped to comes first in
// its role and carries the reason.
func (b *builder) applySteps(cands []candidate, why map[string]Exclusion) []candidate {
	in := map[string]bool{}
	for _, c := range cands {
		in[c.t.ID] = true
	}
	b.stepped = b.steps(func(id string) bool { return in[id] })
	gone := map[string]string{}
	for _, st := range b.stepped {
		gone[st.from] = st.to
	}
	out := cands[:0]
	for _, c := range cands {
		if to, ok := gone[c.t.ID]; ok {
			t, _ := b.r.cat.Technique(to)
			why[c.t.ID] = Exclusion{Reason: "In its place today: " + t.Name + ", one rung along the same ladder.", Kind: WhyStepped}
			continue
		}
		if _, ok := b.stepped[c.t.ID]; ok {
			c.score += stepBonus
		}
		out = append(out, c)
	}
	return out
}

// stepBonus puts a rung stepped to ahead of the rest of its role.
const stepBonus = 20
