package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderHTML is the fixture's report as HTML, with a note that tries to
// add markup.
func renderHTML(t *testing.T) string {
	t.Helper()
	in := fixture()
	in.Sessions[2].Note = `<script>alert(1)</script><img src="https://example.com/x.png">`
	var b bytes.Buffer
	if err := WriteHTML(&b, Build(in)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// walk calls f on every element of the tree under n.
func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// The page parses, holds the chart and the tables, and loads nothing:
// no script, no external stylesheet, image or font, and a note's markup
// is text.
func TestHTMLIsSelfContained(t *testing.T) {
	page := renderHTML(t)
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	count := map[atom.Atom]int{}
	sections := map[string]bool{}
	var polylines []string
	walk(doc, func(n *html.Node) {
		count[n.DataAtom]++
		switch {
		case n.DataAtom == atom.Section:
			sections[attr(n, "id")] = true
		case n.Data == "polyline":
			polylines = append(polylines, attr(n, "class")+":"+attr(n, "points"))
		}
		for _, key := range []string{"src", "href", "srcset", "action", "xlink:href"} {
			if v := attr(n, key); v != "" {
				t.Errorf("<%s %s=%q> loads or links something", n.Data, key, v)
			}
		}
		if strings.Contains(attr(n, "style"), "url(") {
			t.Errorf("<%s> style loads a url", n.Data)
		}
	})
	for _, a := range []atom.Atom{atom.Script, atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed} {
		if count[a] > 0 {
			t.Errorf("%d <%s> elements in a page that must load nothing", count[a], a)
		}
	}
	if count[atom.Svg] != 1 || len(polylines) != 2 {
		t.Errorf("%d charts and polylines %q, want one chart with a before and an after line", count[atom.Svg], polylines)
	}
	if count[atom.Table] != 3 {
		t.Errorf("%d tables, want 3: sessions, programs, techniques (with \"this hurts\")", count[atom.Table])
	}
	for _, id := range []string{"overview", "pain", "sessions", "programs", "techniques", "hurts", "safety", "followed", "sources"} {
		if !sections[id] {
			t.Errorf("no section %q", id)
		}
	}
	if strings.Contains(page, "<script>alert") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the note's markup is not escaped")
	}
	if !strings.Contains(page, "@page") {
		t.Error("no @page rule: the page does not say how to print")
	}
}

// The chart puts pain 10 at the top and 0 at the bottom, and each score
// where its session falls in the range, so a gap of days shows as a gap.
func TestPainChartGeometry(t *testing.T) {
	five, nine := 5, 9
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	until := from.AddDate(0, 0, 30)
	at := func(day, hour int) time.Time { return from.AddDate(0, 0, day-1).Add(time.Duration(hour) * time.Hour) }
	// 1 Nov 00:00 is the left edge (40), 1 Dec 00:00 the right (666):
	// 626 across 30 days; 16 Nov 00:00 is halfway.
	ch := PainChart([]PainPoint{{At: at(1, 0), Before: &nine, After: &five}, {At: at(16, 0), Before: &five},
		{At: at(17, 12), Before: &five}}, from, until, time.UTC)
	if got := ch.Before.Points; got != "40,23 353,65 384,65" {
		t.Errorf("before %q", got)
	}
	if got := ch.After.Points; got != "40,65" {
		t.Errorf("after %q", got)
	}
	if ch.y(0) != ch.Base || ch.y(10) != ch.Top {
		t.Errorf("0 at %d and 10 at %d, want %d and %d", ch.y(0), ch.y(10), ch.Base, ch.Top)
	}
	if ch.x(from.AddDate(0, -1, 0)) != ch.Left || ch.x(until.AddDate(0, 0, 3)) != ch.Right {
		t.Error("a point outside the range is drawn outside the plot")
	}
	labels := ch.Labels
	if len(labels) != maxLabels || labels[0].Text != "1 Nov" || labels[0].Anchor != "start" ||
		labels[maxLabels-1].Text != "30 Nov" || labels[maxLabels-1].Anchor != "end" {
		t.Errorf("30 days: labels %+v, want %d from 1 Nov to 30 Nov", labels, maxLabels)
	}
	if labels[0].X != 50 || labels[maxLabels-1].X != 656 {
		t.Errorf("the first and last date at %d and %d, want under their days' middles, 50 and 656", labels[0].X, labels[maxLabels-1].X)
	}
	one := PainChart([]PainPoint{{At: at(1, 9), Before: &five}}, from, from.AddDate(0, 0, 1), time.UTC)
	if len(one.Labels) != 1 || one.Labels[0].Anchor != "middle" || one.Labels[0].Text != "1 Nov" {
		t.Errorf("one day: labels %+v", one.Labels)
	}
	three := PainChart(nil, from, from.AddDate(0, 0, 3), time.UTC).Labels
	if len(three) != 3 || three[1].Text != "2 Nov" {
		t.Errorf("three days: labels %+v, want one a day", three)
	}
}
