package plan

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/safety"
)

var cat = content.MustLoad()

func withCautions(ids ...string) safety.Result {
	r := safety.Result{Outcome: safety.Clear, At: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)}
	if len(ids) > 0 {
		r.Outcome, r.Cautions = safety.Cautions, ids
	}
	return r
}

func ids(p Plan) []string {
	var out []string
	for _, it := range p.Items {
		out = append(out, it.Technique.ID)
	}
	return out
}

func leftReason(p Plan, id string) string {
	for _, e := range p.Left {
		if e.ID == id {
			return e.Reason
		}
	}
	return ""
}

var fullKit = []string{"tennis-balls", "massage-ball", "foam-roller", "back-roller", "massage-stick", "wall", "door-frame", "chair", "mat", "towel"}

func upperBack(minutes int, kit ...string) Intake {
	return Intake{Areas: []string{"upper-back"}, Pain: 4, Feel: []string{FeelKnotted, FeelStiff}, Equipment: kit, Minutes: minutes, Pressure: PressureMedium}
}

func deskDay(in Intake) Intake {
	in.Place = PlaceDesk
	return in
}

// Rules, one by one.
func TestRules(t *testing.T) {
	for _, tc := range []struct {
		name     string
		in       Intake
		res      safety.Result
		excluded []string // must be left out
		reason   string   // in the reason for the first of them
	}{
		{"equipment: no roller, no rolling", upperBack(15, "wall"), withCautions(),
			[]string{"foam-roller-upper-back-roll", "tennis-ball-spine-release"}, "Needs foam roller"},
		{"osteoporosis: no twists", upperBack(30, fullKit...), withCautions("osteoporosis"),
			[]string{"seated-twist", "reclining-twist", "thread-the-needle"}, "osteoporosis"},
		{"osteoporosis: no roller or balls under the spine", upperBack(30, fullKit...), withCautions("osteoporosis"),
			[]string{"foam-roller-upper-back-roll", "foam-roller-thoracic-extension", "tennis-ball-spine-release"}, "osteoporosis"},
		{"pregnancy: no long lying-on-back holds", upperBack(30, fullKit...), withCautions("pregnancy"),
			[]string{"reclining-twist", "lying-chest-opener", "tennis-ball-spine-release"}, "pregnancy"},
		{"65+: nothing on the floor", upperBack(30, fullKit...), withCautions("older-or-unsteady"),
			[]string{"cat-cow", "childs-pose", "foam-roller-upper-back-roll"}, ""},
		{"any caution: gentle only", upperBack(30, fullKit...), withCautions("heart-lung"),
			[]string{"trigger-point-press", "cross-fibre-friction"}, "gentle"},
		{"any caution: no tools on the neck or low back", Intake{Areas: []string{"low-back", "neck"}, Equipment: fullKit, Minutes: 30, Pressure: PressureFirm}, withCautions("pregnancy"),
			[]string{"ball-glute-release"}, ""},
		{"gentle pressure asked: no firm or moderate pressure work", Intake{Areas: []string{"upper-back"}, Equipment: fullKit, Minutes: 30, Pressure: PressureGentle}, withCautions(),
			[]string{"trigger-point-press"}, "gentle pressure"},
		{"at the desk: nothing on the floor", deskDay(upperBack(30, fullKit...)), withCautions(),
			[]string{"cat-cow", "childs-pose", "foam-roller-upper-back-roll", "tennis-ball-spine-release"}, "at your desk"},
		{"blood thinners: no hard tools", upperBack(30, fullKit...), withCautions("blood-thinners"),
			[]string{"foam-roller-upper-back-roll", "back-roller-wall"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Build(cat, tc.in, tc.res, History{})
			for _, id := range tc.excluded {
				if _, ok := cat.Technique(id); !ok {
					t.Fatalf("fixture names unknown technique %s", id)
				}
				if slices.Contains(ids(p), id) {
					t.Errorf("plan contains %s", id)
				}
				if r := leftReason(p, id); r == "" {
					t.Errorf("%s left out without a reason", id)
				}
			}
			if r := leftReason(p, tc.excluded[0]); !strings.Contains(r, tc.reason) {
				t.Errorf("reason for %s = %q, want it to mention %q", tc.excluded[0], r, tc.reason)
			}
		})
	}
}

func TestOlderStretchHolds(t *testing.T) {
	p := Build(cat, upperBack(15, "wall", "chair", "door-frame"), withCautions("older-or-unsteady"), History{})
	for _, it := range p.Items {
		tq := it.Technique
		if tq.Position == content.PositionLying || tq.Position == content.PositionKneeling {
			t.Errorf("%s is done on the floor", tq.ID)
		}
		stretch := !tq.Pressure && tq.Role != content.RoleWarmUp && tq.Role != content.RoleStrength
		if stretch && tq.Dosage.MaxHoldSeconds >= 30 && (it.HoldSeconds < 30 || it.HoldSeconds > 60) {
			t.Errorf("%s holds %d s, want 30–60", tq.ID, it.HoldSeconds)
		}
	}
}

func TestWallAndFiveMinutes(t *testing.T) {
	p := Build(cat, Intake{Areas: []string{"upper-back"}, Pain: 3, Equipment: []string{"wall"}, Minutes: 5, Pressure: PressureMedium}, withCautions(), History{})
	if len(p.Items) < 3 {
		t.Errorf("only %d items: %v", len(p.Items), ids(p))
	}
	if !slices.ContainsFunc(p.Items, func(it Item) bool { return it.Technique.Role == content.RoleOpenFront }) {
		t.Errorf("no front opening: %v", ids(p))
	}
	if !slices.Contains(ids(p), "wall-chest-stretch") {
		t.Errorf("a person with a wall gets no wall work: %v", ids(p))
	}
}

func TestReasonsNameEquipmentAndArea(t *testing.T) {
	p := Build(cat, upperBack(15, "foam-roller"), withCautions(), History{})
	found := false
	for _, it := range p.Items {
		if it.Reason == "" {
			t.Errorf("%s has no reason", it.Technique.ID)
		}
		if it.Technique.ID == "foam-roller-upper-back-roll" {
			found = true
			if want := "You have a foam roller and your pain is between the shoulder blades."; it.Reason != want {
				t.Errorf("reason = %q, want %q", it.Reason, want)
			}
		}
	}
	if !found {
		t.Errorf("a knotted upper back with a foam roller does not get the roller: %v", ids(p))
	}
}

func TestRoleOrder(t *testing.T) {
	p := Build(cat, upperBack(30, fullKit...), withCautions(), History{})
	for i := 1; i < len(p.Items); i++ {
		if roleOrder(p.Items[i-1].Technique.Role) > roleOrder(p.Items[i].Technique.Role) {
			t.Errorf("%s (%s) comes before %s (%s)", p.Items[i-1].Technique.ID, p.Items[i-1].Technique.Role,
				p.Items[i].Technique.ID, p.Items[i].Technique.Role)
		}
	}
}

func TestDeterministic(t *testing.T) {
	in := upperBack(20, fullKit...)
	a := Build(cat, in, withCautions("pregnancy"), History{})
	b := Build(cat, in, withCautions("pregnancy"), History{})
	if !slices.Equal(ids(a), ids(b)) || a.Seconds() != b.Seconds() {
		t.Error("same inputs, different plans")
	}
}

func TestHistoryPreferenceFromThreeSessions(t *testing.T) {
	in := Intake{Areas: []string{"upper-back"}, Equipment: []string{"wall"}, Minutes: 3, Pressure: PressureMedium}
	base := Build(cat, in, withCautions(), History{})
	helped := map[string]Effect{"chin-tucks": {Sessions: 4, AvgChange: -2.5}}
	early := Build(cat, in, withCautions(), History{Sessions: 2, Effects: helped})
	late := Build(cat, in, withCautions(), History{Sessions: 4, Effects: helped})
	if slices.Contains(ids(base), "chin-tucks") {
		t.Skip("chin tucks are chosen anyway; pick another fixture")
	}
	if slices.Contains(ids(early), "chin-tucks") {
		t.Error("history used before 3 sessions")
	}
	if !slices.Contains(ids(late), "chin-tucks") {
		t.Errorf("technique that helped is not preferred: %v", ids(late))
	}
	for _, it := range late.Items {
		if it.Technique.ID == "chin-tucks" && !strings.Contains(it.Reason, "followed by pain 2.5 points lower on average (4 sessions)") {
			t.Errorf("reason does not say it helped: %q", it.Reason)
		}
	}
	if !slices.ContainsFunc(late.Notes, func(n string) bool { return strings.Contains(n, "followed by less pain") }) {
		t.Error("plan does not say it prefers what helped")
	}
}

func TestEveryTechniqueIsAccountedFor(t *testing.T) {
	p := Build(cat, upperBack(10, "wall"), withCautions("osteoporosis"), History{})
	if len(p.Items)+len(p.Left) != len(cat.Techniques) {
		t.Errorf("%d in plan + %d left out ≠ %d techniques", len(p.Items), len(p.Left), len(cat.Techniques))
	}
}

func TestFromSelectionDropsContraindicated(t *testing.T) {
	prog, _ := cat.Program("desk-break")
	var techs []content.Technique
	for _, it := range prog.Items {
		tq, _ := cat.Resolve(it)
		techs = append(techs, tq)
	}
	p := FromSelection(cat, techs, withCautions("osteoporosis"))
	if slices.Contains(ids(p), "seated-twist") {
		t.Error("desk break keeps the seated twist with osteoporosis")
	}
	if !strings.Contains(leftReason(p, "seated-twist"), "osteoporosis") {
		t.Errorf("reason = %q", leftReason(p, "seated-twist"))
	}
	clear := FromSelection(cat, techs, withCautions())
	if len(clear.Items) != len(techs) || len(clear.Left) != 0 {
		t.Errorf("with no caution the selection changed: %v", ids(clear))
	}
}

func TestReferral(t *testing.T) {
	for _, tc := range []struct {
		in   Intake
		want bool
	}{
		{Intake{Pain: 4, Feel: []string{FeelStiff}}, false},
		{Intake{Pain: 4, Feel: []string{FeelSharp}}, true},
		{Intake{Pain: 2, Feel: []string{FeelNumb}}, true},
		{Intake{Pain: 7}, true},
		{Intake{Pain: 6}, false},
	} {
		if _, got := tc.in.Referral(); got != tc.want {
			t.Errorf("Referral(%+v) = %v", tc.in, got)
		}
	}
	for pain, want := range map[int]string{0: "no pain", 1: "mild", 3: "mild", 4: "moderate", 5: "moderate", 6: "moderate", 7: "severe", 10: "severe"} {
		if got := Severity(pain); got != want {
			t.Errorf("Severity(%d) = %q, want %q", pain, got, want)
		}
	}
}

// After a session, severe pain or a rise of 3 or more brings the advice to
// have it checked, and "rest" is never the advice.
func TestChangeTextAdvisesACheck(t *testing.T) {
	for _, tc := range []struct {
		before, after int
		check         bool
	}{
		{3, 2, false}, {3, 5, false}, {3, 6, true}, {7, 7, true}, {5, 8, true}, {8, 6, false},
	} {
		got := ChangeText(tc.before, tc.after)
		if strings.Contains(got, SeeSomeone) != tc.check {
			t.Errorf("%d → %d: %q (check advised: %v)", tc.before, tc.after, got, tc.check)
		}
		if strings.Contains(got, "rest it") {
			t.Errorf("%d → %d says rest it", tc.before, tc.after)
		}
	}
}
