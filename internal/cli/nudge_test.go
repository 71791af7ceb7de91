package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/internal/nudgestate"
	"github.com/unknot/unknot/nudge"
)

// runCLINow runs the command line at now.
func runCLINow(now time.Time, args ...string) (code int, stdout string) {
	var out, errb bytes.Buffer
	code = runApp(&app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, clock: func() time.Time { return now }}, args)
	return code, out.String()
}

// At noon (a fixed day, so the test does not depend on when it runs: an
// hour before midnight the next break would fall on the next day, and
// in the first hour of a day no break can be due yet).
func TestNudgeOnce(t *testing.T) {
	allDayConfig(t)
	noon := time.Date(2026, 12, 2, 12, 0, 0, 0, time.Local)
	runCLI := func(args ...string) (int, string, string) {
		code, out := runCLINow(noon, args...)
		return code, out, ""
	}
	dir := t.TempDir()
	code, out, _ := runCLI("--data-dir", dir, "nudge", "--once", "--notify", "bell")
	if code != onceNothingDue || out != "break in 45m\n" {
		t.Errorf("first check: %d %q", code, out)
	}
	nudgestate.Save(dir, nudgestate.File{State: nudge.State{Anchor: noon.Add(-time.Hour)}})
	code, out, _ = runCLI("--data-dir", dir, "nudge", "--once", "--notify", "terminal")
	if code != onceBreakDue || !strings.HasSuffix(out, "\abreak due\n") || !strings.Contains(out, "\x1b]9;Time for a break: Seated micro-break, 2 minutes") {
		t.Errorf("due: %d %q", code, out)
	}
	code, out, _ = runCLI("--data-dir", dir, "nudge", "--once", "--notify", "terminal")
	if code != onceBreakDue || out != "break due\n" {
		t.Errorf("announced twice: %d %q", code, out)
	}
	code, out, _ = runCLI("--data-dir", dir, "nudge", "--once", "--quiet", "1h")
	if code != onceNothingDue || !strings.HasPrefix(out, "quiet until ") {
		t.Errorf("--quiet: %d %q", code, out)
	}
	code, out, _ = runCLI("--data-dir", dir, "nudge", "--once", "--quiet", "0s")
	if code != onceBreakDue || out != "break due\n" {
		t.Errorf("--quiet 0s: %d %q", code, out)
	}
}

func TestNudgeBadInput(t *testing.T) {
	allDayConfig(t)
	dir := t.TempDir()
	for args, want := range map[string]string{
		"--interval 2m":       "unknot: interval 2m is outside 5m–4h\n",
		"--interval soon":     "unknot: --interval \"soon\" is not a length of time like 45m or 1h30m\n",
		"--hours 17:00-09:00": "unknot: --hours working hours \"17:00-09:00\" must start before they end, within one day\n",
		"--days weekdays":     "unknot: --days \"weekdays\" is not working days like mon-fri or mon,wed,fri\n",
		"--notify loud":       "unknot: --notify \"loud\" is not one of auto, desktop, terminal, bell\n",
		"--quiet forever":     "unknot: --quiet \"forever\" is not a length of time up to 24h, like 1h (0s ends a quiet time)\n",
		"--service=cron":      "unknot: --service \"cron\": give systemd or launchd\n",
		"--hold 0s --once":    "unknot: --hold 0s is not between 1 second and 30 minutes\n",
	} {
		code, out, errOut := runCLI(append([]string{"--data-dir", dir, "nudge"}, strings.Fields(args)...)...)
		if code != 2 || out != "" || errOut != want {
			t.Errorf("%s: %d %q %q, want %q", args, code, out, errOut, want)
		}
	}
}

func TestNudgeService(t *testing.T) {
	code, out, _ := runCLI("nudge", "--service=systemd")
	if code != 0 || !strings.Contains(out, "[Service]\nExecStart=/") || !strings.Contains(out, " nudge --plain\n") || !strings.Contains(out, "WantedBy=graphical-session.target") {
		t.Errorf("systemd: %d\n%s", code, out)
	}
	code, out, _ = runCLI("nudge", "--service=launchd")
	if code != 0 || !strings.Contains(out, "<string>dev.unknot.nudge</string>") || !strings.Contains(out, "<string>--plain</string>") {
		t.Errorf("launchd: %d\n%s", code, out)
	}
}
