package content

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// figures checks a technique's figure and its stages' figures: known
// joints, facings and props, every point on the square, no bone longer
// than a body's, keyframes only for movements. Each problem is at the
// line that holds it.
func (v *validator) figures(o string, L map[string]int, label string, t Technique) {
	if t.Figure.Drawn() || t.Figure.Alt != "" || len(t.Figure.Props) > 0 {
		v.figure(o, L, "figure", label+" figure", t, t.Figure)
	}
	seen := map[int]bool{}
	for i, s := range t.StageFigures {
		path := fmt.Sprintf("stage_figures.%d", i)
		sl := fmt.Sprintf("%s stage %d figure", label, s.Stage)
		switch {
		case len(t.Dosage.Stages) == 0:
			v.addAt(o, L, path, "%s: the technique has no stages", sl)
		case s.Stage < 1 || s.Stage > len(t.Dosage.Stages):
			v.addAt(o, L, path+".stage", "%s: stage %d is outside 1–%d", sl, s.Stage, len(t.Dosage.Stages))
		case seen[s.Stage]:
			v.addAt(o, L, path+".stage", "%s: stage %d already has a figure", sl, s.Stage)
		}
		seen[s.Stage] = true
		v.figure(o, L, path, sl, t, s.Figure)
	}
	if len(t.StageFigures) > 0 && !t.Figure.Drawn() {
		v.addAt(o, L, "stage_figures", "%s: stage figures need the technique's own figure too", label)
	}
}

func (v *validator) figure(o string, L map[string]int, path, label string, t Technique, f Figure) {
	if strings.TrimSpace(f.Alt) == "" {
		where := path
		if _, ok := L[path+".alt"]; ok {
			where = path + ".alt"
		}
		v.addAt(o, L, where, "%s: missing alt (the figure in words)", label)
	}
	v.maxLen(o, L, path+".alt", label, "alt", f.Alt, MaxTextLen)
	if !slices.Contains(Facings, f.Facing) {
		v.addAt(o, L, path+".facing", "%s: unknown facing %q (one of %s)", label, clip(f.Facing), strings.Join(Facings, ", "))
	}
	for _, j := range Joints {
		if _, ok := f.Joints[j]; !ok {
			v.addAt(o, L, path+".joints", "%s: joint %s has no position", label, j)
		}
	}
	v.joints(o, L, path+".joints", label, f.Joints)
	if len(f.Keyframes) > 0 && !t.Moves() {
		v.addAt(o, L, path+".keyframes", "%s: keyframes are for techniques that move (motion: move)", label)
	}
	if len(f.Keyframes) > MaxKeyframes {
		v.addAt(o, L, path+".keyframes", "%s: %d keyframes is more than %d", label, len(f.Keyframes), MaxKeyframes)
	}
	for k, kf := range f.Keyframes {
		kp := fmt.Sprintf("%s.keyframes.%d", path, k)
		kl := fmt.Sprintf("%s keyframe %d", label, k+1)
		if len(kf) == 0 {
			v.addAt(o, L, kp, "%s moves no joint", kl)
		}
		v.joints(o, L, kp, kl, kf)
	}
	if f.Drawn() {
		for k := range f.Frames() {
			v.bones(o, L, path, label, k, f)
		}
	}
	if b := f.Frame; b != (Box{}) {
		if b[0] < 0 || b[1] < 0 || b[2] > FigureSize || b[3] > FigureSize || b[2]-b[0] < MinFrame || b[3]-b[1] < MinFrame {
			v.addAt(o, L, path+".frame", "%s: frame %v must lie on the square (0–%d), at least %d across and high, as [left, bottom, right, top]", label, b, FigureSize, MinFrame)
		}
	}
	v.maxList(o, L, path+".props", label, "props", len(f.Props))
	for i, p := range f.Props {
		pp := fmt.Sprintf("%s.props.%d", path, i)
		if !slices.Contains(PropKinds, p.Kind) {
			v.addAt(o, L, pp+".kind", "%s: unknown prop %q (one of %s)%s", label, clip(p.Kind), strings.Join(PropKinds, ", "), suggest(p.Kind, PropKinds))
		}
		v.point(o, L, pp+".at", label, "prop "+p.Kind+" at", p.At)
		v.point(o, L, pp+".to", label, "prop "+p.Kind+" to", p.To)
		if p.Size < 0 || p.Size > MaxPropSize {
			v.addAt(o, L, pp+".size", "%s: prop %s size %d is outside 0–%d", label, clip(p.Kind), p.Size, MaxPropSize)
		}
		if needsTo(p.Kind) && p.To == (Point{}) {
			v.addAt(o, L, pp, "%s: prop %s needs to: (its other end)", label, p.Kind)
		}
	}
}

// MinFrame is the smallest a figure's frame may be across or high: a
// closer view than this would show a joint or two and nothing to place it.
const MinFrame = 20

// MaxPropSize is the largest radius or height a prop may be given.
const MaxPropSize = 100

// needsTo reports whether a kind of prop is drawn between two points.
func needsTo(kind string) bool { return kind == "stick" || kind == "mat" || kind == "chair" }

// joints checks joint names and that each point lies on the square.
func (v *validator) joints(o string, L map[string]int, path, label string, js map[string]Point) {
	for _, j := range slices.Sorted(maps.Keys(js)) {
		if !slices.Contains(Joints, j) && !slices.Contains(OptionalJoints, j) {
			v.addAt(o, L, path+"."+j, "%s: unknown joint %q%s", label, clip(j), suggest(j, append(slices.Clone(Joints), OptionalJoints...)))
			continue
		}
		v.point(o, L, path+"."+j, label, "joint "+j, js[j])
	}
}

func (v *validator) point(o string, L map[string]int, path, label, what string, p Point) {
	for _, c := range p {
		if c < 0 || c > FigureSize {
			v.addAt(o, L, path, "%s: %s [%d, %d] is off the square (0–%d)", label, what, p[0], p[1], FigureSize)
			return
		}
	}
}

// bones reports a bone longer than a body's in pose k: a joint placed
// far from where it could be.
func (v *validator) bones(o string, L map[string]int, path, label string, k int, f Figure) {
	pose := f.Pose(k)
	for _, b := range Bones {
		a, z := pose[b.From], pose[b.To]
		if d := math.Hypot(float64(z[0]-a[0]), float64(z[1]-a[1])); d > float64(b.Max)+0.5 {
			where := path + ".joints." + b.To
			what := label
			if k > 0 {
				where = fmt.Sprintf("%s.keyframes.%d", path, k-1)
				what = fmt.Sprintf("%s keyframe %d", label, k)
			}
			v.addAt(o, L, where, "%s: %s to %s is %.0f long, more than %d", what, b.From, b.To, d, b.Max)
		}
	}
}
