package ui

import (
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/content"
)

// textPage is a page of wrapped text that scrolls when it is taller than
// the terminal: the emergency, clinician, stop-rules and detail pages.
// The text is rendered once per width and style, not on every frame, with
// the styles of the moment (render closures capture data, never styles).
type textPage struct {
	render func(st *styles, width int) string
	st     *styles
	vp     viewport.Model
	width  int
}

func newTextPage(st *styles, render func(st *styles, width int) string) textPage {
	return textPage{render: render, st: st, vp: viewport.New()}
}

// newTechniquePage is a technique's details: how-to, dosage, precautions.
func newTechniquePage(st *styles, cat *content.Catalogue, t content.Technique) textPage {
	return newTextPage(st, func(st *styles, w int) string { return techniqueText(st, cat, t, w) })
}

// setStyles re-renders the text in new colours at the next SetSize.
func (p *textPage) setStyles(st *styles) {
	p.st, p.width = st, 0
}

// SetSize re-renders the text for the width and leaves room for helpRows.
func (p *textPage) SetSize(w, h, helpRows int) {
	if p.render == nil {
		return
	}
	if w != p.width {
		p.width = w
		p.vp.SetContent(p.render(p.st, w))
	}
	p.vp.SetWidth(w)
	p.vp.SetHeight(max(h-helpRows, 1))
}

func (p textPage) Update(msg tea.Msg) (textPage, tea.Cmd) {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

func (p textPage) View(helpView string) string {
	return lipgloss.JoinVertical(lipgloss.Left, p.vp.View(), helpView)
}
