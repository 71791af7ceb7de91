package ui

import (
	"math"
	"time"
)

// pacer is the breathing guide: in for In, out for Out, over and over,
// timed from the hold's own clock (so it stops when the hold is paused).
type pacer struct {
	In, Out time.Duration
}

// at says, elapsed into the hold, whether it is the breath in, how full
// the bar is (0–1: growing on the way in, shrinking on the way out) and
// how long this half of the breath has left.
func (p pacer) at(elapsed time.Duration) (in bool, full float64, left time.Duration) {
	cycle := p.In + p.Out
	if cycle <= 0 {
		return true, 0, 0
	}
	t := elapsed % cycle
	if t < p.In {
		return true, float64(t) / float64(p.In), p.In - t
	}
	t -= p.In
	return false, 1 - float64(t)/float64(p.Out), p.Out - t
}

// cellsAt is how many of width cells the bar fills at elapsed.
func (p pacer) cellsAt(elapsed time.Duration, width int) int {
	_, full, _ := p.at(elapsed)
	return int(math.Round(full * float64(width)))
}

// nextChange is how long until the pacer looks different: the bar gains
// or loses a cell, or the count of seconds changes. With reduced motion
// only the count (and the in/out label) matters.
func (p pacer) nextChange(elapsed time.Duration, width int, reduced bool) time.Duration {
	_, _, left := p.at(elapsed)
	next := left % time.Second // the shown count changes
	if next == 0 {
		next = min(left, time.Second)
	}
	if reduced || width <= 0 {
		return next
	}
	// Look for the next cell change, a cell's time at a time.
	in, _, _ := p.at(elapsed)
	half := p.Out
	if in {
		half = p.In
	}
	step := half / time.Duration(width)
	now := p.cellsAt(elapsed, width)
	for d := step / 2; d <= next; d += step / 2 {
		if p.cellsAt(elapsed+d, width) != now {
			return d
		}
	}
	return next
}
