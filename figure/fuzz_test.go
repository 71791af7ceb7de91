package figure

import (
	"testing"

	"github.com/unknot/unknot/content"
)

// Any figure a pack could hold (every point on the square, any prop, any
// size) draws without panicking, fills exactly the cells asked for, and
// its other side is its mirror image.
func FuzzDraw(f *testing.F) {
	f.Add([]byte{50, 80, 50, 70, 50, 45, 3, 40, 30}, uint8(24), uint8(12), uint8(1))
	f.Add([]byte{0, 0, 100, 100, 0, 100, 100, 0}, uint8(1), uint8(1), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, w, h, frame uint8) {
		at := func(i int) content.Point {
			if len(data) == 0 {
				return content.Point{}
			}
			return content.Point{int(data[i%len(data)]) % 101, int(data[(i+1)%len(data)]) % 101}
		}
		fig := content.Figure{Facing: content.Facings[int(frame)%len(content.Facings)], Joints: map[string]content.Point{}}
		for i, j := range append(append([]string{}, content.Joints...), content.OptionalJoints...) {
			fig.Joints[j] = at(2 * i)
		}
		fig.Keyframes = []map[string]content.Point{{"left_hand": at(3), "head": at(5)}}
		for i, kind := range content.PropKinds {
			fig.Props = append(fig.Props, content.Prop{Kind: kind, At: at(7 + i), To: at(11 + i), Size: int(at(13 + i)[0])})
		}
		if frame%2 == 1 { // a close-up, any box at all
			a, z := at(17), at(19)
			fig.Frame = content.Box{a[0], a[1], z[0], z[1]}
		}
		width, height := int(w)%80+1, int(h)%40+1
		k := int(frame) % (fig.Frames() + 1)
		left := Draw(fig, k, false, width, height)
		if left.Width != width || left.Height != height || len(left.Runes) != width*height || len(left.Inks) != width*height {
			t.Fatalf("asked for %dx%d, got %dx%d (%d runes)", width, height, left.Width, left.Height, len(left.Runes))
		}
		if got, want := Draw(fig, k, true, width, height).String(), flip(left).String(); got != want {
			t.Fatalf("the other side is not the mirror image:\n%s\nwant\n%s", got, want)
		}
	})
}
