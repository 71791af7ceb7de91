package ui

import "strings"

// glyphs is a 3×5 pixel font for the countdown and the side; each pixel is drawn two
// cells wide so the digits look square and read from across a room.
var glyphs = map[rune][5]string{
	'0': {"###", "#.#", "#.#", "#.#", "###"},
	'1': {".#.", "##.", ".#.", ".#.", "###"},
	'2': {"###", "..#", "###", "#..", "###"},
	'3': {"###", "..#", ".##", "..#", "###"},
	'4': {"#.#", "#.#", "###", "..#", "..#"},
	'5': {"###", "#..", "###", "..#", "###"},
	'6': {"###", "#..", "###", "#.#", "###"},
	'7': {"###", "..#", ".#.", ".#.", ".#."},
	'8': {"###", "#.#", "###", "#.#", "###"},
	'9': {"###", "#.#", "###", "..#", "###"},
	':': {".", "#", ".", "#", "."},
	// Letters for LEFT and RIGHT, shown as large as the countdown.
	'L': {"#..", "#..", "#..", "#..", "###"},
	'E': {"###", "#..", "##.", "#..", "###"},
	'F': {"###", "#..", "##.", "#..", "#.."},
	'T': {"###", ".#.", ".#.", ".#.", ".#."},
	'R': {"##.", "#.#", "##.", "#.#", "#.#"},
	'I': {"###", ".#.", ".#.", ".#.", "###"},
	'G': {"###", "#..", "#.#", "#.#", "###"},
	'H': {"#.#", "#.#", "###", "#.#", "#.#"},
}

// bigHeight is how many rows big text takes.
const bigHeight = 5

// bigText renders s (digits and colons) in block letters, one string per row.
func bigText(s string) string {
	var rows [bigHeight]strings.Builder
	for i, r := range s {
		g, ok := glyphs[r]
		if !ok {
			continue
		}
		for y := range bigHeight {
			if i > 0 {
				rows[y].WriteString("  ")
			}
			for _, px := range g[y] {
				if px == '#' {
					rows[y].WriteString("██")
				} else {
					rows[y].WriteString("  ")
				}
			}
		}
	}
	out := make([]string, bigHeight)
	for y := range rows {
		out[y] = rows[y].String()
	}
	return strings.Join(out, "\n")
}

// bigWidth is the width of bigText(s) in cells.
func bigWidth(s string) int {
	w := 0
	for i, r := range s {
		if g, ok := glyphs[r]; ok {
			if i > 0 {
				w += 2
			}
			w += 2 * len(g[0])
		}
	}
	return w
}
