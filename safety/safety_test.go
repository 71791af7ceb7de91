package safety

import (
	"slices"
	"testing"
	"time"

	"github.com/unknot/unknot/content"
)

var (
	t0 = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	qs = []content.Question{
		{ID: "chest", Ref: "A1", Tier: content.TierEmergency},
		{ID: "fever", Ref: "B1", Tier: content.TierClinician},
		{ID: "weight", Ref: "B2", Tier: content.TierClinician},
		{ID: "bones", Ref: "C1", Tier: content.TierCaution, Caution: "osteoporosis"},
		{ID: "baby", Ref: "C2", Tier: content.TierCaution, Caution: "pregnancy"},
	}
)

func TestAssess(t *testing.T) {
	for _, tc := range []struct {
		name     string
		yes      []string
		want     Outcome
		trigger  string
		cautions []string
	}{
		{"all no", nil, Clear, "", nil},
		{"emergency wins over everything", []string{"fever", "chest", "bones"}, Emergency, "chest", nil},
		{"first clinician answer is the trigger", []string{"weight", "fever"}, Clinician, "fever", nil},
		{"cautions alone allow the session", []string{"baby", "bones"}, Cautions, "", []string{"osteoporosis", "pregnancy"}},
		{"clinician with cautions is still clinician", []string{"bones", "weight"}, Clinician, "weight", []string{"osteoporosis"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			answers := map[string]bool{}
			for _, id := range tc.yes {
				answers[id] = true
			}
			r := Assess(qs, answers, t0)
			if r.Outcome != tc.want || r.Trigger.ID != tc.trigger || !slices.Equal(r.Cautions, tc.cautions) {
				t.Errorf("got %v trigger %q cautions %v", r.Outcome, r.Trigger.ID, r.Cautions)
			}
			if r.Outcome.AllowsSession() != (tc.want == Clear || tc.want == Cautions) {
				t.Error("AllowsSession disagrees with the outcome")
			}
		})
	}
}

// A stop stands for the rest of its day, and only a stop.
func TestStopsToday(t *testing.T) {
	at := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	stop := Assess(qs, map[string]bool{"fever": true}, at)
	for _, tc := range []struct {
		r    Result
		now  time.Time
		want bool
	}{
		{stop, at, true},
		{stop, at.Add(14*time.Hour + 59*time.Minute), true}, // 23:59 the same day
		{stop, at.Add(15 * time.Hour), false},               // midnight
		{Assess(qs, map[string]bool{"chest": true}, at), at.Add(time.Hour), true},
		{Assess(qs, map[string]bool{"bones": true}, at), at, false},
		{Assess(qs, nil, at), at, false},
		{Result{}, at, false},
	} {
		if got := tc.r.StopsToday(tc.now); got != tc.want {
			t.Errorf("%v at %v: StopsToday = %v, want %v", tc.r.Outcome, tc.now, got, tc.want)
		}
	}
}

func TestRefer(t *testing.T) {
	r := Assess(qs, map[string]bool{"bones": true}, t0).Refer("sharp pain")
	if r.Outcome != Clinician || r.Reason != "sharp pain" || !r.HasCaution("osteoporosis") {
		t.Errorf("Refer = %+v", r)
	}
	e := Assess(qs, map[string]bool{"chest": true}, t0).Refer("x")
	if e.Outcome != Emergency {
		t.Error("Refer downgraded an emergency")
	}
}

// The embedded questions produce each outcome.
func TestEmbeddedQuestions(t *testing.T) {
	cat := content.MustLoad()
	all := cat.Safety.Questions
	if len(all) != 38 {
		t.Fatalf("%d questions, want 38 (A1–A9, B1–B19, C1–C10)", len(all))
	}
	for _, q := range all {
		r := Assess(all, map[string]bool{q.ID: true}, t0)
		want := map[content.Tier]Outcome{content.TierEmergency: Emergency, content.TierClinician: Clinician, content.TierCaution: Cautions}[q.Tier]
		if r.Outcome != want {
			t.Errorf("yes to %s (%s) gives %v, want %v", q.ID, q.Ref, r.Outcome, want)
		}
	}
}
