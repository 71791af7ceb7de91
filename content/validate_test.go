package content

import (
	"slices"
	"strings"
	"testing"
)

// pack decodes one file on top of the embedded catalogue and validates it.
func pack(t *testing.T, yaml string) ([]Problem, error) {
	t.Helper()
	f, err := Decode("pack.yaml", []byte(yaml))
	if err != nil {
		return nil, err
	}
	return MustLoad().merged(f).Validate(), nil
}

const goodTechnique = `techniques:
  - id: test-stretch
    name: Test stretch
    summary: A stretch for tests.
    areas: [upper-back]
    role: mobility
    position: seated
    steps: [Sit tall., Reach.]
    cue: Reach gently.
    dosage: {hold_seconds: 20, min_hold_seconds: 10, max_hold_seconds: 60}
    intensity: gentle
    precautions: [Stop if it hurts.]
    why: It moves the upper back.
    sources: [seeds/002_28efeff4e764ea89.txt]
`

func TestValidPackHasNoProblems(t *testing.T) {
	problems, err := pack(t, goodTechnique)
	if err != nil || len(problems) > 0 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"unknown field", strings.Replace(goodTechnique, "    why:", "    colour: red\n    why:", 1), `pack.yaml:13: unknown field "colour" in technique`},
		{"wrong type", strings.Replace(goodTechnique, "hold_seconds: 20,", "hold_seconds: long,", 1), "pack.yaml:10: cannot unmarshal"},
		{"not YAML", "techniques: [\n", "pack.yaml:"},
		{"two documents", goodTechnique + "---\nareas: []\n", "only one YAML document"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := pack(t, tc.yaml)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestValidationProblems(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"duplicate id", "id: test-stretch", "id: doorway-chest-stretch", `pack.yaml:2: duplicate technique id "doorway-chest-stretch"`},
		{"bad id", "id: test-stretch", "id: Test Stretch", "must be lower-case words joined by hyphens"},
		{"unknown area", "areas: [upper-back]", "areas: [uper-back]", `unknown area "uper-back" (did you mean upper-back`},
		{"no area", "areas: [upper-back]", "areas: []", "has no body area"},
		{"unknown role", "role: mobility", "role: magic", `unknown role "magic"`},
		{"unknown position", "position: seated", "position: upside-down", `unknown position "upside-down"`},
		{"unknown equipment", "position: seated", "position: seated\n    equipment: [[foam-rolle]]", `unknown equipment "foam-rolle" (did you mean foam-roller`},
		{"no steps", "steps: [Sit tall., Reach.]", "steps: []", "has no steps"},
		{"no precaution", "precautions: [Stop if it hurts.]", "precautions: []", "has no precaution"},
		{"no source", "sources: [seeds/002_28efeff4e764ea89.txt]", "sources: []", "has no source"},
		{"unknown seed", "seeds/002_28efeff4e764ea89.txt", "seeds/999.txt", `unknown seed file "seeds/999.txt"`},
		{"hold out of range", "hold_seconds: 20,", "hold_seconds: 90,", "hold_seconds 90 is outside 10–60"},
		{"hold too short", "min_hold_seconds: 10", "min_hold_seconds: 2", "min_hold_seconds 2 is under 5"},
		{"pressure over 2 min", "max_hold_seconds: 60}", "max_hold_seconds: 180}\n    pressure: true", "max_hold_seconds 180 is over 120"},
		{"stages and reps", "max_hold_seconds: 60}", "max_hold_seconds: 60, reps: 2, stages: [a, b]}", "either stages or reps"},
		{"unknown caution", "intensity: gentle", "intensity: gentle\n    avoid_if: {pregnant: lying down}", `unknown caution "pregnant" (did you mean pregnancy`},
		{"missing why", "why: It moves the upper back.", "why: ''", "pack.yaml:13: technique test-stretch: missing why"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(goodTechnique, tc.old) {
				t.Fatalf("fixture lacks %q", tc.old)
			}
			problems, err := pack(t, strings.Replace(goodTechnique, tc.old, tc.new, 1))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ProblemList(problems).Error(), tc.want) {
				t.Errorf("problems:\n%v\nwant one containing %q", ProblemList(problems), tc.want)
			}
		})
	}
}

func TestProgramProblems(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"missing technique", "programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [x]\n    items: [{technique: doorway-chest-strech}]\n",
			`pack.yaml:6: program p item 1: unknown technique "doorway-chest-strech" (did you mean doorway-chest-stretch`},
		{"override out of range", "programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [x]\n    items: [{technique: doorway-chest-stretch, hold_seconds: 400}]\n",
			"hold_seconds 400 is outside"},
		{"items and days", "programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [x]\n    items: [{technique: shoulder-rolls}]\n    days: [{title: D, items: [{technique: shoulder-rolls}]}]\n",
			"either items or days"},
		{"empty", "programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [x]\n", "program p has no items"},
		{"duplicate", "programs:\n  - id: desk-break\n    name: P\n    summary: S\n    sources: [x]\n    items: [{technique: shoulder-rolls}]\n", `duplicate program id "desk-break"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems, err := pack(t, tc.yaml)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ProblemList(problems).Error(), tc.want) {
				t.Errorf("problems:\n%v\nwant one containing %q", ProblemList(problems), tc.want)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	valid := []string{"foam-roller", "tennis-balls", "massage-ball", "wall"}
	for _, tc := range []struct {
		got  string
		want string
	}{
		{"foam", "foam-roller"},
		{"tenis-balls", "tennis-balls"},
		{"wal", "wall"},
		{"xyzzy", ""},
	} {
		near := Closest(tc.got, valid, 3)
		first := ""
		if len(near) > 0 {
			first = near[0]
		}
		if first != tc.want {
			t.Errorf("Closest(%q) = %v, want first %q", tc.got, near, tc.want)
		}
	}
}

// A caution's limits name real intensities and equipment.
func TestCautionLimitProblems(t *testing.T) {
	for _, tc := range []struct {
		name   string
		limits CautionLimits
		want   string
	}{
		{"intensity", CautionLimits{Intensity: "soft"}, `caution heart-lung: limits.intensity "soft" is not one of`},
		{"pressure", CautionLimits{Pressure: "light"}, `caution heart-lung: limits.pressure "light" is not none or one of`},
		{"equipment", CautionLimits{AvoidEquipment: []string{"massage-bal"}}, `unknown equipment "massage-bal" (did you mean massage-ball`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := MustLoad()
			i := slices.IndexFunc(c.Cautions, func(k Caution) bool { return k.ID == "heart-lung" })
			c.Cautions[i].Limits = tc.limits
			if got := ProblemList(c.Validate()).Error(); !strings.Contains(got, tc.want) {
				t.Errorf("problems:\n%s\nwant one containing %q", got, tc.want)
			}
		})
	}
}

// Limits leave a technique in or say why not.
func TestCautionLimitsAllow(t *testing.T) {
	press := Technique{Pressure: true, Intensity: IntensityModerate}
	stretch := Technique{Intensity: IntensityModerate}
	gentlePress := Technique{Pressure: true, Intensity: IntensityGentle}
	for _, tc := range []struct {
		limits CautionLimits
		t      Technique
		ok     bool
	}{
		{CautionLimits{}, press, true},
		{CautionLimits{Pressure: "gentle"}, press, false},
		{CautionLimits{Pressure: "gentle"}, gentlePress, true},
		{CautionLimits{Pressure: "gentle"}, stretch, true},
		{CautionLimits{Pressure: PressureNone}, gentlePress, false},
		{CautionLimits{Pressure: PressureNone}, stretch, true},
		{CautionLimits{Intensity: IntensityGentle}, stretch, false},
		{CautionLimits{Intensity: IntensityGentle}, gentlePress, true},
	} {
		if _, ok := tc.limits.Allows(tc.t); ok != tc.ok {
			t.Errorf("%+v allows %+v = %v, want %v", tc.limits, tc.t, ok, tc.ok)
		}
	}
}
