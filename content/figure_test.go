package content

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// A technique with a figure, for the figure's problems.
var drawnTechnique = strings.Replace(goodTechnique, "    why:", `    figure:
      alt: Sitting on a chair, seen from the side.
      facing: right
      joints:
        head: [44, 66]
        neck: [44, 57]
        pelvis: [44, 31]
        left_elbow: [46, 42]
        left_hand: [58, 38]
        right_elbow: [46, 42]
        right_hand: [58, 38]
        left_knee: [66, 31]
        left_foot: [66, 9]
        right_knee: [66, 31]
        right_foot: [66, 9]
      props:
        - {kind: chair, at: [58, 22], to: [34, 54]}
        - {kind: floor}
    why:`, 1)

func TestDrawnPackHasNoProblems(t *testing.T) {
	problems, err := pack(t, drawnTechnique)
	if err != nil || len(problems) > 0 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
}

// Every problem in a figure is at the line that holds it.
func TestFigureProblems(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"unknown joint", "        neck: [44, 57]", "        neck: [44, 57]\n        tail: [40, 30]", `pack.yaml:19: technique test-stretch figure: unknown joint "tail"`},
		{"joint off the square", "left_foot: [66, 9]", "left_foot: [66, -4]", "pack.yaml:25: technique test-stretch figure: joint left_foot [66, -4] is off the square (0–100)"},
		{"bone too long", "left_hand: [58, 38]", "left_hand: [80, 38]", "pack.yaml:21: technique test-stretch figure: left_elbow to left_hand is 34 long, more than 18"},
		{"missing joint", "        right_foot: [66, 9]\n", "", "pack.yaml:16: technique test-stretch figure: joint right_foot has no position"},
		{"unknown prop", "kind: chair", "kind: sofa", `pack.yaml:29: technique test-stretch figure: unknown prop "sofa"`},
		{"prop off the square", "at: [58, 22]", "at: [158, 22]", "pack.yaml:29: technique test-stretch figure: prop chair at [158, 22] is off the square"},
		{"prop size", "{kind: floor}", "{kind: floor, size: 500}", "pack.yaml:30: technique test-stretch figure: prop floor size 500 is outside 0–100"},
		{"prop needs an end", "{kind: chair, at: [58, 22], to: [34, 54]}", "{kind: chair, at: [58, 22]}", "pack.yaml:29: technique test-stretch figure: prop chair needs to:"},
		{"frame too small", "      props:", "      frame: [40, 40, 50, 90]\n      props:", "pack.yaml:28: technique test-stretch figure: frame [40 40 50 90] must lie on the square"},
		{"frame off the square", "      props:", "      frame: [0, 0, 120, 90]\n      props:", "pack.yaml:28: technique test-stretch figure: frame [0 0 120 90] must lie on the square"},
		{"unknown facing", "facing: right", "facing: sideways", `pack.yaml:15: technique test-stretch figure: unknown facing "sideways"`},
		{"no alt", "alt: Sitting on a chair, seen from the side.", "alt: ''", "pack.yaml:14: technique test-stretch figure: missing alt"},
		{"keyframes on a hold", "      props:", "      keyframes:\n        - {head: [46, 66]}\n      props:", "pack.yaml:28: technique test-stretch figure: keyframes are for techniques that move"},
		{"stage figure without stages", "    why:", "    stage_figures:\n      - stage: 1\n        alt: x\n        facing: left\n        joints: {}\n    why:", "pack.yaml:32: technique test-stretch stage 1 figure: the technique has no stages"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantProblem(t, drawnTechnique, tc.old, tc.new, tc.want) })
	}
}

func TestFigureKeyframeProblems(t *testing.T) {
	moving := strings.Replace(drawnTechnique, "    position: seated", "    position: seated\n    motion: move", 1)
	moving = strings.Replace(moving, "      props:", "      keyframes:\n        - {left_hand: [50, 50]}\n      props:", 1)
	if problems, err := pack(t, moving); err != nil || len(problems) > 0 {
		t.Fatalf("a moving figure: err %v, problems %v", err, problems)
	}
	wantProblem(t, moving, "{left_hand: [50, 50]}", "{left_hand: [90, 50]}", "pack.yaml:30: technique test-stretch figure keyframe 1: left_elbow to left_hand is 45 long, more than 18")
	wantProblem(t, moving, "{left_hand: [50, 50]}", "{lefthand: [50, 50]}", `pack.yaml:30: technique test-stretch figure keyframe 1: unknown joint "lefthand" (did you mean left_hand?)`)
}

// stagesDrawnApart are the built-in stages done in a position of their
// own (another part of the body, the prop somewhere else): each needs
// its own figure.
var stagesDrawnApart = map[string][]int{
	"tennis-ball-spine-release":      {2, 3, 4},
	"wall-ball-upper-back":           {2},
	"foam-roller-thoracic-extension": {2, 3},
	"towel-roll-extension":           {2},
	"effleurage-strokes":             {2},
	"light-strokes-toward-heart":     {2},
	"massage-stick-legs":             {2},
	"foam-roller-thighs":             {2},
	"hand-forearm-massage":           {2},
}

// Every built-in technique has a figure with words, every stage done in
// another position has its own, and no stage figure merely repeats the
// technique's.
func TestEveryTechniqueIsDrawn(t *testing.T) {
	c := MustLoad()
	for _, tech := range c.Techniques {
		if !tech.Figure.Drawn() || strings.TrimSpace(tech.Figure.Alt) == "" {
			t.Errorf("%s has no figure, or no alt text", tech.ID)
		}
		for _, n := range stagesDrawnApart[tech.ID] {
			if !slices.ContainsFunc(tech.StageFigures, func(s StageFigure) bool { return s.Stage == n }) {
				t.Errorf("%s: stage %d (%s) is done in a position of its own but has no figure", tech.ID, n, tech.Dosage.Stages[n-1])
			}
		}
		for _, s := range tech.StageFigures {
			if reflect.DeepEqual(s.Figure.Joints, tech.Figure.Joints) && reflect.DeepEqual(s.Figure.Props, tech.Figure.Props) {
				t.Errorf("%s: stage %d's figure is the technique's own", tech.ID, s.Stage)
			}
		}
	}
	for id := range stagesDrawnApart {
		if _, ok := c.Technique(id); !ok {
			t.Errorf("stagesDrawnApart names %s, which is not a technique", id)
		}
	}
}

func TestFigureFor(t *testing.T) {
	tech, _ := MustLoad().Technique("foam-roller-thighs")
	if got := tech.FigureFor(2); got.Alt == tech.Figure.Alt {
		t.Error("stage 2 should have its own figure")
	}
	for _, stage := range []int{0, 1, 3} {
		if got := tech.FigureFor(stage); got.Alt != tech.Figure.Alt {
			t.Errorf("stage %d: got %q, want the technique's own figure", stage, got.Alt)
		}
	}
}

func TestPoseFillsOptionalJoints(t *testing.T) {
	f := Figure{
		Joints:    map[string]Point{"neck": {50, 70}, "pelvis": {50, 44}},
		Keyframes: []map[string]Point{{"neck": {54, 70}}},
	}
	p := f.Pose(0)
	if p["chest"] != (Point{50, 57}) || p["left_shoulder"] != (Point{50, 70}) || p["right_hip"] != (Point{50, 44}) {
		t.Errorf("pose 0 = %v", p)
	}
	if p := f.Pose(1); p["neck"] != (Point{54, 70}) || p["chest"] != (Point{52, 57}) {
		t.Errorf("pose 1 = %v", p)
	}
	if f.Joints["chest"] != (Point{}) {
		t.Error("Pose changed the figure")
	}
}
