package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/internal/nudgestate"
	"github.com/unknot/unknot/nudge"
)

// allDayConfig sets XDG_CONFIG_HOME to a config whose working hours are
// the whole of every day, in UTC's terms as far as the tests go.
func allDayConfig(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	os.MkdirAll(filepath.Join(dir, "unknot"), 0o700)
	cfg := "[nudge]\nhours = \"00:00-24:00\"\ndays = \"mon-sun\"\n"
	if err := os.WriteFile(filepath.Join(dir, "unknot", "config.toml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestStatus(t *testing.T) {
	allDayConfig(t)
	dir := t.TempDir()
	a := &app{dataDir: dir}
	y, m, d := time.Now().Date()
	now := time.Date(y, m, d, 12, 0, 0, 0, time.Local) // today: the journal's "today" counts
	r, err := a.status(now)
	if err != nil || r.Kind != "none" || r.Habit != "0 of 6 this fortnight" {
		t.Fatalf("no state: %+v, %v", r, err)
	}
	if _, err := os.Stat(filepath.Join(dir, journal.FileName)); !os.IsNotExist(err) {
		t.Errorf("status created a journal: %v", err)
	}
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	j.StartSession(coach.Session{ID: "s1", Started: now.Add(-time.Hour), Status: coach.StatusRunning, Title: "Micro break"})
	j.FinishSession("s1", coach.StatusCompleted, now.Add(-time.Hour+2*time.Minute))
	coach.SaveNudge(coach.Nudge{Due: now.Add(-time.Hour), At: now.Add(-time.Hour), Answer: coach.AnswerTaken, SessionID: "s1"})(j)
	coach.SaveNudge(coach.Nudge{Due: now.Add(-2 * time.Hour), At: now.Add(-2 * time.Hour), Answer: coach.AnswerSnoozed})(j)
	j.Close()
	tests := []struct {
		name string
		file nudgestate.File
		line string
		kind string
		mins int
	}{
		{"waiting", nudgestate.File{State: nudge.State{Anchor: now.Add(-33 * time.Minute)}}, "break in 12m", "waiting", 12},
		{"due", nudgestate.File{State: nudge.State{Anchor: now.Add(-50 * time.Minute)}}, "break due", "due", 0},
		{"in a meeting", nudgestate.File{State: nudge.State{Anchor: now.Add(-50 * time.Minute)},
			Busy: []nudge.Busy{{Start: now.Add(-10 * time.Minute), End: now.Add(20 * time.Minute), What: "Sync"}}, BusyUntil: now.Add(time.Hour)},
			"in a meeting until " + now.Add(20*time.Minute).Format("15:04"), "held", 20},
		{"an old calendar snapshot is not trusted", nudgestate.File{State: nudge.State{Anchor: now.Add(-50 * time.Minute)},
			Busy: []nudge.Busy{{Start: now.Add(-10 * time.Minute), End: now.Add(20 * time.Minute)}}, BusyUntil: now.Add(-time.Minute)},
			"break due", "due", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := nudgestate.Save(dir, tt.file); err != nil {
				t.Fatal(err)
			}
			r, err := a.status(now)
			if err != nil || r.Line != tt.line || r.Kind != tt.kind || r.Minutes != tt.mins {
				t.Errorf("status = %+v, %v; want %q, %s, %d min", r, err, tt.line, tt.kind, tt.mins)
			}
			if r.Taken != 1 || r.Snoozed != 1 || r.Habit != "1 of 6 this fortnight" {
				t.Errorf("today and the habit: %+v", r)
			}
		})
	}
}

func TestStatusCommand(t *testing.T) {
	allDayConfig(t)
	if h := time.Now().Hour(); h == 23 {
		t.Skip("the next break would fall after midnight, past the working day")
	}
	dir := t.TempDir()
	nudgestate.Save(dir, nudgestate.File{State: nudge.State{Anchor: time.Now()}})
	code, out, _ := runCLI("--data-dir", dir, "status")
	if code != 0 || !strings.HasPrefix(out, "break in 45m · 0 of 6 this fortnight") || strings.Count(out, "\n") != 1 {
		t.Errorf("status: %d %q", code, out)
	}
	code, out, _ = runCLI("--data-dir", dir, "status", "--format", "{{.Minutes}}/{{.Target}}")
	if code != 0 || out != "45/6\n" {
		t.Errorf("--format: %d %q", code, out)
	}
	code, out, _ = runCLI("--data-dir", dir, "status", "--json")
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil || r["kind"] != "waiting" || r["line"] != "break in 45m" {
		t.Errorf("--json: %d %v %s", code, err, out)
	}
	for args, want := range map[string]string{
		"--format {{.Nope}}": "unknot: --format: there is no field .Nope (see unknot status --help)\n",
		"--format {{.Line":   "unknot: --format: 1: unclosed action\n",
		"--json --format x":  "unknot: give --json or --format, not both\n",
	} {
		code, out, errOut := runCLI(append([]string{"--data-dir", dir, "status"}, strings.Fields(args)...)...)
		if code != 2 || out != "" || errOut != want {
			t.Errorf("%s: %d %q %q, want %q", args, code, out, errOut, want)
		}
	}
}

func TestHistoryBreaks(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runCLI("--data-dir", dir, "history", "--breaks")
	if code != 0 || out != "No breaks yet: `unknot nudge` offers them between sessions.\n" {
		t.Errorf("no journal: %d %q", code, out)
	}
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, time.November, 30, 10, 0, 0, 0, time.Local)
	for i, answer := range []string{coach.AnswerSnoozed, coach.AnswerTaken, coach.AnswerSkipped} {
		coach.SaveNudge(coach.Nudge{Due: day, At: day.Add(time.Duration(i) * 10 * time.Minute), Answer: answer})(j)
	}
	coach.SaveNudge(coach.Nudge{Due: day.AddDate(0, 0, 1), At: day.AddDate(0, 0, 1), Answer: coach.AnswerTaken})(j)
	j.Close()
	code, out, _ = runCLI("--data-dir", dir, "history", "--breaks")
	want := "DATE        TAKEN  SNOOZED  SKIPPED\n2026-11-30  1      1        1\n2026-12-01  1      0        0\n"
	if code != 0 || out != want {
		t.Errorf("table: %d\n%s\nwant\n%s", code, out, want)
	}
	code, out, _ = runCLI("--data-dir", dir, "history", "--breaks", "--json", "--since", "2026-12-01")
	if code != 0 || !strings.Contains(out, `"date": "2026-12-01"`) || strings.Contains(out, "2026-11-30") {
		t.Errorf("--json --since: %d %s", code, out)
	}
	if code, _, errOut := runCLI("--data-dir", dir, "history", "--breaks", "--csv"); code != 2 || errOut != "unknot: --breaks has no --csv: use --json\n" {
		t.Errorf("--csv: %d %q", code, errOut)
	}
}
