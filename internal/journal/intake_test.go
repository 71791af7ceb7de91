package journal

import (
	"slices"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// A repeat or routine after a personal session saves only pain and
// feelings; the personal answers are still the ones offered again.
func TestLastIntakeSkipsRepeatsAndRoutines(t *testing.T) {
	j := openTest(t, t.TempDir())
	var got plan.Intake
	if ok, err := j.LastIntake(&got); ok || err != nil {
		t.Fatalf("an empty journal has an intake: %v %v", ok, err)
	}
	personal := coach.Request{}.Intake(coach.Answers{coach.AskAreas: {"mid-back"}, coach.AskPain: {"4"},
		coach.AskDuration: {plan.DurationWeeks}, coach.AskEquipment: {"foam-roller", "tennis-balls"}})
	j.SaveIntake("p", t0, personal)
	tq, _ := content.MustLoad().Technique("chin-tucks")
	repeat := coach.Request{}.ForTechniques(tq.Name, tq).Intake(coach.Answers{coach.AskPain: {"3"}})
	j.SaveIntake("r", t0.Add(24*time.Hour), repeat)
	if ok, err := j.LastIntake(&got); !ok || err != nil || !slices.Equal(got.Areas, personal.Areas) ||
		!slices.Equal(got.Equipment, personal.Equipment) || got.Duration != plan.DurationWeeks {
		t.Errorf("after a repeat: %+v (%v %v), want the personal %+v", got, ok, err, personal)
	}
}
