package figure

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/unknot/unknot/content"
)

// -png DIR writes every built-in figure, both sides and every keyframe,
// as a PNG of its dots, to look at the drawings as a person would.
var pngDir = flag.String("png", "", "write each built-in figure as a PNG into this directory")

func TestWritePNGs(t *testing.T) {
	if *pngDir == "" {
		t.Skip("no -png directory")
	}
	if err := os.MkdirAll(*pngDir, 0o755); err != nil {
		t.Fatal(err)
	}
	var sheet []Picture
	for _, tech := range content.Builtin().Techniques {
		for _, f := range techniqueFigures(tech) {
			for k := range f.fig.Frames() {
				for _, mirror := range []bool{false, true} {
					name := goldenName(tech.ID, f.stage, k, mirror)
					pic := Draw(f.fig, k, mirror, DefaultWidth, DefaultHeight)
					if err := writePNG(filepath.Join(*pngDir, name+".png"), pic); err != nil {
						t.Fatal(err)
					}
					if !mirror {
						sheet = append(sheet, pic)
					}
				}
			}
		}
	}
	// Contact sheets of the left sides, twelve to a sheet, in catalogue
	// order, to look over many at once.
	for i := 0; i < len(sheet); i += 12 {
		if err := writePNG(filepath.Join(*pngDir, fmt.Sprintf("sheet-%02d.png", i/12)), tile(sheet[i:min(i+12, len(sheet))], 4)); err != nil {
			t.Fatal(err)
		}
	}
}

// tile sets pictures of one size in a grid, cols across, a blank cell
// between them.
func tile(pics []Picture, cols int) Picture {
	w, h := pics[0].Width+1, pics[0].Height+1
	rows := (len(pics) + cols - 1) / cols
	out := Picture{Width: w * cols, Height: h * rows}
	out.Runes = make([]rune, out.Width*out.Height)
	out.Inks = make([]Ink, out.Width*out.Height)
	for i := range out.Runes {
		out.Runes[i] = ' '
	}
	for n, p := range pics {
		ox, oy := (n%cols)*w, (n/cols)*h
		for y := range p.Height {
			for x := range p.Width {
				out.Runes[(oy+y)*out.Width+ox+x] = p.Runes[y*p.Width+x]
				out.Inks[(oy+y)*out.Width+ox+x] = p.Inks[y*p.Width+x]
			}
		}
	}
	return out
}

// writePNG draws each dot of the picture as a small square, grey cell
// borders faint, so the PNG shows exactly what a terminal would.
func writePNG(path string, p Picture) error {
	const dot, gapX, gapY = 4, 2, 1
	cellW, cellH := 2*(dot+gapX)+2, 4*(dot+gapY)+4
	img := image.NewRGBA(image.Rect(0, 0, p.Width*cellW, p.Height*cellH))
	bg := color.RGBA{250, 250, 245, 255}
	for i := range img.Pix {
		img.Pix[i] = bg.R
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	inks := map[Ink]color.RGBA{Body: {20, 20, 120, 255}, Prop: {200, 110, 30, 255}}
	for cy := range p.Height {
		for cx := range p.Width {
			i := cy*p.Width + cx
			r := p.Runes[i]
			if r == ' ' {
				continue
			}
			bits := r - 0x2800
			for row := range 4 {
				for col := range 2 {
					if bits&brailleBits[row][col] == 0 {
						continue
					}
					x0, y0 := cx*cellW+1+col*(dot+gapX), cy*cellH+2+row*(dot+gapY)
					for y := y0; y < y0+dot; y++ {
						for x := x0; x < x0+dot; x++ {
							img.Set(x, y, inks[p.Inks[i]])
						}
					}
				}
			}
		}
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(out, img); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
