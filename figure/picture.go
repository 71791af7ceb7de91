package figure

import "strings"

// Picture is a drawn figure: Height rows of Width cells, each a rune (a
// Braille character or a space) and the ink it shows.
type Picture struct {
	Width, Height int
	Runes         []rune
	Inks          []Ink
}

// Lines are the picture's rows as text, each Width cells wide.
func (p Picture) Lines() []string {
	out := make([]string, p.Height)
	for y := range p.Height {
		out[y] = string(p.Runes[y*p.Width : (y+1)*p.Width])
	}
	return out
}

// String is the rows joined by newlines.
func (p Picture) String() string { return strings.Join(p.Lines(), "\n") }

// Styled is the picture with each run of cells of one ink passed through
// paint (a front end's colours); blank cells stay plain spaces.
func (p Picture) Styled(paint func(ink Ink, s string) string) string {
	var b strings.Builder
	for y := range p.Height {
		if y > 0 {
			b.WriteByte('\n')
		}
		row := y * p.Width
		for x := 0; x < p.Width; {
			ink := p.Inks[row+x]
			end := x + 1
			for end < p.Width && p.Inks[row+end] == ink {
				end++
			}
			s := string(p.Runes[row+x : row+end])
			if ink != Blank {
				s = paint(ink, s)
			}
			b.WriteString(s)
			x = end
		}
	}
	return b.String()
}

// Empty reports whether nothing was drawn.
func (p Picture) Empty() bool {
	for _, ink := range p.Inks {
		if ink != Blank {
			return false
		}
	}
	return true
}

// Rows is the picture cut to rows top (inclusive) to bottom (exclusive).
func (p Picture) Rows(top, bottom int) Picture {
	top, bottom = max(top, 0), min(bottom, p.Height)
	if top >= bottom {
		return Picture{Width: p.Width}
	}
	return Picture{Width: p.Width, Height: bottom - top,
		Runes: p.Runes[top*p.Width : bottom*p.Width], Inks: p.Inks[top*p.Width : bottom*p.Width]}
}

// rowUsed reports whether anything is drawn in row y.
func (p Picture) rowUsed(y int) bool {
	for _, ink := range p.Inks[y*p.Width : (y+1)*p.Width] {
		if ink != Blank {
			return true
		}
	}
	return false
}
