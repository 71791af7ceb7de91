package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
)

// runeIndex is where sub starts in s at or after from, in runes (-1 if not).
func runeIndex(s []rune, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	i := strings.Index(string(s[from:]), sub)
	if i < 0 {
		return -1
	}
	return from + len([]rune(string(s[from:])[:i]))
}

// Every technique in one plan: names, roles, doses and equipment of every
// length. Each row's name, role, dose and time start in the same column.
func TestPlanColumnsAlign(t *testing.T) {
	cat := content.MustLoad()
	p := plan.FromSelection(cat, cat.Techniques, safety.Result{})
	for _, w := range []int{90, 100, 120, 140} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			m := newPlanScreen(cat, p, "Every technique", session.Options{LeadIn: -1}, defaultKeyMap(), newStyles(true))
			m.SetSize(w, len(p.Items)+12)
			v := ansi.Strip(m.View("help"))
			var rows []string
			for _, l := range strings.Split(v, "\n") {
				if strings.HasPrefix(l, "› [") || strings.HasPrefix(l, "  [") {
					rows = append(rows, l)
				}
			}
			if len(rows) != len(p.Items) {
				t.Fatalf("%d rows shown, want %d:\n%s", len(rows), len(p.Items), v)
			}
			want := map[string]int{}
			for i, l := range rows {
				it := p.Items[i]
				r := []rune(l)
				if len(r) > w {
					t.Errorf("row %d is %d wide: %q", i+1, len(r), l)
				}
				name := it.Technique.Name
				nameEnd := 9 + len([]rune(name))
				if !strings.HasPrefix(string(r[9:]), name) {
					nameEnd = runeIndex(r, "…", 9) + 1
				}
				role := runeIndex(r, it.Technique.Role.Label(), nameEnd)
				dose := runeIndex(r, m.dose(it), role+1)
				tm := runeIndex(r, clock(m.itemTimes[i]), max(dose, role)+1)
				got := map[string]int{"name": runeIndex(r, string([]rune(name)[:3]), 0), "role": role, "dose": dose,
					"time end": tm + len(clock(m.itemTimes[i]))}
				for col, at := range got {
					if at < 0 || col == "time end" && tm < 0 {
						t.Fatalf("row %d has no %s: %q", i+1, col, l)
					}
					if i == 0 {
						want[col] = at
					} else if at != want[col] {
						t.Errorf("row %d: %s at column %d, row 1 has it at %d\n%s\n%s", i+1, col, at, want[col], rows[0], l)
					}
				}
			}
		})
	}
}

// The count of techniques left out reads as English for one and for
// many.
func TestPlanLeftOutCount(t *testing.T) {
	cat := content.Builtin()
	rolls, _ := cat.Technique("shoulder-rolls")
	tucks, _ := cat.Technique("chin-tucks")
	item := plan.Item{Technique: tucks, HoldSeconds: tucks.Dosage.HoldSeconds, MinHold: tucks.Dosage.MinHoldSeconds, MaxHold: tucks.Dosage.MaxHoldSeconds}
	for n, want := range map[int]string{1: "1 technique left out today", 2: "2 techniques left out today"} {
		p := plan.Plan{Items: []plan.Item{item}}
		for range n {
			p.Left = append(p.Left, plan.Exclusion{ID: rolls.ID, Name: rolls.Name, Reason: plan.HurtReason, Kind: plan.WhyHurt})
		}
		m := newPlanScreen(cat, p, "Test", session.Options{LeadIn: -1}, defaultKeyMap(), newStyles(true))
		m.SetSize(80, 24)
		if v := ansi.Strip(m.View("")); !strings.Contains(v, want+" ·") {
			t.Errorf("%d left out: no %q in\n%s", n, want, v)
		}
	}
}

// l is offered, short and full, and opens its page only when something
// is left out or adapted; a plan with neither (a Repeat, a routine) has
// no l in its help and l does nothing.
func TestPlanLeftOutKeyOnlyWhenSomethingIsLeftOut(t *testing.T) {
	cat := content.Builtin()
	rolls, _ := cat.Technique("shoulder-rolls")
	tucks, _ := cat.Technique("chin-tucks")
	item := plan.Item{Technique: tucks, HoldSeconds: tucks.Dosage.HoldSeconds, MinHold: tucks.Dosage.MinHoldSeconds, MaxHold: tucks.Dosage.MaxHoldSeconds}
	for _, c := range []struct {
		name    string
		left    []plan.Exclusion
		adapted []plan.Adaptation
		want    bool
	}{
		{"nothing left out", nil, nil, false},
		{"one left out", []plan.Exclusion{{ID: rolls.ID, Name: rolls.Name, Reason: plan.HurtReason, Kind: plan.WhyHurt}}, nil, true},
		{"adapted only", nil, []plan.Adaptation{{Caution: "Pregnancy", Change: "Gentler versions."}}, true},
	} {
		m := newPlanScreen(cat, plan.Plan{Items: []plan.Item{item}, Left: c.left, Adapted: c.adapted}, "Test", session.Options{LeadIn: -1}, defaultKeyMap(), newStyles(true))
		m.SetSize(80, 24)
		h := m.Help()
		inShort := slices.ContainsFunc(h.short, func(b key.Binding) bool { return b.Help().Key == "l" })
		inFull := slices.ContainsFunc(slices.Concat(h.full...), func(b key.Binding) bool { return b.Help().Key == "l" })
		if inShort != c.want || inFull != c.want {
			t.Errorf("%s: l in the short help %v, in the full help %v, want %v", c.name, inShort, inFull, c.want)
		}
		m.key(tea.KeyPressMsg{Code: 'l', Text: "l"})
		if opened := m.leftOut != nil; opened != c.want {
			t.Errorf("%s: l opened the left-out page %v, want %v", c.name, opened, c.want)
		}
		if c.want && c.left == nil && strings.Contains(ansi.Strip(m.View("")), "Left out today (0)") {
			t.Errorf("%s: the page counts nothing left out:\n%s", c.name, ansi.Strip(m.View("")))
		}
	}
}
