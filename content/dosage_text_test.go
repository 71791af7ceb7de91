package content

import "testing"

func TestDosageText(t *testing.T) {
	for _, c := range []struct {
		name string
		d    Dosage
		want string
	}{
		{"one hold, one side", Dosage{HoldSeconds: 30, MinHoldSeconds: 15, MaxHoldSeconds: 60}, "Hold 30 s (15–60 s)"},
		{"repeated, no sides", Dosage{HoldSeconds: 60, MinHoldSeconds: 30, MaxHoldSeconds: 90, Reps: 2, RestSeconds: 20}, "Hold 60 s (30–90 s), 2 times, 20 s rest between"},
		{"one hold each side", Dosage{HoldSeconds: 30, MinHoldSeconds: 15, MaxHoldSeconds: 60, Bilateral: true}, "Hold 30 s (15–60 s), each side"},
		{"repeated each side", Dosage{HoldSeconds: 20, MinHoldSeconds: 10, MaxHoldSeconds: 30, Reps: 3, Bilateral: true}, "Hold 20 s (10–30 s), 3 times, each side"},
		{"rest with one hold is not said", Dosage{HoldSeconds: 20, MinHoldSeconds: 10, MaxHoldSeconds: 30, RestSeconds: 10}, "Hold 20 s (10–30 s)"},
		{"stages", Dosage{HoldSeconds: 30, MinHoldSeconds: 20, MaxHoldSeconds: 45, Stages: []string{"low", "high"}}, "Hold 30 s (20–45 s), in 2 stages: low; high"},
	} {
		if got := c.d.Text(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
