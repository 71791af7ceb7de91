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
