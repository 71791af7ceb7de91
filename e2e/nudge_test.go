package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// unknot nudge with a break every 3 seconds (the test build's
// UNKNOT_TEST_NUDGE_INTERVAL): the panel says a break is due, enter starts
// the seated micro-routine through the safety check, and afterwards the
// break is in the journal: the session in history --json, the answer in
// history --breaks --json, and the panel counts it.
func TestE2ENudgeStartsTheMicroRoutine(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	tm := newTmux(t, 80, 24)
	data, config := filepath.Join(tm.dir, "data"), filepath.Join(tm.dir, "config")
	os.MkdirAll(filepath.Join(config, "unknot"), 0o700)
	allDay := "[nudge]\nhours = \"00:00-24:00\"\ndays = \"mon-sun\"\n"
	if err := os.WriteFile(filepath.Join(config, "unknot", "config.toml"), []byte(allDay), 0o600); err != nil {
		t.Fatal(err)
	}
	tm.send(fmt.Sprintf("clear; XDG_CONFIG_HOME=%s UNKNOT_TEST_NUDGE_INTERVAL=3s %s --data-dir %s nudge --hold 1s --lead-in 0 --notify bell; echo EXIT=$?",
		config, bin, data), "Enter")
	tm.waitScreen("Break in", 10*time.Second)
	tm.waitScreen("Break due", 10*time.Second)
	if s := tm.screen(); !strings.Contains(s, "Seated micro-break, 2 minutes") || !strings.Contains(s, "Today: 0 taken") {
		t.Fatalf("the due panel:\n%s", s)
	}
	tm.send("Enter")
	tm.throughToSession("2")
	tm.waitScreen("Session complete", 30*time.Second)
	tm.painAfter("1", "From 2 to 1")
	tm.send("Enter")
	tm.waitScreen("Today: 1 taken", 10*time.Second)
	tm.send("q")
	tm.waitScreen("EXIT=0", 5*time.Second)

	sessions, raw := historyJSON(t, bin, data)
	if len(sessions) != 1 || sessions[0].Title != "Seated micro-break" || sessions[0].Status != coach.StatusCompleted {
		t.Fatalf("history --json:\n%s", raw)
	}
	out, err := exec.Command(bin, "--data-dir", data, "history", "--breaks", "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var days []coach.BreakDay
	if err := json.Unmarshal(out, &days); err != nil || len(days) != 1 || days[0].Taken != 1 {
		t.Fatalf("history --breaks --json (%v):\n%s", err, out)
	}
	if n := days[0].Nudges[0]; n.Answer != coach.AnswerTaken || n.SessionID != sessions[0].ID {
		t.Errorf("the break's answer %+v, want taken with session %s", n, sessions[0].ID)
	}

	// The break travels with the journal: exported, imported on another
	// data directory, it reads the same there, still naming its session.
	file, other := filepath.Join(tm.dir, "journal.jsonl"), filepath.Join(tm.dir, "other")
	export, err := exec.Command(bin, "--data-dir", data, "journal", "export", "--jsonl").Output()
	if err != nil || os.WriteFile(file, export, 0o600) != nil {
		t.Fatalf("export: %v", err)
	}
	imported, err := exec.Command(bin, "--data-dir", other, "journal", "import", file).Output()
	if err != nil || !strings.Contains(string(imported), "1 session added") || !strings.Contains(string(imported), "1 break,") {
		t.Fatalf("import (%v): %s", err, imported)
	}
	there, err := exec.Command(bin, "--data-dir", other, "history", "--breaks", "--json").Output()
	if err != nil || string(there) != string(out) {
		t.Errorf("history --breaks --json after the import (%v):\n%s\nwant:\n%s", err, there, out)
	}
}
