// Package config reads unknot's settings file, $XDG_CONFIG_HOME/unknot/config.toml.
// Every setting is optional; command-line flags override the file.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Config holds the settings (see docs/config.md).
type Config struct {
	// Voice speaks cues through the system's text-to-speech, when one is
	// installed (espeak-ng, spd-say or say).
	Voice bool
	// Bell rings the terminal bell at the start of each hold, halfway,
	// when switching sides and at the end.
	Bell bool
	// ReducedMotion replaces the breathing pacer's moving bar with a label
	// and a count.
	ReducedMotion bool
	// BreatheIn and BreatheOut are the pacer's seconds per breath in and out.
	BreatheIn  int
	BreatheOut int
}

// Default is the configuration without a file.
func Default() Config {
	return Config{Voice: true, Bell: true, BreatheIn: 4, BreatheOut: 6}
}

// Problem is one mistake in the settings file.
type Problem struct {
	Path string
	Line int // 0 when the mistake is not on one line
	Msg  string
}

// String is "path:line: message", or "path: message" without a line.
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
	}
	return p.Path + ": " + p.Msg
}

// setting is one key of the file and the field it sets: a switch or a
// number of seconds per breath.
type setting struct {
	name    string
	on      func(*Config) *bool
	seconds func(*Config) *int
}

var settings = []setting{
	{name: "voice", on: func(c *Config) *bool { return &c.Voice }},
	{name: "bell", on: func(c *Config) *bool { return &c.Bell }},
	{name: "reduced_motion", on: func(c *Config) *bool { return &c.ReducedMotion }},
	{name: "breathe_in", seconds: func(c *Config) *int { return &c.BreatheIn }},
	{name: "breathe_out", seconds: func(c *Config) *int { return &c.BreatheOut }},
}

// Pacer seconds per breath in or out.
const minBreath, maxBreath = 2, 15

// apply sets the setting in c from a decoded TOML value and says what is
// wrong with the value ("" when nothing is).
func (s setting) apply(c *Config, v any) string {
	if s.on != nil {
		b, ok := v.(bool)
		if !ok {
			return "is not true or false"
		}
		*s.on(c) = b
		return ""
	}
	n, ok := v.(int64)
	switch {
	case !ok:
		return fmt.Sprintf("is not a whole number of seconds (%d–%d)", minBreath, maxBreath)
	case n < minBreath || n > maxBreath:
		return fmt.Sprintf("is outside %d–%d seconds", minBreath, maxBreath)
	}
	*s.seconds(c) = int(n)
	return ""
}

// value is the setting's value in c.
func (s setting) value(c Config) any {
	if s.on != nil {
		return *s.on(&c)
	}
	return *s.seconds(&c)
}

// Load reads the file at path on top of the defaults and returns every
// mistake in it, in file order. A missing file is not a mistake. A setting
// with a mistake keeps its default and the others apply; a file that
// cannot be read or parsed gives one problem and the defaults.
func Load(path string) (Config, []Problem) {
	c := Default()
	data, err := read(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, []Problem{{Path: path, Msg: err.Error() + "; using the defaults"}}
	}
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return c, []Problem{{Path: path, Line: pe.Position.Line, Msg: strings.TrimSuffix(pe.Message, ".") + "; using the defaults"}}
		}
		return c, []Problem{{Path: path, Msg: err.Error() + "; using the defaults"}}
	}
	lines := keyLines(string(data))
	var problems []Problem
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue // inside a table, which is itself a mistake
		}
		name := k[0]
		if name == nudgeTable {
			continue // LoadNudge reads it
		}
		v := raw[name]
		i := slices.IndexFunc(settings, func(s setting) bool { return s.name == name })
		if i < 0 {
			problems = append(problems, Problem{Path: path, Line: lines[name],
				Msg: fmt.Sprintf("unknown setting %s (known: %s)", name, strings.Join(names(), ", "))})
			continue
		}
		if msg := settings[i].apply(&c, v); msg != "" {
			problems = append(problems, Problem{Path: path, Line: lines[name],
				Msg: fmt.Sprintf("%s = %s %s; using %s", name, show(v), msg, show(settings[i].value(Default())))})
		}
	}
	return c, problems
}

func names() []string {
	out := make([]string, len(settings))
	for i, s := range settings {
		out[i] = s.name
	}
	return out
}

// show writes a decoded TOML value as it would appear in the file, short.
func show(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	}
	return fmt.Sprint(v)
}

// keyLines finds the line each top-level key or table is on (toml's
// metadata keeps the positions to itself).
func keyLines(data string) map[string]int {
	lines := map[string]int{}
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		var key string
		if strings.HasPrefix(line, "[") {
			key, _, _ = strings.Cut(strings.Trim(line, "[ "), "]")
			key, _, _ = strings.Cut(key, ".")
		} else {
			key, _, _ = strings.Cut(line, "=")
		}
		key = strings.Trim(strings.TrimSpace(key), `"'`)
		if _, seen := lines[key]; !seen && key != "" && !strings.HasPrefix(key, "#") {
			lines[key] = i + 1
		}
	}
	return lines
}
