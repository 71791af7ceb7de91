package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/session"
)

var clockRe = regexp.MustCompile(`\b\d+:\d\d\b`)

// A technique's and a program's length is one number wherever it is
// shown: content's rule (holds + rests + lead-ins), the plan builder's
// item, the session's own planned total, the browse row, the detail page,
// the plan screen's row and total, and the routines list.
func TestDurationsAgreeOnScreen(t *testing.T) {
	cat := content.MustLoad()
	m := New(Options{Catalogue: cat})
	defaults := session.Options{LeadIn: -1}
	for _, id := range []string{"tennis-ball-spine-release", "doorway-chest-stretch", "shoulder-rolls", "chin-tucks", "open-book-rotation"} {
		tq, ok := cat.Technique(id)
		if !ok {
			t.Fatalf("no technique %s", id)
		}
		want := content.Clock(tq.SessionSeconds(tq.Dosage.HoldSeconds, content.DefaultLeadInSeconds))
		item := plan.Item{Technique: tq, HoldSeconds: tq.Dosage.HoldSeconds, MinHold: tq.Dosage.MinHoldSeconds, MaxHold: tq.Dosage.MaxHoldSeconds}
		got := map[string]string{
			"content.DurationSeconds": content.Clock(tq.DurationSeconds()),
			"plan.Item.Seconds":       content.Clock(item.Seconds()),
			"plan.Plan.Seconds":       content.Clock(plan.Plan{Items: []plan.Item{item}}.Seconds()),
			"session.Total":           clock(session.Total(session.Expand([]content.Technique{tq}, defaults))),
		}

		b := newBrowseScreen(cat, m.keys, m.st)
		b.open(tq.Areas[0])
		for _, li := range b.techs.Items() {
			if it, ok := li.(techItem); ok && it.t.ID == id {
				got["browse row"] = clockRe.FindString(it.desc)
			}
		}

		detail := ansi.Strip(techniqueText(m.st, cat, tq, 200))
		_, after, _ := strings.Cut(detail, "About ")
		got["detail page"] = clockRe.FindString(after)

		ps := newPlanScreen(cat, plan.Plan{Items: []plan.Item{item}}, "Test", defaults, m.keys, m.st)
		ps.SetSize(100, 30)
		got["plan screen row"] = clock(ps.itemTimes[0])
		got["plan screen total"] = clock(ps.total)
		if v := ansi.Strip(ps.View("")); !strings.Contains(v, want+" planned") {
			t.Errorf("%s: plan screen does not say %s planned:\n%s", id, want, v)
		}

		for path, g := range got {
			if g != want {
				t.Errorf("%s: %s says %q, want %q (holds + rests + lead-ins)", id, path, g, want)
			}
		}
	}

	// Programs: the routines list's "N min" is the session's own total,
	// in whole minutes.
	r := newRoutinesScreen(cat, m.keys, m.st)
	for _, li := range r.list.Items() {
		pi := li.(programItem)
		var techs []content.Technique
		for _, it := range pi.p.Day(1) {
			tq, _ := cat.Resolve(it)
			techs = append(techs, tq)
		}
		total := session.Total(session.Expand(techs, defaults))
		want := content.Minutes(int(total / time.Second))
		if pi.minutes != want || cat.DayMinutes(pi.p.Day(1)) != want || cat.ItemsSeconds(pi.p.Day(1)) != int(total/time.Second) {
			t.Errorf("program %s: routines list %d min, content %d min (%d s); the session takes %v (%d min)",
				pi.p.ID, pi.minutes, cat.DayMinutes(pi.p.Day(1)), cat.ItemsSeconds(pi.p.Day(1)), total, want)
		}
	}
}
