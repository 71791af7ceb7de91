package content

import (
	"fmt"
	"maps"
	"slices"
	"unicode/utf8"
)

// Caps on what content may hold. The built-in catalogue is far inside
// them (its longest text is under 250 characters, its longest list 10);
// they keep a pack from slowing every command or flooding the screen.
const (
	MaxIDLen   = 64   // characters in an id or a reference to one
	MaxNameLen = 80   // a name, a day's title, a stage
	MaxTextLen = 2000 // a summary, cue, step, precaution, source, note…
	MaxList    = 50   // items in any one list: steps, areas, program items…

	MaxPackTechniques = 500     // techniques in all the packs together
	MaxPackPrograms   = 100     // programs in all the packs together
	MaxPackReferences = 500     // references in all the packs together
	MaxPackLadders    = 100     // ladders in all the packs together
	MaxPacksBytes     = 2 << 20 // bytes of all the pack files together
)

// clip shortens a value for a message: a pack's 1 MB name must not make
// a 1 MB problem line.
func clip(s string) string {
	const keep = 40
	if utf8.RuneCountInString(s) <= keep {
		return s
	}
	n := 0
	for i := range s {
		if n == keep {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// maxLen reports a field longer than limit characters.
func (v *validator) maxLen(o string, L map[string]int, field, label, what, s string, limit int) {
	if n := utf8.RuneCountInString(s); n > limit {
		v.addAt(o, L, field, "%s: %s is %d characters long, more than %d", label, what, n, limit)
	}
}

// maxList reports a list of more than MaxList items.
func (v *validator) maxList(o string, L map[string]int, field, label, what string, n int) {
	if n > MaxList {
		v.addAt(o, L, field, "%s: %d %s is more than %d", label, n, what, MaxList)
	}
}

// texts checks the length of each item of a list field ("step 2"); the
// label is formatted only for a problem, as most items have none.
func (v *validator) texts(o string, L map[string]int, field, label, what string, items []string, limit int) {
	for i, s := range items {
		if n := utf8.RuneCountInString(s); n > limit {
			v.addAt(o, L, field, "%s: %s %d is %d characters long, more than %d", label, what, i+1, n, limit)
		}
	}
}

func (v *validator) techniqueLimits(o string, L map[string]int, label string, t Technique) {
	v.maxLen(o, L, "name", label, "name", t.Name, MaxNameLen)
	for _, f := range []struct{ field, s string }{
		{"summary", t.Summary}, {"cue", t.Cue}, {"breathing", t.Breathing}, {"why", t.Why},
	} {
		v.maxLen(o, L, f.field, label, f.field, f.s, MaxTextLen)
	}
	for _, f := range []struct {
		field string
		n     int
	}{
		{"areas", len(t.Areas)}, {"equipment", len(t.Equipment)}, {"steps", len(t.Steps)},
		{"precautions", len(t.Precautions)}, {"sources", len(t.Sources)}, {"avoid_if", len(t.AvoidIf)},
	} {
		v.maxList(o, L, f.field, label, f.field, f.n)
	}
	for _, alt := range t.Equipment {
		v.maxList(o, L, "equipment", label, "items in an equipment alternative", len(alt))
	}
	v.texts(o, L, "steps", label, "step", t.Steps, MaxTextLen)
	v.texts(o, L, "precautions", label, "precaution", t.Precautions, MaxTextLen)
	v.texts(o, L, "sources", label, "source", t.Sources, MaxTextLen)
	v.texts(o, L, "dosage", label, "stage", t.Dosage.Stages, MaxNameLen)
	for _, id := range slices.Sorted(maps.Keys(t.AvoidIf)) {
		if n := utf8.RuneCountInString(t.AvoidIf[id]); n > MaxTextLen {
			v.addAt(o, L, "avoid_if", "%s: avoid_if %s is %d characters long, more than %d", label, clip(id), n, MaxTextLen)
		}
	}
}

func (v *validator) programLimits(o string, L map[string]int, label string, p Program) {
	v.maxLen(o, L, "name", label, "name", p.Name, MaxNameLen)
	v.maxLen(o, L, "summary", label, "summary", p.Summary, MaxTextLen)
	v.maxList(o, L, "sources", label, "sources", len(p.Sources))
	v.texts(o, L, "sources", label, "source", p.Sources, MaxTextLen)
	v.maxList(o, L, "items", label, "items", len(p.Items))
	v.maxList(o, L, "days", label, "days", len(p.Days))
	for i, d := range p.Days {
		if utf8.RuneCountInString(d.Title) > MaxNameLen || utf8.RuneCountInString(d.Focus) > MaxTextLen || len(d.Items) > MaxList {
			dl := fmt.Sprintf("%s day %d", label, i+1)
			v.maxLen(o, L, "days", dl, "title", d.Title, MaxNameLen)
			v.maxLen(o, L, "days", dl, "focus", d.Focus, MaxTextLen)
			v.maxList(o, L, "days", dl, "items", len(d.Items))
		}
	}
}

func (v *validator) referenceLimits(o string, L map[string]int, label string, r Reference) {
	for _, f := range []struct{ field, s string }{
		{"title", r.Title}, {"author", r.Author}, {"publisher", r.Publisher}, {"url", r.URL}, {"note", r.Note},
	} {
		v.maxLen(o, L, f.field, label, f.field, f.s, MaxTextLen)
	}
}

// itemLimits checks one program item's note.
func (v *validator) itemLimits(o string, L map[string]int, field, label string, it ProgramItem) {
	v.maxLen(o, L, field, label, "note", it.Note, MaxTextLen)
}
