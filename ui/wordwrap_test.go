package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A flag is never split across lines, whatever the width; other words
// wrap as ansi.Wordwrap wraps them, and nothing but the wrapping changes.
func TestWordwrapKeepsFlagsWhole(t *testing.T) {
	note := "--hold 30:00 is longer than Tennis balls along the spine allows; using 1:30. Use --no-voice or --data-dir to change it."
	for w := 8; w <= 60; w++ {
		got := wordwrap(note, w, "")
		for _, line := range strings.Split(got, "\n") {
			if strings.HasSuffix(line, "-") {
				t.Fatalf("width %d: a line ends in a hyphen:\n%s", w, got)
			}
			if ansi.StringWidth(line) > max(w, len("--data-dir")) {
				t.Fatalf("width %d: line %q is too wide:\n%s", w, line, got)
			}
		}
		for _, flag := range []string{"--hold", "--no-voice", "--data-dir"} {
			if !strings.Contains(got, flag) {
				t.Fatalf("width %d: %s was split:\n%s", w, flag, got)
			}
		}
		if strings.Join(strings.Fields(got), " ") != note {
			t.Fatalf("width %d: the words changed:\n%s", w, got)
		}
	}
	// Without a flag it is ansi.Wordwrap, hyphenated words and all.
	plain := "Seated cat-cow, then a wall-supported chest opener and a doorway stretch."
	if got, want := wordwrap(plain, 20, ""), ansi.Wordwrap(plain, 20, ""); got != want {
		t.Errorf("wordwrap = %q, want ansi's %q", got, want)
	}
}
