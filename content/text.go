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
