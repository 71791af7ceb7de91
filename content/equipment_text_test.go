package content

import "testing"

func TestMissingEquipmentText(t *testing.T) {
	c := MustLoad()
	for _, tc := range []struct {
		name  string
		equip [][]string
		have  []string
		want  string
	}{
		{"all missing", [][]string{{"back-roller", "wall"}}, nil, "knobbed back roller + wall"},
		{"wall to hand", [][]string{{"back-roller", "wall"}}, []string{"wall"}, "knobbed back roller"},
		{"choices, wall to hand", [][]string{{"massage-ball", "wall"}, {"tennis-balls", "wall"}}, []string{"wall"}, "massage ball or two tennis balls"},
		{"a choice with nothing missing is not named", [][]string{{"massage-ball", "wall"}, {"tennis-balls", "wall"}}, []string{"massage-ball", "wall"}, "two tennis balls"},
		{"the same missing twice is named once", [][]string{{"massage-ball", "wall"}, {"massage-ball", "door-frame"}}, []string{"wall", "door-frame"}, "massage ball"},
		{"nothing missing names it all", [][]string{{"foam-roller"}}, []string{"foam-roller"}, "foam roller"},
	} {
		if got := c.MissingEquipmentText(Technique{Equipment: tc.equip}, tc.have); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
