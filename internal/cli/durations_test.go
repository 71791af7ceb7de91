package cli

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/session"
)

// A technique's and a program's length is one number through every path:
// content's rule, the plan builder's item, the session's own planned
// total (session.Expand with default options), and what `unknot list`,
// `unknot show` and `unknot programs` print, as a table and as JSON.
func TestDurationsAgree(t *testing.T) {
	cat := content.MustLoad()
	defaults := session.Options{LeadIn: -1}

	var listed []listEntry
	code, out, _ := runCLI("list", "--json")
	if code != 0 || json.Unmarshal([]byte(out), &listed) != nil {
		t.Fatalf("list --json: exit %d\n%s", code, out)
	}
	listedSecs := map[string]int{}
	for _, e := range listed {
		listedSecs[e.ID] = e.DurationSeconds
	}
	_, table, _ := runCLI("list")
	tableTimes := map[string]string{}
	timeCol := regexp.MustCompile(`\s(\d+:\d\d)\s`)
	for _, line := range strings.Split(table, "\n") {
		if f, m := strings.Fields(line), timeCol.FindStringSubmatch(line+" "); len(f) > 0 && m != nil {
			tableTimes[f[0]] = m[1]
		}
	}

	for _, id := range []string{"tennis-ball-spine-release", "doorway-chest-stretch", "shoulder-rolls", "chin-tucks", "open-book-rotation"} {
		tq, _ := cat.Technique(id)
		want := tq.SessionSeconds(tq.Dosage.HoldSeconds, content.DefaultLeadInSeconds)
		_, shown, _ := runCLI("show", id)
		var shownJSON struct {
			DurationSeconds int `json:"duration_seconds"`
		}
		_, js, _ := runCLI("show", id, "--json")
		if err := json.Unmarshal([]byte(js), &shownJSON); err != nil {
			t.Fatalf("show --json: %v", err)
		}
		got := map[string]string{
			"content.DurationSeconds": content.Clock(tq.DurationSeconds()),
			"plan.Item.Seconds":       content.Clock(plan.Item{Technique: tq, HoldSeconds: tq.Dosage.HoldSeconds}.Seconds()),
			"session.Total":           content.Clock(int(session.Total(session.Expand([]content.Technique{tq}, defaults)) / time.Second)),
			"list --json":             content.Clock(listedSecs[id]),
			"list":                    tableTimes[id],
			"show --json":             content.Clock(shownJSON.DurationSeconds),
		}
		if !strings.Contains(shown, "About "+content.Clock(want)+" in all") {
			got["show"] = "missing"
		}
		for path, g := range got {
			if g != content.Clock(want) {
				t.Errorf("%s: %s says %s, want %s (holds + rests + lead-ins)", id, path, g, content.Clock(want))
			}
		}
	}

	var programs []programEntry
	if _, out, _ := runCLI("programs", "--json"); json.Unmarshal([]byte(out), &programs) != nil {
		t.Fatalf("programs --json:\n%s", out)
	}
	_, ptable, _ := runCLI("programs")
	for _, e := range programs {
		p, _ := cat.Program(e.ID)
		var techs []content.Technique
		for _, it := range p.Day(1) {
			tq, _ := cat.Resolve(it)
			techs = append(techs, tq)
		}
		want := content.Minutes(int(session.Total(session.Expand(techs, defaults)) / time.Second))
		if e.Minutes != want || cat.DayMinutes(p.Day(1)) != want {
			t.Errorf("program %s: programs --json %d min, content %d min; the session takes %d min", e.ID, e.Minutes, cat.DayMinutes(p.Day(1)), want)
		}
		if row := lineOf(ptable, e.ID); !strings.Contains(row, fmt.Sprintf(" %d min", want)) {
			t.Errorf("program %s: programs row %q, want %d min", e.ID, row, want)
		}
	}
}

func lineOf(s, prefix string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix+" ") {
			return l
		}
	}
	return ""
}

// `unknot history` rounds a session's length as the app's screens do (up
// to the second), so 37.4 s reads 0:38 in both.
func TestHistoryLengthRoundsAsTheScreensDo(t *testing.T) {
	dir := t.TempDir()
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 18, 8, 0, 0, 0, time.Local)
	j.StartSession(coach.Session{ID: "r1", Started: start, Title: "Desk break"})
	j.FinishSession("r1", coach.StatusQuit, start.Add(37400*time.Millisecond))
	j.Close()
	if code, out, _ := runCLI("--data-dir", dir, "history"); code != 0 || !strings.Contains(out, "0:38") {
		t.Errorf("want 0:38 in:\n%s", out)
	}
}
