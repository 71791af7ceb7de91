// Package cue announces what happens in a session so that it can be
// followed without looking: a terminal bell, spoken words through the
// system's text-to-speech, or (in tests) a record of what was said.
package cue

import (
	"io"
	"sync"
)

// Cue is one announcement: words to speak, and whether to ring the bell.
type Cue struct {
	Text string
	Bell bool
}

// Player announces cues. Play must not block: speech runs in the
// background, and a new cue may cut one still speaking.
type Player interface {
	Play(Cue)
	Close()
}

// Bell rings the terminal bell (BEL) by writing to W, for cues that ask
// for it. It is the player for plain mode; the TUI rings its bell through
// its own renderer instead.
type Bell struct {
	mu sync.Mutex
	W  io.Writer
}

func (b *Bell) Play(c Cue) {
	if !c.Bell {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	_, _ = io.WriteString(b.W, "\a")
}

func (b *Bell) Close() {}

// Multi plays every cue on each of its players.
type Multi []Player

func (m Multi) Play(c Cue) {
	for _, p := range m {
		p.Play(c)
	}
}

func (m Multi) Close() {
	for _, p := range m {
		p.Close()
	}
}

// Nop plays nothing.
type Nop struct{}

func (Nop) Play(Cue) {}
func (Nop) Close()   {}

// Fake records every cue, for tests.
type Fake struct {
	mu   sync.Mutex
	cues []Cue
}

func (f *Fake) Play(c Cue) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cues = append(f.cues, c)
}

func (f *Fake) Close() {}

// Cues returns what has been played so far.
func (f *Fake) Cues() []Cue {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Cue(nil), f.cues...)
}

// Texts returns the spoken words played so far, skipping bell-only cues.
func (f *Fake) Texts() []string {
	var out []string
	for _, c := range f.Cues() {
		if c.Text != "" {
			out = append(out, c.Text)
		}
	}
	return out
}
