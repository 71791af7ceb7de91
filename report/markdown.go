package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/unknot/unknot/content"
)

// WriteMarkdown writes the report as Markdown (CommonMark with GitHub's
// tables), for an email or a note.
func WriteMarkdown(w io.Writer, r Report) error {
	m := &mdDoc{textDoc{w: w}}
	layout(m, r)
	return m.err
}

type mdDoc struct{ textDoc }

// Every block ends with a blank line, so a heading needs none before it.
func (m *mdDoc) heading(level int, text string) {
	m.printf("%s %s\n\n", strings.Repeat("#", level), mdEscape(text))
}

func (m *mdDoc) para(lines ...string) {
	for i, l := range lines {
		end := "\n"
		if i < len(lines)-1 {
			end = "  \n" // a hard line break: one fact a line
		}
		m.printf("%s%s", mdEscape(oneLine(l)), end)
	}
	m.printf("\n")
}

func (m *mdDoc) list(items []string) {
	for _, it := range items {
		m.printf("- %s\n", mdEscape(oneLine(it)))
	}
	m.printf("\n")
}

func (m *mdDoc) table(header []string, rows [][]string) {
	m.printf("%s\n", mdRow(header))
	m.printf("|%s\n", strings.Repeat(" --- |", len(header)))
	for _, row := range rows {
		m.printf("%s\n", mdRow(row))
	}
	m.printf("\n")
}

// sources lists each citation, its address as an autolink.
func (m *mdDoc) sources(refs []content.Reference) {
	for _, ref := range refs {
		line := mdEscape(oneLine(ref.Text()))
		if ref.URL != "" {
			line += ", <" + urlEscape(oneLine(ref.URL)) + ">"
		}
		m.printf("- %s\n", line)
	}
	m.printf("\n")
}

// urlEscape keeps an address inside its autolink's brackets.
var urlEscape = strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace

func mdRow(cells []string) string {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range cells {
		fmt.Fprintf(&b, " %s |", mdEscape(oneLine(c)))
	}
	return b.String()
}

// mdEscape keeps text (a note, a pack's name) as text: Markdown's
// punctuation, a table's bar and raw HTML are escaped.
var mdEscape = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`, "!", `\!`,
).Replace
