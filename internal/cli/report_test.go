package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	dir := seedJournal(t)
	code, out, errOut := runCLI("--data-dir", dir, "report", "--since", "2026-11-01", "--until", "2026-11-30")
	if code != 0 || !strings.Contains(out, "3 sessions on 3 of 30 days") || !strings.Contains(out, "Desk break") {
		t.Errorf("text (%d, %q):\n%s", code, errOut, out)
	}
	code, out, _ = runCLI("--data-dir", dir, "report", "--since", "2026-11-01", "--until", "2026-11-30", "--md")
	if code != 0 || !strings.HasPrefix(out, "# unknot: self-care report") || !strings.Contains(out, "| 6 → 4 |") {
		t.Errorf("markdown (%d):\n%s", code, out)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	code, out, errOut = runCLI("--data-dir", dir, "report", "--since", "2026-11-01", "--until", "2026-11-30", "-o", file)
	page, err := os.ReadFile(file)
	if code != 0 || out != "" || err != nil || !strings.HasPrefix(string(page), "<!DOCTYPE html>") || !strings.Contains(errOut, "report written to") {
		t.Errorf("-o (%d, %v, stdout %q, stderr %q): %.80s", code, err, out, errOut, page)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the report file is %v (%v), want private", fi.Mode(), err)
	}
	// The days outside the range are left out.
	code, out, _ = runCLI("--data-dir", dir, "report", "--since", "2026-11-19", "--until", "2026-11-19")
	if code != 0 || !strings.Contains(out, "1 session on 1 of 1 days") {
		t.Errorf("one day (%d):\n%s", code, out)
	}
}

func TestReportEmptyAndBadInput(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runCLI("--data-dir", dir, "report")
	if code != 0 || !strings.Contains(out, "No sessions in this period") {
		t.Errorf("empty (%d):\n%s", code, out)
	}
	for _, args := range [][]string{
		{"--data-dir", dir, "report", "--since", "last week"},
		{"--data-dir", dir, "report", "--until", "2026-13-01"},
		{"--data-dir", dir, "report", "--since", "2026-11-02", "--until", "2026-11-01"},
		{"--data-dir", dir, "report", "--md", "--html"},
	} {
		code, out, errOut := runCLI(args...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the report wrote %d files in the data directory", len(entries))
	}
}
