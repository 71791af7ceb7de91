package content

import (
	"maps"
	"slices"
)

// Figure is a drawing of a technique's position: a stick figure posed by
// where its joints are, the props it uses, and words for anyone who
// cannot see it. It is drawn seen from the side (or from the front, as
// Facing says) on a square of 100 by 100 units: x runs from left to
// right, y from the floor (0) up. The figure as given is the left side
// (or the only side); the right side is the same figure mirrored.
type Figure struct {
	// Alt says in words what the figure shows, for screen readers, plain
	// mode and anyone who prefers words.
	Alt string `yaml:"alt" json:"alt"`
	// Facing is where the person's face points: left or right (seen from
	// the side), up or down (lying), viewer or away (seen from the front
	// or the back).
	Facing string `yaml:"facing" json:"facing"`
	// Joints is the pose: every joint in Joints needs a position, apart
	// from those in OptionalJoints.
	Joints map[string]Point `yaml:"joints" json:"joints"`
	// Keyframes are the further poses of a movement, each changing only
	// the joints it names; the movement runs pose, keyframe 1, keyframe 2,
	// and back to the pose.
	Keyframes []map[string]Point `yaml:"keyframes,omitempty" json:"keyframes,omitempty"`
	Props     []Prop             `yaml:"props,omitempty" json:"props,omitempty"`
	// Frame, when set, draws only this box of the square, as large as it
	// fits: a close-up of the hands at the shoulder. [0, 0, 0, 0] means
	// the whole figure.
	Frame Box `yaml:"frame,omitempty" json:"frame,omitzero"`
}

// Box is a part of the square: [left, bottom, right, top].
type Box [4]int

// Point is a position on the figure's square: [x, y], each 0–100.
type Point [2]int

// X and Y are the point's coordinates.
func (p Point) X() int { return p[0] }
func (p Point) Y() int { return p[1] }

// FigureSize is the side of the square a figure is drawn on.
const FigureSize = 100

// Prop is a thing the person uses or leans on, placed on the square.
// What At, To and Size mean depends on the kind (PropKinds).
type Prop struct {
	Kind string `yaml:"kind" json:"kind"`
	At   Point  `yaml:"at,omitempty" json:"at"`
	// To is the far end of a long prop (a stick, a mat, a towel held
	// taut, a roller seen along its length, a chair's backrest); [0, 0]
	// means none.
	To Point `yaml:"to,omitempty" json:"to,omitzero"`
	// Size is a radius or height; 0 means the kind's usual size.
	Size int `yaml:"size,omitempty" json:"size,omitempty"`
}

// StageFigure is the figure for one stage whose position differs from
// the technique's figure.
type StageFigure struct {
	// Stage is the 1-based number of the stage in dosage.stages.
	Stage  int `yaml:"stage" json:"stage"`
	Figure `yaml:",inline"`
}

// Joint names. A figure's shoulders default to its neck and its hips to
// its pelvis (seen from the side they coincide); its chest, the middle of
// the spine, defaults to halfway between neck and pelvis.
var (
	Joints = []string{
		"head", "neck", "pelvis",
		"left_elbow", "left_hand", "right_elbow", "right_hand",
		"left_knee", "left_foot", "right_knee", "right_foot",
	}
	OptionalJoints = []string{"chest", "left_shoulder", "right_shoulder", "left_hip", "right_hip"}
)

// Bone is a segment of the skeleton from one joint to another, with the
// longest it may be on the square.
type Bone struct {
	From, To string
	Max      int
}

// Bones is the skeleton. The maxima are a tall person's proportions on a
// square where standing height is about 85; shorter bones are fine (a
// limb pointing at the viewer looks short).
var Bones = []Bone{
	{"neck", "head", 14},
	{"neck", "chest", 20}, {"chest", "pelvis", 20}, {"neck", "pelvis", 32},
	{"neck", "left_shoulder", 10}, {"neck", "right_shoulder", 10},
	{"left_shoulder", "left_elbow", 18}, {"left_elbow", "left_hand", 18},
	{"right_shoulder", "right_elbow", 18}, {"right_elbow", "right_hand", 18},
	{"pelvis", "left_hip", 8}, {"pelvis", "right_hip", 8},
	{"left_hip", "left_knee", 24}, {"left_knee", "left_foot", 24},
	{"right_hip", "right_knee", 24}, {"right_knee", "right_foot", 24},
}

// Facings lists where a figure may face.
var Facings = []string{"left", "right", "up", "down", "viewer", "away"}

// PropKinds lists the props a figure may hold, with what At, To and
// Size mean for each (docs/content-format.md says the same for authors).
var PropKinds = []string{
	"floor",          // At.Y is its height (0: the bottom of the square)
	"mat",            // a mat on the floor from At to To.X; seen from above (To.Y not At.Y), its outline
	"wall",           // a wall at At.X, from At.Y up
	"door-frame",     // a door's side frame at At.X, from At.Y up, its top at Size (90)
	"chair",          // seat front at At, backrest at To.X rising to To.Y; seen from the front (To.Y = At.Y), the seat from At to To with the backrest Size (24) high behind
	"ball",           // a ball centred on At, radius Size (3)
	"foam-roller",    // across the body: a circle at At, radius Size (6); along it: At to To
	"knobbed-roller", // a back roller with knobs, centred on At, radius Size (4)
	"towel",          // rolled: centred on At, radius Size (3); held taut: At to To
	"stick",          // a massage stick from At to To
}

// Pose is the figure's joints at keyframe k (0 is the pose itself),
// with the optional joints filled in from the ones they default to.
func (f Figure) Pose(k int) map[string]Point {
	p := maps.Clone(f.Joints)
	if p == nil {
		p = map[string]Point{}
	}
	if k > 0 && k <= len(f.Keyframes) {
		maps.Copy(p, f.Keyframes[k-1])
	}
	fill := func(j, from string) {
		if _, ok := p[j]; !ok {
			p[j] = p[from]
		}
	}
	fill("left_shoulder", "neck")
	fill("right_shoulder", "neck")
	fill("left_hip", "pelvis")
	fill("right_hip", "pelvis")
	if _, ok := p["chest"]; !ok {
		n, v := p["neck"], p["pelvis"]
		p["chest"] = Point{(n[0] + v[0]) / 2, (n[1] + v[1]) / 2}
	}
	return p
}

// Frames is how many poses the figure moves through: 1 for a still one.
func (f Figure) Frames() int { return 1 + len(f.Keyframes) }

// Drawn reports whether the figure has been drawn at all.
func (f Figure) Drawn() bool { return len(f.Joints) > 0 }

// FigureFor is the figure for a stage (1-based; 0 or out of range for
// the technique's own): the stage's own where it has one.
func (t Technique) FigureFor(stage int) Figure {
	if i := slices.IndexFunc(t.StageFigures, func(s StageFigure) bool { return s.Stage == stage }); i >= 0 {
		return t.StageFigures[i].Figure
	}
	return t.Figure
}

// MaxKeyframes is the most further poses a movement has.
const MaxKeyframes = 3
