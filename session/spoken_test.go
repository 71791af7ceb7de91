package session

import (
	"testing"
	"time"
)

// A step as plain mode and the voice say it: a stage's name reads on
// after a comma, and one second or minute is singular.
func TestSpoken(t *testing.T) {
	for _, c := range []struct {
		step Step
		want string
	}{
		{Step{Name: "Shoulder rolls", Stage: "Circling backwards", Hold: 30 * time.Second}, "Shoulder rolls, circling backwards, 30 seconds"},
		{Step{Name: "Chin tucks", Reps: 5, Rep: 2, Hold: time.Second}, "Chin tucks, 2 of 5, 1 second"},
		{Step{Name: "Doorway chest stretch", Side: SideLeft, Hold: time.Minute}, "Doorway chest stretch, left side, 1 minute"},
		{Step{Name: "Wall angels", Hold: 90 * time.Second}, "Wall angels, 1 minute 30 seconds"},
		{Step{Name: "Foam roller", Hold: 121 * time.Second}, "Foam roller, 2 minutes 1 second"},
		{Step{Name: "Pack technique", Stage: "NHS leaflet position", Hold: 2 * time.Minute}, "Pack technique, NHS leaflet position, 2 minutes"},
	} {
		if got := c.step.Spoken(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.step, got, c.want)
		}
	}
}
