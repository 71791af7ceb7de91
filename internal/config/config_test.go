package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/nudge"
)

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "config.toml")
		os.WriteFile(p, []byte(s), 0o600)
		return p
	}
	if c, problems := Load(filepath.Join(dir, "missing.toml")); problems != nil || c != Default() {
		t.Errorf("missing file: %+v %v", c, problems)
	}
	c, problems := Load(write("voice = false\nreduced_motion = true\nbreathe_in = 5\n"))
	if problems != nil || c.Voice || !c.Bell || !c.ReducedMotion || c.BreatheIn != 5 || c.BreatheOut != 6 {
		t.Errorf("got %+v, %v", c, problems)
	}
	for in, want := range map[string]string{
		"volume = 3\n":         "config.toml:1: unknown setting volume (known: voice, bell, reduced_motion, breathe_in, breathe_out)",
		"breathe_out = 1\n":    "config.toml:1: breathe_out = 1 is outside 2–15 seconds; using 6",
		"bell = \"no\"\n":      `config.toml:1: bell = "no" is not true or false; using true`,
		"breathe_in = 4.5\n":   "config.toml:1: breathe_in = 4.5 is not a whole number of seconds (2–15); using 4",
		"[voice]\non = true\n": "config.toml:1: voice = a table is not true or false; using true",
		"voice = maybe\n":      "config.toml:1: ",
	} {
		_, problems := Load(write(in))
		if len(problems) != 1 || !strings.HasSuffix(filepath.Dir(problems[0].Path), filepath.Base(dir)) ||
			!strings.HasPrefix(strings.TrimPrefix(problems[0].String(), dir+string(filepath.Separator)), want) {
			t.Errorf("%q: problems = %v, want one starting %q", in, problems, want)
		}
	}
}

// Every mistake is reported, each on its own line, and the settings
// without one still apply.
func TestLoadReportsEveryMistake(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte("# sound\nvoice = false\nvolume = 3\n\nbreathe_in = 1\nbell = \"off\"\nbreathe_out = 8\n"), 0o600)
	c, problems := Load(p)
	want := []string{
		p + ":3: unknown setting volume",
		p + ":5: breathe_in = 1 is outside 2–15 seconds; using 4",
		p + `:6: bell = "off" is not true or false; using true`,
	}
	if len(problems) != len(want) {
		t.Fatalf("problems = %v, want %d", problems, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(problems[i].String(), w) {
			t.Errorf("problem %d = %q, want %q", i, problems[i], w)
		}
	}
	if c.Voice || !c.Bell || c.BreatheIn != 4 || c.BreatheOut != 8 {
		t.Errorf("settings = %+v: the good ones apply, the bad ones keep their defaults", c)
	}
}

func TestLoadNudge(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(`voice = false
[nudge]
interval = "30m"
hours = "08:00-16:00"
days = ["mon", "tue", "thu"]
snooze = "5m"
snoozes = 1
away = "3m"
calendars = ["/tmp/a.ics", "~/b.ics"]
notify = "terminal"
`)
	n, problems := LoadNudge(path)
	s := n.Schedule
	if problems != nil || s.Interval != 30*time.Minute || s.Start != 480 || s.End != 960 || nudge.DaysString(s.Days) != "mon,tue,thu" ||
		s.Snooze != 5*time.Minute || s.MaxSnoozes != 1 || s.Away != 3*time.Minute || n.Notify != NotifyTerminal ||
		len(n.Calendars) != 2 || n.Calendars[0] != "/tmp/a.ics" || strings.HasPrefix(n.Calendars[1], "~") {
		t.Fatalf("got %+v, %v", n, problems)
	}
	if c, problems := Load(path); problems != nil || c.Voice {
		t.Errorf("Load with a [nudge] table: %+v, %v", c, problems)
	}
	tests := []struct{ in, want string }{
		{"[nudge]\ninterval = \"1m\"\n", `config.toml:2: nudge.interval: "1m" is outside 5m–4h; using the default`},
		{"[nudge]\ninterval = 45\n", `config.toml:2: nudge.interval: 45 is not text like "45m" or "1h30m"; using the default`},
		{"[nudge]\n\nhours = \"9-5\"\n", `config.toml:3: nudge.hours: "9-5" is not working hours like 09:00-17:30; using the default`},
		{"[nudge]\ndays = \"weekdays\"\n", `config.toml:2: nudge.days: "weekdays" is not working days like mon-fri or mon,wed,fri; using the default`},
		{"[nudge]\nsnoozes = 9\n", `config.toml:2: nudge.snoozes: 9 is not a whole number 0–5; using the default`},
		{"[nudge]\nnotify = \"loud\"\n", `config.toml:2: nudge.notify: "loud" is not one of auto, desktop, terminal, bell; using the default`},
		{"[nudge]\ncalendars = \"a.ics\"\n", `config.toml:2: nudge.calendars: "a.ics" is not a list of .ics files like ["~/calendars/work.ics"]; using the default`},
		{"[nudge]\nintervall = \"30m\"\n", `config.toml:2: unknown setting nudge.intervall (known: interval, hours, days, snooze, snoozes, away, calendars, notify)`},
		{"bell = true\n[nudge]\nhours = \"09:00-09:30\"\n", `config.toml:2: [nudge]: working hours 09:00-09:30 are shorter than the interval 45m; using the default schedule`},
		{"nudge = 3\n", `config.toml:1: nudge is not a table: write [nudge] on a line of its own, then its settings`},
	}
	for _, tt := range tests {
		write(tt.in)
		n, problems := LoadNudge(path)
		if len(problems) != 1 || strings.TrimPrefix(problems[0].String(), dir+string(filepath.Separator)) != tt.want {
			t.Errorf("%q: problems = %v, want %q", tt.in, problems, tt.want)
		}
		if n.Schedule != nudge.Default() {
			t.Errorf("%q: the schedule is %+v, want the default", tt.in, n.Schedule)
		}
	}
}
