// Package idle reads how long the person has been away from the machine,
// where a user process may know it: GNOME's idle monitor (Wayland and
// X11), the session's org.freedesktop.ScreenSaver (KDE and others), the
// X11 screensaver extension through xprintidle, and macOS's HID idle
// time. Elsewhere (a plain console, SSH, other Wayland desktops) it cannot
// be known: Find finds nothing.
package idle

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// Source reads the idle time one way.
type Source struct {
	// Name says where the idle time comes from, for the one line that
	// tells the person.
	Name string
	read func(ctx context.Context) (time.Duration, error)
}

// Read asks for the idle time, giving up after a second.
func (s *Source) Read() (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return s.read(ctx)
}

// Find is the first way this machine's idle time can be read, or nil.
// It tries each once.
func Find() *Source {
	for _, s := range candidates(os.Getenv, runtime.GOOS) {
		if _, err := s.Read(); err == nil {
			return s
		}
	}
	return nil
}

func candidates(getenv func(string) string, goos string) []*Source {
	if goos == "darwin" {
		return []*Source{{Name: "macOS HID idle time", read: command(parseIoreg, "ioreg", "-c", "IOHIDSystem", "-d", "4")}}
	}
	var out []*Source
	if getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		out = append(out, &Source{Name: "the GNOME idle monitor", read: command(parseGdbus, "gdbus", "call", "--session",
			"--dest", "org.gnome.Mutter.IdleMonitor", "--object-path", "/org/gnome/Mutter/IdleMonitor/Core",
			"--method", "org.gnome.Mutter.IdleMonitor.GetIdletime")})
	}
	if getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		out = append(out, &Source{Name: "the session's screensaver (KDE and others)", read: command(parseGdbus, "gdbus", "call", "--session",
			"--dest", "org.freedesktop.ScreenSaver", "--object-path", "/org/freedesktop/ScreenSaver",
			"--method", "org.freedesktop.ScreenSaver.GetSessionIdleTime")})
	}
	if getenv("DISPLAY") != "" {
		out = append(out, &Source{Name: "the X11 screensaver (xprintidle)", read: command(parseMillis, "xprintidle")})
	}
	return out
}

// command runs a tool and parses its output.
func command(parse func(string) (time.Duration, error), name string, args ...string) func(context.Context) (time.Duration, error) {
	return func(ctx context.Context) (time.Duration, error) {
		out, err := exec.CommandContext(ctx, name, args...).Output()
		if err != nil {
			return 0, err
		}
		return parse(string(out))
	}
}

// The patterns compile when first used: most runs never read the idle time,
// and compiling them cost every start about 0.02 ms.
var (
	millisRe = lazyRegexp(`^\s*(\d+)\s*$`)
	gdbusRe  = lazyRegexp(`^\(uint(?:32|64) (\d+),\)`)
	ioregRe  = lazyRegexp(`"HIDIdleTime" = (\d+)`)
)

// parseMillis reads xprintidle's milliseconds.
func parseMillis(s string) (time.Duration, error) { return match(millisRe(), s, time.Millisecond) }

// parseGdbus reads gdbus's "(uint64 1234,)" or "(uint32 1234,)",
// milliseconds.
func parseGdbus(s string) (time.Duration, error) { return match(gdbusRe(), s, time.Millisecond) }

// parseIoreg reads ioreg's HIDIdleTime, nanoseconds.
func parseIoreg(s string) (time.Duration, error) { return match(ioregRe(), s, time.Nanosecond) }

func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

type unreadable string

func (u unreadable) Error() string {
	return "cannot read the idle time from " + strconv.Quote(string(u))
}

func match(re *regexp.Regexp, s string, unit time.Duration) (time.Duration, error) {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return 0, unreadable(firstLine(s))
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil || n < 0 || n > int64(1<<62)/int64(unit) {
		return 0, unreadable(firstLine(s))
	}
	return time.Duration(n) * unit, nil
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' || i >= 60 {
			return s[:i]
		}
	}
	return s
}
