package report

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
)

//go:embed report.html.tmpl
var htmlSource string

// page is the HTML template: html/template escapes every value for where
// it lands (text, attribute, SVG), so a note cannot add markup.
var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"add":   func(a, b int) int { return a + b },
	"sub":   func(a, b int) int { return a - b },
	"table": newHTMLTable,
}).Parse(htmlSource))

// htmlTable is a table as the template lays it out: numbers right-aligned.
type htmlTable struct {
	Header  []string
	Rows    [][]string
	Numeric []bool
}

func newHTMLTable(header []string, rows [][]string) htmlTable {
	t := htmlTable{Header: header, Rows: rows, Numeric: make([]bool, len(header))}
	for i := range header {
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

// WriteHTML writes the report as one self-contained HTML page: no
// script, no external stylesheet, font or image; the chart is inline SVG.
// It prints on A4 or Letter.
func WriteHTML(w io.Writer, r Report) error {
	return page.Execute(w, struct {
		R                                                         Report
		Title, EmptyText, FollowedIntro                           string
		Chart                                                     Chart
		SessionHeader, ProgramHeader, TechniqueHeader, HurtHeader []string
		Sessions, Programs, Techniques, Hurts                     [][]string
	}{
		R: r, Title: Title, EmptyText: EmptyText, FollowedIntro: FollowedIntro, Chart: PainChart(r.Pain, r.Generated.Location()),
		SessionHeader: SessionHeader, ProgramHeader: ProgramHeader, TechniqueHeader: TechniqueHeader, HurtHeader: HurtHeader,
		Sessions: rowsOf(r.Sessions, SessionRow.Cells), Programs: rowsOf(r.Programs, ProgramRow.Cells),
		Techniques: rowsOf(r.Techniques, TechniqueRow.Cells), Hurts: rowsOf(r.Hurts, HurtRow.Cells),
	})
}
