package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProgramICS(t *testing.T) {
	code, out, _ := runCLI("program", "ics", "posture-3-day", "--start", "2026-12-07", "--at", "07:30", "--alarm", "15m")
	if code != 0 || strings.Count(out, "BEGIN:VEVENT") != 3 || strings.Count(out, "BEGIN:VALARM") != 3 ||
		!strings.Contains(out, "TRIGGER:-PT15M\r\n") || !strings.Contains(out, `\nunknot session --program posture-3-day`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
	file := filepath.Join(t.TempDir(), "desk.ics")
	code, out, _ = runCLI("program", "ics", "desk-break", "-o", file)
	data, err := os.ReadFile(file)
	if code != 0 || err != nil || strings.Count(string(data), "BEGIN:VEVENT") != 1 || out != "Wrote 1 day to "+file+": import it into your calendar.\n" {
		t.Errorf("-o: %d %q %v", code, out, err)
	}
	for args, want := range map[string]string{
		"posture-3":                   "unknot: unknown program \"posture-3\" (did you mean posture-3-day?); `unknot list programs` lists them\n",
		"desk-break --start tomorrow": "unknot: --start \"tomorrow\" is not a date like 2026-12-07\n",
		"desk-break --at 7pm":         "unknot: --at \"7pm\" is not a time of day like 08:00\n",
		"desk-break --alarm 90s":      "unknot: --alarm \"90s\" is not whole minutes up to 24h, like 10m\n",
	} {
		code, out, errOut := runCLI(append([]string{"program", "ics"}, strings.Fields(args)...)...)
		if code != 2 || out != "" || errOut != want {
			t.Errorf("%s: %d %q %q, want %q", args, code, out, errOut, want)
		}
	}
}
