package report

import (
	"bytes"
	"strings"
	"testing"

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
	if count[atom.Table] != 4 {
		t.Errorf("%d tables, want 4: sessions, programs, techniques, this hurts", count[atom.Table])
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

// The chart puts pain 10 at the top and 0 at the bottom, one column per
// scored session, oldest on the left.
func TestPainChartGeometry(t *testing.T) {
	five, nine := 5, 9
	ch := PainChart([]PainPoint{{At: now, Before: &nine, After: &five}, {At: now.AddDate(0, 0, 1), Before: &five}}, now.Location())
	if got := ch.Before.Points; got != "40,31 666,104" {
		t.Errorf("before %q", got)
	}
	if got := ch.After.Points; got != "40,104" {
		t.Errorf("after %q", got)
	}
	if ch.y(0) != ch.Base || ch.y(10) != ch.Top {
		t.Errorf("0 at %d and 10 at %d, want %d and %d", ch.y(0), ch.y(10), ch.Base, ch.Top)
	}
	one := PainChart([]PainPoint{{At: now, Before: &five}}, now.Location())
	if len(one.Labels) != 1 || one.Labels[0].Anchor != "middle" {
		t.Errorf("one point: labels %+v", one.Labels)
	}
	var many []PainPoint
	for d := range 20 {
		many = append(many, PainPoint{At: now.AddDate(0, 0, d), Before: &five})
	}
	labels := PainChart(many, now.Location()).Labels
	if len(labels) != maxLabels || labels[0].Text != "30 Nov" || labels[maxLabels-1].Text != "19 Dec" || labels[maxLabels-1].X != 666 {
		t.Errorf("20 points: labels %+v, want %d from 30 Nov to 19 Dec", labels, maxLabels)
	}
}
