package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/safety"
)

// WithKit fits a chosen routine to the equipment the person has: each item
// that needs what they don't have gives its place to one they can do (a
// rung of its ladder first, then the same role on the nearest areas, and
// one needing nothing before one needing other kit), or is left out with
// the reason when nothing fits. Items they can do stay as they are.
func WithKit(cat *content.Catalogue, p Plan, have []string, res safety.Result) Plan {
	r := newRules(cat, Intake{Equipment: have, Pressure: PressureFirm}, res, true)
	out := p
	out.Items = nil
	used := map[string]bool{}
	for _, it := range p.Items {
		used[it.Technique.ID] = true
	}
	for _, it := range p.Items {
		t := it.Technique
		if r.hasKit(t) {
			out.Items = append(out.Items, it)
			continue
		}
		need := "Needs " + cat.MissingEquipmentText(t, have) + ", which you don't have to hand"
		if ruled := r.ruledOut(t.ID); ruled != "" {
			need += " (" + ruled + " is ruled out for your cautions)"
		}
		sub, ok := r.substitute(t, used)
		if !ok {
			out.Left = append(out.Left, Exclusion{ID: t.ID, Name: t.Name, Kind: WhyEquipment,
				Reason: need + "; nothing you can do fits its place."})
			continue
		}
		used[sub.ID] = true
		in := r.item(sub, fmt.Sprintf("In place of %s, which needs %s.", t.Name, cat.EquipmentText(t)))
		in.InPlaceOf = t.ID
		out.Items = append(out.Items, in)
		out.Left = append(out.Left, Exclusion{ID: t.ID, Name: t.Name, Kind: WhyEquipment,
			Reason: need + "; " + sub.Name + " is in its place."})
	}
	out.Pool = slices.DeleteFunc(slices.Clone(p.Pool), func(it Item) bool { return !r.hasKit(it.Technique) || used[it.Technique.ID] })
	sortLeft(out.Left)
	return out
}

// ruledOut names the equipment today's cautions took from a technique's
// choices ("massage ball" on blood thinners), or "" when none.
func (r rules) ruledOut(id string) string {
	orig, ok := r.cat.Technique(id)
	if !ok {
		return ""
	}
	var names []string
	for _, e := range r.avoidKit {
		if eq, ok := r.cat.EquipmentByID(e); ok && orig.Uses(e) && !slices.Contains(names, eq.Name) {
			names = append(names, eq.Name)
		}
	}
	return strings.Join(names, " and ")
}

// substitute finds what can take t's place today with the person's kit.
func (r rules) substitute(t content.Technique, used map[string]bool) (content.Technique, bool) {
	fits := func(c content.Technique) bool {
		if used[c.ID] {
			return false
		}
		if _, out := r.exclude(c); out {
			return false
		}
		_, unneeded := r.variantNotNeeded(c)
		return !unneeded
	}
	// Along its ladder: the rung below, then the one above, and so on.
	for step := 1; step < content.MaxList; step++ {
		moved := false
		for _, next := range []func(string) (content.Technique, bool){r.cat.Easier, r.cat.Harder} {
			c, ok := t, true
			for range step {
				if c, ok = next(c.ID); !ok {
					break
				}
			}
			if ok {
				moved = true
				if fits(c) {
					return c, true
				}
			}
		}
		if !moved {
			break
		}
	}
	var best content.Technique
	bestScore := -1
	for _, c := range r.cat.Techniques {
		if c.Role != t.Role || !fits(c) {
			continue
		}
		score := 2 * overlap(c.Areas, t.Areas)
		if c.NeedsNoEquipment() {
			score++
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best, bestScore > 0
}
