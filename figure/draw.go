// Package figure draws a technique's figure (content.Figure) as text:
// Braille dots, two across and four down in each cell, so that limbs read
// as lines in a box of about 24 by 12 cells. It is pure: the same figure,
// keyframe, side and size always give the same picture.
package figure

import (
	"math"

	"github.com/unknot/unknot/content"
)

// The size a figure is drawn at unless there is less room, in cells.
const (
	DefaultWidth  = 24
	DefaultHeight = 12
)

// Smallest is the least room a figure is drawn in; below it the limbs
// run together, and a front end shows the words (the alt text) instead.
const (
	MinWidth  = 16
	MinHeight = 8
)

// Usual sizes of props, on the figure's square, when a figure gives none.
const (
	headRadius    = 5
	ballRadius    = 3
	rollerRadius  = 6
	knobbedRadius = 4
	towelRadius   = 3
	doorTop       = 90
	frontBackrest = 24
)

// Draw draws keyframe k of f (0 is the pose itself) in w by h cells;
// mirror draws the other side, the same dots seen in a mirror. A figure
// with no joints draws nothing.
func Draw(f content.Figure, k int, mirror bool, w, h int) Picture {
	c := newCanvas(max(w, 1)*2, max(h, 1)*4)
	if f.Drawn() {
		v := fit(f, c)
		// Furniture, walls and floor behind the person; what presses
		// into the body in front, so the point of contact shows whole.
		for _, p := range f.Props {
			if !presses(p.Kind) {
				v.prop(c, p)
			}
		}
		v.body(c, f.Pose(k), f.Facing)
		c.over = true
		for _, p := range f.Props {
			if presses(p.Kind) {
				v.prop(c, p)
			}
		}
	}
	if mirror {
		c.flip()
	}
	return c.cells()
}

// view maps the figure's square (y up, x across) to dots: the figure, all
// its keyframes and the props near it (or the figure's frame, when it has
// one), made as large as the canvas allows and centred.
type view struct{ scale, ox, oy float64 }

func (v view) at(p content.Point) (float64, float64) {
	return v.ox + float64(p[0])*v.scale, v.oy - float64(p[1])*v.scale
}

// maxScale stops a small figure (a seated one seen close) from being
// blown up until the lines look coarse beside the others.
const maxScale = 0.8

// margin keeps the head and props off the canvas's edge, in units.
const margin = 4

func fit(f content.Figure, c *canvas) view {
	minX, maxX, maxY := math.Inf(1), math.Inf(-1), math.Inf(-1)
	minY := math.Inf(1)
	add := func(x, y float64) {
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	for k := range f.Frames() {
		for name, p := range f.Pose(k) {
			r := 0.0
			if name == "head" {
				r = headRadius + 2 // the nose
			}
			add(float64(p[0])-r, float64(p[1])-r)
			add(float64(p[0])+r, float64(p[1])+r)
		}
	}
	for _, p := range f.Props {
		switch p.Kind {
		case "floor":
			add(minX, float64(p.At[1]))
		case "wall", "door-frame":
			add(float64(p.At[0]), float64(p.At[1]))
		default:
			r := float64(propRadius(p))
			add(float64(p.At[0])-r, float64(p.At[1])-r)
			add(float64(p.At[0])+r, float64(p.At[1])+r)
			if p.To != (content.Point{}) {
				add(float64(p.To[0]), float64(p.To[1]))
			}
		}
	}
	minX, maxX, minY, maxY = minX-margin, maxX+margin, minY-margin/2, maxY+margin
	dw, dh := float64(c.w-1), float64(c.h-1)
	s := math.Min(maxScale*dw/float64(DefaultWidth*2-1), math.Min(dw/(maxX-minX), dh/(maxY-minY)))
	if fr := f.Frame; fr[2] > fr[0] && fr[3] > fr[1] { // a close-up: the box the author chose, filled
		// (content rejects an empty box; a figure built in code may still
		// hold one, and dividing by its zero width would draw nothing forever)
		minX, minY = float64(f.Frame[0]), float64(f.Frame[1])
		maxX, maxY = float64(f.Frame[2]), float64(f.Frame[3])
		s = math.Min(dw/(maxX-minX), dh/(maxY-minY))
	}
	v := view{scale: s}
	v.ox = (dw-(maxX-minX)*s)/2 - minX*s
	v.oy = dh - (dh-(maxY-minY)*s)/2 + minY*s
	return v
}

// presses reports whether a kind of prop presses into the body (and is
// drawn over it) rather than standing behind it.
func presses(kind string) bool {
	switch kind {
	case "ball", "foam-roller", "knobbed-roller", "towel", "stick":
		return true
	}
	return false
}

func propRadius(p content.Prop) int {
	if p.Size > 0 {
		return p.Size
	}
	switch p.Kind {
	case "ball":
		return ballRadius
	case "foam-roller":
		return rollerRadius
	case "knobbed-roller":
		return knobbedRadius
	case "towel":
		return towelRadius
	}
	return 0
}

// body draws the skeleton: the trunk two dots thick, the limbs one, the
// head a ring with a nose on the side it faces (filled when it faces
// away, dots for eyes when it faces the viewer).
func (v view) body(c *canvas, pose map[string]content.Point, facing string) {
	pt := func(j string) (float64, float64) { return v.at(pose[j]) }
	bone := func(a, b string) {
		ax, ay := pt(a)
		bx, by := pt(b)
		c.line(ax, ay, bx, by, Body, 1)
	}
	nx, ny := pt("neck")
	cx, cy := pt("chest")
	px, py := pt("pelvis")
	c.thick(nx, ny, cx, cy, Body)
	c.thick(cx, cy, px, py, Body)
	for _, side := range []string{"left", "right"} {
		bone("neck", side+"_shoulder")
		bone(side+"_shoulder", side+"_elbow")
		bone(side+"_elbow", side+"_hand")
		bone("pelvis", side+"_hip")
		bone(side+"_hip", side+"_knee")
		bone(side+"_knee", side+"_foot")
	}
	v.feet(c, pose, facing)
	hx, hy := pt("head")
	r := math.Max(2, math.Round(headRadius*v.scale))
	// The neck runs to the edge of the head, not into it.
	if d := math.Hypot(hx-nx, hy-ny); d > r {
		c.line(nx, ny, hx-(hx-nx)*r/d, hy-(hy-ny)*r/d, Body, 1)
	}
	c.circle(hx, hy, r, Body, facing == "away")
	switch facing {
	case "left":
		c.set(hx-r-1, hy, Body)
		c.set(hx-r-1, hy+1, Body)
	case "right":
		c.set(hx+r+1, hy, Body)
		c.set(hx+r+1, hy+1, Body)
	case "up":
		c.set(hx, hy-r-1, Body)
		c.set(hx+1, hy-r-1, Body)
	case "down":
		c.set(hx, hy+r+1, Body)
		c.set(hx+1, hy+r+1, Body)
	case "viewer":
		c.set(hx-1, hy-1, Body)
		c.set(hx+1, hy-1, Body)
	}
}

// toeLength is how far a foot reaches past the ankle, in units.
const toeLength = 5

// feet draws a short foot from each ankle whose shin stands more upright
// than flat, pointing the way the person faces (seen lying on the back,
// away from the head): toes say at a glance which way the figure faces.
func (v view) feet(c *canvas, pose map[string]content.Point, facing string) {
	dir := 0
	switch facing {
	case "right":
		dir = 1
	case "left":
		dir = -1
	case "up":
		if pose["pelvis"][0] > pose["head"][0] {
			dir = 1
		} else {
			dir = -1
		}
	}
	if dir == 0 {
		return
	}
	for _, side := range []string{"left", "right"} {
		k, f := pose[side+"_knee"], pose[side+"_foot"]
		if abs(f[1]-k[1]) <= abs(f[0]-k[0]) {
			continue
		}
		ax, ay := v.at(f)
		bx, by := v.at(content.Point{f[0] + dir*toeLength, f[1]})
		c.line(ax, ay, bx, by, Body, 1)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// prop draws one prop: furniture and walls dotted, so they read as
// background, and the things that press into the body solid.
func (v view) prop(c *canvas, p content.Prop) {
	ax, ay := v.at(p.At)
	bx, by := v.at(p.To)
	r := float64(propRadius(p)) * v.scale
	hasTo := p.To != (content.Point{})
	switch p.Kind {
	case "floor":
		c.line(0, ay, float64(c.w-1), ay, Prop, 2)
	case "mat":
		if p.To[1] == p.At[1] { // seen from the side: a band on the floor
			c.line(ax, ay-1, bx, ay-1, Prop, 1)
			return
		}
		// Seen from above: its outline around the person lying on it.
		c.line(ax, ay, bx, ay, Prop, 2)
		c.line(ax, by, bx, by, Prop, 2)
		c.line(ax, ay, ax, by, Prop, 2)
		c.line(bx, ay, bx, by, Prop, 2)
	case "wall":
		out := outward(p.At[0])
		c.line(ax, ay, ax, 0, Prop, 2)
		c.line(ax+out, ay, ax+out, 0, Prop, 4)
	case "door-frame":
		top := content.Point{p.At[0], doorTop}
		if p.Size > 0 {
			top[1] = p.Size
		}
		_, ty := v.at(top)
		c.line(ax-1, ay, ax-1, ty, Prop, 1)
		c.line(ax+1, ay, ax+1, ty, Prop, 1)
		c.line(ax-1, ty, ax+1, ty, Prop, 1)
	case "chair":
		_, fy := v.at(content.Point{0, 0})
		c.line(ax, ay, bx, ay, Prop, 1)
		c.line(ax, ay, ax, fy, Prop, 2)
		c.line(bx, ay, bx, fy, Prop, 2)
		if p.To[1] != p.At[1] { // from the side: the backrest at To
			c.line(bx, ay, bx, by, Prop, 1)
			return
		}
		// From the front: the backrest rises behind the person, its
		// posts either side of them.
		back := float64(frontBackrest) * v.scale
		if p.Size > 0 {
			back = float64(p.Size) * v.scale
		}
		c.line(ax, ay, ax, ay-back, Prop, 1)
		c.line(bx, ay, bx, ay-back, Prop, 1)
		c.line(ax, ay-back, bx, ay-back, Prop, 2)
	case "ball":
		c.circle(ax, ay, math.Max(r, 1.5), Prop, true)
	case "foam-roller":
		if hasTo {
			c.thick(ax, ay, bx, by, Prop)
			c.line(ax, ay+2, bx, by+2, Prop, 1)
			return
		}
		c.circle(ax, ay, math.Max(r, 2), Prop, false)
		c.set(ax, ay, Prop)
	case "knobbed-roller":
		r = math.Max(r, 2)
		c.circle(ax, ay, r, Prop, false)
		for i := range 6 {
			a := math.Pi * float64(i) / 3
			c.set(ax+(r+1)*math.Cos(a), ay+(r+1)*math.Sin(a), Prop)
		}
	case "towel":
		if hasTo {
			c.thick(ax, ay, bx, by, Prop)
			return
		}
		r = math.Max(r, 1.5)
		for dy := -r / 2; dy <= r/2; dy++ {
			c.line(ax-r, ay+dy, ax+r, ay+dy, Prop, 1)
		}
	case "stick":
		c.line(ax, ay, bx, by, Prop, 1)
		c.circle(ax, ay, 1, Prop, true)
		c.circle(bx, by, 1, Prop, true)
	}
}

// outward is the side of a wall at x that its second, sparser line is
// drawn on: away from the room, the middle of the square.
func outward(x int) float64 {
	if x < content.FigureSize/2 {
		return -1
	}
	return 1
}

// Extent is the rows of a w by h drawing of f that any of its keyframes
// uses, top (inclusive) to bottom (exclusive): a front end short of rows
// leaves out the rest, and the figure keeps its place as it moves. The
// other side uses the same rows.
func Extent(f content.Figure, w, h int) (top, bottom int) {
	top, bottom = h, 0
	for k := range f.Frames() {
		p := Draw(f, k, false, w, h)
		for y := range p.Height {
			if p.rowUsed(y) {
				top, bottom = min(top, y), max(bottom, y+1)
			}
		}
	}
	if top >= bottom {
		return 0, 0
	}
	return top, bottom
}

// DrawTrimmed is Draw without the rows no keyframe uses (Extent).
func DrawTrimmed(f content.Figure, k int, mirror bool, w, h int) Picture {
	top, bottom := Extent(f, w, h)
	return Draw(f, k, mirror, w, h).Rows(top, bottom)
}
