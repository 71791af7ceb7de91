package report

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
	"sync"
)

//go:embed report.html.tmpl
var htmlSource string

// page is the HTML template: html/template escapes every value for where
// it lands (text, attribute, SVG), so a note cannot add markup. It is
// parsed when a report is first written, not at every start of unknot.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
	}).Parse(htmlSource))
})

// htmlTable is a table as the template lays it out: numbers right-aligned.
type htmlTable struct {
	Header  []string
	Rows    [][]string
	Numeric []bool
}

func newHTMLTable(header []string, rows [][]string) htmlTable {
	t := htmlTable{Header: header, Rows: rows, Numeric: make([]bool, len(header))}
	for i := 1; i < len(header); i++ { // the first column names the row
		t.Numeric[i] = len(rows) > 0
		for _, row := range rows {
			if i >= len(row) || row[i] == "" || !strings.ContainsAny(row[i][:1], "0123456789") {
				t.Numeric[i] = false
				break
			}
		}
	}
	return t
}

// text sets column i as text, left-aligned, whatever its cells start with.
func (t htmlTable) text(i int) htmlTable {
	t.Numeric[i] = false
	return t
}

// WriteHTML writes the report as one self-contained HTML page: no
// script, no external stylesheet, font or image; the chart is inline SVG.
// It prints on one sheet of A4 or Letter for a month of daily sessions
// (see paper.go for what it folds to fit).
func WriteHTML(w io.Writer, r Report) error {
	v := htmlView{
		R: r, Title: Title, EmptyText: EmptyText, FollowedIntro: FollowedIntro,
		Chart:      PainChart(r.Pain, r.From, r.Last.AddDate(0, 0, 1), r.Generated.Location()),
		Programs:   newHTMLTable(ProgramHeader, rowsOf(r.Programs, ProgramRow.Cells)),
		Techniques: paperTechniques(r.Techniques, r.Hurts),
		Sources:    paperSources(r.Sources),
	}
	if len(r.Sessions) > paperSessionRows {
		v.ByWeek = true
		v.Sessions = newHTMLTable(WeekHeader, rowsOf(r.Weeks, WeekRow.Cells))
		v.Notes, v.NotesLeft = paperNotes(r.Sessions)
	} else {
		v.Sessions = newHTMLTable(SessionHeader, rowsOf(r.Sessions, SessionRow.Cells))
	}
	return page().Execute(w, v)
}

// htmlView is what the template lays out.
type htmlView struct {
	R                               Report
	Title, EmptyText, FollowedIntro string
	Chart                           Chart
	Sessions, Programs, Techniques  htmlTable
	Sources                         []PaperSource
	// ByWeek says the sessions table has a row a week, with the most
	// recent Notes under it and NotesLeft the older ones left out.
	ByWeek    bool
	Notes     []PaperNote
	NotesLeft int
}
