package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
