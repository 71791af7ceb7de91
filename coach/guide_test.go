package coach_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/unknot/unknot/coach"
)

// The guide reaches every piece of guidance: the full disclaimer, and every
// stop rule and "see a professional" line.
func TestGuideHasAllTheGuidance(t *testing.T) {
	var all []string
	for _, s := range coach.Guide(cat) {
		all = append(all, s.Lines...)
	}
	g := cat.Guidance
	want := append([]string{g.DisclaimerFull}, g.StopRules...)
	want = append(want, g.SeeAProfessional...)
	want = append(want, g.BestPractices...)
	for _, w := range want {
		if !slices.Contains(all, w) {
			t.Errorf("the guide lacks %q", w)
		}
	}
	for _, tip := range append(g.Preparation, g.Posture...) {
		if !slices.ContainsFunc(all, func(l string) bool { return strings.Contains(l, tip.Text) }) {
			t.Errorf("the guide lacks the tip %q", tip.Title)
		}
	}
}
