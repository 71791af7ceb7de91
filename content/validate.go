package content

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Limits on durations, in seconds. Holds shorter than MinHold cannot be
// followed; longer than MaxHold make no sense for a guided hold. Pressure
// techniques stay at or under MaxPressureHold on one spot (CLINICAL.md §2).
const (
	MinHold         = 5
	MaxHold         = 600
	MaxPressureHold = 120
	MaxRest         = 120
	MaxReps         = 10
)

// A reference's year, when given, lies in MinYear–MaxYear.
const (
	MinYear = 1800
	MaxYear = 2100
)

// idPattern is what an ID looks like; compiled when first used, not at
// every start.
var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })

// Problem is one validation finding, located in a file.
type Problem struct {
	Origin string // "file.yaml:12" or "file.yaml"
	Msg    string
	// item is the origin of the technique or program it belongs to.
	item string
}

func (p Problem) String() string { return p.Origin + ": " + p.Msg }

// ProblemList is a set of problems as one error, one per line.
type ProblemList []Problem

func (l ProblemList) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Validate checks the whole catalogue and returns every problem found,
// sorted by origin. An empty result means the catalogue is sound.
func (c *Catalogue) Validate() []Problem {
	v := &validator{c: c}
	v.checkIDs()
	for _, t := range c.Techniques {
		v.technique(t)
		v.variant(t)
	}
	for _, p := range c.Programs {
		v.program(p)
	}
	for _, r := range c.References {
		v.reference(r)
	}
	v.guidance()
	v.safety()
	v.cautions()
	v.ladders()
	sort.SliceStable(v.problems, func(i, j int) bool {
		return lessOrigin(v.problems[i].Origin, v.problems[j].Origin)
	})
	return v.problems
}

// lessOrigin orders "file:line" origins by file, then numerically by line.
func lessOrigin(a, b string) bool {
	fa, la := splitOrigin(a)
	fb, lb := splitOrigin(b)
	if fa != fb {
		return fa < fb
	}
	return la < lb
}

func splitOrigin(o string) (string, int) {
	i := strings.LastIndexByte(o, ':')
	if i < 0 {
		return o, 0
	}
	n, err := strconv.Atoi(o[i+1:])
	if err != nil {
		return o, 0
	}
	return o[:i], n
}

type validator struct {
	c        *Catalogue
	problems []Problem
	// ids and suggested cache the lists of IDs and the "did you mean"
	// hints, so that many unknown references cost one pass each.
	ids       map[string][]string
	suggested map[string]string
}

func (v *validator) add(origin, format string, args ...any) {
	if origin == "" {
		origin = "content"
	}
	v.problems = append(v.problems, Problem{Origin: origin, Msg: fmt.Sprintf(format, args...), item: origin})
}

// addAt reports a problem in one field of an item, at that field's line.
func (v *validator) addAt(itemOrigin string, lines map[string]int, field, format string, args ...any) {
	o := itemOrigin
	if line, ok := lines[field]; ok {
		file, _ := splitOrigin(itemOrigin)
		o = fmt.Sprintf("%s:%d", file, line)
	}
	v.problems = append(v.problems, Problem{Origin: o, Msg: fmt.Sprintf(format, args...), item: itemOrigin})
}

// requiredAt reports a missing field of an item.
func (v *validator) requiredAt(itemOrigin string, lines map[string]int, label, field, value string) {
	if strings.TrimSpace(value) == "" {
		v.addAt(itemOrigin, lines, field, "%s: missing %s", label, field)
	}
}

func (v *validator) checkIDs() {
	seen := map[string]string{}
	for _, t := range v.c.Techniques {
		v.checkID(t.origin, "technique", t.ID, seen)
	}
	seen = map[string]string{}
	for _, p := range v.c.Programs {
		v.checkID(p.origin, "program", p.ID, seen)
	}
	seen = map[string]string{}
	for _, r := range v.c.References {
		v.checkID(r.origin, "reference", r.ID, seen)
	}
	for kind, ids := range map[string][]string{
		"area":      mapIDs(v.c.Areas, func(a Area) string { return a.ID }),
		"equipment": mapIDs(v.c.Equipment, func(e Equipment) string { return e.ID }),
		"caution":   mapIDs(v.c.Cautions, func(k Caution) string { return k.ID }),
	} {
		seen = map[string]string{}
		for _, id := range ids {
			v.checkID("", kind, id, seen)
		}
	}
	if len(v.c.Areas) == 0 {
		v.add("", "no body areas are defined")
	}
}

func mapIDs[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

func (v *validator) checkID(origin, kind, id string, seen map[string]string) {
	switch n := utf8.RuneCountInString(id); {
	case id == "":
		v.add(origin, "%s has no id", kind)
	case n > MaxIDLen:
		v.add(origin, "%s id %q is %d characters long, more than %d", kind, clip(id), n, MaxIDLen)
	case !idPattern().MatchString(id):
		v.add(origin, "%s id %q must be lower-case words joined by hyphens", kind, clip(id))
	}
	if first, dup := seen[id]; dup && id != "" {
		v.add(origin, "duplicate %s id %q (first defined at %s)", kind, clip(id), first)
		return
	}
	if origin == "" {
		origin = "content"
	}
	seen[id] = origin
}

func (v *validator) required(origin, what, value string) {
	if strings.TrimSpace(value) == "" {
		v.add(origin, "missing %s", what)
	}
}

func (v *validator) technique(t Technique) {
	o := t.origin
	label := "technique " + clip(t.ID)
	L := t.lines
	v.techniqueLimits(o, L, label, t)
	v.requiredAt(o, L, label, "name", t.Name)
	v.requiredAt(o, L, label, "summary", t.Summary)
	v.requiredAt(o, L, label, "cue", t.Cue)
	v.requiredAt(o, L, label, "why", t.Why)
	if len(t.Areas) == 0 {
		v.addAt(o, L, "areas", "%s has no body area", label)
	}
	for _, a := range t.Areas {
		if _, ok := v.c.Area(a); !ok {
			v.addAt(o, L, "areas", "%s: unknown area %q%s", label, clip(a), v.suggest("area", a))
		}
	}
	if !slices.Contains(Roles, t.Role) {
		v.addAt(o, L, "role", "%s: unknown role %q (one of %s)", label, clip(string(t.Role)), joinAny(Roles))
	}
	if !slices.Contains(Positions, t.Position) {
		v.addAt(o, L, "position", "%s: unknown position %q (one of %s)", label, clip(string(t.Position)), joinAny(Positions))
	}
	if t.Motion != "" && !slices.Contains(Motions, t.Motion) {
		v.addAt(o, L, "motion", "%s: unknown motion %q (one of %s)", label, clip(string(t.Motion)), joinAny(Motions))
	}
	if !slices.Contains(Intensities, t.Intensity) {
		v.addAt(o, L, "intensity", "%s: unknown intensity %q (one of %s)", label, clip(string(t.Intensity)), joinAny(Intensities))
	}
	for _, alt := range t.Equipment {
		if len(alt) == 0 {
			v.addAt(o, L, "equipment", "%s: empty equipment alternative", label)
		}
		for _, id := range alt {
			if _, ok := v.c.EquipmentByID(id); !ok {
				v.addAt(o, L, "equipment", "%s: unknown equipment %q%s", label, clip(id), v.suggest("equipment", id))
			}
		}
	}
	if len(t.Steps) == 0 {
		v.addAt(o, L, "steps", "%s has no steps", label)
	}
	for i, s := range t.Steps {
		if strings.TrimSpace(s) == "" {
			v.addAt(o, L, "steps", "%s: step %d is empty", label, i+1)
		}
	}
	if len(t.Precautions) == 0 {
		v.addAt(o, L, "precautions", "%s has no precaution", label)
	}
	v.sources(o, L, label, t.Sources)
	for _, id := range slices.Sorted(maps.Keys(t.AvoidIf)) {
		if _, ok := v.c.Caution(id); !ok {
			v.addAt(o, L, "avoid_if", "%s: avoid_if names unknown caution %q%s", label, clip(id), v.suggest("caution", id))
		}
		if strings.TrimSpace(t.AvoidIf[id]) == "" {
			v.addAt(o, L, "avoid_if", "%s: avoid_if %s needs a reason", label, clip(id))
		}
	}
	v.dosage(o, L, label, t)
	v.figures(o, L, label, t)
}

func (v *validator) dosage(o string, L map[string]int, label string, t Technique) {
	d := t.Dosage
	maxHold := MaxHold
	if t.Pressure {
		maxHold = MaxPressureHold
	}
	switch {
	case d.MinHoldSeconds < MinHold:
		v.addAt(o, L, "dosage", "%s: min_hold_seconds %d is under %d", label, d.MinHoldSeconds, MinHold)
	case d.MaxHoldSeconds > maxHold:
		v.addAt(o, L, "dosage", "%s: max_hold_seconds %d is over %d", label, d.MaxHoldSeconds, maxHold)
	case d.MinHoldSeconds > d.HoldSeconds || d.HoldSeconds > d.MaxHoldSeconds:
		v.addAt(o, L, "dosage", "%s: hold_seconds %d is outside %d–%d", label, d.HoldSeconds, d.MinHoldSeconds, d.MaxHoldSeconds)
	}
	if d.Reps < 0 || d.Reps > MaxReps {
		v.addAt(o, L, "dosage", "%s: reps %d is outside 1–%d", label, d.Reps, MaxReps)
	}
	if len(d.Stages) > 0 && d.Reps > 0 {
		v.addAt(o, L, "dosage", "%s: give either stages or reps, not both", label)
	}
	if len(d.Stages) > MaxReps {
		v.addAt(o, L, "dosage", "%s: %d stages is more than %d", label, len(d.Stages), MaxReps)
	}
	for i, s := range d.Stages {
		if strings.TrimSpace(s) == "" {
			v.addAt(o, L, "dosage", "%s: stage %d is empty", label, i+1)
		}
	}
	if d.RestSeconds < 0 || d.RestSeconds > MaxRest {
		v.addAt(o, L, "dosage", "%s: rest_seconds %d is outside 0–%d", label, d.RestSeconds, MaxRest)
	}
}

// citationNeeds says what a reference needs, for messages.
const citationNeeds = "a title or author, and an author, publisher or url to find it by (if none is known, a note saying what it is)"

// sources checks a list of sources: each names a known reference by ID,
// once. A file name ("seeds/002_x.txt", "CLINICAL.md §3") is not a
// citation, and the message says what one needs.
func (v *validator) sources(o string, L map[string]int, label string, sources []string) {
	if len(sources) == 0 {
		v.addAt(o, L, "sources", "%s has no source", label)
	}
	seen := map[string]bool{}
	for _, s := range sources {
		switch _, known := v.c.Reference(s); {
		case strings.TrimSpace(s) == "":
			v.addAt(o, L, "sources", "%s: a source is empty", label)
		case known && seen[s]:
			v.addAt(o, L, "sources", "%s: source %q is listed twice", label, clip(s))
		case known:
		case looksLikeFileName(s):
			v.addAt(o, L, "sources", "%s: source %q is a file name, not a citation: add it under references: with %s, and cite its id", label, clip(s), citationNeeds)
		default:
			v.addAt(o, L, "sources", "%s: unknown reference %q%s; a source is the id of a reference listed under references:", label, clip(s), v.suggest("reference", s))
		}
		seen[s] = true
	}
}

// reference checks one reference: something that names the work and
// something to find it by, none of it a bare file name; a well-formed
// web address; a plausible year.
func (v *validator) reference(r Reference) {
	o, L := r.origin, r.lines
	label := "reference " + clip(r.ID)
	v.referenceLimits(o, L, label, r)
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	names := !blank(r.Title) || !blank(r.Author)
	findable := !blank(r.Author) || !blank(r.Publisher) || !blank(r.URL)
	if blank(r.Note) && (!names || !findable) {
		v.add(o, "%s needs %s", label, citationNeeds)
	}
	for _, f := range []struct{ field, s string }{
		{"title", r.Title}, {"author", r.Author}, {"publisher", r.Publisher}, {"note", r.Note},
	} {
		if looksLikeFileName(f.s) {
			v.addAt(o, L, f.field, "%s: %s %q is a file name, not a citation; a reference needs %s", label, f.field, clip(f.s), citationNeeds)
		}
	}
	if r.URL != "" && !webAddress(r.URL) {
		v.addAt(o, L, "url", "%s: url %q is not a web address (http:// or https://)", label, clip(r.URL))
	}
	if r.Year != 0 && (r.Year < MinYear || r.Year > MaxYear) {
		v.addAt(o, L, "year", "%s: year %d is outside %d–%d", label, r.Year, MinYear, MaxYear)
	}
}

// fileName matches text that is only a file name or path, perhaps with a
// section after it: "seeds/002_x.txt", "notes.md", "CLINICAL.md §3".
var fileName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\S*\.(txt|md|markdown|pdf|docx?|odt|rtf|html?|ya?ml|json|csv|xlsx?|pptx?|epub)(\s|$)|^\S*/\S*$`)
})

func looksLikeFileName(s string) bool {
	s = strings.TrimSpace(s)
	return fileName().MatchString(s) && !webAddress(s)
}

// webAddress reports whether s is an absolute http(s) URL with a host.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

func (v *validator) program(p Program) {
	o := p.origin
	label := "program " + clip(p.ID)
	L := p.lines
	v.programLimits(o, L, label, p)
	v.requiredAt(o, L, label, "name", p.Name)
	v.requiredAt(o, L, label, "summary", p.Summary)
	v.sources(o, L, label, p.Sources)
	switch _, ok := v.c.Program(p.Next); {
	case p.Next == "": // nothing follows
	case p.Next == p.ID:
		// Suggesting the closest program here would suggest this one.
		v.addAt(o, L, "next", "%s: next names the program itself; name another program to follow it", label)
	case !ok:
		v.addAt(o, L, "next", "%s: next names %s, which is not another program%s", label, quote(clip(p.Next)), v.suggest("program", p.Next))
	}
	switch {
	case len(p.Items) > 0 && len(p.Days) > 0:
		v.add(o, "%s: give either items or days, not both", label)
	case len(p.Items) == 0 && len(p.Days) == 0:
		v.add(o, "%s has no items", label)
	}
	v.items(o, L, "items", label, p.Items)
	for i, d := range p.Days {
		dl := fmt.Sprintf("%s day %d", label, i+1)
		if strings.TrimSpace(d.Title) == "" {
			v.addAt(o, L, "days", "%s: missing title", dl)
		}
		if len(d.Items) == 0 {
			v.addAt(o, L, "days", "%s has no items", dl)
		}
		v.items(o, L, "days", dl, d.Items)
	}
}

func (v *validator) items(o string, L map[string]int, field, label string, items []ProgramItem) {
	for i, it := range items {
		il := fmt.Sprintf("%s item %d", label, i+1)
		v.itemLimits(o, L, field, il, it)
		t, ok := v.c.Technique(it.Technique)
		if !ok {
			v.addAt(o, L, field, "%s: unknown technique %q%s", il, clip(it.Technique), v.suggest("technique", it.Technique))
			continue
		}
		if it.HoldSeconds != 0 && (it.HoldSeconds < t.Dosage.MinHoldSeconds || it.HoldSeconds > t.Dosage.MaxHoldSeconds) {
			v.addAt(o, L, field, "%s: hold_seconds %d is outside %s's %d–%d", il, it.HoldSeconds, clip(t.ID), t.Dosage.MinHoldSeconds, t.Dosage.MaxHoldSeconds)
		}
		if it.Reps < 0 || it.Reps > MaxReps {
			v.addAt(o, L, field, "%s: reps %d is outside 1–%d", il, it.Reps, MaxReps)
		}
		if it.Reps > 0 && len(t.Dosage.Stages) > 0 {
			v.addAt(o, L, field, "%s: %s has stages, so reps cannot be set", il, clip(t.ID))
		}
	}
}

func (v *validator) guidance() {
	if v.c.guidanceFiles == 0 {
		return // user packs carry no guidance
	}
	if v.c.guidanceFiles > 1 {
		v.add("guidance", "guidance is defined in %d files; only one is allowed", v.c.guidanceFiles)
	}
	g := v.c.Guidance
	v.required("guidance", "guidance disclaimer", g.Disclaimer)
	v.required("guidance", "guidance disclaimer_full", g.DisclaimerFull)
	for what, list := range map[string][]string{
		"stop_rules":          g.StopRules,
		"general_precautions": g.GeneralPrecautions,
		"see_a_professional":  g.SeeAProfessional,
		"best_practices":      g.BestPractices,
	} {
		if len(list) == 0 {
			v.add("guidance", "guidance has no %s", what)
		}
	}
	if len(g.Preparation) == 0 {
		v.add("guidance", "guidance has no preparation tips")
	}
	v.sources("guidance", nil, "guidance", g.Sources)
}

func (c *Catalogue) areaIDs() []string {
	return mapIDs(c.Areas, func(a Area) string { return a.ID })
}

func (c *Catalogue) equipmentIDs() []string {
	return mapIDs(c.Equipment, func(e Equipment) string { return e.ID })
}

func (c *Catalogue) cautionIDs() []string {
	return mapIDs(c.Cautions, func(k Caution) string { return k.ID })
}

// AreaIDs lists every body area ID in catalogue order.
func (c *Catalogue) AreaIDs() []string { return c.areaIDs() }

// EquipmentIDs lists every equipment ID in catalogue order.
func (c *Catalogue) EquipmentIDs() []string { return c.equipmentIDs() }

func joinAny[T ~string](items []T) string {
	s := make([]string, len(items))
	for i, it := range items {
		s[i] = string(it)
	}
	return strings.Join(s, ", ")
}

// maxSuggestions is how many unknown names get a "did you mean": each
// compares the name with every ID of its kind, so without a limit 2,000
// missing references among 2,000 techniques took 8 s.
const maxSuggestions = 20

// suggest is the "did you mean" hint for an unknown reference of a kind
// ("area", "equipment", "caution", "technique").
func (v *validator) suggest(kind, got string) string {
	key := kind + "\x00" + got
	if hint, ok := v.suggested[key]; ok {
		return hint
	}
	if len(v.suggested) >= maxSuggestions {
		return ""
	}
	if v.suggested == nil {
		v.suggested, v.ids = map[string]string{}, map[string][]string{}
	}
	ids, ok := v.ids[kind]
	if !ok {
		ids = v.c.idsOf(kind)
		v.ids[kind] = ids
	}
	hint := suggest(got, ids)
	v.suggested[key] = hint
	return hint
}

// idsOf lists the IDs of a kind of thing references name.
func (c *Catalogue) idsOf(kind string) []string {
	switch kind {
	case "area":
		return c.areaIDs()
	case "equipment":
		return c.equipmentIDs()
	case "caution":
		return c.cautionIDs()
	case "reference":
		return mapIDs(c.References, func(r Reference) string { return r.ID })
	case "program":
		return c.ProgramIDs()
	}
	return c.TechniqueIDs()
}

func suggest(got string, valid []string) string {
	if near := Closest(got, valid, 3); len(near) > 0 {
		return " (did you mean " + strings.Join(near, ", ") + "?)"
	}
	return ""
}

// cautions checks each caution's limits name real levels and equipment.
func (v *validator) cautions() {
	for _, k := range v.c.Cautions {
		label := "caution " + clip(k.ID)
		l := k.Limits
		if l.Intensity != "" && !slices.Contains(Intensities, l.Intensity) {
			v.add("", "%s: limits.intensity %q is not one of %v", label, clip(string(l.Intensity)), Intensities)
		}
		if l.Pressure != "" && l.Pressure != PressureNone && !slices.Contains(Intensities, Intensity(l.Pressure)) {
			v.add("", "%s: limits.pressure %q is not none or one of %v", label, clip(l.Pressure), Intensities)
		}
		for _, id := range l.AvoidEquipment {
			if _, ok := v.c.EquipmentByID(id); !ok {
				v.add("", "%s: limits.avoid_equipment names unknown equipment %q%s", label, clip(id), v.suggest("equipment", id))
			}
		}
	}
}

// variant checks variant_of names a technique that is not itself a variant.
func (v *validator) variant(t Technique) {
	o, L, label := t.origin, t.lines, "technique "+clip(t.ID)
	if t.VariantOf != "" {
		switch orig, ok := v.c.Technique(t.VariantOf); {
		case !ok:
			v.addAt(o, L, "variant_of", "%s: variant_of names unknown technique %q%s", label, clip(t.VariantOf), v.suggest("technique", t.VariantOf))
		case orig.ID == t.ID:
			v.addAt(o, L, "variant_of", "%s: variant_of names itself", label)
		case orig.VariantOf != "":
			v.addAt(o, L, "variant_of", "%s: variant_of names %s, which is itself a variant", label, orig.ID)
		}
	}
}
