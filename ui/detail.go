package ui

import (
	"fmt"
	"strings"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// techniqueText is a technique's full detail, wrapped to width: what it
// does, why it helps, how, dosage, equipment, precautions, who should
// avoid it, and where the facts came from.
func techniqueText(st *styles, cat *content.Catalogue, t content.Technique, width int) string {
	return techniqueTextWith(st, cat, t, width, "")
}

// techniqueTextWith is techniqueText with a figure under the summary.
func techniqueTextWith(st *styles, cat *content.Catalogue, t content.Technique, width int, fig string) string {
	w := max(width-4, 20)
	wrap := func(s string) string { return wordwrap(s, w, "") }
	bullet := func(s string) string { return hanging("• ", s, w) }
	var b strings.Builder
	section := func(title string) { b.WriteString("\n" + st.Title.Render(title) + "\n") }

	b.WriteString(st.Step.Render(wrap(t.Name)) + "\n")
	b.WriteString(st.Subtle.Render(wrap(fmt.Sprintf("%s · %s · %s · %s", t.Role.Label(), t.Position, t.Intensity, cat.AreaNames(t.Areas)))) + "\n")
	b.WriteString(st.Cue.Render(wrap(t.Summary)) + "\n")
	if fig != "" {
		b.WriteString("\n" + fig + "\n")
	}

	if t.Figure.Alt != "" {
		section("Position")
		b.WriteString(st.Cue.Render(wrap(t.Figure.Alt)) + "\n")
	}

	section("Why it helps")
	b.WriteString(st.Cue.Render(wrap(t.Why)) + "\n")

	section("How to do it")
	for i, s := range t.Steps {
		b.WriteString(st.Cue.Render(hanging(fmt.Sprintf("%d. ", i+1), s, w)) + "\n")
	}
	if t.Breathing != "" {
		b.WriteString(st.Breathing.Render(wrap("Breathe: "+t.Breathing)) + "\n")
	}

	section("Dosage")
	dose := t.Dosage.Text()
	b.WriteString(st.Cue.Render(wrap(fmt.Sprintf("%s. About %s in all.", dose, content.Clock(t.DurationSeconds())))) + "\n")

	if l := cat.LadderText(t.ID); l != "" {
		section("Easier and harder")
		b.WriteString(st.Cue.Render(wrap(l)) + "\n")
	}

	section("Equipment")
	b.WriteString(st.Cue.Render(wrap(content.UpperFirst(cat.EquipmentText(t)))) + "\n")

	section("Precautions")
	for _, p := range t.Precautions {
		b.WriteString(st.Warning.Render(bullet(p)) + "\n")
	}
	if avoid := cat.AvoidReasons(t); len(avoid) > 0 {
		section("Who should leave it out")
		for _, a := range avoid {
			b.WriteString(st.Cue.Render(bullet(a.Caution+": "+a.Why)) + "\n")
		}
	}

	section("Sources")
	for _, r := range cat.Citations(t.Sources) {
		b.WriteString(st.Subtle.Render(bullet(coach.CitationLines(r))) + "\n")
	}
	return st.Page.Render(strings.TrimRight(b.String(), "\n"))
}
