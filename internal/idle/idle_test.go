package idle

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (time.Duration, error)
		in    string
		want  time.Duration
		ok    bool
	}{
		{"xprintidle", parseMillis, "93512\n", 93512 * time.Millisecond, true},
		{"xprintidle error", parseMillis, "couldn't open display\n", 0, false},
		{"gdbus", parseGdbus, "(uint64 300250,)\n", 300250 * time.Millisecond, true},
		{"KDE", parseGdbus, "(uint32 61000,)\n", 61 * time.Second, true},
		{"gdbus error", parseGdbus, "Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown\n", 0, false},
		{"ioreg", parseIoreg, "    | |   \"HIDIdleTime\" = 5123456789\n", 5123456789 * time.Nanosecond, true},
		{"too large", parseMillis, "99999999999999999999\n", 0, false},
	}
	for _, tt := range tests {
		got, err := tt.parse(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("%s: %v, %v; want %v (ok %v)", tt.name, got, err, tt.want, tt.ok)
		}
	}
}

func TestCandidates(t *testing.T) {
	env := map[string]string{"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x", "DISPLAY": ":0"}
	if got := candidates(func(k string) string { return env[k] }, "linux"); len(got) != 3 || got[0].Name != "the GNOME idle monitor" {
		t.Errorf("linux desktop: %v", got)
	}
	if got := candidates(func(string) string { return "" }, "linux"); len(got) != 0 {
		t.Errorf("console: %v", got)
	}
	if got := candidates(func(string) string { return "" }, "darwin"); len(got) != 1 {
		t.Errorf("macOS: %v", got)
	}
}
