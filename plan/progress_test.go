package plan

import (
	"strings"
	"testing"
)

// The plan steps up a ladder after three steady sessions and down after a
// rise of 2 or "this hurts", and says why.
func TestPlansProgress(t *testing.T) {
	kit := []string{"tennis-balls", "wall", "foam-roller", "towel", "chair", "door-frame", "mat"}
	in := Intake{Areas: []string{"upper-back"}, Pain: 3, Equipment: kit, Minutes: 20, Pressure: PressureMedium}
	for _, tc := range []struct {
		name      string
		hist      History
		want, not string
		reason    string
	}{
		{"three steady sessions step up", History{Sessions: 3, Steady: map[string]int{"wall-ball-upper-back": 3}},
			"tennis-ball-spine-release", "wall-ball-upper-back", "Harder version of Ball against the wall: you did it 3 times without your pain rising."},
		{"two are not enough", History{Sessions: 3, Steady: map[string]int{"wall-ball-upper-back": 2}},
			"wall-ball-upper-back", "", "You have two tennis balls and wall and your pain is between the shoulder blades."},
		{"a rise of 2 steps down", History{Sessions: 3, Rose: map[string]bool{"tennis-ball-spine-release": true}},
			"wall-ball-upper-back", "tennis-ball-spine-release", "Easier version of Tennis balls along the spine: your pain rose by 2 or more after it last time."},
		{"this hurts steps down", History{Sessions: 3, Hurt: map[string]bool{"foam-roller-thoracic-extension": true}},
			"towel-roll-extension", "foam-roller-thoracic-extension", "Easier version of Foam roller back bend, which you marked \"this hurts\" last time."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Build(cat, in, withCautions(), tc.hist)
			var reason string
			found := false
			for _, it := range p.Items {
				if it.Technique.ID == tc.want {
					found, reason = true, it.Reason
				}
				if it.Technique.ID == tc.not {
					t.Errorf("%s is still in the plan: %v", tc.not, ids(p))
				}
			}
			if !found {
				t.Fatalf("%s is not in the plan: %v", tc.want, ids(p))
			}
			if reason != tc.reason {
				t.Errorf("reason %q, want %q", reason, tc.reason)
			}
			if tc.not != "" && !strings.Contains(leftReason(p, tc.not), "In its place today") && tc.hist.Hurt == nil {
				t.Errorf("%s left out as %q", tc.not, leftReason(p, tc.not))
			}
		})
	}
}

// An item that took another's place names it, whether a ladder step or a
// routine's kit swap did it.
func TestInPlaceOf(t *testing.T) {
	in := Intake{Areas: []string{"upper-back"}, Pain: 3, Equipment: []string{"tennis-balls", "wall", "mat"}, Minutes: 20, Pressure: PressureMedium}
	p := Build(cat, in, withCautions(), History{Sessions: 3, Steady: map[string]int{"wall-ball-upper-back": 3}})
	for _, it := range p.Items {
		if want := map[string]string{"tennis-ball-spine-release": "wall-ball-upper-back"}[it.Technique.ID]; it.InPlaceOf != want {
			t.Errorf("%s in place of %q, want %q", it.Technique.ID, it.InPlaceOf, want)
		}
	}
}
