package figure

import "math"

// Ink says what a dot (or a cell) belongs to: nothing, the person, or a
// prop. A front end colours them apart; a cell holding both takes the
// colour of most of its dots.
type Ink uint8

const (
	Blank Ink = iota
	Body
	Prop
)

// canvas is a grid of dots, two across and four down per text cell, as
// a Braille character holds them.
type canvas struct {
	w, h int // in dots
	ink  []Ink
	// over lets a prop's dots cover the person's (a ball pressed into
	// the back is drawn in front of it).
	over bool
}

func newCanvas(w, h int) *canvas {
	return &canvas{w: w, h: h, ink: make([]Ink, w*h)}
}

// set marks the dot at x, y (rounded) with ink; the person's ink wins
// over a prop's unless over is set. Dots off the canvas are dropped.
func (c *canvas) set(x, y float64, ink Ink) {
	ix, iy := int(math.Round(x)), int(math.Round(y))
	if ix < 0 || iy < 0 || ix >= c.w || iy >= c.h {
		return
	}
	if i := iy*c.w + ix; c.ink[i] != Body || c.over {
		c.ink[i] = ink
	}
}

// line draws from a to b, one dot thick; every is 1 for a solid line and
// 2 or more for a dotted one.
func (c *canvas) line(ax, ay, bx, by float64, ink Ink, every int) {
	n := int(math.Ceil(math.Max(math.Abs(bx-ax), math.Abs(by-ay))))
	if n == 0 {
		c.set(ax, ay, ink)
		return
	}
	for i := 0; i <= n; i++ {
		if i%every != 0 && i != n {
			continue
		}
		t := float64(i) / float64(n)
		c.set(ax+(bx-ax)*t, ay+(by-ay)*t, ink)
	}
}

// thick draws a line two dots thick, the second beside the first.
func (c *canvas) thick(ax, ay, bx, by float64, ink Ink) {
	c.line(ax, ay, bx, by, ink, 1)
	if math.Abs(bx-ax) > math.Abs(by-ay) {
		c.line(ax, ay+1, bx, by+1, ink, 1)
	} else {
		c.line(ax+1, ay, bx+1, by, ink, 1)
	}
}

// flip turns the dots left for right: the other side of the body.
func (c *canvas) flip() {
	for y := range c.h {
		row := c.ink[y*c.w : (y+1)*c.w]
		for i, j := 0, len(row)-1; i < j; i, j = i+1, j-1 {
			row[i], row[j] = row[j], row[i]
		}
	}
}

// circle draws a ring of radius r around x, y, or a disc when filled.
func (c *canvas) circle(x, y, r float64, ink Ink, filled bool) {
	steps := int(math.Max(16, 8*r))
	for i := range steps {
		a := 2 * math.Pi * float64(i) / float64(steps)
		c.set(x+r*math.Cos(a), y+r*math.Sin(a), ink)
	}
	if !filled {
		return
	}
	// Only the part of the disc on the canvas: a close-up can make a prop
	// far larger than the picture, and filling all of it would take
	// seconds for dots that are never seen.
	dy0, dy1 := within(y, r, c.h)
	dx0, dx1 := within(x, r, c.w)
	for dy := dy0; dy <= dy1; dy++ {
		for dx := dx0; dx <= dx1; dx++ {
			if dx*dx+dy*dy <= r*r {
				c.set(x+dx, y+dy, ink)
			}
		}
	}
}

// within is the steps from -r to r, whole steps from -r as the disc takes
// them, that land at center+step inside 0..size-1 (rounded as set rounds):
// lo > hi when none do.
func within(center, r float64, size int) (lo, hi float64) {
	lo, hi = -r, r
	if first := math.Ceil(-0.5 - center - lo); first > 0 { // steps below 0
		lo += first
	}
	if last := math.Floor(float64(size) - 0.5 - center - lo); last < hi-lo { // steps past size-1
		hi = lo + last
	}
	return lo, hi
}

// brailleBits maps a dot's place in its cell (column, row) to its bit in
// a Braille character (U+2800 + bits).
var brailleBits = [4][2]rune{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}

// cells turns the dots into rows of text cells: a Braille character per
// cell (a space where it is empty) and the ink each cell shows.
func (c *canvas) cells() Picture {
	cw, ch := (c.w+1)/2, (c.h+3)/4
	p := Picture{Width: cw, Height: ch, Runes: make([]rune, cw*ch), Inks: make([]Ink, cw*ch)}
	body := make([]int8, cw*ch) // body dots less prop dots in each cell
	for y := range c.h {
		for x := range c.w {
			ink := c.ink[y*c.w+x]
			if ink == Blank {
				continue
			}
			i := (y/4)*cw + x/2
			p.Runes[i] |= brailleBits[y%4][x%2]
			if ink == Body {
				body[i]++
			} else {
				body[i]--
			}
		}
	}
	// A cell has one colour: that of most of its dots, the person's on a tie.
	for i, r := range p.Runes {
		switch {
		case r == 0:
			p.Runes[i] = ' '
			continue
		case body[i] >= 0:
			p.Inks[i] = Body
		default:
			p.Inks[i] = Prop
		}
		p.Runes[i] += 0x2800
	}
	return p
}
