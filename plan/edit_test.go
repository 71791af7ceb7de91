package plan

import (
	"slices"
	"testing"
)

func TestEdits(t *testing.T) {
	p := Build(cat, upperBack(15, fullKit...), withCautions(), History{})
	total := p.Seconds()
	n := len(p.Items) + len(p.Left)

	p.Toggle(0)
	if !p.Items[0].Off || p.Seconds() != total-p.Items[0].Seconds() {
		t.Errorf("toggle off: total %d, want %d", p.Seconds(), total-p.Items[0].Seconds())
	}
	p.Toggle(0)

	first, second := p.Items[0].Technique.ID, p.Items[1].Technique.ID
	if j := p.Move(0, 1); j != 1 || p.Items[0].Technique.ID != second || p.Items[1].Technique.ID != first {
		t.Errorf("move down failed: %v", ids(p))
	}
	if j := p.Move(0, -1); j != 0 {
		t.Errorf("moving the first item up went to %d", j)
	}

	it := p.Items[0]
	p.AdjustHold(0, 1000)
	if p.Items[0].HoldSeconds != it.MaxHold {
		t.Errorf("hold = %d, want max %d", p.Items[0].HoldSeconds, it.MaxHold)
	}
	p.AdjustHold(0, -1000)
	if p.Items[0].HoldSeconds != it.MinHold || p.Techniques()[0].Dosage.HoldSeconds != it.MinHold {
		t.Errorf("hold = %d, want min %d", p.Items[0].HoldSeconds, it.MinHold)
	}

	role := p.Items[2].Technique.Role
	before := p.Items[2].Technique.ID
	if !p.Swap(2) {
		t.Fatalf("no alternative for %s", before)
	}
	after := p.Items[2].Technique
	if after.ID == before || after.Role != role {
		t.Errorf("swap gave %s (%s) for %s (%s)", after.ID, after.Role, before, role)
	}
	if !slices.ContainsFunc(p.Left, func(e Exclusion) bool { return e.ID == before }) ||
		slices.ContainsFunc(p.Left, func(e Exclusion) bool { return e.ID == after.ID }) {
		t.Error("left-out list not updated by the swap")
	}
	if len(p.Items)+len(p.Left) != n {
		t.Errorf("swap lost track of techniques: %d + %d ≠ %d", len(p.Items), len(p.Left), n)
	}
	// Swapping again moves on rather than going back.
	p.Swap(2)
	if p.Items[2].Technique.ID == after.ID {
		t.Error("second swap did not move on")
	}
}
