package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/unknot/unknot/content"
)

// doc is what the text and the Markdown renderings have in common: the
// report is laid out once (layout), and each writes its own headings,
// paragraphs, lists and tables.
type doc interface {
	heading(level int, text string)
	para(lines ...string)
	list(items []string)
	table(header []string, rows [][]string)
	sources(refs []content.Reference)
}

// layout writes the report's sections, in order.
func layout(d doc, r Report) {
	d.heading(1, Title)
	d.para(r.Range()+" · "+r.GeneratedText(), r.Disclaimer)
	if r.Empty() {
		d.para(EmptyText)
		d.heading(2, "Safety check in force")
		d.list(r.Safety.Lines())
		return
	}
	d.heading(2, "Overview")
	d.para(r.Overview()...)
	d.heading(2, "Pain before and after")
	d.para(r.PainSeries()...)
	d.heading(2, "Sessions")
	d.table(SessionHeader, rowsOf(r.Sessions, SessionRow.Cells))
	if len(r.Programs) > 0 {
		d.heading(2, "Programs")
		d.table(ProgramHeader, rowsOf(r.Programs, ProgramRow.Cells))
	}
	d.heading(2, "Techniques and doses")
	if len(r.Techniques) == 0 {
		d.para("No hold was done.")
	} else {
		d.table(TechniqueHeader, rowsOf(r.Techniques, TechniqueRow.Cells))
	}
	d.heading(2, `"This hurts"`)
	if len(r.Hurts) == 0 {
		d.para(`"This hurts" was not pressed in this period.`)
	} else {
		d.table(HurtHeader, rowsOf(r.Hurts, HurtRow.Cells))
	}
	d.heading(2, "Safety check in force")
	d.list(r.Safety.Lines())
	d.heading(2, "What followed sessions")
	d.para(FollowedIntro)
	if len(r.Followed) == 0 {
		d.para(r.FollowedNote)
	} else {
		d.list(r.Followed)
	}
	d.heading(2, "Sources")
	d.sources(r.Sources)
}

func rowsOf[T any](items []T, cells func(T) []string) [][]string {
	out := make([][]string, len(items))
	for i, it := range items {
		out[i] = cells(it)
	}
	return out
}

// WriteText writes the report as plain text, tables aligned in columns.
func WriteText(w io.Writer, r Report) error {
	t := &textDoc{w: w}
	layout(t, r)
	return t.err
}

type textDoc struct {
	w     io.Writer
	err   error
	start bool
}

func (t *textDoc) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

func (t *textDoc) heading(level int, text string) {
	if t.start {
		t.printf("\n")
	}
	t.start = true
	rule := "="
	if level > 1 {
		rule = "-"
	}
	t.printf("%s\n%s\n", text, strings.Repeat(rule, len([]rune(text))))
}

func (t *textDoc) para(lines ...string) {
	for _, l := range lines {
		t.printf("%s\n", oneLine(l))
	}
}

func (t *textDoc) list(items []string) {
	for _, it := range items {
		t.printf("- %s\n", oneLine(it))
	}
}

func (t *textDoc) table(header []string, rows [][]string) {
	if t.err != nil {
		return
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(header, "\t")))
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = oneLine(c)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
	// An empty last cell (a session without a note) leaves padding.
	for line := range strings.Lines(b.String()) {
		t.printf("%s\n", strings.TrimRight(line, " \n"))
	}
}

// sources lists each citation with its address on a line of its own,
// kept whole so that it can be copied (a terminal may wrap the rest).
func (t *textDoc) sources(refs []content.Reference) {
	for _, ref := range refs {
		t.printf("- %s\n", oneLine(ref.Text()))
		if ref.URL != "" {
			t.printf("  %s\n", oneLine(ref.URL))
		}
	}
}

// oneLine keeps a free-text field (a note) on its line: a tab would
// break a table's columns, a newline its rows.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
