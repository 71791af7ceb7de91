package report

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var screenshot = flag.String("screenshot", "", "write the report's A4 screenshot to this `PNG` (for the README)")

// chromium finds a headless browser: skipped without one, unless
// UNKNOT_BROWSER_REQUIRED is set (CI installs Debian's chromium).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("UNKNOT_BROWSER_REQUIRED") != "" {
		t.Fatal("no chromium, and UNKNOT_BROWSER_REQUIRED is set")
	}
	t.Skip("no chromium to render the report with")
	return ""
}

// browse runs headless chromium on the page with args, in a profile of
// its own.
func browse(t *testing.T, browser, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	all := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(), "--no-first-run", "--no-pdf-header-footer"}, args...)
	cmd := exec.CommandContext(ctx, browser, append(all, "file://"+page)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.Bytes()
}

// The report as a browser lays it out: the chart and the tables are in
// the page it renders, it prints to PDF, and a screenshot of a busy
// month at A4's size is a picture of the page.
func TestReportInChromium(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var doc bytes.Buffer
	if err := WriteHTML(&doc, Build(fixture())); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, doc.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}

	dom, err := html.Parse(bytes.NewReader(browse(t, browser, page, "--dump-dom")))
	if err != nil {
		t.Fatal(err)
	}
	var svgs, polylines, circles, tables, rows int
	walk(dom, func(n *html.Node) {
		switch {
		case n.DataAtom == atom.Svg:
			svgs++
		case n.Data == "polyline":
			polylines++
		case n.Data == "circle":
			circles++
		case n.DataAtom == atom.Table:
			tables++
		case n.DataAtom == atom.Tr:
			rows++
		}
	})
	if svgs != 1 || polylines != 2 || circles != 9 {
		t.Errorf("rendered chart: %d svg, %d lines, %d points; want 1, 2 and 9 (5 before, 4 after)", svgs, polylines, circles)
	}
	if tables != 3 || rows < 10 {
		t.Errorf("rendered %d tables with %d rows; want 3 tables, 10 rows or more", tables, rows)
	}

	pdf := filepath.Join(dir, "report.pdf")
	browse(t, browser, page, "--print-to-pdf="+pdf)
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(b)
	if !bytes.HasPrefix(b, []byte("%PDF")) || pages == 0 {
		t.Errorf("print to PDF: %d bytes, %d pages", len(b), pages)
	}

	// A busy month at A4's size, 96 dots an inch: 794 × 1123.
	var busy bytes.Buffer
	if err := WriteHTML(&busy, Build(month())); err != nil {
		t.Fatal(err)
	}
	monthPage := filepath.Join(dir, "month.html")
	if err := os.WriteFile(monthPage, busy.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "report.png")
	browse(t, browser, monthPage, "--window-size=794,1123", "--screenshot="+shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if sz := img.Bounds().Size(); sz.X != 794 || sz.Y != 1123 {
		t.Errorf("screenshot is %v, want 794×1123", sz)
	}
	if *screenshot != "" {
		data, _ := os.ReadFile(shot)
		if err := os.WriteFile(*screenshot, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pdfPages counts the page objects of a PDF chromium printed.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}

// The report is one page: a busy month (see month), the fixture's five
// sessions and an empty journal each print on one sheet of Letter
// (chromium's default) and of A4.
func TestReportPrintsOnOnePage(t *testing.T) {
	browser := chromium(t)
	empty := fixture()
	empty.Sessions = nil
	for _, c := range []struct {
		name string
		in   Input
	}{{"a busy month", month()}, {"five sessions", fixture()}, {"no sessions", empty}} {
		var doc bytes.Buffer
		if err := WriteHTML(&doc, Build(c.in)); err != nil {
			t.Fatal(err)
		}
		for _, paper := range []string{"Letter", "A4"} {
			t.Run(c.name+" on "+paper, func(t *testing.T) {
				dir := t.TempDir()
				page := filepath.Join(dir, "report.html")
				// The paper as a printer's settings would choose it.
				html := strings.Replace(doc.String(), "@page {", "@page { size: "+paper+";", 1)
				if err := os.WriteFile(page, []byte(html), 0o600); err != nil {
					t.Fatal(err)
				}
				pdf := filepath.Join(dir, "report.pdf")
				browse(t, browser, page, "--print-to-pdf="+pdf)
				b, err := os.ReadFile(pdf)
				if err != nil {
					t.Fatal(err)
				}
				if n := pdfPages(b); n != 1 {
					t.Errorf("prints on %d pages, want 1", n)
				}
			})
		}
	}
}
