package plan

import (
	"strings"
	"testing"

	"github.com/unknot/unknot/content"
)

// A routine's ball technique for someone on blood thinners with only a
// massage ball says the massage ball is ruled out, not just missing.
func TestWithKitSaysWhatTheCautionsRuledOut(t *testing.T) {
	res := withCautions(BloodThinners)
	wall, _ := cat.Technique("wall-ball-upper-back")
	p := WithKit(cat, FromSelection(cat, []content.Technique{wall}, res), []string{"massage-ball", "wall"}, res)
	if len(p.Left) == 0 || !strings.Contains(p.Left[0].Reason, "(massage ball is ruled out for your cautions)") {
		t.Errorf("left out: %+v", p.Left)
	}
}
