package ui

import (
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
	t := max(elapsed, 0) % cycle // never before the hold began
	if t < p.In {
		return true, float64(t) / float64(p.In), p.In - t
	}
	t -= p.In
	return false, 1 - float64(t)/float64(p.Out), p.Out - t
}

// cellsAt is how many of width cells the bar fills at elapsed. It gains a
// cell at each width-th of the breath in and loses one at each width-th of
// the breath out, counted in whole nanoseconds, so every change falls on an
// exact step of the breath. With the default 4 s in, 6 s out and 12 cells,
// the steps are 1/3 s and 1/2 s, and each whole second's change is also
// the countdown's: one redraw, not two (BENCHMARKS.md).
func (p pacer) cellsAt(elapsed time.Duration, width int) int {
	in, _, left := p.at(elapsed)
	w := int64(width)
	if p.In <= 0 || p.Out <= 0 || w <= 0 {
		return 0
	}
	if in {
		return int(int64(p.In-left) * w / int64(p.In)) // rounded down: empty at the start
	}
	return int((int64(left)*w + int64(p.Out) - 1) / int64(p.Out)) // rounded up: full at the turn
}

// nextChange is how long until the pacer looks different: the bar gains
// or loses a cell, or the count of seconds changes. With reduced motion
// only the count (and the in/out label) matters.
func (p pacer) nextChange(elapsed time.Duration, width int, reduced bool) time.Duration {
	in, _, left := p.at(elapsed)
	next := left % time.Second // the shown count changes
	if next == 0 {
		next = min(left, time.Second)
	}
	if reduced || width <= 0 || p.In <= 0 || p.Out <= 0 {
		return next
	}
	w, cur := int64(width), int64(p.cellsAt(elapsed, width))
	var cell time.Duration
	if in {
		// The first moment (cur+1)/width of the breath in has passed.
		t := p.In - left
		at := (int64(p.In)*(cur+1) + w - 1) / w
		cell = time.Duration(at) - t
	} else {
		// The moment what is left of the breath out fits in cur-1 cells.
		cell = left - time.Duration(int64(p.Out)*(cur-1)/w)
	}
	return min(next, cell)
}
