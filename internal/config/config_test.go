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
	if c, err := Load(filepath.Join(dir, "missing.toml")); err != nil || c != Default() {
		t.Errorf("missing file: %+v %v", c, err)
	}
	c, err := Load(write("voice = false\nreduced_motion = true\nbreathe_in = 5\n"))
	if err != nil || c.Voice || !c.Bell || !c.ReducedMotion || c.BreatheIn != 5 || c.BreatheOut != 6 {
		t.Errorf("got %+v, %v", c, err)
	}
	for in, want := range map[string]string{
		"volume = 3\n":      "unknown setting volume",
		"breathe_out = 1\n": "outside 2–15",
		"voice = maybe\n":   "config.toml",
	} {
		if _, err := Load(write(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", in, err, want)
		}
	}
}
