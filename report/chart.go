package report

import (
	"fmt"
	"strings"
	"time"
)

// Chart is the pain trend laid out for an SVG: the report's days across,
// oldest on the left, pain 0–10 up the side; a line for the pain before
// and one for after.
type Chart struct {
	Width, Height          int
	Left, Right, Top, Base int // the plot area's edges
	Grid                   []GridLine
	Before, After          Series
	Labels                 []XLabel

	from, until time.Time // the range the plot spans
}

// GridLine is one level of pain across the plot.
type GridLine struct {
	Y     int
	Label string
}

// Series is one line: its points as the polyline's "x,y x,y" and as
// markers.
type Series struct {
	Points  string
	Markers []Marker
}

// Marker is one point, with its value for the tooltip.
type Marker struct {
	X, Y  int
	Title string
}

// XLabel is a date under the plot.
type XLabel struct {
	X      int
	Text   string
	Anchor string // "start", "middle" or "end"
}

// The chart's size: about the width of an A4 page's text, and low enough
// to leave the page room for the tables.
const (
	chartWidth  = 680
	chartHeight = 140
)

// PainChart lays out the pain points on the days from from to until
// (midnights in loc's time zone): each point where its session falls in
// the range, so gaps between sessions show as gaps.
func PainChart(points []PainPoint, from, until time.Time, loc *time.Location) Chart {
	ch := Chart{Width: chartWidth, Height: chartHeight, Left: 40, Right: chartWidth - 14, Top: 12, Base: chartHeight - 22,
		from: from, until: until}
	for p := 0; p <= 10; p += 2 {
		ch.Grid = append(ch.Grid, GridLine{Y: ch.y(p), Label: fmt.Sprint(p)})
	}
	var before, after []string
	for _, p := range points {
		x := ch.x(p.At)
		day := p.At.In(loc).Format("2 Jan")
		if p.Before != nil {
			y := ch.y(*p.Before)
			before = append(before, fmt.Sprintf("%d,%d", x, y))
			ch.Before.Markers = append(ch.Before.Markers, Marker{X: x, Y: y, Title: fmt.Sprintf("%s: %d before", day, *p.Before)})
		}
		if p.After != nil {
			y := ch.y(*p.After)
			after = append(after, fmt.Sprintf("%d,%d", x, y))
			ch.After.Markers = append(ch.After.Markers, Marker{X: x, Y: y, Title: fmt.Sprintf("%s: %d after", day, *p.After)})
		}
	}
	ch.Before.Points, ch.After.Points = strings.Join(before, " "), strings.Join(after, " ")
	ch.Labels = ch.dateLabels(loc)
	return ch
}

// maxLabels is the most dates under the plot: more would overlap.
const maxLabels = 6

// dateLabels dates the range's first and last day and, between them,
// days spread evenly, at most maxLabels in all, each under its day's
// middle.
func (ch Chart) dateLabels(loc *time.Location) []XLabel {
	days := daysBetween(ch.from, ch.until)
	if days <= 1 {
		return []XLabel{{X: (ch.Left + ch.Right) / 2, Text: ch.from.In(loc).Format("2 Jan"), Anchor: "middle"}}
	}
	labels := min(days, maxLabels)
	var out []XLabel
	for k := range labels {
		day := ch.from.AddDate(0, 0, k*(days-1)/(labels-1))
		anchor := "middle"
		switch k {
		case 0:
			anchor = "start"
		case labels - 1:
			anchor = "end"
		}
		out = append(out, XLabel{X: ch.x(day.Add(12 * time.Hour)), Text: day.In(loc).Format("2 Jan"), Anchor: anchor})
	}
	return out
}

// x is where time t falls across the plot, from the range's start on the
// left to its end on the right (the middle for a range of no length).
func (ch Chart) x(t time.Time) int {
	span := ch.until.Sub(ch.from)
	if span <= 0 {
		return (ch.Left + ch.Right) / 2
	}
	at := min(max(t.Sub(ch.from), 0), span)
	return ch.Left + int(float64(ch.Right-ch.Left)*float64(at)/float64(span)+0.5)
}

// y is the height of a pain score, 0 at the base and 10 at the top.
func (ch Chart) y(pain int) int {
	return ch.Base - pain*(ch.Base-ch.Top)/10
}
