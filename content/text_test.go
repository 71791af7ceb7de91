package content

import "testing"

func TestUpperFirst(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"foam roller", "Foam roller"},
		{"Wall", "Wall"},
	} {
		if got := UpperFirst(tc.in); got != tc.want {
			t.Errorf("UpperFirst(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 techniques"}, {1, "1 technique"}, {3, "3 techniques"}} {
		if got := Plural(tc.n, "technique"); got != tc.want {
			t.Errorf("Plural(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestClockAndMinutes(t *testing.T) {
	for _, tc := range []struct {
		secs  int
		clock string
		mins  int
	}{
		{0, "0:00", 0}, {5, "0:05", 1}, {29, "0:29", 1}, {89, "1:29", 1}, {90, "1:30", 2},
		{185, "3:05", 3}, {3600, "60:00", 60},
	} {
		if got := Clock(tc.secs); got != tc.clock {
			t.Errorf("Clock(%d) = %q, want %q", tc.secs, got, tc.clock)
		}
		if got := Minutes(tc.secs); got != tc.mins {
			t.Errorf("Minutes(%d) = %d, want %d", tc.secs, got, tc.mins)
		}
	}
}
