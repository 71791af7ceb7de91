package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Two days of sessions in a real terminal, then what a person takes with
// them: the report as Markdown and as an HTML file, and the journal
// exported, imported into another data directory (history the same, to
// the byte) and imported again (nothing new).
func TestE2ETakeItWithYou(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	tm := newTmux(t, 80, 24)
	data, other := filepath.Join(tm.dir, "data"), filepath.Join(tm.dir, "other")
	shell := func(day int, args string) {
		t.Helper()
		tm.send(fmt.Sprintf("clear; UNKNOT_TEST_DAYS=%d %s %s; echo EXIT=$?", day, bin, args), "Enter")
	}
	tech := singleHoldTechniques(t, bin, 1)[0]
	for day, pain := range []string{"6", "4"} { // 4: not 2 points worse than the last 3, so no re-check
		shell(day, "--data-dir "+data+" session --technique "+tech+" --hold 1s --lead-in 0")
		tm.throughToSession(pain)
		tm.waitScreen("Session complete", 30*time.Second)
		tm.painAfter("3", "to 3")
		tm.send("Enter")
		tm.waitScreen("EXIT=0", 5*time.Second)
	}

	md, page := filepath.Join(tm.dir, "report.md"), filepath.Join(tm.dir, "report.html")
	shell(1, "--data-dir "+data+" report --md > "+md)
	tm.waitScreen("EXIT=0", 5*time.Second)
	shell(1, "--data-dir "+data+" report -o "+page)
	tm.waitScreen("report written to", 5*time.Second)
	if b, _ := os.ReadFile(md); !strings.Contains(string(b), "2 sessions on 2 of 30 days") || !strings.Contains(string(b), "| 6 → 3 |") {
		t.Errorf("the Markdown report:\n%s", b)
	}
	if b, _ := os.ReadFile(page); !strings.HasPrefix(string(b), "<!DOCTYPE html>") || !strings.Contains(string(b), `<svg id="pain-chart"`) {
		t.Errorf("the HTML report: %.200s", b)
	}

	file := filepath.Join(tm.dir, "journal.jsonl")
	shell(1, "--data-dir "+data+" journal export --jsonl > "+file+" && "+bin+" --data-dir "+other+" journal import "+file)
	tm.waitScreen("2 sessions added", 5*time.Second)
	history := func(dir string) string {
		out, err := exec.Command(bin, "--data-dir", dir, "history", "--json").Output()
		if err != nil {
			t.Fatalf("history: %v", err)
		}
		return string(out)
	}
	if got, want := history(other), history(data); got != want || !strings.Contains(want, `"pain_after": 3`) {
		t.Errorf("history after the import:\n%s\nwant:\n%s", got, want)
	}
	shell(1, "--data-dir "+other+" journal import "+file)
	tm.waitScreen("Nothing new", 5*time.Second)
}
