package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/unknot/unknot/nudge"
)

// nudgeTable is the table of settings for breaks between sessions.
const nudgeTable = "nudge"

// Nudge holds the [nudge] settings (see docs/config.md).
type Nudge struct {
	Schedule nudge.Schedule
	// Calendars are .ics files whose events hold breaks.
	Calendars []string
	// Notify is how a due break is announced: NotifyAuto, NotifyDesktop,
	// NotifyTerminal or NotifyOff (the bell alone).
	Notify string
}

// How a due break is announced.
const (
	NotifyAuto     = "auto"
	NotifyDesktop  = "desktop"
	NotifyTerminal = "terminal"
	NotifyBell     = "bell"
)

var notifyWays = []string{NotifyAuto, NotifyDesktop, NotifyTerminal, NotifyBell}

// DefaultNudge is the [nudge] settings without a file.
func DefaultNudge() Nudge {
	return Nudge{Schedule: nudge.Default(), Notify: NotifyAuto}
}

// nudgeSetting is one key of [nudge]: apply sets it from a decoded value
// or says what is wrong with it.
type nudgeSetting struct {
	name  string
	apply func(*Nudge, any) error
}

var nudgeSettings = []nudgeSetting{
	{"interval", lengthSetting(func(n *Nudge) *time.Duration { return &n.Schedule.Interval }, nudge.MinInterval, nudge.MaxInterval)},
	{"hours", func(n *Nudge, v any) error {
		s, ok := v.(string)
		if !ok {
			return errors.New(`is not text like "09:00-17:30"`)
		}
		start, end, err := nudge.ParseHours(s)
		n.Schedule.Start, n.Schedule.End = start, end
		return err
	}},
	{"days", func(n *Nudge, v any) error {
		s, ok := v.(string)
		if list, isList := v.([]any); isList {
			parts := make([]string, len(list))
			for i, x := range list {
				if parts[i], ok = x.(string); !ok {
					break
				}
			}
			s = strings.Join(parts, ",")
		}
		if !ok {
			return errors.New(`is not text like "mon-fri" or a list like ["mon", "wed"]`)
		}
		days, err := nudge.ParseDays(s)
		n.Schedule.Days = days
		return err
	}},
	{"snooze", lengthSetting(func(n *Nudge) *time.Duration { return &n.Schedule.Snooze }, nudge.MinSnooze, nudge.MaxSnooze)},
	{"snoozes", func(n *Nudge, v any) error {
		i, ok := v.(int64)
		if !ok || i < 0 || i > nudge.MaxSnoozes {
			return fmt.Errorf("is not a whole number 0–%d", nudge.MaxSnoozes)
		}
		n.Schedule.MaxSnoozes = int(i)
		return nil
	}},
	{"away", lengthSetting(func(n *Nudge) *time.Duration { return &n.Schedule.Away }, nudge.MinAway, nudge.MaxAway)},
	{"calendars", func(n *Nudge, v any) error {
		list, ok := v.([]any)
		if !ok {
			return errors.New(`is not a list of .ics files like ["~/calendars/work.ics"]`)
		}
		n.Calendars = nil
		for _, x := range list {
			p, ok := x.(string)
			if !ok || strings.TrimSpace(p) == "" {
				return errors.New("holds something that is not a file's path")
			}
			n.Calendars = append(n.Calendars, ExpandHome(p))
		}
		return nil
	}},
	{"notify", func(n *Nudge, v any) error {
		s, ok := v.(string)
		if !ok || !slices.Contains(notifyWays, s) {
			return fmt.Errorf("is not one of %s", strings.Join(notifyWays, ", "))
		}
		n.Notify = s
		return nil
	}},
}

// lengthSetting is a setting given as a length of time ("45m").
// It must lie within lo–hi.
func lengthSetting(field func(*Nudge) *time.Duration, lo, hi time.Duration) func(*Nudge, any) error {
	return func(n *Nudge, v any) error {
		s, ok := v.(string)
		if !ok {
			return errors.New(`is not text like "45m" or "1h30m"`)
		}
		d, err := nudge.ParseLength(s)
		if err == nil && (d < lo || d > hi) {
			return fmt.Errorf("is outside %s–%s", nudge.Short(lo), nudge.Short(hi))
		}
		*field(n) = d
		return err
	}
}

// LoadNudge reads the [nudge] table of the file at path on top of the
// defaults. Each mistake is reported with its line and the setting keeps
// its default; then the schedule as a whole is checked (hours longer than
// the interval, at least one day), and a schedule that fails goes back to
// the defaults with one problem saying why. A missing file or table is
// not a mistake; a file that is not TOML is Load's to report.
func LoadNudge(path string) (Nudge, []Problem) {
	n := DefaultNudge()
	data, err := read(path)
	if err != nil {
		return n, nil
	}
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return n, nil
	}
	if _, ok := raw[nudgeTable]; !ok {
		return n, nil
	}
	table, ok := raw[nudgeTable].(map[string]any)
	lines := tableKeyLines(string(data), nudgeTable)
	if !ok {
		return n, []Problem{{Path: path, Line: keyLines(string(data))[nudgeTable],
			Msg: "nudge is not a table: write [nudge] on a line of its own, then its settings"}}
	}
	var problems []Problem
	names := make([]string, len(nudgeSettings))
	for i, s := range nudgeSettings {
		names[i] = s.name
	}
	for _, k := range md.Keys() {
		if len(k) != 2 || k[0] != nudgeTable {
			continue
		}
		name := k[1]
		i := slices.IndexFunc(nudgeSettings, func(s nudgeSetting) bool { return s.name == name })
		if i < 0 {
			problems = append(problems, Problem{Path: path, Line: lines[name],
				Msg: fmt.Sprintf("unknown setting nudge.%s (known: %s)", name, strings.Join(names, ", "))})
			continue
		}
		before := n
		if err := nudgeSettings[i].apply(&n, table[name]); err != nil {
			n = before
			msg := err.Error()
			if strings.HasPrefix(msg, "is ") || strings.HasPrefix(msg, "holds ") {
				msg = show(table[name]) + " " + msg
			}
			problems = append(problems, Problem{Path: path, Line: lines[name],
				Msg: fmt.Sprintf("nudge.%s: %s; using the default", name, msg)})
		}
	}
	if err := n.Schedule.Validate(); err != nil {
		problems = append(problems, Problem{Path: path, Line: lines[""],
			Msg: "[nudge]: " + err.Error() + "; using the default schedule"})
		n.Schedule = nudge.Default()
	}
	return n, problems
}

// tableKeyLines finds the line of each key inside [table], and of the
// table's header (key "").
func tableKeyLines(data, table string) map[string]int {
	lines := map[string]int{}
	in := false
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			name, _, _ := strings.Cut(strings.Trim(line, "[ "), "]")
			in = strings.TrimSpace(name) == table
			if in {
				lines[""] = i + 1
			}
			continue
		}
		key, _, found := strings.Cut(line, "=")
		key = strings.Trim(strings.TrimSpace(key), `"'`)
		if _, seen := lines[key]; in && found && !seen && !strings.HasPrefix(key, "#") {
			lines[key] = i + 1
		}
	}
	return lines
}

// ExpandHome turns a leading "~/" into the home directory.
func ExpandHome(p string) string {
	p = strings.TrimSpace(p)
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}
