package ui

import (
	"fmt"
	"time"

	"charm.land/lipgloss/v2"

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

// clock formats a duration as m:ss, rounding up to whole seconds so that
// it agrees with the countdown.
func clock(d time.Duration) string {
	secs := session.ShownSeconds(d)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}
