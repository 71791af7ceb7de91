package plan

import (
	"fmt"
	"slices"
	"time"

	"github.com/unknot/unknot/content"
)

// The plan screen's edits. Each keeps Left in step with Items, so every
// technique stays accounted for.

// Toggle switches item i on or off.
func (p *Plan) Toggle(i int) {
	if i >= 0 && i < len(p.Items) {
		p.Items[i].Off = !p.Items[i].Off
	}
}

// Move moves item i by d places (−1 up, +1 down) and returns its new index.
func (p *Plan) Move(i, d int) int {
	j := i + d
	if i < 0 || i >= len(p.Items) || j < 0 || j >= len(p.Items) {
		return i
	}
	p.Items[i], p.Items[j] = p.Items[j], p.Items[i]
	return j
}

// HoldNotes say, once, which techniques allow less than a hold asked for
// every technique (--hold): those holds stop at their limit.
func (p Plan) HoldNotes(d time.Duration) []string {
	var out []string
	for _, it := range p.Items {
		if lim := time.Duration(it.MaxHold) * time.Second; it.MaxHold > 0 && d > lim {
			out = append(out, fmt.Sprintf("--hold %s is longer than %s allows; using %s.", minSec(d), it.Technique.Name, minSec(lim)))
		}
	}
	return out
}

// minSec writes a hold as m:ss, as every length on screen is (content.Clock).
func minSec(d time.Duration) string { return content.Clock(int(d / time.Second)) }

// HoldStep is how much + and - change a hold on the plan screen.
const HoldStep = 5

// AdjustHold changes item i's hold by d seconds, within its bounds.
func (p *Plan) AdjustHold(i, d int) {
	if i < 0 || i >= len(p.Items) {
		return
	}
	it := &p.Items[i]
	it.HoldSeconds = min(max(it.HoldSeconds+d, it.MinHold), it.MaxHold)
	it.Technique.Dosage.HoldSeconds = it.HoldSeconds
}

// Swap replaces item i with the next alternative of the same role (in pool
// order, wrapping round) and reports whether there was one.
func (p *Plan) Swap(i int) bool {
	alts := p.Alternatives(i)
	if len(alts) == 0 {
		return false
	}
	cur := p.poolIndex(p.Items[i].Technique.ID)
	next := alts[0]
	for _, a := range alts {
		if p.poolIndex(a.Technique.ID) > cur {
			next = a
			break
		}
	}
	old := p.Items[i]
	next.Reason = "You swapped it in for " + old.Technique.Name + "."
	next.Off = old.Off
	p.Items[i] = next
	p.Left = slices.DeleteFunc(p.Left, func(e Exclusion) bool { return e.ID == next.Technique.ID })
	p.Left = append(p.Left, Exclusion{ID: old.Technique.ID, Name: old.Technique.Name, Reason: "You swapped it out for " + next.Technique.Name + ".", Kind: WhySwapped})
	sortLeft(p.Left)
	return true
}

func (p Plan) poolIndex(id string) int {
	return slices.IndexFunc(p.Pool, func(it Item) bool { return it.Technique.ID == id })
}
