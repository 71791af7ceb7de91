package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// helpLine caches the rendered help line: it changes only with the keys
// on offer, the width, short or full help and the styles, while a session
// redraws every second.
type helpLine struct {
	sig, next []byte // what the last line showed, and what this one shows
	st        *styles
	view      string
}

// View is h.View(k), drawn again only when something it shows changed.
func (c *helpLine) View(h *help.Model, st *styles, k help.KeyMap) string {
	w := h.Width()
	sig := append(c.next[:0], byte(w), byte(w>>8))
	if h.ShowAll {
		for _, col := range k.FullHelp() {
			sig = appendBindings(append(sig, 1), col)
		}
	} else {
		sig = appendBindings(append(sig, 0), k.ShortHelp())
	}
	c.next = sig
	if c.st == st && c.view != "" && string(c.sig) == string(sig) {
		return c.view
	}
	c.sig, c.next = c.next, c.sig
	c.st, c.view = st, h.View(k)
	return c.view
}

func appendBindings(sig []byte, bs []key.Binding) []byte {
	for _, b := range bs {
		sig = append(sig, 3)
		if b.Enabled() {
			sig = append(sig, 1)
		}
		sig = append(append(append(sig, b.Help().Key...), 0), b.Help().Desc...)
	}
	return sig
}

// ifRoom is short with extra added when the short help line still fits in
// width. The help model cuts a line that is too long only when its
// ellipsis fits, so a full line would overflow instead.
func ifRoom(width int, short []key.Binding, extra key.Binding) []key.Binding {
	const sep = 3 // " • "
	w := -sep
	for _, b := range append(short, extra) {
		w += sep + ansi.StringWidth(b.Help().Key+" "+b.Help().Desc)
	}
	if width > 0 && w > width {
		return short
	}
	return append(short, extra)
}
