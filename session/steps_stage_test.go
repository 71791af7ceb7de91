package session

import "testing"

func TestStageNumber(t *testing.T) {
	for _, tc := range []struct {
		st   Step
		want int
	}{
		{Step{Rep: 2, Reps: 3}, 0},
		{Step{Rep: 2, Reps: 4, Stage: "Middle of the back"}, 2},
		{Step{Rep: 1, Reps: 1}, 0},
	} {
		if got := tc.st.StageNumber(); got != tc.want {
			t.Errorf("%+v: StageNumber() = %d, want %d", tc.st, got, tc.want)
		}
	}
}
