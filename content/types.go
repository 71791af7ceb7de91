// Package content owns unknot's data: techniques, programs, body areas,
// equipment, cautions and guidance. The data lives in YAML files embedded
// with go:embed, is decoded strictly (unknown fields are errors) and is
// validated before anything else sees it.
package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Role is where a technique sits in a routine. Plans order items by role.
type Role string

const (
	RoleWarmUp    Role = "warm-up"
	RoleRelease   Role = "release"
	RoleMobility  Role = "mobility"
	RoleOpenFront Role = "open-front"
	RoleStrength  Role = "strength"
	RoleCoolDown  Role = "cool-down"
)

// Roles lists every role in routine order: warm-up → release → mobility →
// open the front → strength → posture/cool-down.
var Roles = []Role{RoleWarmUp, RoleRelease, RoleMobility, RoleOpenFront, RoleStrength, RoleCoolDown}

// Label is the role as shown to people.
func (r Role) Label() string {
	switch r {
	case RoleWarmUp:
		return "warm-up"
	case RoleRelease:
		return "release"
	case RoleMobility:
		return "mobility"
	case RoleOpenFront:
		return "open the front"
	case RoleStrength:
		return "strength"
	case RoleCoolDown:
		return "posture / cool-down"
	}
	return string(r)
}

// Position is the body position a technique is done in.
type Position string

const (
	PositionLying    Position = "lying"
	PositionKneeling Position = "kneeling"
	PositionSeated   Position = "seated"
	PositionStanding Position = "standing"
	PositionWall     Position = "wall"
)

// Positions lists the valid positions.
var Positions = []Position{PositionLying, PositionKneeling, PositionSeated, PositionStanding, PositionWall}

// Motion says what the person does during a technique's hold: keep still
// in a position (hold) or keep moving for the whole time (move: rolls,
// circles, flows, rolling on a roller, strokes and kneading).
type Motion string

const (
	MotionHold Motion = "hold"
	MotionMove Motion = "move"
)

// Motions lists the valid motions; an absent motion means hold.
var Motions = []Motion{MotionHold, MotionMove}

// OnFloor reports whether the position is down on the floor (lying or
// kneeling), rather than upright in a chair, standing or at a wall.
func (p Position) OnFloor() bool { return p == PositionLying || p == PositionKneeling }

// Intensity is how hard a technique is on the body.
type Intensity string

const (
	IntensityGentle   Intensity = "gentle"
	IntensityModerate Intensity = "moderate"
	IntensityFirm     Intensity = "firm"
)

// Intensities lists the valid intensities, softest first.
var Intensities = []Intensity{IntensityGentle, IntensityModerate, IntensityFirm}

// Area is a body area people can browse by and point at in the intake.
type Area struct {
	ID          string `yaml:"id" json:"id"`
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description" json:"description"`
	// Intake, when set, offers the area in the intake's "Where does it
	// hurt?" under this label, as people name it; IntakeDefault ticks it
	// before the person answers.
	Intake        string `yaml:"intake,omitempty" json:"intake,omitempty"`
	IntakeDefault bool   `yaml:"intake_default,omitempty" json:"intake_default,omitempty"`
	// IntakeRecheck, when set, is the safety question asked again when the
	// area is ticked (tightness at the front of the chest: the chest-pain
	// question).
	IntakeRecheck string `yaml:"intake_recheck,omitempty" json:"intake_recheck,omitempty"`
}

// Equipment is something a technique may need.
type Equipment struct {
	ID          string `yaml:"id" json:"id"`
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description" json:"description"`
}

// Caution is a Tier C answer from the safety screen (CLINICAL.md §1) that
// shapes the plan instead of refusing the session.
type Caution struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Adaptation says, in a sentence, what the coach changes for it.
	Adaptation string `yaml:"adaptation" json:"adaptation"`
	// Limits are what the caution rules out for every technique, on top
	// of the techniques that name it under avoid_if: each caution limits
	// only what it is about (varicose veins in the legs say nothing about
	// tennis balls on the upper back).
	Limits CautionLimits `yaml:"limits,omitempty" json:"limits,omitzero"`
}

// CautionLimits narrow every technique for one caution.
type CautionLimits struct {
	// Intensity is the most any technique may be ("gentle" for heart or
	// lung disease: low intensity throughout).
	Intensity Intensity `yaml:"intensity,omitempty" json:"intensity,omitempty"`
	// Pressure is the most any pressure technique may be: "gentle", or
	// "none" for no pressure work at all.
	Pressure string `yaml:"pressure,omitempty" json:"pressure,omitempty"`
	// AvoidEquipment are tools the caution rules out (a hard massage ball
	// on blood thinners); a technique keeps its other equipment choices.
	AvoidEquipment []string `yaml:"avoid_equipment,omitempty" json:"avoid_equipment,omitempty"`
}

// PressureNone in CautionLimits.Pressure rules out all pressure work.
const PressureNone = "none"

// Allows reports whether the limits leave t in, and if not, why.
func (l CautionLimits) Allows(t Technique) (why string, ok bool) {
	if l.Intensity != "" && IntensityAbove(t.Intensity, l.Intensity) {
		return "the plan keeps to " + string(l.Intensity) + " techniques", false
	}
	if t.Pressure && l.Pressure == PressureNone {
		return "no pressure on the area", false
	}
	if t.Pressure && l.Pressure != "" && l.Pressure != PressureNone && IntensityAbove(t.Intensity, Intensity(l.Pressure)) {
		return l.Pressure + " pressure only", false
	}
	return "", true
}

// IntensityAbove reports whether a is more intense than b.
func IntensityAbove(a, b Intensity) bool {
	return slices.Index(Intensities, a) > slices.Index(Intensities, b)
}

// Without returns t's equipment choices with every choice that needs one
// of avoid removed, and whether the technique still has a way to be done.
func (t Technique) Without(avoid []string) (Technique, bool) {
	if len(avoid) == 0 || t.NeedsNoEquipment() {
		return t, true
	}
	kept := slices.DeleteFunc(slices.Clone(t.Equipment), func(alt []string) bool {
		return slices.ContainsFunc(alt, func(id string) bool { return slices.Contains(avoid, id) })
	})
	if len(kept) == 0 {
		return t, false
	}
	t.Equipment = kept
	return t, true
}

// Dosage is how long and how often a technique is held.
type Dosage struct {
	HoldSeconds    int `yaml:"hold_seconds" json:"hold_seconds"`
	MinHoldSeconds int `yaml:"min_hold_seconds" json:"min_hold_seconds"`
	MaxHoldSeconds int `yaml:"max_hold_seconds" json:"max_hold_seconds"`
	// Reps is how many holds each side gets (1 when absent).
	Reps int `yaml:"reps,omitempty" json:"reps"`
	// Bilateral techniques run once per side, left first.
	Bilateral bool `yaml:"bilateral" json:"bilateral"`
	// RestSeconds is the pause between repeated holds.
	RestSeconds int `yaml:"rest_seconds,omitempty" json:"rest_seconds"`
	// Stages names where each hold happens (e.g. levels up the back); when
	// present there is one hold per stage and Reps must be absent.
	Stages []string `yaml:"stages,omitempty" json:"stages,omitempty"`
}

// Technique is one self-massage, mobility or stretching technique.
type Technique struct {
	ID      string   `yaml:"id" json:"id"`
	Name    string   `yaml:"name" json:"name"`
	Summary string   `yaml:"summary" json:"summary"`
	Areas   []string `yaml:"areas" json:"areas"`
	Role    Role     `yaml:"role" json:"role"`
	// Equipment holds alternatives: any one inner list is enough, and
	// everything in that inner list is needed. Empty means no equipment.
	Equipment [][]string `yaml:"equipment,omitempty" json:"equipment"`
	Position  Position   `yaml:"position" json:"position"`
	// Motion is hold (the default) or move: whether the session says
	// HOLD or MOVE while the time runs.
	Motion Motion   `yaml:"motion,omitempty" json:"motion"`
	Steps  []string `yaml:"steps" json:"steps"`
	// Cue is the one-line instruction shown during the hold.
	Cue       string    `yaml:"cue" json:"cue"`
	Dosage    Dosage    `yaml:"dosage" json:"dosage"`
	Breathing string    `yaml:"breathing,omitempty" json:"breathing,omitempty"`
	Intensity Intensity `yaml:"intensity" json:"intensity"`
	// Pressure marks techniques that press a ball, roller or tool into tissue.
	Pressure bool `yaml:"pressure,omitempty" json:"pressure"`
	// VariantOf names the technique this one stands in for when a caution
	// leaves that one out (an open twist in pregnancy): personal plans use
	// it only then, though it can always be chosen by hand.
	VariantOf string `yaml:"variant_of,omitempty" json:"variant_of,omitempty"`
	// Precautions: the first one is the key precaution shown during a session.
	Precautions []string `yaml:"precautions" json:"precautions"`
	// AvoidIf maps a caution ID to why the technique is left out for it.
	AvoidIf map[string]string `yaml:"avoid_if,omitempty" json:"avoid_if,omitempty"`
	Why     string            `yaml:"why" json:"why"`
	// Sources are the IDs of the references the facts come from
	// (Catalogue.Citations resolves them).
	Sources []string `yaml:"sources" json:"sources"`
	// Figure draws the position; StageFigures those stages whose
	// position differs from it.
	Figure       Figure        `yaml:"figure,omitempty" json:"figure,omitzero"`
	StageFigures []StageFigure `yaml:"stage_figures,omitempty" json:"stage_figures,omitempty"`

	// origin is the file (and line) the technique was read from; lines
	// holds the line of each of its fields, for precise problems.
	origin string
	lines  map[string]int
}

// Origin says where the technique was read from ("techniques.yaml:12").
func (t Technique) Origin() string { return t.origin }

// HoldsPerSide is how many holds each side gets.
func (d Dosage) HoldsPerSide() int {
	if len(d.Stages) > 0 {
		return len(d.Stages)
	}
	if d.Reps < 1 {
		return 1
	}
	return d.Reps
}

// Holds is the total number of holds, across sides.
func (d Dosage) Holds() int {
	n := d.HoldsPerSide()
	if d.Bilateral {
		n *= 2
	}
	return n
}

// DurationSeconds is the time a session of the technique takes at its
// default dosage with the default lead-in: every place that shows a
// technique's length shows this (SessionSeconds is the rule).
func (t Technique) DurationSeconds() int {
	return t.SessionSeconds(t.Dosage.HoldSeconds, DefaultLeadInSeconds)
}

// SessionSeconds is the one rule for how long a technique takes in a
// session: its holds, the rests between its repetitions or stages, and a
// lead-in before every hold. session.Expand runs a technique to exactly
// this, and the plan builder fits the time budget with it.
func (t Technique) SessionSeconds(holdSeconds, leadInSeconds int) int {
	return t.DurationWith(holdSeconds) + t.Dosage.Holds()*leadInSeconds
}

// DurationWith is the technique's time with a given hold length, holds
// plus rests, without lead-ins (SessionSeconds adds them).
func (t Technique) DurationWith(holdSeconds int) int {
	holds := t.Dosage.Holds()
	rests := 0
	if t.Dosage.HoldsPerSide() > 1 {
		rests = (t.Dosage.HoldsPerSide() - 1) * t.Dosage.RestSeconds
		if t.Dosage.Bilateral {
			rests *= 2
		}
	}
	return holds*holdSeconds + rests
}

// Moves reports whether the technique keeps moving for the whole of each
// hold (motion: move) rather than keeping still.
func (t Technique) Moves() bool { return t.Motion == MotionMove }

// NeedsNoEquipment reports whether the technique can be done with nothing.
func (t Technique) NeedsNoEquipment() bool { return len(t.Equipment) == 0 }

// UsableWith reports whether the technique can be done with the equipment
// in have: it needs nothing, or everything of one of its alternatives.
func (t Technique) UsableWith(have []string) bool {
	return t.NeedsNoEquipment() || slices.ContainsFunc(t.Equipment, func(alt []string) bool { return AllOf(alt, have) })
}

// Tools are the equipment that presses into tissue.
var Tools = []string{"tennis-balls", "massage-ball", "foam-roller", "back-roller", "massage-stick"}

// Uses reports whether any of the technique's equipment choices needs id.
func (t Technique) Uses(id string) bool {
	return slices.ContainsFunc(t.Equipment, func(alt []string) bool { return slices.Contains(alt, id) })
}

// UsesTool reports whether any of its equipment choices presses into
// tissue (one of Tools).
func (t Technique) UsesTool() bool { return slices.ContainsFunc(Tools, t.Uses) }

// AllOf reports whether have holds every item of alt.
func AllOf(alt, have []string) bool {
	return !slices.ContainsFunc(alt, func(id string) bool { return !slices.Contains(have, id) })
}

// KeyPrecaution is the precaution shown on the session screen.
func (t Technique) KeyPrecaution() string {
	if len(t.Precautions) == 0 {
		return ""
	}
	return t.Precautions[0]
}

// ProgramItem is one technique in a program, with optional overrides.
type ProgramItem struct {
	Technique   string `yaml:"technique" json:"technique"`
	HoldSeconds int    `yaml:"hold_seconds,omitempty" json:"hold_seconds,omitempty"`
	Reps        int    `yaml:"reps,omitempty" json:"reps,omitempty"`
	// Note replaces the technique's cue for this item.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// ProgramDay is one day of a multi-day program.
type ProgramDay struct {
	Title string        `yaml:"title" json:"title"`
	Focus string        `yaml:"focus" json:"focus"`
	Items []ProgramItem `yaml:"items" json:"items"`
}

// Name is the day's title without a leading "Day 2: ", for places that
// already say which day it is ("Day 2 of 3: Open the front").
func (d ProgramDay) Name() string {
	if n, name, ok := strings.Cut(d.Title, ": "); ok {
		if num, ok := strings.CutPrefix(n, "Day "); ok && num != "" && strings.Trim(num, "0123456789") == "" {
			return name
		}
	}
	return d.Title
}

// Program is a ready-made routine. Single-day programs have Items;
// multi-day programs have Days (one session a day) and no Items.
type Program struct {
	ID      string        `yaml:"id" json:"id"`
	Name    string        `yaml:"name" json:"name"`
	Summary string        `yaml:"summary" json:"summary"`
	Items   []ProgramItem `yaml:"items,omitempty" json:"items,omitempty"`
	Days    []ProgramDay  `yaml:"days,omitempty" json:"days,omitempty"`
	// Next names the program to follow this one once its last day is done
	// (the next stage), offered on Home from the day after.
	Next string `yaml:"next,omitempty" json:"next,omitempty"`
	// Sources are reference IDs, as for a technique.
	Sources []string `yaml:"sources" json:"sources"`

	origin string
	lines  map[string]int
}

// Origin says where the program was read from.
func (p Program) Origin() string { return p.origin }

// MultiDay reports whether the program spans several days.
func (p Program) MultiDay() bool { return len(p.Days) > 0 }

// Day returns the items of day n (1-based); single-day programs have only day 1.
func (p Program) Day(n int) []ProgramItem {
	if !p.MultiDay() {
		if n == 1 {
			return p.Items
		}
		return nil
	}
	if n < 1 || n > len(p.Days) {
		return nil
	}
	return p.Days[n-1].Items
}

// Tip is a titled piece of advice.
type Tip struct {
	Title string `yaml:"title" json:"title"`
	Text  string `yaml:"text" json:"text"`
}

// Guidance is the advice that is not a technique: disclaimers, stop rules,
// precautions, when to see a professional, preparation, best practices.
type Guidance struct {
	Disclaimer         string   `yaml:"disclaimer" json:"disclaimer"`
	DisclaimerFull     string   `yaml:"disclaimer_full" json:"disclaimer_full"`
	StopRules          []string `yaml:"stop_rules" json:"stop_rules"`
	GeneralPrecautions []string `yaml:"general_precautions" json:"general_precautions"`
	SeeAProfessional   []string `yaml:"see_a_professional" json:"see_a_professional"`
	Preparation        []Tip    `yaml:"preparation" json:"preparation"`
	BestPractices      []string `yaml:"best_practices" json:"best_practices"`
	Principles         []Tip    `yaml:"principles" json:"principles"`
	Posture            []Tip    `yaml:"posture" json:"posture"`
	// Sources are reference IDs, as for a technique.
	Sources []string `yaml:"sources" json:"sources"`
}

// Avoid is one caution a technique is left out for, and why.
type Avoid struct{ Caution, Why string }

// Reference is one work the content cites: a guideline, a paper, a web
// article or a video. Techniques, programs and the guidance name
// references by ID in their sources; the catalogue's references live in
// references.yaml, and a pack may declare its own.
type Reference struct {
	ID string `yaml:"id" json:"id"`
	// Title is the work's own title, quoted when shown.
	Title     string `yaml:"title,omitempty" json:"title,omitempty"`
	Author    string `yaml:"author,omitempty" json:"author,omitempty"`
	Publisher string `yaml:"publisher,omitempty" json:"publisher,omitempty"`
	Year      int    `yaml:"year,omitempty" json:"year,omitempty"`
	URL       string `yaml:"url,omitempty" json:"url,omitempty"`
	// Note says what the work is when that is not plain from the rest
	// ("web article"), or what is not known about it.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`

	origin string
	lines  map[string]int
}

// Origin says where the reference was read from.
func (r Reference) Origin() string { return r.origin }

// Text is the citation without its URL: `"Title", Author, Publisher, 2021
// (note)`. A reference with no title, author or publisher is its note.
func (r Reference) Text() string {
	var parts []string
	if r.Title != "" {
		parts = append(parts, `"`+r.Title+`"`)
	}
	for _, s := range []string{r.Author, r.Publisher} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if r.Year != 0 {
		parts = append(parts, strconv.Itoa(r.Year))
	}
	s := strings.Join(parts, ", ")
	switch {
	case r.Note == "":
	case s == "":
		s = r.Note
	default:
		s += " (" + r.Note + ")"
	}
	return s
}

// String is the whole citation on one line, URL last.
func (r Reference) String() string {
	if r.URL == "" {
		return r.Text()
	}
	return r.Text() + ", " + r.URL
}

// Text is the dosage in words, as the detail page and `unknot show`
// give it: "Hold 60 s (30–90 s), 2 times, each side, 10 s rest between".
// "Each side" appears only for two-sided techniques, and the count of
// holds only when there is more than one.
func (d Dosage) Text() string {
	dose := fmt.Sprintf("Hold %d s (%d–%d s)", d.HoldSeconds, d.MinHoldSeconds, d.MaxHoldSeconds)
	switch {
	case len(d.Stages) > 0:
		dose += fmt.Sprintf(", in %d stages: %s", len(d.Stages), strings.Join(d.Stages, "; "))
	case d.HoldsPerSide() > 1:
		dose += fmt.Sprintf(", %d times", d.HoldsPerSide())
	}
	if d.Bilateral {
		dose += ", each side"
	}
	if d.RestSeconds > 0 && d.HoldsPerSide() > 1 {
		dose += fmt.Sprintf(", %d s rest between", d.RestSeconds)
	}
	return dose
}
