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
			secs := c.ItemsSeconds(p.Day(d))
			m := float64(secs+DefaultLeadInSeconds*c.ItemsHolds(p.Day(d))) / 60
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
	// 60 s seated and 60 s kneeling is half, not more than half.
	half := []ProgramItem{{Technique: "shoulder-rolls", HoldSeconds: 30}, {Technique: "childs-pose", HoldSeconds: 60}}
	if c.FloorSeconds(half) != 60 || c.MostlyOnFloor(half) {
		t.Errorf("half on the floor: %d s, mostly %v", c.FloorSeconds(half), c.MostlyOnFloor(half))
	}
	half[1].HoldSeconds = 65
	if !c.MostlyOnFloor(half) {
		t.Error("65 s of 125 on the floor is not mostly on the floor")
	}
}

func TestOnFloor(t *testing.T) {
	for _, p := range Positions {
		if want := p == PositionLying || p == PositionKneeling; p.OnFloor() != want {
			t.Errorf("%s: on the floor %v", p, p.OnFloor())
		}
	}
}
