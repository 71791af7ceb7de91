package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/safety"
)

// ShortReason is why a technique is left out of a session kept short for
// reduced sensation.
var ShortReason = fmt.Sprintf("Left out to keep today's session to %d minutes: with reduced feeling in the skin, a longer session is harder to judge.", ShortSessionMinutes)

// shortNotePrefix opens every note about keeping sessions short.
const shortNotePrefix = "With reduced feeling in your skin, "

// ShortNote says once, plan-wide, why techniques were left out.
var ShortNote = fmt.Sprintf(shortNotePrefix+"today's session is kept to %d minutes, so the techniques that did not fit are left out (listed below).", ShortSessionMinutes)

// KeepShort keeps a session to ShortSessionMinutes when reduced sensation
// asks for short sessions (CLINICAL.md C8), whatever made it long: a
// chosen routine, or --hold. Build plans a personal plan to that length,
// but a routine's length is its own and --hold lengthens every hold, so
// this trims the plan as it will run: seconds says how long an item takes
// in the session (with --hold and the lead-in applied). Techniques are
// left out from the end, except a closing cool-down, which winds the
// session down; then any left out that still fits goes back in, in the
// plan's order, so one long technique near the end does not take the
// shorter ones after it with it. A single technique longer than the limit
// stays: leaving nothing would not be a session.
func KeepShort(p Plan, res safety.Result, seconds func(Item) int) Plan {
	if !res.HasCaution(ReducedSensation) {
		return p
	}
	limit := ShortSessionMinutes * 60
	var on []int // indexes of the items that are on
	total := 0
	for i, it := range p.Items {
		if !it.Off {
			on = append(on, i)
			total += seconds(it)
		}
	}
	keepLast := len(on) > 1 && p.Items[on[len(on)-1]].Technique.Role == content.RoleCoolDown
	out := map[int]bool{}
	for total > limit && len(on) > 1 {
		k := len(on) - 1
		if keepLast {
			k--
		}
		i := on[k]
		on = append(on[:k], on[k+1:]...)
		out[i] = true
		total -= seconds(p.Items[i])
	}
	for i := range p.Items {
		if out[i] && total+seconds(p.Items[i]) <= limit {
			delete(out, i)
			total += seconds(p.Items[i])
		}
	}
	if len(out) == 0 {
		return p
	}
	var items []Item
	left := append([]Exclusion(nil), p.Left...)
	for i, it := range p.Items {
		if out[i] {
			left = append(left, Exclusion{ID: it.Technique.ID, Name: it.Technique.Name, Reason: ShortReason, Kind: WhyTime})
			continue
		}
		items = append(items, it)
	}
	sortLeft(left)
	p.Items, p.Left = items, left
	if !slices.ContainsFunc(p.Notes, func(n string) bool { return strings.HasPrefix(n, shortNotePrefix) }) {
		p.Notes = append(append([]string(nil), p.Notes...), ShortNote) // once, whoever says it
	}
	return p
}
