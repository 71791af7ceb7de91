package notify

import (
	"errors"
	"strings"
	"testing"
)

func TestHasDesktop(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name   string
		getenv func(string) string
		goos   string
		want   bool
	}{
		{"X11 session", env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/bus", "DISPLAY", ":0"), "linux", true},
		{"Wayland session", env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/bus", "WAYLAND_DISPLAY", "wayland-0"), "linux", true},
		{"console or SSH", env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/bus"), "linux", false},
		{"no bus", env("DISPLAY", ":0"), "linux", false},
		{"macOS", env(), "darwin", true},
		{"macOS over SSH", env("SSH_CONNECTION", "1.2.3.4 22 5.6.7.8 22"), "darwin", false},
	}
	for _, tt := range tests {
		if got := HasDesktop(tt.getenv, tt.goos); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNotify(t *testing.T) {
	var sent []string
	ok := func(title, body string) error { sent = append(sent, title+"|"+body); return nil }
	fail := func(string, string) error { return errors.New("no notification daemon") }
	const title, body = "Break time", "Seated micro-break; 2 minutes\x1b[31m"
	tests := []struct {
		name    string
		n       Notifier
		want    []string // parts of what is written to the terminal
		notWant []string
		sends   int
	}{
		{"desktop", Notifier{way: Desktop, desktop: ok}, []string{"\a"}, []string{"\x1b]9;"}, 1},
		{"desktop fails: the terminal's", Notifier{way: Desktop, desktop: fail}, []string{"\x1b]9;Break time: Seated micro-break, 2 minutes[31m\a", "\x1b]777;notify;Break time;Seated micro-break, 2 minutes[31m\a"}, nil, 0},
		{"terminal in tmux", Notifier{way: Terminal, tmux: true}, []string{"\x1bPtmux;\x1b\x1b]9;", "\x1bPtmux;\x1b\x1b]777;notify;"}, nil, 0},
		{"bell alone", Notifier{way: Bell}, []string{"\a"}, []string{"\x1b]"}, 0},
	}
	for _, tt := range tests {
		sent = nil
		out := tt.n.Notify(title, body)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: %q lacks %q", tt.name, out, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(out, w) {
				t.Errorf("%s: %q has %q", tt.name, out, w)
			}
		}
		if len(sent) != tt.sends {
			t.Errorf("%s: %d desktop notifications, want %d", tt.name, len(sent), tt.sends)
		}
		if !strings.HasSuffix(out, "\a") {
			t.Errorf("%s: no bell at the end of %q", tt.name, out)
		}
	}
}
