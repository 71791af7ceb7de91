package ui

import (
	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/figure"
)

// figureView is keyframe k of a figure drawn at the default size in the
// figure colours (the person in the text colour, props apart), the other
// side when mirror is set, without the rows none of its keyframes uses.
func figureView(st *styles, f content.Figure, k int, mirror bool) string {
	pic := figure.DrawTrimmed(f, k, mirror, figure.DefaultWidth, figure.DefaultHeight)
	return pic.Styled(func(ink figure.Ink, s string) string {
		if ink == figure.Prop {
			return st.FigureProp.Render(s)
		}
		return st.FigureBody.Render(s)
	})
}

// detailBesideFrom is the width from which the detail page sets the
// figure beside the text rather than above it.
const detailBesideFrom = 100

// techniquePage is a technique's detail with its figure: beside the text
// from detailBesideFrom columns, under the name and summary when
// narrower (so the page still opens on what it is); the text alone
// when the technique has no figure or the page is too narrow to draw one.
func techniquePage(st *styles, cat *content.Catalogue, t content.Technique, width int) string {
	if !t.Figure.Drawn() || width < figure.DefaultWidth+4 {
		return techniqueText(st, cat, t, width)
	}
	fig := figureView(st, t.Figure, 0, false)
	if t.Dosage.Bilateral {
		fig += "\n" + st.Subtle.Render(center(figure.DefaultWidth, "left side; right mirrored"))
	}
	gutter := figure.DefaultWidth + 4
	if width >= detailBesideFrom {
		text := techniqueText(st, cat, t, width-gutter)
		return lipgloss.JoinHorizontal(lipgloss.Top, text, "\n"+fig)
	}
	return techniqueTextWith(st, cat, t, width, fig)
}
