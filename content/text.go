package content

import (
	"fmt"
	"strings"
)

// Text helpers every front end and the pure packages share, so a sentence built
// from content reads the same in the TUI, plain mode and the CLI.

// UpperFirst capitalises the first letter, for content names that start a sentence.
func UpperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Plural says "1 technique" or "3 techniques".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Clock writes a length in seconds as m:ss ("3:05"): every length shown
// to the second (a technique's time, a plan's rows and total, a session's
// progress) goes through it.
func Clock(secs int) string {
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// Minutes is a length in seconds in whole minutes, rounded to the
// nearest, and at least 1 for any length at all: the number behind every
// "N min".
func Minutes(secs int) int {
	if secs <= 0 {
		return 0
	}
	return max((secs+30)/60, 1)
}
