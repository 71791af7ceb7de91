package content

import (
	"strings"
	"testing"
)

// Words that go with one stage or one side agree with the rest of the
// technique: a cue shown through every stage names no single direction
// it does not also name the other, and the steps thread the arm the
// figure draws.
func TestWordsAgreeWithStagesAndFigure(t *testing.T) {
	c := MustLoad()
	rolls, _ := c.Technique("shoulder-rolls")
	for _, stage := range rolls.Dosage.Stages {
		if dir := strings.ToLower(strings.TrimPrefix(stage, "Circling ")); !strings.Contains(rolls.Cue, dir) {
			t.Errorf("shoulder-rolls: the cue %q, shown while %s, does not say %s", rolls.Cue, stage, dir)
		}
	}
	for field, text := range map[string]string{"cue": rolls.Cue, "breathing": rolls.Breathing} {
		if strings.Contains(text, "back and down") {
			t.Errorf("shoulder-rolls: the %s %q says back and down through the forwards stage too", field, text)
		}
	}

	needle, _ := c.Technique("thread-the-needle")
	// The arm drawn along the floor behind the chest is the one threaded.
	pose := needle.Figure.Pose(0)
	drawn := "right"
	if pose["left_hand"][0] < pose["chest"][0] {
		drawn = "left"
	}
	if want := "the " + drawn + " arm slides under"; !strings.Contains(needle.Figure.Alt, want) {
		t.Errorf("thread-the-needle: the figure threads the %s arm but its words say %q", drawn, needle.Figure.Alt)
	}
	if want := "slide your " + drawn + " arm under"; !strings.Contains(strings.Join(needle.Steps, " "), want) {
		t.Errorf("thread-the-needle: the figure threads the %s arm (the first side, left) but the steps lack %q", drawn, want)
	}
}
