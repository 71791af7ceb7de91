package nudge

import (
	"testing"
	"time"
)

func TestParseHours(t *testing.T) {
	tests := []struct {
		in         string
		start, end int
		err        string
	}{
		{"09:00-17:30", 540, 1050, ""},
		{" 7:30 - 16:00 ", 450, 960, ""},
		{"00:00-24:00", 0, 1440, ""},
		{"17:30-09:00", 0, 0, `working hours "17:30-09:00" must start before they end, within one day`},
		{"9-5", 0, 0, `"9-5" is not working hours like 09:00-17:30`},
		{"09:60-10:00", 0, 0, `"09:60-10:00" is not working hours like 09:00-17:30`},
		{"24:30-25:00", 0, 0, `"24:30-25:00" is not working hours like 09:00-17:30`},
	}
	for _, tt := range tests {
		start, end, err := ParseHours(tt.in)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.err || start != tt.start || end != tt.end {
			t.Errorf("ParseHours(%q) = %d, %d, %q; want %d, %d, %q", tt.in, start, end, got, tt.start, tt.end, tt.err)
		}
	}
}

func TestParseDays(t *testing.T) {
	tests := []struct {
		in, want string // want is DaysString's output, or the error
	}{
		{"mon-fri", "mon-fri"},
		{"Monday, Wednesday, Fri", "mon,wed,fri"},
		{"sun-thu", "sun-thu"},
		{"fri-mon", "sun,mon,fri,sat"},
		{"sat-sun", "sun,sat"},
		{"mon-sun", "sun-sat"},
		{"mo-fr", `"mo-fr" is not working days like mon-fri or mon,wed,fri`},
		{"monkey", `"monkey" is not working days like mon-fri or mon,wed,fri`},
		{"", `"" is not working days like mon-fri or mon,wed,fri`},
	}
	for _, tt := range tests {
		days, err := ParseDays(tt.in)
		got := DaysString(days)
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("ParseDays(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseLength(t *testing.T) {
	for in, want := range map[string]time.Duration{"45m": 45 * time.Minute, "1h30m": 90 * time.Minute, " 90s": 90 * time.Second} {
		if got, err := ParseLength(in); err != nil || got != want {
			t.Errorf("ParseLength(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"45", "1.5s", "-5m", "soon"} {
		if _, err := ParseLength(in); err == nil {
			t.Errorf("ParseLength(%q) took it", in)
		}
	}
}

// FuzzParseSchedule: the settings' parsers never panic, and what they
// take writes back the same.
func FuzzParseSchedule(f *testing.F) {
	for _, s := range []string{"09:00-17:30", "mon-fri", "fri-mon", "24:00", "mon,,tue", "45m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if start, end, err := ParseHours(s); err == nil {
			if again, again2, err := ParseHours(HoursString(start, end)); err != nil || again != start || again2 != end {
				t.Fatalf("%q: %d-%d does not read back: %v", s, start, end, err)
			}
		}
		if days, err := ParseDays(s); err == nil {
			if again, err := ParseDays(DaysString(days)); err != nil || again != days {
				t.Fatalf("%q: %v does not read back: %v", s, DaysString(days), err)
			}
		}
		ParseLength(s)
	})
}
