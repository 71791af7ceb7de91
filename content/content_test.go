package content

import (
	"slices"
	"strings"
	"testing"
)

func TestCatalogueValid(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatalf("embedded content does not validate:\n%v", err)
	}
	if len(c.Techniques) == 0 || len(c.Programs) == 0 {
		t.Fatalf("catalogue is empty: %d techniques, %d programs", len(c.Techniques), len(c.Programs))
	}
}

// Every browse area has at least two techniques (SPEC §5).
func TestEveryAreaHasTwoTechniques(t *testing.T) {
	c := MustLoad()
	for _, a := range c.Areas {
		if n := len(c.InArea(a.ID)); n < 2 {
			t.Errorf("area %s has %d techniques, want at least 2", a.ID, n)
		}
	}
}

// The programs SPEC §5 asks for exist, with roughly the promised length.
func TestRequiredPrograms(t *testing.T) {
	c := MustLoad()
	for _, want := range []struct {
		id         string
		minMinutes float64
		maxMinutes float64
		days       int
	}{
		{"desk-break", 2, 4.5, 1},
		{"quick-relief", 4, 6.5, 1},
		{"full-upper-back", 12, 18, 1},
		{"mid-back-yoga", 12, 18, 1},
		{"posture-3-day", 8, 20, 3},
	} {
		p, ok := c.Program(want.id)
		if !ok {
			t.Errorf("program %s is missing", want.id)
			continue
		}
		days := max(len(p.Days), 1)
		if days != want.days {
			t.Errorf("program %s has %d days, want %d", want.id, days, want.days)
		}
		for d := 1; d <= days; d++ {
			m := float64(c.ItemsSeconds(p.Day(d))) / 60
			if m < want.minMinutes || m > want.maxMinutes {
				t.Errorf("program %s day %d lasts %.1f min, want %.1f–%.1f", want.id, d, m, want.minMinutes, want.maxMinutes)
			}
		}
	}
}

// The desk break needs no equipment at all.
func TestDeskBreakNeedsNothing(t *testing.T) {
	c := MustLoad()
	p, _ := c.Program("desk-break")
	for _, it := range p.Items {
		tq, _ := c.Technique(it.Technique)
		if !tq.NeedsNoEquipment() {
			t.Errorf("desk break uses %s, which needs %s", tq.ID, c.EquipmentText(tq))
		}
	}
}

// Safety rules from CLINICAL.md that the data itself must respect.
func TestClinicalRulesInData(t *testing.T) {
	c := MustLoad()
	for _, tq := range c.Techniques {
		lying := tq.Position == PositionLying || tq.Position == PositionKneeling
		if lying {
			if _, ok := tq.AvoidIf["older-or-unsteady"]; !ok {
				t.Errorf("%s is done on the floor but is not avoided for older-or-unsteady", tq.ID)
			}
		}
		if tq.Pressure {
			for _, caution := range []string{"recent-injury", "reduced-sensation"} {
				if tq.Intensity != IntensityGentle {
					if _, ok := tq.AvoidIf[caution]; !ok {
						t.Errorf("%s presses harder than gently but is not avoided for %s", tq.ID, caution)
					}
				}
			}
			if slices.Contains(tq.Areas, "neck") && tq.UsesTool() {
				t.Errorf("%s puts a tool on the neck", tq.ID)
			}
			if tq.Dosage.MaxHoldSeconds > MaxPressureHold {
				t.Errorf("%s holds pressure over 2 minutes", tq.ID)
			}
		}
		if tq.Uses("foam-roller") && tq.Pressure {
			if _, ok := tq.AvoidIf["osteoporosis"]; !ok {
				t.Errorf("%s rolls under the spine but is not avoided for osteoporosis", tq.ID)
			}
		}
	}
}

func TestLookups(t *testing.T) {
	c := MustLoad()
	for _, id := range c.TechniqueIDs() {
		if tq, ok := c.Technique(id); !ok || tq.ID != id {
			t.Errorf("Technique(%q) lookup failed", id)
		}
	}
	if _, ok := c.Technique("no-such-thing"); ok {
		t.Error("Technique found an unknown ID")
	}
	for _, id := range c.ProgramIDs() {
		if p, ok := c.Program(id); !ok || p.ID != id {
			t.Errorf("Program(%q) lookup failed", id)
		}
	}
	if got := c.Guidance.Disclaimer; !strings.Contains(strings.ToLower(got), "not medical advice") || len([]rune(got)) > 76 {
		t.Errorf("one-line disclaimer %q does not say it is not medical advice, or is over 76 characters", got)
	}
}

// BenchmarkBuiltin is what a command pays for the content at start.
func BenchmarkBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if c, _ := Builtin().WithPacks(nil); len(c.Techniques) == 0 {
			b.Fatal("no techniques")
		}
	}
}

func BenchmarkContentLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// The knobbed roller's steps keep the knobs either side of the spine, as
// its precaution says: nothing drags them across it.
func TestKnobbedRollerStaysBesideTheSpine(t *testing.T) {
	tq, ok := MustLoad().Technique("back-roller-wall")
	if !ok {
		t.Fatal("no back-roller-wall")
	}
	for _, s := range tq.Steps {
		low := strings.ToLower(s)
		if strings.Contains(low, "crosswise") || strings.Contains(low, "side to side") {
			t.Errorf("a step moves the knobs across the spine: %q", s)
		}
	}
}

// Every built-in technique says whether its hold keeps still or keeps
// moving, and the ones whose steps are continuous movement (rolls,
// circles, flows, rolling, strokes and kneading) say move.
func TestBuiltinMotion(t *testing.T) {
	c := MustLoad()
	for _, tq := range c.Techniques {
		if tq.lines["motion"] == 0 {
			t.Errorf("%s does not set motion", tq.ID)
		}
	}
	for id, want := range map[string]bool{
		"shoulder-rolls": true, "cat-cow": true, "seated-cat-cow": true, "wall-angels": true,
		"foam-roller-upper-back-roll": true, "effleurage-strokes": true, "shoulder-kneading": true,
		"fingertip-friction": true, "pelvic-tilts": true,
		"tennis-ball-spine-release": false, "doorway-chest-stretch": false, "childs-pose": false,
		"trigger-point-press": false, "prone-y-raise": false,
	} {
		tq, ok := c.Technique(id)
		if !ok {
			t.Errorf("%s is missing", id)
			continue
		}
		if tq.Moves() != want {
			t.Errorf("%s: Moves() = %v, want %v", id, tq.Moves(), want)
		}
	}
}

// A technique that leaves motion out holds still.
func TestMotionDefaultsToHold(t *testing.T) {
	f, err := Decode("pack.yaml", []byte(goodTechnique))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Techniques[0].Motion; got != MotionHold {
		t.Errorf("motion = %q, want hold", got)
	}
}

// A routine is "mostly on the floor" when more than half of its time is
// lying or kneeling: the desk break and quick relief are not, the full
// upper-back routine and the yoga flow are.
func TestMostlyOnFloor(t *testing.T) {
	c := MustLoad()
	for id, want := range map[string]bool{"desk-break": false, "quick-relief": false, "full-upper-back": true, "mid-back-yoga": true} {
		p, ok := c.Program(id)
		if !ok {
			t.Fatalf("no program %s", id)
		}
		if got := c.MostlyOnFloor(p.Day(1)); got != want {
			t.Errorf("%s: mostly on the floor = %v (%d of %d s)", id, got, c.FloorSeconds(p.Day(1)), c.ItemsSeconds(p.Day(1)))
		}
	}
	// Exactly half is not more than half; one second more is.
	up, _ := c.Technique("shoulder-rolls")
	down, _ := c.Technique("childs-pose")
	half := []ProgramItem{{Technique: up.ID}, {Technique: down.ID}}
	upS, downS := c.ItemsSeconds(half[:1]), c.FloorSeconds(half[1:])
	if c.MostlyOnFloor(half) != (downS > upS) {
		t.Errorf("%d s on the floor against %d upright: mostly %v", downS, upS, c.MostlyOnFloor(half))
	}
	if c.ItemsSeconds(half) != upS+downS {
		t.Errorf("the parts do not add up: %d + %d ≠ %d", upS, downS, c.ItemsSeconds(half))
	}
}

func TestOnFloor(t *testing.T) {
	for _, p := range Positions {
		if want := p == PositionLying || p == PositionKneeling; p.OnFloor() != want {
			t.Errorf("%s: on the floor %v", p, p.OnFloor())
		}
	}
}

// A day's name drops the "Day 2: " its title starts with.
func TestProgramDayName(t *testing.T) {
	for title, want := range map[string]string{"Day 2: Open the front": "Open the front", "Stand tall": "Stand tall", "Daybreak: stretch": "Daybreak: stretch"} {
		if got := (ProgramDay{Title: title}).Name(); got != want {
			t.Errorf("%q: %q, want %q", title, got, want)
		}
	}
}
