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

// steps is how many steps a half of the breath takes: one a second,
// rounded (at least one). The bar moves only on a step, so with whole
// seconds in and out (the default 4 and 6) it moves when the countdown
// does: the pacer costs no wake-up of its own (BENCHMARKS.md).
func steps(d time.Duration) int64 {
	return max(int64((d+time.Second/2)/time.Second), 1)
}

// cellsAt is how many of width cells the bar fills at elapsed: it fills
// in steps(In) even steps on the breath in and empties in steps(Out) on
// the way out, each step at an exact fraction of the half, counted in
// whole nanoseconds.
func (p pacer) cellsAt(elapsed time.Duration, width int) int {
	in, _, left := p.at(elapsed)
	if p.In <= 0 || p.Out <= 0 || width <= 0 {
		return 0
	}
	w := int64(width)
	if in {
		n := steps(p.In)
		k := int64(p.In-left) * n / int64(p.In) // rounded down: empty at the start
		return int(k * w / n)
	}
	n := steps(p.Out)
	k := (int64(left)*n + int64(p.Out) - 1) / int64(p.Out) // rounded up: full at the turn
	return int(k * w / n)
}

// nextChange is how long until the pacer looks different: the bar takes
// its next step, or the count of seconds changes. With reduced motion
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
	var step time.Duration
	if in {
		// The first moment (k+1)/n of the breath in has passed.
		n := steps(p.In)
		t := p.In - left
		k := int64(t) * n / int64(p.In)
		at := (int64(p.In)*(k+1) + n - 1) / n
		step = time.Duration(at) - t
	} else {
		// The moment what is left of the breath out fits in k-1 steps.
		n := steps(p.Out)
		k := (int64(left)*n + int64(p.Out) - 1) / int64(p.Out)
		step = left - time.Duration(int64(p.Out)*(k-1)/n)
	}
	return min(next, step)
}
