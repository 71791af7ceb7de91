package ui

import (
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// textPage is a page of wrapped text that scrolls when it is taller than
// the terminal: the emergency, clinician, stop-rules and detail pages.
// The text is rendered once per width, not on every frame.
type textPage struct {
	render func(width int) string
	vp     viewport.Model
	width  int
}

func newTextPage(render func(width int) string) textPage {
	return textPage{render: render, vp: viewport.New()}
}

// SetSize re-renders the text for the width and leaves room for helpRows.
func (p *textPage) SetSize(w, h, helpRows int) {
	if p.render == nil {
		return
	}
	if w != p.width {
		p.width = w
		p.vp.SetContent(p.render(w))
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
