package report

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
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
// the page it renders, it prints to PDF, and its screenshot at A4 width
// is a picture of the page.
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
	if tables != 4 || rows < 12 {
		t.Errorf("rendered %d tables with %d rows; want 4 tables, 12 rows or more", tables, rows)
	}

	pdf := filepath.Join(dir, "report.pdf")
	browse(t, browser, page, "--print-to-pdf="+pdf)
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages := bytes.Count(b, []byte("/Type /Page\n")) + bytes.Count(b, []byte("/Type /Page ")) + bytes.Count(b, []byte("/Type /Page>"))
	if !bytes.HasPrefix(b, []byte("%PDF")) || pages == 0 {
		t.Errorf("print to PDF: %d bytes, %d pages", len(b), pages)
	}

	// A4 at 96 dots an inch: 794 × 1123.
	shot := filepath.Join(dir, "report.png")
	browse(t, browser, page, "--window-size=794,1123", "--screenshot="+shot)
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
