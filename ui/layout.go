package ui

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
)

// The smallest terminal the app is laid out for (SPEC §8); below it a
// notice asks for a larger window while the timer keeps running.
const (
	minWidth  = 60
	minHeight = 15
	// bigDigitsFrom is the smallest height that fits the block countdown.
	bigDigitsFrom = 22
)

func tooSmall(w, h int, st *styles, extra string) string {
	msg := st.Title.Render("Make the window larger") + "\n" +
		st.Subtle.Render(fmt.Sprintf("unknot needs %d×%d, this is %d×%d", minWidth, minHeight, w, h))
	if extra != "" {
		msg += "\n\n" + extra
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, msg)
}

// clock formats a duration as m:ss (content.Clock), rounding up to whole
// seconds so that it agrees with the countdown.
func clock(d time.Duration) string {
	return content.Clock(session.ShownSeconds(d))
}

// wrapRows wraps marker+s to width w, the rows after the first indented
// under the text. With rows > 0 and more rows needed, the last row ends at
// a word boundary with an ellipsis: text is shortened, never cut mid-word.
func wrapRows(marker, s string, w, rows int) []string {
	pad := strings.Repeat(" ", ansi.StringWidth(marker))
	tw := max(w-len(pad), 10)
	lines := strings.Split(wordwrap(s, tw, ""), "\n")
	if rows > 0 && len(lines) > rows {
		rest := strings.Join(lines[rows-1:], " ")
		lines = append(lines[:rows-1], shortenAtWord(rest, tw))
	}
	for i := range lines {
		lines[i] = pad + lines[i]
	}
	lines[0] = marker + strings.TrimPrefix(lines[0], pad)
	return lines
}

// shortenAtWord fits s into w columns, dropping whole words from its end
// and marking the cut with an ellipsis.
func shortenAtWord(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	cut := ansi.Truncate(s, w-1, "")
	if next := s[len(cut):]; !strings.HasPrefix(next, " ") {
		if i := strings.LastIndex(cut, " "); i > 0 {
			cut = cut[:i] // drop the word that did not fit whole
		}
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// wordwrap is ansi.Wordwrap, except that a command-line flag ("--hold",
// "--no-voice") stays whole: ansi breaks a line after any hyphen, which
// left "-" at the end of one line and "-hold" on the next. The flag's
// hyphens are swapped for non-breaking ones (U+2011, one column wide too)
// while wrapping.
func wordwrap(s string, limit int, breakpoints string) string {
	if !strings.Contains(s, "--") || strings.Contains(s, nonBreakingHyphen) {
		return ansi.Wordwrap(s, limit, breakpoints)
	}
	kept := flagPattern().ReplaceAllStringFunc(s, func(flag string) string {
		return strings.ReplaceAll(flag, "-", nonBreakingHyphen)
	})
	return strings.ReplaceAll(ansi.Wordwrap(kept, limit, breakpoints), nonBreakingHyphen, "-")
}

const nonBreakingHyphen = "\u2011"

// flagPattern matches a long flag, compiled when first needed.
var flagPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`--[a-z][a-z0-9-]*`) })
