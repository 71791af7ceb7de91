package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A pack's ladders are checked like the built-in ones, at file:line.
func TestLadderProblems(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown rung", "ladders:\n  - id: l\n    name: L\n    rungs: [shoulder-rolls, cat-cw]\n",
			`pack.yaml:4: ladder l: rung 2 names unknown technique "cat-cw" (did you mean cat-cow`},
		{"one rung", "ladders:\n  - id: l\n    name: L\n    rungs: [shoulder-rolls]\n", "pack.yaml:4: ladder l needs at least two rungs"},
		{"no name", "ladders:\n  - id: l\n    rungs: [shoulder-rolls, chin-tucks]\n", "ladder l: missing name"},
		{"on two ladders", "ladders:\n  - id: l\n    name: L\n    rungs: [shoulder-rolls, cat-cow]\n",
			"cat-cow is already on ladder cat-cow"},
		{"twice", "ladders:\n  - id: l\n    name: L\n    rungs: [shoulder-rolls, chin-tucks, shoulder-rolls]\n", "shoulder-rolls is on it twice"},
		{"duplicate id", "ladders:\n  - id: back-bend\n    name: L\n    rungs: [shoulder-rolls, chin-tucks]\n", `duplicate ladder id "back-bend"`},
		{"unknown field", "ladders:\n  - id: l\n    name: L\n    steps: [a, b]\n", `pack.yaml:4: unknown field "steps" in ladder`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems, err := pack(t, tc.yaml)
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				got = ProblemList(problems).Error()
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("problems:\n%s\nwant one containing %q", got, tc.want)
			}
		})
	}
	if problems, _ := pack(t, "ladders:\n  - id: neck-ease\n    name: Neck ease\n    rungs: [chin-tucks, neck-side-stretch]\n"); len(problems) > 0 {
		t.Errorf("a sound ladder: %v", ProblemList(problems))
	}
}

// The ladders the review asked for, easiest first.
func TestBuiltInLadders(t *testing.T) {
	c := MustLoad()
	for _, tc := range []struct{ id, easier, harder string }{
		{"wall-ball-upper-back", "trigger-point-press", "tennis-ball-spine-release"},
		{"towel-roll-extension", "chair-back-extension", "foam-roller-thoracic-extension"},
		{"cat-cow", "seated-cat-cow", ""},
		{"prone-w-raise", "towel-row", "prone-t-raise"},
	} {
		e, _ := c.Easier(tc.id)
		h, _ := c.Harder(tc.id)
		if e.ID != tc.easier || h.ID != tc.harder {
			t.Errorf("%s: easier %q harder %q, want %q and %q", tc.id, e.ID, h.ID, tc.easier, tc.harder)
		}
	}
	if got := c.LadderText("wall-ball-upper-back"); got != "Ball pressure on the upper back, easiest first: Knot press → Ball against the wall (this one) → Tennis balls along the spine" {
		t.Errorf("LadderText = %q", got)
	}
}

// A pack's ladder loads with the pack; a broken one is reported and left
// out while the rest of the pack loads.
func TestPackLadders(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "ladders.yaml")
	yaml := "ladders:\n  - id: neck-ease\n    name: Neck ease\n    rungs: [chin-tucks, neck-side-stretch]\n" +
		"  - id: broken\n    name: Broken\n    rungs: [chin-tucks-x, shoulder-rolls]\n"
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	c, problems := MustLoad().WithPacks([]string{file})
	if len(problems) != 1 || !strings.Contains(problems[0].String(), "ladders.yaml:7: ladder broken: rung 1 names unknown technique") {
		t.Errorf("problems = %v", problems)
	}
	if h, ok := c.Harder("chin-tucks"); !ok || h.ID != "neck-side-stretch" {
		t.Errorf("the pack's ladder did not load: harder than chin tucks = %q", h.ID)
	}
	if _, _, ok := c.LadderOf("shoulder-rolls"); ok {
		t.Error("the broken ladder loaded")
	}
}
