package figure

import (
	"testing"

	"github.com/unknot/unknot/content"
)

// flip is the picture seen in a mirror: cells in reverse order along each
// row, and the two columns of dots in each cell swapped.
func flip(p Picture) Picture {
	out := Picture{Width: p.Width, Height: p.Height, Runes: make([]rune, len(p.Runes)), Inks: make([]Ink, len(p.Inks))}
	for y := range p.Height {
		for x := range p.Width {
			from, to := y*p.Width+x, y*p.Width+p.Width-1-x
			out.Inks[to] = p.Inks[from]
			r := p.Runes[from]
			if r == ' ' {
				out.Runes[to] = ' '
				continue
			}
			bits, flipped := r-0x2800, rune(0)
			for row := range 4 {
				if bits&brailleBits[row][0] != 0 {
					flipped |= brailleBits[row][1]
				}
				if bits&brailleBits[row][1] != 0 {
					flipped |= brailleBits[row][0]
				}
			}
			out.Runes[to] = 0x2800 + flipped
		}
	}
	return out
}

// The right side is the left side in a mirror, dot for dot, for every
// built-in figure and keyframe, and at other sizes too.
func TestMirrorIsAFlip(t *testing.T) {
	for _, tech := range content.Builtin().Techniques {
		for _, f := range techniqueFigures(tech) {
			for k := range f.fig.Frames() {
				for _, size := range [][2]int{{DefaultWidth, DefaultHeight}, {30, 14}, {MinWidth, MinHeight}} {
					left := Draw(f.fig, k, false, size[0], size[1])
					right := Draw(f.fig, k, true, size[0], size[1])
					if got, want := right.String(), flip(left).String(); got != want {
						t.Errorf("%s at %v: the right side is not the left mirrored:\n%s\nwant\n%s", goldenName(tech.ID, f.stage, k, true), size, got, want)
					}
					if left.String() == right.String() {
						t.Errorf("%s: both sides are the same", goldenName(tech.ID, f.stage, k, false))
					}
				}
			}
		}
	}
}

// Standing facing right, the toes point right of the ankles; on the
// other side, left of them.
func TestToesShowTheFacing(t *testing.T) {
	tech, _ := content.Builtin().Technique("posture-reset")
	if tech.Figure.Facing != "right" {
		t.Fatalf("posture-reset faces %s, want right", tech.Figure.Facing)
	}
	for _, mirror := range []bool{false, true} {
		pic := Draw(tech.Figure, 0, mirror, DefaultWidth, DefaultHeight)
		foot := lowestBodyRow(pic)
		toes, ankles := bodySpan(pic, foot), bodySpan(pic, foot-1)
		right := toes[1] > ankles[1]
		left := toes[0] < ankles[0]
		if right == mirror || left != mirror {
			t.Errorf("mirror %v: feet span %v, shins above them %v:\n%s", mirror, toes, ankles, pic)
		}
	}
}

func lowestBodyRow(p Picture) int {
	for y := p.Height - 1; y >= 0; y-- {
		if bodySpan(p, y)[0] >= 0 {
			return y
		}
	}
	return -1
}

// bodySpan is the first and last cell of a row that show the person.
func bodySpan(p Picture, row int) [2]int {
	span := [2]int{-1, -1}
	for x := range p.Width {
		if p.Inks[row*p.Width+x] == Body {
			if span[0] < 0 {
				span[0] = x
			}
			span[1] = x
		}
	}
	return span
}

// A trimmed figure keeps every row any keyframe draws in and no row none
// does, the same rows for each keyframe and side.
func TestDrawTrimmed(t *testing.T) {
	for _, tech := range content.Builtin().Techniques {
		f := tech.Figure
		top, bottom := Extent(f, DefaultWidth, DefaultHeight)
		for k := range f.Frames() {
			for _, mirror := range []bool{false, true} {
				full := Draw(f, k, mirror, DefaultWidth, DefaultHeight)
				cut := DrawTrimmed(f, k, mirror, DefaultWidth, DefaultHeight)
				if cut.Height != bottom-top || cut.String() != full.Rows(top, bottom).String() {
					t.Fatalf("%s: trimmed rows differ", tech.ID)
				}
				for y := range full.Height {
					if (y < top || y >= bottom) && full.rowUsed(y) {
						t.Errorf("%s keyframe %d: row %d is drawn but trimmed", tech.ID, k, y)
					}
				}
			}
		}
		if !drawnIn(f, top) || !drawnIn(f, bottom-1) {
			t.Errorf("%s: rows %d–%d keep a blank edge", tech.ID, top, bottom)
		}
	}
}

// drawnIn reports whether some keyframe of f draws in row y.
func drawnIn(f content.Figure, y int) bool {
	for k := range f.Frames() {
		if Draw(f, k, false, DefaultWidth, DefaultHeight).rowUsed(y) {
			return true
		}
	}
	return false
}
