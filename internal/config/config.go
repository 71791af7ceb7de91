// Package config reads unknot's settings file, $XDG_CONFIG_HOME/unknot/config.toml.
// Every setting is optional; command-line flags override the file.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/BurntSushi/toml"
)

// Config holds the settings (see docs/config.md).
type Config struct {
	// Voice speaks cues through the system's text-to-speech, when one is
	// installed (espeak-ng, spd-say or say).
	Voice bool `toml:"voice"`
	// Bell rings the terminal bell at the start of each hold, halfway,
	// when switching sides and at the end.
	Bell bool `toml:"bell"`
	// ReducedMotion replaces the breathing pacer's moving bar with a label
	// and a count.
	ReducedMotion bool `toml:"reduced_motion"`
	// BreatheIn and BreatheOut are the pacer's seconds per breath in and out.
	BreatheIn  int `toml:"breathe_in"`
	BreatheOut int `toml:"breathe_out"`
}

// Default is the configuration without a file.
func Default() Config {
	return Config{Voice: true, Bell: true, BreatheIn: 4, BreatheOut: 6}
}

// Load reads the file at path on top of the defaults. A missing file is
// not an error; an unknown setting or a value out of range is.
func Load(path string) (Config, error) {
	c := Default()
	data, err := read(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		return Default(), fmt.Errorf("%s: %w", path, err)
	}
	if extra := md.Undecoded(); len(extra) > 0 {
		keys := make([]string, len(extra))
		for i, k := range extra {
			keys[i] = k.String()
		}
		return Default(), fmt.Errorf("%s: unknown setting %s (known: voice, bell, reduced_motion, breathe_in, breathe_out)", path, strings.Join(keys, ", "))
	}
	for _, b := range []struct {
		name string
		v    int
	}{{"breathe_in", c.BreatheIn}, {"breathe_out", c.BreatheOut}} {
		if b.v < 2 || b.v > 15 {
			return Default(), fmt.Errorf("%s: %s = %d is outside 2–15 seconds", path, b.name, b.v)
		}
	}
	return c, nil
}
