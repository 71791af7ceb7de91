package coach

import (
	"github.com/unknot/unknot/content"
)

// MicroFrom is the program the between-sessions micro-routine is drawn
// from: its seated items, as the program doses them.
const MicroFrom = "desk-break"

// MicroTitle names the micro-routine in the journal and notifications.
const MicroTitle = "Seated micro-break"

// MicroRoutine is the request for the short seated routine a nudge
// offers, built on base (its preset and hold settings), and how long it
// takes in seconds, lead-ins included. It is not a program's day: it
// moves no program on. ok is false when the content has no such items.
func MicroRoutine(c *content.Catalogue, base Request) (r Request, seconds int, ok bool) {
	p, ok := c.Program(MicroFrom)
	if !ok {
		return r, 0, false
	}
	var techs []content.Technique
	for _, it := range p.Day(1) {
		t, ok := c.Resolve(it)
		if ok && t.Position == content.PositionSeated {
			techs = append(techs, t)
			seconds += t.DurationSeconds()
		}
	}
	if len(techs) == 0 {
		return r, 0, false
	}
	return base.ForTechniques(MicroTitle, techs...), seconds, true
}
