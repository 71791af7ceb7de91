package cli

import (
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// Text that fits the terminal: when stdout is a terminal, `unknot list`,
// `unknot show` and the other listings wrap to its width, on word
// boundaries; piped, they stay unwrapped, one record a line, for grep and
// awk.

// width is the terminal's width in columns, or 0 when stdout is not a
// terminal (and text is not wrapped).
func (a *app) width() int {
	if a.columns != 0 {
		return a.columns
	}
	f, ok := a.stdout.(interface{ Fd() uintptr })
	if !ok || !a.stdoutIsTerminal() {
		return 0
	}
	w, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return w
}

// listMarker is a line's indent and list marker ("  - ", "  3. "), under
// which its wrapped lines continue.
var listMarker = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ *(\d+\. |- )?`) })

// fit wraps each line of s that is wider than width, continuing under the
// line's text; a word breaks only when it is wider than the line. Width 0
// leaves s as it is.
func fit(s string, width int) string {
	if width <= 0 {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if ansi.StringWidth(line) <= width || isAddress(line) {
			continue
		}
		pad := len(listMarker().FindString(line))
		if pad > width/2 {
			pad = 0
		}
		lines[i] = line[:pad] + wrapCell(line[pad:], width-pad, strings.Repeat(" ", pad))
	}
	return strings.Join(lines, "\n")
}

// isAddress reports whether line is a web address alone, which is left
// whole: broken across lines it could not be copied or followed.
func isAddress(line string) bool {
	f := strings.Fields(line)
	return len(f) == 1 && (strings.HasPrefix(f[0], "https://") || strings.HasPrefix(f[0], "http://"))
}

// wrapCell wraps s to width, each line after the first starting with pad.
func wrapCell(s string, width int, pad string) string {
	wrapped := strings.Split(ansi.Wrap(s, max(width, 1), ""), "\n")
	for i := range wrapped {
		wrapped[i] = strings.TrimRight(wrapped[i], " ")
	}
	return strings.Join(wrapped, "\n"+pad)
}

// Table layout.
const (
	colGap = 2
	// A column is not squeezed below its header, its longest word or
	// minCol, whichever is wider (and never below what its cells need).
	minCol = 12
)

// table prints a table with two spaces between columns. Every cell is
// sanitised, on one line and at most maxCell columns wide. On a terminal
// too narrow for it, the widest columns are narrowed and their cells
// wrapped; when even that does not fit, each row becomes a record: the
// first cell on its line, the others below it.
func (a *app) table(header []string, rows [][]string) error {
	for _, r := range rows {
		for i := range r {
			r[i] = cell(r[i], maxCell)
		}
	}
	width := a.width()
	widths := natural(header, rows)
	if width > 0 && !squeeze(widths, header, rows, width) {
		return a.records(header, rows, width)
	}
	var b strings.Builder
	writeRow(&b, header, widths)
	for _, r := range rows {
		writeRow(&b, r, widths)
	}
	_, err := io.WriteString(a.out(), b.String())
	return err
}

// natural is each column's width when nothing wraps.
func natural(header []string, rows [][]string) []int {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	return widths
}

// squeeze narrows the widest columns, the first (the IDs) excepted, until
// the table fits width; it reports false when it cannot.
func squeeze(widths []int, header []string, rows [][]string, width int) bool {
	floor := make([]int, len(widths))
	for i := range widths {
		floor[i] = widths[i]
		if i > 0 {
			floor[i] = min(widths[i], max(ansi.StringWidth(header[i]), longestWord(rows, i), minCol))
		}
	}
	total := func() int {
		t := colGap * (len(widths) - 1)
		for _, w := range widths {
			t += w
		}
		return t
	}
	for total() > width {
		widest := -1
		for i := 1; i < len(widths); i++ {
			if widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return false
		}
		widths[widest]--
	}
	return true
}

// longestWord is the widest word in column i, where a word ends at a
// space or a hyphen (the places a cell wraps).
func longestWord(rows [][]string, i int) int {
	n := 0
	for _, r := range rows {
		for _, w := range strings.FieldsFunc(r[i], func(c rune) bool { return c == ' ' || c == '-' }) {
			n = max(n, ansi.StringWidth(w)+1)
		}
	}
	return n
}

// writeRow writes one row, its cells wrapped to their column's width.
func writeRow(b *strings.Builder, row []string, widths []int) {
	cells := make([][]string, len(row))
	height := 1
	for i, c := range row {
		cells[i] = strings.Split(wrapCell(c, widths[i], ""), "\n")
		height = max(height, len(cells[i]))
	}
	for l := range height {
		var line strings.Builder
		for i := range row {
			s := ""
			if l < len(cells[i]) {
				s = cells[i][l]
			}
			line.WriteString(s)
			if i < len(row)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(s)+colGap))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

// records prints each row as its first cell, then the others on the next
// lines, labelled by their header and wrapped to width: "desk-break", then
// "  Desk break · days 1 · length 3 min".
func (a *app) records(header []string, rows [][]string, width int) error {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(r[0] + "\n")
		parts := make([]string, 0, len(r)-1)
		for i := 1; i < len(r); i++ {
			if i == 1 && header[i] == "NAME" {
				parts = append(parts, r[i])
				continue
			}
			parts = append(parts, strings.ToLower(header[i])+" "+r[i])
		}
		b.WriteString("  " + wrapCell(strings.Join(parts, " · "), width-2, "  ") + "\n")
	}
	_, err := io.WriteString(a.out(), b.String())
	return err
}
