package ui

import (
	"charm.land/bubbles/v2/key"
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
	height int // the page's, its help included
}

func newTextPage(st *styles, render func(st *styles, width int) string) textPage {
	return textPage{render: render, st: st, vp: viewport.New()}
}

// newTechniquePage is a technique's details: how-to, dosage, precautions.
func newTechniquePage(st *styles, cat *content.Catalogue, t content.Technique) textPage {
	return newTextPage(st, func(st *styles, w int) string { return techniquePage(st, cat, t, w) })
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
	p.height = h
	p.vp.SetWidth(w)
	p.vp.SetHeight(max(h-helpRows, 1))
}

func (p textPage) Update(msg tea.Msg) (textPage, tea.Cmd) {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

// View draws the text above the help; the full help, taller than the
// one row SetSize left, shortens the text instead of pushing it off.
func (p textPage) View(helpView string) string {
	vp := p.vp
	if p.height > 0 {
		vp.SetHeight(max(p.height-lipgloss.Height(helpView), 1))
	}
	return lipgloss.JoinVertical(lipgloss.Left, vp.View(), helpView)
}

// stopPage is a page of the flow that is only read: the emergency and
// clinician stops, and the stop rules before the first session.
type stopPage struct {
	textPage
	kind screenID // screenEmergency, screenClinician, screenStopRules, screenGuide or screenConfig
	keys *keyMap
	// reopened is the stop rules opened from the intake: enter and esc
	// go back to it.
	reopened bool
}

func newStopPage(kind screenID, st *styles, keys *keyMap, render func(*styles, int) string) *stopPage {
	return &stopPage{textPage: newTextPage(st, render), kind: kind, keys: keys}
}

func (p *stopPage) Update(msg tea.Msg) (action, tea.Cmd) {
	k, isKey := msg.(tea.KeyPressMsg)
	quit := isKey && key.Matches(k, p.keys.Quit)
	switch p.kind {
	case screenEmergency:
		// Nothing here leads to a session: only quitting, or correcting
		// an answer given by mistake.
		switch {
		case quit:
			return quitApp{}, nil
		case isKey && key.Matches(k, p.keys.Mistake):
			return redoSafety{}, nil
		}
	case screenClinician:
		switch {
		case quit || isKey && key.Matches(k, p.keys.Back):
			return goHome{}, nil
		case isKey && key.Matches(k, p.keys.Mistake):
			return redoSafety{}, nil
		}
	case screenGuide, screenConfig:
		if quit || isKey && key.Matches(k, p.keys.Back) {
			return goHome{}, nil
		}
	case screenStopRules:
		switch {
		case quit:
			return goHome{}, nil
		case p.reopened && isKey && (key.Matches(k, p.keys.Select) || key.Matches(k, p.keys.Back)):
			return stepBack{}, nil
		case isKey && key.Matches(k, p.keys.Select):
			return stopRulesRead{}, nil
		}
	}
	var cmd tea.Cmd
	p.textPage, cmd = p.textPage.Update(msg)
	return nil, cmd
}

func (p *stopPage) SetSize(w, h int) { p.textPage.SetSize(w, h, 1) }

func (p *stopPage) typing() bool { return false }

func (p *stopPage) Help() bindings {
	k := p.keys
	switch p.kind {
	case screenEmergency:
		return bindings{short: []key.Binding{k.Move, k.Quit, k.Mistake}, full: [][]key.Binding{{k.Up, k.Down, k.Quit}, {k.Mistake}}}
	case screenClinician:
		return bindings{short: []key.Binding{k.Move, k.Back, k.Leave, k.Mistake}, full: [][]key.Binding{{k.Up, k.Down, k.Back, k.Leave}, {k.Mistake}}}
	case screenGuide, screenConfig:
		return bindings{short: []key.Binding{k.Move, k.Back}, full: [][]key.Binding{{k.Up, k.Down}, {k.Back, k.QuitBack}}}
	}
	if p.reopened {
		return bindings{short: []key.Binding{k.Close, k.Move, k.Leave}, full: [][]key.Binding{{k.Close, k.Back, k.Up, k.Down, k.Leave}}}
	}
	return bindings{short: []key.Binding{k.Continue, k.Move, k.Leave}, full: [][]key.Binding{{k.Continue, k.Up, k.Down, k.Leave}}}
}
