package report

import (
	"fmt"
	"strings"
	"time"
)

// Chart is the pain trend laid out for an SVG: one column per session
// with a score, oldest on the left, pain 0–10 up the side; a line for
// the pain before and one for after.
type Chart struct {
	Width, Height          int
	Left, Right, Top, Base int // the plot area's edges
	Grid                   []GridLine
	Before, After          Series
	Labels                 []XLabel
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

// The chart's size: about the width of an A4 page's text.
const (
	chartWidth  = 680
	chartHeight = 230
)

// PainChart lays out the pain points in loc's time zone.
func PainChart(points []PainPoint, loc *time.Location) Chart {
	ch := Chart{Width: chartWidth, Height: chartHeight, Left: 40, Right: chartWidth - 14, Top: 12, Base: chartHeight - 34}
	for p := 0; p <= 10; p += 2 {
		ch.Grid = append(ch.Grid, GridLine{Y: ch.y(p), Label: fmt.Sprint(p)})
	}
	var before, after []string
	for i, p := range points {
		x := ch.x(i, len(points))
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
	ch.Labels = dateLabels(ch, points, loc)
	return ch
}

// maxLabels is the most dates under the plot: more would overlap.
const maxLabels = 6

// dateLabels dates the first and the last point and, between them, points
// spread evenly, at most maxLabels in all.
func dateLabels(ch Chart, points []PainPoint, loc *time.Location) []XLabel {
	n := len(points)
	if n == 0 {
		return nil
	}
	if n == 1 {
		return []XLabel{{X: ch.x(0, 1), Text: points[0].At.In(loc).Format("2 Jan"), Anchor: "middle"}}
	}
	labels := min(n, maxLabels)
	var out []XLabel
	for k := range labels {
		i := k * (n - 1) / (labels - 1)
		anchor := "middle"
		switch k {
		case 0:
			anchor = "start"
		case labels - 1:
			anchor = "end"
		}
		out = append(out, XLabel{X: ch.x(i, n), Text: points[i].At.In(loc).Format("2 Jan"), Anchor: anchor})
	}
	return out
}

// x is the column of point i of n: spread across the plot, or in the
// middle when there is one.
func (ch Chart) x(i, n int) int {
	if n == 1 {
		return (ch.Left + ch.Right) / 2
	}
	return ch.Left + i*(ch.Right-ch.Left)/(n-1)
}

// y is the height of a pain score, 0 at the base and 10 at the top.
func (ch Chart) y(pain int) int {
	return ch.Base - pain*(ch.Base-ch.Top)/10
}
