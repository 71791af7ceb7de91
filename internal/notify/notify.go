// Package notify announces a due break: a desktop notification where a
// desktop is there, otherwise the terminal's own (OSC 9 and OSC 777,
// passed through tmux), and the bell.
package notify

import (
	"os"
	"runtime"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/gen2brain/beeep"
)

// Ways a break can be announced (config.toml's nudge.notify).
const (
	Auto     = "auto"
	Desktop  = "desktop"
	Terminal = "terminal"
	Bell     = "bell"
)

// Notifier announces breaks one way.
type Notifier struct {
	way string
	// desktop sends a desktop notification (beeep.Notify; a fake in tests).
	desktop func(title, body string) error
	// tmux is set inside tmux: terminal sequences are passed through it.
	tmux bool
}

// New is a Notifier for way, with Auto settled by what the process can
// see: a desktop session, or only a terminal.
func New(way string) *Notifier {
	if way == Auto {
		way = Terminal
		if HasDesktop(os.Getenv, runtime.GOOS) {
			way = Desktop
		}
	}
	return &Notifier{way: way, tmux: os.Getenv("TMUX") != "",
		desktop: func(title, body string) error { return beeep.Notify(title, body, "") }}
}

// HasDesktop reports whether a desktop notification can reach the person:
// a graphical session on Linux and the BSDs (a session bus and a
// display), macOS when not logged in over SSH.
func HasDesktop(getenv func(string) string, goos string) bool {
	if goos == "darwin" {
		return getenv("SSH_CONNECTION") == ""
	}
	if goos == "windows" {
		return true
	}
	return getenv("DBUS_SESSION_BUS_ADDRESS") != "" && (getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "")
}

// Way is how n announces: Desktop, Terminal or Bell.
func (n *Notifier) Way() string { return n.way }

// Notify announces title and body. It returns what to write to the
// terminal: the terminal's notification and the bell, or the bell alone
// after a desktop notification (or when the desktop one failed, the
// terminal's as well).
func (n *Notifier) Notify(title, body string) string {
	switch n.way {
	case Desktop:
		if n.desktop(title, body) == nil {
			return "\a"
		}
	case Bell:
		return "\a"
	}
	return n.terminal(title, body) + "\a"
}

// terminal is the OSC 9 (iTerm2, WezTerm, Windows Terminal, ...) and
// OSC 777 (rxvt, foot, Ghostty, ...) notification, each passed through
// tmux when inside it. Terminals that know neither ignore them.
func (n *Notifier) terminal(title, body string) string {
	title, body = clean(title), clean(body)
	seqs := []string{ansi.Notify(title + ": " + body), "\x1b]777;notify;" + title + ";" + body + "\a"}
	var b strings.Builder
	for _, s := range seqs {
		if n.tmux {
			s = ansi.TmuxPassthrough(s)
		}
		b.WriteString(s)
	}
	return b.String()
}

// clean keeps text safe inside an OSC sequence: no control characters,
// and no ';', which separates OSC 777's fields.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ';':
			return ','
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return -1
		}
		return r
	}, s)
}
