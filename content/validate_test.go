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
    sources: [acsm-stretching-2021]
`

// wantProblem validates fixture with old replaced by new and wants a
// problem containing want.
func wantProblem(t *testing.T, fixture, old, new, want string) {
	t.Helper()
	if !strings.Contains(fixture, old) {
		t.Fatalf("fixture lacks %q", old)
	}
	problems, err := pack(t, strings.Replace(fixture, old, new, 1))
	if err != nil {
		t.Fatal(err)
	}
	if got := ProblemList(problems).Error(); !strings.Contains(got, want) {
		t.Errorf("problems:\n%.2000s\nwant one containing %q", got, want)
	}
}

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
		{"unknown motion", "position: seated", "position: seated\n    motion: wiggle", `pack.yaml:8: technique test-stretch: unknown motion "wiggle" (one of hold, move)`},
		{"unknown equipment", "position: seated", "position: seated\n    equipment: [[foam-rolle]]", `unknown equipment "foam-rolle" (did you mean foam-roller`},
		{"no steps", "steps: [Sit tall., Reach.]", "steps: []", "has no steps"},
		{"no precaution", "precautions: [Stop if it hurts.]", "precautions: []", "has no precaution"},
		{"no source", "sources: [acsm-stretching-2021]", "sources: []", "has no source"},
		{"source is a seed file", "sources: [acsm-stretching-2021]", "sources: [seeds/002_28efeff4e764ea89.txt]",
			`pack.yaml:14: technique test-stretch: source "seeds/002_28efeff4e764ea89.txt" is a file name, not a citation: add it under references: with a title or author, and an author, publisher or url`},
		{"source is a notes file", "sources: [acsm-stretching-2021]", "sources: [notes.md]", `pack.yaml:14: technique test-stretch: source "notes.md" is a file name, not a citation`},
		{"source is a CLINICAL.md section", "sources: [acsm-stretching-2021]", `sources: ["CLINICAL.md §3"]`, `pack.yaml:14: technique test-stretch: source "CLINICAL.md §3" is a file name, not a citation`},
		{"unknown reference", "sources: [acsm-stretching-2021]", "sources: [acsm-stretching-2012]",
			`pack.yaml:14: technique test-stretch: unknown reference "acsm-stretching-2012" (did you mean acsm-stretching-2021`},
		{"source listed twice", "sources: [acsm-stretching-2021]", "sources: [acsm-stretching-2021, acsm-stretching-2021]", `source "acsm-stretching-2021" is listed twice`},
		{"hold out of range", "hold_seconds: 20,", "hold_seconds: 90,", "hold_seconds 90 is outside 10–60"},
		{"hold too short", "min_hold_seconds: 10", "min_hold_seconds: 2", "min_hold_seconds 2 is under 5"},
		{"pressure over 2 min", "max_hold_seconds: 60}", "max_hold_seconds: 180}\n    pressure: true", "max_hold_seconds 180 is over 120"},
		{"stages and reps", "max_hold_seconds: 60}", "max_hold_seconds: 60, reps: 2, stages: [a, b]}", "either stages or reps"},
		{"unknown caution", "intensity: gentle", "intensity: gentle\n    avoid_if: {pregnant: lying down}", `unknown caution "pregnant" (did you mean pregnancy`},
		{"missing why", "why: It moves the upper back.", "why: ''", "pack.yaml:13: technique test-stretch: missing why"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantProblem(t, goodTechnique, tc.old, tc.new, tc.want) })
	}
}

func TestProgramProblems(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"missing technique", "programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [nhs-back-pain]\n    items: [{technique: doorway-chest-strech}]\n",
			`pack.yaml:6: program p item 1: unknown technique "doorway-chest-strech" (did you mean doorway-chest-stretch`},
		{"override out of range", "programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [nhs-back-pain]\n    items: [{technique: doorway-chest-stretch, hold_seconds: 400}]\n",
			"hold_seconds 400 is outside"},
		{"items and days", "programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [nhs-back-pain]\n    items: [{technique: shoulder-rolls}]\n    days: [{title: D, items: [{technique: shoulder-rolls}]}]\n",
			"either items or days"},
		{"empty", "programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [nhs-back-pain]\n", "program p has no items"},
		{"duplicate", "programs:\n  - id: desk-break\n    name: P\n    summary: S\n    sources: [nhs-back-pain]\n    items: [{technique: shoulder-rolls}]\n", `duplicate program id "desk-break"`},
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

// goodReference is a pack's own reference, declared after goodTechnique.
const goodReference = `references:
  - id: my-physio-handout
    title: Exercises for a stiff upper back
    publisher: My physiotherapy clinic
    year: 2026
    url: https://physio.example/handout
    note: given to me at an appointment
`

// A pack cites its own reference, or a built-in one, and both resolve.
func TestPackCitesItsOwnReference(t *testing.T) {
	yaml := strings.Replace(goodTechnique, "sources: [acsm-stretching-2021]", "sources: [my-physio-handout, nhs-back-pain]", 1) + goodReference
	f, err := Decode("pack.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	c := MustLoad().merged(f)
	if problems := c.Validate(); len(problems) > 0 {
		t.Fatalf("problems: %v", ProblemList(problems))
	}
	tq, _ := c.Technique("test-stretch")
	got := c.Citations(tq.Sources)
	want := []string{
		`"Exercises for a stiff upper back", My physiotherapy clinic, 2026 (given to me at an appointment), https://physio.example/handout`,
		`"Back pain", NHS, https://www.nhs.uk/conditions/back-pain/`,
	}
	if len(got) != len(want) {
		t.Fatalf("citations = %v", got)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("citation %d = %q, want %q", i, got[i].String(), want[i])
		}
	}
}

func TestReferenceProblems(t *testing.T) {
	yaml := strings.Replace(goodTechnique, "sources: [acsm-stretching-2021]", "sources: [my-physio-handout]", 1) + goodReference
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"title is a file name", "title: Exercises for a stiff upper back", "title: seeds/002_28efeff4e764ea89.txt",
			`pack.yaml:17: reference my-physio-handout: title "seeds/002_28efeff4e764ea89.txt" is a file name, not a citation; a reference needs a title or author`},
		{"title is a CLINICAL.md section", "title: Exercises for a stiff upper back", `title: "CLINICAL.md §3"`, `pack.yaml:17: reference my-physio-handout: title "CLINICAL.md §3" is a file name`},
		{"nothing to find it by", "    publisher: My physiotherapy clinic\n    year: 2026\n    url: https://physio.example/handout\n    note: given to me at an appointment\n", "",
			"pack.yaml:16: reference my-physio-handout needs a title or author, and an author, publisher or url to find it by (if none is known, a note saying what it is)"},
		{"nothing that names it", goodReference, "references:\n  - id: my-physio-handout\n    publisher: My physiotherapy clinic\n    url: https://physio.example/handout\n",
			"pack.yaml:16: reference my-physio-handout needs a title or author"},
		{"not a web address", "url: https://physio.example/handout", "url: physio.example/handout", `pack.yaml:20: reference my-physio-handout: url "physio.example/handout" is not a web address`},
		{"year out of range", "year: 2026", "year: 26", "pack.yaml:19: reference my-physio-handout: year 26 is outside 1800–2100"},
		{"bad id", "id: my-physio-handout", "id: My Handout", `reference id "My Handout" must be lower-case words joined by hyphens`},
		{"duplicate of a built-in", "id: my-physio-handout", "id: nhs-back-pain", `pack.yaml:16: duplicate reference id "nhs-back-pain"`},
	} {
		t.Run(tc.name, func(t *testing.T) { wantProblem(t, yaml, tc.old, tc.new, tc.want) })
	}
}
