package ui

import "time"

// drawn is one part of a screen as last drawn and what it was drawn from:
// View draws it again only when that changed. A session redraws several
// times a second (the pacer, a key) while most of it stays the same.
type drawn[K comparable] struct {
	key  K
	ok   bool
	view string
}

// get is the part for key, drawn by draw when key is not the last one.
func (d *drawn[K]) get(key K, draw func() string) string {
	if !d.ok || d.key != key {
		d.key, d.ok, d.view = key, true, draw()
	}
	return d.view
}

// sessionDrawn is what the session screen keeps of its last frame. Each
// key holds everything its part shows, the width and the styles.
type sessionDrawn struct {
	header drawn[headerKey]
	digits drawn[digitsKey]
	bar    drawn[barKey]
	figure drawn[figureKey]
}

type headerKey struct {
	step, steps int
	done, total time.Duration
	width       int
	st          *styles
}

type digitsKey struct {
	count, side string
	leadIn      bool
	width       int
	st          *styles
}

type barKey struct {
	frac  float64
	width int
	st    *styles
}
