package report

import (
	"strings"
	"testing"
	"time"
)

func TestMinutesNeverOverstates(t *testing.T) {
	for _, c := range []struct {
		held time.Duration
		want string
	}{
		{0, "0 min"},
		{6 * time.Second, "0:06"},
		{6*time.Second + 700*time.Millisecond, "0:06"},
		{59 * time.Second, "0:59"},
		{60 * time.Second, "1 min"},
		{9*time.Minute + 10*time.Second, "9 min"},
		{9*time.Minute + 40*time.Second, "10 min"},
	} {
		if got := minutes(c.held); got != c.want {
			t.Errorf("minutes(%v) = %q, want %q", c.held, got, c.want)
		}
	}
}

// The overview's holding time agrees with a table that shows 0:06 held.
func TestOverviewSecondsOfHolding(t *testing.T) {
	r := Report{Totals: Totals{Sessions: 1, ActiveDays: 1, Days: 1, Completed: 1, HoldsDone: 1, HoldsPlanned: 1, Held: 6 * time.Second}}
	got := strings.Join(r.Overview(), " ")
	if !strings.Contains(got, "0:06 of holding in all") || strings.Contains(got, "1 min") {
		t.Errorf("overview: %s", got)
	}
}
