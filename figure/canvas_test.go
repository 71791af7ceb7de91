package figure

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// A filled disc draws the same dots when only its part on the canvas is
// visited as when every step of it is: discs in, across and far beyond
// the edges, with whole and fractional centres and radii.
func TestDiscOnlyWhereTheCanvasIs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		w, h := 1+rng.IntN(40), 1+rng.IntN(20)
		x := rng.Float64()*float64(3*w) - float64(w)
		y := rng.Float64()*float64(3*h) - float64(h)
		r := rng.Float64() * float64(2*(w+h))
		if rng.IntN(4) == 0 {
			x, y, r = float64(int(x)), float64(int(y)), float64(int(r))
		}
		got := newCanvas(w, h)
		got.circle(x, y, r, Prop, true)
		want := newCanvas(w, h)
		want.circle(x, y, r, Prop, false) // the ring, then every step of the disc
		for dy := -r; dy <= r; dy++ {
			for dx := -r; dx <= r; dx++ {
				if dx*dx+dy*dy <= r*r {
					want.set(x+dx, y+dy, Prop)
				}
			}
		}
		if !slices.Equal(got.ink, want.ink) {
			t.Fatalf("%dx%d canvas, disc at %.2f,%.2f radius %.2f: dots differ", w, h, x, y, r)
		}
	}
	// A close-up can make a ball thousands of dots across: only the
	// canvas's rows and columns are visited.
	if lo, hi := within(10, 15000, 48); hi-lo > 48 {
		t.Errorf("a huge disc visits %.0f rows of a 48-row canvas", hi-lo+1)
	}
}
